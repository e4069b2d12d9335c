package report

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/xlsx"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

// CellProblem is one thing wrong with a workbook, at a cell.
type CellProblem struct {
	File, Sheet, Cell, Msg string
}

func (p CellProblem) String() string {
	switch {
	case p.Sheet == "":
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	case p.Cell == "":
		return fmt.Sprintf("%s:%s: %s", p.File, p.Sheet, p.Msg)
	}
	return fmt.Sprintf("%s:%s!%s: %s", p.File, p.Sheet, p.Cell, p.Msg)
}

// CellProblems is every problem found in a workbook; it is an error when
// not empty.
type CellProblems []CellProblem

func (ps CellProblems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// IsXLSX reports whether a file to import is a workbook: by its name, or by
// the zip signature every workbook starts with.
func IsXLSX(name string, data []byte) bool {
	return strings.EqualFold(filepath.Ext(name), ".xlsx") ||
		bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// ReadXLSX reads a workbook written by XLSX (and perhaps edited in a
// spreadsheet) into an assessment: the Summary's settings, the Scope and the
// Answers. It gives the assessment importing the JSON export of the same
// assessment gives, and checks what that import checks. Every problem is
// reported at once, as FILE:Sheet!Cell: message. Times missing from the
// workbook are set to now.
func ReadXLSX(name string, data []byte, lookup assessment.Lookup, now time.Time) (*assessment.Assessment, error) {
	// What a workbook may unpack is bounded as the other import formats'
	// files are, against zip bombs.
	f, err := xlsx.Open(data, yamlfile.MaxBytes)
	if err != nil {
		return nil, CellProblems{{File: name, Msg: "not a workbook gapmap can read: " + err.Error()}}
	}
	r := &workbookReader{f: f, file: name}
	summary := r.sheet(sheetSummary)
	answers := r.sheet(sheetAnswers)
	scope := r.sheet(sheetScope)
	if r.missing {
		return nil, r.problems
	}
	a := r.readSummary(summary, lookup, now)
	a.Scope = r.readScope(scope)
	if qn, err := lookup(a.QuestionnaireID); err == nil {
		r.readAnswers(answers, qn, a, now)
	}
	if len(r.problems) > 0 {
		r.sort()
		return nil, r.problems
	}
	return a, nil
}

type workbookReader struct {
	f        *xlsx.Book
	file     string
	problems CellProblems
	missing  bool // a sheet import reads is missing
}

func (r *workbookReader) errorAt(sheet string, col, row int, format string, args ...any) {
	cell := ""
	if col > 0 && row > 0 {
		cell = cellRef(col, row)
	}
	r.problems = append(r.problems, CellProblem{r.file, sheet, cell, fmt.Sprintf(format, args...)})
}

// sheet reads a sheet's raw values (numbers as stored, not as formatted).
// A cell longer than an answers file allows (yamlfile.MaxText) is a
// problem, as it is in a JSON or YAML file.
func (r *workbookReader) sheet(name string) [][]string {
	rows, err := r.f.Rows(name)
	switch {
	case errors.Is(err, xlsx.ErrNoSheet):
		r.errorAt(name, 0, 0, "sheet %q is missing (gapmap import reads Summary, Scope and Answers)", name)
		r.missing = true
	case err != nil:
		r.errorAt(name, 0, 0, "the sheet cannot be read: %v", err)
		r.missing = true
	}
	for i, row := range rows {
		for j, v := range row {
			if len(v) > yamlfile.MaxText && utf8.RuneCountInString(v) > yamlfile.MaxText {
				r.errorAt(name, j+1, i+1, "the text is %d characters long; at most %d are allowed", utf8.RuneCountInString(v), yamlfile.MaxText)
				row[j] = ""
			}
		}
	}
	return rows
}

// sort orders problems by sheet, then row, then column.
func (r *workbookReader) sort() {
	key := func(p CellProblem) (string, int, int) {
		c, row, err := xlsx.ParseRef(p.Cell)
		if err != nil {
			return p.Sheet, 0, 0
		}
		return p.Sheet, row, c
	}
	sort.SliceStable(r.problems, func(i, j int) bool {
		si, ri, ci := key(r.problems[i])
		sj, rj, cj := key(r.problems[j])
		if si != sj {
			return si < sj
		}
		if ri != rj {
			return ri < rj
		}
		return ci < cj
	})
}

// at is the cell in column col (1-based) of a row, or "".
func at(row []string, col int) string {
	if col < 1 || col > len(row) {
		return ""
	}
	return row[col-1]
}

// readSummary reads the rows under Assessment by their labels in column A.
func (r *workbookReader) readSummary(rows [][]string, lookup assessment.Lookup, now time.Time) *assessment.Assessment {
	const s = sheetSummary
	where := map[string]int{}
	for i, row := range rows {
		label := strings.TrimSpace(at(row, 1))
		if _, seen := where[label]; !seen {
			where[label] = i + 1
		}
	}
	value := func(label string) (string, int) {
		n, ok := where[label]
		if !ok {
			return "", 0
		}
		return at(rows[n-1], 2), n
	}
	name, nameRow := value(labelName)
	if nameRow == 0 {
		r.errorAt(s, 1, 1, "no %q row: the assessment needs a name", labelName)
	} else if clean, err := assessment.CleanName(name); err != nil {
		r.errorAt(s, 2, nameRow, "%v", err)
	} else {
		name = clean
	}
	qid, qrow := value(labelQuestionnaire)
	a := assessment.New(name, strings.TrimSpace(qid), now)
	uuid, uuidRow := value(labelUUID)
	a.UUID = strings.ToLower(strings.TrimSpace(uuid))
	if a.UUID != "" && !assessment.ValidUUID(a.UUID) {
		r.errorAt(s, 2, uuidRow, "uuid %q is not a UUID like 0b6f3e6c-8d1e-4c47-9a43-2f4d1f0e5a7b", a.UUID)
	}
	if a.QuestionnaireID == "" {
		a.QuestionnaireID = "soc2"
	}
	a.CreatedAt = r.readTime(s, 2, where[labelCreated], first(value(labelCreated)), a.CreatedAt)
	a.UpdatedAt = r.readTime(s, 2, where[labelUpdated], first(value(labelUpdated)), a.UpdatedAt)
	if _, err := lookup(a.QuestionnaireID); err != nil {
		r.errorAt(s, 2, max(qrow, 1), "%v", err)
	}
	cats, crow := value(labelCategories)
	r.readCategories(cats, crow, a)
	a.Target = r.readTarget(value)
	return a
}

func first(s string, _ int) string { return s }

func (r *workbookReader) readCategories(text string, row int, a *assessment.Assessment) {
	var cs []questionnaire.Category
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		word = strings.TrimSpace(word)
		c, ok := categoryNamed(word)
		if !ok {
			r.errorAt(sheetSummary, 2, row, "unknown category %q (expected one of: security, availability, confidentiality, processing_integrity, privacy)", word)
			continue
		}
		cs = append(cs, c)
	}
	a.SetCategories(cs)
}

// categoryNamed accepts a category's name or its title.
func categoryNamed(s string) (questionnaire.Category, bool) {
	for _, c := range questionnaire.Categories {
		if strings.EqualFold(s, string(c)) || strings.EqualFold(s, c.Title()) {
			return c, true
		}
	}
	return "", false
}

func (r *workbookReader) readTarget(value func(string) (string, int)) assessment.Target {
	const s = sheetSummary
	typ, typeRow := value(labelReportType)
	t := assessment.Target{Type: assessment.ReportType(strings.TrimSpace(typ))}
	if t.Type == "" {
		t.Type = assessment.TypeI
	}
	win, winRow := value(labelWindow)
	if win = strings.TrimSpace(win); win != "" {
		n, err := strconv.Atoi(win)
		if err != nil {
			r.errorAt(s, 2, winRow, "window %q is not a whole number of months", win)
		}
		t.WindowMonths = n
	}
	switch {
	case t.Type != assessment.TypeI && t.Type != assessment.TypeII:
		r.errorAt(s, 2, typeRow, "unknown report type %q (expected type1 or type2)", t.Type)
	case t.Type == assessment.TypeI && t.WindowMonths != 0:
		r.errorAt(s, 2, winRow, "a Type I report has no observation window; clear it or use type2")
	case t.Type == assessment.TypeII && !slices.Contains(assessment.Windows, t.WindowMonths):
		r.errorAt(s, 2, max(winRow, typeRow), "a Type II observation window must be 3, 6 or 12 months")
	}
	t.TargetDate = r.readDate(value, labelTargetDate)
	t.StartDate = r.readDate(value, labelStartDate)
	if err := t.CheckOrder(); err != nil {
		_, row := value(labelTargetDate)
		r.errorAt(s, 2, row, "%v", err)
	}
	return t
}

// readDate reads a date cell (a spreadsheet date) or a date written as
// text, YYYY-MM-DD.
func (r *workbookReader) readDate(value func(string) (string, int), label string) string {
	v, row := value(label)
	if v = strings.TrimSpace(v); v == "" {
		return ""
	}
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		if t, err := xlsx.Time(serial, r.f.Date1904()); err == nil {
			return t.Format(assessment.DateLayout)
		}
	}
	if _, err := assessment.ParseDate(v); err != nil {
		r.errorAt(sheetSummary, 2, row, "%s %v", strings.ToLower(label), err)
	}
	return v
}

// readTime reads a time written as RFC 3339 text, or a spreadsheet date and
// time (to the second); empty gives def.
func (r *workbookReader) readTime(sheet string, col, row int, v string, def time.Time) time.Time {
	if strings.TrimSpace(v) == "" {
		return def
	}
	if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(v)); err == nil {
		return t.UTC()
	}
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		if t, err := xlsx.Time(serial, r.f.Date1904()); err == nil {
			return t.Round(time.Second).UTC()
		}
	}
	r.errorAt(sheet, col, row, "%q is not a time like 2026-11-23T10:00:00Z", v)
	return def
}

// yesNoCell reads a yes/no cell: yes, no, true, false, 1, 0 or empty (no).
func (r *workbookReader) yesNoCell(sheet string, col, row int, v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "no", "false", "0", "n":
		return false
	case "yes", "true", "1", "y":
		return true
	}
	r.errorAt(sheet, col, row, "%q is not yes or no", v)
	return false
}
