package report_test

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/report"
)

// The draft SoA of each sample: goldens, markdownlint's rules, RFC 4180.
func TestSoAGoldens(t *testing.T) {
	qn := testQuestionnaire(t)
	writers := []struct {
		ext   string
		write func(*bytes.Buffer, report.Input) error
	}{
		{"md", func(b *bytes.Buffer, in report.Input) error { return report.SoAMarkdown(b, in) }},
		{"csv", func(b *bytes.Buffer, in report.Input) error { return report.SoACSV(b, in) }},
	}
	for _, name := range fixtures {
		in := report.NewInput(qn, loadFixture(t, qn, name), generated)
		for _, f := range writers {
			t.Run(name+"."+f.ext, func(t *testing.T) {
				got := render(t, in, f.write)
				if !bytes.Contains(bytes.ToLower(got), []byte("draft")) || !bytes.Contains(got, []byte("risk treatment plan")) {
					t.Error("the SoA does not say it is a draft to follow from the risk treatment plan")
				}
				switch f.ext {
				case "md":
					for _, p := range lintProblems(string(got)) {
						t.Error(p)
					}
				case "csv":
					checkSoACSV(t, got)
				}
				checkGolden(t, filepath.Join("testdata", name+".soa.golden."+f.ext), got)
			})
		}
	}
}

// checkSoACSV reads the CSV strictly: CRLF line ends, a header and 93 rows
// of the same width, quotes only where RFC 4180 allows them.
func checkSoACSV(t *testing.T, data []byte) {
	t.Helper()
	if bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Error("a line does not end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180: %v", err)
	}
	if len(records) != 94 {
		t.Fatalf("%d records, want a header and 93 controls", len(records))
	}
	if records[1][1] != "A.5.1" || records[93][1] != "A.8.34" {
		t.Errorf("controls run %s to %s, want A.5.1 to A.8.34", records[1][1], records[93][1])
	}
	for _, rec := range records[1:] {
		if !strings.HasPrefix(rec[0], "draft") {
			t.Errorf("%s: row not labelled a draft", rec[1])
		}
	}
}
