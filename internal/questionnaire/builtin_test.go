package questionnaire

import (
	"strings"
	"testing"
)

func TestBuiltinSOC2LoadsAndCoversEveryCriterion(t *testing.T) {
	qn, err := Builtin("soc2")
	if err != nil {
		t.Fatalf("built-in soc2: %v", err)
	}
	if len(qn.Criteria) != 61 {
		t.Fatalf("catalog has %d criteria, want the 61 of the 2017 TSC", len(qn.Criteria))
	}
	counts := map[Category]int{}
	for _, c := range qn.Criteria {
		counts[c.Category]++
	}
	want := map[Category]int{Security: 33, Availability: 3, Confidentiality: 2, ProcessingIntegrity: 5, Privacy: 18}
	for c, n := range want {
		if counts[c] != n {
			t.Errorf("%s has %d criteria, want %d", c, counts[c], n)
		}
	}
	covered := map[string]int{}
	byCategory := map[Category]int{}
	for _, q := range qn.Questions {
		byCategory[q.Category]++
		for _, c := range q.Criteria {
			covered[c]++
		}
	}
	for _, c := range qn.Criteria {
		if covered[c.ID] == 0 {
			t.Errorf("criterion %s is not covered", c.ID)
		}
	}
	// The areas that decide first audits get several questions each.
	for _, id := range []string{"CC1.1", "CC1.3", "CC1.4", "CC2.2", "CC3.2", "CC6.1", "CC6.2", "CC6.3", "CC7.2", "CC7.4", "CC8.1", "CC9.2"} {
		if covered[id] < 2 {
			t.Errorf("criterion %s has %d questions, want several", id, covered[id])
		}
	}
	if n := len(qn.Questions) - byCategory[Security] - byCategory[ISMS]; n < 25 || n > 55 {
		t.Errorf("optional categories have %d questions, want roughly 30–50", n)
	}
}

// Every Security criterion is where an auditor would test at least two
// questions: each is the first-listed criterion of two or more.
func TestBuiltinSecurityCriteriaHaveTwoPrimaryQuestions(t *testing.T) {
	qn, err := Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	st := ComputeStats(qn)
	for _, c := range st.Criteria {
		if c.Category == Security && len(c.Primary) < 2 {
			t.Errorf("%s is the first criterion of %d question(s) %v, want at least 2", c.ID, len(c.Primary), c.Primary)
		}
	}
	if len(st.UnusedFacts) > 0 {
		t.Errorf("facts that gate nothing: %v", st.UnusedFacts)
	}
	if st.ISO.AnnexALinked < 85 {
		t.Errorf("%d of 93 Annex A controls linked, want at least 85 (not linked: %v)", st.ISO.AnnexALinked, st.ISO.NotLinked)
	}
}

// A founder's Security-only pass must fit in 90 minutes: each question
// screen shows the question and why it matters, read at 220 words a minute,
// plus 15 seconds to decide and answer, plus 10 minutes of setup.
func TestBuiltinSecurityPassFitsNinetyMinutes(t *testing.T) {
	qn, err := Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	for _, facts := range []Facts{DefaultFacts(), {"personal_data": true, "customer_content": true, "subservice_orgs": true, "develops_software": true}} {
		seconds, n := 600.0, 0
		for _, q := range qn.Questions {
			if q.Category == Security && q.Applies(facts) {
				n++
				seconds += float64(WordCount(q.Text)+WordCount(q.Help.Why))/220*60 + 15
			}
		}
		if minutes := seconds / 60; minutes > 90 {
			t.Errorf("a Security-only pass of %d questions takes about %.0f minutes, more than 90", n, minutes)
		} else {
			t.Logf("Security-only pass: %d questions, about %.0f minutes", n, minutes)
		}
	}
}

func TestBuiltinSOC2QuestionsAreWellFormed(t *testing.T) {
	qn, err := Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qn.Questions {
		if !strings.HasSuffix(strings.TrimSpace(q.Text), "?") {
			t.Errorf("%s: text is not a question: %q", q.ID, q.Text)
		}
		if !strings.HasPrefix(q.ID, q.Area+".") {
			t.Errorf("%s: id does not start with its area %q", q.ID, q.Area)
		}
		if q.Title == "" {
			t.Errorf("%s: no title", q.ID)
		}
		for _, part := range []struct{ name, text string }{{"why", q.Help.Why}, {"good", q.Help.Good}, {"evidence", q.Help.Evidence}} {
			if words := len(strings.Fields(part.text)); words < 8 {
				t.Errorf("%s: help.%s has %d words; it must teach, not label", q.ID, part.name, words)
			}
		}
		steps := 0
		for _, s := range q.Help.FirstSteps {
			steps += len(strings.Fields(s))
		}
		if steps < 12 {
			t.Errorf("%s: first steps have %d words; give concrete first steps", q.ID, steps)
		}
		if q.Package == "" || qn.Package(q.Package) == nil {
			t.Errorf("%s: no work package", q.ID)
		}
	}
}

func TestBuiltinUnknownID(t *testing.T) {
	if _, err := Builtin("iso9001"); err == nil || !strings.Contains(err.Error(), "soc2") {
		t.Fatalf("want an error naming the built-in questionnaires, got %v", err)
	}
}

func TestFragmentsAreNotBuiltinQuestionnaires(t *testing.T) {
	for _, id := range BuiltinIDs() {
		if strings.HasSuffix(id, "-fragment") {
			t.Errorf("BuiltinIDs lists the fragment %s as a questionnaire", id)
		}
	}
	if _, err := Builtin("isms-fragment"); err == nil || !strings.Contains(err.Error(), "no built-in questionnaire") {
		t.Errorf("Builtin(isms-fragment) = %v, want: no built-in questionnaire", err)
	}
}

func BenchmarkLoadBuiltin(b *testing.B) {
	data, err := builtinData("soc2")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Load("soc2.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
