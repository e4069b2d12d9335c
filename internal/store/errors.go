package store

import (
	"errors"
	"fmt"

	"github.com/gapmap/gapmap/internal/assessment"
)

var (
	// ErrNotFound is wrapped with the assessment's name or ID.
	ErrNotFound = errors.New("not found")
	// ErrExists is wrapped with the name already taken.
	ErrExists = errors.New("already exists")
	// ErrGone is returned by a write to an assessment that no longer
	// exists, such as one another gapmap deleted while a screen showed it.
	// Nothing was written.
	ErrGone = errors.New("the assessment no longer exists; another gapmap may have deleted it")
	// ErrConflict matches every *ConflictError.
	ErrConflict = errors.New("changed by someone else since it was read")
	// ErrNoDatabase is wrapped in *NoDatabaseError.
	ErrNoDatabase = errors.New("no gapmap database")
	// ErrBusy is wrapped in *BusyError.
	ErrBusy = errors.New("another gapmap is writing")
)

// ConflictError is returned by SaveAnswer and ClearAnswer when the stored
// answer is no longer the one the caller read: nothing was written.
// Current is the answer as stored now; Stored is false when there is no
// answer any more (Current is then the zero Answer).
type ConflictError struct {
	UUID, QuestionID string
	Current          assessment.Answer
	Stored           bool
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("the answer to %s was %s", e.QuestionID, ErrConflict)
}

func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// NoDatabaseError is returned by OpenReadOnly when there is no file at Path.
type NoDatabaseError struct{ Path string }

func (e *NoDatabaseError) Error() string        { return "no gapmap database at " + e.Path }
func (e *NoDatabaseError) Is(target error) bool { return target == ErrNoDatabase }

// BusyError is returned when another process held the write lock for
// longer than the store waits (busy_timeout).
type BusyError struct{ Path string }

func (e *BusyError) Error() string {
	return "another gapmap is writing to " + e.Path + "; try again"
}
func (e *BusyError) Is(target error) bool { return target == ErrBusy }

// NameTakenError is returned when a new name matches an existing one
// without regard to case. It wraps ErrExists.
type NameTakenError struct{ Name, Existing string }

func (e *NameTakenError) Error() string {
	if e.Name == e.Existing {
		return fmt.Sprintf("assessment %q: %v", e.Name, ErrExists)
	}
	return fmt.Sprintf("assessment %q: %v as %q (names must differ by more than case)", e.Name, ErrExists, e.Existing)
}
func (e *NameTakenError) Is(target error) bool { return target == ErrExists }

// IdentityError is returned by Import when the file's name belongs to an
// assessment with another UUID: the file describes a different assessment.
type IdentityError struct {
	Name, FileUUID, StoredUUID string
}

func (e *IdentityError) Error() string {
	return fmt.Sprintf("the database's assessment %q has UUID %s but the file's has UUID %s: they are different assessments; rename one, or pass --force to replace the stored one with the file",
		e.Name, e.StoredUUID, e.FileUUID)
}

// LookupError is returned by LoadByName when no assessment matches the
// name, or several match it without regard to case. It wraps ErrNotFound.
type LookupError struct {
	Name string
	// Ambiguous lists the names that match without regard to case;
	// Suggestions the nearest names when none matches.
	Ambiguous, Suggestions []string
}

func (e *LookupError) Error() string {
	switch {
	case len(e.Ambiguous) > 0:
		return fmt.Sprintf("assessment %q: %v exactly; it could be any of %s", e.Name, ErrNotFound, quoteList(e.Ambiguous))
	case len(e.Suggestions) > 0:
		return fmt.Sprintf("assessment %q: %v; did you mean %s?", e.Name, ErrNotFound, quoteList(e.Suggestions))
	}
	return fmt.Sprintf("assessment %q: %v", e.Name, ErrNotFound)
}
func (e *LookupError) Is(target error) bool { return target == ErrNotFound }

func quoteList(names []string) string {
	s := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			s += " or "
		default:
			s += ", "
		}
		s += fmt.Sprintf("%q", n)
	}
	return s
}
