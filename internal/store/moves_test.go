package store

import (
	"context"
	"errors"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// MoveAnswers moves each answer to a successor without one, in one
// transaction with a history row for each side, and skips the rest.
func TestMoveAnswers(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := assessment.New("Moves", "soc2", at(1))
	a.Answers = map[string]assessment.Answer{
		"old.a": {Value: assessment.Partial, Note: "kept with its note", Owner: "Sam", Flagged: true, UpdatedAt: at(2)},
		"old.b": {Value: assessment.No, UpdatedAt: at(2)},
		"new.b": {Value: assessment.Yes, UpdatedAt: at(3)},
	}
	if err := s.Create(ctx, a, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.LoadUUID(ctx, a.UUID)
	sum := assessment.Summary{Applicable: 9, Answered: 2}
	moved, err := s.MoveAnswers(ctx, a.UUID, []assessment.Move{
		{From: "old.a", To: "new.a"},
		{From: "old.b", To: "new.b"},    // successor answered: kept
		{From: "old.none", To: "new.c"}, // nothing to move
	}, "Dana", sum)
	if err != nil || moved != 1 {
		t.Fatalf("MoveAnswers: %d, %v; want 1 moved", moved, err)
	}
	got, err := s.LoadUUID(ctx, a.UUID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.Answers["old.a"]; ok {
		t.Error("old.a is still stored")
	}
	if n := got.Answers["new.a"]; n.Value != assessment.Partial || n.Note != "kept with its note" || n.Owner != "Sam" || !n.Flagged {
		t.Errorf("new.a = %+v", n)
	}
	if got.Answers["old.b"].Value != assessment.No || got.Answers["new.b"].Value != assessment.Yes {
		t.Errorf("a move onto an answered successor changed something: %+v", got.Answers)
	}
	if got.Revision != before.Revision+1 {
		t.Errorf("revision %d -> %d, want one step", before.Revision, got.Revision)
	}
	infos, _ := s.List(ctx)
	if infos[0].Summary.Applicable != 9 || infos[0].Summary.Answered != 2 {
		t.Errorf("summary not updated: %+v", infos[0].Summary)
	}
	history, _ := s.History(ctx, got.ID)
	tail := history[len(history)-2:]
	if tail[0] != (Change{"old.a", "partial", "", "Dana", tail[0].At}) || tail[1] != (Change{"new.a", "", "partial", "Dana", tail[1].At}) {
		t.Errorf("history ends with %+v", tail)
	}

	// Again: nothing left to move, nothing written.
	if moved, err := s.MoveAnswers(ctx, a.UUID, []assessment.Move{{From: "old.a", To: "new.a"}}, "Dana", sum); err != nil || moved != 0 {
		t.Fatalf("a second move: %d, %v", moved, err)
	}
	if again, _ := s.LoadUUID(ctx, a.UUID); again.Revision != got.Revision {
		t.Error("a move with nothing to move wrote")
	}
}

// A move that cannot be stored leaves every answer where it was: the
// moves are one transaction.
func TestMoveAnswersIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := assessment.New("Atomic", "soc2", at(1))
	a.Answers = map[string]assessment.Answer{
		"old.a": {Value: assessment.Yes, UpdatedAt: at(2)},
		"old.b": {Value: assessment.No, UpdatedAt: at(2)},
	}
	if err := s.Create(ctx, a, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	_, err := s.MoveAnswers(ctx, a.UUID, []assessment.Move{{From: "old.a", To: "new.a"}, {From: "old.b", To: ""}}, "Dana", assessment.Summary{})
	if err == nil {
		t.Fatal("a move to no question was accepted")
	}
	got, _ := s.LoadUUID(ctx, a.UUID)
	if _, ok := got.Answers["new.a"]; ok || got.Answers["old.a"].Value != assessment.Yes {
		t.Errorf("a failed batch of moves left %+v", got.Answers)
	}
	if _, err := s.MoveAnswers(ctx, "9b2f0d0e-0000-4000-8000-000000000000", nil, "Dana", assessment.Summary{}); !errors.Is(err, ErrGone) {
		t.Errorf("moving in a missing assessment: %v, want ErrGone", err)
	}
}
