package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/fang/v2"
)

// runWithNullInput runs the command line with /dev/null as standard input:
// a character device, but not a terminal.
func runWithNullInput(t *testing.T, db string, args ...string) (string, int) {
	t.Helper()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	var out, errOut bytes.Buffer
	a := &app{stdin: null, stdout: &out, stderr: &errOut}
	root := a.rootCommand()
	root.SetArgs(append([]string{"--db", db}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err = fang.Execute(context.Background(), root, fang.WithErrorHandler(a.printError))
	return out.String() + errOut.String(), exitCode(err)
}

func TestNullInputIsNotATerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if _, errOut, code := run(t, db, "", "import", "../../testdata/answers/example.yaml"); code != 0 {
		t.Fatal(errOut)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "needs a terminal"},
		{[]string{"--accessible"}, "needs a terminal"},
		{[]string{"delete", "Acme Cloud readiness"}, "refusing to delete"},
	} {
		out, code := runWithNullInput(t, db, tt.args...)
		if code != exitUser || !strings.Contains(out, tt.want) {
			t.Errorf("gapmap %v < /dev/null: exit %d, output %q; want exit 1 and %q", tt.args, code, out, tt.want)
		}
	}
	if out, _, _ := run(t, db, "", "list"); !strings.Contains(out, "Acme Cloud readiness") {
		t.Error("the assessment was deleted without confirmation")
	}
}

// Only what the user can fix exits 1; an internal failure exits 2.
func TestAsUserErrorIsHonest(t *testing.T) {
	if code := exitCode(asUserError(errors.New("database is locked"))); code != exitInternal {
		t.Errorf("an internal error exits %d, want %d", code, exitInternal)
	}
	_, err := os.ReadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	if code := exitCode(asUserError(err)); code != exitUser {
		t.Errorf("a missing file exits %d, want %d", code, exitUser)
	}
	a := &app{}
	if _, err := a.questionnaireFor("nope"); exitCode(err) != exitUser {
		t.Errorf("an unknown questionnaire exits %d, want %d", exitCode(err), exitUser)
	}
}

func TestRenameCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if _, errOut, code := run(t, db, "", "import", "../../testdata/answers/example.yaml"); code != 0 {
		t.Fatal(errOut)
	}
	if out, errOut, code := run(t, db, "", "rename", "Acme Cloud readiness", "Acme 2027"); code != 0 || !strings.Contains(out, `Renamed "Acme Cloud readiness" to "Acme 2027"`) {
		t.Fatalf("rename: exit %d, %q %q", code, out, errOut)
	}
	if out, _, _ := run(t, db, "", "list"); !strings.Contains(out, "Acme 2027") || strings.Contains(out, "Acme Cloud readiness") {
		t.Errorf("list after rename:\n%s", out)
	}
	if _, _, code := run(t, db, "", "rename", "Nobody", "X"); code != exitUser {
		t.Errorf("renaming a missing assessment exits %d, want 1", code)
	}
	if _, _, code := run(t, db, "", "rename", "Acme 2027", " "); code != exitUser {
		t.Errorf("renaming to an empty name exits %d, want 1", code)
	}
}
