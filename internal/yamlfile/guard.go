package yamlfile

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf8"
)

// Limits on what gapmap reads, checked by one linear scan before any parse,
// so that no file can make a parser spend more than a fixed amount of time
// and memory. A 5,000-question bank is about 7 MB and 210,000 nodes, and
// nests 6 levels deep.
const (
	// MaxBytes is the largest file gapmap reads.
	MaxBytes = 16 << 20
	// MaxDepth is the deepest nesting of mappings and lists.
	MaxDepth = 64
	// MaxNodes bounds the keys, values and list items of a file. yaml.v3
	// spends about 200 bytes on each node, so this bounds its memory.
	MaxNodes = 600_000
)

// Check refuses a file that gapmap does not parse: too large, not UTF-8,
// holding control characters, too deep, or with too many nodes. The problem
// names the line and column of the first offending byte.
func Check(file string, data []byte) error {
	_, err := check(file, data)
	return err
}

// check returns, with Check's verdict, the file's estimated node count.
func check(file string, data []byte) (int, error) {
	return checkSplit(file, data, nil)
}

// checkSplit is check, finding the items of a top-level sequence with sp
// when it is not nil.
func checkSplit(file string, data []byte, sp *splitter) (int, error) {
	if len(data) > MaxBytes {
		return 0, tooLarge(file, int64(len(data)))
	}
	if p, msg := checkEncoding(data); msg != "" {
		return 0, Problems{{File: file, Pos: p, Msg: msg}}
	}
	s := shapeScanner{data: data, split: sp}
	if p, msg := s.scan(); msg != "" {
		return 0, Problems{{File: file, Pos: p, Msg: msg}}
	}
	return s.nodes, nil
}

// tooLarge refuses a file of size bytes, or of unknown size when negative.
func tooLarge(file string, size int64) error {
	msg := fmt.Sprintf("the file is larger than %d MB, the most gapmap reads", MaxBytes>>20)
	if size >= 0 {
		msg = fmt.Sprintf("the file is %.1f MB; gapmap reads at most %d MB", float64(size)/(1<<20), MaxBytes>>20)
	}
	return Problems{{File: file, Msg: msg}}
}

// checkEncoding finds the first byte that is not UTF-8 or is a character YAML
// forbids (its c-printable set, which yaml.v3 enforces without a position).
// Printable ASCII is passed over eight bytes at a time; lines are counted
// only to place a problem.
func checkEncoding(data []byte) (Pos, string) {
	if isUTF16(data) {
		return Pos{1, 1}, "the file is UTF-16; save it as UTF-8"
	}
	for i := 0; i < len(data); {
		if i+8 <= len(data) && printableASCII(binary.LittleEndian.Uint64(data[i:])) {
			i += 8
			continue
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f {
				return encodingPos(data, i), fmt.Sprintf("control character %s is not allowed; remove it", charName(rune(c)))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return encodingPos(data, i), fmt.Sprintf("byte 0x%02X is not valid UTF-8; save the file as UTF-8", c)
		case r >= 0x80 && r < 0xa0 && r != 0x85, r == 0xfffe, r == 0xffff:
			return encodingPos(data, i), fmt.Sprintf("control character %s is not allowed; remove it", charName(r))
		}
		i += size
	}
	return Pos{}, ""
}

// printableASCII reports whether the eight bytes of w are all 0x20 to 0x7e.
func printableASCII(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (w - ones*0x20) & ^w & highs      // a byte under 0x20
	above := (w + ones*(127-0x7e) | w) & highs // a byte over 0x7e
	return below|above == 0
}

// encodingPos is the position of byte offset i.
func encodingPos(data []byte, i int) Pos {
	line := 1 + bytes.Count(data[:i], []byte{'\n'})
	return posAt(data, line, bytes.LastIndexByte(data[:i], '\n')+1, i)
}

// isUTF16 recognises a byte-order mark, or ASCII text with every other byte
// zero, which is how UTF-16 looks without one.
func isUTF16(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xfe && data[1] == 0xff || data[0] == 0xff && data[1] == 0xfe) {
		return true
	}
	return len(data) >= 2 && (data[0] == 0) != (data[1] == 0)
}

var controlNames = map[rune]string{
	0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0b: "vertical tab", 0x0c: "form feed",
	0x1b: "ESC", 0x7f: "DEL",
}

func charName(r rune) string {
	if n, ok := controlNames[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}

// posAt is the 1-based line and column (in characters) of byte offset i,
// which lies on the line starting at lineStart.
func posAt(data []byte, line, lineStart, i int) Pos {
	return Pos{line, utf8.RuneCount(data[lineStart:i]) + 1}
}

// smallForGoccy bounds goccy's input without trusting the shape scanner:
// goccy's cost grows with the square of the flow nesting depth, so every
// bracket counts here, even one in a quoted string, and so does every line
// and comma.
func smallForGoccy(data []byte) bool {
	depth, count := 0, 0
	for _, c := range data {
		switch c {
		case '[', '{':
			depth++
			count++
			if depth > MaxDepth {
				return false
			}
		case ']', '}':
			depth = max(depth-1, 0)
		case ',', '\n':
			count++
		}
	}
	return count <= goccyMaxNodes
}
