package questionnaire

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// TestLintSimilarMatchesEveryPair checks that grouping questions by criteria
// first finds exactly what comparing every pair finds, on questions whose
// criteria repeat in other orders and with duplicates, and whose texts share
// many words.
func TestLintSimilarMatchesEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 13))
	sets := [][]string{{"CC6.1"}, {"CC6.1", "CC6.2"}, {"CC6.2", "CC6.1"}, {"CC6.1", "CC6.1"}, {"CC7.2"}, {}}
	words := strings.Fields("access review quarterly owner ticket approval log alert backup restore vendor key rotation")
	qn := &Questionnaire{}
	for i := range 300 {
		text := make([]string, 4+rng.IntN(4))
		for j := range text {
			text[j] = words[rng.IntN(len(words))]
		}
		q := &Question{ID: fmt.Sprintf("a.q%d", i), Text: strings.Join(text, " "), Criteria: sets[rng.IntN(len(sets))]}
		if rng.IntN(10) == 0 && i > 0 {
			q.SeeAlso = []string{fmt.Sprintf("a.q%d", rng.IntN(i))}
		}
		q.src = &questionSource{}
		q.src.fields[slices.Index(questionFields[:], "text")] = pos{int32(i + 1), 9}
		qn.Questions = append(qn.Questions, q)
	}
	got := &yamlfile.Reader{File: "x.yaml"}
	lintSimilar(got, qn)
	want := &yamlfile.Reader{File: "x.yaml"}
	lintSimilarEveryPair(want, qn)
	got.Problems.Sort()
	want.Problems.Sort()
	if len(want.Problems) < 50 {
		t.Fatalf("only %d similar pairs: the test needs many", len(want.Problems))
	}
	if !reflect.DeepEqual(got.Problems, want.Problems) {
		t.Fatalf("grouped: %d problems, every pair: %d\n%v\n%v", len(got.Problems), len(want.Problems), got.Problems, want.Problems)
	}
}

// lintSimilarEveryPair is lintSimilar as first written: every pair of
// questions compared.
func lintSimilarEveryPair(r *yamlfile.Reader, qn *Questionnaire) {
	sameSet := func(a, b []string) bool {
		x, y := slices.Clone(a), slices.Clone(b)
		slices.Sort(x)
		slices.Sort(y)
		return slices.Equal(x, y)
	}
	for i, a := range qn.Questions {
		for _, b := range qn.Questions[i+1:] {
			if !sameSet(a.Criteria, b.Criteria) || slices.Contains(a.SeeAlso, b.ID) || slices.Contains(b.SeeAlso, a.ID) {
				continue
			}
			if j := jaccard(contentWords(a.Text), contentWords(b.Text)); j >= SimilarityThreshold {
				r.ErrorAt(b.src.field("text"), "question %s asks much the same as %s (same criteria, %.0f%% of content words shared): merge them, or name the other under see_also",
					b.ID, a.ID, j*100)
			}
		}
	}
}
