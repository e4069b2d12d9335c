package report

import (
	"fmt"
	"strconv"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// writeScope writes the system description an auditor reads (DC 200). Empty
// parts say so, since a missing part of the description is itself a gap.
func writeScope(d *doc, s assessment.Scope) {
	d.heading(2, "Scope")
	field := func(label, value string) listItem {
		if value == "" {
			value = "not recorded"
		}
		return listItem{"**" + label + ":** " + value}
	}
	headcount := ""
	if s.Headcount > 0 {
		headcount = strconv.Itoa(s.Headcount)
	}
	capacity := "not given (1 person assumed)"
	if s.Capacity > 0 {
		capacity = number(s.Capacity) + " people (full-time equivalent)"
	}
	d.list([]listItem{
		field("Organization", inline(s.Organization)),
		field("System", inline(s.System)),
		field("Description", inline(s.Description)),
		field("Headcount", headcount),
		field("Remediation capacity", capacity),
	})

	d.heading(3, "System components")
	if len(s.Components) == 0 {
		d.para("None recorded.")
	} else {
		rows := make([][]string, len(s.Components))
		for i, c := range s.Components {
			rows[i] = []string{inline(c.Name), inline(string(c.Kind)), yesNo(c.CustomerData)}
		}
		d.table([]column{{header: "Component"}, {header: "Kind"}, {header: "Customer data"}}, rows)
	}

	d.heading(3, "Data handled")
	d.list(orNone(dataTypeLabels(s.DataTypes)))

	d.heading(3, "Teams with privileged access")
	d.list(orNone(inlineAll(s.PrivilegedTeams)))

	writeSubservices(d, s.Subservices)

	d.heading(3, "Customer responsibilities (CUECs)")
	d.list(orNone(inlineAll(s.CUECs)))
}

func writeSubservices(d *doc, subs []assessment.Subservice) {
	d.heading(3, "Subservice organizations")
	if len(subs) == 0 {
		d.para("None recorded.")
		return
	}
	rows := make([][]string, len(subs))
	for i, s := range subs {
		method := inline(string(s.Method))
		if method == "" {
			method = "not decided"
		}
		report := "Not available"
		if s.HasReport {
			report = "Available"
		}
		rows[i] = []string{inline(s.Name), inline(s.Service), method, report}
	}
	d.table([]column{{header: "Organization"}, {header: "Service"}, {header: "Method"}, {header: "SOC 2 report"}}, rows)
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

func inlineAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if t := inline(s); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func dataTypeLabels(ts []assessment.DataType) []string {
	var out []string
	for _, t := range ts {
		label := inline(string(t))
		for _, known := range assessment.DataTypes {
			if known.Type == t {
				label = inline(known.Label)
			}
		}
		if label != "" {
			out = append(out, label)
		}
	}
	return out
}

// orNone makes a list of lines, or a single "None recorded." line.
func orNone(lines []string) []listItem {
	if len(lines) == 0 {
		return []listItem{{"None recorded."}}
	}
	items := make([]listItem, len(lines))
	for i, l := range lines {
		items[i] = listItem{l}
	}
	return items
}

// categoryReasons says which scope fact makes a category worth having, and
// why, as the criteria screen recommends it.
var categoryReasons = map[questionnaire.Category]struct{ fact, why string }{
	questionnaire.Availability:    {"has_sla", "uptime or availability is promised in contracts"},
	questionnaire.Confidentiality: {"customer_content", "customers store their own content, which contracts usually treat as confidential"},
	questionnaire.Privacy:         {"personal_data", "personal data about individuals is handled"},
}

func writeCategories(d *doc, a *assessment.Assessment) {
	d.heading(2, "Trust Services Categories")
	facts := a.Scope.Facts()
	var items []listItem
	for _, c := range questionnaire.Categories {
		reason, hasReason := categoryReasons[c]
		suggested := hasReason && facts[reason.fact]
		var s string
		switch {
		case c == questionnaire.Security:
			s = "in scope, always: every SOC 2 report covers the common criteria (CC1 to CC9)"
		case a.Selected(c) && suggested:
			s = "in scope, chosen because " + reason.why
		case a.Selected(c):
			s = "in scope, chosen for this assessment"
		case suggested:
			s = "not in scope; worth considering, since " + reason.why
		default:
			s = "not in scope"
		}
		items = append(items, listItem{fmt.Sprintf("**%s:** %s", inline(c.Title()), s)})
	}
	d.list(items)
}

func writeReadiness(d *doc, ev assessment.Evaluation) {
	d.heading(2, "Readiness")
	d.para("Readiness is the share of answered questions in place with evidence, each weighted by severity " +
		"(critical 4, high 3, medium 2, low 1). Unanswered and not-applicable questions do not count.")
	cols := []column{{header: "Answered", numeric: true}, {header: "Readiness", numeric: true}}

	d.heading(3, "By category")
	rows := make([][]string, len(ev.Categories))
	for i, c := range ev.Categories {
		rows[i] = []string{inline(c.Category.Title()), answered(c.Score), readiness(c.Score)}
	}
	d.table(append([]column{{header: "Category"}}, cols...), rows)

	d.heading(3, "By criterion")
	rows = make([][]string, len(ev.Criteria))
	for i, c := range ev.Criteria {
		rows[i] = []string{inline(c.Criterion.ID), inline(c.Criterion.Title), answered(c.Score), readiness(c.Score)}
	}
	d.table(append([]column{{header: "ID"}, {header: "Criterion"}}, cols...), rows)
}

func answered(s assessment.Score) string {
	return fmt.Sprintf("%d/%d", s.Answered, s.Applicable)
}
