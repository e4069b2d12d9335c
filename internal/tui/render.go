package tui

import (
	"charm.land/bubbles/v2/key"
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/gapmap/gapmap/internal/sanitize"
)

// oneLine makes user-entered text safe for one line of the screen.
func oneLine(s string) string { return sanitize.Line(s) }

// truncate cuts s to w cells, with an ellipsis when cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// wrap word-wraps text to w cells, breaking words longer than a line.
// (ansi.Wordwrap can overrun the limit by one cell at a hyphen.)
func wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	// ansi.Wrap always breaks after a hyphen, which splits dates ("2028-" /
	// "03-31") and words like "6-month". A non-breaking hyphen, as wide,
	// stands in while wrapping.
	s = strings.ReplaceAll(s, "-", nbHyphen)
	return strings.ReplaceAll(ansi.Wrap(s, w, ""), nbHyphen, "-")
}

// nbHyphen is U+2011 NON-BREAKING HYPHEN.
const nbHyphen = "\u2011"

// bar draws a progress bar of width w for a share between 0 and 1.
func bar(st Styles, share float64, w int) string {
	if w < 1 {
		return ""
	}
	share = max(0, min(1, share))
	full := int(share*float64(w) + 0.5)
	return st.BarFull.Render(strings.Repeat("█", full)) + st.BarEmpty.Render(strings.Repeat("░", w-full))
}

// percent formats a share as a whole percentage.
func percent(share float64) string { return fmt.Sprintf("%d%%", int(share*100+0.5)) }

// fitParts joins parts with sep in w cells. When they do not all fit, the
// last two stay (the screens end with ? keys and q quit) and as many of
// the others as fit, in order.
func fitParts(parts []string, sep string, w int) string {
	if lipgloss.Width(strings.Join(parts, sep)) <= w {
		return strings.Join(parts, sep)
	}
	keep := max(0, len(parts)-2)
	tail := strings.Join(parts[keep:], sep)
	out := ""
	for _, p := range parts[:keep] {
		next := p
		if out != "" {
			next = out + sep + p
		}
		if lipgloss.Width(next+sep+tail) > w {
			break
		}
		out = next
	}
	if out == "" {
		return truncate(tail, w)
	}
	return out + sep + tail
}

// helpView renders every key of the current screen in columns, each as
// narrow as its keys allow; any key closes it (the footer says so).
func (m Model) helpView(w, h int) string {
	st := m.sh.styles
	k := m.sh.keys
	groups := append(m.current().FullHelp(), []key.Binding{k.Help, k.Quit, k.ForceQuit, k.Suspend})
	var cols []string
	for _, group := range groups {
		keyW := 0
		for _, b := range group {
			if b.Enabled() {
				keyW = max(keyW, lipgloss.Width(b.Help().Key))
			}
		}
		var lines []string
		for _, b := range group {
			hb := b.Help()
			if hb.Key == "" || !b.Enabled() {
				continue
			}
			lines = append(lines, st.Key.Render(hb.Key)+strings.Repeat(" ", keyW-lipgloss.Width(hb.Key)+1)+hb.Desc)
		}
		cols = append(cols, strings.Join(lines, "\n"))
	}
	styled := make([]string, len(cols))
	for i, c := range cols {
		styled[i] = lipgloss.NewStyle().MarginRight(3).Render(c)
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, styled...)
	if lipgloss.Width(body) > w {
		// As many columns per row as fit, then the rest below.
		var rows []string
		for i := 0; i < len(styled); {
			j := i + 1
			for j < len(styled) && lipgloss.Width(lipgloss.JoinHorizontal(lipgloss.Top, styled[i:j+1]...)) <= w {
				j++
			}
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, styled[i:j]...))
			i = j
		}
		body = strings.Join(rows, "\n")
	}
	return st.Title.Render("Keys") + "\n\n" + body
}

// header renders a screen title with a right-aligned note.
func header(st Styles, title, note string, w int) string {
	left := st.Title.Render(title)
	right := st.Muted.Render(note)
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return truncate(left, w)
	}
	return left + strings.Repeat(" ", gap) + right
}

// clipLines shows at most h of lines, cut to w cells, scrolled so that line
// cursor is visible.
func clipLines(lines []string, w, h, cursor int) string {
	if h < 1 {
		return ""
	}
	start := 0
	if cursor >= h {
		start = cursor - h + 1
	}
	end := min(len(lines), start+h)
	out := make([]string, 0, end-start)
	for _, l := range lines[start:end] {
		out = append(out, truncate(l, w))
	}
	return strings.Join(out, "\n")
}

// fitLines makes text exactly h lines of exactly w cells: longer lines are
// truncated, shorter ones padded, missing lines added, extra ones dropped.
func fitLines(text string, w, h int) []string {
	src := strings.Split(text, "\n")
	out := make([]string, h)
	for i := range out {
		if i >= len(src) {
			out[i] = strings.Repeat(" ", w)
			continue
		}
		l := src[i]
		lw := ansi.StringWidth(l)
		if lw > w {
			tail := "…"
			if ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " ")) <= w {
				tail = "" // only padding is cut
			}
			l = ansi.Truncate(l, w, tail)
			lw = ansi.StringWidth(l)
		}
		out[i] = l + strings.Repeat(" ", max(0, w-lw))
	}
	return out
}
