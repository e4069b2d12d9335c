// Package mdterm renders Markdown for a terminal at a given width: the
// subset gapmap's reports are written in (ATX headings, paragraphs, tight
// bullet and numbered lists with nested items, task boxes and hard breaks,
// GFM tables with alignment, strong, emphasis, code spans, links and
// autolinks, backslash escapes, rules), plus block quotes and fenced code.
// Anything else is shown as its text, never dropped. It knows nothing of
// the program's theme: the styles are handed in.
package mdterm

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Styles is how each construct looks. Zero styles print plain text, with
// no escape sequence at all.
type Styles struct {
	H1, H2, H3 lipgloss.Style
	Strong     lipgloss.Style
	Emph       lipgloss.Style
	Code       lipgloss.Style
	Link       lipgloss.Style
	// TableHeader is the header row of a table; Border its rules, and
	// horizontal rules.
	TableHeader lipgloss.Style
	Border      lipgloss.Style
	Bullet      lipgloss.Style
	// ASCII draws bullets, rules and table borders with ASCII characters,
	// for terminals that may show nothing else.
	ASCII bool
}

// minWidth is the narrowest rendering; below it lines would be all indent.
const minWidth = 12

// Render lays out the Markdown src in lines of at most width cells, joined
// by newlines, with a blank line between blocks.
func Render(src string, width int, st Styles) string {
	r := &renderer{st: st, looks: map[look]lipgloss.Style{}}
	// Tabs and control characters have no width of their own to lay out.
	src = strings.Map(func(c rune) rune {
		switch {
		case c == '\t':
			return ' '
		case c < ' ' && c != '\n' || c >= 0x7f && c < 0xa0:
			return -1
		}
		return c
	}, strings.ToValidUTF8(src, "\uFFFD"))
	return strings.Join(r.document(src, max(width, minWidth)), "\n")
}

type renderer struct {
	st    Styles
	looks map[look]lipgloss.Style
}

// document renders the blocks of src.
func (r *renderer) document(src string, width int) []string {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var out []string
	for i := 0; i < len(lines); {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		var block []string
		block, i = r.block(lines, i, width)
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, block...)
	}
	return out
}

// block renders the block that begins at lines[i] and returns the index
// after it.
func (r *renderer) block(lines []string, i, width int) ([]string, int) {
	s := lines[i]
	switch {
	case headingLevel(s) > 0:
		return r.heading(s, width), i + 1
	case isRule(s):
		return []string{r.render(line{r.repeat("─", "-", width)})}, i + 1
	case isFence(s):
		return r.fenced(lines, i, width)
	case isTableStart(lines, i):
		end := i + 2
		for end < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[end]), "|") {
			end++
		}
		return r.table(lines[i:end], width), end
	case listMarker(s) != nil:
		return r.list(lines, i, width)
	case isQuote(s):
		end := i
		var inner []string
		for end < len(lines) && isQuote(lines[end]) {
			inner = append(inner, strings.TrimPrefix(strings.TrimLeft(lines[end], " ")[1:], " "))
			end++
		}
		return r.quote(inner, width), end
	}
	end := i + 1
	for end < len(lines) && strings.TrimSpace(lines[end]) != "" && !startsBlock(lines, end) {
		end++
	}
	return r.paragraph(joinLines(lines[i:end]), width, 0, "", ""), end
}

// startsBlock is true when lines[i] begins a block that ends a paragraph.
func startsBlock(lines []string, i int) bool {
	s := lines[i]
	return headingLevel(s) > 0 || isRule(s) || isFence(s) || isTableStart(lines, i) || isQuote(s) || listMarker(s) != nil
}

// joinLines joins the source lines of a paragraph or item: a line ending in
// a backslash or two spaces is a hard break, else the break is a space.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, s := range lines {
		s = strings.TrimLeft(s, " \t")
		if i == len(lines)-1 {
			b.WriteString(strings.TrimRight(s, " \t"))
			break
		}
		trimmed := strings.TrimRight(s, " \t")
		switch {
		case strings.HasSuffix(trimmed, "\\") && run(reverse(trimmed), 0, '\\')%2 == 1:
			b.WriteString(trimmed[:len(trimmed)-1] + "\n")
		case strings.HasSuffix(s, "  "):
			b.WriteString(trimmed + "\n")
		default:
			b.WriteString(trimmed + " ")
		}
	}
	return b.String()
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// paragraph wraps Markdown text in base's look, indented by indent cells;
// the first line begins with first (a list marker, say), the others with
// as many spaces, or with rest when it is given.
func (r *renderer) paragraph(text string, width, indent int, first, rest string) []string {
	return r.wrapped(words(inlines(text, 0, nil)), width, indent, first, rest, 0)
}

// wrapped wraps words after a marker and renders the lines.
func (r *renderer) wrapped(ws []word, width, indent int, first, rest string, markLook look) []string {
	lines := hang(ws, width, indent, first, rest, markLook)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = r.render(l)
	}
	return out
}

// hang wraps words in lines that begin with indent spaces and first, the
// next ones with rest or, when it is empty, as many spaces as first.
func hang(ws []word, width, indent int, first, rest string, markLook look) []line {
	firstW := line{{first, 0}}.width()
	if rest == "" {
		rest = strings.Repeat(" ", firstW)
	}
	restW := line{{rest, 0}}.width()
	// Deep indents at a narrow width keep at least half the line for text.
	indent = min(indent, max(0, width/2-max(firstW, restW)))
	lines := wrapFirst(ws, width-indent-firstW, width-indent-restW)
	for i, l := range lines {
		lead := line{{strings.Repeat(" ", indent), 0}, {rest, 0}}
		if i == 0 {
			lead[1] = piece{first, markLook}
		}
		lines[i] = append(lead, l...)
	}
	return lines
}

// headingLevel is the level of an ATX heading line, or 0.
func headingLevel(s string) int {
	t := strings.TrimLeft(s, " ")
	if len(s)-len(t) > 3 {
		return 0
	}
	n := run(t, 0, '#')
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0
	}
	return n
}

// heading keeps its # marks, which tell the level apart without colour;
// a first-level heading is underlined with a rule as long as it.
func (r *renderer) heading(s string, width int) []string {
	level := headingLevel(s)
	text := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "#"))
	if t := strings.TrimRight(text, "#"); t != text && (t == "" || strings.HasSuffix(t, " ")) {
		text = strings.TrimSpace(t) // an optional closing sequence
	}
	lk := []look{lookH1, lookH2, lookH3}[min(level, 3)-1]
	marks := strings.Repeat("#", level) + " "
	lines := hang(words(inlines(text, lk, nil)), width, 0, marks, "", lk)
	out := make([]string, len(lines), len(lines)+1)
	w := 0
	for i, l := range lines {
		out[i] = r.render(l)
		w = max(w, l.width())
	}
	if level == 1 {
		out = append(out, r.render(line{r.repeat("━", "=", w)}))
	}
	return out
}

// repeat is a rule of n cells, drawn with box or ASCII characters.
func (r *renderer) repeat(box, ascii string, n int) piece {
	if r.st.ASCII {
		return piece{strings.Repeat(ascii, n), lookBorder}
	}
	return piece{strings.Repeat(box, n), lookBorder}
}

func isRule(s string) bool {
	t := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if len(t) < 3 || len(s)-len(strings.TrimLeft(s, " ")) > 3 {
		return false
	}
	return strings.Count(t, t[:1]) == len(t) && strings.Contains("-*_", t[:1])
}

func isFence(s string) bool {
	t := strings.TrimLeft(s, " ")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

func isQuote(s string) bool { return strings.HasPrefix(strings.TrimLeft(s, " "), ">") }

// fenced shows a code block as it is, cut to the width, in the code look.
func (r *renderer) fenced(lines []string, i, width int) ([]string, int) {
	fence := strings.TrimLeft(lines[i], " ")[:3]
	var out []string
	end := i + 1
	for ; end < len(lines); end++ {
		if strings.HasPrefix(strings.TrimLeft(lines[end], " "), fence) {
			end++
			break
		}
		text := strings.ReplaceAll(lines[end], "\t", "    ")
		for _, l := range wrap([]word{{{text, lookCode}}}, width-2) {
			out = append(out, r.render(append(line{{"  ", 0}}, l...)))
		}
	}
	return out, end
}

// quote renders the quoted Markdown behind a bar.
func (r *renderer) quote(inner []string, width int) []string {
	bar := "│"
	if r.st.ASCII {
		bar = "|"
	}
	if width-2 < minWidth { // quotes nested too deep for the width lose their bars
		return r.document(strings.Join(inner, "\n"), width)
	}
	bar = r.render(line{{bar, lookBorder}})
	out := r.document(strings.Join(inner, "\n"), width-2)
	for i, l := range out {
		out[i] = strings.TrimRight(bar+" "+l, " ")
	}
	return out
}

// render styles a line, one style per run of pieces in the same look.
func (r *renderer) render(l line) string {
	var b strings.Builder
	for i := 0; i < len(l); {
		j := i + 1
		text := l[i].text
		for j < len(l) && l[j].look == l[i].look {
			text += l[j].text
			j++
		}
		if l[i].look == 0 {
			b.WriteString(text)
		} else {
			b.WriteString(r.style(l[i].look).Render(text))
		}
		i = j
	}
	return strings.TrimRight(b.String(), " ")
}

// style combines the styles of a look's bits, the block's first.
func (r *renderer) style(lk look) lipgloss.Style {
	if s, ok := r.looks[lk]; ok {
		return s
	}
	st := r.st
	parts := []struct {
		bit   look
		style lipgloss.Style
	}{
		{lookH1, st.H1}, {lookH2, st.H2}, {lookH3, st.H3}, {lookHeader, st.TableHeader},
		{lookBullet, st.Bullet}, {lookBorder, st.Border},
		{lookLink, st.Link}, {lookCode, st.Code}, {lookStrong, st.Strong}, {lookEmph, st.Emph},
	}
	s := lipgloss.NewStyle()
	for _, p := range parts {
		if lk&p.bit != 0 {
			s = p.style.Inherit(s)
		}
	}
	r.looks[lk] = s
	return s
}
