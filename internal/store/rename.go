package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Rename gives the assessment with that UUID a new name, cleaned as every
// name is (assessment.CleanName). A *NameTakenError when another
// assessment has the name (without regard to case), ErrGone when the
// assessment no longer exists. The revision moves on, so a setup edited
// from before the rename is refused rather than undoing it.
func (s *Store) Rename(ctx context.Context, uuid, newName string) error {
	newName, err := assessment.CleanName(newName)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := rowOf(ctx, tx, uuid)
		if err != nil {
			return err
		}
		if err := nameTaken(ctx, tx, newName, uuid); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET name = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`,
			newName, formatTime(time.Now()), id)
		if isUnique(err) {
			return fmt.Errorf("assessment %q: %w", newName, ErrExists)
		}
		if err != nil {
			return fmt.Errorf("renaming assessment %s: %w", uuid, err)
		}
		return nil
	})
}

// SetAnswering keeps who is answering with the assessment, so the next
// session records answers under the same name. It is a preference of the
// program, not assessment data: it neither moves the revision nor the
// updated time. ErrGone when the assessment no longer exists.
func (s *Store) SetAnswering(ctx context.Context, uuid, who string) error {
	who = strings.TrimSpace(who)
	if n := utf8.RuneCountInString(who); n > assessment.MaxNameLength {
		return fmt.Errorf("who is answering is %d characters long; the limit is %d: %w", n, assessment.MaxNameLength, assessment.ErrInvalid)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := rowOf(ctx, tx, uuid)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET answering = ? WHERE id = ?`, who, id); err != nil {
			return fmt.Errorf("saving who is answering: %w", err)
		}
		return nil
	})
}
