package questionnaire

import (
	"slices"
	"sort"
	"strings"
)

// Stats describes a questionnaire's coverage and shape, for reviewers and
// tests: which criteria and ISO controls it tests and how hard, what its
// conditions depend on, and how much there is to read.
type Stats struct {
	Questions  int              `json:"questions"`
	Criteria   []CriterionStats `json:"criteria"`
	Covered    int              `json:"criteria_covered"`
	Areas      []CountStat      `json:"areas"`
	Severities []CountStat      `json:"severities"`
	Evidence   []CountStat      `json:"evidence_kinds"`
	Packages   []CountStat      `json:"packages"`
	// CommonFindings lists the questions flagged as common audit findings.
	CommonFindings []string `json:"common_findings"`
	// Facts maps each scope fact to the questions whose condition uses it;
	// UnusedFacts are the facts no condition uses.
	Facts       map[string][]string `json:"facts"`
	UnusedFacts []string            `json:"unused_facts"`
	ISO         ISOStats            `json:"iso27001"`
	Words       WordStats           `json:"words"`
}

// CriterionStats is how a criterion is tested.
type CriterionStats struct {
	ID       string   `json:"id"`
	Category Category `json:"category"`
	// Questions is how many questions list the criterion at all.
	Questions int `json:"questions"`
	// Primary are the questions that list it first: where an auditor would
	// test the control.
	Primary []string `json:"primary"`
}

// CountStat is a count of questions under a name.
type CountStat struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// ISOStats is the questionnaire's ISO/IEC 27001:2022 coverage.
type ISOStats struct {
	AnnexALinked int `json:"annex_a_linked"`
	AnnexATotal  int `json:"annex_a_total"`
	// NotLinked are the Annex A controls no question maps to.
	NotLinked []string `json:"annex_a_not_linked"`
	// Clauses maps each clause referenced to the questions referencing it.
	Clauses map[string][]string `json:"clauses"`
	// TopClauses is the coverage of each clause 4 to 10, in order;
	// TopCovered how many of the seven any question references.
	TopClauses []ClauseCoverage `json:"top_clauses"`
	TopCovered int              `json:"top_clauses_covered"`
	// ClausesNotReferenced are the requirement clauses and sub-clauses
	// (such as 7.4) no question references.
	ClausesNotReferenced []string `json:"clauses_not_referenced"`
}

// ClauseCoverage is one top-level clause: the questions that reference it
// or one of its sub-clauses, and among them the ISMS questions.
type ClauseCoverage struct {
	Clause    string   `json:"clause"`
	Title     string   `json:"title"`
	Questions []string `json:"questions"`
	ISMS      []string `json:"isms"`
}

// WordStats counts the words a reader meets, per field: the mean and the
// longest, and the words on the question screen (text and why) over all
// questions.
type WordStats struct {
	Fields []FieldWords `json:"fields"`
	// ScreenTotal is the words of text and why over every question: what a
	// pass through the whole questionnaire reads.
	ScreenTotal int `json:"screen_total"`
}

// FieldWords is the word count of one field across questions.
type FieldWords struct {
	Field string  `json:"field"`
	Mean  float64 `json:"mean"`
	Max   int     `json:"max"`
	MaxID string  `json:"max_id"`
	Limit int     `json:"limit"`
}

// ComputeStats describes qn.
func ComputeStats(qn *Questionnaire) Stats {
	st := Stats{Questions: len(qn.Questions), Facts: FactsUsed(qn)}
	byCrit := map[string]*CriterionStats{}
	for _, c := range qn.Criteria {
		st.Criteria = append(st.Criteria, CriterionStats{ID: c.ID, Category: c.Category, Primary: []string{}})
	}
	for i := range st.Criteria {
		byCrit[st.Criteria[i].ID] = &st.Criteria[i]
	}
	areas, sev, ev, pkg := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	iso := map[string]bool{}
	st.ISO.Clauses = map[string][]string{}
	for _, q := range qn.Questions {
		for i, id := range q.Criteria {
			if c := byCrit[id]; c != nil {
				c.Questions++
				if i == 0 {
					c.Primary = append(c.Primary, q.ID)
				}
			}
		}
		areas[q.Area]++
		sev[string(q.Severity)]++
		ev[string(q.Evidence)]++
		pkg[q.Package]++
		if q.CommonFinding {
			st.CommonFindings = append(st.CommonFindings, q.ID)
		}
		for _, ref := range q.ISO27001 {
			if IsAnnexA(ref) {
				iso[ref] = true
			} else if !slices.Contains(st.ISO.Clauses[ref], q.ID) {
				st.ISO.Clauses[ref] = append(st.ISO.Clauses[ref], q.ID)
			}
		}
	}
	for _, c := range st.Criteria {
		if c.Questions > 0 {
			st.Covered++
		}
	}
	for _, a := range qn.Areas {
		st.Areas = append(st.Areas, CountStat{a.ID, areas[a.ID]})
	}
	for _, s := range Severities {
		st.Severities = append(st.Severities, CountStat{string(s), sev[string(s)]})
	}
	for _, k := range EvidenceKinds {
		st.Evidence = append(st.Evidence, CountStat{string(k), ev[string(k)]})
	}
	for _, p := range qn.Packages {
		st.Packages = append(st.Packages, CountStat{p.ID, pkg[p.ID]})
	}
	if n := pkg[""]; n > 0 {
		st.Packages = append(st.Packages, CountStat{"(none)", n})
	}
	st.UnusedFacts = []string{}
	for _, f := range FactNames() {
		if len(st.Facts[f]) == 0 {
			st.UnusedFacts = append(st.UnusedFacts, f)
		}
	}
	controls := AnnexAControls()
	st.ISO.AnnexATotal = len(controls)
	st.ISO.NotLinked = []string{}
	for _, c := range controls {
		if iso[c] {
			st.ISO.AnnexALinked++
		} else {
			st.ISO.NotLinked = append(st.ISO.NotLinked, c)
		}
	}
	st.ISO.TopClauses, st.ISO.TopCovered = clauseCoverage(qn)
	st.ISO.ClausesNotReferenced = []string{}
	for _, c := range ISOClauses() {
		if strings.Contains(c.ID, ".") && len(st.ISO.Clauses[c.ID]) == 0 {
			st.ISO.ClausesNotReferenced = append(st.ISO.ClausesNotReferenced, c.ID)
		}
	}
	st.Words = wordStats(qn)
	return st
}

func clauseCoverage(qn *Questionnaire) ([]ClauseCoverage, int) {
	var out []ClauseCoverage
	covered := 0
	for _, top := range ISOTopClauses() {
		cc := ClauseCoverage{Clause: top.ID, Title: top.Title, Questions: []string{}, ISMS: []string{}}
		for _, q := range qn.Questions {
			if !slices.ContainsFunc(q.ISO27001, func(ref string) bool { return IsISOClause(ref) && ISOClauseTop(ref) == top.ID }) {
				continue
			}
			cc.Questions = append(cc.Questions, q.ID)
			if q.Category == ISMS {
				cc.ISMS = append(cc.ISMS, q.ID)
			}
		}
		if len(cc.Questions) > 0 {
			covered++
		}
		out = append(out, cc)
	}
	return out, covered
}

func wordStats(qn *Questionnaire) WordStats {
	fields := []struct {
		name  string
		limit int
		get   func(*Question) int
	}{
		{"text", MaxTextWords, func(q *Question) int { return WordCount(q.Text) }},
		{"help.why", MaxWhyWords, func(q *Question) int { return WordCount(q.Help.Why) }},
		{"help.good", MaxGoodWords, func(q *Question) int { return WordCount(q.Help.Good) }},
		{"help.evidence", MaxEvidenceWords, func(q *Question) int { return WordCount(q.Help.Evidence) }},
		{"help.first_steps", MaxFirstStepsWords, func(q *Question) int {
			n := 0
			for _, s := range q.Help.FirstSteps {
				n += WordCount(s)
			}
			return n
		}},
	}
	var ws WordStats
	for _, f := range fields {
		fw := FieldWords{Field: f.name, Limit: f.limit}
		total := 0
		for _, q := range qn.Questions {
			n := f.get(q)
			total += n
			if n > fw.Max {
				fw.Max, fw.MaxID = n, q.ID
			}
		}
		if len(qn.Questions) > 0 {
			fw.Mean = float64(total) / float64(len(qn.Questions))
		}
		ws.Fields = append(ws.Fields, fw)
	}
	for _, q := range qn.Questions {
		ws.ScreenTotal += WordCount(q.Text) + WordCount(q.Help.Why)
	}
	return ws
}

// SortedClauses returns the clause numbers of s in the standard's order.
func (s ISOStats) SortedClauses() []string {
	out := make([]string, 0, len(s.Clauses))
	for c := range s.Clauses {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return clauseLess(out[i], out[j]) })
	return out
}

func clauseLess(a, b string) bool {
	pa, pb := splitNumbers(a), splitNumbers(b)
	return slices.Compare(pa, pb) < 0
}

func splitNumbers(s string) []int {
	var out []int
	n := 0
	for _, r := range s + "." {
		if r == '.' {
			out = append(out, n)
			n = 0
			continue
		}
		n = n*10 + int(r-'0')
	}
	return out
}
