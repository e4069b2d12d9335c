package xlsx

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// Rules a sheet applies to ranges of cells: drop-down lists and
// conditional formats.

// maxListChars is the longest list a drop-down's formula holds.
const maxListChars = 255

// AddDropList offers values in a drop-down on the cells of sqref (such as
// "B9" or "H2:H40"). It is a hint: other values may still be typed.
func (w *Workbook) AddDropList(sheet, sqref string, values []string) {
	s := w.sheet(sheet)
	if s == nil {
		return
	}
	list := strings.Join(values, ",")
	if len(utf16.Encode([]rune(list))) > maxListChars {
		w.fail(fmt.Errorf("%s!%s: a drop-down list holds at most %d characters", sheet, sqref, maxListChars))
		return
	}
	s.valids = append(s.valids, validation{sqref, `"` + strings.ReplaceAll(list, `"`, `""`) + `"`})
}

// ScalePoint is a point of a colour scale: Type is num, min, max, percent
// or percentile; Value goes with num, percent and percentile; Color is an
// RGB colour such as F8696B.
type ScalePoint struct {
	Type, Value, Color string
}

// AddColorScale colours the cells of sqref by their value along a two- or
// three-point colour scale.
func (w *Workbook) AddColorScale(sheet, sqref string, points ...ScalePoint) {
	s := w.sheet(sheet)
	if s == nil {
		return
	}
	if len(points) != 2 && len(points) != 3 {
		w.fail(fmt.Errorf("%s!%s: a colour scale has 2 or 3 points", sheet, sqref))
		return
	}
	var b strings.Builder
	b.WriteString(`type="colorScale"><colorScale>`)
	for _, p := range points {
		b.WriteString(`<cfvo type="`)
		writeAttr(&b, p.Type)
		b.WriteString(`"`)
		if p.Type != "min" && p.Type != "max" {
			b.WriteString(` val="`)
			writeAttr(&b, p.Value)
			b.WriteString(`"`)
		}
		b.WriteString(`/>`)
	}
	for _, p := range points {
		writeColor(&b, "color", p.Color)
	}
	b.WriteString(`</colorScale></cfRule>`)
	s.formats = append(s.formats, condFormat{sqref, b.String()})
}

// AddCellIs gives the cells of sqref whose value compares to formula by
// operator (equal, notEqual, greaterThan...) the look of dxf, from AddDXF.
func (w *Workbook) AddCellIs(sheet, sqref, operator, formula string, dxf int) {
	s := w.sheet(sheet)
	if s == nil {
		return
	}
	if dxf < 0 || dxf >= len(w.dxfs) {
		w.fail(fmt.Errorf("%s!%s: no conditional style %d", sheet, sqref, dxf))
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, `type="cellIs" dxfId="%d" operator="`, dxf)
	writeAttr(&b, operator)
	b.WriteString(`"><formula>`)
	writeText(&b, formula)
	b.WriteString(`</formula></cfRule>`)
	s.formats = append(s.formats, condFormat{sqref, b.String()})
}

// writeColor writes a colour element from an RGB colour, opaque.
func writeColor(b *strings.Builder, elem, rgb string) {
	b.WriteString("<" + elem + ` rgb="FF`)
	writeAttr(b, strings.ToUpper(strings.TrimPrefix(rgb, "#")))
	b.WriteString(`"/>`)
}
