package mdterm

import (
	"strings"
)

// isTableStart is true when lines[i] is a table's header row: a row of
// cells followed by its delimiter row.
func isTableStart(lines []string, i int) bool {
	if i+1 >= len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[i]), "|") {
		return false
	}
	d := strings.TrimSpace(lines[i+1])
	return strings.HasPrefix(d, "|") && strings.Trim(d, "|:- \t") == "" && strings.Contains(d, "-")
}

// cells splits a table row at its unescaped pipes.
func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, "\\|") {
		row = row[:len(row)-1]
	}
	var out []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			out = append(out, strings.TrimSpace(row[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(row[start:]))
}

// aligns reads each column's alignment from the delimiter row: 'l', 'c'
// or 'r'.
func aligns(delims []string) []byte {
	out := make([]byte, len(delims))
	for i, d := range delims {
		switch left, right := strings.HasPrefix(d, ":"), strings.HasSuffix(d, ":"); {
		case left && right:
			out[i] = 'c'
		case right:
			out[i] = 'r'
		default:
			out[i] = 'l'
		}
	}
	return out
}

// grid is a parsed table: its cells as words, the header row first.
type grid struct {
	rows  [][][]word
	align []byte
	cols  int
}

func parseTable(lines []string) grid {
	g := grid{align: aligns(cells(lines[1]))}
	for i, s := range lines {
		if i == 1 {
			continue
		}
		lk := look(0)
		if i == 0 {
			lk = lookHeader
		}
		var row [][]word
		for _, c := range cells(s) {
			row = append(row, words(inlines(c, lk, nil)))
		}
		g.rows = append(g.rows, row)
		g.cols = max(g.cols, len(row))
	}
	for len(g.align) < g.cols {
		g.align = append(g.align, 'l')
	}
	return g
}

// cell is the words of a cell, none when the row is short of cells.
func (g grid) cell(row, col int) []word {
	if col < len(g.rows[row]) {
		return g.rows[row][col]
	}
	return nil
}

// table lays a table out in columns that fit the width, their cells
// wrapped at spaces; when the columns cannot fit without cutting words,
// each row is shown as a record of "header: value" lines instead.
func (r *renderer) table(lines []string, width int) []string {
	g := parseTable(lines)
	widths, ok := g.fit(width - 3*(g.cols-1))
	if !ok {
		return r.records(g, width)
	}
	sep, cross, dash := " │ ", "─┼─", "─"
	if r.st.ASCII {
		sep, cross, dash = " | ", "-+-", "-"
	}
	rows := make([][][]line, len(g.rows))
	tall := false
	for i := range g.rows {
		rows[i] = g.layoutRow(i, widths)
		tall = tall || (i > 0 && len(rows[i]) > 1)
	}
	rule := make(line, 0, 2*g.cols)
	for c, w := range widths {
		if c > 0 {
			rule = append(rule, piece{cross, lookBorder})
		}
		rule = append(rule, piece{strings.Repeat(dash, w), lookBorder})
	}
	var out []string
	for i, row := range rows {
		if i == 1 || (i > 1 && tall) {
			out = append(out, r.render(rule))
		}
		for _, l := range row {
			var joined line
			for c, cl := range l {
				if c > 0 {
					joined = append(joined, piece{sep, lookBorder})
				}
				joined = append(joined, cl...)
			}
			out = append(out, r.render(joined))
		}
	}
	if len(rows) == 1 { // the rule shows the headers as headers
		out = append(out, r.render(rule))
	}
	return out
}

// fit shares avail cells among the columns: each gets its natural width
// when all fit. Else headers wrap first, down to the width of their column's
// cells, then the widest columns shrink in turn, none below its longest
// word. ok is false when even that is too wide: a cut word reads worse
// than a record.
func (g grid) fit(avail int) (widths []int, ok bool) {
	natural := make([]int, g.cols) // of every cell, the header's too
	body := make([]int, g.cols)    // of the cells under the header, or its longest word
	need := make([]int, g.cols)    // of the longest word
	for i, row := range g.rows {
		for c, ws := range row {
			n := len(ws) - 1
			for _, w := range ws {
				ww := w.width()
				n += ww
				need[c] = max(need[c], ww)
			}
			natural[c] = max(natural[c], n)
			if i > 0 {
				body[c] = max(body[c], n)
			}
		}
	}
	widths = make([]int, g.cols)
	total, least := 0, 0
	for c := range widths {
		widths[c] = max(natural[c], 1)
		need[c] = max(need[c], 1)
		body[c] = max(body[c], need[c])
		total += widths[c]
		least += need[c]
	}
	if least > avail {
		return nil, false
	}
	total = shrink(widths, body, total, avail)
	shrink(widths, need, total, avail)
	return widths, true
}

// shrink narrows the widest column above its floor by one cell until the
// columns fit in avail or all are at their floor, and returns their total.
func shrink(widths, floor []int, total, avail int) int {
	for total > avail {
		widest := -1
		for c, w := range widths {
			if w > floor[c] && (widest < 0 || w > widths[widest]) {
				widest = c
			}
		}
		if widest < 0 {
			break
		}
		widths[widest]--
		total--
	}
	return total
}

// layoutRow wraps each cell of a row to its column and pads the lines, so
// that every column has as many lines as the tallest cell.
func (g grid) layoutRow(row int, widths []int) [][]line {
	wrapped := make([][]line, g.cols)
	height := 1
	for c := range widths {
		wrapped[c] = wrap(g.cell(row, c), widths[c])
		height = max(height, len(wrapped[c]))
	}
	out := make([][]line, height)
	for i := range out {
		out[i] = make([]line, g.cols)
		for c, w := range widths {
			var l line
			if i < len(wrapped[c]) {
				l = wrapped[c][i]
			}
			out[i][c] = pad(l, w, g.align[c])
		}
	}
	return out
}

// records shows each row as its cells under their headers, for a width
// too narrow for the columns side by side.
func (r *renderer) records(g grid, width int) []string {
	var out []string
	for i := 1; i < len(g.rows); i++ {
		if i > 1 {
			out = append(out, r.render(line{r.repeat("─", "-", min(width, 8))}))
		}
		for c := range g.cols {
			head := append([]word(nil), g.cell(0, c)...)
			if n := len(head); n > 0 {
				last := append(word(nil), head[n-1]...)
				last = append(last, piece{":", lookHeader})
				head[n-1] = last
			}
			out = append(out, r.wrapped(append(head, g.cell(i, c)...), width, 0, "", "  ", 0)...)
		}
	}
	if len(g.rows) == 1 { // a table with no rows shows its headers
		for c := range g.cols {
			out = append(out, r.wrapped(g.cell(0, c), width, 0, "", "  ", 0)...)
		}
	}
	return out
}
