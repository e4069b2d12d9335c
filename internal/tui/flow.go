package tui

import (
	"cmp"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/store"
)

// handleIntent acts on navigation and save intents sent by screens.
func (m Model) handleIntent(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case openAssessmentMsg:
		m.resultsFromHome = msg.then == screenResults
		return m, loadAssessmentUUID(m.sh, msg.uuid, msg.then), true
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
		next, cmd := m.ask("Discard this new assessment?", func(m Model) (Model, tea.Cmd) {
			m.draft = nil
			return m.show(screenHome)
		})
		return next, cmd, true
	case backToRoadmapMsg:
		cursor := m.roadmap.cursor
		next, cmd := m.show(screenRoadmap)
		// The item just seen, or where it was if it left the roadmap.
		next.roadmap.cursor = min(cursor, max(0, len(next.roadmap.plan.Items)-1))
		for i, it := range next.roadmap.plan.Items {
			if it.Question.ID == msg.id {
				next.roadmap.cursor = i
			}
		}
		return next, cmd, true
	case discardNoteMsg:
		next, cmd := m.ask("Discard what you typed?", func(m Model) (Model, tea.Cmd) {
			m.questions = m.questions.closeForm()
			return m, nil
		})
		return next, cmd, true
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
	case questionnaireResolvedMsg:
		return m.createAssessment(msg)
	case criteriaDoneMsg:
		return m.saveSetup(msg.a)
	case gotoMsg:
		if q := m.leaveQuestion(); msg.screen == screenHome && q != "" {
			next, cmd := m.ask(q, func(m Model) (Model, tea.Cmd) { return m.show(screenHome) })
			return next, cmd, true
		}
		next, cmd := m.show(msg.screen)
		return next, cmd, true
	case openQuestionMsg:
		if m.sess == nil {
			return m, nil, true
		}
		m.questions = newQuestionScreen(m.sh, m.sess, msg.id, m.screen)
		if m.screen == screenRoadmap {
			m.questions.trail = append(m.questions.trail, m.roadmap.shownIDs()...)
		}
		m.screen = screenQuestions
		return m, nil, true
	case saveAnswerMsg:
		return m.saveAnswer(msg.questionID, msg.answer)
	case clearAnswerMsg:
		return m.clearAnswer(msg.questionID)
	}
	return m, nil, false
}

// titleOf is a question's title for the status line.
func (m Model) titleOf(qid string) string {
	if m.sess != nil {
		if q := m.sess.qn.Question(qid); q != nil {
			return truncate(oneLine(questionTitle(q)), 50)
		}
	}
	return qid
}

// saveSetup stores a new or edited assessment's scope, criteria and target.
func (m Model) saveSetup(a *assessment.Assessment) (Model, tea.Cmd, bool) {
	created := a.ID == 0
	if created {
		// A custom questionnaire is a file to read: not in Update.
		resolve := m.sh.opts.Questionnaire
		return m, func() tea.Msg {
			qn, err := resolve(a.QuestionnaireID)
			return questionnaireResolvedMsg{a: a, qn: qn, err: err}
		}, true
	}
	// The session keeps the setup the form was opened on until the save
	// succeeds: it is what the save replaces, and it is not reloaded while
	// a setup form is open (see idle).
	edit := *a
	edit.Answers = m.sess.a.Answers
	sum := assessment.Evaluate(m.sess.qn, &edit).Summarize()
	m.status, m.statusErr = "Saving…", false
	return m, saveSetup(m.sh, *m.sess.a, edit, sum), true
}

// questionnaireResolvedMsg carries the questionnaire of a new assessment.
type questionnaireResolvedMsg struct {
	a   *assessment.Assessment
	qn  *questionnaire.Questionnaire
	err error
}

// createAssessment saves a new assessment once its questionnaire is read.
func (m Model) createAssessment(msg questionnaireResolvedMsg) (Model, tea.Cmd, bool) {
	if msg.err != nil {
		// The criteria form again, filled in, so that enter retries.
		m.criteria = newCriteriaScreen(m.sh, msg.a)
		m.screen = screenCriteria
		next, cmd := m.setStatus("Cannot start: "+errText(msg.err), true)
		return next, tea.Batch(cmd, next.criteria.Init()), true
	}
	m.draft = msg.a
	m.sess = newSession(msg.a, msg.qn)
	m.status, m.statusErr = "Saving…", false
	return m, createSetup(m.sh, *m.sess.a, m.sess.ev.Summarize()), true
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
	if o := m.sess.ev.Overall; old == "" && ans.Answered() && o.Answered == o.Applicable {
		// The last unanswered question: say so, and what comes next.
		m.lastAnswered = true
	}
	stored := m.sess.a.Answers[qid]
	return m, saveAnswer(m.sh, m.sess.base, m.sess.a.UUID, qid, stored, m.sess.ev.Summarize()), true
}

func (m Model) clearAnswer(qid string) (Model, tea.Cmd, bool) {
	if m.sess == nil {
		return m, nil, true
	}
	_, onScreen := m.sess.a.Answers[qid]
	if _, stored := m.sess.base.lookup(qid); !onScreen && !stored {
		return m, nil, true // a clear that failed is tried again
	}
	prev := m.sess.a.Answers[qid]
	m.sess.record(store.Change{QuestionID: qid, Old: string(prev.Value), Who: m.sh.who, At: m.sh.now().UTC()})
	delete(m.sess.a.Answers, qid)
	m.sess.a.UpdatedAt = m.sh.now().UTC()
	m.sess.refresh()
	return m, clearAnswer(m.sh, m.sess.base, m.sess.a.UUID, qid, m.sess.ev.Summarize()), true
}

// handleResult applies the results of I/O commands.
func (m Model) handleResult(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case assessmentLoadedMsg:
		if msg.err != nil {
			// The keys typed after enter were for the screen that did not
			// open, not for the home screen still shown.
			m.held, m.home = nil, m.home.reshown()
			next, cmd := m.setStatus("Could not open the assessment: "+errText(msg.err), true)
			return next, cmd, true
		}
		m.sess = msg.sess
		m.conflict = nil
		m.sh.who = cmp.Or(m.sess.a.Answering, m.sess.lastWho(), m.sh.opts.Who)
		if m.statusErr && m.confirm == nil {
			// An error about what was open before ("deleted by another
			// gapmap") would read as one about this assessment.
			m.status, m.statusErr = "", false
		}
		next, cmd := m.show(msg.then)
		next.results.fromHome, next.resultsFromHome = next.resultsFromHome && msg.then == screenResults, false
		if u := m.sess.upgrade; !u.Empty() {
			next, c2 := next.setStatus(upgradeText(m.sess.qn.Version, u), false)
			return next, tea.Batch(cmd, c2), true
		}
		return next, cmd, true
	case answerSavedMsg:
		if next, cmd, ok := m.answerRefused(msg); ok {
			return next, cmd, true
		}
		if msg.err != nil {
			next, cmd := m.setStatus("NOT SAVED: "+errText(msg.err)+" — your answer is kept on screen; try again", true)
			return next, cmd, true
		}
		text := "Saved: " + m.titleOf(msg.questionID)
		switch {
		case msg.cleared:
			text += " (answer cleared)"
		case msg.value != "":
			text += " → " + msg.value.Short()
		default:
			text += " (not answered yet)"
		}
		if m.lastAnswered && msg.value != "" {
			m.lastAnswered = false
			o := m.sess.ev.Overall
			text = fmt.Sprintf("%s. All %d answered: R results, M roadmap.", text, o.Applicable)
		}
		next, cmd := m.setStatus(text, false)
		return next, cmd, true
	case deletedMsg:
		text, isErr := fmt.Sprintf("Deleted %q", oneLine(msg.name)), false
		switch {
		case errors.Is(msg.err, store.ErrConflict):
			text, isErr = fmt.Sprintf("Not deleted: %q changed in another gapmap since it was listed (list updated)", oneLine(msg.name)), true
		case msg.err != nil:
			text, isErr = "Could not delete: "+errText(msg.err), true
		}
		next, cmd := m.setStatus(text, isErr)
		return next, tea.Batch(cmd, loadList(m.sh.opts.Store)), true
	case renamedMsg:
		text, isErr := fmt.Sprintf("Renamed %q to %q", oneLine(msg.from), oneLine(msg.to)), false
		switch {
		case errors.Is(msg.err, store.ErrExists):
			text, isErr = fmt.Sprintf("Not renamed: %q was taken meanwhile", oneLine(msg.to)), true
		case msg.err != nil:
			text, isErr = "Could not rename: "+errText(msg.err), true
		}
		next, cmd := m.setStatus(text, isErr)
		return next, tea.Batch(cmd, loadList(m.sh.opts.Store)), true
	case duplicatedMsg:
		text, isErr := fmt.Sprintf("Created %q", oneLine(msg.name)), false
		if msg.err != nil {
			text, isErr = "Could not duplicate: "+errText(msg.err), true
		}
		next, cmd := m.setStatus(text, isErr)
		return next, tea.Batch(cmd, loadList(m.sh.opts.Store)), true
	case setupCreatedMsg:
		m.sess.a.ID, m.sess.a.UUID = msg.id, msg.uuid
		m.draft = nil
		next, cmd := m.show(screenQuestions)
		n2, c2 := next.setStatus("Assessment created and saved", false)
		return n2, tea.Batch(cmd, c2), true
	case setupSavedMsg:
		next, cmd := m.setupSaved(msg)
		return next, cmd, true
	}
	return m, nil, false
}
