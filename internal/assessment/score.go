package assessment

import (
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Score is progress and the two readiness figures over a set of questions.
//
// Both figures weigh each answered question (not "na") by its severity
// (critical 4, high 3, medium 2, low 1). Unanswered questions do not count
// toward either, only against progress.
//
//   - Readiness, shown as "controls in place", credits each answer with one
//     minus its gap weight: a control in place without evidence counts 75%.
//   - Auditable, shown as "auditable today", credits only "yes": in place
//     with evidence an auditor could test now. A Type II auditor can test
//     nothing else, so under Type II it is the figure that leads.
type Score struct {
	Applicable int `json:"applicable"`
	Answered   int `json:"answered"`
	// Scored is the answered questions that count toward readiness (not na).
	Scored int `json:"scored"`
	// Readiness is the "controls in place" share, between 0 and 1;
	// meaningful only when Scored > 0.
	Readiness float64 `json:"readiness"`
	// Auditable is the "auditable today" share, between 0 and 1; meaningful
	// only when Scored > 0. Never more than Readiness.
	Auditable float64 `json:"auditable"`

	weight, met, evidenced float64
}

// Progress is the share of applicable questions answered, 0 to 1.
func (s Score) Progress() float64 {
	if s.Applicable == 0 {
		return 0
	}
	return float64(s.Answered) / float64(s.Applicable)
}

func (s *Score) add(q *questionnaire.Question, ans Answer, answered bool) {
	s.Applicable++
	if !answered {
		return
	}
	s.Answered++
	gap, ok := ans.Value.GapWeight()
	if !ok {
		return
	}
	s.Scored++
	w := q.Severity.Weight()
	s.weight += w
	s.met += w * (1 - gap)
	if ans.Value == Yes {
		s.evidenced += w
	}
	s.Readiness = s.met / s.weight
	s.Auditable = s.evidenced / s.weight
}

// CategoryScore is the score of one selected category.
type CategoryScore struct {
	Category questionnaire.Category `json:"category"`
	Score
}

// CriterionScore is the score of one criterion of a selected category.
type CriterionScore struct {
	Criterion questionnaire.Criterion `json:"criterion"`
	Score
}

// AreaScore is the score of one question area.
type AreaScore struct {
	Area questionnaire.Area `json:"area"`
	Score
}

// Evaluation is everything the answers say about readiness.
type Evaluation struct {
	Overall    Score            `json:"overall"`
	Categories []CategoryScore  `json:"categories"`
	Criteria   []CriterionScore `json:"criteria"`
	Areas      []AreaScore      `json:"areas"`
	// GapsBySeverity counts gap answers (no, partial, no-evidence, unknown)
	// by severity.
	GapsBySeverity map[questionnaire.Severity]int `json:"gaps_by_severity"`
	// Unknown, Flagged and CommonFindings list applicable questions in
	// questionnaire order: answered "unknown", flagged for follow-up, and
	// gaps on the findings auditors raise most often.
	Unknown        []*questionnaire.Question `json:"-"`
	Flagged        []*questionnaire.Question `json:"-"`
	CommonFindings []*questionnaire.Question `json:"-"`
	// Questions is every applicable SOC 2 question, in questionnaire order;
	// ISMS questions are left out of every part of the evaluation.
	Questions []*questionnaire.Question `json:"-"`
}

// Evaluate scores an assessment against its questionnaire.
func Evaluate(qn *questionnaire.Questionnaire, a *Assessment) Evaluation {
	ev := Evaluation{GapsBySeverity: map[questionnaire.Severity]int{}}
	catIdx := map[questionnaire.Category]int{}
	for _, c := range questionnaire.Categories {
		if a.Selected(c) {
			catIdx[c] = len(ev.Categories)
			ev.Categories = append(ev.Categories, CategoryScore{Category: c})
		}
	}
	critIdx := map[string]int{}
	for _, c := range qn.Criteria {
		if a.Selected(c.Category) {
			critIdx[c.ID] = len(ev.Criteria)
			ev.Criteria = append(ev.Criteria, CriterionScore{Criterion: c})
		}
	}
	areaIdx := map[string]int{}
	for _, ar := range qn.Areas {
		areaIdx[ar.ID] = len(ev.Areas)
		ev.Areas = append(ev.Areas, AreaScore{Area: ar})
	}

	facts := a.Scope.Facts()
	for _, q := range qn.Questions {
		// ISMS questions count in no SOC 2 figure: switching the ISO
		// target on leaves every number here unchanged (see ISO).
		if !a.Applies(q, facts) || !q.Category.IsTSC() {
			continue
		}
		ev.Questions = append(ev.Questions, q)
		ans, answered := a.Answer(q.ID)
		ev.Overall.add(q, ans, answered)
		ev.Categories[catIdx[q.Category]].add(q, ans, answered)
		if i, ok := areaIdx[q.Area]; ok {
			ev.Areas[i].add(q, ans, answered)
		}
		for _, id := range q.Criteria {
			if i, ok := critIdx[id]; ok {
				ev.Criteria[i].add(q, ans, answered)
			}
		}
		if ans.Flagged {
			ev.Flagged = append(ev.Flagged, q)
		}
		if !answered {
			continue
		}
		if ans.Value.IsGap() {
			ev.GapsBySeverity[q.Severity]++
			if q.CommonFinding {
				ev.CommonFindings = append(ev.CommonFindings, q)
			}
		}
		if ans.Value == Unknown {
			ev.Unknown = append(ev.Unknown, q)
		}
	}
	// Areas with no applicable question are noise on every screen.
	kept := ev.Areas[:0]
	for _, s := range ev.Areas {
		if s.Applicable > 0 {
			kept = append(kept, s)
		}
	}
	ev.Areas = kept
	return ev
}

// Summary is the short form of an evaluation kept with each assessment for
// fast listing.
type Summary struct {
	Applicable int     `json:"applicable"`
	Answered   int     `json:"answered"`
	Progress   float64 `json:"progress"`
	// Readiness is "controls in place", Auditable "auditable today".
	Readiness float64 `json:"readiness"`
	Auditable float64 `json:"auditable"`
}

// Summarize returns the listing summary of an evaluation.
func (ev Evaluation) Summarize() Summary {
	return Summary{
		Applicable: ev.Overall.Applicable,
		Answered:   ev.Overall.Answered,
		Progress:   ev.Overall.Progress(),
		Readiness:  ev.Overall.Readiness,
		Auditable:  ev.Overall.Auditable,
	}
}
