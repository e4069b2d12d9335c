package cli

import (
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// demoOverviews are n assessments as `gapmap list` reads them from a
// database of demo-sized ones (store.BenchmarkEachOverview10000 times the
// reading).
func demoOverviews(n int) []store.Overview {
	base := time.Date(2026, 12, 5, 12, 33, 10, 478416990, time.UTC)
	out := make([]store.Overview, n)
	for i := range out {
		out[i] = store.Overview{
			Name: fmt.Sprintf("Client %05d", i+1), Organization: "Northwind Analytics, Inc.", QuestionnaireID: "soc2",
			Summary:        assessment.Summary{Applicable: 155, Answered: 123 + i%33, Progress: 0.79 + float64(i%33)/155, Readiness: 0.49, Auditable: 0.3},
			AuditableKnown: i%2 == 0,
			UpdatedAt:      base.Add(-time.Duration(i) * time.Minute),
		}
	}
	return out
}

// BenchmarkListTable10000 formats and writes the table of 10,000
// assessments.
func BenchmarkListTable10000(b *testing.B) {
	rows := demoOverviews(10000)
	for b.Loop() {
		t := newColumns(7, 2)
		t.add("NAME", "ORGANIZATION", "QUESTIONNAIRE", "PROGRESS", "IN PLACE", "AUDITABLE", "UPDATED")
		for _, o := range rows {
			addListRow(t, o)
		}
		if err := t.writeTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListJSON10000 encodes and writes `list --json` of 10,000
// assessments.
func BenchmarkListJSON10000(b *testing.B) {
	rows := demoOverviews(10000)
	for b.Loop() {
		arr := jsonArray{w: io.Discard}
		for _, o := range rows {
			if err := arr.add(newListEntry(o)); err != nil {
				b.Fatal(err)
			}
		}
		if err := arr.close(); err != nil {
			b.Fatal(err)
		}
	}
}
