package yamlfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// dump writes a node tree with everything a reader sees of it: kinds,
// tags, styles, values and positions.
func dump(b *strings.Builder, n *yaml.Node) {
	if n == nil {
		b.WriteString("nil;")
		return
	}
	fmt.Fprintf(b, "%d %s %d %q %d:%d [", n.Kind, n.ShortTag(), n.Style, n.Value, n.Line, n.Column)
	for _, c := range n.Content {
		dump(b, c)
	}
	b.WriteString("];")
}

// splitMatchesWhole parses data whole and split on "items": the tree and
// the items, put back in place of the key's value, must be the same.
// It reports whether data was split.
func splitMatchesWhole(t *testing.T, data []byte) bool {
	t.Helper()
	whole, _, wholeErr := Parse("f.yaml", data)
	root, r, items, err := ParseSplit("f.yaml", data, "items")
	if items == nil {
		if fmt.Sprint(err) != fmt.Sprint(wholeErr) {
			t.Fatalf("%q: not split: %v; whole: %v", data, err, wholeErr)
		}
		return false
	}
	if err != nil {
		t.Fatalf("%q: split with an error: %v", data, err)
	}
	got, ok := DecodeItems(items, r, func(_ *Reader, n Node) Node { return n })
	if !ok {
		// The parts are refused; the caller parses the whole file. (The
		// scan may misread text that is not YAML, or some that is: a
		// comment right after "- " reads as text to it.)
		return true
	}
	if wholeErr != nil {
		t.Fatalf("%q: the parts parsed, the whole file did not: %v", data, wholeErr)
	}
	// The sequence node itself is not read in parts: it takes the whole
	// file's position.
	var seq *yaml.Node
	for i := 0; i+1 < len(whole.Content); i += 2 {
		if whole.Content[i].Value == "items" && seq == nil {
			seq = whole.Content[i+1]
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "items" {
			v := root.Content[i+1]
			*v = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: got, Line: seq.Line, Column: seq.Column}
		}
	}
	var a, b strings.Builder
	dump(&a, root)
	dump(&b, whole)
	if a.String() != b.String() {
		t.Fatalf("%q:\nsplit: %s\nwhole: %s", data, a.String(), b.String())
	}
	return true
}

func itemsFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString("name: x # a comment\nitems:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: q%d\n    text: |\n      - not an item %d\n    list: [a, 'b\n      c']\n    note: \"x\n  - y\"\n  # between\n", i, i)
	}
	b.WriteString("after: 1\n")
	return b.Bytes()
}

func TestSplitMatchesWhole(t *testing.T) {
	split := 0
	for _, s := range []string{
		string(itemsFile(3)),
		string(itemsFile(200)),
		"items:\n- a\n- b: c\n  d: e\n-\n- [x]\nafter: 2\n",
		"items:\n  - a\n  -   b\n",
		"items:   # comment\n  - a\n\n\n  - b\n# tail\n",
		"a: 1\nitems:\n  - a\n  - 'multi\n  - line'\n  - b\n",
		"items:\n  - a\n  -\tb\n",
		"items:\n  - &x a\n  - *x\n",
		"items:\n  - a\n ? b\n",
		"items:\n  - a\n    - b\n  - c\n",
		"items:\n  - a\n---\nx: 1\n",
		"items:\n  - a\nitems:\n  - b\n",
		"items:\n  - a: [1,\n  2]\n  - b\n",
		"items:\n  - \"a\n  - b\n",
		"items:\r\n  - a\r\n  - b\r\n",
		"items:\n  - a\nbroken: [\n",
		"items:\n  - a: b\n   c: d\n  - e\n",
		"items:\n  - 'a\n---\n  b'\n  - c\n",
		"items:\n  - \"a\n...\n  b\"\n  - c\n",
	} {
		if splitMatchesWhole(t, []byte(s)) {
			split++
		}
	}
	if split < 8 {
		t.Errorf("only %d inputs split", split)
	}
}

func TestParseSplitFileReadsThePartsAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.yaml")
	data := itemsFile(300)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	root, r, items, err := ParseSplitFile(path, "items")
	if err != nil || items == nil || items.data != nil {
		t.Fatalf("not split, or the bytes kept: %v", err)
	}
	ids, ok := DecodeItems(items, r, func(r *Reader, n Node) string {
		m, _ := r.Mapping(n, "an item")
		return fmt.Sprintf("%s@%d", m.String("id", true), m.Pos().Line)
	})
	if !ok || len(ids) != 300 || ids[299] != fmt.Sprintf("q299@%d", 3+299*8) || root == nil {
		t.Fatalf("read %d items, last %v", len(ids), ids[len(ids)-1:])
	}
	// The file changed after it was checked: the parts are refused, and
	// Whole reads the new file.
	changed := bytes.Replace(data, []byte("q250"), []byte("q25!"), 1)
	if err := os.WriteFile(path, changed, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := DecodeItems(items, r, func(*Reader, Node) int { return 0 }); ok {
		t.Fatal("parts of a changed file were read")
	}
	whole, _, err := items.Whole()
	if err != nil || !strings.Contains(fmt.Sprint(whole.Content[3].Content[250].Content[1].Value), "q25!") {
		t.Fatalf("Whole did not read the file again: %v", err)
	}
}

// FuzzSplitMatchesWhole checks that whatever the split reads part by part
// is what the whole file holds, node for node and position for position.
func FuzzSplitMatchesWhole(f *testing.F) {
	f.Add(itemsFile(2))
	f.Add([]byte("items:\n- a\n- b: c\n  d: |\n   - e\n-\nafter: 2\n"))
	f.Add([]byte("x: {a: b}\nitems:\n  - 'a\n  - b'\n  - c # d\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		splitMatchesWhole(t, data)
	})
}

// TestPartsParsedWhileScanning checks that the first parts are parsed while
// the scan reads the rest of the file, and that a part parsed so is used
// only while the file still holds it.
func TestPartsParsedWhileScanning(t *testing.T) {
	data := itemsFile(300)
	_, _, items, err := ParseSplit("f.yaml", data, "items")
	if err != nil || items == nil {
		t.Fatalf("not split: %v", err)
	}
	waitEarlyClaim(t, items)
	if nodes, _, ok := items.early.take(0); !ok || len(nodes) != partItems {
		t.Fatal("the first part was not parsed while scanning")
	}
	if !splitMatchesWhole(t, data) {
		t.Fatal("not split")
	}
	// The file changed, in its first part, after it was checked.
	path := filepath.Join(t.TempDir(), "f.yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, r, items, err := ParseSplitFile(path, "items")
	if err != nil || items == nil {
		t.Fatalf("not split: %v", err)
	}
	waitEarlyClaim(t, items)
	if err := os.WriteFile(path, bytes.Replace(data, []byte("q10\n"), []byte("q1!\n"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := DecodeItems(items, r, func(*Reader, Node) int { return 0 }); ok {
		t.Fatal("a part parsed before the file changed was used")
	}
}

// waitEarlyClaim waits for the first part's early parse to begin.
func waitEarlyClaim(t *testing.T, items *Items) {
	t.Helper()
	for range 1000 {
		if items.early.state[0].Load() == claimedEarly {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the first part was not parsed while scanning")
}
