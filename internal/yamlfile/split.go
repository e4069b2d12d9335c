package yamlfile

import "bytes"

// splitter rides along the shape scan and finds where the items of one
// top-level block sequence (a bank's "questions:") start, so that they can
// be parsed a few at a time: yaml.v3 holds about 200 bytes for each node of
// a tree, 44 MiB for a 5,000-question bank. It splits only what it can
// vouch for: the key written bare at column 0 with nothing after it, every
// item a "- " at one column, on a line the scan reads as the start of a
// node (not inside a quoted, block or multi-line plain scalar, nor a flow
// collection), and no anchor, alias, tag, directive, document marker or
// explicit key anywhere in the file. Anything else leaves the file whole.
type splitter struct {
	key   []byte
	state splitState
	col   int // column of the items' "-"
	// items are the byte offsets and 1-based lines of the lines where
	// items start; end is the offset of the first line past the sequence.
	items   []int
	lines   []int
	end     int
	endLine int
	// early, when set, is handed each part of partItems items as soon as
	// the scan has passed it.
	early *earlyParse
}

type splitState int

const (
	seekKey    splitState = iota // before the key
	afterKey                     // after the key, before its first item
	inItems                      // among the items
	afterItems                   // past the sequence
	noSplit                      // the key is absent or holds no block sequence
	unsafe                       // something the split cannot vouch for
)

// line looks at a line where a node may start: the scan is at its first
// character, at column col.
func (p *splitter) line(s *shapeScanner, col int) {
	if p.state == noSplit || p.state == unsafe {
		return
	}
	rest := s.data[s.i:]
	if col == 0 && (bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) || rest[0] == '%') {
		p.state = unsafe
		return
	}
	if rest[0] == '\t' || (rest[0] == '-' && len(rest) > 1 && rest[1] == '\t') {
		p.state = unsafe // tabs in indentation: leave yaml.v3's verdict whole
		return
	}
	if s.flow > 0 {
		if p.state == inItems && col <= p.col {
			p.state = unsafe
		}
		return
	}
	switch p.state {
	case seekKey:
		if col == 0 && p.isKey(rest) {
			p.state = afterKey
		}
	case afterKey:
		if !isItem(rest) {
			p.state = noSplit
			return
		}
		p.state, p.col = inItems, col
		p.add(s)
	case inItems:
		switch {
		case col > p.col:
		case col == p.col && isItem(rest):
			p.add(s)
		case col == 0 && !plainKeyStart(rest[0]):
			// With the items left out, an item at column 0 (after items
			// indented deeper), a block scalar or a flow collection might
			// read as the key's value: only a plain key ends the items.
			p.state = unsafe
		case col == 0:
			p.state, p.end, p.endLine = afterItems, s.start, s.line
			p.afterItems(rest)
		default:
			p.state = unsafe
		}
	case afterItems:
		if col == 0 {
			p.afterItems(rest)
		}
	}
}

// afterItems refuses a second key of the same name, which the reader
// reports as a duplicate of the first.
func (p *splitter) afterItems(rest []byte) {
	if p.isKey(rest) || bytes.HasPrefix(rest, append(p.key, ':')) {
		p.state = unsafe
	}
}

func (p *splitter) add(s *shapeScanner) {
	p.items = append(p.items, s.start)
	p.lines = append(p.lines, s.line)
	if n := len(p.items) - 1; p.early != nil && n > 0 && n%partItems == 0 {
		k := n/partItems - 1
		from := k * partItems
		p.early.add(s.data, k, part{from: p.items[from], to: s.start, line: p.lines[from], n: partItems})
	}
}

// token notes a node property or indicator the split cannot vouch for.
func (p *splitter) token(c byte) {
	switch c {
	case '&', '*', '!', '?':
		p.state = unsafe
	}
}

// isKey reports whether rest is the key, a colon and nothing more but
// spaces and a comment.
func (p *splitter) isKey(rest []byte) bool {
	if !bytes.HasPrefix(rest, p.key) || len(rest) == len(p.key) || rest[len(p.key)] != ':' {
		return false
	}
	rest = rest[len(p.key)+1:]
	spaced := false
	for i, c := range rest {
		switch {
		case c == '\n' || c == '\r' && i+1 < len(rest) && rest[i+1] == '\n':
			return true
		case c == ' ':
			spaced = true
		case c == '#' && spaced:
			return true
		default:
			return false
		}
	}
	return true
}

func plainKeyStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// isItem reports whether rest starts a block sequence item.
func isItem(rest []byte) bool {
	if len(rest) == 0 || rest[0] != '-' {
		return false
	}
	return len(rest) == 1 || rest[1] == ' ' || rest[1] == '\n' || rest[1] == '\r' && len(rest) > 2 && rest[2] == '\n'
}

// parts groups the items found into runs of at most n, each as the byte
// range of its lines and the line it starts on.
func (p *splitter) parts(n, size int) []part {
	if p.state != inItems && p.state != afterItems {
		return nil
	}
	end := p.end
	if p.state == inItems {
		end = size
	}
	var out []part
	for i := 0; i < len(p.items); i += n {
		j := min(i+n, len(p.items))
		to := end
		if j < len(p.items) {
			to = p.items[j]
		}
		out = append(out, part{from: p.items[i], to: to, line: p.lines[i], n: j - i})
	}
	return out
}
