package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// What the user reads when the open assessment no longer exists: another
// gapmap deleted it, or replaced it by an import. goneText follows a
// write, goneIdleText the poll.
const (
	goneText     = "This assessment was deleted or replaced by another gapmap; nothing was saved"
	goneIdleText = "This assessment was deleted or replaced by another gapmap"
)

// conflictView is shown when a write was refused because another gapmap
// changed the same answer since this one read it: nothing was
// overwritten, and the user chooses which version to keep.
type conflictView struct {
	sh  *shared
	qid string
	// theirs is the answer as stored now (stored false: there is none);
	// mine is the one the user gave (cleared: the user cleared it).
	theirs  assessment.Answer
	stored  bool
	mine    assessment.Answer
	cleared bool
	title   string
}

func (c conflictView) capturesInput() bool { return false }
func (c conflictView) unsaved() string     { return "" }
func (c conflictView) handedOn() bool      { return false }

func (c conflictView) ShortHelp() []key.Binding {
	k := c.sh.keys
	return []key.Binding{k.KeepTheirs, k.KeepMine, k.Help, k.Quit}
}

func (c conflictView) FullHelp() [][]key.Binding {
	return [][]key.Binding{{c.sh.keys.KeepTheirs, c.sh.keys.KeepMine}}
}

// View shows both versions, one field a line, so that it fits 60×20.
func (c conflictView) View(w, h int) string {
	st := c.sh.styles
	var b strings.Builder
	b.WriteString(st.Error.Render(truncate("Another gapmap changed this answer; nothing was overwritten", w)) + "\n")
	b.WriteString(st.Bold.Render(truncate(c.title, w)) + "\n\n")
	b.WriteString(st.Subtitle.Render("Theirs (stored now)") + "\n")
	b.WriteString(c.fields(c.theirs, !c.stored, w))
	b.WriteString("\n" + st.Subtitle.Render("Yours") + "\n")
	b.WriteString(c.fields(c.mine, c.cleared, w))
	b.WriteString("\n" + st.Muted.Render(truncate("t keeps theirs; m saves yours over it", w)))
	return b.String()
}

func (c conflictView) fields(a assessment.Answer, none bool, w int) string {
	if none {
		return "  " + truncate("(no answer, no note)", w-2) + "\n"
	}
	value := "not answered"
	if a.Value != "" {
		value = a.Value.Short()
	}
	flag := "no"
	if a.Flagged {
		flag = "yes"
	}
	var b strings.Builder
	for _, f := range [][2]string{{"Answer", value}, {"Note", a.Note}, {"Evidence", a.Evidence}, {"Owner", a.Owner}, {"Flagged", flag}} {
		v := oneLine(f[1])
		if v == "" {
			v = "—"
		}
		b.WriteString(truncate("  "+f[0]+": "+v, w) + "\n")
	}
	return b.String()
}

// answerRefused handles a write the store refused because the answer or
// the assessment changed under it. ok is false for any other result.
func (m Model) answerRefused(msg answerSavedMsg) (Model, tea.Cmd, bool) {
	var conflict *store.ConflictError
	switch {
	case errors.Is(msg.err, store.ErrGone):
		return m.gone(goneText)
	case errors.As(msg.err, &conflict):
		if m.sess == nil {
			return m, nil, true
		}
		m.conflict = &conflictView{
			sh: m.sh, qid: msg.questionID, title: m.titleOf(msg.questionID),
			theirs: conflict.Current, stored: conflict.Stored,
			mine: m.sess.a.Answers[msg.questionID], cleared: msg.cleared,
		}
		next, cmd := m.setStatus("NOT SAVED: another gapmap changed this answer; choose which to keep", true)
		return next, cmd, true
	}
	return m, nil, false
}

// gone leaves an assessment that no longer exists for the home screen.
func (m Model) gone(text string) (Model, tea.Cmd, bool) {
	m.conflict = nil
	next, cmd := m.show(screenHome)
	next, c2 := next.setStatus(text, true)
	return next, tea.Batch(cmd, c2), true
}

// handleConflictKey settles a conflict: keep theirs adopts the stored
// answer; keep mine saves the user's over it, stating it as replaced.
func (m Model) handleConflictKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	c := *m.conflict
	k := m.sh.keys
	keepTheirs, keepMine := key.Matches(msg, k.KeepTheirs), key.Matches(msg, k.KeepMine)
	if !keepTheirs && !keepMine {
		return m, nil
	}
	m.conflict = nil
	m.sess.base.set(c.qid, c.theirs, c.stored)
	if keepTheirs {
		if c.stored {
			m.sess.a.Answers[c.qid] = c.theirs
		} else {
			delete(m.sess.a.Answers, c.qid)
		}
		m.sess.refresh()
		return m.setStatus("Kept the other gapmap's answer: "+c.title, false)
	}
	if c.cleared {
		return m, clearAnswer(m.sh, m.sess.base, m.sess.a.UUID, c.qid, m.sess.ev.Summarize())
	}
	m.status, m.statusErr = "Saving…", false
	return m, saveAnswer(m.sh, m.sess.base, m.sess.a.UUID, c.qid, c.mine, m.sess.ev.Summarize())
}
