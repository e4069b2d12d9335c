package tui

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// homeOf is the home screen of a store holding assessments of those names,
// the first the most recently changed, with the list read.
func homeOf(t *testing.T, w, h int, names ...string) (Model, *store.Store) {
	t.Helper()
	st := openStore(t, false)
	for i, name := range names {
		a := assessment.New(name, "soc2", fixedNow.Add(-time.Duration(i)*time.Hour))
		a.Scope.Organization = "Org of " + name
		if err := st.Create(t.Context(), a, assessment.Summary{Applicable: 150}); err != nil {
			t.Fatal(err)
		}
	}
	m := sized(New(testOptions(t, st)), w, h)
	m, _ = update(t, m, loadList(st)())
	return m, st
}

// listedNames are the names of the store's assessments.
func listedNames(t *testing.T, st *store.Store) []string {
	t.Helper()
	infos, err := st.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, in := range infos {
		names = append(names, in.Name)
	}
	slices.Sort(names)
	return names
}

// Keys typed in the same burst as enter are for the screen being opened:
// d y, r Z enter and c never delete, rename or duplicate on the home
// screen hidden behind it.
func TestKeysAfterEnterAreForTheOpenedScreen(t *testing.T) {
	for _, keys := range [][]string{{"d", "y"}, {"r", "Z", "enter"}, {"c"}, {"n"}} {
		t.Run(strings.Join(keys, " "), func(t *testing.T) {
			m, st := homeOf(t, 100, 30, "S3", "S2", "S1")
			before := listedNames(t, st)
			next, open := m.Update(press("enter"))
			m = next.(Model)
			m = typeKeys(m, keys...)
			if len(m.held) != len(keys) || m.home.deleting != nil || m.home.rename != nil {
				t.Fatalf("the keys reached the home screen: %d of %d held, deleting %v, renaming %v",
					len(m.held), len(keys), m.home.deleting, m.home.rename != nil)
			}
			if err := m.sh.writer.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := listedNames(t, st); !slices.Equal(got, before) {
				t.Fatalf("the store changed to %v (was %v)", got, before)
			}
			m, loaded := update(t, m, runCmd(open)) // openAssessmentMsg
			m, _ = update(t, m, loaded)
			if m.screen != screenQuestions || len(m.held) != 0 {
				t.Fatalf("after the open: screen %v, %d keys still held", m.screen, len(m.held))
			}
		})
	}
}

// When the assessment cannot be opened, the keys typed after enter are
// dropped, not given to the home screen; later keys work there again.
func TestFailedOpenDropsTheKeysTypedAfterEnter(t *testing.T) {
	m, st := homeOf(t, 100, 30, "S3", "S2", "S1")
	m = typeKeys(m, "enter", "d")
	next, _ := m.Update(assessmentLoadedMsg{err: errors.New("disk on fire")})
	m = next.(Model)
	if m.screen != screenHome || len(m.held) != 0 || m.home.deleting != nil || m.home.opening {
		t.Fatalf("after a failed open: screen %v, %d held, deleting %v, opening %v",
			m.screen, len(m.held), m.home.deleting, m.home.opening)
	}
	if !strings.Contains(plain(m), "Could not open the assessment: disk on fire") {
		t.Fatalf("the failure is not shown:\n%s", plain(m))
	}
	m = typeKeys(m, "j", "d")
	if m.home.deleting == nil || m.home.deleting.Name != "S2" {
		t.Fatalf("d after the failure did not ask to delete the row below: %+v", m.home.deleting)
	}
	if got := listedNames(t, st); len(got) != 3 {
		t.Fatalf("the store holds %v", got)
	}
}

// A delete question asked on the home screen does not outlive it: shown
// again, the home screen asks nothing.
func TestNoDeleteQuestionWaitsOnTheHomeScreen(t *testing.T) {
	m, st := homeOf(t, 100, 30, "S3", "S2", "S1")
	a, err := st.LoadUUID(t.Context(), m.home.infos[0].UUID)
	if err != nil {
		t.Fatal(err)
	}
	m.sess = newSession(a, builtin(t))
	m.home.deleting = &m.home.infos[0] // as left by an earlier build
	m.screen = screenQuestions
	next, _ := m.Update(gotoMsg{screenHome})
	m = next.(Model)
	if m.home.deleting != nil || strings.Contains(plain(m), "Delete ") {
		t.Fatalf("a delete question waits on the home screen:\n%s", plain(m))
	}
}

// The assessment named at start opens; keys typed meanwhile wait for its
// screen instead of starting a new assessment on the home screen.
func TestKeysWhileTheNamedAssessmentOpensWait(t *testing.T) {
	st := openStore(t, true)
	opts := testOptions(t, st)
	opts.OpenName = "Acme Cloud readiness"
	m := sized(New(opts), 100, 30)
	m = typeKeys(m, "n")
	if m.screen != screenHome || len(m.held) != 1 {
		t.Fatalf("n while opening: screen %v, %d held", m.screen, len(m.held))
	}
	next, _ := m.Update(m.first())
	m = next.(Model)
	if m.screen != screenResults || len(m.held) != 0 {
		t.Fatalf("after the open: screen %v, %d held", m.screen, len(m.held))
	}
}

// enter on a list read before another gapmap deleted the assessment and
// created one that took its row ID opens nothing, rather than the other.
func TestEnterOnAStaleListOpensThatAssessmentOrNothing(t *testing.T) {
	m, st := homeOf(t, 100, 30, "Deleted elsewhere")
	gone := m.home.infos[0]
	if err := st.Delete(t.Context(), gone.UUID); err != nil {
		t.Fatal(err)
	}
	other := assessment.New("Created elsewhere", "soc2", fixedNow)
	if err := st.Create(t.Context(), other, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	if other.ID != gone.ID {
		t.Skipf("the new assessment has row %d, not the deleted one's %d", other.ID, gone.ID)
	}
	next, open := m.Update(press("enter"))
	m, loaded := update(t, next.(Model), runCmd(open))
	m, _ = update(t, m, loaded)
	if m.screen != screenHome || m.sess != nil || !strings.Contains(plain(m), "Could not open the assessment") {
		t.Fatalf("enter on a deleted assessment opened %v:\n%s", m.screen, plain(m))
	}
}

// A delete asked from a list read before another gapmap answered in the
// assessment or renamed it is refused, says why, and the list is read
// again; d y then deletes what is now shown.
func TestDeleteFromAStaleListIsRefused(t *testing.T) {
	for _, change := range []string{"answer", "rename"} {
		t.Run(change, func(t *testing.T) {
			m, st := homeOf(t, 100, 30, "Client Foo", "Other")
			foo := m.home.infos[0]
			switch change {
			case "answer":
				ans := assessment.Answer{Value: assessment.Yes, AnsweredBy: "TUI 1"}
				if err := st.SaveAnswer(t.Context(), foo.UUID, "access.mfa", assessment.Answer{}, ans, assessment.Summary{Applicable: 150, Answered: 1}); err != nil {
					t.Fatal(err)
				}
			case "rename":
				if err := st.Rename(t.Context(), foo.UUID, "Client Bar"); err != nil {
					t.Fatal(err)
				}
			}
			m = typeKeys(m, "d")
			next, del := m.Update(press("y"))
			m = next.(Model)
			m, reload := update(t, m, runCmd(del))
			if !strings.Contains(plain(m), "Not deleted: \"Client Foo\" changed in another gapmap since it was listed") {
				t.Fatalf("no refusal on screen:\n%s", plain(m))
			}
			if _, err := st.LoadUUID(t.Context(), foo.UUID); err != nil {
				t.Fatalf("the assessment is gone: %v", err)
			}
			m, _ = update(t, m, reload)
			if m.home.follow != foo.UUID || m.home.infos[m.home.cursor].Revision == foo.Revision {
				t.Fatalf("the list was not read again with the cursor on it: %+v", m.home.infos)
			}
			m = typeKeys(m, "d")
			next, del = m.Update(press("y"))
			m, _ = update(t, next.(Model), runCmd(del))
			if _, err := st.LoadUUID(t.Context(), foo.UUID); !errors.Is(err, store.ErrGone) {
				t.Fatalf("d y on the list read again did not delete: %v", err)
			}
		})
	}
}

// pollHome runs one poll of an idle home screen, as the ticker would, and
// what it asks for.
func pollHome(t *testing.T, m Model) (Model, bool) {
	t.Helper()
	next, cmd := m.Update(pollTickMsg{})
	m = next.(Model)
	batch, _ := runCmd(cmd).(tea.BatchMsg)
	var stamp tea.Msg
	for _, c := range batch {
		if msg, ok := runCmd(c).(listStampMsg); ok {
			stamp = msg
		}
	}
	if stamp == nil {
		t.Fatal("an idle home screen's poll did not read the stamp")
	}
	m, list := update(t, m, stamp)
	if list == nil {
		return m, false
	}
	m, _ = update(t, m, list)
	return m, true
}

// The home list picks up assessments created elsewhere while it is shown,
// and is not read again while nothing changed.
func TestHomeListShowsOtherGapmapsWork(t *testing.T) {
	m, st := homeOf(t, 100, 30, "S2", "S1")
	m.sh.opts.PollInterval = time.Millisecond
	if _, reread := pollHome(t, m); reread {
		t.Fatal("the list was read again though nothing changed")
	}
	if err := st.Create(t.Context(), assessment.New("Made by the CLI", "soc2", fixedNow.Add(time.Hour)), assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	m, reread := pollHome(t, m)
	if !reread || !strings.Contains(plain(m), "Made by the CLI") {
		t.Fatalf("the new assessment is not listed (read again: %v):\n%s", reread, plain(m))
	}
	if m.home.infos[m.home.cursor].Name != "S2" {
		t.Fatalf("the cursor left S2 for %q", m.home.infos[m.home.cursor].Name)
	}
}

// The cursor stays on the assessment it was on when the list is read again
// in another order: after answering in it elsewhere, and after a rename.
func TestHomeCursorFollowsTheAssessment(t *testing.T) {
	m, st := homeOf(t, 100, 30, "A", "B", "Client Foo", "D")
	m = typeKeys(m, "j", "j")
	foo := m.home.infos[2]
	if foo.Name != "Client Foo" {
		t.Fatalf("row 3 is %q", foo.Name)
	}
	ans := assessment.Answer{Value: assessment.Yes, AnsweredBy: "Dana"}
	if err := st.SaveAnswer(t.Context(), foo.UUID, "access.mfa", assessment.Answer{}, ans, assessment.Summary{Applicable: 150, Answered: 1}); err != nil {
		t.Fatal(err)
	}
	m, _ = update(t, m, loadList(st)())
	if m.home.infos[0].UUID != foo.UUID || m.home.cursor != 0 {
		t.Fatalf("after an answer Client Foo is on row %d, the cursor on row %d", m.home.indexOf(foo.UUID)+1, m.home.cursor+1)
	}
	m = typeKeys(m, "d")
	if m.home.deleting == nil || m.home.deleting.UUID != foo.UUID {
		t.Fatalf("d asks to delete %+v, want Client Foo", m.home.deleting)
	}
	m = typeKeys(m, "n", "G", "r", "X")
	last := m.home.infos[len(m.home.infos)-1]
	next, cmd := m.Update(press("enter"))
	m, _ = update(t, next.(Model), runCmd(cmd)) // renamedMsg
	m, _ = update(t, m, loadList(st)())
	if got := m.home.infos[m.home.cursor]; got.UUID != last.UUID || !strings.HasSuffix(got.Name, "X") {
		t.Fatalf("after renaming %q the cursor is on %q", last.Name, got.Name)
	}
}

// Names and organizations of wide characters (CJK, emoji, combining marks
// and joined emoji) are measured in terminal cells: every row is as wide
// as the header, its columns where the header's are.
func TestHomeTableMeasuresCells(t *testing.T) {
	for _, w := range []int{120, 100, 60} {
		m, st := homeOf(t, w, 30, "株式会社テスト", "שָׁלוֹם עוֹלָם", "🎉 Launch 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉", "Plain ASCII")
		family := "👩\u200d👩\u200d👧\u200d👦"
		infos, _ := st.List(t.Context())
		a, err := st.LoadUUID(t.Context(), infos[3].UUID)
		if err != nil {
			t.Fatal(err)
		}
		prev, err := st.LoadUUID(t.Context(), infos[3].UUID)
		if err != nil {
			t.Fatal(err)
		}
		a.Scope.Organization = family + " Family " + family + " and " + family + " friends"
		if err := st.SaveSetup(t.Context(), prev, a, assessment.Summary{}); err != nil {
			t.Fatal(err)
		}
		m, _ = update(t, m, loadList(st)())
		lines := strings.Split(plain(m), "\n")
		header := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "ASSESSMENT") })
		// The date, last, starts under its title and is whole.
		title := "LAST CHANGE"
		if !strings.Contains(lines[header], title) {
			title = "CHANGED" // narrow
		}
		at := func(l, s string) int {
			i := strings.Index(l, s)
			if i < 0 {
				return -1
			}
			return ansi.StringWidth(l[:i])
		}
		want := at(lines[header], title)
		for _, l := range lines[header+1 : header+5] {
			date := dateRE.FindString(l) // the fixed clock's, or now for the setup saved above
			if got := at(l, date); date == "" || got != want || strings.HasSuffix(l, "…") || ansi.StringWidth(l) > w {
				t.Errorf("at %d columns a row's date is at cell %d, its title at %d:\n%s\n%s", w, got, want, lines[header], l)
			}
			if strings.Contains(l, "👩") && !strings.Contains(l, family) && !strings.Contains(l, "…") {
				t.Errorf("a joined emoji was cut: %q", l)
			}
		}
	}
}

// The hostile tester's burst, on the real program: enter d y typed at once
// opens S3's questions and deletes nothing.
func TestBurstOfEnterDeleteYesDeletesNothing(t *testing.T) {
	_, st := homeOf(t, 100, 30, "S3", "S2", "S1")
	tm, f := start(t, New(testOptions(t, st)), 100, 30)
	waitFor(t, f, "S1")
	burst(tm, "enter", "dy")
	waitFor(t, f, "question 1 of")
	tm.Send(press("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))
	if got := listedNames(t, st); !slices.Equal(got, []string{"S1", "S2", "S3"}) {
		t.Fatalf("the store holds %v after enter d y", got)
	}
}

var dateRE = regexp.MustCompile(`20\d\d-\d\d-\d\d`)
