package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/fang/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"

	_ "modernc.org/sqlite"
)

// runEnv runs the command line without --db, so the database comes from
// GAPMAP_DB or the default path.
func runEnv(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := fang.Execute(context.Background(), root, fang.WithErrorHandler(a.printError))
	return out.String(), errOut.String(), exitCode(err)
}

// filesSum is the SHA-256 of a database with its -wal and -shm files.
func filesSum(t *testing.T, path string) [32]byte {
	t.Helper()
	h := sha256.New()
	for _, ext := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(path + ext)
		if err == nil {
			h.Write([]byte(ext))
			h.Write(b)
		}
	}
	return [32]byte(h.Sum(nil))
}

// Issue 9: "list" with a mistyped --db created an empty database and said
// "No assessments yet".
func TestReadCommandsNeverCreateADatabase(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "gapmpa.db")
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"export", "Acme"}, {"compare", "A", "B"}} {
		_, errOut, code := run(t, typo, "", args...)
		if code != 1 || errOut != "gapmap: no gapmap database at "+typo+"\n" {
			t.Errorf("%v with a mistyped --db: exit %d, %q", args, code, errOut)
		}
	}
	t.Setenv("GAPMAP_DB", typo)
	if _, errOut, code := runEnv(t, "list"); code != 1 || !strings.Contains(errOut, "no gapmap database at "+typo) {
		t.Errorf("list with a mistyped GAPMAP_DB: exit %d, %q", code, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("created %v", entries)
	}

	// On the default path there are simply no assessments yet.
	t.Setenv("GAPMAP_DB", "")
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	out, errOut, code := runEnv(t, "list")
	if code != 0 || !strings.HasPrefix(out, "No assessments yet.") {
		t.Errorf("list on the default path: exit %d, %q %q", code, out, errOut)
	}
	if out, _, code := runEnv(t, "list", "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("list --json on the default path: exit %d, %q", code, out)
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("list created %v", entries)
	}
}

func TestReadCommandsLeaveTheFileAlone(t *testing.T) {
	db := exampleDB(t)
	before := filesSum(t, db)
	for _, args := range [][]string{{"list"}, {"export", "Acme Cloud readiness", "-f", "json"},
		{"compare", "Acme Cloud readiness", "Acme Cloud readiness"}} {
		if _, errOut, code := run(t, db, "", args...); code != 0 {
			t.Errorf("%v: exit %d, %s", args, code, errOut)
		}
	}
	if filesSum(t, db) != before {
		t.Error("a read-only command changed the database")
	}
}

// Issue 9: "gapmap demo" overwrote the demo assessment in the user's own
// database.
func TestDemoNeverTouchesTheUsersDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	mine := filepath.Join(dir, "mine.yaml")
	os.WriteFile(mine, []byte("name: \"Demo: Northwind Analytics\"\nanswers:\n  access.mfa: {answer: no, note: my own}\n"), 0o600)
	if _, errOut, code := run(t, db, "", "import", mine); code != 0 {
		t.Fatal(errOut)
	}
	before := filesSum(t, db)
	// Without a terminal the demo cannot open, but the old one had written
	// to the user's database by then.
	if _, errOut, code := run(t, db, "", "demo"); code != 1 || !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("demo without a terminal: exit %d, %s", code, errOut)
	}
	out := filepath.Join(dir, "demo.md")
	if _, errOut, code := run(t, db, "", "demo", "--export", out); code != 0 {
		t.Errorf("demo --export: exit %d, %s", code, errOut)
	}
	if filesSum(t, db) != before {
		t.Error("the demo changed the user's database")
	}
	if md, _ := os.ReadFile(out); !bytes.Contains(md, []byte("Northwind")) {
		t.Error("the demo export is not the demo's")
	}
}

// damage fills one page of a closed database with garbage.
func damage(t *testing.T, path string, page int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int(binary.BigEndian.Uint16(data[16:]))
	if len(data) < page*size {
		t.Fatalf("only %d pages", len(data)/size)
	}
	for i := (page - 1) * size; i < page*size; i++ {
		data[i] = byte(0x5A ^ i)
	}
	os.WriteFile(path, data, 0o600)
}

// Issue 9: with page 10 damaged, import printed "Updated" and changed the
// file; with page 2 damaged, the refusal exited 2.
func TestDamagedDatabaseIsRefusedWithExit1(t *testing.T) {
	for _, page := range []int{2, 10} {
		dir := t.TempDir()
		db := filepath.Join(dir, "g.db")
		demo := filepath.Join(dir, "demo.json")
		if _, errOut, code := run(t, db, "", "demo", "--export", filepath.Join(dir, "demo.md")); code != 0 {
			t.Fatal(errOut)
		}
		// Enough answers and history for ten pages: the example and a copy
		// of the demo's answers.
		run(t, db, "", "import", "../../testdata/answers/example.yaml")
		os.WriteFile(demo, demoAnswers(t), 0o600)
		if _, errOut, code := run(t, db, "", "import", demo); code != 0 {
			t.Fatal(errOut)
		}
		damage(t, db, page)
		before := filesSum(t, db)
		for _, args := range [][]string{{"import", "../../testdata/answers/example.yaml"}, {"delete", "Acme Cloud readiness", "--yes"}} {
			_, errOut, code := run(t, db, "", args...)
			if code != 1 || !strings.Contains(errOut, db+" is damaged") {
				t.Errorf("page %d, %v: exit %d, %q", page, args, code, errOut)
			}
		}
		// list reads only the summary index; where the damage reaches what it
		// reads, it is refused with exit 1, never an internal error.
		if _, errOut, code := run(t, db, "", "list"); code == 2 || (code == 1 && !strings.Contains(errOut, "is damaged")) {
			t.Errorf("page %d, list: exit %d, %q", page, code, errOut)
		}
		if filesSum(t, db) != before {
			t.Errorf("page %d: the damaged database changed", page)
		}
	}
}

// demoAnswers is an answers file with many long answers.
func demoAnswers(t *testing.T) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString("name: Many answers\nanswers:\n")
	for _, q := range []string{"access.mfa", "access.sso-idp", "vendors.inventory", "access.access-reviews"} {
		b.WriteString("  " + q + ": {answer: partial, note: \"" + strings.Repeat("A long note about the control. ", 120) + "\"}\n")
	}
	return []byte(b.String())
}

// Issue 9: a held write lock ended after 5 s in "database is locked (5)",
// exit 2.
func TestHeldWriteLockExits1(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the busy timeout")
	}
	db := exampleDB(t)
	holder, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE assessments SET revision = revision`); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, db, "", "delete", "Acme Cloud readiness", "--yes")
	if code != 1 || !strings.Contains(errOut, "another gapmap is writing to "+db+"; try again") {
		t.Errorf("delete under a held lock: exit %d, %q", code, errOut)
	}
	// Reading is not blocked.
	if _, errOut, code := run(t, db, "", "list"); code != 0 {
		t.Errorf("list under a held lock: exit %d, %q", code, errOut)
	}
}

// Issue 9: names with invisible characters were stored and could then never
// be exported or deleted; NFC and NFD "Café" were two assessments.
func TestNamesAreCheckedAndFoundLeniently(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	hidden := filepath.Join(dir, "hidden.yaml")
	os.WriteFile(hidden, []byte("name: \"Acme\u200bCloud\"\n"), 0o600)
	_, errOut, code := run(t, db, "", "import", hidden)
	if code != 1 || !strings.Contains(errOut, hidden+":1:7: the name contains U+200B ZERO WIDTH SPACE at position 5") {
		t.Errorf("a name with a zero-width space: exit %d, %q", code, errOut)
	}
	for _, name := range []string{"Café", "Cafe\u0301"} {
		f := filepath.Join(dir, "cafe.yaml")
		os.WriteFile(f, []byte("name: \""+name+"\"\n"), 0o600)
		if _, errOut, code := run(t, db, "", "import", f); code != 0 {
			t.Fatalf("import %q: %s", name, errOut)
		}
	}
	out, _, _ := run(t, db, "", "list", "--json")
	if strings.Count(out, `"name"`) != 1 {
		t.Errorf("NFC and NFD Café are two assessments: %s", out)
	}
	for _, name := range []string{"Cafe\u0301", "CAFÉ", "café"} {
		if _, errOut, code := run(t, db, "", "export", name); code != 0 {
			t.Errorf("export %q: exit %d, %s", name, code, errOut)
		}
	}
	_, errOut, code = run(t, db, "", "export", "Cafe")
	if code != 1 || !strings.Contains(errOut, `did you mean "Café"?`) {
		t.Errorf("export of a near name: exit %d, %q", code, errOut)
	}
	upper := filepath.Join(dir, "upper.yaml")
	os.WriteFile(upper, []byte("name: CAFÉ\n"), 0o600)
	if _, errOut, code := run(t, db, "", "import", upper); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("a new name differing only in case: exit %d, %q", code, errOut)
	}
	if _, errOut, code := run(t, db, "", "delete", "CAFE\u0301", "--yes"); code != 0 {
		t.Errorf("delete by another case and form: exit %d, %s", code, errOut)
	}
}

func TestImportMatchesByUUID(t *testing.T) {
	db := exampleDB(t)
	dir := t.TempDir()
	exported, _, code := run(t, db, "", "export", "Acme Cloud readiness", "-f", "json")
	if code != 0 || !strings.Contains(exported, `"uuid": "`) {
		t.Fatalf("export has no uuid: %s", exported[:min(200, len(exported))])
	}
	// The exported file, renamed, updates the same assessment.
	renamed := filepath.Join(dir, "renamed.json")
	os.WriteFile(renamed, []byte(strings.Replace(exported, `"name": "Acme Cloud readiness"`, `"name": "Acme 2027"`, 1)), 0o600)
	if out, errOut, code := run(t, db, "", "import", renamed); code != 0 || !strings.HasPrefix(out, `Updated "Acme 2027"`) {
		t.Fatalf("renaming import: exit %d, %q %q", code, out, errOut)
	}
	// Another assessment's file with that name is refused, naming both.
	other := filepath.Join(dir, "other.yaml")
	os.WriteFile(other, []byte("uuid: 0b6f3e6c-8d1e-4c47-9a43-2f4d1f0e5a7b\nname: Acme 2027\n"), 0o600)
	_, errOut, code := run(t, db, "", "import", other)
	if code != 1 || !strings.Contains(errOut, "0b6f3e6c-8d1e-4c47-9a43-2f4d1f0e5a7b") || !strings.Contains(errOut, "--force") {
		t.Errorf("import of another assessment's file: exit %d, %q", code, errOut)
	}
	if out, errOut, code := run(t, db, "", "import", other, "--force"); code != 0 || !strings.HasPrefix(out, "Updated") {
		t.Errorf("import --force: exit %d, %q %q", code, out, errOut)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("uuid: not-a-uuid\nname: X\n"), 0o600)
	if _, errOut, code := run(t, db, "", "import", bad); code != 1 || !strings.Contains(errOut, bad+":1:7: uuid") {
		t.Errorf("a malformed uuid: exit %d, %q", code, errOut)
	}
}

// The database the 31976ff binary wrote lists and exports, unchanged.
func TestLegacyDatabaseListsAndExports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bank.db")
	data, err := os.ReadFile("../../testdata/legacy/bank-2026.11.db")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(db, data, 0o600)
	out, errOut, code := run(t, db, "", "list")
	if code != 0 || !strings.Contains(out, "Demo: Northwind Analytics") || !strings.Contains(out, "Acme Cloud readiness") {
		t.Fatalf("list: exit %d, %q %q", code, out, errOut)
	}
	first, errOut, code := run(t, db, "", "export", "Acme Cloud readiness", "-f", "json")
	if code != 0 || !strings.Contains(first, `"uuid"`) {
		t.Fatalf("export: exit %d, %q", code, errOut)
	}
	if _, errOut, code := run(t, db, "", "export", "demo: northwind analytics"); code != 0 {
		t.Fatalf("export md: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
		t.Error("reading the old database changed it")
	}
	// The first write migrates it; the export is the same.
	if _, errOut, code := run(t, db, "", "delete", "Demo: Northwind Analytics", "--yes"); code != 0 {
		t.Fatalf("delete: %s", errOut)
	}
	second, _, _ := run(t, db, "", "export", "Acme Cloud readiness", "-f", "json")
	if first != second {
		t.Error("the export changed once the database was migrated")
	}
}

// An assessment answered under bank 2026.11 scores and exports under the
// current bank: answers to merged questions move to their successors, the
// rest are kept as no longer asked, and the export says so.
func TestLegacyAssessmentExportsUnderTheNewBank(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bank.db")
	data, err := os.ReadFile("../../testdata/legacy/bank-2026.11.db")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(db, data, 0o600)
	out, errOut, code := run(t, db, "", "export", "Demo: Northwind Analytics", "-f", "json")
	if code != 0 {
		t.Fatalf("export: exit %d, %q", code, errOut)
	}
	for _, want := range []string{
		"moved  access.shared-accounts -> access.non-personal-accounts",
		"kept   availability.restore-tests as no longer asked",
		"new    access.break-glass-alert",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the export does not say %q:\n%s", want, errOut)
		}
	}
	var doc struct {
		Answers map[string]struct {
			Answer string `json:"answer"`
		} `json:"answers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Answers["access.non-personal-accounts"].Answer == "" {
		t.Error("the answer to access.shared-accounts did not move to access.non-personal-accounts")
	}
	if _, ok := doc.Answers["access.shared-accounts"]; ok {
		t.Error("the moved answer is still under its old question")
	}
	if _, ok := doc.Answers["availability.restore-tests"]; !ok {
		t.Error("an answer with no place was dropped; it must be kept as no longer asked")
	}
	md, _, code := run(t, db, "", "export", "Demo: Northwind Analytics")
	if code != 0 || !strings.Contains(md, "version 2026.12") {
		t.Fatalf("markdown export: exit %d", code)
	}
}

// Re-importing a file without a uuid replaces the answers given since, as
// documented; the output now says so, with counts, instead of only
// "Updated".
func TestReimportSaysWhatItReplaced(t *testing.T) {
	db := exampleDB(t)
	file := "../../testdata/answers/example.yaml"
	out, errOut, code := run(t, db, "", "import", file)
	if code != 0 || !strings.Contains(out, "The stored answers were already the file's.") {
		t.Fatalf("the same file again: exit %d, %q %q", code, out, errOut)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.LoadByName(context.Background(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	given := assessment.Answer{Value: assessment.No, Note: "given in the TUI", AnsweredBy: "Dana"}
	if err := s.SaveAnswer(context.Background(), a.UUID, "governance.security-owner", assessment.Answer{}, given, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, errOut, code = run(t, db, "", "import", file)
	if code != 0 || !strings.Contains(out, "0 changed, 0 added, 1 removed (the file does not have them)") {
		t.Fatalf("after an answer given since: exit %d, %q %q", code, out, errOut)
	}
}
