package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// criteriaOnISO opens the example's criteria step and focuses the ISO
// opt-in, past the categories, the report type and the dates.
func criteriaOnISO(t *testing.T) Model {
	t.Helper()
	st := openStore(t, true)
	m := sized(New(testOptions(t, st)), 100, 34)
	m = typeKeys(onForm(t, m, screenCriteria), "enter", "enter", "enter", "enter", "enter")
	if out := plain(m); !strings.Contains(out, "┃ "+isoOptInTitle) || !strings.Contains(out, "never change any SOC 2 figure") {
		t.Fatalf("the ISO opt-in is not focused with its explanation:\n%s", out)
	}
	return m
}

// The opt-in is off by default; switching it on saves the iso27001 fact
// through the setup save, and the management-system questions are asked.
func TestCriteriaISOOptInSavesTheFact(t *testing.T) {
	m := criteriaOnISO(t)
	if m.sess.a.ISOTarget() {
		t.Fatal("the example already has the ISO target; the test needs it off")
	}
	before := len(m.sess.questions)
	m = typeKeys(m, "left") // No → Yes
	m, msg := update(t, m, press("enter"))
	done, ok := msg.(criteriaDoneMsg)
	if !ok {
		t.Fatalf("enter on the last field sent %#v, want the criteria done", msg)
	}
	m, msg = update(t, m, done)
	m, _ = update(t, m, msg) // the save's result
	a, err := m.sh.opts.Store.LoadByName(context.Background(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	if !a.ISOTarget() || !a.Scope.Declared[questionnaire.ISMSFact] {
		t.Fatalf("stored facts %v, want %s declared yes", a.Scope.Declared, questionnaire.ISMSFact)
	}
	isms := 0
	for _, q := range m.sess.questions {
		if q.Category == questionnaire.ISMS {
			isms++
		}
	}
	if isms == 0 || len(m.sess.questions) != before+isms {
		t.Errorf("questions %d → %d with %d ISMS questions; want the ISMS questions added", before, len(m.sess.questions), isms)
	}
}

// Left off, the opt-in declares nothing: the stored scope is as before.
func TestCriteriaISOOptInOffDeclaresNothing(t *testing.T) {
	m := criteriaOnISO(t)
	m, msg := update(t, m, press("enter"))
	m, msg = update(t, m, msg)
	m, _ = update(t, m, msg)
	a, err := m.sh.opts.Store.LoadByName(context.Background(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	if _, declared := a.Scope.Declared[questionnaire.ISMSFact]; declared || a.ISOTarget() {
		t.Errorf("stored facts %v: the untouched opt-in declared the ISO target", a.Scope.Declared)
	}
}

// The setup refuses what the answers file refuses: an impossible day said
// in words, a start after the target date, more people for remediation
// than the headcount.
func TestSetupChecksDatesAndCapacityAsTheFileDoes(t *testing.T) {
	if err := validDate("2027-02-30"); err == nil || !strings.Contains(err.Error(), "February 2027 has 28 days") {
		t.Errorf("2027-02-30: %v", err)
	}
	target := "2027-01-31"
	if err := validStart(&target)("2027-06-01"); err == nil || !strings.Contains(err.Error(), "before the start date") {
		t.Errorf("start after the target: %v", err)
	}
	if err := validStart(&target)("2027-01-04"); err != nil {
		t.Errorf("start before the target: %v", err)
	}
	headcount := "25"
	if err := validCapacity(&headcount)("1000000000"); err == nil || !strings.Contains(err.Error(), "headcount is 25") {
		t.Errorf("capacity over the headcount: %v", err)
	}
	if err := validCapacity(&headcount)("1.5"); err != nil {
		t.Errorf("capacity 1.5 of 25: %v", err)
	}
	empty := ""
	if err := validCapacity(&empty)("1000000"); err == nil {
		t.Error("a capacity of a million people was taken")
	}
}
