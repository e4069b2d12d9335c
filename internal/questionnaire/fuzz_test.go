package questionnaire

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/yamlfile"
	"github.com/gapmap/gapmap/internal/yamlfile/fuzzgen"
)

// FuzzLoad checks the loader never panics or hangs, whatever the input, and
// that whatever it accepts is consistent. Besides the bytes, the fuzzer picks
// how deep to nest them and how often to repeat them (fuzzgen.Grow), so the
// nesting and size limits and the syntax-error locator are reached. Load
// reads the questions part by part; it must say what parsing the whole file
// says.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(brokenDir, "*.yaml"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, uint8(0), uint16(0), uint16(0))
		}
	}
	f.Add([]byte("id: x\nquestions: [{id: a.b, depends_on: [a.b]}]\n"), uint8(0), uint16(0), uint16(0))
	f.Add([]byte("{\"id\": \"x\", \"areas\": [], \"criteria\": null}"), uint8(0), uint16(0), uint16(0))
	f.Add([]byte("[a, {b: c}"), uint8(0), uint16(100), uint16(0))
	f.Add([]byte("id: x\nbad: [\n"), uint8(2), uint16(40), uint16(3000))
	f.Add([]byte("- a: [1, 2]\n  b: \"x\"\n"), uint8(4), uint16(70), uint16(20000))
	f.Add([]byte("format: 2\nid: x\nquestions:\n- id: a.b\n  text: |\n   - c\n- id: a.c\n  x: 'd\n- e'\nareas: []\n"), uint8(0), uint16(0), uint16(0))
	f.Fuzz(func(t *testing.T, seed []byte, shape uint8, depth, copies uint16) {
		data := seed
		if depth > 0 || copies > 0 {
			data = fuzzgen.Grow(seed, shape, depth, copies)
		}
		type result struct {
			qn       *Questionnaire
			err      error
			whole    *Questionnaire
			wholeErr error
		}
		done := make(chan result, 1)
		go func() {
			qn, err := Load("fuzz.yaml", data)
			whole, wholeErr := LoadWhole("fuzz.yaml", data)
			done <- result{qn, err, whole, wholeErr}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(4 * time.Second):
			t.Fatalf("loading %q did not finish in 4s", data)
		}
		qn, err := r.qn, r.err
		if fmt.Sprint(err) != fmt.Sprint(r.wholeErr) || !reflect.DeepEqual(qn, r.whole) {
			t.Fatalf("read in parts: %v\nwhole: %v", err, r.wholeErr)
		}
		var ps yamlfile.Problems
		if err != nil && !errors.As(err, &ps) {
			t.Fatalf("error without a position: %v", err)
		}
		if err != nil {
			return
		}
		for _, q := range qn.Questions {
			for _, d := range q.DependsOn {
				if qn.Question(d) == nil {
					t.Fatalf("accepted unknown dependency %q", d)
				}
			}
			q.Applies(DefaultFacts())
		}
	})
}
