package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// ⌫ clears the value only: the note, owner and flag stay, in the store
// too, and the history records the change. An answer with nothing else
// is removed as before.
func TestClearKeepsNoteOwnerAndFlag(t *testing.T) {
	m, _ := onFirstUnanswered(t)
	before := m.sess.a.Answers["access.mfa"]
	m, _ = update(t, m, openQuestionMsg{id: "access.mfa"})
	m = storeRound(t, m, "backspace")
	got := storedAnswer(t, m, "access.mfa")
	if got.Value != "" || got.Note != before.Note || got.Owner != before.Owner || !got.Flagged {
		t.Fatalf("after ⌫ the store holds %+v, want %+v without its value", got, before)
	}
	if on := m.sess.a.Answers["access.mfa"]; on.Value != "" || on.Note != before.Note || !on.Flagged {
		t.Errorf("after ⌫ the screen holds %+v", on)
	}
	if line := answerLine(t, m); !strings.Contains(line, "not answered yet") || strings.Contains(plain(m), "NOT SAVED") {
		t.Errorf("answer line %q after ⌫:\n%s", line, plain(m))
	}
	if !strings.Contains(plain(m), "Note: "+before.Note) {
		t.Errorf("the note is no longer shown:\n%s", plain(m))
	}
	hist, err := m.sh.opts.Store.History(context.Background(), m.sess.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := hist[len(hist)-1]
	if last.QuestionID != "access.mfa" || last.Old != "partial" || last.New != "" {
		t.Errorf("last change %+v, want access.mfa partial → cleared", last)
	}

	m, _ = update(t, m, openQuestionMsg{id: "access.sso-idp"})
	m = storeRound(t, m, "backspace")
	a, err := m.sh.opts.Store.LoadUUID(context.Background(), m.sess.a.UUID)
	if err != nil {
		t.Fatal(err)
	}
	if ans, ok := a.Answers["access.sso-idp"]; ok {
		t.Errorf("an answer with nothing else is kept after ⌫: %+v", ans)
	}
}

// ⌫ on a question with a note but no answer leaves the note alone (it
// used to delete it with the record).
func TestClearWithoutAnAnswerKeepsTheNote(t *testing.T) {
	m, qid := onFirstUnanswered(t)
	m = intentRound(t, m, saveAnswerMsg{questionID: qid, answer: assessment.Answer{Note: "ask Priya"}})
	m, msg := update(t, m, press("backspace"))
	if _, ok := msg.(clearAnswerMsg); ok {
		t.Fatal("⌫ without an answer asked to remove the record and its note")
	}
	next, _ := m.Update(msg)
	m = next.(Model)
	if got := storedAnswer(t, m, qid); got.Note != "ask Priya" {
		t.Errorf("after ⌫ the store holds %+v, want the note kept", got)
	}
	if !strings.Contains(plain(m), "No answer to clear") {
		t.Errorf("⌫ without an answer does not say why nothing happened:\n%s", plain(m))
	}
}
