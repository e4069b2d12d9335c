package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// messages runs a command, and the commands of a batch, and returns what
// they send (tea.Tick's are left out: they wait).
func messages(cmd tea.Cmd, skip func(tea.Msg) bool) []tea.Msg {
	msg := runCmd(cmd)
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, messages(c, skip)...)
		}
		return out
	}
	if msg == nil || skip(msg) {
		return nil
	}
	return []tea.Msg{msg}
}

// startMessages is what Init sends, without the background colour query
// and the poll timer.
func startMessages(m Model) []tea.Msg {
	return messages(m.Init(), func(msg tea.Msg) bool {
		switch msg.(type) {
		case pollTickMsg:
			return true
		}
		return strings.Contains(strings.ToLower(fmt.Sprintf("%T", msg)), "backgroundcolor")
	})
}

// With Options.Prepare the store is read only after it: the demo's
// database is filled there, so reading first would show no assessment.
func TestPrepareRunsBeforeAnythingIsRead(t *testing.T) {
	st := openStore(t, false)
	a := exampleAssessment(t)
	opts := testOptions(t, st)
	opts.PollInterval = -1
	opts.OpenName = a.Name
	prepared := false
	opts.Prepare = func() error {
		prepared = true
		_, err := st.Import(t.Context(), a, assessment.Evaluate(builtin(t), a).Summarize(), "test", false)
		return err
	}
	m := sized(New(opts), 100, 30)
	msgs := startMessages(m)
	if !prepared || len(msgs) != 1 {
		t.Fatalf("Init should only prepare: prepared %v, messages %#v", prepared, msgs)
	}
	next, cmd := m.Update(msgs[0])
	m = next.(Model)
	var opened bool
	for _, msg := range messages(cmd, func(tea.Msg) bool { return false }) {
		next, _ := m.Update(msg)
		m = next.(Model)
		if lm, ok := msg.(assessmentLoadedMsg); ok && lm.err == nil {
			opened = true
		}
	}
	if !opened || m.sess == nil || m.sess.a.Name != a.Name || m.screen != screenResults {
		t.Fatalf("after Prepare the assessment it made should open on the results screen (opened %v, screen %v)", opened, m.screen)
	}
}

// A Prepare that fails ends the program; the caller reports its error.
func TestPrepareFailureQuits(t *testing.T) {
	st := openStore(t, false)
	opts := testOptions(t, st)
	opts.PollInterval = -1
	opts.Prepare = func() error { return errors.New("no demo") }
	m := sized(New(opts), 100, 30)
	msgs := startMessages(m)
	if len(msgs) != 1 {
		t.Fatalf("Init sent %#v, want only the end of Prepare", msgs)
	}
	_, cmd := m.Update(msgs[0])
	if _, ok := runCmd(cmd).(tea.QuitMsg); !ok {
		t.Fatalf("after a failed Prepare: %#v, want tea.Quit", runCmd(cmd))
	}
}
