// Command floor is the least a Bubble Tea v2 program can cost per key: it
// draws the list `gum choose` draws (a header, ten items, the cursor in
// gum's colours) and does nothing else, at gapmap's frame rate. bench-tty
// times it beside gapmap and gum, so that a ratio to gum can be read as the
// framework's share and gapmap's own.
//
//	floor [-fullscreen] ITEM...
//
// With -fullscreen the list is drawn in the alternate screen, padded to the
// whole window as gapmap's screens are.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// fps is gapmap's frame rate (internal/cli: Bubble Tea's highest).
const fps = 120

// height is how many items gum choose shows at once.
const height = 10

var (
	headerStyle = lipgloss.NewStyle().Foreground(lipgloss.Color("99"))
	cursorStyle = lipgloss.NewStyle().Foreground(lipgloss.Color("212"))
)

type model struct {
	items       []string
	cursor, top int
	width, rows int
	fullscreen  bool
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.rows = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+c", "q", "esc":
			return m, tea.Quit
		case "down", "j":
			m.cursor = min(m.cursor+1, len(m.items)-1)
		case "up", "k":
			m.cursor = max(m.cursor-1, 0)
		}
		if m.cursor < m.top {
			m.top = m.cursor
		} else if m.cursor >= m.top+height {
			m.top = m.cursor - height + 1
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	lines := []string{headerStyle.Render("Choose:")}
	for i := m.top; i < min(m.top+height, len(m.items)); i++ {
		if i == m.cursor {
			lines = append(lines, cursorStyle.Render("> ")+cursorStyle.Render(m.items[i]))
		} else {
			lines = append(lines, "  "+m.items[i])
		}
	}
	if m.fullscreen {
		for len(lines) < m.rows {
			lines = append(lines, "")
		}
		for i, l := range lines {
			lines[i] = l + strings.Repeat(" ", max(0, m.width-lipgloss.Width(l)))
		}
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = m.fullscreen
	return v
}

func main() {
	fullscreen := flag.Bool("fullscreen", false, "draw in the alternate screen, padded to the window")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: floor [-fullscreen] ITEM...")
		os.Exit(2)
	}
	m := model{items: flag.Args(), fullscreen: *fullscreen}
	if _, err := tea.NewProgram(m, tea.WithFPS(fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}
