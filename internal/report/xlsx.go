package report

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gapmap/gapmap/internal/assessment"
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
	f := excelize.NewFile()
	defer f.Close()
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
	b.check(f.SetDocProps(&excelize.DocProperties{
		Creator:        "gapmap",
		LastModifiedBy: "gapmap",
		Title:          "SOC 2 readiness: " + in.Assessment.Name,
		Created:        in.Generated.UTC().Format(time.RFC3339),
		Modified:       in.Generated.UTC().Format(time.RFC3339),
	}))
	if b.err != nil {
		return b.err
	}
	_, err := f.WriteTo(w)
	return err
}

// book wraps a workbook being written and keeps the first error, so the
// sheet writers read as a list of cells.
type book struct {
	f   *excelize.File
	err error
	// Style IDs.
	header, title, section, wrap, date, percent, weeks, priority, run int
}

func (b *book) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.check(err)
	return id
}

func (b *book) styles() {
	custom := func(s string) *string { return &s }
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	b.header = b.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3A5F"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	})
	b.title = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	b.section = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: "1F3A5F"}})
	b.wrap = b.style(&excelize.Style{Alignment: top})
	b.date = b.style(&excelize.Style{CustomNumFmt: custom("yyyy-mm-dd"), Alignment: top})
	b.percent = b.style(&excelize.Style{NumFmt: 9, Alignment: top})
	b.weeks = b.style(&excelize.Style{CustomNumFmt: custom("0.0#"), Alignment: top})
	b.priority = b.style(&excelize.Style{CustomNumFmt: custom("0.00"), Alignment: top})
	b.run = b.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
}

// sheet creates a sheet; the first one renames the default "Sheet1".
func (b *book) sheet(name string) {
	if b.f.SheetCount == 1 && b.f.GetSheetName(0) == "Sheet1" {
		b.check(b.f.SetSheetName("Sheet1", name))
		return
	}
	_, err := b.f.NewSheet(name)
	b.check(err)
}

// cell sets one cell: strings always as text (never a formula), numbers,
// booleans and times as themselves; nil leaves the cell empty.
func (b *book) cell(sheet string, col, row int, v any) {
	ref := cellRef(col, row)
	switch v := v.(type) {
	case nil:
	case string:
		if len([]rune(v)) > maxCellChars {
			b.check(fmt.Errorf("%s!%s: text of %d characters is longer than a spreadsheet cell holds (%d)", sheet, ref, len([]rune(v)), maxCellChars))
			return
		}
		b.check(b.f.SetCellStr(sheet, ref, v))
	case float64:
		b.check(b.f.SetCellFloat(sheet, ref, v, -1, 64))
	default:
		b.check(b.f.SetCellValue(sheet, ref, v))
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
	b.check(b.f.SetCellStyle(sheet, cellRef(col1, row1), cellRef(col2, row2), style))
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
	b.check(b.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: row, TopLeftCell: cellRef(1, row+1), ActivePane: "bottomLeft",
	}))
	b.check(b.f.AutoFilter(sheet, cellRef(1, row)+":"+cellRef(len(headers), row+max(rows, 1)), nil))
	for i, w := range widths {
		name := colName(i + 1)
		b.check(b.f.SetColWidth(sheet, name, name, w))
	}
}

// dropList offers values in a column's cells, as a hint; import checks the
// values itself.
func (b *book) dropList(sheet, sqref string, values []string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	b.check(dv.SetDropList(values))
	b.check(b.f.AddDataValidation(sheet, dv))
}

func cellRef(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

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
