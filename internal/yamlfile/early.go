package yamlfile

import (
	"hash/maphash"
)

// earlyParts is how many parts are parsed while the shape scan still runs,
// on the core that would otherwise wait for it: about what one core parses
// while the scan reads the rest of a 7 MB bank, half a MiB of nodes each.
const earlyParts = 4

// earlyParse parses the first parts of a sequence on another goroutine as
// soon as the scan has passed them. A part is handed over only once the scan
// has checked it (its encoding, depth and nodes), as a copy of its bytes, so
// the file may be unmapped meanwhile. The parts are used only if the scan
// ends without a problem and finds the same parts (DecodeItems); a part that
// did not parse alone is parsed again there, and fails there as it would
// have.
type earlyParse struct {
	queue chan earlyPart
	// ready[i] is closed once part i is parsed, or will not be.
	ready [earlyParts]chan struct{}
	nodes [earlyParts][]Node
	sums  [earlyParts]uint64
}

type earlyPart struct {
	i    int
	p    part
	text []byte
}

func startEarlyParse(seed maphash.Seed) *earlyParse {
	e := &earlyParse{queue: make(chan earlyPart, earlyParts)}
	for i := range e.ready {
		e.ready[i] = make(chan struct{})
	}
	go func() {
		next := 0
		defer func() {
			recover() // the part is parsed again by DecodeItems, and panics there
			for ; next < earlyParts; next++ {
				close(e.ready[next])
			}
		}()
		for ep := range e.queue {
			if nodes, ok := parsePart(ep.text, ep.p); ok {
				e.nodes[ep.i], e.sums[ep.i] = nodes, maphash.Bytes(seed, ep.text)
			}
			close(e.ready[ep.i])
			next = ep.i + 1
		}
	}()
	return e
}

// add hands over part i, bytes [p.from, p.to) of data, which the scan has
// passed.
func (e *earlyParse) add(data []byte, i int, p part) {
	if i < earlyParts {
		e.queue <- earlyPart{i, p, append([]byte(nil), data[p.from:p.to]...)}
	}
}

// scanned is called when the scan ends: no more parts come.
func (e *earlyParse) scanned() { close(e.queue) }

// take waits for part i and returns its items and the hash of its bytes, if
// it was parsed early; they are dropped here.
func (e *earlyParse) take(i int) (nodes []Node, sum uint64, ok bool) {
	if e == nil || i >= earlyParts {
		return nil, 0, false
	}
	<-e.ready[i]
	nodes, e.nodes[i] = e.nodes[i], nil
	return nodes, e.sums[i], nodes != nil
}
