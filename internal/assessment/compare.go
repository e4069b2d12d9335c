package assessment

import (
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// ChangeKind says which way an answer moved between two assessments.
type ChangeKind string

const (
	// Improved is a gap weight that went down: the control is closed or
	// closer to closed.
	Improved ChangeKind = "improved"
	// Regressed is a gap weight that went up.
	Regressed ChangeKind = "regressed"
	// OtherChange is every other change of answer: to or from "na", a
	// question answered for the first time or no longer answered, and
	// "no" ↔ "unknown", which leave the same gap.
	OtherChange ChangeKind = "other"
)

// ChangeKinds lists the kinds in the order reports show them.
var ChangeKinds = []ChangeKind{Improved, Regressed, OtherChange}

// AnswerChange is one question whose answer differs between the two
// assessments.
type AnswerChange struct {
	Question *questionnaire.Question
	Kind     ChangeKind
	// OldApplies is whether the question was part of the old assessment;
	// when it was not, its old answer, if any, did not count and is ignored.
	OldApplies bool
	// Old and New are the answers; OldAnswered and NewAnswered say whether
	// there was one.
	Old, New                 Answer
	OldAnswered, NewAnswered bool
}

// ScoreChange is a score before and after.
type ScoreChange struct {
	Old, New Score
}

// ReadinessDelta is the new readiness minus the old, as a share (0.09 is
// nine percentage points). ok is false when either side has no scored
// answer, so there is no readiness to compare.
func (c ScoreChange) ReadinessDelta() (delta float64, ok bool) {
	if c.Old.Scored == 0 || c.New.Scored == 0 {
		return 0, false
	}
	return c.New.Readiness - c.Old.Readiness, true
}

// CategoryChange is the score of a category selected in either assessment.
// A category selected on one side only has a zero score on the other.
type CategoryChange struct {
	Category                 questionnaire.Category
	OldSelected, NewSelected bool
	ScoreChange
}

// Comparison is what changed from an old assessment to a new one: scores,
// gap counts and the answers that differ.
type Comparison struct {
	Overall ScoreChange
	// Categories are those selected in either assessment, in catalog order.
	Categories []CategoryChange
	// OldGaps and NewGaps count gap answers by severity.
	OldGaps, NewGaps map[questionnaire.Severity]int
	// Changes are the questions that apply to the new assessment and whose
	// answer differs, in questionnaire order. A different note, owner or
	// evidence alone is not a change of answer.
	Changes []AnswerChange
}

// Of returns the changes of one kind, in questionnaire order.
func (c Comparison) Of(kind ChangeKind) []AnswerChange {
	var out []AnswerChange
	for _, ch := range c.Changes {
		if ch.Kind == kind {
			out = append(out, ch)
		}
	}
	return out
}

// Compare compares two assessments of the same questionnaire, qn: typically
// last quarter's and this quarter's copy of it. Questions that do not apply
// to the new assessment are left out of the changes: they no longer count.
func Compare(qn *questionnaire.Questionnaire, before, after *Assessment) Comparison {
	oldEv, newEv := Evaluate(qn, before), Evaluate(qn, after)
	c := Comparison{
		Overall: ScoreChange{Old: oldEv.Overall, New: newEv.Overall},
		OldGaps: oldEv.GapsBySeverity,
		NewGaps: newEv.GapsBySeverity,
	}
	for _, cat := range questionnaire.Categories {
		ch := CategoryChange{Category: cat, OldSelected: before.Selected(cat), NewSelected: after.Selected(cat)}
		if !ch.OldSelected && !ch.NewSelected {
			continue
		}
		ch.Old = categoryScore(oldEv, cat)
		ch.New = categoryScore(newEv, cat)
		c.Categories = append(c.Categories, ch)
	}
	oldFacts, newFacts := before.Scope.Facts(), after.Scope.Facts()
	for _, q := range qn.Questions {
		if !after.Applies(q, newFacts) {
			continue
		}
		ch := AnswerChange{Question: q, OldApplies: before.Applies(q, oldFacts)}
		ch.New, ch.NewAnswered = after.Answer(q.ID)
		if ch.OldApplies {
			ch.Old, ch.OldAnswered = before.Answer(q.ID)
		}
		if ch.unchanged() {
			continue
		}
		ch.Kind = classify(ch)
		c.Changes = append(c.Changes, ch)
	}
	return c
}

// unchanged reports whether the question has the same answer, or none, on
// both sides.
func (ch AnswerChange) unchanged() bool {
	if ch.OldAnswered != ch.NewAnswered {
		return false
	}
	return !ch.NewAnswered || ch.Old.Value == ch.New.Value
}

// classify compares gap weights when both answers have one.
func classify(ch AnswerChange) ChangeKind {
	if !ch.OldAnswered || !ch.NewAnswered {
		return OtherChange
	}
	was, okOld := ch.Old.Value.GapWeight()
	is, okNew := ch.New.Value.GapWeight()
	switch {
	case !okOld || !okNew:
		return OtherChange
	case is < was:
		return Improved
	case is > was:
		return Regressed
	}
	return OtherChange
}

func categoryScore(ev Evaluation, c questionnaire.Category) Score {
	for _, s := range ev.Categories {
		if s.Category == c {
			return s.Score
		}
	}
	return Score{}
}
