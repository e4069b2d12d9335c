package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/store"
)

// fixedNow keeps every time shown on screen stable in golden files.
var fixedNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}

func builtin(t testing.TB) *questionnaire.Questionnaire {
	t.Helper()
	qn, err := questionnaire.Builtin("soc2")
	if err != nil {
		t.Fatal(err)
	}
	return qn
}

// openStore returns a store in a temporary folder holding the example
// assessment of testdata/answers.
func openStore(t testing.TB, withExample bool) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "gapmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// Cleanups run last first: the reads New started end before the
	// store closes and its folder is removed (removing it under a read
	// failed the test now and then: "directory not empty").
	t.Cleanup(prefetches.Wait)
	if !withExample {
		return st
	}
	a := exampleAssessment(t)
	qn := builtin(t)
	if _, err := st.Import(context.Background(), a, assessment.Evaluate(qn, a).Summarize(), "test", false); err != nil {
		t.Fatal(err)
	}
	return st
}

func exampleAssessment(t testing.TB) *assessment.Assessment {
	t.Helper()
	data, err := os.ReadFile("../../testdata/answers/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	qn := builtin(t)
	a, err := assessment.ParseFile("example.yaml", data, func(string) (*questionnaire.Questionnaire, error) { return qn, nil }, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func testOptions(t testing.TB, st *store.Store) Options {
	return Options{
		Store:                st,
		Questionnaire:        func(string) (*questionnaire.Questionnaire, error) { return builtin(t), nil },
		DefaultQuestionnaire: "soc2",
		NoColor:              true,
		Who:                  "Dana (CTO)",
		Now:                  func() time.Time { return fixedNow },
	}
}

// sized returns the root model at a terminal size, as after a resize.
func sized(m Model, w, h int) Model {
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

// plain renders the model's frame without escape sequences.
func plain(m Model) string { return ansi.Strip(m.View().Content) }

// withSession opens the example assessment in the model, as after loading.
func withSession(t testing.TB, m Model, st *store.Store) Model {
	t.Helper()
	a, err := st.LoadByName(context.Background(), "Acme Cloud readiness")
	if err != nil {
		t.Fatal(err)
	}
	m.sess = newSession(a, builtin(t))
	return m
}

// press is a key press as the terminal sends it: a named key, "alt+" or
// "ctrl+" before one or before a letter, or text.
func press(s string) tea.KeyPressMsg {
	if code, ok := namedKeys[s]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	for prefix, mod := range map[string]tea.KeyMod{"alt+": tea.ModAlt, "ctrl+": tea.ModCtrl} {
		rest, ok := strings.CutPrefix(s, prefix)
		if !ok || rest == "" {
			continue
		}
		if code, ok := namedKeys[rest]; ok {
			return tea.KeyPressMsg{Code: code, Mod: mod}
		}
		if r := []rune(rest); len(r) == 1 {
			return tea.KeyPressMsg{Code: r[0], Mod: mod}
		}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// namedKeys are the keys press knows by name.
var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab,
	"left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp, "down": tea.KeyDown,
	"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	"backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
}
