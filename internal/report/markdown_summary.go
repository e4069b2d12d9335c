package report

import (
	"fmt"
	"slices"
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
	said := map[string]bool{} // sentences said once need not be said again
	for _, e := range entries[:min(maxFirstActions, len(entries))] {
		items = append(items, firstAction(e, said))
	}
	d.list(items)
	if risks := biggestRisks(in.Plan, said); len(risks) > 0 {
		d.heading(3, "Biggest risks")
		d.list(risks)
	}
}

// firstAction is a Now entry as one thing to do: its title, who owns it,
// why it comes first and, in the questionnaire's words, why it matters.
func firstAction(e roadmap.Entry, said map[string]bool) listItem {
	title := inline(e.Title())
	if n := len(e.Items); n > 1 {
		title += fmt.Sprintf(" (%d gaps)", n)
	}
	why := "Why now: " + inline(e.Reason().Title())
	if s := firstSentence(reasonItem(e).Question.Help.Why); s != "" {
		why += ". " + inline(s)
		said[s] = true
	}
	return listItem{fmt.Sprintf("**%s**, %s", title, entryOwners(e)), why}
}

// reasonItem is the item an entry's reason comes from, so that the
// sentence saying why it matters is about the gap that put it in Now.
func reasonItem(e roadmap.Entry) roadmap.Item {
	r := e.Reason()
	for _, it := range e.Items {
		if it.Reason == r {
			return it
		}
	}
	return e.Items[0]
}

// entryOwners is "owner: A", "owners: A and B" or "no owner yet".
func entryOwners(e roadmap.Entry) string {
	owners := ownersOf(e)
	switch len(owners) {
	case 0:
		return "no owner yet"
	case 1:
		return "owner: " + owners[0]
	}
	return "owners: " + andList(owners)
}

// ownersOf are the owners of an entry's gaps, each once, in plan order.
func ownersOf(e roadmap.Entry) []string {
	var owners []string
	for _, it := range e.Items {
		if o := inline(it.Answer.Owner); o != "" && !slices.Contains(owners, o) {
			owners = append(owners, o)
		}
	}
	return owners
}

// biggestRisks are the gravest open gaps, critical first and common audit
// findings before the rest, each said in the questionnaire's plain words:
// the first sentence of why it matters that was not said above.
func biggestRisks(p roadmap.Plan, said map[string]bool) []listItem {
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
		why := unsaidSentence(it.Question.Help.Why, said)
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

// unsaidSentence is the first sentence of s not in said, or the first
// sentence when every one was said.
func unsaidSentence(s string, said map[string]bool) string {
	first := firstSentence(s)
	for rest := strings.TrimSpace(s); rest != ""; {
		next := firstSentence(rest)
		if !said[next] {
			return next
		}
		rest = strings.TrimSpace(rest[len(next):])
	}
	return first
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
