package report

import (
	"fmt"
	"strconv"

	"github.com/gapmap/gapmap/internal/assessment"
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

// writeCategories lists the categories in and out of scope, each with the
// recommendation the criteria screen showed for it.
func writeCategories(d *doc, a *assessment.Assessment) {
	d.heading(2, "Trust Services Categories")
	items := []listItem{{"**Security:** in scope, always: every SOC 2 report covers the common criteria (CC1 to CC9)"}}
	for _, r := range assessment.Recommend(a.Scope) {
		var s string
		switch {
		case a.Selected(r.Category) && r.Recommended:
			s = "in scope, as recommended: " + r.Reason
		case a.Selected(r.Category):
			s = "in scope, chosen for this assessment"
		case r.Recommended:
			s = "not in scope, though recommended: " + r.Reason
		default:
			s = "not in scope; " + r.Reason
		}
		items = append(items, listItem{fmt.Sprintf("**%s:** %s", inline(r.Category.Title()), s)})
	}
	d.list(items)
}

func writeReadiness(d *doc, ev assessment.Evaluation, report assessment.ReportType) {
	d.heading(2, "Readiness")
	d.para("Two figures, each weighting an answered question by its severity (critical 4, high 3, medium 2, low 1); " +
		"unanswered and not-applicable questions do not count. *Controls in place* counts a control in place in full, " +
		"without evidence at 75% and partly in place at 50%. *Auditable today* counts only controls in place " +
		"with evidence an auditor could test now.")
	figures := []struct {
		header string
		value  func(assessment.Score) string
	}{{"Controls in place", readiness}, {"Auditable today", auditable}}
	if report == assessment.TypeII {
		figures[0], figures[1] = figures[1], figures[0] // a Type II auditor tests only what has evidence
	}
	cols := []column{{header: "Answered", numeric: true}}
	for _, f := range figures {
		cols = append(cols, column{header: f.header, numeric: true})
	}
	cells := func(s assessment.Score) []string {
		return []string{answered(s), figures[0].value(s), figures[1].value(s)}
	}

	d.heading(3, "By category")
	rows := make([][]string, len(ev.Categories))
	for i, c := range ev.Categories {
		rows[i] = append([]string{inline(c.Category.Title())}, cells(c.Score)...)
	}
	d.table(append([]column{{header: "Category"}}, cols...), rows)

	d.heading(3, "By criterion")
	rows = make([][]string, len(ev.Criteria))
	for i, c := range ev.Criteria {
		rows[i] = append([]string{inline(c.Criterion.ID), inline(c.Criterion.Title)}, cells(c.Score)...)
	}
	d.table(append([]column{{header: "ID"}, {header: "Criterion"}}, cols...), rows)
}

func answered(s assessment.Score) string {
	return fmt.Sprintf("%d/%d", s.Answered, s.Applicable)
}
