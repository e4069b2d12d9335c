package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// CompareInput is everything a comparison of two assessments shows.
type CompareInput struct {
	Questionnaire *questionnaire.Questionnaire
	Old, New      *assessment.Assessment
	Comparison    assessment.Comparison
	// Generated is the date shown in the Markdown.
	Generated time.Time
}

// NewCompareInput compares two assessments of the questionnaire qn.
func NewCompareInput(qn *questionnaire.Questionnaire, before, after *assessment.Assessment, now time.Time) CompareInput {
	return CompareInput{
		Questionnaire: qn,
		Old:           before,
		New:           after,
		Comparison:    assessment.Compare(qn, before, after),
		Generated:     now,
	}
}

// changeGroups are the sections of changed answers, with what each holds.
var changeGroups = []struct {
	kind  assessment.ChangeKind
	title string
	about string
}{
	{assessment.Improved, "Closed or improved", "Answers that leave a smaller gap than before."},
	{assessment.Regressed, "Regressed", "Answers that leave a larger gap than before."},
	{assessment.OtherChange, "Other changes", "Answers changed to or from not applicable, answered for the first time " +
		"(including questions newly in scope), no longer answered, or moved between \"Not in place\" and \"Don't know\"."},
}

// CompareMarkdown writes the progress from one assessment to another:
// readiness, progress and gaps before and after, and every changed answer.
func CompareMarkdown(w io.Writer, in CompareInput) error {
	d := newDoc()
	writeCompareHeader(d, in)
	writeCompareSummary(d, in.Comparison, in.New.Target.Type)
	writeCompareCategories(d, in.Comparison)
	writeCompareGaps(d, in.Comparison)
	for _, g := range changeGroups {
		d.heading(2, g.title)
		changes := in.Comparison.Of(g.kind)
		if len(changes) == 0 {
			d.para("None.")
			continue
		}
		d.para(g.about)
		items := make([]listItem, len(changes))
		for i, ch := range changes {
			items[i] = changeItem(ch)
		}
		d.list(items)
	}
	_, err := w.Write(d.bytes())
	return err
}

func writeCompareHeader(d *doc, in CompareInput) {
	d.heading(1, "SOC 2 readiness progress: "+assessmentName(in.New))
	qn := in.Questionnaire
	source := inline(qn.Title)
	if qn.Version != "" {
		source += ", version " + inline(qn.Version)
	}
	d.para(fmt.Sprintf("What changed between two assessments against the questionnaire %s. Generated on %s by gapmap.",
		source, date(in.Generated)))
	d.list([]listItem{
		{fmt.Sprintf("**Before:** %s, last changed %s", assessmentName(in.Old), date(in.Old.UpdatedAt))},
		{fmt.Sprintf("**After:** %s, last changed %s", assessmentName(in.New), date(in.New.UpdatedAt))},
	})
}

func assessmentName(a *assessment.Assessment) string {
	if name := inline(a.Name); name != "" {
		return name
	}
	return "unnamed assessment"
}

func writeCompareSummary(d *doc, c assessment.Comparison, report assessment.ReportType) {
	d.heading(2, "Summary")
	o := c.Overall
	inPlace := transition(readiness(o.Old), readiness(o.New))
	if pts := points(o); pts != "" {
		inPlace += " (" + pts + " points)"
	}
	evidenced := transition(auditable(o.Old), auditable(o.New))
	if pts := auditablePoints(o); pts != "" {
		evidenced += " (" + pts + " points)"
	}
	total := func(gaps map[questionnaire.Severity]int) int {
		n := 0
		for _, s := range questionnaire.Severities {
			n += gaps[s]
		}
		return n
	}
	figures := []listItem{{"**Controls in place:** " + inPlace}, {"**Auditable today:** " + evidenced}}
	if report == assessment.TypeII {
		figures[0], figures[1] = figures[1], figures[0] // a Type II auditor tests only what has evidence
	}
	items := []listItem{
		figures[0], figures[1],
		{fmt.Sprintf("**Progress:** %s applicable questions answered (%s)",
			transition(fmt.Sprintf("%d of %d", o.Old.Answered, o.Old.Applicable), fmt.Sprintf("%d of %d", o.New.Answered, o.New.Applicable)),
			transition(percent(o.Old.Progress()), percent(o.New.Progress())))},
		{"**Open gaps:** " + transition(strconv.Itoa(total(c.OldGaps)), strconv.Itoa(total(c.NewGaps)))},
		{fmt.Sprintf("**Answers changed:** %d (%d closed or improved, %d regressed, %d other)", len(c.Changes),
			len(c.Of(assessment.Improved)), len(c.Of(assessment.Regressed)), len(c.Of(assessment.OtherChange)))},
	}
	if s := categoryChanges(c.Categories); s != "" {
		items = append(items, listItem{"**Categories:** " + s})
	}
	d.list(items)
}

// categoryChanges says which categories were added to or removed from the
// scope, since they move readiness and gap counts on their own.
func categoryChanges(cs []assessment.CategoryChange) string {
	var added, removed []string
	for _, c := range cs {
		switch {
		case !c.OldSelected:
			added = append(added, inline(c.Category.Title()))
		case !c.NewSelected:
			removed = append(removed, inline(c.Category.Title()))
		}
	}
	var parts []string
	if len(added) > 0 {
		parts = append(parts, strings.Join(added, ", ")+" added")
	}
	if len(removed) > 0 {
		parts = append(parts, strings.Join(removed, ", ")+" removed")
	}
	return strings.Join(parts, "; ")
}

func writeCompareCategories(d *doc, c assessment.Comparison) {
	d.heading(2, "Readiness by category")
	d.para("Controls in place counts a control without evidence at 75% and one partly in place at 50%; " +
		"auditable today counts only controls in place with evidence.")
	rows := make([][]string, len(c.Categories))
	for i, cat := range c.Categories {
		row := []string{inline(cat.Category.Title())}
		for _, figure := range []func(assessment.Score) string{readiness, auditable} {
			before, after := figure(cat.Old), figure(cat.New)
			if !cat.OldSelected {
				before = "not selected"
			}
			if !cat.NewSelected {
				after = "not selected"
			}
			row = append(row, before, after)
		}
		rows[i] = append(row[:3], points(cat.ScoreChange), row[3], row[4], auditablePoints(cat.ScoreChange))
	}
	d.table([]column{{header: "Category"},
		{header: "In place before", numeric: true}, {header: "In place after", numeric: true}, {header: "Change (points)", numeric: true},
		{header: "Auditable before", numeric: true}, {header: "Auditable after", numeric: true}, {header: "Change (points)", numeric: true},
	}, rows)
}

func writeCompareGaps(d *doc, c assessment.Comparison) {
	d.heading(2, "Open gaps by severity")
	var rows [][]string
	oldTotal, newTotal := 0, 0
	for _, s := range questionnaire.Severities {
		was, is := c.OldGaps[s], c.NewGaps[s]
		oldTotal, newTotal = oldTotal+was, newTotal+is
		rows = append(rows, []string{inline(s.Title()), strconv.Itoa(was), strconv.Itoa(is), signed(is - was)})
	}
	rows = append(rows, []string{"**Total**", strconv.Itoa(oldTotal), strconv.Itoa(newTotal), signed(newTotal - oldTotal)})
	d.table([]column{{header: "Severity"}, {header: "Before", numeric: true}, {header: "After", numeric: true},
		{header: "Change", numeric: true}}, rows)
}

// changeItem is a changed question: its text and ID, then the answer
// before and after, its severity, and the new answer's owner and note.
func changeItem(ch assessment.AnswerChange) listItem {
	was := "Not answered"
	switch {
	case !ch.OldApplies:
		was = "Not in scope"
	case ch.OldAnswered:
		was = inline(ch.Old.Value.Short())
	}
	is := "Not answered"
	if ch.NewAnswered {
		is = inline(ch.New.Value.Short())
	}
	facts := []string{transition(was, is), inline(string(ch.Question.Severity))}
	if o := inline(ch.New.Owner); o != "" {
		facts = append(facts, "Owner: "+o)
	}
	if n := inline(ch.New.Note); n != "" {
		facts = append(facts, "Note: "+n)
	}
	return listItem{"**" + inline(titleOf(ch.Question)) + "**", strings.Join(facts, " · ")}
}

func transition(before, after string) string { return before + " → " + after }

// points is the change of readiness in whole percentage points, taken
// between the rounded percentages shown so that the figures add up; empty
// when either side has no readiness.
func points(c assessment.ScoreChange) string {
	if _, ok := c.ReadinessDelta(); !ok {
		return ""
	}
	return signed(int(math.Round(c.New.Readiness*100)) - int(math.Round(c.Old.Readiness*100)))
}

// auditablePoints is the change of "auditable today" in whole percentage
// points, as points does for "controls in place".
func auditablePoints(c assessment.ScoreChange) string {
	if _, ok := c.ReadinessDelta(); !ok {
		return ""
	}
	return signed(int(math.Round(c.New.Auditable*100)) - int(math.Round(c.Old.Auditable*100)))
}

// signed shows a change with its sign: +3, -2, 0.
func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// jsonComparison is the JSON of 'gapmap compare --format json'. Its keys are
// stable; README.md documents them.
type jsonComparison struct {
	Version        int                  `json:"gapmap_compare"`
	Questionnaire  jsonQuestionnaireRef `json:"questionnaire"`
	Old            jsonAssessmentRef    `json:"old"`
	New            jsonAssessmentRef    `json:"new"`
	Overall        jsonScoreChange      `json:"overall"`
	Categories     []jsonCategoryChange `json:"categories"`
	GapsBySeverity jsonGapsChange       `json:"gaps_by_severity"`
	Changes        []jsonAnswerChange   `json:"changes"`
}

// CompareFormatVersion is the version of the comparison JSON, written under
// the "gapmap_compare" key.
const CompareFormatVersion = 2

type jsonQuestionnaireRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

type jsonAssessmentRef struct {
	Name      string    `json:"name"`
	UpdatedAt time.Time `json:"updated_at"`
}

// jsonScoreChange holds a score on each side, null on a side where the
// category is not selected, and the change of each readiness figure as a
// share, null when either side has none. readiness_change is the format-1
// key of controls_in_place_change and keeps its value.
type jsonScoreChange struct {
	Old                   *jsonScore `json:"old"`
	New                   *jsonScore `json:"new"`
	ReadinessChange       *float64   `json:"readiness_change"`
	ControlsInPlaceChange *float64   `json:"controls_in_place_change"`
	AuditableTodayChange  *float64   `json:"auditable_today_change"`
}

type jsonCategoryChange struct {
	Category questionnaire.Category `json:"category"`
	Title    string                 `json:"title"`
	jsonScoreChange
}

type jsonGapsChange struct {
	Old jsonGapsBySeverity `json:"old"`
	New jsonGapsBySeverity `json:"new"`
}

// jsonAnswerChange is one changed answer. OldAnswer is null when the
// question was not answered, or did not apply (OldApplies false); NewAnswer
// is null when it is no longer answered. Note and owner are the new
// answer's, empty when none.
type jsonAnswerChange struct {
	ID         string                 `json:"id"`
	Title      string                 `json:"title"`
	Text       string                 `json:"text"`
	Kind       assessment.ChangeKind  `json:"kind"`
	Severity   questionnaire.Severity `json:"severity"`
	OldApplies bool                   `json:"old_applies"`
	OldAnswer  *assessment.Value      `json:"old_answer"`
	NewAnswer  *assessment.Value      `json:"new_answer"`
	Note       string                 `json:"note"`
	Owner      string                 `json:"owner"`
}

// CompareJSON writes the comparison as one JSON object, indented with two
// spaces and ending with a newline. Changes are in questionnaire order.
func CompareJSON(w io.Writer, in CompareInput) error {
	c := in.Comparison
	out := jsonComparison{
		Version:       CompareFormatVersion,
		Questionnaire: jsonQuestionnaireRef{in.Questionnaire.ID, in.Questionnaire.Version},
		Old:           jsonAssessmentRef{in.Old.Name, in.Old.UpdatedAt.UTC()},
		New:           jsonAssessmentRef{in.New.Name, in.New.UpdatedAt.UTC()},
		Overall:       scoreChangeJSON(c.Overall, true, true),
		Categories:    make([]jsonCategoryChange, len(c.Categories)),
		GapsBySeverity: jsonGapsChange{
			Old: gapsJSON(c.OldGaps),
			New: gapsJSON(c.NewGaps),
		},
		Changes: make([]jsonAnswerChange, len(c.Changes)),
	}
	for i, cat := range c.Categories {
		out.Categories[i] = jsonCategoryChange{cat.Category, cat.Category.Title(),
			scoreChangeJSON(cat.ScoreChange, cat.OldSelected, cat.NewSelected)}
	}
	for i, ch := range c.Changes {
		out.Changes[i] = jsonAnswerChange{
			ID: ch.Question.ID, Title: titleOf(ch.Question), Text: ch.Question.Text, Kind: ch.Kind, Severity: ch.Question.Severity,
			OldApplies: ch.OldApplies, OldAnswer: valueJSON(ch.Old, ch.OldAnswered), NewAnswer: valueJSON(ch.New, ch.NewAnswered),
			Note: ch.New.Note, Owner: ch.New.Owner,
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func scoreChangeJSON(c assessment.ScoreChange, oldIn, newIn bool) jsonScoreChange {
	var out jsonScoreChange
	if oldIn {
		s := scoreJSON(c.Old)
		out.Old = &s
	}
	if newIn {
		s := scoreJSON(c.New)
		out.New = &s
	}
	if _, ok := c.ReadinessDelta(); ok && oldIn && newIn {
		// From the rounded shares, so old + change = new exactly.
		d := round4(round4(c.New.Readiness) - round4(c.Old.Readiness))
		inPlace := d
		a := round4(round4(c.New.Auditable) - round4(c.Old.Auditable))
		out.ReadinessChange, out.ControlsInPlaceChange, out.AuditableTodayChange = &d, &inPlace, &a
	}
	return out
}

func gapsJSON(g map[questionnaire.Severity]int) jsonGapsBySeverity {
	return jsonGapsBySeverity{
		Critical: g[questionnaire.Critical],
		High:     g[questionnaire.High],
		Medium:   g[questionnaire.Medium],
		Low:      g[questionnaire.Low],
	}
}

func valueJSON(ans assessment.Answer, answered bool) *assessment.Value {
	if !answered {
		return nil
	}
	v := ans.Value
	return &v
}
