package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// Fact is a labelled sentence of a summary, in plain text: the Markdown
// escapes and bolds it, the roadmap screen shows it as it is, so both say
// the same.
type Fact struct {
	Label, Text string
}

// Figures are the two readiness figures of a score, the one that leads
// first: under Type II "auditable today", since a Type II auditor can only
// test what has evidence; under Type I "controls in place".
func Figures(s assessment.Score, report assessment.ReportType) []Fact {
	if s.Scored == 0 {
		return []Fact{{"Readiness", "not measured yet: no question is answered"}}
	}
	over := plural(s.Scored, "scored answer", "scored answers")
	inPlace := Fact{"Controls in place", fmt.Sprintf("%s, weighted by severity, over %s "+
		"(in place counts in full, without evidence 75%%, partly 50%%)", percent(s.Readiness), over)}
	evidenced := Fact{"Auditable today", fmt.Sprintf("%s, weighted by severity: in place with evidence an auditor could test now",
		percent(s.Auditable))}
	if report == assessment.TypeII {
		return []Fact{evidenced, inPlace}
	}
	return []Fact{inPlace, evidenced}
}

// TimelineFacts says when: ready for a Type I audit, the report, the
// window, against the target date, the work and the caveats, each dated
// when the assessment has a start date, with the range that "unknown"
// answers leave.
func TimelineFacts(a *assessment.Assessment, ev assessment.Evaluation, p roadmap.Plan) []Fact {
	return TimelineFactsOn(a, ev, p, time.Time{})
}

// TimelineFactsOn is TimelineFacts on the day of now (in its time zone),
// which adds a caveat when remediation starts before that day: the plan's
// dates from it may already be past. The zero now leaves it out.
func TimelineFactsOn(a *assessment.Assessment, ev assessment.Evaluation, p roadmap.Plan, now time.Time) []Fact {
	t := p.Timeline
	from := "from the start of remediation"
	if t.Start != nil {
		from += " on " + date(*t.Start)
	}
	unknown := len(p.ToConfirm)
	ifInPlace := func(weeks func(roadmap.Estimate) int, at func(roadmap.Estimate) *time.Time) string {
		e := t.IfUnknownInPlace
		switch {
		case e == nil:
			return ""
		case weeks(*e) == weeks(t.Estimate):
			return fmt.Sprintf("; the same if the %s in place", plural(unknown, "unknown answer turns out", "unknown answers turn out"))
		}
		return fmt.Sprintf("; %s if the %s in place", inWeeks(weeks(*e), at(*e)),
			plural(unknown, "unknown answer turns out", "unknown answers turn out"))
	}
	readyWeeks := func(e roadmap.Estimate) int { return e.ReadinessWeeks }
	readyAt := func(e roadmap.Estimate) *time.Time { return e.Ready }
	reportWeeks := func(e roadmap.Estimate) int { return e.ReportWeeks }
	reportAt := func(e roadmap.Estimate) *time.Time { return e.Report }

	ready := "now: no open gap among the answered questions"
	if len(p.Items) > 0 {
		ready = inWeeks(t.ReadinessWeeks, t.Ready) + " " + from + ifInPlace(readyWeeks, readyAt)
	}
	facts := []Fact{{"Ready for a Type I audit", ready}}
	audit := fmt.Sprintf("about %s of auditor fieldwork and reporting", plural(t.FieldworkWeeks, "week", "weeks"))
	if t.Type == assessment.TypeII {
		window := fmt.Sprintf("%d months, opening when the plan is ready", t.WindowMonths)
		if w := t.Window; w != nil && w.Start != nil {
			window = fmt.Sprintf("%d months, from %s to %s", t.WindowMonths, date(*w.Start), date(*w.End))
		}
		facts = append(facts,
			Fact{"Observation window", window},
			Fact{"Earliest Type II report", fmt.Sprintf("%s: readiness, the %d-month window, then %s%s",
				inWeeks(t.ReportWeeks, t.Report), t.WindowMonths, audit, ifInPlace(reportWeeks, reportAt))})
	} else {
		facts = append(facts, Fact{"Type I report", fmt.Sprintf("%s: readiness, then %s%s",
			inWeeks(t.ReportWeeks, t.Report), audit, ifInPlace(reportWeeks, reportAt))})
	}
	if s := targetDateCheck(a.Target, t); s != "" {
		facts = append(facts, Fact{"Against the target date", s})
	}
	facts = append(facts, isoFacts(t.ISO)...)
	facts = append(facts, Fact{"Remediation work", workSummary(a.Scope, t)})
	if s := pastStart(t, now); s != "" {
		facts = append(facts, Fact{"Start in the past", s})
	}
	if s := caveats(ev, p); s != "" {
		facts = append(facts, Fact{"Caveats", s})
	}
	return facts
}

// pastStart says so when remediation starts before the day of now: work
// may well have started, but the dates counted from it then are a plan
// for the past, not a promise, and those already gone are named.
func pastStart(t roadmap.Timeline, now time.Time) string {
	if t.Start == nil || now.IsZero() {
		return ""
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if !t.Start.Before(today) {
		return ""
	}
	var past []string
	for _, d := range []struct {
		what string
		at   *time.Time
	}{{"ready for a Type I audit", t.Ready}, {"the " + t.Type.Title() + " report", t.Report}} {
		if d.at != nil && d.at.Before(today) {
			past = append(past, d.what+" on "+date(*d.at))
		}
	}
	s := fmt.Sprintf("remediation starts on %s, before today (%s), so the dates assume the work has gone at the planned pace since then", date(*t.Start), date(today))
	if len(past) > 0 {
		s += "; already past: " + strings.Join(past, ", ") + "; to plan ahead, give today or a later day as the start date"
	}
	return s
}

// inWeeks is "in about 9 weeks (2027-03-08)", or "now".
func inWeeks(weeks int, at *time.Time) string {
	s := "now"
	if weeks > 0 {
		s = "in about " + plural(weeks, "week", "weeks")
	}
	if at != nil {
		s += " (" + date(*at) + ")"
	}
	return s
}

// targetDateCheck compares the earliest report of the target type with the
// date wanted, when both are known.
func targetDateCheck(target assessment.Target, t roadmap.Timeline) string {
	wanted, err := time.Parse(assessment.DateLayout, target.TargetDate)
	if err != nil {
		return ""
	}
	if t.Report == nil {
		return fmt.Sprintf("wanted by %s; give a remediation start date to compare", date(wanted))
	}
	days := t.Report.Sub(wanted).Hours() / 24
	weeks := int(math.Ceil(math.Abs(days) / 7))
	report := t.Type.Title() + " report"
	if days > 0 {
		return fmt.Sprintf("the %s comes about %s after %s, the date wanted; add people, start sooner or narrow the scope",
			report, plural(weeks, "week", "weeks"), date(wanted))
	}
	return fmt.Sprintf("the %s comes about %s before %s, the date wanted", report, plural(weeks, "week", "weeks"), date(wanted))
}

func workSummary(s assessment.Scope, t roadmap.Timeline) string {
	var people string
	switch {
	case s.Capacity <= 0:
		people = "1 person (capacity not given, so one is assumed)"
	case t.Capacity == 1:
		people = "1 person"
	default:
		people = number(t.Capacity) + " people"
	}
	out := fmt.Sprintf("%s for %s", personWeeks(t.WorkWeeks), people)
	if t.AloneWeeks > t.WorkWeeks+0.005 {
		out += fmt.Sprintf("; %s if each gap were closed alone, as work packages share their setup", personWeeks(t.AloneWeeks))
	}
	return out
}

// caveats says what the estimate leaves out or assumes.
func caveats(ev assessment.Evaluation, p roadmap.Plan) string {
	var parts []string
	if n := len(p.ToConfirm); n > 0 {
		parts = append(parts, plural(n, "unknown answer is planned as a full gap", "unknown answers are planned as full gaps")+" until confirmed")
	}
	if n := ev.Overall.Applicable - ev.Overall.Answered; n > 0 {
		parts = append(parts, fmt.Sprintf("%s not answered yet and not in the plan, so the dates cover only the %d answered",
			plural(n, "question is", "questions are"), ev.Overall.Answered))
	}
	return strings.Join(parts, "; ")
}

// isoFacts names the ISO/IEC 27001 certification audits, with the ISO
// target; every date is an estimate from typical lead times.
func isoFacts(ia *roadmap.ISOAudits) []Fact {
	if ia == nil {
		return nil
	}
	return []Fact{
		{"ISO 27001 Stage 1 audit (estimate)", fmt.Sprintf("%s: the week after every gap is closed, the ISMS questions included (%s of work)",
			inWeeks(ia.Stage1Weeks, ia.Stage1), personWeeks(ia.WorkWeeks))},
		{"ISO 27001 Stage 2 audit (estimate)", fmt.Sprintf("%s: the ISMS running about %d weeks with an internal audit and a management review, and up to %d weeks after Stage 1 to fix its findings",
			inWeeks(ia.Stage2Weeks, ia.Stage2), roadmap.ISMSOperationWeeks, roadmap.Stage1ToStage2Weeks)},
		{"ISO 27001 certificate (estimate)", fmt.Sprintf("%s: about %d weeks for the certification body's decision, if Stage 2 finds no major nonconformity (typical lead times: docs/iso27001.md)",
			inWeeks(ia.CertificateWeeks, ia.Certificate), roadmap.CertificationDecisionWeeks)},
	}
}
