package store

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

func TestImportCreates(t *testing.T) {
	s, _ := openTemp(t)
	a := sample("Acme")
	created, err := s.Import(t.Context(), a, sampleSummary, "import", false)
	if err != nil || !created || a.ID == 0 {
		t.Fatalf("Import = %v, %v (ID %d), want created", created, err, a.ID)
	}
	if got := mustLoad(t, s, a.ID); !reflect.DeepEqual(got, a) {
		t.Errorf("Load:\n got %+v\nwant %+v", got, a)
	}
	hist, _ := s.History(t.Context(), a.ID)
	want := []Change{
		{"access.mfa", "", "yes", "ana", at(1)},
		{"hr.training", "", "partial", "bo", at(2)},
		{"vendor.review", "", "na", "import", at(3)},
	}
	if !reflect.DeepEqual(hist, want) {
		t.Errorf("History:\n got %+v\nwant %+v", hist, want)
	}
}

func TestImportUpdates(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	old := sample("Acme")
	mustCreate(t, s, old)

	a := sample("Acme")
	a.Scope.System = "Acme Cloud v2"
	a.Categories = append(a.Categories, "privacy")
	a.Target.WindowMonths = 12
	a.CreatedAt, a.UpdatedAt = at(40), at(41)
	delete(a.Answers, "vendor.review")
	a.Answers["hr.training"] = assessment.Answer{Value: assessment.Yes, UpdatedAt: at(41)}
	a.Answers["logging.central"] = assessment.Answer{Value: assessment.Unknown, AnsweredBy: "cy", UpdatedAt: at(41)}
	sum := assessment.Summary{Applicable: 160, Answered: 3, Progress: 3.0 / 160, Readiness: 0.9}

	created, err := s.Import(ctx, a, sum, "import", false)
	if err != nil || created || a.ID != old.ID {
		t.Fatalf("Import = %v, %v (ID %d), want an update of %d", created, err, a.ID, old.ID)
	}
	if got := mustLoad(t, s, a.ID); !reflect.DeepEqual(got, a) {
		t.Errorf("Load:\n got %+v\nwant %+v", got, a)
	}
	infos, _ := s.List(ctx)
	if infos[0].Summary != sum || !infos[0].UpdatedAt.Equal(at(41)) {
		t.Errorf("List = %+v", infos[0])
	}
	hist, _ := s.History(ctx, a.ID)
	if len(hist) != 6 {
		t.Fatalf("History has %d changes, want 3 from Create and 3 from Import: %+v", len(hist), hist)
	}
	hist[5].At = at(0) // removal happens now
	want := []Change{
		{"hr.training", "partial", "yes", "import", at(41)},
		{"logging.central", "", "unknown", "cy", at(41)},
		{"vendor.review", "na", "", "import", at(0)},
	}
	if !reflect.DeepEqual(hist[3:], want) {
		t.Errorf("Import history (access.mfa unchanged, so absent):\n got %+v\nwant %+v", hist[3:], want)
	}

	// The same file again changes nothing.
	if _, err := s.Import(ctx, a, sum, "import", false); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "history"); n != 6 {
		t.Errorf("re-importing the same file added %d history rows", n-6)
	}
}

func TestImportFailureChangesNothing(t *testing.T) {
	s, path := openTemp(t)
	ctx := t.Context()
	old := sample("Acme")
	mustCreate(t, s, old)

	a := sample("Acme")
	a.Scope.System = "changed"
	a.Answers["access.mfa"] = assessment.Answer{Value: assessment.No, UpdatedAt: at(50)}
	delete(a.Answers, "hr.training")
	// Sorted last, so the changes above are written before it fails.
	a.Answers["zz.bad"] = assessment.Answer{Value: "maybe", UpdatedAt: at(50)}
	_, err := s.Import(ctx, a, sampleSummary, "import", false)
	if err == nil || !strings.Contains(err.Error(), `unknown answer "maybe"`) {
		t.Fatalf("Import = %v, want an unknown answer error", err)
	}
	if got := mustLoad(t, s, old.ID); !reflect.DeepEqual(got, old) {
		t.Errorf("a failed Import changed the assessment:\n got %+v\nwant %+v", got, old)
	}
	if n := countRows(t, s, "history"); n != 3 {
		t.Errorf("%d history rows, want the 3 of Create", n)
	}

	fresh := sample("Fresh")
	fresh.Answers["zz.bad"] = assessment.Answer{Value: "maybe"}
	if _, err := s.Import(ctx, fresh, sampleSummary, "import", false); err == nil {
		t.Fatal("Import of a new assessment with a bad answer succeeded")
	}
	if _, err := s.LoadByName(ctx, "Fresh"); err == nil {
		t.Errorf("a failed Import left assessment Fresh in %s", path)
	}
}
