package questionnaire

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// wordTexts are texts made of the characters that matter to word counting
// and matching: ASCII and Unicode spaces, apostrophes, hyphens, capitals,
// a Kelvin sign (which lowercases to k), invalid UTF-8.
func wordTexts() []string {
	rng := rand.New(rand.NewPCG(3, 5))
	pieces := []string{"a", "Z", "k", "9", "it's", "-", "'", " ", "\t", "\n", "\u00a0", "\u2003", "\u0085", "\u212a", "é", "\xff", "the", "Access", "re-view", "--", "''", "x'", "-y"}
	texts := []string{"", " ", "one", "  two  words ", "a-b-", "a--b", "'a'", "MFA-enforced, owner's review"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestWordCountIsFieldsCount(t *testing.T) {
	for _, s := range wordTexts() {
		if got, want := WordCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("WordCount(%q) = %d, strings.Fields finds %d", s, got, want)
		}
	}
}

// TestContentWordsAsThePattern checks the hand-written word scan against the
// regular expression it replaced.
func TestContentWordsAsThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`[a-z0-9]+(?:['-][a-z0-9]+)*`)
	for _, s := range wordTexts() {
		var want []string
		for _, w := range pattern.FindAllString(strings.ToLower(s), -1) {
			if !stopWords[w] && !slices.Contains(want, w) {
				want = append(want, w)
			}
		}
		slices.Sort(want)
		if got := contentWords(s); !slices.Equal(got, want) {
			t.Fatalf("contentWords(%q) = %q, want %q", s, got, want)
		}
	}
}
