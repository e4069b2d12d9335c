package tui

import (
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// The example assessment answers three questions: access.mfa (critical,
// weight 4) partly, access.sso-idp (high, 3) yes, vendors.inventory (high,
// 3) unknown. Worked out by hand: controls in place (2 + 3) / 10 = 50%,
// auditable today 3 / 10 = 30%.

func TestResultsShowBothFigures(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 120, 40), st)
	next, _ := m.show(screenResults)
	out := plain(next)
	// The example targets Type II: auditable today leads.
	if !strings.Contains(out, "Auditable today 30%   Controls in place 50%") {
		t.Errorf("results lack the two figures, auditable first:\n%s", out)
	}
	m.sess.a.Target = assessment.Target{Type: assessment.TypeI}
	m.sess.refresh()
	next, _ = m.show(screenResults)
	if out := plain(next); !strings.Contains(out, "Controls in place 50%   Auditable today 30%") {
		t.Errorf("under Type I controls in place leads:\n%s", out)
	}
}

// TestRoadmapScreenSaysWhatTheMarkdownSays: the figures, the dates with
// what they are and from when, the unanswered-questions caveat and the
// target date (issue 12, item 8).
func TestRoadmapScreenSaysWhatTheMarkdownSays(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 120, 40), st)
	m.sess.a.Target.TargetDate = "2027-06-30"
	m.sess.refresh()
	next, _ := m.show(screenRoadmap)
	out := strings.Join(strings.Fields(plain(next)), " ")
	for _, want := range []string{
		"Auditable today 30% · controls in place 50%",
		"Ready for a Type I audit: in about 1 week (2027-01-11) from the start of remediation on 2027-01-04",
		"Observation window: 6 months, from 2027-01-11 to 2027-07-12",
		"Earliest Type II report: in about 35 weeks (2027-09-06)",
		"Against the target date: the Type II report comes about 10 weeks after 2027-06-30, the date wanted",
		"150 questions are not answered yet and not in the plan, so the dates cover only the 3 answered",
		"1 unknown answer is planned as a full gap until confirmed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("roadmap screen lacks %q:\n%s", want, out)
		}
	}
}

// TestAccessibleSummarySaysWhatTheMarkdownSays: accessible mode ends with
// the same figures and dated sentences, and the Now entries by title.
func TestAccessibleSummarySaysWhatTheMarkdownSays(t *testing.T) {
	st := openStore(t, true)
	m := withSession(t, New(testOptions(t, st)), st)
	var out strings.Builder
	r := accessible{sh: m.sh, out: &out, ctx: t.Context()}
	r.summary(m.sess)
	for _, want := range []string{
		"Auditable today 30% · controls in place 50%; 3 of 153 questions answered.",
		"Ready for a Type I audit: in about 1 week (2027-01-11) from the start of remediation on 2027-01-04",
		"Caveats: 1 unknown answer is planned as a full gap until confirmed; 150 questions are not answered yet",
		"Do first 1: Vendor and subservice management (critical or common audit finding)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("accessible summary lacks %q:\n%s", want, out.String())
		}
	}
}
