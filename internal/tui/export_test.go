package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// exportFixture is the export screen of the example assessment.
func exportFixture(t *testing.T) exportScreen {
	t.Helper()
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), 100, 30), st)
	m, _ = m.show(screenExport)
	m.export.form.Init() // focuses the first field, as the runtime would
	return m.export
}

// typeInto feeds text and keys to the export screen, running the commands
// that resolve and write the file, and returns the screen.
func typeInto(t *testing.T, s exportScreen, keys ...string) exportScreen {
	t.Helper()
	var cmd tea.Cmd
	for _, k := range keys {
		if k == "enter" {
			s, cmd = s.Update(press("enter"))
		} else {
			for _, r := range k {
				s, cmd = s.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
		for cmd != nil {
			switch msg := runCmd(cmd).(type) {
			case exportTargetMsg, exportedMsg:
				s, cmd = s.Update(msg)
			default:
				cmd = nil
			}
		}
	}
	return s
}

// A path starting with ~ goes to the home folder, as in a shell.
func TestExportExpandsTilde(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	s := exportFixture(t)
	s = typeInto(t, s, "enter", "~/acme.md", "enter")
	if s.step != exportDone || s.err != nil {
		t.Fatalf("export ended at step %v with %v", s.step, s.err)
	}
	data, err := os.ReadFile(filepath.Join(home, "acme.md"))
	if err != nil || !strings.HasPrefix(string(data), "# SOC 2 readiness") {
		t.Fatalf("nothing exported to ~/acme.md: %v", err)
	}
}

// "Keep it" returns to the form with the path as typed.
func TestExportKeepItKeepsThePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "existing.md")
	if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := exportFixture(t)
	s = typeInto(t, s, "enter", path, "enter")
	if s.step != exportConfirm {
		t.Fatalf("no question about the existing file (step %v)", s.step)
	}
	s = typeInto(t, s, "enter") // the default: Keep it
	if s.step != exportChoose {
		t.Fatalf("Keep it left the export at step %v", s.step)
	}
	if view := ansi.Strip(s.form.View(100, 28)); !strings.Contains(view, "> "+path) {
		t.Errorf("after Keep it the form does not show %q:\n%s", path, view)
	}
	if data, _ := os.ReadFile(path); string(data) != "mine" {
		t.Errorf("the existing file changed: %q", data)
	}
}

// TestExportFileHintShowsAtOnce: the File field names the default file as
// soon as the form shows, for the format selected first (it showed only
// after ↓↑), and on the File step at 60×20, where the format list is
// scrolled away, it names the format chosen.
func TestExportFileHintShowsAtOnce(t *testing.T) {
	s := exportFixture(t)
	if view := ansi.Strip(s.form.View(100, 28)); !strings.Contains(view, "Empty for acme-cloud-readiness-soc2-roadmap.md") {
		t.Errorf("the File field has no default name before any key:\n%s", view)
	}
	for _, c := range []struct {
		keys []string
		want []string
	}{
		{[]string{"enter"}, []string{"Format: Markdown.", "roadmap.md"}},
		{[]string{"down", "enter"}, []string{"Format: JSON.", "roadmap.json"}},
	} {
		st := openStore(t, true)
		m := withSession(t, sized(New(testOptions(t, st)), 60, 20), st)
		m, _ = m.show(screenExport)
		m.export.form.Init()
		for _, k := range c.keys {
			next, cmd := m.Update(press(k))
			m = settle(next.(Model), cmd, 4)
		}
		out := plain(m)
		for _, want := range c.want {
			if !strings.Contains(out, want) {
				t.Errorf("after %v the File step at 60×20 lacks %q:\n%s", c.keys, want, out)
			}
		}
	}
}

// settle feeds the messages of cmd back to the model, depth rounds deep,
// as the runtime would; a command that takes long (a cursor's blink) is
// left out.
func settle(m Model, cmd tea.Cmd, depth int) Model {
	if cmd == nil || depth == 0 {
		return m
	}
	got := make(chan tea.Msg, 1)
	go func() { got <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-got:
	case <-time.After(50 * time.Millisecond):
		return m
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			m = settle(m, c, depth-1)
		}
	default:
		next, c := m.Update(msg)
		m = settle(next.(Model), c, depth-1)
	}
	return m
}

// The export's default file name keeps a name's letters of any script, as
// the command line's does: "株式会社テスト" used to give
// "assessment-soc2-roadmap.md", the same for every client not in Latin
// letters.
func TestExportDefaultNameKeepsAnyScript(t *testing.T) {
	if got := fileHint("株式会社テスト", "md"); !strings.Contains(got, "株式会社テスト-soc2-roadmap.md") {
		t.Fatalf("hint = %q", got)
	}
}
