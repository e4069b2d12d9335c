package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// writePlan is the plan as the body shows it: each Now entry with the
// reason it is there, its owners and its gaps by title; Next one row per
// entry. What each gap is and how to close it is in the plan details
// appendix.
func writePlan(d *doc, p roadmap.Plan) {
	d.heading(2, "Plan")
	if len(p.Items) == 0 {
		d.para("No open gaps: every answered question is in place with evidence.")
		return
	}
	d.para(fmt.Sprintf("%s to close, in work packages set up once. Start with *Now*, then work down *Next*. "+
		"Each gap's details and first steps are in "+appendixLink("plan details")+".",
		plural(len(p.Items), "gap", "gaps")))

	d.heading(3, roadmap.Now.Title())
	if now := p.Entries(roadmap.Now); len(now) > 0 {
		items := make([]nestedItem, len(now))
		for i, e := range now {
			items[i] = nowEntry(e)
		}
		d.nestedList(items)
	} else {
		d.para("Nothing in this phase: no gap is critical, a common audit finding, a quick win or a long wait.")
	}

	d.heading(3, roadmap.Next.Title())
	next := p.Entries(roadmap.Next)
	if len(next) == 0 {
		d.para("Nothing in this phase.")
		return
	}
	rows := make([][]string, len(next))
	for i, e := range next {
		rows[i] = []string{inline(e.Title()), strconv.Itoa(len(e.Items)), string(mostSevere(e)), strings.Join(ownersOf(e), ", ")}
	}
	d.table([]column{{header: "Work package or gap"}, {header: "Gaps", numeric: true}, {header: "Most severe"}, {header: "Owners"}}, rows)
}

// nowEntry is a Now entry: its title, why it is in Now and who owns it,
// with a package's gaps listed under it as tasks; a gap outside a package
// is a task itself.
func nowEntry(e roadmap.Entry) nestedItem {
	about := inline(e.Reason().Title()) + " · " + entryOwners(e)
	if e.Package == nil {
		it := e.Items[0]
		return nestedItem{lines: listItem{"[ ] **" + inline(it.Title) + "** (" + taskNote(it) + "): " + about}}
	}
	sub := make([]string, len(e.Items))
	for i, it := range e.Items {
		sub[i] = "[ ] " + inline(it.Title) + " (" + taskNote(it) + ")"
	}
	return nestedItem{lines: listItem{"**" + inline(e.Title()) + "**: " + about}, sub: sub}
}

// taskNote is what the plan says of a gap after its title: its severity
// and whether it is still to be confirmed.
func taskNote(it roadmap.Item) string {
	if it.Answer.Value == assessment.Unknown {
		return string(it.Question.Severity) + ", to confirm"
	}
	return string(it.Question.Severity)
}

// mostSevere is the gravest severity among an entry's gaps.
func mostSevere(e roadmap.Entry) questionnaire.Severity {
	s := e.Items[0].Question.Severity
	for _, it := range e.Items[1:] {
		if it.Question.Severity.Weight() > s.Weight() {
			s = it.Question.Severity
		}
	}
	return s
}

// WindowMonths names the months of the observation window a control runs
// in: "month 3", "months 1 and 4", "months 1, 2, 3 and 4".
func WindowMonths(months []int) string {
	names := make([]string, len(months))
	for i, m := range months {
		names[i] = strconv.Itoa(m)
	}
	if len(names) == 1 {
		return "month " + names[0]
	}
	return "months " + andList(names)
}

// writeWindow lays the Type II observation window out month by month: the
// recurring controls due in each month, which the auditor asks to see, the
// monthly ones said once.
func writeWindow(d *doc, t roadmap.Timeline, answers map[string]assessment.Answer) {
	w := t.Window
	if w == nil {
		return
	}
	d.heading(2, "Observation window calendar")
	when := fmt.Sprintf("The %d-month window opens when the plan is ready, in about %s.",
		w.Months, plural(t.ReadinessWeeks, "week", "weeks"))
	if w.Start != nil {
		when = fmt.Sprintf("The %d-month window runs from %s to %s.", w.Months, date(*w.Start), date(*w.End))
	}
	if len(w.Runs) == 0 {
		d.para(when + " No recurring control applies to this scope; settings and per-event controls must hold throughout.")
		return
	}
	d.para(when + " The auditor asks for every run due inside it: set up each control below before it opens, " +
		"unless marked in place. Settings and per-event controls must hold throughout.")
	name := func(r roadmap.Run) string {
		s := inline(r.Title)
		if !r.Gap {
			if ans, ok := answers[r.Question.ID]; ok && ans.Value == assessment.Yes {
				return s + " (in place)"
			}
			return s + " (not answered)"
		}
		return s
	}
	// A control that runs more than once in the window is said once, on a
	// line of its frequency; each month lists the controls due only then.
	var items []listItem
	for _, f := range questionnaire.Frequencies {
		var names []string
		var months []int
		for _, r := range w.Runs {
			if r.Frequency == f && len(r.Months) > 1 {
				names, months = append(names, name(r)), r.Months
			}
		}
		if len(names) > 0 {
			head := "**" + every(f) + "**"
			if f != questionnaire.Monthly {
				head += " (" + WindowMonths(months) + ")"
			}
			items = append(items, listItem{head + ": " + strings.Join(names, "; ")})
		}
	}
	repeated := len(items) > 0
	for m := 1; m <= w.Months; m++ {
		head := fmt.Sprintf("**Month %d**", m)
		if start := w.MonthStart(m); start != nil {
			head += " (from " + date(*start) + ")"
		}
		var names []string
		for _, r := range w.RunsIn(m) {
			if len(r.Months) == 1 {
				names = append(names, name(r))
			}
		}
		switch {
		case len(names) > 0:
			items = append(items, listItem{head + ": " + strings.Join(names, "; ")})
		case repeated:
			items = append(items, listItem{head + ": only the controls above"})
		default:
			items = append(items, listItem{head + ": no recurring run due; keep settings and per-event records going"})
		}
	}
	d.list(items)
}

// every is how often a frequency comes round: "Every quarter".
func every(f questionnaire.Frequency) string {
	switch f {
	case questionnaire.Monthly:
		return "Every month"
	case questionnaire.Quarterly:
		return "Every quarter"
	case questionnaire.Semiannual:
		return "Every six months"
	}
	return "Every year"
}

func writeToConfirm(d *doc, p roadmap.Plan) {
	d.heading(2, "Questions to confirm")
	if len(p.ToConfirm) == 0 {
		d.para("None: no question was answered \"Don't know\".")
		return
	}
	d.para(plural(len(p.ToConfirm), "question was", "questions were") +
		" answered \"Don't know\". Each is planned as a full gap; confirming it may shorten the plan.")
	items := make([]listItem, len(p.ToConfirm))
	for i, it := range p.ToConfirm {
		owner := "no owner yet"
		if o := inline(it.Answer.Owner); o != "" {
			owner = "ask " + o
		}
		items[i] = listItem{fmt.Sprintf("**%s**: %s", inline(it.Title), owner)}
		if n := inline(it.Answer.Note); n != "" {
			items[i] = append(items[i], n)
		}
	}
	d.list(items)
}
