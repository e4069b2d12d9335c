package roadmap_test

import (
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

func TestTimeline(t *testing.T) {
	// Five independent items: S (0.5 week) no, M (2) partial = 1, M no = 2,
	// M no-evidence = 0.5, S unknown = 0.5; total 4.5 person-weeks. The
	// longest single item, 2 weeks, is a chain of its own.
	independent := []spec{
		{id: "t.s", effort: questionnaire.EffortS},
		{id: "t.m", effort: questionnaire.EffortM},
		{id: "t.l", effort: questionnaire.EffortM},
		{id: "t.m2", effort: questionnaire.EffortM},
		{id: "t.s2", effort: questionnaire.EffortS},
	}
	answers := map[string]assessment.Value{
		"t.s": assessment.No, "t.m": assessment.Partial, "t.l": assessment.No,
		"t.m2": assessment.NoEvidence, "t.s2": assessment.Unknown,
	}
	// A chain of three L items: 15 weeks one after another, whatever the capacity.
	chain := []spec{
		{id: "c.one", effort: questionnaire.EffortL},
		{id: "c.two", effort: questionnaire.EffortL, deps: []string{"c.one"}},
		{id: "c.three", effort: questionnaire.EffortL, deps: []string{"c.two"}},
	}
	chainAnswers := map[string]assessment.Value{"c.one": assessment.No, "c.two": assessment.No, "c.three": assessment.No}

	tests := []struct {
		name                string
		specs               []spec
		answers             map[string]assessment.Value
		capacity            float64
		target              assessment.Target
		work                float64
		readiness, report   int
		ready, window, done string // dates; "" when not set
	}{
		{"one person, Type I", independent, answers, 0, assessment.Target{Type: assessment.TypeI},
			4.5, 5, 13, "", "", ""},
		{"two people, Type I", independent, answers, 2, assessment.Target{Type: assessment.TypeI},
			4.5, 3, 11, "", "", ""},
		{"Type II, 3 months", independent, answers, 2, assessment.Target{Type: assessment.TypeII, WindowMonths: 3},
			4.5, 3, 3 + 13 + 8, "", "", ""},
		{"Type II, 6 months with dates", independent, answers, 2.5,
			assessment.Target{Type: assessment.TypeII, WindowMonths: 6, StartDate: "2027-01-04"},
			4.5, 2, 2 + 26 + 8, "2027-01-18", "2027-07-19", "2027-09-13"},
		{"longest item beats capacity", independent, answers, 4, assessment.Target{Type: assessment.TypeII, WindowMonths: 12},
			4.5, 2, 2 + 52 + 8, "", "", ""},
		{"Type I with dates", independent, answers, 1, assessment.Target{Type: assessment.TypeI, StartDate: "2027-03-01"},
			4.5, 5, 13, "2027-04-05", "", "2027-05-31"},
		{"dependency chain beats capacity", chain, chainAnswers, 3, assessment.Target{Type: assessment.TypeI},
			15, 15, 23, "", "", ""},
		{"no items", independent, map[string]assessment.Value{"t.s": assessment.Yes}, 1,
			assessment.Target{Type: assessment.TypeII, WindowMonths: 3, StartDate: "2027-01-04"},
			0, 0, 21, "2027-01-04", "2027-04-05", "2027-05-31"},
		{"small work is at least a week", independent, map[string]assessment.Value{"t.m2": assessment.NoEvidence}, 3,
			assessment.Target{Type: assessment.TypeI}, 0.5, 1, 9, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qn := load(t, tt.specs...)
			a := newAssessment(tt.answers)
			a.Scope.Capacity = tt.capacity
			a.Target = tt.target
			tl := roadmap.Build(qn, a).Timeline
			if tl.WorkWeeks != tt.work || tl.ReadinessWeeks != tt.readiness || tl.ReportWeeks != tt.report {
				t.Errorf("work %v, readiness %d, report %d; want %v, %d, %d",
					tl.WorkWeeks, tl.ReadinessWeeks, tl.ReportWeeks, tt.work, tt.readiness, tt.report)
			}
			if tl.FieldworkWeeks != roadmap.AuditWeeks || tl.Capacity != a.Scope.EffectiveCapacity() || tl.Type != tt.target.Type {
				t.Errorf("fieldwork %d, capacity %v, type %v", tl.FieldworkWeeks, tl.Capacity, tl.Type)
			}
			checkDate(t, "ready", tl.Ready, tt.ready)
			checkDate(t, "window end", tl.WindowEnd, tt.window)
			checkDate(t, "report", tl.Report, tt.done)
			if (tl.Start == nil) != (tt.target.StartDate == "") {
				t.Errorf("start = %v with start date %q", tl.Start, tt.target.StartDate)
			}
		})
	}
}

func checkDate(t *testing.T, what string, got *time.Time, want string) {
	t.Helper()
	switch {
	case got == nil && want != "":
		t.Errorf("%s not set, want %s", what, want)
	case got != nil && got.Format(assessment.DateLayout) != want:
		t.Errorf("%s = %s, want %q", what, got.Format(assessment.DateLayout), want)
	}
}

func TestWindowWeeks(t *testing.T) {
	for months, want := range map[int]int{3: 13, 6: 26, 12: 52, 1: 5} {
		if got := (roadmap.Timeline{WindowMonths: months}).WindowWeeks(); got != want {
			t.Errorf("%d months = %d weeks, want %d", months, got, want)
		}
	}
}

func TestUnknownAnswersGiveARange(t *testing.T) {
	// Two M gaps, one unknown: 4 person-weeks as gaps, 2 if the unknown
	// one turns out to be in place.
	qn := load(t, spec{id: "u.known"}, spec{id: "u.unknown"})
	a := newAssessment(map[string]assessment.Value{"u.known": assessment.No, "u.unknown": assessment.Unknown})
	a.Scope.Capacity = 1
	a.Target.StartDate = "2027-03-01"
	tl := roadmap.Build(qn, a).Timeline
	if tl.ReadinessWeeks != 4 || tl.IfUnknownInPlace == nil || tl.IfUnknownInPlace.ReadinessWeeks != 2 {
		t.Fatalf("readiness %d, if in place %+v; want 4 and 2", tl.ReadinessWeeks, tl.IfUnknownInPlace)
	}
	checkDate(t, "ready if in place", tl.IfUnknownInPlace.Ready, "2027-03-15")
	checkDate(t, "report if in place", tl.IfUnknownInPlace.Report, "2027-05-10")

	a.SetAnswer("u.unknown", assessment.Answer{Value: assessment.Yes}, testNow)
	if r := roadmap.Build(qn, a).Timeline.IfUnknownInPlace; r != nil {
		t.Errorf("no unknown answer, but a range %+v", *r)
	}
}
