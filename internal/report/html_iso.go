package report

import (
	"fmt"

	"github.com/gapmap/gapmap/internal/assessment"
)

// htmlISO is the ISO/IEC 27001:2022 section of the HTML report, shown only
// with the ISO target: the same answers read through each question's ISO
// references, with the same two figures.
type htmlISO struct {
	Clauses    []htmlISORow
	Themes     []htmlISORow
	NotCovered []htmlISOControl
}

type htmlISORow struct {
	ID, Title, Count, InPlace, Auditable string
}

type htmlISOControl struct{ ID, Title, Reason string }

func isoView(in Input) *htmlISO {
	v := in.ISO
	if !v.Target {
		return nil
	}
	out := &htmlISO{}
	for _, c := range v.Clauses {
		out.Clauses = append(out.Clauses, htmlISORow{ID: c.Clause.ID, Title: text(c.Clause.Title),
			Count: answered(c.Score), InPlace: readiness(c.Score), Auditable: auditable(c.Score)})
	}
	for _, t := range v.Themes {
		out.Themes = append(out.Themes, htmlISORow{Title: text(t.Theme.Title()),
			Count: fmt.Sprintf("%d/%d", t.Assessed, t.Controls), InPlace: readiness(t.Score), Auditable: auditable(t.Score)})
	}
	for _, c := range v.NotCovered() {
		out.NotCovered = append(out.NotCovered, htmlISOControl{ID: c.ID, Title: text(c.Title),
			Reason: text(assessment.NotAssessedReason(in.Questionnaire, in.Assessment, c.ID))})
	}
	return out
}
