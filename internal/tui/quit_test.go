package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// update feeds msg to the model and, like the runtime, feeds back the
// message of the command it returns, once.
func update(t *testing.T, m Model, msg tea.Msg) (Model, tea.Msg) {
	t.Helper()
	next, cmd := m.Update(msg)
	return next.(Model), runCmd(cmd)
}

// newScopeWithName opens the new-assessment form and types a name.
func newScopeWithName(t *testing.T) Model {
	t.Helper()
	st := openStore(t, false)
	m := sized(New(testOptions(t, st)), 100, 30)
	m, msg := update(t, m, newAssessmentMsg{})
	if msg != nil {
		m, _ = update(t, m, msg)
	}
	for _, r := range "Globex" {
		next, _ := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m = next.(Model)
	}
	if !strings.Contains(plain(m), "> Globex") {
		t.Fatalf("the name was not typed:\n%s", plain(m))
	}
	return m
}

// Quitting a half-filled form asks first: any key but y stays, y quits.
func TestQuitAsksWhenAFormIsHalfFilled(t *testing.T) {
	m := newScopeWithName(t)
	m, msg := update(t, m, press("ctrl+c"))
	if _, quit := msg.(tea.QuitMsg); quit {
		t.Fatal("ctrl+c quit a half-filled form without asking")
	}
	if !strings.Contains(plain(m), "Quit and lose the scope and criteria you entered?") {
		t.Fatalf("no question on screen:\n%s", plain(m))
	}
	m, msg = update(t, m, press("n"))
	if _, quit := msg.(tea.QuitMsg); quit || m.screen != screenScope || !strings.Contains(plain(m), "> Globex") {
		t.Fatalf("n did not return to the form as it was (quit: %v):\n%s", quit, plain(m))
	}
	m, _ = update(t, m, press("ctrl+c"))
	if _, msg = update(t, m, press("y")); msg == nil {
		t.Fatal("y did not quit")
	} else if _, quit := msg.(tea.QuitMsg); !quit {
		t.Fatalf("y sent %#v, want quit", msg)
	}
}

// esc on a new assessment's scope form asks before discarding it.
func TestEscAsksBeforeDiscardingANewAssessment(t *testing.T) {
	m := newScopeWithName(t)
	m, msg := update(t, m, press("esc"))
	if _, ok := msg.(discardSetupMsg); !ok {
		t.Fatalf("esc sent %#v, want a request to discard", msg)
	}
	m, _ = update(t, m, msg)
	if m.screen != screenScope || !strings.Contains(plain(m), "Discard this new assessment?") {
		t.Fatalf("no question on screen:\n%s", plain(m))
	}
	m, _ = update(t, m, press("y"))
	if m.screen != screenHome {
		t.Fatalf("y left the screen at %v, want home", m.screen)
	}
}

// homeWithList is the home screen with the example assessment listed.
func homeWithList(t *testing.T, closeStore bool) Model {
	t.Helper()
	st := openStore(t, true)
	m := sized(New(testOptions(t, st)), 100, 30)
	infos, err := st.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	m, _ = update(t, m, listLoadedMsg{infos: infos})
	if closeStore {
		st.Close()
	}
	return m
}

// d, y, q on the home screen: the program ends when the delete's result
// arrives (it used to stay "quitting", deaf to q).
func TestQuitWaitsForADeleteThenEnds(t *testing.T) {
	m := homeWithList(t, false)
	m, _ = update(t, m, press("d"))
	next, deleteCmd := m.Update(press("y"))
	m = next.(Model)
	if deleteCmd == nil {
		t.Fatal("y did not delete")
	}
	m, msg := update(t, m, press("q"))
	if msg != nil || !m.quitting {
		t.Fatalf("q with a delete in flight: quitting %v, msg %#v", m.quitting, msg)
	}
	_, msg = update(t, m, deleteCmd())
	if _, quit := msg.(tea.QuitMsg); !quit {
		t.Fatalf("after the delete's result the program did not quit (got %#v)", msg)
	}
}

// A write that fails while quitting stays on screen; q then quits anyway.
func TestQuitShowsAFailedWrite(t *testing.T) {
	m := homeWithList(t, true)
	m, _ = update(t, m, press("d"))
	next, deleteCmd := m.Update(press("y"))
	m = next.(Model)
	m, _ = update(t, m, press("q"))
	m, msg := update(t, m, deleteCmd())
	if _, quit := msg.(tea.QuitMsg); quit || m.quitting {
		t.Fatal("the program quit over a failed delete without showing it")
	}
	if view := plain(m); !strings.Contains(view, "Could not delete") || !strings.Contains(view, "q quits anyway") {
		t.Fatalf("the failure is not on screen:\n%s", view)
	}
	if _, msg = update(t, m, press("q")); msg == nil {
		t.Fatal("q did not quit")
	} else if _, quit := msg.(tea.QuitMsg); !quit {
		t.Fatalf("q sent %#v, want quit", msg)
	}
}

// The delete question is wrapped, never cut: at the narrowest terminal it
// used to end "…with all its answe…", before "This cannot be undone" and
// the keys.
func TestDeleteQuestionIsReadWhole(t *testing.T) {
	m := homeWithList(t, false)
	for _, w := range []int{60, 100} {
		m = sized(m, w, 20)
		m, _ = update(t, m, press("d"))
		view := plain(m)
		flat := strings.Join(strings.Fields(view), " ")
		for _, want := range []string{"with all its answers and history? This cannot be undone.", "y delete n keep"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%d columns: no %q in:\n%s", w, want, view)
			}
		}
		if n := strings.Count(view, "\n") + 1; n > 20 {
			t.Errorf("%d columns: %d lines in 20 rows", w, n)
		}
		m, _ = update(t, m, press("n"))
	}
}
