package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// ctrl+z suspends the program, as in any terminal program; it used to be
// ignored, and the shell's "fg" was then typed into the note.
func TestCtrlZSuspends(t *testing.T) {
	m := questionsModel(t)
	for _, keys := range [][]string{nil, {"e", "h", "i"}} { // on the question, and typing a note
		m := m
		for _, k := range keys {
			next, _ := m.Update(press(k))
			m = next.(Model)
		}
		next, cmd := m.Update(press("ctrl+z"))
		if cmd == nil {
			t.Fatalf("after %q, ctrl+z returned no command", keys)
		}
		if _, ok := runCmd(cmd).(tea.SuspendMsg); !ok {
			t.Fatalf("after %q, ctrl+z returned %T, want tea.SuspendMsg", keys, runCmd(cmd))
		}
		if len(keys) > 0 && !next.(Model).current().capturesInput() {
			t.Fatal("ctrl+z closed the note being typed")
		}
	}
}
