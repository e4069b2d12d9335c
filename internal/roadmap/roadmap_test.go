package roadmap_test

import (
	"reflect"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

const (
	critical = questionnaire.Critical
	high     = questionnaire.High
	medium   = questionnaire.Medium
	low      = questionnaire.Low
)

func TestItemsAreExactlyTheApplicableGaps(t *testing.T) {
	qn := load(t,
		spec{id: "a.yes"}, spec{id: "a.no"}, spec{id: "a.partial"}, spec{id: "a.noevidence"},
		spec{id: "a.unknown"}, spec{id: "a.na"}, spec{id: "a.unanswered"},
		spec{id: "a.privacy", category: questionnaire.Privacy},
		spec{id: "a.offices", appliesIf: "has_offices"},
	)
	a := newAssessment(map[string]assessment.Value{
		"a.yes": assessment.Yes, "a.no": assessment.No, "a.partial": assessment.Partial,
		"a.noevidence": assessment.NoEvidence, "a.unknown": assessment.Unknown, "a.na": assessment.NA,
		"a.privacy": assessment.No, "a.offices": assessment.No,
	})
	a.Scope.SetFact("has_offices", false)

	got := itemIDs(roadmap.Build(qn, a).Items)
	want := []string{"a.no", "a.unknown", "a.partial", "a.noevidence"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items = %v, want %v (Privacy not selected, has_offices false)", got, want)
	}

	a.SetCategories([]questionnaire.Category{questionnaire.Privacy})
	a.Scope.SetFact("has_offices", true)
	got = itemIDs(roadmap.Build(qn, a).Items)
	if len(got) != 6 {
		t.Errorf("with Privacy selected and offices, items = %v, want 6", got)
	}
}

func TestBasePriority(t *testing.T) {
	tests := []struct {
		name   string
		q      spec
		value  assessment.Value
		report assessment.ReportType
		want   float64
	}{
		{"critical not in place", spec{severity: critical}, assessment.No, assessment.TypeI, 4},
		{"high partial common finding", spec{severity: high, common: true}, assessment.Partial, assessment.TypeI, 3 * 0.5 * 1.5},
		{"medium no evidence", spec{severity: medium}, assessment.NoEvidence, assessment.TypeI, 0.5},
		{"low unknown", spec{severity: low}, assessment.Unknown, assessment.TypeI, 1},
		{"periodic under Type I", spec{severity: high, evidence: questionnaire.Periodic}, assessment.No, assessment.TypeI, 3},
		// Under Type II a setting must hold for the whole window as a
		// recurring control must run in it: the kind of evidence adds nothing.
		{"periodic under Type II", spec{severity: high, evidence: questionnaire.Periodic}, assessment.No, assessment.TypeII, 3},
		{"config under Type II", spec{severity: high, evidence: questionnaire.Config}, assessment.No, assessment.TypeII, 3},
		{"everything", spec{severity: critical, evidence: questionnaire.Event, common: true}, assessment.No, assessment.TypeII, 4 * 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.id = "x.q"
			qn := load(t, tt.q)
			a := newAssessment(map[string]assessment.Value{"x.q": tt.value})
			a.Target = assessment.Target{Type: tt.report, WindowMonths: windowFor(tt.report)}
			p := roadmap.Build(qn, a)
			if len(p.Items) != 1 || p.Items[0].Priority != tt.want {
				t.Fatalf("priority = %v, want %v", p.Items, tt.want)
			}
		})
	}
}

func windowFor(r assessment.ReportType) int {
	if r == assessment.TypeII {
		return 6
	}
	return 0
}

func TestDependencyRaisesPriorityTransitively(t *testing.T) {
	qn := load(t,
		spec{id: "a.base", severity: low, effort: questionnaire.EffortL},
		spec{id: "a.middle", severity: low, deps: []string{"a.base"}},
		spec{id: "a.top", severity: critical, deps: []string{"a.middle"}},
		spec{id: "a.other", severity: high},
	)
	a := newAssessment(map[string]assessment.Value{
		"a.base": assessment.No, "a.middle": assessment.No, "a.top": assessment.No, "a.other": assessment.No,
	})
	p := roadmap.Build(qn, a)
	byID := map[string]roadmap.Item{}
	for _, it := range p.Items {
		byID[it.ID()] = it
	}
	for id, by := range map[string]string{"a.base": "a.middle", "a.middle": "a.top"} {
		if got := byID[id].Priority; got != 4 {
			t.Errorf("%s priority = %v, want 4 (raised to a.top's)", id, got)
		}
		want := "Low, not in place; 1 item waits for it; raised: Control a.top waits for it; in Now: Control " + by + " needs it first"
		if byID[id].Rationale != want {
			t.Errorf("%s rationale = %q, want %q", id, byID[id].Rationale, want)
		}
		if byID[id].Phase != roadmap.Now || byID[id].Reason != roadmap.Foundation {
			t.Errorf("%s in %v for %q, want Now as a foundation", id, byID[id].Phase, byID[id].Reason)
		}
	}
	if got, want := itemIDs(p.Items), []string{"a.base", "a.middle", "a.top", "a.other"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	if got := byID["a.top"].DependsOn; !reflect.DeepEqual(got, []string{"a.middle"}) {
		t.Errorf("a.top depends on %v", got)
	}
	if got := byID["a.base"].Blocks; !reflect.DeepEqual(got, []string{"a.middle"}) {
		t.Errorf("a.base blocks %v", got)
	}
}

func TestDependenciesOnNonItemsAreIgnored(t *testing.T) {
	qn := load(t,
		spec{id: "d.yes"}, spec{id: "d.na"}, spec{id: "d.unanswered"},
		spec{id: "d.offices", appliesIf: "has_offices"},
		spec{id: "d.item", severity: low, deps: []string{"d.yes", "d.na", "d.unanswered", "d.offices"}},
	)
	a := newAssessment(map[string]assessment.Value{
		"d.yes": assessment.Yes, "d.na": assessment.NA, "d.offices": assessment.No, "d.item": assessment.No,
	})
	a.Scope.SetFact("has_offices", false)
	p := roadmap.Build(qn, a)
	if len(p.Items) != 1 || len(p.Items[0].DependsOn) != 0 || p.Items[0].Phase != roadmap.Next {
		t.Fatalf("items = %+v, want d.item alone, without dependencies, in Next", p.Items)
	}
}

func TestNowReasons(t *testing.T) {
	tests := []struct {
		name   string
		q      spec
		value  assessment.Value
		report assessment.ReportType
		phase  roadmap.Phase
		reason roadmap.Reason
	}{
		{"critical quick win", spec{severity: critical, effort: questionnaire.EffortS}, assessment.No, assessment.TypeI, roadmap.Now, roadmap.QuickWin},
		{"high quick win", spec{severity: high, effort: questionnaire.EffortS}, assessment.Partial, assessment.TypeI, roadmap.Now, roadmap.QuickWin},
		{"medium small effort", spec{severity: medium, effort: questionnaire.EffortS}, assessment.No, assessment.TypeI, roadmap.Next, ""},
		{"critical but not quick", spec{severity: critical, effort: questionnaire.EffortL}, assessment.No, assessment.TypeI, roadmap.Now, roadmap.Finding},
		{"common finding", spec{severity: medium, effort: questionnaire.EffortM, common: true}, assessment.Unknown, assessment.TypeI, roadmap.Now, roadmap.Finding},
		{"event control under Type II", spec{severity: medium, evidence: questionnaire.Event}, assessment.No, assessment.TypeII, roadmap.Next, ""},
		{"periodic control under Type II", spec{severity: low, evidence: questionnaire.Periodic}, assessment.NoEvidence, assessment.TypeII, roadmap.Next, ""},
		{"high config control", spec{severity: high}, assessment.Partial, assessment.TypeII, roadmap.Next, ""},
		{"low severity", spec{severity: low}, assessment.No, assessment.TypeI, roadmap.Next, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.id = "x.q"
			qn := load(t, tt.q)
			a := newAssessment(map[string]assessment.Value{"x.q": tt.value})
			a.Target = assessment.Target{Type: tt.report, WindowMonths: windowFor(tt.report)}
			it := roadmap.Build(qn, a).Items[0]
			if it.Phase != tt.phase || it.Reason != tt.reason {
				t.Errorf("phase %v for %q, want %v for %q", it.Phase, it.Reason, tt.phase, tt.reason)
			}
		})
	}
}

func TestFoundationsComeFirst(t *testing.T) {
	// A low-severity policy that a critical control waits for is a
	// foundation: it goes to Now, ahead of the control, whatever its own
	// phase would have been.
	qn := load(t,
		spec{id: "f.quick", severity: critical, effort: questionnaire.EffortS},
		spec{id: "f.control", severity: critical, effort: questionnaire.EffortL, deps: []string{"f.policy"}},
		spec{id: "f.policy", severity: low},
	)
	a := newAssessment(map[string]assessment.Value{
		"f.quick": assessment.No, "f.control": assessment.No, "f.policy": assessment.NoEvidence,
	})
	p := roadmap.Build(qn, a)
	if got := itemIDs(p.Phase(roadmap.Now)); !reflect.DeepEqual(got, []string{"f.quick", "f.policy", "f.control"}) {
		t.Errorf("Now = %v, want [f.quick f.policy f.control]: equal priority, dependencies first", got)
	}
	if got := len(p.Phase(roadmap.Next)); got != 0 {
		t.Errorf("Next has %d items, want 0", got)
	}
}

func TestOrderWithinPhase(t *testing.T) {
	// o.d, critical, is the only Now item. In Next o.a, o.b and o.c share
	// o.c's priority (3): the dependencies come first by depth although
	// o.c is first in the questionnaire; then o.e (2).
	qn := load(t,
		spec{id: "o.c", severity: high, deps: []string{"o.b"}},
		spec{id: "o.a", severity: high},
		spec{id: "o.b", severity: high, deps: []string{"o.a"}},
		spec{id: "o.d", severity: critical},
		spec{id: "o.e", severity: medium},
	)
	a := newAssessment(map[string]assessment.Value{
		"o.a": assessment.No, "o.b": assessment.No, "o.c": assessment.No, "o.d": assessment.No, "o.e": assessment.No,
	})
	p := roadmap.Build(qn, a)
	if got, want := itemIDs(p.Items), []string{"o.d", "o.a", "o.b", "o.c", "o.e"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}

func TestRationale(t *testing.T) {
	qn := load(t,
		spec{id: "r.reviews", severity: critical, effort: questionnaire.EffortS, evidence: questionnaire.Event, common: true},
		spec{id: "r.one", deps: []string{"r.reviews"}},
		spec{id: "r.two", deps: []string{"r.reviews"}},
		spec{id: "r.three", deps: []string{"r.reviews"}},
		spec{id: "r.policy", severity: high, evidence: questionnaire.Periodic},
	)
	a := newAssessment(map[string]assessment.Value{
		"r.reviews": assessment.No, "r.one": assessment.Partial, "r.two": assessment.Unknown,
		"r.three": assessment.NoEvidence, "r.policy": assessment.Unknown,
	})
	a.Target = assessment.Target{Type: assessment.TypeII, WindowMonths: 3}
	want := map[string]string{
		"r.reviews": "Critical, not in place; a common audit finding; quick win; 3 items wait for it",
		"r.one":     "Medium, partly in place",
		"r.two":     "Medium, unknown: confirm first",
		"r.three":   "Medium, in place but no evidence",
		"r.policy":  "High, unknown: confirm first",
	}
	p := roadmap.Build(qn, a)
	for _, it := range p.Items {
		if it.Rationale != want[it.ID()] {
			t.Errorf("%s rationale = %q, want %q", it.ID(), it.Rationale, want[it.ID()])
		}
	}
	if got := itemIDs(p.ToConfirm); !reflect.DeepEqual(got, []string{"r.two", "r.policy"}) {
		t.Errorf("ToConfirm = %v, want questionnaire order [r.two r.policy]", got)
	}
}

func TestFollowUps(t *testing.T) {
	qn := load(t, spec{id: "u.a"}, spec{id: "u.b"}, spec{id: "u.c", category: questionnaire.Privacy}, spec{id: "u.d"})
	a := newAssessment(nil)
	a.SetAnswer("u.d", assessment.Answer{Value: assessment.Yes, Flagged: true}, testNow)
	a.SetAnswer("u.c", assessment.Answer{Value: assessment.No, Flagged: true}, testNow) // Privacy not selected
	a.SetAnswer("u.b", assessment.Answer{Value: assessment.Partial, Flagged: true}, testNow)
	a.SetAnswer("u.a", assessment.Answer{Value: assessment.No}, testNow)
	p := roadmap.Build(qn, a)
	var got []string
	for _, f := range p.FollowUps {
		got = append(got, f.Question.ID)
	}
	if want := []string{"u.b", "u.d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("follow-ups = %v, want %v", got, want)
	}
}

func TestPhaseTitlesAndSlugs(t *testing.T) {
	seen := map[string]bool{}
	for _, ph := range roadmap.Phases {
		if ph.Title() == "" || ph.Slug() == "" || seen[ph.Slug()] {
			t.Errorf("phase %d: title %q, slug %q", ph, ph.Title(), ph.Slug())
		}
		seen[ph.Slug()] = true
	}
}
