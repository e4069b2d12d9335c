package yamlfile

import (
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The scalars. plain, quoted and blockScalar follow yaml.v3's scanner
// (scannerc.go: yaml_parser_scan_plain_scalar, _scan_flow_scalar and
// _scan_block_scalar) step by step for the input fastInput lets through, so
// that values fold exactly as yaml.v3 folds them.

// plainNode makes the node of a plain scalar, with the tag yaml.v3 resolves
// for its value.
func (p *fastParser) plainNode(v []byte, line, col int, key bool) *yaml.Node {
	n := p.node(yaml.ScalarNode, "", line, col)
	n.Value = p.str(v, key)
	switch {
	case len(v) > 0 && !resolveHint(v[0]):
		n.Tag = "!!str" // what yaml.v3's resolve returns at once for these
	case len(v) > 5 && isLetter(v[0]):
		// resolve looks a word up among true, false, null and their
		// capitalized forms, and finds none longer than five letters.
		n.Tag = "!!str"
	default:
		n.Tag = n.ShortTag() // yaml.v3's own resolution of an untagged plain scalar
	}
	return n
}

// resolveHint reports whether yaml.v3's resolve looks further at a value
// starting with c (its resolveTable); any other value is a string.
func resolveHint(c byte) bool {
	switch c {
	case '+', '-', '.', '~', '<', 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O':
		return true
	}
	return c >= '0' && c <= '9'
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// plain reads a plain scalar in a block collection at indentation n: its
// lines continue while they are indented more than n, and fold into one.
// A ": " in it falls back (yaml.v3 reads a key there, or fails).
func (p *fastParser) plain(n int) *yaml.Node {
	line, col := p.line, p.col(p.pos)
	start, end := p.pos, p.pos
	// folded is set once a line break is folded: the value is then built
	// in buf rather than taken as bytes [start, end) of the input.
	folded := false
	buf := p.buf[:0]
	// The blanks since the last run of characters: spaces on its line, or
	// a line break and the empty lines after it.
	spaces, breaks, leadingBreak := 0, 0, false
	for p.pos < len(p.data) && p.data[p.pos] != '#' {
		run := p.pos
		for p.pos < len(p.data) && p.data[p.pos] != ' ' && p.data[p.pos] != '\n' {
			if p.data[p.pos] == ':' && (p.pos+1 == len(p.data) || p.data[p.pos+1] == ' ' || p.data[p.pos+1] == '\n') {
				return nil
			}
			p.pos++
		}
		if run > start {
			switch {
			case leadingBreak:
				if !folded {
					buf, folded = append(buf, p.data[start:end]...), true
				}
				buf = appendFold(buf, breaks)
			case folded:
				buf = append(buf, p.data[run-spaces:run]...)
			}
		}
		if folded {
			buf = append(buf, p.data[run:p.pos]...)
		}
		end = p.pos
		spaces, breaks, leadingBreak = 0, 0, false
		for p.pos < len(p.data) && (p.data[p.pos] == ' ' || p.data[p.pos] == '\n') {
			switch {
			case p.data[p.pos] == ' ':
				if !leadingBreak {
					spaces++
				}
				p.pos++
			case !leadingBreak:
				leadingBreak = true
				p.newline()
			default:
				breaks++
				p.newline()
			}
		}
		if leadingBreak && p.pos-p.bol <= n {
			break // indented no more than the collection: the value ended
		}
	}
	v := p.data[start:end]
	if folded {
		v, p.buf = buf, buf
	}
	return p.plainNode(v, line, col, false)
}

// appendFold joins lines as yaml.v3 does: a single line break reads as a
// space, and each empty line after it as a line break.
func appendFold(buf []byte, breaks int) []byte {
	if breaks == 0 {
		return append(buf, ' ')
	}
	for range breaks {
		buf = append(buf, '\n')
	}
	return buf
}

// quoted reads a single- or double-quoted scalar, pos at its quote, in a
// collection at indentation n (-1 in a flow collection, where it must end
// on its line). Lines it continues on must be indented more than n, which
// yaml.v3 does not ask but banks do; others fall back.
func (p *fastParser) quoted(n int) *yaml.Node {
	single := p.data[p.pos] == '\''
	node := p.node(yaml.ScalarNode, "!!str", p.line, p.col(p.pos))
	node.Style = yaml.DoubleQuotedStyle
	if single {
		node.Style = yaml.SingleQuotedStyle
	}
	p.pos++
	if end := p.plainQuote(single); end >= 0 {
		node.Value = p.str(p.data[p.pos:end], false)
		p.pos = end + 1
		return node
	}
	buf := p.buf[:0]
	for {
		if p.pos == len(p.data) {
			return nil
		}
		var ok, leadingBlanks bool
		if buf, leadingBlanks, ok = p.quotedRun(buf, single); !ok {
			return nil
		}
		if p.pos == len(p.data) {
			return nil // unterminated
		}
		if c := p.data[p.pos]; single && c == '\'' || !single && c == '"' {
			break
		}
		// Blanks: spaces are kept unless a line break follows them; the
		// line breaks fold.
		spaces, breaks, leadingBreak := 0, 0, false
		for p.pos < len(p.data) && (p.data[p.pos] == ' ' || p.data[p.pos] == '\n') {
			switch {
			case p.data[p.pos] == ' ':
				if !leadingBlanks {
					spaces++
				}
				p.pos++
			case !leadingBlanks:
				spaces, leadingBlanks, leadingBreak = 0, true, true
				p.newline()
			default:
				breaks++
				p.newline()
			}
		}
		if leadingBlanks && p.pos < len(p.data) && p.pos-p.bol <= n {
			return nil // a line not indented more than the collection
		}
		switch {
		case leadingBreak:
			buf = appendFold(buf, breaks)
		case leadingBlanks: // after an escaped line break
			for range breaks {
				buf = append(buf, '\n')
			}
		default:
			buf = append(buf, p.data[p.pos-spaces:p.pos]...)
		}
	}
	node.Value, p.buf = string(buf), buf
	p.pos++ // the closing quote
	return node
}

// plainQuote returns where the quoted scalar starting at pos ends, when it
// ends on its line and holds no escape: its value is then the bytes up to
// there. It returns -1 otherwise.
func (p *fastParser) plainQuote(single bool) int {
	for i := p.pos; i < len(p.data); i++ {
		switch c := p.data[i]; {
		case c == '\n' || !single && c == '\\':
			return -1
		case single && c == '\'':
			if i+1 < len(p.data) && p.data[i+1] == '\'' {
				return -1
			}
			return i
		case !single && c == '"':
			return i
		}
	}
	return -1
}

// quotedRun appends the characters of a quoted scalar up to the next blank,
// line break or closing quote, reading its escapes. leadingBlanks is set
// when it stopped after an escaped line break.
func (p *fastParser) quotedRun(buf []byte, single bool) (_ []byte, leadingBlanks, ok bool) {
	for p.pos < len(p.data) && p.data[p.pos] != ' ' && p.data[p.pos] != '\n' {
		c := p.data[p.pos]
		switch {
		case single && c == '\'':
			if p.pos+1 == len(p.data) || p.data[p.pos+1] != '\'' {
				return buf, false, true // the closing quote
			}
			buf = append(buf, '\'')
			p.pos += 2
		case !single && c == '"':
			return buf, false, true
		case !single && c == '\\' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '\n':
			p.pos++
			p.newline()
			return buf, true, true
		case !single && c == '\\':
			if buf, ok = p.escape(buf); !ok {
				return buf, false, false
			}
		default:
			buf = append(buf, c)
			p.pos++
		}
	}
	return buf, false, true
}

// escapes are the one-character escapes of yaml.v3's double-quoted scalars.
var escapes = [256]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
	'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '\'': "'", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// escape appends the character the escape at pos stands for.
func (p *fastParser) escape(buf []byte) ([]byte, bool) {
	if p.pos+1 == len(p.data) {
		return buf, false
	}
	c := p.data[p.pos+1]
	if s := escapes[c]; s != "" {
		p.pos += 2
		return append(buf, s...), true
	}
	digits := 0
	switch c {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	}
	if digits == 0 || p.pos+2+digits > len(p.data) {
		return buf, false
	}
	var r uint32 // 8 digits overflow a rune
	for _, h := range p.data[p.pos+2 : p.pos+2+digits] {
		d := hexDigit(h)
		if d < 0 {
			return buf, false
		}
		r = r<<4 | uint32(d)
	}
	if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
		return buf, false
	}
	p.pos += 2 + digits
	return utf8.AppendRune(buf, rune(r)), true
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// blockScalar reads a literal or folded block scalar, pos at its "|" or
// ">", in a collection at indentation n.
func (p *fastParser) blockScalar(n int) *yaml.Node {
	node := p.node(yaml.ScalarNode, "!!str", p.line, p.col(p.pos))
	literal := p.data[p.pos] == '|'
	node.Style = yaml.FoldedStyle
	if literal {
		node.Style = yaml.LiteralStyle
	}
	p.pos++
	chomp := 0 // clip; -1 strip, +1 keep
	if p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '-':
			chomp = -1
			p.pos++
		case '+':
			chomp = 1
			p.pos++
		}
	}
	if p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		return nil // an indentation indicator
	}
	if !p.endOfLine() {
		return nil
	}
	if p.pos < len(p.data) {
		p.newline()
	}
	buf := p.buf[:0]
	indent := 0
	breaks := p.blockBreaks(&indent, n)
	leadingBreak, leadingBlank := false, false
	for p.pos < len(p.data) && p.pos-p.bol == indent {
		trailingBlank := p.data[p.pos] == ' '
		if !literal && !leadingBlank && !trailingBlank && leadingBreak {
			if breaks == 0 {
				buf = append(buf, ' ')
			}
		} else if leadingBreak {
			buf = append(buf, '\n')
		}
		for range breaks {
			buf = append(buf, '\n')
		}
		leadingBlank = trailingBlank
		eol := p.pos
		for eol < len(p.data) && p.data[eol] != '\n' {
			eol++
		}
		buf, p.pos = append(buf, p.data[p.pos:eol]...), eol
		leadingBreak = p.pos < len(p.data)
		if leadingBreak {
			p.newline()
		}
		breaks = p.blockBreaks(&indent, n)
	}
	if chomp != -1 && leadingBreak {
		buf = append(buf, '\n')
	}
	if chomp == 1 {
		for range breaks {
			buf = append(buf, '\n')
		}
	}
	node.Value, p.buf = string(buf), buf
	return node
}

// blockBreaks reads the indentation and the empty lines before a line of a
// block scalar, and returns how many line breaks it read. When *indent is
// 0, it sets the scalar's indentation as yaml.v3 does: the deepest of
// these lines, and at least one more than the collection's.
func (p *fastParser) blockBreaks(indent *int, n int) int {
	deepest, breaks := 0, 0
	for {
		for p.pos < len(p.data) && p.data[p.pos] == ' ' && (*indent == 0 || p.pos-p.bol < *indent) {
			p.pos++
		}
		deepest = max(deepest, p.pos-p.bol)
		if p.pos == len(p.data) || p.data[p.pos] != '\n' {
			break
		}
		breaks++
		p.newline()
	}
	if *indent == 0 {
		*indent = max(deepest, n+1, 1)
	}
	return breaks
}
