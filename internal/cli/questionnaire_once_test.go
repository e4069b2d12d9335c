package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// The --questionnaire file is read once per run: the TUI asks for the
// questionnaire on every assessment it opens, and a large bank takes a
// second and a hundred MiB to read each time.
func TestCustomQuestionnaireIsReadOnce(t *testing.T) {
	data, err := os.ReadFile("../../testdata/questionnaires/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "custom.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	a := &app{questionnairePath: path}
	first, err := a.questionnaireFor("")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	again, err := a.questionnaireFor(first.ID)
	if err != nil || again != first {
		t.Fatalf("second lookup: %p, %v; want the questionnaire read first (%p)", again, err, first)
	}
}
