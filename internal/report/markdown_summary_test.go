package report_test

import (
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// TestSummaryNamesFirstActions: the summary of each sample names five
// actions, or as many as Now holds if fewer, each with its title, an owner
// and a reason, and it comes before the roadmap.
func TestSummaryNamesFirstActions(t *testing.T) {
	qn := testQuestionnaire(t)
	for _, name := range fixtures {
		in := report.NewInput(qn, loadFixture(t, qn, name), generated)
		md := string(render(t, in, formats[0].write))
		section := between(md, "### Start with these\n", "\n#")
		if section == "" || strings.Index(md, "### Start with these") > strings.Index(md, "## Plan") {
			t.Fatalf("%s: no first actions before the roadmap", name)
		}
		entries := in.Plan.Entries(roadmap.Now)
		want := min(5, len(entries))
		var actions []string
		for _, line := range strings.Split(strings.TrimSpace(section), "\n") {
			if strings.HasPrefix(line, "- ") {
				actions = append(actions, line)
			}
		}
		if len(actions) != want {
			t.Fatalf("%s: %d actions, want %d:\n%s", name, len(actions), want, section)
		}
		for i, e := range entries[:want] {
			if !strings.HasPrefix(actions[i], "- **"+e.Title()) || !hasOwner(actions[i]) {
				t.Errorf("%s: action %d is %q, want %q with an owner", name, i+1, actions[i], e.Title())
			}
		}
		if n := strings.Count(section, "Why now: "); n != want {
			t.Errorf("%s: %d reasons for %d actions", name, n, want)
		}
		for _, e := range entries[:want] {
			if !strings.Contains(section, "Why now: "+e.Reason().Title()) {
				t.Errorf("%s: %q has no reason", name, e.Title())
			}
		}
		if !strings.Contains(md, "### Biggest risks\n") {
			t.Errorf("%s: no biggest risks", name)
		}
	}
}

// hasOwner: an action names its owner, its owners, or says it has none.
func hasOwner(action string) bool {
	return strings.Contains(action, ", owner: ") || strings.Contains(action, ", owners: ") ||
		strings.Contains(action, ", no owner yet")
}

// between is the text after start up to end, or "".
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	if j := strings.Index(s, end); j >= 0 {
		return s[:j]
	}
	return s
}
