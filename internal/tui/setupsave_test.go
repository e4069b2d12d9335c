package tui

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/store"
)

// saveEdit hands an edited setup to the root, as the criteria form does
// when done, and applies the save's result.
func saveEdit(t *testing.T, m Model, edit *assessment.Assessment) Model {
	t.Helper()
	m, msg := update(t, m, criteriaDoneMsg{a: edit})
	if _, ok := msg.(setupSavedMsg); !ok {
		t.Fatalf("the setup save sent %#v, want its result", msg)
	}
	m, _ = update(t, m, msg)
	return m
}

// copyOf is a copy of a that shares no map with it.
func copyOf(a *assessment.Assessment) *assessment.Assessment {
	b := *a
	b.Scope.Declared = maps.Clone(a.Scope.Declared)
	return &b
}

// Issue A4: a setup form opened before another gapmap renamed the
// assessment undid the rename when saved, and put "last change" back in
// time. The save is refused, says so, and the form opens again on the
// new setup with the user's change kept.
func TestSetupSaveOverARenameIsRefused(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, true)
	m := onForm(t, sized(New(testOptions(t, st)), 100, 34), screenCriteria)
	uuid, oldName := m.sess.a.UUID, m.sess.a.Name
	if err := st.Rename(ctx, uuid, "Second Rename"); err != nil {
		t.Fatal(err)
	}
	renamed, err := st.LoadUUID(ctx, uuid)
	if err != nil {
		t.Fatal(err)
	}
	edit := copyOf(m.sess.a)
	edit.Target.TargetDate = "2031-09-30"
	m = saveEdit(t, m, edit)

	stored, err := st.LoadUUID(ctx, uuid)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Name != "Second Rename" || stored.Target.TargetDate == "2031-09-30" || stored.Revision != renamed.Revision {
		t.Fatalf("the refused save wrote: %q, target %q, revision %d (was %d)", stored.Name, stored.Target.TargetDate, stored.Revision, renamed.Revision)
	}
	view := strings.Join(strings.Fields(plain(m)), " ")
	for _, want := range []string{
		`Another gapmap changed this assessment's setup while you edited it (now named "Second Rename"); your changes were not saved.`,
		"press esc to keep the setup as it is now",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("the screen does not say %q:\n%s", want, plain(m))
		}
	}
	if m.screen != screenScope || m.scope.a.Name != "Second Rename" || m.scope.a.Target.TargetDate != "2031-09-30" {
		t.Fatalf("screen %v on %q with target %q; want the scope form on the new name with the edit kept",
			m.screen, m.scope.a.Name, m.scope.a.Target.TargetDate)
	}
	if m.sess.a.Name != "Second Rename" || m.sess.a.Name == oldName {
		t.Errorf("the session still shows %q", m.sess.a.Name)
	}

	// Going through the form again saves the edit over the new setup.
	m = saveEdit(t, m, copyOf(&m.scope.a))
	stored, err = st.LoadUUID(ctx, uuid)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Name != "Second Rename" || stored.Target.TargetDate != "2031-09-30" {
		t.Errorf("saved again: %q, target %q", stored.Name, stored.Target.TargetDate)
	}
	if !stored.UpdatedAt.After(renamed.UpdatedAt) {
		t.Errorf("last change %v after the save, the rename's %v: want later", stored.UpdatedAt, renamed.UpdatedAt)
	}
	if m.screen != screenQuestions || !strings.Contains(plain(m), "Scope and criteria saved") || m.sess.a.Target.TargetDate != "2031-09-30" {
		t.Errorf("screen %v after saving again:\n%s", m.screen, plain(m))
	}
}

// Answers another gapmap saved meanwhile are not the setup: the save goes
// through.
func TestSetupSaveAfterAnswersChangedMeanwhile(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, true)
	m := onForm(t, sized(New(testOptions(t, st)), 100, 34), screenCriteria)
	a := m.sess.a
	var qid string
	for id := range a.Answers {
		qid = id
		break
	}
	other := assessment.Answer{Value: assessment.NA, Note: "from another gapmap"}
	if err := st.SaveAnswer(ctx, a.UUID, qid, a.Answers[qid], other, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	edit := copyOf(a)
	edit.Scope.Headcount = 77
	m = saveEdit(t, m, edit)
	stored, err := st.LoadUUID(ctx, a.UUID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Scope.Headcount != 77 || stored.Answers[qid].Note != "from another gapmap" {
		t.Errorf("stored headcount %d, answer %+v", stored.Scope.Headcount, stored.Answers[qid])
	}
	if !strings.Contains(plain(m), "Scope and criteria saved") {
		t.Errorf("after the save:\n%s", plain(m))
	}
}

// The merge keeps each part of the setup the user changed and takes every
// other part from the stored setup, a declared fact at a time.
func TestMergeSetup(t *testing.T) {
	base := assessment.New("Acme", "soc2", fixedNow)
	base.Scope = assessment.Scope{Organization: "Acme", Headcount: 10, Declared: map[string]bool{"has_sla": false, "has_offices": true}}
	mine := copyOf(base)
	mine.Scope.Headcount = 12
	mine.Scope.SetFact(questionnaire.ISMSFact, true)
	mine.Scope.PrivilegedTeams = []string{} // empty, as the form may give it: no change
	theirs := copyOf(base)
	theirs.Name = "Acme renamed"
	theirs.Scope.Organization = "Acme Inc"
	theirs.Scope.SetFact("has_sla", true)
	theirs.Target.TargetDate = "2027-01-31"

	got := mergeSetup(base, mine, theirs)
	want := copyOf(theirs)
	want.Scope.Headcount = 12
	want.Scope.SetFact(questionnaire.ISMSFact, true)
	if same, err := store.SameSetup(got, want); err != nil || !same {
		t.Errorf("merged %+v\nwant %+v", got, want)
	}
	if theirs.Scope.Declared[questionnaire.ISMSFact] {
		t.Error("the merge wrote into the stored setup's facts")
	}
}
