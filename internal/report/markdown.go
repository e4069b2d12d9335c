package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// Markdown writes the readiness report and roadmap: the deliverable a
// founder pastes into a tracker or a consultant hands to a client.
func Markdown(w io.Writer, in Input) error {
	d := newDoc()
	writeHeader(d, in)
	writeSummary(d, in)
	writeScope(d, in.Assessment.Scope)
	writeCategories(d, in.Assessment)
	writeReadiness(d, in.Evaluation)
	writeRoadmap(d, in.Plan)
	writeToConfirm(d, in.Plan)
	writeFollowUps(d, in.Plan)
	writeAppendix(d, in)
	_, err := w.Write(d.bytes())
	return err
}

func writeHeader(d *doc, in Input) {
	name := inline(in.Assessment.Name)
	if name == "" {
		name = "unnamed assessment"
	}
	d.heading(1, "SOC 2 readiness: "+name)

	s := in.Assessment.Scope
	var about string
	switch sys, org := inline(s.System), inline(s.Organization); {
	case sys != "" && org != "":
		about = fmt.Sprintf("Assessment of %s at %s", sys, org)
	case sys != "":
		about = "Assessment of " + sys
	case org != "":
		about = "Assessment of " + org
	default:
		about = "Assessment"
	}
	qn := in.Questionnaire
	source := inline(qn.Title)
	if qn.Version != "" {
		source += ", version " + inline(qn.Version)
	}
	d.para(fmt.Sprintf("%s against the questionnaire %s. Generated on %s by gapmap.",
		about, source, date(in.Generated)))
}

func writeSummary(d *doc, in Input) {
	ev, t := in.Evaluation, in.Plan.Timeline
	d.heading(2, "Summary")
	items := []listItem{
		{"**Readiness:** " + readinessSummary(ev.Overall)},
		{fmt.Sprintf("**Progress:** %d of %d applicable questions answered (%s)",
			ev.Overall.Answered, ev.Overall.Applicable, percent(ev.Overall.Progress()))},
		{"**Open gaps:** " + gapSummary(ev.GapsBySeverity)},
	}
	if n := len(ev.CommonFindings); n > 0 {
		items = append(items, listItem{fmt.Sprintf("**Common audit findings open:** %d (%s)", n, questionIDs(ev.CommonFindings))})
	}
	items = append(items,
		listItem{"**Target:** " + targetSummary(in.Assessment.Target)},
		listItem{"**Timeline:** " + timelineSummary(t)},
	)
	if s := targetDateCheck(in.Assessment.Target, t); s != "" {
		items = append(items, listItem{"**Against the target date:** " + s})
	}
	items = append(items, listItem{"**Remediation work:** " + workSummary(in.Assessment.Scope, t)})
	if s := caveats(ev, in.Plan); s != "" {
		items = append(items, listItem{"**Caveats:** " + s})
	}
	d.list(items)
}

func readinessSummary(s assessment.Score) string {
	if s.Scored == 0 {
		return "not measured yet: no question is answered"
	}
	return fmt.Sprintf("%s in place with evidence, weighted by severity, over %s",
		percent(s.Readiness), plural(s.Scored, "scored answer", "scored answers"))
}

func gapSummary(bySeverity map[questionnaire.Severity]int) string {
	total := 0
	parts := make([]string, len(questionnaire.Severities))
	for i, s := range questionnaire.Severities {
		total += bySeverity[s]
		parts[i] = fmt.Sprintf("%d %s", bySeverity[s], s)
	}
	if total == 0 {
		return "none"
	}
	return fmt.Sprintf("%d (%s)", total, strings.Join(parts, ", "))
}

func questionIDs(qs []*questionnaire.Question) string {
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = inline(q.ID)
	}
	return strings.Join(ids, ", ")
}

func targetSummary(t assessment.Target) string {
	s := t.Type.Title() + " report"
	if t.Type == assessment.TypeII {
		s += fmt.Sprintf(" with a %d-month observation window", t.WindowMonths)
	}
	if t.TargetDate != "" {
		s += ", wanted by " + inline(t.TargetDate)
	}
	if t.StartDate != "" {
		s += ", remediation starting " + inline(t.StartDate)
	}
	return s
}

// timelineSummary reads the timeline as sentences a founder can repeat:
// "Type I ready in about 9 weeks; earliest Type II report in about 41 weeks".
func timelineSummary(t roadmap.Timeline) string {
	parts := []string{"Type I ready " + inWeeks(t.ReadinessWeeks, t.Ready)}
	if t.Type == assessment.TypeII {
		window := fmt.Sprintf("then a %d-month observation window", t.WindowMonths)
		if t.WindowEnd != nil {
			window += " to " + date(*t.WindowEnd)
		}
		parts = append(parts, window,
			"earliest Type II report "+inWeeks(t.ReportWeeks, t.Report))
	} else {
		parts = append(parts, "Type I report "+inWeeks(t.ReportWeeks, t.Report))
	}
	return strings.Join(parts, "; ") +
		fmt.Sprintf(", after about %d weeks of auditor fieldwork and reporting", t.FieldworkWeeks)
}

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

// targetDateCheck compares the estimated report date with the date wanted,
// when both are known.
func targetDateCheck(target assessment.Target, t roadmap.Timeline) string {
	wanted, err := time.Parse(assessment.DateLayout, target.TargetDate)
	if err != nil || t.Report == nil {
		return ""
	}
	days := t.Report.Sub(wanted).Hours() / 24
	weeks := int(math.Ceil(math.Abs(days) / 7))
	if days > 0 {
		return fmt.Sprintf("about %s late for %s; add people, start sooner or narrow the scope",
			plural(weeks, "week", "weeks"), date(wanted))
	}
	return fmt.Sprintf("on track for %s, with about %s to spare", date(wanted), plural(weeks, "week", "weeks"))
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
	return fmt.Sprintf("%s for %s", personWeeks(t.WorkWeeks), people)
}

// caveats says what the estimate leaves out or assumes.
func caveats(ev assessment.Evaluation, p roadmap.Plan) string {
	var parts []string
	if n := len(p.ToConfirm); n > 0 {
		parts = append(parts, plural(n, "unknown answer is", "unknown answers are")+" planned as full gaps until confirmed")
	}
	if n := ev.Overall.Applicable - ev.Overall.Answered; n > 0 {
		parts = append(parts, plural(n, "question is", "questions are")+" not answered yet and not in the plan")
	}
	return strings.Join(parts, "; ")
}
