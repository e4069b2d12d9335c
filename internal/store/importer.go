package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Import stores an assessment read from an answers file, in one
// transaction. Which stored assessment it updates:
//
//   - a.UUID set: the one with that UUID, whatever its name (the file may
//     rename it). With no such assessment, one of the same name but
//     another UUID is a different assessment: the result is an
//     *IdentityError naming both, unless force, which replaces it (and
//     gives it the file's UUID). With no such name either, a is created
//     with its UUID.
//   - a.UUID empty (a file written by hand): the one named exactly a.Name;
//     otherwise a is created with a new UUID.
//
// The updated assessment becomes exactly a (name, scope, categories,
// target, times, and answers: changed ones replaced, missing ones
// removed, each change recorded in the history). History entries are by
// each answer's AnsweredBy, or who when that is empty. Times are kept
// exactly as given, so an export of the result matches the imported file.
// The name is cleaned (assessment.CleanName). Sets a.ID, a.UUID and
// a.Revision. On error nothing changes.
func (s *Store) Import(ctx context.Context, a *assessment.Assessment, sum assessment.Summary, who string, force bool) (created bool, err error) {
	name, err := assessment.CleanName(a.Name)
	if err != nil {
		return false, err
	}
	if a.UUID != "" && !ValidUUID(a.UUID) {
		return false, fmt.Errorf("importing assessment %q: %q is not a UUID", name, a.UUID)
	}
	if err := checkAnswers(a.Answers); err != nil {
		return false, err
	}
	b := *a
	b.Name, b.UUID = name, strings.ToLower(a.UUID)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		id, found, err := importTarget(ctx, tx, &b, force)
		if err != nil {
			return err
		}
		if !found {
			created = true
			if err := insertAssessment(ctx, tx, &b, sum); err != nil {
				return err
			}
			return insertAnswers(ctx, tx, b.ID, b.Answers, who)
		}
		if err := replaceAssessment(ctx, tx, id, &b, sum); err != nil {
			return err
		}
		if err := syncAnswers(ctx, tx, id, b.Answers, who); err != nil {
			return err
		}
		b.ID = id
		return tx.QueryRowContext(ctx, `SELECT uuid, revision FROM assessments WHERE id = ?`, id).Scan(&b.UUID, &b.Revision)
	})
	if err != nil {
		return false, fmt.Errorf("importing assessment %q: %w", name, err)
	}
	*a = b
	return created, nil
}

// importTarget finds the assessment an import updates (see Import), and
// checks that the file's name is free for it.
func importTarget(ctx context.Context, tx *sql.Tx, a *assessment.Assessment, force bool) (id int64, found bool, err error) {
	var storedUUID string
	byName := tx.QueryRowContext(ctx, `SELECT id, uuid FROM assessments WHERE name = ?`, a.Name).Scan(&id, &storedUUID)
	if byName != nil && !errors.Is(byName, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("looking up the assessment: %w", byName)
	}
	if a.UUID == "" {
		if byName == nil {
			return id, true, nil
		}
		return 0, false, nameTaken(ctx, tx, a.Name, "")
	}
	uid, err := rowOf(ctx, tx, a.UUID)
	switch {
	case err == nil:
		if byName == nil && uid != id {
			// The file renames its assessment to another one's name.
			return 0, false, &NameTakenError{Name: a.Name, Existing: a.Name}
		}
		if byName == nil {
			return uid, true, nil // its own name, even if another differs only in case
		}
		return uid, true, nameTaken(ctx, tx, a.Name, a.UUID)
	case !errors.Is(err, ErrGone):
		return 0, false, err
	}
	if byName != nil {
		return 0, false, nameTaken(ctx, tx, a.Name, "")
	}
	if !force {
		return 0, false, &IdentityError{Name: a.Name, FileUUID: a.UUID, StoredUUID: storedUUID}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE assessments SET uuid = ? WHERE id = ?`, a.UUID, id); err != nil {
		return 0, false, fmt.Errorf("replacing assessment %q: %w", a.Name, err)
	}
	return id, true, nil
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
