package assessment

import (
	"errors"
	"math"
	"os"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// preseed is the report's pre-seed sample (Security only, no offices) under
// its frozen questionnaire.
func preseed(t *testing.T) (*questionnaire.Questionnaire, *Assessment) {
	t.Helper()
	qn, err := questionnaire.LoadFile("../report/testdata/questionnaire.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../report/testdata/preseed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lookup := func(id string) (*questionnaire.Questionnaire, error) {
		if id != qn.ID {
			return nil, errors.New("unknown questionnaire " + id)
		}
		return qn, nil
	}
	a, err := ParseFile("preseed.yaml", data, lookup, t0)
	if err != nil {
		t.Fatal(err)
	}
	return qn, a
}

type isoWant struct {
	applicable, answered int
	readiness, auditable float64
}

func checkScore(t *testing.T, name string, s Score, w isoWant) {
	t.Helper()
	if s.Applicable != w.applicable || s.Answered != w.answered ||
		math.Abs(s.Readiness-w.readiness) > 1e-9 || math.Abs(s.Auditable-w.auditable) > 1e-9 {
		t.Errorf("%s: applicable %d answered %d readiness %.6f auditable %.6f; want %d %d %.6f %.6f",
			name, s.Applicable, s.Answered, s.Readiness, s.Auditable,
			w.applicable, w.answered, w.readiness, w.auditable)
	}
}

// The expected values are worked out by hand from preseed.yaml and the
// iso27001 lists of the frozen questionnaire: weights critical 4, high 3,
// medium 2, low 1; credit yes 1, no-evidence 0.75, partial 0.5, no and
// unknown 0; only "yes" counts as auditable. 29 questions apply (Security
// only; physical.office needs offices).
func TestISOViewOfPreseedByHand(t *testing.T) {
	qn, a := preseed(t)
	v := EvaluateISO(qn, a)
	if v.Target {
		t.Error("preseed does not declare iso27001, but the view says it targets ISO")
	}
	// 23 answered; weights 68; credit: partials 1 + 2 + 1.5 + 1.5 + 1.5 + 2,
	// encryption yes 3, backups no-evidence 2.25 = 14.75.
	checkScore(t, "overall", v.Overall, isoWant{29, 23, 14.75 / 68, 3.0 / 68})

	themes := map[questionnaire.ISOTheme]struct {
		want               isoWant
		controls, assessed int
	}{
		// policies 3, oversight 2, code of conduct 2, monitoring 2, pentest 3,
		// commitments 2 (partial: 1), inventory 2, provisioning 3, offboarding 4,
		// reviews 4, least privilege 3 (partial: 1.5), incident plan 3; four
		// unanswered (incident test, vendors, subservices, continuity plan).
		questionnaire.Organizational: {isoWant{16, 12, 2.5 / 33, 0}, 37, 19},
		// code of conduct 2, background checks 3, training 3, commitments 2
		// (partial: 1), offboarding 4.
		questionnaire.People: {isoWant{5, 5, 1.0 / 14, 0}, 8, 5},
		// only assets.disposal, unanswered.
		questionnaire.Physical: {isoWant{1, 0, 0, 0}, 14, 1},
		// pentest 3, mfa 4 (2), reviews 4, least privilege 3 (1.5), encryption 3
		// (3, auditable), mdm 3, boundary 2, logging 3 (1.5), vulnerabilities 3
		// (1.5), change review 4 (2), backups 3 (2.25); the pipeline unanswered.
		questionnaire.Technological: {isoWant{12, 11, 13.75 / 35, 3.0 / 35}, 34, 16},
	}
	for _, th := range v.Themes {
		w := themes[th.Theme]
		checkScore(t, string(th.Theme), th.Score, w.want)
		if th.Controls != w.controls || th.Assessed != w.assessed {
			t.Errorf("%s: %d controls, %d assessed; want %d, %d", th.Theme, th.Controls, th.Assessed, w.controls, w.assessed)
		}
	}

	// Clauses: oversight (5.3, medium no), risk assessment (6.1.2 and 8.2,
	// critical no), control monitoring (9.1, medium no); nothing for 4, 7, 10.
	clauses := map[string]isoWant{
		"4": {}, "5": {1, 1, 0, 0}, "6": {1, 1, 0, 0}, "7": {}, "8": {1, 1, 0, 0}, "9": {1, 1, 0, 0}, "10": {},
	}
	if len(v.Clauses) != 7 {
		t.Fatalf("%d clauses, want 4 to 10", len(v.Clauses))
	}
	for _, c := range v.Clauses {
		checkScore(t, "clause "+c.Clause.ID, c.Score, clauses[c.Clause.ID])
	}

	controls := map[string]struct {
		want    isoWant
		status  ISOStatus
		unknown int
	}{
		"A.5.18": {isoWant{3, 3, 0, 0}, NotImplemented, 0},          // provisioning, offboarding, reviews: all no
		"A.8.8":  {isoWant{2, 2, 1.5 / 6, 0}, PartlyImplemented, 1}, // pentest unknown, vulnerabilities partial (both high)
		"A.8.2":  {isoWant{2, 2, 1.5 / 7, 0}, PartlyImplemented, 0}, // reviews critical no, least privilege high partial
		"A.8.24": {isoWant{1, 1, 1, 1}, Implemented, 0},             // encryption yes
		"A.8.13": {isoWant{1, 1, 0.75, 0}, ImplementedNoProof, 0},   // backups no-evidence
		"A.5.24": {isoWant{2, 1, 0, 0}, NotImplemented, 0},          // incident plan no, test unanswered
		"A.7.14": {isoWant{1, 0, 0, 0}, NotAnswered, 0},             // disposal unanswered
		"A.7.1":  {isoWant{0, 0, 0, 0}, NotAssessed, 0},             // physical.office needs offices
		"A.5.34": {isoWant{0, 0, 0, 0}, NotAssessed, 0},             // Privacy not selected
		"A.6.8":  {isoWant{1, 1, 0.5, 0}, PartlyImplemented, 0},     // commitments partial
		"A.5.1":  {isoWant{1, 1, 0, 0}, NotImplemented, 0},          // policies no
		"A.8.5":  {isoWant{1, 1, 0.5, 0}, PartlyImplemented, 0},     // mfa partial
	}
	if len(v.Controls) != 93 {
		t.Fatalf("%d controls in the heat map, want 93", len(v.Controls))
	}
	for _, c := range v.Controls {
		w, ok := controls[c.Control.ID]
		if !ok {
			continue
		}
		checkScore(t, c.Control.ID, c.Score, w.want)
		if c.Status() != w.status || c.Unknown != w.unknown {
			t.Errorf("%s: status %q, %d unknown; want %q, %d", c.Control.ID, c.Status(), c.Unknown, w.status, w.unknown)
		}
	}
	for _, th := range v.Themes {
		row := v.ControlsOfTheme(th.Theme)
		if len(row) != th.Controls || row[0].Control.Theme != th.Theme {
			t.Errorf("%s: heat-map row of %d controls, want %d", th.Theme, len(row), th.Controls)
		}
	}
	// 93 - (19 + 5 + 1 + 16) assessed.
	if n := len(v.NotCovered()); n != 52 {
		t.Errorf("%d controls not covered, want 52", n)
	}
}

// A question counts once in a clause however many of its sub-clauses it
// lists, and an ISMS question counts only with the ISO target.
func TestISOClausesRollUpSubClauses(t *testing.T) {
	qn, err := questionnaire.Parse("iso.yaml", []byte(isoMini))
	if err != nil {
		t.Fatal(err)
	}
	a := New("x", "iso-mini", t0)
	a.SetAnswer("risk.method", Answer{Value: Partial}, t0)   // high, 6.1.2 and 6.1.3 and 8.2
	a.SetAnswer("isms.review", Answer{Value: Yes}, t0)       // medium, 9.3 and 9.3.1, ISMS
	a.SetAnswer("isms.audit", Answer{Value: NoEvidence}, t0) // critical, 9.2, ISMS

	v := EvaluateISO(qn, a)
	want := map[string]isoWant{"6": {1, 1, 0.5, 0}, "8": {1, 1, 0.5, 0}, "9": {}}
	for _, c := range v.Clauses {
		checkScore(t, "without target, clause "+c.Clause.ID, c.Score, want[c.Clause.ID])
	}

	a.Scope.SetFact(questionnaire.ISMSFact, true)
	v = EvaluateISO(qn, a)
	if !v.Target {
		t.Error("the iso27001 fact is set, but the view does not say so")
	}
	// Clause 9: review medium yes (2 of 2, auditable), audit critical
	// no-evidence (3 of 4): 5/6 in place, 2/6 auditable.
	want["9"] = isoWant{2, 2, 5.0 / 6, 2.0 / 6}
	for _, c := range v.Clauses {
		checkScore(t, "with target, clause "+c.Clause.ID, c.Score, want[c.Clause.ID])
	}
	// A.5.35 is listed by the audit question only.
	for _, c := range v.Controls {
		if c.Control.ID == "A.5.35" {
			checkScore(t, "A.5.35", c.Score, isoWant{1, 1, 0.75, 0})
		}
	}
	// The SOC 2 evaluation sees only the risk question.
	ev := Evaluate(qn, a)
	checkScore(t, "SOC 2 overall", ev.Overall, isoWant{1, 1, 0.5, 0})
}

const isoMini = `format: 2
id: iso-mini
title: ISO view test
version: "1"
areas:
  - {id: risk, title: Risk}
  - {id: isms, title: ISMS}
criteria:
  - {id: CC3.2, category: security, title: "Risks are identified and analysed"}
questions:
  - id: risk.method
    title: Risk method
    area: risk
    category: security
    text: Do you assess risks with a written method?
    help: {why: "Risks drive the controls.", good: "A yearly assessment with a method.", evidence: "The register.", first_steps: ["Write the method."]}
    criteria: [CC3.2]
    severity: high
    effort: M
    evidence: config
    iso27001: ['6.1.2', '6.1.3', '8.2']
  - id: isms.review
    title: Management review
    area: isms
    category: isms
    text: Does leadership review the management system every year?
    help: {why: "Auditors read the minutes.", good: "Yearly, with decisions recorded.", evidence: "Dated minutes.", first_steps: ["Book the first review."]}
    criteria: []
    severity: medium
    effort: S
    evidence: config
    applies_if: iso27001
    iso27001: ['9.3', '9.3.1']
  - id: isms.audit
    title: Internal audit
    area: isms
    category: isms
    text: Has an independent person audited the whole management system?
    help: {why: "Stage 2 needs one full audit.", good: "One audit before Stage 2.", evidence: "The audit report.", first_steps: ["Plan the audit programme."]}
    criteria: []
    severity: critical
    effort: M
    evidence: config
    applies_if: iso27001
    iso27001: ['9.2', A.5.35]
`
