package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/report"
)

// C2: importing start_date 2019-01-07 gave "Earliest Type II report: …
// (2019-09-09)", years in the past, with no word about it. A start before
// the day the report is made is allowed (work may have started), and the
// dates already past are named.
func TestPastStartIsSaid(t *testing.T) {
	qn := testQuestionnaire(t)
	a := loadFixture(t, qn, "seriesb")
	a.Target.StartDate = "2019-01-07"
	now := time.Date(2026, 12, 5, 17, 0, 0, 0, time.UTC)
	in := report.NewInput(qn, a, now)
	var md bytes.Buffer
	if err := report.Markdown(&md, in); err != nil {
		t.Fatal(err)
	}
	want := "remediation starts on 2019-01-07, before today (2026-12-05)"
	if !strings.Contains(md.String(), "**Start in the past:** "+want) || !strings.Contains(md.String(), "already past:") {
		t.Errorf("the Markdown does not say the start is past:\n%s", md.String()[:min(md.Len(), 3000)])
	}
	var html bytes.Buffer
	if err := report.HTML(&html, in); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), want) {
		t.Error("the HTML report does not say the start is past")
	}

	// The day after the start is not before it; a start today is not past.
	a.Target.StartDate = "2026-12-05"
	for _, f := range report.TimelineFactsOn(a, in.Evaluation, report.NewInput(qn, a, now).Plan, now) {
		if f.Label == "Start in the past" {
			t.Errorf("a start today is called past: %s", f.Text)
		}
	}
}
