package report_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/gapmap/gapmap/assets"
	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
)

// maxBodyWords is how long the body of the demo's report may be: what a
// client reads before the appendixes, in a few minutes.
const maxBodyWords = 1500

// demoInput is the built-in demo as 'gapmap demo --export' renders it.
func demoInput(t *testing.T) report.Input {
	t.Helper()
	a, err := assessment.ParseFile("demo.yaml", assets.Demo, questionnaire.Builtin, generated)
	if err != nil {
		t.Fatal(err)
	}
	qn, err := questionnaire.Builtin(a.QuestionnaireID)
	if err != nil {
		t.Fatal(err)
	}
	assessment.UpgradeInPlace(qn, a)
	return report.NewInput(qn, a, generated)
}

// body is the report before its first appendix.
func body(md string) string {
	if i := strings.Index(md, "\n## Appendix: "); i >= 0 {
		return md[:i]
	}
	return md
}

// words counts what a reader reads as words: runs of text holding a letter
// or a digit, so table rules, bullets and pipes do not count.
func words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// TestDemoBodyIsShort: the demo's body, what comes before the first
// appendix, is at most maxBodyWords words, and holds its sections in the
// order a client reads them.
func TestDemoBodyIsShort(t *testing.T) {
	md := string(render(t, demoInput(t), formats[0].write))
	b := body(md)
	if b == md {
		t.Fatal("the demo report has no appendix")
	}
	n := words(b)
	t.Logf("the demo's body is %d words", n)
	if n > maxBodyWords {
		t.Errorf("the demo's body is %d words, more than %d", n, maxBodyWords)
	}
	order := []string{"## Summary\n", "### Start with these\n", "### Biggest risks\n", "## Plan\n",
		"### Now: start here\n", "### Next: the remaining gaps, by priority\n", "## Observation window calendar\n",
		"## Scope\n", "## Readiness by category\n", "## Questions to confirm\n"}
	at := -1
	for _, h := range order {
		i := strings.Index(b, h)
		if i < at {
			t.Errorf("%q is missing from the body or out of order", h)
		}
		at = i
	}
	for _, h := range []string{"## Appendix: plan details\n", "## Appendix: readiness by criterion\n", "## Appendix: answers\n"} {
		if !strings.Contains(md[len(b):], h) {
			t.Errorf("no %q after the body", h)
		}
	}
}

// TestBodyNamesTitlesNotIDs: the body names every question by its title;
// IDs are for the answer appendix, where a consultant edits a file.
func TestBodyNamesTitlesNotIDs(t *testing.T) {
	docs := map[string]report.Input{"demo": demoInput(t)}
	qn := testQuestionnaire(t)
	for _, name := range fixtures {
		docs[name] = report.NewInput(qn, loadFixture(t, qn, name), generated)
	}
	for name, in := range docs {
		b := body(string(render(t, in, formats[0].write)))
		for _, q := range in.Questionnaire.Questions {
			if strings.Contains(b, q.ID) {
				t.Errorf("%s: the body names the question ID %s", name, q.ID)
			}
		}
	}
}

// TestFirstStepsAreNestedLists: every gap's first steps are a numbered
// list under it, one step a line, never run together in a sentence.
func TestFirstStepsAreNestedLists(t *testing.T) {
	in := demoInput(t)
	md := string(render(t, in, formats[0].write))
	if strings.Contains(md, `1\. `) {
		t.Error(`the report still runs numbered steps inline ("1\. ")`)
	}
	checked := 0
	for _, it := range in.Plan.Items {
		steps := it.Question.Help.FirstSteps
		if len(steps) < 2 || strings.ContainsAny(strings.Join(steps, ""), "\\`*_[]<>#|~&$") {
			continue // escaped text would not match as written
		}
		want := "\n  First steps:\n"
		for i, s := range steps {
			want += "  " + string(rune('1'+i)) + ". " + s + "\n"
		}
		if !strings.Contains(md, want) {
			t.Errorf("%s: no nested list of its steps:\n%s", it.Title, want)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no gap with several first steps was checked")
	}
}

// goldenMarkdown is every Markdown golden file and the demo's report.
func goldenMarkdown(t *testing.T) map[string]string {
	docs := map[string]string{"demo": string(render(t, demoInput(t), formats[0].write))}
	paths, err := filepath.Glob(filepath.Join("testdata", "*.golden.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden Markdown: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[p] = string(data)
	}
	return docs
}

// TestGrammar scans the goldens and the demo's report for doubled words
// and for counts that disagree with their noun or verb.
func TestGrammar(t *testing.T) {
	for name, md := range goldenMarkdown(t) {
		for _, p := range grammarProblems(md) {
			t.Errorf("%s: %s", name, p)
		}
	}
}

// TestGrammarWithOnes: an assessment where every count that can be one is
// one (one person, one person of capacity, one component, one question to
// confirm, one gap in a package) reads in the singular.
func TestGrammarWithOnes(t *testing.T) {
	qn := testQuestionnaire(t)
	a := loadFixture(t, qn, "preseed")
	a.Scope.Headcount, a.Scope.Capacity = 1, 1
	a.Scope.Components = a.Scope.Components[:1]
	unknown := 0
	for id, ans := range a.Answers {
		if ans.Value == assessment.Unknown {
			if unknown++; unknown > 1 {
				ans.Value = assessment.No
				a.Answers[id] = ans
			}
		}
	}
	md := string(render(t, report.NewInput(qn, a, generated), formats[0].write))
	for _, p := range grammarProblems(md) {
		t.Error(p)
	}
	for _, want := range []string{"**System:** Northwind invoicing API at Northwind Labs, Inc, 1 person\n",
		"**Remediation capacity:** 1 person (full-time equivalent)", "**Components:** 1, which holds ",
		"1 question was answered \"Don't know\". Each is planned as a full gap", "1 unknown answer is planned as a full gap"} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q", want)
		}
	}
}

// TestGrammarCheckCatches: the check finds the slips it is for.
func TestGrammarCheckCatches(t *testing.T) {
	for _, bad := range []string{
		"Caveats: 1 unknown answer is planned as full gaps until confirmed",
		"the the plan",
		"In place with With evidence",
		"1 items wait for it",
		"its 1 gaps cost 2 person-weeks",
		"7 unknown answers is planned",
		"3 questions was answered",
		"1 question are not answered",
		"Remediation capacity: 1 people (full-time equivalent)",
	} {
		if len(grammarProblems(bad)) == 0 {
			t.Errorf("no problem found in %q", bad)
		}
	}
	for _, good := range []string{
		"1 unknown answer is planned as a full gap until confirmed",
		"7 unknown answers are planned as full gaps",
		"| 7 | 7 |", "Partial | Partial", "1 item waits for it", "1 person-week", "months 1 and 4",
		"CC1 to CC9", "1 process", "1 access review",
	} {
		if p := grammarProblems(good); len(p) > 0 {
			t.Errorf("%q flagged: %v", good, p)
		}
	}
}

var (
	wordPattern = regexp.MustCompile(`[A-Za-z]+(?:'[a-z]+)?`)
	// A count of one with a plural noun: "1 gaps", "1 unknown answers".
	onePlural = regexp.MustCompile(`(?:^|[^\w.])1 (?:(?:unknown|open|scored|applicable|critical|high|medium|low|common|recurring) )?([a-z-]+s)\b`)
	// A count other than one with a plural noun and a singular verb.
	manyIs = regexp.MustCompile(`(?:^|[^\w.])(?:0|[2-9]|[1-9]\d+) (?:[a-z-]+ )?[a-z-]+s (?:is|was|has)\b`)
	// A singular subject with a plural complement: "is planned as full gaps".
	isPlural = regexp.MustCompile(`\b(?:is|was) planned as (?:[a-z]+ )?gaps\b`)
	// A count of one with a plural verb: "1 question are".
	onePeople = regexp.MustCompile(`(?:^|[^\w.])1 people\b`)
	oneAre    = regexp.MustCompile(`(?:^|[^\w.])1 (?:[a-z-]+ )?[a-z-]+ (?:are|were|cost)\b`)
)

// singularS are words ending in s that are singular.
var singularS = []string{"process", "access", "class", "business", "status", "analysis", "basis", "is", "was", "has", "does"}

// grammarProblems finds doubled words and disagreeing counts, line by line.
func grammarProblems(md string) []string {
	var out []string
	for i, line := range strings.Split(md, "\n") {
		at := func(msg string) { out = append(out, "line "+strconv.Itoa(i+1)+": "+msg+": "+line) }
		locs := wordPattern.FindAllStringIndex(line, -1)
		for j := 1; j < len(locs); j++ {
			prev, cur := line[locs[j-1][0]:locs[j-1][1]], line[locs[j][0]:locs[j][1]]
			gap := line[locs[j-1][1]:locs[j][0]]
			if strings.EqualFold(prev, cur) && strings.TrimSpace(gap) == "" && len(gap) > 0 {
				at("doubled word " + cur)
			}
		}
		for _, m := range onePlural.FindAllStringSubmatch(line, -1) {
			w := m[1]
			if !slices.Contains(singularS, w) && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
				at("1 with a plural " + w)
			}
		}
		if manyIs.MatchString(line) {
			at("a plural count with a singular verb")
		}
		if isPlural.MatchString(line) {
			at("a singular verb with a plural complement")
		}
		if onePeople.MatchString(line) {
			at("1 with people")
		}
		if m := oneAre.FindString(line); m != "" {
			at("1 with a plural verb")
		}
	}
	return out
}

// TestHeadingsInSentenceCase: every heading the reports write, past the
// title, is in sentence case: only the first word of each part (before or
// after a colon, after any number) and proper names are capitalized.
func TestHeadingsInSentenceCase(t *testing.T) {
	proper := []string{"SOC", "I", "II", "Trust", "Services", "CUECs", "HR", "ISO/IEC", "Annex", "Q1", "A"}
	for name, md := range goldenMarkdown(t) {
		for _, line := range strings.Split(md, "\n") {
			if !strings.HasPrefix(line, "## ") && !strings.HasPrefix(line, "### ") && !strings.HasPrefix(line, "#### ") {
				continue
			}
			text := strings.TrimLeft(line, "# ")
			for _, part := range strings.Split(text, ": ") {
				fields := strings.Fields(part)
				for len(fields) > 0 && strings.ContainsAny(fields[0], "0123456789") {
					fields = fields[1:] // a number before a title, as "A.5 Organizational controls"
				}
				for _, w := range fields[min(1, len(fields)):] {
					w = strings.Trim(w, "(),")
					if w != "" && unicode.IsUpper([]rune(w)[0]) && !slices.Contains(proper, w) {
						t.Errorf("%s: %q is not in sentence case (%s)", name, line, w)
						break
					}
				}
			}
		}
	}
}

// TestOpeningSentence: the report opens by saying what it is about in a
// sentence a client reads naturally, whatever of the scope is known.
func TestOpeningSentence(t *testing.T) {
	qn := testQuestionnaire(t)
	cases := []struct {
		system, org string
		report      assessment.ReportType
		about       string
	}{
		{"Billing API", "Acme Ltd", assessment.TypeI, "how ready Billing API at Acme Ltd is for a SOC 2 Type I report"},
		{"Billing API", "", assessment.TypeII, "how ready Billing API is for a SOC 2 Type II report"},
		{"", "Acme Ltd", assessment.TypeI, "how ready Acme Ltd is for a SOC 2 Type I report"},
		{"", "", assessment.TypeI, "how ready the system assessed is for a SOC 2 Type I report"},
	}
	for _, c := range cases {
		a := loadFixture(t, qn, "preseed")
		a.Scope.System, a.Scope.Organization = c.system, c.org
		a.Target = assessment.Target{Type: c.report}
		if c.report == assessment.TypeII {
			a.Target.WindowMonths = 6
		}
		md := string(render(t, report.NewInput(qn, a, generated), formats[0].write))
		want := "This report says " + c.about + " and what to do first. It was generated by gapmap on 2026-11-23 " +
			"from the answers to version " + qn.Version + " of the questionnaire *SOC 2 readiness (golden-test edition)*.\n"
		if lines := strings.SplitN(md, "\n", 4); lines[2]+"\n" != want {
			t.Errorf("opening:\n%s\nwant:\n%s", lines[2], want)
		}
	}
}
