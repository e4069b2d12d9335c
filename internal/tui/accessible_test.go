package tui

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// The accessible mode creates an assessment from line prompts; its lists
// take several items on one line, separated by semicolons.
func TestAccessibleCreatesAnAssessment(t *testing.T) {
	st := openStore(t, false)
	input := strings.Join([]string{
		"1",        // a new assessment
		"Acc Co",   // name
		"", "", "", // organization, system, description
		"1", "0", // data: customer content, confirm
		"0",    // facts: none
		"", "", // headcount, capacity
		"AWS | infrastructure | customer data; App | software",
		"AWS | hosting | carve-out | report",
		"Platform; Support",
		"",       // CUECs
		"0",      // no optional category
		"1", "2", // Type I; the window is asked but ignored
		"", "", // dates
	}, "\n") + "\n"
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- RunAccessible(context.Background(), testOptions(t, st), &lineReader{input}, &out)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("the accessible mode did not finish; it printed:\n%s", out.String())
	}
	a, err := st.LoadByName(context.Background(), "Acc Co")
	if err != nil {
		t.Fatalf("not stored: %v\n%s", err, out.String())
	}
	wantComps := []assessment.Component{{Name: "AWS", Kind: "infrastructure", CustomerData: true}, {Name: "App", Kind: "software"}}
	if !slices.Equal(a.Scope.Components, wantComps) {
		t.Errorf("components = %+v, want %+v", a.Scope.Components, wantComps)
	}
	if len(a.Scope.Subservices) != 1 || !a.Scope.Subservices[0].HasReport {
		t.Errorf("subservices = %+v", a.Scope.Subservices)
	}
	if !slices.Equal(a.Scope.PrivilegedTeams, []string{"Platform", "Support"}) {
		t.Errorf("teams = %q", a.Scope.PrivilegedTeams)
	}
	if a.Target.Type != assessment.TypeI || a.Target.WindowMonths != 0 {
		t.Errorf("target = %+v, want Type I without a window", a.Target)
	}
}

// lineReader gives one line per Read, as a terminal does. Huh reads each
// answer with a new scanner, which would swallow the rest of a plain
// reader's input.
type lineReader struct{ rest string }

func (r *lineReader) Read(p []byte) (int, error) {
	if r.rest == "" {
		return 0, io.EOF
	}
	line, rest, _ := strings.Cut(r.rest, "\n")
	n := copy(p, line+"\n")
	r.rest = rest
	return n, nil
}
