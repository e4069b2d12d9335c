package tui

import (
	"maps"
	"sync"

	"github.com/gapmap/gapmap/internal/assessment"
)

// baseline is each answer as the store holds it, as far as this program
// knows: as last read, or as last written by it. A write states it as what
// it replaces (the prev of store.SaveAnswer), so the store refuses it when
// another process changed the answer meanwhile. It is not the screen's
// copy: after a failed write the screen keeps the user's answer, but the
// store still holds the old one.
//
// The writer updates it after each write that succeeded, before running
// the next, so that two quick writes to one answer (the value, then a
// note) each state what the one before left; Update sets it when the
// assessment is (re)loaded or a conflict is settled. Hence the lock.
type baseline struct {
	mu      sync.Mutex
	answers map[string]assessment.Answer
}

func newBaseline(answers map[string]assessment.Answer) *baseline {
	return &baseline{answers: maps.Clone(answers)}
}

// get returns the stored answer to qid, or the zero Answer for none.
func (b *baseline) get(qid string) assessment.Answer {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.answers[qid]
}

// lookup returns the stored answer to qid; ok is false when there is none.
func (b *baseline) lookup(qid string) (ans assessment.Answer, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ans, ok = b.answers[qid]
	return ans, ok
}

// set records that the store holds ans for qid; stored false means none.
func (b *baseline) set(qid string, ans assessment.Answer, stored bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.answers == nil {
		b.answers = map[string]assessment.Answer{}
	}
	if stored {
		b.answers[qid] = ans
	} else {
		delete(b.answers, qid)
	}
}

// changed counts the answers that differ between the baseline and fresh,
// as a person sees them (value, note, evidence, owner, flag).
func (b *baseline) changed(fresh map[string]assessment.Answer) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for q, a := range fresh {
		if old, ok := b.answers[q]; !ok || !old.SameContent(a) {
			n++
		}
	}
	for q := range b.answers {
		if _, ok := fresh[q]; !ok {
			n++
		}
	}
	return n
}
