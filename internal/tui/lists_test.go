package tui

import (
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

func listsFixture(t *testing.T) (listsScreen, *assessment.Assessment) {
	t.Helper()
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 100, 30), st)
	return newListsScreen(m.sh, m.sess.a), m.sess.a
}

// Removing an item changes the draft only: the open assessment keeps its
// list until the setup is saved.
func TestListsRemoveEditsTheDraftOnly(t *testing.T) {
	s, orig := listsFixture(t)
	before := len(orig.Scope.Components)
	if before < 2 {
		t.Fatalf("the example needs two components, has %d", before)
	}
	second := orig.Scope.Components[1].Name
	s, _ = s.Update(press("j"))
	s, _ = s.Update(press("d"))
	if got := len(s.a.Scope.Components); got != before-1 {
		t.Fatalf("after d the draft has %d components, want %d", got, before-1)
	}
	for _, c := range s.a.Scope.Components {
		if c.Name == second {
			t.Errorf("%q was not removed", second)
		}
	}
	if len(orig.Scope.Components) != before || orig.Scope.Components[1].Name != second {
		t.Errorf("removing from the draft changed the open assessment: %+v", orig.Scope.Components)
	}
}

// tab moves to the next list's first row; enter on an "add" row opens an
// empty form, and esc closes it without adding anything.
func TestListsTabAddAndCancel(t *testing.T) {
	s, orig := listsFixture(t)
	s, _ = s.Update(press("tab"))
	if r := s.current(); r.kind != listSubservices || r.index != 0 {
		t.Fatalf("tab landed on %+v, want the first subservice", r)
	}
	s, _ = s.Update(press("tab"))
	s, _ = s.Update(press("tab"))
	if r := s.current(); r.kind != listCUECs {
		t.Fatalf("three tabs landed on %+v, want the CUECs", r)
	}
	s.cursor = len(s.rows()) - 2 // "+ Add a customer responsibility"
	s, _ = s.Update(press("enter"))
	if s.edit == nil || s.edit.kind != listCUECs || s.edit.index != -1 {
		t.Fatalf("enter on the add row opened %+v", s.edit)
	}
	s, _ = s.Update(press("esc"))
	if s.edit != nil || len(s.a.Scope.CUECs) != len(orig.Scope.CUECs) {
		t.Fatalf("esc left the form open or changed the list: %v", s.a.Scope.CUECs)
	}
}

// esc goes back to the scope form with the edits; the continue row (or
// ctrl+s) hands them on to the criteria, once.
func TestListsBackAndContinue(t *testing.T) {
	s, _ := listsFixture(t)
	s, _ = s.Update(press("d")) // the first component
	_, cmd := s.Update(press("esc"))
	back, ok := runCmd(cmd).(listsBackMsg)
	if !ok || len(back.a.Scope.Components) != len(s.a.Scope.Components) {
		t.Fatalf("esc sent %#v, want back with the edited draft", runCmd(cmd))
	}

	s.cursor = len(s.rows()) - 1
	s, cmd = s.Update(press("enter"))
	if _, ok := runCmd(cmd).(listsDoneMsg); !ok {
		t.Fatalf("enter on continue sent %#v", runCmd(cmd))
	}
	if _, cmd = s.Update(press("enter")); cmd != nil {
		t.Error("the screen handed the draft on twice")
	}
}
