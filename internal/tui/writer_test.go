package tui

import (
	"errors"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Bubble Tea runs commands in whatever order its goroutines get the CPU;
// the writes must still happen in the order they were submitted.
func TestWriterKeepsSubmissionOrder(t *testing.T) {
	w := newWriter()
	var mu sync.Mutex
	var order []int
	var cmds []tea.Cmd
	for i := range 50 {
		cmds = append(cmds, w.submit(func() (tea.Msg, error) {
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			return i, nil
		}))
	}
	var wg sync.WaitGroup
	for i := len(cmds) - 1; i >= 0; i-- {
		wg.Go(func() {
			if got := cmds[i](); got != i {
				t.Errorf("command %d delivered %v", i, got)
			}
		})
	}
	wg.Wait()
	for i, n := range order {
		if n != i {
			t.Fatalf("writes ran in order %v", order)
		}
	}
	if w.pending() {
		t.Error("pending after every result was delivered")
	}
}

// A write whose command never ran (the program quit first) still happens,
// and Flush reports its failure.
func TestWriterFlushFinishesUndeliveredWrites(t *testing.T) {
	w := newWriter()
	done := false
	w.submit(func() (tea.Msg, error) { done = true; return nil, nil })
	w.submit(func() (tea.Msg, error) { return nil, errors.New("disk full") })
	delivered := w.submit(func() (tea.Msg, error) { return nil, errors.New("shown on screen") })
	delivered()
	err := w.Flush()
	if !done {
		t.Error("Flush returned before the queued write ran")
	}
	if err == nil || err.Error() != "disk full" {
		t.Errorf("Flush = %v, want only the undelivered failure", err)
	}
}

// Quitting right after an answer waits for its commit: the program ends
// only when the save is confirmed, and the answer is on disk.
func TestQuitWaitsForPendingSave(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 100, 30), st)
	m.screen = screenQuestions
	m.questions = newQuestionScreen(m.sh, m.sess, "", screenQuestions)
	qid := m.sess.questions[0].ID

	next, save := m.Update(saveAnswerMsg{questionID: qid, answer: assessment.Answer{Value: assessment.Partial}})
	next, cmd := next.Update(press("q"))
	if _, quit := runCmd(cmd).(tea.QuitMsg); quit {
		t.Fatal("q quit with a save in flight")
	}
	if got := plain(next.(Model)); !strings.Contains(got, "Saving before quitting") {
		t.Errorf("the screen does not say it is saving:\n%s", got)
	}
	_, cmd = next.Update(runCmd(save))
	if _, quit := runCmd(cmd).(tea.QuitMsg); !quit {
		t.Fatal("the program did not quit once the save was confirmed")
	}
	a, err := st.Load(t.Context(), m.sess.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Answers[qid].Value != assessment.Partial {
		t.Errorf("%s stored as %+v", qid, a.Answers[qid])
	}
}
