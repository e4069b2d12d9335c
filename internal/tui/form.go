package tui

import (
	"maps"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

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
	keys keyMap
	// size is the room the form was last laid out for, shared like the
	// form itself by every copy of the screen.
	size *[2]int
}

func newEmbeddedForm(sh *shared, groups ...*huh.Group) embeddedForm {
	f := huh.NewForm(groups...).
		WithTheme(newCachedTheme(sh.styles.FormTheme())).
		WithShowHelp(false). // the footer shows the field's keys, once
		WithWidth(sh.contentW)
	return embeddedForm{form: f, keys: sh.keys, size: &[2]int{}}
}

// cachedTheme builds a theme's styles once for each background. Huh asks
// its theme for them several times per field and per frame, and a
// ThemeFunc builds every style anew each time: a fifth of a key's cost.
// Huh reads the styles and never changes them, so sharing them is safe.
type cachedTheme struct {
	theme  huh.Theme
	styles [2]*huh.Styles // light, dark
}

func newCachedTheme(t huh.Theme) *cachedTheme { return &cachedTheme{theme: t} }

func (c *cachedTheme) Theme(isDark bool) *huh.Styles {
	i := 0
	if isDark {
		i = 1
	}
	if c.styles[i] == nil {
		c.styles[i] = c.theme.Theme(isDark)
	}
	return c.styles[i]
}

// Init focuses the first field; the layout follows the focus.
func (e embeddedForm) Init() tea.Cmd {
	cmd := e.form.Init()
	e.layout()
	return cmd
}

// layout lays the form out again for its size, which scrolls each group
// to its focused field. Huh does so on every message; a size message
// changes nothing else, since the form's size is set.
func (e embeddedForm) layout() {
	if e.size[0] > 0 {
		e.form.Update(tea.WindowSizeMsg{Width: e.size[0], Height: e.size[1]})
	}
}

// Update feeds a message to the form and reports what became of it.
func (e embeddedForm) Update(msg tea.Msg) (embeddedForm, tea.Cmd, formOutcome) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, e.keys.Back) {
		return e, nil, formCancelled
	}
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		// View sizes the form to the room its screen gives it; huh would
		// size it to the whole terminal.
		return e, nil, formActive
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

// View renders the form in w cells by h lines. Given a height, huh
// scrolls each group so that the focused field is at the top of its view,
// so the field being typed in is always on screen.
func (e embeddedForm) View(w, h int) string {
	// Huh sizes a group's view to the height less its footer as it is at
	// that moment, then adds a blank line and the footer, which is where
	// errors show: two lines are kept for them.
	if size := [2]int{w, max(h-2, 3)}; *e.size != size {
		*e.size = size
		e.form.WithWidth(size[0]).WithHeight(size[1])
		e.layout()
	}
	return e.form.View()
}

// ShortHelp is the focused field's keys, then leaving the form. The
// arrows that move in a list go without saying, and make room at 80
// columns for the keys that do not.
func (e embeddedForm) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, b := range e.form.KeyBinds() {
		if h := b.Help().Key; h != "↑" && h != "↓" {
			out = append(out, b)
		}
	}
	return append(out, e.keys.FormCancel, e.keys.ForceQuit)
}

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
	// notice, if set, is shown above the form: why it opened again.
	notice      string
	noticeStyle lipgloss.Style
}

// withNotice shows text above the form, wrapped, as an error.
func (s setupForm) withNotice(sh *shared, text string) setupForm {
	s.notice, s.noticeStyle = text, sh.styles.Error
	return s
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
			a := s.edited()
			s.submitted = true
			return s, func() tea.Msg { return s.back(a) }
		}
		if s.a.ID == 0 {
			a := s.edited()
			if a.Name == "" {
				return s, navigate(screenHome)
			}
			// Something was typed: the root asks before discarding it.
			return s, func() tea.Msg { return discardSetupMsg{} }
		}
		return s, navigate(screenQuestions)
	case formDone:
		a := s.edited()
		s.submitted = true
		return s, func() tea.Msg { return s.done(a) }
	}
	return s, cmd
}

// edited is the assessment with the form's values applied, in a copy
// that shares no map or list with the one the form was opened on: the
// session's, which is what the save states it replaces (SetFact writes
// into the map of declared facts).
func (s setupForm) edited() *assessment.Assessment {
	a := s.a
	a.Scope.Declared = maps.Clone(a.Scope.Declared)
	a.Categories = slices.Clone(a.Categories)
	s.apply(&a)
	return &a
}

func (s setupForm) View(w, h int) string {
	if s.notice == "" {
		return s.form.View(w, h)
	}
	notice := s.noticeStyle.Render(wrap(s.notice, w))
	return notice + "\n\n" + s.form.View(w, max(h-lipgloss.Height(notice)-1, 3))
}

func (s setupForm) ShortHelp() []key.Binding { return s.form.ShortHelp() }
func (s setupForm) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.form.ShortHelp()}
}
func (s setupForm) capturesInput() bool { return true }
func (s setupForm) unsaved() string     { return "the scope and criteria you entered" }
func (s setupForm) handedOn() bool      { return s.submitted }

// discardSetupMsg asks the root to confirm leaving a new assessment's
// setup, which would lose what was typed.
type discardSetupMsg struct{}
