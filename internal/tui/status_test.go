package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// An error shown about one assessment does not follow the user into the
// next one opened: "deleted or replaced by another gapmap" stayed on a
// healthy assessment's questions.
func TestOpeningAnAssessmentClearsAnEarlierError(t *testing.T) {
	st := openStore(t, true)
	m := sized(New(testOptions(t, st)), 120, 40)
	m, _, _ = m.handleResult(assessmentLoadedMsg{err: errors.New("this assessment was deleted or replaced by another gapmap")})
	if !strings.Contains(plain(m), "deleted or replaced") {
		t.Fatalf("the error is not shown:\n%s", plain(m))
	}
	a, err := st.LoadByName(context.Background(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	m, _, _ = m.handleResult(assessmentLoadedMsg{sess: newSession(a, builtin(t)), then: screenQuestions})
	if strings.Contains(plain(m), "deleted or replaced") {
		t.Fatalf("the earlier error stayed on the assessment opened next:\n%s", plain(m))
	}
}
