package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The question screen names the assessment, cut to fit 60 columns, with
// the question's place still on the line.
func TestQuestionHeaderNamesTheAssessment(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	long := "Northwind Traders — EU subsidiary readiness for the 2027 SOC 2 Type II audit"
	m.sess.a.Name = long
	m = sized(m, 60, 20)
	first := strings.Split(plain(m), "\n")[0]
	if !strings.Contains(first, "Northwind Traders") || !strings.Contains(first, "…") ||
		!strings.Contains(first, "question 1 of") {
		t.Errorf("header %q does not name the assessment, cut, with the question's place", first)
	}
	if w := ansi.StringWidth(strings.TrimRight(first, " ")); w > 60 {
		t.Errorf("header is %d cells wide at 60 columns: %q", w, first)
	}
}
