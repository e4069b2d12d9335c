package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// listKind names one of the scope's repeatable lists.
type listKind int

const (
	listComponents listKind = iota
	listSubservices
	listTeams
	listCUECs
)

// listSections are the repeatable lists of the system description, in the
// order the screen shows them.
var listSections = []struct {
	kind  listKind
	title string
	noun  string
	about string
}{
	{listComponents, "In-scope components", "component",
		"The infrastructure, software, people, procedures and data of the system; the auditor tests controls over each."},
	{listSubservices, "Subservice organizations", "subservice organization",
		"Vendors that run part of the service, such as your cloud provider; you monitor them through their SOC 2 report."},
	{listTeams, "Teams with privileged access", "team",
		"Who can change production or reach customer data; auditors sample their access first."},
	{listCUECs, "Customer responsibilities (CUECs)", "customer responsibility",
		"What customers must do for your controls to work, such as managing their own users; the report lists them."},
}

// listRow is one selectable row: an item, a section's "add" row (index -1),
// or the row that continues to the next step.
type listRow struct {
	kind  listKind
	index int
	cont  bool
}

// listsScreen edits the scope's repeatable lists one item at a time, each
// through a small embedded Huh form. It edits a copy of the draft and hands
// it on like the setup forms do.
type listsScreen struct {
	sh        *shared
	a         assessment.Assessment
	cursor    int
	edit      *listEdit
	submitted bool
}

// listEdit is the open form that adds (index -1) or changes one item.
type listEdit struct {
	kind  listKind
	index int
	form  embeddedForm
	apply func(*assessment.Scope)
}

// listsDoneMsg carries the draft on to the criteria step; listsBackMsg
// back to the scope form.
type (
	listsDoneMsg struct{ a *assessment.Assessment }
	listsBackMsg struct{ a *assessment.Assessment }
)

func newListsScreen(sh *shared, a *assessment.Assessment) listsScreen {
	s := listsScreen{sh: sh, a: *a}
	// The lists are edited in place: never in the caller's arrays.
	sc := &s.a.Scope
	sc.Components = slices.Clone(sc.Components)
	sc.Subservices = slices.Clone(sc.Subservices)
	sc.PrivilegedTeams = slices.Clone(sc.PrivilegedTeams)
	sc.CUECs = slices.Clone(sc.CUECs)
	return s
}

func (s listsScreen) count(k listKind) int {
	sc := s.a.Scope
	switch k {
	case listComponents:
		return len(sc.Components)
	case listSubservices:
		return len(sc.Subservices)
	case listTeams:
		return len(sc.PrivilegedTeams)
	case listCUECs:
		return len(sc.CUECs)
	}
	return 0
}

func (s listsScreen) rows() []listRow {
	var rows []listRow
	for _, sec := range listSections {
		for i := range s.count(sec.kind) {
			rows = append(rows, listRow{kind: sec.kind, index: i})
		}
		rows = append(rows, listRow{kind: sec.kind, index: -1})
	}
	return append(rows, listRow{cont: true})
}

func (s listsScreen) current() listRow {
	rows := s.rows()
	return rows[min(s.cursor, len(rows)-1)]
}

// capturesInput reports whether a form has the keyboard.
func (s listsScreen) capturesInput() bool { return s.edit != nil }

func (s listsScreen) Update(msg tea.Msg) (listsScreen, tea.Cmd) {
	if s.submitted {
		return s, nil
	}
	if s.edit != nil {
		return s.updateEdit(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	keys := s.sh.keys
	rows := s.rows()
	row := s.current()
	switch {
	case key.Matches(k, keys.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(k, keys.Down):
		s.cursor = min(len(rows)-1, s.cursor+1)
	case key.Matches(k, keys.Top):
		s.cursor = 0
	case key.Matches(k, keys.Bottom):
		s.cursor = len(rows) - 1
	case key.Matches(k, keys.ListNext):
		s.cursor = s.sectionStart(row, +1)
	case key.Matches(k, keys.ListPrev):
		s.cursor = s.sectionStart(row, -1)
	case key.Matches(k, keys.Enter):
		if row.cont {
			return s.submit()
		}
		return s.open(row.kind, row.index)
	case key.Matches(k, keys.ListRemove):
		if row.cont || row.index < 0 {
			return s, nil
		}
		name := s.label(row.kind, row.index)
		s.remove(row.kind, row.index)
		return s, status(fmt.Sprintf("Removed %q (not saved until you finish the setup)", truncate(name, 40)), false)
	case key.Matches(k, keys.Back):
		a := ptr(s.a)
		s.submitted = true
		return s, func() tea.Msg { return listsBackMsg{a: a} }
	case key.Matches(k, keys.ListContinue):
		return s.submit()
	}
	return s, nil
}

func (s listsScreen) submit() (listsScreen, tea.Cmd) {
	a := ptr(s.a)
	s.submitted = true
	return s, func() tea.Msg { return listsDoneMsg{a: a} }
}

// sectionStart returns the row index of the first row of the section after
// (dir +1) or before (dir -1) the one holding row; past the last section
// is the continue row.
func (s listsScreen) sectionStart(row listRow, dir int) int {
	rows := s.rows()
	target := int(row.kind) + dir
	if row.cont {
		target = len(listSections) - 1
		if dir > 0 {
			return len(rows) - 1
		}
	}
	if target < 0 {
		return 0
	}
	if target >= len(listSections) {
		return len(rows) - 1
	}
	for i, r := range rows {
		if !r.cont && int(r.kind) == target {
			return i
		}
	}
	return 0
}

func (s listsScreen) updateEdit(msg tea.Msg) (listsScreen, tea.Cmd) {
	form, cmd, outcome := s.edit.form.Update(msg)
	switch outcome {
	case formCancelled:
		s.edit = nil
		return s, nil
	case formDone:
		e := s.edit
		e.apply(&s.a.Scope)
		s.edit = nil
		// Land on the item just added or changed.
		index := e.index
		if index < 0 {
			index = s.count(e.kind) - 1
		}
		for i, r := range s.rows() {
			if !r.cont && r.kind == e.kind && r.index == index {
				s.cursor = i
			}
		}
		return s, nil
	}
	edit := *s.edit
	edit.form = form
	s.edit = &edit
	return s, cmd
}

func (s *listsScreen) remove(k listKind, i int) {
	sc := &s.a.Scope
	switch k {
	case listComponents:
		sc.Components = slices.Delete(sc.Components, i, i+1)
	case listSubservices:
		sc.Subservices = slices.Delete(sc.Subservices, i, i+1)
	case listTeams:
		sc.PrivilegedTeams = slices.Delete(sc.PrivilegedTeams, i, i+1)
	case listCUECs:
		sc.CUECs = slices.Delete(sc.CUECs, i, i+1)
	}
	s.cursor = min(s.cursor, len(s.rows())-1)
}

// label is an item's name as the list shows it.
func (s listsScreen) label(k listKind, i int) string {
	sc := s.a.Scope
	switch k {
	case listComponents:
		return sc.Components[i].Name
	case listSubservices:
		return sc.Subservices[i].Name
	case listTeams:
		return sc.PrivilegedTeams[i]
	case listCUECs:
		return sc.CUECs[i]
	}
	return ""
}

// detail is what the list shows after an item's name.
func (s listsScreen) detail(k listKind, i int) string {
	sc := s.a.Scope
	switch k {
	case listComponents:
		c := sc.Components[i]
		if c.CustomerData {
			return string(c.Kind) + " · customer data"
		}
		return string(c.Kind)
	case listSubservices:
		v := sc.Subservices[i]
		parts := []string{}
		if v.Service != "" {
			parts = append(parts, v.Service)
		}
		if v.Method != "" {
			parts = append(parts, string(v.Method))
		}
		if v.HasReport {
			parts = append(parts, "SOC 2 report")
		} else {
			parts = append(parts, "no SOC 2 report")
		}
		return strings.Join(parts, " · ")
	}
	return ""
}

func (s listsScreen) View(w, h int) string {
	st := s.sh.styles
	title := "Components, vendors and responsibilities"
	if s.edit != nil {
		return header(st, title, oneLine(s.a.Name), w) + "\n\n" + s.edit.form.View(w, h-2)
	}
	top := []string{
		header(st, title, oneLine(s.a.Name), w),
		st.Muted.Render(truncate("Optional, but the system description an auditor reads starts here.", w)),
		"",
	}
	var lines []string
	cursorLine := 0
	// In each list, names get the room they need, up to three fifths of
	// the width.
	nameW := map[listKind]int{}
	for _, row := range s.rows() {
		if !row.cont && row.index >= 0 {
			nameW[row.kind] = min(w*3/5, max(nameW[row.kind], lipgloss.Width(oneLine(s.label(row.kind, row.index)))))
		}
	}
	for i, row := range s.rows() {
		switch {
		case row.cont:
			lines = append(lines, "")
		case row.index == 0 || row.index == -1 && s.count(row.kind) == 0:
			// A section starts: its title, after a blank line.
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, st.Subtitle.Render(listSections[row.kind].title))
		}
		var text string
		switch {
		case row.cont:
			text = "Continue to criteria →"
		case row.index < 0:
			text = "+ Add a " + listSections[row.kind].noun
		default:
			text = oneLine(s.label(row.kind, row.index))
			if detail := s.detail(row.kind, row.index); detail != "" {
				name := truncate(text, nameW[row.kind])
				text = name + strings.Repeat(" ", max(0, nameW[row.kind]-lipgloss.Width(name))) + "  " + oneLine(detail)
			}
		}
		if i == s.cursor {
			cursorLine = len(lines)
			lines = append(lines, st.Selected.Render(truncate("› "+text, w)))
			continue
		}
		if row.index < 0 || row.cont {
			text = st.Muted.Render(text)
		}
		lines = append(lines, truncate("  "+text, w))
	}
	// What the list under the cursor is for, below the lists.
	about := "Next: which Trust Services Categories are in scope, and the report you are aiming for."
	if row := s.current(); !row.cont {
		about = listSections[row.kind].about
	}
	about = st.Muted.Render(wrap(about, w))
	listH := h - len(top) - 1 - (strings.Count(about, "\n") + 1)
	return strings.Join(top, "\n") + "\n" + clipLines(lines, w, listH, cursorLine) + "\n\n" + about
}

func (s listsScreen) ShortHelp() []key.Binding {
	if s.edit != nil {
		return s.edit.form.ShortHelp()
	}
	k := s.sh.keys
	return []key.Binding{k.ListAdd, k.ListRemove, k.ListNext, k.ListContinue, k.Back, k.Help, k.Quit}
}

func (s listsScreen) FullHelp() [][]key.Binding {
	if s.edit != nil {
		return [][]key.Binding{s.edit.form.ShortHelp()}
	}
	k := s.sh.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.ListNext, k.ListPrev},
		{k.ListAdd, k.ListRemove, k.ListContinue, k.Back},
	}
}

func (s listsScreen) unsaved() string { return "the scope and criteria you entered" }
func (s listsScreen) handedOn() bool  { return s.submitted }
