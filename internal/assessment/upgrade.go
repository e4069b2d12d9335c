package assessment

import (
	"slices"
	"sort"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Move is an answer that moves from a question the questionnaire no longer
// asks to the question that now asks it.
type Move struct {
	From, To string
	Reason   string
}

// Upgrade is what opening an assessment under a newer version of its
// questionnaire changes: nothing is dropped silently.
type Upgrade struct {
	// Moved answers go to the successor of a retired question.
	Moved []Move
	// NewQuestions are the other parts of split questions whose answer
	// moved: they start unanswered and are worth asking next.
	NewQuestions []string
	// NoLongerAsked are answers kept as they are but left out of every
	// score: their question is gone without a successor, or the successor
	// was already answered.
	NoLongerAsked []string
}

// Empty reports whether the upgrade changes nothing.
func (u Upgrade) Empty() bool {
	return len(u.Moved) == 0 && len(u.NewQuestions) == 0 && len(u.NoLongerAsked) == 0
}

// PlanUpgrade works out how the answers of a fit the questionnaire's current
// questions. It changes nothing; Apply does. The plan is deterministic:
// answers are considered in order of question ID, so when two retired
// questions share a successor the first one's answer moves and the other
// is kept as no longer asked.
func PlanUpgrade(qn *questionnaire.Questionnaire, a *Assessment) Upgrade {
	var u Upgrade
	ids := make([]string, 0, len(a.Answers))
	for id := range a.Answers {
		if qn.Question(id) == nil {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	taken := map[string]bool{}
	for _, id := range ids {
		rt := qn.RetiredQuestion(id)
		if rt == nil || rt.Successor == "" {
			u.NoLongerAsked = append(u.NoLongerAsked, id)
			continue
		}
		if _, answered := a.Answers[rt.Successor]; answered || taken[rt.Successor] {
			u.NoLongerAsked = append(u.NoLongerAsked, id)
			continue
		}
		taken[rt.Successor] = true
		u.Moved = append(u.Moved, Move{From: id, To: rt.Successor, Reason: rt.Reason})
		for _, n := range rt.AlsoNew {
			if _, answered := a.Answers[n]; !answered && !slices.Contains(u.NewQuestions, n) {
				u.NewQuestions = append(u.NewQuestions, n)
			}
		}
	}
	return u
}

// KeptReason says why the answer to id is kept as no longer asked: its
// successor already had an answer, the questionnaire's reason for retiring
// it, or that it has no successor.
func KeptReason(qn *questionnaire.Questionnaire, id string) string {
	rt := qn.RetiredQuestion(id)
	switch {
	case rt == nil:
		return "no successor"
	case rt.Successor != "":
		return "its successor " + rt.Successor + " already has an answer"
	case rt.Reason != "":
		return rt.Reason
	}
	return "no successor"
}

// UpgradeInPlace plans the upgrade of a's answers to the questionnaire's
// current questions and applies it, returning what it did.
func UpgradeInPlace(qn *questionnaire.Questionnaire, a *Assessment) Upgrade {
	u := PlanUpgrade(qn, a)
	u.Apply(a)
	return u
}

// Apply moves the planned answers in memory. Answers no longer asked stay
// in a.Answers under their old IDs; scores never read them, since scoring
// only reads the questionnaire's current questions.
func (u Upgrade) Apply(a *Assessment) {
	for _, m := range u.Moved {
		ans, ok := a.Answers[m.From]
		if !ok {
			continue
		}
		a.Answers[m.To] = ans
		delete(a.Answers, m.From)
	}
}
