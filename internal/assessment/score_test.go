package assessment

import (
	"math"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

func mini(t *testing.T) *questionnaire.Questionnaire {
	qn, err := miniLookup(t)("mini")
	if err != nil {
		t.Fatal(err)
	}
	return qn
}

func TestEvaluateWeightsBySeverityAndGap(t *testing.T) {
	qn := mini(t)
	a := New("x", "mini", t0)
	a.Scope.SetFact("has_offices", true)
	a.SetAnswer("access.sso", Answer{Value: Partial}, t0)                 // high: 3 × 0.5
	a.SetAnswer("access.mfa", Answer{Value: Yes}, t0)                     // critical: 4 × 1
	a.SetAnswer("access.offboarding", Answer{Value: NA, Note: "n/a"}, t0) // excluded
	ev := Evaluate(qn, a)
	if ev.Overall.Applicable != 3 || ev.Overall.Answered != 3 || ev.Overall.Scored != 2 {
		t.Fatalf("counts: %+v", ev.Overall)
	}
	want := (3*0.5 + 4*1.0) / 7
	if math.Abs(ev.Overall.Readiness-want) > 1e-9 {
		t.Fatalf("readiness = %v, want %v", ev.Overall.Readiness, want)
	}
	if len(ev.Categories) != 1 || ev.Categories[0].Category != questionnaire.Security {
		t.Fatalf("privacy not selected, but categories = %+v", ev.Categories)
	}
	if ev.GapsBySeverity[questionnaire.High] != 1 || ev.GapsBySeverity[questionnaire.Critical] != 0 {
		t.Fatalf("gaps: %v", ev.GapsBySeverity)
	}
}

func TestEvaluateUnknownIsAGapAndListed(t *testing.T) {
	qn := mini(t)
	a := New("x", "mini", t0)
	a.SetAnswer("access.mfa", Answer{Value: Unknown, Flagged: true}, t0)
	ev := Evaluate(qn, a)
	if ev.Overall.Readiness != 0 || len(ev.Unknown) != 1 || len(ev.Flagged) != 1 || len(ev.CommonFindings) != 1 {
		t.Fatalf("unknown must count as a full gap and be listed: %+v", ev)
	}
}

func TestApplicableFollowsCategoriesAndFacts(t *testing.T) {
	qn := mini(t)
	a := New("x", "mini", t0)
	if n := len(a.Applicable(qn)); n != 3 {
		t.Fatalf("security only: %d questions, want 3", n)
	}
	a.SetCategories([]questionnaire.Category{questionnaire.Privacy})
	if n := len(a.Applicable(qn)); n != 4 {
		t.Fatalf("with privacy: %d, want 4", n)
	}
	a.Scope.DataTypes = []DataType{CustomerContent}
	if n := len(a.Applicable(qn)); n != 3 {
		t.Fatalf("no personal data: %d, want 3 (privacy.notice hidden)", n)
	}
	a.Scope.SetFact("has_offices", false)
	a.Scope.SetFact("own_hardware", true)
	if n := len(a.Applicable(qn)); n != 2 {
		t.Fatalf("no offices, own hardware: %d, want 2", n)
	}
}

func TestSetCategoriesKeepsSecurity(t *testing.T) {
	a := New("x", "mini", t0)
	a.SetCategories([]questionnaire.Category{questionnaire.Privacy, questionnaire.Availability, questionnaire.Privacy})
	want := []questionnaire.Category{questionnaire.Security, questionnaire.Availability, questionnaire.Privacy}
	if len(a.Categories) != len(want) {
		t.Fatalf("got %v", a.Categories)
	}
	for i := range want {
		if a.Categories[i] != want[i] {
			t.Fatalf("got %v, want %v", a.Categories, want)
		}
	}
}

// TestAuditableTodayCountsOnlyYes checks "auditable today" against shares
// worked out by hand: severity weights critical 4, high 3, and only "yes"
// credited, where "controls in place" credits no-evidence at 75%.
func TestAuditableTodayCountsOnlyYes(t *testing.T) {
	qn := mini(t)
	a := New("x", "mini", t0)
	a.Scope.SetFact("has_offices", true)
	a.SetAnswer("access.sso", Answer{Value: NoEvidence}, t0)      // high 3: in place 2.25, auditable 0
	a.SetAnswer("access.mfa", Answer{Value: Yes}, t0)             // critical 4: 4 and 4
	a.SetAnswer("access.offboarding", Answer{Value: Partial}, t0) // critical 4: 2 and 0
	ev := Evaluate(qn, a)
	// In place: (2.25 + 4 + 2) / 11 = 0.75; auditable: 4 / 11 = 0.363636...
	if got := ev.Overall.Readiness; math.Abs(got-0.75) > 1e-9 {
		t.Errorf("controls in place = %v, want 0.75", got)
	}
	if got := ev.Overall.Auditable; math.Abs(got-4.0/11) > 1e-9 {
		t.Errorf("auditable today = %v, want 4/11", got)
	}
	sum := ev.Summarize()
	if math.Abs(sum.Auditable-4.0/11) > 1e-9 || math.Abs(sum.Readiness-0.75) > 1e-9 {
		t.Errorf("summary = %+v, want readiness 0.75, auditable 4/11", sum)
	}
	// Nothing with evidence: 0, however much is in place.
	a.SetAnswer("access.mfa", Answer{Value: NoEvidence}, t0)
	if got := Evaluate(qn, a).Overall.Auditable; got != 0 {
		t.Errorf("auditable with no yes = %v, want 0", got)
	}
}
