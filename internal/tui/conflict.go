package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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
	// offset is the first line shown when the text is longer than the
	// screen.
	offset int
}

func (c conflictView) capturesInput() bool { return false }
func (c conflictView) unsaved() string     { return "" }
func (c conflictView) handedOn() bool      { return false }

func (c conflictView) ShortHelp() []key.Binding {
	k := c.sh.keys
	return []key.Binding{k.KeepTheirs, k.KeepMine, k.Help, k.Quit}
}

func (c conflictView) FullHelp() [][]key.Binding {
	k := c.sh.keys
	return [][]key.Binding{{k.KeepTheirs, k.KeepMine}, {k.Down, k.Up, k.PageDown, k.PageUp}}
}

// View shows both versions, one field a line, wrapped so that nothing is
// cut at 60×20; when they are too long for the screen, ↓↑ scroll them and
// the keys to choose stay on the last line.
func (c conflictView) View(w, h int) string {
	room := max(1, h-1)
	lines := c.lines(w, room)
	text := "t keeps theirs; m saves yours over it"
	if len(lines) > room {
		text += "; ↓↑ scroll"
		offset := min(c.offset, len(lines)-room)
		lines = lines[offset : offset+room]
	}
	return strings.Join(append(lines, c.sh.styles.Muted.Render(wrapFirst(text, w))), "\n")
}

// lines are the conflict's text above the keys, wrapped to w, with blank
// lines between its parts when they fit in room.
func (c conflictView) lines(w, room int) []string {
	st := c.sh.styles
	wrapped := func(style lipgloss.Style, text string) []string {
		var out []string
		for _, l := range strings.Split(wrap(text, w), "\n") {
			out = append(out, style.Render(l))
		}
		return out
	}
	parts := [][]string{
		append(wrapped(st.Error, "Another gapmap changed this answer; nothing was overwritten"), wrapped(st.Bold, oneLine(c.title))...),
		append([]string{st.Subtitle.Render("Theirs (stored now)")}, c.fields(c.theirs, !c.stored, w)...),
		append([]string{st.Subtitle.Render("Yours")}, c.fields(c.mine, c.cleared, w)...),
	}
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	if len(out)+len(parts) > room {
		return out
	}
	out = out[:0]
	for _, p := range parts {
		out = append(append(out, p...), "")
	}
	return out
}

// wrapFirst is the first line of text wrapped to w.
func wrapFirst(text string, w int) string {
	first, _, _ := strings.Cut(wrap(text, w), "\n")
	return first
}

// scroll moves the text by lines, within the text shown at w×h.
func (c conflictView) scroll(by, w, h int) conflictView {
	room := max(1, h-1)
	c.offset = max(0, min(c.offset+by, len(c.lines(w, room))-room))
	return c
}

func (c conflictView) fields(a assessment.Answer, none bool, w int) []string {
	if none {
		return strings.Split("  "+wrap("(no answer, no note)", w-2), "\n")
	}
	value := "not answered"
	if a.Value != "" {
		value = a.Value.Short()
	}
	flag := "no"
	if a.Flagged {
		flag = "yes"
	}
	var out []string
	for _, f := range [][2]string{{"Answer", value}, {"Note", a.Note}, {"Evidence", a.Evidence}, {"Owner", a.Owner}, {"Flagged", flag}} {
		v := oneLine(f[1])
		if v == "" {
			v = "—"
		}
		// A long note wraps under its label rather than being cut.
		for i, l := range strings.Split(wrap(f[0]+": "+v, w-4), "\n") {
			if i == 0 {
				out = append(out, "  "+l)
			} else {
				out = append(out, "    "+l)
			}
		}
	}
	return out
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
		next, cmd := m.setStatus("NOT SAVED: another gapmap changed this answer", true)
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
	w, h := m.sh.contentW, m.sh.bodyH
	page := max(1, h-2)
	switch {
	case key.Matches(msg, k.Down):
		c = c.scroll(1, w, h)
	case key.Matches(msg, k.Up):
		c = c.scroll(-1, w, h)
	case key.Matches(msg, k.PageDown):
		c = c.scroll(page, w, h)
	case key.Matches(msg, k.PageUp):
		c = c.scroll(-page, w, h)
	}
	if !keepTheirs && !keepMine {
		m.conflict = &c
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
