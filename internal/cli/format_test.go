package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportFormatFromExtension: without --format, -o FILE's extension
// picks the format (report.xlsx held Markdown); a --format that
// contradicts a known extension is refused and writes nothing; the SoA
// drafts, which share .md and .csv, are still written with --format.
func TestExportFormatFromExtension(t *testing.T) {
	db := exampleDB(t)
	dir := filepath.Dir(db)
	const name = "Acme Cloud readiness"
	starts := map[string]string{
		"r.xlsx": "PK\x03\x04", "r.HTML": "<!DOCTYPE html>", "r.json": "{", "r.md": "# ", "r.csv": "Order,", "r.txt": "# ",
	}
	for file, start := range starts {
		out := filepath.Join(dir, file)
		if _, errOut, code := run(t, db, "", "export", name, "-o", out); code != 0 {
			t.Fatalf("%s: %d %s", file, code, errOut)
		}
		data, _ := os.ReadFile(out)
		if !bytes.HasPrefix(data, []byte(start)) {
			t.Errorf("%s starts %q, want %q", file, firstBytes(data), start)
		}
	}
	for _, args := range [][]string{
		{"--format", "json", "-o", filepath.Join(dir, "x.xlsx")},
		{"--format", "md", "-o", filepath.Join(dir, "x.html")},
		{"--format", "soa-csv", "-o", filepath.Join(dir, "x.md")},
	} {
		_, errOut, code := run(t, db, "", append([]string{"export", name}, args...)...)
		if code != 1 || !strings.Contains(errOut, "nothing was written") || !strings.Contains(errOut, "--format "+args[1]) {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
		if _, err := os.Stat(args[3]); err == nil {
			t.Errorf("%v: the file was written", args)
		}
	}
	for _, f := range []string{"soa-md", "soa-csv"} {
		ext := strings.TrimPrefix(f, "soa-")
		out := filepath.Join(dir, "soa."+ext)
		if _, errOut, code := run(t, db, "", "export", name, "--format", f, "-o", out); code != 0 {
			t.Errorf("%s: %d %s", f, code, errOut)
		}
		data, _ := os.ReadFile(out)
		if !strings.Contains(string(data), "A.5.1") {
			t.Errorf("%s: not the SoA: %q", f, firstBytes(data))
		}
	}
}

// TestDemoExportFormat: demo --export follows the same rules.
func TestDemoExportFormat(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	for file, start := range map[string]string{"d.html": "<!DOCTYPE html>", "demo.json": "{", "d.xlsx": "PK\x03\x04", "d.md": "# "} {
		out := filepath.Join(dir, file)
		if _, errOut, code := run(t, db, "", "demo", "--export", out); code != 0 {
			t.Fatalf("%s: %d %s", file, code, errOut)
		}
		data, _ := os.ReadFile(out)
		if !bytes.HasPrefix(data, []byte(start)) {
			t.Errorf("%s starts %q, want %q", file, firstBytes(data), start)
		}
	}
	out := filepath.Join(dir, "clash.xlsx")
	if _, errOut, code := run(t, db, "", "demo", "--export", out, "--format", "md"); code != 1 || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("a clashing --format: %d %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("clash.xlsx was written")
	}
	out = filepath.Join(dir, "soa.csv")
	if _, errOut, code := run(t, db, "", "demo", "--export", out, "--format", "soa-csv"); code != 0 {
		t.Errorf("soa-csv: %d %s", code, errOut)
	}
}

func firstBytes(b []byte) string {
	return string(b[:min(len(b), 20)])
}

// C6: a 586 KiB or 3.8 MiB --logo was "512 KiB" in the refusal, the
// amount read before checking.
func TestLogoTooLargeSaysItsSize(t *testing.T) {
	db := exampleDB(t)
	dir := filepath.Dir(db)
	for size, want := range map[int]string{586 << 10: "the logo is 586 KiB", 3984588: "the logo is 3.8 MiB"} {
		logo := filepath.Join(dir, "logo.png")
		os.WriteFile(logo, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, size-8)...), 0o600)
		out := filepath.Join(dir, "r.html")
		_, errOut, code := run(t, db, "", "export", "Acme Cloud readiness", "-o", out, "--logo", logo)
		if code != 1 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "the most a report embeds is 512 KiB") {
			t.Errorf("%d bytes: %d %q, want %q", size, code, errOut, want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%d bytes: the report was written", size)
		}
	}
}
