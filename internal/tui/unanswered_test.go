package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// onFirstUnanswered opens the example assessment on its first unanswered
// question and returns the model with that question's ID.
func onFirstUnanswered(t *testing.T) (Model, string) {
	t.Helper()
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 120, 40), st)
	m, _ = m.show(screenQuestions)
	q := m.questions.current()
	if _, answered := m.sess.a.Answers[q.ID]; answered {
		t.Fatalf("%s is answered already", q.ID)
	}
	return m, q.ID
}

// storeRound feeds a key to the model and lets the save it asks for reach
// the store and come back, as the runtime would.
func storeRound(t *testing.T, m Model, key string) Model {
	t.Helper()
	m, msg := update(t, m, press(key))
	if msg == nil {
		t.Fatalf("%s asked for no save", key)
	}
	m, msg = update(t, m, msg) // the intent: the root submits the write
	next, _ := m.Update(msg)   // the write's result
	return next.(Model)
}

// A flag on an unanswered question is kept without inventing an answer:
// progress stays, u still stops there, and the store holds no value.
func TestFlagDoesNotAnswer(t *testing.T) {
	m, qid := onFirstUnanswered(t)
	before := m.sess.ev.Overall.Answered
	m = storeRound(t, m, "f")

	if got := m.sess.ev.Overall.Answered; got != before {
		t.Errorf("answered %d after a flag, want %d", got, before)
	}
	if i := m.sess.a.FirstUnanswered(m.sess.questions); i < 0 || m.sess.questions[i].ID != qid {
		t.Errorf("the flagged question no longer counts as unanswered")
	}
	a, err := m.sh.opts.Store.LoadByName(t.Context(), m.sess.a.Name)
	if err != nil {
		t.Fatal(err)
	}
	got := a.Answers[qid]
	if got.Value != "" || !got.Flagged {
		t.Errorf("stored %+v, want a flag without an answer", got)
	}
	if ev := assessment.Evaluate(m.sess.qn, a); ev.Overall.Answered != before || len(ev.Flagged) == 0 {
		t.Errorf("stored assessment: %d answered, %d flagged", ev.Overall.Answered, len(ev.Flagged))
	}
	if view := plain(m); !contains(view, "not answered yet") || !contains(view, "flagged for follow-up") {
		t.Errorf("the screen does not show a flag without an answer:\n%s", view)
	}

	// Unflagging leaves nothing behind.
	m = storeRound(t, m, "f")
	a, _ = m.sh.opts.Store.LoadByName(t.Context(), m.sess.a.Name)
	if _, ok := a.Answers[qid]; ok {
		t.Errorf("an empty record stayed after unflagging: %+v", a.Answers[qid])
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// A taken name is refused at the name field, before the rest of the setup.
func TestTakenNameRefusedAtOnce(t *testing.T) {
	m := homeWithList(t, false)
	m, msg := update(t, m, press("n"))
	m, _ = update(t, m, msg)
	m.scope.form.Init()
	for _, r := range "Acme Cloud readiness" {
		next, _ := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m = next.(Model)
	}
	m, _ = update(t, m, press("enter"))
	view := plain(m)
	if !strings.Contains(view, "is taken by another assessment") {
		t.Fatalf("the taken name was not refused:\n%s", view)
	}
	if f := m.scope.form.form.GetFocusedField(); f.GetKey() != "name" {
		t.Errorf("the focus moved on to %q", f.GetKey())
	}
}

// r on the home screen renames the selected assessment.
func TestRenameOnHome(t *testing.T) {
	m := homeWithList(t, false)
	m, _ = update(t, m, press("r"))
	if m.home.rename == nil {
		t.Fatal("r opened no rename form")
	}
	m = typeKeys(m, " ", "2", "0", "2", "7")
	next, cmd := m.Update(press("enter"))
	m = next.(Model)
	msg := runCmd(cmd)
	if _, ok := msg.(renamedMsg); !ok {
		t.Fatalf("enter sent %#v, want a rename", msg)
	}
	next, _ = m.Update(msg)
	m = next.(Model)
	if !strings.Contains(plain(m), `Renamed "Acme Cloud readiness" to "Acme Cloud readiness 2027"`) {
		t.Errorf("no confirmation:\n%s", plain(m))
	}
	if _, err := m.sh.opts.Store.LoadByName(t.Context(), "Acme Cloud readiness 2027"); err != nil {
		t.Errorf("not renamed in the store: %v", err)
	}
}

// Answering the last unanswered question says so and offers what is next;
// s on the last question says it is the last.
func TestLastAnswerSaysSo(t *testing.T) {
	m, qid := onFirstUnanswered(t)
	for _, q := range m.sess.questions {
		if _, ok := m.sess.a.Answer(q.ID); !ok && q.ID != qid {
			m.sess.a.SetAnswer(q.ID, assessment.Answer{Value: assessment.Yes}, fixedNow)
		}
	}
	m.sess.refresh()
	m = storeRound(t, m, "1")
	view := plain(m)
	if !strings.Contains(view, "answered: R results, M roadmap") || !strings.Contains(view, "Every question is answered") {
		t.Errorf("the last answer went unremarked:\n%s", view)
	}
	m.questions.idx = len(m.sess.questions) - 1
	m, msg := update(t, m, press("s"))
	m, _ = update(t, m, msg)
	if !strings.Contains(plain(m), "That was the last question, and every one is answered") {
		t.Errorf("s on the last question is silent:\n%s", plain(m))
	}
}

// The question screen says in plain words what closing the gap takes and
// what the auditor looks at, and shows why the question matters.
func TestQuestionInPlainWords(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	view := plain(m)
	for _, want := range []string{"Closing this gap takes", "The auditor", "Why it matters"} {
		if !strings.Contains(view, want) {
			t.Errorf("the question screen lacks %q:\n%s", want, view)
		}
	}
	for _, jargon := range []string{"effort S", "effort M", "evidence per event", "a setting"} {
		if strings.Contains(view, jargon) {
			t.Errorf("the question screen still says %q", jargon)
		}
	}
	m = typeKeys(m, "i")
	for _, want := range []string{"What good looks like", "What the auditor asks for", "First steps"} {
		if !strings.Contains(plain(m), want) {
			t.Errorf("i does not show %q:\n%s", want, plain(m))
		}
	}
}

// Who is answering carries over to the next session of the same
// assessment, not back to the login name.
func TestWhoIsAnsweringIsKept(t *testing.T) {
	st := openStore(t, true)
	a, err := st.LoadByName(t.Context(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	prev := a.Answers["access.sso"]
	a.SetAnswer("access.sso", assessment.Answer{Value: assessment.Yes, AnsweredBy: "Priya (Eng)"}, fixedNow.Add(time.Hour))
	sess := newSession(a, builtin(t))
	if err := st.SaveAnswer(t.Context(), a.UUID, "access.sso", prev, a.Answers["access.sso"], sess.ev.Summarize()); err != nil {
		t.Fatal(err)
	}
	m := sized(New(testOptions(t, st)), 100, 30)
	m, _ = update(t, m, runCmd(loadAssessment(m.sh, a.ID, screenQuestions)))
	if m.sh.who != "Priya (Eng)" {
		t.Errorf("who is answering = %q, want the last to answer, Priya (Eng)", m.sh.who)
	}
}

// esc in the note form asks before dropping what was typed.
func TestEscAsksBeforeDroppingANote(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	m = typeKeys(m, "e")
	m.questions.form.Init()
	m = typeKeys(m, "a", "b", "c")
	m, msg := update(t, m, press("esc"))
	if _, ok := msg.(discardNoteMsg); !ok {
		t.Fatalf("esc with a typed note sent %#v, want a question", msg)
	}
	m, _ = update(t, m, msg)
	if !strings.Contains(plain(m), "Discard what you typed?") {
		t.Fatalf("no question on screen:\n%s", plain(m))
	}
	m = typeKeys(m, "n")
	if m.questions.mode != modeDetails || *m.questions.details.note != "abc" {
		t.Fatalf("n did not keep the note: mode %v, note %q", m.questions.mode, *m.questions.details.note)
	}
	m, msg = update(t, m, press("esc"))
	m, _ = update(t, m, msg)
	m = typeKeys(m, "y")
	if m.questions.mode != modeAnswer {
		t.Fatalf("y did not close the form")
	}
}

// From a roadmap item, → goes to the next roadmap item shown and esc
// returns to the roadmap on the item last seen.
func TestRoadmapItemsInRoadmapOrder(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 120, 40), st)
	for _, q := range m.sess.questions[:6] {
		m.sess.a.SetAnswer(q.ID, assessment.Answer{Value: assessment.No}, fixedNow)
	}
	m.sess.refresh()
	m, _ = m.show(screenRoadmap)
	items := m.roadmap.shownIDs()
	if len(items) < 3 {
		t.Fatalf("the example roadmap has %d items", len(items))
	}
	m = typeKeys(m, "j")
	m, msg := update(t, m, press("enter"))
	m, _ = update(t, m, msg)
	if q := m.questions.current(); m.screen != screenQuestions || q.ID != items[1] {
		t.Fatalf("enter opened %v, want %s", q.ID, items[1])
	}
	m = typeKeys(m, "right")
	if q := m.questions.current(); q.ID != items[2] {
		t.Fatalf("→ went to %s, want the next roadmap item %s", q.ID, items[2])
	}
	m, msg = update(t, m, press("esc"))
	m, _ = update(t, m, msg)
	if got := m.roadmap.plan.Items[m.roadmap.cursor].Question.ID; m.screen != screenRoadmap || got != items[2] {
		t.Fatalf("esc returned to screen %v, item %s; want the roadmap on %s", m.screen, got, items[2])
	}
}

// G and End go to the end of the results.
func TestResultsBottom(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 80, 24), st)
	m, _ = m.show(screenResults)
	m = typeKeys(m, "G")
	if m.results.offset == 0 || m.results.offset != m.results.maxOffset() {
		t.Errorf("G scrolled to %d, want the end, %d", m.results.offset, m.results.maxOffset())
	}
}

// An error that appears under a laid-out form is on screen.
func TestFormErrorShows(t *testing.T) {
	st := openStore(t, false)
	m := sized(New(testOptions(t, st)), 80, 24)
	m, msg := update(t, m, newAssessmentMsg{})
	m, _ = update(t, m, msg)
	m.scope.form.Init()
	_ = plain(m) // laid out before the error exists
	m = typeKeys(m, "enter")
	if !strings.Contains(plain(m), "a name is required") {
		t.Fatalf("the error is not on screen:\n%s", plain(m))
	}
}

// At 200 columns the content is centred, not left at the top-left.
func TestWideTerminalCentresContent(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 200, 60), st)
	m, _ = m.show(screenQuestions)
	first := strings.Split(plain(m), "\n")[0]
	margin := len(first) - len(strings.TrimLeft(first, " "))
	if margin < 30 {
		t.Errorf("left margin %d at 200 columns, want the content centred:\n%q", margin, first)
	}
}
