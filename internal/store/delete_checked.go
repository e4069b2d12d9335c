package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// StaleError is returned by DeleteAt when the assessment was written
// (answered, renamed, edited, imported) after the caller read it: nothing
// was deleted. It matches ErrConflict.
type StaleError struct {
	UUID string
	// Read is the revision the caller read; Current the one stored now.
	Read, Current int64
}

func (e *StaleError) Error() string {
	return fmt.Sprintf("assessment %s was %s (revision %d, now %d)", e.UUID, ErrConflict, e.Read, e.Current)
}

func (e *StaleError) Is(target error) bool { return target == ErrConflict }

// DeleteAt removes the assessment with that UUID as Delete does, but only
// if its revision is still the one the caller read: a list shown for a
// while must not delete work another gapmap did meanwhile. A *StaleError
// when it changed, ErrGone when it no longer exists; nothing is deleted
// then.
func (s *Store) DeleteAt(ctx context.Context, uuid string, revision int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var current int64
		err := tx.QueryRowContext(ctx, `SELECT revision FROM assessments WHERE uuid = ?`, uuid).Scan(&current)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("assessment %s: %w", uuid, ErrGone)
		}
		if err != nil {
			return fmt.Errorf("deleting assessment %s: %w", uuid, err)
		}
		if current != revision {
			return &StaleError{UUID: uuid, Read: revision, Current: current}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM assessments WHERE uuid = ?`, uuid); err != nil {
			return fmt.Errorf("deleting assessment %s: %w", uuid, err)
		}
		return nil
	})
}

// ListStamp changes whenever List's result may have: an assessment added,
// deleted or written. A home screen polls it (one pass over the list's
// covering index, about a millisecond for 10,000 assessments) and reads
// the list again only when it differs from the stamp read with the list.
type ListStamp struct {
	Count     int
	Revisions int64 // the sum of every revision: each write adds one
	Latest    string
}

// Stamp returns the list's current ListStamp.
func (s *Store) Stamp(ctx context.Context) (ListStamp, error) {
	var st ListStamp
	var latest sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(revision), 0), max(updated_at) FROM assessments`).
		Scan(&st.Count, &st.Revisions, &latest)
	if err != nil {
		return ListStamp{}, s.describe(fmt.Errorf("reading the list's stamp: %w", err))
	}
	st.Latest = latest.String
	return st, nil
}
