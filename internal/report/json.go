package report

import (
	"encoding/json"
	"io"
	"math"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// jsonExport is the JSON export. The embedded assessment contributes its own
// fields, in its own order, between "gapmap" and "summary", so the file is an
// answers file that 'gapmap import' reads back; the keys after it are
// computed and ignored on import (assessment.computedKeys). Should
// Assessment ever get a MarshalJSON method, embedding would promote it and
// drop every other key; TestJSONKeys guards against that.
type jsonExport struct {
	Version int `json:"gapmap"`
	*assessment.Assessment
	Summary jsonSummary `json:"summary"`
	// ISO is the ISO/IEC 27001:2022 view, only with the ISO target.
	ISO       *jsonISO    `json:"iso27001,omitempty"`
	Roadmap   jsonRoadmap `json:"roadmap"`
	ToConfirm []string    `json:"to_confirm"`
	FollowUps []string    `json:"follow_ups"`
}

type jsonSummary struct {
	Overall        jsonScore          `json:"overall"`
	Categories     []jsonCategory     `json:"categories"`
	Criteria       []jsonCriterion    `json:"criteria"`
	GapsBySeverity jsonGapsBySeverity `json:"gaps_by_severity"`
}

// jsonScore is a score with its figures null until an answer counts, so a
// consumer cannot mistake "nothing answered" for "0% ready". Readiness is
// the format-1 key of controls_in_place and keeps its value.
type jsonScore struct {
	Applicable      int      `json:"applicable"`
	Answered        int      `json:"answered"`
	Scored          int      `json:"scored"`
	Progress        float64  `json:"progress"`
	Readiness       *float64 `json:"readiness"`
	ControlsInPlace *float64 `json:"controls_in_place"`
	AuditableToday  *float64 `json:"auditable_today"`
}

type jsonCategory struct {
	Category questionnaire.Category `json:"category"`
	Title    string                 `json:"title"`
	jsonScore
}

type jsonCriterion struct {
	ID       string                 `json:"id"`
	Title    string                 `json:"title"`
	Category questionnaire.Category `json:"category"`
	jsonScore
}

// jsonGapsBySeverity is a struct, not a map, so severities read from most to
// least severe rather than alphabetically.
type jsonGapsBySeverity struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
}

type jsonRoadmap struct {
	Timeline jsonTimeline  `json:"timeline"`
	Items    []jsonItem    `json:"items"`
	Packages []jsonPackage `json:"packages"`
	// Now is the Now phase as entries: a package, or a question without
	// one, with the reason it is there.
	Now []jsonEntry `json:"now"`
}

// jsonTimeline keeps the format-1 keys. ready is the date the plan is ready
// for a Type I audit (for Type II, the window opens); report the earliest
// report of the target type.
type jsonTimeline struct {
	Capacity       float64               `json:"capacity"`
	WorkWeeks      float64               `json:"work_weeks"`
	AloneWeeks     float64               `json:"alone_weeks"`
	ReadinessWeeks int                   `json:"readiness_weeks"`
	Type           assessment.ReportType `json:"type"`
	WindowMonths   int                   `json:"window_months,omitempty"`
	FieldworkWeeks int                   `json:"fieldwork_weeks"`
	ReportWeeks    int                   `json:"report_weeks"`
	Start          string                `json:"start,omitempty"`
	Ready          string                `json:"ready,omitempty"`
	WindowStart    string                `json:"window_start,omitempty"`
	WindowEnd      string                `json:"window_end,omitempty"`
	Report         string                `json:"report,omitempty"`
	// IfUnknownInPlace is the estimate should every "unknown" answer turn
	// out in place; null when none is unknown.
	IfUnknownInPlace *jsonEstimate `json:"if_unknown_in_place"`
	// Window is the Type II observation window's calendar; omitted for
	// Type I.
	Window *jsonWindow `json:"window,omitempty"`
	// ISO is the way to ISO/IEC 27001 certification, estimates; omitted
	// without the ISO target.
	ISO *jsonISOAudits `json:"iso27001,omitempty"`
}

type jsonISOAudits struct {
	Estimate         bool    `json:"estimate"`
	WorkWeeks        float64 `json:"work_weeks"`
	ReadinessWeeks   int     `json:"readiness_weeks"`
	Stage1Weeks      int     `json:"stage1_weeks"`
	Stage2Weeks      int     `json:"stage2_weeks"`
	CertificateWeeks int     `json:"certificate_weeks"`
	Ready            string  `json:"ready,omitempty"`
	Stage1           string  `json:"stage1,omitempty"`
	Stage2           string  `json:"stage2,omitempty"`
	Certificate      string  `json:"certificate,omitempty"`
}

func isoAuditsJSON(ia *roadmap.ISOAudits) *jsonISOAudits {
	if ia == nil {
		return nil
	}
	return &jsonISOAudits{
		Estimate: true, WorkWeeks: round4(ia.WorkWeeks), ReadinessWeeks: ia.ReadinessWeeks,
		Stage1Weeks: ia.Stage1Weeks, Stage2Weeks: ia.Stage2Weeks, CertificateWeeks: ia.CertificateWeeks,
		Ready: optionalDate(ia.Ready), Stage1: optionalDate(ia.Stage1), Stage2: optionalDate(ia.Stage2), Certificate: optionalDate(ia.Certificate),
	}
}

type jsonEstimate struct {
	WorkWeeks      float64 `json:"work_weeks"`
	ReadinessWeeks int     `json:"readiness_weeks"`
	ReportWeeks    int     `json:"report_weeks"`
	Ready          string  `json:"ready,omitempty"`
	WindowEnd      string  `json:"window_end,omitempty"`
	Report         string  `json:"report,omitempty"`
}

type jsonWindow struct {
	Months int       `json:"months"`
	Start  string    `json:"start,omitempty"`
	End    string    `json:"end,omitempty"`
	Runs   []jsonRun `json:"runs"`
}

// jsonRun is a recurring control: the months of the window (1-based) it
// must run in, and whether it is a gap to set up before the window opens.
type jsonRun struct {
	ID        string                  `json:"id"`
	Title     string                  `json:"title"`
	Frequency questionnaire.Frequency `json:"frequency"`
	Months    []int                   `json:"months"`
	Gap       bool                    `json:"gap"`
}

type jsonPackage struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	SetupWeeks float64  `json:"setup_weeks"`
	AloneWeeks float64  `json:"alone_weeks"`
	Weeks      float64  `json:"weeks"`
	Items      []string `json:"items"`
}

type jsonEntry struct {
	Package string   `json:"package,omitempty"`
	Title   string   `json:"title"`
	Reason  string   `json:"reason"`
	Items   []string `json:"items"`
}

type jsonItem struct {
	ID            string                     `json:"id"`
	Title         string                     `json:"title"`
	Text          string                     `json:"text"`
	Phase         string                     `json:"phase"`
	Reason        string                     `json:"reason,omitempty"`
	Package       string                     `json:"package,omitempty"`
	Priority      float64                    `json:"priority"`
	Rationale     string                     `json:"rationale"`
	DependsOn     []string                   `json:"depends_on"`
	Blocks        []string                   `json:"blocks"`
	Severity      questionnaire.Severity     `json:"severity"`
	Effort        questionnaire.Effort       `json:"effort"`
	Weeks         float64                    `json:"weeks"`
	PlannedWeeks  float64                    `json:"planned_weeks"`
	LeadTimeWeeks float64                    `json:"lead_time_weeks"`
	Evidence      questionnaire.EvidenceKind `json:"evidence"`
	CommonFinding bool                       `json:"common_finding"`
	Criteria      []string                   `json:"criteria"`
	Answer        assessment.Value           `json:"answer"`
	Owner         string                     `json:"owner,omitempty"`
}

// JSON writes the whole assessment and its roadmap as one JSON object,
// indented with two spaces and ending with a newline.
func JSON(w io.Writer, in Input) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// A data file, not HTML: keep "<", ">" and "&" readable.
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonExport{
		Version:    assessment.FileVersion,
		Assessment: in.Assessment,
		Summary:    summaryJSON(in.Evaluation),
		ISO:        isoJSON(in),
		Roadmap:    roadmapJSON(in.Plan),
		ToConfirm:  itemIDs(in.Plan.ToConfirm),
		FollowUps:  followUpIDs(in.Plan.FollowUps),
	})
}

func summaryJSON(ev assessment.Evaluation) jsonSummary {
	s := jsonSummary{
		Overall:    scoreJSON(ev.Overall),
		Categories: make([]jsonCategory, len(ev.Categories)),
		Criteria:   make([]jsonCriterion, len(ev.Criteria)),
		GapsBySeverity: jsonGapsBySeverity{
			Critical: ev.GapsBySeverity[questionnaire.Critical],
			High:     ev.GapsBySeverity[questionnaire.High],
			Medium:   ev.GapsBySeverity[questionnaire.Medium],
			Low:      ev.GapsBySeverity[questionnaire.Low],
		},
	}
	for i, c := range ev.Categories {
		s.Categories[i] = jsonCategory{c.Category, c.Category.Title(), scoreJSON(c.Score)}
	}
	for i, c := range ev.Criteria {
		s.Criteria[i] = jsonCriterion{c.Criterion.ID, c.Criterion.Title, c.Criterion.Category, scoreJSON(c.Score)}
	}
	return s
}

func scoreJSON(s assessment.Score) jsonScore {
	out := jsonScore{
		Applicable: s.Applicable,
		Answered:   s.Answered,
		Scored:     s.Scored,
		Progress:   round4(s.Progress()),
	}
	if s.Scored > 0 {
		r, inPlace, auditable := round4(s.Readiness), round4(s.Readiness), round4(s.Auditable)
		out.Readiness, out.ControlsInPlace, out.AuditableToday = &r, &inPlace, &auditable
	}
	return out
}

// round4 keeps shares to four decimals so files diff cleanly.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func roadmapJSON(p roadmap.Plan) jsonRoadmap {
	t := p.Timeline
	r := jsonRoadmap{
		Timeline: jsonTimeline{
			Capacity:       t.Capacity,
			WorkWeeks:      round4(t.WorkWeeks),
			AloneWeeks:     round4(t.AloneWeeks),
			ReadinessWeeks: t.ReadinessWeeks,
			Type:           t.Type,
			WindowMonths:   t.WindowMonths,
			FieldworkWeeks: t.FieldworkWeeks,
			ReportWeeks:    t.ReportWeeks,
			Start:          optionalDate(t.Start),
			Ready:          optionalDate(t.Ready),
			WindowEnd:      optionalDate(t.WindowEnd),
			Report:         optionalDate(t.Report),
			ISO:            isoAuditsJSON(t.ISO),
		},
		Items:    make([]jsonItem, len(p.Items)),
		Packages: make([]jsonPackage, len(p.Packages)),
		Now:      []jsonEntry{},
	}
	if e := t.IfUnknownInPlace; e != nil {
		r.Timeline.IfUnknownInPlace = &jsonEstimate{
			WorkWeeks: round4(e.WorkWeeks), ReadinessWeeks: e.ReadinessWeeks, ReportWeeks: e.ReportWeeks,
			Ready: optionalDate(e.Ready), WindowEnd: optionalDate(e.WindowEnd), Report: optionalDate(e.Report),
		}
	}
	if w := t.Window; w != nil {
		r.Timeline.WindowStart = optionalDate(w.Start)
		jw := &jsonWindow{Months: w.Months, Start: optionalDate(w.Start), End: optionalDate(w.End), Runs: make([]jsonRun, len(w.Runs))}
		for i, run := range w.Runs {
			jw.Runs[i] = jsonRun{ID: run.Question.ID, Title: run.Title, Frequency: run.Frequency, Months: run.Months, Gap: run.Gap}
		}
		r.Timeline.Window = jw
	}
	for i, it := range p.Items {
		q := it.Question
		r.Items[i] = jsonItem{
			ID: q.ID, Title: it.Title, Text: q.Text, Phase: it.Phase.Slug(), Reason: string(it.Reason), Package: it.Package,
			Priority: it.Priority, Rationale: it.Rationale, DependsOn: nonNil(it.DependsOn), Blocks: nonNil(it.Blocks),
			Severity: q.Severity, Effort: q.Effort, Weeks: round4(it.Weeks), PlannedWeeks: round4(it.PlannedWeeks),
			LeadTimeWeeks: it.LeadTimeWeeks, Evidence: q.Evidence,
			CommonFinding: q.CommonFinding, Criteria: nonNil(q.Criteria),
			Answer: it.Answer.Value, Owner: it.Answer.Owner,
		}
	}
	for i, pk := range p.Packages {
		r.Packages[i] = jsonPackage{ID: pk.ID, Title: pk.Title, SetupWeeks: pk.SetupWeeks,
			AloneWeeks: round4(pk.AloneWeeks), Weeks: round4(pk.Weeks), Items: nonNil(pk.Items)}
	}
	for _, e := range p.Entries(roadmap.Now) {
		je := jsonEntry{Title: e.Title(), Reason: string(e.Reason()), Items: itemIDs(e.Items)}
		if e.Package != nil {
			je.Package = e.Package.ID
		}
		r.Now = append(r.Now, je)
	}
	return r
}

func optionalDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return date(*t)
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func itemIDs(items []roadmap.Item) []string {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.Question.ID
	}
	return ids
}

func followUpIDs(fs []roadmap.FollowUp) []string {
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Question.ID
	}
	return ids
}
