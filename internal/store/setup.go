package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// SetupConflictError is returned by SaveSetup when the stored setup is no
// longer the one the caller edited: another gapmap renamed the assessment
// or changed its scope, criteria or target meanwhile. Nothing was written.
// Current is the assessment as stored now, with its answers.
type SetupConflictError struct {
	UUID    string
	Current *assessment.Assessment
}

func (e *SetupConflictError) Error() string {
	return fmt.Sprintf("the setup of assessment %q was %s", e.Current.Name, ErrConflict)
}

func (e *SetupConflictError) Is(target error) bool { return target == ErrConflict }

// SaveSetup stores the setup of the stored assessment a.UUID (its name,
// scope, categories and target) with the summary, provided the stored
// setup is still prev's: the setup the caller read and edited. Like
// SaveAnswer, it states what it replaces.
//
//   - If the stored setup differs from prev's, nothing is written and the
//     error is a *SetupConflictError (errors.Is(err, ErrConflict))
//     carrying the assessment as stored now; to keep its own, the caller
//     calls SaveSetup again with prev set to that Current. Answers are
//     not part of the setup: answers saved meanwhile are no conflict.
//   - If the stored setup already is a's, nothing is written and the
//     result is nil.
//   - ErrExists when another assessment has the name without regard to
//     case; ErrGone when the assessment no longer exists.
//
// Otherwise the setup is stored with updated_at now (or the stored time,
// if another clock put it later: a change never moves it back), and a.Name
// (cleaned, see assessment.CleanName), a.UpdatedAt and a.Revision are set
// to what is stored.
func (s *Store) SaveSetup(ctx context.Context, prev, a *assessment.Assessment, sum assessment.Summary) error {
	name, err := assessment.CleanName(a.Name)
	if err != nil {
		return err
	}
	b := *a
	b.Name = name
	st, err := encodeSetup(&b)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := rowOf(ctx, tx, b.UUID)
		if err != nil {
			return err
		}
		cur, err := loadAssessment(ctx, tx, "id = ?", id)
		if err != nil {
			return fmt.Errorf("saving assessment %q: %w", b.Name, err)
		}
		if same, err := SameSetup(cur, &b); err != nil || same {
			b.UpdatedAt, b.Revision = cur.UpdatedAt, cur.Revision
			return err
		}
		if same, err := SameSetup(cur, prev); err != nil || !same {
			if err == nil {
				err = &SetupConflictError{UUID: b.UUID, Current: cur}
			}
			return err
		}
		if cur.Name != b.Name {
			if err := nameTaken(ctx, tx, b.Name, b.UUID); err != nil {
				return err
			}
		}
		b.UpdatedAt = time.Now().UTC()
		if cur.UpdatedAt.After(b.UpdatedAt) {
			b.UpdatedAt = cur.UpdatedAt
		}
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET name = ?, organization = ?,
			scope = ?, categories = ?, target = ?, applicable = ?, answered = ?,
			progress = ?, readiness = ?, auditable = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`,
			b.Name, b.Scope.Organization, st.scope, st.categories, st.target,
			sum.Applicable, sum.Answered, sum.Progress, sum.Readiness, sum.Auditable, formatTime(b.UpdatedAt), id)
		if isUnique(err) {
			return fmt.Errorf("assessment %q: %w", b.Name, ErrExists)
		}
		if err != nil {
			return fmt.Errorf("saving assessment %q: %w", b.Name, err)
		}
		return tx.QueryRowContext(ctx, `SELECT revision FROM assessments WHERE id = ?`, id).Scan(&b.Revision)
	})
	if err != nil {
		return err
	}
	a.Name, a.UpdatedAt, a.Revision = b.Name, b.UpdatedAt, b.Revision
	return nil
}

// SameSetup reports whether a and b have the same setup, as SaveSetup
// compares them: the name, scope, categories and target as stored, not
// the answers or times.
func SameSetup(a, b *assessment.Assessment) (bool, error) {
	if a.Name != b.Name {
		return false, nil
	}
	x, err := encodeSetup(a)
	if err != nil {
		return false, err
	}
	y, err := encodeSetup(b)
	return err == nil && x == y, err
}
