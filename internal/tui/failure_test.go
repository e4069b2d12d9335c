package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// A save that fails says NOT SAVED and keeps the answer on screen.
func TestFailedSaveSaysNotSaved(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	m.sh.opts.Store.Close()
	m = storeRound(t, m, "1")
	if view := plain(m); !strings.Contains(view, "NOT SAVED") {
		t.Fatalf("a failed save is not shown:\n%s", view)
	}
}

// newSetupDone is the model after the setup of a new assessment named
// name was handed to the root to save.
func newSetupDone(t *testing.T, closeStore bool, name string) (Model, any) {
	t.Helper()
	st := openStore(t, true)
	m := sized(New(testOptions(t, st)), 100, 30)
	a := assessment.New(name, "soc2", fixedNow)
	a.Scope.Organization = "Globex"
	if closeStore {
		st.Close()
	}
	m, msg := update(t, m, criteriaDoneMsg{a: a})
	if _, ok := msg.(questionnaireResolvedMsg); !ok {
		t.Fatalf("the setup asked for %#v, want its questionnaire", msg)
	}
	m, msg = update(t, m, msg) // the save
	return m, msg
}

// A questionnaire that cannot be read leaves the criteria form to retry.
func TestSetupWithoutItsQuestionnaire(t *testing.T) {
	st := openStore(t, false)
	m := sized(New(testOptions(t, st)), 100, 30)
	a := assessment.New("Globex Q1", "soc2", fixedNow)
	m, _ = update(t, m, questionnaireResolvedMsg{a: a, err: fmt.Errorf("custom.yaml:3:1: bad")})
	if m.screen != screenCriteria || m.criteria.handedOn() || !strings.Contains(plain(m), "Cannot start") {
		t.Fatalf("screen %v, handed on %v:\n%s", m.screen, m.criteria.handedOn(), plain(m))
	}
}

// A new assessment that cannot be saved returns to the scope form with
// everything typed, and says why.
func TestFailedSetupSaveKeepsWhatWasTyped(t *testing.T) {
	m, msg := newSetupDone(t, true, "Globex Q1")
	m, _ = update(t, m, msg)
	view := plain(m)
	if m.screen != screenScope || !strings.Contains(view, "Could not save") || !strings.Contains(view, "> Globex Q1") {
		t.Fatalf("screen %v after a failed save:\n%s", m.screen, view)
	}
	if m.sess != nil {
		t.Error("a session stayed open on an assessment that was not stored")
	}
}

// A name taken meanwhile (by another window) returns to the scope form
// and says so.
func TestSetupSaveOfATakenName(t *testing.T) {
	st := openStore(t, false)
	m := sized(New(testOptions(t, st)), 100, 30)
	m, _ = update(t, m, questionnaireResolvedMsg{a: assessment.New("Globex Q1", "soc2", fixedNow), qn: builtin(t)})
	m, _ = update(t, m, setupSavedMsg{created: true, err: fmt.Errorf("assessment %q: %w", "Globex Q1", store.ErrExists)})
	view := plain(m)
	if m.screen != screenScope || !strings.Contains(view, "already exists") || !strings.Contains(view, "> Globex Q1") {
		t.Fatalf("screen %v after a duplicate:\n%s", m.screen, view)
	}
}
