package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// MoveAnswers applies the moves of a bank upgrade (assessment.PlanUpgrade)
// to the stored assessment with that UUID, in one transaction: each answer
// moves from the retired question to its successor, provided the
// successor still has no answer and the retired one still has one (another
// gapmap may have opened it first); otherwise that move is skipped. Each
// move is recorded in the history, by who: the old question cleared, the
// successor answered. sum is the summary under the current bank; with the
// assessment's updated_at and revision it is updated when anything moved.
// It returns how many answers moved. ErrGone when the assessment no longer
// exists.
func (s *Store) MoveAnswers(ctx context.Context, uuid string, moves []assessment.Move, who string, sum assessment.Summary) (int, error) {
	now := time.Now()
	moved := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		moved = 0
		id, err := rowOf(ctx, tx, uuid)
		if err != nil {
			return err
		}
		for _, m := range moves {
			ok, err := moveAnswer(ctx, tx, id, m, who, now)
			if err != nil {
				return err
			}
			if ok {
				moved++
			}
		}
		if moved == 0 {
			return nil
		}
		return touch(ctx, tx, id, sum, now)
	})
	if err != nil {
		return 0, fmt.Errorf("moving answers to the current questions: %w", err)
	}
	return moved, nil
}

// moveAnswer moves one answer; ok is false when there was nothing to move
// or the successor is answered already.
func moveAnswer(ctx context.Context, tx *sql.Tx, id int64, m assessment.Move, who string, now time.Time) (ok bool, err error) {
	ans, stored, err := storedAnswer(ctx, tx, id, m.From)
	if err != nil || !stored {
		return false, err
	}
	if _, taken, err := storedAnswer(ctx, tx, id, m.To); err != nil || taken {
		return false, err
	}
	if err := upsertAnswer(ctx, tx, id, m.To, ans); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM answers WHERE assessment_id = ? AND question_id = ?`, id, m.From); err != nil {
		return false, fmt.Errorf("removing the answer to %s: %w", m.From, err)
	}
	if err := appendHistory(ctx, tx, id, Change{m.From, string(ans.Value), "", who, now}); err != nil {
		return false, err
	}
	return true, appendHistory(ctx, tx, id, Change{m.To, "", string(ans.Value), who, now})
}
