package mdterm

import (
	"os"
	"testing"
)

// BenchmarkRenderReport renders the largest golden report at 120 columns
// in colour, what the export preview does once per width.
func BenchmarkRenderReport(b *testing.B) {
	data, err := os.ReadFile("../report/testdata/seriesb-iso.golden.md")
	if err != nil {
		b.Fatal(err)
	}
	st := colour()
	b.ReportAllocs()
	for b.Loop() {
		Render(string(data), 120, st)
	}
}
