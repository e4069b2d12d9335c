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

// R on the home screen opens an assessment's results; esc goes back home,
// not on to its first question.
func TestResultsFromHomeGoBackHome(t *testing.T) {
	m := homeWithList(t, false)
	m, open := update(t, m, press("R"))
	m, loaded := update(t, m, open)
	if _, ok := loaded.(assessmentLoadedMsg); !ok {
		t.Fatalf("R then %T gave %T, want the assessment loaded", open, loaded)
	}
	m, _ = update(t, m, loaded)
	if m.screen != screenResults {
		t.Fatalf("R opened screen %v", m.screen)
	}
	m, back := update(t, m, press("esc"))
	m, _ = update(t, m, back)
	if m.screen != screenHome {
		t.Fatalf("esc from results opened from home went to screen %v", m.screen)
	}
}
