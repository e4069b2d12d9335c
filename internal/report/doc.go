package report

import (
	"fmt"
	"strings"
)

// doc assembles a Markdown document from blocks. Joining blocks with one
// blank line, and ending with a single newline, is what keeps headings,
// lists and tables apart as markdownlint (MD012, MD022, MD032, MD047, MD058)
// and every renderer expect. Text handed to it is already escaped.
type doc struct {
	blocks   []string
	headings map[string]int
}

func newDoc() *doc { return &doc{headings: map[string]int{}} }

// heading adds a heading, made unique (MD024) by a counter when the same
// text came before, as area titles from a custom questionnaire might.
func (d *doc) heading(level int, text string) {
	d.headings[text]++
	if n := d.headings[text]; n > 1 {
		text = fmt.Sprintf("%s (%d)", text, n)
	}
	d.blocks = append(d.blocks, strings.Repeat("#", level)+" "+text)
}

func (d *doc) para(text string) { d.blocks = append(d.blocks, text) }

// listItem is one bullet: its first line, then lines shown under it. The
// lines are joined with a backslash hard break, which CommonMark, GitHub and
// glamour all honour and which needs no trailing spaces (MD009).
type listItem []string

func (d *doc) list(items []listItem) {
	nested := make([]nestedItem, len(items))
	for i, it := range items {
		nested[i] = nestedItem{lines: it}
	}
	d.nestedList(nested)
}

// nestedItem is a bullet with a list under it: the sub-items are one line
// each, numbered when ordered (steps in their order), bulleted otherwise.
type nestedItem struct {
	lines   listItem
	sub     []string
	ordered bool
}

// nestedList adds a list whose items may hold a list of their own, indented
// two spaces under the item's text, with no blank line, so the list stays
// tight in every renderer and markdownlint (MD007, MD032) is satisfied.
func (d *doc) nestedList(items []nestedItem) {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		// A blank line would end the item and a trailing space is lint.
		b.WriteString(strings.TrimRight("- "+strings.Join(it.lines, "\\\n  "), " "))
		for j, s := range it.sub {
			marker := "-"
			if it.ordered {
				marker = fmt.Sprintf("%d.", j+1)
			}
			b.WriteString(strings.TrimRight("\n  "+marker+" "+s, " "))
		}
	}
	d.blocks = append(d.blocks, b.String())
}

// column is a table column: its header and whether it holds numbers, which
// are right-aligned.
type column struct {
	header  string
	numeric bool
}

// table adds a table. Empty cells show a dash so every row keeps the same
// shape (MD055, MD056).
func (d *doc) table(cols []column, rows [][]string) {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			if c == "" {
				c = "—"
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteByte('\n')
	}
	headers := make([]string, len(cols))
	rules := make([]string, len(cols))
	for i, c := range cols {
		headers[i] = c.header
		rules[i] = "---"
		if c.numeric {
			rules[i] = "---:"
		}
	}
	row(headers)
	row(rules)
	for _, r := range rows {
		row(r)
	}
	d.blocks = append(d.blocks, strings.TrimSuffix(b.String(), "\n"))
}

func (d *doc) bytes() []byte {
	return []byte(strings.Join(d.blocks, "\n\n") + "\n")
}
