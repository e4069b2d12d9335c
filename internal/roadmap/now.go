package roadmap

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// ownReason is the reason a gap has on its own to be in Now, or "": a long
// lead time, a common audit finding, a quick win, a critical gap, in that
// order of what is most useful to say (the wait is what must start now).
func ownReason(it Item) Reason {
	q := it.Question
	switch {
	case it.LeadTimeWeeks >= LongLeadWeeks:
		return LongLead
	case q.CommonFinding:
		return Finding
	case isQuickWin(q):
		return QuickWin
	case q.Severity == questionnaire.Critical:
		return Finding
	}
	return ""
}

func isQuickWin(q *questionnaire.Question) bool {
	return q.Effort == questionnaire.EffortS &&
		(q.Severity == questionnaire.Critical || q.Severity == questionnaire.High)
}

// selectNow fills Now: the gaps with a reason of their own, long waits
// first and then the most important, each with the foundations it waits for, as long as Now stays
// within MaxNowEntries entries (a package counts as one) and
// MaxNowQuestions questions. A gap that would break a bound stays in Next
// and a smaller one further down may still fit. Everything else is Next.
func (g *gapGraph) selectNow() {
	var candidates []*node
	for _, n := range g.nodes {
		n.item.Phase = Next
		if ownReason(n.item) != "" {
			candidates = append(candidates, n)
		}
	}
	// Long waits first: they are few, and a wait started later delays
	// every date. Then by priority, dependencies first.
	sort.SliceStable(candidates, func(i, j int) bool {
		a, b := candidates[i], candidates[j]
		aLong, bLong := ownReason(a.item) == LongLead, ownReason(b.item) == LongLead
		switch {
		case aLong != bLong:
			return aLong
		case a.base != b.base:
			return a.base > b.base
		}
		return a.depth < b.depth
	})
	entries, questions := map[string]bool{}, 0
	for _, c := range candidates {
		if c.item.Phase == Now {
			continue // already in, as a foundation
		}
		add := c.withFoundations()
		newEntries := map[string]bool{}
		for _, n := range add {
			if k := entryKey(n); !entries[k] {
				newEntries[k] = true
			}
		}
		if len(entries)+len(newEntries) > MaxNowEntries || questions+len(add) > MaxNowQuestions {
			continue
		}
		for k := range newEntries {
			entries[k] = true
		}
		questions += len(add)
		for _, n := range add {
			n.item.Phase = Now
			n.item.Reason = ownReason(n.item)
			if n != c && n.item.Reason == "" {
				n.item.Reason = Foundation
			}
		}
	}
	// Name, for every foundation, the Now item nearest to it that waits
	// for it, in questionnaire order so the choice is stable.
	for _, n := range g.nodes {
		if n.item.Phase != Now || n.item.Reason != Foundation {
			continue
		}
		for _, b := range n.blocks {
			if b.item.Phase == Now {
				n.neededBy = b
				break
			}
		}
	}
}

// withFoundations is the node and everything it waits for, transitively,
// that is not yet in Now, dependencies first.
func (n *node) withFoundations() []*node {
	seen := map[*node]bool{}
	var out []*node
	var visit func(m *node)
	visit = func(m *node) {
		seen[m] = true
		for _, d := range m.deps {
			if !seen[d] && d.item.Phase != Now {
				visit(d)
			}
		}
		out = append(out, m)
	}
	visit(n)
	return out
}

// entryKey is what counts as one entry of Now: the package, or the
// question when it has none.
func entryKey(n *node) string {
	if n.item.Package != "" {
		return "package:" + n.item.Package
	}
	return "question:" + n.item.Question.ID
}

// ordered returns the items by phase, then effective priority (highest
// first), then dependency depth (dependencies first), then questionnaire
// order. A dependency's priority is at least its dependent's and its depth
// is lower, so it always comes first; every dependency of a Now item is in
// Now.
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
// why it sits where it does, naming other items by title.
func rationale(n *node) string {
	it := n.item
	q := it.Question
	parts := []string{q.Severity.Title() + ", " + answerPhrase(it.Answer.Value)}
	if q.CommonFinding {
		parts = append(parts, "a common audit finding")
	}
	if isQuickWin(q) {
		parts = append(parts, "quick win")
	}
	if it.LeadTimeWeeks > 0 {
		parts = append(parts, fmt.Sprintf("about %s weeks of lead time", trimFloat(it.LeadTimeWeeks)))
	}
	switch len(n.blocks) {
	case 0:
	case 1:
		parts = append(parts, "1 item waits for it")
	default:
		parts = append(parts, fmt.Sprintf("%d items wait for it", len(n.blocks)))
	}
	if n.raisedBy != nil {
		parts = append(parts, "raised: "+n.raisedBy.item.Title+" waits for it")
	}
	// A quick win or a finding already says so above; a foundation and a
	// long lead time say why they are in Now.
	switch {
	case n.neededBy != nil:
		parts = append(parts, "in Now: "+n.neededBy.item.Title+" needs it first")
	case it.Reason == LongLead:
		parts = append(parts, "in Now: start the wait early")
	}
	return strings.Join(parts, "; ")
}

func trimFloat(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", x), "0"), ".")
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
