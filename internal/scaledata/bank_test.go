package scaledata

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
	"github.com/gapmap/gapmap/internal/store"
)

// banks keeps each bank made in this test binary: growing one to 5,000
// questions takes a few seconds of YAML writing.
var banks sync.Map // int -> []byte

func bankData(tb testing.TB, n int) []byte {
	tb.Helper()
	if data, ok := banks.Load(n); ok {
		return data.([]byte)
	}
	data, err := Bank(n)
	if err != nil {
		tb.Fatal(err)
	}
	banks.Store(n, data)
	return data
}

func loadBank(tb testing.TB, n int) *questionnaire.Questionnaire {
	tb.Helper()
	data := bankData(tb, n)
	qn, err := questionnaire.Load(fmt.Sprintf("bank-%d.yaml", n), data)
	if err != nil {
		tb.Fatalf("the bank of %d questions does not load: %v", n, err)
	}
	return qn
}

func bankSizes(b *testing.B) []int {
	sizes, err := BankSizes()
	if err != nil {
		b.Fatal(err)
	}
	return sizes
}

func TestBankHasTheBuiltInShape(t *testing.T) {
	base, err := questionnaire.Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{len(base.Questions), 1250} {
		qn := loadBank(t, n)
		if len(qn.Questions) != n {
			t.Fatalf("bank of %d has %d questions", n, len(qn.Questions))
		}
		for _, q := range qn.Questions {
			orig := base.Question(OriginalID(q.ID))
			if orig == nil {
				t.Fatalf("%s copies no built-in question", q.ID)
			}
			if q.Text != orig.Text || q.Help.Why != orig.Help.Why || q.AppliesIf != orig.AppliesIf || len(q.DependsOn) != len(orig.DependsOn) {
				t.Fatalf("%s is not shaped as %s", q.ID, orig.ID)
			}
			for _, d := range q.DependsOn {
				if qn.Question(d) == nil {
					t.Fatalf("%s depends on %s, not in the bank", q.ID, d)
				}
			}
		}
	}
	if _, err := Bank(10); err == nil {
		t.Fatal("a bank smaller than the built-in one was made")
	}
}

func TestOriginalID(t *testing.T) {
	for id, want := range map[string]string{
		"access.mfa":                 "access.mfa",
		"access.mfa-c12":             "access.mfa",
		"change.peer-review":         "change.peer-review",
		CopyID("a.b-c-d", 3):         "a.b-c-d",
		"vendors.soc2-report":        "vendors.soc2-report",
		"governance.code-of-conduct": "governance.code-of-conduct",
		"governance.code-of-c":       "governance.code-of-c",
	} {
		if got := OriginalID(id); got != want {
			t.Errorf("OriginalID(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestAnsweredFollowsTheDemo(t *testing.T) {
	qn := loadBank(t, 1250)
	a, err := Answered(qn)
	if err != nil {
		t.Fatal(err)
	}
	for id, ans := range a.Answers {
		if qn.Question(id) == nil {
			t.Fatalf("answer to %s, not a question", id)
		}
		if err := ans.Check(); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
	}
	if ev := assessment.Evaluate(qn, a); ev.Overall.Answered < len(qn.Questions)/2 {
		t.Fatalf("only %d of %d answered", ev.Overall.Answered, len(qn.Questions))
	}
}

// The benchmarks below give the README's scaling table: each cost should
// grow at most linearly from the built-in bank's size to 5,000 questions.

// BenchmarkLint is `gapmap questionnaire lint` (and --questionnaire FILE):
// parse, validate and lint a bank. Target at 5,000 questions: ≤ 300 ms.
func BenchmarkLint(b *testing.B) {
	for _, n := range bankSizes(b) {
		data := bankData(b, n)
		b.Run(fmt.Sprintf("questions=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := questionnaire.Load("bank.yaml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvaluate scores an assessment answered as the demo is.
func BenchmarkEvaluate(b *testing.B) {
	for _, n := range bankSizes(b) {
		qn := loadBank(b, n)
		a, err := Answered(qn)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("questions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				assessment.Evaluate(qn, a)
			}
		})
	}
}

// BenchmarkRoadmap builds the plan of an assessment answered as the demo is.
func BenchmarkRoadmap(b *testing.B) {
	for _, n := range bankSizes(b) {
		qn := loadBank(b, n)
		a, err := Answered(qn)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("questions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				roadmap.Build(qn, a)
			}
		})
	}
}

func TestFillStoresDemoSizedAssessments(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "fill.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Fill(t.Context(), s, 3, nil); err != nil {
		t.Fatal(err)
	}
	infos, err := s.List(t.Context())
	if err != nil || len(infos) != 3 {
		t.Fatalf("List: %d, %v", len(infos), err)
	}
	a, err := s.LoadByName(t.Context(), "Client 00002")
	if err != nil {
		t.Fatal(err)
	}
	qn, err := questionnaire.Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	demo, err := Answered(qn)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answers) != len(demo.Answers) || len(a.Answers) < 100 || len(a.Scope.Components) == 0 {
		t.Fatalf("stored %d answers and %d components; the demo has %d answers", len(a.Answers), len(a.Scope.Components), len(demo.Answers))
	}
}
