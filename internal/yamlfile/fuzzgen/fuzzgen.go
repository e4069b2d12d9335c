// Package fuzzgen grows fuzz inputs in depth and size, so that fuzz targets
// reach the nesting and size limits of yamlfile, and the error locator's
// worst cases, which byte-level mutation alone never does.
package fuzzgen

import (
	"bytes"
	"strings"
)

// MaxSize caps what Grow returns, to keep fuzzing fast; it is above the
// size up to which goccy locates syntax errors.
const MaxSize = 2 << 20

// Grow nests seed depth levels deep, in the style picked by shape (flow
// lists, flow mappings, block mappings, block lists, or a mix), then repeats
// the result copies times as items of one list.
func Grow(seed []byte, shape uint8, depth, copies uint16) []byte {
	d := int(depth) % 200
	n := 1 + int(copies)%50_000
	var unit []byte
	switch shape % 5 {
	case 0:
		unit = wrap(seed, "[", "]", d)
	case 1:
		unit = wrap(seed, "{k: ", "}", d)
	case 2:
		unit = block(seed, d, func(i int) string { return "k:" })
	case 3:
		unit = block(seed, d, func(i int) string { return "-" })
	default:
		unit = block(wrap(seed, "[", "]", d/2), d-d/2, func(i int) string {
			if i%2 == 0 {
				return "-"
			}
			return "k:"
		})
	}
	if n == 1 {
		return limit(unit)
	}
	var b bytes.Buffer
	b.WriteString("items:\n")
	for range n {
		b.WriteString("- ")
		b.Write(bytes.ReplaceAll(unit, []byte("\n"), []byte("\n  ")))
		b.WriteByte('\n')
		if b.Len() > MaxSize {
			break
		}
	}
	return limit(b.Bytes())
}

func wrap(seed []byte, open, close string, depth int) []byte {
	inner := bytes.ReplaceAll(bytes.TrimRight(seed, "\n"), []byte("\n"), []byte(" "))
	return []byte(strings.Repeat(open, depth) + string(inner) + strings.Repeat(close, depth))
}

// block nests seed under depth block levels, each opened by key(level) at
// its own indentation.
func block(seed []byte, depth int, key func(int) string) []byte {
	var b bytes.Buffer
	for i := range depth {
		b.WriteString(strings.Repeat(" ", i))
		b.WriteString(key(i))
		b.WriteByte('\n')
	}
	pad := []byte("\n" + strings.Repeat(" ", depth))
	b.WriteString(strings.Repeat(" ", depth))
	b.Write(bytes.ReplaceAll(bytes.TrimRight(seed, "\n"), []byte("\n"), pad))
	b.WriteByte('\n')
	return b.Bytes()
}

func limit(b []byte) []byte {
	if len(b) > MaxSize {
		return b[:MaxSize]
	}
	return b
}
