package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/xlsx"
)

func goodSheet(rows string) string {
	return `<worksheet ` + nsMain + `><sheetData>` + rows + `</sheetData></worksheet>`
}

const goodSST = `<sst ` + nsMain + `><si><t>a</t></si></sst>`

// TestOpenRefusesHostileFiles: each broken or hostile file gives an error
// that says what is wrong, never a panic and never a read past the bounds.
func TestOpenRefusesHostileFiles(t *testing.T) {
	many := make([]string, 0, 2*10_001)
	for i := range 10_001 {
		many = append(many, fmt.Sprintf("f%d", i), "")
	}
	big := strings.Repeat("<si><t>"+strings.Repeat("a", 80)+"</t></si>", 17<<20/96) // 96 bytes each
	cases := []struct {
		name  string
		data  []byte
		sheet bool // the error comes when the sheet is read
		want  string
	}{
		{"not a zip", []byte("PK\x03\x04 not really"), false, "not a zip file"},
		{"password-protected", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), false, "password-protected or an old .xls"},
		{"empty zip", zipOf(t), false, "xl/workbook.xml is missing"},
		{"too many files", zipOf(t, many...), false, "holds 10001 files"},
		{"big shared strings", handWorkbook(t, goodSheet(""), "<sst>"+big+"</sst>", ""), false, "unpacks to more than 16 MB"},
		// archive/zip stops at the size the header claims.
		{"sizes that lie", lyingZip(t, 17<<20), true, "xl/worksheets/sheet1.xml: zip: not a valid zip file"},
		{"parts over the bound together", handWorkbook(t, goodSheet(strings.Repeat("<row/>", 9<<20/6)),
			"<sst>"+big[:9<<20-96]+"</sst>", ""), true, "xl/worksheets/sheet1.xml: the workbook unpacks to more than 16 MB"},
		{"bad workbook XML", zipOf(t, "xl/workbook.xml", "<workbook><sheets>", "xl/_rels/workbook.xml.rels", "<Relationships/>"), false, "xl/workbook.xml is not valid XML"},
		{"no officeDocument", zipOf(t, "_rels/.rels", "<Relationships/>"), false, "names no workbook"},
		{"UTF-16 part", zipOf(t, "xl/workbook.xml", `<?xml version="1.0" encoding="UTF-16"?><workbook/>`, "xl/_rels/workbook.xml.rels", "<Relationships/>"), false, "not valid XML"},
		{"bad shared strings", handWorkbook(t, goodSheet(""), "<sst><si><t>open", ""), false, "xl/sharedStrings.xml is not valid XML"},
	}
	for _, c := range cases {
		b, err := xlsx.Open(c.data, 16<<20)
		if c.sheet && err == nil {
			_, err = b.Rows("Data")
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// lyingZip is a workbook whose sheet's zip header claims 10 bytes while
// the sheet unpacks to n.
func lyingZip(t *testing.T, n int) []byte {
	t.Helper()
	body := []byte(goodSheet(strings.Repeat("<row/>", n/6)))
	var packed bytes.Buffer
	pz := zip.NewWriter(&packed)
	w, err := pz.Create("x")
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body)
	pz.Close()
	r, err := zip.NewReader(bytes.NewReader(packed.Bytes()), int64(packed.Len()))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := r.File[0].OpenRaw()
	if err != nil {
		t.Fatal(err)
	}
	var deflated bytes.Buffer
	deflated.ReadFrom(raw)

	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range []struct{ name, body string }{
		{"xl/workbook.xml", `<workbook ` + nsMain + ` ` + nsR + `><sheets><sheet name="Data" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
	} {
		w, _ := z.Create(p.name)
		w.Write([]byte(p.body))
	}
	fw, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(body), CompressedSize64: uint64(deflated.Len()), UncompressedSize64: 10})
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(deflated.Bytes())
	z.Close()
	return buf.Bytes()
}

// TestRowsRefusesBrokenSheets: the sheet's problem is named.
func TestRowsRefusesBrokenSheets(t *testing.T) {
	var wide strings.Builder
	for r := 1; r <= 70; r++ {
		fmt.Fprintf(&wide, `<row r="%d"><c r="XFD%d" t="s"><v>0</v></c></row>`, r, r)
	}
	cases := []struct{ name, rows, want string }{
		{"string index", `<row r="1"><c r="A1" t="s"><v>7</v></c></row>`, `shared string "7", which the workbook does not have`},
		{"negative index", `<row r="1"><c r="A1" t="s"><v>-1</v></c></row>`, `shared string "-1"`},
		{"rows backwards", `<row r="3"><c r="A3" t="s"><v>0</v></c></row><row r="2"/>`, "row 2 comes after row 3"},
		{"row zero", `<row r="0"/>`, `row number "0"`},
		{"row too far", `<row r="1048577"/>`, `row number "1048577"`},
		{"cell elsewhere", `<row r="1"><c r="A2" t="s"><v>0</v></c></row>`, "cell A2 is in row 1"},
		{"cells backwards", `<row r="1"><c r="C1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>`, "cell B1 comes after column C"},
		{"bad ref", `<row r="1"><c r="1A"><v>1</v></c></row>`, `"1A" is not a cell name`},
		{"column too far", `<row r="1"><c r="XFE1"><v>1</v></c></row>`, "column beyond XFD"},
		{"too many cells", wide.String(), "more than 1048576 cells"},
		{"bad XML", `<row><c><v>1</c></row>`, "xl/worksheets/sheet1.xml is not valid XML"},
	}
	for _, c := range cases {
		b, err := xlsx.Open(handWorkbook(t, goodSheet(c.rows), goodSST, ""), 16<<20)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		_, err = b.Rows("Data")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	b, err := xlsx.Open(handWorkbook(t, goodSheet(""), goodSST, ""), 16<<20)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Rows("Nope"); !errors.Is(err, xlsx.ErrNoSheet) {
		t.Errorf("a missing sheet: %v", err)
	}
	if rows, err := b.Rows("data"); err != nil || len(rows) != 0 {
		t.Errorf("a sheet by another case: %q %v", rows, err)
	}
}
