package yamlfile

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/gapmap/gapmap/internal/yamlfile/fuzzgen"
)

// measure walks a parsed document: its deepest nesting of collections, and
// its number of nodes.
func measure(n *yaml.Node, seen map[*yaml.Node]bool) (depth, count int) {
	if n == nil || seen[n] {
		return 0, 0
	}
	seen[n] = true
	count = 1
	for _, c := range n.Content {
		d, k := measure(c, seen)
		depth, count = max(depth, d), count+k
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		depth++
	}
	return depth, count
}

// FuzzCheckBoundsTheParse checks the scan against yaml.v3: whatever Check
// accepts, yaml.v3 finds no deeper nesting and not many more nodes, so the
// limits hold for the parser and not just for the scan.
func FuzzCheckBoundsTheParse(f *testing.F) {
	for _, seed := range []string{
		"a: word\n  'x\nb: [[1]]\n",
		"- k: |\n    text\n  other: [1, {a: b}]\n",
		"a: &x [!!seq [1, \"]]\"], '[']\n",
		"{\"a\": [{\"b\": \"c\"}], \"d\": null}\n",
		"? [a]\n: {b: c}\n",
		"a: >-\n  folded [\n  text\nb: - c\n",
	} {
		f.Add([]byte(seed), uint8(0), uint16(0), uint16(0))
	}
	f.Add([]byte("a: [b, {c: d}]\n"), uint8(4), uint16(60), uint16(3))
	f.Fuzz(func(t *testing.T, seed []byte, shape uint8, depth, copies uint16) {
		data := seed
		if depth > 0 || copies > 0 {
			data = fuzzgen.Grow(seed, shape, depth, copies)
		}
		nodes, err := check("f.yaml", data)
		if err != nil {
			return
		}
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) != nil {
			return
		}
		d, k := measure(&doc, map[*yaml.Node]bool{})
		if d > MaxDepth+1 {
			t.Fatalf("accepted nesting %d deep", d)
		}
		if k > 3*nodes+10 {
			t.Fatalf("estimated %d nodes, yaml.v3 made %d", nodes, k)
		}
	})
}
