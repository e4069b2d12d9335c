// Package report renders an assessment and its roadmap as the deliverables
// gapmap exports: Markdown for people, JSON for machines (it imports back),
// and CSV for spreadsheets and ticket imports. It is pure: the same input
// always gives the same bytes, and user-entered text can never change the
// structure of a document.
package report

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// Input is everything a report shows.
type Input struct {
	Questionnaire *questionnaire.Questionnaire
	Assessment    *assessment.Assessment
	Evaluation    assessment.Evaluation
	// ISO is the ISO/IEC 27001:2022 view of the same answers; the exports
	// show it only with the ISO target (ISO.Target).
	ISO  assessment.ISOView
	Plan roadmap.Plan
	// Generated is when the report is made, in the user's time zone: its
	// day is the one the reports show.
	Generated time.Time
	// Brand is the title, author, logo and draft mark of the HTML report.
	Brand Brand
}

// NewInput evaluates an assessment and builds its roadmap.
func NewInput(qn *questionnaire.Questionnaire, a *assessment.Assessment, now time.Time) Input {
	return Input{
		Questionnaire: qn,
		Assessment:    a,
		Evaluation:    assessment.Evaluate(qn, a),
		ISO:           assessment.EvaluateISO(qn, a),
		Plan:          roadmap.Build(qn, a),
		Generated:     now,
	}
}

// percent shows a 0–1 share as a whole percentage.
func percent(x float64) string {
	return strconv.Itoa(int(math.Round(x*100))) + "%"
}

// readiness shows a score's "controls in place" share, or a dash when
// nothing counts yet.
func readiness(s assessment.Score) string {
	if s.Scored == 0 {
		return "—"
	}
	return percent(s.Readiness)
}

// auditable shows a score's "auditable today" share, or a dash when
// nothing counts yet.
func auditable(s assessment.Score) string {
	if s.Scored == 0 {
		return "—"
	}
	return percent(s.Auditable)
}

// number shows a quantity with at most two decimals and no trailing zeros.
func number(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func personWeeks(x float64) string {
	if x == 1 {
		return "1 person-week"
	}
	return number(x) + " person-weeks"
}

// date shows a calendar date of a plan (a start, a target, a window),
// which is kept as midnight UTC.
func date(t time.Time) string { return t.UTC().Format(assessment.DateLayout) }

// day shows the day of an instant in its own time zone. The command line
// and the program pass the local time as now, so a report generated at
// 07:13 on 6 December in Kiritimati says 2026-12-06, as gapmap list does,
// not the UTC date.
func day(t time.Time) string { return t.Format(assessment.DateLayout) }

// answerLabel is the short label of an answer, or says it is missing.
func answerLabel(ans assessment.Answer, answered bool) string {
	if !answered {
		return "Not answered yet"
	}
	return ans.Value.Short()
}
