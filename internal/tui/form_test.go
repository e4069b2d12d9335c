package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// A completed form stays completed while messages keep arriving before the
// router moves on; it must submit once, or a new assessment is created
// twice and the second create fails as a duplicate (seen in CI, where the
// machine is slow enough for a resize or colour message to slip in).
func TestSetupFormSubmitsOnce(t *testing.T) {
	st := openStore(t, false)
	m := sized(New(testOptions(t, st)), 100, 34)
	a := &assessment.Assessment{Name: "Once", QuestionnaireID: "soc2"}
	s := newCriteriaScreen(m.sh, a)
	s.form.form.State = huh.StateCompleted

	var dones int
	for _, msg := range []tea.Msg{
		tea.WindowSizeMsg{Width: 100, Height: 34},
		tea.WindowSizeMsg{Width: 90, Height: 30},
		press("enter"),
	} {
		var cmd tea.Cmd
		s, cmd = s.Update(msg)
		if _, ok := runCmd(cmd).(criteriaDoneMsg); ok {
			dones++
		}
	}
	if dones != 1 {
		t.Fatalf("the completed form submitted %d times, want 1", dones)
	}
}
