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
	raisedBy *node
	// neededBy names the Now item that waits for this foundation.
	neededBy *node
	depth    int // longest dependency path below this item, in items
	deps     []*node
	blocks   []*node
}

// gapGraph is the items, the dependencies between them and their packages.
// Nodes are in questionnaire order; topo lists them dependencies first.
type gapGraph struct {
	nodes []*node
	topo  []*node
	// setup is the setup weeks of each package that has a gap.
	setup map[string]float64
	title map[string]string
	// grouped holds the packages whose gaps cost less together than
	// alone: their items are planned at the marginal share after the
	// setup.
	grouped map[string]bool
}

// collectGaps makes a node for every applicable question answered with a gap
// and links the dependencies that are themselves items.
func collectGaps(qn *questionnaire.Questionnaire, a *assessment.Assessment, facts questionnaire.Facts) *gapGraph {
	g := &gapGraph{setup: map[string]float64{}, title: map[string]string{}}
	byID := map[string]*node{}
	for i, q := range qn.Questions {
		ans, answered := a.Answers[q.ID]
		if !answered || !ans.Value.IsGap() || !a.Applies(q, facts) {
			continue
		}
		gap, _ := ans.Value.GapWeight()
		n := &node{
			item: Item{
				Question:      q,
				Answer:        ans,
				Title:         titleOf(q),
				DependsOn:     []string{},
				Blocks:        []string{},
				Weeks:         q.Effort.Weeks() * gap,
				LeadTimeWeeks: q.LeadTimeWeeks,
			},
			index: i,
		}
		if id := q.Package; id != "" {
			if title, setup, ok := packageInfo(qn, id); ok {
				n.item.Package = id
				g.setup[id], g.title[id] = setup, title
			}
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
	g.setPlannedWeeks()
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
// and the depth of every node. A loaded questionnaire has no dependency
// cycle; should one appear anyway, its back edge is ignored rather than
// looping forever.
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
			}
		}
		state[n] = done
		g.topo = append(g.topo, n)
	}
	for _, n := range g.nodes {
		if state[n] == unvisited {
			visit(n)
		}
	}
}

// setPlannedWeeks gives each item its cost in the plan: the marginal share
// of its own effort when its package, set up once, makes the gaps cheaper
// together, and its cost alone otherwise.
func (g *gapGraph) setPlannedWeeks() {
	g.grouped = g.groupedPackages(func(*node) bool { return true })
	for _, n := range g.nodes {
		n.item.PlannedWeeks = n.item.Weeks
		if g.grouped[n.item.Package] {
			n.item.PlannedWeeks = MarginalFactor * n.item.Weeks
		}
	}
}

// groupedPackages reports, for the nodes included, which packages cost
// less together (setup + marginal shares) than their gaps alone.
func (g *gapGraph) groupedPackages(include func(*node) bool) map[string]bool {
	alone := map[string]float64{}
	for _, n := range g.nodes {
		if n.item.Package != "" && include(n) {
			alone[n.item.Package] += n.item.Weeks
		}
	}
	out := map[string]bool{}
	for id, w := range alone {
		out[id] = g.setup[id]+MarginalFactor*w < w
	}
	return out
}

// packageList returns the packages with a gap, in the order of their first
// item in the plan, each with its items in plan order.
func (g *gapGraph) packageList(items []Item) []Package {
	var out []Package
	at := map[string]int{}
	for _, it := range items {
		id := it.Package
		if id == "" {
			continue
		}
		i, seen := at[id]
		if !seen {
			i = len(out)
			at[id] = i
			out = append(out, Package{ID: id, Title: g.title[id], SetupWeeks: g.setup[id]})
		}
		out[i].Items = append(out[i].Items, it.ID())
		out[i].AloneWeeks += it.Weeks
	}
	for i := range out {
		out[i].Weeks = packageWeeks(out[i].SetupWeeks, out[i].AloneWeeks)
	}
	return out
}

// prioritize sets each node's base priority and its effective priority: the
// highest of its own and that of everything waiting for it, transitively,
// so a dependency never ranks below what it unblocks.
func (g *gapGraph) prioritize() {
	for _, n := range g.nodes {
		n.base = basePriority(n.item.Question, n.item.Answer.Value)
	}
	// Reverse topological order visits every dependent before its
	// dependencies, so each dependent's priority is final when read.
	for i := len(g.topo) - 1; i >= 0; i-- {
		n := g.topo[i]
		n.item.Priority = n.base
		for _, b := range n.blocks {
			if b.item.Priority > n.item.Priority {
				n.item.Priority = b.item.Priority
				n.raisedBy = b
				if b.raisedBy != nil {
					n.raisedBy = b.raisedBy // name where the priority comes from
				}
			}
		}
	}
}

// basePriority is severity weight × gap weight, × 1.5 for a common audit
// finding. The kind of evidence does not count: under Type II a setting
// must hold for the whole window just as a recurring control must run in
// it, so neither ranks below the other.
func basePriority(q *questionnaire.Question, v assessment.Value) float64 {
	gap, _ := v.GapWeight()
	p := q.Severity.Weight() * gap
	if q.CommonFinding {
		p *= 1.5
	}
	return p
}
