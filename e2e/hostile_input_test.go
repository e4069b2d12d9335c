package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// staticBinary is the binary under test. Built here, it is built without cgo,
// as `make build` does: glibc's per-thread memory arenas make a cgo build
// fail at random to start under a 1 GB address-space limit.
func staticBinary(t *testing.T) string {
	if bin := os.Getenv("GAPMAP_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "gapmap")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/gapmap")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v: %s", err, out)
	}
	return bin
}

// TestHostileFilesAreRefusedCheaply runs the real binary on the files that
// took minutes and gigabytes, under a 1 GB address-space limit: each must be
// refused with exit 1 and a short message naming its position, well inside
// a generous hang guard.
func TestHostileFilesAreRefusedCheaply(t *testing.T) {
	if _, err := exec.LookPath("prlimit"); err != nil {
		t.Skip("prlimit (util-linux) is not installed")
	}
	bin := staticBinary(t)
	dir := t.TempDir()
	write := func(name string, parts ...[]byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, bytes.Join(parts, nil), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	var flat, unknown bytes.Buffer
	for i := 0; flat.Len() < 44<<20; i++ {
		fmt.Fprintf(&flat, "  q.id%07d: yes\n", i)
	}
	for i := range 2_500_000 {
		fmt.Fprintf(&unknown, "  x%d: yes\n", i)
	}
	var manyUnknown bytes.Buffer
	for i := range 100_000 {
		fmt.Fprintf(&manyUnknown, "  x%d: yes\n", i)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"nested brackets 200 KB", []string{"import", write("n200k.yaml", []byte("name: d\nanswers: "), bytes.Repeat([]byte("["), 100_000), bytes.Repeat([]byte("]"), 100_000))},
			"n200k.yaml:2:73: nested more than 64 levels deep"},
		{"nested brackets 2 MB", []string{"import", write("n2m.yaml", []byte("name: d\nanswers: "), bytes.Repeat([]byte("["), 1_000_000), bytes.Repeat([]byte("]"), 1_000_000))},
			"n2m.yaml:2:73: nested more than 64 levels deep"},
		{"questionnaire 40 KB", []string{"questionnaire", "lint", write("q40k.yaml", []byte("id: x\ntitle: t\nquestions: "), bytes.Repeat([]byte("["), 20_000), bytes.Repeat([]byte("]"), 20_000))},
			"q40k.yaml:3:75: nested more than 64 levels deep"},
		{"flat 44 MB with a trailing syntax error", []string{"import", write("flat.yaml", []byte("name: d\nanswers:\n"), flat.Bytes(), []byte("  bad: [\n"))},
			"flat.yaml: the file is 44.0 MB; gapmap reads at most 16 MB"},
		{"2.5 million unknown ids", []string{"import", write("ids.yaml", []byte("name: d\nanswers:\n"), unknown.Bytes())},
			"gapmap reads at most 16 MB"},
		{"100,000 unknown ids", []string{"import", write("ids100k.yaml", []byte("name: d\nanswers:\n"), manyUnknown.Bytes())},
			"ids100k.yaml:3:3: unknown question id \"x0\""},
		{"a 16 MB note", []string{"import", write("note.yaml", []byte("name: d\nanswers:\n  access.mfa:\n    answer: partial\n    note: "), bytes.Repeat([]byte("x"), 16<<20-100), []byte("\n"))},
			"note.yaml:5:11: field \"note\" is 16777116 characters long; at most 10000 are allowed"},
		{"syntax error after an ESC byte", []string{"import", write("esc.yaml", []byte("name: d\nanswers:\n  access.mfa: y\x1bes\n  x: [\n"))},
			"esc.yaml:3:16: control character U+001B (ESC) is not allowed; remove it"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			args := append([]string{"--as=1073741824", bin, "--db", filepath.Join(dir, "g.db")}, c.args...)
			cmd := exec.CommandContext(ctx, "prlimit", args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			err := cmd.Run()
			elapsed := time.Since(start)
			if ctx.Err() != nil {
				t.Fatalf("still running after %v", elapsed)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Fatalf("exit: %v, want 1\n%s", err, head(stderr.String()))
			}
			out := stderr.String()
			if !strings.HasPrefix(out, filepath.Join(dir, c.want)) && !strings.Contains(out, c.want) {
				t.Fatalf("stderr does not start with %q:\n%s", c.want, head(out))
			}
			if lines := strings.Count(out, "\n"); lines > 52 || strings.Contains(out, "goroutine") {
				t.Fatalf("%d lines of output:\n%s", lines, head(out))
			}
			t.Logf("%v", elapsed.Round(time.Millisecond))
		})
	}
}

func head(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
