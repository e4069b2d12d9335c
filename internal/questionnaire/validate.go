package questionnaire

import (
	"slices"
	"strings"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// validate checks everything decode could not: references, enums, conditions,
// dependency cycles and catalog coverage. It records problems on r.
func validate(r *yamlfile.Reader, qn *Questionnaire) {
	validateCatalog(r, qn)
	// The criteria each run of questions covers.
	var covered []map[string]bool
	eachQuestion(r, qn.Questions, func(r *yamlfile.Reader) func(*Question) {
		// A condition is parsed once and shared by the questions that
		// state it: a bank has a few dozen conditions, and thousands of
		// questions.
		conds := map[string]Condition{}
		criteria := make(map[string]bool, len(qn.Criteria))
		covered = append(covered, criteria)
		return func(q *Question) {
			// qn.Question names the first question of an ID.
			if q.ID != "" && qn.Question(q.ID) != q {
				r.ErrorAt(q.src.field("id"), "duplicate question id %q", q.ID)
			}
			validateQuestion(r, qn, q)
			validateCondition(r, q, conds)
			for _, c := range q.Criteria {
				criteria[c] = true
			}
		}
	})
	validatePackages(r, qn)
	validateRetired(r, qn)
	validateCycles(r, qn)
	validateCoverage(r, qn, covered)
}

func validateCatalog(r *yamlfile.Reader, qn *Questionnaire) {
	areas := map[string]bool{}
	for _, a := range qn.Areas {
		if areas[a.ID] {
			r.ErrorAt(a.at, "duplicate area id %q", a.ID)
		}
		areas[a.ID] = true
	}
	crits := map[string]bool{}
	for _, c := range qn.Criteria {
		if crits[c.ID] {
			r.ErrorAt(c.at, "duplicate criterion id %q", c.ID)
		}
		crits[c.ID] = true
	}
}

func validateQuestion(r *yamlfile.Reader, qn *Questionnaire, q *Question) {
	at := func(field string) yamlfile.Pos { return q.src.field(field) }
	label := "question " + q.ID
	if q.ID != "" && !questionIDPattern.MatchString(q.ID) {
		r.ErrorAt(at("id"), "question id %q must be dotted lowercase, like access.mfa", q.ID)
	}
	if q.Area != "" && qn.Area(q.Area) == nil {
		r.ErrorAt(at("area"), "%s: unknown area %q (areas are declared under \"areas\")", label, q.Area)
	}
	if q.Category != "" && !q.Category.Valid() {
		r.ErrorAt(at("category"), "%s: unknown category %q (expected one of: %s)", label, q.Category, join(append(slices.Clone(Categories), ISMS)))
	}
	validateISMS(r, q)
	if q.Severity != "" && !slices.Contains(Severities, q.Severity) {
		r.ErrorAt(at("severity"), "%s: unknown severity %q (expected one of: %s)", label, q.Severity, join(Severities))
	}
	if q.Effort != "" && !slices.Contains(Efforts, q.Effort) {
		r.ErrorAt(at("effort"), "%s: unknown effort %q (expected one of: %s)", label, q.Effort, join(Efforts))
	}
	if q.Evidence != "" && !slices.Contains(EvidenceKinds, q.Evidence) {
		r.ErrorAt(at("evidence"), "%s: unknown evidence kind %q (expected one of: %s)", label, q.Evidence, join(EvidenceKinds))
	}
	inCategory := false
	for i, id := range q.Criteria {
		c := qn.Criterion(id)
		if c == nil {
			r.ErrorAt(q.src.criteria[i], "%s: unknown criterion %q (not in the catalog)", label, id)
			continue
		}
		inCategory = inCategory || c.Category == q.Category
	}
	if q.Category.IsTSC() && len(q.Criteria) > 0 && !inCategory && allKnown(qn, q.Criteria) {
		r.ErrorAt(at("criteria"), "%s: none of its criteria belongs to its category %q", label, q.Category)
	}
	for i, dep := range q.DependsOn {
		switch {
		case dep == q.ID:
			r.ErrorAt(q.src.dependsOn[i], "%s depends on itself", label)
		case qn.Question(dep) == nil:
			r.ErrorAt(q.src.dependsOn[i], "%s: depends_on names unknown question %q", label, dep)
		}
	}
	for _, iso := range q.ISO27001 {
		if !ValidISORef(iso) {
			r.ErrorAt(at("iso27001"), "%s: %q is neither an ISO/IEC 27001:2022 Annex A control (A.5.1 to A.8.34) nor a clause of the standard (4.1 to 10.2, such as 6.1.2)", label, iso)
		}
	}
	validateTitle(r, q)
	validateFrequency(r, q)
	if q.LeadTimeWeeks < 0 {
		r.ErrorAt(at("lead_time_weeks"), "%s: lead_time_weeks must not be negative", label)
	}
	if q.Package != "" && qn.Package(q.Package) == nil {
		r.ErrorAt(at("package"), "%s: unknown package %q (packages are declared under \"packages\")", label, q.Package)
	}
	for i, id := range q.SeeAlso {
		if qn.Question(id) == nil || id == q.ID {
			r.ErrorAt(q.src.seeAlso[i], "%s: see_also names %q, which is not another question", label, id)
		}
	}
}

// ISMSFact is the scope fact that switches the ISO/IEC 27001 target on; every
// ISMS question is asked only under it.
const ISMSFact = "iso27001"

// validateISMS keeps the two kinds of question apart: an ISMS question counts
// in no SOC 2 figure, so it names no criterion and is asked only with the ISO
// target. (That a TSC question names at least one criterion is checked as
// the file is read.)
func validateISMS(r *yamlfile.Reader, q *Question) {
	at := func(field string) yamlfile.Pos { return q.src.field(field) }
	switch {
	case q.Category == ISMS && len(q.Criteria) > 0:
		r.ErrorAt(at("criteria"), "question %s: an isms question counts in no SOC 2 figure, so its criteria must be empty", q.ID)
	case q.Category == ISMS && strings.TrimSpace(q.AppliesIf) != ISMSFact:
		r.ErrorAt(at("category"), "question %s: an isms question is asked only with the ISO target: give it applies_if: %s", q.ID, ISMSFact)
	}
}

// MaxTitleLen is the longest question title, in characters: titles stand in
// rationales, status lines and roadmap items.
const MaxTitleLen = 60

func validateTitle(r *yamlfile.Reader, q *Question) {
	at := q.src.field("title")
	if n := len([]rune(q.Title)); n > MaxTitleLen {
		r.ErrorAt(at, "question %s: title has %d characters, more than %d", q.ID, n, MaxTitleLen)
	}
	if strings.HasSuffix(strings.TrimSpace(q.Title), ".") {
		r.ErrorAt(at, "question %s: a title is a label: drop the final period", q.ID)
	}
}

func validateFrequency(r *yamlfile.Reader, q *Question) {
	at := q.src.field("frequency")
	switch {
	case q.Evidence == Periodic && q.Frequency == "":
		r.ErrorAt(q.src.field("evidence"), "question %s: a periodic control needs a frequency (one of: %s)", q.ID, join(Frequencies))
	case q.Frequency != "" && !slices.Contains(Frequencies, q.Frequency):
		r.ErrorAt(at, "question %s: unknown frequency %q (expected one of: %s)", q.ID, q.Frequency, join(Frequencies))
	case q.Frequency != "" && q.Evidence != Periodic && q.Evidence != "":
		r.ErrorAt(at, "question %s: only periodic controls have a frequency (this one's evidence is %s)", q.ID, q.Evidence)
	}
}

func validatePackages(r *yamlfile.Reader, qn *Questionnaire) {
	seen := map[string]bool{}
	for _, p := range qn.Packages {
		if seen[p.ID] {
			r.ErrorAt(p.at, "duplicate package id %q", p.ID)
		}
		seen[p.ID] = true
	}
}

// validateRetired checks the map from questions no longer asked to their
// successors: answers saved under an older bank move along it.
func validateRetired(r *yamlfile.Reader, qn *Questionnaire) {
	seen := map[string]bool{}
	for _, rt := range qn.Retired {
		at := func(f string) yamlfile.Pos { return rt.fieldsAt[f] }
		if seen[rt.ID] {
			r.ErrorAt(at("id"), "question %s is retired twice", rt.ID)
		}
		seen[rt.ID] = true
		if qn.Question(rt.ID) != nil {
			r.ErrorAt(at("id"), "retired question %s is still asked: remove it from \"retired\" or from \"questions\"", rt.ID)
		}
		if rt.Successor != "" && qn.Question(rt.Successor) == nil {
			r.ErrorAt(at("successor"), "retired question %s: successor %q is not a question", rt.ID, rt.Successor)
		}
		for _, id := range rt.AlsoNew {
			if qn.Question(id) == nil {
				r.ErrorAt(at("also_new"), "retired question %s: also_new names %q, which is not a question", rt.ID, id)
			}
		}
		if len(rt.AlsoNew) > 0 && rt.Successor == "" {
			r.ErrorAt(at("also_new"), "retired question %s: also_new needs a successor that takes the answer", rt.ID)
		}
	}
}

func allKnown(qn *Questionnaire, ids []string) bool {
	for _, id := range ids {
		if qn.Criterion(id) == nil {
			return false
		}
	}
	return true
}

func validateCondition(r *yamlfile.Reader, q *Question, conds map[string]Condition) {
	if strings.TrimSpace(q.AppliesIf) == "" {
		return
	}
	if c, ok := conds[q.AppliesIf]; ok {
		q.cond = c
		return
	}
	at := q.src.field("applies_if")
	c, err := ParseCondition(q.AppliesIf)
	if err != nil {
		ce := err.(*ConditionError)
		r.ErrorAt(offsetPos(at, ce.Offset), "question %s: applies_if: %s", q.ID, ce.Msg)
		return
	}
	ok := true
	for _, u := range factUses(c) {
		if !FactKnown(u.name) {
			ok = false
			r.ErrorAt(offsetPos(at, u.off), "question %s: applies_if: unknown scope fact %q (known facts: %s)", q.ID, u.name, describeFacts())
		}
	}
	if ok {
		q.cond = c
		conds[q.AppliesIf] = c
	}
}

// validateCycles reports each dependency cycle once, naming it in order.
// The search's state is kept on the first question of each ID (the one
// qn.Question names), not in a map: a bank has thousands of questions.
func validateCycles(r *yamlfile.Reader, qn *Questionnaire) {
	for _, q := range qn.Questions {
		q.src.visit = unvisited
	}
	var stack []string
	var visit func(q *Question)
	visit = func(q *Question) {
		q.src.visit = visiting
		stack = append(stack, q.ID)
		for i, dep := range q.DependsOn {
			d := qn.Question(dep)
			if d == nil || dep == q.ID {
				continue
			}
			switch d.src.visit {
			case visiting:
				start := slices.Index(stack, dep)
				cycle := append(slices.Clone(stack[start:]), dep)
				r.ErrorAt(q.src.dependsOn[i], "dependency cycle: %s", strings.Join(cycle, " -> "))
			case unvisited:
				visit(d)
			}
		}
		stack = stack[:len(stack)-1]
		q.src.visit = visited
	}
	for _, q := range qn.Questions {
		if first := qn.Question(q.ID); first == q && q.src.visit == unvisited {
			visit(q)
		}
	}
}

// visitState is where the cycle search stands with a question.
type visitState uint8

const (
	unvisited visitState = iota
	visiting
	visited
)

func validateCoverage(r *yamlfile.Reader, qn *Questionnaire, covered []map[string]bool) {
	for _, c := range qn.Criteria {
		if !slices.ContainsFunc(covered, func(m map[string]bool) bool { return m[c.ID] }) {
			r.ErrorAt(qn.criterionPos(c.ID), "criterion %s is not covered by any question", c.ID)
		}
	}
}
