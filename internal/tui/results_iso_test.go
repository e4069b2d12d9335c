package tui

import (
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
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
