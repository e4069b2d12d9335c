package assessment

import (
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

func TestRecommend(t *testing.T) {
	s := Scope{DataTypes: []DataType{HealthData, CustomerContent}}
	s.SetFact("has_sla", true)
	got := map[questionnaire.Category]bool{}
	for _, r := range Recommend(s) {
		if r.Reason == "" {
			t.Errorf("%s: no reason", r.Category)
		}
		got[r.Category] = r.Recommended
	}
	want := map[questionnaire.Category]bool{
		questionnaire.Availability: true, questionnaire.Confidentiality: true,
		questionnaire.ProcessingIntegrity: false, questionnaire.Privacy: true,
	}
	for c, w := range want {
		if got[c] != w {
			t.Errorf("%s recommended = %v, want %v", c, got[c], w)
		}
	}
	if _, ok := got[questionnaire.Security]; ok {
		t.Error("security is always in and must not be offered")
	}
	for _, r := range Recommend(Scope{}) {
		if r.Recommended {
			t.Errorf("empty scope recommends %s", r.Category)
		}
	}
}
