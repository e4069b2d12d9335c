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
	"github.com/gapmap/gapmap/internal/yamlfile/fuzzgen"
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

// FuzzParseFile checks that whatever the parser accepts is valid, and that it
// answers within 2 s. Besides the bytes, the fuzzer picks how deep to nest
// them and how often to repeat them (fuzzgen.Grow).
func FuzzParseFile(f *testing.F) {
	f.Add([]byte("name: x\nquestionnaire: mini\nanswers: {access.mfa: yes}\n"), uint8(0), uint16(0), uint16(0))
	f.Add([]byte(`{"name": "x", "scope": {"components": [{"name": "a", "kind": "data"}]}, "report": {"type": "type2", "window_months": 3}}`), uint8(0), uint16(0), uint16(0))
	f.Add([]byte("name: [a\n"), uint8(0), uint16(0), uint16(0))
	f.Add([]byte("[a, {b: c}"), uint8(1), uint16(100), uint16(0))
	f.Add([]byte("access.mfa: yes\nbad: [\n"), uint8(2), uint16(40), uint16(3000))
	f.Add([]byte("- a: [1, 2]\n  b: \"x\"\n"), uint8(4), uint16(70), uint16(20000))
	lookup := miniLookup(f)
	f.Fuzz(func(t *testing.T, seed []byte, shape uint8, depth, copies uint16) {
		data := seed
		if depth > 0 || copies > 0 {
			data = fuzzgen.Grow(seed, shape, depth, copies)
		}
		type result struct {
			a   *Assessment
			err error
		}
		done := make(chan result, 1)
		go func() {
			a, err := ParseFile("f.yaml", data, lookup, t0)
			done <- result{a, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("parsing %d bytes did not finish in 2s", len(data))
		}
		a, err := r.a, r.err
		var ps yamlfile.Problems
		if err != nil && !errors.As(err, &ps) {
			t.Fatalf("error without a position: %v", err)
		}
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

// Each broken file names its first bad byte by line and column (before, an
// ESC or invalid UTF-8 was reported at 1:1, and a bad byte in a key as an
// unknown field), and UTF-16 asks to be saved as UTF-8.
func TestParseFileReportsBadBytesWhereTheyAre(t *testing.T) {
	cases := []struct{ file, want string }{
		{"esc.yaml", `esc.yaml:4:39: control character U+001B (ESC) is not allowed; remove it`},
		{"invalid-utf8.yaml", `invalid-utf8.yaml:4:43: byte 0xE9 is not valid UTF-8; save the file as UTF-8`},
		{"invalid-utf8-key.yaml", `invalid-utf8-key.yaml:2:1: byte 0xE1 is not valid UTF-8; save the file as UTF-8`},
		{"invalid-utf8.json", `invalid-utf8.json:4:56: byte 0xFF is not valid UTF-8; save the file as UTF-8`},
		{"nul.json", `nul.json:2:57: control character U+0000 (NUL) is not allowed; remove it`},
		{"utf16le-bom.yaml", `utf16le-bom.yaml:1:1: the file is UTF-16; save it as UTF-8`},
		{"utf16be-bom.yaml", `utf16be-bom.yaml:1:1: the file is UTF-16; save it as UTF-8`},
		{"utf16le.json", `utf16le.json:1:1: the file is UTF-16; save it as UTF-8`},
		{"deep.yaml", `deep.yaml:3:73: nested more than 64 levels deep`},
		{"syntax.yaml", `syntax.yaml:5:3: invalid YAML: ',' or '}' must be specified`},
	}
	lookup := miniLookup(t)
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := "../../testdata/answers/broken/" + c.file
			data, err := yamlfile.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ParseFile(c.file, data, lookup, t0)
			var ps yamlfile.Problems
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			if !strings.HasPrefix(ps[0].String(), c.want) {
				t.Fatalf("got  %s\nwant %s", ps[0], c.want)
			}
		})
	}
}

// 100,000 unknown question ids are all counted, but only the first 50 are
// printed.
func TestParseFileCapsPrintedProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: Acme\nquestionnaire: mini\nanswers:\n")
	for i := range 100_000 {
		fmt.Fprintf(&b, "  x.q%d: yes\n", i)
	}
	_, err := ParseFile("f.yaml", []byte(b.String()), miniLookup(t), t0)
	var ps yamlfile.Problems
	if !errors.As(err, &ps) || len(ps) != 100_000 {
		t.Fatalf("got %d problems", len(ps))
	}
	var out strings.Builder
	ps.Print(&out)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 52 || lines[50] != "and 99950 more" || !strings.HasPrefix(lines[0], `f.yaml:4:3: unknown question id "x.q0"`) {
		t.Fatalf("printed %d lines: %q…", len(lines), lines[:3])
	}
}
