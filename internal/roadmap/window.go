package roadmap

import (
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Window is the Type II observation window's calendar: every recurring
// control in scope, set up before the window opens, and the months of the
// window in which it must run, since the auditor asks for each occurrence
// due in the period (§3.1 of the reference).
type Window struct {
	Months int
	// Start and End are the window's dates, when the assessment has a
	// start date. The window opens when the plan is ready.
	Start, End *time.Time
	// Runs are the recurring controls, in questionnaire order.
	Runs []Run
}

// Run is a recurring control and the months of the window it runs in.
type Run struct {
	Question  *questionnaire.Question
	Title     string
	Frequency questionnaire.Frequency
	// Months are the months of the window, 1 to Window.Months, in which
	// the control must run.
	Months []int
	// Gap is true when the control is a gap of the plan: it is set up
	// before the window opens.
	Gap bool
}

// MonthStart is the first day of month m (1-based) of the window, or nil
// when the window has no dates.
func (w Window) MonthStart(m int) *time.Time {
	if w.Start == nil {
		return nil
	}
	d := w.Start.AddDate(0, m-1, 0)
	return &d
}

// RunOf returns the run of the recurring control with the given question
// ID, if it has one in the window.
func (w *Window) RunOf(id string) (Run, bool) {
	if w == nil {
		return Run{}, false
	}
	for _, r := range w.Runs {
		if r.Question.ID == id {
			return r, true
		}
	}
	return Run{}, false
}

// RunsIn returns the runs due in month m, in questionnaire order.
func (w Window) RunsIn(m int) []Run {
	var out []Run
	for _, r := range w.Runs {
		for _, rm := range r.Months {
			if rm == m {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// buildWindow lays out the runs of every applicable recurring control not
// answered "na" inside a window of months months from start to end (nil
// when there are no dates).
func buildWindow(qn *questionnaire.Questionnaire, a *assessment.Assessment, g *gapGraph, months int, start, end *time.Time) *Window {
	w := &Window{Months: months, Start: start, End: end}
	gaps := map[string]bool{}
	for _, n := range g.nodes {
		gaps[n.item.Question.ID] = true
	}
	facts := a.Scope.Facts()
	for _, q := range qn.Questions {
		// ISMS controls run too, but the SOC 2 auditor does not test them.
		if q.Evidence != questionnaire.Periodic || !q.Category.IsTSC() || !a.Applies(q, facts) {
			continue
		}
		if ans, ok := a.Answers[q.ID]; ok && ans.Value == assessment.NA {
			continue
		}
		f := q.Frequency
		if f.Months() == 0 {
			f = questionnaire.Annual // at least one completed cycle must fall in the window
		}
		w.Runs = append(w.Runs, Run{Question: q, Title: titleOf(q), Frequency: f, Gap: gaps[q.ID]})
	}
	annual, k := 0, 0
	for _, r := range w.Runs {
		if r.Frequency == questionnaire.Annual {
			annual++
		}
	}
	for i := range w.Runs {
		r := &w.Runs[i]
		switch r.Frequency {
		case questionnaire.Annual:
			// Spread the yearly runs over the window so they do not all
			// land in its first month.
			r.Months = []int{1 + k*months/annual}
			k++
		default:
			for m := 1; m <= months; m += r.Frequency.Months() {
				r.Months = append(r.Months, m)
			}
		}
	}
	return w
}
