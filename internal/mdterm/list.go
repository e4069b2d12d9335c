package mdterm

import "strings"

// marker is a list item's marker line: where it starts, the marker, where
// its text starts, and that text.
type marker struct {
	indent  int
	text    string
	ordered bool
	col     int
	content string
}

// listMarker parses a list item line ("- x", "  2. y"), or returns nil.
func listMarker(s string) *marker {
	t := strings.TrimLeft(s, " ")
	n := len(s) - len(t)
	m := 0
	ordered := false
	switch {
	case t == "":
		return nil
	case strings.IndexByte("-+*", t[0]) >= 0:
		m = 1
	default:
		m = len(t) - len(strings.TrimLeft(t, "0123456789"))
		if m == 0 || m > 9 || m == len(t) || (t[m] != '.' && t[m] != ')') {
			return nil
		}
		m++
		ordered = true
	}
	rest := t[m:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil
	}
	content := strings.TrimLeft(rest, " \t")
	gap := len(rest) - len(content)
	if gap > 4 || content == "" {
		gap = 1
	}
	return &marker{indent: n, text: t[:m], ordered: ordered, col: n + m + gap, content: content}
}

// item is a list item: its source lines, and the items under it. An item
// without a marker holds text that follows its siblings' nested lists.
type item struct {
	m        *marker
	lines    []string
	children []*item
}

// list renders the list that begins at lines[i], nested items and all, up
// to a blank line or another block.
func (r *renderer) list(lines []string, i, width int) ([]string, int) {
	var roots []*item
	var open []*item
	end := i
	for ; end < len(lines); end++ {
		s := lines[end]
		if strings.TrimSpace(s) == "" {
			break
		}
		if m := listMarker(s); m != nil && !isRule(s) {
			it := &item{m: m, lines: []string{m.content}}
			for len(open) > 0 && m.indent < open[len(open)-1].m.col {
				open = open[:len(open)-1]
			}
			if len(open) == 0 {
				roots = append(roots, it)
			} else {
				parent := open[len(open)-1]
				parent.children = append(parent.children, it)
			}
			open = append(open, it)
			continue
		}
		if startsBlock(lines, end) {
			break
		}
		open = continued(open, s)
	}
	return r.items(roots, 0, 0, width), end
}

// continued adds a continuation line to the deepest open item whose text
// it is indented under (else, lazily, to the deepest), closing the items
// nested deeper.
func continued(open []*item, s string) []*item {
	indent := len(s) - len(strings.TrimLeft(s, " "))
	k := len(open) - 1
	for j := len(open) - 1; j >= 0; j-- {
		if open[j].m.col <= indent {
			k = j
			break
		}
	}
	it := open[k]
	if n := len(it.children); n > 0 {
		// Text after a nested list goes under it, at the nested indent.
		last := it.children[n-1]
		if last.m.text != "" {
			last = &item{m: &marker{col: it.m.col}}
			it.children = append(it.children, last)
		}
		last.lines = append(last.lines, s)
	} else {
		it.lines = append(it.lines, s)
	}
	return open[:k+1]
}

// bullets are the markers of unordered items by depth.
var bullets = [2][3]string{{"•", "◦", "▪"}, {"-", "*", "+"}}

// items renders items at a depth, indented by indent cells; each item's
// lines hang under its text, and its nested items start there too.
func (r *renderer) items(items []*item, depth, indent, width int) []string {
	var out []string
	for _, it := range items {
		text := joinLines(it.lines)
		mark := it.m.text
		switch {
		case mark == "":
		case it.m.ordered:
			mark += " "
		case hasTaskBox(text):
			mark, text = text[:3]+" ", text[4:]
		default:
			ascii := 0
			if r.st.ASCII {
				ascii = 1
			}
			mark = bullets[ascii][depth%3] + " "
		}
		if strings.TrimSpace(text) != "" || mark != "" {
			out = append(out, r.wrapped(words(inlines(text, 0, nil)), width, indent, mark, "", lookBullet)...)
		}
		markW := line{{mark, 0}}.width()
		out = append(out, r.items(it.children, depth+1, indent+markW, width)...)
	}
	return out
}

// hasTaskBox is true for a GFM task item's "[ ] " or "[x] ".
func hasTaskBox(text string) bool {
	return len(text) > 4 && text[0] == '[' && text[2] == ']' && text[3] == ' ' && strings.IndexByte(" xX", text[1]) >= 0
}
