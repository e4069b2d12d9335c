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
	UUID                                string
	Revision                            int64
	Name, Organization, QuestionnaireID string
	Summary                             assessment.Summary
	// AuditableKnown is false for an assessment last written before the
	// store kept "auditable today": Summary.Auditable is unknown (0) until
	// its next save.
	AuditableKnown bool
	UpdatedAt      time.Time
}

// List returns every assessment, most recently updated first, then by name.
// It reads the summary columns only, so it stays fast with thousands of
// assessments.
func (s *Store) List(ctx context.Context) ([]Info, error) {
	infos, _, err := s.list(ctx, -1)
	return infos, err
}

// ListFirst returns the first n assessments in List's order, and how many
// there are in all: enough for a first screen, at a cost that does not
// grow with the database.
func (s *Store) ListFirst(ctx context.Context, n int) (infos []Info, total int, err error) {
	return s.list(ctx, max(n, 0))
}

// list reads up to limit assessments in List's order (all of them when
// limit is negative), and counts them all.
func (s *Store) list(ctx context.Context, limit int) ([]Info, int, error) {
	// The count also sizes the slice: growing it row by row copied and
	// cleared a quarter of the time at 10,000 assessments. It is only a
	// hint; rows added in between are appended as usual.
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM assessments`).Scan(&total); err != nil {
		return nil, 0, s.describe(fmt.Errorf("listing assessments: %w", err))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, uuid, revision, name, organization, questionnaire_id,
		applicable, answered, progress, readiness, auditable, updated_at
		FROM assessments ORDER BY updated_at DESC, name LIMIT ?`, limit)
	if err != nil {
		return nil, 0, s.describe(fmt.Errorf("listing assessments: %w", err))
	}
	defer rows.Close()
	size := total
	if limit >= 0 {
		size = min(total, limit)
	}
	out := make([]Info, 0, size)
	for rows.Next() {
		var in Info
		var updated string
		var auditable sql.NullFloat64
		sum := &in.Summary
		if err := rows.Scan(&in.ID, &in.UUID, &in.Revision, &in.Name, &in.Organization, &in.QuestionnaireID,
			&sum.Applicable, &sum.Answered, &sum.Progress, &sum.Readiness, &auditable, &updated); err != nil {
			return nil, 0, s.describe(fmt.Errorf("listing assessments: %w", err))
		}
		if in.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, 0, fmt.Errorf("listing assessment %q: %w", in.Name, err)
		}
		sum.Auditable, in.AuditableKnown = auditable.Float64, auditable.Valid
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, s.describe(fmt.Errorf("listing assessments: %w", err))
	}
	return out, total, nil
}

// Create stores a new assessment with its answers (each recorded in the
// history as given by its AnsweredBy) and sets a.ID, a.UUID (a new one
// unless a has one) and a.Revision. The name is cleaned
// (assessment.CleanName) and a.Name set to what is stored. Times are
// stored as given. ErrExists (a *NameTakenError) when the name is taken
// without regard to case.
func (s *Store) Create(ctx context.Context, a *assessment.Assessment, sum assessment.Summary) error {
	name, err := assessment.CleanName(a.Name)
	if err != nil {
		return err
	}
	if err := checkAnswers(a.Answers); err != nil {
		return err
	}
	b := *a
	b.Name = name
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertAssessment(ctx, tx, &b, sum); err != nil {
			return err
		}
		return insertAnswers(ctx, tx, b.ID, b.Answers, "")
	})
	if errors.Is(err, ErrExists) {
		return err // already says which name
	}
	if err != nil {
		return fmt.Errorf("creating assessment %q: %w", name, err)
	}
	*a = b
	return nil
}

// Load returns an assessment with all its answers, by row ID (as listed).
func (s *Store) Load(ctx context.Context, id int64) (*assessment.Assessment, error) {
	return s.load(ctx, "id = ?", id, fmt.Sprintf("assessment %d", id))
}

// LoadUUID returns the assessment with that UUID with all its answers;
// ErrGone when there is none.
func (s *Store) LoadUUID(ctx context.Context, uuid string) (*assessment.Assessment, error) {
	a, err := s.load(ctx, "uuid = ?", uuid, "assessment "+uuid)
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("assessment %s: %w", uuid, ErrGone)
	}
	return a, err
}

// LoadByName returns the assessment of that name with all its answers.
// The name is matched exactly first, then in its NFC form, then without
// regard to case if only one assessment matches so; otherwise the error is
// a *LookupError (wrapping ErrNotFound) with the nearest names.
func (s *Store) LoadByName(ctx context.Context, name string) (*assessment.Assessment, error) {
	var a *assessment.Assessment
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		id, err := findName(ctx, tx, name)
		if err != nil {
			return err
		}
		a, err = loadAssessment(ctx, tx, "id = ?", id)
		if err != nil {
			return fmt.Errorf("loading assessment %q: %w", name, err)
		}
		return nil
	})
	return a, err
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

// Revision returns the revision of the assessment with that UUID: a number
// that every write to it (an answer, its setup, an import) increases. It
// reads one indexed row, so a screen can poll it every second and reload
// only when it differs from the a.Revision it loaded. ErrGone when the
// assessment no longer exists.
func (s *Store) Revision(ctx context.Context, uuid string) (int64, error) {
	var rev int64
	err := s.db.QueryRowContext(ctx, `SELECT revision FROM assessments WHERE uuid = ?`, uuid).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("assessment %s: %w", uuid, ErrGone)
	}
	if err != nil {
		return 0, s.describe(fmt.Errorf("reading the revision of assessment %s: %w", uuid, err))
	}
	return rev, nil
}

// Duplicate copies the assessment with that UUID and its answers under a
// new name and a new UUID, created now. The copy starts with no history.
// ErrGone when the assessment no longer exists.
func (s *Store) Duplicate(ctx context.Context, uuid, newName string) (*assessment.Assessment, error) {
	newName, err := assessment.CleanName(newName)
	if err != nil {
		return nil, err
	}
	now := formatTime(time.Now())
	var newID int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := rowOf(ctx, tx, uuid)
		if err != nil {
			return err
		}
		if err := nameTaken(ctx, tx, newName, ""); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO assessments (`+insertCols+`)
			SELECT ?, ?, organization, questionnaire_id, applicable, answered, progress,
			readiness, ?, scope, categories, target, ?, 1 FROM assessments WHERE id = ?`,
			newName, now, now, newUUID(), id)
		if isUnique(err) {
			return fmt.Errorf("assessment %q: %w", newName, ErrExists)
		}
		if err != nil {
			return fmt.Errorf("copying assessment %s: %w", uuid, err)
		}
		if newID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("copying assessment %s: %w", uuid, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET auditable = (SELECT auditable FROM assessments WHERE id = ?)
			WHERE id = ?`, id, newID)
		if err != nil {
			return fmt.Errorf("copying assessment %s: %w", uuid, err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO answers (`+answerCols+`)
			SELECT ?, `+answerFields+` FROM answers WHERE assessment_id = ?`,
			newID, id)
		if err != nil {
			return fmt.Errorf("copying the answers of assessment %s: %w", uuid, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Load(ctx, newID)
}

// Delete removes the assessment with that UUID, with its answers and
// history; ErrGone when it no longer exists.
func (s *Store) Delete(ctx context.Context, uuid string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM assessments WHERE uuid = ?`, uuid)
		if err != nil {
			return fmt.Errorf("deleting assessment %s: %w", uuid, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("deleting assessment %s: %w", uuid, err)
		}
		if n == 0 {
			return fmt.Errorf("assessment %s: %w", uuid, ErrGone)
		}
		return nil
	})
}
