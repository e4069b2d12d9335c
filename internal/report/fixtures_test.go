package report_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
)

// update rewrites the golden files: go test ./internal/report -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// generated is the fixed report date of every golden file.
var generated = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// fixtures are the answer files in testdata: a pre-seed startup with almost
// nothing in place; a Series B with most controls but little evidence
// (Type II, 6 months, start date set); Privacy and Availability in scope.
var fixtures = []string{"preseed", "seriesb", "privacy"}

// formats are the writers under test with their golden file extensions.
var formats = []struct {
	ext   string
	write func(*bytes.Buffer, report.Input) error
}{
	{"md", func(b *bytes.Buffer, in report.Input) error { return report.Markdown(b, in) }},
	{"json", func(b *bytes.Buffer, in report.Input) error { return report.JSON(b, in) }},
	{"csv", func(b *bytes.Buffer, in report.Input) error { return report.CSV(b, in) }},
	{"html", func(b *bytes.Buffer, in report.Input) error { return report.HTML(b, in) }},
}

// testQuestionnaire is frozen in testdata so that the golden files do not
// change when the built-in question bank does.
func testQuestionnaire(t testing.TB) *questionnaire.Questionnaire {
	t.Helper()
	qn, err := questionnaire.LoadFile(filepath.Join("testdata", "questionnaire.yaml"))
	if err != nil {
		t.Fatalf("test questionnaire: %v", err)
	}
	return qn
}

// loadFixture reads an answers file from testdata the way 'gapmap import'
// does.
func loadFixture(t testing.TB, qn *questionnaire.Questionnaire, name string) *assessment.Assessment {
	t.Helper()
	path := filepath.Join("testdata", name+".yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parseAnswers(t, qn, path, data)
}

func parseAnswers(t testing.TB, qn *questionnaire.Questionnaire, path string, data []byte) *assessment.Assessment {
	t.Helper()
	lookup := func(id string) (*questionnaire.Questionnaire, error) {
		if id != qn.ID {
			return nil, fmt.Errorf("unknown questionnaire %q", id)
		}
		return qn, nil
	}
	a, err := assessment.ParseFile(path, data, lookup, generated)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

func render(t testing.TB, in report.Input, write func(*bytes.Buffer, report.Input) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, in); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkGolden compares got with a golden file, or rewrites it with -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test ./internal/report -update rewrites it):\n%s", path, firstDifference(want, got))
	}
}

func firstDifference(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d\nwant: %q\ngot:  %q", i+1, w, g)
		}
	}
	return "same lines, different bytes"
}
