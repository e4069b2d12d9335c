package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// resultsFrames are the results screen's frames from the top to the
// bottom, one ↓ at a time.
func resultsFrames(t *testing.T, m Model) []string {
	t.Helper()
	m, _ = m.show(screenResults)
	frames := []string{plain(m)}
	for range m.results.maxOffset() {
		m, _ = key1(t, m, "down")
		frames = append(frames, plain(m))
	}
	return frames
}

// TestResultsFiguresWholeAtSixtyColumns: at 60×20, the minimum, every
// figure of the results shows whole: the progress, each category's
// figures and answered count, each gap count, the heat map's legend
// (the tester saw "Progress 10…", "low …", "149/149 an…", "‹5…").
func TestResultsFiguresWholeAtSixtyColumns(t *testing.T) {
	m := demoModel(t, 60, 20)
	frames := resultsFrames(t, m)
	all := strings.Join(frames, "\n")
	ev := m.sess.ev
	want := []string{
		"Progress " + percent(ev.Overall.Progress()),
		fmt.Sprintf("(%d/%d answered)", ev.Overall.Answered, ev.Overall.Applicable),
		"Auditable today " + auditableText(ev.Overall), "Controls in place " + readinessText(ev.Overall),
	}
	for _, sev := range questionnaire.Severities {
		want = append(want, fmt.Sprintf("%s %d", sev, ev.GapsBySeverity[sev]))
	}
	for _, c := range ev.Categories {
		want = append(want, fmt.Sprintf("%s %s  %d/%d", padLeft(auditableText(c.Score), 4), padLeft(readinessText(c.Score), 4), c.Answered, c.Applicable))
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no frame shows %q whole", w)
		}
	}
	for _, f := range frames {
		checkFrame(t, f, 60, 20)
		for _, l := range strings.Split(f, "\n") {
			// Only the question lists' titles and texts may be cut.
			if strings.Contains(l, "…") && !strings.HasPrefix(strings.TrimSpace(l), "•") {
				t.Errorf("a line is cut: %q", l)
			}
		}
	}
	// The legend says what the bare counts are.
	if !strings.Contains(all, "auditable · in place · answered") {
		t.Errorf("the category legend does not name the answered count:\n%s", frames[0])
	}
}
