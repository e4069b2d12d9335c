package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
)

// assessmentCols is the column order of assessmentArgs.
const assessmentCols = `name, updated_at, organization, questionnaire_id, applicable, answered,
	progress, readiness, created_at, scope, categories, target`

// insertCols are assessmentCols with the identity, which is set once.
const insertCols = assessmentCols + `, uuid, revision`

func assessmentArgs(a *assessment.Assessment, sum assessment.Summary) ([]any, error) {
	st, err := encodeSetup(a)
	if err != nil {
		return nil, err
	}
	return []any{a.Name, formatTime(a.UpdatedAt), a.Scope.Organization, a.QuestionnaireID,
		sum.Applicable, sum.Answered, sum.Progress, sum.Readiness, formatTime(a.CreatedAt),
		st.scope, st.categories, st.target}, nil
}

// insertAssessment adds the assessment row (not its answers) with a.UUID,
// or a new UUID when it has none, and sets a.ID, a.UUID and a.Revision.
// The name must be clean (assessment.CleanName) and not taken.
func insertAssessment(ctx context.Context, tx *sql.Tx, a *assessment.Assessment, sum assessment.Summary) error {
	if err := nameTaken(ctx, tx, a.Name, ""); err != nil {
		return err
	}
	uuid := strings.ToLower(a.UUID)
	if uuid == "" {
		uuid = newUUID()
	}
	args, err := assessmentArgs(a, sum)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments (`+insertCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`, append(args, uuid)...)
	if isUnique(err) {
		return fmt.Errorf("assessment %q (UUID %s): %w", a.Name, uuid, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("inserting assessment %q: %w", a.Name, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("inserting assessment %q: %w", a.Name, err)
	}
	a.ID, a.UUID, a.Revision = id, uuid, 1
	return setAuditable(ctx, tx, id, sum)
}

// replaceAssessment overwrites every column of the assessment row id.
func replaceAssessment(ctx context.Context, tx *sql.Tx, id int64, a *assessment.Assessment, sum assessment.Summary) error {
	args, err := assessmentArgs(a, sum)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE assessments SET (`+assessmentCols+`)
		= (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), revision = revision + 1 WHERE id = ?`, append(args, id)...)
	if err != nil {
		return fmt.Errorf("updating assessment %q: %w", a.Name, err)
	}
	return setAuditable(ctx, tx, id, sum)
}

// setAuditable writes the "auditable today" summary column (migration
// 0004), kept apart from assessmentCols so the rows of the earlier
// columns read and copy as before.
func setAuditable(ctx context.Context, tx *sql.Tx, id int64, sum assessment.Summary) error {
	if _, err := tx.ExecContext(ctx, `UPDATE assessments SET auditable = ? WHERE id = ?`, sum.Auditable, id); err != nil {
		return fmt.Errorf("updating assessment %d: %w", id, err)
	}
	return nil
}

// loadAssessment reads the assessment matching where (one "col = ?"
// condition) with its answers; sql.ErrNoRows when there is none.
func loadAssessment(ctx context.Context, tx *sql.Tx, where string, key any) (*assessment.Assessment, error) {
	a := &assessment.Assessment{}
	var created, updated string
	var st setup
	err := tx.QueryRowContext(ctx, `SELECT id, uuid, revision, name, questionnaire_id, created_at, updated_at,
		scope, categories, target, answering FROM assessments WHERE `+where, key).
		Scan(&a.ID, &a.UUID, &a.Revision, &a.Name, &a.QuestionnaireID, &created, &updated, &st.scope, &st.categories, &st.target, &a.Answering)
	if err != nil {
		return nil, err
	}
	if a.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if a.UpdatedAt, err = parseTime(updated); err != nil {
		return nil, err
	}
	if err := decodeSetup(a, st); err != nil {
		return nil, err
	}
	if a.Answers, err = loadAnswers(ctx, tx, a.ID); err != nil {
		return nil, err
	}
	return a, nil
}
