package tui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/store"
)

// Other writers: while idle, the program reads the open assessment's
// revision about once a second (one indexed row) and reloads it when
// another process changed it, keeping the user's place. The poll is a
// command and its result a message, like every other read.

const defaultPollInterval = time.Second

type (
	pollTickMsg struct{}
	revisionMsg struct {
		uuid string
		rev  int64
		err  error
	}
	reloadedMsg struct {
		uuid string
		sess *session
		// writes is how many writes had been submitted when the reload
		// was asked for; a reload that raced a write is dropped.
		writes int
		err    error
	}
)

// pollInterval is how often the revision is read; 0 when never.
func (m Model) pollInterval() time.Duration {
	switch d := m.sh.opts.PollInterval; {
	case d < 0:
		return 0
	case d == 0:
		return defaultPollInterval
	default:
		return d
	}
}

func (m Model) nextPoll() tea.Cmd {
	d := m.pollInterval()
	if d == 0 {
		return nil
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return pollTickMsg{} })
}

// idle reports whether the open assessment may be reloaded under the
// user: nothing typed, asked or being written.
func (m Model) idle() bool {
	if m.sess == nil || m.sess.a.UUID == "" || m.draft != nil || m.quitting ||
		m.confirm != nil || m.conflict != nil || m.sh.writer.pending() {
		return false
	}
	switch m.screen {
	case screenQuestions, screenResults, screenRoadmap, screenExport:
		return !m.current().capturesInput()
	}
	return false
}

func readRevision(st *store.Store, uuid string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		rev, err := st.Revision(ctx, uuid)
		return revisionMsg{uuid: uuid, rev: rev, err: err}
	}
}

// reloadAssessment reads the assessment again; qn is the questionnaire it
// was open with, kept unless the assessment now names another.
func reloadAssessment(sh *shared, uuid string, qn *questionnaire.Questionnaire) tea.Cmd {
	st, resolve, writes := sh.opts.Store, sh.opts.Questionnaire, sh.writer.count()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		a, err := st.LoadUUID(ctx, uuid)
		if err != nil {
			return reloadedMsg{uuid: uuid, err: err}
		}
		if a.QuestionnaireID != qn.ID {
			if qn, err = resolve(a.QuestionnaireID); err != nil {
				return reloadedMsg{uuid: uuid, err: err}
			}
		}
		changes, err := st.History(ctx, a.ID)
		if err != nil {
			return reloadedMsg{uuid: uuid, err: err}
		}
		sess := newSession(a, qn)
		for _, c := range changes {
			sess.record(c)
		}
		return reloadedMsg{uuid: uuid, sess: sess, writes: writes}
	}
}

// handleSync handles the poll's messages.
func (m Model) handleSync(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case pollTickMsg:
		if m.homeIdle() {
			return m, tea.Batch(m.nextPoll(), readStamp(m.sh.opts.Store)), true
		}
		if !m.idle() {
			return m, m.nextPoll(), true
		}
		return m, readRevision(m.sh.opts.Store, m.sess.a.UUID), true
	case revisionMsg:
		next := m.nextPoll()
		switch {
		case m.sess == nil || msg.uuid != m.sess.a.UUID || !m.idle():
		case errors.Is(msg.err, store.ErrGone):
			m, cmd, _ := m.gone(goneIdleText)
			return m, tea.Batch(cmd, next), true
		case msg.err != nil:
			m.logError("reading the revision: " + errText(msg.err))
		case msg.rev != m.sess.a.Revision:
			return m, tea.Batch(next, reloadAssessment(m.sh, msg.uuid, m.sess.qn)), true
		}
		return m, next, true
	case reloadedMsg:
		switch {
		case m.sess == nil || msg.uuid != m.sess.a.UUID || !m.idle():
		case errors.Is(msg.err, store.ErrGone):
			return m.gone(goneIdleText)
		case msg.err != nil:
			m.logError("reloading: " + errText(msg.err))
		case msg.writes == m.sh.writer.count():
			return m.adopt(msg.sess)
		}
		// A write was asked for meanwhile: the next poll reloads again.
		return m, nil, true
	}
	return m, nil, false
}

func (m Model) logError(text string) {
	if m.sh.opts.Log != nil {
		m.sh.opts.Log.Error(text)
	}
}

// adopt replaces the open session's content with a fresh read, in place so
// that every screen holding it sees the new answers, and keeps the user's
// place. An answer the user gave that could not be saved stays on screen,
// with the baseline it was given over, so that saving it again raises a
// conflict if another gapmap changed it meanwhile.
func (m Model) adopt(fresh *session) (Model, tea.Cmd, bool) {
	old := m.sess
	changed := old.base.changed(fresh.a.Answers)
	for qid, mine := range old.a.Answers {
		if base, stored := old.base.answers[qid]; !stored || !base.SameContent(mine) {
			fresh.a.Answers[qid] = mine
			fresh.base.set(qid, base, stored)
		}
	}
	for qid, base := range old.base.answers {
		if _, onScreen := old.a.Answers[qid]; !onScreen {
			// Cleared here but not in the store (the clear failed).
			delete(fresh.a.Answers, qid)
			fresh.base.set(qid, base, true)
		}
	}
	fresh.upgrade = old.upgrade
	fresh.refresh()
	var qid string
	if m.screen == screenQuestions {
		if q := m.questions.current(); q != nil {
			qid = q.ID
		}
	}
	*m.sess = *fresh
	switch m.screen {
	case screenQuestions:
		if i := m.sess.indexOf(qid); i >= 0 {
			m.questions.idx = i
		} else {
			m.questions.idx = min(m.questions.idx, max(0, len(m.sess.questions)-1))
		}
	case screenRoadmap:
		var at string
		if items := m.roadmap.plan.Items; m.roadmap.cursor < len(items) {
			at = items[m.roadmap.cursor].Question.ID
		}
		next, cmd, _ := m.handleIntent(backToRoadmapMsg{id: at})
		m = next
		if cmd != nil {
			return m.withUpdateStatus(changed, cmd)
		}
	}
	return m.withUpdateStatus(changed, nil)
}

func (m Model) withUpdateStatus(changed int, cmd tea.Cmd) (Model, tea.Cmd, bool) {
	if changed == 0 {
		return m, cmd, true
	}
	text := fmt.Sprintf("Updated by another gapmap: %d answers changed", changed)
	if changed == 1 {
		text = "Updated by another gapmap: 1 answer changed"
	}
	next, c := m.setStatus(text, false)
	return next, tea.Batch(cmd, c), true
}

// upgradeText says what opening under the current bank moved.
func upgradeText(version string, u assessment.Upgrade) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	text := fmt.Sprintf("Bank %s: %s to their successors, %s as no longer asked", version,
		plural(len(u.Moved), "answer moved", "answers moved"), plural(len(u.NoLongerAsked), "kept", "kept"))
	if n := len(u.NewQuestions); n > 0 {
		text += "; " + plural(n, "new question", "new questions") + " from splits"
	}
	return text
}
