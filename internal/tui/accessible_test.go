package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/report"
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
		"", "", // headcount, capacity
		"1", "2", "3", "3", "3", "3", // facts: "choose" is refused; yes, then no
		"AWS | infrastructure | customer data; App | software",
		"AWS | hosting | carve-out | report",
		"Platform; Support",
		"",     // CUECs
		"0",    // no optional category
		"1",    // Type I: no window is asked
		"", "", // dates
		"y", // also prepare for ISO/IEC 27001:2022
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
	if strings.Contains(out.String(), "observation window") {
		t.Error("the Type II window was asked for a Type I report")
	}
	if !strings.Contains(out.String(), "answer yes or no") {
		t.Error("a company fact took no answer")
	}
	if d := a.Scope.Declared; !d["develops_software"] || d["has_offices"] || len(d) != len(scopeFacts)+1 {
		t.Errorf("declared facts = %v, want develops_software only, every fact answered, and the ISO target", d)
	}
	if !a.ISOTarget() {
		t.Error("the ISO/IEC 27001 opt-in was answered yes but not saved")
	}
}

// A taken name is refused at the name prompt, not after the whole setup.
func TestAccessibleRefusesATakenNameAtOnce(t *testing.T) {
	st := openStore(t, true)
	input := "1\nAcme Cloud readiness\nAcme 2027\n"
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
	text := out.String()
	refused := strings.Index(text, "is taken by another assessment")
	org := strings.Index(text, "Organization")
	if refused < 0 || org < 0 || refused > org {
		t.Fatalf("the taken name was not refused before the next prompt:\n%s", text)
	}
}

// ctrl+c (SIGINT cancels the context) ends the accessible mode at once,
// even while a prompt waits for a line.
func TestAccessibleCtrlCQuits(t *testing.T) {
	st := openStore(t, true)
	ctx, cancel := context.WithCancel(context.Background())
	in, _ := io.Pipe() // never gives a line
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- RunAccessible(ctx, testOptions(t, st), in, &out) }()
	time.Sleep(50 * time.Millisecond) // the first prompt is waiting
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, ErrInterrupted) {
			t.Fatalf("ctrl+c returned %v, want %v", err, ErrInterrupted)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ctrl+c did not end the accessible mode")
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

// With an assessment named to open (gapmap demo --accessible), the
// accessible mode opens it, as the full-screen program does, instead of
// asking which one: its first prompt is the first unanswered question.
func TestAccessibleOpensTheNamedAssessment(t *testing.T) {
	st := openStore(t, true)
	opts := testOptions(t, st)
	opts.OpenName = exampleAssessment(t).Name
	stop := strconv.Itoa(len(assessment.Values) + 2) // after the scale and "Skip for now"
	noExport := strconv.Itoa(len(report.Formats) + 1)
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- RunAccessible(context.Background(), opts, &lineReader{stop + "\n" + noExport + "\n"}, &out)
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("RunAccessible: %v\n%s", err, out.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("the accessible mode did not finish; it printed:\n%s", out.String())
	}
	text := out.String()
	if strings.Contains(text, "Which assessment?") {
		t.Errorf("asked which assessment to open:\n%s", text)
	}
	for _, want := range []string{opts.OpenName, "questions answered; the unanswered ones follow", "Question ", "Do first 1:"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in:\n%s", want, text)
		}
	}
}

// An assessment with no answer is "not scored yet" in the accessible list,
// as "—" on the home screen, not "0% of controls in place".
func TestAccessibleListSaysNotScoredYet(t *testing.T) {
	st := openStore(t, false)
	a := assessment.New("Empty Co", "soc2", fixedNow)
	if err := st.Create(context.Background(), a, assessment.Summary{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- RunAccessible(context.Background(), testOptions(t, st), &lineReader{""}, &out) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("the accessible mode did not finish; it printed:\n%s", out.String())
	}
	if text := out.String(); !strings.Contains(text, "Empty Co — 0% answered, not scored yet") || strings.Contains(text, "0% of controls in place") {
		t.Fatalf("the list says:\n%s", text)
	}
}
