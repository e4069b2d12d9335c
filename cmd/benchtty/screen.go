package main

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// screen is the terminal's grid of characters: enough of a VT emulator to
// follow what Bubble Tea's renderers write (cursor moves, erasing, scrolling,
// insert and delete, repeat), without colours.
type screen struct {
	rows, cols     int
	cells          [][]rune // 0 is blank
	x, y           int      // x == cols: the next character wraps first
	top, bottom    int      // scroll region, inclusive
	savedX, savedY int
	last           rune // the last character printed, for REP
}

func newScreen(rows, cols int) screen {
	s := screen{rows: rows, cols: cols, bottom: rows - 1}
	s.cells = make([][]rune, rows)
	for i := range s.cells {
		s.cells[i] = make([]rune, cols)
	}
	return s
}

// String is the screen's text, a line per row, without trailing blanks.
func (s *screen) String() string {
	var b strings.Builder
	for _, row := range s.cells {
		line := strings.Map(func(r rune) rune {
			if r == 0 {
				return ' '
			}
			return r
		}, string(row))
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// Contains reports whether a row of the screen contains text.
func (s *screen) Contains(text string) bool { return strings.Contains(s.String(), text) }

func (s *screen) print(r rune) {
	w := ansi.WcWidth.StringWidth(string(r))
	if w == 0 {
		return
	}
	if s.x+w > s.cols {
		s.x = 0
		s.lineFeed()
	}
	s.cells[s.y][s.x] = r
	if w == 2 && s.x+1 < s.cols {
		s.cells[s.y][s.x+1] = 0
	}
	s.x += w
	s.last = r
}

func (s *screen) control(c byte) {
	switch c {
	case '\r':
		s.x = 0
	case '\n', '\v', '\f':
		s.lineFeed()
	case '\b':
		s.x = max(0, min(s.x, s.cols-1)-1)
	case '\t':
		s.x = min(s.cols-1, (s.x/8+1)*8)
	}
}

func (s *screen) lineFeed() {
	if s.y == s.bottom {
		s.scrollUp(1)
		return
	}
	s.y = min(s.y+1, s.rows-1)
}

func (s *screen) reverseIndex() {
	if s.y == s.top {
		s.scrollDown(1)
		return
	}
	s.y = max(s.y-1, 0)
}

func (s *screen) scrollUp(n int) {
	for range n {
		copy(s.cells[s.top:s.bottom+1], s.cells[s.top+1:s.bottom+1])
		s.cells[s.bottom] = make([]rune, s.cols)
	}
}

func (s *screen) scrollDown(n int) {
	for range n {
		copy(s.cells[s.top+1:s.bottom+1], s.cells[s.top:s.bottom])
		s.cells[s.top] = make([]rune, s.cols)
	}
}

func (s *screen) save()    { s.savedX, s.savedY = s.x, s.y }
func (s *screen) restore() { s.x, s.y = s.savedX, s.savedY }

func (s *screen) clear() {
	for y := range s.cells {
		s.eraseRow(y, 0, s.cols)
	}
}

func (s *screen) eraseRow(y, from, to int) {
	for x := max(from, 0); x < min(to, s.cols); x++ {
		s.cells[y][x] = 0
	}
}

// apply carries out a CSI sequence without prefix or intermediates, and
// reports whether it knew it.
func (s *screen) apply(final byte, ps []int) bool {
	arg := func(i, def int) int {
		if i < len(ps) && ps[i] != 0 {
			return ps[i]
		}
		return def
	}
	x := min(s.x, s.cols-1)
	switch final {
	case 'A':
		s.y = max(s.y-arg(0, 1), 0)
	case 'B':
		s.y = min(s.y+arg(0, 1), s.rows-1)
	case 'C':
		s.x = min(x+arg(0, 1), s.cols-1)
	case 'D':
		s.x = max(x-arg(0, 1), 0)
	case 'E':
		s.x, s.y = 0, min(s.y+arg(0, 1), s.rows-1)
	case 'F':
		s.x, s.y = 0, max(s.y-arg(0, 1), 0)
	case 'G', '`':
		s.x = min(arg(0, 1), s.cols) - 1
	case 'd':
		s.y = min(arg(0, 1), s.rows) - 1
	case 'H', 'f':
		s.y, s.x = min(arg(0, 1), s.rows)-1, min(arg(1, 1), s.cols)-1
	case 'J':
		s.eraseDisplay(arg(0, 0))
	case 'K':
		switch arg(0, 0) {
		case 0:
			s.eraseRow(s.y, x, s.cols)
		case 1:
			s.eraseRow(s.y, 0, x+1)
		case 2:
			s.eraseRow(s.y, 0, s.cols)
		}
	case 'X':
		s.eraseRow(s.y, x, x+arg(0, 1))
	case '@':
		n := min(arg(0, 1), s.cols-x)
		row := s.cells[s.y]
		copy(row[x+n:], row[x:])
		s.eraseRow(s.y, x, x+n)
	case 'P':
		n := min(arg(0, 1), s.cols-x)
		row := s.cells[s.y]
		copy(row[x:], row[x+n:])
		s.eraseRow(s.y, s.cols-n, s.cols)
	case 'L', 'M':
		if s.y < s.top || s.y > s.bottom {
			return true
		}
		top := s.top
		s.top = s.y
		if final == 'L' {
			s.scrollDown(min(arg(0, 1), s.bottom-s.y+1))
		} else {
			s.scrollUp(min(arg(0, 1), s.bottom-s.y+1))
		}
		s.top = top
		s.x = 0
	case 'S':
		s.scrollUp(min(arg(0, 1), s.bottom-s.top+1))
	case 'T':
		s.scrollDown(min(arg(0, 1), s.bottom-s.top+1))
	case 'r':
		top, bottom := arg(0, 1)-1, min(arg(1, s.rows), s.rows)-1
		if top < bottom {
			s.top, s.bottom = top, bottom
			s.x, s.y = 0, 0
		}
	case 'b':
		for range arg(0, 1) {
			s.print(s.last)
		}
	case 's':
		s.save()
	case 'u':
		s.restore()
	default:
		return false
	}
	return true
}

func (s *screen) eraseDisplay(mode int) {
	x := min(s.x, s.cols-1)
	switch mode {
	case 0:
		s.eraseRow(s.y, x, s.cols)
		for y := s.y + 1; y < s.rows; y++ {
			s.eraseRow(y, 0, s.cols)
		}
	case 1:
		for y := 0; y < s.y; y++ {
			s.eraseRow(y, 0, s.cols)
		}
		s.eraseRow(s.y, 0, x+1)
	case 2, 3:
		s.clear()
	}
}
