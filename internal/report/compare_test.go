package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
)

// compareFormats are the comparison writers under test with their golden
// file extensions.
var compareFormats = []struct {
	ext   string
	write func(*bytes.Buffer, report.CompareInput) error
}{
	{"md", func(b *bytes.Buffer, in report.CompareInput) error { return report.CompareMarkdown(b, in) }},
	{"json", func(b *bytes.Buffer, in report.CompareInput) error { return report.CompareJSON(b, in) }},
}

// nextQuarterAnswers is the Series B a quarter later: four gaps closed, one
// narrowed, one regressed, and Availability added to the scope after an
// uptime commitment, so its questions are answered for the first time.
var nextQuarterAnswers = []struct {
	id    string
	value assessment.Value
	owner string
	note  string
}{
	{"people.training", assessment.Yes, "People team", "Completion report exported from the LMS for 2026 and Q1 2027."},
	{"monitoring.controls", assessment.Partial, "priya@helio.example", "First quarterly control review held in January; no tracking of fixes yet."},
	{"access.offboarding", assessment.Yes, "IT", "Snowflake and AWS now deprovisioned through Okta (SCIM)."},
	{"access.reviews", assessment.Yes, "Security", "Quarterly reviews in Vanta since December; Q4 review signed off."},
	{"incidents.tested", assessment.Yes, "Security", "Tabletop exercise on 2027-01-20, with an after-action report."},
	{"change.pipeline", assessment.Partial, "Platform engineering", "Two emergency changes in December skipped review; the approval bot is down."},
	{"availability.capacity", assessment.NoEvidence, "Platform engineering", "Datadog capacity dashboards; nobody reviews them on a schedule."},
	{"availability.recovery-test", assessment.Unknown, "", "Ask Arjun whether the failover test in November covered us-west-2."},
}

// nextQuarter is the seriesb fixture duplicated and answered again, as a
// consultant does the next quarter.
func nextQuarter(t testing.TB, qn *questionnaire.Questionnaire) *assessment.Assessment {
	t.Helper()
	a := loadFixture(t, qn, "seriesb")
	a.Name = "Helio Analytics Type II — Q1 2027"
	a.SetCategories(append(a.Categories, questionnaire.Availability))
	at := time.Date(2027, 2, 18, 15, 30, 0, 0, time.UTC)
	for _, c := range nextQuarterAnswers {
		a.SetAnswer(c.id, assessment.Answer{Value: c.value, Owner: c.owner, Note: c.note, AnsweredBy: "Priya Nair"}, at)
	}
	// A new note on an unchanged answer is not a change of answer.
	ans := a.Answers["access.mfa"]
	ans.Note = "Hardware keys for admins ordered."
	a.Answers["access.mfa"] = ans
	return a
}

func compareInput(t testing.TB) report.CompareInput {
	qn := testQuestionnaire(t)
	return report.NewCompareInput(qn, loadFixture(t, qn, "seriesb"), nextQuarter(t, qn), generated)
}

func renderCompare(t testing.TB, in report.CompareInput, write func(*bytes.Buffer, report.CompareInput) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, in); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCompareGolden(t *testing.T) {
	for _, f := range compareFormats {
		t.Run(f.ext, func(t *testing.T) {
			got := renderCompare(t, compareInput(t), f.write)
			checkGolden(t, filepath.Join("testdata", "compare.golden."+f.ext), got)
			if again := renderCompare(t, compareInput(t), f.write); !bytes.Equal(got, again) {
				t.Errorf("two renders of the same input differ")
			}
		})
	}
}

func TestCompareMarkdownSections(t *testing.T) {
	md := string(renderCompare(t, compareInput(t), compareFormats[0].write))
	section := func(title string) string {
		_, rest, ok := strings.Cut(md, "\n## "+title+"\n")
		if !ok {
			t.Fatalf("no section %q", title)
		}
		body, _, _ := strings.Cut(rest, "\n## ")
		return body
	}
	want := map[string][]string{
		"Closed or improved": {"people.training", "monitoring.controls", "access.offboarding", "access.reviews", "incidents.tested"},
		"Regressed":          {"change.pipeline"},
		"Other changes":      {"availability.capacity", "availability.recovery-test"},
	}
	qn := testQuestionnaire(t)
	for title, ids := range want {
		body := section(title)
		if n := strings.Count(body, "\n- "); n != len(ids) {
			t.Errorf("%s: %d items, want %d:\n%s", title, n, len(ids), body)
		}
		last := -1
		for _, id := range ids {
			i := strings.Index(body, "**"+qn.Question(id).Title+"**")
			if i < 0 || i < last {
				t.Errorf("%s: %s missing or out of questionnaire order", title, id)
			}
			last = i
		}
	}
	for _, line := range []string{
		"  Partial → In place · critical · Owner: IT · Note: Snowflake and AWS now deprovisioned through Okta (SCIM).",
		"  No evidence → Partial · medium · Owner: Platform engineering · Note: Two emergency changes",
		"  Not in scope → Unknown · high · Note: Ask Arjun",
		"| Availability | not selected | 30% | — | not selected | 0% | — |",
		"- **Categories:** Availability added",
		"- **Answers changed:** 8 (5 closed or improved, 1 regressed, 2 other)",
	} {
		if !strings.Contains(md, line) {
			t.Errorf("missing %q", line)
		}
	}
	if strings.Contains(md, "access.mfa") {
		t.Error("a note changed on the same answer is listed as a change")
	}
}

func TestCompareMarkdownLintRules(t *testing.T) {
	qn := testQuestionnaire(t)
	seriesb := loadFixture(t, qn, "seriesb")
	docs := map[string]report.CompareInput{
		"next quarter":          compareInput(t),
		"no change":             report.NewCompareInput(qn, seriesb, seriesb, generated),
		"from a new assessment": report.NewCompareInput(qn, assessment.New("", qn.ID, generated), seriesb, generated),
		"to a new assessment":   report.NewCompareInput(qn, seriesb, assessment.New("Fresh", qn.ID, generated), generated),
		"hostile strings":       hostileComparison(t, func(i int) string { return hostile[i%len(hostile)] }),
	}
	for name, in := range docs {
		t.Run(name, func(t *testing.T) {
			for _, problem := range lintProblems(string(renderCompare(t, in, compareFormats[0].write))) {
				t.Error(problem)
			}
		})
	}
}

// hostileComparison compares two copies of seriesb whose user-entered text
// is text(i), with a few answers changed in each direction.
func hostileComparison(t *testing.T, text func(int) string) report.CompareInput {
	_, old := withText(t, text)
	_, new := withText(t, text)
	for id, v := range map[string]assessment.Value{
		"access.reviews": assessment.Yes, "change.pipeline": assessment.Partial, "physical.office": assessment.No,
	} {
		ans := new.Answers[id]
		ans.Value = v
		new.Answers[id] = ans
	}
	return report.NewCompareInput(testQuestionnaire(t), old, new, generated)
}

func TestCompareHostileTextCannotChangeTheStructure(t *testing.T) {
	harmless := renderCompare(t, hostileComparison(t, func(i int) string { return fmt.Sprintf("plain words %d", i) }), compareFormats[0].write)
	md := renderCompare(t, hostileComparison(t, func(i int) string { return hostile[i%len(hostile)] }), compareFormats[0].write)
	for i, r := range string(md) {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e' || r == '\u200b' || r == '\ufffd') {
			t.Fatalf("control or invisible character %U at byte %d", r, i)
		}
	}
	want, got := structure(harmless), structure(md)
	if len(want) != len(got) {
		t.Fatalf("hostile text changed the number of lines: %d, harmless %d\n%s", len(got), len(want), md)
	}
	lines := strings.Split(string(md), "\n")
	for i := range want {
		if want[i] != got[i] {
			t.Errorf("line %d: structure %q, harmless %q\n%s", i+1, got[i], want[i], lines[i])
		}
	}
}

func TestCompareJSON(t *testing.T) {
	in := compareInput(t)
	data := renderCompare(t, in, compareFormats[1].write)
	var doc struct {
		Version       int `json:"gapmap_compare"`
		Questionnaire struct{ ID string }
		Old, New      struct{ Name string }
		Overall       struct {
			Old, New        *struct{ Readiness *float64 }
			ReadinessChange *float64 `json:"readiness_change"`
		}
		Categories []struct {
			Category        string
			Old, New        *struct{ Answered int }
			ReadinessChange *float64 `json:"readiness_change"`
		}
		GapsBySeverity struct{ Old, New map[string]int } `json:"gaps_by_severity"`
		Changes        []struct {
			ID         string
			Kind       string
			OldApplies bool    `json:"old_applies"`
			OldAnswer  *string `json:"old_answer"`
			NewAnswer  *string `json:"new_answer"`
			Note       string
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 2 || doc.Questionnaire.ID != "soc2-golden" || doc.Old.Name != "Helio Analytics Type II" || doc.New.Name != in.New.Name {
		t.Fatalf("header: %+v", doc)
	}
	o := doc.Overall
	if o.Old == nil || o.New == nil || o.ReadinessChange == nil || *o.ReadinessChange <= 0 {
		t.Fatalf("overall: %+v", o)
	}
	if d := *o.New.Readiness - *o.Old.Readiness - *o.ReadinessChange; d > 1e-9 || d < -1e-9 {
		t.Errorf("old + change != new: %v + %v != %v", *o.Old.Readiness, *o.ReadinessChange, *o.New.Readiness)
	}
	if n := len(doc.Categories); n != 3 || doc.Categories[1].Category != "availability" ||
		doc.Categories[1].Old != nil || doc.Categories[1].New == nil || doc.Categories[1].ReadinessChange != nil {
		t.Errorf("categories: %+v", doc.Categories)
	}
	if doc.GapsBySeverity.Old["critical"] <= doc.GapsBySeverity.New["critical"] {
		t.Errorf("critical gaps should go down: %+v", doc.GapsBySeverity)
	}
	count := map[string]int{}
	for _, ch := range doc.Changes {
		count[ch.Kind]++
		if ch.ID == "availability.capacity" && (ch.OldApplies || ch.OldAnswer != nil || ch.NewAnswer == nil || *ch.NewAnswer != "no-evidence") {
			t.Errorf("availability.capacity: %+v", ch)
		}
	}
	if count["improved"] != 5 || count["regressed"] != 1 || count["other"] != 2 {
		t.Errorf("kinds: %v", count)
	}
}
