package report_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
)

// python3WithOpenpyxl finds a Python that has openpyxl (Debian's
// python3-openpyxl, from scripts/install-test-tools.sh). Without one the
// test is skipped, except under CI, where the tools must be there.
func python3WithOpenpyxl(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("python3 with openpyxl is missing; run scripts/install-test-tools.sh")
	}
	t.Skip("python3 with openpyxl is missing; run scripts/install-test-tools.sh")
	return ""
}

// TestXLSXSecondReader opens the workbook with openpyxl and checks what a
// consultant relies on: the sheets, their headers, frozen header rows,
// filters, and the heat map's conditional formats over the right range.
func TestXLSXSecondReader(t *testing.T) {
	py := python3WithOpenpyxl(t)
	qn := testQuestionnaire(t)
	for _, name := range []string{"seriesb", "preseed"} {
		in := report.NewInput(qn, loadFixture(t, qn, name), generated)
		path := filepath.Join(t.TempDir(), name+".xlsx")
		if err := os.WriteFile(path, render(t, in, writeXLSX), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, filepath.Join("testdata", "check_xlsx.py"), path).Output()
		if err != nil {
			t.Fatalf("%s: openpyxl could not read the workbook: %v", name, err)
		}
		var got struct {
			Sheets      []string
			Headers     map[string][]any
			Frozen      map[string]*string
			Filters     map[string]*string
			Conditional map[string][]string
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		sheets := []string{"Summary", "Roadmap", "Packages", "Window", "Criteria", "SoA draft", "Answers", "Scope"}
		if name == "preseed" {
			sheets = slices.Delete(sheets, 3, 4) // Type I: no window calendar
		}
		if !reflect.DeepEqual(got.Sheets, sheets) {
			t.Errorf("%s: sheets %v, want %v", name, got.Sheets, sheets)
		}
		wantHeaders := map[string][]any{
			"Answers": {"ID", "Title", "Area", "Category", "Criteria", "Severity", "Applies", "Answer", "Note",
				"Evidence", "Owner", "Flagged", "Answered by", "Updated at (UTC)"},
			"Criteria": {"Criterion", "Title", "Category", "Controls in place", "Auditable today", "Answered", "Apply", "In place",
				"No evidence", "Partial", "Not in place", "Unknown", "N/A", "Open gaps"},
		}
		for sheet, want := range wantHeaders {
			if !reflect.DeepEqual(got.Headers[sheet], want) {
				t.Errorf("%s: %s headers %v\nwant %v", name, sheet, got.Headers[sheet], want)
			}
		}
		for _, sheet := range sheets[1:] {
			if f := got.Frozen[sheet]; f == nil || *f != "A2" {
				t.Errorf("%s: %s is not frozen below its header (%v)", name, sheet, f)
			}
			if got.Filters[sheet] == nil {
				t.Errorf("%s: %s has no filter", name, sheet)
			}
		}
		last := strconv.Itoa(len(in.Evaluation.Criteria) + 1)
		want := []string{"D2:E" + last + ":colorScale", "N2:N" + last + ":colorScale"}
		if !reflect.DeepEqual(got.Conditional["Criteria"], want) {
			t.Errorf("%s: heat map conditional formats %v, want %v", name, got.Conditional["Criteria"], want)
		}
		if strings.ReplaceAll(*got.Filters["Answers"], "$", "") != "A1:N"+strconv.Itoa(len(in.Evaluation.Questions)+1) {
			t.Errorf("%s: Answers filter over %s", name, *got.Filters["Answers"])
		}
	}
}

// TestXLSXEditedByAnotherWriter edits an exported workbook with openpyxl
// (a boolean flag, a date cell, a two-line note) and imports it back.
func TestXLSXEditedByAnotherWriter(t *testing.T) {
	py := python3WithOpenpyxl(t)
	qn := testQuestionnaire(t)
	a := loadFixture(t, qn, "seriesb")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out.xlsx")
	if err := os.WriteFile(in, render(t, report.NewInput(qn, a, generated), writeXLSX), 0o600); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(py, filepath.Join("testdata", "edit_xlsx.py"), in, out).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	back, err := readXLSX(t, qn, "out.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	first, second := answersRow(t, qn, a, 0), answersRow(t, qn, a, 1)
	if got := back.Answers[first]; got.Value != "partial" || got.Note != "Edited in a spreadsheet\nsecond line" {
		t.Errorf("%s came back as %+v", first, got)
	}
	if got := back.Answers[second]; got.Value != "unknown" || !got.Flagged {
		t.Errorf("%s came back as %+v", second, got)
	}
	if back.Target.TargetDate != "2028-02-29" || back.Name != a.Name || back.Scope.Organization != a.Scope.Organization {
		t.Errorf("settings came back as %+v", back.Target)
	}
}

// answersRow is the ID of the i-th row of the Answers sheet: the questions that
// apply or have an answer, in questionnaire order.
func answersRow(t *testing.T, qn *questionnaire.Questionnaire, a *assessment.Assessment, i int) string {
	t.Helper()
	facts := a.Scope.Facts()
	for _, q := range qn.Questions {
		if _, ok := a.Answers[q.ID]; ok || a.Applies(q, facts) {
			if i == 0 {
				return q.ID
			}
			i--
		}
	}
	t.Fatal("too few questions")
	return ""
}
