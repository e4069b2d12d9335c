package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// burst sends keys as one burst: every key is queued before the program
// handles the first, as when typing fast, pasting, or over SSH.
func burst(tm *teatest.TestModel, parts ...string) {
	var msgs []tea.Msg
	for _, p := range parts {
		if p == "enter" {
			msgs = append(msgs, press("enter"))
			continue
		}
		for _, r := range p {
			msgs = append(msgs, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	for _, m := range msgs {
		tm.Send(m)
	}
}

// A whole note, enter, the next field and so on, sent as one burst, land
// in the fields they were typed for.
func TestBurstTypingReachesEachField(t *testing.T) {
	st := openStore(t, true)
	tm, f := start(t, New(testOptions(t, st)), 100, 30)
	waitFor(t, f, "Acme Cloud readiness")
	tm.Send(press("enter"))
	waitFor(t, f, "question 1 of")
	tm.Send(press("e"))
	waitFor(t, f, "┃ Note")

	note := "We have no written access review policy yet, reviews are ad hoc."
	url := "https://notion.so/acme/access-reviews"
	burst(tm, note, "enter", url, "enter", "Priya", "enter")
	waitFor(t, f, "Owner: Priya")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))

	a, err := st.LoadByName(t.Context(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for id, ans := range a.Answers {
		if ans.Owner != "Priya" {
			continue
		}
		found = true
		if ans.Note != note || ans.Evidence != url {
			t.Errorf("%s stored note %q and evidence %q, want %q and %q", id, ans.Note, ans.Evidence, note, url)
		}
	}
	if !found {
		t.Fatal("the note was not stored")
	}
}

// The same in a setup form: the name, enter and the organization in one
// burst.
func TestBurstTypingInSetup(t *testing.T) {
	st := openStore(t, false)
	tm, f := start(t, New(testOptions(t, st)), 100, 34)
	waitFor(t, f, "No assessments yet")
	tm.Send(press("n"))
	waitFor(t, f, "┃ Assessment name")
	burst(tm, "Globex Q1", "enter", "Globex Corporation", "enter", "Globex Cloud")
	waitFor(t, f, "> Globex Cloud")
	f.mu.Lock()
	frame := f.text
	f.mu.Unlock()
	for _, want := range []string{"> Globex Q1", "> Globex Corporation", "> Globex Cloud"} {
		if !strings.Contains(frame, want) {
			t.Errorf("the form does not show %q:\n%s", want, frame)
		}
	}
	tm.Send(press("ctrl+c"))
	tm.Send(press("y"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))
}

// Keys typed after a form hands on its result, before the next screen
// shows, reach that next screen.
func TestKeysHeldAcrossAChangeOfScreen(t *testing.T) {
	st := openStore(t, true)
	m := sized(New(testOptions(t, st)), 100, 30)
	m = typeKeys(onForm(t, m, screenScope), "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	m = typeKeys(m, "right", "enter", "enter", "right", "enter", "enter", "right")
	next, cmd := m.Update(press("enter")) // the last fact: the scope is done
	m = next.(Model)
	done, ok := runCmd(cmd).(scopeDoneMsg)
	if !ok || !m.scope.handedOn() {
		t.Fatalf("the scope form did not hand on (sent %#v)", runCmd(cmd))
	}
	m = typeKeys(m, "G", "k", "enter") // typed before the lists screen shows
	if m.screen != screenScope || len(m.held) != 3 {
		t.Fatalf("the keys were not held: screen %v, %d held", m.screen, len(m.held))
	}
	next, _ = m.Update(done)
	m = next.(Model)
	if m.screen != screenLists || m.lists.edit == nil || m.lists.edit.kind != listCUECs {
		t.Fatalf("the held keys did not reach the lists screen: screen %v, edit %+v", m.screen, m.lists.edit)
	}
}
