package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// formOutcome is what became of an embedded form after a message.
type formOutcome int

const (
	formActive formOutcome = iota
	formDone
	formCancelled
)

// embeddedForm wraps a huh form embedded in a screen. Huh returns the form
// from Update as its Model interface; the wrapper asserts it back, watches
// form.State (embedded forms get no submit or cancel commands) and turns esc
// into a cancel.
type embeddedForm struct {
	form *huh.Form
}

func newEmbeddedForm(sh *shared, groups ...*huh.Group) embeddedForm {
	f := huh.NewForm(groups...).
		WithTheme(huh.ThemeFunc(huh.ThemeCharm)).
		WithShowHelp(true).
		WithWidth(min(sh.width-4, 100))
	return embeddedForm{form: f}
}

func (e embeddedForm) Init() tea.Cmd { return e.form.Init() }

// Update feeds a message to the form and reports what became of it.
func (e embeddedForm) Update(msg tea.Msg) (embeddedForm, tea.Cmd, formOutcome) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		return e, nil, formCancelled
	}
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		e.form = e.form.WithWidth(min(ws.Width-4, 100))
	}
	m, cmd := e.form.Update(msg)
	if f, ok := m.(*huh.Form); ok {
		e.form = f
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		e.form, cmd = settleFocus(e.form, cmd)
	}
	switch e.form.State {
	case huh.StateCompleted:
		return e, nil, formDone
	case huh.StateAborted:
		return e, nil, formCancelled
	}
	return e, cmd, formActive
}

func (e embeddedForm) View() string { return e.form.View() }

// setupForm is one step of setting up an assessment (the scope, then the
// criteria and report target): a form that edits a copy of the assessment
// and, when done, hands the edited copy on as a message, exactly once.
type setupForm struct {
	a     assessment.Assessment
	form  embeddedForm
	apply func(*assessment.Assessment)
	done  func(*assessment.Assessment) tea.Msg
	// back, if set, is where esc goes, with what was typed; without it esc
	// cancels the setup.
	back func(*assessment.Assessment) tea.Msg
	// submitted is set when the done message has been sent. A completed
	// huh form stays completed, and messages keep arriving (window sizes,
	// background colour, the save's own status) before the router moves
	// on; without this each of them would submit again, and a second
	// create of the same assessment fails as a duplicate.
	submitted bool
}

func (s setupForm) Init() tea.Cmd { return s.form.Init() }

func (s setupForm) Update(msg tea.Msg) (setupForm, tea.Cmd) {
	if s.submitted {
		return s, nil
	}
	var cmd tea.Cmd
	var outcome formOutcome
	s.form, cmd, outcome = s.form.Update(msg)
	switch outcome {
	case formCancelled:
		if s.back != nil {
			a := ptr(s.a)
			s.apply(a)
			s.submitted = true
			return s, func() tea.Msg { return s.back(a) }
		}
		if s.a.ID == 0 {
			a := ptr(s.a)
			s.apply(a)
			if a.Name == "" {
				return s, navigate(screenHome)
			}
			// Something was typed: the root asks before discarding it.
			return s, func() tea.Msg { return discardSetupMsg{} }
		}
		return s, navigate(screenQuestions)
	case formDone:
		a := ptr(s.a)
		s.apply(a)
		s.submitted = true
		return s, func() tea.Msg { return s.done(a) }
	}
	return s, cmd
}

func (s setupForm) View(w, h int) string { return s.form.View() }

// discardSetupMsg asks the root to confirm leaving a new assessment's
// setup, which would lose what was typed.
type discardSetupMsg struct{}
