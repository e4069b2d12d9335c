package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Answers a dark 120×40 terminal gives. It emulates a current terminal
// (xterm's replies, plus synchronized output, which kitty, WezTerm, Ghostty,
// iTerm2 and Windows Terminal support); it does not speak the kitty keyboard
// protocol, so keys arrive in the legacy encoding both programs read.
const (
	replyBackground = "rgb:1c1c/1c1c/1c1c"
	replyForeground = "rgb:d0d0/d0d0/d0d0"
	replyDA1        = "\x1b[?62;22c"
	replyDA2        = "\x1b[>41;390;0c"
	replyVersion    = "\x1bP>|benchtty(1)\x1b\\"
)

// terminal reads what a program writes: it keeps the screen up to date (to
// find a screen's marker, since renderers redraw only the cells that change)
// and answers the queries a terminal answers. Sequences may be split across
// reads, so it is a state machine.
type terminal struct {
	screen
	state parseState
	seq   []byte // the sequence being read, without ESC
	rune  []byte // a UTF-8 character being read
}

type parseState int

const (
	ground parseState = iota
	escape
	csi
	osc       // ends with BEL or ST
	str       // DCS, APC, PM, SOS: ends with ST
	strEscape // ESC seen inside an OSC or a string: ST if '\' follows
	designate // after ESC ( and the like: one more byte ends it
)

func newTerminal(rows, cols int) *terminal {
	return &terminal{screen: newScreen(rows, cols)}
}

// feed parses b and returns the replies to send back.
func (t *terminal) feed(b []byte) (replies []string) {
	for _, c := range b {
		switch t.state {
		case ground:
			t.ground(c)
		case escape:
			t.escape(c)
		case designate:
			t.state = ground
		case csi:
			t.seq = append(t.seq, c)
			if c >= 0x40 && c <= 0x7e {
				t.state = ground
				if r := t.controlSequence(t.seq); r != "" {
					replies = append(replies, r)
				}
			}
		case osc, str:
			switch c {
			case 0x07:
				if t.state == osc {
					t.state = ground
					if r := answerString(t.seq, "\a"); r != "" {
						replies = append(replies, r)
					}
					continue
				}
				t.seq = append(t.seq, c)
			case 0x1b:
				t.state = strEscape
			default:
				t.seq = append(t.seq, c)
			}
		case strEscape:
			if c == '\\' {
				t.state = ground
				if r := answerString(t.seq, "\x1b\\"); r != "" {
					replies = append(replies, r)
				}
				continue
			}
			t.seq = append(t.seq, 0x1b, c)
			if t.seq[0] == ']' {
				t.state = osc
			} else {
				t.state = str
			}
		}
	}
	return replies
}

func (t *terminal) ground(c byte) {
	switch {
	case c == 0x1b:
		t.state, t.seq, t.rune = escape, t.seq[:0], t.rune[:0]
	case c >= 0x80:
		t.rune = append(t.rune, c)
		if utf8.FullRune(t.rune) {
			r, _ := utf8.DecodeRune(t.rune)
			t.rune = t.rune[:0]
			t.print(r)
		}
	case c >= 0x20 && c != 0x7f:
		t.print(rune(c))
	default:
		t.control(c)
	}
}

func (t *terminal) escape(c byte) {
	t.state = ground
	switch c {
	case '[':
		t.state = csi
	case ']', 'P', '_', '^', 'X':
		t.state, t.seq = str, append(t.seq[:0], c)
		if c == ']' {
			t.state = osc
		}
	case '(', ')', '*', '+', '#', '%', ' ':
		t.state = designate
	case '7':
		t.save()
	case '8':
		t.restore()
	case 'D':
		t.lineFeed()
	case 'E':
		t.x = 0
		t.lineFeed()
	case 'M':
		t.reverseIndex()
	case 'c':
		t.screen = newScreen(t.rows, t.cols)
	}
}

// controlSequence applies or answers a CSI sequence (seq is what follows
// ESC [).
func (t *terminal) controlSequence(seq []byte) string {
	final := seq[len(seq)-1]
	body := seq[:len(seq)-1]
	var prefix byte
	if len(body) > 0 && bytes.IndexByte([]byte("?><="), body[0]) >= 0 {
		prefix, body = body[0], body[1:]
	}
	inter := ""
	for len(body) > 0 && body[len(body)-1] >= 0x20 && body[len(body)-1] <= 0x2f {
		inter = string(body[len(body)-1]) + inter
		body = body[:len(body)-1]
	}
	params := string(body)
	if prefix == 0 && inter == "" && t.apply(final, numbers(params)) {
		return ""
	}
	return t.answerCSI(prefix, inter, params, final)
}

func (t *terminal) answerCSI(prefix byte, inter, params string, final byte) string {
	switch {
	case final == 'n' && prefix == 0 && params == "6":
		return fmt.Sprintf("\x1b[%d;%dR", t.y+1, min(t.x, t.cols-1)+1)
	case final == 'n' && prefix == '?' && params == "6":
		return fmt.Sprintf("\x1b[?%d;%d;1R", t.y+1, min(t.x, t.cols-1)+1)
	case final == 'n' && prefix == '?' && params == "996":
		return "\x1b[?997;1n" // dark colour scheme
	case final == 'n' && prefix == 0 && params == "5":
		return "\x1b[0n"
	case final == 'c' && prefix == 0 && (params == "" || params == "0"):
		return replyDA1
	case final == 'c' && prefix == '>' && (params == "" || params == "0"):
		return replyDA2
	case final == 'q' && prefix == '>' && (params == "" || params == "0"):
		return replyVersion
	case final == 'p' && inter == "$":
		// DECRQM: 2026 (synchronized output) is known and reset; the rest
		// are not recognized.
		state := 0
		if prefix == '?' && params == "2026" {
			state = 2
		}
		if prefix == '?' {
			return fmt.Sprintf("\x1b[?%s;%d$y", params, state)
		}
		return fmt.Sprintf("\x1b[%s;%d$y", params, state)
	case final == 't' && prefix == 0:
		switch params {
		case "14":
			return fmt.Sprintf("\x1b[4;%d;%dt", t.rows*20, t.cols*10)
		case "16":
			return "\x1b[6;20;10t"
		case "18":
			return fmt.Sprintf("\x1b[8;%d;%dt", t.rows, t.cols)
		}
	case (final == 'h' || final == 'l') && prefix == '?':
		for _, m := range numbers(params) {
			if m == 1049 || m == 1047 || m == 47 {
				t.clear()
			}
		}
	}
	return ""
}

// answerString answers an OSC or DCS query; seq starts with its introducer
// (']' or 'P'), and the reply ends as the query did.
func answerString(seq []byte, end string) string {
	s := string(seq)
	switch {
	case s == "]11;?":
		return "\x1b]11;" + replyBackground + end
	case s == "]10;?":
		return "\x1b]10;" + replyForeground + end
	case s == "]12;?":
		return "\x1b]12;" + replyForeground + end
	case strings.HasPrefix(s, "P+q"):
		// XTGETTCAP: no capability is reported, as xterm does for names it
		// does not know.
		return "\x1bP0+r" + s[3:] + "\x1b\\"
	}
	return ""
}

// numbers parses "1;2" into its numbers; empty parameters are 0.
func numbers(params string) []int {
	if params == "" {
		return nil
	}
	var out []int
	for _, f := range strings.Split(params, ";") {
		n := 0
		for _, c := range f {
			if c < '0' || c > '9' {
				break // a sub-parameter such as 4:3
			}
			n = n*10 + int(c-'0')
		}
		out = append(out, n)
	}
	return out
}
