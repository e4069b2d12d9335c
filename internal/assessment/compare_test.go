package assessment

import (
	"math"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// pair returns two assessments of the mini questionnaire with the given
// answers; "" leaves a question unanswered.
func pair(t *testing.T, old, new map[string]Value) (*questionnaire.Questionnaire, *Assessment, *Assessment) {
	t.Helper()
	build := func(name string, vals map[string]Value) *Assessment {
		a := New(name, "mini", t0)
		for id, v := range vals {
			ans := Answer{Value: v}
			if v == NA {
				ans.Note = "does not apply"
			}
			a.SetAnswer(id, ans, t0)
		}
		return a
	}
	return mini(t), build("Q1", old), build("Q2", new)
}

func kinds(c Comparison) map[string]ChangeKind {
	out := map[string]ChangeKind{}
	for _, ch := range c.Changes {
		out[ch.Question.ID] = ch.Kind
	}
	return out
}

func TestCompareClassifiesByGapWeight(t *testing.T) {
	tests := []struct {
		name     string
		old, new Value // "" is unanswered
		want     ChangeKind
	}{
		{"closed", No, Yes, Improved},
		{"partly closed", Partial, NoEvidence, Improved},
		{"unknown confirmed as partial", Unknown, Partial, Improved},
		{"regressed", Yes, Partial, Regressed},
		{"evidence lost", NoEvidence, No, Regressed},
		{"same weight, no to unknown", No, Unknown, OtherChange},
		{"to n/a", Partial, NA, OtherChange},
		{"from n/a", NA, No, OtherChange},
		{"answered for the first time", "", Yes, OtherChange},
		{"answer removed", No, "", OtherChange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := map[string]Value{}, map[string]Value{}
			if tt.old != "" {
				old["access.sso"] = tt.old
			}
			if tt.new != "" {
				new["access.sso"] = tt.new
			}
			qn, a, b := pair(t, old, new)
			c := Compare(qn, a, b)
			if len(c.Changes) != 1 || c.Changes[0].Kind != tt.want {
				t.Fatalf("changes = %v, want access.sso %s", kinds(c), tt.want)
			}
			ch := c.Changes[0]
			if ch.OldAnswered != (tt.old != "") || ch.NewAnswered != (tt.new != "") || ch.Old.Value != tt.old || ch.New.Value != tt.new {
				t.Fatalf("change carries the wrong answers: %+v", ch)
			}
		})
	}
}

func TestCompareListsOnlyChangedAnswersInQuestionnaireOrder(t *testing.T) {
	qn, a, b := pair(t,
		map[string]Value{"access.sso": Partial, "access.mfa": No, "access.offboarding": Yes},
		map[string]Value{"access.sso": Yes, "access.mfa": No, "access.offboarding": Partial})
	// A new note on the same answer is not a change of answer.
	mfa := b.Answers["access.mfa"]
	mfa.Note, mfa.Owner = "rolled out to half the team", "Dana"
	b.Answers["access.mfa"] = mfa

	c := Compare(qn, a, b)
	var ids []string
	for _, ch := range c.Changes {
		ids = append(ids, ch.Question.ID)
	}
	if len(ids) != 2 || ids[0] != "access.sso" || ids[1] != "access.offboarding" {
		t.Fatalf("changes = %v, want [access.sso access.offboarding]", ids)
	}
	if got := c.Of(Improved); len(got) != 1 || got[0].Question.ID != "access.sso" {
		t.Errorf("improved = %+v", got)
	}
	if got := c.Of(Regressed); len(got) != 1 || got[0].Question.ID != "access.offboarding" {
		t.Errorf("regressed = %+v", got)
	}
	if got := c.Of(OtherChange); len(got) != 0 {
		t.Errorf("other = %+v", got)
	}
}

func TestCompareLeavesOutQuestionsThatDoNotApplyInNew(t *testing.T) {
	qn, a, b := pair(t,
		map[string]Value{"access.offboarding": No, "privacy.notice": No},
		map[string]Value{"access.offboarding": Yes, "privacy.notice": Yes})
	a.SetCategories([]questionnaire.Category{questionnaire.Privacy})
	// The new scope drops Privacy, and its facts make offboarding not apply.
	b.Scope.SetFact("has_offices", false)
	b.Scope.SetFact("own_hardware", true)
	if c := Compare(qn, a, b); len(c.Changes) != 0 {
		t.Fatalf("questions that do not apply in the new assessment are listed: %v", kinds(c))
	}
}

func TestCompareIgnoresOldAnswersThatDidNotApply(t *testing.T) {
	qn, a, b := pair(t,
		map[string]Value{"privacy.notice": Yes},
		map[string]Value{"privacy.notice": Yes})
	// Privacy was not selected last time, so its stale answer did not count.
	b.SetCategories([]questionnaire.Category{questionnaire.Privacy})
	c := Compare(qn, a, b)
	if len(c.Changes) != 1 {
		t.Fatalf("changes = %v, want privacy.notice as newly in scope", kinds(c))
	}
	ch := c.Changes[0]
	if ch.Kind != OtherChange || ch.OldApplies || ch.OldAnswered || !ch.NewAnswered {
		t.Fatalf("privacy.notice: %+v", ch)
	}
	if len(c.Categories) != 2 || c.Categories[1].Category != questionnaire.Privacy ||
		c.Categories[1].OldSelected || !c.Categories[1].NewSelected {
		t.Fatalf("categories = %+v", c.Categories)
	}
	if _, ok := c.Categories[1].ReadinessDelta(); ok {
		t.Error("a category not selected before has no readiness change")
	}
}

func TestCompareReadinessDeltas(t *testing.T) {
	qn, a, b := pair(t,
		map[string]Value{"access.sso": Partial, "access.mfa": No},
		map[string]Value{"access.sso": Yes, "access.mfa": NoEvidence, "access.offboarding": Unknown})
	c := Compare(qn, a, b)

	// sso is high (3), mfa and offboarding critical (4).
	oldR := (3 * 0.5) / 7
	newR := (3*1 + 4*0.75) / 11
	d, ok := c.Overall.ReadinessDelta()
	if !ok || math.Abs(d-(newR-oldR)) > 1e-9 {
		t.Fatalf("overall delta = %v, %v; want %v", d, ok, newR-oldR)
	}
	if len(c.Categories) != 1 || c.Categories[0].Category != questionnaire.Security {
		t.Fatalf("categories = %+v", c.Categories)
	}
	if cd, ok := c.Categories[0].ReadinessDelta(); !ok || math.Abs(cd-d) > 1e-9 {
		t.Errorf("security delta = %v, want %v (everything is Security)", cd, d)
	}
	if c.Overall.Old.Answered != 2 || c.Overall.New.Answered != 3 || c.Overall.New.Applicable != 3 {
		t.Errorf("progress: %+v", c.Overall)
	}
	if c.OldGaps[questionnaire.Critical] != 1 || c.OldGaps[questionnaire.High] != 1 ||
		c.NewGaps[questionnaire.Critical] != 2 || c.NewGaps[questionnaire.High] != 0 {
		t.Errorf("gaps: old %v, new %v", c.OldGaps, c.NewGaps)
	}

	empty := New("empty", "mini", t0)
	if _, ok := Compare(qn, empty, b).Overall.ReadinessDelta(); ok {
		t.Error("nothing scored before, yet a readiness change")
	}
}
