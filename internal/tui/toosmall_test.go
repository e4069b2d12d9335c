package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// While the terminal is too small the screen is hidden behind a request to
// enlarge it, and keys must not act on it unseen: a tester's "4" there
// answered a question no one could see, and "enter" opened an assessment.
func TestKeysDoNotActUnseenInATooSmallTerminal(t *testing.T) {
	m := questionsModel(t)
	first := m.current().(questionScreen).current().ID

	m = sized(m, 50, 12)
	if !strings.Contains(plain(m), "q quits") {
		t.Fatalf("too small, the frame is:\n%s", plain(m))
	}
	for _, k := range []string{"4", "enter", "esc", "n", "i"} {
		next, cmd := m.Update(press(k))
		if cmd != nil {
			t.Errorf("%q in a too small terminal returned a command (%T)", k, runCmd(cmd))
		}
		m = next.(Model)
	}
	next, _ := m.Update(tea.PasteMsg{Content: "pasted"})
	m = next.(Model)

	m = sized(m, 120, 40)
	q := m.current().(questionScreen)
	if q.current().ID != first || q.capturesInput() {
		t.Fatalf("after the keys, the screen moved: question %s (was %s), typing %v", q.current().ID, first, q.capturesInput())
	}
	if _, answered := m.sess.a.Answer(first); answered {
		t.Fatalf("%s was answered by a key pressed while the screen was hidden", first)
	}

	// q still quits, as the message says.
	m = sized(m, 50, 12)
	if _, cmd := m.Update(press("q")); cmd == nil {
		t.Fatal("q did not quit in a too small terminal")
	} else if _, ok := runCmd(cmd).(tea.QuitMsg); !ok {
		t.Fatalf("q returned %T, want tea.QuitMsg", runCmd(cmd))
	}
}

// With a note half typed, q would lose it behind a question no one can
// see: the keys wait, and the message says so.
func TestTooSmallKeepsWhatIsBeingTyped(t *testing.T) {
	m := questionsModel(t)
	for _, k := range []string{"e", "h", "i"} {
		next, _ := m.Update(press(k))
		m = next.(Model)
	}
	if !m.current().capturesInput() {
		t.Fatal("e did not open the note")
	}
	m = sized(m, 50, 12)
	if !strings.Contains(plain(m), "Keys wait until it is larger") {
		t.Fatalf("too small while typing, the frame is:\n%s", plain(m))
	}
	next, cmd := m.Update(press("q"))
	if cmd != nil {
		t.Fatalf("q returned %T while a note was being typed", runCmd(cmd))
	}
	m = sized(next.(Model), 120, 40)
	if !m.current().capturesInput() || !strings.Contains(plain(m), "hi") {
		t.Fatalf("the note was lost:\n%s", plain(m))
	}
}

// questionsModel is the program at 120×40 on the example assessment's first
// question, as after opening it.
func questionsModel(t *testing.T) Model {
	t.Helper()
	st := openStore(t, true)
	m := sized(New(testOptions(t, st)), 120, 40)
	a, err := st.LoadByName(context.Background(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	m, _, _ = m.handleResult(assessmentLoadedMsg{sess: newSession(a, builtin(t)), then: screenQuestions})
	return m
}
