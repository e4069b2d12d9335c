package yamlfile

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// Items is the long top-level block sequence ParseSplit leaves out of the
// tree it returns, read part by part by DecodeItems.
type Items struct {
	data  []byte
	parts []part
}

// part is a run of items: bytes [from, to) of the file, starting on line
// line, holding n items.
type part struct {
	from, to, line, n int
}

const (
	// partItems is how many items are parsed together: 64 questions are
	// about 90 KB of YAML and half a MiB of nodes.
	partItems = 64
	// maxWorkers bounds the parts parsed at once, and so the nodes held.
	maxWorkers = 4
)

// ParseSplit is Parse for a file whose top-level key holds a long block
// sequence, such as a bank's questions. When the shape scan can vouch for
// where each item starts (see splitter), the tree returned leaves the
// sequence out (the key reads as null; every other node keeps its line and
// column) and items holds it; otherwise items is nil and the tree is whole.
func ParseSplit(file string, data []byte, key string) (root Node, r *Reader, items *Items, err error) {
	sp := &splitter{key: []byte(key)}
	nodes, err := checkSplit(file, data, sp)
	if err != nil {
		return nil, &Reader{File: file}, nil, err
	}
	parts := sp.parts(partItems, len(data))
	if parts == nil {
		root, r, err = parse(file, data, nodes)
		return root, r, nil, err
	}
	last := parts[len(parts)-1]
	skeleton := data[:parts[0].from]
	if last.to < len(data) {
		// Blank lines keep the lines of what follows the sequence.
		skeleton = slices.Concat(skeleton, bytes.Repeat([]byte("\n"), sp.endLine-parts[0].line), data[last.to:])
	}
	root, r, err = parse(file, skeleton, nodes)
	if err != nil {
		root, r, err = parse(file, data, nodes) // the error as the whole file gives it
		return root, r, nil, err
	}
	return root, r, &Items{data: data, parts: parts}, nil
}

// DecodeItems parses the items a few parts at once and decodes each with
// decode, dropping a part's nodes once it is decoded. It returns what decode
// returned in file order, and records the problems on r in file order, as
// decoding the whole sequence in order would. Each part is decoded on a
// Reader of its own. ok is false, and nothing is recorded, when a part is
// not what the split expected (not valid YAML on its own, or another number
// of items): the caller then parses the whole file with Parse, whose verdict
// is the one to report.
func DecodeItems[T any](items *Items, r *Reader, decode func(*Reader, Node) T) (vals []T, ok bool) {
	type result struct {
		vals     []T
		problems Problems
	}
	results := make([]result, len(items.parts))
	var (
		next     atomic.Int64
		failed   atomic.Bool
		panicked any
		once     sync.Once
		wg       sync.WaitGroup
	)
	workers := min(runtime.GOMAXPROCS(0), maxWorkers, len(items.parts))
	for range workers {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { panicked = p })
					failed.Store(true)
				}
			}()
			// One Reader per worker, so its interned strings carry over.
			pr := &Reader{File: r.File}
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(items.parts) {
					return
				}
				nodes, ok := items.parse(i)
				if !ok {
					failed.Store(true)
					return
				}
				pr.Problems = nil
				out := make([]T, len(nodes))
				for j, n := range nodes {
					out[j] = decode(pr, n)
				}
				results[i] = result{out, pr.Problems}
			}
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked) // in the caller's goroutine, where it can be recovered
	}
	if failed.Load() {
		return nil, false
	}
	n := 0
	for _, res := range results {
		n += len(res.vals)
	}
	vals = make([]T, 0, n)
	for _, res := range results {
		vals = append(vals, res.vals...)
		r.Problems = append(r.Problems, res.problems...)
	}
	return vals, true
}

// parse parses part i alone, with the lines of its nodes those of the file.
func (it *Items) parse(i int) ([]Node, bool) {
	p := it.parts[i]
	dec := yaml.NewDecoder(bytes.NewReader(it.data[p.from:p.to]))
	var doc, extra yaml.Node
	if dec.Decode(&doc) != nil || !errors.Is(dec.Decode(&extra), io.EOF) {
		return nil, false
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode || len(doc.Content[0].Content) != p.n {
		return nil, false
	}
	seq := doc.Content[0]
	shiftLines(seq, p.line-1)
	return seq.Content, true
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}
