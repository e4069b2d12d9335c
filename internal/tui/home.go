package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/store"
)

// homeScreen lists assessments: open, create, duplicate, delete.
type homeScreen struct {
	sh      *shared
	infos   []store.Info
	loaded  bool
	cursor  int
	offset  int
	confirm bool // asking whether to delete the selected assessment
	err     error
}

func newHomeScreen(sh *shared) homeScreen { return homeScreen{sh: sh} }

func (s homeScreen) capturesInput() bool { return s.confirm }

func (s homeScreen) selected() (store.Info, bool) {
	if s.cursor < 0 || s.cursor >= len(s.infos) {
		return store.Info{}, false
	}
	return s.infos[s.cursor], true
}

func (s homeScreen) Update(msg tea.Msg) (homeScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case listLoadedMsg:
		s.infos, s.err, s.loaded = msg.infos, msg.err, true
		s.cursor = min(s.cursor, max(0, len(s.infos)-1))
		return s, nil
	case deletedMsg:
		if msg.err != nil {
			return s, status("Could not delete: "+errText(msg.err), true)
		}
		return s, tea.Batch(loadList(s.sh.opts.Store), status(fmt.Sprintf("Deleted %q", oneLine(msg.name)), false))
	case duplicatedMsg:
		if msg.err != nil {
			return s, status("Could not duplicate: "+errText(msg.err), true)
		}
		return s, tea.Batch(loadList(s.sh.opts.Store), status(fmt.Sprintf("Created %q", oneLine(msg.name)), false))
	case tea.KeyPressMsg:
		return s.handleKey(msg)
	}
	return s, nil
}

func (s homeScreen) handleKey(msg tea.KeyPressMsg) (homeScreen, tea.Cmd) {
	k := s.sh.keys
	if s.confirm {
		s.confirm = false
		if key.Matches(msg, k.Confirm) {
			if in, ok := s.selected(); ok {
				return s, deleteAssessment(s.sh, in.UUID, in.Name)
			}
		}
		return s, status("Nothing deleted", false)
	}
	switch {
	case key.Matches(msg, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(msg, k.Down):
		s.cursor = min(len(s.infos)-1, s.cursor+1)
	case key.Matches(msg, k.Top):
		s.cursor = 0
	case key.Matches(msg, k.Bottom):
		s.cursor = len(s.infos) - 1
	case key.Matches(msg, k.New):
		return s, func() tea.Msg { return newAssessmentMsg{} }
	case key.Matches(msg, k.Enter):
		if in, ok := s.selected(); ok {
			return s, func() tea.Msg { return openAssessmentMsg{id: in.ID, then: screenQuestions} }
		}
	case key.Matches(msg, k.Results):
		if in, ok := s.selected(); ok {
			return s, func() tea.Msg { return openAssessmentMsg{id: in.ID, then: screenResults} }
		}
	case key.Matches(msg, k.Duplicate):
		if in, ok := s.selected(); ok {
			return s, duplicateAssessment(s.sh, in.UUID, s.copyName(in.Name))
		}
	case key.Matches(msg, k.Delete):
		if _, ok := s.selected(); ok {
			s.confirm = true
		}
	}
	s.cursor = max(0, s.cursor)
	return s, nil
}

// copyName finds a free name for a duplicate: "X (copy)", "X (copy 2)"...
func (s homeScreen) copyName(name string) string {
	taken := map[string]bool{}
	for _, in := range s.infos {
		taken[in.Name] = true
	}
	candidate := name + " (copy)"
	for i := 2; taken[candidate]; i++ {
		candidate = fmt.Sprintf("%s (copy %d)", name, i)
	}
	return candidate
}

func (s homeScreen) View(w, h int) string {
	st := s.sh.styles
	var b strings.Builder
	b.WriteString(header(st, "gapmap", "SOC 2 readiness", w) + "\n\n")
	switch {
	case s.err != nil:
		b.WriteString(st.Error.Render("Could not read assessments: "+errText(s.err)) + "\n")
		return b.String()
	case !s.loaded:
		b.WriteString(st.Muted.Render("Loading…"))
		return b.String()
	case len(s.infos) == 0:
		b.WriteString(s.emptyView(w))
		return b.String()
	}
	b.WriteString(s.table(w, h-4))
	if s.confirm {
		in, _ := s.selected()
		b.WriteString("\n" + st.Error.Render(fmt.Sprintf("Delete %q with all its answers and history? This cannot be undone. ", truncate(oneLine(in.Name), 30))) +
			st.Key.Render("y") + " delete  " + st.Key.Render("n") + " keep")
	}
	return b.String()
}

func (s homeScreen) emptyView(w int) string {
	st := s.sh.styles
	lines := []string{
		st.Subtitle.Render("Welcome. No assessments yet."),
		"",
		wrap("gapmap walks you through a SOC 2 readiness assessment: what is in scope, which", w),
		wrap("Trust Services Criteria apply, then one plain-language question at a time.", w),
		wrap("It turns your answers into a prioritized roadmap with a timeline to Type I and Type II.", w),
		wrap("Every answer is saved the moment you give it; you can stop and resume at any time.", w),
		"",
		st.Key.Render("n") + "  start a new assessment (about 60–90 minutes for a first pass)",
		st.Key.Render("q") + "  quit",
		"",
		st.Muted.Render(wrap("Just looking? Quit and run 'gapmap demo' to open an example assessment of a 25-person SaaS.", w)),
	}
	return strings.Join(lines, "\n")
}

func (s homeScreen) table(w, h int) string {
	st := s.sh.styles
	// marker 2, two 9-wide numbers, a 16-wide date and four gaps of 2.
	rest := max(22, w-2-9-9-16-8)
	orgW := rest * 2 / 5
	nameW := rest - orgW
	row := func(name, org, prog, ready, when string) string {
		return fmt.Sprintf("%-*s  %-*s  %9s  %9s  %-16s", nameW, truncate(name, nameW), orgW, truncate(org, orgW), prog, ready, when)
	}
	lines := []string{st.Muted.Render("  " + row("ASSESSMENT", "ORGANIZATION", "PROGRESS", "READINESS", "LAST CHANGE"))}
	visible := max(1, h-2)
	if s.cursor < s.offset {
		s.offset = s.cursor
	} else if s.cursor >= s.offset+visible {
		s.offset = s.cursor - visible + 1
	}
	for i := s.offset; i < len(s.infos) && i < s.offset+visible; i++ {
		in := s.infos[i]
		ready := "—"
		if in.Summary.Answered > 0 {
			ready = percent(in.Summary.Readiness)
		}
		line := row(oneLine(in.Name), oneLine(in.Organization), percent(in.Summary.Progress), ready, in.UpdatedAt.Local().Format("2006-01-02 15:04"))
		if i == s.cursor {
			line = st.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, truncate(line, w))
	}
	if len(s.infos) > visible {
		lines = append(lines, st.Muted.Render(fmt.Sprintf("  %d of %d", s.cursor+1, len(s.infos))))
	}
	return strings.Join(lines, "\n")
}

func (s homeScreen) ShortHelp() []key.Binding {
	k := s.sh.keys
	return []key.Binding{k.Enter, k.New, k.Results, k.Duplicate, k.Delete, k.Help, k.Quit}
}

func (s homeScreen) FullHelp() [][]key.Binding {
	k := s.sh.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom},
		{k.Enter, k.Results, k.New, k.Duplicate, k.Delete},
	}
}
