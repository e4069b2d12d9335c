package store

import (
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// TestListKeepsAuditableToday: every write keeps "auditable today" in the
// summary columns, a duplicate copies it, and a row written before the
// column existed lists it as unknown.
func TestListKeepsAuditableToday(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := sample("Acme")
	sum := assessment.Summary{Applicable: 10, Answered: 3, Progress: 0.3, Readiness: 0.5, Auditable: 0.3}
	if err := s.Create(ctx, a, sum); err != nil {
		t.Fatal(err)
	}
	check := func(what string, want float64, known bool) {
		t.Helper()
		infos, err := s.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range infos {
			if in.Name == "Acme" && (in.Summary.Auditable != want || in.AuditableKnown != known) {
				t.Errorf("%s: auditable %v (known %t), want %v (known %t)", what, in.Summary.Auditable, in.AuditableKnown, want, known)
			}
		}
	}
	check("created", 0.3, true)

	sum.Auditable = 0.4
	next := assessment.Answer{Value: assessment.Yes, AnsweredBy: "Dana"}
	if err := s.SaveAnswer(ctx, a.UUID, "access.sso-idp", assessment.Answer{}, next, sum); err != nil {
		t.Fatal(err)
	}
	check("answer saved", 0.4, true)

	sum.Auditable = 0.45
	prev := *a
	a.Scope.System = "Acme Cloud v2"
	if err := s.SaveSetup(ctx, &prev, a, sum); err != nil {
		t.Fatal(err)
	}
	check("setup saved", 0.45, true)

	dup, err := s.Duplicate(ctx, a.UUID, "Acme copy")
	if err != nil {
		t.Fatal(err)
	}
	infos, _ := s.List(ctx)
	for _, in := range infos {
		if in.UUID == dup.UUID && (in.Summary.Auditable != 0.45 || !in.AuditableKnown) {
			t.Errorf("duplicate lists auditable %v (known %t), want 0.45", in.Summary.Auditable, in.AuditableKnown)
		}
	}

	if _, err := s.db.Exec(`UPDATE assessments SET auditable = NULL`); err != nil { // as before migration 0004
		t.Fatal(err)
	}
	check("written before the column", 0, false)
}
