package scaledata

import (
	"context"
	"fmt"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/store"
)

// AssessmentSizes are the store sizes the README's scaling table reports.
var AssessmentSizes = []int{1000, 10000, 30000}

// Fill imports demo-sized assessments into the store until it holds n
// named "Client 00001" and so on: each with the demo's full scope, its 123
// answers and their history, through the store's own Import so that the
// rows are what gapmap writes.
func Fill(ctx context.Context, s *store.Store, n int, progress func(done int)) error {
	qn, err := questionnaire.Builtin("soc2")
	if err != nil {
		return err
	}
	demo, err := Answered(qn)
	if err != nil {
		return err
	}
	sum := assessment.Evaluate(qn, demo).Summarize()
	base := demo.UpdatedAt
	for i := range n {
		a := *demo
		a.Name = fmt.Sprintf("Client %05d", i+1)
		a.UUID = "" // each its own assessment, with a UUID of its own
		a.UpdatedAt = base.Add(-time.Duration(i) * time.Minute)
		if _, err := s.Import(ctx, &a, sum, "benchdata", false); err != nil {
			return err
		}
		if progress != nil && (i+1)%1000 == 0 {
			progress(i + 1)
		}
	}
	return nil
}
