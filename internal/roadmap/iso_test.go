package roadmap_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// With the ISO target the ISMS gaps are planned in their own package, the
// SOC 2 dates stay as they were, and the timeline names Stage 1, Stage 2
// and the certificate.
func TestISOTargetPlansISMSGapsApart(t *testing.T) {
	qn, err := questionnaire.Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	a := assessment.New("iso", qn.ID, start)
	a.Target = assessment.Target{Type: assessment.TypeII, WindowMonths: 6, StartDate: "2027-01-04"}
	a.Scope.Capacity = 2
	for _, q := range qn.Questions {
		v := assessment.Partial
		if q.Category == questionnaire.ISMS {
			v = assessment.No
		}
		a.SetAnswer(q.ID, assessment.Answer{Value: v}, start)
	}
	off := roadmap.Build(qn, a)
	if off.Timeline.ISO != nil {
		t.Error("ISO audits without the ISO target")
	}
	a.Scope.SetFact(questionnaire.ISMSFact, true)
	on := roadmap.Build(qn, a)

	isms := 0
	for _, it := range on.Items {
		if it.Question.Category == questionnaire.ISMS {
			isms++
			if it.Package != "isms" {
				t.Errorf("%s: package %q, want isms", it.ID(), it.Package)
			}
		} else if it.Package == "isms" {
			t.Errorf("%s: a SOC 2 gap in the ISMS package", it.ID())
		}
	}
	if isms < 15 || len(on.Items) != len(off.Items)+isms {
		t.Errorf("%d ISMS items, %d items with the target and %d without", isms, len(on.Items), len(off.Items))
	}
	if !reflect.DeepEqual(off.Timeline.Estimate, on.Timeline.Estimate) || off.Timeline.AloneWeeks != on.Timeline.AloneWeeks {
		t.Errorf("the ISO target moved the SOC 2 dates:\noff %+v\non  %+v", off.Timeline.Estimate, on.Timeline.Estimate)
	}
	ia := on.Timeline.ISO
	if ia == nil {
		t.Fatal("no ISO audits with the ISO target")
	}
	if ia.WorkWeeks <= on.Timeline.WorkWeeks || ia.ReadinessWeeks < on.Timeline.ReadinessWeeks {
		t.Errorf("ISO work %v weeks, ready in %d; SOC 2 %v, %d: the ISMS work is missing",
			ia.WorkWeeks, ia.ReadinessWeeks, on.Timeline.WorkWeeks, on.Timeline.ReadinessWeeks)
	}
	// Stage 1 the week after readiness; Stage 2 after 13 weeks of the ISMS
	// running (more than Stage 1 plus 8); the decision 6 weeks later.
	r := ia.ReadinessWeeks
	if ia.Stage1Weeks != r+1 || ia.Stage2Weeks != r+13 || ia.CertificateWeeks != r+19 {
		t.Errorf("ready %d, Stage 1 %d, Stage 2 %d, certificate %d; want %d, %d, %d", r, ia.Stage1Weeks, ia.Stage2Weeks, ia.CertificateWeeks, r+1, r+13, r+19)
	}
	if want := start.AddDate(0, 0, 7*(r+13)); ia.Stage2 == nil || !ia.Stage2.Equal(want) {
		t.Errorf("Stage 2 on %v, want %v", ia.Stage2, want)
	}
	for _, run := range on.Timeline.Window.Runs {
		if run.Question.Category == questionnaire.ISMS {
			t.Errorf("%s in the SOC 2 observation window", run.Question.ID)
		}
	}
}
