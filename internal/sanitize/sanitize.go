// Package sanitize removes what user-entered text must never carry onto a
// terminal or into a document: terminal escape sequences (7-bit and 8-bit),
// control characters, invisible formatting characters and invalid UTF-8.
package sanitize

import (
	"strings"
	"unicode"
)

// Text is Line for text that keeps its line breaks: CRLF and CR become LF,
// tabs become spaces, and everything Line drops is dropped.
func Text(s string) string {
	s = strings.ReplaceAll(StripEscapes(s), "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case dropped(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dropped reports whether a rune is removed from user text: controls,
// invisible formatting (bidi overrides; not the joiner that builds emoji)
// and the replacement character invalid UTF-8 decodes to.
func dropped(r rune) bool {
	return unicode.IsControl(r) || (unicode.In(r, unicode.Cf) && r != '\u200d') || r == unicode.ReplacementChar
}

// Line makes user-entered text safe to print on one line: terminal escape
// sequences and control characters go, line breaks and tabs become spaces,
// and runs of spaces fold into one. Nothing is escaped for any markup.
func Line(s string) string {
	if isCleanASCII(s) {
		return s // the common case, without a copy
	}
	s = StripEscapes(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u2028' || r == '\u2029':
			space = b.Len() > 0
			continue
		case dropped(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isCleanASCII reports whether s is printable ASCII with single spaces
// between words, which Line would return unchanged.
func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
		if c < ' ' || c > '~' {
			return false
		}
	}
	return true
}

// stripEscapes removes terminal escape sequences, in their 7-bit (ESC ...)
// and 8-bit (C1) forms, so text can never move the cursor, set colours,
// retitle a window or write a hyperlink when the report is shown in a
// terminal. Lone control bytes are left to the caller.
func StripEscapes(s string) string {
	if !strings.ContainsAny(s, "\x1b\u0090\u0098\u009b\u009d\u009e\u009f") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch introducer(rs, i) {
		case csiIntro:
			i = skipCSI(rs, i)
		case stringIntro:
			i = skipControlString(rs, i)
		case shortEsc:
			i++ // ESC and the one character after it
		default:
			b.WriteRune(rs[i])
		}
	}
	return b.String()
}

type escapeIntro int

const (
	noIntro     escapeIntro = iota
	csiIntro                // ESC [ or CSI: parameters up to a final byte
	stringIntro             // ESC ] P X ^ _ or OSC DCS SOS PM APC: up to BEL or ST
	shortEsc                // any other ESC x
)

// introducer classifies the escape sequence, if any, that starts at rs[i].
func introducer(rs []rune, i int) escapeIntro {
	switch rs[i] {
	case '\u009b':
		return csiIntro
	case '\u009d', '\u0090', '\u0098', '\u009e', '\u009f':
		return stringIntro
	case '\x1b':
		if i+1 >= len(rs) {
			return shortEsc
		}
		switch rs[i+1] {
		case '[':
			return csiIntro
		case ']', 'P', 'X', '^', '_':
			return stringIntro
		}
		return shortEsc
	}
	return noIntro
}

// skipCSI returns the index of the last rune of the CSI sequence at i.
func skipCSI(rs []rune, i int) int {
	if rs[i] == '\x1b' {
		i++
	}
	for i++; i < len(rs); i++ {
		if rs[i] >= 0x40 && rs[i] <= 0x7e {
			return i // final byte
		}
		if rs[i] < 0x20 || rs[i] > 0x7e {
			return i - 1 // malformed: drop what came so far, look at this rune again
		}
	}
	return len(rs) - 1
}

// skipControlString returns the index of the last rune of the OSC, DCS, SOS,
// PM or APC string at i, which ends with BEL, ESC \ or ST.
func skipControlString(rs []rune, i int) int {
	if rs[i] == '\x1b' {
		i++
	}
	for i++; i < len(rs); i++ {
		switch {
		case rs[i] == '\a' || rs[i] == '\u009c':
			return i
		case rs[i] == '\x1b' && i+1 < len(rs) && rs[i+1] == '\\':
			return i + 1
		}
	}
	return len(rs) - 1 // unterminated: drop to the end, as a terminal would swallow it
}
