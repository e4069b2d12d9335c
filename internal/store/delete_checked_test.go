package store

import (
	"errors"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// A delete from a list read before another gapmap answered, renamed or
// deleted the assessment is refused and deletes nothing; one from a
// current list deletes.
func TestDeleteAtRefusesAStaleRevision(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a, b := sample("Acme"), sample("Globex")
	mustCreate(t, s, a)
	mustCreate(t, s, b)
	read := a.Revision

	// Another gapmap answers a question.
	ans := assessment.Answer{Value: assessment.No, AnsweredBy: "other"}
	if err := s.SaveAnswer(ctx, a.UUID, "hr.training", a.Answers["hr.training"], ans, sampleSummary); err != nil {
		t.Fatal(err)
	}
	err := s.DeleteAt(ctx, a.UUID, read)
	var stale *StaleError
	if !errors.As(err, &stale) || !errors.Is(err, ErrConflict) || stale.Read != read || stale.Current != read+1 {
		t.Fatalf("DeleteAt after an answer: %v, want a *StaleError from %d to %d", err, read, read+1)
	}
	if got := mustLoad(t, s, a.ID); got.Answers["hr.training"].Value != assessment.No {
		t.Fatal("the refused delete lost the answer")
	}

	// Renamed by the CLI: the old revision is still refused.
	if err := s.Rename(ctx, a.UUID, "Acme 2"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAt(ctx, a.UUID, read+1); !errors.Is(err, ErrConflict) {
		t.Fatalf("DeleteAt after a rename: %v, want ErrConflict", err)
	}

	// Read again, the delete goes through.
	rev, err := s.Revision(ctx, a.UUID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAt(ctx, a.UUID, rev); err != nil {
		t.Fatalf("DeleteAt with the current revision: %v", err)
	}
	if _, err := s.LoadUUID(ctx, a.UUID); !errors.Is(err, ErrGone) {
		t.Fatalf("LoadUUID after DeleteAt: %v, want ErrGone", err)
	}
	if n := countRows(t, s, "answers"); n != len(b.Answers) {
		t.Errorf("%d answers left, want Globex's %d", n, len(b.Answers))
	}
	if err := s.DeleteAt(ctx, a.UUID, rev); !errors.Is(err, ErrGone) {
		t.Errorf("DeleteAt of a deleted assessment: %v, want ErrGone", err)
	}
}

// The stamp stays while nothing is written, and moves on every write that
// changes what List returns.
func TestStampMovesOnEveryChangeToTheList(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	stamp := func() ListStamp {
		t.Helper()
		st, err := s.Stamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	last := stamp()
	step := func(what string, write func() error) {
		t.Helper()
		if err := write(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if again := stamp(); again == last {
			t.Errorf("the stamp did not move on %s: %+v", what, again)
		} else {
			last = again
		}
	}
	a := sample("Acme")
	step("create", func() error { return s.Create(ctx, a, sampleSummary) })
	if stamp() != last {
		t.Fatal("the stamp moved without a write")
	}
	step("an answer", func() error {
		return s.SaveAnswer(ctx, a.UUID, "access.mfa", a.Answers["access.mfa"], assessment.Answer{Value: assessment.No}, sampleSummary)
	})
	step("a rename", func() error { return s.Rename(ctx, a.UUID, "Acme 2") })
	b := sample("Globex")
	step("a second create", func() error { return s.Create(ctx, b, sampleSummary) })
	step("a delete", func() error { return s.Delete(ctx, b.UUID) })
}

func BenchmarkStamp10000(b *testing.B) {
	s, _ := openTemp(b)
	fillAssessments(b, s, 10000)
	for b.Loop() {
		if st, err := s.Stamp(b.Context()); err != nil || st.Count != 10000 {
			b.Fatalf("Stamp: %+v, %v", st, err)
		}
	}
}
