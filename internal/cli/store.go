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

// explicitDB reports whether the user named the database (--db or
// GAPMAP_DB), rather than gapmap choosing its default.
func (a *app) explicitDB() bool {
	return a.dbPath != "" || os.Getenv("GAPMAP_DB") != ""
}

// openStore opens the database for writing, creating it when missing.
func (a *app) openStore() (*store.Store, error) {
	return a.open(store.Open)
}

// openReader opens the database for the read-only commands (list, export,
// compare): it never creates or changes the file, and a missing file is
// "no gapmap database at PATH".
func (a *app) openReader() (*store.Store, error) {
	return a.open(store.OpenReadOnly)
}

func (a *app) open(open func(string) (*store.Store, error)) (*store.Store, error) {
	path, err := a.resolveDBPath()
	if err != nil {
		return nil, fmt.Errorf("finding the data directory: %w (set --db or GAPMAP_DB)", err)
	}
	s, err := open(path)
	if err != nil {
		return nil, storeError(err)
	}
	return s, nil
}

// storeError marks the store's refusals and lookups that failed as user
// errors (exit 1); other errors pass through.
func storeError(err error) error {
	if isRefusal(err) {
		return userError{err}
	}
	return err
}

// isRefusal reports whether err is the store refusing a file or a request
// (a user error) rather than failing.
func isRefusal(err error) bool {
	var (
		refused  *store.RefusedError
		identity *store.IdentityError
	)
	return errors.As(err, &refused) || errors.As(err, &identity) ||
		errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrExists) ||
		errors.Is(err, store.ErrGone) || errors.Is(err, store.ErrConflict) ||
		errors.Is(err, store.ErrBusy) || errors.Is(err, store.ErrNoDatabase) ||
		errors.Is(err, assessment.ErrInvalid)
}

// notFound turns the store's lookup failures into user errors.
func notFound(err error) error { return storeError(err) }

// summarize scores an assessment for the store's listing columns.
func summarize(qn *questionnaire.Questionnaire, as *assessment.Assessment) assessment.Summary {
	return assessment.Evaluate(qn, as).Summarize()
}

// isTerminal reports whether f is an interactive terminal. A character
// device is not enough: /dev/null is one.
func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// oneLine makes user-entered text safe to print on one terminal line.
func oneLine(s string) string { return sanitize.Line(s) }
