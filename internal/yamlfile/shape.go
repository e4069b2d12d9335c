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
	prev   byte  // last significant byte on this line, 0 at its start
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
	s.prev = 0
	col := s.skipSpaces()
	if s.atLineEnd() || s.data[s.i] == '#' {
		s.nextLine()
		return ""
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
		c := s.data[s.i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			if s.i+1 < len(s.data) && s.data[s.i+1] == '#' {
				s.skipToLineEnd()
				continue
			}
		case (c == '\'' || c == '"') && s.atValueStart():
			s.skipQuoted(c)
			s.prev = c
			continue
		case c == '[' || c == '{':
			if s.flow > 0 || s.atValueStart() {
				s.flow++
				if msg := s.checkDepth() + s.addNode(); msg != "" {
					return msg
				}
			}
		case c == ']' || c == '}':
			if s.flow > 0 {
				s.flow--
			}
		case c == ',' && s.flow > 0:
			if msg := s.addNode(); msg != "" {
				return msg
			}
		case c == '-' && s.prev == 0 && s.flow == 0 && s.spaceAfter():
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
		case c == ':' && s.spaceAfter():
			if msg := s.addNode(); msg != "" {
				return msg
			}
		case (c == '|' || c == '>') && s.flow == 0 && s.atValueStart():
			s.skipToLineEnd()
			s.nextLine()
			s.skipBlockScalar(lineIndent)
			return ""
		}
		if c != ' ' && c != '\t' && c != '\r' {
			s.prev = c
		}
		s.i++
	}
	s.nextLine()
	return ""
}

// atValueStart reports whether a scalar or collection may start here: at the
// start of the line's content, or after ": ", "- ", "? ", "," or an opening
// bracket.
func (s *shapeScanner) atValueStart() bool {
	switch s.prev {
	case 0, ':', '-', '?', ',', '[', '{':
		return true
	}
	return false
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
