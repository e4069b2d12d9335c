package assessment

import (
	"reflect"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

const upgradeBank = `format: 2
id: t
title: T
areas: [{id: a, title: A}]
criteria: [{id: CC1.1, category: security, title: S}]
retired:
  - {id: a.old-merged, successor: a.kept, reason: Merged into the kept question.}
  - {id: a.old-split, successor: a.part-one, also_new: [a.part-two], reason: Split in two.}
  - {id: a.old-twin, successor: a.kept, reason: Also merged.}
  - {id: a.old-dropped, reason: Not a control an auditor tests.}
questions:
  - id: a.kept
    title: Kept
    area: a
    category: security
    text: Kept?
    help: {why: w, good: g, evidence: e, first_steps: [s]}
    criteria: [CC1.1]
    severity: high
    effort: S
    evidence: config
  - id: a.part-one
    title: One
    area: a
    category: security
    text: One?
    help: {why: w, good: g, evidence: e, first_steps: [s]}
    criteria: [CC1.1]
    severity: high
    effort: S
    evidence: config
  - id: a.part-two
    title: Two
    area: a
    category: security
    text: Two?
    help: {why: w, good: g, evidence: e, first_steps: [s]}
    criteria: [CC1.1]
    severity: high
    effort: S
    evidence: config
`

func TestUpgradeMovesAnswersToSuccessors(t *testing.T) {
	qn, err := questionnaire.Load("t.yaml", []byte(upgradeBank))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	a := New("x", "t", now)
	a.Answers = map[string]Answer{
		"a.old-merged":  {Value: No, Note: "merged note"},
		"a.old-twin":    {Value: Yes},
		"a.old-split":   {Value: Partial, Owner: "Ana"},
		"a.old-dropped": {Value: Yes},
		"a.gone":        {Value: No},
	}
	u := PlanUpgrade(qn, a)
	want := Upgrade{
		Moved: []Move{
			{From: "a.old-merged", To: "a.kept", Reason: "Merged into the kept question."},
			{From: "a.old-split", To: "a.part-one", Reason: "Split in two."},
		},
		NewQuestions:  []string{"a.part-two"},
		NoLongerAsked: []string{"a.gone", "a.old-dropped", "a.old-twin"},
	}
	if !reflect.DeepEqual(u, want) {
		t.Fatalf("plan:\n got  %+v\n want %+v", u, want)
	}
	before := Evaluate(qn, a).Overall
	if before.Answered != 0 {
		t.Fatalf("answers to retired questions must not count before the upgrade: %+v", before)
	}
	u.Apply(a)
	if got := a.Answers["a.kept"]; got.Value != No || got.Note != "merged note" {
		t.Errorf("a.kept = %+v", got)
	}
	if got := a.Answers["a.part-one"]; got.Value != Partial || got.Owner != "Ana" {
		t.Errorf("a.part-one = %+v", got)
	}
	for _, id := range []string{"a.old-twin", "a.old-dropped", "a.gone"} {
		if _, ok := a.Answers[id]; !ok {
			t.Errorf("%s was dropped; it must be kept as no longer asked", id)
		}
	}
	if _, ok := a.Answers["a.part-two"]; ok {
		t.Error("the new part of a split must stay unanswered")
	}
	after := Evaluate(qn, a).Overall
	if after.Answered != 2 {
		t.Errorf("after the upgrade 2 current questions are answered, got %d", after.Answered)
	}
	if again := PlanUpgrade(qn, a); len(again.Moved) != 0 || len(again.NewQuestions) != 0 {
		t.Errorf("a second upgrade must move nothing: %+v", again)
	}
}

func TestUpgradeNeverOverwritesAnAnsweredSuccessor(t *testing.T) {
	qn, err := questionnaire.Load("t.yaml", []byte(upgradeBank))
	if err != nil {
		t.Fatal(err)
	}
	a := New("x", "t", time.Now())
	a.Answers = map[string]Answer{"a.old-merged": {Value: No}, "a.kept": {Value: Yes, Note: "newer"}}
	u := PlanUpgrade(qn, a)
	if len(u.Moved) != 0 || !reflect.DeepEqual(u.NoLongerAsked, []string{"a.old-merged"}) {
		t.Fatalf("plan = %+v", u)
	}
	u.Apply(a)
	if a.Answers["a.kept"].Note != "newer" {
		t.Error("the successor's own answer was overwritten")
	}
}
