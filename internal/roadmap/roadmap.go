// Package roadmap turns an assessment's answers into a remediation plan: the
// gaps as items, ordered so that nothing comes before what it depends on,
// grouped in three phases, each with a one-line reason, and a timeline to
// Type I readiness and to the earliest report. It is pure and deterministic:
// the same questionnaire and answers always give the same plan.
package roadmap

import (
	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Phase is a stage of the roadmap. Phases run in the order declared.
type Phase int

const (
	// Now holds foundations other items wait for, critical quick wins and,
	// for Type II, every control that must build operating history.
	Now Phase = iota
	// Next holds the remaining gaps, by priority.
	Next
	// BeforeAudit holds evidence housekeeping and low-severity polish.
	BeforeAudit
)

// Phases lists the phases in the order they run.
var Phases = []Phase{Now, Next, BeforeAudit}

// Title is the phase's heading.
func (p Phase) Title() string {
	switch p {
	case Now:
		return "Now: foundations and long-lead controls"
	case Next:
		return "Next: close the remaining gaps"
	case BeforeAudit:
		return "Before the audit: evidence and polish"
	}
	return "Unknown phase"
}

// Slug is the phase's stable machine name, used in JSON and CSV.
func (p Phase) Slug() string {
	switch p {
	case Now:
		return "now"
	case Next:
		return "next"
	case BeforeAudit:
		return "before-audit"
	}
	return "unknown"
}

func (p Phase) String() string { return p.Slug() }

// Item is one gap to close.
type Item struct {
	Question *questionnaire.Question
	Answer   assessment.Answer
	Phase    Phase
	// Priority is the effective priority the plan is ordered by: the item's
	// own priority, raised to that of anything that waits for it.
	Priority float64
	// Rationale says in one line why the item sits where it is.
	Rationale string
	// DependsOn lists the IDs of the items this one waits for.
	DependsOn []string
	// Blocks lists the IDs of the items waiting for this one.
	Blocks []string
	// Weeks is the person-weeks of work left: the effort's weeks times the
	// answer's gap weight.
	Weeks float64
}

// ID is the item's question ID.
func (it Item) ID() string { return it.Question.ID }

// FollowUp is a question flagged for follow-up, answered or not.
type FollowUp struct {
	Question *questionnaire.Question
	Answer   assessment.Answer
}

// Plan is the roadmap of one assessment.
type Plan struct {
	// Items is every gap, ordered by phase and, within a phase, by priority
	// with dependencies first.
	Items []Item
	// ToConfirm is the items answered "unknown", in questionnaire order;
	// they are in Items too.
	ToConfirm []Item
	// FollowUps is every applicable question flagged for
	// follow-up, in questionnaire order.
	FollowUps []FollowUp
	Timeline  Timeline
}

// Phase returns the items of one phase, in plan order.
func (p Plan) Phase(ph Phase) []Item {
	var out []Item
	for _, it := range p.Items {
		if it.Phase == ph {
			out = append(out, it)
		}
	}
	return out
}

// Build makes the roadmap of an assessment.
func Build(qn *questionnaire.Questionnaire, a *assessment.Assessment) Plan {
	facts := a.Scope.Facts()
	g := collectGaps(qn, a, facts)
	g.prioritize(a.Target.Type)
	g.assignPhases(a.Target.Type)
	items := g.ordered()

	plan := Plan{Items: items, Timeline: buildTimeline(a, items, g.longestChain())}
	for _, n := range g.nodes {
		if n.item.Answer.Value == assessment.Unknown {
			plan.ToConfirm = append(plan.ToConfirm, n.item)
		}
	}
	plan.FollowUps = followUps(qn, a, facts)
	return plan
}

func followUps(qn *questionnaire.Questionnaire, a *assessment.Assessment, facts questionnaire.Facts) []FollowUp {
	var out []FollowUp
	for _, q := range qn.Questions {
		// A flag stands with or without an answer.
		if ans := a.Answers[q.ID]; ans.Flagged && a.Applies(q, facts) {
			out = append(out, FollowUp{Question: q, Answer: ans})
		}
	}
	return out
}
