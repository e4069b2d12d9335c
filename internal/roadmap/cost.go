package roadmap

import "math"

// The model's constants. Each comes from ../shared/reference/soc2-facts.md
// (the section is named); where a source gives a range the slow end is
// taken, since a first audit is slow. README.md, "How the roadmap is
// computed", explains the model with the same numbers.

// MarginalFactor is the share of a gap's own effort it still costs once its
// work package is set up. §3.2 rows 1, 15 and 19 (trydock.site): SSO with
// MFA, central logging with alert triage, and encryption with key
// management take "1–2 weeks" together as the core technical controls,
// where the bank prices those eight questions at 10 person-weeks one by
// one: 0.1–0.2 of their cost alone. The slow end, 0.2, and the package's
// setup is added on top, so the model is slower than that source, not
// faster. §3.2 row 8 (about 12 core policies in 3–5 days together) agrees:
// at effort S each, 6 person-weeks alone against 1 together, 0.17.
const MarginalFactor = 0.2

// LongLeadWeeks is the external lead time from which a gap is started in
// Now so the wait runs while other work is done: §3.3 "start these first
// (long lead time)" names the pen test and vendor assessments, and §3.2
// row 6 gives about a week per background check; a month (4 weeks) of
// waiting is the least that lead time list implies [est.].
const LongLeadWeeks = 4

// AuditWeeks is the auditor's part after readiness (Type I) or after the
// window closes (Type II): fieldwork and report drafting. §4.3: "the audit
// portion alone is ~4–8 weeks" for a Type I; fieldwork ~4–6 weeks plus the
// report for a Type II. The slow end, 8 weeks, for both.
const AuditWeeks = 8

// The ISO/IEC 27001 certification lead times, estimates from the table
// "Typical lead times" in docs/iso27001.md, at the slow end of each range.
const (
	// Stage1ToStage2Weeks: usually 4 to 8 weeks between Stage 1 and
	// Stage 2 to fix its findings (seccomply.net, auvacertification.com).
	Stage1ToStage2Weeks = 8
	// ISMSOperationWeeks: the ISMS runs about 3 months, with an internal
	// audit and a management review done, before Stage 2 (audisocon.com,
	// startiso.com; ISO sets no fixed period).
	ISMSOperationWeeks = 13
	// CertificationDecisionWeeks: 2 to 6 weeks from Stage 2 to the
	// certification decision without a major finding (unverified).
	CertificationDecisionWeeks = 6
)

// SetupWeeks is each built-in work package's setup in person-weeks: the
// shared part paid once when any of its questions is a gap (a tool chosen
// and rolled out, one template set, one approval). questionnaires/soc2.yaml
// carries the same numbers under packages; TestBuiltinSetupWeeks keeps
// them equal. "[est.]" marks the reference's own order-of-magnitude
// estimates: "days" is read as 2 days, 0.4 person-weeks.
var SetupWeeks = map[string]float64{
	"governance":      0.4, // §3.2 row 9: oversight, org chart, owner: days [est.]
	"policies":        1.0, // §3.2 row 8: ~12 core policies in 3–5 days together (trydock.site); 5 days
	"people":          0.4, // §3.2 row 5: training ~1 day to set up (screenata.com); row 7 acknowledgements: days [est.]
	"risk":            0.4, // §3.2 row 10: method and register template; the assessment itself is a question: days [est.]
	"audit":           0.4, // §3.2 row 23: control monitoring and deficiency tracking: days [est.]
	"access":          0.5, // §3.2 rows 1, 15, 19: core technical controls 1–2 weeks together (trydock.site), shared by access, logging, infrastructure
	"endpoints":       0.2, // §3.2 row 20: endpoint management ~1 day (screenata.com)
	"infrastructure":  0.5, // §3.2 row 19: part of the 1–2 weeks of core technical controls (trydock.site)
	"logging":         0.5, // §3.2 row 15: part of the 1–2 weeks of core technical controls (trydock.site)
	"vulnerabilities": 0.4, // §3.2 row 13: scanning in CI: days to deploy (trydock.site)
	"change":          1.0, // §3.2 row 12: IR and change processes 1–2 weeks (trydock.site), half of the slow end
	"incidents":       1.0, // §3.2 row 16: IR and change processes 1–2 weeks (trydock.site), half of the slow end
	"vendors":         1.0, // §3.2 row 11: vendor management ~1 week to set up (trydock.site)
	"continuity":      0.4, // §3.2 row 17: backups and restore test: days [est.]
	"physical":        0.4, // §3.2 row 3 and CC6.4: badges, visitor log: days [est.]
	"data":            0.4, // §3.2 rows 21, 22: inventory, classification, retention: days [est.]
	"integrity":       0.4, // §1.2 PI1.1–PI1.5: no effort figure in the reference: days [est.]
	"privacy":         0.4, // §1.2 P1–P8: no effort figure in the reference: days [est.]
	"customers":       0.4, // §3.2 row 25: external communication of commitments: days [est.]
	// The ISMS documents (scope, risk method, treatment plan, SoA, document
	// control) are a document set written together, like the policy set:
	// §3.2 row 8's 3–5 days for ~12 documents, read as 5 days [est.].
	"isms": 1.0,
}

// packageWeeks is what a package's gaps cost together: its setup plus the
// marginal share of each gap's own effort, but never more than the gaps
// costed one by one (alone), so grouping can only save work.
func packageWeeks(setup, alone float64) float64 {
	return math.Min(alone, setup+MarginalFactor*alone)
}
