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

// styleTables are the style sheet's lists that cell formats (xf) point
// into, each entry once.
type styleTables struct {
	numFmts []string
	fonts   []Font
	fills   []string // after the two fills every style sheet starts with
	xfs     []xf
}

type xf struct {
	numFmt, font, fill int
	align              Alignment
}

// indexOf is the index of v in *list, added at the end when missing.
func indexOf[T comparable](list *[]T, v T) int {
	for i, x := range *list {
		if x == v {
			return i
		}
	}
	*list = append(*list, v)
	return len(*list) - 1
}

func (w *Workbook) styleTables() styleTables {
	t := styleTables{fonts: []Font{{}}}
	for _, s := range w.styles {
		x := xf{numFmt: s.NumFmt, font: indexOf(&t.fonts, s.Font), align: s.Align}
		if s.CustomNumFmt != "" {
			x.numFmt = firstCustomNumFmt + indexOf(&t.numFmts, s.CustomNumFmt)
		}
		if s.Fill != "" {
			x.fill = 2 + indexOf(&t.fills, s.Fill) // 0 is none, 1 gray125
		}
		t.xfs = append(t.xfs, x)
	}
	return t
}

// stylesXML writes xl/styles.xml: the parts of a style sheet in the order
// the schema sets.
func (w *Workbook) stylesXML() string {
	t := w.styleTables()
	var b strings.Builder
	b.WriteString(xmlHeader + `<styleSheet xmlns="` + nsMain + `">`)
	if len(t.numFmts) > 0 {
		fmt.Fprintf(&b, `<numFmts count="%d">`, len(t.numFmts))
		for i, f := range t.numFmts {
			fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="`, firstCustomNumFmt+i)
			writeAttr(&b, f)
			b.WriteString(`"/>`)
		}
		b.WriteString(`</numFmts>`)
	}
	fmt.Fprintf(&b, `<fonts count="%d">`, len(t.fonts))
	for _, f := range t.fonts {
		writeFont(&b, f)
	}
	fmt.Fprintf(&b, `</fonts><fills count="%d">`, 2+len(t.fills))
	b.WriteString(`<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`)
	for _, f := range t.fills {
		b.WriteString(`<fill><patternFill patternType="solid">`)
		writeColor(&b, "fgColor", f)
		b.WriteString(`<bgColor indexed="64"/></patternFill></fill>`)
	}
	b.WriteString(`</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`)
	b.WriteString(`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&b, `<cellXfs count="%d">`, len(t.xfs))
	for _, x := range t.xfs {
		writeXF(&b, x)
	}
	b.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	w.writeDXFs(&b)
	b.WriteString(`<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`)
	return b.String()
}

// writeXF writes a cell format, saying which of its parts apply.
func writeXF(b *strings.Builder, x xf) {
	fmt.Fprintf(b, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="0" xfId="0"`, x.numFmt, x.font, x.fill)
	if x.numFmt != 0 {
		b.WriteString(` applyNumberFormat="1"`)
	}
	if x.font != 0 {
		b.WriteString(` applyFont="1"`)
	}
	if x.fill != 0 {
		b.WriteString(` applyFill="1"`)
	}
	if x.align == (Alignment{}) {
		b.WriteString(`/>`)
		return
	}
	b.WriteString(` applyAlignment="1"><alignment`)
	if x.align.Horizontal != "" {
		b.WriteString(` horizontal="`)
		writeAttr(b, x.align.Horizontal)
		b.WriteString(`"`)
	}
	if x.align.Vertical != "" {
		b.WriteString(` vertical="`)
		writeAttr(b, x.align.Vertical)
		b.WriteString(`"`)
	}
	if x.align.Wrap {
		b.WriteString(` wrapText="1"`)
	}
	b.WriteString(`/></xf>`)
}

// writeDXFs writes the looks of the conditional formats.
func (w *Workbook) writeDXFs(b *strings.Builder) {
	fmt.Fprintf(b, `<dxfs count="%d">`, len(w.dxfs))
	for _, d := range w.dxfs {
		b.WriteString(`<dxf>`)
		if d.FontColor != "" {
			b.WriteString(`<font>`)
			writeColor(b, "color", d.FontColor)
			b.WriteString(`</font>`)
		}
		if d.Fill != "" {
			b.WriteString(`<fill><patternFill patternType="solid">`)
			writeColor(b, "bgColor", d.Fill)
			b.WriteString(`</patternFill></fill>`)
		}
		b.WriteString(`</dxf>`)
	}
	b.WriteString(`</dxfs>`)
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
