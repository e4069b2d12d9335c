package report

import (
	"regexp"
	"strings"
	"unicode"
)

// cleanLine makes user-entered text safe to print on one line: terminal
// escape sequences and control characters go, line breaks and tabs become
// spaces, and runs of spaces fold into one. Nothing is escaped; see inline.
func cleanLine(s string) string {
	if isCleanASCII(s) {
		return s // the common case, without a copy
	}
	s = stripEscapes(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u2028' || r == '\u2029':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r):
			continue // NUL, DEL, C0 and C1 controls
		case unicode.In(r, unicode.Cf) && r != '\u200d':
			continue // bidi overrides and other invisible formatting; ZWJ builds emoji
		case r == unicode.ReplacementChar:
			continue // invalid UTF-8 arrives as U+FFFD; dropping it keeps output valid
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
// between words, which cleanLine would return unchanged.
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
// terminal. Lone control bytes are left for cleanLine.
func stripEscapes(s string) string {
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

// inline makes user-entered text safe inside a Markdown paragraph, list
// item or table cell: it is cleaned to one line, every character that could
// start emphasis, code, links, HTML, entities, math, strikethrough or a
// table cell is backslash-escaped, and so is a leading character that could
// start a block. Web and mail addresses become autolinks, so they stay
// clickable instead of being mangled by the escapes.
func inline(s string) string {
	s = cleanLine(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	last := 0
	var links [][]int
	if strings.Contains(s, "://") || strings.Contains(s, "@") {
		links = linkPattern.FindAllStringIndex(s, -1) // the costly part, only when it can match
	}
	for _, m := range links {
		start, end := m[0], trimLinkEnd(s, m[0], m[1])
		escapeInto(&b, s[last:start], last == 0)
		b.WriteString("<" + s[start:end] + ">")
		last = end
	}
	escapeInto(&b, s[last:], last == 0)
	return b.String()
}

// linkPattern finds web and mail addresses. Characters that end an autolink
// or would split a table cell (space, <, >, |, backslash, backtick, quotes)
// end the match, so the address can be wrapped in <...> as it is.
var linkPattern = regexp.MustCompile(`https?://[^\s<>|\\` + "`" + `"']+|[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+`)

// trimLinkEnd leaves sentence punctuation after an address out of the link,
// and a closing parenthesis unless the address opened one.
func trimLinkEnd(s string, start, end int) int {
	for end > start {
		c := s[end-1]
		switch {
		case strings.IndexByte(".,:;!?*_~", c) >= 0:
			end--
		case c == ')' && strings.Count(s[start:end], "(") < strings.Count(s[start:end], ")"):
			end--
		default:
			return end
		}
	}
	return end
}

// markdownSpecial is every ASCII character that can change Markdown or HTML
// structure inside a line, in CommonMark, GFM, GitHub or glamour.
const markdownSpecial = "\\`*_[]<>#|~&$"

// isMarkdownSpecial is markdownSpecial as a lookup table for the hot loop.
var isMarkdownSpecial = func() (t [128]bool) {
	for i := 0; i < len(markdownSpecial); i++ {
		t[markdownSpecial[i]] = true
	}
	return t
}()

// escapeInto writes s with markdownSpecial escaped. When s may start a line,
// the character that would open a block there is escaped too.
func escapeInto(b *strings.Builder, s string, lineStart bool) {
	blockAt := -1
	if lineStart {
		blockAt = blockMarker(s)
	}
	for i, r := range s {
		if i == blockAt || (r < 128 && isMarkdownSpecial[r]) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}

// blockMarker returns the index of the character that would make s, at the
// start of a line, open a block: "-", "+" or "=" (bullet lists, setext
// headings, thematic breaks; escaped whatever follows, since a lone "---"
// is a break) or the "." or ")" of an ordered-list marker such as "1. ".
// Only ASCII punctuation can be backslash-escaped, so for an ordered list
// it is the delimiter that gets the backslash, not the digits. Else -1.
func blockMarker(s string) int {
	if s == "" {
		return -1
	}
	if strings.IndexByte("-+=", s[0]) >= 0 {
		return 0
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits == 0 || digits > 9 || digits == len(s) || (s[digits] != '.' && s[digits] != ')') {
		return -1
	}
	if rest := s[digits+1:]; rest != "" && rest[0] != ' ' {
		return -1 // "2026.11" is a version, not a list
	}
	return digits
}
