package roadmap_test

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// TestPlanProperties builds plans for generated questionnaires and
// assessments and checks every rule of the roadmap against an independent,
// brute-force reading of the rules.
func TestPlanProperties(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		r := rand.New(rand.NewPCG(seed, 0x9a9))
		qn := randomQuestionnaire(t, r)
		for round := range 8 {
			a := randomAssessment(r, qn)
			t.Run(fmt.Sprintf("seed%d/%d", seed, round), func(t *testing.T) {
				p := roadmap.Build(qn, a)
				checkItems(t, qn, a, p)
				checkDependencyOrder(t, p)
				checkPriorities(t, p)
				checkNow(t, p)
				checkTimeline(t, a, p)
				checkWindow(t, qn, a, p)
				checkTypeIIRanksAlike(t, qn, a, p)
				checkDeterministic(t, qn, a, p)
			})
		}
	}
}

var conditions = []string{"", "", "", "has_offices", "not has_offices", "personal_data and has_sla", "develops_software or own_hardware"}

func randomQuestionnaire(t *testing.T, r *rand.Rand) *questionnaire.Questionnaire {
	n := 5 + r.IntN(60)
	specs := make([]spec, n)
	for i := range specs {
		s := spec{
			id:        fmt.Sprintf("q.n%d", i),
			category:  questionnaire.Security,
			severity:  questionnaire.Severities[r.IntN(4)],
			effort:    questionnaire.Efforts[r.IntN(3)],
			evidence:  questionnaire.EvidenceKinds[r.IntN(3)],
			appliesIf: conditions[r.IntN(len(conditions))],
			common:    r.IntN(4) == 0,
			pkg:       []string{"", "small", "big", "policies"}[r.IntN(4)],
			lead:      []float64{0, 0, 0, 1, 4, 9}[r.IntN(6)],
			frequency: questionnaire.Frequencies[r.IntN(len(questionnaire.Frequencies))],
		}
		switch {
		case i < len(questionnaire.Categories):
			s.category = questionnaire.Categories[i] // every criterion covered
		case r.IntN(3) == 0:
			s.category = questionnaire.Categories[r.IntN(len(questionnaire.Categories))]
		}
		// Dependencies only on earlier questions keep the graph acyclic; the
		// shuffle below makes them point forward in the file too.
		for range r.IntN(4) {
			if i > 0 && r.IntN(2) == 0 {
				dep := fmt.Sprintf("q.n%d", r.IntN(i))
				if !slices.Contains(s.deps, dep) {
					s.deps = append(s.deps, dep)
				}
			}
		}
		specs[i] = s
	}
	r.Shuffle(len(specs), func(i, j int) { specs[i], specs[j] = specs[j], specs[i] })
	return load(t, specs...)
}

func randomAssessment(r *rand.Rand, qn *questionnaire.Questionnaire) *assessment.Assessment {
	a := assessment.New("generated", qn.ID, testNow)
	var cats []questionnaire.Category
	for _, c := range questionnaire.Categories {
		if r.IntN(2) == 0 {
			cats = append(cats, c)
		}
	}
	a.SetCategories(cats)
	for _, f := range questionnaire.KnownFacts {
		if r.IntN(2) == 0 {
			a.Scope.SetFact(f.Name, r.IntN(2) == 0)
		}
	}
	a.Scope.Capacity = []float64{0, 0.5, 1, 1.5, 3}[r.IntN(5)]
	if r.IntN(2) == 0 {
		a.Target = assessment.Target{Type: assessment.TypeII, WindowMonths: assessment.Windows[r.IntN(3)]}
	}
	if r.IntN(2) == 0 {
		a.Target.StartDate = "2027-01-04"
	}
	for _, q := range qn.Questions {
		if k := r.IntN(len(assessment.Values) + 1); k < len(assessment.Values) {
			a.SetAnswer(q.ID, assessment.Answer{Value: assessment.Values[k], Note: "why", Flagged: r.IntN(5) == 0}, testNow)
		}
	}
	return a
}

// checkItems: the items are exactly the applicable questions answered with a
// gap, each once; ToConfirm and FollowUps are exactly what they should be.
func checkItems(t *testing.T, qn *questionnaire.Questionnaire, a *assessment.Assessment, p roadmap.Plan) {
	t.Helper()
	facts := a.Scope.Facts()
	var want, wantConfirm, wantFollow, got []string
	for _, q := range qn.Questions {
		ans, answered := a.Answers[q.ID]
		applies := a.Selected(q.Category) && q.Applies(facts)
		gap := ans.Value == assessment.No || ans.Value == assessment.Partial ||
			ans.Value == assessment.NoEvidence || ans.Value == assessment.Unknown
		if answered && applies && gap {
			want = append(want, q.ID)
			if ans.Value == assessment.Unknown {
				wantConfirm = append(wantConfirm, q.ID)
			}
		}
		if answered && applies && ans.Flagged {
			wantFollow = append(wantFollow, q.ID)
		}
	}
	got = itemIDs(p.Items)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("items %v, want %v", got, want)
	}
	if got := itemIDs(p.ToConfirm); !slices.Equal(got, wantConfirm) {
		t.Errorf("to confirm %v, want %v", got, wantConfirm)
	}
	var follow []string
	for _, f := range p.FollowUps {
		follow = append(follow, f.Question.ID)
	}
	if !slices.Equal(follow, wantFollow) {
		t.Errorf("follow-ups %v, want %v", follow, wantFollow)
	}
}

// checkDependencyOrder: every dependency of an item is an item listed before
// it, and Blocks is the exact inverse of DependsOn.
func checkDependencyOrder(t *testing.T, p roadmap.Plan) {
	t.Helper()
	pos := map[string]int{}
	for i, it := range p.Items {
		pos[it.ID()] = i
	}
	blocks := map[string][]string{}
	for i, it := range p.Items {
		for _, dep := range it.DependsOn {
			j, ok := pos[dep]
			if !ok {
				t.Errorf("%s depends on %s, which is not an item", it.ID(), dep)
			} else if j >= i {
				t.Errorf("%s (at %d) comes before its dependency %s (at %d)", it.ID(), i, dep, j)
			}
			blocks[dep] = append(blocks[dep], it.ID())
		}
		for _, dep := range it.Question.DependsOn {
			if _, isItem := pos[dep]; isItem && !slices.Contains(it.DependsOn, dep) {
				t.Errorf("%s: dependency %s is an item but not in DependsOn", it.ID(), dep)
			}
		}
	}
	for _, it := range p.Items {
		got, want := slices.Sorted(slices.Values(it.Blocks)), slices.Sorted(slices.Values(blocks[it.ID()]))
		if !slices.Equal(got, want) {
			t.Errorf("%s blocks %v, want %v", it.ID(), got, want)
		}
	}
}

// checkPriorities: each item's priority is the highest base priority of
// itself and everything that waits for it, and priority never increases
// down a phase.
func checkPriorities(t *testing.T, p roadmap.Plan) {
	t.Helper()
	byID := map[string]roadmap.Item{}
	for _, it := range p.Items {
		byID[it.ID()] = it
	}
	var waiting func(id string, seen map[string]bool)
	waiting = func(id string, seen map[string]bool) {
		for _, b := range byID[id].Blocks {
			if !seen[b] {
				seen[b] = true
				waiting(b, seen)
			}
		}
	}
	for _, it := range p.Items {
		want := base(it)
		seen := map[string]bool{}
		waiting(it.ID(), seen)
		for id := range seen {
			want = math.Max(want, base(byID[id]))
		}
		if it.Priority != want {
			t.Errorf("%s priority %v, want %v", it.ID(), it.Priority, want)
		}
	}
	for i := 1; i < len(p.Items); i++ {
		prev, cur := p.Items[i-1], p.Items[i]
		if prev.Phase == cur.Phase && cur.Priority > prev.Priority {
			t.Errorf("priority rises within %v: %s %v then %s %v", cur.Phase, prev.ID(), prev.Priority, cur.ID(), cur.Priority)
		}
		if cur.Phase < prev.Phase {
			t.Errorf("phase goes back from %v to %v at %s", prev.Phase, cur.Phase, cur.ID())
		}
	}
}

func base(it roadmap.Item) float64 {
	gap, _ := it.Answer.Value.GapWeight()
	p := it.Question.Severity.Weight() * gap
	if it.Question.CommonFinding {
		p *= 1.5
	}
	return p
}

// checkNow: Now holds at most 12 entries (a package counts as one) and 20
// questions; each Now item states a reason and the reason holds for it;
// Next items state none; every dependency of a Now item is in Now.
func checkNow(t *testing.T, p roadmap.Plan) {
	t.Helper()
	now := p.Phase(roadmap.Now)
	entries := map[string]bool{}
	inNow := map[string]bool{}
	for _, it := range now {
		key := "q:" + it.ID()
		if it.Package != "" {
			key = "p:" + it.Package
		}
		entries[key] = true
		inNow[it.ID()] = true
	}
	if len(entries) > roadmap.MaxNowEntries || len(now) > roadmap.MaxNowQuestions {
		t.Errorf("Now has %d entries and %d questions", len(entries), len(now))
	}
	if got := len(p.Entries(roadmap.Now)); got != len(entries) {
		t.Errorf("Entries(Now) has %d entries, want %d", got, len(entries))
	}
	for _, e := range p.Entries(roadmap.Now) {
		stated := false
		for _, it := range e.Items {
			stated = stated || it.Reason == e.Reason()
		}
		if !stated {
			t.Errorf("entry %q states %q, which none of its items has", e.Title(), e.Reason())
		}
	}
	for _, it := range p.Items {
		q := it.Question
		if it.Phase == roadmap.Next {
			if it.Reason != "" {
				t.Errorf("%s in Next states reason %q", it.ID(), it.Reason)
			}
			continue
		}
		holds := false
		switch it.Reason {
		case roadmap.QuickWin:
			holds = q.Effort == questionnaire.EffortS && (q.Severity == questionnaire.Critical || q.Severity == questionnaire.High)
		case roadmap.Finding:
			holds = q.Severity == questionnaire.Critical || q.CommonFinding
		case roadmap.LongLead:
			holds = it.LeadTimeWeeks >= roadmap.LongLeadWeeks
		case roadmap.Foundation:
			for _, b := range it.Blocks {
				holds = holds || inNow[b]
			}
		}
		if !holds {
			t.Errorf("%s in Now for %q, which does not hold", it.ID(), it.Reason)
		}
		for _, dep := range it.DependsOn {
			if !inNow[dep] {
				t.Errorf("%s is in Now but its dependency %s is not", it.ID(), dep)
			}
		}
		if it.Rationale == "" || bytes.ContainsAny([]byte(it.Rationale), "\n\r") {
			t.Errorf("%s rationale %q is not one line", it.ID(), it.Rationale)
		}
	}
}

// checkTimeline: an item alone costs its effort times its gap weight, and
// in the plan no more; every package costs no more than its members alone;
// readiness covers the work at the capacity and the longest lead time; the
// report follows by the window and the auditor's weeks; the range for
// unknown answers is never later than the plan.
func checkTimeline(t *testing.T, a *assessment.Assessment, p roadmap.Plan) {
	t.Helper()
	tl := p.Timeline
	alone := 0.0
	for _, it := range p.Items {
		gap, _ := it.Answer.Value.GapWeight()
		if it.Weeks != it.Question.Effort.Weeks()*gap || it.PlannedWeeks > it.Weeks+1e-9 {
			t.Errorf("%s weeks %v, planned %v", it.ID(), it.Weeks, it.PlannedWeeks)
		}
		alone += it.Weeks
		if len(p.Items) > 0 && float64(tl.ReadinessWeeks) < it.LeadTimeWeeks-1e-9 {
			t.Errorf("ready in %d weeks, before %s's lead time of %v", tl.ReadinessWeeks, it.ID(), it.LeadTimeWeeks)
		}
	}
	for _, pk := range p.Packages {
		if pk.Weeks > pk.AloneWeeks+1e-9 {
			t.Errorf("package %s costs %v together, %v alone", pk.ID, pk.Weeks, pk.AloneWeeks)
		}
	}
	if math.Abs(alone-tl.AloneWeeks) > 1e-9 || tl.WorkWeeks > alone+1e-9 {
		t.Errorf("work weeks %v, alone %v, items alone sum to %v", tl.WorkWeeks, tl.AloneWeeks, alone)
	}
	switch {
	case len(p.Items) == 0 && tl.ReadinessWeeks != 0:
		t.Errorf("no items but %d weeks to readiness", tl.ReadinessWeeks)
	case len(p.Items) > 0 && float64(tl.ReadinessWeeks) < math.Max(1, tl.WorkWeeks/tl.Capacity-1e-9):
		t.Errorf("readiness %d weeks for %v person-weeks at capacity %v", tl.ReadinessWeeks, tl.WorkWeeks, tl.Capacity)
	}
	want := tl.ReadinessWeeks + roadmap.AuditWeeks
	if a.Target.Type == assessment.TypeII {
		want += int(math.Ceil(float64(a.Target.WindowMonths) * 52 / 12))
	}
	if tl.ReportWeeks != want {
		t.Errorf("report weeks %d, want %d", tl.ReportWeeks, want)
	}
	if (tl.Report != nil) != (a.Target.StartDate != "") {
		t.Errorf("report date %v with start date %q", tl.Report, a.Target.StartDate)
	}
	if (tl.IfUnknownInPlace != nil) != (len(p.ToConfirm) > 0) {
		t.Errorf("range for unknown answers %v with %d unknown", tl.IfUnknownInPlace, len(p.ToConfirm))
	}
	if r := tl.IfUnknownInPlace; r != nil && (r.ReadinessWeeks > tl.ReadinessWeeks || r.WorkWeeks > tl.WorkWeeks+1e-9) {
		t.Errorf("with unknowns in place %+v, later than the plan %+v", *r, tl.Estimate)
	}
}

// checkWindow: Type II only; every recurring control in scope and not "na"
// has runs, each inside the window, at least as often as its frequency
// asks, and dated inside the window's dates.
func checkWindow(t *testing.T, qn *questionnaire.Questionnaire, a *assessment.Assessment, p roadmap.Plan) {
	t.Helper()
	w := p.Timeline.Window
	if (w != nil) != (a.Target.Type == assessment.TypeII) {
		t.Fatalf("window %v for a %v target", w, a.Target.Type)
	}
	if w == nil {
		return
	}
	facts := a.Scope.Facts()
	var want []string
	for _, q := range qn.Questions {
		if q.Evidence == questionnaire.Periodic && a.Selected(q.Category) && q.Applies(facts) && a.Answers[q.ID].Value != assessment.NA {
			want = append(want, q.ID)
		}
	}
	var got []string
	for _, r := range w.Runs {
		got = append(got, r.Question.ID)
		if len(r.Months) == 0 {
			t.Errorf("%s has no run in the window", r.Question.ID)
		}
		for _, m := range r.Months {
			if m < 1 || m > w.Months {
				t.Errorf("%s runs in month %d of a %d-month window", r.Question.ID, m, w.Months)
			}
			if start := w.MonthStart(m); start != nil && (start.Before(*w.Start) || !start.Before(*w.End)) {
				t.Errorf("%s month %d starts %v, outside %v–%v", r.Question.ID, m, start, w.Start, w.End)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("runs %v, want %v", got, want)
	}
}

// checkTypeIIRanksAlike: the same answers under a Type I target give the
// same order, phases and reasons: under Type II no kind of control, config
// or recurring, is ranked below another.
func checkTypeIIRanksAlike(t *testing.T, qn *questionnaire.Questionnaire, a *assessment.Assessment, p roadmap.Plan) {
	t.Helper()
	if a.Target.Type != assessment.TypeII {
		return
	}
	other := *a
	other.Target = assessment.Target{Type: assessment.TypeI, StartDate: a.Target.StartDate}
	q := roadmap.Build(qn, &other)
	for i := range p.Items {
		x, y := p.Items[i], q.Items[i]
		if x.ID() != y.ID() || x.Phase != y.Phase || x.Reason != y.Reason || x.Priority != y.Priority {
			t.Fatalf("at %d: Type II %s %v %q, Type I %s %v %q", i, x.ID(), x.Phase, x.Reason, y.ID(), y.Phase, y.Reason)
		}
	}
}

// checkDeterministic: the same input gives an equal plan and byte-identical
// reports, however the answers map happens to iterate.
func checkDeterministic(t *testing.T, qn *questionnaire.Questionnaire, a *assessment.Assessment, p roadmap.Plan) {
	t.Helper()
	copied := *a
	copied.Answers = map[string]assessment.Answer{}
	for id, ans := range a.Answers {
		copied.Answers[id] = ans
	}
	again := roadmap.Build(qn, &copied)
	if !reflect.DeepEqual(p, again) {
		t.Fatalf("second build differs")
	}
	render := func(a *assessment.Assessment) []byte {
		var buf bytes.Buffer
		in := report.NewInput(qn, a, testNow)
		for _, write := range []func(*bytes.Buffer, report.Input) error{
			func(b *bytes.Buffer, in report.Input) error { return report.Markdown(b, in) },
			func(b *bytes.Buffer, in report.Input) error { return report.JSON(b, in) },
			func(b *bytes.Buffer, in report.Input) error { return report.CSV(b, in) },
		} {
			if err := write(&buf, in); err != nil {
				t.Fatal(err)
			}
		}
		return buf.Bytes()
	}
	if !bytes.Equal(render(a), render(&copied)) {
		t.Errorf("reports differ between two builds of the same input")
	}
}
