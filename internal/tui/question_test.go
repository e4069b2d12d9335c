package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// questionFixture returns a question screen on the example assessment.
func questionFixture(t *testing.T) questionScreen {
	t.Helper()
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 120, 40), st)
	return newQuestionScreen(m.sh, m.sess, "", screenQuestions)
}

// runCmd executes a command and returns its message (nil for none).
func runCmd(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

func TestAnswerKeySavesAndAdvances(t *testing.T) {
	s := questionFixture(t)
	first := s.current().ID
	s, cmd := s.Update(press("4"))
	msg, ok := runCmd(cmd).(saveAnswerMsg)
	if !ok || msg.questionID != first || msg.answer.Value != assessment.No {
		t.Fatalf("key 4 sent %#v, want save %s = no", runCmd(cmd), first)
	}
	if s.idx != 1 {
		t.Fatalf("after answering, idx = %d, want 1", s.idx)
	}
}

func TestEveryAnswerKeyMapsToItsValue(t *testing.T) {
	for i, v := range assessment.Values {
		if v == assessment.NA {
			continue
		}
		s := questionFixture(t)
		_, cmd := s.Update(press(string(rune('1' + i))))
		if msg, _ := runCmd(cmd).(saveAnswerMsg); msg.answer.Value != v {
			t.Errorf("key %d saved %q, want %q", i+1, msg.answer.Value, v)
		}
	}
}

func TestNotApplicableAsksForANoteFirst(t *testing.T) {
	s := questionFixture(t)
	s, cmd := s.Update(press("6"))
	if s.mode != modeDetails || !s.naPending {
		t.Fatalf("na must open the note form, mode = %v", s.mode)
	}
	if _, saved := runCmd(cmd).(saveAnswerMsg); saved {
		t.Fatal("na was saved without a note")
	}
	s, _ = s.Update(press("esc"))
	if s.mode != modeAnswer || s.naPending {
		t.Fatal("esc must cancel the note and the na answer")
	}
}

func TestBackNextSkipAndBounds(t *testing.T) {
	s := questionFixture(t)
	s, _ = s.Update(press("left"))
	if s.idx != 0 {
		t.Fatalf("back at the first question moved to %d", s.idx)
	}
	for _, k := range []string{"right", "l", "s"} {
		s, _ = s.Update(press(k))
	}
	if s.idx != 3 {
		t.Fatalf("next, l and skip: idx = %d, want 3", s.idx)
	}
	s, _ = s.Update(press("h"))
	if s.idx != 2 {
		t.Fatalf("h: idx = %d, want 2", s.idx)
	}
	s, _ = s.Update(press("G"))
	last := len(s.sess.questions) - 1
	if s.idx != last {
		t.Fatalf("G: idx = %d, want %d", s.idx, last)
	}
	s, _ = s.Update(press("right"))
	if s.idx != last {
		t.Fatal("next past the last question moved")
	}
}

func TestFlagTogglesFollowUp(t *testing.T) {
	s := questionFixture(t)
	s.idx = s.sess.indexOf("access.mfa") // answered partial and flagged
	_, cmd := s.Update(press("f"))
	msg := runCmd(cmd).(saveAnswerMsg)
	if msg.answer.Flagged || msg.answer.Value != assessment.Partial {
		t.Fatalf("f on a flagged answer: %+v, want unflagged partial", msg.answer)
	}
}

func TestNextUnansweredSkipsAnswered(t *testing.T) {
	s := questionFixture(t)
	s.idx = s.sess.indexOf("access.mfa") - 1
	s, _ = s.Update(press("u"))
	if id := s.current().ID; id == "access.mfa" || s.sess.a.Answers[id].Value != "" {
		t.Fatalf("u stopped on answered question %s", id)
	}
}

func TestJumpToAreaLandsOnFirstUnanswered(t *testing.T) {
	s := questionFixture(t)
	s, _ = s.Update(press("a"))
	if s.mode != modeAreas {
		t.Fatal("a did not open the area list")
	}
	target := -1
	for i, a := range s.sess.ev.Areas {
		if a.Area.ID == "access" {
			target = i
		}
	}
	for s.areaCursor < target {
		s, _ = s.Update(press("j"))
	}
	s, _ = s.Update(press("enter"))
	q := s.current()
	if q.Area != "access" {
		t.Fatalf("landed in area %s, want access", q.Area)
	}
	if _, answered := s.sess.a.Answers[q.ID]; answered {
		t.Fatalf("landed on answered %s, want the first unanswered", q.ID)
	}
}

func TestResumeOpensFirstUnanswered(t *testing.T) {
	s := questionFixture(t)
	first := s.sess.a.FirstUnanswered(s.sess.questions)
	if s.idx != first {
		t.Fatalf("opened at %d, want first unanswered %d", s.idx, first)
	}
}

// A changed answer shows its history: who changed it from what, and when.
func TestChangedAnswerShowsItsHistory(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 120, 40), st)
	m.screen = screenQuestions
	qid := m.sess.questions[0].ID
	for _, v := range []assessment.Value{assessment.No, assessment.Partial} {
		next, _ := m.Update(saveAnswerMsg{questionID: qid, answer: assessment.Answer{Value: v}})
		m = next.(Model)
	}
	m.questions = newQuestionScreen(m.sh, m.sess, qid, screenQuestions)
	out := plain(m)
	for _, want := range []string{"answered by Dana (CTO) on 2026-11-23", "Changed: 2026-11-23 Dana (CTO): Not in place → Partial"} {
		if !strings.Contains(out, want) {
			t.Errorf("the question screen lacks %q:\n%s", want, out)
		}
	}
}
