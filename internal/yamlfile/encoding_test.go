package yamlfile

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// checkEncodingByByte is checkEncoding as it was, one byte at a time with
// the line counted as it goes: the reference for the faster one.
func checkEncodingByByte(data []byte) (Pos, string) {
	if isUTF16(data) {
		return Pos{1, 1}, "the file is UTF-16; save it as UTF-8"
	}
	line, lineStart := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line, lineStart = line+1, i+1
			case c == '\t', c == '\r', c >= 0x20 && c < 0x7f:
			default:
				return posAt(data, line, lineStart, i), fmt.Sprintf("control character %s is not allowed; remove it", charName(rune(c)))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return posAt(data, line, lineStart, i), fmt.Sprintf("byte 0x%02X is not valid UTF-8; save the file as UTF-8", c)
		case r >= 0x80 && r < 0xa0 && r != 0x85, r == 0xfffe, r == 0xffff:
			return posAt(data, line, lineStart, i), fmt.Sprintf("control character %s is not allowed; remove it", charName(r))
		}
		i += size
	}
	return Pos{}, ""
}

// TestCheckEncodingAsByByte puts every byte value, and some characters, at
// every offset of an eight-byte word in lines of text: the verdict and its
// position are those of the byte-by-byte check.
func TestCheckEncodingAsByByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	extras := []string{"é", "\u0085", "\u0080", "\u009f", "\u00a0", "\ufffe", "\uffff", "€", "😀", "\xc2", "\xe2\x82", "\r\n", "\n"}
	for b := range 256 {
		for off := range 24 {
			for _, ins := range append([]string{string([]byte{byte(b)})}, extras[rng.IntN(len(extras))]) {
				text := []byte("key: some text here\n  - item: x é y\nmore\n")
				at := min(off+rng.IntN(len(text)), len(text))
				data := append(append(append([]byte{}, text[:at]...), ins...), text[at:]...)
				gotPos, gotMsg := checkEncoding(data)
				wantPos, wantMsg := checkEncodingByByte(data)
				if gotPos != wantPos || gotMsg != wantMsg {
					t.Fatalf("%q: got %v %q, want %v %q", data, gotPos, gotMsg, wantPos, wantMsg)
				}
			}
		}
	}
}

func FuzzCheckEncodingAsByByte(f *testing.F) {
	f.Add([]byte("a: b\n\x07"))
	f.Add([]byte("a: \xc2\x85 b\x7f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		gotPos, gotMsg := checkEncoding(data)
		wantPos, wantMsg := checkEncodingByByte(data)
		if gotPos != wantPos || gotMsg != wantMsg {
			t.Fatalf("%q: got %v %q, want %v %q", data, gotPos, gotMsg, wantPos, wantMsg)
		}
	})
}
