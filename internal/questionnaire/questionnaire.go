// Package questionnaire owns the questionnaire format: a framework's criteria
// catalog, its question areas and its questions, loaded from YAML and
// validated so that every problem is reported with its file, line and column.
package questionnaire

import (
	"strings"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// Category is a Trust Services Category. Security is always in scope.
type Category string

const (
	Security            Category = "security"
	Availability        Category = "availability"
	Confidentiality     Category = "confidentiality"
	ProcessingIntegrity Category = "processing_integrity"
	Privacy             Category = "privacy"
)

// Categories lists every category in report order.
var Categories = []Category{Security, Availability, Confidentiality, ProcessingIntegrity, Privacy}

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
	}
	return string(c)
}

// Valid reports whether c is a known category.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

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

// Question is one question of the gap analysis.
type Question struct {
	ID            string       `json:"id"`
	Area          string       `json:"area"`
	Category      Category     `json:"category"`
	Text          string       `json:"text"`
	Help          string       `json:"help"`
	Criteria      []string     `json:"criteria"`
	Severity      Severity     `json:"severity"`
	Effort        Effort       `json:"effort"`
	Evidence      EvidenceKind `json:"evidence"`
	Remediation   string       `json:"remediation"`
	DependsOn     []string     `json:"depends_on"`
	AppliesIf     string       `json:"applies_if,omitempty"`
	ISO27001      []string     `json:"iso27001"`
	CommonFinding bool         `json:"common_finding"`

	cond Condition
	src  questionSource
}

// questionSource remembers where a question's parts stand in its file.
type questionSource struct {
	at        yamlfile.Pos
	fields    map[string]yamlfile.Pos
	criteria  []yamlfile.Pos
	dependsOn []yamlfile.Pos
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
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Version   string      `json:"version"`
	Areas     []Area      `json:"areas"`
	Criteria  []Criterion `json:"criteria"`
	Questions []*Question `json:"questions"`

	byID        map[string]*Question
	criterionBy map[string]*Criterion
	areaBy      map[string]*Area
}

// Question returns the question with the given ID, or nil.
func (qn *Questionnaire) Question(id string) *Question { return qn.byID[id] }

// Criterion returns the criterion with the given ID, or nil.
func (qn *Questionnaire) Criterion(id string) *Criterion { return qn.criterionBy[id] }

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
}

func (qn *Questionnaire) criterionPos(id string) yamlfile.Pos {
	if c := qn.Criterion(id); c != nil {
		return c.at
	}
	return yamlfile.Pos{}
}
