package roadmap

import "github.com/gapmap/gapmap/internal/questionnaire"

// These read the questionnaire-format-2 fields of a question (title,
// package, lead time, frequency). Format 2 is being added to the
// questionnaire package in parallel; until it lands they give the format-1
// reading: the ID as the title, no package, no lead time, and no frequency.

func titleOf(q *questionnaire.Question) string { return q.ID }

func packageOf(q *questionnaire.Question) string { return "" }

func leadWeeksOf(q *questionnaire.Question) float64 { return 0 }

func frequencyOf(q *questionnaire.Question) Frequency { return "" }

// packageInfo returns the title and setup weeks of a package of qn.
func packageInfo(qn *questionnaire.Questionnaire, id string) (title string, setup float64, ok bool) {
	return "", 0, false
}
