package questionnaire_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/scaledata"
	"github.com/gapmap/gapmap/internal/yamlfile"
	"github.com/gapmap/gapmap/questionnaires"
)

// sameAsWhole checks that Load, which reads the questions part by part,
// says exactly what parsing the whole file says: the same questionnaire and
// warnings, or the same problems at the same positions. It reports whether
// the file was read in parts.
func sameAsWhole(t *testing.T, name string, data []byte) bool {
	t.Helper()
	got, gotErr := questionnaire.Load(name, data)
	want, wantErr := questionnaire.LoadWhole(name, data)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("%s: read in parts:\n%v\nwhole:\n%v", name, gotErr, wantErr)
	}
	// LoadFile reads the parts again from the file.
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	fromFile, fileErr := questionnaire.LoadFile(path)
	wantFile, wantFileErr := questionnaire.LoadWhole(path, data)
	if fmt.Sprint(fileErr) != fmt.Sprint(wantFileErr) || !reflect.DeepEqual(fromFile, wantFile) {
		t.Fatalf("%s: LoadFile:\n%v\nwhole:\n%v", name, fileErr, wantFileErr)
	}
	var gotPs, wantPs yamlfile.Problems
	if errors.As(gotErr, &gotPs) != errors.As(wantErr, &wantPs) || !reflect.DeepEqual(gotPs, wantPs) {
		t.Fatalf("%s: problems differ:\n%v\n%v", name, gotPs, wantPs)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: the questionnaires read differ", name)
	}
	_, _, items, _ := yamlfile.ParseSplit(name, data, "questions")
	return items != nil
}

func builtinYAML(t *testing.T) []byte {
	data, err := questionnaires.FS.ReadFile("soc2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPartsReadAsTheWholeFile(t *testing.T) {
	files := map[string][]byte{"soc2.yaml": builtinYAML(t)}
	sizes, err := scaledata.BankSizes()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range sizes {
		if data, err := scaledata.Bank(n); err != nil {
			t.Fatal(err)
		} else {
			files[fmt.Sprintf("bank-%d.yaml", n)] = data
		}
	}
	for name, data := range files {
		if !sameAsWhole(t, name, data) {
			t.Errorf("%s was not read in parts", name)
		}
	}
	paths, _ := filepath.Glob("../../testdata/questionnaires/*.yaml")
	if len(paths) < 10 {
		t.Fatalf("only %d test files", len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sameAsWhole(t, filepath.Base(p), data)
	}
}

// TestPartsReadAsTheWholeFileWhenBroken breaks the built-in bank in ways
// that land in one part, across parts, or outside the questions: each is
// reported as the whole file reports it.
func TestPartsReadAsTheWholeFileWhenBroken(t *testing.T) {
	base := builtinYAML(t)
	at := bytes.Index(base, []byte("\nquestions:\n"))
	head, questions := base[:at+1], base[at+1:]
	second := func(s string) int { // the offset of the second-to-last s in questions
		i := bytes.LastIndex(questions, []byte(s))
		return bytes.LastIndex(questions[:i], []byte(s))
	}
	edit := func(data []byte, i int, del int, ins string) []byte {
		return bytes.Join([][]byte{data[:i], []byte(ins), data[i+del:]}, nil)
	}
	mid := second("\n  - id: ")
	cases := map[string][]byte{
		"syntax error late":         edit(base, len(head)+second("\n    title: "), 0, "\n    bad: [unclosed"),
		"tab indentation":           edit(base, len(head)+mid+1, 2, "\t"),
		"unknown field":             edit(base, len(head)+mid, 0, "\n    colour: blue"),
		"duplicate id":              append(bytes.Clone(base), questions[mid+1:]...),
		"bad condition":             bytes.Replace(base, []byte("applies_if: "), []byte("applies_if: nonsense && "), 3),
		"wrong format and syntax":   edit(bytes.Replace(base, []byte("format: 2"), []byte("format: 9"), 1), len(base)-2, 0, "\n  - {"),
		"key after the questions":   append(bytes.Clone(base), "areas:\n  - id: x\n    title: X\n"...),
		"questions twice":           append(bytes.Clone(base), "questions:\n  - id: x.y\n"...),
		"alias in a late question":  bytes.Replace(bytes.Replace(base, []byte("effort: M"), []byte("effort: &e M"), 1), []byte("effort: L"), []byte("effort: *e"), 1),
		"indentless items":          bytes.ReplaceAll(base, []byte("\n  "), []byte("\n")),
		"document marker":           append(bytes.Clone(base), "---\nid: x\n"...),
		"comment between items":     edit(base, len(head)+mid+1, 0, "# a comment\n"),
		"item at a shallower level": edit(base, len(head)+mid+1, 2, " "),
		"flow item":                 edit(base, len(head)+mid+1, 0, "  - {id: a.b, title: [x, y]}\n"),
		"empty questions":           append(bytes.Clone(head), "questions:\n"...),
		"crlf":                      bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n")),
		"block scalar dash":         edit(base, len(head)+mid, 0, "\n    text: |\n      - looks like an item\n"),
		"no final newline":          bytes.TrimRight(base, "\n"),
	}
	// The packages moved after the questions, with a mistake: the lines
	// after the questions keep their numbers.
	p0, p1 := bytes.Index(head, []byte("\npackages:\n")), bytes.Index(head, []byte("\nretired:\n"))
	moved := bytes.Join([][]byte{head[:p0+1], head[p1+1:], questions, head[p0+1 : p1+1]}, nil)
	cases["packages after the questions"] = moved
	cases["packages after the questions, one wrong"] = bytes.Replace(moved, []byte("setup_weeks: 1.0"), []byte("setup_weeks: -1.0"), 1)
	split := 0
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if sameAsWhole(t, "bank.yaml", data) {
				split++
			}
		})
	}
	if split < 5 {
		t.Errorf("only %d of the broken files were read in parts", split)
	}
}

func TestSplitLeavesAnchorsAndFlowWhole(t *testing.T) {
	base := builtinYAML(t)
	for name, data := range map[string][]byte{
		"anchor":        bytes.Replace(base, []byte("severity: high"), []byte("severity: &s high"), 1),
		"tag":           bytes.Replace(base, []byte("severity: high"), []byte("severity: !!str high"), 1),
		"flow sequence": bytes.Replace(base, []byte("questions:\n"), []byte("questions: [\n"), 1),
		"quoted key":    bytes.Replace(base, []byte("questions:\n"), []byte("\"questions\":\n"), 1),
		"document end":  append(bytes.Clone(base), "...\n"...),
	} {
		if _, _, items, _ := yamlfile.ParseSplit("f.yaml", data, "questions"); items != nil {
			t.Errorf("%s: split", name)
		}
	}
	if _, _, items, _ := yamlfile.ParseSplit("f.yaml", base, "questions"); items == nil {
		t.Error("the built-in bank was not split")
	}
}

func TestPartsKeepTheLinesAfterTheQuestions(t *testing.T) {
	base := builtinYAML(t)
	at := bytes.Index(base, []byte("\nquestions:\n"))
	p0, p1 := bytes.Index(base, []byte("\npackages:\n")), bytes.Index(base, []byte("\nretired:\n"))
	moved := bytes.Join([][]byte{base[:p0+1], base[p1+1 : at+1], base[at+1:], base[p0+1 : p1+1]}, nil)
	moved = bytes.Replace(moved, []byte("setup_weeks: 1.0"), []byte("setup_weeks: -1.0"), 1)
	_, err := questionnaire.Load("bank.yaml", moved)
	line := bytes.Count(moved[:bytes.Index(moved, []byte("setup_weeks: -1.0"))], []byte("\n")) + 1
	if want := fmt.Sprintf("bank.yaml:%d:18: package policies: setup_weeks must not be negative", line); fmt.Sprint(err) != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	if !sameAsWhole(t, "bank.yaml", moved) {
		t.Fatal("not read in parts")
	}
}
