package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/assets"
	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// demoRoadmap is the roadmap screen of the demo assessment at w×h: a plan
// whose work packages group items out of the plan's order.
func demoRoadmap(t *testing.T, w, h int) Model {
	t.Helper()
	m, _ := demoModel(t, w, h).show(screenRoadmap)
	return m
}

// demoModel is the model at w×h with the demo assessment open, as
// `gapmap demo` opens it.
func demoModel(t *testing.T, w, h int) Model {
	t.Helper()
	a, err := assessment.ParseFile("demo.yaml", assets.Demo, questionnaire.Builtin, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	qn := builtin(t)
	assessment.UpgradeInPlace(qn, a)
	m := sized(New(testOptions(t, openStore(t, false))), w, h)
	m.sess = newSession(a, qn)
	return m
}

// selectedTitle is the title on the line marked › in the frame.
func selectedTitle(t *testing.T, m Model) string {
	t.Helper()
	for _, l := range strings.Split(plain(m), "\n") {
		if _, after, ok := strings.Cut(l, "› "); ok {
			return strings.TrimSpace(after)
		}
	}
	return ""
}

func key1(t *testing.T, m Model, k string) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(press(k))
	return next.(Model), cmd
}

// TestRoadmapKeysWalkTheOrderShown: ↓ moves to the next item on screen,
// through every item once, and enter opens the item marked ›.
func TestRoadmapKeysWalkTheOrderShown(t *testing.T) {
	m := demoRoadmap(t, 120, 40)
	s := m.roadmap
	// The items in the order of their lines on screen.
	var shown []string
	for line := range s.lines {
		for i, at := range s.itemLine {
			if at == line {
				shown = append(shown, s.plan.Items[i].Question.ID)
			}
		}
	}
	inPlanOrder := true
	for i, id := range shown {
		inPlanOrder = inPlanOrder && s.plan.Items[i].Question.ID == id
	}
	if inPlanOrder {
		t.Fatal("the demo's roadmap shows its items in the plan's order; the test needs one that does not")
	}
	for i, id := range shown {
		if got := m.roadmap.plan.Items[m.roadmap.cursor].Question.ID; got != id {
			t.Fatalf("after %d × ↓ the cursor is on %s, want %s, the item shown %d", i, got, id, i+1)
		}
		want := oneLine(m.sess.qn.Question(id).Title)
		if got := selectedTitle(t, m); !strings.HasPrefix(want, strings.TrimSuffix(got, "…")) || got == "" {
			t.Fatalf("after %d × ↓ the line marked › is %q, want %q", i, got, want)
		}
		if i < 3 {
			_, cmd := key1(t, m, "enter")
			if msg, ok := cmd().(openQuestionMsg); !ok || msg.id != id {
				t.Fatalf("enter on %s opens %+v", id, msg)
			}
		}
		m, _ = key1(t, m, "down")
	}
	m, _ = key1(t, m, "up")
	if got := m.roadmap.plan.Items[m.roadmap.cursor].Question.ID; got != shown[len(shown)-2] {
		t.Errorf("↑ from the last item goes to %s, want %s", got, shown[len(shown)-2])
	}
	m, _ = key1(t, m, "home")
	if got := m.roadmap.plan.Items[m.roadmap.cursor].Question.ID; got != shown[0] {
		t.Errorf("home goes to %s, want %s", got, shown[0])
	}
	m, _ = key1(t, m, "end")
	if got := m.roadmap.plan.Items[m.roadmap.cursor].Question.ID; got != shown[len(shown)-1] {
		t.Errorf("end goes to %s, want %s", got, shown[len(shown)-1])
	}
}

// TestRoadmapSelectedItemAlwaysShows: at every size down to 60×20 and on
// every item, the item selected is on screen, marked ›, with its facts,
// whatever the summary's length.
func TestRoadmapSelectedItemAlwaysShows(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {60, 24}, {80, 20}, {120, 40}} {
		m := demoRoadmap(t, size[0], size[1])
		for i := range m.roadmap.plan.Items {
			it := m.roadmap.plan.Items[m.roadmap.cursor]
			got := selectedTitle(t, m)
			if got == "" || !strings.HasPrefix(oneLine(it.Title), strings.TrimSuffix(got, "…")) {
				t.Fatalf("%dx%d, item %d (%s): the line marked › is %q:\n%s", size[0], size[1], i, it.Question.ID, got, plain(m))
			}
			// Its facts wrap, whole: the tester saw "owner Priya (…".
			if o := it.Answer.Owner; o != "" && !strings.Contains(flat(plain(m)), "· owner "+oneLine(o)) {
				t.Fatalf("%dx%d, item %d (%s): the owner %q is cut:\n%s", size[0], size[1], i, it.Question.ID, o, plain(m))
			}
			if lines := strings.Count(plain(m), "\n") + 1; lines > size[1] {
				t.Fatalf("%dx%d: the frame has %d lines", size[0], size[1], lines)
			}
			m, _ = key1(t, m, "down")
		}
	}
}
