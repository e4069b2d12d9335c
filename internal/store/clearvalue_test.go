package store

import (
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Clearing only the value of an answer (the TUI's ⌫ on an answer with a
// note, evidence, owner or flag) is a SaveAnswer with an empty value: the
// rest is kept and the history records the value cleared.
func TestSaveAnswerWithoutAValueKeepsTheRest(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := assessment.New("Acme", "soc2", at(0))
	mustCreate(t, s, a)
	given := assessment.Answer{Value: assessment.Partial, Note: "admins only", Evidence: "TICKET-1", Owner: "Bo", Flagged: true, AnsweredBy: "ana", UpdatedAt: at(1)}
	if err := s.SaveAnswer(ctx, a.UUID, "access.mfa", assessment.Answer{}, given, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	cleared := given
	cleared.Value, cleared.AnsweredBy, cleared.UpdatedAt = "", "cy", at(2)
	if err := s.SaveAnswer(ctx, a.UUID, "access.mfa", given, cleared, assessment.Summary{}); err != nil {
		t.Fatalf("saving an answer without a value but with a note: %v", err)
	}
	got := mustLoad(t, s, a.ID).Answers["access.mfa"]
	if got.Value != "" || got.Note != given.Note || got.Evidence != given.Evidence || got.Owner != given.Owner || !got.Flagged {
		t.Errorf("stored %+v, want %+v without its value", got, given)
	}
	hist, err := s.History(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := hist[len(hist)-1]; last.Old != "partial" || last.New != "" || last.Who != "cy" {
		t.Errorf("last change %+v, want partial → cleared by cy", last)
	}
}
