package assessment

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

var t0 = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func miniLookup(t testing.TB) Lookup {
	qn, err := questionnaire.LoadFile("../../testdata/questionnaires/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return func(id string) (*questionnaire.Questionnaire, error) {
		if id != "mini" {
			return nil, errors.New("unknown questionnaire " + id)
		}
		return qn, nil
	}
}

func TestParseFile(t *testing.T) {
	src := `name: Acme
questionnaire: mini
scope: {organization: Acme, data_types: [personal], capacity: 2, facts: {has_offices: false}}
categories: [privacy]
report: {type: type2, window_months: 6, start_date: "2027-01-04"}
answers:
  access.mfa: {answer: partial, note: "not on CI", owner: Dana, flagged: true}
  access.sso: yes
  privacy.notice: {answer: na, note: no end users}
`
	a, err := ParseFile("a.yaml", []byte(src), miniLookup(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Acme" || a.Target.Type != TypeII || a.Target.WindowMonths != 6 || a.Scope.Capacity != 2 {
		t.Fatalf("decoded wrong: %+v", a)
	}
	if !a.Selected(questionnaire.Security) || !a.Selected(questionnaire.Privacy) {
		t.Fatalf("categories: %v", a.Categories)
	}
	if got := a.Answers["access.mfa"]; got.Value != Partial || !got.Flagged || got.Owner != "Dana" || !got.UpdatedAt.Equal(t0) {
		t.Fatalf("access.mfa: %+v", got)
	}
	if a.Answers["access.sso"].Value != Yes {
		t.Fatalf("shorthand answer: %+v", a.Answers["access.sso"])
	}
	if a.Scope.Facts()["has_offices"] {
		t.Fatal("explicit fact has_offices: false ignored")
	}
}

func TestParseFileReportsEveryProblem(t *testing.T) {
	src := `name: Acme
questionnaire: mini
categories: [security, privcy]
report: {type: type3}
answers:
  access.mfa: maybe
  access.nope: yes
  privacy.notice: {answer: na}
scope: {data_types: [dna], facts: {has_moat: true}}
`
	_, err := ParseFile("a.yaml", []byte(src), miniLookup(t), t0)
	var ps yamlfile.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want problems, got %v", err)
	}
	want := []string{
		`a.yaml:3:24: unknown category "privcy"`,
		`a.yaml:4:16: unknown report type "type3"`,
		`a.yaml:6:15: access.mfa: unknown answer "maybe"`,
		`a.yaml:7:3: unknown question id "access.nope"`,
		`a.yaml:8:28: privacy.notice: answer "na" needs a note`,
		`a.yaml:9:22: unknown data type "dna"`,
		`a.yaml:9:36: unknown scope fact "has_moat"`,
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(ps[i].String(), w) {
			t.Errorf("problem %d:\n got  %s\n want %s", i, ps[i], w)
		}
	}
}

func TestExampleAnswersFileParses(t *testing.T) {
	data, err := os.ReadFile("../../testdata/answers/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	qn, err := questionnaire.Builtin("soc2")
	if err != nil {
		t.Skipf("built-in questionnaire not loadable: %v", err)
	}
	lookup := func(string) (*questionnaire.Questionnaire, error) { return qn, nil }
	a, err := ParseFile("example.yaml", data, lookup, t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answers) != 4 || a.Scope.Subservices[0].Method != CarveOut {
		t.Fatalf("example decoded wrong: %+v", a)
	}
}

func FuzzParseFile(f *testing.F) {
	f.Add([]byte("name: x\nquestionnaire: mini\nanswers: {access.mfa: yes}\n"))
	f.Add([]byte(`{"name": "x", "scope": {"components": [{"name": "a", "kind": "data"}]}, "report": {"type": "type2", "window_months": 3}}`))
	f.Add([]byte("name: [a\n"))
	lookup := miniLookup(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseFile("f.yaml", data, lookup, t0)
		if err != nil {
			return
		}
		for id, ans := range a.Answers {
			if err := ans.Check(); err != nil {
				t.Fatalf("accepted invalid answer %s: %v", id, err)
			}
		}
		if err := a.Target.Check(); err != nil {
			t.Fatalf("accepted invalid target: %v", err)
		}
	})
}

// TestParseFileVersions: format 2 added computed keys only, so files of
// version 1 and 2 import alike; a later version is refused.
func TestParseFileVersions(t *testing.T) {
	for v, ok := range map[int]bool{0: false, 1: true, 2: true, 3: false} {
		src := fmt.Sprintf("gapmap: %d\nname: Acme\nquestionnaire: mini\n", v)
		_, err := ParseFile("a.yaml", []byte(src), miniLookup(t), t0)
		if (err == nil) != ok {
			t.Errorf("gapmap: %d: error %v, want accepted %t", v, err, ok)
		}
	}
}
