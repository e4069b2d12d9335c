package cli

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/sanitize"
	"github.com/gapmap/gapmap/internal/store"
)

// now is the clock, replaceable in tests.
var now = time.Now

// dbPath resolves --db, then GAPMAP_DB, then the user data directory.
func (a *app) resolveDBPath() (string, error) {
	if a.dbPath != "" {
		return a.dbPath, nil
	}
	return store.DefaultPath()
}

func (a *app) openStore() (*store.Store, error) {
	path, err := a.resolveDBPath()
	if err != nil {
		return nil, fmt.Errorf("finding the data directory: %w (set --db or GAPMAP_DB)", err)
	}
	s, err := store.Open(path)
	if err != nil {
		var refused *store.RefusedError
		if errors.As(err, &refused) {
			return nil, userError{err}
		}
		return nil, err
	}
	return s, nil
}

// notFound turns store.ErrNotFound into a user error.
func notFound(err error) error {
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrExists) {
		return userError{err}
	}
	return err
}

// summarize scores an assessment for the store's listing columns.
func summarize(qn *questionnaire.Questionnaire, as *assessment.Assessment) assessment.Summary {
	return assessment.Evaluate(qn, as).Summarize()
}

// isTerminal reports whether f is an interactive terminal. A character
// device is not enough: /dev/null is one.
func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// oneLine makes user-entered text safe to print on one terminal line.
func oneLine(s string) string { return sanitize.Line(s) }
