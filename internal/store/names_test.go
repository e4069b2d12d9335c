package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

func TestNamesAreNormalizedAndUniqueWithoutCase(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	nfc := sample("Café")
	mustCreate(t, s, nfc)
	for _, name := range []string{"Cafe\u0301", "CAFÉ", "  café "} {
		if err := s.Create(ctx, sample(name), sampleSummary); !errors.Is(err, ErrExists) {
			t.Errorf("Create(%q) beside %q: %v, want ErrExists", name, "Café", err)
		}
	}
	// A file's name is normalized too: NFD "Café" is the same name.
	if created, err := s.Import(ctx, sample("Cafe\u0301"), sampleSummary, "import", false); err != nil || created {
		t.Errorf("Import(NFD) = created %v, %v; want the NFC one updated", created, err)
	}
	if _, err := s.Import(ctx, sample("CAFÉ"), sampleSummary, "import", false); !errors.Is(err, ErrExists) {
		t.Errorf("Import(CAFÉ) beside Café: %v, want ErrExists", err)
	}
	if n := countRows(t, s, "assessments"); n != 1 {
		t.Fatalf("%d assessments, want 1", n)
	}
	// An NFD name typed on another keyboard finds the same assessment.
	if got, err := s.LoadByName(ctx, "Cafe\u0301"); err != nil || got.UUID != nfc.UUID {
		t.Errorf("LoadByName(NFD) = %v, %v", got, err)
	}
	other := sample("Other")
	mustCreate(t, s, other)
	if _, err := s.Duplicate(ctx, other.UUID, "café"); !errors.Is(err, ErrExists) {
		t.Errorf("Duplicate onto a name differing in case: %v", err)
	}
	prev := *other
	other.Name = "CAFÉ"
	if err := s.SaveSetup(ctx, &prev, other, sampleSummary); !errors.Is(err, ErrExists) {
		t.Errorf("SaveSetup onto a name differing in case: %v", err)
	}
	// Renaming an assessment to another case of its own name is fine.
	nfc = mustLoad(t, s, nfc.ID)
	prev = *nfc
	nfc.Name = "CAFÉ"
	if err := s.SaveSetup(ctx, &prev, nfc, sampleSummary); err != nil {
		t.Errorf("changing the case of its own name: %v", err)
	}
}

func TestNamesWithHiddenCharactersAreRefusedEverywhere(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := sample("Acme")
	mustCreate(t, s, a)
	bad := "Acme\u200bCloud"
	_, dupErr := s.Duplicate(ctx, a.UUID, bad)
	_, impErr := s.Import(ctx, sample(bad), sampleSummary, "import", false)
	renamed := *a
	renamed.Name = bad
	for name, err := range map[string]error{
		"Create":    s.Create(ctx, sample(bad), sampleSummary),
		"Import":    impErr,
		"SaveSetup": s.SaveSetup(ctx, a, &renamed, sampleSummary),
		"Duplicate": dupErr,
	} {
		if !errors.Is(err, assessment.ErrInvalid) || !strings.Contains(err.Error(), "U+200B ZERO WIDTH SPACE at position 5") {
			t.Errorf("%s: %v, want the character named", name, err)
		}
	}
	long := sample("Acme")
	long.Answers["access.mfa"] = assessment.Answer{Value: assessment.Yes, Note: strings.Repeat("n", assessment.MaxNoteLength+1)}
	long.Name = "Long"
	if err := s.Create(ctx, long, sampleSummary); err == nil || !strings.Contains(err.Error(), "the limit is 10000") {
		t.Errorf("a note past the limit: %v", err)
	}
	if n := countRows(t, s, "assessments"); n != 1 {
		t.Errorf("%d assessments, want 1", n)
	}
}

// Databases written before names were unique without regard to case keep
// both names, each addressed exactly.
func TestExistingNamesDifferingInCaseStayAddressable(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	upper := sample("Acme")
	mustCreate(t, s, upper)
	if _, err := s.db.Exec(`INSERT INTO assessments (`+insertCols+`)
		SELECT 'acme', updated_at, organization, questionnaire_id, applicable, answered, progress,
		readiness, created_at, scope, categories, target, ?, 1 FROM assessments`, newUUID()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Acme", "acme"} {
		got, err := s.LoadByName(ctx, name)
		if err != nil || got.Name != name {
			t.Errorf("LoadByName(%q) = %v, %v", name, got, err)
		}
	}
	_, err := s.LoadByName(ctx, "ACME")
	var lookup *LookupError
	if !errors.As(err, &lookup) || !errors.Is(err, ErrNotFound) || len(lookup.Ambiguous) != 2 || !strings.Contains(err.Error(), `"Acme" or "acme"`) {
		t.Errorf("an ambiguous name: %v", err)
	}
	// Each can still be written to, and its setup saved under its own name.
	got, _ := s.LoadByName(ctx, "acme")
	prev := *got
	got.Scope.Headcount = 3
	if err := s.SaveSetup(ctx, &prev, got, sampleSummary); err != nil {
		t.Errorf("SaveSetup of the lower-case one: %v", err)
	}
	// Its export imports back, by UUID or, without one, by exact name.
	if _, err := s.Import(ctx, got, sampleSummary, "import", false); err != nil {
		t.Errorf("re-importing the lower-case one: %v", err)
	}
	got.UUID = ""
	if created, err := s.Import(ctx, got, sampleSummary, "import", false); err != nil || created {
		t.Errorf("importing the lower-case one by name: created %v, %v", created, err)
	}
	if n := countRows(t, s, "assessments"); n != 2 {
		t.Errorf("%d assessments, want 2", n)
	}
}

func TestLookupFallsBackToCaseAndSuggests(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	for _, n := range []string{"Northwind Q1 2027", "Northwind Q2 2027", "Acme Cloud readiness"} {
		mustCreate(t, s, sample(n))
	}
	if got, err := s.LoadByName(ctx, "acme cloud READINESS"); err != nil || got.Name != "Acme Cloud readiness" {
		t.Errorf("case-insensitive lookup: %v, %v", got, err)
	}
	_, err := s.LoadByName(ctx, "Northwind Q3 2027")
	var lookup *LookupError
	if !errors.As(err, &lookup) || !strings.Contains(err.Error(), `did you mean "Northwind Q1 2027" or "Northwind Q2 2027"?`) {
		t.Errorf("no match: %v", err)
	}
	_, err = s.LoadByName(ctx, "Zebra")
	if !errors.Is(err, ErrNotFound) || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("nothing near: %v", err)
	}
}

// Issue 9: names with control or invisible characters, stored before they
// were refused, could never be exported or deleted: list shows them
// cleaned, and that is what people type.
func TestOldNamesWithHiddenCharactersAreFoundAsShown(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	mustCreate(t, s, sample("Template"))
	for _, name := range []string{"Acme\u200bCloud", "Beta\x1b[31m Corp"} {
		if _, err := s.db.Exec(`INSERT INTO assessments (`+insertCols+`)
			SELECT ?, updated_at, organization, questionnaire_id, applicable, answered, progress,
			readiness, created_at, scope, categories, target, ?, 1 FROM assessments WHERE name = 'Template'`, name, newUUID()); err != nil {
			t.Fatal(err)
		}
	}
	for typed, stored := range map[string]string{"AcmeCloud": "Acme\u200bCloud", "beta corp": "Beta\x1b[31m Corp"} {
		got, err := s.LoadByName(ctx, typed)
		if err != nil || got.Name != stored {
			t.Errorf("LoadByName(%q) = %v, %v", typed, got, err)
			continue
		}
		if err := s.Delete(ctx, got.UUID); err != nil {
			t.Error(err)
		}
	}
}
