package roadmap

import (
	"maps"
	"math"
	"slices"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Estimate is how long the plan takes on one reading of the answers.
type Estimate struct {
	// WorkWeeks is the person-weeks of the items, packages costed together.
	WorkWeeks float64
	// ReadinessWeeks is the calendar weeks from the start of remediation to
	// being ready for a Type I audit (for Type II: to the window opening):
	// the work spread over the capacity, but never less than the longest
	// chain of items done one after another with their lead times. At least
	// 1 when there are items, 0 when there are none.
	ReadinessWeeks int
	// ReportWeeks is the calendar weeks to the earliest report: readiness,
	// for Type II the observation window, then the auditor's weeks.
	ReportWeeks int
	// Ready, WindowEnd and Report are dates, set only when the assessment
	// has a start date; WindowEnd only for Type II. The window starts on
	// Ready.
	Ready, WindowEnd, Report *time.Time
}

// Timeline estimates how long the plan takes and when reports can follow.
type Timeline struct {
	// Capacity is the people (full-time equivalents) working on remediation.
	Capacity     float64
	Type         assessment.ReportType
	WindowMonths int
	// FieldworkWeeks is the auditor's fieldwork and report drafting,
	// AuditWeeks.
	FieldworkWeeks int
	// AloneWeeks is the items costed one by one, without packages: what
	// grouping saves is AloneWeeks - WorkWeeks.
	AloneWeeks float64
	// Estimate is the plan with "unknown" answers as gaps, the default.
	Estimate
	// IfUnknownInPlace is the estimate should every "unknown" answer turn
	// out to be in place with evidence; nil when no answer is unknown.
	IfUnknownInPlace *Estimate
	// Start is the remediation start date, when the assessment has one.
	Start *time.Time
	// Window is the Type II observation window's calendar; nil for Type I.
	Window *Window
	// ISO is the way to ISO/IEC 27001 certification; nil without the ISO
	// target.
	ISO *ISOAudits
}

// ISOAudits are the estimated weeks, from the start of remediation, to the
// ISO/IEC 27001:2022 certification audits. Every figure is an estimate from
// the typical lead times in docs/iso27001.md, at their slow end.
type ISOAudits struct {
	// WorkWeeks is every gap's work, SOC 2 and ISMS, packages costed
	// together; ReadinessWeeks is when all of it is done at the capacity.
	WorkWeeks      float64
	ReadinessWeeks int
	// Stage1Weeks is the documentation review, the week after readiness;
	// Stage2Weeks the implementation audit; CertificateWeeks the
	// certification body's decision.
	Stage1Weeks, Stage2Weeks, CertificateWeeks int
	// Dates, set only when the assessment has a start date.
	Ready, Stage1, Stage2, Certificate *time.Time
}

func soc2(n *node) bool { return n.item.Question.Category.IsTSC() }

// isoAudits places Stage 1 in the week after every gap is closed (the
// internal audit and management review among them), Stage 2 after the
// Stage 1 findings are fixed and the ISMS has run about three months, and
// the certificate after the body's decision.
func isoAudits(t Timeline, all Estimate) *ISOAudits {
	ia := &ISOAudits{WorkWeeks: all.WorkWeeks, ReadinessWeeks: all.ReadinessWeeks}
	ia.Stage1Weeks = ia.ReadinessWeeks + 1
	ia.Stage2Weeks = max(ia.Stage1Weeks+Stage1ToStage2Weeks, ia.ReadinessWeeks+ISMSOperationWeeks)
	ia.CertificateWeeks = ia.Stage2Weeks + CertificationDecisionWeeks
	if t.Start != nil {
		ia.Ready = weeksAfter(*t.Start, ia.ReadinessWeeks)
		ia.Stage1 = weeksAfter(*t.Start, ia.Stage1Weeks)
		ia.Stage2 = weeksAfter(*t.Start, ia.Stage2Weeks)
		ia.Certificate = weeksAfter(*t.Start, ia.CertificateWeeks)
	}
	return ia
}

// WindowWeeks is the observation window in whole weeks, rounded up.
func (t Timeline) WindowWeeks() int { return windowWeeks(t.WindowMonths) }

func windowWeeks(months int) int { return (months*52 + 11) / 12 }

func buildTimeline(qn *questionnaire.Questionnaire, a *assessment.Assessment, g *gapGraph) Timeline {
	t := Timeline{
		Capacity:       a.Scope.EffectiveCapacity(),
		Type:           a.Target.Type,
		FieldworkWeeks: AuditWeeks,
	}
	if t.Type == assessment.TypeII {
		t.WindowMonths = a.Target.WindowMonths
	}
	if a.Target.StartDate != "" {
		if start, err := time.Parse(assessment.DateLayout, a.Target.StartDate); err == nil {
			t.Start = &start // a target's dates are checked on input; a bad one gives weeks only
		}
	}
	// The SOC 2 dates leave the ISMS gaps out: a SOC 2 audit does not wait
	// for them, so the ISO target moves no SOC 2 date. The ISO dates count
	// every gap.
	unknown := false
	for _, n := range g.nodes {
		if soc2(n) {
			t.AloneWeeks += n.item.Weeks
			unknown = unknown || n.item.Answer.Value == assessment.Unknown
		}
	}
	t.Estimate = t.estimate(g, soc2)
	if unknown {
		e := t.estimate(g, func(n *node) bool { return soc2(n) && n.item.Answer.Value != assessment.Unknown })
		t.IfUnknownInPlace = &e
	}
	if a.ISOTarget() {
		t.ISO = isoAudits(t, t.estimate(g, func(*node) bool { return true }))
	}
	if t.Type == assessment.TypeII {
		t.Window = buildWindow(qn, a, g, t.WindowMonths, t.Ready, t.WindowEnd)
	}
	return t
}

// estimate is the timeline of the nodes include accepts.
func (t Timeline) estimate(g *gapGraph, include func(*node) bool) Estimate {
	var e Estimate
	alone := map[string]float64{}
	finish := map[*node]float64{}
	chain, some := 0.0, false
	for _, n := range g.topo {
		if !include(n) {
			continue
		}
		some = true
		pkg := n.item.Package
		if pkg != "" {
			alone[pkg] += n.item.Weeks
		} else {
			e.WorkWeeks += n.item.Weeks
		}
		// One person's calendar along a chain: the item starts when what
		// it waits for is done and its package is set up (the setup, paid
		// once, comes first), then waits its lead time, then is done. The
		// plan's packages hold on every reading of the answers, so fewer
		// gaps never make a chain longer.
		start := 0.0
		if g.grouped[pkg] {
			start = g.setup[pkg]
		}
		for _, d := range n.deps {
			if include(d) {
				start = max(start, finish[d])
			}
		}
		finish[n] = start + n.item.LeadTimeWeeks + n.item.PlannedWeeks
		chain = max(chain, finish[n])
	}
	// Summed in a fixed order: float addition is not associative.
	for _, id := range slices.Sorted(maps.Keys(alone)) {
		e.WorkWeeks += packageWeeks(g.setup[id], alone[id])
	}
	if some {
		e.ReadinessWeeks = max(1, ceilWeeks(e.WorkWeeks/t.Capacity), ceilWeeks(chain))
	}
	e.ReportWeeks = e.ReadinessWeeks + t.FieldworkWeeks
	if t.Type == assessment.TypeII {
		e.ReportWeeks += t.WindowWeeks()
	}
	if t.Start != nil {
		e.Ready = weeksAfter(*t.Start, e.ReadinessWeeks)
		e.Report = weeksAfter(*t.Start, e.ReportWeeks)
		if t.Type == assessment.TypeII {
			e.WindowEnd = weeksAfter(*e.Ready, t.WindowWeeks())
		}
	}
	return e
}

func weeksAfter(from time.Time, weeks int) *time.Time {
	d := from.AddDate(0, 0, 7*weeks)
	return &d
}

// ceilWeeks rounds up, forgiving the float noise of sums like 0.1+0.2 so an
// exact number of weeks is not counted as one more.
func ceilWeeks(w float64) int {
	return int(math.Ceil(w - 1e-9))
}
