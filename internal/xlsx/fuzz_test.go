package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/gapmap/gapmap/internal/xlsx"
)

// sampleWorkbook is a small workbook written by Workbook, a fuzzing seed.
func sampleWorkbook(t testing.TB) []byte {
	w := xlsx.New()
	w.AddSheet("Data")
	w.SetString("Data", 1, 1, "text")
	w.SetFloat("Data", 2, 1, 1.5)
	w.SetBool("Data", 3, 2, true)
	w.SetStyle("Data", 1, 1, 2, 2, w.AddStyle(xlsx.Style{NumFmt: 9}))
	w.FreezeRows("Data", 1)
	w.AutoFilter("Data", 1, 1, 3, 2)
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readAll opens a workbook and reads every sheet; it must not panic, and
// what it gives stays within a sheet's bounds.
func readAll(t *testing.T, data []byte) {
	b, err := xlsx.Open(data, 1<<20)
	if err != nil {
		return
	}
	for _, name := range b.SheetNames() {
		rows, err := b.Rows(name)
		if err != nil {
			continue
		}
		if len(rows) > xlsx.MaxRows {
			t.Fatalf("%d rows", len(rows))
		}
		for _, r := range rows {
			if len(r) > xlsx.MaxCols {
				t.Fatalf("%d columns", len(r))
			}
		}
	}
}

// FuzzOpen reads mutated workbook files.
func FuzzOpen(f *testing.F) {
	f.Add(sampleWorkbook(f))
	f.Add(handWorkbook(f, goodSheet(`<row><c t="s"><v>0</v></c></row>`), goodSST, `date1904="1"`))
	f.Fuzz(func(t *testing.T, data []byte) { readAll(t, data) })
}

// FuzzSheet reads mutated sheet and shared-strings XML inside a sound zip,
// where mutations reach the XML readers rather than the zip's checksums.
func FuzzSheet(f *testing.F) {
	f.Add(goodSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>x</t></r></is></c></row><row><c t="b"><v>1</v></c><c><v>2.5</v></c></row>`), goodSST)
	f.Add(goodSheet(`<row r="3"><c r="B3" t="str"><f>A1</f><v>x_x0041_</v></c></row>`), `<sst><si><r><t>a</t></r><rPh><t>b</t></rPh></si></sst>`)
	f.Fuzz(func(t *testing.T, sheet, sst string) { readAll(t, handWorkbook(t, sheet, sst, "")) })
}

// FuzzTextRoundTrip writes any text to a cell and reads it back: it comes
// back as written, but for what XML cannot hold (U+FFFD) and what is past
// a cell's 32,767 UTF-16 units.
func FuzzTextRoundTrip(f *testing.F) {
	for _, s := range []string{"", " x ", "_x0041_", "_x005F_x0041_", "a\r\nb", "\x00\xff", "🙂"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := xlsx.New()
		w.AddSheet("T")
		w.SetString("T", 2, 3, s)
		var buf bytes.Buffer
		if _, err := w.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		b, err := xlsx.Open(buf.Bytes(), 16<<20)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := b.Rows("T")
		if err != nil {
			t.Fatal(err)
		}
		want := cutUnits(xmlSafe(s), 32767)
		got := ""
		if len(rows) == 3 && len(rows[2]) == 2 {
			got = rows[2][1]
		}
		if got != want && !(want == "" && len(rows) == 0) {
			t.Fatalf("%q came back as %q", s, got)
		}
	})
}
