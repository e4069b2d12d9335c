package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

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
		quits := "q quits."
		if !m.quitLosesNothing() {
			quits = "Keys wait until it is larger."
		}
		msg := fmt.Sprintf("Please enlarge the terminal.\n\ngapmap needs at least %d×%d;\nthis one is %d×%d.\n\n%s", minWidth, minHeight, w, h, quits)
		if w < 30 || h < 7 {
			msg = "Enlarge the terminal"
		}
		return clipLines(strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, st.Bold.Render(msg)), "\n"), w, h, 0)
	}
	cw, bodyH := m.sh.contentW, m.sh.bodyH
	var body string
	if m.showHelp {
		body = m.helpView(cw, bodyH)
	} else {
		body = m.current().View(cw, bodyH)
	}
	lines := fitLines(body, cw, bodyH)
	lines = append(lines, fitLines(m.statusLine(cw), cw, 1)...)
	lines = append(lines, fitLines(m.footer(cw), cw, 1)...)
	// The content is centred, with at least one cell of margin on each
	// side; every line is exactly w wide, and an overflowing screen is
	// cut, never wrapped by the terminal.
	left := strings.Repeat(" ", m.sh.margin)
	right := strings.Repeat(" ", max(0, w-m.sh.margin-cw))
	for i, l := range lines {
		lines[i] = left + l + right
	}
	return strings.Join(lines, "\n")
}

// tooSmall reports whether the terminal is known to be too small to show a
// screen. Its size is 0×0 until Bubble Tea reports it, and keys typed
// ahead of that are still taken as before.
func (m Model) tooSmall() bool {
	w, h := m.sh.width, m.sh.height
	return (w > 0 || h > 0) && (w < minWidth || h < minHeight)
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

// footer shows the current screen's most useful keys. When they do not all
// fit, the last ones the screen lists (? keys, q quit) stay and those
// before them give way.
func (m Model) footer(w int) string {
	if m.showHelp {
		return m.sh.styles.Muted.Render("any key closes this help")
	}
	var parts []string
	for _, b := range m.current().ShortHelp() {
		if !b.Enabled() {
			continue // huh disables the keys a field does not take now
		}
		h := b.Help()
		parts = append(parts, m.sh.styles.Key.Render(h.Key)+" "+m.sh.styles.Muted.Render(h.Desc))
	}
	return fitParts(parts, "  ", w)
}
