// Package roadmap turns an assessment's answers into a remediation plan: the
// gaps as items, grouped in work packages that are set up once, ordered so
// that nothing comes before what it depends on, a short "Now" in which each
// entry says why it is there, "Next" for the rest by priority, a timeline
// with dates that say what they are, and for Type II the calendar of the
// recurring controls inside the observation window. It is pure and
// deterministic: the same questionnaire and answers always give the same
// plan.
package roadmap

import (
	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Phase is a stage of the roadmap. Phases run in the order declared.
type Phase int

const (
	// Now is a short list: at most MaxNowEntries entries (a package counts
	// as one) and MaxNowQuestions questions, each with its Reason.
	Now Phase = iota
	// Next holds every other gap, by priority.
	Next
)

// The bounds of Now, so it stays a list a team can start on this week.
const (
	MaxNowEntries   = 12
	MaxNowQuestions = 20
)

// Phases lists the phases in the order they run.
var Phases = []Phase{Now, Next}

// Title is the phase's heading.
func (p Phase) Title() string {
	switch p {
	case Now:
		return "Now: start here"
	case Next:
		return "Next: the remaining gaps, by priority"
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
	}
	return "unknown"
}

func (p Phase) String() string { return p.Slug() }

// Reason is why an item is in Now. Items in Next have none.
type Reason string

const (
	// QuickWin is a small effort (S) on a high or critical severity gap.
	QuickWin Reason = "quick-win"
	// Finding is a critical gap or one auditors raise most often.
	Finding Reason = "finding"
	// Foundation is a gap another Now item waits for.
	Foundation Reason = "foundation"
	// LongLead is a gap with at least LongLeadWeeks of external lead time,
	// started early so the wait runs alongside other work.
	LongLead Reason = "long-lead"
)

// Title says the reason in a few words.
func (r Reason) Title() string {
	switch r {
	case QuickWin:
		return "quick win"
	case Finding:
		return "critical or common audit finding"
	case Foundation:
		return "foundation: a Now item waits for it"
	case LongLead:
		return "long lead time: start the wait now"
	}
	return ""
}

// Item is one gap to close.
type Item struct {
	Question *questionnaire.Question
	Answer   assessment.Answer
	Phase    Phase
	// Reason says why the item is in Now; empty in Next.
	Reason Reason
	// Title is the question's short title.
	Title string
	// Package is the ID of the work package the item belongs to; empty
	// when the question names none.
	Package string
	// Priority is the effective priority the plan is ordered by: the item's
	// own priority, raised to that of anything that waits for it.
	Priority float64
	// Rationale says in one line why the item sits where it is.
	Rationale string
	// DependsOn lists the IDs of the items this one waits for.
	DependsOn []string
	// Blocks lists the IDs of the items waiting for this one.
	Blocks []string
	// Weeks is the person-weeks the gap costs alone: the effort's weeks
	// times the answer's gap weight.
	Weeks float64
	// PlannedWeeks is what it costs in the plan: the marginal share of
	// Weeks once its package is set up, or Weeks when that is cheaper.
	PlannedWeeks float64
	// LeadTimeWeeks is external waiting (a vendor's schedule, a background
	// check) that moves dates but costs no person-weeks.
	LeadTimeWeeks float64
}

// ID is the item's question ID.
func (it Item) ID() string { return it.Question.ID }

// Package is a work package with at least one gap: the gaps closed
// together, costed as a setup paid once plus a marginal share of each.
type Package struct {
	ID, Title  string
	SetupWeeks float64
	// AloneWeeks is its gaps costed one by one; Weeks what they cost
	// together, never more than AloneWeeks.
	AloneWeeks, Weeks float64
	// Items are the IDs of its gaps, in plan order.
	Items []string
}

// Entry is a line of a phase: a package's items in that phase, or a single
// item that belongs to no package.
type Entry struct {
	// Package is nil for an item without a package.
	Package *Package
	Items   []Item
}

// Title is the package's title, or the item's.
func (e Entry) Title() string {
	if e.Package != nil {
		return e.Package.Title
	}
	return e.Items[0].Title
}

// Reason is why the entry is in Now: the reason of its first item that has
// one of its own, or Foundation when all its items are foundations; empty
// in Next.
func (e Entry) Reason() Reason {
	for _, it := range e.Items {
		if it.Reason != Foundation {
			return it.Reason
		}
	}
	return Foundation
}

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
	// Packages are the work packages with at least one gap, in the order
	// their first item appears.
	Packages []Package
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

// Entries returns the items of one phase grouped by package: an entry per
// package (or per item without one), in the order its first item appears,
// each entry's items in plan order.
func (p Plan) Entries(ph Phase) []Entry {
	pkgs := map[string]*Package{}
	for i := range p.Packages {
		pkgs[p.Packages[i].ID] = &p.Packages[i]
	}
	var out []Entry
	at := map[string]int{}
	for _, it := range p.Phase(ph) {
		if it.Package == "" {
			out = append(out, Entry{Items: []Item{it}})
			continue
		}
		i, seen := at[it.Package]
		if !seen {
			i = len(out)
			at[it.Package] = i
			out = append(out, Entry{Package: pkgs[it.Package]})
		}
		out[i].Items = append(out[i].Items, it)
	}
	return out
}

// Build makes the roadmap of an assessment.
func Build(qn *questionnaire.Questionnaire, a *assessment.Assessment) Plan {
	facts := a.Scope.Facts()
	g := collectGaps(qn, a, facts)
	g.prioritize()
	g.selectNow()
	for _, n := range g.nodes {
		n.item.Rationale = rationale(n)
	}
	items := g.ordered()

	plan := Plan{Items: items, Packages: g.packageList(items)}
	plan.Timeline = buildTimeline(qn, a, g)
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
