package cli

import (
	"github.com/gapmap/gapmap/internal/report"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportFormatsToFiles writes every format with -o: each is created
// owner-only, is never written over without --force, and the workbook
// imports back to the assessment the JSON export describes.
func TestExportFormatsToFiles(t *testing.T) {
	db := exampleDB(t)
	dir := filepath.Dir(db)
	const name = "Acme Cloud readiness"
	for _, format := range report.Formats {
		f := format.Name
		out := filepath.Join(dir, "report."+f)
		if _, errOut, code := run(t, db, "", "export", name, "--format", f, "-o", out); code != 0 {
			t.Fatalf("%s: %s", f, errOut)
		}
		st, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 || st.Size() == 0 {
			t.Errorf("%s: mode %v, %d bytes; want 0600 and content", f, st.Mode().Perm(), st.Size())
		}
		if _, errOut, code := run(t, db, "", "export", name, "--format", f, "-o", out); code != 1 || !strings.Contains(errOut, "--force") {
			t.Errorf("%s: a second export without --force: %d %q", f, code, errOut)
		}
		if _, errOut, code := run(t, db, "", "export", name, "--format", f, "-o", out, "--force"); code != 0 {
			t.Errorf("%s: --force: %s", f, errOut)
		}
	}

	db2 := filepath.Join(dir, "g2.db")
	out, errOut, code := run(t, db2, "", "import", filepath.Join(dir, "report.xlsx"))
	if code != 0 || !strings.Contains(out, `Created "Acme Cloud readiness"`) {
		t.Fatalf("import of the workbook: %d %q %q", code, out, errOut)
	}
	first, _, _ := run(t, db, "", "export", name, "--format", "json")
	second, _, _ := run(t, db2, "", "export", name, "--format", "json")
	if first != second {
		t.Errorf("the workbook did not import to the same assessment:\n%s\n---\n%s", first, second)
	}
}

// TestImportBadWorkbook names the file, sheet and cell, and changes nothing.
func TestImportBadWorkbook(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	bad := filepath.Join(dir, "broken.xlsx")
	os.WriteFile(bad, []byte("PK\x03\x04 truncated"), 0o600)
	_, errOut, code := run(t, db, "", "import", bad)
	if code != 1 || !strings.Contains(errOut, bad+": not a workbook") {
		t.Errorf("%d %q", code, errOut)
	}
	if out, _, _ := run(t, db, "", "list"); strings.Contains(out, "Acme") {
		t.Errorf("something was imported: %s", out)
	}
}

func TestExportHTMLBrand(t *testing.T) {
	db := exampleDB(t)
	dir := filepath.Dir(db)
	logo := filepath.Join(dir, "logo.svg")
	os.WriteFile(logo, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>`), 0o600)
	out, errOut, code := run(t, db, "", "export", "Acme Cloud readiness", "--format", "html",
		"--title", "Acme readiness review", "--prepared-by", "Northwind Advisory", "--logo", logo, "--draft")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	for _, s := range []string{"<title>Acme readiness review</title>", "Prepared by Northwind Advisory", "data:image/svg&#43;xml;base64,", `class="watermark"`} {
		if !strings.Contains(out, s) {
			t.Errorf("missing %q", s)
		}
	}
	gif := filepath.Join(dir, "logo.gif")
	os.WriteFile(gif, []byte("GIF89a..."), 0o600)
	if _, errOut, code := run(t, db, "", "export", "Acme Cloud readiness", "--format", "html", "--logo", gif); code != 1 || !strings.Contains(errOut, gif+": the logo is not a PNG, JPEG or SVG image") {
		t.Errorf("a GIF logo: %d %q", code, errOut)
	}
}
