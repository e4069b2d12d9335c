package mdterm

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// colour is a themed set of styles, as the program's dark theme gives.
func colour() Styles {
	accent := lipgloss.Color("#A99BFF")
	return Styles{
		H1: lipgloss.NewStyle().Bold(true).Foreground(accent).Reverse(true), H2: lipgloss.NewStyle().Bold(true).Foreground(accent),
		H3: lipgloss.NewStyle().Bold(true), Strong: lipgloss.NewStyle().Bold(true), Emph: lipgloss.NewStyle().Italic(true),
		Code: lipgloss.NewStyle().Foreground(accent), Link: lipgloss.NewStyle().Underline(true),
		TableHeader: lipgloss.NewStyle().Bold(true), Border: lipgloss.NewStyle().Faint(true), Bullet: lipgloss.NewStyle().Foreground(accent),
	}
}

var (
	// anchorTarget is the part of a link the preview does not show.
	anchorTarget = regexp.MustCompile(`\]\(#[^)]*\)`)
	// delimiterRow is a table's alignment row.
	delimiterRow = regexp.MustCompile(`(?m)^\|[ :|-]+\|$`)
)

// letters counts the characters of text that carry its content: not
// spaces, not Markdown syntax, not the renderer's bullets and borders.
func letters(s string) map[rune]int {
	n := map[rune]int{}
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("\\*_`#|<>[]-+=:•◦▪│─┼━", r) {
			continue
		}
		n[r]++
	}
	return n
}

// Every report in the report package's golden files renders within the
// width at 40, 80 and 120 columns, plain and in colour, without losing a
// character of its text; plain has no escape sequence.
func TestGoldenReports(t *testing.T) {
	files, err := filepath.Glob("../report/testdata/*.md")
	if err != nil || len(files) < 5 {
		t.Fatalf("golden reports: %v, %d found", err, len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		want := letters(delimiterRow.ReplaceAllString(anchorTarget.ReplaceAllString(src, "]"), ""))
		for _, width := range []int{40, 80, 120} {
			for name, st := range map[string]Styles{"plain": {ASCII: true}, "colour": colour()} {
				out := Render(src, width, st)
				if name == "plain" && strings.Contains(out, "\x1b") {
					t.Errorf("%s at %d: an escape sequence in plain output", f, width)
				}
				checkWidth(t, out, width)
				got := letters(ansi.Strip(out))
				for r, n := range want {
					if got[r] < n {
						t.Errorf("%s at %d, %s: %d of %d %q shown", filepath.Base(f), width, name, got[r], n, r)
					}
				}
			}
		}
	}
}

// The words of a report's prose come out in their order.
func TestReportWordsInOrder(t *testing.T) {
	data, err := os.ReadFile("../report/testdata/seriesb.golden.md")
	if err != nil {
		t.Fatal(err)
	}
	para := ""
	for _, block := range strings.Split(string(data), "\n\n") {
		if strings.HasPrefix(block, "This report says") {
			para = block
		}
	}
	want := strings.Fields(strings.ReplaceAll(para, "*", ""))
	got := strings.Fields(plain(para, 40))
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Whatever the input, rendering neither panics nor passes the width.
func FuzzRender(f *testing.F) {
	for _, s := range []string{table, "- a\n  - b\\\n  c", "# h\n\n**x `y` [z](#w)**", "> q\n```\ncode", "| a |\n| - |\n| 漢字漢字漢字 |", "\\", "*", "[](", "<a@b.c>", "1. x\n   2) y"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, src string, width int) {
		width = minWidth + abs(width)%100
		out := Render(src, width, Styles{ASCII: true})
		for i, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("line %d is %d cells wide, more than %d: %q", i+1, w, width, l)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
