package questionnaire

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// Word limits keep a question answerable in about 40 seconds: the question
// and why it matters are read on every screen, the rest on demand.
const (
	MaxTextWords       = 30
	MaxWhyWords        = 40
	MaxGoodWords       = 60
	MaxEvidenceWords   = 40
	MaxFirstStepsWords = 60
)

// lint looks for the mistakes an auditor's review found in the first bank:
// guidance too long to read, dependencies that cannot apply, scope facts
// that gate nothing and the same control asked twice. Each problem is an
// error; strict (the built-in bank) also turns warnings into errors.
func lint(r *yamlfile.Reader, qn *Questionnaire, strict bool) {
	warn := func(p yamlfile.Pos, format string, args ...any) {
		if strict {
			r.ErrorAt(p, format, args...)
			return
		}
		qn.Warnings = append(qn.Warnings, yamlfile.Problem{File: r.File, Pos: p, Msg: fmt.Sprintf(format, args...)})
	}
	// The similarity lint reads the questions on another core meanwhile;
	// its problems come last, as when it ran last.
	similar := &yamlfile.Reader{File: r.File}
	done := make(chan struct{})
	go func() {
		defer close(done)
		lintSimilar(similar, qn)
	}()
	eachQuestion(r, qn.Questions, func(r *yamlfile.Reader) func(*Question) {
		scopes := map[[2]string]scope{}
		return func(q *Question) {
			lintWords(r.ErrorAt, q)
			lintDependencies(r, qn, q, scopes)
		}
	})
	lintFacts(warn, qn)
	<-done
	r.Problems = append(r.Problems, similar.Problems...)
}

// WordCount counts whitespace-separated words, as strings.Fields splits
// them, without making the list.
func WordCount(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func lintWords(report func(yamlfile.Pos, string, ...any), q *Question) {
	check := func(field string, n int32, limit int) {
		if int(n) > limit {
			report(q.src.field(field), "question %s: %s has %d words, more than %d", q.ID, field, n, limit)
		}
	}
	w := q.src.words
	check("text", w.text, MaxTextWords)
	check("help.why", w.why, MaxWhyWords)
	check("help.good", w.good, MaxGoodWords)
	check("help.evidence", w.evidence, MaxEvidenceWords)
	check("help.first_steps", w.firstSteps, MaxFirstStepsWords)
}

// wordCounts are the words of a question's text and help, counted as it is
// decoded (on the cores that parse the file) for the word lint.
type wordCounts struct {
	text, why, good, evidence, firstSteps int32
}

func countWords(q *Question) wordCounts {
	w := wordCounts{
		text:     int32(WordCount(q.Text)),
		why:      int32(WordCount(q.Help.Why)),
		good:     int32(WordCount(q.Help.Good)),
		evidence: int32(WordCount(q.Help.Evidence)),
	}
	for _, s := range q.Help.FirstSteps {
		w.firstSteps += int32(WordCount(s))
	}
	return w
}

// lintDependencies reports a dependency that does not apply in some scope
// where its question does: the plan would then wait for work that is never
// asked. Conditions use at most a handful of facts, so every combination of
// the facts involved is tried, once for each pair of conditions (scopes
// remembers the verdicts).
func lintDependencies(r *yamlfile.Reader, qn *Questionnaire, q *Question, scopes map[[2]string]scope) {
	for i, id := range q.DependsOn {
		dep := qn.Question(id)
		if dep == nil || dep == q {
			continue
		}
		at := q.src.dependsOn[i]
		if dep.Category != Security && dep.Category != q.Category && dep.Category.Valid() {
			r.ErrorAt(at, "question %s depends on %s, which is only asked when %s is selected", q.ID, id, dep.Category.Title())
			continue
		}
		pair := [2]string{q.AppliesIf, dep.AppliesIf}
		s, ok := scopes[pair]
		if !ok {
			s.facts, s.found = scopeWhereOnlyFirstApplies(q, dep)
			scopes[pair] = s
		}
		if s.found {
			r.ErrorAt(at, "question %s depends on %s, which does not apply when %s (where %s does): a dependency must apply whenever its question does",
				q.ID, id, s.facts, q.ID)
		}
	}
}

// scope is what scopeWhereOnlyFirstApplies found for two conditions: it
// depends on nothing else, since a condition is parsed from its text.
type scope struct {
	facts string
	found bool
}

// scopeWhereOnlyFirstApplies finds facts under which a applies and b does
// not, described for a message.
func scopeWhereOnlyFirstApplies(a, b *Question) (string, bool) {
	if b.cond == nil {
		return "", false
	}
	var names []string
	for _, c := range []Condition{a.cond, b.cond} {
		if c == nil {
			continue
		}
		for _, f := range c.Facts() {
			if !slices.Contains(names, f) {
				names = append(names, f)
			}
		}
	}
	slices.Sort(names)
	for bits := 0; bits < 1<<len(names); bits++ {
		facts := Facts{}
		for i, n := range names {
			facts[n] = bits&(1<<i) != 0
		}
		if a.Applies(facts) && !b.Applies(facts) {
			parts := make([]string, len(names))
			for i, n := range names {
				parts[i] = fmt.Sprintf("%s is %t", n, facts[n])
			}
			return strings.Join(parts, " and "), true
		}
	}
	return "", false
}

// lintFacts reports scope facts that no question's condition uses: the
// scope step asks about them, so they should change something.
func lintFacts(report func(yamlfile.Pos, string, ...any), qn *Questionnaire) {
	used := map[string]bool{}
	conds := map[string]bool{} // conditions seen, by text
	for _, q := range qn.Questions {
		if q.cond == nil || conds[q.AppliesIf] {
			continue
		}
		conds[q.AppliesIf] = true
		for _, f := range q.cond.Facts() {
			used[f] = true
		}
	}
	for _, f := range KnownFacts {
		// The ISO target also switches on the ISO view and the exports'
		// ISO section, so it changes something without a question.
		if !used[f.Name] && f.Name != ISMSFact {
			report(yamlfile.Pos{Line: 1, Col: 1}, "scope fact %q (%s) gates no question", f.Name, f.Description)
		}
	}
}

// FactsUsed maps each known fact to the IDs of the questions whose
// condition tests it.
func FactsUsed(qn *Questionnaire) map[string][]string {
	used := map[string][]string{}
	for _, q := range qn.Questions {
		if q.cond == nil {
			continue
		}
		for _, f := range q.cond.Facts() {
			if !slices.Contains(used[f], q.ID) {
				used[f] = append(used[f], q.ID)
			}
		}
	}
	return used
}

// SimilarityThreshold is the share of content words two questions with the
// same criteria may have in common before they count as the same question.
const SimilarityThreshold = 0.5

// lintSimilar reports two questions with the same criteria whose texts share
// half or more of their content words, unless one names the other in
// see_also: the same control asked twice is counted twice. Only questions
// with the same criteria are compared, so they are grouped by criteria
// first: the cost follows the groups' sizes, not the square of the bank's.
func lintSimilar(r *yamlfile.Reader, qn *Questionnaire) {
	// Each question's content words and criteria, found on the cores there
	// are.
	words := make([][]string, len(qn.Questions))
	criteria := make([]string, len(qn.Questions))
	inRuns(len(qn.Questions), func(_, from, to int) {
		// The run's words in one array, about one for every ten bytes.
		size := 0
		for _, q := range qn.Questions[from:to] {
			size += len(q.Text)/10 + 1
		}
		all := make([]string, 0, size)
		for i := from; i < to; i++ {
			n := len(all)
			all = appendContentWords(all, qn.Questions[i].Text)
			words[i] = all[n:len(all):len(all)]
			criteria[i] = criteriaKey(qn.Questions[i].Criteria)
		}
	})
	groups := map[string][]int{}
	var keys []string
	for i, k := range criteria {
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range keys {
		group := groups[k]
		for i, ai := range group {
			a := qn.Questions[ai]
			for _, bi := range group[i+1:] {
				b := qn.Questions[bi]
				if slices.Contains(a.SeeAlso, b.ID) || slices.Contains(b.SeeAlso, a.ID) {
					continue
				}
				if s := jaccard(words[ai], words[bi]); s >= SimilarityThreshold {
					r.ErrorAt(b.src.field("text"), "question %s asks much the same as %s (same criteria, %.0f%% of content words shared): merge them, or name the other under see_also",
						b.ID, a.ID, s*100)
				}
			}
		}
	}
}

// criteriaKey names a list of criteria regardless of order: two lists have
// the same key when they hold the same criteria as often.
func criteriaKey(criteria []string) string {
	if !slices.IsSorted(criteria) {
		criteria = slices.Clone(criteria)
		slices.Sort(criteria)
	}
	return strings.Join(criteria, "\x00")
}

// stopWords are left out when comparing questions: they carry no content.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or of to in on for with by at is are be been being do does did your you
		we our us it its as that this these those from any all each every have has had which who whom when what how there
		their them they not no can could than then into per if so such one ones yes was were will would should may must`) {
		stopWords[w] = true
	}
}

// contentWords returns the distinct words of s that are not stop words,
// sorted. A word is what [a-z0-9]+(?:['-][a-z0-9]+)* matches in the
// lowercased text: letters and digits, joined by single apostrophes or
// hyphens.
func contentWords(s string) []string { return appendContentWords(nil, s) }

// appendContentWords appends the content words of s to dst. An ASCII text is
// not lowercased whole: only a word with a capital is, so the words of a
// bank's thousands of texts are mostly slices of them, and dst can hold
// them all.
func appendContentWords(dst []string, s string) []string {
	start := len(dst)
	if !isASCII(s) {
		// Lowercasing may change a text's length and ASCII letters in it
		// (the Kelvin sign is a k).
		s = strings.ToLower(s)
	}
	for i := 0; i < len(s); {
		if !isWordByte(lowerASCII(s[i])) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) {
			if isWordByte(lowerASCII(s[j])) {
				j++
			} else if (s[j] == '\'' || s[j] == '-') && j+1 < len(s) && isWordByte(lowerASCII(s[j+1])) {
				j += 2
			} else {
				break
			}
		}
		w := s[i:j]
		if strings.ContainsFunc(w, isUpperASCII) {
			w = strings.ToLower(w)
		}
		if !stopWords[w] {
			dst = append(dst, w)
		}
		i = j
	}
	slices.Sort(dst[start:])
	return dst[:start+len(slices.Compact(dst[start:]))]
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isUpperASCII(r rune) bool { return r >= 'A' && r <= 'Z' }

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// jaccard is the share of words two sorted sets have in common.
func jaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
