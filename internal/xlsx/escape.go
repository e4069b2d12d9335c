package xlsx

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxCellUnits is the most text a cell holds, in UTF-16 code units.
const maxCellUnits = 32767

// cutToCell shortens text to what a cell holds, as Excel counts it.
func cutToCell(s string) string {
	if len(s) <= maxCellUnits {
		return s
	}
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > maxCellUnits {
			return s[:i]
		}
	}
	return s
}

// isHexEscape reports whether s starts with an _xHHHH_ escape.
func isHexEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for i := 2; i < 6; i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexValue(s string) rune {
	var r rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// escapeUnderscores protects text that looks like the _xHHHH_ escape
// spreadsheets use for characters XML cannot hold: its underscore is
// written as _x005F_, so a reader gives the text back as it was.
func escapeUnderscores(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isHexEscape(s[i:]) {
			b.WriteString("_x005F")
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// unescapeUnderscores turns _xHHHH_ escapes back into their characters.
func unescapeUnderscores(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if isHexEscape(s[i:]) {
			r := hexValue(s[i+2 : i+6])
			if utf16.IsSurrogate(r) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// inXMLRange reports whether XML 1.0 can hold the character.
func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// writeText writes s as XML character data. Characters XML cannot hold,
// and bytes that are not UTF-8, become U+FFFD. Line ends and tabs are
// written as references so that no XML reader normalises them away.
func writeText(b *strings.Builder, s string) { writeEscaped(b, s, false) }

// writeAttr writes s as an attribute value, between double quotes.
func writeAttr(b *strings.Builder, s string) { writeEscaped(b, s, true) }

func writeEscaped(b *strings.Builder, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"' && attr:
			esc = "&quot;"
		case r == '\r':
			esc = "&#xD;"
		case r == '\t':
			esc = "&#x9;"
		case r == '\n':
			esc = "&#xA;"
		case r == utf8.RuneError && n == 1, !inXMLRange(r):
			esc = "\uFFFD"
		default:
			i += n
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		i += n
		last = i
	}
	b.WriteString(s[last:])
}

// needsSpace reports whether text starts or ends with white space, which
// XML readers keep only under xml:space="preserve".
func needsSpace(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte{s[0], s[len(s)-1]} {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			return true
		}
	}
	return false
}
