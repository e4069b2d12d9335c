package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// lockedStore is a store another process holds the write lock of: every
// answer write fails.
type lockedStore struct{ answerWriter }

var errLocked = errors.New("another gapmap is writing to the database; try again")

func (lockedStore) SaveAnswer(context.Context, string, string, assessment.Answer, assessment.Answer, assessment.Summary) error {
	return errLocked
}

func (lockedStore) ClearAnswer(context.Context, string, string, assessment.Answer, string, assessment.Summary) error {
	return errLocked
}

// answerLine is the "Answer:" line of the question screen.
func answerLine(t *testing.T, m Model) string {
	t.Helper()
	for _, l := range strings.Split(plain(m), "\n") {
		if strings.Contains(l, "Answer:") {
			return strings.TrimSpace(l)
		}
	}
	t.Fatalf("no answer line:\n%s", plain(m))
	return ""
}

// A failed save moves on like any answer, but going back shows it as not
// saved, with how to retry, and the progress line says how many are not;
// retrying once the lock is gone stores it and the marks go.
func TestFailedSaveIsNotShownAsSaved(t *testing.T) {
	m, qid := onFirstUnanswered(t)
	m.sh.answers = lockedStore{m.sh.opts.Store}
	m = storeRound(t, m, "4")
	if !strings.Contains(plain(m), "1 NOT SAVED") {
		t.Errorf("the progress line does not count the unsaved answer:\n%s", plain(m))
	}
	m, _ = update(t, m, press("left"))
	if m.questions.current().ID != qid {
		t.Fatalf("← went to %s, want %s", m.questions.current().ID, qid)
	}
	if got, want := answerLine(t, m), "Answer: Not in place — NOT SAVED (press 4 again to retry)"; got != want {
		t.Errorf("answer line %q, want %q", got, want)
	}
	if strings.Contains(plain(m), "answered by") {
		t.Errorf("an answer not saved is shown with who gave it, as a stored one:\n%s", plain(m))
	}
	m.sh.answers = m.sh.opts.Store
	m = storeRound(t, m, "4")
	if got := storedAnswer(t, m, qid); got.Value != assessment.No {
		t.Fatalf("the retry stored %+v, want no", got)
	}
	m, _ = update(t, m, press("left"))
	if line := answerLine(t, m); line != "Answer: Not in place" || strings.Contains(plain(m), "NOT SAVED") {
		t.Errorf("after the retry the answer still shows as not saved (%q):\n%s", line, plain(m))
	}
}

// A note whose save failed is marked as not saved, on an answer already
// stored as on a question without one.
func TestFailedNoteIsNotShownAsSaved(t *testing.T) {
	m, qid := onFirstUnanswered(t)
	m.sh.answers = lockedStore{m.sh.opts.Store}
	m = intentRound(t, m, saveAnswerMsg{questionID: qid, answer: assessment.Answer{Note: "a note"}})
	if got, want := answerLine(t, m), "Answer: not answered yet — note NOT SAVED (e, then save, retries)"; got != want {
		t.Errorf("answer line %q, want %q", got, want)
	}
	m, _ = update(t, m, openQuestionMsg{id: "access.mfa"})
	ans := m.sess.a.Answers["access.mfa"]
	ans.Note = "a different note"
	m = intentRound(t, m, saveAnswerMsg{questionID: "access.mfa", answer: ans})
	if got, want := answerLine(t, m), "Answer: Partial — note NOT SAVED (press 3 again to retry)"; got != want {
		t.Errorf("answer line %q, want %q", got, want)
	}
}

// intentRound feeds a screen's intent to the root and the result of the
// write it submits back, as the runtime would.
func intentRound(t *testing.T, m Model, intent tea.Msg) Model {
	t.Helper()
	m, result := update(t, m, intent)
	if result == nil {
		t.Fatalf("%#v submitted no write", intent)
	}
	next, _ := m.Update(result) // not its command: a status tick waits 4 s
	return next.(Model)
}

// q with an answer that could not be saved asks first, naming how many;
// any other key stays, the first ctrl+c asks too, y quits.
func TestQuitAsksAboutUnsavedAnswers(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	m.sh.answers = lockedStore{m.sh.opts.Store}
	m = storeRound(t, m, "4")
	m, msg := update(t, m, press("q"))
	if _, quit := msg.(tea.QuitMsg); quit {
		t.Fatal("q quit with an unsaved answer, without asking")
	}
	if !strings.Contains(plain(m), "1 answer was not saved. Quit and lose it?") {
		t.Fatalf("no question on screen:\n%s", plain(m))
	}
	m, msg = update(t, m, press("n"))
	if _, quit := msg.(tea.QuitMsg); quit || m.confirm != nil {
		t.Fatalf("n quit (%v) or left the question open", quit)
	}
	m = storeRound(t, m, "1")
	m, msg = update(t, m, press("ctrl+c"))
	if _, quit := msg.(tea.QuitMsg); quit {
		t.Fatal("ctrl+c quit with unsaved answers, without asking")
	}
	if !strings.Contains(plain(m), "2 answers were not saved. Quit and lose them?") {
		t.Fatalf("no question on screen:\n%s", plain(m))
	}
	if _, msg = update(t, m, press("y")); msg == nil {
		t.Fatal("y did not quit")
	} else if _, quit := msg.(tea.QuitMsg); !quit {
		t.Fatalf("y sent %#v, want quit", msg)
	}
}

// q while a write is in flight waits for it; when it succeeds but an
// earlier answer is still not saved, the program asks instead of quitting.
func TestQuitAfterAWriteStillAsksAboutAnEarlierFailure(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	m.sh.answers = lockedStore{m.sh.opts.Store}
	m = storeRound(t, m, "4")
	m.sh.answers = m.sh.opts.Store
	m, intent := update(t, m, press("1"))
	next, write := m.Update(intent)
	m = next.(Model)
	m, msg := update(t, m, press("q"))
	if msg != nil || !m.quitting {
		t.Fatalf("q with a write in flight: quitting %v, msg %#v", m.quitting, msg)
	}
	m, msg = update(t, m, write())
	if _, quit := msg.(tea.QuitMsg); quit {
		t.Fatal("the program quit with an unsaved answer once the last write landed")
	}
	if m.quitting || !strings.Contains(plain(m), "1 answer was not saved. Quit and lose it?") {
		t.Fatalf("quitting %v; no question on screen:\n%s", m.quitting, plain(m))
	}
}

// A clear that failed shows what is still stored; ⌫ again retries it.
func TestFailedClearIsShownAndRetried(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	m.sh.answers = lockedStore{m.sh.opts.Store}
	m, _ = update(t, m, openQuestionMsg{id: "access.sso-idp"})
	m = storeRound(t, m, "backspace")
	if got, want := answerLine(t, m), "Answer: cleared — NOT SAVED, still stored as In place (⌫ again retries)"; got != want {
		t.Errorf("answer line %q, want %q", got, want)
	}
	m.sh.answers = m.sh.opts.Store
	m = storeRound(t, m, "backspace")
	if ans := storedAnswer(t, m, "access.sso-idp"); ans.Value != "" {
		t.Fatalf("the retried clear left %+v", ans)
	}
	if strings.Contains(plain(m), "NOT SAVED") {
		t.Errorf("still shown as not saved after the retry:\n%s", plain(m))
	}
}

// Leaving the assessment for the home screen with an answer not saved asks
// first, as quitting does: the answers on screen were dropped silently.
func TestLeavingAsksAboutUnsavedAnswers(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	m.sh.answers = lockedStore{m.sh.opts.Store}
	m = storeRound(t, m, "4")
	m, msg := update(t, m, press("esc"))
	m, _ = update(t, m, msg)
	if m.screen != screenQuestions || m.sess == nil {
		t.Fatalf("esc left for screen %v without asking", m.screen)
	}
	if !strings.Contains(plain(m), "1 answer was not saved. Leave") {
		t.Fatalf("no question on screen:\n%s", plain(m))
	}
	m, _ = update(t, m, press("n"))
	if m.screen != screenQuestions || m.sess == nil || m.sess.unsaved() != 1 {
		t.Fatalf("n left the assessment (screen %v) or lost the answer", m.screen)
	}
	m, msg = update(t, m, press("esc"))
	m, _ = update(t, m, msg)
	m, _ = update(t, m, press("y"))
	if m.screen != screenHome || m.sess != nil {
		t.Fatalf("y did not leave for the home screen (screen %v)", m.screen)
	}
}
