package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/gapmap/gapmap/internal/store"
)

// homeScreen lists assessments: open, create, duplicate, delete.
type homeScreen struct {
	sh     *shared
	infos  []store.Info
	total  int // how many assessments there are; more than infos while the rest load
	loaded bool
	cursor int
	offset int
	// follow is the UUID of the assessment the cursor is on: it stays on
	// it when the list is read again in another order.
	follow string
	// deleting, when set, is the assessment the delete question is about,
	// as listed when it was asked: y deletes that revision or nothing.
	deleting *store.Info
	// rename, when set, is the form that renames renaming.
	rename   *embeddedForm
	renaming store.Info
	// opening is set once enter, R or n has asked for another screen:
	// keys typed until it shows are held for it (handedOn).
	opening bool
	// stamp is the store's ListStamp read with infos, when stamped: the
	// poll reads the list again when the store's differs.
	stamp   store.ListStamp
	stamped bool
	err     error
}

func newHomeScreen(sh *shared) homeScreen { return homeScreen{sh: sh} }

func (s homeScreen) capturesInput() bool { return s.deleting != nil || s.rename != nil }
func (s homeScreen) unsaved() string {
	if s.rename != nil {
		return "the new name"
	}
	return ""
}
func (s homeScreen) handedOn() bool { return s.opening }

// reshown is the screen shown again: nothing is being opened, and no
// question asked before it was left is still waiting for an answer.
func (s homeScreen) reshown() homeScreen {
	s.opening, s.deleting = false, nil
	return s
}

func (s homeScreen) selected() (store.Info, bool) {
	if s.cursor < 0 || s.cursor >= len(s.infos) {
		return store.Info{}, false
	}
	return s.infos[s.cursor], true
}

func (s homeScreen) Update(msg tea.Msg) (homeScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case listLoadedMsg:
		return s.listed(msg)
	case listStampMsg:
		return s.checkStamp(msg)
	case tea.KeyPressMsg:
		if s.rename != nil {
			return s.updateRename(msg)
		}
		return s.handleKey(msg)
	}
	if s.rename != nil {
		return s.updateRename(msg)
	}
	return s, nil
}

// startRename opens the form that renames the selected assessment.
func (s homeScreen) startRename(in store.Info) (homeScreen, tea.Cmd) {
	name := ptr(in.Name)
	taken := s.sh.nameTaken(in.ID)
	f := newEmbeddedForm(s.sh, huh.NewGroup(
		huh.NewInput().Key("name").Title("New name for "+oneLine(in.Name)).Value(name).
			Validate(func(v string) error {
				switch {
				case strings.TrimSpace(v) == "":
					return errors.New("a name is required")
				case taken(oneLine(v)):
					return fmt.Errorf("%q is taken by another assessment; choose another name", oneLine(v))
				}
				return nil
			}),
	))
	s.rename, s.renaming = &f, in
	return s, f.Init()
}

func (s homeScreen) updateRename(msg tea.Msg) (homeScreen, tea.Cmd) {
	f, cmd, outcome := s.rename.Update(msg)
	switch outcome {
	case formCancelled:
		s.rename = nil
		return s, status("Not renamed", false)
	case formDone:
		s.rename = nil
		in := s.renaming
		name := oneLine(f.form.GetString("name"))
		if name == in.Name {
			return s, nil
		}
		return s, renameAssessment(s.sh, in.UUID, in.Name, name)
	}
	s.rename = &f
	return s, cmd
}

func (s homeScreen) handleKey(msg tea.KeyPressMsg) (homeScreen, tea.Cmd) {
	k := s.sh.keys
	if in := s.deleting; in != nil {
		s.deleting = nil
		if key.Matches(msg, k.Confirm) {
			return s, deleteAssessment(s.sh, in.UUID, in.Name, in.Revision)
		}
		return s, status("Nothing deleted", false)
	}
	s, cmd := s.act(msg)
	s.cursor = max(0, s.cursor)
	if in, ok := s.selected(); ok {
		s.follow = in.UUID
	}
	return s, cmd
}

// act does what a key asks of the list.
func (s homeScreen) act(msg tea.KeyPressMsg) (homeScreen, tea.Cmd) {
	k := s.sh.keys
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
		s.opening = true
		return s, func() tea.Msg { return newAssessmentMsg{} }
	case key.Matches(msg, k.Enter):
		if in, ok := s.selected(); ok {
			s.opening = true
			return s, func() tea.Msg { return openAssessmentMsg{uuid: in.UUID, then: screenQuestions} }
		}
	case key.Matches(msg, k.Results):
		if in, ok := s.selected(); ok {
			s.opening = true
			return s, func() tea.Msg { return openAssessmentMsg{uuid: in.UUID, then: screenResults} }
		}
	case key.Matches(msg, k.Rename):
		if in, ok := s.selected(); ok {
			return s.startRename(in)
		}
	case key.Matches(msg, k.Duplicate):
		if in, ok := s.selected(); ok {
			return s, duplicateAssessment(s.sh, in.UUID, s.copyName(in.Name))
		}
	case key.Matches(msg, k.Delete):
		if in, ok := s.selected(); ok {
			s.deleting = &in
		}
	}
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
	if s.rename != nil {
		b.WriteString(s.rename.View(w, h-2))
		return b.String()
	}
	in := s.deleting
	if in == nil {
		b.WriteString(s.table(w, h-4))
		return b.String()
	}
	// The question is wrapped, never cut: "This cannot be undone" must
	// be read before y.
	question := wrap(fmt.Sprintf("Delete %q with all its answers and history? This cannot be undone.", truncate(oneLine(in.Name), 30)), w)
	lines := strings.Count(question, "\n") + 2
	b.WriteString(s.table(w, h-3-lines) + "\n\n" + st.Error.Render(question) + "\n" +
		st.Key.Render("y") + " delete  " + st.Key.Render("n") + " keep")
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
		wrap("A first pass takes about 60–90 minutes; n starts one.", w),
		"",
		st.Muted.Render(wrap("Just looking? Quit and run 'gapmap demo' to open an example assessment of a 25-person SaaS.", w)),
	}
	return strings.Join(lines, "\n")
}

func (s homeScreen) table(w, h int) string {
	st := s.sh.styles
	// A narrow terminal gets the date without the time, and below 72
	// columns no organization, so the name keeps room to be read.
	dateW, layout, dateTitle := 16, "2006-01-02 15:04", "LAST CHANGE"
	if w < 100 {
		dateW, layout, dateTitle = 10, "2006-01-02", "CHANGED"
	}
	// marker 2, the numbers (8, 8, 9), the date and the gaps of 2.
	gaps := 10
	if w < 72 {
		gaps = 8
	}
	rest := max(12, w-2-8-8-9-dateW-gaps)
	orgW := rest / 3
	if w < 72 {
		orgW = 0
	}
	nameW := rest - orgW
	row := func(name, org, prog, inPlace, auditable, when string) string {
		cols := padCells(name, nameW) + "  "
		if orgW > 0 {
			cols += padCells(org, orgW-2) + "  "
		}
		return cols + fmt.Sprintf("%8s  %8s  %9s  %-*s", prog, inPlace, auditable, dateW, when)
	}
	lines := []string{st.Muted.Render("  " + row("ASSESSMENT", "ORGANIZATION", "PROGRESS", "IN PLACE", "AUDITABLE", dateTitle))}
	visible := max(1, h-2)
	if s.cursor < s.offset {
		s.offset = s.cursor
	} else if s.cursor >= s.offset+visible {
		s.offset = s.cursor - visible + 1
	}
	for i := s.offset; i < len(s.infos) && i < s.offset+visible; i++ {
		in := s.infos[i]
		// Controls in place and auditable today, as in list; "—" where
		// nothing is scored yet, or auditable was not kept when last saved.
		inPlace, auditable := "—", "—"
		if in.Summary.Answered > 0 {
			inPlace = percent(in.Summary.Readiness)
			if in.AuditableKnown {
				auditable = percent(in.Summary.Auditable)
			}
		}
		line := row(oneLine(in.Name), oneLine(in.Organization), percent(in.Summary.Progress), inPlace, auditable, in.UpdatedAt.Local().Format(layout))
		if i == s.cursor {
			line = st.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, truncate(line, w))
	}
	if s.total > visible {
		lines = append(lines, st.Muted.Render(fmt.Sprintf("  %d of %d", s.cursor+1, s.total)))
	}
	return strings.Join(lines, "\n")
}

// padCells fits text to exactly w terminal cells: cut by grapheme with an
// ellipsis, or padded with spaces. (fmt's widths count runes, which put a
// Japanese name 7 cells to the right of its column.)
func padCells(text string, w int) string {
	text = truncate(text, w)
	return text + strings.Repeat(" ", max(0, w-ansi.StringWidth(text)))
}

// ShortHelp offers only what works: with no assessment, only a new one.
func (s homeScreen) ShortHelp() []key.Binding {
	k := s.sh.keys
	if s.deleting != nil {
		return []key.Binding{k.Confirm, k.Cancel}
	}
	if s.rename != nil {
		return s.rename.ShortHelp()
	}
	if len(s.infos) == 0 {
		return []key.Binding{k.New, k.Help, k.Quit}
	}
	return []key.Binding{k.Enter, k.New, k.Results, k.Rename, k.Duplicate, k.Delete, k.Help, k.Quit}
}

func (s homeScreen) FullHelp() [][]key.Binding {
	k := s.sh.keys
	if len(s.infos) == 0 {
		return [][]key.Binding{{k.New}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom},
		{k.Enter, k.Results, k.New, k.Rename, k.Duplicate, k.Delete},
	}
}
