package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// screenID names a screen.
type screenID int

const (
	screenHome screenID = iota
	screenScope
	screenLists
	screenCriteria
	screenQuestions
	screenResults
	screenRoadmap
	screenExport
)

// Minimum terminal size; below it the program asks for a larger window.
const (
	minWidth  = 60
	minHeight = 20
	// maxContentWidth caps the width screens lay out for.
	maxContentWidth = 120
)

// Model is the root model: it owns the shared context, routes messages to
// the current screen and handles what is global (quit, help, resize, I/O
// results).
type Model struct {
	sh     *shared
	screen screenID
	sess   *session

	home      homeScreen
	scope     setupForm
	lists     listsScreen
	criteria  setupForm
	questions questionScreen
	results   resultsScreen
	roadmap   roadmapScreen
	export    exportScreen

	showHelp  bool
	status    string
	statusErr bool
	statusSeq int
	// draft is a new assessment between the setup forms and its first save.
	draft *assessment.Assessment
	// quitting is set when the user quit with writes still in flight; the
	// program ends when the last one is confirmed.
	quitting bool
	quitErr  string
	// confirm is the yes/no question on the status line, if any.
	confirm *confirmPrompt
}

// New returns the root model.
func New(opts Options) Model {
	sh := &shared{opts: opts, keys: newKeyMap(), who: opts.Who, width: 80, height: 24, writer: newWriter()}
	sh.styles = NewStyles(true, opts.NoColor)
	m := Model{sh: sh, screen: screenHome}
	m.home = newHomeScreen(sh)
	return m
}

// Init asks for the background colour and loads the list (or the
// assessment named in Options).
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, loadList(m.sh.opts.Store)}
	if m.sh.opts.OpenName != "" {
		cmds = append(cmds, loadAssessmentByName(m.sh, m.sh.opts.OpenName, screenResults))
	}
	return tea.Batch(cmds...)
}

// Update handles global messages, then routes the rest to the screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sh.width, m.sh.height = msg.Width, msg.Height
		return m.routeToScreen(msg)
	case tea.BackgroundColorMsg:
		m.sh.styles = NewStyles(msg.IsDark(), m.sh.opts.NoColor)
		return m.routeToScreen(msg)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case statusMsg:
		return m.setStatus(msg.text, msg.isErr)
	case clearStatusMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return m, nil
	}
	if next, cmd, handled := m.handleIntent(msg); handled {
		return next, cmd
	}
	if next, cmd, handled := m.handleResult(msg); handled {
		if next.quitting {
			return next.settleQuit(cmd)
		}
		return next, cmd
	}
	return m.routeToScreen(msg)
}

// settleQuit follows a write's result while the program waits to quit:
// it quits after the last one, unless one failed, which stays on screen.
func (m Model) settleQuit(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	if m.statusErr && m.quitErr == "" {
		m.quitErr = m.status
	}
	if m.sh.writer.pending() {
		return m, cmd
	}
	if m.quitErr != "" {
		m.status, m.statusErr = m.quitErr+" (q quits anyway)", true
		m.quitting, m.quitErr = false, ""
		return m, nil
	}
	return m, tea.Quit
}

func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if msg.String() == "ctrl+c" {
		if m.quitting || m.confirm != nil {
			// A second ctrl+c: leave now; Flush still finishes the writes.
			return m, tea.Quit
		}
		return m.requestQuit()
	}
	if m.quitting {
		return m, nil
	}
	if m.confirm != nil {
		c := m.confirm
		m.confirm = nil
		m.status, m.statusErr = "", false
		if msg.String() == "y" {
			return c.yes(m)
		}
		return m, nil
	}
	if m.showHelp {
		m.showHelp = false
		return m, nil
	}
	if !m.capturesInput() {
		switch {
		case key.Matches(msg, m.sh.keys.Help):
			m.showHelp = true
			return m, nil
		case key.Matches(msg, m.sh.keys.Quit):
			return m.requestQuit()
		}
	}
	return m.routeToScreen(msg)
}

// confirmPrompt is a yes/no question on the status line; yes runs when
// the user presses y, any other key dismisses it.
type confirmPrompt struct {
	yes func(Model) (tea.Model, tea.Cmd)
}

// ask puts a yes/no question on the status line.
func (m Model) ask(question string, yes func(Model) (tea.Model, tea.Cmd)) (tea.Model, tea.Cmd) {
	m.confirm = &confirmPrompt{yes: yes}
	m.status, m.statusErr = question+"  y yes · any other key no", true
	m.statusSeq++
	return m, nil
}

// unsavedInput reports whether the screen holds typed input that is not
// stored yet: a setup in progress or an open note editor. Answers are
// stored as they are given and need no such care.
func (m Model) unsavedInput() bool {
	switch m.screen {
	case screenScope, screenLists, screenCriteria:
		return true
	case screenQuestions:
		return m.questions.capturesInput()
	}
	return false
}

// requestQuit quits, after asking if typed input would be lost.
func (m Model) requestQuit() (tea.Model, tea.Cmd) {
	if !m.unsavedInput() {
		return m.quit()
	}
	what := "the scope and criteria you entered"
	if m.screen == screenQuestions {
		what = "what you are typing"
	}
	return m.ask("Quit and lose "+what+"?", Model.quit)
}

// quit ends the program once every write has reached the database, so
// that quitting right after an answer never loses it and a failed write is
// shown rather than dropped.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if !m.sh.writer.pending() {
		return m, tea.Quit
	}
	m.quitting = true
	m.status, m.statusErr = "Saving before quitting…", false
	return m, nil
}

// Flush waits for the writes still queued when the program ended (after a
// forced quit) and returns those that failed. Call it after Run returns.
func (m Model) Flush() error { return m.sh.writer.Flush() }

// capturesInput reports whether the screen is taking text, so that q and ?
// are typed rather than acted on.
func (m Model) capturesInput() bool {
	switch m.screen {
	case screenScope, screenCriteria:
		return true
	case screenLists:
		return m.lists.capturesInput()
	case screenExport:
		return m.export.capturesInput()
	case screenHome:
		return m.home.capturesInput()
	case screenQuestions:
		return m.questions.capturesInput()
	}
	return false
}

// handleIntent acts on navigation and save intents sent by screens.
func (m Model) handleIntent(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case openAssessmentMsg:
		return m, loadAssessment(m.sh, msg.id, msg.then), true
	case newAssessmentMsg:
		m.sess = nil
		m.scope = newScopeScreen(m.sh, nil)
		m.screen = screenScope
		return m, m.scope.Init(), true
	case scopeDoneMsg:
		m.lists = newListsScreen(m.sh, msg.a)
		m.screen = screenLists
		return m, nil, true
	case discardSetupMsg:
		next, cmd := m.ask("Discard this new assessment?", func(m Model) (tea.Model, tea.Cmd) {
			m.draft = nil
			return m.show(screenHome)
		})
		return next.(Model), cmd, true
	case listsBackMsg:
		m.scope = newScopeScreen(m.sh, msg.a)
		m.screen = screenScope
		return m, m.scope.Init(), true
	case listsDoneMsg:
		m.criteria = newCriteriaScreen(m.sh, msg.a)
		m.screen = screenCriteria
		return m, m.criteria.Init(), true
	case criteriaBackMsg:
		m.lists = newListsScreen(m.sh, msg.a)
		m.lists.cursor = len(m.lists.rows()) - 1
		m.screen = screenLists
		return m, nil, true
	case criteriaDoneMsg:
		return m.saveSetup(msg.a)
	case gotoMsg:
		next, cmd := m.show(msg.screen)
		return next, cmd, true
	case openQuestionMsg:
		if m.sess == nil {
			return m, nil, true
		}
		m.questions = newQuestionScreen(m.sh, m.sess, msg.id, m.screen)
		m.screen = screenQuestions
		return m, nil, true
	case saveAnswerMsg:
		return m.saveAnswer(msg.questionID, msg.answer)
	case clearAnswerMsg:
		return m.clearAnswer(msg.questionID)
	}
	return m, nil, false
}

// saveSetup stores a new or edited assessment's scope, criteria and target.
func (m Model) saveSetup(a *assessment.Assessment) (Model, tea.Cmd, bool) {
	created := a.ID == 0
	if created {
		qn, err := m.sh.opts.Questionnaire(a.QuestionnaireID)
		if err != nil {
			next, cmd := m.setStatus("Cannot start: "+errText(err), true)
			return next.(Model), cmd, true
		}
		m.draft = a
		m.sess = newSession(a, qn)
	} else {
		*m.sess.a = *a
		m.sess.refresh()
	}
	m.status, m.statusErr = "Saving…", false
	return m, saveSetup(m.sh, *m.sess.a, m.sess.ev.Summarize(), created), true
}

func (m Model) saveAnswer(qid string, ans assessment.Answer) (Model, tea.Cmd, bool) {
	if m.sess == nil {
		return m, nil, true
	}
	ans.AnsweredBy = m.sh.who
	prev := m.sess.a.Answers[qid]
	old := prev.Value
	m.sess.a.SetAnswer(qid, ans, m.sh.now())
	m.sess.refresh()
	if old != ans.Value {
		m.sess.record(store.Change{QuestionID: qid, Old: string(old), New: string(ans.Value), Who: m.sh.who, At: m.sh.now().UTC()})
	}
	m.status, m.statusErr = "Saving…", false
	stored := m.sess.a.Answers[qid]
	return m, saveAnswer(m.sh, m.sess.a.UUID, qid, prev, stored, m.sess.ev.Summarize()), true
}

func (m Model) clearAnswer(qid string) (Model, tea.Cmd, bool) {
	if m.sess == nil {
		return m, nil, true
	}
	if _, ok := m.sess.a.Answers[qid]; !ok {
		return m, nil, true
	}
	prev := m.sess.a.Answers[qid]
	m.sess.record(store.Change{QuestionID: qid, Old: string(prev.Value), Who: m.sh.who, At: m.sh.now().UTC()})
	delete(m.sess.a.Answers, qid)
	m.sess.a.UpdatedAt = m.sh.now().UTC()
	m.sess.refresh()
	return m, clearAnswer(m.sh, m.sess.a.UUID, qid, prev, m.sess.ev.Summarize()), true
}

// handleResult applies the results of I/O commands.
func (m Model) handleResult(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case assessmentLoadedMsg:
		if msg.err != nil {
			next, cmd := m.setStatus("Could not open the assessment: "+errText(msg.err), true)
			return next.(Model), cmd, true
		}
		m.sess = msg.sess
		next, cmd := m.show(msg.then)
		return next, cmd, true
	case answerSavedMsg:
		if msg.err != nil {
			next, cmd := m.setStatus("NOT SAVED: "+errText(msg.err)+" — your answer is kept on screen; try again", true)
			return next.(Model), cmd, true
		}
		text := "Saved: " + msg.questionID
		if msg.value != "" {
			text += " → " + msg.value.Short()
		} else {
			text += " (answer cleared)"
		}
		next, cmd := m.setStatus(text, false)
		return next.(Model), cmd, true
	case setupCreatedMsg:
		m.sess.a.ID, m.sess.a.UUID = msg.id, msg.uuid
		m.draft = nil
		next, cmd := m.show(screenQuestions)
		n2, c2 := next.setStatus("Assessment created and saved", false)
		return n2.(Model), tea.Batch(cmd, c2), true
	case setupSavedMsg:
		if msg.err != nil {
			text := "Could not save: " + errText(msg.err)
			if errors.Is(msg.err, store.ErrExists) {
				text = "An assessment with that name already exists; choose another name"
			}
			if msg.created {
				// Nothing was stored: back to the form, with what was typed.
				m.sess = nil
				m.scope = newScopeScreen(m.sh, m.draft)
				m.screen = screenScope
				next, cmd := m.setStatus(text, true)
				return next.(Model), tea.Batch(cmd, m.scope.Init()), true
			}
			// The edit was not stored: the criteria form again, filled in
			// with the edit, so that enter retries.
			m.criteria = newCriteriaScreen(m.sh, m.sess.a)
			m.screen = screenCriteria
			next, cmd := m.setStatus(text, true)
			return next.(Model), tea.Batch(cmd, m.criteria.Init()), true
		}
		next, cmd := m.show(screenQuestions)
		n2, c2 := next.setStatus("Scope and criteria saved", false)
		return n2.(Model), tea.Batch(cmd, c2), true
	}
	return m, nil, false
}

// show switches to a screen, building it from the session.
func (m Model) show(s screenID) (Model, tea.Cmd) {
	if s != screenHome && m.sess == nil {
		s = screenHome
	}
	m.screen = s
	switch s {
	case screenHome:
		m.sess = nil
		return m, loadList(m.sh.opts.Store)
	case screenScope:
		m.scope = newScopeScreen(m.sh, m.sess.a)
		return m, m.scope.Init()
	case screenCriteria:
		m.criteria = newCriteriaScreen(m.sh, m.sess.a)
		return m, m.criteria.Init()
	case screenQuestions:
		m.questions = newQuestionScreen(m.sh, m.sess, "", screenQuestions)
	case screenResults:
		m.results = newResultsScreen(m.sh, m.sess)
	case screenRoadmap:
		m.roadmap = newRoadmapScreen(m.sh, m.sess)
	case screenExport:
		m.export = newExportScreen(m.sh, m.sess)
		return m, m.export.Init()
	}
	return m, nil
}

// routeToScreen hands a message to the current screen.
func (m Model) routeToScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenHome:
		m.home, cmd = m.home.Update(msg)
	case screenScope:
		m.scope, cmd = m.scope.Update(msg)
	case screenLists:
		m.lists, cmd = m.lists.Update(msg)
	case screenCriteria:
		m.criteria, cmd = m.criteria.Update(msg)
	case screenQuestions:
		m.questions, cmd = m.questions.Update(msg)
	case screenResults:
		m.results, cmd = m.results.Update(msg)
	case screenRoadmap:
		m.roadmap, cmd = m.roadmap.Update(msg)
	case screenExport:
		m.export, cmd = m.export.Update(msg)
	}
	return m, cmd
}

func (m Model) setStatus(text string, isErr bool) (tea.Model, tea.Cmd) {
	if isErr && m.sh.opts.Log != nil {
		m.sh.opts.Log.Error(text)
	}
	if m.confirm != nil && !isErr {
		return m, nil // a pending question keeps the status line
	}
	m.status, m.statusErr = text, isErr
	m.statusSeq++
	seq := m.statusSeq
	if isErr {
		return m, nil
	}
	return m, tea.Tick(4*time.Second, func(time.Time) tea.Msg { return clearStatusMsg{seq} })
}

// View renders the current screen with the status line, or the help
// overlay, or a request to enlarge a too small terminal.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "gapmap"
	if m.sess != nil {
		v.WindowTitle = "gapmap — " + oneLine(m.sess.a.Name)
	}
	return v
}

func (m Model) render() string {
	w, h := m.sh.width, m.sh.height
	st := m.sh.styles
	if w < minWidth || h < minHeight {
		msg := fmt.Sprintf("Please enlarge the terminal.\n\ngapmap needs at least %d×%d;\nthis one is %d×%d.\n\nq quits.", minWidth, minHeight, w, h)
		if w < 30 || h < 7 {
			msg = "Enlarge the terminal"
		}
		return clipLines(strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, st.Bold.Render(msg)), "\n"), w, h, 0)
	}
	bodyH := h - 2 // status line and footer
	// Lines longer than this are hard to read; wide terminals get margin.
	cw := min(w-2, maxContentWidth)
	var body string
	if m.showHelp {
		body = m.helpView(cw, bodyH)
	} else {
		body = m.screenView(cw, bodyH)
	}
	lines := fitLines(body, w-2, bodyH)
	lines = append(lines, fitLines(m.statusLine(w-2), w-2, 1)...)
	lines = append(lines, fitLines(m.footer(w-2), w-2, 1)...)
	// One cell of margin on each side; every line is exactly w wide, and
	// an overflowing screen is cut, never wrapped by the terminal.
	for i, l := range lines {
		lines[i] = " " + l + " "
	}
	return strings.Join(lines, "\n")
}

func (m Model) screenView(w, h int) string {
	switch m.screen {
	case screenHome:
		return m.home.View(w, h)
	case screenScope:
		return m.scope.View(w, h)
	case screenLists:
		return m.lists.View(w, h)
	case screenCriteria:
		return m.criteria.View(w, h)
	case screenQuestions:
		return m.questions.View(w, h)
	case screenResults:
		return m.results.View(w, h)
	case screenRoadmap:
		return m.roadmap.View(w, h)
	case screenExport:
		return m.export.View(w, h)
	}
	return ""
}

func (m Model) statusLine(w int) string {
	st := m.sh.styles
	if m.status == "" {
		return ""
	}
	style := st.Success
	if m.statusErr {
		style = st.Error
	}
	return style.MaxWidth(w).Render(truncate(m.status, w))
}

// footer shows the current screen's most useful keys.
func (m Model) footer(w int) string {
	var parts []string
	for _, b := range m.shortHelp() {
		h := b.Help()
		parts = append(parts, m.sh.styles.Key.Render(h.Key)+" "+m.sh.styles.Muted.Render(h.Desc))
	}
	return fitParts(parts, "  ", w)
}

func (m Model) shortHelp() []key.Binding {
	switch m.screen {
	case screenHome:
		return m.home.ShortHelp()
	case screenQuestions:
		return m.questions.ShortHelp()
	case screenResults:
		return m.results.ShortHelp()
	case screenRoadmap:
		return m.roadmap.ShortHelp()
	case screenExport:
		return m.export.ShortHelp()
	case screenLists:
		return m.lists.ShortHelp()
	case screenScope, screenCriteria:
		return formShortHelp(m.sh.keys)
	}
	return nil
}

func (m Model) fullHelp() [][]key.Binding {
	switch m.screen {
	case screenHome:
		return m.home.FullHelp()
	case screenQuestions:
		return m.questions.FullHelp()
	case screenResults:
		return m.results.FullHelp()
	case screenRoadmap:
		return m.roadmap.FullHelp()
	case screenLists:
		return m.lists.FullHelp()
	}
	return [][]key.Binding{formShortHelp(m.sh.keys)}
}

func errText(err error) string {
	return oneLine(strings.TrimSpace(err.Error()))
}
