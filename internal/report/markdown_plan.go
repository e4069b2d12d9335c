package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

func writeRoadmap(d *doc, p roadmap.Plan) {
	d.heading(2, "Roadmap")
	if len(p.Items) == 0 {
		d.para("No open gaps: every answered question is in place with evidence.")
		return
	}
	d.para(fmt.Sprintf("%s, one per question, grouped in work packages that are set up once. "+
		"*Now* is where to start: at most %d entries and %d questions, each with the reason it is there. "+
		"*Next* is everything else, by priority. Nothing is listed before an item it depends on. "+
		"Work is in person-weeks left.",
		plural(len(p.Items), "item", "items"), roadmap.MaxNowEntries, roadmap.MaxNowQuestions))
	for _, ph := range roadmap.Phases {
		d.heading(3, inline(ph.Title()))
		entries := p.Entries(ph)
		if len(entries) == 0 {
			d.para("Nothing in this phase.")
			continue
		}
		// A package is a heading over its items; items without one are
		// listed together, each saying itself why it is there, under
		// "Other gaps" when a package came before them.
		var loose []listItem
		afterPackage := false
		flush := func() {
			if len(loose) > 0 {
				if afterPackage {
					d.heading(4, "Other gaps")
				}
				d.list(loose)
				loose = nil
			}
		}
		for _, e := range entries {
			if e.Package == nil {
				loose = append(loose, roadmapItem(e.Items[0], p))
				continue
			}
			flush()
			afterPackage = true
			d.heading(4, inline(e.Title()))
			d.para(entryAbout(e, ph))
			list := make([]listItem, len(e.Items))
			for i, it := range e.Items {
				list[i] = roadmapItem(it, p)
			}
			d.list(list)
		}
		flush()
	}
}

// entryAbout says why a Now entry is there and what its package costs.
func entryAbout(e roadmap.Entry, ph roadmap.Phase) string {
	var parts []string
	if ph == roadmap.Now {
		parts = append(parts, "Why now: "+inline(e.Reason().Title())+".")
	}
	if pk := e.Package; pk != nil {
		s := fmt.Sprintf("Package: %s of setup, paid once", personWeeks(pk.SetupWeeks))
		gaps := plural(len(pk.Items), "gap costs", "gaps cost")
		switch {
		case pk.Weeks < pk.AloneWeeks:
			s += fmt.Sprintf("; its %s %s together, %s alone", gaps, personWeeks(pk.Weeks), personWeeks(pk.AloneWeeks))
		case len(pk.Items) == 1:
			s += fmt.Sprintf("; its 1 gap costs less alone (%s), so it is planned alone", personWeeks(pk.AloneWeeks))
		default:
			s += fmt.Sprintf("; its %s less alone (%s), so they are planned alone", gaps, personWeeks(pk.AloneWeeks))
		}
		parts = append(parts, s+".")
	}
	return strings.Join(parts, " ")
}

// roadmapItem is a task: the question's title, a line of facts, why it
// sits where it does, and the first steps to close it.
func roadmapItem(it roadmap.Item, p roadmap.Plan) listItem {
	q := it.Question
	facts := []string{
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
		"[ ] **" + inline(it.Title) + "**: " + inline(q.Text),
		strings.Join(facts, " · "),
		"Why: " + inline(it.Rationale),
	}
	if r := inline(q.Help.NumberedSteps()); r != "" {
		lines = append(lines, "First steps: "+r)
	}
	return lines
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
	return "months " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
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

// questionTitle is the question's title in bold, then its ID, for the
// answer appendix where IDs stay.
func questionTitle(q *questionnaire.Question) string {
	return fmt.Sprintf("**%s** (%s)", inline(titleOf(q)), inline(q.ID))
}

// questionHeadline is the question's title in bold, then its text.
func questionHeadline(q *questionnaire.Question) string {
	return fmt.Sprintf("**%s**: %s", inline(titleOf(q)), inline(q.Text))
}

// writeWindow lays the Type II observation window out month by month: the
// recurring controls to set up before it opens and the runs due in each
// month, which the auditor asks to see.
func writeWindow(d *doc, t roadmap.Timeline) {
	w := t.Window
	if w == nil {
		return
	}
	d.heading(2, "During the observation window")
	when := fmt.Sprintf("It opens when the plan is ready, in about %s, and runs %d months",
		plural(t.ReadinessWeeks, "week", "weeks"), w.Months)
	if w.Start != nil {
		when = fmt.Sprintf("It opens when the plan is ready, on %s, and runs %d months to %s", date(*w.Start), w.Months, date(*w.End))
	}
	d.para(when + ". A Type II auditor asks for every run of a recurring control due inside the window, " +
		"so each must be set up before it opens and then run in the months below. " +
		"Settings and per-event controls must hold for the whole window.")
	if len(w.Runs) == 0 {
		d.para("No recurring control applies to this scope.")
		return
	}
	var setUp []string
	for _, r := range w.Runs {
		if r.Gap {
			setUp = append(setUp, inline(r.Title))
		}
	}
	if len(setUp) > 0 {
		d.para("**Set up before the window opens** (gaps in the roadmap): " + strings.Join(setUp, ", ") + ".")
	}
	items := make([]listItem, 0, w.Months)
	for m := 1; m <= w.Months; m++ {
		head := fmt.Sprintf("**Month %d**", m)
		if start := w.MonthStart(m); start != nil {
			head += " (from " + date(*start) + ")"
		}
		runs := w.RunsIn(m)
		if len(runs) == 0 {
			items = append(items, listItem{head + ": no recurring run due; keep settings and per-event records going"})
			continue
		}
		names := make([]string, len(runs))
		for i, r := range runs {
			names[i] = inline(r.Title) + " (" + string(r.Frequency) + ")"
		}
		items = append(items, listItem{head + ": " + strings.Join(names, "; ")})
	}
	d.list(items)
}

func writeToConfirm(d *doc, p roadmap.Plan) {
	d.heading(2, "Questions to confirm")
	if len(p.ToConfirm) == 0 {
		d.para("None: no question was answered \"Don't know\".")
		return
	}
	d.para("These were answered \"Don't know\". Each is planned as a full gap until someone confirms it, " +
		"and confirming it may shorten the plan.")
	items := make([]listItem, len(p.ToConfirm))
	for i, it := range p.ToConfirm {
		items[i] = withContext(questionHeadline(it.Question), it.Answer, false)
	}
	d.list(items)
}

func writeFollowUps(d *doc, p roadmap.Plan) {
	d.heading(2, "Follow-ups")
	if len(p.FollowUps) == 0 {
		d.para("None: no answer is flagged for follow-up.")
		return
	}
	d.para("Answers flagged for follow-up during the assessment.")
	items := make([]listItem, len(p.FollowUps))
	for i, f := range p.FollowUps {
		items[i] = withContext(questionHeadline(f.Question), f.Answer, true)
	}
	d.list(items)
}

// withContext is a list item for a question with the workshop context of
// its answer: the answer itself when showAnswer, owner, and the note.
func withContext(title string, ans assessment.Answer, showAnswer bool) listItem {
	var facts []string
	if showAnswer {
		facts = append(facts, "Answer: "+inline(answerLabel(ans, ans.Answered())))
	}
	if o := inline(ans.Owner); o != "" {
		facts = append(facts, "Owner: "+o)
	}
	if n := inline(ans.Note); n != "" {
		facts = append(facts, "Note: "+n)
	}
	item := listItem{title}
	if len(facts) > 0 {
		item = append(item, strings.Join(facts, " · "))
	}
	return item
}

// writeAppendix lists every applicable question by area with its answer and
// everything recorded with it.
func writeAppendix(d *doc, in Input) {
	d.heading(2, "Appendix: answers")
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
	item := listItem{questionTitle(q) + ": " + inline(q.Text), strings.Join(facts, " · ")}
	if n := inline(ans.Note); n != "" {
		item = append(item, "Note: "+n)
	}
	return item
}
