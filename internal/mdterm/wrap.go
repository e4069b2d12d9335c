package mdterm

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// word is text wrapping keeps on one line, in one or more looks
// ("**Owner:**" then "x" is one word when nothing separates them). A
// word with no pieces is a hard line break.
type word []piece

// line is a wrapped line: pieces, spaces included.
type line []piece

// words splits pieces at spaces into words; a newline is a hard break.
func words(ps []piece) []word {
	var out []word
	var cur word
	end := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, p := range ps {
		text := p.text
		for text != "" {
			i := strings.IndexAny(text, " \t\n")
			if i < 0 {
				cur = append(cur, piece{text, p.look})
				break
			}
			if i > 0 {
				cur = append(cur, piece{text[:i], p.look})
			}
			end()
			if text[i] == '\n' {
				out = append(out, word{})
			}
			text = text[i+1:]
		}
	}
	end()
	return out
}

func (w word) width() int {
	n := 0
	for _, p := range w {
		n += ansi.StringWidth(p.text)
	}
	return n
}

func (l line) width() int { return word(l).width() }

// wrap fills lines of at most width cells, greedily; a word wider than a
// line is cut between characters. There is always at least one line.
func wrap(ws []word, width int) []line { return wrapFirst(ws, width, width) }

// wrapFirst is wrap with a first line of its own width.
func wrapFirst(ws []word, first, width int) []line {
	width = max(width, 2)
	var out []line
	var cur line
	curW := 0
	rest := width
	width = max(first, 2)
	newline := func() {
		out = append(out, cur)
		cur, curW = nil, 0
		width = rest
	}
	for _, w := range ws {
		if len(w) == 0 {
			newline()
			continue
		}
		ww := w.width()
		if curW > 0 && curW+1+ww > width {
			newline()
		}
		if curW > 0 {
			cur = append(cur, piece{" ", cur[len(cur)-1].look & w[0].look})
			curW++
		}
		if ww <= width-curW {
			cur = append(cur, w...)
			curW += ww
			continue
		}
		for _, p := range w {
			for text := p.text; text != ""; {
				part := ansi.Truncate(text, width-curW, "")
				if part == "" && curW > 0 {
					newline()
					continue
				}
				if part == "" { // a character wider than the line
					_, size := utf8.DecodeRuneInString(text)
					part = text[:size]
				}
				cur = append(cur, piece{part, p.look})
				curW += ansi.StringWidth(part)
				text = text[len(part):]
				if text != "" {
					newline()
				}
			}
		}
	}
	if len(cur) > 0 || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

// pad fills a line with spaces to width cells, aligned as asked.
func pad(l line, width int, align byte) line {
	gap := width - l.width()
	if gap <= 0 {
		return l
	}
	left := 0
	switch align {
	case 'r':
		left = gap
	case 'c':
		left = gap / 2
	}
	out := make(line, 0, len(l)+2)
	if left > 0 {
		out = append(out, piece{strings.Repeat(" ", left), 0})
	}
	out = append(out, l...)
	if gap-left > 0 {
		out = append(out, piece{strings.Repeat(" ", gap-left), 0})
	}
	return out
}
