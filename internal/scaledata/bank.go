// Package scaledata makes benchmark data of real shape at sizes users reach:
// question banks of thousands of questions grown from the built-in bank, and
// an assessment answered as the demo is. Benchmarks on made-up rows have
// passed while the real thing took many times longer; these keep the real
// texts, help, criteria, dependencies and conditions.
package scaledata

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/gapmap/gapmap/assets"
	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// BankSizes are the sizes the README's scaling table reports: the built-in
// bank, a large custom one and the largest a user has brought.
func BankSizes() ([]int, error) {
	base, err := questionnaire.Builtin("soc2")
	if err != nil {
		return nil, err
	}
	return []int{len(base.Questions), 1250, 5000}, nil
}

// Bank returns the YAML of a questionnaire of n questions (at least the
// built-in bank's): the built-in questions, then copies of them. Copy k of a
// question has its own ID, one more criterion (so that it is not the same
// control asked twice) and depends on copy k of what the original depends
// on, so conditions, dependency depth and text lengths stay those of the
// real bank.
func Bank(n int) ([]byte, error) {
	base, err := questionnaire.Builtin("soc2")
	if err != nil {
		return nil, err
	}
	if n < len(base.Questions) {
		return nil, fmt.Errorf("a bank of %d questions is smaller than the built-in one (%d)", n, len(base.Questions))
	}
	qn := *base
	qn.ID = fmt.Sprintf("soc2-x%d", n)
	qn.Questions = slices.Clone(base.Questions)
	// Only Trust Services questions are copied: an ISO management-system
	// question has no criteria to make its copies differ by.
	src := &grown{base: base, full: len(base.Questions)}
	for _, q := range base.Questions {
		if q.Category.IsTSC() {
			src.questions = append(src.questions, q)
		}
	}
	for k := 1; len(qn.Questions) < n; k++ {
		for _, q := range src.questions {
			if len(qn.Questions) == n {
				break
			}
			qn.Questions = append(qn.Questions, copyOf(src, q, k, n))
		}
	}
	return toYAML(&qn)
}

// grown is what a bank grows from: the built-in bank (full questions long)
// and the questions it copies, in order.
type grown struct {
	base      *questionnaire.Questionnaire
	questions []*questionnaire.Question
	full      int
}

// position is where copy k of the question id stands in the grown bank, or
// -1 when id is not copied.
func (g *grown) position(id string, k int) int {
	i := slices.IndexFunc(g.questions, func(q *questionnaire.Question) bool { return q.ID == id })
	if i < 0 {
		return -1
	}
	return g.full + (k-1)*len(g.questions) + i
}

// copyOf is copy k of q, in a bank of n questions.
func copyOf(src *grown, q *questionnaire.Question, k, n int) *questionnaire.Question {
	base := src.base
	c := *q
	c.ID = CopyID(q.ID, k)
	// The k-th criterion of the catalog the question does not list: each
	// copy has its own set, so no two are the same control asked twice.
	var others []string
	for _, cr := range base.Criteria {
		if !slices.Contains(q.Criteria, cr.ID) {
			others = append(others, cr.ID)
		}
	}
	c.Criteria = append(slices.Clone(q.Criteria), others[(k-1)%len(others)])
	// A reference goes to copy k of its target when that copy is in the
	// bank: copies are made in the built-in order.
	ref := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = id
			if p := src.position(id, k); p >= 0 && p < n {
				out[i] = CopyID(id, k)
			}
		}
		return out
	}
	c.DependsOn = ref(q.DependsOn)
	if q.SeeAlso != nil {
		c.SeeAlso = ref(q.SeeAlso)
	}
	return &c
}

// CopyID is the ID of copy k of a question.
func CopyID(id string, k int) string { return fmt.Sprintf("%s-c%d", id, k) }

// OriginalID is the built-in question a question of a grown bank copies.
func OriginalID(id string) string {
	i := strings.LastIndex(id, "-c")
	if i < 0 || i+2 == len(id) || strings.Trim(id[i+2:], "0123456789") != "" {
		return id
	}
	return id[:i]
}

// toYAML writes the questionnaire as YAML, fields in the order of its JSON
// form (which is the file format's).
func toYAML(qn *questionnaire.Questionnaire) ([]byte, error) {
	js, err := json.Marshal(qn)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(js, &doc); err != nil {
		return nil, err
	}
	plain(&doc)
	return yaml.Marshal(&doc)
}

// plain drops the flow style JSON parses into, so the file reads like a
// hand-written bank.
func plain(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		plain(c)
	}
}

// Answered returns an assessment of qn answered as the demo is: every copy
// of a question gets the demo's answer to the original.
func Answered(qn *questionnaire.Questionnaire) (*assessment.Assessment, error) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	demo, err := assessment.ParseFile("demo.yaml", assets.Demo, func(string) (*questionnaire.Questionnaire, error) {
		return questionnaire.Builtin("soc2")
	}, now)
	if err != nil {
		return nil, err
	}
	a := *demo
	a.QuestionnaireID = qn.ID
	a.Answers = make(map[string]assessment.Answer, len(qn.Questions))
	for _, q := range qn.Questions {
		if ans, ok := demo.Answers[OriginalID(q.ID)]; ok {
			a.Answers[q.ID] = ans
		}
	}
	return &a, nil
}
