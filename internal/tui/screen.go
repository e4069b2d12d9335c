package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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

// screen is what the root asks of every screen, so that what is shown, the
// keys offered and the input taken never disagree. Each screen's Update
// stays typed (it returns its own type), so routing is the one other place
// that names every screen.
type screen interface {
	// View renders the screen in w cells by h lines.
	View(w, h int) string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// capturesInput is true while the screen takes text, so that q and ?
	// are typed rather than acted on.
	capturesInput() bool
	// unsaved names what typed input quitting would lose, or "".
	unsaved() string
	// handedOn is true once the screen has sent its result and waits for
	// the root to move on; keys typed meanwhile are held for the next one.
	handedOn() bool
}

// current returns the screen shown.
func (m Model) current() screen {
	if m.conflict != nil {
		return *m.conflict
	}
	switch m.screen {
	case screenScope:
		return m.scope
	case screenLists:
		return m.lists
	case screenCriteria:
		return m.criteria
	case screenQuestions:
		return m.questions
	case screenResults:
		return m.results
	case screenRoadmap:
		return m.roadmap
	case screenExport:
		return m.export
	}
	return m.home
}

// routeToScreen hands a message to the current screen.
func (m Model) routeToScreen(msg tea.Msg) (Model, tea.Cmd) {
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

// show switches to a screen, building it from the session.
func (m Model) show(s screenID) (Model, tea.Cmd) {
	if s != screenHome && m.sess == nil {
		s = screenHome
	}
	m.screen = s
	switch s {
	case screenHome:
		m.sess, m.home = nil, m.home.reshown()
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
