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

// Import stores an assessment read from an answers file, in one
// transaction: when one named a.Name exists it becomes exactly a (scope,
// categories, target, times, and answers: changed ones replaced, missing
// ones removed, each change recorded in the history); otherwise a is
// created. History entries are by each answer's AnsweredBy, or who when
// that is empty. Times are kept exactly as given, so an export of the
// result matches the imported file. Sets a.ID. On error nothing changes.
func (s *Store) Import(ctx context.Context, a *assessment.Assessment, sum assessment.Summary, who string) (created bool, err error) {
	if err := checkName(a.Name); err != nil {
		return false, err
	}
	var id int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE name = ?`, a.Name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			created = true
			if id, err = insertAssessment(ctx, tx, a, sum); err != nil {
				return err
			}
			return insertAnswers(ctx, tx, id, a.Answers, who)
		}
		if err != nil {
			return fmt.Errorf("looking up the assessment: %w", err)
		}
		created = false
		if err := replaceAssessment(ctx, tx, id, a, sum); err != nil {
			return err
		}
		return syncAnswers(ctx, tx, id, a.Answers, who)
	})
	if err != nil {
		return false, fmt.Errorf("importing assessment %q: %w", a.Name, err)
	}
	a.ID = id
	return created, nil
}

// syncAnswers makes the stored answers of assessment id exactly answers,
// touching and recording only the ones that differ. Questions are visited
// in order so the history reads the same for the same file.
func syncAnswers(ctx context.Context, tx *sql.Tx, id int64, answers map[string]assessment.Answer, who string) error {
	stored, err := loadAnswers(ctx, tx, id)
	if err != nil {
		return err
	}
	for _, q := range slices.Sorted(maps.Keys(answers)) {
		ans := answers[q]
		prev, had := stored[q]
		if had && sameAnswer(prev, ans) {
			continue
		}
		if err := upsertAnswer(ctx, tx, id, q, ans); err != nil {
			return err
		}
		c := Change{q, string(prev.Value), string(ans.Value), answeredBy(ans, who), historyTime(ans)}
		if err := appendHistory(ctx, tx, id, c); err != nil {
			return err
		}
	}
	now := time.Now()
	for _, q := range slices.Sorted(maps.Keys(stored)) {
		if _, keep := answers[q]; keep {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM answers
			WHERE assessment_id = ? AND question_id = ?`, id, q); err != nil {
			return fmt.Errorf("removing the answer to %s: %w", q, err)
		}
		if err := appendHistory(ctx, tx, id, Change{q, string(stored[q].Value), "", who, now}); err != nil {
			return err
		}
	}
	return nil
}
