package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
)

// TestMarkdownLintRules checks, without Node, the markdownlint rules the
// layout could break, on every fixture and on odd inputs: a new assessment
// with no answers, every user string empty, every user string hostile.
// markdownlint-cli2 itself runs on the golden files (see the Makefile).
func TestMarkdownLintRules(t *testing.T) {
	qn := testQuestionnaire(t)
	docs := map[string]report.Input{
		"new assessment": report.NewInput(qn, assessment.New("Fresh start", qn.ID, generated), generated),
	}
	for _, name := range fixtures {
		docs[name] = report.NewInput(qn, loadFixture(t, qn, name), generated)
	}
	docs["headings that collide"] = report.NewInput(collidingQuestionnaire(t), loadFixture(t, qn, "seriesb"), generated)
	docs["empty strings"], _ = withText(t, func(int) string { return "" })
	docs["hostile strings"], _ = withText(t, func(i int) string { return hostile[i%len(hostile)] })
	for name, in := range docs {
		t.Run(name, func(t *testing.T) {
			for _, problem := range lintProblems(string(render(t, in, formats[0].write))) {
				t.Error(problem)
			}
		})
	}
}

// collidingQuestionnaire is the test questionnaire with area titles that
// repeat another area's and the report's own headings.
func collidingQuestionnaire(t *testing.T) *questionnaire.Questionnaire {
	data, err := os.ReadFile(filepath.Join("testdata", "questionnaire.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer("title: Laptops and devices", "title: Access control",
		"title: Physical security", "title: Summary").Replace(string(data))
	qn, err := questionnaire.Load("colliding.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return qn
}

func lintProblems(md string) []string {
	var problems []string
	add := func(line int, msg string) { problems = append(problems, fmt.Sprintf("line %d: %s", line+1, msg)) }
	if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
		add(strings.Count(md, "\n"), "MD047: must end with exactly one newline")
	}
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	level, h1s := 0, 0
	headings := map[string]bool{}
	for i, l := range lines {
		blankBefore := i == 0 || lines[i-1] == ""
		blankAfter := i == len(lines)-1 || lines[i+1] == ""
		switch {
		case strings.TrimRight(l, " \t") != l:
			add(i, "MD009/MD010: trailing whitespace")
		case l == "" && i > 0 && lines[i-1] == "":
			add(i, "MD012: two blank lines")
		case strings.HasPrefix(l, "#"):
			n := len(l) - len(strings.TrimLeft(l, "#"))
			if n == 1 {
				h1s++
			}
			if n > level+1 {
				add(i, "MD001: heading level skipped")
			}
			level = n
			if headings[l[n:]] {
				add(i, "MD024: duplicate heading "+l)
			}
			headings[l[n:]] = true
			if !blankBefore || !blankAfter {
				add(i, "MD022: heading without blank lines around it")
			}
		case strings.HasPrefix(l, "|"):
			if cells(l) != cells(tableStart(lines, i)) {
				add(i, "MD056: table row with a different column count")
			}
			if (blankBefore && !strings.HasPrefix(lines[i+1], "| ---")) || (blankAfter && i > 0 && !strings.HasPrefix(lines[i-1], "|")) {
				add(i, "MD055/MD058: malformed table")
			}
		case strings.HasPrefix(l, "- ") && !blankBefore && !strings.HasPrefix(lines[i-1], "- ") && !strings.HasPrefix(lines[i-1], "  "):
			add(i, "MD032: list without a blank line before it")
		}
	}
	if h1s != 1 || !strings.HasPrefix(lines[0], "# ") {
		add(0, "MD025/MD041: the first line must be the only H1")
	}
	return problems
}

func tableStart(lines []string, i int) string {
	for i > 0 && strings.HasPrefix(lines[i-1], "|") {
		i--
	}
	return lines[i]
}

// cells counts the unescaped pipes of a table row.
func cells(row string) int {
	n := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}
