package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestListSaysWhatItsFigureCounts: the example answers access.mfa (critical,
// 4) partly, access.sso-idp (high, 3) yes and vendors.inventory (high, 3)
// unknown: controls in place (2 + 3) / 10 = 50%. The column says "in
// place", not "readiness", since it is not the share with evidence.
func TestListSaysWhatItsFigureCounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if _, errOut, code := run(t, db, "", "import", "../../testdata/answers/example.yaml"); code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	out, _, code := run(t, db, "", "list")
	lines := strings.Split(out, "\n")
	if code != 0 || len(lines) < 2 || !strings.Contains(lines[0], "IN PLACE") || !strings.Contains(lines[1], "50%") {
		t.Errorf("list: %d\n%s", code, out)
	}
}
