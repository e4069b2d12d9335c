package assessment

import (
	"testing"
)

// A flag or a note may stand without an answer: the file keeps it, and
// it counts neither as answered nor as a gap, only as flagged.
func TestFlagWithoutAnswer(t *testing.T) {
	src := `name: Acme
questionnaire: mini
answers:
  access.mfa: {flagged: true, note: ask IT}
  access.sso: yes
`
	lookup := miniLookup(t)
	a, err := ParseFile("a.yaml", []byte(src), lookup, t0)
	if err != nil {
		t.Fatal(err)
	}
	got := a.Answers["access.mfa"]
	if got.Answered() || !got.Flagged || got.Note != "ask IT" {
		t.Fatalf("access.mfa read as %+v", got)
	}
	if _, ok := a.Answer("access.mfa"); ok {
		t.Error("Answer reports a flag as an answer")
	}
	qn, _ := lookup("mini")
	ev := Evaluate(qn, a)
	if ev.Overall.Answered != 1 || len(ev.Flagged) != 1 || len(ev.Unknown) != 0 {
		t.Errorf("answered %d, flagged %d, unknown %d; want 1, 1, 0", ev.Overall.Answered, len(ev.Flagged), len(ev.Unknown))
	}
	if err := (Answer{}).Check(); err == nil {
		t.Error("an empty record passes Check")
	}
	if _, err := ParseFile("b.yaml", []byte("name: B\nquestionnaire: mini\nanswers:\n  access.mfa: {owner: \"\"}\n"), lookup, t0); err == nil {
		t.Error("a record with neither answer nor note was accepted")
	}
}
