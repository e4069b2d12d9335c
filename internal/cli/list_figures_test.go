package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestListSaysWhatItsFigureCounts: the example answers access.mfa (critical,
// 4) partly, access.sso-idp (high, 3) yes and vendors.inventory (high, 3)
// unknown: controls in place (2 + 3) / 10 = 50%, auditable today 3 / 10 =
// 30%. The column says "in place", not "readiness", since it is not the
// share with evidence.
func TestListSaysWhatItsFigureCounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	out, errOut, code := run(t, db, "", "import", "../../testdata/answers/example.yaml")
	if code != 0 || !strings.Contains(out, "50% of controls in place, 30% auditable today") {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	out, _, code = run(t, db, "", "list")
	lines := strings.Split(out, "\n")
	if code != 0 || len(lines) < 2 || !strings.Contains(lines[0], "IN PLACE") || !strings.Contains(lines[0], "AUDITABLE") ||
		!strings.Contains(lines[1], "50%") || !strings.Contains(lines[1], "30%") {
		t.Errorf("list: %d\n%s", code, out)
	}
	out, _, code = run(t, db, "", "list", "--json")
	var list []listEntry
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 ||
		list[0].Readiness == nil || *list[0].Readiness != 50 || list[0].Auditable == nil || *list[0].Auditable != 30 {
		t.Errorf("list --json: %d\n%s", code, out)
	}
}

// C3: an assessment with no answers showed 0% in list, readiness_pct 0 in
// list --json and "0% of controls in place, 0% auditable today" at import,
// where the home screen and compare show "—": nothing is scored yet, which
// is not nothing in place.
func TestUnscoredAssessmentIsNotZeroPercent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	empty := filepath.Join(dir, "empty.yaml")
	os.WriteFile(empty, []byte("name: Nothing yet\n"), 0o600)
	out, errOut, code := run(t, db, "", "import", empty)
	if code != 0 || strings.Contains(out, "0%") || !strings.Contains(out, "not scored yet") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	out, _, _ = run(t, db, "", "list")
	lines := strings.Split(out, "\n")
	if len(lines) < 2 || strings.Count(lines[1], "—") != 2 || strings.Contains(strings.Replace(lines[1], "0% (0/", "", 1), "%") {
		t.Errorf("list:\n%s", out)
	}
	out, _, _ = run(t, db, "", "list", "--json")
	if !strings.Contains(out, `"readiness_pct": null`) || !strings.Contains(out, `"auditable_pct": null`) {
		t.Errorf("list --json:\n%s", out)
	}
}
