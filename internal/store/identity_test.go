package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// openTwice opens two stores on one file, as two processes would: each has
// its own connections.
func openTwice(t *testing.T) (tui, other *Store) {
	t.Helper()
	tui, path := openTemp(t)
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return tui, other
}

// The attack of issue 9: a TUI open on X; another process deletes X and
// imports Y, which SQLite gives X's row ID; the TUI saves an answer. It
// must not land in Y.
func TestWriteToDeletedAssessmentNeverLandsInAnother(t *testing.T) {
	tui, other := openTwice(t)
	ctx := t.Context()
	x := assessment.New("X", "soc2", at(0))
	mustCreate(t, tui, x)
	shown := mustLoad(t, tui, x.ID)

	if err := other.Delete(ctx, x.UUID); err != nil {
		t.Fatal(err)
	}
	y := sample("Y")
	if _, err := other.Import(ctx, y, sampleSummary, "import", false); err != nil {
		t.Fatal(err)
	}
	if y.ID != x.ID {
		t.Fatalf("SQLite gave Y row %d, X had %d: the test no longer reproduces the reuse", y.ID, x.ID)
	}
	before := mustLoad(t, other, y.ID)

	ans := assessment.Answer{Value: assessment.No, AnsweredBy: "tui", UpdatedAt: at(9)}
	err := tui.SaveAnswer(ctx, shown.UUID, "access.mfa", shown.Answers["access.mfa"], ans, sampleSummary)
	if !errors.Is(err, ErrGone) {
		t.Errorf("saving to the deleted X: %v, want ErrGone", err)
	}
	setup := *shown
	setup.Name = "X renamed"
	for name, err := range map[string]error{
		"ClearAnswer": tui.ClearAnswer(ctx, shown.UUID, "access.mfa", ans, "tui", sampleSummary),
		"SaveSetup":   tui.SaveSetup(ctx, shown, &setup, sampleSummary),
		"Delete":      tui.Delete(ctx, shown.UUID),
	} {
		if !errors.Is(err, ErrGone) {
			t.Errorf("%s of the deleted X: %v, want ErrGone", name, err)
		}
	}
	if after := mustLoad(t, other, y.ID); after.Name != "Y" || after.Answers["access.mfa"] != before.Answers["access.mfa"] || after.Revision != before.Revision {
		t.Errorf("Y changed: %+v", after.Answers["access.mfa"])
	}
}

// The second attack: with the screen open, an import changes an answer and
// its note; a save from the screen must not overwrite them.
func TestSaveAnswerRefusesToOverwriteNewerData(t *testing.T) {
	tui, other := openTwice(t)
	ctx := t.Context()
	a := sample("Acme")
	mustCreate(t, tui, a)
	shown := mustLoad(t, tui, a.ID)
	read := shown.Answers["access.mfa"]

	file := mustLoad(t, other, a.ID)
	imported := read
	imported.Value, imported.Note = assessment.Partial, "Imported: admins only"
	file.Answers["access.mfa"] = imported
	if _, err := other.Import(ctx, file, sampleSummary, "import", false); err != nil {
		t.Fatal(err)
	}
	rev, _ := tui.Revision(ctx, a.UUID)
	if rev == shown.Revision {
		t.Errorf("the import did not change the revision (%d)", rev)
	}
	histBefore := countRows(t, tui, "history")

	mine := read
	mine.Flagged = true
	mine.UpdatedAt = at(40)
	err := tui.SaveAnswer(ctx, a.UUID, "access.mfa", read, mine, sampleSummary)
	var conflict *ConflictError
	if !errors.As(err, &conflict) || !errors.Is(err, ErrConflict) {
		t.Fatalf("SaveAnswer over an imported answer: %v, want a *ConflictError", err)
	}
	if !conflict.Stored || conflict.Current.Note != imported.Note || conflict.Current.Value != imported.Value || conflict.QuestionID != "access.mfa" {
		t.Errorf("conflict carries %+v", conflict)
	}
	got := mustLoad(t, tui, a.ID)
	if got.Answers["access.mfa"].Note != imported.Note || countRows(t, tui, "history") != histBefore || got.Revision != rev {
		t.Errorf("a refused write changed something: %+v", got.Answers["access.mfa"])
	}
	// The user keeps their version: the same write, stating the new one.
	if err := tui.SaveAnswer(ctx, a.UUID, "access.mfa", conflict.Current, mine, sampleSummary); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, tui, a.ID); !got.Answers["access.mfa"].Flagged {
		t.Error("the resolved write was not stored")
	}

	// Every stored field counts, and so does an answer that appeared or
	// went away.
	for name, change := range map[string]func(*assessment.Answer){
		"note":     func(x *assessment.Answer) { x.Note = "other" },
		"evidence": func(x *assessment.Answer) { x.Evidence = "other" },
		"owner":    func(x *assessment.Answer) { x.Owner = "other" },
		"flag":     func(x *assessment.Answer) { x.Flagged = !x.Flagged },
		"answer":   func(x *assessment.Answer) { x.Value = assessment.Unknown },
	} {
		stale := mustLoad(t, tui, a.ID).Answers["access.mfa"]
		change(&stale)
		next := stale
		next.Note = "from " + name
		if err := tui.SaveAnswer(ctx, a.UUID, "access.mfa", stale, next, sampleSummary); !errors.Is(err, ErrConflict) {
			t.Errorf("stale %s: %v, want ErrConflict", name, err)
		}
	}
	if err := tui.SaveAnswer(ctx, a.UUID, "access.mfa", assessment.Answer{}, mine, sampleSummary); err != nil {
		t.Errorf("saving what is already stored: %v, want nil (nothing to do)", err)
	}
	other2 := mine
	other2.Note = "new"
	if err := tui.SaveAnswer(ctx, a.UUID, "access.mfa", assessment.Answer{}, other2, sampleSummary); !errors.Is(err, ErrConflict) {
		t.Errorf("writing as if unanswered over an answer: %v, want ErrConflict", err)
	}
	if err := tui.ClearAnswer(ctx, a.UUID, "access.mfa", read, "tui", sampleSummary); !errors.Is(err, ErrConflict) {
		t.Errorf("clearing a changed answer: %v, want ErrConflict", err)
	}
}

func TestSavingAnUnchangedAnswerWritesNothing(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := sample("Acme")
	mustCreate(t, s, a)
	stored := a.Answers["access.mfa"]
	hist, rev := countRows(t, s, "history"), a.Revision
	again := stored
	again.AnsweredBy, again.UpdatedAt = "someone else", time.Now()
	if err := s.SaveAnswer(ctx, a.UUID, "access.mfa", stored, again, sampleSummary); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s, a.ID)
	if countRows(t, s, "history") != hist || got.Revision != rev || !got.Answers["access.mfa"].UpdatedAt.Equal(stored.UpdatedAt) {
		t.Errorf("an unchanged answer wrote: history %d→%d, revision %d→%d", hist, countRows(t, s, "history"), rev, got.Revision)
	}
}

func TestEveryWriteBumpsTheRevision(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := sample("Acme")
	mustCreate(t, s, a)
	last := a.Revision
	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		rev, err := s.Revision(ctx, a.UUID)
		if err != nil || rev <= last {
			t.Errorf("after %s: revision %d (was %d), %v", what, rev, last, err)
		}
		last = rev
	}
	ans := assessment.Answer{Value: assessment.No, UpdatedAt: at(5)}
	step("SaveAnswer", s.SaveAnswer(ctx, a.UUID, "cc.new", assessment.Answer{}, ans, sampleSummary))
	step("ClearAnswer", s.ClearAnswer(ctx, a.UUID, "cc.new", ans, "ana", sampleSummary))
	prev := *a
	a.Scope.Headcount = 7
	step("SaveSetup", s.SaveSetup(ctx, &prev, a, sampleSummary))
	if a.Revision != last {
		t.Errorf("SaveSetup set a.Revision %d, stored %d", a.Revision, last)
	}
	file := mustLoad(t, s, a.ID)
	file.Scope.Headcount = 8
	_, err := s.Import(ctx, file, sampleSummary, "import", false)
	step("Import", err)
}

func TestImportMatchesByUUID(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	a := sample("Acme")
	mustCreate(t, s, a)

	// An exported file renamed: it updates the same assessment.
	file := mustLoad(t, s, a.ID)
	file.Name = "Acme 2027"
	created, err := s.Import(ctx, file, sampleSummary, "import", false)
	if err != nil || created || file.ID != a.ID || file.UUID != a.UUID {
		t.Fatalf("renaming import: created %v, id %d, %v", created, file.ID, err)
	}
	if infos, _ := s.List(ctx); len(infos) != 1 || infos[0].Name != "Acme 2027" {
		t.Errorf("after the renaming import: %+v", infos)
	}

	// A file without a UUID matches by name, as before.
	byHand := sample("Acme 2027")
	if created, err := s.Import(ctx, byHand, sampleSummary, "import", false); err != nil || created || byHand.UUID != a.UUID {
		t.Errorf("import by name: created %v, uuid %q, %v", created, byHand.UUID, err)
	}

	// Another assessment's file with the same name is refused, naming both.
	stranger := sample("Acme 2027")
	stranger.UUID = newUUID()
	_, err = s.Import(ctx, stranger, sampleSummary, "import", false)
	var idErr *IdentityError
	if !errors.As(err, &idErr) || !strings.Contains(err.Error(), a.UUID) || !strings.Contains(err.Error(), stranger.UUID) {
		t.Fatalf("a file of another assessment with the same name: %v, want an *IdentityError naming both UUIDs", err)
	}
	// --force replaces it, and the file's UUID is kept from then on.
	if created, err := s.Import(ctx, stranger, sampleSummary, "import", true); err != nil || created {
		t.Fatalf("forced import: created %v, %v", created, err)
	}
	if got, err := s.LoadByName(ctx, "Acme 2027"); err != nil || got.UUID != stranger.UUID {
		t.Errorf("after --force: %v, %v", got, err)
	}

	// A new UUID and a new name create; the UUID is kept.
	fresh := sample("Beta")
	fresh.UUID = newUUID()
	if created, err := s.Import(ctx, fresh, sampleSummary, "import", false); err != nil || !created {
		t.Fatalf("import of a new assessment: %v, %v", created, err)
	}
	if got, _ := s.LoadByName(ctx, "Beta"); got.UUID != fresh.UUID {
		t.Errorf("created with UUID %q, want the file's %q", got.UUID, fresh.UUID)
	}
	// Renaming onto another assessment's name is refused.
	clash := mustLoad(t, s, fresh.ID)
	clash.Name = "ACME 2027"
	if _, err := s.Import(ctx, clash, sampleSummary, "import", false); !errors.Is(err, ErrExists) {
		t.Errorf("renaming import onto a taken name: %v, want ErrExists", err)
	}
}

func TestUUIDsAreNeverReused(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	seen := map[string]bool{}
	for i := range 20 {
		a := sample("Acme")
		mustCreate(t, s, a)
		if seen[a.UUID] || !ValidUUID(a.UUID) {
			t.Fatalf("round %d: UUID %q given twice or malformed", i, a.UUID)
		}
		seen[a.UUID] = true
		if err := s.Delete(ctx, a.UUID); err != nil {
			t.Fatal(err)
		}
	}
}
