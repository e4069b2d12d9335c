package report_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/report"
)

// auditableByHand is "auditable today" for each sample assessment, worked
// out by hand from testdata/questionnaire.yaml and the fixtures: the
// severity weights (critical 4, high 3, medium 2, low 1) of the answers
// "yes" over those of every scored answer (not "na", not unanswered).
var auditableByHand = []struct {
	fixture   string
	share     float64 // rounded to four decimals, as JSON writes it
	percent   string
	leadsWith string // the figure the Markdown summary shows first
}{
	// 23 scored answers weighing 68; the "yes" answers weigh 3: 3/68.
	{"preseed", 0.0441, "4%", "Controls in place"},
	// Type II. 31 scored answers weighing 85; "yes" weighs 32: 32/85.
	{"seriesb", 0.3765, "38%", "Auditable today"},
	// 37 scored answers weighing 101; "yes" weighs 62: 62/101.
	{"privacy", 0.6139, "61%", "Controls in place"},
}

func TestAuditableTodayByHand(t *testing.T) {
	qn := testQuestionnaire(t)
	for _, c := range auditableByHand {
		t.Run(c.fixture, func(t *testing.T) {
			in := report.NewInput(qn, loadFixture(t, qn, c.fixture), generated)
			md := string(render(t, in, formats[0].write))
			if !strings.Contains(md, "- **Auditable today:** "+c.percent+",") {
				t.Errorf("Markdown summary lacks auditable today %s", c.percent)
			}
			summary := md[strings.Index(md, "## Summary"):]
			if !strings.HasPrefix(summary, "## Summary\n\n- **"+c.leadsWith+":**") {
				t.Errorf("summary does not lead with %s:\n%.200s", c.leadsWith, summary)
			}
			var doc struct {
				Summary struct {
					Overall struct {
						Auditable *float64 `json:"auditable_today"`
					}
				}
			}
			if err := json.Unmarshal(render(t, in, formats[1].write), &doc); err != nil {
				t.Fatal(err)
			}
			if got := doc.Summary.Overall.Auditable; got == nil || *got != c.share {
				t.Errorf("JSON auditable_today = %v, want %v", got, c.share)
			}
		})
	}
}

// TestCompareShowsAuditableToday: the comparison starts from seriesb, whose
// auditable today is 32/85 (38%), and leads with it under Type II.
func TestCompareShowsAuditableToday(t *testing.T) {
	in := compareInput(t)
	md := string(renderCompare(t, in, compareFormats[0].write))
	if !strings.Contains(md, "## Summary\n\n- **Auditable today:** 38% → ") {
		t.Errorf("comparison summary does not lead with auditable today from 38%%:\n%s", md[:min(len(md), 800)])
	}
	var doc struct {
		Overall struct {
			Old struct {
				Auditable *float64 `json:"auditable_today"`
			}
		}
	}
	if err := json.Unmarshal(renderCompare(t, in, compareFormats[1].write), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Overall.Old.Auditable; got == nil || *got != 0.3765 {
		t.Errorf("compare JSON old auditable_today = %v, want 0.3765", got)
	}
}

func TestWindowMonths(t *testing.T) {
	for want, months := range map[string][]int{
		"month 3": {3}, "months 1 and 4": {1, 4}, "months 1, 2, 3 and 4": {1, 2, 3, 4},
	} {
		if got := report.WindowMonths(months); got != want {
			t.Errorf("WindowMonths(%v) = %q, want %q", months, got, want)
		}
	}
}

// TestRecurringItemsSayWhenTheyRun: under Type II a recurring gap is set
// up before the window and its plan details name the months it runs in;
// seriesb's quarterly access reviews run in months 1 and 4 of its 6-month
// window.
func TestRecurringItemsSayWhenTheyRun(t *testing.T) {
	qn := testQuestionnaire(t)
	md := string(render(t, report.NewInput(qn, loadFixture(t, qn, "seriesb"), generated), formats[0].write))
	_, details, _ := strings.Cut(md, "## Appendix: plan details\n")
	_, item, _ := strings.Cut(details, "\n- **Reviews**: ")
	item, _, _ = strings.Cut(item, "\n- ")
	if !strings.Contains(item, "set up before the window, runs in months 1 and 4") {
		t.Errorf("the access reviews item does not say when they run:\n%s", item)
	}
}
