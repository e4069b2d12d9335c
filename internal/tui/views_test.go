package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

var sizes = []struct{ w, h int }{{80, 24}, {120, 40}}

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

// TestScreensGolden renders every screen at 80×24 and 120×40 and compares
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
