package roadmap

import (
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// TestPullUp checks the pull-up on its own: with today's phase rules every
// dependency is already a foundation in Now, so Build cannot reach it.
func TestPullUp(t *testing.T) {
	mk := func(id string, ph Phase) *node {
		return &node{item: Item{Question: &questionnaire.Question{ID: id}, Phase: ph}}
	}
	// polish (BeforeAudit) <- control (Next) <- urgent (Now), and
	// doc (BeforeAudit) <- control.
	polish, doc := mk("x.polish", BeforeAudit), mk("x.doc", BeforeAudit)
	control, urgent := mk("x.control", Next), mk("x.urgent", Now)
	control.deps = []*node{polish, doc}
	urgent.deps = []*node{control}
	g := &gapGraph{nodes: []*node{polish, doc, control, urgent}}
	g.sortTopologically()
	g.pullUp()
	for _, n := range g.nodes {
		if n.item.Phase != Now {
			t.Errorf("%s is in %v, want now", n.item.Question.ID, n.item.Phase)
		}
	}
	if polish.movedFor != "x.control" || control.movedFor != "x.urgent" {
		t.Errorf("moved for: polish %q, control %q", polish.movedFor, control.movedFor)
	}
	if got := rationale(polish, assessment.TypeI); !strings.HasSuffix(got, "; moved up: x.control needs it first") {
		t.Errorf("rationale %q does not say why it moved", got)
	}
}
