package roadmap

import "github.com/gapmap/gapmap/internal/questionnaire"

// titleOf is a question's short title, or its ID when it has none.
func titleOf(q *questionnaire.Question) string {
	if q.Title != "" {
		return q.Title
	}
	return q.ID
}

// packageInfo returns the title and setup weeks of a package of qn.
func packageInfo(qn *questionnaire.Questionnaire, id string) (title string, setup float64, ok bool) {
	p := qn.Package(id)
	if p == nil {
		return "", 0, false
	}
	return p.Title, p.SetupWeeks, true
}
