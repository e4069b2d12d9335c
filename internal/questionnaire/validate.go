package questionnaire

import (
	"regexp"
	"slices"
	"strings"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// isoPattern accepts Annex A controls (A.8.5) and management-system clauses
// (6.1.2), which is where ISO puts governance and risk topics.
var isoPattern = regexp.MustCompile(`^(A\.[5-8]\.[0-9]+|[4-9](\.[0-9]+){1,2})$`)

// validate checks everything decode could not: references, enums, conditions,
// dependency cycles and catalog coverage. It records problems on r.
func validate(r *yamlfile.Reader, qn *Questionnaire) {
	validateCatalog(r, qn)
	seen := map[string]bool{}
	for _, q := range qn.Questions {
		if q.ID != "" {
			if seen[q.ID] {
				r.ErrorAt(q.src.fields["id"], "duplicate question id %q", q.ID)
			}
			seen[q.ID] = true
		}
		validateQuestion(r, qn, q)
	}
	validateCycles(r, qn)
	validateCoverage(r, qn)
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
	at := func(field string) yamlfile.Pos { return q.src.fields[field] }
	label := "question " + q.ID
	if q.ID != "" && !questionIDPattern.MatchString(q.ID) {
		r.ErrorAt(at("id"), "question id %q must be dotted lowercase, like access.mfa", q.ID)
	}
	if q.Area != "" && qn.Area(q.Area) == nil {
		r.ErrorAt(at("area"), "%s: unknown area %q (areas are declared under \"areas\")", label, q.Area)
	}
	if q.Category != "" && !q.Category.Valid() {
		r.ErrorAt(at("category"), "%s: unknown category %q (expected one of: %s)", label, q.Category, join(Categories))
	}
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
	if q.Category.Valid() && len(q.Criteria) > 0 && !inCategory && allKnown(qn, q.Criteria) {
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
		if !isoPattern.MatchString(iso) {
			r.ErrorAt(at("iso27001"), "%s: %q is not an ISO/IEC 27001:2022 Annex A control like A.8.5 or a clause like 6.1.2", label, iso)
		}
	}
	validateCondition(r, q)
}

func allKnown(qn *Questionnaire, ids []string) bool {
	for _, id := range ids {
		if qn.Criterion(id) == nil {
			return false
		}
	}
	return true
}

func validateCondition(r *yamlfile.Reader, q *Question) {
	if strings.TrimSpace(q.AppliesIf) == "" {
		return
	}
	at := q.src.fields["applies_if"]
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
	}
}

// validateCycles reports each dependency cycle once, naming it in order.
func validateCycles(r *yamlfile.Reader, qn *Questionnaire) {
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(id string)
	visit = func(id string) {
		state[id] = visiting
		stack = append(stack, id)
		q := qn.Question(id)
		for i, dep := range q.DependsOn {
			if qn.Question(dep) == nil || dep == id {
				continue
			}
			switch state[dep] {
			case visiting:
				start := slices.Index(stack, dep)
				cycle := append(slices.Clone(stack[start:]), dep)
				r.ErrorAt(q.src.dependsOn[i], "dependency cycle: %s", strings.Join(cycle, " -> "))
			case unvisited:
				visit(dep)
			}
		}
		stack = stack[:len(stack)-1]
		state[id] = done
	}
	for _, q := range qn.Questions {
		if state[q.ID] == unvisited && qn.Question(q.ID) == q {
			visit(q.ID)
		}
	}
}

func validateCoverage(r *yamlfile.Reader, qn *Questionnaire) {
	covered := map[string]bool{}
	for _, q := range qn.Questions {
		for _, c := range q.Criteria {
			covered[c] = true
		}
	}
	for _, c := range qn.Criteria {
		if !covered[c.ID] {
			r.ErrorAt(qn.criterionPos(c.ID), "criterion %s is not covered by any question", c.ID)
		}
	}
}
