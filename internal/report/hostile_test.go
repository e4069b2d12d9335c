package report_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/report"
)

// hostile is user-entered text that tries to break out of its place in the
// document: headings, tables, HTML, code, lists, quotes, emphasis, links,
// math, entities, terminal escapes (CSI, OSC hyperlink, 8-bit CSI), NUL,
// DEL, CR, bidi overrides and invalid UTF-8.
var hostile = []string{
	"# heading\n## another",
	"| a | b |\n|---|---|\n| c | d |",
	"<script>alert(1)</script><img src=x onerror=alert(2)>",
	"```\ncode block\n```\n~~~\nmore\n~~~",
	"\x1b[31mred\x1b[0m \x1b]8;;/evil\x07link\x1b]8;;\x07 \x1b]0;title\x1b\\ \u009b2J",
	"nul\x00byte del\x7f bell\a back\bspace",
	"carriage\rreturn\r\n- item\n1. one\n> quote\n\n    indented code",
	"**bold** _em_ `code` [link](/x) ![img](/y) ~~strike~~ $x^2$ &amp; &#60; \\",
	"\u202eevil bidi\u202c zero\u200bwidth \xff\xfe",
	"---",
	"===",
	"- [ ] fake task",
	"+ plus\n* star",
	"1) one\n2. two",
	"line one  \nline two\\\nline three",
	"[ref]: /x \"title\"",
	"<!-- comment --> <div>block</div>",
}

// withText returns a copy of the seriesb fixture with every user-entered
// string replaced by text(i), i counting up across fields.
func withText(t *testing.T, text func(i int) string) (report.Input, *assessment.Assessment) {
	qn := testQuestionnaire(t)
	a := loadFixture(t, qn, "seriesb")
	n := 0
	next := func() string { n++; return text(n) }
	a.Name = next()
	s := &a.Scope
	s.Organization, s.System, s.Description = next(), next(), next()
	for i := range s.Components {
		s.Components[i].Name, s.Components[i].Kind = next(), assessment.ComponentKind(next())
	}
	s.DataTypes = append(s.DataTypes, assessment.DataType(next()))
	for i := range s.PrivilegedTeams {
		s.PrivilegedTeams[i] = next()
	}
	for i := range s.Subservices {
		s.Subservices[i].Name, s.Subservices[i].Service = next(), next()
		s.Subservices[i].Method = assessment.SubserviceMethod(next())
	}
	for i := range s.CUECs {
		s.CUECs[i] = next()
	}
	a.Target.TargetDate = next()
	for _, id := range slices.Sorted(func(yield func(string) bool) {
		for id := range a.Answers {
			if !yield(id) {
				return
			}
		}
	}) {
		ans := a.Answers[id]
		ans.Note, ans.Evidence, ans.Owner, ans.AnsweredBy = next(), next(), next(), next()
		a.Answers[id] = ans
	}
	return report.NewInput(qn, a, generated), a
}

func TestHostileTextCannotChangeTheStructure(t *testing.T) {
	harmlessIn, _ := withText(t, func(i int) string { return fmt.Sprintf("plain words %d", i) })
	hostileIn, _ := withText(t, func(i int) string { return hostile[i%len(hostile)] })
	harmless := render(t, harmlessIn, formats[0].write)
	md := render(t, hostileIn, formats[0].write)

	for i, r := range string(md) {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e' || r == '\u200b' || r == '\ufffd') {
			t.Fatalf("control or invisible character %U at byte %d: %q", r, i, md[max(0, i-30):min(len(md), i+30)])
		}
	}
	if bytes.Contains(md, []byte("\r")) || bytes.Contains(md, []byte(" \n")) {
		t.Errorf("carriage return or trailing space in the Markdown")
	}

	want, got := structure(harmless), structure(md)
	if len(want) != len(got) {
		t.Fatalf("hostile text changed the number of lines: %d, harmless %d", len(got), len(want))
	}
	lines := strings.Split(string(md), "\n")
	for i := range want {
		if want[i] != got[i] {
			t.Errorf("line %d: structure %q, harmless %q\n%s", i+1, got[i], want[i], lines[i])
		}
	}
	// The text itself survives, shown literally once escapes are read.
	shown := unescape(string(md))
	for _, s := range []string{"<script>alert(1)</script>", "# heading ## another", "| a | b |", "**bold** _em_ `code`", "&amp;"} {
		if !strings.Contains(shown, s) {
			t.Errorf("rendered text lost %q", s)
		}
	}
}

// structure describes each line by what a Markdown parser decides from it:
// the block it opens (heading level, table row and its cell count, task,
// bullet, continuation, paragraph), whether it ends in a hard break, and
// every Markdown-special character it holds unescaped, which is where
// emphasis, code, links, HTML, entities, math and cells come from. Text
// that is properly escaped adds nothing to it.
func structure(md []byte) []string {
	lines := strings.Split(string(md), "\n")
	out := make([]string, len(lines))
	for i, l := range lines {
		var block string
		switch {
		case l == "":
			block = "blank"
		case strings.HasPrefix(l, "#"):
			block = "h" + fmt.Sprint(len(l)-len(strings.TrimLeft(l, "#")))
		case strings.HasPrefix(l, "|"):
			block = "row"
		case strings.HasPrefix(l, "- [ ] "):
			block = "task"
		case strings.HasPrefix(l, "- "):
			block = "bullet"
		case strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "    "):
			block = "continuation"
		default:
			block = "paragraph"
		}
		out[i] = block + " " + unescapedSpecials(l)
	}
	return out
}

// unescapedSpecials lists, in order, the structural characters of a line
// that no backslash escapes, and "br" for a closing hard break.
func unescapedSpecials(l string) string {
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == '\\' && i+1 < len(l):
			i++ // an escape pair: the next character is literal
		case c == '\\':
			b.WriteString("br")
		case strings.IndexByte("`*_[]<>#|~&$", c) >= 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unescape reads backslash escapes as a Markdown renderer does.
func unescape(md string) string {
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' && i+1 < len(md) && strings.IndexByte("\\`*_[]<>#|~&$!-+=.)(", md[i+1]) >= 0 {
			i++
		}
		b.WriteByte(md[i])
	}
	return b.String()
}

func TestHostileTextInCSVAndJSON(t *testing.T) {
	in, a := withText(t, func(i int) string { return hostile[i%len(hostile)] })
	data := render(t, in, formats[2].write)
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for col, cell := range row {
			for _, r := range cell {
				// Only the description (column 3) keeps line breaks.
				if (r < 0x20 && !(r == '\n' && col == 2)) || r == 0x7f || (r >= 0x80 && r < 0xa0) {
					t.Fatalf("control character %U in the CSV, column %d: %q", r, col+1, cell)
				}
			}
			if cell != "" && strings.IndexByte("=+-@", cell[0]) >= 0 {
				t.Errorf("a cell starts a formula: %q", cell)
			}
		}
	}
	// JSON keeps the text exactly (escaped by encoding/json) so an export
	// imports back to what was entered.
	js := render(t, in, formats[1].write)
	if bytes.ContainsAny(js, "\x00\x1b\r") {
		t.Errorf("raw control characters in the JSON")
	}
	if !bytes.Contains(js, []byte(`\u001b[31mred`)) || len(a.Answers) == 0 {
		t.Errorf("JSON does not keep the entered text")
	}
}
