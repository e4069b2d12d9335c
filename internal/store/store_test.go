package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

func TestRoundTripEveryField(t *testing.T) {
	s, _ := openTemp(t)
	a := sample("Acme")
	mustCreate(t, s, a)
	if a.ID == 0 {
		t.Fatal("Create did not set ID")
	}
	got := mustLoad(t, s, a.ID)
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Load:\n got %+v\nwant %+v", got, a)
	}
	byName, err := s.LoadByName(t.Context(), "Acme")
	if err != nil || !reflect.DeepEqual(byName, a) {
		t.Errorf("LoadByName = %+v, %v", byName, err)
	}
	infos, err := s.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !ValidUUID(a.UUID) || a.Revision != 1 {
		t.Errorf("Create set UUID %q, revision %d", a.UUID, a.Revision)
	}
	want := []Info{{ID: a.ID, UUID: a.UUID, Revision: 1, Name: "Acme", Organization: "Acme Acme", QuestionnaireID: "soc2",
		Summary: sampleSummary, AuditableKnown: true, UpdatedAt: a.UpdatedAt}}
	if !reflect.DeepEqual(infos, want) {
		t.Errorf("List:\n got %+v\nwant %+v", infos, want)
	}
}

func TestRoundTripEmptyAssessment(t *testing.T) {
	s, _ := openTemp(t)
	a := assessment.New("Bare", "soc2", at(0))
	mustCreate(t, s, a)
	if got := mustLoad(t, s, a.ID); !reflect.DeepEqual(got, a) {
		t.Errorf("Load:\n got %+v\nwant %+v", got, a)
	}
}

func TestCreateNameTaken(t *testing.T) {
	s, _ := openTemp(t)
	mustCreate(t, s, sample("Acme"))
	err := s.Create(t.Context(), sample("Acme"), sampleSummary)
	if !errors.Is(err, ErrExists) || err.Error() != `assessment "Acme": already exists` {
		t.Errorf("Create twice: %v, want ErrExists naming Acme", err)
	}
	if n := countRows(t, s, "answers"); n != 3 {
		t.Errorf("%d answers after the failed Create, want 3", n)
	}
}

func TestNotFound(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	ans := assessment.Answer{Value: assessment.Yes}
	missing := sample("Missing")
	missing.ID = 99
	_, loadByNameErr := s.LoadByName(ctx, "Missing")
	_, loadErr := s.Load(ctx, 99)
	_, histErr := s.History(ctx, 99)
	for name, err := range map[string]error{
		"Load":       loadErr,
		"LoadByName": loadByNameErr,
		"History":    histErr,
	} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: %v, want ErrNotFound", name, err)
		}
	}
	// Writes name the assessment by UUID and say it is gone.
	gone := newUUID()
	missing.UUID = gone
	_, dupErr := s.Duplicate(ctx, gone, "Copy")
	_, loadUUIDErr := s.LoadUUID(ctx, gone)
	_, revErr := s.Revision(ctx, gone)
	for name, err := range map[string]error{
		"SaveAnswer":  s.SaveAnswer(ctx, gone, "access.mfa", assessment.Answer{}, ans, sampleSummary),
		"ClearAnswer": s.ClearAnswer(ctx, gone, "access.mfa", ans, "ana", sampleSummary),
		"SaveSetup":   s.SaveSetup(ctx, missing, missing, sampleSummary),
		"Duplicate":   dupErr,
		"Delete":      s.Delete(ctx, gone),
		"LoadUUID":    loadUUIDErr,
		"Revision":    revErr,
	} {
		if !errors.Is(err, ErrGone) {
			t.Errorf("%s: %v, want ErrGone", name, err)
		}
	}
	if got := loadByNameErr.Error(); got != `assessment "Missing": not found` {
		t.Errorf("LoadByName error = %q", got)
	}
}

func TestSaveAndClearAnswerRecordHistory(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := assessment.New("Acme", "soc2", at(0))
	mustCreate(t, s, a)
	first := assessment.Answer{Value: assessment.Partial, Note: "MFA for admins only", AnsweredBy: "ana", UpdatedAt: at(1)}
	second := assessment.Answer{Value: assessment.Yes, Owner: "Bo", Flagged: true, AnsweredBy: "bo", UpdatedAt: at(2)}
	sum := assessment.Summary{Applicable: 10, Answered: 1, Progress: 0.1, Readiness: 0.5}
	prev := assessment.Answer{}
	for _, ans := range []assessment.Answer{first, second} {
		if err := s.SaveAnswer(ctx, a.UUID, "access.mfa", prev, ans, sum); err != nil {
			t.Fatal(err)
		}
		prev = ans
	}
	got := mustLoad(t, s, a.ID)
	if !reflect.DeepEqual(got.Answers, map[string]assessment.Answer{"access.mfa": second}) || !got.UpdatedAt.Equal(at(2)) {
		t.Errorf("after SaveAnswer: answers %+v, updated %v", got.Answers, got.UpdatedAt)
	}
	infos, _ := s.List(ctx)
	if infos[0].Summary != sum {
		t.Errorf("List summary = %+v, want %+v", infos[0].Summary, sum)
	}
	before := time.Now()
	if err := s.ClearAnswer(ctx, a.UUID, "access.mfa", second, "cy", assessment.Summary{Applicable: 10}); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearAnswer(ctx, a.UUID, "never.answered", assessment.Answer{}, "cy", assessment.Summary{Applicable: 10}); err != nil {
		t.Errorf("clearing an unanswered question: %v", err)
	}
	if got := mustLoad(t, s, a.ID); len(got.Answers) != 0 || got.UpdatedAt.Before(before) {
		t.Errorf("after ClearAnswer: answers %+v, updated %v", got.Answers, got.UpdatedAt)
	}
	hist, err := s.History(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 3 || hist[2].At.Before(before) {
		t.Fatalf("History = %+v, want 3 changes", hist)
	}
	hist[2].At = time.Time{}
	want := []Change{
		{"access.mfa", "", "partial", "ana", at(1)},
		{"access.mfa", "partial", "yes", "bo", at(2)},
		{"access.mfa", "yes", "", "cy", time.Time{}},
	}
	if !reflect.DeepEqual(hist, want) {
		t.Errorf("History:\n got %+v\nwant %+v", hist, want)
	}
}

func TestSaveAnswerRejectsValueOffTheScale(t *testing.T) {
	s, _ := openTemp(t)
	a := assessment.New("Acme", "soc2", at(0))
	mustCreate(t, s, a)
	err := s.SaveAnswer(t.Context(), a.UUID, "access.mfa", assessment.Answer{}, assessment.Answer{Value: "maybe"}, sampleSummary)
	if err == nil || !strings.Contains(err.Error(), `unknown answer "maybe"`) {
		t.Errorf("SaveAnswer(maybe) = %v", err)
	}
}

func TestSaveSetup(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := sample("Acme")
	mustCreate(t, s, a)
	mustCreate(t, s, sample("Other"))
	prev := *a
	a.Name = "Acme Corp"
	a.Scope.Organization = "Acme Corporation"
	a.Scope.Components = nil
	a.Categories = a.Categories[:1]
	a.Target = assessment.Target{Type: assessment.TypeI}
	sum := assessment.Summary{Applicable: 90, Answered: 3}
	before := time.Now().UTC()
	if err := s.SaveSetup(ctx, &prev, a, sum); err != nil {
		t.Fatal(err)
	}
	if a.UpdatedAt.Before(before) {
		t.Errorf("SaveSetup set updated_at %v, before the save (%v)", a.UpdatedAt, before)
	}
	if got := mustLoad(t, s, a.ID); !reflect.DeepEqual(got, a) {
		t.Errorf("after SaveSetup:\n got %+v\nwant %+v", got, a)
	}
	infos, _ := s.List(ctx)
	if infos[0].Name != "Acme Corp" || infos[0].Organization != "Acme Corporation" || infos[0].Summary != sum {
		t.Errorf("List[0] = %+v", infos[0])
	}
	prev = *a
	a.Name = "Other"
	if err := s.SaveSetup(ctx, &prev, a, sum); !errors.Is(err, ErrExists) {
		t.Errorf("SaveSetup onto another name: %v, want ErrExists", err)
	}
}

// The form was opened on one setup; a save over a setup another gapmap
// changed meanwhile writes nothing and says what is stored now (issue A4:
// it undid a rename and put the last change back in time).
func TestSaveSetupRefusesASetupChangedMeanwhile(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	opened := sample("S2 (copy)")
	mustCreate(t, s, opened)
	edit := *opened
	edit.Scope.Headcount = 50

	for name, change := range map[string]func() error{
		"renamed": func() error { return s.Rename(ctx, opened.UUID, "Second Rename") },
		"scope changed": func() error {
			other := mustLoad(t, s, opened.ID)
			theirs := *other
			theirs.Scope.Declared = map[string]bool{"isms": true}
			return s.SaveSetup(ctx, other, &theirs, sampleSummary)
		},
	} {
		t.Run(name, func(t *testing.T) {
			if err := change(); err != nil {
				t.Fatal(err)
			}
			stored := mustLoad(t, s, opened.ID)
			mine := edit
			err := s.SaveSetup(ctx, opened, &mine, sampleSummary)
			var conflict *SetupConflictError
			if !errors.As(err, &conflict) || !errors.Is(err, ErrConflict) {
				t.Fatalf("saving over a changed setup: %v, want a *SetupConflictError", err)
			}
			if !reflect.DeepEqual(conflict.Current, stored) {
				t.Errorf("Current = %+v\nwant what is stored %+v", conflict.Current, stored)
			}
			if after := mustLoad(t, s, opened.ID); !reflect.DeepEqual(after, stored) {
				t.Errorf("the refused save wrote:\n got %+v\nwant %+v", after, stored)
			}
			// Keeping one's own is the same call with prev set to Current.
			mine = *conflict.Current
			mine.Scope.Headcount = 50
			if err := s.SaveSetup(ctx, conflict.Current, &mine, sampleSummary); err != nil {
				t.Fatalf("saving again over Current: %v", err)
			}
			opened = mustLoad(t, s, opened.ID)
			if opened.Scope.Headcount != 50 || opened.Name != stored.Name {
				t.Errorf("after saving over Current: %q, headcount %d", opened.Name, opened.Scope.Headcount)
			}
		})
	}
}

// Answers are not the setup: answers saved meanwhile, by anyone, do not
// make a setup save conflict, and the save keeps them.
func TestSaveSetupIgnoresAnswersSavedMeanwhile(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	opened := sample("Acme")
	mustCreate(t, s, opened)
	ans := assessment.Answer{Value: assessment.No, AnsweredBy: "bo"}
	if err := s.SaveAnswer(ctx, opened.UUID, "access.mfa", opened.Answers["access.mfa"], ans, sampleSummary); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearAnswer(ctx, opened.UUID, "hr.training", opened.Answers["hr.training"], "bo", sampleSummary); err != nil {
		t.Fatal(err)
	}
	edit := *opened
	edit.Scope.Headcount = 7
	if err := s.SaveSetup(ctx, opened, &edit, sampleSummary); err != nil {
		t.Fatalf("saving the setup after answers changed: %v", err)
	}
	got := mustLoad(t, s, opened.ID)
	if got.Scope.Headcount != 7 || got.Answers["access.mfa"].Value != assessment.No || len(got.Answers) != 2 {
		t.Errorf("after the save: headcount %d, answers %+v", got.Scope.Headcount, got.Answers)
	}
}

// A setup save is a change: updated_at becomes now, never the time the
// setup was read (the tester's list went back to 17:13); an unchanged
// setup writes nothing.
func TestSaveSetupMovesUpdatedAtOn(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := sample("Acme")
	mustCreate(t, s, a) // updated at(3), in the past
	if err := s.Rename(ctx, a.UUID, "Acme"); err != nil {
		t.Fatal(err)
	}
	opened := mustLoad(t, s, a.ID)
	renamedAt := opened.UpdatedAt
	edit := *opened
	edit.Scope.System = "Acme Cloud 2"
	if err := s.SaveSetup(ctx, opened, &edit, sampleSummary); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s, a.ID)
	if !got.UpdatedAt.After(renamedAt) || !got.UpdatedAt.Equal(edit.UpdatedAt) {
		t.Errorf("updated_at %v after the save, was %v (edit says %v); want later", got.UpdatedAt, renamedAt, edit.UpdatedAt)
	}
	if infos, _ := s.List(ctx); !infos[0].UpdatedAt.Equal(got.UpdatedAt) {
		t.Errorf("List says %v, want %v", infos[0].UpdatedAt, got.UpdatedAt)
	}
	// The same setup again: nothing to write.
	again := *got
	if err := s.SaveSetup(ctx, got, &again, sampleSummary); err != nil {
		t.Fatal(err)
	}
	if after := mustLoad(t, s, a.ID); after.Revision != got.Revision || !after.UpdatedAt.Equal(got.UpdatedAt) {
		t.Errorf("an unchanged setup wrote: revision %d→%d, updated_at %v→%v", got.Revision, after.Revision, got.UpdatedAt, after.UpdatedAt)
	}
	// A stored time ahead of this clock (another machine's) is not moved back.
	future := time.Now().UTC().Add(time.Hour)
	if _, err := s.db.Exec(`UPDATE assessments SET updated_at = ? WHERE id = ?`, formatTime(future), a.ID); err != nil {
		t.Fatal(err)
	}
	opened = mustLoad(t, s, a.ID)
	edit = *opened
	edit.Scope.System = "Acme Cloud 3"
	if err := s.SaveSetup(ctx, opened, &edit, sampleSummary); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, s, a.ID); got.UpdatedAt.Before(future) {
		t.Errorf("updated_at moved back from %v to %v", future, got.UpdatedAt)
	}
}

func TestDuplicate(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := sample("Acme")
	mustCreate(t, s, a)
	before := time.Now().Add(-time.Second)
	cp, err := s.Duplicate(ctx, a.UUID, "Acme Q2")
	if err != nil {
		t.Fatal(err)
	}
	if cp.ID == a.ID || cp.Name != "Acme Q2" || cp.CreatedAt.Before(before) || !cp.UpdatedAt.Equal(cp.CreatedAt) {
		t.Errorf("copy: id %d name %q created %v updated %v", cp.ID, cp.Name, cp.CreatedAt, cp.UpdatedAt)
	}
	want := *a
	if cp.UUID == a.UUID || !ValidUUID(cp.UUID) {
		t.Errorf("copy UUID %q, original %q", cp.UUID, a.UUID)
	}
	want.ID, want.UUID, want.Name, want.CreatedAt, want.UpdatedAt = cp.ID, cp.UUID, cp.Name, cp.CreatedAt, cp.UpdatedAt
	if !reflect.DeepEqual(cp, &want) {
		t.Errorf("Duplicate:\n got %+v\nwant %+v", cp, &want)
	}
	if hist, _ := s.History(ctx, cp.ID); len(hist) != 0 {
		t.Errorf("the copy has history %+v", hist)
	}
	if got := mustLoad(t, s, a.ID); !reflect.DeepEqual(got, a) {
		t.Error("Duplicate changed the original")
	}
	if _, err := s.Duplicate(ctx, a.UUID, "Acme"); !errors.Is(err, ErrExists) {
		t.Errorf("Duplicate onto a taken name: %v, want ErrExists", err)
	}
}

func TestDeleteCascades(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a, b := sample("Acme"), sample("Keep")
	mustCreate(t, s, a)
	mustCreate(t, s, b)
	if err := s.Delete(ctx, a.UUID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after Delete: %v", err)
	}
	if n, h := countRows(t, s, "answers"), countRows(t, s, "history"); n != 3 || h != 3 {
		t.Errorf("%d answers and %d history rows left, want those of Keep (3, 3)", n, h)
	}
	if got := mustLoad(t, s, b.ID); !reflect.DeepEqual(got, b) {
		t.Error("Delete changed another assessment")
	}
}

func TestListOrder(t *testing.T) {
	s, _ := openTemp(t)
	// Updated at: B and C together, newest; A older; D oldest. Nanoseconds
	// decide between A and D, which text times must order correctly.
	for name, updated := range map[string]time.Time{
		"C": at(9), "B": at(9), "A": at(5).Add(time.Nanosecond), "D": at(5),
	} {
		a := assessment.New(name, "soc2", updated)
		mustCreate(t, s, a)
	}
	infos, err := s.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, in := range infos {
		names = append(names, in.Name)
	}
	if strings.Join(names, ",") != "B,C,A,D" {
		t.Errorf("List order = %v, want B,C,A,D", names)
	}
}

func TestListFirstIsListsBeginningAndCountsAll(t *testing.T) {
	s, _ := openTemp(t)
	for i, name := range []string{"E", "D", "C", "B", "A"} {
		mustCreate(t, s, assessment.New(name, "soc2", at(i+1)))
	}
	all, err := s.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 2, 5, 9} {
		first, total, err := s.ListFirst(t.Context(), n)
		if err != nil {
			t.Fatal(err)
		}
		if total != 5 {
			t.Errorf("ListFirst(%d): total %d, want 5", n, total)
		}
		if want := all[:min(n, len(all))]; !reflect.DeepEqual(first, want) && !(len(first) == 0 && len(want) == 0) {
			t.Errorf("ListFirst(%d) = %d assessments, want List's first %d", n, len(first), len(want))
		}
	}
}
