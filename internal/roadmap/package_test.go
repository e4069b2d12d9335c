package roadmap_test

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

func TestPackageCostsSetupPlusMarginalShares(t *testing.T) {
	// Three M gaps in "small" (setup 0.5): 6 person-weeks alone, 0.5 + 0.2
	// × 6 = 1.7 together. One S gap in "big" (setup 2): cheaper alone, 0.5.
	// One M gap without a package: 2.
	qn := load(t,
		spec{id: "p.a", pkg: "small"}, spec{id: "p.b", pkg: "small"}, spec{id: "p.c", pkg: "small"},
		spec{id: "p.big", pkg: "big", effort: questionnaire.EffortS},
		spec{id: "p.none"},
	)
	a := newAssessment(map[string]assessment.Value{
		"p.a": assessment.No, "p.b": assessment.No, "p.c": assessment.No, "p.big": assessment.No, "p.none": assessment.No,
	})
	p := roadmap.Build(qn, a)
	tl := p.Timeline
	if math.Abs(tl.WorkWeeks-(1.7+0.5+2)) > 1e-9 || tl.AloneWeeks != 8.5 {
		t.Errorf("work %v, alone %v; want 4.2 and 8.5", tl.WorkWeeks, tl.AloneWeeks)
	}
	byID := map[string]roadmap.Item{}
	for _, it := range p.Items {
		byID[it.ID()] = it
	}
	if got := byID["p.a"].PlannedWeeks; math.Abs(got-0.4) > 1e-9 {
		t.Errorf("p.a planned %v, want 0.4 (0.2 × 2)", got)
	}
	if got := byID["p.big"].PlannedWeeks; got != 0.5 {
		t.Errorf("p.big planned %v, want 0.5 (alone is cheaper than a 2-week setup)", got)
	}
	var got []string
	for _, pk := range p.Packages {
		got = append(got, fmt.Sprintf("%s %v/%v %v", pk.ID, pk.Weeks, pk.AloneWeeks, pk.Items))
	}
	want := []string{"small 1.7000000000000002/6 [p.a p.b p.c]", "big 0.5/0.5 [p.big]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("packages %q, want %q", got, want)
	}
}

func TestLeadTimeMovesDatesNotWork(t *testing.T) {
	// A pen test: half a person-week of work after six weeks of waiting
	// for the vendor. It costs 0.5 person-weeks, takes 7 calendar weeks,
	// and starts in Now for its lead time.
	qn := load(t, spec{id: "l.pentest", severity: medium, effort: questionnaire.EffortS, lead: 6})
	a := newAssessment(map[string]assessment.Value{"l.pentest": assessment.No})
	a.Scope.Capacity = 3
	p := roadmap.Build(qn, a)
	if p.Timeline.WorkWeeks != 0.5 || p.Timeline.ReadinessWeeks != 7 {
		t.Errorf("work %v, readiness %d; want 0.5 and 7", p.Timeline.WorkWeeks, p.Timeline.ReadinessWeeks)
	}
	if it := p.Items[0]; it.Phase != roadmap.Now || it.Reason != roadmap.LongLead {
		t.Errorf("pen test in %v for %q, want Now for its long lead time", it.Phase, it.Reason)
	}
	if want := "Medium, not in place; about 6 weeks of lead time; in Now: start the wait early"; p.Items[0].Rationale != want {
		t.Errorf("rationale %q, want %q", p.Items[0].Rationale, want)
	}
}

func TestNowIsShort(t *testing.T) {
	// Thirty critical quick wins without a package: twelve entries.
	var specs []spec
	answers := map[string]assessment.Value{}
	for i := range 30 {
		id := fmt.Sprintf("n.q%02d", i)
		specs = append(specs, spec{id: id, severity: critical, effort: questionnaire.EffortS})
		answers[id] = assessment.No
	}
	p := roadmap.Build(load(t, specs...), newAssessment(answers))
	if n := len(p.Phase(roadmap.Now)); n != roadmap.MaxNowEntries {
		t.Errorf("Now has %d items, want %d", n, roadmap.MaxNowEntries)
	}
	// The same thirty in one package: one entry, but at most twenty
	// questions.
	for i := range specs {
		specs[i].pkg = "small"
	}
	p = roadmap.Build(load(t, specs...), newAssessment(answers))
	if n, e := len(p.Phase(roadmap.Now)), len(p.Entries(roadmap.Now)); n != roadmap.MaxNowQuestions || e != 1 {
		t.Errorf("Now has %d items in %d entries, want %d in 1", n, e, roadmap.MaxNowQuestions)
	}
	if got := p.Entries(roadmap.Now)[0].Title(); got != "Package small" {
		t.Errorf("entry title %q, want the package's", got)
	}
}

func TestWindowCalendar(t *testing.T) {
	qn := load(t,
		spec{id: "w.reviews", evidence: questionnaire.Periodic, frequency: questionnaire.Quarterly},
		spec{id: "w.scans", evidence: questionnaire.Periodic, frequency: questionnaire.Monthly},
		spec{id: "w.board", evidence: questionnaire.Periodic, frequency: questionnaire.Semiannual},
		spec{id: "w.risk", evidence: questionnaire.Periodic, frequency: questionnaire.Annual},
		spec{id: "w.pentest", evidence: questionnaire.Periodic, frequency: questionnaire.Annual},
		spec{id: "w.tabletop", evidence: questionnaire.Periodic, frequency: questionnaire.Annual},
		spec{id: "w.na", evidence: questionnaire.Periodic, frequency: questionnaire.Annual},
		spec{id: "w.config"},
	)
	a := newAssessment(map[string]assessment.Value{
		"w.reviews": assessment.No, "w.scans": assessment.Yes, "w.board": assessment.Partial,
		"w.risk": assessment.No, "w.pentest": assessment.No, "w.na": assessment.NA, "w.config": assessment.No,
	})
	a.Scope.Capacity = 1
	a.Target = assessment.Target{Type: assessment.TypeII, WindowMonths: 6, StartDate: "2027-01-04"}
	w := roadmap.Build(qn, a).Timeline.Window
	got := map[string][]int{}
	gap := map[string]bool{}
	for _, r := range w.Runs {
		got[r.Question.ID] = r.Months
		gap[r.Question.ID] = r.Gap
	}
	want := map[string][]int{
		"w.reviews": {1, 4}, "w.scans": {1, 2, 3, 4, 5, 6}, "w.board": {1},
		// Three annual runs spread over six months; w.tabletop is
		// unanswered but still due in the window.
		"w.risk": {1}, "w.pentest": {3}, "w.tabletop": {5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("runs %v, want %v", got, want)
	}
	if !gap["w.reviews"] || gap["w.scans"] || gap["w.tabletop"] {
		t.Errorf("gaps %v: only answered gaps are set up before the window", gap)
	}
	// Work: reviews, board, risk, pentest, config = 2 + 1 + 2 + 2 + 2 = 9
	// weeks at capacity 1: the window opens 2027-03-08, ends 26 weeks on.
	checkDate(t, "window start", w.Start, "2027-03-08")
	checkDate(t, "window end", w.End, "2027-09-06")
	checkDate(t, "month 4", w.MonthStart(4), "2027-06-08")
	if got := len(w.RunsIn(1)); got != 4 {
		t.Errorf("%d runs in month 1, want 4 (reviews, scans, board, risk)", got)
	}
	a.Target = assessment.Target{Type: assessment.TypeI}
	if w := roadmap.Build(qn, a).Timeline.Window; w != nil {
		t.Errorf("a Type I plan has a window: %+v", w)
	}
}

func TestLongWaitsStartFirst(t *testing.T) {
	// Twenty-five critical quick wins fill Now; a medium pen test with a
	// six-week lead time still gets in, for its wait.
	specs := []spec{{id: "z.pentest", severity: medium, lead: 6}}
	answers := map[string]assessment.Value{"z.pentest": assessment.No}
	for i := range 25 {
		id := fmt.Sprintf("z.q%02d", i)
		specs = append(specs, spec{id: id, severity: critical, effort: questionnaire.EffortS, pkg: "small"})
		answers[id] = assessment.No
	}
	p := roadmap.Build(load(t, specs...), newAssessment(answers))
	for _, it := range p.Items {
		if it.ID() == "z.pentest" && (it.Phase != roadmap.Now || it.Reason != roadmap.LongLead) {
			t.Errorf("pen test in %v for %q, want Now for its lead time", it.Phase, it.Reason)
		}
	}
	if n := len(p.Phase(roadmap.Now)); n != roadmap.MaxNowQuestions {
		t.Errorf("Now has %d questions, want %d", n, roadmap.MaxNowQuestions)
	}
}
