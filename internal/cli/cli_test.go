package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/fang/v2"
)

// run executes the command line in-process with its own streams and
// database, returning stdout, stderr and the exit code.
func run(t *testing.T, db string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	root := a.rootCommand()
	root.SetArgs(append([]string{"--db", db}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := fang.Execute(context.Background(), root, fang.WithErrorHandler(a.printError))
	return out.String(), errOut.String(), exitCode(err)
}

func TestImportListExportRoundTrip(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	out, errOut, code := run(t, db, "", "import", "../../testdata/answers/example.yaml")
	if code != 0 || !strings.Contains(out, `Created "Acme Cloud readiness"`) {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	out, _, code = run(t, db, "", "list", "--json")
	var list []listEntry
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 || list[0].Answered != 3 {
		t.Fatalf("list --json: %d %s", code, out)
	}
	first, _, code := run(t, db, "", "export", "Acme Cloud readiness", "--format", "json")
	if code != 0 {
		t.Fatalf("export: %d", code)
	}
	file := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(file, []byte(first), 0o600)
	db2 := filepath.Join(t.TempDir(), "g2.db")
	if _, errOut, code := run(t, db2, "", "import", file); code != 0 {
		t.Fatalf("re-import: %s", errOut)
	}
	second, _, _ := run(t, db2, "", "export", "Acme Cloud readiness", "--format", "json")
	if first != second {
		t.Fatal("export → import → export is not identical")
	}
}

func TestExitCodesAndMessages(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("name: x\nanswers:\n  access.nope: yes\n  access.mfa: maybe\n"), 0o600)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("just some notes\n"), 0o600)
	cases := []struct {
		name   string
		db     string
		args   []string
		code   int
		stderr string
	}{
		{"export without a database", db, []string{"export", "nope"}, 1, `gapmap: no gapmap database at ` + db},
		{"bad format", db, []string{"export", "x", "--format", "pdf"}, 1, `unknown format "pdf"`},
		{"bad answers file", db, []string{"import", bad}, 1, bad + `:3:3: unknown question id "access.nope"`},
		{"every problem", db, []string{"import", bad}, 1, bad + `:4:15: access.mfa: unknown answer "maybe"`},
		{"missing file", db, []string{"import", filepath.Join(dir, "none.yaml")}, 1, "no such file"},
		{"lint broken", db, []string{"questionnaire", "lint", "../../testdata/questionnaires/cycle.yaml"}, 1, "dependency cycle: access.sso -> access.offboarding -> access.sso"},
		{"not a database", text, []string{"list"}, 1, text + " is not a gapmap database"},
		{"unknown flag", db, []string{"list", "--frobnicate"}, 1, "unknown flag"},
		{"extra argument", db, []string{"list", "x"}, 1, "Run 'gapmap --help'"},
		{"no terminal", db, nil, 1, "needs a terminal"},
		{"delete needs confirmation", db, []string{"delete", "nope"}, 1, "not found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := run(t, tc.db, "", tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, errOut, tc.code, tc.stderr)
			}
			if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
				t.Fatalf("stack trace in front of the user: %s", errOut)
			}
		})
	}
	before, _ := os.ReadFile(text)
	if after, _ := os.ReadFile(text); !bytes.Equal(before, after) {
		t.Fatal("a refused file was changed")
	}
}

func TestLintValid(t *testing.T) {
	out, _, code := run(t, filepath.Join(t.TempDir(), "g.db"), "", "questionnaire", "lint", "../../testdata/questionnaires/valid.yaml")
	if code != 0 || !strings.Contains(out, `valid questionnaire "mini": 4 questions`) {
		t.Fatalf("lint valid: %d %q", code, out)
	}
}

func TestShowJSONHasEveryField(t *testing.T) {
	out, _, code := run(t, filepath.Join(t.TempDir(), "g.db"), "", "questionnaire", "show", "soc2", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Questions []map[string]any `json:"questions"`
		Criteria  []map[string]any `json:"criteria"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Criteria) != 61 || len(doc.Questions) < 150 {
		t.Fatalf("%d criteria, %d questions", len(doc.Criteria), len(doc.Questions))
	}
	for _, field := range []string{"id", "title", "area", "category", "text", "help", "criteria", "severity", "effort", "evidence", "package", "depends_on", "iso27001", "common_finding"} {
		if _, ok := doc.Questions[0][field]; !ok {
			t.Errorf("question JSON lacks %q", field)
		}
	}
}

func TestDeleteWithYes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	run(t, db, "", "import", "../../testdata/answers/example.yaml")
	if _, errOut, code := run(t, db, "", "delete", "Acme Cloud readiness"); code != 1 || !strings.Contains(errOut, "--yes") {
		t.Fatalf("delete without a terminal or --yes: %d %q", code, errOut)
	}
	if out, _, code := run(t, db, "", "delete", "Acme Cloud readiness", "--yes"); code != 0 || !strings.Contains(out, "Deleted") {
		t.Fatalf("delete --yes: %d %q", code, out)
	}
	if out, _, _ := run(t, db, "", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("still listed: %s", out)
	}
}

func TestExportNeverClobbers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	run(t, db, "", "import", "../../testdata/answers/example.yaml")
	target := filepath.Join(dir, "roadmap.md")
	os.WriteFile(target, []byte("mine"), 0o600)
	if _, errOut, code := run(t, db, "", "export", "Acme Cloud readiness", "-o", target); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("export over a file: %d %q", code, errOut)
	}
	if data, _ := os.ReadFile(target); string(data) != "mine" {
		t.Fatal("the existing file was replaced")
	}
	if _, _, code := run(t, db, "", "export", "Acme Cloud readiness", "-o", target, "--force"); code != 0 {
		t.Fatal("--force did not replace")
	}
	if data, _ := os.ReadFile(target); !strings.HasPrefix(string(data), "# SOC 2 readiness") {
		t.Fatal("--force wrote something else")
	}
}

// exampleDB is a new database, in a folder of its own, holding the example
// assessment ("Acme Cloud readiness").
func exampleDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "g.db")
	if _, errOut, code := run(t, db, "", "import", "../../testdata/answers/example.yaml"); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	return db
}
