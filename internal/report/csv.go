package report

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
	"github.com/gapmap/gapmap/internal/sanitize"
)

// csvHeader names the columns as ticket importers read them: Title,
// Description, Priority and Labels as in Linear's CSV import; docs/exports.md
// says how each tool maps the rest.
var csvHeader = []string{
	"Order", "Title", "Description", "Phase", "Why now", "Package", "Priority", "Severity",
	"Effort", "Person weeks", "Lead time weeks", "Owner", "Due date", "Criteria", "ID", "Labels",
}

// CSV writes one row per roadmap item, in plan order, as RFC 4180 (CRLF line
// ends, quotes where needed), for ticket imports and spreadsheets: a title,
// a description that is the ticket's body (why, what good looks like, first
// steps, the note and the evidence reference), and the fields trackers have.
func CSV(w io.Writer, in Input) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	due := optionalDate(in.Plan.Timeline.Ready)
	for i, it := range in.Plan.Items {
		if err := cw.Write(csvRow(in.Questionnaire, i+1, it, due)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(qn *questionnaire.Questionnaire, order int, it roadmap.Item, due string) []string {
	q := it.Question
	pkg := ""
	if it.Package != "" {
		pkg = packageTitle(qn, it.Package)
	}
	return []string{
		strconv.Itoa(order),
		csvCell(it.Title),
		ticketDescription(it),
		phaseName(it.Phase),
		it.Reason.Title(),
		csvCell(pkg),
		ticketPriority(it),
		q.Severity.Title(),
		csvCell(string(q.Effort)),
		strconv.FormatFloat(round4(it.PlannedWeeks), 'f', -1, 64),
		weeksOrEmpty(it.LeadTimeWeeks),
		csvCell(it.Answer.Owner),
		due,
		csvCell(strings.Join(q.Criteria, " ")),
		csvCell(q.ID),
		strings.Join([]string{"soc2", it.Phase.Slug(), string(q.Severity)}, ", "),
	}
}

// ticketPriority is the item's urgency in the words trackers use: Urgent
// for a critical gap in Now, High for the rest of Now, then Medium for a
// critical or high gap in Next and Low for the rest.
func ticketPriority(it roadmap.Item) string {
	critical := it.Question.Severity == questionnaire.Critical
	switch {
	case it.Phase == roadmap.Now && critical:
		return "Urgent"
	case it.Phase == roadmap.Now:
		return "High"
	case critical || it.Question.Severity == questionnaire.High:
		return "Medium"
	}
	return "Low"
}

// ticketDescription is the body of the ticket, in short labelled
// paragraphs: why it matters, what good looks like, the first steps as a
// numbered list, what the auditor asks for, then the note and the evidence
// reference recorded in the workshop. A paragraph that repeats an earlier
// one is left out. User text is cleaned to one line each; the body never
// starts a formula.
func ticketDescription(it roadmap.Item) string {
	h := it.Question.Help
	var paras, seen []string
	add := func(label, text string) {
		text = strings.TrimSpace(sanitize.Line(text))
		if text == "" || slices.Contains(seen, text) {
			return
		}
		seen = append(seen, text)
		paras = append(paras, label+": "+text)
	}
	add(questionnaire.LabelWhy, h.Why)
	add(questionnaire.LabelGood, h.Good)
	if len(h.FirstSteps) > 0 {
		steps := []string{questionnaire.LabelFirstSteps + ":"}
		for i, s := range h.FirstSteps {
			steps = append(steps, strconv.Itoa(i+1)+". "+sanitize.Line(s))
		}
		paras = append(paras, strings.Join(steps, "\n"))
	}
	add(questionnaire.LabelEvidence, h.Evidence)
	add("Note", it.Answer.Note)
	add("Evidence", it.Answer.Evidence)
	return formulaSafe(strings.Join(paras, "\n\n"))
}

// csvCell cleans text for a cell: no control characters or escape
// sequences, one line, safe from formulas.
func csvCell(s string) string { return formulaSafe(sanitize.Line(s)) }

// formulaSafe gives a cell a spreadsheet would run as a formula (it starts
// with =, +, -, @) a leading apostrophe, the usual defence against CSV
// injection; spreadsheets hide it, and Linear's importer strips it.
func formulaSafe(s string) string {
	if s != "" && strings.IndexByte("=+-@", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// weeksOrEmpty is a number of weeks, or nothing for none.
func weeksOrEmpty(w float64) string {
	if w == 0 {
		return ""
	}
	return strconv.FormatFloat(w, 'f', -1, 64)
}
