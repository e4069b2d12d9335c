package yamlfile

import (
	"bytes"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse reads the block YAML that banks are written in, in a fraction
// of yaml.v3's time and allocations, and returns the document node yaml.v3
// would return for the same bytes, with lines counted from firstLine. It
// reports false for anything outside that subset (see below) or anything it
// is unsure of; the caller then asks yaml.v3, which stays the authority on
// every error and every unusual file: fastParse makes no errors of its own.
//
// Handled: block mappings with plain keys ([A-Za-z0-9_] then [A-Za-z0-9_./-])
// and block sequences at any consistent indentation, compact "- key: v"
// items, sequences under a key at the key's own indentation, plain scalars
// (multi-line too), single- and double-quoted scalars (multi-line too, all
// of yaml.v3's escapes), literal and folded block scalars with a chomping
// indicator, flow sequences and mappings on one line (see fastflow.go),
// comments and blank lines, LF or CRLF line ends. Everything else falls
// back, among them: tabs, a CR alone, a byte order mark, anchors, aliases,
// tags, "?" keys, quoted keys, directives and document markers, multi-line
// flow collections, indentation indicators, duplicate keys, a document
// that is a scalar or empty, nesting over maxFastDepth.
//
// Comments are skipped: the nodes returned carry no HeadComment,
// LineComment or FootComment. Nothing in gapmap reads them (outside this
// package's tests, no Go file names those fields), so the trees are the
// same to every reader here.
func fastParse(data []byte, firstLine int) (*yaml.Node, bool) {
	if bytes.IndexByte(data, '\r') >= 0 {
		var ok bool
		if data, ok = withoutCR(data); !ok {
			return nil, false
		}
	}
	if !fastInput(data) {
		return nil, false
	}
	p := fastParsers.Get().(*fastParser)
	defer p.release()
	p.data, p.line = data, firstLine
	doc := p.document()
	return doc, doc != nil
}

// fastParser is the state of one parse. Nodes and the slices of their
// children are carved from slabs, so a part of 64 questions costs a few
// dozen allocations for its structure and one per scalar value.
type fastParser struct {
	data []byte
	pos  int // the next byte to read
	bol  int // where the line holding pos begins
	line int // the number of that line in the file
	// colOff and colN are the last offset col counted to, and its column
	// (none while colN is 0).
	colOff, colN int
	// depth is how deeply the collection being read is nested.
	depth int
	slab  []yaml.Node
	ptrs  []*yaml.Node
	// kids holds the children of the collections being read, innermost last.
	kids []*yaml.Node
	// buf builds the values that are not a run of the input's bytes.
	buf []byte
	// strs keeps the keys and short values met before, which recur in
	// every item, so each is allocated once per worker.
	strs map[string]string
}

var fastParsers = sync.Pool{New: func() any { return &fastParser{strs: map[string]string{}} }}

// release hands the parser back for reuse; the nodes it made belong to the
// caller, so the slabs they were carved from are dropped.
func (p *fastParser) release() {
	clear(p.kids)
	*p = fastParser{kids: p.kids[:0], buf: p.buf[:0], strs: p.strs}
	if len(p.strs) > maxInterned {
		clear(p.strs)
	}
	fastParsers.Put(p)
}

const (
	maxInterned = 4096
	// maxShort is the longest value interned: enumerations and list items
	// such as criteria names, not texts.
	maxShort = 16
	// maxFastDepth is deeper than any bank goes; deeper input falls back.
	maxFastDepth = 64
	// maxKey keeps keys well inside yaml.v3's 1,024-character limit on an
	// implicit key.
	maxKey    = 128
	slabNodes = 256
	slabPtrs  = 1024
)

// withoutCR returns data with its CRLF line ends made LF, which changes
// nothing yaml.v3 reads: it takes CRLF for one line break, gives it as "\n"
// in values, and counts columns before it. A CR alone, which yaml.v3 also
// takes for a line break, is refused.
func withoutCR(data []byte) ([]byte, bool) {
	out := make([]byte, 0, len(data))
	for i, c := range data {
		if c == '\r' {
			if i+1 == len(data) || data[i+1] != '\n' {
				return nil, false
			}
			continue
		}
		out = append(out, c)
	}
	return out, true
}

// fastInput reports whether data holds only characters yaml.v3 reads as
// this parser does: printable UTF-8 with "\n" line ends, no tab (which
// matters in indentation), no byte order mark, no character yaml.v3 takes
// for a line break (NEL, LS, PS), and no line that starts a directive or
// marks a document's start or end.
func fastInput(data []byte) bool {
	if len(data) > 0 && docMarker(data) {
		return false
	}
	for i := 0; i < len(data); {
		c := data[i]
		if !inputCheck[c] {
			i++ // most bytes: printable ASCII
			continue
		}
		switch {
		case c == '\n':
			if i+1 < len(data) && docMarker(data[i+1:]) {
				return false
			}
			i++
		case c < utf8.RuneSelf:
			return false // a control character
		default:
			r, size := utf8.DecodeRune(data[i:])
			if !fastPrintable(r, size) {
				return false
			}
			i += size
		}
	}
	return true
}

// inputCheck marks the bytes fastInput looks at more closely: line
// breaks, control characters and the first bytes of UTF-8 sequences.
var inputCheck = func() (t [256]bool) {
	for c := range t {
		t[c] = c < ' ' || c >= 0x7f
	}
	return t
}()

// docMarker reports whether a line starting with b may be a directive or a
// document marker.
func docMarker(b []byte) bool {
	return len(b) > 0 && b[0] == '%' || len(b) >= 3 && (string(b[:3]) == "---" || string(b[:3]) == "...")
}

// fastPrintable is yaml.v3's test of a non-ASCII character, less the ones
// it treats as line breaks or a byte order mark.
func fastPrintable(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return false
	case r == 0x2028 || r == 0x2029 || r == 0xFEFF:
		return false
	}
	return r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// document reads the one block collection the data holds.
func (p *fastParser) document() *yaml.Node {
	ind := p.nextContent()
	if ind < 0 {
		return nil
	}
	doc := p.node(yaml.DocumentNode, "", p.line, p.col(p.pos))
	var top *yaml.Node
	switch {
	case p.isItem():
		top = p.sequence(ind, false)
	case p.keyLen() > 0:
		top = p.mapping(ind)
	}
	if top == nil || p.nextContent() >= 0 {
		return nil
	}
	p.kids = append(p.kids, top)
	doc.Content = p.content(len(p.kids) - 1)
	return doc
}

// node makes a node at a line and column.
func (p *fastParser) node(kind yaml.Kind, tag string, line, col int) *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, slabNodes)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.Kind, n.Tag, n.Line, n.Column = kind, tag, line, col
	return n
}

// content moves the children read since kids[from] to a slice of their own.
func (p *fastParser) content(from int) []*yaml.Node {
	k := len(p.kids) - from
	if k == 0 {
		return nil // as yaml.v3 leaves an empty collection
	}
	if k > len(p.ptrs) {
		p.ptrs = make([]*yaml.Node, max(slabPtrs, k))
	}
	c := p.ptrs[:k:k]
	p.ptrs = p.ptrs[k:]
	copy(c, p.kids[from:])
	clear(p.kids[from:])
	p.kids = p.kids[:from]
	return c
}

// col is the 1-based column of byte off of the current line, in characters
// as yaml.v3 counts them. It counts on from the column it returned last
// when it can, so that a line of many flow items costs linear time.
func (p *fastParser) col(off int) int {
	from, n := p.bol, 1
	if p.colN > 0 && p.colOff >= p.bol && p.colOff <= off {
		from, n = p.colOff, p.colN
	}
	for _, c := range p.data[from:off] {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	p.colOff, p.colN = off, n
	return n
}

// str returns b as a string, the one met before when b is a key or short.
func (p *fastParser) str(b []byte, key bool) string {
	if !key && len(b) > maxShort {
		return string(b)
	}
	if s, ok := p.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(p.strs) < maxInterned {
		p.strs[s] = s
	}
	return s
}

// newline moves past the line break at pos.
func (p *fastParser) newline() {
	p.pos++
	p.line++
	p.bol = p.pos
}

// nextContent moves to the first character of the next line that holds
// more than spaces and a comment, from anywhere on a line where what
// remains is spaces and a comment, or from the first character of a
// line's content (where it stays). It returns that line's indentation, or
// -1 at the end of the data.
func (p *fastParser) nextContent() int {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ':
			p.pos++
		case '\n':
			p.newline()
		case '#':
			p.skipLine()
		default:
			return p.pos - p.bol
		}
	}
	return -1
}

// skipLine moves to the end of the line, before its line break.
func (p *fastParser) skipLine() {
	for p.pos < len(p.data) && p.data[p.pos] != '\n' {
		p.pos++
	}
}

func (p *fastParser) skipSpaces() {
	for p.pos < len(p.data) && p.data[p.pos] == ' ' {
		p.pos++
	}
}

// lineEnds reports whether nothing but a comment follows on the line, pos
// being past any spaces.
func (p *fastParser) lineEnds() bool {
	if p.pos == len(p.data) || p.data[p.pos] == '\n' {
		return true
	}
	return p.data[p.pos] == '#' && p.pos > 0 && p.data[p.pos-1] == ' '
}

// endOfLine checks that only spaces and a comment follow a node on its line.
func (p *fastParser) endOfLine() bool {
	p.skipSpaces()
	if !p.lineEnds() {
		return false
	}
	p.skipLine()
	return true
}

// isItem reports whether a block sequence item starts at pos.
func (p *fastParser) isItem() bool {
	d := p.data[p.pos:]
	return len(d) > 0 && d[0] == '-' && (len(d) == 1 || d[1] == ' ' || d[1] == '\n')
}

// keyLen returns the length of the plain key that starts at pos and is
// followed by ": " or a colon that ends the line, or 0 when none does.
func (p *fastParser) keyLen() int {
	d := p.data[p.pos:]
	if len(d) == 0 || !keyStart(d[0]) {
		return 0
	}
	for i := 1; i < len(d) && i <= maxKey; i++ {
		switch c := d[i]; {
		case c == ':':
			if i+1 == len(d) || d[i+1] == ' ' || d[i+1] == '\n' {
				return i
			}
			return 0
		case !keyStart(c) && c != '.' && c != '/' && c != '-':
			return 0
		}
	}
	return 0
}

func keyStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
