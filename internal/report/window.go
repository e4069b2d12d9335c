package report

import (
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// windowCalendar is the Type II observation window's calendar: every
// recurring control in scope and the months of the window in which the
// auditor expects it to have run.
//
// It has the shape of the roadmap's own Window on the roadmap branch
// (Months, Start, End, Runs of Title, Frequency, Months, Gap), so that once
// that lands calendarOf becomes a read of in.Plan.Timeline.Window.
type windowCalendar struct {
	Months     int
	Start, End *time.Time
	Runs       []windowRun
}

type windowRun struct {
	Question  *questionnaire.Question
	Title     string
	Frequency questionnaire.Frequency
	// Months are 1-based months of the window.
	Months []int
	// Gap is true when the control is a gap of the plan, to be set up before
	// the window opens.
	Gap bool
}

// MonthStart is the first day of month m of the window, or nil without dates.
func (w windowCalendar) MonthStart(m int) *time.Time {
	if w.Start == nil {
		return nil
	}
	d := w.Start.AddDate(0, m-1, 0)
	return &d
}

// calendarOf lays out the window of a Type II assessment: each applicable
// periodic control not answered "na" runs at its frequency from the first
// month (annual when it names none); yearly runs are spread over the window
// so they do not all fall in its first month. Nil for Type I.
func calendarOf(in Input) *windowCalendar {
	a, t := in.Assessment, in.Plan.Timeline
	if a.Target.Type != assessment.TypeII {
		return nil
	}
	w := &windowCalendar{Months: a.Target.WindowMonths, Start: t.Ready, End: t.WindowEnd}
	gaps := map[string]bool{}
	for _, it := range in.Plan.Items {
		gaps[it.Question.ID] = true
	}
	facts := a.Scope.Facts()
	for _, q := range in.Questionnaire.Questions {
		if q.Evidence != questionnaire.Periodic || !a.Applies(q, facts) {
			continue
		}
		if ans, ok := a.Answers[q.ID]; ok && ans.Value == assessment.NA {
			continue
		}
		f := q.Frequency
		if f.Months() == 0 {
			f = questionnaire.Annual
		}
		w.Runs = append(w.Runs, windowRun{Question: q, Title: titleOf(q), Frequency: f, Gap: gaps[q.ID]})
	}
	annual := 0
	for _, r := range w.Runs {
		if r.Frequency == questionnaire.Annual {
			annual++
		}
	}
	k := 0
	for i := range w.Runs {
		r := &w.Runs[i]
		if r.Frequency == questionnaire.Annual {
			r.Months = []int{1 + k*w.Months/annual}
			k++
			continue
		}
		for m := 1; m <= w.Months; m += r.Frequency.Months() {
			r.Months = append(r.Months, m)
		}
	}
	return w
}
