package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// SoARow is one Annex A control of the draft Statement of Applicability.
type SoARow struct {
	Control questionnaire.ISOControl
	// Applicable is "yes", "no" (every answer says it does not apply, or the
	// scope leaves it to a provider) or "to decide" (nothing answered).
	Applicable    string
	Justification string
	Status        string
	Questions     []string
	Owners        []string
	Evidence      []string
}

// SoA applicability values.
const (
	SoAYes      = "yes"
	SoANo       = "no"
	SoAToDecide = "to decide"
)

// soaDraftNote says what the draft is, in the document itself.
const soaDraftNote = "This is a DRAFT Statement of Applicability, filled from the readiness answers. " +
	"An auditor expects the SoA to follow from the risk treatment plan (ISO/IEC 27001:2022 clause 6.1.3): " +
	"each applicable control chosen to treat a risk, each exclusion justified. " +
	"Check every row against your own risk treatment plan before you use it."

// SoARows builds the draft SoA: one row per Annex A control, in order.
func SoARows(qn *questionnaire.Questionnaire, a *assessment.Assessment, v assessment.ISOView) []SoARow {
	facts := a.Scope.Facts()
	rows := make([]SoARow, len(v.Controls))
	for i, c := range v.Controls {
		r := SoARow{Control: c.Control, Status: string(c.Status())}
		if c.Unknown > 0 {
			r.Status += fmt.Sprintf(" (%d to confirm)", c.Unknown)
		}
		var naNotes []string
		for _, q := range c.Questions {
			r.Questions = append(r.Questions, q.ID)
			ans, ok := a.Answers[q.ID]
			if !ok {
				continue
			}
			addOnce(&r.Owners, ans.Owner)
			addOnce(&r.Evidence, ans.Evidence)
			if ans.Value == assessment.NA {
				naNotes = append(naNotes, q.ID+": "+sanitizeLine(ans.Note))
			}
		}
		switch c.Status() {
		case assessment.NotAssessed:
			r.Applicable = SoAToDecide
			r.Justification = assessment.NotAssessedReason(qn, a, c.Control.ID)
			if c.Control.Theme == questionnaire.Physical && !facts["has_offices"] && !facts["own_hardware"] {
				r.Applicable = SoANo
				r.Justification = "proposed exclusion: the scope has no offices and no hardware of its own; " +
					"the cloud provider runs its premises (cite its certificate or SOC 2 report)"
			}
		case assessment.NotAnswered:
			r.Applicable = SoAToDecide
			r.Justification = "not assessed yet: its questions are unanswered"
		case assessment.AllNA:
			r.Applicable = SoANo
			r.Justification = "answered as not applicable: " + strings.Join(naNotes, "; ")
		default:
			r.Applicable = SoAYes
			r.Justification = "in the assessed scope; trace it to a risk in the treatment plan"
			if len(naNotes) > 0 {
				r.Justification += "; not applicable in part: " + strings.Join(naNotes, "; ")
			}
		}
		rows[i] = r
	}
	return rows
}

func addOnce(list *[]string, s string) {
	s = sanitizeLine(s)
	if s != "" && !slices.Contains(*list, s) {
		*list = append(*list, s)
	}
}

// sanitizeLine folds user text to one trimmed line.
func sanitizeLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// SoAMarkdown writes the draft Statement of Applicability as Markdown.
func SoAMarkdown(w io.Writer, in Input) error {
	a := in.Assessment
	name := inline(a.Name)
	if name == "" {
		name = "unnamed assessment"
	}
	d := newDoc()
	d.heading(1, "Statement of Applicability (draft): "+name)
	d.para("**Draft.** " + soaDraftNote)
	d.para(fmt.Sprintf("ISO/IEC 27001:2022 Annex A, 93 controls. Control titles are gapmap's own short paraphrases, not the standard's text. "+
		"Generated on %s by gapmap from the questionnaire %s, version %s.", day(in.Generated), inline(in.Questionnaire.Title), inline(in.Questionnaire.Version)))
	rows := SoARows(in.Questionnaire, a, in.ISO)
	count := map[string]int{}
	for _, r := range rows {
		count[r.Applicable]++
	}
	d.heading(2, "Summary")
	d.list([]listItem{
		{fmt.Sprintf("**Applicable:** %d controls", count[SoAYes])},
		{fmt.Sprintf("**Not applicable (from the answers or the scope):** %d controls", count[SoANo])},
		{fmt.Sprintf("**To decide (not assessed yet):** %d controls", count[SoAToDecide])},
	})
	for _, t := range questionnaire.ISOThemes {
		d.heading(2, themeHeading(t))
		var table [][]string
		for _, r := range rows {
			if r.Control.Theme != t {
				continue
			}
			table = append(table, []string{
				r.Control.ID, inline(r.Control.Title), r.Applicable, inline(r.Justification), inline(r.Status),
				inline(strings.Join(r.Questions, ", ")), inline(strings.Join(r.Owners, "; ")), inline(strings.Join(r.Evidence, "; ")),
			})
		}
		d.table([]column{{header: "Control"}, {header: "What it asks (our words)"}, {header: "Applicable"}, {header: "Justification"},
			{header: "Implementation"}, {header: "Questions"}, {header: "Owner"}, {header: "Evidence"}}, table)
	}
	_, err := w.Write(d.bytes())
	return err
}

func themeHeading(t questionnaire.ISOTheme) string {
	n := map[questionnaire.ISOTheme]string{
		questionnaire.Organizational: "A.5", questionnaire.People: "A.6",
		questionnaire.Physical: "A.7", questionnaire.Technological: "A.8",
	}[t]
	return fmt.Sprintf("%s %s controls", n, t.Title())
}

var soaCSVHeader = []string{
	"document", "control", "theme", "title", "applicable", "justification",
	"implementation", "questions", "owner", "evidence",
}

// SoACSV writes the draft Statement of Applicability as RFC 4180 CSV, one
// row per Annex A control. Every row says it is a draft, so a row copied
// alone still does.
func SoACSV(w io.Writer, in Input) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(soaCSVHeader); err != nil {
		return err
	}
	for _, r := range SoARows(in.Questionnaire, in.Assessment, in.ISO) {
		if err := cw.Write([]string{
			"draft SoA: to follow from the risk treatment plan",
			r.Control.ID, string(r.Control.Theme), csvCell(r.Control.Title), r.Applicable,
			csvCell(r.Justification), csvCell(r.Status), csvCell(strings.Join(r.Questions, " ")),
			csvCell(strings.Join(r.Owners, "; ")), csvCell(strings.Join(r.Evidence, "; ")),
		}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
