package xlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel  = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc    = nsRel + "/officeDocument"
	ctMain    = "application/vnd.openxmlformats-officedocument.spreadsheetml."
)

// WriteTo writes the workbook as an .xlsx file. The same workbook gives
// the same bytes.
func (w *Workbook) WriteTo(out io.Writer) (int64, error) {
	if w.err != nil {
		return 0, w.err
	}
	if len(w.sheets) == 0 {
		return 0, fmt.Errorf("a workbook needs a sheet")
	}
	cw := &countingWriter{w: out}
	z := zip.NewWriter(cw)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", w.contentTypesXML()},
		{"_rels/.rels", rootRelsXML},
		{"docProps/app.xml", appXML},
		{"docProps/core.xml", w.coreXML()},
		{"xl/workbook.xml", w.workbookXML()},
		{"xl/_rels/workbook.xml.rels", w.workbookRelsXML()},
		{"xl/styles.xml", w.stylesXML()},
		{"xl/theme/theme1.xml", themeXML},
		{"xl/sharedStrings.xml", w.sharedStringsXML()},
	}
	for i, s := range w.sheets {
		parts = append(parts, struct{ name, body string }{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml()})
	}
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return cw.n, err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return cw.n, err
		}
	}
	err := z.Close()
	return cw.n, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

const rootRelsXML = xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">` +
	`<Relationship Id="rId1" Type="` + relDoc + `" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + nsRel + `/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
	`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>gapmap</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop></Properties>`

func (w *Workbook) contentTypesXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ctMain + `sheet.main+xml"/>`)
	for i := range w.sheets {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="`+ctMain+`worksheet+xml"/>`, i+1)
	}
	b.WriteString(`<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ctMain + `styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="` + ctMain + `sharedStrings+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
	return b.String()
}

func (w *Workbook) coreXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, v string) {
		if v == "" {
			return
		}
		b.WriteString("<" + name + ">")
		writeText(&b, v)
		b.WriteString("</" + name + ">")
	}
	elem("dc:title", w.props.Title)
	elem("dc:creator", w.props.Creator)
	elem("cp:lastModifiedBy", w.props.LastModifiedBy)
	for _, d := range []struct {
		name string
		t    time.Time
	}{{"dcterms:created", w.props.Created}, {"dcterms:modified", w.props.Modified}} {
		if !d.t.IsZero() {
			b.WriteString("<" + d.name + ` xsi:type="dcterms:W3CDTF">` + d.t.UTC().Format(time.RFC3339) + "</" + d.name + ">")
		}
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func (w *Workbook) workbookXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="14805" windowHeight="8010"/></bookViews><sheets>`)
	for i, s := range w.sheets {
		b.WriteString(`<sheet name="`)
		writeAttr(&b, s.name)
		fmt.Fprintf(&b, `" sheetId="%d" r:id="rId%d"/>`, i+1, i+1)
	}
	b.WriteString(`</sheets>`)
	// Excel keeps each auto-filter's range in a hidden name too.
	named := false
	for i, s := range w.sheets {
		if s.filter == "" {
			continue
		}
		if !named {
			b.WriteString(`<definedNames>`)
			named = true
		}
		fmt.Fprintf(&b, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">`, i)
		writeText(&b, "'"+strings.ReplaceAll(s.name, "'", "''")+"'!"+absolute(s.filter))
		b.WriteString(`</definedName>`)
	}
	if named {
		b.WriteString(`</definedNames>`)
	}
	b.WriteString(`<calcPr calcId="191029"/></workbook>`)
	return b.String()
}

// absolute turns A1:T21 into $A$1:$T$21.
func absolute(ref string) string {
	var b strings.Builder
	for _, part := range strings.Split(ref, ":") {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		i := strings.IndexAny(part, "0123456789")
		b.WriteString("$" + part[:i] + "$" + part[i:])
	}
	return b.String()
}

func (w *Workbook) workbookRelsXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">`)
	n := len(w.sheets)
	for i := range w.sheets {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+nsRel+`/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+nsRel+`/styles" Target="styles.xml"/>`, n+1)
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+nsRel+`/theme" Target="theme/theme1.xml"/>`, n+2)
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+nsRel+`/sharedStrings" Target="sharedStrings.xml"/>`, n+3)
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (w *Workbook) sharedStringsXML() string {
	var b strings.Builder
	refs := 0
	for _, s := range w.sheets {
		for _, r := range s.rows {
			for _, c := range r {
				if c.kind == kindString {
					refs++
				}
			}
		}
	}
	fmt.Fprintf(&b, xmlHeader+`<sst xmlns="`+nsMain+`" count="%d" uniqueCount="%d">`, refs, len(w.strs))
	for _, s := range w.strs {
		b.WriteString(`<si><t`)
		if needsSpace(s) {
			b.WriteString(` xml:space="preserve"`)
		}
		b.WriteString(`>`)
		writeText(&b, escapeUnderscores(s))
		b.WriteString(`</t></si>`)
	}
	b.WriteString(`</sst>`)
	return b.String()
}

// xml writes a worksheet, its parts in the order the schema sets:
// dimension, sheetViews, sheetFormatPr, cols, sheetData, autoFilter,
// conditionalFormatting, dataValidations, pageMargins.
func (s *sheet) xml() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	b.WriteString(`<dimension ref="` + s.dimension() + `"/><sheetViews><sheetView workbookViewId="0"`)
	if s.selected {
		b.WriteString(` tabSelected="1"`)
	}
	if s.freeze > 0 {
		top := CellRef(1, s.freeze+1)
		fmt.Fprintf(&b, `><pane ySplit="%d" topLeftCell="%s" activePane="bottomLeft" state="frozen"/>`, s.freeze, top)
		b.WriteString(`<selection pane="bottomLeft" activeCell="` + top + `" sqref="` + top + `"/></sheetView>`)
	} else {
		b.WriteString(`/>`)
	}
	b.WriteString(`</sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	s.writeCols(&b)
	s.writeData(&b)
	if s.filter != "" {
		b.WriteString(`<autoFilter ref="` + s.filter + `"/>`)
	}
	for i, f := range s.formats {
		b.WriteString(`<conditionalFormatting sqref="`)
		writeAttr(&b, f.sqref)
		fmt.Fprintf(&b, `"><cfRule priority="%d" %s</conditionalFormatting>`, i+1, f.rule)
	}
	if len(s.valids) > 0 {
		fmt.Fprintf(&b, `<dataValidations count="%d">`, len(s.valids))
		for _, v := range s.valids {
			b.WriteString(`<dataValidation type="list" allowBlank="1" sqref="`)
			writeAttr(&b, v.sqref)
			b.WriteString(`"><formula1>`)
			writeText(&b, v.formula)
			b.WriteString(`</formula1></dataValidation>`)
		}
		b.WriteString(`</dataValidations>`)
	}
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	return b.String()
}

// dimension is the range the sheet's cells span.
func (s *sheet) dimension() string {
	minRow, minCol, maxRow, maxCol := 0, 0, 0, 0
	for i, r := range s.rows {
		for j, c := range r {
			if c == (cell{}) {
				continue
			}
			if minRow == 0 {
				minRow = i + 1
			}
			if minCol == 0 || j+1 < minCol {
				minCol = j + 1
			}
			maxRow, maxCol = i+1, max(maxCol, j+1)
		}
	}
	if minRow == 0 {
		return "A1"
	}
	if minRow == maxRow && minCol == maxCol {
		return CellRef(minCol, minRow)
	}
	return CellRef(minCol, minRow) + ":" + CellRef(maxCol, maxRow)
}

// writeCols writes the column widths, a run of equal widths as one.
func (s *sheet) writeCols(b *strings.Builder) {
	if len(s.widths) == 0 {
		return
	}
	b.WriteString(`<cols>`)
	for i := 0; i < len(s.widths); {
		j := i
		for j+1 < len(s.widths) && s.widths[j+1] == s.widths[i] {
			j++
		}
		if s.widths[i] > 0 {
			fmt.Fprintf(b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, j+1, strconv.FormatFloat(s.widths[i], 'f', -1, 64))
		}
		i = j + 1
	}
	b.WriteString(`</cols>`)
}

func (s *sheet) writeData(b *strings.Builder) {
	b.WriteString(`<sheetData>`)
	rows := len(s.rows)
	for r := range s.heights {
		rows = max(rows, r)
	}
	for i := 0; i < rows; i++ {
		var cells []cell
		if i < len(s.rows) {
			cells = s.rows[i]
		}
		h, custom := s.heights[i+1]
		if len(cells) == 0 && !custom {
			continue
		}
		fmt.Fprintf(b, `<row r="%d"`, i+1)
		if custom {
			fmt.Fprintf(b, ` ht="%s" customHeight="1"`, strconv.FormatFloat(h, 'f', -1, 64))
		}
		b.WriteString(`>`)
		for j, c := range cells {
			if c == (cell{}) {
				continue
			}
			ref := CellRef(j+1, i+1)
			b.WriteString(`<c r="` + ref + `"`)
			if c.style != 0 {
				fmt.Fprintf(b, ` s="%d"`, c.style)
			}
			switch c.kind {
			case kindString:
				fmt.Fprintf(b, ` t="s"><v>%d</v></c>`, c.str)
			case kindBool:
				b.WriteString(` t="b"><v>` + c.v + `</v></c>`)
			case kindNumber:
				b.WriteString(`><v>` + c.v + `</v></c>`)
			default:
				b.WriteString(`/>`)
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
}
