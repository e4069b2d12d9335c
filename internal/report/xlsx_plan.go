package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
	"github.com/gapmap/gapmap/internal/xlsx"
)

// writeRoadmapSheet writes one row per roadmap item in plan order.
func writeRoadmapSheet(b *book, in Input) {
	const s = sheetRoadmap
	b.sheet(s)
	headers := []string{"#", "Phase", "Why now", "Title", "Package", "Severity", "Effort",
		"Person-weeks", "Lead time (weeks)", "Priority", "Answer", "Owner", "Due", "Depends on", "Blocks",
		"Criteria", "Why here", "First steps", "Note", "ID"}
	items := in.Plan.Items
	b.table(s, 1, headers, []float64{5, 8, 22, 40, 24, 10, 8, 12, 11, 9, 13, 22, 12, 28, 28, 14, 44, 60, 40, 26}, len(items))
	due := dueDate(in.Plan.Timeline)
	for i, it := range items {
		q := it.Question
		b.row(s, i+2, i+1, phaseName(it.Phase), it.Reason.Title(), it.Title, packageTitle(in.Questionnaire, it.Package),
			q.Severity.Title(), string(q.Effort), round4(it.PlannedWeeks), nonZero(it.LeadTimeWeeks), it.Priority,
			it.Answer.Value.Short(), it.Answer.Owner, due, titles(in.Questionnaire, it.DependsOn),
			titles(in.Questionnaire, it.Blocks), strings.Join(q.Criteria, " "), it.Rationale,
			q.Help.NumberedSteps(), it.Answer.Note, q.ID)
	}
	last := len(items) + 1
	b.styleCells(s, 1, 2, len(headers), last, b.wrap)
	b.styleCells(s, 8, 2, 9, last, b.weeks)
	b.styleCells(s, 10, 2, 10, last, b.priority)
	b.styleCells(s, 13, 2, 13, last, b.date)
}

// writePackagesSheet writes the work packages with gaps: what each costs
// set up once with its gaps together, against the gaps closed one by one.
func writePackagesSheet(b *book, in Input) {
	const s = sheetPackages
	b.sheet(s)
	pkgs := in.Plan.Packages
	headers := []string{"Package", "Gaps", "Setup (person-weeks)", "Together (person-weeks)", "Alone (person-weeks)", "Gaps in it"}
	b.table(s, 1, headers, []float64{36, 7, 13, 13, 13, 70}, len(pkgs))
	for i, p := range pkgs {
		b.row(s, i+2, p.Title, len(p.Items), p.SetupWeeks, round4(p.Weeks), round4(p.AloneWeeks), titles(in.Questionnaire, p.Items))
	}
	last := len(pkgs) + 1
	b.styleCells(s, 1, 2, len(headers), last, b.wrap)
	b.styleCells(s, 3, 2, 5, last, b.weeks)
}

// dueDate is when every item must be closed: the day the plan is ready for
// a Type I audit or, for Type II, the day the window opens (the window opens
// when the plan is ready). Nil without a start date.
func dueDate(t roadmap.Timeline) any { return timeCell(t.Ready) }

// phaseName is a phase's short name: "Now", "Next", "Before the audit".
func phaseName(p roadmap.Phase) string {
	title := p.Title()
	if i := strings.Index(title, ":"); i > 0 {
		return title[:i]
	}
	return title
}

func packageTitle(qn *questionnaire.Questionnaire, id string) string {
	if p := qn.Package(id); p != nil {
		return p.Title
	}
	return id
}

// titles names questions by title, one per line.
func titles(qn *questionnaire.Questionnaire, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if q := qn.Question(id); q != nil {
			out[i] = titleOf(q)
		}
	}
	return strings.Join(out, "\n")
}

// writeWindowSheet writes the Type II window calendar: a row per recurring
// control, a column per month of the window, "run" where it is due.
func writeWindowSheet(b *book, in Input) {
	const s = sheetWindow
	w := in.Plan.Timeline.Window
	if w == nil {
		return
	}
	b.sheet(s)
	headers := []string{"Control", "Frequency", "Set up before the window", "ID"}
	widths := []float64{40, 12, 14, 26}
	for m := 1; m <= w.Months; m++ {
		h := "Month " + strconv.Itoa(m)
		if d := w.MonthStart(m); d != nil {
			h += "\n" + d.Format("Jan 2006")
		}
		headers = append(headers, h)
		widths = append(widths, 10)
	}
	b.table(s, 1, headers, widths, len(w.Runs))
	b.f.SetRowHeight(s, 1, 30)
	for i, r := range w.Runs {
		row := i + 2
		setUp := ""
		if r.Gap {
			setUp = "yes"
		}
		b.row(s, row, r.Title, string(r.Frequency), setUp, r.Question.ID)
		for _, m := range r.Months {
			b.cell(s, 4+m, row, "run")
		}
	}
	last := len(w.Runs) + 1
	b.styleCells(s, 1, 2, 4, last, b.wrap)
	b.styleCells(s, 5, 2, 4+w.Months, last, b.run)
	if len(w.Runs) > 0 {
		fill := b.f.AddDXF(xlsx.DXF{Fill: "C6E0B4", FontColor: "1E4620"})
		b.f.AddCellIs(s, cellRef(5, 2)+":"+cellRef(4+w.Months, last), "equal", `"run"`, fill)
	}
}

// readinessScale colours readiness red at 0%, amber at 50%, green at 100%.
var readinessScale = []xlsx.ScalePoint{
	{Type: "num", Value: "0", Color: "F8696B"},
	{Type: "num", Value: "0.5", Color: "FFEB84"},
	{Type: "num", Value: "1", Color: "63BE7B"},
}

// writeCriteriaSheet writes the criteria heat map: readiness of each
// criterion of the selected categories, coloured by a colour scale, and how
// its questions were answered, shaded by count.
func writeCriteriaSheet(b *book, in Input) {
	const s = sheetCriteria
	b.sheet(s)
	headers := []string{"Criterion", "Title", "Category", "Controls in place", "Auditable today", "Answered", "Apply"}
	widths := []float64{11, 48, 14, 11, 11, 10, 8}
	for _, v := range assessment.Values {
		headers = append(headers, v.Short())
		widths = append(widths, 11)
	}
	headers = append(headers, "Open gaps")
	widths = append(widths, 10)
	ev := in.Evaluation
	b.table(s, 1, headers, widths, len(ev.Criteria))
	counts := answerCounts(in)
	for i, c := range ev.Criteria {
		row := i + 2
		b.row(s, row, c.Criterion.ID, c.Criterion.Title, c.Criterion.Category.Title(),
			scoreCell(c.Score), auditableCell(c.Score), c.Answered, c.Applicable)
		gaps := 0
		for j, v := range assessment.Values {
			n := counts[c.Criterion.ID][v]
			b.cell(s, 8+j, row, n)
			if v.IsGap() {
				gaps += n
			}
		}
		b.cell(s, 8+len(assessment.Values), row, gaps)
	}
	last := len(ev.Criteria) + 1
	if last < 2 {
		return
	}
	b.styleCells(s, 1, 2, 3, last, b.wrap)
	b.styleCells(s, 4, 2, 5, last, b.percent)
	b.f.AddColorScale(s, "D2:E"+strconv.Itoa(last), readinessScale...)
	gapCol := colName(8 + len(assessment.Values))
	b.f.AddColorScale(s, gapCol+"2:"+gapCol+strconv.Itoa(last),
		xlsx.ScalePoint{Type: "min", Color: "FFFFFF"}, xlsx.ScalePoint{Type: "max", Color: "F8696B"})
}

// answerCounts counts, per criterion, the applicable questions by answer.
func answerCounts(in Input) map[string]map[assessment.Value]int {
	out := map[string]map[assessment.Value]int{}
	for _, q := range in.Evaluation.Questions {
		ans, ok := in.Assessment.Answers[q.ID]
		if !ok {
			continue
		}
		for _, c := range q.Criteria {
			if out[c] == nil {
				out[c] = map[assessment.Value]int{}
			}
			if slices.Contains(assessment.Values, ans.Value) {
				out[c][ans.Value]++
			}
		}
	}
	return out
}
