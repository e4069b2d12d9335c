package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

var sizes = []struct{ w, h int }{{60, 20}, {80, 24}, {120, 40}}

// screenCase puts the model on one screen.
type screenCase struct {
	name  string
	setup func(t *testing.T, m Model) Model
}

var screenCases = []screenCase{
	{"home-empty", func(t *testing.T, m Model) Model {
		next, _ := m.Update(listLoadedMsg{})
		return next.(Model)
	}},
	{"home", func(t *testing.T, m Model) Model {
		infos, err := m.sh.opts.Store.List(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		next, _ := m.Update(listLoadedMsg{infos: infos})
		return next.(Model)
	}},
	{"scope", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenScope)
		return next
	}},
	{"lists", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.Update(scopeDoneMsg{a: m.sess.a})
		return next.(Model)
	}},
	{"lists-edit", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.Update(scopeDoneMsg{a: m.sess.a})
		next, _ = next.Update(press("tab"))
		next, _ = next.Update(press("enter"))
		return next.(Model)
	}},
	{"criteria", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenCriteria)
		return next
	}},
	{"question", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenQuestions)
		return next
	}},
	{"question-answered", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenQuestions)
		next.questions = newQuestionScreen(next.sh, next.sess, "access.mfa", screenQuestions)
		return next
	}},
	{"areas", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenQuestions)
		next.questions, _ = next.questions.Update(press("a"))
		return next
	}},
	{"results", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenResults)
		return next
	}},
	{"results-iso", func(t *testing.T, m Model) Model { return onISOTab(t, m) }},
	{"results-iso-end", func(t *testing.T, m Model) Model { return typeKeys(onISOTab(t, m), "G") }},
	{"roadmap", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenRoadmap)
		return next
	}},
	{"export", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenExport)
		return next
	}},
	{"help", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.show(screenQuestions)
		n2, _ := next.Update(press("?"))
		return n2.(Model)
	}},
}

// formCase puts the model on a form with a field focused; the frame must
// show that field's title, marked as focused.
type formCase struct {
	name, focused string
	setup         func(t *testing.T, m Model) Model
}

// typeKeys feeds keys to the model as the runtime would, running the
// commands that move the focus.
func typeKeys(m Model, keys ...string) Model {
	for _, k := range keys {
		next, _ := m.Update(press(k))
		m = next.(Model)
	}
	return m
}

// onForm opens a screen with a form and focuses its first field.
func onForm(t *testing.T, m Model, s screenID) Model {
	m = withSession(t, m, m.sh.opts.Store)
	next, _ := m.show(s)
	switch s {
	case screenScope:
		next.scope.form.Init()
	case screenCriteria:
		next.criteria.form.Init()
	case screenExport:
		next.export.form.Init()
	}
	return next
}

// onQuestionForm opens the question screen and a form on it with key k.
func onQuestionForm(t *testing.T, m Model, k string) Model {
	m = withSession(t, m, m.sh.opts.Store)
	next, _ := m.show(screenQuestions)
	next = typeKeys(next, k)
	next.questions.form.Init()
	return next
}

var formCases = []formCase{
	{"form-scope-name", "Assessment name", func(t *testing.T, m Model) Model { return onForm(t, m, screenScope) }},
	{"form-scope-description", "Short description", func(t *testing.T, m Model) Model {
		return typeKeys(onForm(t, m, screenScope), "enter", "enter", "enter")
	}},
	{"form-scope-capacity", "People available for remediation", func(t *testing.T, m Model) Model {
		return typeKeys(onForm(t, m, screenScope), "enter", "enter", "enter", "enter", "enter", "enter")
	}},
	{"form-scope-facts", scopeFacts[4].label, func(t *testing.T, m Model) Model {
		// Past the data and people, then each fact the example leaves open
		// is answered (enter alone is refused there).
		m = typeKeys(onForm(t, m, screenScope), "enter", "enter", "enter", "enter", "enter", "enter", "enter")
		return typeKeys(m, "right", "enter", "enter", "right", "enter", "enter")
	}},
	{"form-list-item", "Name", func(t *testing.T, m Model) Model {
		m = withSession(t, m, m.sh.opts.Store)
		next, _ := m.Update(scopeDoneMsg{a: m.sess.a})
		next, _ = next.Update(press("tab"))
		next, _ = next.Update(press("enter"))
		n := next.(Model)
		n.lists.edit.form.Init()
		return n
	}},
	{"form-criteria", "Add other Trust Services Categories?", func(t *testing.T, m Model) Model { return onForm(t, m, screenCriteria) }},
	{"form-criteria-dates", "Remediation starts on", func(t *testing.T, m Model) Model {
		return typeKeys(onForm(t, m, screenCriteria), "enter", "enter", "enter", "enter")
	}},
	{"form-criteria-iso", isoOptInTitle, func(t *testing.T, m Model) Model {
		return typeKeys(onForm(t, m, screenCriteria), "enter", "enter", "enter", "enter", "enter")
	}},
	{"form-note", "Note", func(t *testing.T, m Model) Model { return onQuestionForm(t, m, "e") }},
	{"form-note-owner", "Owner", func(t *testing.T, m Model) Model {
		return typeKeys(onQuestionForm(t, m, "e"), "enter", "enter")
	}},
	{"form-who", "Who is answering?", func(t *testing.T, m Model) Model { return onQuestionForm(t, m, "w") }},
	{"form-export-file", "File", func(t *testing.T, m Model) Model {
		return typeKeys(onForm(t, m, screenExport), "enter")
	}},
}

// TestFormsGolden renders every form at 60×20, 80×24 and 120×40 with a
// field focused, which must be on screen (update with -update).
func TestFormsGolden(t *testing.T) {
	for _, fc := range formCases {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s-%dx%d", fc.name, sz.w, sz.h), func(t *testing.T) {
				st := openStore(t, true)
				m := sized(New(testOptions(t, st)), sz.w, sz.h)
				m = fc.setup(t, m)
				m = sized(m, sz.w, sz.h)
				out := plain(m)
				checkFrame(t, out, sz.w, sz.h)
				// The title may wrap: its start is enough.
				if !strings.Contains(out, "┃ "+fc.focused[:min(len(fc.focused), 30)]) {
					t.Errorf("the focused field %q is not on screen:\n%s", fc.focused, out)
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// TestScreensGolden renders every screen at 60×20, 80×24 and 120×40 and compares
// it with testdata/TestScreensGolden/*.golden (update with -update).
func TestScreensGolden(t *testing.T) {
	for _, sc := range screenCases {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, sz.w, sz.h), func(t *testing.T) {
				st := openStore(t, true)
				m := sized(New(testOptions(t, st)), sz.w, sz.h)
				m = sc.setup(t, m)
				m = sized(m, sz.w, sz.h)
				out := plain(m)
				checkFrame(t, out, sz.w, sz.h)
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// checkFrame asserts a frame fills the terminal exactly: no line wider than
// the terminal and no more lines than it has.
func checkFrame(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("frame has %d lines, terminal has %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d cells wide, terminal is %d: %q", i+1, lw, w, l)
		}
	}
}

func TestTooSmallTerminalAsksToEnlarge(t *testing.T) {
	st := openStore(t, true)
	for _, sz := range []struct{ w, h int }{{59, 30}, {100, 19}, {20, 5}, {1, 1}} {
		m := sized(New(testOptions(t, st)), sz.w, sz.h)
		out := plain(m)
		if !strings.Contains(out, "enlarge") && sz.w >= 30 {
			t.Errorf("%dx%d: no enlarge message:\n%s", sz.w, sz.h, out)
		}
		checkFrame(t, out, max(sz.w, 1), max(sz.h, 1))
	}
}

func TestWrapKeepsDatesAndHyphenatedWordsWhole(t *testing.T) {
	got := wrap("the Type II report comes about 20 weeks before 2028-03-31, the 6-month window", 46)
	for _, line := range strings.Split(got, "\n") {
		if strings.HasSuffix(line, "-") {
			t.Errorf("a line ends in a hyphen: %q (all: %q)", line, got)
		}
	}
	if !strings.Contains(got, "2028-03-31") || !strings.Contains(got, "6-month") {
		t.Errorf("a date or a hyphenated word was split or changed: %q", got)
	}
}
