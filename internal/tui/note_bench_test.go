package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// BenchmarkNoteKey is one character erased, then typed again, in the note
// of an answer, with its frame rendered, for notes of 100 to 10,000
// characters (the note limit: a character more is refused, so the note
// goes down and back up). The cost per key should stay flat: what is re-wrapped
// and styled should follow what is visible, not the length of the note.
func BenchmarkNoteKey(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			m := benchModel(b, screenQuestions)
			q := m.questions.current()
			m.sess.a.SetAnswer(q.ID, assessment.Answer{Value: assessment.Partial, Note: noteOf(n)}, fixedNow)
			m = typeNoteKey(m, press("e"))
			note := func() int {
				v, _ := m.questions.form.form.GetFocusedField().GetValue().(string)
				return len(v)
			}
			if m.questions.mode != modeDetails || note() != n {
				b.Fatalf("e did not open the note of %d characters (mode %d, note %d)", n, m.questions.mode, note())
			}
			if m = typeNoteKey(m, tea.KeyPressMsg{Code: tea.KeyBackspace}); note() != n-1 {
				b.Fatalf("backspace did not reach the note (%d characters)", note())
			}
			if m = typeNoteKey(m, press("x")); note() != n {
				b.Fatalf("typing did not reach the note (%d characters)", note())
			}
			keys := []tea.KeyPressMsg{{Code: tea.KeyBackspace}, press("x")}
			i := 0
			for b.Loop() {
				next, _ := m.Update(keys[i%2])
				m = next.(Model)
				_ = m.View()
				i++
			}
		})
	}
}

// typeKeys handles a key and then the messages of the commands it returns,
// as the program would (focus moves through commands). Commands that wait,
// such as a cursor's blink, are left behind.
func typeNoteKey(m Model, key tea.KeyPressMsg) Model {
	next, cmd := m.Update(key)
	m = next.(Model)
	for _, msg := range quickMessages(cmd) {
		next, _ = m.Update(msg)
		m = next.(Model)
	}
	return m
}

func quickMessages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		if batch, ok := msg.(tea.BatchMsg); ok {
			var out []tea.Msg
			for _, c := range batch {
				out = append(out, quickMessages(c)...)
			}
			return out
		}
		if msg == nil {
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(20 * time.Millisecond):
		return nil
	}
}

// noteOf is a note of n characters in sentences, as people write them.
func noteOf(n int) string {
	const s = "We rotate the keys every quarter and record it in the change log. "
	return strings.Repeat(s, n/len(s)+1)[:n]
}
