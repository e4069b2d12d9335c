package tui

import (
	"errors"
	"slices"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// writer applies store writes one at a time, in the order Update asked for
// them. Bubble Tea runs each command in its own goroutine, so two saves of
// the same answer in quick succession (the value, then a note) could
// otherwise commit in either order and leave the older one on disk. The
// writes are queued when Update submits them, not when Bubble Tea gets
// round to running the command, so a write is never lost because the
// program quit before its command started: Flush finishes the queue.
type writer struct {
	mu      sync.Mutex
	idle    *sync.Cond
	queue   []*writeJob
	running bool
	// undelivered counts the writes whose result has not reached the
	// program yet; failed holds those of them that failed, so that Flush
	// can report what the program never showed.
	undelivered int
	failed      []*writeJob
	// submitted counts the writes ever queued, so that a reload read
	// while one was queued can be told and dropped.
	submitted int
}

type writeJob struct {
	do  func() (tea.Msg, error)
	out chan tea.Msg
	err error
}

func newWriter() *writer {
	w := &writer{}
	w.idle = sync.NewCond(&w.mu)
	return w
}

// submit queues a write and returns the command that delivers its result.
// do returns the message for Update and the write's error, if any.
func (w *writer) submit(do func() (tea.Msg, error)) tea.Cmd {
	j := &writeJob{do: do, out: make(chan tea.Msg, 1)}
	w.mu.Lock()
	w.queue = append(w.queue, j)
	w.undelivered++
	w.submitted++
	if !w.running {
		w.running = true
		go w.run()
	}
	w.mu.Unlock()
	return func() tea.Msg {
		msg := <-j.out
		w.mu.Lock()
		w.undelivered--
		w.failed = slices.DeleteFunc(w.failed, func(f *writeJob) bool { return f == j })
		w.mu.Unlock()
		return msg
	}
}

func (w *writer) run() {
	for {
		w.mu.Lock()
		if len(w.queue) == 0 {
			w.running = false
			w.idle.Broadcast()
			w.mu.Unlock()
			return
		}
		j := w.queue[0]
		w.queue = w.queue[1:]
		w.mu.Unlock()

		msg, err := j.do()
		if err != nil {
			w.mu.Lock()
			j.err = err
			w.failed = append(w.failed, j)
			w.mu.Unlock()
		}
		j.out <- msg
	}
}

// pending reports whether some write's result has not reached the program.
// A command reads the result before Update sees it, so when Update handles
// the last result pending is already false.
func (w *writer) pending() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.undelivered > 0
}

// count returns how many writes were ever submitted.
func (w *writer) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.submitted
}

// Flush waits for every queued write to finish and returns the errors of
// those whose result the program never showed.
func (w *writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.running {
		w.idle.Wait()
	}
	var errs []error
	for _, j := range w.failed {
		errs = append(errs, j.err)
	}
	w.failed = nil
	return errors.Join(errs...)
}
