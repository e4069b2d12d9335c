package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/report"
)

func TestGolden(t *testing.T) {
	qn := testQuestionnaire(t)
	for _, name := range fixtures {
		in := report.NewInput(qn, loadFixture(t, qn, name), generated)
		for _, f := range formats {
			t.Run(name+"."+f.ext, func(t *testing.T) {
				got := render(t, in, f.write)
				checkGolden(t, filepath.Join("testdata", name+".golden."+f.ext), got)
				if again := render(t, report.NewInput(qn, loadFixture(t, qn, name), generated), f.write); !bytes.Equal(got, again) {
					t.Errorf("two renders of the same input differ")
				}
			})
		}
	}
}

// TestJSONRoundTrip imports the JSON export as an answers file and expects
// the very assessment it came from.
func TestJSONRoundTrip(t *testing.T) {
	qn := testQuestionnaire(t)
	for _, name := range fixtures {
		a := loadFixture(t, qn, name)
		data := render(t, report.NewInput(qn, a, generated), formats[1].write)
		back := parseAnswers(t, qn, name+".json", data)
		if !reflect.DeepEqual(a, back) {
			t.Errorf("%s: the JSON export does not import back to the same assessment\nexported: %+v\nimported: %+v", name, a, back)
		}
	}
}

// TestJSONKeys checks the top-level keys and their order.
func TestJSONKeys(t *testing.T) {
	qn := testQuestionnaire(t)
	data := render(t, report.NewInput(qn, loadFixture(t, qn, "seriesb"), generated), formats[1].write)
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"gapmap", "name", "questionnaire", "scope", "categories", "report", "answers",
		"created_at", "updated_at", "summary", "roadmap", "to_confirm", "follow_ups"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys = %v\nwant   %v", keys, want)
	}
	if !bytes.HasPrefix(data, []byte("{\n  \"gapmap\": 2,\n")) || !bytes.HasSuffix(data, []byte("}\n")) {
		t.Errorf("not indented with two spaces and ended with a newline: %.40q ... %q", data, data[len(data)-4:])
	}
}

func TestCSVShape(t *testing.T) {
	qn := testQuestionnaire(t)
	for _, name := range fixtures {
		in := report.NewInput(qn, loadFixture(t, qn, name), generated)
		data := render(t, in, formats[2].write)
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := strings.Join(rows[0], ","); got != "Order,Title,Description,Phase,Why now,Package,Priority,Severity,Effort,Person weeks,Lead time weeks,Owner,Due date,Criteria,ID,Labels" {
			t.Errorf("%s header = %s", name, got)
		}
		if len(rows)-1 != len(in.Plan.Items) {
			t.Errorf("%s: %d rows for %d items", name, len(rows)-1, len(in.Plan.Items))
		}
		for i, it := range in.Plan.Items {
			row := rows[i+1]
			if row[14] != it.Question.ID {
				t.Errorf("%s row %d is %s, want %s", name, i+1, row[14], it.Question.ID)
			}
			for _, part := range append([]string{it.Question.Help.Why, "First steps:\n1. "}, it.Answer.Note) {
				if !strings.Contains(row[2], strings.TrimSpace(part)) {
					t.Errorf("%s row %d: the description lacks %q:\n%s", name, i+1, part, row[2])
				}
			}
			if row[6] == "" || row[12] == "" && in.Plan.Timeline.Ready != nil {
				t.Errorf("%s row %d: no priority or due date: %q", name, i+1, row)
			}
		}
		if !bytes.Contains(data, []byte("\r\n")) {
			t.Errorf("%s: lines do not end in CRLF as RFC 4180 says", name)
		}
	}
}
