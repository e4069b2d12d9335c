//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const exampleName = "Acme Cloud readiness"

// Exports were created 0644 whatever the umask: readable by every user.
func TestExportIsPrivateUnderUmask022(t *testing.T) {
	db := exampleDB(t)
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	for _, format := range []string{"md", "json", "csv"} {
		out := filepath.Join(t.TempDir(), "r."+format)
		if _, errOut, code := run(t, db, "", "export", exampleName, "-f", format, "-o", out); code != 0 {
			t.Fatalf("export: %s", errOut)
		}
		fi, err := os.Stat(out)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v, want mode 0600", format, fi.Mode(), err)
		}
	}
}

// -o --force replaced FIFOs and device files with regular files.
func TestExportRefusesTargetsThatAreNotRegularFiles(t *testing.T) {
	db := exampleDB(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{fifo: "a FIFO", dir: "a folder", "/dev/null": "a character device"}
	if fi, err := os.Stat("/dev/stdout"); err == nil && !fi.Mode().IsRegular() {
		targets["/dev/stdout"] = "not a regular file"
	}
	dev := filepath.Join(dir, "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o600, 1<<8|3); err == nil {
		targets[dev] = "a character device"
	}
	for target, what := range targets {
		before, _ := os.Lstat(target)
		_, errOut, code := run(t, db, "", "export", exampleName, "-o", target, "--force")
		if code != 1 || !strings.Contains(errOut, "not a regular file") || !strings.Contains(errOut, what) {
			t.Fatalf("%s: exit %d: %s", target, code, errOut)
		}
		after, _ := os.Lstat(target)
		if before.Mode() != after.Mode() {
			t.Fatalf("%s changed from %v to %v", target, before.Mode(), after.Mode())
		}
	}
}

func TestExportDashIsStandardOutput(t *testing.T) {
	db := exampleDB(t)
	dir := t.TempDir()
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	out, errOut, code := run(t, db, "", "export", exampleName, "-o", "-")
	if code != 0 || !strings.Contains(out, "# ") || errOut != "" {
		t.Fatalf("exit %d, stdout %d bytes, stderr %q", code, len(out), errOut)
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Fatalf("-o - wrote a file: %v", names[0].Name())
	}
}

func TestExportExplainsAnUnexpandedTilde(t *testing.T) {
	db := exampleDB(t)
	_, errOut, code := run(t, db, "", "export", exampleName, "-o", "~/no-such-folder-for-gapmap/r.md")
	if code != 1 || !strings.Contains(errOut, `"~" is expanded by the shell`) {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

// The draft Statement of Applicability exports from the same answers: one
// row per Annex A control, labelled a draft.
func TestExportSoA(t *testing.T) {
	db := exampleDB(t)
	out, errOut, code := run(t, db, "", "export", exampleName, "-f", "soa-csv")
	if code != 0 {
		t.Fatalf("export soa-csv: %s", errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if len(lines) != 94 || !strings.HasPrefix(lines[1], "draft SoA") || !strings.Contains(lines[1], ",A.5.1,") {
		t.Fatalf("soa-csv: %d lines, first row %q", len(lines), lines[1])
	}
	out, errOut, code = run(t, db, "", "export", exampleName, "-f", "soa-md")
	if code != 0 || !strings.Contains(out, "# Statement of Applicability (draft)") || !strings.Contains(out, "| A.8.34 |") {
		t.Fatalf("soa-md: %s %s", errOut, out[:min(len(out), 300)])
	}
	if _, errOut, code := run(t, db, "", "export", exampleName, "-f", "soa"); code == 0 || !strings.Contains(errOut, "soa-md or soa-csv") {
		t.Fatalf("unknown format: code %d, %s", code, errOut)
	}
}

// With the ISO target, import says the ISO figures apart from SOC 2's, and
// the SOC 2 line is the same as without it.
func TestImportWithISOTarget(t *testing.T) {
	data, err := os.ReadFile("../../testdata/answers/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.yaml")
	iso := filepath.Join(dir, "iso.yaml")
	withISO := strings.Replace(string(data), "  facts:\n", "  facts:\n    iso27001: true\n", 1)
	if withISO == string(data) {
		t.Fatal("the example states no facts to extend")
	}
	if err := os.WriteFile(plain, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(iso, []byte(withISO), 0o600); err != nil {
		t.Fatal(err)
	}
	outPlain, errOut, code := run(t, filepath.Join(dir, "a.db"), "", "import", plain)
	if code != 0 {
		t.Fatal(errOut)
	}
	outISO, errOut, code := run(t, filepath.Join(dir, "b.db"), "", "import", iso)
	if code != 0 {
		t.Fatal(errOut)
	}
	first := func(s string) string { return strings.SplitN(s, "\n", 2)[0] }
	if first(outPlain) != first(outISO) {
		t.Errorf("the ISO target changed the SOC 2 line:\n%s\n%s", first(outPlain), first(outISO))
	}
	if strings.Contains(outPlain, "27001") || !strings.Contains(outISO, "ISO/IEC 27001:2022: ") {
		t.Errorf("ISO line: without the target %q, with it %q", outPlain, outISO)
	}
}
