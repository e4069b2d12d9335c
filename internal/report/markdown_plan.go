package report

import (
	"fmt"
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
	d.para(fmt.Sprintf("%s in three phases. Nothing is listed before an item it depends on; "+
		"within a phase the most important come first. Work is in person-weeks left.",
		plural(len(p.Items), "item", "items")))
	for _, ph := range roadmap.Phases {
		d.heading(3, inline(ph.Title()))
		items := p.Phase(ph)
		if len(items) == 0 {
			d.para("Nothing in this phase.")
			continue
		}
		list := make([]listItem, len(items))
		for i, it := range items {
			list[i] = roadmapItem(it)
		}
		d.list(list)
	}
}

// roadmapItem is a task: the question, a line of facts, why it sits where
// it does, and the first steps to close it.
func roadmapItem(it roadmap.Item) listItem {
	q := it.Question
	facts := []string{
		inline(strings.Join(q.Criteria, ", ")),
		string(q.Severity),
		fmt.Sprintf("effort %s, %s left", inline(string(q.Effort)), personWeeks(it.Weeks)),
	}
	if o := inline(it.Answer.Owner); o != "" {
		facts = append(facts, "owner: "+o)
	}
	if len(it.DependsOn) > 0 {
		facts = append(facts, "after: "+inline(strings.Join(it.DependsOn, ", ")))
	}
	lines := listItem{
		"[ ] " + questionTitle(q),
		strings.Join(facts, " · "),
		"Why: " + inline(it.Rationale),
	}
	if r := inline(q.Help.NumberedSteps()); r != "" {
		lines = append(lines, "First steps: "+r)
	}
	return lines
}

// questionTitle is the question in bold, then its ID.
func questionTitle(q *questionnaire.Question) string {
	text := inline(q.Text)
	if text == "" {
		text = inline(q.ID)
	}
	return fmt.Sprintf("**%s** (%s)", text, inline(q.ID))
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
		items[i] = withContext(questionTitle(it.Question), it.Answer, false)
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
		items[i] = withContext(questionTitle(f.Question), f.Answer, true)
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
	item := listItem{questionTitle(q), strings.Join(facts, " · ")}
	if n := inline(ans.Note); n != "" {
		item = append(item, "Note: "+n)
	}
	return item
}
