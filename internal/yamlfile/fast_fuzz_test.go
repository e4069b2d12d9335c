package yamlfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoYAML is every YAML file of the repository: the built-in bank, the
// test banks and answer files, the demo.
func repoYAML(tb testing.TB) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	for _, pattern := range []string{
		"../../questionnaires/*.yaml",
		"../../assets/*.yaml",
		"../../testdata/*/*.yaml",
		"../../testdata/*/*/*.yaml",
		"../*/testdata/*.yaml",
	} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				tb.Fatal(err)
			}
			files[path] = data
		}
	}
	if len(files) < 20 {
		tb.Fatalf("found only %d YAML files", len(files))
	}
	return files
}

// partsOf returns the text of each part ParseSplit cuts the questions of
// data into, with the line each starts on; nil if it does not split them.
func partsOf(tb testing.TB, data []byte) (texts [][]byte, lines []int) {
	tb.Helper()
	_, _, items, err := ParseSplit("f.yaml", data, "questions")
	if err != nil || items == nil {
		return nil, nil
	}
	for _, p := range items.parts {
		texts = append(texts, data[p.from:p.to])
		lines = append(lines, p.line)
	}
	return texts, lines
}

// FuzzFastParseMatchesYAML checks the fast parser against yaml.v3: whatever
// it reads, yaml.v3 reads without error into the same tree, node for node,
// position for position (comments aside). With pieces set, the input picks
// lines from pieces of bank-like YAML (indentations, keys, items, values
// of every style), which byte-level mutation alone seldom makes valid.
func FuzzFastParseMatchesYAML(f *testing.F) {
	for _, data := range repoYAML(f) {
		f.Add(data, false)
		texts, _ := partsOf(f, data)
		for _, text := range texts {
			f.Add(text, false)
		}
	}
	for _, s := range fastTricky {
		f.Add([]byte(s), false)
		f.Add([]byte(strings.ReplaceAll(s, "\n", "\r\n")), false)
	}
	f.Add([]byte("\x00\x02\x05\x02\x02\x0a\x04\x00\x03\x02\x05\x04"), true)
	f.Add([]byte("\x02\x01\x00\x04\x04\x0d\x04\x02\x16\x02\x01\x0b\x00\x01\x11"), true)
	f.Fuzz(func(t *testing.T, data []byte, pieces bool) {
		if pieces {
			data = fromPieces(data)
		}
		fastMatchesSlow(t, data)
	})
}

var (
	pieceStarts = []string{"- ", "-", "K: ", "K:", "- K: ", "# c", "", "-   K: ", "K:  # c", "- # c", "K:\n", "-\n"}
	pieceKeys   = []string{"a", "b", "id", "text", "1", "true", "null", "k.x-y/z", "c"}
	pieceValues = []string{
		"word", "two  words", "'q''s'", `"d\"q\n\t\u00e9"`, "|", "|-", "|+", ">", ">-", ">+", "| # c",
		"[a, 'b', \"c\"]", "{a: b, c: [d, e]}", "[]", "{}", "", "1", "-1", "true", "~", "null",
		"2024-01-02", "x: y", "x #c", "x#c", "é ü", "'multi", "line'", "\"multi", "end\"", "\"esc \\",
		":x", "http://x/y", "0x1F", ".5", "1e3", "+.inf", "0o17", "1_000", "<<", "'", "\"", "#", "&a x",
		"*a", "!t x", "? x", "%", "@", "[a, [b]]", "{a: {b: c}}", "[a,", "b]", "{a: b", "c}", "-x",
	}
)

// fromPieces makes YAML lines from choices, three bytes a line: the
// indentation, how the line starts (item, key, comment...), and a value.
// The lines end in CRLF when there is a byte over.
func fromPieces(choices []byte) []byte {
	var b []byte
	for i := 0; i+2 < len(choices); i += 3 {
		b = append(b, "        "[:choices[i]%8]...)
		start := pieceStarts[int(choices[i+1])%len(pieceStarts)]
		key := pieceKeys[int(choices[i+1]/16)%len(pieceKeys)]
		b = append(b, strings.ReplaceAll(start, "K", key)...)
		b = append(b, pieceValues[int(choices[i+2])%len(pieceValues)]...)
		b = append(b, "\n\n"[:1+int(choices[i])/128]...) // now and then an empty line
	}
	if len(choices)%3 != 0 {
		return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
	}
	return b
}
