package tui

import (
	"strconv"
	"strings"
	"testing"
)

// With the ISO target on, the flow holds the management-system questions
// that no SOC 2 score counts: the question screen's progress counts the
// flow, so an ISMS question does not read "Area 0/0" or an overall count
// smaller than the flow.
func TestISMSQuestionShowsItsOwnProgress(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 120, 40), st)
	a := m.sess.a
	a.Scope.SetFact("iso27001", true)
	sess := newSession(a, builtin(t))
	isms, first := 0, -1
	for i, q := range sess.questions {
		if q.Area == "isms" {
			isms++
			if first < 0 {
				first = i
			}
		}
	}
	if isms == 0 {
		t.Fatal("no ISMS question in the flow with the ISO target on")
	}
	s := newQuestionScreen(m.sh, sess, "", screenQuestions)
	s.idx = first
	view := s.View(120, 40)
	done, all := sess.progress("")
	if all != len(sess.questions) {
		t.Fatalf("overall counts %d questions, the flow has %d", all, len(sess.questions))
	}
	for _, want := range []string{"0/" + strconv.Itoa(isms), strconv.Itoa(done) + "/" + strconv.Itoa(all)} {
		if !strings.Contains(view, want) {
			t.Errorf("the ISMS question screen does not show %q:\n%s", want, view)
		}
	}
}
