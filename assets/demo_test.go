package assets_test

import (
	"testing"
	"time"

	"github.com/gapmap/gapmap/assets"
	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// loadDemo parses the embedded demo the way `gapmap demo` does.
func loadDemo(t *testing.T) (*questionnaire.Questionnaire, *assessment.Assessment) {
	t.Helper()
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	demo, err := assessment.ParseFile("demo.yaml", assets.Demo, questionnaire.Builtin, now)
	if err != nil {
		t.Fatalf("the demo does not load: %v", err)
	}
	qn, err := questionnaire.Builtin(demo.QuestionnaireID)
	if err != nil {
		t.Fatal(err)
	}
	return qn, demo
}

// The demo is what a new user sees first: it must use the current bank's
// question IDs, so opening it moves nothing and keeps nothing aside.
func TestDemoUsesCurrentQuestions(t *testing.T) {
	qn, demo := loadDemo(t)
	up := assessment.PlanUpgrade(qn, demo)
	for _, m := range up.Moved {
		t.Errorf("answer to retired %s moves to %s; answer %s instead", m.From, m.To, m.To)
	}
	for _, id := range up.NoLongerAsked {
		t.Errorf("answer to %s is no longer asked by %s %s", id, qn.ID, qn.Version)
	}
	for _, id := range up.NewQuestions {
		t.Errorf("%s is listed as a new question to answer", id)
	}
}

func TestDemoAnswersEveryApplicableQuestion(t *testing.T) {
	qn, demo := loadDemo(t)
	for _, q := range demo.Applicable(qn) {
		if _, ok := demo.Answers[q.ID]; !ok {
			t.Errorf("%s applies to the demo's scope but is not answered", q.ID)
		}
	}
}

// Every fact is stated, so the demo does not lean on silent defaults.
func TestDemoStatesEveryFact(t *testing.T) {
	_, demo := loadDemo(t)
	for _, name := range questionnaire.FactNames() {
		if _, ok := demo.Scope.Declared[name]; !ok {
			t.Errorf("scope fact %s is not stated", name)
		}
	}
}

// The answers read like workshop notes: a gap has an owner, an unknown is
// flagged for follow-up and a yes names its evidence.
func TestDemoAnswersCarryWorkshopContext(t *testing.T) {
	_, demo := loadDemo(t)
	seen := map[assessment.Value]int{}
	for id, ans := range demo.Answers {
		seen[ans.Value]++
		if ans.Value.IsGap() && ans.Owner == "" {
			t.Errorf("%s is a gap (%s) with no owner", id, ans.Value)
		}
		if ans.Value == assessment.Unknown && !ans.Flagged {
			t.Errorf("%s is unknown but not flagged for follow-up", id)
		}
		if ans.Value == assessment.Yes && ans.Evidence == "" {
			t.Errorf("%s is yes with no evidence named", id)
		}
	}
	for _, v := range assessment.Values {
		if seen[v] == 0 {
			t.Errorf("no answer is %s; the demo should show every kind of answer", v)
		}
	}
}
