package roadmap_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// spec is a question for a test questionnaire; empty fields take defaults
// (security, medium, effort M, config evidence).
type spec struct {
	id        string
	category  questionnaire.Category
	severity  questionnaire.Severity
	effort    questionnaire.Effort
	evidence  questionnaire.EvidenceKind
	deps      []string
	appliesIf string
	common    bool
}

// criterionOf is the one catalog criterion each category gets in tests.
var criterionOf = map[questionnaire.Category]string{
	questionnaire.Security:            "CC1.1",
	questionnaire.Availability:        "A1.1",
	questionnaire.Confidentiality:     "C1.1",
	questionnaire.ProcessingIntegrity: "PI1.1",
	questionnaire.Privacy:             "P1.1",
}

// load builds a questionnaire through questionnaire.Load, the only way to get
// conditions and indexes set, so tests see what users will.
func load(t testing.TB, specs ...spec) *questionnaire.Questionnaire {
	t.Helper()
	var b strings.Builder
	b.WriteString("format: 2\nid: test\ntitle: Test\nareas:\n  - {id: main, title: Main}\ncriteria:\n")
	used := map[questionnaire.Category]bool{}
	for i := range specs {
		fillDefaults(&specs[i])
		used[specs[i].category] = true
	}
	for _, c := range questionnaire.Categories {
		if used[c] {
			fmt.Fprintf(&b, "  - {id: %s, category: %s, title: %q}\n", criterionOf[c], c, c.Title())
		}
	}
	b.WriteString("questions:\n")
	for _, s := range specs {
		writeQuestion(&b, s)
	}
	qn, err := questionnaire.Parse("test.yaml", []byte(b.String()))
	if err != nil {
		t.Fatalf("test questionnaire does not load: %v\n%s", err, b.String())
	}
	return qn
}

func fillDefaults(s *spec) {
	if s.category == "" {
		s.category = questionnaire.Security
	}
	if s.severity == "" {
		s.severity = questionnaire.Medium
	}
	if s.effort == "" {
		s.effort = questionnaire.EffortM
	}
	if s.evidence == "" {
		s.evidence = questionnaire.Config
	}
}

func writeQuestion(b *strings.Builder, s spec) {
	quoted := make([]string, len(s.deps))
	for i, d := range s.deps {
		quoted[i] = strconv.Quote(d)
	}
	fmt.Fprintf(b, "  - id: %s\n    area: main\n    category: %s\n", s.id, s.category)
	fmt.Fprintf(b, "    title: %q\n    text: %q\n", "Control "+s.id, "Is "+s.id+" in place?")
	fmt.Fprintf(b, "    help: {why: %q, good: %q, evidence: %q, first_steps: [%q]}\n",
		"Why "+s.id+" matters.", s.id+" is in place.", "The record of "+s.id+".", "Put "+s.id+" in place.")
	if s.evidence == questionnaire.Periodic {
		b.WriteString("    frequency: quarterly\n")
	}
	fmt.Fprintf(b, "    criteria: [%s]\n    severity: %s\n    effort: %s\n    evidence: %s\n", criterionOf[s.category], s.severity, s.effort, s.evidence)
	fmt.Fprintf(b, "    depends_on: [%s]\n    common_finding: %t\n", strings.Join(quoted, ", "), s.common)
	if s.appliesIf != "" {
		fmt.Fprintf(b, "    applies_if: %q\n", s.appliesIf)
	}
}

var testNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// newAssessment answers questions with the given values ("" leaves one
// unanswered) for a Type I target with Security only.
func newAssessment(answers map[string]assessment.Value) *assessment.Assessment {
	a := assessment.New("test", "test", testNow)
	ids := make([]string, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if v := answers[id]; v != "" {
			a.SetAnswer(id, assessment.Answer{Value: v, Note: "n"}, testNow)
		}
	}
	return a
}

func itemIDs[T interface{ ID() string }](items []T) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID()
	}
	return out
}
