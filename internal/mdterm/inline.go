package mdterm

import "strings"

// look is how a piece of text is shown: the block it is in (heading, table
// header) and the emphasis on it, as bits so that they combine.
type look uint16

const (
	lookStrong look = 1 << iota
	lookEmph
	lookCode
	lookLink
	lookH1
	lookH2
	lookH3
	lookHeader
	lookBullet
	lookBorder
)

// piece is text in one look.
type piece struct {
	text string
	look look
}

// inlines parses the inline Markdown of s, shown in base, into pieces:
// backslash escapes, code spans, autolinks, links, strong and emphasis.
// Anything else, unmatched delimiters included, is kept as text.
func inlines(s string, base look, out []piece) []piece {
	var b strings.Builder
	for i := 0; i < len(s); {
		ps, text, next := inlineAt(s, i, base)
		if ps == nil {
			b.WriteString(text)
			i = next
			continue
		}
		if b.Len() > 0 {
			out = append(out, piece{b.String(), base})
			b.Reset()
		}
		out = append(out, ps...)
		i = next
	}
	if b.Len() > 0 {
		out = append(out, piece{b.String(), base})
	}
	return out
}

// inlineAt parses what begins at s[i]: the pieces of a construct, or
// else the text it stands for; and where it ends.
func inlineAt(s string, i int, base look) (ps []piece, text string, next int) {
	switch c := s[i]; c {
	case '\\':
		if i+1 < len(s) && isPunct(s[i+1]) {
			return nil, s[i+1 : i+2], i + 2
		}
	case '`':
		n := run(s, i, '`')
		if end := codeEnd(s, i+n, n); end >= 0 {
			return []piece{{codeText(s[i+n : end]), base | lookCode}}, "", end + n
		}
		return nil, s[i : i+n], i + n
	case '<':
		if end := strings.IndexByte(s[i:], '>'); end > 1 && isAutolink(s[i+1:i+end]) {
			return []piece{{s[i+1 : i+end], base | lookLink}}, "", i + end + 1
		}
	case '[':
		if textEnd, dest, end, ok := link(s, i); ok {
			ps = inlines(s[i+1:textEnd], base|lookLink, nil)
			// An anchor is a place in this document; any other target
			// is shown, as it cannot be followed from here.
			if dest != "" && !strings.HasPrefix(dest, "#") {
				ps = append(ps, piece{" (" + dest + ")", base})
			}
			if len(ps) > 0 {
				return ps, "", end
			}
			return nil, "", end // [](#x) shows nothing, as in a browser
		}
	case '*', '_':
		n := run(s, i, c)
		if canOpen(s, i, n) {
			if end := emphasisEnd(s, i+n, n, c); end >= 0 {
				return inlines(s[i+n:end], base|emphasis(n), nil), "", end + n
			}
		}
		return nil, s[i : i+n], i + n
	}
	return nil, s[i : i+1], i + 1
}

// isPunct is CommonMark's ASCII punctuation, what a backslash escapes.
func isPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// run is the length of the run of c at s[i].
func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// codeEnd finds the backtick run of exactly n that closes a code span
// opened before from, or -1.
func codeEnd(s string, from, n int) int {
	for i := from; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		m := run(s, i, '`')
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// codeText strips the one space that pads a code span on both sides.
func codeText(s string) string {
	if len(s) > 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		return s[1 : len(s)-1]
	}
	return s
}

// isAutolink is true for what <...> makes a link: an absolute URL or a
// mail address, without spaces.
func isAutolink(s string) bool {
	if strings.ContainsAny(s, " \t\n<") {
		return false
	}
	if scheme, _, ok := strings.Cut(s, ":"); ok && len(scheme) >= 2 && len(scheme) <= 32 {
		return strings.Trim(scheme, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") == ""
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.IndexByte(s[at+1:], '.') > 0
}

// link parses an inline link [text](dest) at s[i]: the end of its text,
// its destination and the end of the link.
func link(s string, i int) (textEnd int, dest string, end int, ok bool) {
	depth := 0
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
				continue
			}
			if j+1 >= len(s) || s[j+1] != '(' {
				return 0, "", 0, false
			}
			close := strings.IndexByte(s[j+2:], ')')
			if close < 0 {
				return 0, "", 0, false
			}
			dest = strings.TrimSpace(s[j+2 : j+2+close])
			if strings.ContainsAny(dest, " \t") {
				return 0, "", 0, false
			}
			return j, dest, j + 3 + close, true
		}
	}
	return 0, "", 0, false
}

// canOpen is true when a delimiter run can open emphasis: text follows it,
// and an underscore does not sit inside a word (snake_case).
func canOpen(s string, i, n int) bool {
	if i+n >= len(s) || isSpace(s[i+n]) {
		return false
	}
	return s[i] != '_' || i == 0 || !isWordByte(s[i-1])
}

// emphasisEnd finds the run of exactly n delimiters that closes emphasis
// opened before from, skipping escapes and code spans, or -1.
func emphasisEnd(s string, from, n int, c byte) int {
	for i := from; i < len(s); {
		switch s[i] {
		case '\\':
			i += 2
			continue
		case '`':
			m := run(s, i, '`')
			if end := codeEnd(s, i+m, m); end >= 0 {
				i = end + m
				continue
			}
			i += m
			continue
		case c:
			m := run(s, i, c)
			after := i + m
			closes := m == n && !isSpace(s[i-1]) && (c != '_' || after >= len(s) || !isWordByte(s[after]))
			if closes && i > from {
				return i
			}
			i += m
			continue
		}
		i++
	}
	return -1
}

// emphasis is the look of a delimiter run of n: 1 emphasis, 2 strong,
// 3 or more both.
func emphasis(n int) look {
	switch n {
	case 1:
		return lookEmph
	case 2:
		return lookStrong
	}
	return lookStrong | lookEmph
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func isWordByte(c byte) bool {
	return c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
