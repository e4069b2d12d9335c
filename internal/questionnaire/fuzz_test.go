package questionnaire

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzLoad checks the loader never panics, whatever the input, and that
// whatever it accepts is consistent.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(brokenDir, "*.yaml"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("id: x\nquestions: [{id: a.b, depends_on: [a.b]}]\n"))
	f.Add([]byte("{\"id\": \"x\", \"areas\": [], \"criteria\": null}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		type result struct {
			qn  *Questionnaire
			err error
		}
		done := make(chan result, 1)
		go func() {
			qn, err := Load("fuzz.yaml", data)
			done <- result{qn, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("loading %q did not finish in 2s", data)
		}
		qn, err := r.qn, r.err
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
