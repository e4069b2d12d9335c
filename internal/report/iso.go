package report

import (
	"fmt"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// writeISO adds the ISO/IEC 27001:2022 section, only with the ISO target.
func writeISO(d *doc, in Input) {
	v := in.ISO
	if !v.Target {
		return
	}
	d.heading(2, "ISO/IEC 27001:2022")
	d.para("The same answers read through each question's ISO/IEC 27001:2022 references, with the same two figures " +
		"and weights. The management-system questions (clauses 4 to 10) count here and in no SOC 2 figure. " +
		"A question counts once in a clause or theme however many of its references it lists. " +
		"Clause and control titles are gapmap's own paraphrases.")
	cols := []column{{header: "Answered", numeric: true}, {header: "Controls in place", numeric: true}, {header: "Auditable today", numeric: true}}
	cells := func(s assessment.Score) []string { return []string{answered(s), readiness(s), auditable(s)} }

	d.heading(3, "By clause")
	rows := make([][]string, len(v.Clauses))
	for i, c := range v.Clauses {
		rows[i] = append([]string{c.Clause.ID, inline(c.Clause.Title)}, cells(c.Score)...)
	}
	d.table(append([]column{{header: "Clause"}, {header: "What it asks (our words)"}}, cols...), rows)

	d.heading(3, "By Annex A theme")
	rows = make([][]string, len(v.Themes))
	for i, t := range v.Themes {
		rows[i] = append([]string{inline(t.Theme.Title()), fmt.Sprintf("%d/%d", t.Assessed, t.Controls)}, cells(t.Score)...)
	}
	d.table(append([]column{{header: "Theme"}, {header: "Controls assessed", numeric: true}}, cols...), rows)

	d.heading(3, "Controls no answer covers yet")
	missing := v.NotCovered()
	if len(missing) == 0 {
		d.para("None: an applicable question tests every Annex A control.")
	} else {
		items := make([]listItem, len(missing))
		for i, c := range missing {
			items[i] = listItem{fmt.Sprintf("**%s** %s: %s", c.ID, inline(c.Title),
				inline(assessment.NotAssessedReason(in.Questionnaire, in.Assessment, c.ID)))}
		}
		d.list(items)
	}
	d.para("The draft Statement of Applicability, one row per control, is the export format soa-md (or soa-csv).")
	writeISMSAnswers(d, in)
}

// writeISMSAnswers lists the management-system questions with their
// answers: the SOC 2 appendix leaves them out, as it leaves them out of
// every SOC 2 figure.
func writeISMSAnswers(d *doc, in Input) {
	facts := in.Assessment.Scope.Facts()
	var items []listItem
	for _, q := range in.Questionnaire.Questions {
		if q.Category == questionnaire.ISMS && in.Assessment.Applies(q, facts) {
			ans, ok := in.Assessment.Answers[q.ID]
			items = append(items, appendixItem(q, ans, ok))
		}
	}
	if len(items) == 0 {
		return
	}
	d.heading(3, "Management-system answers")
	d.list(items)
}

type jsonISO struct {
	Overall    jsonScore       `json:"overall"`
	Clauses    []jsonISOClause `json:"clauses"`
	Themes     []jsonISOTheme  `json:"themes"`
	Controls   []jsonISOCtrl   `json:"controls"`
	NotCovered []string        `json:"not_covered"`
}

type jsonISOClause struct {
	Clause    string   `json:"clause"`
	Title     string   `json:"title"`
	Questions []string `json:"questions"`
	jsonScore
}

type jsonISOTheme struct {
	Theme    questionnaire.ISOTheme `json:"theme"`
	Controls int                    `json:"controls"`
	Assessed int                    `json:"assessed"`
	jsonScore
}

type jsonISOCtrl struct {
	ID        string                 `json:"id"`
	Theme     questionnaire.ISOTheme `json:"theme"`
	Status    assessment.ISOStatus   `json:"status"`
	Questions []string               `json:"questions"`
	jsonScore
}

// isoJSON is the ISO view for the JSON export, or nil without the target.
func isoJSON(in Input) *jsonISO {
	v := in.ISO
	if !v.Target {
		return nil
	}
	out := &jsonISO{Overall: scoreJSON(v.Overall), NotCovered: []string{}}
	for _, c := range v.Clauses {
		out.Clauses = append(out.Clauses, jsonISOClause{c.Clause.ID, c.Clause.Title, questionIDs(c.Questions), scoreJSON(c.Score)})
	}
	for _, t := range v.Themes {
		out.Themes = append(out.Themes, jsonISOTheme{t.Theme, t.Controls, t.Assessed, scoreJSON(t.Score)})
	}
	for _, c := range v.Controls {
		out.Controls = append(out.Controls, jsonISOCtrl{c.Control.ID, c.Control.Theme, c.Status(), questionIDs(c.Questions), scoreJSON(c.Score)})
		if !c.Assessed() {
			out.NotCovered = append(out.NotCovered, c.Control.ID)
		}
	}
	return out
}

func questionIDs(qs []*questionnaire.Question) []string {
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	return ids
}
