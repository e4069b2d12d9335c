package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
)

// writeScope is the scope in brief: what was assessed, the counts of what
// the system description holds, what data and which subservice
// organizations. The description itself is in an appendix.
func writeScope(d *doc, s assessment.Scope) {
	d.heading(2, "Scope")
	system := subject(s)
	if s.Headcount > 0 {
		system += ", " + plural(s.Headcount, "person", "people")
	}
	customer := 0
	for _, c := range s.Components {
		if c.CustomerData {
			customer++
		}
	}
	components := "none recorded"
	if n := len(s.Components); n > 0 {
		components = fmt.Sprintf("%d, %d of them with customer data", n, customer)
		switch {
		case n == 1 && customer == 1:
			components = "1, which holds customer data"
		case n == 1:
			components = "1, which holds no customer data"
		}
	}
	subs := make([]string, len(s.Subservices))
	for i, sub := range s.Subservices {
		subs[i] = inline(sub.Name)
		if m := inline(string(sub.Method)); m != "" {
			subs[i] += " (" + m + ")"
		}
	}
	count := func(n int) string {
		if n == 0 {
			return "none recorded"
		}
		return strconv.Itoa(n)
	}
	d.list([]listItem{
		{"**System:** " + system},
		{"**Components:** " + components},
		{"**Data handled:** " + orNoneRecorded(strings.Join(dataTypeLabels(s.DataTypes), "; "))},
		{"**Subservice organizations:** " + orNoneRecorded(strings.Join(subs, "; "))},
		{"**Teams with privileged access:** " + count(len(inlineAll(s.PrivilegedTeams)))},
		{"**Customer responsibilities (CUECs):** " + count(len(inlineAll(s.CUECs)))},
	})
	d.para("The full system description is in " + appendixLink("system description") + ".")
}

func orNoneRecorded(s string) string {
	if s == "" {
		return "none recorded"
	}
	return s
}

// writeSystemDescription writes the system description an auditor reads
// (DC 200). Empty parts say so, since a missing part of the description is
// itself a gap.
func writeSystemDescription(d *doc, s assessment.Scope) {
	d.heading(2, appendixPrefix+"system description")
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
	switch {
	case s.Capacity == 1:
		capacity = "1 person (full-time equivalent)"
	case s.Capacity > 0:
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
	d.heading(3, "Trust Services categories")
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
			s = "not in scope"
		}
		items = append(items, listItem{fmt.Sprintf("**%s:** %s", inline(r.Category.Title()), s)})
	}
	d.list(items)
}

// writeReadiness is readiness by category; the criteria are in an appendix.
func writeReadiness(d *doc, ev assessment.Evaluation, report assessment.ReportType) {
	d.heading(2, "Readiness by category")
	d.para("Each criterion is in " + appendixLink("readiness by criterion") + ", with how the figures are weighted.")
	cols, cells := readinessColumns(report)
	rows := make([][]string, len(ev.Categories))
	for i, c := range ev.Categories {
		rows[i] = append([]string{inline(c.Category.Title())}, cells(c.Score)...)
	}
	d.table(append([]column{{header: "Category"}}, cols...), rows)
}

// readinessColumns are the columns of a readiness table after its labels,
// the figure that leads first as in the summary, and the cells of a score.
func readinessColumns(report assessment.ReportType) ([]column, func(assessment.Score) []string) {
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
	return cols, cells
}

func answered(s assessment.Score) string {
	return fmt.Sprintf("%d/%d", s.Answered, s.Applicable)
}
