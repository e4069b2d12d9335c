package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/store"
)

// Other writers and the home list: while the home screen is idle, the
// poll reads the store's ListStamp (one pass over an index: 1.8 ms at
// 10,000 assessments) and reads the list again only when it moved, so
// that assessments created, answered, renamed or deleted elsewhere show.

// listStampMsg carries the store's stamp, read by the poll.
type listStampMsg struct {
	stamp store.ListStamp
	err   error
}

func readStamp(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		stamp, err := st.Stamp(ctx)
		return listStampMsg{stamp: stamp, err: err}
	}
}

// homeIdle reports whether the home list may be read again under the
// user: it is shown, and nothing is asked, typed, opened or being written.
func (m Model) homeIdle() bool {
	return m.screen == screenHome && m.sess == nil && m.draft == nil && !m.quitting &&
		m.confirm == nil && m.conflict == nil && !m.sh.writer.pending() && m.home.idle()
}

func (s homeScreen) idle() bool {
	return s.loaded && !s.opening && s.deleting == nil && s.rename == nil
}

// checkStamp reads the list again when it changed since it was read, or
// could not be read; a list not read with a stamp (the first page) is
// read again once it is whole.
func (s homeScreen) checkStamp(msg listStampMsg) (homeScreen, tea.Cmd) {
	switch {
	case !s.idle() || msg.err != nil:
		return s, nil
	case s.err != nil, s.stamped && msg.stamp != s.stamp, !s.stamped && len(s.infos) >= s.total:
		return s, loadList(s.sh.opts.Store)
	}
	return s, nil
}

// listed shows a list read from the store, the cursor on the assessment
// it was on wherever that now is.
func (s homeScreen) listed(msg listLoadedMsg) (homeScreen, tea.Cmd) {
	s.infos, s.err, s.loaded = msg.infos, msg.err, true
	s.total = max(msg.total, len(msg.infos))
	if msg.err == nil {
		s.stamp, s.stamped = msg.stamp, msg.stamped
	}
	at := s.indexOf(s.follow)
	if at >= 0 {
		s.cursor = at
	} else {
		s.cursor = min(s.cursor, max(0, len(s.infos)-1))
	}
	if msg.partial {
		// The rest is on its way; what the cursor follows may be in it.
		return s, nil
	}
	if in, ok := s.selected(); ok && at < 0 {
		s.follow = in.UUID
	}
	if s.deleting != nil && s.indexOf(s.deleting.UUID) < 0 {
		name := s.deleting.Name
		s.deleting = nil
		return s, status(fmt.Sprintf("Nothing deleted: %q is no longer listed; another gapmap deleted or replaced it", oneLine(name)), true)
	}
	return s, nil
}

// indexOf returns the row of the assessment with that UUID, or -1.
func (s homeScreen) indexOf(uuid string) int {
	if uuid == "" {
		return -1
	}
	for i, in := range s.infos {
		if in.UUID == uuid {
			return i
		}
	}
	return -1
}
