package yamlfile

import "fmt"

// shapeScanner measures the nesting depth and the number of nodes of a YAML
// or JSON text in one pass, without parsing it. It follows just enough of
// YAML to stay in step: indentation opens block levels, brackets and braces
// open flow levels, and quoted scalars, comments and block scalars are
// skipped. On text that is not valid YAML it may be off, which only matters
// for files the parser then refuses anyway.
type shapeScanner struct {
	data   []byte
	i      int   // offset of the next byte
	line   int   // 1-based line of offset i
	start  int   // offset where that line starts
	indent []int // columns of the open block levels
	flow   int   // open flow levels
	// flows are the open flow levels, innermost last; pairs counts those
	// whose current entry is an implicit "key: value" pair of a flow
	// sequence, which YAML makes a mapping of its own: a level the
	// brackets do not show. closedMax is the deepest nesting inside the
	// flow collection that closed just before, or -1: such a collection
	// may turn out to be the key of a pair, one level deeper than counted.
	flows     []flowLevel
	pairs     int
	closedMax int
	nodes     int // estimated keys, values and items
	// valueStart is true where a scalar or collection may start: at the
	// start of a line's content, after an indicator (": ", "- ", "? ", ",",
	// an opening bracket) or an anchor or tag.
	valueStart bool
	// plain is true while a plain scalar runs, which may continue on the
	// next line if that line is indented deeper than plainIndent (or in a
	// flow collection): such a line is text, even if it starts with a quote
	// or a bracket.
	plain       bool
	plainIndent int
	// split, when set, finds the items of a top-level sequence on the way.
	split *splitter
}

// flowLevel is an open flow collection.
type flowLevel struct {
	seq  bool // a [ ] sequence, where "key: value" is a mapping of its own
	pair bool // its current entry is such a pair
	max  int  // the deepest nesting reached inside it
}

func (s *shapeScanner) scan() (Pos, string) {
	s.line = 1
	s.closedMax = -1
	for s.i < len(s.data) {
		if msg := s.scanLine(); msg != "" {
			return posAt(s.data, s.line, s.start, s.i), msg
		}
	}
	return Pos{}, ""
}

// scanLine reads from the start of a line to the start of the next one (or
// past a multi-line quoted scalar).
func (s *shapeScanner) scanLine() string {
	col := s.skipSpaces()
	if s.atLineEnd() || s.data[s.i] == '#' {
		s.nextLine()
		return ""
	}
	if s.plain && (s.flow > 0 || col > s.plainIndent) {
		s.valueStart = false
		return s.scanContent(s.plainIndent)
	}
	s.plain = false
	if s.split != nil {
		s.split.line(s, col)
	}
	if s.flow == 0 {
		for len(s.indent) > 0 && s.indent[len(s.indent)-1] > col {
			s.indent = s.indent[:len(s.indent)-1]
		}
		if len(s.indent) == 0 || s.indent[len(s.indent)-1] < col {
			if msg := s.open(&s.indent, col); msg != "" {
				return msg
			}
		}
	}
	if msg := s.addNode(); msg != "" {
		return msg
	}
	s.valueStart = true
	return s.scanContent(col)
}

// open pushes a block level at col; depth counts block and flow levels.
func (s *shapeScanner) open(levels *[]int, col int) string {
	*levels = append(*levels, col)
	return s.checkDepth()
}

func (s *shapeScanner) addNode() string {
	s.nodes++
	if s.nodes > MaxNodes {
		return fmt.Sprintf("the file has more than %d keys, values and list items", MaxNodes)
	}
	return ""
}

func (s *shapeScanner) checkDepth() string {
	return depthError(len(s.indent) + s.flow + s.pairs)
}

func depthError(depth int) string {
	if depth > MaxDepth {
		return fmt.Sprintf("nested more than %d levels deep", MaxDepth)
	}
	return ""
}

// openFlow pushes a flow level.
func (s *shapeScanner) openFlow(seq bool) string {
	s.flow++
	s.flows = append(s.flows, flowLevel{seq: seq, max: len(s.indent) + s.flow + s.pairs})
	return s.checkDepth()
}

// closeFlow pops a flow level and keeps how deep it went, for a colon
// that may follow.
func (s *shapeScanner) closeFlow() {
	s.flow--
	n := len(s.flows)
	if n == 0 {
		return
	}
	top := s.flows[n-1]
	s.flows = s.flows[:n-1]
	if top.pair {
		s.pairs--
	}
	if n > 1 {
		s.flows[n-2].max = max(s.flows[n-2].max, top.max)
	}
	s.closedMax = top.max
}

// flowColon counts the mapping a colon makes of an entry of a flow
// sequence. A key that was a flow collection (closed is how deep it went)
// sits one level deeper than it was counted, so the bound is checked for
// it again.
func (s *shapeScanner) flowColon(closed int) string {
	n := len(s.flows)
	if n == 0 || !s.flows[n-1].seq || s.flows[n-1].pair {
		return ""
	}
	top := &s.flows[n-1]
	top.pair = true
	s.pairs++
	if closed >= 0 {
		top.max = max(top.max, closed+1)
	}
	top.max = max(top.max, len(s.indent)+s.flow+s.pairs)
	return depthError(top.max)
}

// flowComma ends an entry of the innermost flow level.
func (s *shapeScanner) flowComma() {
	if n := len(s.flows); n > 0 && s.flows[n-1].pair {
		s.flows[n-1].pair = false
		s.pairs--
	}
}

func (s *shapeScanner) scanContent(lineIndent int) string {
	for !s.atLineEnd() {
		if !s.valueStart && s.flow == 0 {
			// Inside text, only a space (before a comment), a colon or
			// the line's end can change anything.
			s.skipText()
			if s.atLineEnd() {
				break
			}
		}
		c := s.data[s.i]
		closed := s.closedMax
		if c != ' ' && c != '\t' && c != '\r' {
			s.closedMax = -1
		}
		if s.split != nil && s.valueStart && (c != '?' || s.spaceAfter()) {
			s.split.token(c)
		}
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			if s.i+1 < len(s.data) && s.data[s.i+1] == '#' {
				s.skipToLineEnd()
				continue
			}
			s.i++
			continue
		case (c == '\'' || c == '"') && s.valueStart:
			s.skipQuoted(c)
			s.valueStart, s.plain = false, false
			continue
		case (c == '&' || c == '!') && s.valueStart:
			// An anchor or a tag comes before the value it names.
			s.skipToken()
			continue
		case (c == '[' || c == '{') && (s.flow > 0 || s.valueStart):
			s.plain = false
			if msg := s.openFlow(c == '[') + s.addNode(); msg != "" {
				return msg
			}
			s.i++
			s.valueStart = true
			continue
		case (c == ']' || c == '}') && s.flow > 0:
			s.closeFlow()
			s.plain = false
			s.valueStart = false
			s.i++
			continue
		case c == ',' && s.flow > 0:
			s.flowComma()
			if msg := s.addNode(); msg != "" {
				return msg
			}
			s.i++
			s.valueStart, s.plain = true, false
			continue
		case (c == '-' || c == '?') && s.valueStart && s.flow == 0 && s.spaceAfter():
			// "- - x": each dash opens a list level inside the last one.
			s.i++
			col := s.skipSpaces() // column of the item's content
			if !s.atLineEnd() {
				if msg := s.open(&s.indent, col); msg != "" {
					return msg
				}
			}
			if msg := s.addNode(); msg != "" {
				return msg
			}
			continue
		case c == ':' && (s.flow > 0 || s.spaceAfter()):
			if s.flow > 0 {
				if msg := s.flowColon(closed); msg != "" {
					return msg
				}
			}
			if msg := s.addNode(); msg != "" {
				return msg
			}
			s.i++
			s.valueStart, s.plain = true, false
			continue
		case (c == '|' || c == '>') && s.flow == 0 && s.valueStart:
			// The scalar's lines are those deeper than the innermost level.
			s.skipToLineEnd()
			s.nextLine()
			s.skipBlockScalar(s.innermost())
			return ""
		}
		if s.valueStart && !s.plain {
			s.plain, s.plainIndent = true, lineIndent
		}
		s.valueStart = false
		s.i++
	}
	s.nextLine()
	return ""
}

// skipText moves through plain text to the next colon, line break or
// space before a comment: what scanContent would stop at, one byte at a
// time, inside text.
func (s *shapeScanner) skipText() {
	data, i := s.data, s.i
	for ; i < len(data); i++ {
		switch c := data[i]; {
		case c > ' ' && c != ':':
		case c == '\n', c == ':':
			s.i = i
			return
		case c == ' ', c == '\t', c == '\r':
			if i+1 < len(data) && (data[i+1] == '#' || c == '\r' && data[i+1] == '\n') {
				s.i = i
				return
			}
		}
	}
	s.i = i
}

// innermost is the column of the innermost block level, -1 at none.
func (s *shapeScanner) innermost() int {
	if len(s.indent) == 0 {
		return -1
	}
	return s.indent[len(s.indent)-1]
}

// skipToken moves past an anchor or tag, to the next space or flow
// indicator.
func (s *shapeScanner) skipToken() {
	for !s.atLineEnd() {
		switch s.data[s.i] {
		case ' ', '\t', ',', '[', ']', '{', '}':
			return
		}
		s.i++
	}
}

// spaceAfter reports whether the byte after the current one ends a token.
func (s *shapeScanner) spaceAfter() bool {
	j := s.i + 1
	return j >= len(s.data) || s.data[j] == ' ' || s.data[j] == '\t' || s.data[j] == '\n' || s.data[j] == '\r' ||
		(s.flow > 0 && (s.data[j] == ',' || s.data[j] == ']' || s.data[j] == '}'))
}

// skipQuoted moves past a quoted scalar, which may span lines.
func (s *shapeScanner) skipQuoted(q byte) {
	s.i++
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '\n':
			s.i++
			s.line, s.start = s.line+1, s.i
			continue
		case c == '\\' && q == '"':
			s.i++ // and the escaped byte, unless it is a line break
			if s.i < len(s.data) && s.data[s.i] != '\n' {
				s.i++
			}
			continue
		case c == q && q == '\'' && s.i+1 < len(s.data) && s.data[s.i+1] == '\'':
			s.i += 2
			continue
		case c == q:
			s.i++
			return
		}
		s.i++
	}
}

// skipBlockScalar moves past the lines of a literal or folded scalar: blank
// lines and lines indented deeper than the line that introduced it.
func (s *shapeScanner) skipBlockScalar(parentIndent int) {
	for s.i < len(s.data) {
		lineStart := s.i
		col := s.skipSpaces()
		if !s.atLineEnd() && col <= parentIndent {
			s.i = lineStart
			return
		}
		s.skipToLineEnd()
		s.nextLine()
	}
}

// skipSpaces moves past spaces and returns the 0-based column reached.
func (s *shapeScanner) skipSpaces() int {
	for s.i < len(s.data) && s.data[s.i] == ' ' {
		s.i++
	}
	return s.i - s.start
}

func (s *shapeScanner) atLineEnd() bool {
	return s.i >= len(s.data) || s.data[s.i] == '\n' || (s.data[s.i] == '\r' && s.i+1 < len(s.data) && s.data[s.i+1] == '\n')
}

func (s *shapeScanner) skipToLineEnd() {
	for s.i < len(s.data) && s.data[s.i] != '\n' {
		s.i++
	}
}

func (s *shapeScanner) nextLine() {
	s.skipToLineEnd()
	if s.i < len(s.data) {
		s.i++
		s.line, s.start = s.line+1, s.i
	}
}
