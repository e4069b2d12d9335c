package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
