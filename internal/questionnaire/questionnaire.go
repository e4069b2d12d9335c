// Package questionnaire owns the questionnaire format: a framework's criteria
// catalog, its question areas and its questions, loaded from YAML and
// validated so that every problem is reported with its file, line and column.
package questionnaire

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// Category is a Trust Services Category, or ISMS for the ISO/IEC 27001
// management-system questions. Security is always in scope.
type Category string

const (
	Security            Category = "security"
	Availability        Category = "availability"
	Confidentiality     Category = "confidentiality"
	ProcessingIntegrity Category = "processing_integrity"
	Privacy             Category = "privacy"
	// ISMS holds the ISO/IEC 27001 management-system questions (clauses 4
	// to 10). It is no Trust Services Category: its questions carry no
	// criteria and count in no SOC 2 figure, only in the ISO view.
	ISMS Category = "isms"
)

// Categories lists every Trust Services Category in report order. ISMS is
// not one of them.
var Categories = []Category{Security, Availability, Confidentiality, ProcessingIntegrity, Privacy}

// IsTSC reports whether c is a Trust Services Category.
func (c Category) IsTSC() bool { return slices.Contains(Categories, c) }

// Title is the category's display name.
func (c Category) Title() string {
	switch c {
	case Security:
		return "Security"
	case Availability:
		return "Availability"
	case Confidentiality:
		return "Confidentiality"
	case ProcessingIntegrity:
		return "Processing Integrity"
	case Privacy:
		return "Privacy"
	case ISMS:
		return "ISO 27001 management system"
	}
	return string(c)
}

// Valid reports whether c is a known category of a question: a Trust
// Services Category or ISMS.
func (c Category) Valid() bool { return c.IsTSC() || c == ISMS }

// Severity is how likely a missing control becomes an audit finding or a real
// risk.
type Severity string

const (
	Critical Severity = "critical"
	High     Severity = "high"
	Medium   Severity = "medium"
	Low      Severity = "low"
)

// Title is the severity with a capital, as a label: "Critical".
func (s Severity) Title() string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// Severities lists severities from most to least severe.
var Severities = []Severity{Critical, High, Medium, Low}

// Weight is the severity's weight in readiness and priority.
func (s Severity) Weight() float64 {
	switch s {
	case Critical:
		return 4
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	}
	return 0
}

// Effort is the size of the work to close a gap, for a small team.
type Effort string

const (
	EffortS Effort = "S" // up to a week
	EffortM Effort = "M" // up to a month
	EffortL Effort = "L" // more than a month
)

// Efforts lists the effort sizes.
var Efforts = []Effort{EffortS, EffortM, EffortL}

// Weeks is the person-weeks an effort size stands for in the timeline: a
// typical value inside each band (S is at most a week and often a day or
// two; M up to a month; L more), not its upper bound, so that a plan of many
// small items is not overstated.
func (e Effort) Weeks() float64 {
	switch e {
	case EffortS:
		return 0.5
	case EffortM:
		return 2
	case EffortL:
		return 5
	}
	return 0
}

// EvidenceKind is what an auditor inspects to test a control.
type EvidenceKind string

const (
	Config   EvidenceKind = "config"   // a setting, inspected as it stands
	Event    EvidenceKind = "event"    // a record per event, sampled over the period
	Periodic EvidenceKind = "periodic" // a recurring activity, each occurrence inspected
)

// EvidenceKinds lists the evidence kinds.
var EvidenceKinds = []EvidenceKind{Config, Event, Periodic}

// NeedsHistory reports whether the control must run for a while before a
// Type II window can show it operating.
func (k EvidenceKind) NeedsHistory() bool { return k == Event || k == Periodic }

// Frequency is how often a periodic control runs.
type Frequency string

const (
	Monthly    Frequency = "monthly"
	Quarterly  Frequency = "quarterly"
	Semiannual Frequency = "semiannual"
	Annual     Frequency = "annual"
)

// Frequencies lists the frequencies, most frequent first.
var Frequencies = []Frequency{Monthly, Quarterly, Semiannual, Annual}

// Months is the number of months between two runs, or 0 for an unknown
// frequency.
func (f Frequency) Months() int {
	switch f {
	case Monthly:
		return 1
	case Quarterly:
		return 3
	case Semiannual:
		return 6
	case Annual:
		return 12
	}
	return 0
}

// Criterion is one criterion of the catalog, e.g. CC6.1.
type Criterion struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Category Category `json:"category"`

	at yamlfile.Pos
}

// Area groups questions on screen, e.g. "access".
type Area struct {
	ID    string `json:"id"`
	Title string `json:"title"`

	at yamlfile.Pos
}

// Help is a question's guidance, in the four parts every question has.
type Help struct {
	// Why is why an auditor, or a real attacker, cares.
	Why string `json:"why"`
	// Good is what good looks like in a small cloud company.
	Good string `json:"good"`
	// Evidence is what the auditor asks to see.
	Evidence string `json:"evidence"`
	// FirstSteps are the concrete first steps to close the gap, in order.
	FirstSteps []string `json:"first_steps"`
}

// Question is one question of the gap analysis.
type Question struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Area     string       `json:"area"`
	Category Category     `json:"category"`
	Text     string       `json:"text"`
	Help     Help         `json:"help"`
	Criteria []string     `json:"criteria"`
	Severity Severity     `json:"severity"`
	Effort   Effort       `json:"effort"`
	Evidence EvidenceKind `json:"evidence"`
	// Frequency is how often a periodic control runs; empty otherwise.
	Frequency Frequency `json:"frequency,omitempty"`
	// LeadTimeWeeks is calendar time spent waiting on others (a vendor's
	// schedule, a background-check turnaround): it moves dates but costs no
	// person-weeks.
	LeadTimeWeeks float64 `json:"lead_time_weeks,omitempty"`
	// Package is the work package the gap is closed in, or empty.
	Package       string   `json:"package,omitempty"`
	DependsOn     []string `json:"depends_on"`
	AppliesIf     string   `json:"applies_if,omitempty"`
	ISO27001      []string `json:"iso27001"`
	CommonFinding bool     `json:"common_finding"`
	// SeeAlso names near-duplicates kept on purpose.
	SeeAlso []string `json:"see_also,omitempty"`

	cond Condition
	// src is where the question stands in its file, while it is loaded:
	// problems are found then, and a bank's positions are not kept after.
	src *questionSource
}

// Package is a work package: gaps that are closed together and share a
// setup cost.
type Package struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// SetupWeeks is the shared setup, in person-weeks, paid once when any
	// member is a gap.
	SetupWeeks float64 `json:"setup_weeks"`

	at yamlfile.Pos
}

// Retired is a question of an earlier bank version that is no longer asked.
type Retired struct {
	ID string `json:"id"`
	// Successor is the current question that now asks it, if any; answers
	// move there.
	Successor string `json:"successor,omitempty"`
	// AlsoNew are the other parts of a split question: new questions to
	// answer.
	AlsoNew []string `json:"also_new,omitempty"`
	Reason  string   `json:"reason"`

	at       yamlfile.Pos
	fieldsAt map[string]yamlfile.Pos
}

// questionSource remembers where a question's parts stand in its file,
// compactly: a bank of 5,000 questions keeps 110,000 positions.
type questionSource struct {
	at pos
	// fields are the positions of the values of questionFields, then of
	// helpFields; a field that is absent is at its mapping.
	fields    [len(questionFields) + len(helpFields)]pos
	words     wordCounts
	visit     visitState // of validateCycles
	criteria  []yamlfile.Pos
	dependsOn []yamlfile.Pos
	seeAlso   []yamlfile.Pos
}

// pos is a yamlfile.Pos in half the space: files are at most 16 MB.
type pos struct{ line, col int32 }

func compact(p yamlfile.Pos) pos { return pos{int32(p.Line), int32(p.Col)} }

// field is the position of a question's field, by name: "text",
// "help.why"; the zero position for a name that is no field.
func (s *questionSource) field(name string) yamlfile.Pos {
	i := slices.Index(questionFields[:], name)
	if h, ok := strings.CutPrefix(name, "help."); ok {
		if j := slices.Index(helpFields[:], h); j >= 0 {
			i = len(questionFields) + j
		}
	}
	if i < 0 {
		return yamlfile.Pos{}
	}
	return yamlfile.Pos{Line: int(s.fields[i].line), Col: int(s.fields[i].col)}
}

// Applies reports whether the question applies given the scope facts.
// A question without a condition always applies.
func (q *Question) Applies(facts Facts) bool {
	if q.cond == nil {
		return true
	}
	return q.cond.Eval(facts)
}

// Questionnaire is a loaded, validated questionnaire.
type Questionnaire struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Format is the file format's version; 2 is the current one.
	Format    int         `json:"format"`
	Version   string      `json:"version"`
	Areas     []Area      `json:"areas"`
	Criteria  []Criterion `json:"criteria"`
	Packages  []Package   `json:"packages,omitempty"`
	Retired   []Retired   `json:"retired,omitempty"`
	Questions []*Question `json:"questions"`

	// Warnings are problems that do not stop a custom file from loading.
	Warnings yamlfile.Problems `json:"-"`

	byID        map[string]*Question
	criterionBy map[string]*Criterion
	areaBy      map[string]*Area
	packageBy   map[string]*Package
	retiredBy   map[string]*Retired
}

// Question returns the question with the given ID, or nil.
func (qn *Questionnaire) Question(id string) *Question { return qn.byID[id] }

// Criterion returns the criterion with the given ID, or nil.
func (qn *Questionnaire) Criterion(id string) *Criterion { return qn.criterionBy[id] }

// Package returns the work package with the given ID, or nil.
func (qn *Questionnaire) Package(id string) *Package { return qn.packageBy[id] }

// RetiredQuestion returns what the questionnaire says of a question ID it no
// longer asks, or nil.
func (qn *Questionnaire) RetiredQuestion(id string) *Retired { return qn.retiredBy[id] }

// Area returns the area with the given ID, or nil.
func (qn *Questionnaire) Area(id string) *Area { return qn.areaBy[id] }

// CriteriaOf returns the catalog's criteria of one category, in catalog order.
func (qn *Questionnaire) CriteriaOf(c Category) []Criterion {
	var out []Criterion
	for _, cr := range qn.Criteria {
		if cr.Category == c {
			out = append(out, cr)
		}
	}
	return out
}

func (qn *Questionnaire) index() {
	qn.byID = make(map[string]*Question, len(qn.Questions))
	for _, q := range qn.Questions {
		if _, dup := qn.byID[q.ID]; !dup {
			qn.byID[q.ID] = q
		}
	}
	qn.criterionBy = make(map[string]*Criterion, len(qn.Criteria))
	for i := range qn.Criteria {
		qn.criterionBy[qn.Criteria[i].ID] = &qn.Criteria[i]
	}
	qn.areaBy = make(map[string]*Area, len(qn.Areas))
	for i := range qn.Areas {
		qn.areaBy[qn.Areas[i].ID] = &qn.Areas[i]
	}
	qn.packageBy = make(map[string]*Package, len(qn.Packages))
	for i := range qn.Packages {
		qn.packageBy[qn.Packages[i].ID] = &qn.Packages[i]
	}
	qn.retiredBy = make(map[string]*Retired, len(qn.Retired))
	for i := range qn.Retired {
		qn.retiredBy[qn.Retired[i].ID] = &qn.Retired[i]
	}
}

func (qn *Questionnaire) criterionPos(id string) yamlfile.Pos {
	if c := qn.Criterion(id); c != nil {
		return c.at
	}
	return yamlfile.Pos{}
}

// HelpSection is one labelled part of a question's help. Every screen and
// export shows the parts in this order, under these labels.
type HelpSection struct {
	Label string
	Text  string   // the prose, for every part but the first steps
	Steps []string // the first steps, in order
}

// Help section labels.
const (
	LabelWhy        = "Why it matters"
	LabelGood       = "What good looks like"
	LabelEvidence   = "What the auditor asks for"
	LabelFirstSteps = "First steps"
)

// Sections returns the help's parts in display order, leaving out empty ones.
func (h Help) Sections() []HelpSection {
	var out []HelpSection
	for _, s := range []HelpSection{
		{Label: LabelWhy, Text: h.Why},
		{Label: LabelGood, Text: h.Good},
		{Label: LabelEvidence, Text: h.Evidence},
		{Label: LabelFirstSteps, Steps: h.FirstSteps},
	} {
		if strings.TrimSpace(s.Text) != "" || len(s.Steps) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// NumberedSteps renders the first steps as a numbered list, one per line;
// a single step is not numbered.
func (h Help) NumberedSteps() string {
	if len(h.FirstSteps) == 1 {
		return h.FirstSteps[0]
	}
	lines := make([]string, len(h.FirstSteps))
	for i, s := range h.FirstSteps {
		lines[i] = fmt.Sprintf("%d. %s", i+1, s)
	}
	return strings.Join(lines, "\n")
}

// Prose renders the help's paragraphs (all but the first steps) as labelled
// plain text, a blank line apart.
func (h Help) Prose() string {
	var paras []string
	for _, s := range h.Sections() {
		if s.Text != "" {
			paras = append(paras, s.Label+": "+strings.TrimSpace(s.Text))
		}
	}
	return strings.Join(paras, "\n\n")
}
