package report

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
	"github.com/gapmap/gapmap/internal/sanitize"
)

// htmlView is what the HTML template shows. Strings are plain text: the
// template escapes them.
type htmlView struct {
	CSS        template.CSS
	CSP        string
	Title      string
	About      string
	PreparedBy string
	Generated  string
	Source     string
	Logo       template.URL
	Draft      bool

	Figures  []htmlFigure
	Bars     htmlBars
	Timeline htmlTimeline
	Dates    []Fact
	Phases   []htmlPhase
	Window   *htmlWindow
	Heat     []htmlHeatGroup
	ISO      *htmlISO
	Scope    htmlScope
	Confirm  []htmlNote
	Follow   []htmlNote
	Areas    []htmlArea
}

type htmlFigure struct{ Label, Value, Note string }

func newHTMLView(in Input) (htmlView, error) {
	logo, err := logoURI(in.Brand.Logo)
	if err != nil {
		return htmlView{}, err
	}
	a := in.Assessment
	title := text(in.Brand.Title)
	if title == "" {
		title = "SOC 2 readiness: " + oneLineOr(text(a.Name), "unnamed assessment")
	}
	source := text(in.Questionnaire.Title)
	if v := text(in.Questionnaire.Version); v != "" {
		source += ", version " + v
	}
	v := htmlView{
		CSS:        template.CSS(htmlCSS),
		CSP:        contentSecurityPolicy(htmlCSS),
		Title:      title,
		About:      aboutLine(a.Scope),
		PreparedBy: text(in.Brand.PreparedBy),
		Generated:  day(in.Generated),
		Source:     source,
		Logo:       logo,
		Draft:      in.Brand.Draft,
		Figures:    figures(in),
		Bars:       readinessBars(in.Evaluation),
		Timeline:   timelineChart(in.Plan.Timeline),
		Dates:      TimelineFactsOn(a, in.Evaluation, in.Plan, in.Generated),
		Phases:     phases(in),
		Window:     windowTable(in),
		Heat:       heatMap(in),
		ISO:        isoView(in),
		Scope:      scopeView(a.Scope),
		Confirm:    notes(in.Plan.ToConfirm, nil),
		Follow:     notes(nil, in.Plan.FollowUps),
		Areas:      answerAreas(in),
	}
	return v, nil
}

// text is user text for the HTML: escape sequences and control characters
// removed (the template escapes the markup).
func text(s string) string { return strings.TrimSpace(sanitize.Text(s)) }

func aboutLine(s assessment.Scope) string {
	sys, org := text(s.System), text(s.Organization)
	switch {
	case sys != "" && org != "":
		return sys + " at " + org
	case sys != "":
		return sys
	}
	return org
}

func figures(in Input) []htmlFigure {
	ev, t := in.Evaluation, in.Plan.Timeline
	open := 0
	for _, n := range ev.GapsBySeverity {
		open += n
	}
	var out []htmlFigure
	for _, f := range Figures(ev.Overall, t.Type) {
		value := "—"
		switch {
		case ev.Overall.Scored == 0:
		case f.Label == "Auditable today":
			value = percent(ev.Overall.Auditable)
		default:
			value = percent(ev.Overall.Readiness)
		}
		note := "in place, by severity"
		if f.Label == "Auditable today" {
			note = "in place with evidence an auditor could test now"
		}
		out = append(out, htmlFigure{f.Label, value, note})
	}
	out = append(out, htmlFigure{"Open gaps", fmt.Sprint(open), fmt.Sprintf("%d critical, %d high; %d of %d questions answered",
		ev.GapsBySeverity[questionnaire.Critical], ev.GapsBySeverity[questionnaire.High], ev.Overall.Answered, ev.Overall.Applicable)})
	report := fmt.Sprintf("in about %s", plural(t.ReportWeeks, "week", "weeks"))
	if t.Report != nil {
		report = date(*t.Report)
	}
	out = append(out, htmlFigure{"Earliest " + t.Type.Title() + " report", report, personWeeks(t.WorkWeeks) + " of work for " + peopleCount(t.Capacity)})
	return out
}

func peopleCount(c float64) string {
	if c == 1 {
		return "1 person"
	}
	return number(c) + " people"
}

// htmlBars is the readiness bar chart: overall, then each category.
type htmlBars struct {
	Height int
	Rows   []htmlBar
}

type htmlBar struct {
	Label, Value         string
	Y, Width, InnerWidth int
	Measured             bool
}

const barWidth = 380

func readinessBars(ev assessment.Evaluation) htmlBars {
	add := func(b *htmlBars, label string, s assessment.Score) {
		bar := htmlBar{Label: label, Value: "not measured", Y: len(b.Rows) * 30, Measured: s.Scored > 0}
		if bar.Measured {
			bar.Width = int(math.Round(s.Readiness * barWidth))
			bar.InnerWidth = int(math.Round(s.Auditable * barWidth))
			bar.Value = percent(s.Readiness) + " · " + percent(s.Auditable)
		}
		b.Rows = append(b.Rows, bar)
	}
	var b htmlBars
	add(&b, "Overall", ev.Overall)
	for _, c := range ev.Categories {
		add(&b, c.Category.Title(), c.Score)
	}
	b.Height = len(b.Rows) * 30
	return b
}

// htmlTimeline is the Gantt-like chart of remediation, the Type II window
// and the auditor's weeks, a row each, scaled to the weeks to the report.
type htmlTimeline struct {
	Height int
	Rows   []htmlSpan
	Start  string
	End    string
}

type htmlSpan struct {
	Label, Detail, Class string
	X, Y, Width          int
}

const timelineWidth = 520

func timelineChart(t roadmap.Timeline) htmlTimeline {
	total := max(t.ReportWeeks, 1)
	scale := func(w int) int { return int(math.Round(float64(w) * timelineWidth / float64(total))) }
	var out htmlTimeline
	at := 0
	add := func(label, class string, weeks int, end string) {
		detail := plural(weeks, "week", "weeks")
		if end != "" {
			detail += ", to " + end
		}
		out.Rows = append(out.Rows, htmlSpan{Label: label, Detail: detail, Class: class,
			X: scale(at), Y: len(out.Rows) * 46, Width: max(scale(at+weeks)-scale(at), 3)})
		at += weeks
	}
	add("Remediation", "work", t.ReadinessWeeks, optionalDate(t.Ready))
	if t.Type == assessment.TypeII {
		add(fmt.Sprintf("Observation window (%d months)", t.WindowMonths), "window", t.WindowWeeks(), optionalDate(t.WindowEnd))
	}
	add("Audit fieldwork and report", "audit", t.FieldworkWeeks, optionalDate(t.Report))
	out.Height = len(out.Rows) * 46
	out.Start, out.End = "Week 0", fmt.Sprintf("Week %d", t.ReportWeeks)
	if t.Start != nil {
		out.Start = date(*t.Start)
	}
	if t.Report != nil {
		out.End = date(*t.Report)
	}
	return out
}
