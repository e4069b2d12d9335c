package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Overview is one assessment as `gapmap list` shows it: an Info without
// the identity and revision, which only a caller that acts on the
// assessment needs.
type Overview struct {
	Name, Organization, QuestionnaireID string
	Summary                             assessment.Summary
	// AuditableKnown is as in Info.
	AuditableKnown bool
	UpdatedAt      time.Time
}

// overviewQuery reads the covering index assessments_list in its order.
const overviewQuery = `SELECT name, organization, questionnaire_id,
	applicable, answered, progress, readiness, auditable, updated_at
	FROM assessments ORDER BY updated_at DESC, name`

// EachOverview calls fn with every assessment in List's order, a row at a
// time, and stops at fn's first error, which it returns. Nothing is held
// from one row to the next, so a caller that writes each row as it comes
// keeps no copy of the list: at 10,000 assessments, holding the list
// (and the count that sized it) was a third of `gapmap list`'s time, most
// of it in page faults.
func (s *Store) EachOverview(ctx context.Context, fn func(Overview) error) error {
	rows, err := s.db.QueryContext(ctx, overviewQuery)
	if err != nil {
		return s.describe(fmt.Errorf("listing assessments: %w", err))
	}
	defer rows.Close()
	var (
		questionnaire        string // nearly always the same: one copy kept
		qid                  sql.RawBytes
		updated              string
		applicable, answered int64 // into an int, Scan formats and parses each
		auditable            sql.NullFloat64
	)
	for rows.Next() {
		var o Overview
		sum := &o.Summary
		if err := rows.Scan(&o.Name, &o.Organization, &qid,
			&applicable, &answered, &sum.Progress, &sum.Readiness, &auditable, &updated); err != nil {
			return s.describe(fmt.Errorf("listing assessments: %w", err))
		}
		sum.Applicable, sum.Answered = int(applicable), int(answered)
		if string(qid) != questionnaire {
			questionnaire = string(qid)
		}
		o.QuestionnaireID = questionnaire
		if o.UpdatedAt, err = parseTime(updated); err != nil {
			return fmt.Errorf("listing assessment %q: %w", o.Name, err)
		}
		sum.Auditable, o.AuditableKnown = auditable.Float64, auditable.Valid
		if err := fn(o); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.describe(fmt.Errorf("listing assessments: %w", err))
	}
	return nil
}
