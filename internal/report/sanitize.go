package report

import (
	"regexp"
	"strings"

	"github.com/gapmap/gapmap/internal/sanitize"
)

// inline makes user-entered text safe inside a Markdown paragraph, list
// item or table cell: it is cleaned to one line, every character that could
// start emphasis, code, links, HTML, entities, math, strikethrough or a
// table cell is backslash-escaped, and so is a leading character that could
// start a block. Web and mail addresses become autolinks, so they stay
// clickable instead of being mangled by the escapes.
func inline(s string) string {
	s = sanitize.Line(s)
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
