package report_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// BenchmarkBuildAndMarkdown measures the export path the design budgets at
// 20 ms: roadmap.Build and report.Markdown of a fully answered 150-question
// assessment with every category in scope, in work packages, for Type II
// (so with the window calendar).
func BenchmarkBuildAndMarkdown(b *testing.B) {
	qn := generatedQuestionnaire(b, 150)
	a := fullyAnswered(qn)
	ev := assessment.Evaluate(qn, a)
	b.ReportAllocs()
	for b.Loop() {
		in := report.Input{Questionnaire: qn, Assessment: a, Evaluation: ev, Plan: roadmap.Build(qn, a), Generated: generated}
		if err := report.Markdown(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

// generatedQuestionnaire writes a questionnaire of n questions over a
// catalog of one criterion per category and twelve areas, with dependencies
// on earlier questions, and loads it.
func generatedQuestionnaire(b *testing.B, n int) *questionnaire.Questionnaire {
	var y strings.Builder
	y.WriteString("format: 2\nid: bench\ntitle: Benchmark\nareas:\n")
	for i := range 12 {
		fmt.Fprintf(&y, "  - {id: area%d, title: Area %d}\n", i, i)
	}
	y.WriteString("criteria:\n")
	criteria := []string{"CC1.1", "A1.1", "C1.1", "PI1.1", "P1.1"}
	for i, c := range questionnaire.Categories {
		fmt.Fprintf(&y, "  - {id: %s, category: %s, title: Criterion of %s}\n", criteria[i], c, c)
	}
	// Sixteen work packages, as the built-in bank has for Security.
	y.WriteString("packages:\n")
	for i := range 16 {
		fmt.Fprintf(&y, "  - {id: pkg%d, title: Package %d, setup_weeks: 0.5}\n", i, i)
	}
	y.WriteString("questions:\n")
	for i := range n {
		cat := i % len(questionnaire.Categories)
		if i%3 != 0 {
			cat = 0 // mostly Security, as in the real bank
		}
		var deps []string
		if i >= 7 && i%4 == 0 {
			deps = append(deps, fmt.Sprintf("bench.q%d", i-7))
		}
		if i >= 20 && i%5 == 0 {
			deps = append(deps, fmt.Sprintf("bench.q%d", i-20))
		}
		fmt.Fprintf(&y, "  - id: bench.q%d\n    area: area%d\n    category: %s\n", i, i%12, questionnaire.Categories[cat])
		fmt.Fprintf(&y, "    text: Is control number %d in place, with evidence an auditor could test today?\n", i)
		fmt.Fprintf(&y, "    title: Control number %d\n    package: pkg%d\n", i, i%16)
		if i%25 == 0 {
			y.WriteString("    lead_time_weeks: 5\n")
		}
		y.WriteString("    help: {why: Why the control matters to an auditor., good: What a small company does when it works., evidence: The records an auditor asks for., first_steps: [Write it down., Turn it on and keep the records.]}\n")
		if questionnaire.EvidenceKinds[i%3] == questionnaire.Periodic {
			fmt.Fprintf(&y, "    frequency: %s\n", questionnaire.Frequencies[i%len(questionnaire.Frequencies)])
		}
		fmt.Fprintf(&y, "    criteria: [%s]\n    severity: %s\n    effort: %s\n    evidence: %s\n",
			criteria[cat], questionnaire.Severities[i%4], questionnaire.Efforts[i%3], questionnaire.EvidenceKinds[i%3])
		fmt.Fprintf(&y, "    depends_on: [%s]\n    common_finding: %t\n", strings.Join(deps, ", "), i%6 == 0)
	}
	qn, err := questionnaire.Parse("bench.yaml", []byte(y.String()))
	if err != nil {
		b.Fatal(err)
	}
	return qn
}

func fullyAnswered(qn *questionnaire.Questionnaire) *assessment.Assessment {
	a := assessment.New("Benchmark Co", qn.ID, generated)
	a.SetCategories(questionnaire.Categories)
	a.Target = assessment.Target{Type: assessment.TypeII, WindowMonths: 6, StartDate: "2027-01-04"}
	a.Scope.Capacity = 2
	for i, q := range qn.Questions {
		a.SetAnswer(q.ID, assessment.Answer{
			Value:      assessment.Values[i%len(assessment.Values)],
			Note:       "Discussed in the workshop; see the ticket for details.",
			Owner:      "owner@example.com",
			Evidence:   "https://example.com/evidence/" + q.ID,
			AnsweredBy: "Consultant",
			Flagged:    i%10 == 0,
		}, generated)
	}
	return a
}

// BenchmarkXLSX writes the workbook of a fully answered 150-question
// Type II assessment with gapmap's writer and, for comparison, through
// excelize as gapmap did before.
func BenchmarkXLSX(b *testing.B) {
	qn := generatedQuestionnaire(b, 150)
	a := fullyAnswered(qn)
	in := report.NewInput(qn, a, generated)
	b.Run("gapmap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.XLSX(io.Discard, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("excelize", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.WriteWorkbook(io.Discard, newExcelizeBook(), in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReadXLSX imports that workbook.
func BenchmarkReadXLSX(b *testing.B) {
	qn := generatedQuestionnaire(b, 150)
	in := report.NewInput(qn, fullyAnswered(qn), generated)
	var buf bytes.Buffer
	if err := report.XLSX(&buf, in); err != nil {
		b.Fatal(err)
	}
	lookup := func(string) (*questionnaire.Questionnaire, error) { return qn, nil }
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.ReadXLSX("bench.xlsx", buf.Bytes(), lookup, generated); err != nil {
			b.Fatal(err)
		}
	}
}
