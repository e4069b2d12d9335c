package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// maxFirstActions is how many Now entries the summary names: a list a
// founder can act on this month.
const maxFirstActions = 5

// maxRisks is how many of the gravest gaps the summary explains.
const maxRisks = 3

// writeFirstActions ends the summary with the first things to do, each with
// its owner and why, and the biggest risks in plain words, so that the
// first screen says what to do, not only how things stand.
func writeFirstActions(d *doc, in Input) {
	entries := in.Plan.Entries(roadmap.Now)
	if len(entries) == 0 {
		return
	}
	d.heading(3, "Start with these")
	items := make([]listItem, 0, maxFirstActions)
	for _, e := range entries[:min(maxFirstActions, len(entries))] {
		items = append(items, firstAction(e))
	}
	d.list(items)
	if risks := biggestRisks(in.Plan); len(risks) > 0 {
		d.heading(3, "Biggest risks")
		d.list(risks)
	}
}

// firstAction is a Now entry as one thing to do: its title, who owns it,
// why it comes first and, in the questionnaire's words, why it matters.
func firstAction(e roadmap.Entry) listItem {
	owner := "no owner yet"
	for _, it := range e.Items {
		if o := inline(it.Answer.Owner); o != "" {
			owner = o
			break
		}
	}
	title := inline(e.Title())
	if n := len(e.Items); n > 1 {
		title += fmt.Sprintf(" (%d gaps)", n)
	}
	why := "Why now: " + inline(e.Reason().Title())
	if s := firstSentence(e.Items[0].Question.Help.Why); s != "" {
		why += ". " + inline(s)
	}
	return listItem{fmt.Sprintf("**%s**, owner: %s", title, owner), why}
}

// biggestRisks are the gravest open gaps, critical first and common audit
// findings before the rest, each said in the questionnaire's plain words.
func biggestRisks(p roadmap.Plan) []listItem {
	gaps := make([]roadmap.Item, 0, len(p.Items))
	for _, it := range p.Items {
		if s := it.Question.Severity; s == questionnaire.Critical || s == questionnaire.High {
			gaps = append(gaps, it)
		}
	}
	sort.SliceStable(gaps, func(i, j int) bool {
		a, b := gaps[i].Question, gaps[j].Question
		if a.Severity != b.Severity {
			return a.Severity.Weight() > b.Severity.Weight()
		}
		return a.CommonFinding && !b.CommonFinding
	})
	var out []listItem
	for _, it := range gaps[:min(maxRisks, len(gaps))] {
		why := firstSentence(it.Question.Help.Why)
		if why == "" {
			why = it.Question.Text
		}
		out = append(out, listItem{fmt.Sprintf("**%s** (%s, %s): %s",
			inline(it.Title), strings.ToLower(it.Question.Severity.Title()), answerPhrase(it), inline(why))})
	}
	return out
}

// answerPhrase says how far the control is, in a few words.
func answerPhrase(it roadmap.Item) string {
	switch it.Answer.Value {
	case "no":
		return "not in place"
	case "partial":
		return "partly in place"
	case "no-evidence":
		return "in place without evidence"
	case "unknown":
		return "not known yet"
	}
	return strings.ToLower(it.Answer.Value.Short())
}

// firstSentence is the text up to and including its first full stop
// followed by a space, or all of it.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
