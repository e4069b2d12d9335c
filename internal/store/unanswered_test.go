package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// A flag may stand without an answer: it is stored, read back and cleared
// like an answer, with prev naming it.
func TestFlagWithoutAnswerRoundTrip(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := assessment.New("Acme", "soc2", time.Now())
	if err := st.Create(ctx, a, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	flag := assessment.Answer{Flagged: true, AnsweredBy: "Dana"}
	if err := st.SaveAnswer(ctx, a.UUID, "access.mfa", assessment.Answer{}, flag, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ans := got.Answers["access.mfa"]; ans.Answered() || !ans.Flagged {
		t.Fatalf("stored %+v, want a flag without an answer", ans)
	}
	if err := st.ClearAnswer(ctx, a.UUID, "access.mfa", got.Answers["access.mfa"], "Dana", assessment.Summary{}); err != nil {
		t.Fatalf("clearing the flag: %v", err)
	}
	if got, _ := st.Load(ctx, a.ID); len(got.Answers) != 0 {
		t.Errorf("after clearing: %+v", got.Answers)
	}
	if err := st.SaveAnswer(ctx, a.UUID, "access.mfa", assessment.Answer{}, assessment.Answer{}, assessment.Summary{}); err == nil {
		t.Error("an empty record was stored")
	}
}
