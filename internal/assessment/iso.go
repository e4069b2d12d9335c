package assessment

import (
	"slices"
	"strings"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// ISOView is the ISO/IEC 27001:2022 reading of the same answers: readiness
// per requirement clause (4 to 10), per Annex A theme and per control, each
// from the applicable questions mapped to it, with the SOC 2 formulas (both
// figures, the same severity weights). A question counts once in a group
// however many of the group's references it lists, as it counts once in a
// SOC 2 category.
//
// Only applicable questions count: a control linked only to questions of an
// unselected category or of a scope that does not apply is not assessed.
type ISOView struct {
	// Target is whether the assessment prepares for ISO 27001 (the
	// iso27001 scope fact); without it the ISMS questions are not asked
	// and clauses 4 to 10 are barely assessed.
	Target bool
	// Overall is every applicable question with an ISO reference.
	Overall  Score
	Clauses  []ISOClauseScore
	Themes   []ISOThemeScore
	Controls []ISOControlScore
}

// ISOClauseScore is a top-level clause's score, over the questions mapped
// to it or to one of its sub-clauses.
type ISOClauseScore struct {
	Clause    questionnaire.ISOClause
	Questions []*questionnaire.Question
	Score
}

// ISOThemeScore is an Annex A theme's score, over the questions mapped to
// any of its controls.
type ISOThemeScore struct {
	Theme questionnaire.ISOTheme
	// Controls is the theme's number of controls, Assessed those with at
	// least one applicable question.
	Controls, Assessed int
	Score
}

// ISOControlScore is one Annex A control: the applicable questions mapped
// to it and their score. It is a cell of the heat map.
type ISOControlScore struct {
	Control   questionnaire.ISOControl
	Questions []*questionnaire.Question
	// Unknown counts its questions answered "don't know".
	Unknown int
	Score

	inPlace, missing int // answers in place (with or without evidence), and not in place or unknown
}

// ISOStatus is a control's implementation status, read from its answers.
type ISOStatus string

const (
	// NotAssessed: no applicable question is mapped to the control.
	NotAssessed ISOStatus = "not assessed"
	// NotAnswered: its questions are asked but none is answered yet.
	NotAnswered ISOStatus = "not answered"
	// AllNA: every answer is "does not apply".
	AllNA              ISOStatus = "not applicable"
	Implemented        ISOStatus = "implemented"
	ImplementedNoProof ISOStatus = "implemented, evidence to collect"
	PartlyImplemented  ISOStatus = "partly implemented"
	NotImplemented     ISOStatus = "not implemented"
)

// ISOStatuses lists the statuses from best to worst, for a heat map's
// legend.
var ISOStatuses = []ISOStatus{Implemented, ImplementedNoProof, PartlyImplemented, NotImplemented, NotAnswered, AllNA, NotAssessed}

// Status is the control's implementation status. Answered questions decide
// it; unanswered ones do not count, as in readiness.
func (c ISOControlScore) Status() ISOStatus {
	switch {
	case len(c.Questions) == 0:
		return NotAssessed
	case c.Answered == 0:
		return NotAnswered
	case c.Scored == 0:
		return AllNA
	case c.Auditable == 1:
		return Implemented
	case c.inPlace == c.Scored:
		return ImplementedNoProof
	case c.missing == c.Scored:
		return NotImplemented
	}
	return PartlyImplemented
}

// Assessed reports whether any applicable question tests the control.
func (c ISOControlScore) Assessed() bool { return len(c.Questions) > 0 }

// NotCovered returns the controls no applicable question covers yet, in
// Annex A order.
func (v ISOView) NotCovered() []questionnaire.ISOControl {
	var out []questionnaire.ISOControl
	for _, c := range v.Controls {
		if !c.Assessed() {
			out = append(out, c.Control)
		}
	}
	return out
}

// EvaluateISO computes the ISO view of an assessment. It is pure: the same
// questionnaire and answers give the same view.
func EvaluateISO(qn *questionnaire.Questionnaire, a *Assessment) ISOView {
	facts := a.Scope.Facts()
	v := ISOView{Target: facts[questionnaire.ISMSFact]}
	clauseIdx := map[string]int{}
	for _, c := range questionnaire.ISOTopClauses() {
		clauseIdx[c.ID] = len(v.Clauses)
		v.Clauses = append(v.Clauses, ISOClauseScore{Clause: c})
	}
	themeIdx := map[questionnaire.ISOTheme]int{}
	for _, t := range questionnaire.ISOThemes {
		themeIdx[t] = len(v.Themes)
		v.Themes = append(v.Themes, ISOThemeScore{Theme: t})
	}
	controlIdx := map[string]int{}
	for _, c := range questionnaire.ISOControls() {
		controlIdx[c.ID] = len(v.Controls)
		v.Controls = append(v.Controls, ISOControlScore{Control: c})
		v.Themes[themeIdx[c.Theme]].Controls++
	}

	for _, q := range qn.Questions {
		if len(q.ISO27001) == 0 || !a.Applies(q, facts) {
			continue
		}
		ans, answered := a.Answers[q.ID]
		v.Overall.add(q, ans, answered)
		var clauses []int
		var themes []questionnaire.ISOTheme
		for _, ref := range q.ISO27001 {
			if i, ok := controlIdx[ref]; ok {
				c := &v.Controls[i]
				if slices.Contains(c.Questions, q) {
					continue
				}
				c.Questions = append(c.Questions, q)
				c.add(q, ans, answered)
				if answered {
					c.count(ans.Value)
				}
				if !slices.Contains(themes, c.Control.Theme) {
					themes = append(themes, c.Control.Theme)
				}
				continue
			}
			if i, ok := clauseIdx[questionnaire.ISOClauseTop(ref)]; ok && questionnaire.IsISOClause(ref) && !slices.Contains(clauses, i) {
				clauses = append(clauses, i)
			}
		}
		for _, i := range clauses {
			v.Clauses[i].Questions = append(v.Clauses[i].Questions, q)
			v.Clauses[i].add(q, ans, answered)
		}
		for _, t := range themes {
			v.Themes[themeIdx[t]].add(q, ans, answered)
		}
	}
	for _, c := range v.Controls {
		if c.Assessed() {
			v.Themes[themeIdx[c.Control.Theme]].Assessed++
		}
	}
	return v
}

func (c *ISOControlScore) count(v Value) {
	switch v {
	case Yes, NoEvidence:
		c.inPlace++
	case No:
		c.missing++
	case Unknown:
		c.missing++
		c.Unknown++
	}
}

// NotAssessedReason says why no applicable question tests a control: no
// question of the questionnaire maps it, or those that do are asked only
// with a category or a scope this assessment does not have.
func NotAssessedReason(qn *questionnaire.Questionnaire, a *Assessment, controlID string) string {
	var categories []string
	var conditions []string
	linked := false
	for _, q := range qn.Questions {
		if !slices.Contains(q.ISO27001, controlID) {
			continue
		}
		linked = true
		switch {
		case q.Category != questionnaire.ISMS && !a.Selected(q.Category):
			if t := q.Category.Title(); !slices.Contains(categories, t) {
				categories = append(categories, t)
			}
		case q.AppliesIf != "" && !slices.Contains(conditions, q.AppliesIf):
			conditions = append(conditions, q.AppliesIf)
		}
	}
	if !linked {
		return "not assessed by this questionnaire"
	}
	var parts []string
	if len(categories) > 0 {
		parts = append(parts, "asked only with "+strings.Join(categories, " or ")+" in scope")
	}
	if len(conditions) > 0 {
		parts = append(parts, "asked only when "+strings.Join(conditions, " or ")+" (not this scope)")
	}
	return "not assessed: its questions are " + strings.Join(parts, "; ")
}

// ControlsOfTheme returns the controls of one theme, in Annex A order: a
// row of the heat map.
func (v ISOView) ControlsOfTheme(t questionnaire.ISOTheme) []ISOControlScore {
	var out []ISOControlScore
	for _, c := range v.Controls {
		if c.Control.Theme == t {
			out = append(out, c)
		}
	}
	return out
}
