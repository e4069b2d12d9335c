package xlsx

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// Workbook is a workbook being written. Its methods name the sheet they
// change; the first error is kept and returned by WriteTo, so a writer
// reads as a list of cells.
type Workbook struct {
	sheets []*sheet
	byName map[string]*sheet
	strs   []string
	strIdx map[string]int
	styles []Style
	dxfs   []DXF
	props  Props
	err    error
}

// Props are the document properties (docProps/core.xml).
type Props struct {
	Title, Creator, LastModifiedBy string
	Created, Modified              time.Time
}

type sheet struct {
	name     string
	rows     [][]cell // [row-1][col-1]
	widths   []float64
	heights  map[int]float64
	freeze   int // rows frozen at the top
	filter   string
	valids   []validation
	formats  []condFormat
	selected bool // the sheet a workbook opens on
}

type cellKind uint8

const (
	kindEmpty cellKind = iota // styled, no value
	kindString
	kindNumber
	kindBool
)

type cell struct {
	kind  cellKind
	style int
	v     string // the number as written, or the text
	str   int    // index in the shared strings
}

type validation struct {
	sqref, formula string
}

type condFormat struct {
	sqref string
	rule  string // the cfRule element without its priority
}

// New starts an empty workbook.
func New() *Workbook {
	return &Workbook{
		byName: map[string]*sheet{},
		strIdx: map[string]int{},
		styles: []Style{{}},
	}
}

func (w *Workbook) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// Err is the first error so far.
func (w *Workbook) Err() error { return w.err }

// SetProps sets the document properties.
func (w *Workbook) SetProps(p Props) { w.props = p }

// AddSheet adds a sheet after the others.
func (w *Workbook) AddSheet(name string) {
	if err := checkSheetName(name); err != nil {
		w.fail(err)
		return
	}
	for _, s := range w.sheets {
		if strings.EqualFold(s.name, name) {
			w.fail(fmt.Errorf("sheet %q: the workbook has a sheet of that name", name))
			return
		}
	}
	s := &sheet{name: name, heights: map[int]float64{}, selected: len(w.sheets) == 0}
	w.sheets = append(w.sheets, s)
	w.byName[name] = s
}

func checkSheetName(name string) error {
	switch {
	case name == "":
		return errors.New("a sheet needs a name")
	case len(utf16.Encode([]rune(name))) > 31:
		return fmt.Errorf("sheet %q: a sheet name has at most 31 characters", name)
	case strings.ContainsAny(name, `:\/?*[]`):
		return fmt.Errorf(`sheet %q: a sheet name cannot hold any of : \ / ? * [ ]`, name)
	case name[0] == '\'' || name[len(name)-1] == '\'':
		return fmt.Errorf("sheet %q: a sheet name cannot start or end with an apostrophe", name)
	}
	return nil
}

func (w *Workbook) sheet(name string) *sheet {
	s := w.byName[name]
	if s == nil {
		w.fail(fmt.Errorf("sheet %q does not exist", name))
	}
	return s
}

// at is the cell at col, row of a sheet, made when missing; nil after an
// error.
func (w *Workbook) at(name string, col, row int) *cell {
	s := w.sheet(name)
	if s == nil {
		return nil
	}
	if !validCell(col, row) {
		w.fail(fmt.Errorf("%s: column %d, row %d is outside a sheet", name, col, row))
		return nil
	}
	for len(s.rows) < row {
		s.rows = append(s.rows, nil)
	}
	r := s.rows[row-1]
	for len(r) < col {
		r = append(r, cell{})
	}
	s.rows[row-1] = r
	return &r[col-1]
}

// SetString sets a cell to text, always text (never a formula). Text longer
// than a cell holds (32,767 UTF-16 units) is cut.
func (w *Workbook) SetString(sheet string, col, row int, v string) {
	c := w.at(sheet, col, row)
	if c == nil {
		return
	}
	v = cutToCell(v)
	i, ok := w.strIdx[v]
	if !ok {
		i = len(w.strs)
		w.strs = append(w.strs, v)
		w.strIdx[v] = i
	}
	c.kind, c.str, c.v = kindString, i, ""
}

// SetFloat sets a cell to a number, cut to the 15 significant digits a
// spreadsheet keeps (so 0.1+0.2 is stored as 0.3). Numbers a spreadsheet
// cannot hold (NaN, infinities) are written as text.
func (w *Workbook) SetFloat(sheet string, col, row int, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		w.SetString(sheet, col, row, strconv.FormatFloat(v, 'f', -1, 64))
		return
	}
	w.setNumber(sheet, col, row, formatFloat(v))
}

// formatFloat writes a number in decimal, without an exponent, its digits
// after the 15th significant one cut (not rounded) as excelize cuts them.
func formatFloat(v float64) string {
	const maxDigits = 15
	str := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return str
	}
	point := strings.IndexByte(str, '.')
	digits := 0
	for i := 0; i < len(str); i++ {
		if str[i] < '0' || str[i] > '9' || digits == 0 && str[i] == '0' {
			continue
		}
		if digits++; digits <= maxDigits {
			continue
		}
		if point >= 0 && i > point {
			return strings.TrimSuffix(str[:i], ".")
		}
		if point < 0 {
			point = len(str)
		}
		cut := []byte(str[:point])
		for ; i < len(cut); i++ {
			cut[i] = '0'
		}
		return string(cut)
	}
	return str
}

// SetInt sets a cell to a whole number.
func (w *Workbook) SetInt(sheet string, col, row int, v int) {
	w.setNumber(sheet, col, row, strconv.Itoa(v))
}

// SetTime sets a cell to a date and time as a spreadsheet serial number
// (1900 date system) of its wall-clock reading; a time before 1900 is
// written as RFC 3339 text. The cell's style gives the date format.
func (w *Workbook) SetTime(sheet string, col, row int, t time.Time) {
	serial := Serial(t, false)
	if serial <= 0 {
		w.SetString(sheet, col, row, t.Format(time.RFC3339Nano))
		return
	}
	w.setNumber(sheet, col, row, strconv.FormatFloat(serial, 'f', -1, 64))
}

// SetBool sets a cell to TRUE or FALSE.
func (w *Workbook) SetBool(sheet string, col, row int, v bool) {
	if c := w.at(sheet, col, row); c != nil {
		c.kind, c.v = kindBool, "0"
		if v {
			c.v = "1"
		}
	}
}

func (w *Workbook) setNumber(sheet string, col, row int, v string) {
	if c := w.at(sheet, col, row); c != nil {
		c.kind, c.v = kindNumber, v
	}
}

// SetStyle gives the cells of a range a style from AddStyle.
func (w *Workbook) SetStyle(sheet string, col1, row1, col2, row2, style int) {
	if style < 0 || style >= len(w.styles) {
		w.fail(fmt.Errorf("%s: no style %d", sheet, style))
		return
	}
	for r := row1; r <= row2; r++ {
		for c := col1; c <= col2; c++ {
			if cl := w.at(sheet, c, r); cl != nil {
				cl.style = style
			} else {
				return
			}
		}
	}
}

// SetColWidth sets the width of columns col1 to col2, in characters.
func (w *Workbook) SetColWidth(sheet string, col1, col2 int, width float64) {
	s := w.sheet(sheet)
	if s == nil {
		return
	}
	if col1 < 1 || col2 > MaxCols || col1 > col2 || width < 0 || width > 255 {
		w.fail(fmt.Errorf("%s: cannot set columns %d to %d %g wide", sheet, col1, col2, width))
		return
	}
	for len(s.widths) < col2 {
		s.widths = append(s.widths, 0)
	}
	for c := col1; c <= col2; c++ {
		s.widths[c-1] = width
	}
}

// SetRowHeight sets the height of a row, in points.
func (w *Workbook) SetRowHeight(sheet string, row int, height float64) {
	s := w.sheet(sheet)
	if s == nil {
		return
	}
	if row < 1 || row > MaxRows || height < 0 || height > 409 {
		w.fail(fmt.Errorf("%s: cannot set row %d %g high", sheet, row, height))
		return
	}
	s.heights[row] = height
}

// FreezeRows keeps the top rows of a sheet in view while it scrolls.
func (w *Workbook) FreezeRows(sheet string, rows int) {
	if s := w.sheet(sheet); s != nil {
		s.freeze = rows
	}
}

// AutoFilter puts filter buttons on the first row of a range; the range
// covers the rows they filter.
func (w *Workbook) AutoFilter(sheet string, col1, row1, col2, row2 int) {
	s := w.sheet(sheet)
	if s == nil {
		return
	}
	if !validCell(col1, row1) || !validCell(col2, row2) || col1 > col2 || row1 > row2 {
		w.fail(fmt.Errorf("%s: cannot filter columns %d to %d, rows %d to %d", sheet, col1, col2, row1, row2))
		return
	}
	s.filter = CellRef(col1, row1) + ":" + CellRef(col2, row2)
}
