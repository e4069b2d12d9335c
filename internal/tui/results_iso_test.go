package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/store"
)

// onISOTab opens the example with the ISO target on, on the results
// screen's ISO tab.
func onISOTab(t *testing.T, m Model) Model {
	t.Helper()
	m = withSession(t, m, m.sh.opts.Store)
	m.sess.a.Scope.SetFact(questionnaire.ISMSFact, true)
	m.sess.refresh()
	next, _ := m.show(screenResults)
	return typeKeys(next, "tab")
}

// The ISO tab is offered only with the target on; without it tab changes
// nothing and the screen says how to switch the target on.
func TestResultsISOTab(t *testing.T) {
	st := openStore(t, true)
	m := sized(New(testOptions(t, st)), 80, 24)
	m = withSession(t, m, st)
	off, _ := m.show(screenResults)
	off = typeKeys(off, "tab")
	if out := plain(off); off.results.tab != tabSOC2 || !strings.Contains(out, "opt in on the criteria step") || strings.Contains(out, "SOC 2 ⇄ ISO 27001") {
		t.Fatalf("target off: tab %d\n%s", off.results.tab, out)
	}

	on := onISOTab(t, sized(New(testOptions(t, st)), 80, 24))
	out := plain(on)
	if on.results.tab != tabISO || !strings.Contains(out, "Clauses 4–10") || !strings.Contains(out, "ISMS 0/20 answered") {
		t.Fatalf("target on, after tab:\n%s", out)
	}
	on = typeKeys(on, "j", "I")
	if on.results.tab != tabSOC2 || on.results.offset != 0 || !strings.Contains(plain(on), "By category") {
		t.Fatalf("I did not return to the SOC 2 tab at its top:\n%s", plain(on))
	}
}

// The accessible summary gives each framework its own count when the ISO
// target is on: the flow asked SOC 2 and ISMS questions.
func TestAccessibleSummaryWithTheISOTarget(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 80, 24), st)
	var out strings.Builder
	r := accessible{sh: m.sh, out: &out}
	r.summary(m.sess)
	if s := out.String(); strings.Contains(s, "ISO/IEC 27001") || !strings.Contains(s, "3 of 153 questions answered") {
		t.Fatalf("target off:\n%s", s)
	}
	m.sess.a.Scope.SetFact(questionnaire.ISMSFact, true)
	m.sess.refresh()
	out.Reset()
	r.summary(m.sess)
	for _, want := range []string{"3 of 153 SOC 2 questions answered", "0 of 20 management-system (ISMS) questions answered", "14 of 93 Annex A controls no answer covers yet"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("target on: no %q in\n%s", want, out.String())
		}
	}
}

// The real program, opened on the results of an assessment with the ISO
// target, switches to the ISO tab and scrolls to its end.
func TestISOTabFlow(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "gapmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	t.Cleanup(prefetches.Wait)
	a := exampleAssessment(t)
	a.Scope.SetFact(questionnaire.ISMSFact, true)
	if _, err := st.Import(context.Background(), a, assessment.Evaluate(builtin(t), a).Summarize(), "test", false); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t, st)
	opts.OpenName = a.Name
	tm, f := start(t, New(opts), 80, 24)
	waitFor(t, f, "[ SOC 2 · 3/153 answered ]")
	tm.Send(press("tab"))
	waitFor(t, f, "[ ISO/IEC 27001:2022 · ISMS 0/20 answered ]")
	waitFor(t, f, "Clauses 4–10")
	tm.Send(press("G"))
	waitFor(t, f, "A.8.33 Protecting data used for testing")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))
}

// A reload replaces the session's answers under the screen (see adopt):
// the ISO tab shows them, and falls back to SOC 2 when the target goes off.
func TestISOTabFollowsAReload(t *testing.T) {
	st := openStore(t, true)
	m := onISOTab(t, sized(New(testOptions(t, st)), 120, 40))
	var first *questionnaire.Question
	for _, q := range m.sess.questions {
		if q.Category == questionnaire.ISMS {
			first = q
			break
		}
	}
	m.sess.a.SetAnswer(first.ID, assessment.Answer{Value: assessment.Yes}, fixedNow)
	m.sess.refresh()
	if out := plain(m); !strings.Contains(out, "ISMS 1/20 answered") || !strings.Contains(out, "100% 100%  1/5") {
		t.Fatalf("the ISO tab did not follow the new answer:\n%s", out)
	}
	m.sess.a.Scope.SetFact(questionnaire.ISMSFact, false)
	m.sess.refresh()
	if out := plain(m); !strings.Contains(out, "By category") || !strings.Contains(out, "opt in on the criteria step") {
		t.Fatalf("the target went off but the ISO tab stayed:\n%s", out)
	}
}
