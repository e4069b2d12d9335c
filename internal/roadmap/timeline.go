package roadmap

import (
	"math"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// FieldworkWeeks is the auditor's fieldwork and report drafting after
// readiness (Type I) or after the window closes (Type II): 4–6 weeks in the
// sources of soc2-facts.md §4.3; the upper end, since a first audit is slow.
const FieldworkWeeks = 6

// Timeline estimates how long the plan takes and when reports can follow.
type Timeline struct {
	// Capacity is the people (full-time equivalents) working on remediation.
	Capacity float64
	// WorkWeeks is the person-weeks of all items.
	WorkWeeks float64
	// ReadinessWeeks is the calendar weeks to Type I readiness: the work
	// spread over the capacity, but never less than the longest chain of
	// items that must be done one after another. At least 1 when there are
	// items, 0 when there are none.
	ReadinessWeeks int
	Type           assessment.ReportType
	WindowMonths   int
	FieldworkWeeks int
	// ReportWeeks is the calendar weeks to the earliest report: readiness,
	// then for Type II the observation window, then fieldwork.
	ReportWeeks int
	// Start, Ready, WindowEnd and Report are dates, set only when the
	// assessment has a start date; WindowEnd only for Type II.
	Start, Ready, WindowEnd, Report *time.Time
}

// WindowWeeks is the observation window in whole weeks, rounded up.
func (t Timeline) WindowWeeks() int { return windowWeeks(t.WindowMonths) }

func windowWeeks(months int) int { return (months*52 + 11) / 12 }

// buildTimeline estimates the timeline of a plan whose items take chain
// person-weeks along their longest dependency chain.
func buildTimeline(a *assessment.Assessment, items []Item, chain float64) Timeline {
	t := Timeline{
		Capacity:       a.Scope.EffectiveCapacity(),
		Type:           a.Target.Type,
		FieldworkWeeks: FieldworkWeeks,
	}
	if t.Type == assessment.TypeII {
		t.WindowMonths = a.Target.WindowMonths
	}
	for _, it := range items {
		t.WorkWeeks += it.Weeks
	}
	if len(items) > 0 {
		t.ReadinessWeeks = max(1, ceilWeeks(t.WorkWeeks/t.Capacity), ceilWeeks(chain))
	}
	t.ReportWeeks = t.ReadinessWeeks + t.FieldworkWeeks
	if t.Type == assessment.TypeII {
		t.ReportWeeks += t.WindowWeeks()
	}
	t.setDates(a.Target.StartDate)
	return t
}

// ceilWeeks rounds up, forgiving the float noise of sums like 0.1+0.2 so an
// exact number of weeks is not counted as one more.
func ceilWeeks(w float64) int {
	return int(math.Ceil(w - 1e-9))
}

func (t *Timeline) setDates(startDate string) {
	if startDate == "" {
		return
	}
	start, err := time.Parse(assessment.DateLayout, startDate)
	if err != nil {
		return // a target's dates are checked on input; a bad one gives weeks only
	}
	weeksAfter := func(from time.Time, weeks int) *time.Time {
		d := from.AddDate(0, 0, 7*weeks)
		return &d
	}
	t.Start = &start
	t.Ready = weeksAfter(start, t.ReadinessWeeks)
	if t.Type == assessment.TypeII {
		t.WindowEnd = weeksAfter(*t.Ready, t.WindowWeeks())
	}
	t.Report = weeksAfter(start, t.ReportWeeks)
}
