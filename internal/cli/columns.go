package cli

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// columns collects a table's cells and writes them left-aligned, each
// column as wide as its widest cell (in terminal cells, so that wide
// characters line up) and gap spaces apart, the last column unpadded: what
// text/tabwriter wrote for ASCII cells, at a fraction of the cost. The
// cells are appended to buffers of 64 KiB with their ends, not kept as a
// string each nor in one buffer that grows: at 10,000 assessments three
// copies of the list (infos, entries, rows of strings) were most of the
// memory `gapmap list` touched, and one growing buffer copied itself,
// while this machine's page faults are dear.
type columns struct {
	cols, gap int
	text      []byte   // the current chunk's cells, one after another
	ends      []uint32 // where each of its cells ends in text
	full      []chunk  // the chunks before it
	widths    []int    // the widest cell of each column
	last      []wide   // the last cell of each column that was not ASCII
}

// chunk is a buffer of whole rows.
type chunk struct {
	text []byte
	ends []uint32
}

// chunkSize is the size of a chunk, which a row's cells start a new one
// when fewer than rowRoom bytes are left.
const chunkSize, rowRoom = 64 << 10, 1 << 10

// wide is a cell that is not all printable ASCII, and its width.
type wide struct {
	text  string
	width int
}

func newColumns(cols, gap int) *columns {
	return &columns{cols: cols, gap: gap, widths: make([]int, cols), last: make([]wide, cols),
		text: make([]byte, 0, chunkSize)}
}

// end ends the cell appended to text since the last end.
func (c *columns) end() {
	start := uint32(0)
	if n := len(c.ends); n > 0 {
		start = c.ends[n-1]
	}
	col := len(c.ends) % c.cols
	c.widths[col] = max(c.widths[col], c.width(col, c.text[start:]))
	c.ends = append(c.ends, uint32(len(c.text)))
	if col == c.cols-1 && cap(c.text)-len(c.text) < rowRoom {
		c.full = append(c.full, chunk{c.text, c.ends})
		c.text = make([]byte, 0, chunkSize)
		c.ends = make([]uint32, 0, cap(c.ends)) // as many rows as the last
	}
}

// add appends whole cells.
func (c *columns) add(cells ...string) {
	for _, s := range cells {
		c.text = append(c.text, s...)
		c.end()
	}
}

// writeTo writes the complete rows.
func (c *columns) writeTo(w io.Writer) error {
	widest := 0
	for _, wd := range c.widths[:c.cols-1] {
		widest = max(widest, wd)
	}
	pad := strings.Repeat(" ", widest+c.gap)
	line := make([]byte, 0, 256)
	for _, ch := range append(c.full, chunk{c.text, c.ends[:len(c.ends)-len(c.ends)%c.cols]}) {
		start := uint32(0)
		for i, end := range ch.ends {
			cell := ch.text[start:end]
			start = end
			line = append(line, cell...)
			if col := i % c.cols; col < c.cols-1 {
				line = append(line, pad[:c.widths[col]-c.width(col, cell)+c.gap]...)
				continue
			}
			line = append(line, '\n')
			if _, err := w.Write(line); err != nil {
				return err
			}
			line = line[:0]
		}
	}
	return nil
}

// width is the width of a cell of column col in terminal cells. Printable
// ASCII, by far the common case, is a cell a byte; grapheme clustering
// the rest took a tenth of listing 10,000 assessments when it measured
// every cell. The width of the column's last other cell is remembered: a
// column repeats one ("—" for an unknown figure) on most rows.
func (c *columns) width(col int, cell []byte) int {
	if asciiWidth(cell) {
		return len(cell)
	}
	if m := &c.last[col]; string(cell) != m.text {
		m.text = string(cell)
		m.width = ansi.StringWidth(m.text)
	}
	return c.last[col].width
}

// asciiWidth reports whether b is printable ASCII, a cell a byte.
func asciiWidth(b []byte) bool {
	for _, ch := range b {
		if ch < ' ' || ch >= utf8.RuneSelf || ch == 0x7f {
			return false
		}
	}
	return true
}
