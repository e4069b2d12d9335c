package yamlfile_test

import (
	"testing"

	"github.com/gapmap/gapmap/internal/scaledata"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

// TestFastParseReadsAGeneratedBank checks that every part of a generated
// bank, the shape `gapmap questionnaire lint` is timed on, takes the fast
// path and reads as yaml.v3 reads it.
func TestFastParseReadsAGeneratedBank(t *testing.T) {
	data, err := scaledata.Bank(1250)
	if err != nil {
		t.Fatal(err)
	}
	if parts := yamlfile.CheckFastParts(t, "bank.yaml", data); parts < 1250/64 {
		t.Fatalf("only %d parts", parts)
	}
}

// BenchmarkParsePart compares the fast parser with yaml.v3 on the parts of
// a 5,000-question bank (the time and bytes are for all of them).
func BenchmarkParsePart(b *testing.B) {
	data, err := scaledata.Bank(5000)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fast", func(b *testing.B) { yamlfile.BenchParsePart(b, data, true) })
	b.Run("yaml.v3", func(b *testing.B) { yamlfile.BenchParsePart(b, data, false) })
}
