package tui

import (
	"context"
	"image/color"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// probe wraps the root model and records each frame as plain text. The
// renderer writes only the cells that change, so the output stream cannot
// be searched for text reliably; the last frame can.
type probe struct {
	Model
	last *frame
}

type frame struct {
	mu   sync.Mutex
	text string
}

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := p.Model.Update(msg)
	return probe{m.(Model), p.last}, cmd
}

func (p probe) View() tea.View {
	v := p.Model.View()
	p.last.mu.Lock()
	p.last.text = ansi.Strip(v.Content)
	p.last.mu.Unlock()
	return v
}

// start runs the program under teatest with a probe on its frames.
func start(t *testing.T, m Model, w, h int) (*teatest.TestModel, *frame) {
	last := &frame{}
	tm := teatest.NewTestModel(t, probe{m, last},
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	tm.Send(tea.BackgroundColorMsg{Color: color.Black})
	return tm, last
}

// focus presses enter and waits until the form's field titled title has
// the focus (huh marks it with a bar).
func focus(t *testing.T, tm *teatest.TestModel, f *frame, title string) {
	t.Helper()
	tm.Send(press("enter"))
	waitFor(t, f, "┃ "+title)
}

// waitFor waits until the last frame shows text.
func waitFor(t *testing.T, f *frame, text string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		ok := strings.Contains(f.text, text)
		f.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	t.Fatalf("the screen never showed %q; last frame:\n%s", text, f.text)
}

// TestQuestionLoopPersists drives the real program: open the assessment
// from the home screen, answer, add a note, flag, go back, quit; then reads
// the database to find exactly what was shown as saved.
func TestQuestionLoopPersists(t *testing.T) {
	st := openStore(t, true)
	tm, f := start(t, New(testOptions(t, st)), 100, 30)
	waitFor(t, f, "Acme Cloud readiness")
	tm.Send(press("enter"))
	waitFor(t, f, "question 1 of")

	first := "governance.security-owner"
	tm.Send(press("1")) // in place, moves on
	waitFor(t, f, "Saved: "+builtin(t).Question(first).Title)
	tm.Send(press("4")) // second question: not in place
	waitFor(t, f, "question 3 of")
	tm.Send(press("h")) // back to the second
	waitFor(t, f, "question 2 of")
	tm.Send(press("e"))
	waitFor(t, f, "┃ Note")
	tm.Type("Policy drafted, not approved")
	focus(t, tm, f, "Evidence reference")
	focus(t, tm, f, "Owner")
	tm.Type("Priya")
	tm.Send(press("enter"))
	waitFor(t, f, "Owner: Priya")
	tm.Send(press("f"))
	waitFor(t, f, "follow-up")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))

	a, err := st.LoadByName(context.Background(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers[first]; got.Value != assessment.Yes || got.AnsweredBy != "Dana (CTO)" {
		t.Errorf("%s stored as %+v", first, got)
	}
	second := "governance.policy-set"
	got := a.Answers[second]
	if got.Value != assessment.No || got.Note != "Policy drafted, not approved" || got.Owner != "Priya" || !got.Flagged {
		t.Errorf("%s stored as %+v", second, got)
	}
	hist, err := st.History(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, h := range hist {
		if h.QuestionID == second {
			changed = append(changed, h.Old+"→"+h.New)
		}
	}
	if len(changed) < 2 || !strings.HasSuffix(changed[0], "→no") {
		t.Errorf("history of %s = %v, want the first answer then the edits", second, changed)
	}
}

// TestNewAssessmentFlow creates an assessment through the forms and lands on
// the first question with it stored.
func TestNewAssessmentFlow(t *testing.T) {
	st := openStore(t, false)
	tm, f := start(t, New(testOptions(t, st)), 100, 34)
	waitFor(t, f, "No assessments yet")
	tm.Send(press("n"))
	waitFor(t, f, "┃ Assessment name")
	tm.Type("Globex Q1")
	for _, field := range []string{
		"Organization", "System or service in scope", "Short description",
		"Data the system handles", "Headcount", "People available for remediation",
	} {
		focus(t, tm, f, field)
	}
	// Each company fact is answered, yes or no: none is ticked for the user.
	tm.Send(press("enter"))
	waitFor(t, f, "┃ "+scopeFacts[0].label)
	tm.Send(press("enter"))
	waitFor(t, f, "answer yes or no")
	for i, fact := range scopeFacts {
		waitFor(t, f, "┃ "+fact.label)
		tm.Send(press("right")) // yes
		if i > 0 {
			tm.Send(press("right")) // no
		}
		tm.Send(press("enter"))
	}
	// The lists, item by item: one component.
	waitFor(t, f, "› + Add a component")
	tm.Send(press("enter"))
	waitFor(t, f, "┃ Name")
	tm.Type("Kubernetes cluster")
	focus(t, tm, f, "Kind")
	focus(t, tm, f, "Does it store or process customer data?")
	tm.Send(press("y"))
	waitFor(t, f, "› Kubernetes cluster")
	tm.Send(press("ctrl+s"))
	waitFor(t, f, "┃ Add other Trust Services Categories?")
	// Type I: the observation window is not asked.
	for _, field := range []string{"Which report are you aiming for?", "Target date for the report", "Remediation starts on", isoOptInTitle} {
		focus(t, tm, f, field)
	}
	tm.Send(press("enter"))
	waitFor(t, f, "question 1 of")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))

	a, err := st.LoadByName(context.Background(), "Globex Q1")
	if err != nil {
		t.Fatalf("the new assessment was not stored: %v", err)
	}
	if a.Target.Type != assessment.TypeI || len(a.Categories) != 1 {
		t.Errorf("stored setup: %+v %v", a.Target, a.Categories)
	}
	if d := a.Scope.Declared; !d[scopeFacts[0].name] || d["has_offices"] || len(d) != len(scopeFacts) {
		t.Errorf("declared facts = %v, want the first yes and the others no", d)
	}
	want := []assessment.Component{{Name: "Kubernetes cluster", Kind: "infrastructure", CustomerData: true}}
	if !slices.Equal(a.Scope.Components, want) {
		t.Errorf("stored components %+v, want %+v", a.Scope.Components, want)
	}
}
