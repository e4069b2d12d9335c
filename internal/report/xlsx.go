package report

import (
	"fmt"
	"io"
	"time"

	"unicode/utf8"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/xlsx"
)

// Sheet names of the workbook. Import reads Summary, Scope and Answers;
// the others are computed, like the computed keys of the JSON export.
const (
	sheetSummary  = "Summary"
	sheetRoadmap  = "Roadmap"
	sheetPackages = "Packages"
	sheetWindow   = "Window"
	sheetCriteria = "Criteria"
	sheetAnswers  = "Answers"
	sheetScope    = "Scope"
)

// Labels of the Summary rows that import reads back.
const (
	labelUUID          = "UUID"
	labelName          = "Name"
	labelQuestionnaire = "Questionnaire"
	labelCategories    = "Categories"
	labelReportType    = "Report type"
	labelWindow        = "Observation window (months)"
	labelTargetDate    = "Target date"
	labelStartDate     = "Remediation start"
	labelCreated       = "Created"
	labelUpdated       = "Updated"
)

// Answers columns, by header. Import finds them by header, so a consultant
// may reorder or add columns.
const (
	colID         = "ID"
	colAnswer     = "Answer"
	colNote       = "Note"
	colEvidence   = "Evidence"
	colOwner      = "Owner"
	colFlagged    = "Flagged"
	colAnsweredBy = "Answered by"
	colUpdatedAt  = "Updated at (UTC)"
)

// maxCellChars is the most text a spreadsheet cell holds.
const maxCellChars = 32767

// XLSX writes the assessment as an Excel workbook: a Summary, the Roadmap,
// its work Packages, for Type II the observation-window calendar, a criteria heat map, the
// draft ISO/IEC 27001 Statement of Applicability, every Answer and the Scope. Summary, Scope and Answers import back with
// 'gapmap import' to the assessment a JSON export of it would give.
func XLSX(w io.Writer, in Input) error {
	return writeWorkbook(w, xlsx.New(), in)
}

// workbook is what the sheets are written to: an *xlsx.Workbook. A test
// writes the same sheets through excelize to check that the two agree.
type workbook interface {
	AddSheet(name string)
	SetString(sheet string, col, row int, v string)
	SetFloat(sheet string, col, row int, v float64)
	SetInt(sheet string, col, row int, v int)
	SetBool(sheet string, col, row int, v bool)
	SetTime(sheet string, col, row int, v time.Time)
	SetStyle(sheet string, col1, row1, col2, row2, style int)
	SetColWidth(sheet string, col1, col2 int, width float64)
	SetRowHeight(sheet string, row int, height float64)
	FreezeRows(sheet string, rows int)
	AutoFilter(sheet string, col1, row1, col2, row2 int)
	AddDropList(sheet, sqref string, values []string)
	AddColorScale(sheet, sqref string, points ...xlsx.ScalePoint)
	AddCellIs(sheet, sqref, operator, formula string, dxf int)
	AddStyle(s xlsx.Style) int
	AddDXF(d xlsx.DXF) int
	SetProps(p xlsx.Props)
	Err() error
	WriteTo(w io.Writer) (int64, error)
}

func writeWorkbook(w io.Writer, f workbook, in Input) error {
	b := &book{f: f}
	b.styles()
	writeSummarySheet(b, in)
	writeRoadmapSheet(b, in)
	writePackagesSheet(b, in)
	if in.Assessment.Target.Type == assessment.TypeII {
		writeWindowSheet(b, in)
	}
	writeCriteriaSheet(b, in)
	writeSoASheet(b, in)
	writeAnswersSheet(b, in)
	writeScopeSheet(b, in)
	f.SetProps(xlsx.Props{
		Creator:        "gapmap",
		LastModifiedBy: "gapmap",
		Title:          "SOC 2 readiness: " + in.Assessment.Name,
		Created:        in.Generated.UTC(),
		Modified:       in.Generated.UTC(),
	})
	if b.err != nil {
		return b.err
	}
	if err := f.Err(); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// book is a workbook being written with gapmap's styles; it keeps the
// first error, so the sheet writers read as a list of cells.
type book struct {
	f   workbook
	err error
	// Style IDs.
	header, title, section, wrap, date, percent, weeks, priority, run int
}

func (b *book) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) styles() {
	top := xlsx.Alignment{Vertical: "top", Wrap: true}
	b.header = b.f.AddStyle(xlsx.Style{
		Font:  xlsx.Font{Bold: true, Color: "FFFFFF"},
		Fill:  "1F3A5F",
		Align: xlsx.Alignment{Vertical: "center", Wrap: true},
	})
	b.title = b.f.AddStyle(xlsx.Style{Font: xlsx.Font{Bold: true, Size: 16}})
	b.section = b.f.AddStyle(xlsx.Style{Font: xlsx.Font{Bold: true, Size: 12, Color: "1F3A5F"}})
	b.wrap = b.f.AddStyle(xlsx.Style{Align: top})
	b.date = b.f.AddStyle(xlsx.Style{CustomNumFmt: "yyyy-mm-dd", Align: top})
	b.percent = b.f.AddStyle(xlsx.Style{NumFmt: 9, Align: top})
	b.weeks = b.f.AddStyle(xlsx.Style{CustomNumFmt: "0.0#", Align: top})
	b.priority = b.f.AddStyle(xlsx.Style{CustomNumFmt: "0.00", Align: top})
	b.run = b.f.AddStyle(xlsx.Style{Align: xlsx.Alignment{Horizontal: "center"}})
}

// sheet adds a sheet.
func (b *book) sheet(name string) { b.f.AddSheet(name) }

// cell sets one cell: strings always as text (never a formula), numbers,
// booleans and times as themselves; nil leaves the cell empty.
func (b *book) cell(sheet string, col, row int, v any) {
	switch v := v.(type) {
	case nil:
	case string:
		if n := utf8.RuneCountInString(v); n > maxCellChars {
			b.check(fmt.Errorf("%s!%s: text of %d characters is longer than a spreadsheet cell holds (%d)", sheet, cellRef(col, row), n, maxCellChars))
			return
		}
		b.f.SetString(sheet, col, row, v)
	case float64:
		b.f.SetFloat(sheet, col, row, v)
	case int:
		b.f.SetInt(sheet, col, row, v)
	case bool:
		b.f.SetBool(sheet, col, row, v)
	case time.Time:
		b.f.SetTime(sheet, col, row, v)
	default:
		b.f.SetString(sheet, col, row, fmt.Sprint(v))
	}
}

// row sets the cells of one row from column 1.
func (b *book) row(sheet string, row int, values ...any) {
	for i, v := range values {
		b.cell(sheet, i+1, row, v)
	}
}

func (b *book) styleCells(sheet string, col1, row1, col2, row2, style int) {
	if row2 < row1 || col2 < col1 {
		return
	}
	b.f.SetStyle(sheet, col1, row1, col2, row2, style)
}

// table writes a header row at row, freezes it, puts an auto-filter over
// the header and rows data rows, and sets the column widths.
func (b *book) table(sheet string, row int, headers []string, widths []float64, rows int) {
	vals := make([]any, len(headers))
	for i, h := range headers {
		vals[i] = h
	}
	b.row(sheet, row, vals...)
	b.styleCells(sheet, 1, row, len(headers), row, b.header)
	b.f.FreezeRows(sheet, row)
	b.f.AutoFilter(sheet, 1, row, len(headers), row+max(rows, 1))
	for i, w := range widths {
		b.f.SetColWidth(sheet, i+1, i+1, w)
	}
}

// dropList offers values in a column's cells, as a hint; import checks the
// values itself.
func (b *book) dropList(sheet, sqref string, values []string) {
	b.f.AddDropList(sheet, sqref, values)
}

func cellRef(col, row int) string { return xlsx.CellRef(col, row) }

func colName(col int) string { return xlsx.ColName(col) }

// dateCell is a date as a spreadsheet date, or the text as it is when it is
// not a date (import then reports it, as the JSON import would).
func dateCell(s string) any {
	if s == "" {
		return nil
	}
	t, err := time.Parse(assessment.DateLayout, s)
	if err != nil {
		return s
	}
	return t
}

func timeCell(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

func yesBlank(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// scoreCell is the "controls in place" share, or nothing while no answer
// counts.
func scoreCell(s assessment.Score) any {
	if s.Scored == 0 {
		return nil
	}
	return round4(s.Readiness)
}

// auditableCell is the "auditable today" share, or nothing while no answer
// counts.
func auditableCell(s assessment.Score) any {
	if s.Scored == 0 {
		return nil
	}
	return round4(s.Auditable)
}
