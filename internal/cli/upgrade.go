package cli

import (
	"fmt"
	"io"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// writeUpgrade tells the user what moving to the questionnaire's current
// version did to their answers: nothing changes silently.
func writeUpgrade(w io.Writer, qn *questionnaire.Questionnaire, u assessment.Upgrade) {
	if u.Empty() {
		return
	}
	fmt.Fprintf(w, "Questionnaire %s %s no longer asks some questions these answers were given to:\n", qn.ID, qn.Version)
	for _, m := range u.Moved {
		fmt.Fprintf(w, "  moved  %s -> %s (%s): %s\n", m.From, m.To, titleOf(qn, m.To), m.Reason)
	}
	for _, id := range u.NoLongerAsked {
		fmt.Fprintf(w, "  kept   %s as no longer asked, left out of the scores (%s)\n", id, assessment.KeptReason(qn, id))
	}
	for _, id := range u.NewQuestions {
		fmt.Fprintf(w, "  new    %s (%s): split from a question you answered; answer it next\n", id, titleOf(qn, id))
	}
}

func titleOf(qn *questionnaire.Questionnaire, id string) string {
	if q := qn.Question(id); q != nil {
		return q.Title
	}
	return id
}
