package xlsx_test

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gapmap/gapmap/internal/xlsx"
)

const limit = 16 << 20

// excelizeRows is what excelize reads from every sheet, raw.
func excelizeRows(t *testing.T, data []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out[s] = rows
	}
	return out
}

func ourRows(t *testing.T, data []byte) (map[string][][]string, *xlsx.Book) {
	t.Helper()
	b, err := xlsx.Open(data, limit)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][]string{}
	for _, s := range b.SheetNames() {
		rows, err := b.Rows(s)
		if err != nil {
			t.Fatal(err)
		}
		out[s] = rows
	}
	return out, b
}

func sameRows(t *testing.T, what string, got, want map[string][][]string) {
	t.Helper()
	norm := func(m map[string][][]string) string {
		var b strings.Builder
		for _, s := range slices.Sorted(maps.Keys(m)) {
			rows := m[s]
			fmt.Fprintf(&b, "%s:", s)
			for i, r := range rows {
				if len(r) > 0 {
					fmt.Fprintf(&b, " %d%q", i+1, r)
				}
			}
			fmt.Fprintf(&b, " (%d rows)\n", len(rows))
		}
		return b.String()
	}
	if !reflect.DeepEqual(norm(got), norm(want)) {
		t.Errorf("%s:\n ours:     %s excelize: %s", what, norm(got), norm(want))
	}
}

// TestReadsWhatExcelizeWrites: text (shared, rich text, with escapes and
// spaces), numbers, booleans, dates in both date systems, formulas with
// cached values, sparse cells and rows read as excelize reads them.
func TestReadsWhatExcelizeWrites(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		s := "Sheet1"
		set := func(ref string, v any) {
			if err := f.SetCellValue(s, ref, v); err != nil {
				t.Fatal(err)
			}
		}
		set("A1", "plain")
		set("B1", "  spaces around  ")
		set("C1", "line\r\nbreaks\tand tab")
		set("D1", "_x0041_ is not A")
		set("E1", "émoji 🙂 and \u202ebidi")
		set("A2", 42)
		set("B2", 0.1+0.2)
		set("C2", -3.5e-7)
		set("D2", true)
		set("E2", false)
		set("A3", time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC))
		set("B3", time.Date(2026, 11, 23, 10, 30, 15, 0, time.UTC))
		set("C3", time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC))
		set("Z9", "far away")
		if err := f.SetCellRichText(s, "A5", []excelize.RichTextRun{
			{Text: "bold ", Font: &excelize.Font{Bold: true}}, {Text: "and plain"},
		}); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellFormula(s, "B5", "A2*2"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.NewSheet("Second"); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("Second", "C4", "alone"); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		got, book := ourRows(t, buf.Bytes())
		sameRows(t, fmt.Sprintf("1904 %v", date1904), got, excelizeRows(t, buf.Bytes()))
		if book.Date1904() != date1904 {
			t.Errorf("Date1904() = %v, want %v", book.Date1904(), date1904)
		}
		for _, ref := range []string{"A3", "B3", "C3"} {
			col, row, _ := xlsx.ParseRef(ref)
			v := got[s][row-1][col-1]
			var serial float64
			fmt.Sscan(v, &serial)
			ours, err := xlsx.Time(serial, book.Date1904())
			want, err2 := excelize.ExcelDateToTime(serial, date1904)
			if err != nil || err2 != nil || !ours.Equal(want) {
				t.Errorf("%s %s: ours %v (%v), excelize %v (%v)", ref, v, ours, err, want, err2)
			}
		}
	}
}

// TestReadsHandWrittenSheets: what other writers do and excelize does not:
// inline strings, rows and cells without numbers, str and error cells,
// phonetic runs, namespace prefixes, CDATA and entities.
func TestReadsHandWrittenSheets(t *testing.T) {
	sheet := `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
		`<x:row><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> inline </x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>` +
		`<x:row><x:c t="str"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c/><x:c t="b"><x:v>1</x:v></x:c><x:c t="n"><x:v>1.5</x:v></x:c></x:row>` +
		`<x:row r="5"><x:c r="C5" t="inlineStr"><x:is><x:r><x:t>rich </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>inline</x:t></x:r></x:is></x:c></x:row>` +
		`<x:row r="7"><x:c r="B7" t="inlineStr"><x:is><x:t><![CDATA[<cdata> & ]]>&amp;&#x41;&lt;</x:t></x:is></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
	sst := `<?xml version="1.0"?><sst ` + nsMain + `><si><t>plain</t><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>` +
		`<si><r><t>run one</t></r><r><rPr><i/></rPr><t xml:space="preserve"> run two</t></r></si></sst>`
	data := handWorkbook(t, sheet, sst, "")
	got, _ := ourRows(t, data)
	sameRows(t, "hand-written", got, excelizeRows(t, data))
	want := [][]string{
		{" inline ", "plain", "run one run two"},
		{"2", "#N/A", "", "1", "1.5"},
		nil, nil,
		{"", "", "rich inline"},
		nil,
		{"", "<cdata> & &A<"},
	}
	if !reflect.DeepEqual(got["Data"], want) {
		t.Errorf("got %q\nwant %q", got["Data"], want)
	}
}

// TestRowsReadSheetDataOnly: elements named row and c elsewhere, as an
// extension may hold, are not cells (excelize reads them as cells).
func TestRowsReadSheetDataOnly(t *testing.T) {
	sheet := goodSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`)
	sheet = strings.Replace(sheet, "</worksheet>", `<extLst><ext><row r="9"><c r="A9"><v>not a cell</v></c></row></ext></extLst></worksheet>`, 1)
	got, _ := ourRows(t, handWorkbook(t, sheet, goodSST, ""))
	if want := [][]string{{"1"}}; !reflect.DeepEqual(got["Data"], want) {
		t.Errorf("got %q, want %q", got["Data"], want)
	}
}

// TestWrittenTextReadsBack writes awkward text with Workbook and reads it
// with both readers: what XML cannot hold becomes U+FFFD, the rest comes
// back as written.
func TestWrittenTextReadsBack(t *testing.T) {
	texts := []string{
		"plain", " lead", "trail ", "\ttab", "cr\rlf\r\n", "_x0041_", "_x005F_x0041_", "__x12345_", "a_xZZZZ_b",
		"nul\x00byte", "esc\x1b[31m", "bad utf8 \xff\xfe", "\uFFFE\uFFFF", "🙂 astral", "<&>\"'", "]]>",
		strings.Repeat("é", 40000), strings.Repeat("🙂", 20000),
	}
	w := xlsx.New()
	w.AddSheet("Text")
	for i, s := range texts {
		w.SetString("Text", 1, i+1, s)
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, _ := ourRows(t, buf.Bytes())
	sameRows(t, "written text", got, excelizeRows(t, buf.Bytes()))
	for i, s := range texts {
		want := xmlSafe(s)
		if n := len(utf16Units(want)); n > 32767 {
			want = cutUnits(want, 32767)
		}
		if g := got["Text"][i][0]; g != want {
			t.Errorf("%q (%d bytes) came back as %q (%d bytes)", short(s), len(s), short(g), len(g))
		}
	}
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// xmlSafe is s with each byte that is not UTF-8, and each character XML
// cannot hold, replaced by U+FFFD.
func xmlSafe(s string) string {
	var b strings.Builder
	for _, r := range s { // ranging gives U+FFFD for each bad byte
		if !(r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000) {
			r = 0xFFFD
		}
		b.WriteRune(r)
	}
	return b.String()
}

func utf16Units(s string) []int {
	var out []int
	for _, r := range s {
		out = append(out, 1)
		if r >= 0x10000 {
			out = append(out, 1)
		}
	}
	return out
}

func cutUnits(s string, n int) string {
	units := 0
	for i, r := range s {
		u := 1
		if r >= 0x10000 {
			u = 2
		}
		if units+u > n {
			return s[:i]
		}
		units += u
	}
	return s
}

// TestDatesAsExcelize converts serial numbers in both date systems as
// excelize does, across the 1900 leap-year bug, and writes dates as it
// does.
func TestDatesAsExcelize(t *testing.T) {
	serials := []float64{0, 0.5, 1, 1.25, 59, 59.999, 60, 60.5, 61, 61.75, 62, 1000.1234567, 36526, 45000.999999, 46689, 2958465}
	for i := 0; i < 2000; i++ {
		serials = append(serials, float64(i)*1471.3331+math.Mod(float64(i)*0.37, 1))
	}
	for _, date1904 := range []bool{false, true} {
		for _, s := range serials {
			got, err := xlsx.Time(s, date1904)
			want, err2 := excelize.ExcelDateToTime(s, date1904)
			if s > 2958465 {
				if err == nil {
					t.Errorf("%v: a serial beyond 9999-12-31 gave %v", s, got)
				}
				continue
			}
			if err != nil || err2 != nil || !got.Equal(want) {
				t.Errorf("serial %v (1904 %v): ours %v %v, excelize %v %v", s, date1904, got, err, want, err2)
			}
		}
	}
	if _, err := xlsx.Time(-1, false); err == nil {
		t.Error("a negative serial is a date")
	}
	if _, err := xlsx.Time(math.NaN(), false); err == nil {
		t.Error("NaN is a date")
	}
	// Writing: the serial excelize writes for the same time.
	f := excelize.NewFile()
	w := xlsx.New()
	w.AddSheet("Sheet1")
	times := []time.Time{
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1900, 2, 28, 12, 0, 0, 0, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 10, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 23, 16, 45, 0, 0, time.FixedZone("CET", 3600)), time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	for i, tm := range times {
		ref := xlsx.CellRef(1, i+1)
		if err := f.SetCellValue("Sheet1", ref, tm); err != nil {
			t.Fatal(err)
		}
		w.SetTime("Sheet1", 1, i+1, tm)
	}
	var ours, ref bytes.Buffer
	if _, err := w.WriteTo(&ours); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteTo(&ref); err != nil {
		t.Fatal(err)
	}
	got, _ := ourRows(t, ours.Bytes())
	sameRows(t, "dates", got, excelizeRows(t, ref.Bytes()))
}
