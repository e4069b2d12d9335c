package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nextQuarterYAML is testdata/answers/example.yaml answered again a quarter
// later: MFA closed, SSO regressed, the vendor unknown confirmed as missing,
// and access reviews answered for the first time. The badge question does
// not apply to a company without offices, so its answer is not a change.
const nextQuarterYAML = `name: Acme Cloud readiness — Q2
questionnaire: soc2
scope:
  organization: Acme Analytics, Inc.
  system: Acme Cloud
  data_types: [customer_content, personal]
  facts: {has_offices: false, has_sla: true}
categories: [security, availability]
report: {type: type2, window_months: 6, start_date: "2027-01-04"}
answers:
  access.mfa: {answer: yes, owner: Dana (CTO), note: Enforced on AWS root and CI since March.}
  access.sso-idp: {answer: partial, note: Two contractors still sign in with passwords.}
  vendors.inventory: {answer: no, note: The finance list was lost in the tool migration.}
  access.access-reviews: {answer: no-evidence, owner: Sam}
  physical.badge-access: {answer: no, note: Left over from a template.}
`

// comparedDB returns a database holding the example assessment and its
// next-quarter copy.
func comparedDB(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "g.db")
	if _, errOut, code := run(t, db, "", "import", "../../testdata/answers/example.yaml"); code != 0 {
		t.Fatalf("import example: %s", errOut)
	}
	next := filepath.Join(dir, "q2.yaml")
	if err := os.WriteFile(next, []byte(nextQuarterYAML), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := run(t, db, "", "import", next); code != 0 {
		t.Fatalf("import next quarter: %s", errOut)
	}
	return dir, db
}

func TestCompareShowsWhatChanged(t *testing.T) {
	_, db := comparedDB(t)
	out, errOut, code := run(t, db, "", "compare", "Acme Cloud readiness", "Acme Cloud readiness — Q2")
	if code != 0 {
		t.Fatalf("compare: exit %d, %s", code, errOut)
	}
	section := func(title string) string {
		_, rest, ok := strings.Cut(out, "\n## "+title+"\n")
		if !ok {
			t.Fatalf("no section %q in:\n%s", title, out)
		}
		body, _, _ := strings.Cut(rest, "\n## ")
		return body
	}
	for _, want := range []struct{ section, line string }{
		{"Closed or improved", "  Partial → In place · critical · Owner: Dana (CTO) · Note: Enforced on AWS root and CI since March."},
		{"Regressed", "  In place → Partial · "},
		{"Other changes", "  Unknown → Not in place · "},
		{"Other changes", "  Not answered → No evidence · "},
	} {
		if !strings.Contains(section(want.section), want.line) {
			t.Errorf("%s lacks %q:\n%s", want.section, want.line, section(want.section))
		}
	}
	for _, line := range []string{
		"# SOC 2 readiness progress: Acme Cloud readiness — Q2",
		"- **Before:** Acme Cloud readiness, last changed ",
		"- **Answers changed:** 4 (1 closed or improved, 1 regressed, 2 other)",
		"| Security | ",
		"| Availability | ",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("missing %q in:\n%s", line, out)
		}
	}
	if strings.Contains(out, "physical.badge-access") {
		t.Error("a question that does not apply to NEW is listed")
	}

	out, _, code = run(t, db, "", "compare", "Acme Cloud readiness", "Acme Cloud readiness — Q2", "--format", "json")
	var doc struct {
		Changes []struct{ ID, Kind string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Changes) != 4 {
		t.Fatalf("--format json: exit %d\n%s", code, out)
	}
}

func TestCompareErrors(t *testing.T) {
	dir, db := comparedDB(t)
	mini := filepath.Join(dir, "mini.yaml")
	os.WriteFile(mini, []byte("name: Mini\nquestionnaire: mini\nanswers: {access.mfa: yes}\n"), 0o600)
	if _, errOut, code := run(t, db, "", "--questionnaire", "../../testdata/questionnaires/valid.yaml", "import", mini); code != 0 {
		t.Fatalf("import mini: %s", errOut)
	}
	cases := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"old not found", []string{"compare", "nope", "Acme Cloud readiness"}, `gapmap: assessment "nope": not found`},
		{"new not found", []string{"compare", "Acme Cloud readiness", "nope"}, `gapmap: assessment "nope": not found`},
		{"different questionnaires", []string{"compare", "Acme Cloud readiness", "Mini"},
			`"Acme Cloud readiness" uses the questionnaire "soc2" but "Mini" uses "mini"; only assessments of the same questionnaire can be compared`},
		{"bad format", []string{"compare", "Acme Cloud readiness", "Acme Cloud readiness — Q2", "--format", "csv"}, `unknown format "csv"`},
		{"one name", []string{"compare", "Acme Cloud readiness"}, "Run 'gapmap --help'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := run(t, db, "", tc.args...)
			if code != 1 || !strings.Contains(errOut, tc.stderr) || out != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errOut, tc.stderr)
			}
		})
	}
}

func TestCompareNeverClobbers(t *testing.T) {
	dir, db := comparedDB(t)
	target := filepath.Join(dir, "progress.md")
	os.WriteFile(target, []byte("mine"), 0o600)
	args := []string{"compare", "Acme Cloud readiness", "Acme Cloud readiness — Q2", "-o", target}
	if _, errOut, code := run(t, db, "", args...); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("compare over a file: %d %q", code, errOut)
	}
	if data, _ := os.ReadFile(target); string(data) != "mine" {
		t.Fatal("the existing file was replaced")
	}
	if _, errOut, code := run(t, db, "", append(args, "--force")...); code != 0 || !strings.Contains(errOut, "Wrote "+target) {
		t.Fatalf("--force: %d %q", code, errOut)
	}
	if data, _ := os.ReadFile(target); !strings.HasPrefix(string(data), "# SOC 2 readiness progress: ") {
		t.Fatalf("--force wrote something else: %.80s", data)
	}
}

// C1, for compare: -o progress.json without --format wrote Markdown.
func TestCompareFormatFromExtension(t *testing.T) {
	dir, db := comparedDB(t)
	names := []string{"compare", "Acme Cloud readiness", "Acme Cloud readiness — Q2"}
	out := filepath.Join(dir, "progress.json")
	if _, errOut, code := run(t, db, "", append(names, "-o", out)...); code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	if data, _ := os.ReadFile(out); !strings.HasPrefix(string(data), "{") {
		t.Errorf("progress.json holds %.40q", data)
	}
	for _, args := range [][]string{
		{"-o", filepath.Join(dir, "p.xlsx")},
		{"--format", "md", "-o", filepath.Join(dir, "p.json")},
	} {
		_, errOut, code := run(t, db, "", append(names, args...)...)
		if code != 1 || !strings.Contains(errOut, "nothing was written") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
		if _, err := os.Stat(args[len(args)-1]); err == nil {
			t.Errorf("%v: the file was written", args)
		}
	}
}
