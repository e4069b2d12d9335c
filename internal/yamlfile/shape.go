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
	nodes  int   // estimated keys, values and items
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

func (s *shapeScanner) scan() (Pos, string) {
	s.line = 1
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
	if len(s.indent)+s.flow > MaxDepth {
		return fmt.Sprintf("nested more than %d levels deep", MaxDepth)
	}
	return ""
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
			s.flow++
			s.plain = false
			if msg := s.checkDepth() + s.addNode(); msg != "" {
				return msg
			}
			s.i++
			s.valueStart = true
			continue
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
			s.plain = false
			s.valueStart = false
			s.i++
			continue
		case c == ',' && s.flow > 0:
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
