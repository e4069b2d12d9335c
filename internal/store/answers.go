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

// SaveAnswer stores one answer to the assessment with that UUID, in its
// own transaction, provided the stored answer is still prev: the answer as
// the caller read it, or the zero Answer if it read none. It states what
// the write replaces, so a write never lands over newer data from another
// process (an import, a second window, a workshop participant). prev is
// the stored state as the caller last read or wrote it: after a write that
// failed, the screen's copy is no longer it.
//
//   - If the stored answer's value, note, evidence, owner or flag differ
//     from prev's, nothing is written and the error is a *ConflictError
//     (errors.Is(err, ErrConflict)) carrying the answer as stored now,
//     so the caller can show both and let the user choose; to keep its
//     own, it calls SaveAnswer again with prev set to that Current.
//   - If the stored answer already has ans's value, note, evidence, owner
//     and flag, nothing is written either (no history row, no new
//     revision), and the result is nil.
//   - If the assessment no longer exists, the error wraps ErrGone.
//
// Otherwise the answer is stored, the change appended to the history (by
// ans.AnsweredBy, at ans.UpdatedAt; a zero UpdatedAt means now), and the
// assessment's summary, updated_at and revision updated. When it returns
// nil the answer is on disk.
func (s *Store) SaveAnswer(ctx context.Context, uuid, questionID string, prev, ans assessment.Answer, sum assessment.Summary) error {
	if err := checkAnswer(questionID, ans); err != nil {
		return err
	}
	if ans.UpdatedAt.IsZero() {
		ans.UpdatedAt = time.Now()
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := rowOf(ctx, tx, uuid)
		if err != nil {
			return err
		}
		cur, stored, err := storedAnswer(ctx, tx, id, questionID)
		if err != nil {
			return err
		}
		if stored && cur.SameContent(ans) {
			return nil
		}
		if !matches(cur, stored, prev) {
			return &ConflictError{UUID: uuid, QuestionID: questionID, Current: cur, Stored: stored}
		}
		if err := touch(ctx, tx, id, sum, ans.UpdatedAt); err != nil {
			return err
		}
		if err := upsertAnswer(ctx, tx, id, questionID, ans); err != nil {
			return err
		}
		return appendHistory(ctx, tx, id, Change{questionID, string(cur.Value), string(ans.Value), ans.AnsweredBy, ans.UpdatedAt})
	})
	if err != nil {
		return fmt.Errorf("saving the answer to %s: %w", questionID, err)
	}
	return nil
}

// ClearAnswer removes the answer to questionID of the assessment with that
// UUID, with its note, evidence, owner and flag, provided it is still prev
// (as SaveAnswer), records the change by who, and updates the assessment's
// summary, updated_at and revision. To clear only the value and keep the
// rest, SaveAnswer the answer with an empty value.
// Clearing a question without an answer writes nothing. A *ConflictError
// when the stored answer differs from prev; ErrGone when the assessment no
// longer exists.
func (s *Store) ClearAnswer(ctx context.Context, uuid, questionID string, prev assessment.Answer, who string, sum assessment.Summary) error {
	now := time.Now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := rowOf(ctx, tx, uuid)
		if err != nil {
			return err
		}
		cur, stored, err := storedAnswer(ctx, tx, id, questionID)
		if err != nil || !stored {
			return err
		}
		if !matches(cur, stored, prev) {
			return &ConflictError{UUID: uuid, QuestionID: questionID, Current: cur, Stored: stored}
		}
		if err := touch(ctx, tx, id, sum, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM answers
			WHERE assessment_id = ? AND question_id = ?`, id, questionID); err != nil {
			return fmt.Errorf("deleting the answer: %w", err)
		}
		return appendHistory(ctx, tx, id, Change{questionID, string(cur.Value), "", who, now})
	})
	if err != nil {
		return fmt.Errorf("clearing the answer to %s: %w", questionID, err)
	}
	return nil
}

// storedAnswer reads one answer; stored is false when there is none.
func storedAnswer(ctx context.Context, tx *sql.Tx, id int64, questionID string) (a assessment.Answer, stored bool, err error) {
	var updated string
	err = tx.QueryRowContext(ctx, `SELECT value, note, evidence, owner, flagged, answered_by, updated_at
		FROM answers WHERE assessment_id = ? AND question_id = ?`, id, questionID).
		Scan(&a.Value, &a.Note, &a.Evidence, &a.Owner, &a.Flagged, &a.AnsweredBy, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return assessment.Answer{}, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("reading the previous answer: %w", err)
	}
	if a.UpdatedAt, err = parseTime(updated); err != nil {
		return a, false, fmt.Errorf("reading the answer to %s: %w", questionID, err)
	}
	return a, true, nil
}

// matches reports whether the stored answer is the one the caller read:
// prev with no value and no flag or note stands for "no record" (a flag or
// a note may stand without an answer).
func matches(cur assessment.Answer, stored bool, prev assessment.Answer) bool {
	if !prev.Answered() && !prev.HasContext() {
		return !stored
	}
	return stored && cur.SameContent(prev)
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

// touch updates an assessment's summary columns and updated_at and bumps
// its revision;
// ErrNotFound when it does not exist.
func touch(ctx context.Context, tx *sql.Tx, id int64, sum assessment.Summary, at time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE assessments SET applicable = ?, answered = ?,
		progress = ?, readiness = ?, auditable = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`,
		sum.Applicable, sum.Answered, sum.Progress, sum.Readiness, sum.Auditable, formatTime(at), id)
	if err != nil {
		return fmt.Errorf("updating assessment %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("assessment %d", id))
}

func upsertAnswer(ctx context.Context, tx *sql.Tx, id int64, questionID string, ans assessment.Answer) error {
	return storeAnswer(ctx, txQuery{tx, upsertAnswerSQL}, id, questionID, ans)
}

// execer runs one statement with its arguments: a prepared *sql.Stmt, or
// a txQuery for a statement run once.
type execer interface {
	ExecContext(ctx context.Context, args ...any) (sql.Result, error)
}

// txQuery is a statement run once in a transaction.
type txQuery struct {
	tx    *sql.Tx
	query string
}

func (q txQuery) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return q.tx.ExecContext(ctx, q.query, args...)
}

// storeAnswer checks an answer and stores it through upsertAnswerSQL.
func storeAnswer(ctx context.Context, upsert execer, id int64, questionID string, ans assessment.Answer) error {
	if err := checkAnswer(questionID, ans); err != nil {
		return err
	}
	if _, err := upsert.ExecContext(ctx, answerArgs(id, questionID, ans)...); err != nil {
		return fmt.Errorf("storing the answer to %s: %w", questionID, err)
	}
	return nil
}

const upsertAnswerSQL = `INSERT INTO answers (` + answerCols + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (assessment_id, question_id) DO UPDATE SET
	value = excluded.value, note = excluded.note, evidence = excluded.evidence,
	owner = excluded.owner, flagged = excluded.flagged,
	answered_by = excluded.answered_by, updated_at = excluded.updated_at`

func answerArgs(id int64, questionID string, ans assessment.Answer) []any {
	return []any{id, questionID, string(ans.Value), ans.Note, ans.Evidence, ans.Owner, ans.Flagged,
		ans.AnsweredBy, formatTime(ans.UpdatedAt)}
}

func appendHistory(ctx context.Context, tx *sql.Tx, id int64, c Change) error {
	return recordChange(ctx, txQuery{tx, appendHistorySQL}, id, c)
}

// recordChange appends a change to the history through appendHistorySQL.
func recordChange(ctx context.Context, insert execer, id int64, c Change) error {
	if _, err := insert.ExecContext(ctx, historyArgs(id, c)...); err != nil {
		return fmt.Errorf("recording the change to %s: %w", c.QuestionID, err)
	}
	return nil
}

const appendHistorySQL = `INSERT INTO history
	(assessment_id, question_id, old_value, new_value, who, at) VALUES (?, ?, ?, ?, ?, ?)`

func historyArgs(id int64, c Change) []any {
	return []any{id, c.QuestionID, c.Old, c.New, c.Who, formatTime(c.At)}
}

// insertAnswers stores the answers of a new assessment, each with a history
// entry by its AnsweredBy, or by who when that is empty.
func insertAnswers(ctx context.Context, tx *sql.Tx, id int64, answers map[string]assessment.Answer, who string) error {
	// Each statement is prepared once for all the answers: SQLite parsing
	// the same two statements for every answer was a third of an import.
	up, err := tx.PrepareContext(ctx, upsertAnswerSQL)
	if err != nil {
		return fmt.Errorf("storing the answers: %w", err)
	}
	defer up.Close()
	hist, err := tx.PrepareContext(ctx, appendHistorySQL)
	if err != nil {
		return fmt.Errorf("recording the answers: %w", err)
	}
	defer hist.Close()
	for _, q := range slices.Sorted(maps.Keys(answers)) {
		ans := answers[q]
		if err := storeAnswer(ctx, up, id, q, ans); err != nil {
			return err
		}
		if err := recordChange(ctx, hist, id, Change{q, "", string(ans.Value), answeredBy(ans, who), historyTime(ans)}); err != nil {
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

// mustAffect turns an UPDATE that matched no row into ErrGone.
func mustAffect(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrGone)
	}
	return nil
}
