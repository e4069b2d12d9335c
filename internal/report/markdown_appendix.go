package report

import (
	"fmt"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// writePlanDetails lists every gap by work package, each with what it
// costs, why it sits where it does and its first steps: what a reader
// looks up from the plan.
func writePlanDetails(d *doc, p roadmap.Plan) {
	if len(p.Items) == 0 {
		return
	}
	d.heading(2, appendixPrefix+"plan details")
	d.para("Every gap of the plan by work package, in plan order, with its first steps. Work is in person-weeks left.")
	byID := make(map[string]roadmap.Item, len(p.Items))
	for _, it := range p.Items {
		byID[it.ID()] = it
	}
	for _, pk := range p.Packages {
		d.heading(3, "Work package: "+inline(pk.Title))
		d.para(packageCost(pk))
		items := make([]nestedItem, len(pk.Items))
		for i, id := range pk.Items {
			items[i] = planItem(byID[id], p)
		}
		d.nestedList(items)
	}
	var loose []nestedItem
	for _, it := range p.Items {
		if it.Package == "" {
			loose = append(loose, planItem(it, p))
		}
	}
	if len(loose) > 0 {
		d.heading(3, "Gaps outside a work package")
		d.nestedList(loose)
	}
}

// packageCost says what a package's setup costs and whether closing its
// gaps together saves work.
func packageCost(pk roadmap.Package) string {
	s := fmt.Sprintf("Setup: %s, paid once", personWeeks(pk.SetupWeeks))
	n := len(pk.Items)
	switch {
	case pk.Weeks < pk.AloneWeeks && n == 1:
		s += fmt.Sprintf("; its one gap costs %s with the setup, %s alone", personWeeks(pk.Weeks), personWeeks(pk.AloneWeeks))
	case pk.Weeks < pk.AloneWeeks:
		s += fmt.Sprintf("; its %d gaps cost %s together, %s alone", n, personWeeks(pk.Weeks), personWeeks(pk.AloneWeeks))
	case n == 1:
		s += fmt.Sprintf("; its one gap costs less alone (%s), so it is planned alone", personWeeks(pk.AloneWeeks))
	default:
		s += fmt.Sprintf("; its %d gaps cost less alone (%s), so they are planned alone", n, personWeeks(pk.AloneWeeks))
	}
	return s + "."
}

// planItem is a gap in full: its title and question, a line of facts, why
// it sits where it does, and its first steps as a numbered list.
func planItem(it roadmap.Item, p roadmap.Plan) nestedItem {
	q := it.Question
	phase := "Next"
	if it.Phase == roadmap.Now {
		phase = "Now (" + it.Reason.Title() + ")"
	}
	facts := []string{
		phase,
		inline(strings.Join(q.Criteria, ", ")),
		string(q.Severity),
		fmt.Sprintf("effort %s, %s left", inline(string(q.Effort)), personWeeks(it.PlannedWeeks)),
	}
	if it.LeadTimeWeeks > 0 {
		facts = append(facts, fmt.Sprintf("lead time about %s weeks", number(it.LeadTimeWeeks)))
	}
	if run, ok := p.Timeline.Window.RunOf(q.ID); ok {
		facts = append(facts, "set up before the window, runs in "+WindowMonths(run.Months))
	}
	if o := inline(it.Answer.Owner); o != "" {
		facts = append(facts, "owner: "+o)
	}
	if len(it.DependsOn) > 0 {
		facts = append(facts, "after: "+inline(strings.Join(itemTitles(p, it.DependsOn), ", ")))
	}
	lines := listItem{
		"**" + inline(it.Title) + "**: " + inline(q.Text),
		strings.Join(facts, " · "),
		"Why: " + inline(it.Rationale),
	}
	var steps []string
	for _, s := range q.Help.FirstSteps {
		if s := inline(s); s != "" {
			steps = append(steps, s)
		}
	}
	if len(steps) > 0 {
		lines = append(lines, "First steps:")
	}
	return nestedItem{lines: lines, sub: steps, ordered: len(steps) > 1}
}

// itemTitles are the titles of the items with the given IDs.
func itemTitles(p roadmap.Plan, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		for _, it := range p.Items {
			if it.ID() == id {
				out[i] = it.Title
				break
			}
		}
	}
	return out
}

// writeCriteria is readiness criterion by criterion, with the figures in
// the order the summary gives them.
func writeCriteria(d *doc, ev assessment.Evaluation, report assessment.ReportType) {
	d.heading(2, appendixPrefix+"readiness by criterion")
	d.para("Both figures weight each answered question by its severity (critical 4, high 3, medium 2, low 1); " +
		"unanswered and not-applicable questions do not count. *Controls in place* counts a control without evidence " +
		"at 75% and one partly in place at 50%; *auditable today* counts only controls in place with evidence.")
	cols, cells := readinessColumns(report)
	rows := make([][]string, len(ev.Criteria))
	for i, c := range ev.Criteria {
		rows[i] = append([]string{inline(c.Criterion.ID), inline(c.Criterion.Title)}, cells(c.Score)...)
	}
	d.table(append([]column{{header: "ID"}, {header: "Criterion"}}, cols...), rows)
}

func writeFollowUps(d *doc, p roadmap.Plan) {
	d.heading(2, appendixPrefix+"follow-ups")
	if len(p.FollowUps) == 0 {
		d.para("None: no answer is flagged for follow-up.")
		return
	}
	d.para("Answers flagged for follow-up during the assessment.")
	items := make([]listItem, len(p.FollowUps))
	for i, f := range p.FollowUps {
		items[i] = withContext(questionHeadline(f.Question), f.Answer)
	}
	d.list(items)
}

// questionHeadline is the question's title in bold, then its text.
func questionHeadline(q *questionnaire.Question) string {
	return fmt.Sprintf("**%s**: %s", inline(titleOf(q)), inline(q.Text))
}

// withContext is a list item for a question with the workshop context of
// its answer: the answer itself, its owner and the note.
func withContext(title string, ans assessment.Answer) listItem {
	facts := []string{"Answer: " + inline(answerLabel(ans, ans.Answered()))}
	if o := inline(ans.Owner); o != "" {
		facts = append(facts, "Owner: "+o)
	}
	if n := inline(ans.Note); n != "" {
		facts = append(facts, "Note: "+n)
	}
	return listItem{title, strings.Join(facts, " · ")}
}

// writeAppendix lists every applicable question by area with its answer and
// everything recorded with it.
func writeAppendix(d *doc, in Input) {
	d.heading(2, appendixPrefix+"answers")
	d.para("Every question that applies to this scope, by area, with its answer and what was recorded with it.")
	ev := in.Evaluation
	for _, area := range ev.Areas {
		d.heading(3, inline(area.Area.Title))
		var items []listItem
		for _, q := range ev.Questions {
			if q.Area == area.Area.ID {
				ans, ok := in.Assessment.Answer(q.ID)
				items = append(items, appendixItem(q, ans, ok))
			}
		}
		d.list(items)
	}
}

func appendixItem(q *questionnaire.Question, ans assessment.Answer, answered bool) listItem {
	facts := []string{"Answer: " + answerLabel(ans, answered)}
	add := func(label, value string) {
		if v := inline(value); v != "" {
			facts = append(facts, label+": "+v)
		}
	}
	add("Owner", ans.Owner)
	add("Answered by", ans.AnsweredBy)
	add("Evidence", ans.Evidence)
	if ans.Flagged {
		facts = append(facts, "flagged for follow-up")
	}
	item := listItem{fmt.Sprintf("**%s** (%s): %s", inline(titleOf(q)), inline(q.ID), inline(q.Text)), strings.Join(facts, " · ")}
	if n := inline(ans.Note); n != "" {
		item = append(item, "Note: "+n)
	}
	return item
}
