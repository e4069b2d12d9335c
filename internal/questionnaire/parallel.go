package questionnaire

import (
	"runtime"
	"sync"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// minRun is the fewest questions worth a goroutine of their own.
const minRun = 256

// inRuns splits n questions into runs, one for each core there is (and no
// run of fewer than minRun), and calls do on each run [from, to) at once. It
// returns when all are done; a panic in one is raised again here, in the
// caller's goroutine, where it can be recovered.
func inRuns(n int, do func(run, from, to int)) {
	runs := runsFor(n)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		panicked any
	)
	for i := range runs {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { panicked = p })
				}
			}()
			do(i, i*n/runs, (i+1)*n/runs)
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}

// runsFor is the number of runs inRuns splits n questions into.
func runsFor(n int) int { return min(runtime.GOMAXPROCS(0), max(n/minRun, 1)) }

// eachQuestion runs a check over every question on the cores there are: each
// run of questions gets a Reader and a check of its own (newCheck may give it
// state, such as a cache), and the runs' problems are recorded on r in
// question order, as one loop over the questions would record them. A
// thousand questions take milliseconds to check, while the other core would
// wait.
func eachQuestion(r *yamlfile.Reader, qs []*Question, newCheck func(r *yamlfile.Reader) func(q *Question)) {
	readers := make([]*yamlfile.Reader, runsFor(len(qs)))
	checks := make([]func(*Question), len(readers))
	for i := range readers {
		readers[i] = &yamlfile.Reader{File: r.File}
		checks[i] = newCheck(readers[i])
	}
	inRuns(len(qs), func(run, from, to int) {
		for _, q := range qs[from:to] {
			checks[run](q)
		}
	})
	for _, pr := range readers {
		r.Problems = append(r.Problems, pr.Problems...)
	}
}
