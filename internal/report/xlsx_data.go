package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// writeSummarySheet writes the assessment's settings, which import reads
// back, then the computed figures, which it ignores.
func writeSummarySheet(b *book, in Input) {
	c := &summaryCursor{b: b, row: 4}
	b.sheet(sheetSummary)
	b.row(sheetSummary, 1, "SOC 2 readiness: "+oneLineOr(in.Assessment.Name, "unnamed assessment"))
	b.styleCells(sheetSummary, 1, 1, 1, 1, b.title)
	b.row(sheetSummary, 2, "Generated on "+day(in.Generated)+" by gapmap. The rows under Assessment import back with 'gapmap import'.")
	b.f.SetColWidth(sheetSummary, 1, 1, 34)
	b.f.SetColWidth(sheetSummary, 2, 2, 22)
	b.f.SetColWidth(sheetSummary, 3, 6, 14)
	writeSettings(c, in.Assessment)
	writeFigures(c, in)
	writeDates(c, in)
	writeCategoryTable(c, in.Evaluation)
}

// summaryCursor writes the Summary sheet row by row.
type summaryCursor struct {
	b   *book
	row int
}

func (c *summaryCursor) section(title string) {
	if c.row > 4 {
		c.row++ // a blank row between sections
	}
	c.b.row(sheetSummary, c.row, title)
	c.b.styleCells(sheetSummary, 1, c.row, 1, c.row, c.b.section)
	c.row++
}

// field writes a label and its value, and returns the row it wrote.
func (c *summaryCursor) field(label string, v any, style int) int {
	c.b.row(sheetSummary, c.row, label, v)
	if style != 0 {
		c.b.styleCells(sheetSummary, 2, c.row, 2, c.row, style)
	}
	c.row++
	return c.row - 1
}

// writeSettings writes the rows import reads back, by their labels.
func writeSettings(c *summaryCursor, a *assessment.Assessment) {
	b := c.b
	cats := make([]string, len(a.Categories))
	for i, cat := range a.Categories {
		cats[i] = string(cat)
	}
	var window any
	if a.Target.WindowMonths != 0 {
		window = a.Target.WindowMonths
	}
	c.section("Assessment")
	c.field(labelName, a.Name, 0)
	c.field(labelUUID, a.UUID, 0)
	c.field(labelQuestionnaire, a.QuestionnaireID, 0)
	c.field(labelCategories, strings.Join(cats, ", "), 0)
	typeRow := c.field(labelReportType, string(a.Target.Type), 0)
	b.dropList(sheetSummary, cellRef(2, typeRow), []string{string(assessment.TypeI), string(assessment.TypeII)})
	c.field(labelWindow, window, 0)
	c.field(labelTargetDate, dateCell(a.Target.TargetDate), b.date)
	c.field(labelStartDate, dateCell(a.Target.StartDate), b.date)
	c.field(labelCreated, a.CreatedAt.UTC().Format(time.RFC3339Nano), 0)
	c.field(labelUpdated, a.UpdatedAt.UTC().Format(time.RFC3339Nano), 0)
}

func writeFigures(c *summaryCursor, in Input) {
	ev := in.Evaluation
	c.section("Readiness")
	c.field("Questionnaire version", in.Questionnaire.Title+" "+in.Questionnaire.Version, 0)
	for _, f := range figureCells(ev.Overall, in.Assessment.Target.Type) {
		c.field(f.label, f.value, c.b.percent)
	}
	c.field("Questions answered", ev.Overall.Answered, 0)
	c.field("Questions that apply", ev.Overall.Applicable, 0)
	c.field("Progress", round4(ev.Overall.Progress()), c.b.percent)
	for _, sev := range questionnaire.Severities {
		c.field("Open gaps: "+string(sev), ev.GapsBySeverity[sev], 0)
	}
}

func writeDates(c *summaryCursor, in Input) {
	b, t := c.b, in.Plan.Timeline
	c.section("Timeline")
	c.field("Remediation starts on", timeCell(t.Start), b.date)
	c.field("Remediation work (person-weeks, packages costed together)", t.WorkWeeks, b.weeks)
	c.field("People working on it", t.Capacity, b.weeks)
	c.field("Weeks to Type I readiness", t.ReadinessWeeks, 0)
	c.field("Ready for a Type I audit on", timeCell(t.Ready), b.date)
	if t.Type == assessment.TypeII {
		c.field("Observation window opens on", timeCell(t.Ready), b.date)
		c.field("Observation window closes on", timeCell(t.WindowEnd), b.date)
	}
	c.field("Weeks to the earliest report", t.ReportWeeks, 0)
	c.field("Earliest "+t.Type.Title()+" report on", timeCell(t.Report), b.date)
	// The sentences the Markdown says beside the dates above: how the plan
	// stands against the target date, the work, the caveats.
	for _, f := range TimelineFactsOn(in.Assessment, in.Evaluation, in.Plan, in.Generated) {
		switch f.Label {
		case "Against the target date", "Remediation work", "Caveats":
			c.field(f.Label, f.Text, 0)
		}
	}
}

// writeCategoryTable writes both readiness figures by category, coloured.
func writeCategoryTable(c *summaryCursor, ev assessment.Evaluation) {
	const s = sheetSummary
	b := c.b
	c.section("Readiness by category")
	b.row(s, c.row, "Category", "Controls in place", "Auditable today", "Answered", "Apply")
	b.styleCells(s, 1, c.row, 5, c.row, b.header)
	first := c.row + 1
	for i, cat := range ev.Categories {
		r := first + i
		b.row(s, r, cat.Category.Title(), scoreCell(cat.Score), auditableCell(cat.Score), cat.Answered, cat.Applicable)
		b.styleCells(s, 2, r, 3, r, b.percent)
	}
	c.row = first + len(ev.Categories)
	if len(ev.Categories) > 0 {
		b.f.AddColorScale(s, cellRef(2, first)+":"+cellRef(3, c.row-1), readinessScale...)
	}
}

// writeScopeSheet writes the system description as one row per part, the
// same shape for every part so the sheet filters and imports simply.
func writeScopeSheet(b *book, in Input) {
	const s = sheetScope
	b.sheet(s)
	sc := in.Assessment.Scope
	var rows [][]any
	add := func(cells ...any) { rows = append(rows, cells) }
	add(scopeOrganization, sc.Organization)
	add(scopeSystem, sc.System)
	add(scopeDescription, sc.Description)
	add(scopeHeadcount, nonZeroInt(sc.Headcount))
	add(scopeCapacity, nonZero(sc.Capacity))
	for _, c := range sc.Components {
		add(scopeComponent, c.Name, string(c.Kind), "", yesBlank(c.CustomerData))
	}
	for _, d := range sc.DataTypes {
		add(scopeDataType, string(d), dataTypeLabel(d))
	}
	for _, t := range sc.PrivilegedTeams {
		add(scopeTeam, t)
	}
	for _, sub := range sc.Subservices {
		add(scopeSubservice, sub.Name, sub.Service, string(sub.Method), yesBlank(sub.HasReport))
	}
	for _, c := range sc.CUECs {
		add(scopeCUEC, c)
	}
	for _, name := range questionnaire.FactNames() {
		if v, ok := sc.Declared[name]; ok {
			add(scopeFact, name, "", "", yesNo(v))
		}
	}
	b.table(s, 1, scopeHeaders, []float64{26, 48, 28, 12, 16}, len(rows))
	for i, cells := range rows {
		b.row(s, i+2, cells...)
	}
	b.styleCells(s, 1, 2, 5, len(rows)+1, b.wrap)
	b.dropList(s, "A2:A1000", scopeParts)
}

// The parts of the Scope sheet, in column A.
const (
	scopeOrganization = "Organization"
	scopeSystem       = "System"
	scopeDescription  = "Description"
	scopeHeadcount    = "Headcount"
	scopeCapacity     = "Remediation capacity (people)"
	scopeComponent    = "Component"
	scopeDataType     = "Data type"
	scopeTeam         = "Privileged team"
	scopeSubservice   = "Subservice organization"
	scopeCUEC         = "Customer responsibility (CUEC)"
	scopeFact         = "Fact"
)

var scopeParts = []string{scopeOrganization, scopeSystem, scopeDescription, scopeHeadcount,
	scopeCapacity, scopeComponent, scopeDataType, scopeTeam, scopeSubservice, scopeCUEC, scopeFact}

var scopeHeaders = []string{"Part", "Name or value", "Kind or service", "Method", "Customer data, SOC 2 report or fact"}

// writeAnswersSheet writes one row per question that applies or has an
// answer, in questionnaire order, with every field of the answer.
func writeAnswersSheet(b *book, in Input) {
	const s = sheetAnswers
	b.sheet(s)
	qn, a := in.Questionnaire, in.Assessment
	facts := a.Scope.Facts()
	headers := []string{colID, "Title", "Area", "Category", "Criteria", "Severity", "Applies",
		colAnswer, colNote, colEvidence, colOwner, colFlagged, colAnsweredBy, colUpdatedAt}
	var qs []*questionnaire.Question
	for _, q := range qn.Questions {
		if _, answered := a.Answers[q.ID]; answered || a.Applies(q, facts) {
			qs = append(qs, q)
		}
	}
	b.table(s, 1, headers, []float64{26, 36, 16, 14, 14, 10, 9, 13, 48, 40, 22, 9, 18, 22}, len(qs))
	for i, q := range qs {
		ans, answered := a.Answers[q.ID]
		area := q.Area
		if ar := qn.Area(q.Area); ar != nil {
			area = ar.Title
		}
		cells := []any{q.ID, titleOf(q), area, q.Category.Title(), strings.Join(q.Criteria, " "),
			q.Severity.Title(), yesNo(a.Applies(q, facts))}
		if answered {
			cells = append(cells, string(ans.Value), ans.Note, ans.Evidence, ans.Owner,
				yesBlank(ans.Flagged), ans.AnsweredBy, ans.UpdatedAt.UTC().Format(time.RFC3339Nano))
		}
		b.row(s, i+2, cells...)
	}
	b.styleCells(s, 1, 2, len(headers), len(qs)+1, b.wrap)
	n := max(len(qs)+1, 2)
	values := make([]string, len(assessment.Values))
	for i, v := range assessment.Values {
		values[i] = string(v)
	}
	b.dropList(s, "H2:H"+strconv.Itoa(n), values)
	b.dropList(s, "L2:L"+strconv.Itoa(n), []string{"yes", "no"})
}

func oneLineOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func nonZero(x float64) any {
	if x == 0 {
		return nil
	}
	return x
}

func nonZeroInt(x int) any {
	if x == 0 {
		return nil
	}
	return x
}

func dataTypeLabel(d assessment.DataType) string {
	for _, t := range assessment.DataTypes {
		if t.Type == d {
			return t.Label
		}
	}
	return ""
}

type figureCell struct {
	label string
	value any
}

// figureCells are the two readiness figures, the one that leads first (as
// Figures orders them).
func figureCells(s assessment.Score, report assessment.ReportType) []figureCell {
	inPlace := figureCell{"Controls in place (by severity)", scoreCell(s)}
	auditable := figureCell{"Auditable today (in place with evidence)", auditableCell(s)}
	if report == assessment.TypeII {
		return []figureCell{auditable, inPlace}
	}
	return []figureCell{inPlace, auditable}
}
