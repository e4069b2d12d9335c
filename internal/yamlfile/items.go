package yamlfile

import (
	"bytes"
	"errors"
	"hash/maphash"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// Items is the long top-level block sequence ParseSplit leaves out of the
// tree it returns, read part by part by DecodeItems.
type Items struct {
	file string
	// data is the file's bytes; nil when they were not kept (ParseSplitFile),
	// and each part is read again from path and checked against its sum.
	data  []byte
	path  string
	seed  maphash.Seed
	parts []part
	// early holds the first parts, parsed while the file was scanned.
	early *earlyParse
}

// part is a run of items: bytes [from, to) of the file, starting on line
// line, holding n items; sum is the hash of those bytes when first read.
type part struct {
	from, to, line, n int
	sum               uint64
}

const (
	// partItems is how many items are parsed together: 64 questions are
	// about 90 KB of YAML and half a MiB of nodes.
	partItems = 64
	// maxWorkers bounds the parts parsed at once, and so the nodes held.
	maxWorkers = 4
	// maxFastPart is the largest part given to the fast parser.
	maxFastPart = 1 << 20
)

// ParseSplit is Parse for a file whose top-level key holds a long block
// sequence, such as a bank's questions. When the shape scan can vouch for
// where each item starts (see splitter), the tree returned leaves the
// sequence out (the key reads as null; every other node keeps its line and
// column) and items holds it; otherwise items is nil and the tree is whole.
func ParseSplit(file string, data []byte, key string) (root Node, r *Reader, items *Items, err error) {
	return parseSplit(file, data, key)
}

// ParseSplitFile is ReadFile and ParseSplit, except that the file's bytes
// are not kept once the sequence is found: DecodeItems reads each part again
// from the file (and finds it changed, unless its bytes hash as they did), so
// a 7 MB bank's text is not held while its questions are decoded. Problems
// name the file by path.
func ParseSplitFile(path, key string) (root Node, r *Reader, items *Items, err error) {
	r = &Reader{File: path}
	ferr := useFile(path, func(data []byte) {
		root, r, items, err = parseSplit(path, data, key)
		if items == nil {
			return
		}
		items.path = path
		for i := range items.parts {
			p := &items.parts[i]
			p.sum = maphash.Bytes(items.seed, data[p.from:p.to])
		}
		items.data = nil
	})
	if ferr != nil {
		return nil, &Reader{File: path}, nil, ferr
	}
	return root, r, items, err
}

// Whole parses the whole file the sequence is from, for Parse's verdict on
// it when DecodeItems could not read the parts.
func (it *Items) Whole() (Node, *Reader, error) {
	data := it.data
	if data == nil {
		var err error
		if data, err = ReadFile(it.path); err != nil {
			return nil, &Reader{File: it.file}, err
		}
	}
	return Parse(it.file, data)
}

func parseSplit(file string, data []byte, key string) (root Node, r *Reader, items *Items, err error) {
	seed := maphash.MakeSeed()
	sp := &splitter{key: []byte(key), early: startEarlyParse(seed)}
	nodes, err := checkSplit(file, data, sp)
	sp.early.scanned()
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
	return root, r, &Items{file: file, data: data, seed: seed, parts: parts, early: sp.early}, nil
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
	src, err := items.open()
	if err != nil {
		return nil, false
	}
	if src != nil {
		defer src.Close()
	}
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
			// One Reader per worker, so its interned strings carry over, and
			// one buffer for the parts' text: yaml.v3 copies what it keeps.
			pr := &Reader{File: r.File}
			var buf []byte
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(items.parts) {
					return
				}
				nodes, ok := items.parse(src, i, &buf)
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

// open opens the file to read the parts from, when its bytes were not kept.
func (it *Items) open() (*os.File, error) {
	if it.data != nil {
		return nil, nil
	}
	return os.Open(it.path)
}

// parse parses part i alone, with the lines of its nodes those of the file,
// or takes it as parsed while the file was scanned. A part read from the
// file is read into *buf, grown as needed, and checked against its sum even
// when it was parsed already.
func (it *Items) parse(src *os.File, i int, buf *[]byte) ([]Node, bool) {
	p := it.parts[i]
	nodes, sum, early := it.early.take(i)
	var text []byte
	if src == nil {
		text = it.data[p.from:p.to]
	} else {
		if cap(*buf) < p.to-p.from {
			*buf = make([]byte, p.to-p.from)
		}
		text = (*buf)[:p.to-p.from]
		if _, err := src.ReadAt(text, int64(p.from)); err != nil || maphash.Bytes(it.seed, text) != p.sum {
			return nil, false // the file changed since it was checked
		}
	}
	if early && (src == nil || sum == p.sum) {
		return nodes, true // what the file still holds, parsed already
	}
	return parsePart(text, p)
}

// parsePart parses the text of part p, whose items must be all it holds.
// The fast parser reads the block YAML banks are written in; anything else
// is read by yaml.v3, whose verdict it is. A part larger than maxFastPart
// (of items ten times the size of a bank's questions) goes to yaml.v3
// directly: the fast parser may find out only at its end that it cannot
// read it, and a hostile file would then cost both parsers in full.
func parsePart(text []byte, p part) ([]Node, bool) {
	var doc *yaml.Node
	fast := false
	if len(text) <= maxFastPart {
		doc, fast = fastParse(text, p.line)
	}
	if !fast {
		doc = &yaml.Node{}
		dec := yaml.NewDecoder(bytes.NewReader(text))
		var extra yaml.Node
		if dec.Decode(doc) != nil || !errors.Is(dec.Decode(&extra), io.EOF) {
			return nil, false
		}
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode || len(doc.Content[0].Content) != p.n {
		return nil, false
	}
	seq := doc.Content[0]
	if !fast {
		shiftLines(seq, p.line-1)
	}
	return seq.Content, true
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}
