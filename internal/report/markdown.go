package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Markdown writes the readiness report and roadmap: the deliverable a
// founder pastes into a tracker or a consultant hands to a client.
func Markdown(w io.Writer, in Input) error {
	d := newDoc()
	writeHeader(d, in)
	writeSummary(d, in)
	writeFirstActions(d, in)
	writeRoadmap(d, in.Plan)
	writeWindow(d, in.Plan.Timeline)
	writeScope(d, in.Assessment.Scope)
	writeCategories(d, in.Assessment)
	writeReadiness(d, in.Evaluation, in.Assessment.Target.Type)
	writeISO(d, in)
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
	ev := in.Evaluation
	d.heading(2, "Summary")
	var items []listItem
	fact := func(f Fact) listItem { return listItem{"**" + inline(f.Label) + ":** " + inline(f.Text)} }
	for _, f := range Figures(ev.Overall, in.Assessment.Target.Type) {
		items = append(items, fact(f))
	}
	items = append(items,
		listItem{fmt.Sprintf("**Progress:** %d of %d applicable questions answered (%s)",
			ev.Overall.Answered, ev.Overall.Applicable, percent(ev.Overall.Progress()))},
		listItem{"**Open gaps:** " + gapSummary(ev.GapsBySeverity)},
	)
	if n := len(ev.CommonFindings); n > 0 {
		items = append(items, listItem{fmt.Sprintf("**Common audit findings open:** %d (%s)", n, questionTitles(ev.CommonFindings))})
	}
	items = append(items, listItem{"**Target:** " + targetSummary(in.Assessment.Target)})
	for _, f := range TimelineFacts(in.Assessment, ev, in.Plan) {
		items = append(items, fact(f))
	}
	d.list(items)
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

func questionTitles(qs []*questionnaire.Question) string {
	titles := make([]string, len(qs))
	for i, q := range qs {
		titles[i] = inline(titleOf(q))
	}
	return strings.Join(titles, ", ")
}

// titleOf is a question's short title, or its ID when it has none.
func titleOf(q *questionnaire.Question) string {
	if q.Title != "" {
		return q.Title
	}
	return q.ID
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
