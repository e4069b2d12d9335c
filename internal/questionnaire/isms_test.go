package questionnaire

import (
	"slices"
	"strings"
	"testing"
)

func ismsQuestions(t *testing.T) []*Question {
	t.Helper()
	qn, err := Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	var out []*Question
	for _, q := range qn.Questions {
		if q.Category == ISMS {
			out = append(out, q)
		}
	}
	return out
}

// The bank's rules (word limits, enums, references) are checked by the
// loader; these are the ISMS questions' own.
func TestBuiltinISMSQuestions(t *testing.T) {
	qs := ismsQuestions(t)
	if len(qs) < 15 || len(qs) > 20 {
		t.Errorf("%d ISMS questions, want 15 to 20", len(qs))
	}
	for _, q := range qs {
		check := func(ok bool, format string, args ...any) {
			if !ok {
				t.Errorf(q.ID+": "+format, args...)
			}
		}
		check(strings.HasPrefix(q.ID, "isms."), "id outside the isms area")
		check(q.Area == "isms" && q.Package == "isms", "area and package must be isms")
		check(len(q.Criteria) == 0, "an ISMS question counts in no SOC 2 figure, so it lists no criteria")
		check(q.AppliesIf == ISMSFact, "applies_if %q, want %s", q.AppliesIf, ISMSFact)
		check(!q.Applies(DefaultFacts()), "asked without the ISO target")
		facts := DefaultFacts()
		facts[ISMSFact] = true
		check(q.Applies(facts), "not asked with the ISO target")
	}
}

// The issue lists the management-system practices the ISO target must ask
// about; each needs a question, and each top-level clause 4 to 10 at least one.
func TestISMSQuestionsCoverClauses4To10(t *testing.T) {
	covered := map[string]bool{}
	for _, q := range ismsQuestions(t) {
		for _, ref := range q.ISO27001 {
			if IsISOClause(ref) {
				covered[ref] = true
				covered[ISOClauseTop(ref)] = true
			}
		}
	}
	want := []string{"4.1", "4.2", "4.3", "5.1", "6.1.2", "6.1.3", "6.2", "7.2", "7.3", "7.5", "8.1", "9.1", "9.2", "9.3", "10.1", "10.2"}
	for _, c := range ISOTopClauses() {
		want = append(want, c.ID)
	}
	for _, ref := range want {
		if !covered[ref] {
			t.Errorf("no ISMS question maps clause %s", ref)
		}
	}
}

func TestCategoriesAreTheTrustServicesCategories(t *testing.T) {
	if slices.Contains(Categories, ISMS) || ISMS.IsTSC() || !ISMS.Valid() {
		t.Errorf("isms must be a valid question category but no Trust Services Category")
	}
	for _, c := range Categories {
		if !c.IsTSC() {
			t.Errorf("%s is not a TSC", c)
		}
	}
}

func TestStatsReportClauseCoverage(t *testing.T) {
	qn, err := Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	st := ComputeStats(qn).ISO
	if st.TopCovered != 7 || len(st.TopClauses) != 7 || st.TopClauses[0].Clause != "4" || st.TopClauses[6].Clause != "10" {
		t.Fatalf("clauses covered %d of %d", st.TopCovered, len(st.TopClauses))
	}
	for _, c := range st.TopClauses {
		if len(c.ISMS) == 0 || len(c.Questions) < len(c.ISMS) {
			t.Errorf("clause %s: %d questions, ISMS %v", c.Clause, len(c.Questions), c.ISMS)
		}
		for _, id := range c.ISMS {
			if !strings.HasPrefix(id, "isms.") {
				t.Errorf("clause %s: %s counted as ISMS", c.Clause, id)
			}
		}
	}
	if !slices.Contains(st.ClausesNotReferenced, "7.4") || slices.Contains(st.ClausesNotReferenced, "6.1.2") {
		t.Errorf("sub-clauses not referenced: %v", st.ClausesNotReferenced)
	}
}

// A custom SOC 2 file without ISMS questions is not told that the ISO target
// gates nothing: it still switches the ISO view on.
func TestISOTargetNeedsNoQuestionInACustomFile(t *testing.T) {
	qn, err := LoadFile("../../testdata/questionnaires/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range qn.Warnings {
		if strings.Contains(w.Msg, ISMSFact) {
			t.Errorf("warning: %s", w.Msg)
		}
	}
	if len(qn.Warnings) == 0 {
		t.Error("no unused-fact warning at all: the check is not running")
	}
}
