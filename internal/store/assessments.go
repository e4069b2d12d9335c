package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Info is one line of the home screen: what List returns without reading
// any answer.
type Info struct {
	ID                                  int64
	Name, Organization, QuestionnaireID string
	Summary                             assessment.Summary
	UpdatedAt                           time.Time
}

// List returns every assessment, most recently updated first, then by name.
// It reads the summary columns only, so it stays fast with thousands of
// assessments.
func (s *Store) List(ctx context.Context) ([]Info, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, organization, questionnaire_id,
		applicable, answered, progress, readiness, updated_at
		FROM assessments ORDER BY updated_at DESC, name`)
	if err != nil {
		return nil, s.describe(fmt.Errorf("listing assessments: %w", err))
	}
	defer rows.Close()
	var out []Info
	for rows.Next() {
		var in Info
		var updated string
		sum := &in.Summary
		if err := rows.Scan(&in.ID, &in.Name, &in.Organization, &in.QuestionnaireID,
			&sum.Applicable, &sum.Answered, &sum.Progress, &sum.Readiness, &updated); err != nil {
			return nil, s.describe(fmt.Errorf("listing assessments: %w", err))
		}
		if in.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, fmt.Errorf("listing assessment %q: %w", in.Name, err)
		}
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, s.describe(fmt.Errorf("listing assessments: %w", err))
	}
	return out, nil
}

// Create stores a new assessment with its answers (each recorded in the
// history as given by its AnsweredBy) and sets a.ID. Times are stored as
// given. ErrExists when the name is taken.
func (s *Store) Create(ctx context.Context, a *assessment.Assessment, sum assessment.Summary) error {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = insertAssessment(ctx, tx, a, sum)
		if err != nil {
			return err
		}
		return insertAnswers(ctx, tx, id, a.Answers, "")
	})
	if errors.Is(err, ErrExists) {
		return err // already says which name
	}
	if err != nil {
		return fmt.Errorf("creating assessment %q: %w", a.Name, err)
	}
	a.ID = id
	return nil
}

// Load returns an assessment with all its answers.
func (s *Store) Load(ctx context.Context, id int64) (*assessment.Assessment, error) {
	return s.load(ctx, "id = ?", id, fmt.Sprintf("assessment %d", id))
}

// LoadByName returns the assessment of that name with all its answers.
func (s *Store) LoadByName(ctx context.Context, name string) (*assessment.Assessment, error) {
	return s.load(ctx, "name = ?", name, fmt.Sprintf("assessment %q", name))
}

func (s *Store) load(ctx context.Context, where string, key any, what string) (*assessment.Assessment, error) {
	var a *assessment.Assessment
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = loadAssessment(ctx, tx, where, key)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s: %w", what, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("loading %s: %w", what, err)
		}
		return nil
	})
	return a, err
}

// SaveSetup stores the name, scope, categories, target and summary of a
// stored assessment (a.ID), and its UpdatedAt (now when zero, which is then
// set on a). ErrExists when another assessment has the name.
func (s *Store) SaveSetup(ctx context.Context, a *assessment.Assessment, sum assessment.Summary) error {
	if err := checkName(a.Name); err != nil {
		return err
	}
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = time.Now().UTC()
	}
	st, err := encodeSetup(a)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE assessments SET name = ?, organization = ?,
			scope = ?, categories = ?, target = ?, applicable = ?, answered = ?,
			progress = ?, readiness = ?, updated_at = ? WHERE id = ?`,
			a.Name, a.Scope.Organization, st.scope, st.categories, st.target,
			sum.Applicable, sum.Answered, sum.Progress, sum.Readiness, formatTime(a.UpdatedAt), a.ID)
		if isUnique(err) {
			return fmt.Errorf("assessment %q: %w", a.Name, ErrExists)
		}
		if err != nil {
			return fmt.Errorf("saving assessment %q: %w", a.Name, err)
		}
		return mustAffect(res, fmt.Sprintf("assessment %d", a.ID))
	})
}

// Duplicate copies an assessment and its answers under a new name, created
// now. The copy starts with no history.
func (s *Store) Duplicate(ctx context.Context, id int64, newName string) (*assessment.Assessment, error) {
	if err := checkName(newName); err != nil {
		return nil, err
	}
	now := formatTime(time.Now())
	var newID int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO assessments (`+assessmentCols+`)
			SELECT ?, ?, organization, questionnaire_id, applicable, answered, progress,
			readiness, ?, scope, categories, target FROM assessments WHERE id = ?`,
			newName, now, now, id)
		if isUnique(err) {
			return fmt.Errorf("assessment %q: %w", newName, ErrExists)
		}
		if err != nil {
			return fmt.Errorf("copying assessment %d: %w", id, err)
		}
		if err := mustAffect(res, fmt.Sprintf("assessment %d", id)); err != nil {
			return err
		}
		if newID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("copying assessment %d: %w", id, err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO answers (`+answerCols+`)
			SELECT ?, `+answerFields+` FROM answers WHERE assessment_id = ?`,
			newID, id)
		if err != nil {
			return fmt.Errorf("copying the answers of assessment %d: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Load(ctx, newID)
}

// Delete removes an assessment with its answers and history.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM assessments WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("deleting assessment %d: %w", id, err)
		}
		return mustAffect(res, fmt.Sprintf("assessment %d", id))
	})
}

// mustAffect turns an UPDATE or DELETE that matched no row into ErrNotFound.
func mustAffect(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}
