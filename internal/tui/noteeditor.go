package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// noteEditor is the text of a note, its cursor and its soft-wrapped rows.
// Its cost per key follows what is visible, not the length of the note:
// an edit re-wraps from two rows above it until the rows meet the old ones
// again, or until a screenful past it; rows further down are wrapped only
// when they are needed. (Bubbles' textarea memoizes the wrap of whole
// lines, keyed by a hash of the line, and renders every line before its
// viewport crops: a note of one long paragraph is re-hashed, re-wrapped
// and re-styled on every key.)
//
// Positions are byte offsets into text, always at the start of a grapheme
// cluster as segmented from the start of its row.
type noteEditor struct {
	text  string
	runes int // runes in text, for the limit
	limit int // most runes the note may hold; 0 for no limit

	width  int // cells per row; the last one is kept for the cursor
	height int // rows on screen

	// rows are the starts of the rows wrapped so far, the first always 0;
	// complete says the last of them is the last row of the text.
	rows     []int
	complete bool
	scratch  []int

	wrapped int // rows wrapped so far, which tests watch

	cur  int // the cursor
	top  int // the first row on screen
	goal int // the column up and down aim for, or -1
}

func newNoteEditor(text string, limit, width, height int) *noteEditor {
	e := &noteEditor{limit: limit, width: max(width, 1), height: max(height, 1), goal: -1}
	e.setText(text)
	return e
}

// setText replaces the whole text and puts the cursor at its end.
func (e *noteEditor) setText(text string) {
	e.text = sanitizeNote(text)
	e.runes = utf8.RuneCountInString(e.text)
	e.rows, e.complete = e.rows[:0], false
	e.rows = append(e.rows, 0)
	e.cur, e.top, e.goal = len(e.text), 0, -1
	e.scroll()
}

// setSize re-wraps for a new size, keeping the cursor's line on screen
// where it was.
func (e *noteEditor) setSize(width, height int) {
	width, height = max(width, 1), max(height, 1)
	if width == e.width && height == e.height {
		return
	}
	onScreen := e.rowOf(e.cur) - e.top
	if width != e.width {
		e.rows, e.complete = append(e.rows[:0], 0), false
	}
	e.width, e.height = width, height
	e.top = max(0, e.rowOf(e.cur)-min(onScreen, height-1))
	e.scroll()
}

// wrapRow finds where the row that starts at s ends: after a newline, after
// the last space that fits, or at the first cluster that does not fit.
// A space may hang in the cursor's column. last says the row ends the text.
func (e *noteEditor) wrapRow(s int) (end int, last bool) {
	e.wrapped++
	room := max(e.width-1, 1)
	w, space := 0, -1
	for pos := s; pos < len(e.text); {
		c, cw := ansi.FirstGraphemeCluster(e.text[pos:], ansi.GraphemeWidth)
		switch {
		case c == "\n":
			return pos + 1, false
		case c == " " && w+1 > room:
			return pos + 1, false
		case w+cw > room:
			if space > s {
				return space, false
			}
			if pos == s { // a cluster wider than the row
				return pos + len(c), false
			}
			return pos, false
		}
		w += cw
		pos += len(c)
		if c == " " {
			space = pos
		}
	}
	return len(e.text), true
}

// extend wraps one more row; it reports false once the rows are complete.
func (e *noteEditor) extend() bool {
	if e.complete {
		return false
	}
	end, last := e.wrapRow(e.rows[len(e.rows)-1])
	if last {
		e.complete = true
		return false
	}
	e.rows = append(e.rows, end)
	return true
}

// haveRow wraps until row r is known and reports whether the text has it.
func (e *noteEditor) haveRow(r int) bool {
	for len(e.rows) <= r && e.extend() {
	}
	return r < len(e.rows)
}

// rowOf is the row the cursor shows on at position p.
func (e *noteEditor) rowOf(p int) int {
	for e.rows[len(e.rows)-1] <= p && e.extend() {
	}
	lo, hi := 0, len(e.rows)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if e.rows[mid] <= p {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// rowEnd is where row r ends: the start of the next row, or the text's end.
func (e *noteEditor) rowEnd(r int) int {
	if e.haveRow(r + 1) {
		return e.rows[r+1]
	}
	return len(e.text)
}

// rowText is what row r shows, without its newline.
func (e *noteEditor) rowText(r int) string {
	return strings.TrimSuffix(e.text[e.rows[r]:e.rowEnd(r)], "\n")
}

// lastPos is the last position the cursor can take on row r: before its
// newline, at the text's end, or before the last cluster of a wrapped row
// (the position after it is the next row's start).
func (e *noteEditor) lastPos(r int) int {
	end := e.rowEnd(r)
	switch {
	case !e.haveRow(r + 1):
		return len(e.text)
	case e.text[end-1] == '\n':
		return end - 1
	}
	p := e.rows[r]
	for p < end {
		c, _ := ansi.FirstGraphemeCluster(e.text[p:end], ansi.GraphemeWidth)
		if p+len(c) >= end {
			break
		}
		p += len(c)
	}
	return p
}

// column is the cell the cursor at p is in on its row.
func (e *noteEditor) column(p int) int {
	return ansi.StringWidth(e.text[e.rows[e.rowOf(p)]:p])
}

// posAt is the position on row r nearest column col, not past it.
func (e *noteEditor) posAt(r, col int) int {
	last := e.lastPos(r)
	p, w := e.rows[r], 0
	for p < last {
		c, cw := ansi.FirstGraphemeCluster(e.text[p:], ansi.GraphemeWidth)
		if w+cw > col {
			break
		}
		w += cw
		p += len(c)
	}
	return p
}

// next is the position after the cluster at p.
func (e *noteEditor) next(p int) int {
	if p >= len(e.text) {
		return len(e.text)
	}
	c, _ := ansi.FirstGraphemeCluster(e.text[p:], ansi.GraphemeWidth)
	return p + len(c)
}

// prev is the position of the cluster before p.
func (e *noteEditor) prev(p int) int {
	if p <= 0 {
		return 0
	}
	r := e.rowOf(p)
	if e.rows[r] == p {
		r--
	}
	q := e.rows[r]
	for {
		n := e.next(q)
		if n >= p {
			return q
		}
		q = n
	}
}

// snap moves p to the start of the cluster it is in, if it is inside one.
func (e *noteEditor) snap(p int) int {
	p = min(max(p, 0), len(e.text))
	q := e.rows[e.rowOf(p)]
	for q < p {
		n := e.next(q)
		if n > p {
			return q
		}
		q = n
	}
	return q
}

// replace puts ins in place of text[a:b] and re-wraps what the edit can
// have changed: from two rows above it (a shorter word may move up) until
// a row starts where an old one did after the edit, when the rest is the
// old rows shifted, or until a screenful past it.
func (e *noteEditor) replace(a, b int, ins string) {
	k := e.rowOf(a)
	e.runes += utf8.RuneCountInString(ins) - utf8.RuneCountInString(e.text[a:b])
	e.text = e.text[:a] + ins + e.text[b:]
	delta := len(ins) - (b - a)

	// The old rows after the edit, which may be met again.
	tail := e.scratch[:0]
	for _, t := range e.rows[k:] {
		if t >= b {
			tail = append(tail, t+delta)
		}
	}
	e.scratch = tail
	wasComplete := e.complete

	e.rows = e.rows[:max(k-2, 0)+1]
	e.complete = false
	stop := k + 2*e.height + 4
	for i := 0; ; {
		end, last := e.wrapRow(e.rows[len(e.rows)-1])
		if last {
			e.complete = true
			return
		}
		for i < len(tail) && tail[i] < end {
			i++
		}
		if i < len(tail) && tail[i] == end {
			e.rows = append(e.rows, tail[i:]...)
			e.complete = wasComplete
			return
		}
		e.rows = append(e.rows, end)
		if len(e.rows) > stop {
			return // the rest is wrapped when it is needed
		}
	}
}

// insert types s at the cursor, cut to what the limit leaves room for.
func (e *noteEditor) insert(s string) {
	s = sanitizeNote(s)
	if e.limit > 0 {
		room := e.limit - e.runes
		if room <= 0 {
			return
		}
		if utf8.RuneCountInString(s) > room {
			i := 0
			for range room {
				_, n := utf8.DecodeRuneInString(s[i:])
				i += n
			}
			s = s[:i]
		}
	}
	if s == "" {
		return
	}
	e.replace(e.cur, e.cur, s)
	e.moveTo(e.snap(e.cur + len(s)))
}

// deleteTo removes the text between the cursor and p.
func (e *noteEditor) deleteTo(p int) {
	a, b := min(e.cur, p), max(e.cur, p)
	if a == b {
		return
	}
	e.replace(a, b, "")
	e.moveTo(e.snap(a))
}

// moveTo puts the cursor at p, forgetting the column up and down aimed for.
func (e *noteEditor) moveTo(p int) {
	e.cur, e.goal = p, -1
	e.scroll()
}

// moveRows moves the cursor n rows down (up if n < 0), keeping its column.
func (e *noteEditor) moveRows(n int) {
	if e.goal < 0 {
		e.goal = e.column(e.cur)
	}
	r := e.rowOf(e.cur) + n
	switch {
	case r < 0:
		e.cur = 0
	case !e.haveRow(r):
		e.cur = len(e.text)
	default:
		e.cur = e.posAt(r, e.goal)
	}
	e.scroll()
}

// scroll keeps the cursor's row on screen, and the screen full.
func (e *noteEditor) scroll() {
	r := e.rowOf(e.cur)
	if r < e.top {
		e.top = r
	}
	if r >= e.top+e.height {
		e.top = r - e.height + 1
	}
	if !e.haveRow(e.top + e.height - 1) {
		e.top = max(0, len(e.rows)-e.height)
	}
}

// wordEnd is the end of the word at or after p.
func (e *noteEditor) wordEnd(p int) int {
	for p < len(e.text) && isSpaceByte(e.text[p]) {
		p++
	}
	for p < len(e.text) && !isSpaceByte(e.text[p]) {
		p++
	}
	return e.snap(p)
}

// wordStart is the start of the word before p.
func (e *noteEditor) wordStart(p int) int {
	for p > 0 && isSpaceByte(e.text[p-1]) {
		p--
	}
	for p > 0 && !isSpaceByte(e.text[p-1]) {
		p--
	}
	return e.snap(p)
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' }

// lineStart and lineEnd are the ends of the paragraph around p.
func (e *noteEditor) lineStart(p int) int { return strings.LastIndexByte(e.text[:p], '\n') + 1 }

func (e *noteEditor) lineEnd(p int) int {
	if i := strings.IndexByte(e.text[p:], '\n'); i >= 0 {
		return p + i
	}
	return len(e.text)
}

// sanitizeNote keeps newlines and printable text: a carriage return or
// CRLF becomes a newline, a tab four spaces, other controls go.
func sanitizeNote(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if b := s[i]; (b < 0x20 && b != '\n') || b == 0x7f {
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(s) {
		return s
	}
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString("    ")
		case r == '\n' || (r >= 0x20 && r != 0x7f && (r < 0x80 || r > 0x9f)):
			b.WriteRune(r)
		}
	}
	return b.String()
}
