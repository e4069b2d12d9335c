package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

const (
	answerFields = `question_id, value, note, evidence, owner, flagged, answered_by, updated_at`
	answerCols   = `assessment_id, ` + answerFields
)

// Change is one entry of an assessment's answer history. Old and New are
// answer values ("yes", "partial"...); "" stands for no answer. A change to
// an answer's note, evidence, owner or flag alone has Old == New.
type Change struct {
	QuestionID, Old, New, Who string
	At                        time.Time
}

// SaveAnswer stores one answer in its own transaction, appends the change
// to the history (by ans.AnsweredBy, at ans.UpdatedAt) and updates the
// assessment's summary and updated_at. A zero ans.UpdatedAt means now. When
// it returns nil the answer is on disk.
func (s *Store) SaveAnswer(ctx context.Context, id int64, questionID string, ans assessment.Answer, sum assessment.Summary) error {
	if err := checkAnswer(questionID, ans); err != nil {
		return err
	}
	if ans.UpdatedAt.IsZero() {
		ans.UpdatedAt = time.Now()
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := touch(ctx, tx, id, sum, ans.UpdatedAt); err != nil {
			return err
		}
		var old string
		err := tx.QueryRowContext(ctx, `SELECT value FROM answers
			WHERE assessment_id = ? AND question_id = ?`, id, questionID).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("reading the previous answer: %w", err)
		}
		if err := upsertAnswer(ctx, tx, id, questionID, ans); err != nil {
			return err
		}
		return appendHistory(ctx, tx, id, Change{questionID, old, string(ans.Value), ans.AnsweredBy, ans.UpdatedAt})
	})
	if err != nil {
		return fmt.Errorf("saving the answer to %s: %w", questionID, err)
	}
	return nil
}

// ClearAnswer removes an answer, records the change by who, and updates the
// assessment's summary and updated_at. Clearing a question without an
// answer records nothing.
func (s *Store) ClearAnswer(ctx context.Context, id int64, questionID, who string, sum assessment.Summary) error {
	now := time.Now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := touch(ctx, tx, id, sum, now); err != nil {
			return err
		}
		var old string
		err := tx.QueryRowContext(ctx, `DELETE FROM answers
			WHERE assessment_id = ? AND question_id = ? RETURNING value`, id, questionID).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("deleting the answer: %w", err)
		}
		return appendHistory(ctx, tx, id, Change{questionID, old, "", who, now})
	})
	if err != nil {
		return fmt.Errorf("clearing the answer to %s: %w", questionID, err)
	}
	return nil
}

// History returns the answer changes of an assessment in the order they
// were recorded, oldest first.
func (s *Store) History(ctx context.Context, id int64) ([]Change, error) {
	var out []Change
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM assessments WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("assessment %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("reading the history of assessment %d: %w", id, err)
		}
		out, err = readHistory(ctx, tx, id)
		return err
	})
	return out, err
}

func readHistory(ctx context.Context, tx *sql.Tx, id int64) ([]Change, error) {
	rows, err := tx.QueryContext(ctx, `SELECT question_id, old_value, new_value, who, at
		FROM history WHERE assessment_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("reading the history of assessment %d: %w", id, err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var at string
		if err := rows.Scan(&c.QuestionID, &c.Old, &c.New, &c.Who, &at); err != nil {
			return nil, fmt.Errorf("reading the history of assessment %d: %w", id, err)
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// touch updates an assessment's summary columns and updated_at;
// ErrNotFound when it does not exist.
func touch(ctx context.Context, tx *sql.Tx, id int64, sum assessment.Summary, at time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE assessments SET applicable = ?, answered = ?,
		progress = ?, readiness = ?, updated_at = ? WHERE id = ?`,
		sum.Applicable, sum.Answered, sum.Progress, sum.Readiness, formatTime(at), id)
	if err != nil {
		return fmt.Errorf("updating assessment %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("assessment %d", id))
}

func upsertAnswer(ctx context.Context, tx *sql.Tx, id int64, questionID string, ans assessment.Answer) error {
	if err := checkAnswer(questionID, ans); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO answers (`+answerCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (assessment_id, question_id) DO UPDATE SET
		value = excluded.value, note = excluded.note, evidence = excluded.evidence,
		owner = excluded.owner, flagged = excluded.flagged,
		answered_by = excluded.answered_by, updated_at = excluded.updated_at`,
		id, questionID, string(ans.Value), ans.Note, ans.Evidence, ans.Owner, ans.Flagged,
		ans.AnsweredBy, formatTime(ans.UpdatedAt))
	if err != nil {
		return fmt.Errorf("storing the answer to %s: %w", questionID, err)
	}
	return nil
}

func appendHistory(ctx context.Context, tx *sql.Tx, id int64, c Change) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO history
		(assessment_id, question_id, old_value, new_value, who, at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, c.QuestionID, c.Old, c.New, c.Who, formatTime(c.At))
	if err != nil {
		return fmt.Errorf("recording the change to %s: %w", c.QuestionID, err)
	}
	return nil
}

// insertAnswers stores the answers of a new assessment, each with a history
// entry by its AnsweredBy, or by who when that is empty.
func insertAnswers(ctx context.Context, tx *sql.Tx, id int64, answers map[string]assessment.Answer, who string) error {
	for _, q := range slices.Sorted(maps.Keys(answers)) {
		ans := answers[q]
		if err := upsertAnswer(ctx, tx, id, q, ans); err != nil {
			return err
		}
		c := Change{q, "", string(ans.Value), answeredBy(ans, who), historyTime(ans)}
		if err := appendHistory(ctx, tx, id, c); err != nil {
			return err
		}
	}
	return nil
}

func loadAnswers(ctx context.Context, tx *sql.Tx, id int64) (map[string]assessment.Answer, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+answerFields+` FROM answers WHERE assessment_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("reading answers: %w", err)
	}
	defer rows.Close()
	out := map[string]assessment.Answer{}
	for rows.Next() {
		var q, updated string
		var a assessment.Answer
		if err := rows.Scan(&q, &a.Value, &a.Note, &a.Evidence, &a.Owner, &a.Flagged, &a.AnsweredBy, &updated); err != nil {
			return nil, fmt.Errorf("reading answers: %w", err)
		}
		if a.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, fmt.Errorf("reading the answer to %s: %w", q, err)
		}
		out[q] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading answers: %w", err)
	}
	return out, nil
}

func answeredBy(ans assessment.Answer, fallback string) string {
	if ans.AnsweredBy != "" {
		return ans.AnsweredBy
	}
	return fallback
}

// historyTime is when an answer was given, or now for an answer without a
// time, so the history never shows a zero date.
func historyTime(ans assessment.Answer) time.Time {
	if ans.UpdatedAt.IsZero() {
		return time.Now()
	}
	return ans.UpdatedAt
}
