package tui

import (
	"context"
	"testing"
)

// Issue 12: who is answering reset to the login name each session, so a
// workshop's answers said "root". It is kept with the assessment now.
func TestWhoIsAnsweringIsKeptPerAssessment(t *testing.T) {
	st := openStore(t, true)
	m := sized(New(testOptions(t, st)), 120, 40)
	m = withSession(t, m, st)
	uuid := m.sess.a.UUID

	if msg := runCmd(setAnswering(m.sh, uuid, "Priya (facilitator)")); msg != (statusMsg{"Answers are now recorded as given by Priya (facilitator)", false}) {
		t.Fatalf("setAnswering: %#v", msg)
	}
	before, err := st.Revision(context.Background(), uuid)
	if err != nil {
		t.Fatal(err)
	}

	// The next session, opened by someone whose login name is Dana's.
	a, err := st.LoadUUID(context.Background(), uuid)
	if err != nil {
		t.Fatal(err)
	}
	if a.Answering != "Priya (facilitator)" {
		t.Fatalf("stored answering = %q", a.Answering)
	}
	next := sized(New(testOptions(t, st)), 120, 40)
	sess := newSession(a, builtin(t))
	nm, _, _ := next.handleResult(assessmentLoadedMsg{sess: sess, then: screenQuestions})
	if nm.sh.who != "Priya (facilitator)" {
		t.Errorf("who after reopening = %q, want the name kept with the assessment", nm.sh.who)
	}
	if after, _ := st.Revision(context.Background(), uuid); after != before {
		t.Errorf("keeping who is answering moved the revision %d -> %d; other windows would reload for nothing", before, after)
	}
}
