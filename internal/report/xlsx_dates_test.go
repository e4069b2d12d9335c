package report_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gapmap/gapmap/internal/report"
)

// TestXLSXReads1904Dates: a workbook in the 1904 date system (old Macs)
// stores dates 1,462 days lower; import reads its date and time cells in
// that system.
func TestXLSXReads1904Dates(t *testing.T) {
	qn := testQuestionnaire(t)
	a := loadFixture(t, qn, "seriesb")
	for _, date1904 := range []bool{false, true} {
		f, err := excelize.OpenReader(bytes.NewReader(render(t, report.NewInput(qn, a, generated), writeXLSX)))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Summary")
		for i, r := range rows {
			// Both dates are written in the workbook's system (the start
			// read in the other would be four years later, after the target).
			at := map[string]time.Time{"Target date": time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC), "Remediation start": time.Date(2027, 1, 11, 0, 0, 0, 0, time.UTC)}
			if len(r) == 0 {
				continue
			}
			if d, ok := at[r[0]]; ok {
				if err := f.SetCellValue("Summary", fmt.Sprintf("B%d", i+1), d); err != nil {
					t.Fatal(err)
				}
			}
		}
		updated := time.Date(2027, 1, 5, 9, 30, 0, 0, time.UTC)
		if err := f.SetCellValue("Answers", "N2", updated); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := readXLSX(t, qn, "dates.xlsx", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if back.Target.TargetDate != "2028-02-29" {
			t.Errorf("1904 %v: target date %q, want 2028-02-29", date1904, back.Target.TargetDate)
		}
		id := answersRow(t, qn, a, 0)
		if got := back.Answers[id].UpdatedAt; !got.Equal(updated) {
			t.Errorf("1904 %v: %s updated at %v, want %v", date1904, id, got, updated)
		}
	}
}
