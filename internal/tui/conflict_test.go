package tui

import (
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// conflictWithNote answers the question on screen after another gapmap
// answered it with note, and returns the conflict view at w×h.
func conflictWithNote(t *testing.T, note string, w, h int) (Model, string) {
	t.Helper()
	m, qid := conflictWith(t, assessment.Answer{Value: assessment.No, Note: note, Owner: "Sam"})
	return sized(m, w, h), qid
}

// flat is the frame's words on one line, for text wrapped over lines.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestConflictWrapsAtSixtyColumns: at 60×20 the heading and the other
// side's whole note show, wrapped, not cut (the tester saw "Note: Set by
// the other consultant with a fairly long no…" and "nothing was
// overwritt…").
func TestConflictWrapsAtSixtyColumns(t *testing.T) {
	note := "Set by the other consultant with a fairly long note that explains why the control is not in place yet"
	m, _ := conflictWithNote(t, note, 60, 20)
	out := plain(m)
	checkFrame(t, out, 60, 20)
	for _, want := range []string{"Another gapmap changed this answer; nothing was overwritten", "Note: " + note,
		"t keeps theirs; m saves yours over it", "Yours", "Flagged: no"} {
		if !strings.Contains(flat(out), want) {
			t.Errorf("the conflict view at 60×20 lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "…") {
		t.Errorf("the conflict view cuts a line:\n%s", out)
	}
	if strings.Count(out, "Flagged: no") != 2 || strings.Contains(out, "scroll") {
		t.Errorf("both versions do not fit 60×20 whole:\n%s", out)
	}
}

// TestConflictScrollsAVeryLongNote: a note longer than the screen is read
// to its end with ↓, the keys to choose staying in view, and t still
// settles the conflict.
func TestConflictScrollsAVeryLongNote(t *testing.T) {
	note := strings.Repeat("The other consultant wrote a great deal here. ", 25) + "THE END"
	m, qid := conflictWithNote(t, note, 60, 20)
	if out := plain(m); strings.Contains(out, "THE END") || !strings.Contains(out, "↓↑ scroll") {
		t.Fatalf("the start of a long conflict shows its end, or no way to scroll:\n%s", out)
	}
	seen := plain(m)
	for range 30 {
		m, _ = key1(t, m, "down")
		out := plain(m)
		checkFrame(t, out, 60, 20)
		if !strings.Contains(out, "t keeps theirs; m saves yours over it") {
			t.Fatalf("scrolling hid the keys:\n%s", out)
		}
		seen += out
	}
	if !strings.Contains(seen, "THE END") || !strings.Contains(plain(m), "Flagged: no") {
		t.Errorf("↓ never reaches the end of the note and the end of the view:\n%s", plain(m))
	}
	m, _ = key1(t, m, "t")
	if m.conflict != nil || m.sess.a.Answers[qid].Note != note {
		t.Errorf("t after scrolling did not keep theirs")
	}
}
