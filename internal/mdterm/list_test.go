package mdterm

import (
	"strings"
	"testing"
)

// Items hang under their text, nested items start under it too, and task
// boxes take the place of the bullet.
func TestNestedList(t *testing.T) {
	src := "- **Access control program**: critical or common audit finding\n" +
		"  - [ ] Provisioning (high)\n" +
		"  - [x] Reviews (critical)\n" +
		"- [ ] **Inventory** (medium): foundation\n" +
		"- Steps\n" +
		"  1. First step of several words\n" +
		"  2. Second"
	got := plain(src, 30)
	want := strings.Join([]string{
		"- Access control program:",
		"  critical or common audit",
		"  finding",
		"  [ ] Provisioning (high)",
		"  [x] Reviews (critical)",
		"[ ] Inventory (medium):",
		"    foundation",
		"- Steps",
		"  1. First step of several",
		"     words",
		"  2. Second",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := Render("- a\n  - b\n    - c\n      - d", 30, Styles{}); got != "• a\n  ◦ b\n    ▪ c\n      • d" {
		t.Errorf("bullets by depth: %q", got)
	}
	if got := Render("- a", 30, tagged()); got != "<li>• </li>a" {
		t.Errorf("bullet look: %q", got)
	}
}

// An item's lines joined by hard breaks stay lines; text after its nested
// list stays under it.
func TestListItemLines(t *testing.T) {
	src := "- **Policies**: Do you have policies?\\\n  Now · high\\\n  First steps:\n  - Start from a template.\n  after the list\n- next"
	got := plain(src, 40)
	want := "- Policies: Do you have policies?\n  Now · high\n  First steps:\n  * Start from a template.\n  after the list\n- next"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A lazy continuation line joins the item.
	if got := plain("- one\ntwo\n\npara", 40); got != "- one two\n\npara" {
		t.Errorf("got %q", got)
	}
	// A list ends at a heading.
	if got := plain("- one\n## H", 40); got != "- one\n\n## H" {
		t.Errorf("got %q", got)
	}
}

// Deep nesting at a narrow width keeps room for text.
func TestDeepListNarrow(t *testing.T) {
	src := "- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - words that need room"
	out := plain(src, 12)
	checkWidth(t, out, 12)
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "words that need room") {
		t.Errorf("text lost:\n%s", out)
	}
}
