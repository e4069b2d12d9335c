package mdterm

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// plain renders without styles, as NO_COLOR does.
func plain(src string, width int) string { return Render(src, width, Styles{ASCII: true}) }

// tagged are styles that mark each construct with a tag instead of
// colour, so tests can see what was styled how.
func tagged() Styles {
	tag := func(name string) lipgloss.Style {
		return lipgloss.NewStyle().Transform(func(s string) string { return "<" + name + ">" + s + "</" + name + ">" })
	}
	return Styles{
		H1: tag("h1"), H2: tag("h2"), H3: tag("h3"), Strong: tag("b"), Emph: tag("i"),
		Code: tag("code"), Link: tag("a"), TableHeader: tag("th"), Border: tag("rule"), Bullet: tag("li"),
	}
}

// checkWidth fails when a line is wider than width cells.
func checkWidth(t *testing.T, out string, width int) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, w, width, l)
		}
	}
}

func TestParagraphWraps(t *testing.T) {
	src := "The quick brown fox\njumps over the lazy dog, and then it runs far away from the farm."
	out := plain(src, 20)
	want := "The quick brown fox\njumps over the lazy\ndog, and then it\nruns far away from\nthe farm."
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestHardBreaks(t *testing.T) {
	for _, src := range []string{"first line\\\nsecond line", "first line  \nsecond line"} {
		if out := plain(src, 40); out != "first line\nsecond line" {
			t.Errorf("%q rendered %q", src, out)
		}
	}
	// An escaped backslash at the end is text, not a break.
	if out := plain("a \\\\\nb", 40); out != "a \\ b" {
		t.Errorf("an escaped backslash rendered %q", out)
	}
}

func TestBlocksAreSeparatedByOneBlankLine(t *testing.T) {
	out := plain("para one\n\n\n\npara two", 40)
	if out != "para one\n\npara two" {
		t.Errorf("got %q", out)
	}
}

func TestHeadings(t *testing.T) {
	out := plain("# Title here\n\n## Section\n\n### Sub\n\n#### Deep ##", 40)
	want := "# Title here\n============\n\n## Section\n\n### Sub\n\n#### Deep"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	out = Render("# Title\n\n## Two\n\n### Three\n\n#### Four", 40, tagged())
	for _, want := range []string{"<h1># Title</h1>", "<rule>━━━━━━━</rule>", "<h2>## Two</h2>", "<h3>### Three</h3>", "<h3>#### Four</h3>"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// A long heading hangs under its text, not its marks.
	out = plain("## A heading that is long enough to wrap", 20)
	if want := "## A heading that is\n   long enough to\n   wrap"; out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	// "#2" is not a heading.
	if out := plain("#2 is text", 40); out != "#2 is text" {
		t.Errorf("got %q", out)
	}
}

func TestInlineLooks(t *testing.T) {
	src := "**bold** and *it* and `co*de*` and [Appendix: x](#appendix-x) and <https://a.example/p> and ***both***"
	out := Render(src, 200, tagged())
	for _, want := range []string{"<b>bold</b>", "<i>it</i>", "<code>co*de*</code>", "<a>Appendix: x</a>", "<a>https://a.example/p</a>", "both"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in %q", want, out)
		}
	}
	if strings.Contains(out, "#appendix") || strings.Contains(out, "**") {
		t.Errorf("markup left in %q", out)
	}
	if got := plain(src, 200); got != "bold and it and co*de* and Appendix: x and https://a.example/p and both" {
		t.Errorf("plain: %q", got)
	}
	// Strong across words keeps the space between them in its look.
	if out := Render("**two words**", 40, tagged()); out != "<b>two words</b>" {
		t.Errorf("got %q", out)
	}
}

// Everything sanitize.go escapes comes out as the character itself.
func TestEscapes(t *testing.T) {
	src := `\\ \` + "`" + ` \* \_ \[ \] \< \> \# \| \~ \& \$ \- \+ \= 1\. x`
	want := "\\ ` * _ [ ] < > # | ~ & $ - + = 1. x"
	if got := plain(src, 80); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := plain(`\*not emphasis\*`, 80); got != "*not emphasis*" {
		t.Errorf("got %q", got)
	}
	if got := plain(`**Note:** Quote \#2 at \<b\>`, 80); got != "Note: Quote #2 at <b>" {
		t.Errorf("got %q", got)
	}
}

// What the renderer does not know is shown as it is written.
func TestUnknownIsKept(t *testing.T) {
	for src, want := range map[string]string{
		"<div>html</div>":     "<div>html</div>",
		"~~struck~~ &amp; x":  "~~struck~~ &amp; x",
		"**unclosed and *one": "**unclosed and *one",
		"snake_case_name":     "snake_case_name",
		"a * b * c":           "a * b * c",
		"[not a link] (x)":    "[not a link] (x)",
		"``":                  "``",
		"<!-- a comment -->":  "<!-- a comment -->",
	} {
		if got := plain(src, 80); got != want {
			t.Errorf("%q rendered %q, want %q", src, got, want)
		}
	}
	// A link elsewhere keeps its address, as it cannot be followed here.
	if got := plain("[docs](https://example.com/docs)", 80); got != "docs (https://example.com/docs)" {
		t.Errorf("got %q", got)
	}
}

func TestRule(t *testing.T) {
	if got := plain("a\n\n---\n\nb", 14); got != "a\n\n--------------\n\nb" {
		t.Errorf("got %q", got)
	}
	if got := Render("***", 12, Styles{}); got != strings.Repeat("─", 12) {
		t.Errorf("got %q", got)
	}
}

func TestQuoteAndFence(t *testing.T) {
	got := plain("> quoted text that wraps here\n> and more", 16)
	if want := "| quoted text\n| that wraps\n| here and more"; got != want {
		t.Errorf("quote: got\n%s\nwant\n%s", got, want)
	}
	got = Render("```\nif a *b* {\n```", 40, tagged())
	if got != "  <code>if a *b* {</code>" {
		t.Errorf("fence: got %q", got)
	}
}

// Wide characters count as two cells: lines stay within the width and a
// word wider than the line is cut between characters.
func TestWideCharacters(t *testing.T) {
	src := "状態報告書は監査人が読むための文書です。 🚀🚀🚀 emoji 👩‍💻 rocket 🇫🇷 flag"
	for _, width := range []int{12, 13, 20, 40} {
		out := plain(src, width)
		checkWidth(t, out, width)
		if strings.Join(strings.Fields(out), "") != strings.Join(strings.Fields(src), "") {
			t.Errorf("width %d lost text:\n%s", width, out)
		}
	}
	out := plain("漢字漢字漢字漢字", 12)
	if out != "漢字漢字漢字\n漢字" {
		t.Errorf("got %q", out)
	}
}

func TestNoColorHasNoEscapes(t *testing.T) {
	src := "# T\n\n**b** *i* `c` [l](#l)\n\n- x\n  - y\n\n| a | b |\n| --- | ---: |\n| 1 | 2 |\n\n---"
	if out := plain(src, 40); strings.Contains(out, "\x1b") {
		t.Errorf("escape sequence in %q", out)
	}
	if out := Render(src, 40, Styles{}); strings.Contains(out, "\x1b") {
		t.Errorf("zero styles printed an escape sequence: %q", out)
	}
	bold := Styles{Strong: lipgloss.NewStyle().Bold(true)}
	if out := Render("**b**", 40, bold); !strings.Contains(out, "\x1b[1m") {
		t.Errorf("a bold style printed no escape: %q", out)
	}
}
