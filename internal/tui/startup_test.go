package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// startMessages runs a command, and the commands of a batch, and returns
// what they send, leaving out the background colour query and the poll
// timer (which waits).
func startMessages(cmd tea.Cmd) []tea.Msg {
	msg := runCmd(cmd)
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, startMessages(c)...)
		}
		return out
	}
	switch msg.(type) {
	case nil, pollTickMsg:
		return nil
	}
	if strings.Contains(strings.ToLower(fmt.Sprintf("%T", msg)), "backgroundcolor") {
		return nil
	}
	return []tea.Msg{msg}
}

// Opened on an assessment (the demo), the program reads only it for the
// first frame, and the list once it is on screen.
func TestOpenNameLoadsTheAssessmentThenTheList(t *testing.T) {
	st := openStore(t, true)
	opts := testOptions(t, st)
	opts.PollInterval = -1
	opts.OpenName = exampleAssessment(t).Name
	m := sized(New(opts), 100, 30)
	msgs := startMessages(m.Init())
	if len(msgs) != 1 {
		t.Fatalf("Init sent %d messages, want the assessment alone: %#v", len(msgs), msgs)
	}
	loaded, ok := msgs[0].(assessmentLoadedMsg)
	if !ok || loaded.err != nil {
		t.Fatalf("Init sent %#v, want the assessment", msgs[0])
	}
	next, cmd := m.Update(loaded)
	m = next.(Model)
	if m.sess == nil || m.screen != screenResults {
		t.Fatalf("the assessment is not on the results screen (screen %v)", m.screen)
	}
	var lists int
	for _, msg := range startMessages(cmd) {
		if _, ok := msg.(listLoadedMsg); ok {
			lists++
		}
	}
	if lists != 1 {
		t.Fatalf("after the assessment, %d list reads, want 1", lists)
	}
	// Later openings do not read the list again.
	if _, cmd := m.Update(loaded); cmd != nil {
		for _, msg := range startMessages(cmd) {
			if _, ok := msg.(listLoadedMsg); ok {
				t.Fatal("a second opening read the list again")
			}
		}
	}
}

// Without one, the first frame is the list.
func TestStartLoadsTheList(t *testing.T) {
	st := openStore(t, true)
	opts := testOptions(t, st)
	opts.PollInterval = -1
	msgs := startMessages(sized(New(opts), 100, 30).Init())
	if len(msgs) != 1 {
		t.Fatalf("Init sent %#v, want the list alone", msgs)
	}
	if _, ok := msgs[0].(listLoadedMsg); !ok {
		t.Fatalf("Init sent %#v, want the list", msgs[0])
	}
}
