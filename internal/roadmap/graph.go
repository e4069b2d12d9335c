package roadmap

import (
	"slices"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// node is an item while the plan is being worked out.
type node struct {
	item  Item
	index int // position in the questionnaire, the last tie-breaker
	base  float64
	// raisedBy names the item whose higher priority this one inherits.
	raisedBy string
	// movedFor names the item that pulled this one into an earlier phase.
	movedFor string
	depth    int // longest dependency path below this item, in items
	chain    float64
	deps     []*node
	blocks   []*node
}

// gapGraph is the items and the dependencies between them. Nodes are in
// questionnaire order; topo lists them dependencies first.
type gapGraph struct {
	nodes []*node
	topo  []*node
}

// collectGaps makes a node for every applicable question answered with a gap
// and links the dependencies that are themselves items.
func collectGaps(qn *questionnaire.Questionnaire, a *assessment.Assessment, facts questionnaire.Facts) *gapGraph {
	g := &gapGraph{}
	byID := map[string]*node{}
	for i, q := range qn.Questions {
		ans, answered := a.Answers[q.ID]
		if !answered || !ans.Value.IsGap() || !a.Applies(q, facts) {
			continue
		}
		gap, _ := ans.Value.GapWeight()
		n := &node{
			item: Item{
				Question:  q,
				Answer:    ans,
				DependsOn: []string{},
				Blocks:    []string{},
				Weeks:     q.Effort.Weeks() * gap,
			},
			index: i,
		}
		g.nodes = append(g.nodes, n)
		byID[q.ID] = n
	}
	for _, n := range g.nodes {
		for _, id := range n.item.Question.DependsOn {
			dep, ok := byID[id]
			if !ok || dep == n || slices.Contains(n.deps, dep) {
				continue // in place, not applicable or unanswered: nothing to wait for
			}
			n.deps = append(n.deps, dep)
		}
	}
	// Blocks are filled in questionnaire order so every list reads the same.
	for _, n := range g.nodes {
		for _, dep := range n.deps {
			dep.blocks = append(dep.blocks, n)
		}
	}
	for _, n := range g.nodes {
		n.item.DependsOn = ids(n.deps)
		n.item.Blocks = ids(n.blocks)
	}
	g.sortTopologically()
	return g
}

func ids(ns []*node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.item.Question.ID
	}
	return out
}

// sortTopologically fills g.topo, dependencies before what waits for them,
// and the depth and chain of every node. A loaded questionnaire has no
// dependency cycle; should one appear anyway, its back edge is ignored
// rather than looping forever.
func (g *gapGraph) sortTopologically() {
	const (
		unvisited = iota
		visiting
		done
	)
	state := make(map[*node]int, len(g.nodes))
	var visit func(n *node)
	visit = func(n *node) {
		state[n] = visiting
		for _, dep := range n.deps {
			if state[dep] == unvisited {
				visit(dep)
			}
			if state[dep] == done {
				n.depth = max(n.depth, dep.depth+1)
				n.chain = max(n.chain, dep.chain)
			}
		}
		n.chain += n.item.Weeks
		state[n] = done
		g.topo = append(g.topo, n)
	}
	for _, n := range g.nodes {
		if state[n] == unvisited {
			visit(n)
		}
	}
}

// longestChain is the person-weeks of the longest run of items that must be
// done one after another; more people do not make it shorter.
func (g *gapGraph) longestChain() float64 {
	longest := 0.0
	for _, n := range g.nodes {
		longest = max(longest, n.chain)
	}
	return longest
}

// prioritize sets each node's base priority and its effective priority: the
// highest of its own and that of everything waiting for it, transitively,
// so a dependency never ranks below what it unblocks.
func (g *gapGraph) prioritize(report assessment.ReportType) {
	for _, n := range g.nodes {
		n.base = basePriority(n.item.Question, n.item.Answer.Value, report)
	}
	// Reverse topological order visits every dependent before its
	// dependencies, so each dependent's priority is final when read.
	for i := len(g.topo) - 1; i >= 0; i-- {
		n := g.topo[i]
		n.item.Priority = n.base
		for _, b := range n.blocks {
			if b.item.Priority > n.item.Priority {
				n.item.Priority = b.item.Priority
				n.raisedBy = b.item.Question.ID
				if b.raisedBy != "" {
					n.raisedBy = b.raisedBy // name where the priority comes from
				}
			}
		}
	}
}

// basePriority is severity weight × gap weight, × 1.5 for a common audit
// finding and × 1.25 when a Type II report needs the control's history.
func basePriority(q *questionnaire.Question, v assessment.Value, report assessment.ReportType) float64 {
	gap, _ := v.GapWeight()
	p := q.Severity.Weight() * gap
	if q.CommonFinding {
		p *= 1.5
	}
	if report == assessment.TypeII && q.Evidence.NeedsHistory() {
		p *= 1.25
	}
	return p
}
