// Package sanitize removes what user-entered text must never carry onto a
// terminal or into a document: control characters and terminal escape
// sequences.
package sanitize

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Text strips escape sequences and control characters, keeping newlines and
// tabs (tabs become spaces) and normalizing CRLF to LF.
func Text(s string) string {
	s = ansi.Strip(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r':
			b.WriteByte('\n')
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
		case unicode.In(r, unicode.Cf) && r != '\u200d':
			// format characters such as bidi overrides can reorder text
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Line is Text on one line: newlines become spaces and runs of spaces fold.
func Line(s string) string {
	return strings.Join(strings.Fields(Text(s)), " ")
}
