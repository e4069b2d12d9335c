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
		{"periodic under Type II", spec{severity: high, evidence: questionnaire.Periodic}, assessment.No, assessment.TypeII, 3.75},
		{"config under Type II", spec{severity: high, evidence: questionnaire.Config}, assessment.No, assessment.TypeII, 3},
		{"everything", spec{severity: critical, evidence: questionnaire.Event, common: true}, assessment.No, assessment.TypeII, 4 * 1.5 * 1.25},
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
	for _, id := range []string{"a.base", "a.middle"} {
		if got := byID[id].Priority; got != 4 {
			t.Errorf("%s priority = %v, want 4 (raised to a.top's)", id, got)
		}
		if want := "Low, not in place; 1 item waits for it; raised: a.top waits for it"; byID[id].Rationale != want {
			t.Errorf("%s rationale = %q, want %q", id, byID[id].Rationale, want)
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
	if len(p.Items) != 1 || len(p.Items[0].DependsOn) != 0 || p.Items[0].Phase != roadmap.BeforeAudit {
		t.Fatalf("items = %+v, want d.item alone, without dependencies, in BeforeAudit", p.Items)
	}
}

func TestPhases(t *testing.T) {
	tests := []struct {
		name   string
		q      spec
		value  assessment.Value
		report assessment.ReportType
		want   roadmap.Phase
	}{
		{"critical quick win", spec{severity: critical, effort: questionnaire.EffortS}, assessment.No, assessment.TypeI, roadmap.Now},
		{"critical but not quick", spec{severity: critical, effort: questionnaire.EffortM}, assessment.No, assessment.TypeI, roadmap.Next},
		{"event control before a Type II window", spec{severity: medium, evidence: questionnaire.Event}, assessment.No, assessment.TypeII, roadmap.Now},
		{"periodic control before a Type II window", spec{severity: low, evidence: questionnaire.Periodic}, assessment.NoEvidence, assessment.TypeII, roadmap.Now},
		{"event control under Type I", spec{severity: medium, evidence: questionnaire.Event}, assessment.No, assessment.TypeI, roadmap.Next},
		{"config control under Type II", spec{severity: high}, assessment.Partial, assessment.TypeII, roadmap.Next},
		{"low severity", spec{severity: low}, assessment.No, assessment.TypeI, roadmap.BeforeAudit},
		{"evidence housekeeping", spec{severity: high}, assessment.NoEvidence, assessment.TypeI, roadmap.BeforeAudit},
		{"unknown high", spec{severity: high}, assessment.Unknown, assessment.TypeI, roadmap.Next},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.id = "x.q"
			qn := load(t, tt.q)
			a := newAssessment(map[string]assessment.Value{"x.q": tt.value})
			a.Target = assessment.Target{Type: tt.report, WindowMonths: windowFor(tt.report)}
			if got := roadmap.Build(qn, a).Items[0].Phase; got != tt.want {
				t.Errorf("phase = %v, want %v", got, tt.want)
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
	if got := itemIDs(p.Phase(roadmap.Now)); !reflect.DeepEqual(got, []string{"f.quick", "f.policy"}) {
		t.Errorf("Now = %v, want [f.quick f.policy]: equal priority, questionnaire order", got)
	}
	if got := itemIDs(p.Phase(roadmap.Next)); !reflect.DeepEqual(got, []string{"f.control"}) {
		t.Errorf("Next = %v, want [f.control]", got)
	}
	if got := len(p.Phase(roadmap.BeforeAudit)); got != 0 {
		t.Errorf("BeforeAudit has %d items, want 0", got)
	}
}

func TestOrderWithinPhase(t *testing.T) {
	// o.a and o.b are foundations (Now) with equal priority: the dependency
	// comes first by depth although it is later in the questionnaire. Next
	// runs by priority: o.d (4), o.c (3), o.e (2).
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
	if got, want := itemIDs(p.Items), []string{"o.a", "o.b", "o.d", "o.c", "o.e"}; !reflect.DeepEqual(got, want) {
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
		"r.reviews": "Critical, not in place; a common audit finding; needs records from the first day of the Type II window; quick win; 3 items wait for it",
		"r.one":     "Medium, partly in place",
		"r.two":     "Medium, unknown: confirm first",
		"r.three":   "Medium, in place but no evidence",
		"r.policy":  "High, unknown: confirm first; needs a completed cycle inside the Type II window",
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
	if roadmap.BeforeAudit.Slug() != "before-audit" {
		t.Errorf("BeforeAudit slug = %q", roadmap.BeforeAudit.Slug())
	}
}
