package questionnaire

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

const brokenDir = "../../testdata/questionnaires"

func TestLoadValid(t *testing.T) {
	qn, err := LoadFile(filepath.Join(brokenDir, "valid.yaml"))
	if err != nil {
		t.Fatalf("valid.yaml: %v", err)
	}
	if got := len(qn.Questions); got != 4 {
		t.Fatalf("questions = %d, want 4", got)
	}
	mfa := qn.Question("access.mfa")
	if mfa == nil || mfa.Severity != Critical || !mfa.CommonFinding || mfa.DependsOn[0] != "access.sso" {
		t.Fatalf("access.mfa decoded wrong: %+v", mfa)
	}
	off := qn.Question("access.offboarding")
	if !off.Applies(Facts{"has_offices": true, "own_hardware": true}) {
		t.Error("offboarding should apply with offices")
	}
	if off.Applies(Facts{"has_offices": false, "own_hardware": true}) {
		t.Error("offboarding should not apply without offices and with own hardware")
	}
}

// Each broken file must give exactly these problems, in order.
func TestLoadReportsEachProblemWithPosition(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"malformed.yaml", []string{"7:4: invalid YAML:"}},
		{"missing-field.yaml", []string{`24:5: missing required field "help"`}},
		{"empty-field.yaml", []string{`33:12: field "title" must not be empty`}},
		{"duplicate-id.yaml", []string{`36:9: duplicate question id "access.mfa"`}},
		{"unknown-criterion.yaml", []string{`41:23: question access.offboarding: unknown criterion "CC6.9"`}},
		{"unknown-dependency.yaml", []string{`34:30: question access.mfa: depends_on names unknown question "access.password"`}},
		{"cycle.yaml", []string{`47:18: dependency cycle: access.sso -> access.offboarding -> access.sso`}},
		{"bad-enum.yaml", []string{
			`20:15: question access.sso: unknown severity "severe"`,
			`21:13: question access.sso: unknown effort "XL"`,
			`44:15: question access.offboarding: unknown evidence kind "yearly"`,
		}},
		{"unknown-fact.yaml", []string{`47:36: question access.offboarding: applies_if: unknown scope fact "has_datacenter"`}},
		{"bad-condition.yaml", []string{`60:47: question privacy.notice: applies_if: missing closing parenthesis`}},
		{"uncovered-criterion.yaml", []string{`13:5: criterion P2.1 is not covered by any question`}},
		{"unknown-field.yaml", []string{`35:5: unknown field "commonfinding"`}},
		{"wrong-category.yaml", []string{`55:15: question privacy.notice: none of its criteria belongs to its category "security"`}},
		{"unknown-area.yaml", []string{`51:11: question privacy.notice: unknown area "legal"`}},
		{"lint-dependency.yaml", []string{
			`34:30: question access.mfa depends on privacy.notice, which is only asked when Privacy is selected`,
		}},
		{"lint-dependency-facts.yaml", []string{
			`35:18: question access.mfa depends on access.sso, which does not apply when own_hardware is false`,
			`47:18: question access.offboarding depends on access.sso, which does not apply when has_offices is false and own_hardware is false`,
		}},
		{"lint-words.yaml", []string{`17:11: question access.sso: text has 31 words, more than 30`}},
		{"lint-similar.yaml", []string{`27:11: question access.mfa asks much the same as access.sso (same criteria, 88% of content words shared)`}},
		{"format1.yaml", []string{`1:1: this questionnaire has no "format" field, so it is in format 1`}},
		{"no-frequency.yaml", []string{`44:15: question access.offboarding: a periodic control needs a frequency`}},
		{"bad-iso.yaml", []string{
			`48:15: question access.offboarding: "A.5.38" is neither an ISO/IEC 27001:2022 Annex A control`,
			`48:15: question access.offboarding: "6.1.4" is neither`,
		}},
		{"bad-isms.yaml", []string{
			`68:15: question isms.scope: an isms question counts in no SOC 2 figure, so its criteria must be empty`,
			`76:15: question isms.review: an isms question is asked only with the ISO target: give it applies_if: iso27001`,
			`89:15: field "criteria" must list at least one item`,
		}},
		{"bad-package-retired.yaml", []string{
			`17:16: retired question access.password-rotation: successor "access.passwords" is not a question`,
			`19:9: retired question access.mfa is still asked`,
			`32:14: question access.sso: unknown package "identity"`,
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(brokenDir, tc.file)
			_, err := LoadFile(path)
			var ps yamlfile.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want problems, got %v", err)
			}
			if len(ps) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(tc.want), err)
			}
			for i, w := range tc.want {
				if got := ps[i].String(); !strings.HasPrefix(got, path+":"+w) {
					t.Errorf("problem %d:\n got  %s\n want %s:%s", i, got, path, w)
				}
			}
		})
	}
}

func TestLoadReportsAllProblemsAtOnce(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(brokenDir, "valid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.NewReplacer(
		"severity: critical", "severity: huge",
		"criteria: [CC6.2]", "criteria: [CC9.9]",
		"applies_if: personal_data", "applies_if: personal_data and nope",
	).Replace(string(data))
	_, err = Load("x.yaml", []byte(broken))
	var ps yamlfile.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want problems, got %v", err)
	}
	// Two critical questions, one unknown criterion, one unknown fact, and
	// CC6.2 is left uncovered.
	if len(ps) != 5 {
		t.Fatalf("got %d problems, want 5:\n%v", len(ps), err)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Line < ps[i-1].Line {
			t.Fatalf("problems not sorted by line:\n%v", err)
		}
	}
}

func TestLoadRejectsNonMappings(t *testing.T) {
	for _, src := range []string{"", "- a\n- b\n", "just text", "id: x\n---\nid: y\n", "questions: 5\n"} {
		if _, err := Load("x.yaml", []byte(src)); err == nil {
			t.Errorf("%q: want an error", src)
		}
	}
}

func TestUnusedFactsWarnForCustomFilesAndFailTheBuiltinBank(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(brokenDir, "valid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	qn, err := Load("valid.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	// valid.yaml's conditions use has_offices, own_hardware and personal_data;
	// iso27001 needs no question (it switches the ISO view on).
	if len(qn.Warnings) != len(KnownFacts)-4 {
		t.Fatalf("got %d warnings, want %d:\n%v", len(qn.Warnings), len(KnownFacts)-4, qn.Warnings)
	}
	if w := qn.Warnings[0].String(); !strings.Contains(w, "valid.yaml:1:1: scope fact") || !strings.Contains(w, "gates no question") {
		t.Errorf("warning = %s", w)
	}
	if _, err := load("valid.yaml", data, lintStrict); err == nil || !strings.Contains(err.Error(), "gates no question") {
		t.Errorf("strict load (the built-in bank) must refuse unused facts, got %v", err)
	}
}
