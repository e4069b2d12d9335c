package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// listMsgs runs a command, and the commands of a batch, and returns the
// list messages among what they send.
func listMsgs(cmd tea.Cmd) []listLoadedMsg {
	var out []listLoadedMsg
	switch msg := runCmd(cmd).(type) {
	case listLoadedMsg:
		out = append(out, msg)
	case tea.BatchMsg:
		for _, c := range msg {
			out = append(out, listMsgs(c)...)
		}
	}
	return out
}

// The home screen's first frame shows the first page of a long list with
// the count of all, then the full list follows by itself, with every name
// known for the rename and new-assessment checks.
func TestHomeShowsTheFirstPageThenTheWholeList(t *testing.T) {
	st := openStore(t, false)
	n := firstPage + 7
	base := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		a := assessment.New(fmt.Sprintf("Client %04d", i), "soc2", base.Add(time.Duration(i)*time.Minute))
		if err := st.Create(t.Context(), a, assessment.Summary{}); err != nil {
			t.Fatal(err)
		}
	}
	m := sized(New(testOptions(t, st)), 100, 30)
	first := runCmd(loadFirstPage(st)).(listLoadedMsg)
	if !first.partial || len(first.infos) != firstPage || first.total != n {
		t.Fatalf("first page: %d of %d, partial %v; want %d of %d, partial", len(first.infos), first.total, first.partial, firstPage, n)
	}
	next, cmd := m.Update(first)
	m = next.(Model)
	if v := m.render(); !strings.Contains(v, fmt.Sprintf("1 of %d", n)) || !strings.Contains(v, fmt.Sprintf("Client %04d", n-1)) {
		t.Errorf("the first frame should show the newest assessment and \"1 of %d\":\n%s", n, v)
	}
	if m.sh.nameTaken(0)("Client 0000") {
		t.Error("the names of a first page were taken for all the names")
	}
	full := listMsgs(cmd)
	if len(full) != 1 || full[0].partial || len(full[0].infos) != n {
		t.Fatalf("after the first page the program should load all %d assessments, got %+v", n, len(full))
	}
	next, _ = m.Update(full[0])
	m = next.(Model)
	if len(m.home.infos) != n || !m.sh.nameTaken(0)("client 0000") {
		t.Errorf("after the full list: %d assessments on the home screen, oldest name known %v", len(m.home.infos), m.sh.nameTaken(0)("client 0000"))
	}
}

// A short list needs no second read.
func TestHomeShortListIsReadOnce(t *testing.T) {
	st := openStore(t, true)
	msg := runCmd(loadFirstPage(st)).(listLoadedMsg)
	if msg.partial || len(msg.infos) != 1 || msg.total != 1 {
		t.Fatalf("one assessment: partial %v, %d of %d", msg.partial, len(msg.infos), msg.total)
	}
	m := sized(New(testOptions(t, st)), 100, 30)
	if _, cmd := m.Update(msg); len(listMsgs(cmd)) != 0 {
		t.Error("a complete first page asked for the list again")
	}
}
