package yamlfile

import (
	"hash/maphash"
	"sync/atomic"
)

// earlyParts is how many parts may be parsed while the shape scan still
// runs, on the core that would otherwise wait for it: about what one core
// parses while the scan reads the rest of a 7 MB bank, half a MiB of nodes
// each.
const earlyParts = 4

// earlyParse parses the first parts of a sequence on another goroutine as
// soon as the scan has passed them. A part is handed over only once the scan
// has checked it (its encoding, depth and nodes), as a copy of its bytes, so
// the file may be unmapped meanwhile. The parts are used only if the scan
// ends without a problem and finds the same parts (DecodeItems); a part that
// did not parse alone is parsed again there, and fails there as it would
// have. A part the goroutine has not started when DecodeItems needs it is
// parsed by DecodeItems, so that a small file, scanned in no time, is not
// parsed on one core.
type earlyParse struct {
	queue chan earlyPart
	// state[i] is who parses part i: notClaimed until the goroutine or
	// DecodeItems claims it. ready[i] is closed once the goroutine that
	// claimed it is done with it.
	state [earlyParts]atomic.Int32
	ready [earlyParts]chan struct{}
	nodes [earlyParts][]Node
	sums  [earlyParts]uint64
}

const (
	notClaimed int32 = iota
	claimedEarly
	claimedLater
)

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
		for ep := range e.queue {
			if e.state[ep.i].CompareAndSwap(notClaimed, claimedEarly) {
				e.parse(ep, seed)
			}
		}
	}()
	return e
}

func (e *earlyParse) parse(ep earlyPart, seed maphash.Seed) {
	defer close(e.ready[ep.i])
	// A part that panics is parsed again by DecodeItems, and panics there.
	defer func() { _ = recover() }()
	if nodes, ok := parsePart(ep.text, ep.p); ok {
		e.nodes[ep.i], e.sums[ep.i] = nodes, maphash.Bytes(seed, ep.text)
	}
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

// take returns the items of part i and the hash of its bytes if they were
// parsed early, waiting for them if their parse has begun; they are dropped
// here. A part whose parse has not begun is left to the caller.
func (e *earlyParse) take(i int) (nodes []Node, sum uint64, ok bool) {
	if e == nil || i >= earlyParts {
		return nil, 0, false
	}
	if e.state[i].CompareAndSwap(notClaimed, claimedLater) || e.state[i].Load() != claimedEarly {
		return nil, 0, false
	}
	<-e.ready[i]
	nodes, e.nodes[i] = e.nodes[i], nil
	return nodes, e.sums[i], nodes != nil
}
