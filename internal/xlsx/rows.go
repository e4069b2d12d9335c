package xlsx

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// richText is a string item: plain text, or runs of formatted text.
// Phonetic hints (rPh) are not part of the text.
type richText struct {
	T    *string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (r *richText) String() string {
	var s string
	if r.T != nil {
		s = *r.T
	}
	if len(r.Runs) > 0 {
		var b strings.Builder
		b.WriteString(s)
		for _, run := range r.Runs {
			b.WriteString(run.T)
		}
		s = b.String()
	}
	return unescapeUnderscores(s)
}

func (b *Book) readSharedStrings(name string) ([]string, error) {
	var out []string
	err := b.walk(name, func(d *xml.Decoder, tok xml.Token) error {
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "si" {
			var si richText
			if err := d.DecodeElement(&si, &el); err != nil {
				return xmlError(name, err)
			}
			out = append(out, si.String())
		}
		return nil
	})
	return out, err
}

// xmlCell is a cell as a worksheet holds it.
type xmlCell struct {
	R  string    `xml:"r,attr"`
	T  string    `xml:"t,attr"`
	V  *string   `xml:"v"`
	F  *struct{} `xml:"f"`
	IS *richText `xml:"is"`
}

// Rows reads a sheet's values as stored (numbers and dates as their
// serial numbers, booleans as 1 and 0, text as text), one slice per row
// from row 1, each from column A. Empty cells are "", and trailing empty
// cells and rows are left out. The sheet is found by name, ignoring case
// as spreadsheets do.
func (b *Book) Rows(name string) ([][]string, error) {
	p, ok := b.sheetPath(name)
	if !ok {
		return nil, fmt.Errorf("%q: %w", name, ErrNoSheet)
	}
	rr := rowReader{book: b, sheet: name}
	inData := false // cells are read from sheetData only
	err := b.walk(p, func(d *xml.Decoder, tok xml.Token) error {
		if end, ok := tok.(xml.EndElement); ok && end.Name.Local == "sheetData" {
			inData = false
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		if el.Name.Local == "sheetData" {
			inData = true
		}
		if !inData {
			return nil
		}
		switch el.Name.Local {
		case "row":
			return rr.startRow(el)
		case "c":
			var c xmlCell
			if err := d.DecodeElement(&c, &el); err != nil {
				return xmlError(p, err)
			}
			return rr.cell(c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rr.rows, nil
}

func (b *Book) sheetPath(name string) (string, bool) {
	for _, s := range b.sheets {
		if s.name == name {
			return s.path, true
		}
	}
	for _, s := range b.sheets {
		if strings.EqualFold(s.name, name) {
			return s.path, true
		}
	}
	return "", false
}

// rowReader places a sheet's cells, which may omit their row and column
// numbers (then they follow the previous one).
type rowReader struct {
	book     *Book
	sheet    string
	rows     [][]string
	row, col int // the current row and the last cell's column
	slots    int
}

func (rr *rowReader) startRow(el xml.StartElement) error {
	n := rr.row + 1
	if r := attr(el, "r"); r != "" {
		v, err := strconv.Atoi(r)
		if err != nil || v < 1 || v > MaxRows {
			return fmt.Errorf("sheet %s: row number %q is not a row of a sheet", rr.sheet, r)
		}
		n = v
	}
	if n <= rr.row {
		return fmt.Errorf("sheet %s: row %d comes after row %d", rr.sheet, n, rr.row)
	}
	if n > MaxRows {
		return fmt.Errorf("sheet %s: more than %d rows", rr.sheet, MaxRows)
	}
	rr.row, rr.col = n, 0
	return nil
}

func (rr *rowReader) cell(c xmlCell) error {
	if rr.row == 0 {
		rr.row = 1 // a cell outside a row: be lenient, as for a missing r
	}
	col := rr.col + 1
	if c.R != "" {
		cc, r, err := ParseRef(c.R)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", rr.sheet, err)
		}
		if r != rr.row {
			return fmt.Errorf("sheet %s: cell %s is in row %d", rr.sheet, c.R, rr.row)
		}
		col = cc
	}
	if col <= rr.col {
		return fmt.Errorf("sheet %s: cell %s comes after column %s", rr.sheet, CellRef(col, rr.row), ColName(rr.col))
	}
	if col > MaxCols {
		return fmt.Errorf("sheet %s: more than %d columns", rr.sheet, MaxCols)
	}
	rr.col = col
	v, err := rr.value(c)
	if err != nil {
		return err
	}
	if v == "" && c.F == nil {
		return nil
	}
	for len(rr.rows) < rr.row {
		rr.rows = append(rr.rows, nil)
		rr.slots++
	}
	row := rr.rows[rr.row-1]
	rr.slots += col - len(row)
	if rr.slots > maxSlots {
		return fmt.Errorf("sheet %s: more than %d cells, counting the empty ones", rr.sheet, maxSlots)
	}
	for len(row) < col-1 {
		row = append(row, "")
	}
	rr.rows[rr.row-1] = append(row, v)
	return nil
}

// value is a cell's value as stored.
func (rr *rowReader) value(c xmlCell) (string, error) {
	v := ""
	if c.V != nil {
		v = *c.V
	}
	switch c.T {
	case "s":
		if strings.TrimSpace(v) == "" {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(rr.book.strs) {
			return "", fmt.Errorf("sheet %s: cell %s refers to shared string %q, which the workbook does not have", rr.sheet, CellRef(rr.col, rr.row), v)
		}
		return rr.book.strs[i], nil
	case "inlineStr":
		if c.IS != nil {
			return c.IS.String(), nil
		}
	}
	return v, nil
}
