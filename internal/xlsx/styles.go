package xlsx

import (
	"fmt"
	"strconv"
	"strings"
)

// Style is how cells look. The zero Style is the workbook's default.
type Style struct {
	Font Font
	// Fill is a solid background colour (RGB, such as 1F3A5F); "" is none.
	Fill string
	// NumFmt is a built-in number format (9 is 0%, 14 a short date);
	// CustomNumFmt, such as "yyyy-mm-dd", takes its place when set.
	NumFmt       int
	CustomNumFmt string
	Align        Alignment
}

// Font is a cell's font: the default font (Calibri 11) made bold, larger
// or coloured.
type Font struct {
	Bold  bool
	Size  float64 // points; 0 is 11
	Color string  // RGB; "" is the theme's text colour
}

// Alignment places text in a cell.
type Alignment struct {
	Horizontal string // left, center, right...; "" is general
	Vertical   string // top, center, bottom; "" is bottom
	Wrap       bool
}

// DXF is the look a conditional format gives: a font colour and a solid
// fill, RGB.
type DXF struct {
	FontColor, Fill string
}

// AddStyle adds a cell style and returns its number for SetStyle.
func (w *Workbook) AddStyle(s Style) int {
	for i, have := range w.styles {
		if have == s {
			return i
		}
	}
	w.styles = append(w.styles, s)
	return len(w.styles) - 1
}

// AddDXF adds a conditional format's look and returns its number for
// AddCellIs.
func (w *Workbook) AddDXF(d DXF) int {
	w.dxfs = append(w.dxfs, d)
	return len(w.dxfs) - 1
}

// firstCustomNumFmt is the first number format ID free for a workbook's own.
const firstCustomNumFmt = 164

// stylesXML writes xl/styles.xml: the parts of a style sheet in the order
// the schema sets.
func (w *Workbook) stylesXML() string {
	numFmts, fonts, fills := []string{}, []Font{{}}, []string{"", "gray125"}
	index := func(list []string, v string) int {
		for i, x := range list {
			if x == v {
				return i
			}
		}
		return -1
	}
	type xf struct{ numFmt, font, fill int }
	xfs := make([]xf, len(w.styles))
	for i, s := range w.styles {
		x := xf{numFmt: s.NumFmt}
		if s.CustomNumFmt != "" {
			n := index(numFmts, s.CustomNumFmt)
			if n < 0 {
				numFmts = append(numFmts, s.CustomNumFmt)
				n = len(numFmts) - 1
			}
			x.numFmt = firstCustomNumFmt + n
		}
		x.font = -1
		for j, f := range fonts {
			if f == s.Font {
				x.font = j
			}
		}
		if x.font < 0 {
			fonts = append(fonts, s.Font)
			x.font = len(fonts) - 1
		}
		if s.Fill != "" {
			x.fill = index(fills[2:], s.Fill)
			if x.fill < 0 {
				fills = append(fills, s.Fill)
				x.fill = len(fills) - 3
			}
			x.fill += 2
		}
		xfs[i] = x
	}
	var b strings.Builder
	b.WriteString(xmlHeader + `<styleSheet xmlns="` + nsMain + `">`)
	if len(numFmts) > 0 {
		fmt.Fprintf(&b, `<numFmts count="%d">`, len(numFmts))
		for i, f := range numFmts {
			fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="`, firstCustomNumFmt+i)
			writeAttr(&b, f)
			b.WriteString(`"/>`)
		}
		b.WriteString(`</numFmts>`)
	}
	fmt.Fprintf(&b, `<fonts count="%d">`, len(fonts))
	for _, f := range fonts {
		writeFont(&b, f)
	}
	fmt.Fprintf(&b, `</fonts><fills count="%d">`, len(fills))
	b.WriteString(`<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`)
	for _, f := range fills[2:] {
		b.WriteString(`<fill><patternFill patternType="solid">`)
		writeColor(&b, "fgColor", f)
		b.WriteString(`<bgColor indexed="64"/></patternFill></fill>`)
	}
	b.WriteString(`</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`)
	b.WriteString(`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&b, `<cellXfs count="%d">`, len(xfs))
	for i, x := range xfs {
		s := w.styles[i]
		fmt.Fprintf(&b, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="0" xfId="0"`, x.numFmt, x.font, x.fill)
		if x.numFmt != 0 {
			b.WriteString(` applyNumberFormat="1"`)
		}
		if x.font != 0 {
			b.WriteString(` applyFont="1"`)
		}
		if x.fill != 0 {
			b.WriteString(` applyFill="1"`)
		}
		if s.Align == (Alignment{}) {
			b.WriteString(`/>`)
			continue
		}
		b.WriteString(` applyAlignment="1"><alignment`)
		if s.Align.Horizontal != "" {
			b.WriteString(` horizontal="`)
			writeAttr(&b, s.Align.Horizontal)
			b.WriteString(`"`)
		}
		if s.Align.Vertical != "" {
			b.WriteString(` vertical="`)
			writeAttr(&b, s.Align.Vertical)
			b.WriteString(`"`)
		}
		if s.Align.Wrap {
			b.WriteString(` wrapText="1"`)
		}
		b.WriteString(`/></xf>`)
	}
	b.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	fmt.Fprintf(&b, `<dxfs count="%d">`, len(w.dxfs))
	for _, d := range w.dxfs {
		b.WriteString(`<dxf>`)
		if d.FontColor != "" {
			b.WriteString(`<font>`)
			writeColor(&b, "color", d.FontColor)
			b.WriteString(`</font>`)
		}
		if d.Fill != "" {
			b.WriteString(`<fill><patternFill patternType="solid">`)
			writeColor(&b, "bgColor", d.Fill)
			b.WriteString(`</patternFill></fill>`)
		}
		b.WriteString(`</dxf>`)
	}
	b.WriteString(`</dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`)
	return b.String()
}

// writeFont writes a font as Excel does: the default font with changes.
func writeFont(b *strings.Builder, f Font) {
	b.WriteString(`<font>`)
	if f.Bold {
		b.WriteString(`<b/>`)
	}
	size := f.Size
	if size == 0 {
		size = 11
	}
	b.WriteString(`<sz val="` + strconv.FormatFloat(size, 'f', -1, 64) + `"/>`)
	if f.Color == "" {
		b.WriteString(`<color theme="1"/>`)
	} else {
		writeColor(b, "color", f.Color)
	}
	b.WriteString(`<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`)
}
