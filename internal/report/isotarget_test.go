package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/assets"
	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
)

// ismsSample is the frozen questionnaire with two ISMS questions added, so
// that the samples have ISMS answers that could leak into SOC 2 figures.
const ismsSample = `
- id: isms.scope
  title: ISMS scope written down
  area: isms
  category: isms
  text: Is the scope of your ISMS written down and approved?
  help: {why: "Certification covers only what the scope names.", good: "One page naming services, sites and teams.", evidence: "The approved scope.", first_steps: ["Write the scope from the system description."]}
  criteria: []
  severity: critical
  effort: S
  evidence: config
  applies_if: iso27001
  iso27001: ['4.3']
- id: isms.review
  title: Management review held
  area: isms
  category: isms
  text: Does leadership review the ISMS every year, with minutes?
  help: {why: "Auditors read the minutes.", good: "Yearly, with decisions recorded.", evidence: "Dated minutes.", first_steps: ["Book the first review."]}
  criteria: []
  severity: high
  effort: S
  evidence: config
  applies_if: iso27001
  iso27001: ['9.3', A.5.35]
`

func questionnaireWithISMS(t *testing.T) *questionnaire.Questionnaire {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "questionnaire.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "\nareas:\n", "\nareas:\n- id: isms\n  title: ISO 27001 management system\n", 1)
	qn, err := questionnaire.Parse("questionnaire.yaml", []byte(text+ismsSample))
	if err != nil {
		t.Fatal(err)
	}
	return qn
}

// answerISMS answers every ISMS question, alternating gaps and controls in
// place, so that counting them anywhere would move a figure.
func answerISMS(qn *questionnaire.Questionnaire, a *assessment.Assessment) int {
	values := []assessment.Value{assessment.No, assessment.Yes, assessment.Unknown, assessment.Partial}
	n := 0
	for _, q := range qn.Questions {
		if q.Category == questionnaire.ISMS {
			a.SetAnswer(q.ID, assessment.Answer{Value: values[n%len(values)], Flagged: true}, generated)
			n++
		}
	}
	return n
}

// Switching the ISO target on asks the ISMS questions but leaves every SOC 2
// figure unchanged: the whole evaluation (overall, categories, criteria,
// areas, gaps by severity, the lists) and the listing summary.
func TestISOTargetLeavesSOC2FiguresUnchanged(t *testing.T) {
	type sample struct {
		name string
		qn   *questionnaire.Questionnaire
		a    *assessment.Assessment
	}
	withISMS := questionnaireWithISMS(t)
	var samples []sample
	for _, name := range fixtures {
		samples = append(samples, sample{name, withISMS, loadFixture(t, withISMS, name)})
	}
	bank, err := questionnaire.Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	lookup := func(string) (*questionnaire.Questionnaire, error) { return bank, nil }
	demo, err := assessment.ParseFile("demo.yaml", assets.Demo, lookup, generated)
	if err != nil {
		t.Fatal(err)
	}
	assessment.UpgradeInPlace(bank, demo)
	samples = append(samples, sample{"demo", bank, demo})

	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			if n := answerISMS(s.qn, s.a); n == 0 {
				t.Fatal("no ISMS question to answer")
			}
			s.a.Scope.SetFact(questionnaire.ISMSFact, false)
			off := assessment.Evaluate(s.qn, s.a)
			s.a.Scope.SetFact(questionnaire.ISMSFact, true)
			on := assessment.Evaluate(s.qn, s.a)
			isms := 0
			for _, q := range s.a.Applicable(s.qn) {
				if q.Category == questionnaire.ISMS {
					isms++
				}
			}
			if isms == 0 {
				t.Fatal("with the target on, no ISMS question is asked")
			}
			if !reflect.DeepEqual(off, on) {
				t.Errorf("switching the ISO target on changed the SOC 2 evaluation:\noff: %+v\non:  %+v", off.Summarize(), on.Summarize())
			}
			if off.Summarize() != on.Summarize() {
				t.Errorf("summary: off %+v, on %+v", off.Summarize(), on.Summarize())
			}
		})
	}
}

// With the ISO target on, the Markdown and JSON carry the ISO section; the
// JSON still imports back; without it neither says a word of ISO.
func TestISOSectionWithTheTarget(t *testing.T) {
	qn := questionnaireWithISMS(t)
	a := loadFixture(t, qn, "seriesb")
	answerISMS(qn, a)
	plain := report.NewInput(qn, a, generated)
	for _, f := range formats[:2] {
		if bytes.Contains(render(t, plain, f.write), []byte("27001")) {
			t.Errorf("%s: an ISO section without the ISO target", f.ext)
		}
	}
	a.Scope.SetFact(questionnaire.ISMSFact, true)
	in := report.NewInput(qn, a, generated)
	md := render(t, in, formats[0].write)
	for _, p := range lintProblems(string(md)) {
		t.Error(p)
	}
	for _, want := range []string{"## ISO/IEC 27001:2022", "### By clause", "| 4 | The organization and its setting | 1/1 | 0% | 0% |", "### Controls no answer covers yet"} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	checkGolden(t, filepath.Join("testdata", "seriesb-iso.golden.md"), md)
	js := render(t, in, formats[1].write)
	checkGolden(t, filepath.Join("testdata", "seriesb-iso.golden.json"), js)
	writeHTML := func(b *bytes.Buffer, in report.Input) error { return report.HTML(b, in) }
	html := render(t, in, writeHTML)
	for _, want := range []string{`<section id="iso27001">`, "<h3>By clause</h3>", "<td>The organization and its setting</td><td>1/1</td><td>0%</td><td>0%</td>"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
	if bytes.Contains(render(t, plain, writeHTML), []byte(`id="iso27001"`)) {
		t.Error("an ISO section in the HTML report without the ISO target")
	}
	back := parseAnswers(t, qn, "back.json", js)
	if !back.ISOTarget() || back.Answers["isms.scope"].Value != assessment.No {
		t.Error("the JSON export with the ISO section does not import back with its target and ISMS answers")
	}
}
