package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/gapmap/gapmap/internal/assessment"
)

// assessmentCols is the column order of assessmentArgs.
const assessmentCols = `name, updated_at, organization, questionnaire_id, applicable, answered,
	progress, readiness, created_at, scope, categories, target`

func assessmentArgs(a *assessment.Assessment, sum assessment.Summary) ([]any, error) {
	st, err := encodeSetup(a)
	if err != nil {
		return nil, err
	}
	return []any{a.Name, formatTime(a.UpdatedAt), a.Scope.Organization, a.QuestionnaireID,
		sum.Applicable, sum.Answered, sum.Progress, sum.Readiness, formatTime(a.CreatedAt),
		st.scope, st.categories, st.target}, nil
}

// insertAssessment adds the assessment row (not its answers) and returns its ID.
func insertAssessment(ctx context.Context, tx *sql.Tx, a *assessment.Assessment, sum assessment.Summary) (int64, error) {
	if err := checkName(a.Name); err != nil {
		return 0, err
	}
	args, err := assessmentArgs(a, sum)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments (`+assessmentCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	if isUnique(err) {
		return 0, fmt.Errorf("assessment %q: %w", a.Name, ErrExists)
	}
	if err != nil {
		return 0, fmt.Errorf("inserting assessment %q: %w", a.Name, err)
	}
	return res.LastInsertId()
}

// replaceAssessment overwrites every column of the assessment row id.
func replaceAssessment(ctx context.Context, tx *sql.Tx, id int64, a *assessment.Assessment, sum assessment.Summary) error {
	args, err := assessmentArgs(a, sum)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE assessments SET (`+assessmentCols+`)
		= (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?`, append(args, id)...)
	if err != nil {
		return fmt.Errorf("updating assessment %q: %w", a.Name, err)
	}
	return nil
}

// loadAssessment reads the assessment matching where (one "col = ?"
// condition) with its answers; sql.ErrNoRows when there is none.
func loadAssessment(ctx context.Context, tx *sql.Tx, where string, key any) (*assessment.Assessment, error) {
	a := &assessment.Assessment{}
	var created, updated string
	var st setup
	err := tx.QueryRowContext(ctx, `SELECT id, name, questionnaire_id, created_at, updated_at,
		scope, categories, target FROM assessments WHERE `+where, key).
		Scan(&a.ID, &a.Name, &a.QuestionnaireID, &created, &updated, &st.scope, &st.categories, &st.target)
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
