// Package assessment is the domain of a readiness assessment: its scope, the
// selected categories, the report target and the answers, and what follows
// from them (which questions apply, progress and readiness). It is pure: no
// terminal, no SQL.
package assessment

import (
	"fmt"
	"slices"
	"time"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Value is a point on the answer scale.
type Value string

const (
	Yes        Value = "yes"
	NoEvidence Value = "no-evidence"
	Partial    Value = "partial"
	No         Value = "no"
	Unknown    Value = "unknown"
	NA         Value = "na"
)

// Values is the answer scale in the order it is offered.
var Values = []Value{Yes, NoEvidence, Partial, No, Unknown, NA}

// Valid reports whether v is on the scale.
func (v Value) Valid() bool { return slices.Contains(Values, v) }

// Label is the text shown for a value.
func (v Value) Label() string {
	switch v {
	case Yes:
		return "In place, with evidence an auditor could test today"
	case NoEvidence:
		return "In place, but not documented / no evidence yet"
	case Partial:
		return "Partly in place"
	case No:
		return "Not in place"
	case Unknown:
		return "Don't know — needs follow-up"
	case NA:
		return "Not applicable (a note must say why)"
	}
	return string(v)
}

// Short is a compact label for tables.
func (v Value) Short() string {
	switch v {
	case Yes:
		return "In place"
	case NoEvidence:
		return "No evidence"
	case Partial:
		return "Partial"
	case No:
		return "Not in place"
	case Unknown:
		return "Unknown"
	case NA:
		return "N/A"
	}
	return string(v)
}

// GapWeight is how much of a gap the value leaves: 0 for in place with
// evidence, 1 for not in place or unknown. NA is excluded from scoring and
// reports ok=false.
func (v Value) GapWeight() (w float64, ok bool) {
	switch v {
	case Yes:
		return 0, true
	case NoEvidence:
		return 0.25, true
	case Partial:
		return 0.5, true
	case No, Unknown:
		return 1, true
	}
	return 0, false
}

// IsGap reports whether the value leaves work to do.
func (v Value) IsGap() bool {
	w, ok := v.GapWeight()
	return ok && w > 0
}

// Answer is the answer to one question, with its workshop context.
type Answer struct {
	Value      Value     `json:"answer,omitempty"`
	Note       string    `json:"note,omitempty"`
	Evidence   string    `json:"evidence,omitempty"`
	Owner      string    `json:"owner,omitempty"`
	Flagged    bool      `json:"flagged,omitempty"`
	AnsweredBy string    `json:"answered_by,omitempty"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Answered reports whether the record holds an answer. A record may hold
// only a flag or a note (evidence, owner) on a question not answered yet.
func (a Answer) Answered() bool { return a.Value != "" }

// SameContent reports whether a and b say the same: value, note, evidence,
// owner and flag; who gave them and when do not count.
func (a Answer) SameContent(b Answer) bool {
	return a.Value == b.Value && a.Note == b.Note && a.Evidence == b.Evidence &&
		a.Owner == b.Owner && a.Flagged == b.Flagged
}

// HasContext reports whether the record holds a flag, note, evidence or owner.
func (a Answer) HasContext() bool {
	return a.Flagged || a.Note != "" || a.Evidence != "" || a.Owner != ""
}

// Check reports what is wrong with an answer, or nil.
func (a Answer) Check() error {
	if !a.Answered() && a.HasContext() {
		return nil
	}
	if !a.Value.Valid() {
		return fmt.Errorf("unknown answer %q (expected one of: %s)", a.Value, joinValues())
	}
	if a.Value == NA && a.Note == "" {
		return fmt.Errorf("answer \"na\" needs a note that says why the question does not apply")
	}
	return CheckNote(a.Note)
}

func joinValues() string {
	s := ""
	for i, v := range Values {
		if i > 0 {
			s += ", "
		}
		s += string(v)
	}
	return s
}

// ReportType is the kind of SOC 2 report targeted.
type ReportType string

const (
	TypeI  ReportType = "type1"
	TypeII ReportType = "type2"
)

// Title is the display name of a report type.
func (t ReportType) Title() string {
	if t == TypeII {
		return "Type II"
	}
	return "Type I"
}

// Windows are the Type II observation windows offered, in months.
var Windows = []int{3, 6, 12}

// Target is the report aimed for.
type Target struct {
	Type ReportType `json:"type"`
	// WindowMonths is the Type II observation window: 3, 6 or 12.
	WindowMonths int `json:"window_months,omitempty"`
	// TargetDate is when the report is wanted, YYYY-MM-DD, optional.
	TargetDate string `json:"target_date,omitempty"`
	// StartDate is when remediation starts, YYYY-MM-DD, optional; with it
	// the timeline gives dates as well as weeks.
	StartDate string `json:"start_date,omitempty"`
}

// DateLayout is the layout of dates in targets.
const DateLayout = "2006-01-02"

// Check reports what is wrong with a target, or nil.
func (t Target) Check() error {
	switch t.Type {
	case TypeI:
		if t.WindowMonths != 0 {
			return fmt.Errorf("a Type I report has no observation window; remove window_months or choose type2")
		}
	case TypeII:
		if !slices.Contains(Windows, t.WindowMonths) {
			return fmt.Errorf("a Type II observation window must be 3, 6 or 12 months, not %d", t.WindowMonths)
		}
	default:
		return fmt.Errorf("unknown report type %q (expected type1 or type2)", t.Type)
	}
	for _, d := range []string{t.TargetDate, t.StartDate} {
		if d == "" {
			continue
		}
		if _, err := ParseDate(d); err != nil {
			return err
		}
	}
	return t.CheckOrder()
}

// CheckOrder refuses a target date before the start date: a report cannot
// be wanted before the work towards it starts. Either date may be empty.
func (t Target) CheckOrder() error {
	start, err1 := ParseDate(t.StartDate)
	wanted, err2 := ParseDate(t.TargetDate)
	if err1 != nil || err2 != nil || !wanted.Before(start) {
		return nil
	}
	return fmt.Errorf("the target date %s is before the start date %s: the report cannot come before the work starts", t.TargetDate, t.StartDate)
}

// ParseDate reads a date written YYYY-MM-DD. An error says what is wrong
// in words: "February 2027 has 28 days", not only the expected form.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err == nil {
		return t, nil
	}
	var y, m, d int
	if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n == 3 && len(s) == len(DateLayout) {
		switch {
		case m < 1 || m > 12:
			return time.Time{}, fmt.Errorf("%q has no month %d: enter a date like 2027-03-31", s, m)
		case d < 1 || d > daysIn(y, time.Month(m)):
			return time.Time{}, fmt.Errorf("%q is not a day: %s %d has %d days", s, time.Month(m), y, daysIn(y, time.Month(m)))
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date like 2027-03-31", s)
}

// daysIn is the number of days of a month.
func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Assessment is one readiness assessment.
type Assessment struct {
	// ID is the store's row key; 0 until stored. It is not part of any
	// file, and SQLite may give it to another assessment after a delete:
	// writes name an assessment by UUID.
	ID int64 `json:"-"`
	// UUID identifies the assessment for good, across databases: the store
	// gives each new assessment one and never reuses it; exports carry it,
	// and import updates the assessment with the same UUID. Empty until
	// stored, and in a file written by hand.
	UUID string `json:"uuid,omitempty"`
	// Revision is bumped by every write to the assessment; it is not part
	// of any file. See store.Store.Revision.
	Revision int64 `json:"-"`
	// Answering is who the full-screen program records new answers as
	// given by, kept with the assessment; empty until someone sets it. It
	// is not part of any file.
	Answering       string                   `json:"-"`
	Name            string                   `json:"name"`
	QuestionnaireID string                   `json:"questionnaire"`
	Scope           Scope                    `json:"scope"`
	Categories      []questionnaire.Category `json:"categories"`
	Target          Target                   `json:"report"`
	Answers         map[string]Answer        `json:"answers"`
	CreatedAt       time.Time                `json:"created_at"`
	UpdatedAt       time.Time                `json:"updated_at"`
}

// New returns an assessment with Security selected, a Type I target and no
// answers.
func New(name, questionnaireID string, now time.Time) *Assessment {
	return &Assessment{
		Name:            name,
		QuestionnaireID: questionnaireID,
		Categories:      []questionnaire.Category{questionnaire.Security},
		Target:          Target{Type: TypeI},
		Answers:         map[string]Answer{},
		CreatedAt:       now.UTC(),
		UpdatedAt:       now.UTC(),
	}
}

// SetCategories selects categories; Security is always kept, and the result
// is in catalog order without duplicates.
func (a *Assessment) SetCategories(cs []questionnaire.Category) {
	var out []questionnaire.Category
	for _, c := range questionnaire.Categories {
		if c == questionnaire.Security || slices.Contains(cs, c) {
			out = append(out, c)
		}
	}
	a.Categories = out
}

// Selected reports whether a category is in scope. Security always is.
func (a *Assessment) Selected(c questionnaire.Category) bool {
	return c == questionnaire.Security || slices.Contains(a.Categories, c)
}

// Applies reports whether a question is part of this assessment: its
// category is selected and its applies_if condition holds for the scope. An
// ISMS question has no Trust Services Category; its condition (the iso27001
// fact, the ISO target) alone decides.
func (a *Assessment) Applies(q *questionnaire.Question, facts questionnaire.Facts) bool {
	return (q.Category == questionnaire.ISMS || a.Selected(q.Category)) && q.Applies(facts)
}

// ISOTarget reports whether the assessment also prepares for ISO/IEC
// 27001:2022: the iso27001 scope fact.
func (a *Assessment) ISOTarget() bool { return a.Scope.Facts()[questionnaire.ISMSFact] }

// Applicable returns the questions of this assessment, in questionnaire order.
func (a *Assessment) Applicable(qn *questionnaire.Questionnaire) []*questionnaire.Question {
	facts := a.Scope.Facts()
	var out []*questionnaire.Question
	for _, q := range qn.Questions {
		if a.Applies(q, facts) {
			out = append(out, q)
		}
	}
	return out
}

// FirstUnanswered returns the index in qs of the first question without an
// answer, or -1 when all are answered.
func (a *Assessment) FirstUnanswered(qs []*questionnaire.Question) int {
	for i, q := range qs {
		if _, ok := a.Answer(q.ID); !ok {
			return i
		}
	}
	return -1
}

// Answer returns the record kept for a question and whether it holds an
// answer; a record with only a flag or a note is returned with false.
func (a *Assessment) Answer(questionID string) (Answer, bool) {
	ans := a.Answers[questionID]
	return ans, ans.Answered()
}

// SetAnswer records an answer, stamping it with the time.
func (a *Assessment) SetAnswer(questionID string, ans Answer, now time.Time) {
	if a.Answers == nil {
		a.Answers = map[string]Answer{}
	}
	ans.UpdatedAt = now.UTC()
	a.Answers[questionID] = ans
	a.UpdatedAt = now.UTC()
}
