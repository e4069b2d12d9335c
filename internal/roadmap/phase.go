package roadmap

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// assignPhases puts every node in its phase by the rules, then pulls
// dependencies up so none sits in a later phase than what waits for it.
func (g *gapGraph) assignPhases(report assessment.ReportType) {
	for _, n := range g.nodes {
		n.item.Phase = initialPhase(n, report)
	}
	g.pullUp()
	for _, n := range g.nodes {
		n.item.Rationale = rationale(n, report)
	}
}

func initialPhase(n *node, report assessment.ReportType) Phase {
	q := n.item.Question
	switch {
	case len(n.blocks) > 0, isQuickWin(q), needsWindowHistory(q, report):
		return Now
	case q.Severity == questionnaire.Low, n.item.Answer.Value == assessment.NoEvidence:
		return BeforeAudit
	}
	return Next
}

func isQuickWin(q *questionnaire.Question) bool {
	return q.Severity == questionnaire.Critical && q.Effort == questionnaire.EffortS
}

// needsWindowHistory reports whether a Type II auditor will sample the
// control across the window, so it must run before the window opens.
func needsWindowHistory(q *questionnaire.Question, report assessment.ReportType) bool {
	return report == assessment.TypeII && q.Evidence.NeedsHistory()
}

// pullUp moves each dependency into the phase of the earliest item waiting
// for it. In reverse topological order every dependent's phase is final
// before its dependencies are looked at, so one pass reaches the fixpoint.
//
// With today's rules it changes nothing, since anything another item waits
// for is already a foundation in Now; it keeps the ordering promise true if
// the phase rules change.
func (g *gapGraph) pullUp() {
	for i := len(g.topo) - 1; i >= 0; i-- {
		n := g.topo[i]
		for _, dep := range n.deps {
			if dep.item.Phase > n.item.Phase {
				dep.item.Phase = n.item.Phase
				dep.movedFor = n.item.Question.ID
			}
		}
	}
}

// ordered returns the items by phase, then effective priority (highest
// first), then dependency depth (dependencies first), then questionnaire
// order. A dependency's priority is at least its dependent's and its depth
// is lower, so it always comes first.
func (g *gapGraph) ordered() []Item {
	ns := make([]*node, len(g.nodes))
	copy(ns, g.nodes)
	sort.Slice(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		switch {
		case a.item.Phase != b.item.Phase:
			return a.item.Phase < b.item.Phase
		case a.item.Priority != b.item.Priority:
			return a.item.Priority > b.item.Priority
		case a.depth != b.depth:
			return a.depth < b.depth
		}
		return a.index < b.index
	})
	items := make([]Item, len(ns))
	for i, n := range ns {
		items[i] = n.item
	}
	return items
}

// rationale says in one line, from the facts only, why the item matters and
// why it sits where it does.
func rationale(n *node, report assessment.ReportType) string {
	q := n.item.Question
	parts := []string{q.Severity.Title() + ", " + answerPhrase(n.item.Answer.Value)}
	if q.CommonFinding {
		parts = append(parts, "a common audit finding")
	}
	if needsWindowHistory(q, report) {
		parts = append(parts, historyPhrase(q.Evidence))
	}
	if isQuickWin(q) {
		parts = append(parts, "quick win")
	}
	switch len(n.blocks) {
	case 0:
	case 1:
		parts = append(parts, "1 item waits for it")
	default:
		parts = append(parts, fmt.Sprintf("%d items wait for it", len(n.blocks)))
	}
	if n.raisedBy != "" {
		parts = append(parts, "raised: "+n.raisedBy+" waits for it")
	}
	if n.movedFor != "" {
		parts = append(parts, "moved up: "+n.movedFor+" needs it first")
	}
	return strings.Join(parts, "; ")
}

func answerPhrase(v assessment.Value) string {
	switch v {
	case assessment.No:
		return "not in place"
	case assessment.Partial:
		return "partly in place"
	case assessment.NoEvidence:
		return "in place but no evidence"
	case assessment.Unknown:
		return "unknown: confirm first"
	}
	return string(v)
}

// historyPhrase says what a Type II auditor samples, per §3.1 of the facts:
// every event inside the window, or a completed cycle of a recurring task.
func historyPhrase(k questionnaire.EvidenceKind) string {
	if k == questionnaire.Event {
		return "needs records from the first day of the Type II window"
	}
	return "needs a completed cycle inside the Type II window"
}
