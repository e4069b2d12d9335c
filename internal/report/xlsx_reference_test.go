package report_test

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/xlsx"
)

// excelizeBook writes the sheets through excelize, as gapmap did before it
// had its own writer: the reference TestXLSXMatchesExcelize compares with.
type excelizeBook struct {
	f   *excelize.File
	err error
}

func newExcelizeBook() *excelizeBook { return &excelizeBook{f: excelize.NewFile()} }

func (e *excelizeBook) check(err error) {
	if e.err == nil && err != nil {
		e.err = err
	}
}

func (e *excelizeBook) AddSheet(name string) {
	if e.f.SheetCount == 1 && e.f.GetSheetName(0) == "Sheet1" {
		e.check(e.f.SetSheetName("Sheet1", name))
		return
	}
	_, err := e.f.NewSheet(name)
	e.check(err)
}

func (e *excelizeBook) SetString(sheet string, col, row int, v string) {
	e.check(e.f.SetCellStr(sheet, xlsx.CellRef(col, row), v))
}

func (e *excelizeBook) SetFloat(sheet string, col, row int, v float64) {
	e.check(e.f.SetCellFloat(sheet, xlsx.CellRef(col, row), v, -1, 64))
}

func (e *excelizeBook) SetInt(sheet string, col, row int, v int) {
	e.check(e.f.SetCellInt(sheet, xlsx.CellRef(col, row), int64(v)))
}

func (e *excelizeBook) SetBool(sheet string, col, row int, v bool) {
	e.check(e.f.SetCellBool(sheet, xlsx.CellRef(col, row), v))
}

func (e *excelizeBook) SetTime(sheet string, col, row int, v time.Time) {
	e.check(e.f.SetCellValue(sheet, xlsx.CellRef(col, row), v))
}

func (e *excelizeBook) SetStyle(sheet string, col1, row1, col2, row2, style int) {
	e.check(e.f.SetCellStyle(sheet, xlsx.CellRef(col1, row1), xlsx.CellRef(col2, row2), style))
}

func (e *excelizeBook) SetColWidth(sheet string, col1, col2 int, width float64) {
	e.check(e.f.SetColWidth(sheet, xlsx.ColName(col1), xlsx.ColName(col2), width))
}

func (e *excelizeBook) SetRowHeight(sheet string, row int, height float64) {
	e.check(e.f.SetRowHeight(sheet, row, height))
}

func (e *excelizeBook) FreezeRows(sheet string, rows int) {
	e.check(e.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: rows, TopLeftCell: xlsx.CellRef(1, rows+1), ActivePane: "bottomLeft",
	}))
}

func (e *excelizeBook) AutoFilter(sheet string, col1, row1, col2, row2 int) {
	e.check(e.f.AutoFilter(sheet, xlsx.CellRef(col1, row1)+":"+xlsx.CellRef(col2, row2), nil))
}

func (e *excelizeBook) AddDropList(sheet, sqref string, values []string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	e.check(dv.SetDropList(values))
	e.check(e.f.AddDataValidation(sheet, dv))
}

func (e *excelizeBook) AddColorScale(sheet, sqref string, points ...xlsx.ScalePoint) {
	o := excelize.ConditionalFormatOptions{Type: "2_color_scale", Criteria: "="}
	first, last := points[0], points[len(points)-1]
	o.MinType, o.MinValue, o.MinColor = first.Type, first.Value, "#"+first.Color
	o.MaxType, o.MaxValue, o.MaxColor = last.Type, last.Value, "#"+last.Color
	if len(points) == 3 {
		o.Type = "3_color_scale"
		o.MidType, o.MidValue, o.MidColor = points[1].Type, points[1].Value, "#"+points[1].Color
	}
	e.check(e.f.SetConditionalFormat(sheet, sqref, []excelize.ConditionalFormatOptions{o}))
}

func (e *excelizeBook) AddCellIs(sheet, sqref, operator, formula string, dxf int) {
	criteria := map[string]string{"equal": "==", "notEqual": "!=", "greaterThan": ">", "lessThan": "<"}[operator]
	e.check(e.f.SetConditionalFormat(sheet, sqref, []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: criteria, Value: formula, Format: &dxf},
	}))
}

func (e *excelizeBook) AddStyle(s xlsx.Style) int {
	st := &excelize.Style{NumFmt: s.NumFmt}
	if s.CustomNumFmt != "" {
		st.CustomNumFmt = &s.CustomNumFmt
	}
	if s.Font != (xlsx.Font{}) {
		st.Font = &excelize.Font{Bold: s.Font.Bold, Size: s.Font.Size, Color: s.Font.Color}
	}
	if s.Fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.Fill}}
	}
	if s.Align != (xlsx.Alignment{}) {
		st.Alignment = &excelize.Alignment{Horizontal: s.Align.Horizontal, Vertical: s.Align.Vertical, WrapText: s.Align.Wrap}
	}
	id, err := e.f.NewStyle(st)
	e.check(err)
	return id
}

func (e *excelizeBook) AddDXF(d xlsx.DXF) int {
	id, err := e.f.NewConditionalStyle(&excelize.Style{
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{d.Fill}},
		Font: &excelize.Font{Color: d.FontColor},
	})
	e.check(err)
	return id
}

func (e *excelizeBook) SetProps(p xlsx.Props) {
	e.check(e.f.SetDocProps(&excelize.DocProperties{
		Creator: p.Creator, LastModifiedBy: p.LastModifiedBy, Title: p.Title,
		Created: p.Created.Format(time.RFC3339), Modified: p.Modified.Format(time.RFC3339),
	}))
}

func (e *excelizeBook) Err() error { return e.err }

func (e *excelizeBook) WriteTo(w io.Writer) (int64, error) { return e.f.WriteTo(w) }

// describeWorkbook reads, through excelize, everything gapmap's workbook
// sets: each sheet's cells (value, type and resolved style), column widths,
// row heights, frozen panes, drop-down lists, conditional formats and their
// looks, the auto-filters' defined names and the document properties.
// What both writers mean alike but spell differently (a font size left out
// or written as 11, a colour scale's min point with or without a value) is
// put one way.
func describeWorkbook(t *testing.T, data []byte) []string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, s := range f.GetSheetList() {
		add("sheet %s", s)
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		shown, _ := f.GetRows(s)
		add("shown %q", shown)
		cols := 0
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		for r := 1; r <= len(rows)+2; r++ {
			if h, _ := f.GetRowHeight(s, r); h != 15 {
				add("row %d height %g", r, h)
			}
			for c := 1; c <= cols+2; c++ {
				ref := xlsx.CellRef(c, r)
				v, _ := f.GetCellValue(s, ref, excelize.Options{RawCellValue: true})
				typ, _ := f.GetCellType(s, ref)
				id, _ := f.GetCellStyle(s, ref)
				st, _ := f.GetStyle(id)
				add("%s %q type %d style %s", ref, v, typ, describeStyle(st))
			}
		}
		for c := 1; c <= 30; c++ {
			w, _ := f.GetColWidth(s, xlsx.ColName(c))
			add("col %d width %g", c, w)
		}
		p, _ := f.GetPanes(s)
		add("panes freeze %v split %v x %d y %d top-left %s active %s", p.Freeze, p.Split, p.XSplit, p.YSplit, p.TopLeftCell, p.ActivePane)
		dvs, _ := f.GetDataValidations(s)
		for _, dv := range dvs {
			add("validation %s %s %q blank %v error %v", dv.Sqref, dv.Type, dv.Formula1, dv.AllowBlank, dv.ShowErrorMessage)
		}
		cfs, _ := f.GetConditionalFormats(s)
		for _, ref := range slices.Sorted(maps.Keys(cfs)) {
			for _, cf := range cfs[ref] {
				for _, v := range []*string{&cf.MinValue, &cf.MaxValue} {
					if *v == "0" {
						*v = "" // min and max points need no value
					}
				}
				look := ""
				if cf.Format != nil {
					st, _ := f.GetConditionalStyle(*cf.Format)
					look = describeStyle(st)
					cf.Format = nil
				}
				add("conditional %s %+v look %s", ref, cf, look)
			}
		}
	}
	for _, dn := range f.GetDefinedName() {
		add("name %+v", dn)
	}
	props, _ := f.GetDocProps()
	add("props %s %s %s %s %s", props.Title, props.Creator, props.LastModifiedBy, props.Created, props.Modified)
	return out
}

func describeStyle(st *excelize.Style) string {
	if st == nil {
		return "none"
	}
	font := excelize.Font{}
	if st.Font != nil {
		font = *st.Font
	}
	if font.Size == 0 {
		font.Size = 11
	}
	if font.Family == "" {
		font.Family = "Calibri"
	}
	font.ColorTheme = nil
	if font.Color == "" || font.Color == "FF000000" {
		font.Color = "text"
	}
	align := excelize.Alignment{}
	if st.Alignment != nil {
		align = *st.Alignment
	}
	custom := ""
	if st.CustomNumFmt != nil {
		custom = *st.CustomNumFmt
	}
	fill := fmt.Sprintf("%s %d %v", st.Fill.Type, st.Fill.Pattern, st.Fill.Color)
	if st.Fill.Pattern == 0 {
		fill = "none"
	}
	return fmt.Sprintf("numfmt %d %q font %v %g %s %s fill %s align %+v", st.NumFmt, custom, font.Bold, font.Size, font.Color, font.Family, fill, align)
}

// TestXLSXMatchesExcelize writes each sample through gapmap's writer and
// through excelize, and expects excelize to read the same cells, styles,
// number formats, widths, heights, panes, filters, drop-down lists,
// conditional formats and properties from both.
func TestXLSXMatchesExcelize(t *testing.T) {
	qn := testQuestionnaire(t)
	inputs := []report.Input{}
	for _, name := range fixtures {
		inputs = append(inputs, report.NewInput(qn, loadFixture(t, qn, name), generated))
	}
	hostileIn, _ := withText(t, func(i int) string { return hostile[i%len(hostile)] })
	inputs = append(inputs, hostileIn)
	for _, in := range inputs {
		var ours, ref bytes.Buffer
		if err := report.XLSX(&ours, in); err != nil {
			t.Fatal(err)
		}
		if err := report.WriteWorkbook(&ref, newExcelizeBook(), in); err != nil {
			t.Fatal(err)
		}
		got, want := describeWorkbook(t, ours.Bytes()), describeWorkbook(t, ref.Bytes())
		if !reflect.DeepEqual(got, want) {
			n := 0
			for i := range max(len(got), len(want)) {
				g, w := "(none)", "(none)"
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w && n < 20 {
					t.Errorf("%s:\n ours:     %s\n excelize: %s", in.Assessment.Name, g, w)
					n++
				}
			}
		}
	}
}
