package tui

import (
	"bytes"
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/mdterm"
	"github.com/gapmap/gapmap/internal/report"
)

// preview shows the Markdown an export would write, rendered for the
// terminal by mdterm, in a scrollable view. Rendering runs as a command; its result is kept per
// width and style, so a resize back to a known width costs nothing.
type preview struct {
	sh     *shared
	format report.Format
	vp     viewport.Model
	// key is the rendering shown or awaited; err is why it failed.
	key previewKey
	err error
	// cache is shared by every copy of the screen, and written only in
	// Update.
	cache map[previewKey]string
}

// previewKey names one rendering of the preview.
type previewKey struct {
	format string
	width  int
	style  string
}

// previewRenderedMsg is a rendering of the preview, done off the Update loop.
type previewRenderedMsg struct {
	key  previewKey
	text string
	err  error
}

// previewFormat is what the preview shows for an export format: the format
// itself when it is Markdown, else the Markdown report.
func previewFormat(name string) report.Format {
	if f, err := report.FormatNamed(name); err == nil && f.Ext == "md" {
		return f
	}
	return report.Formats[0]
}

func newPreview(sh *shared, format string) preview {
	vp := viewport.New()
	vp.KeyMap.Up, vp.KeyMap.Down = sh.keys.Up, sh.keys.Down
	vp.KeyMap.PageUp, vp.KeyMap.PageDown = sh.keys.PageUp, sh.keys.PageDown
	// Wrapped to the width, the text never needs scrolling sideways.
	vp.KeyMap.Left, vp.KeyMap.Right = key.Binding{}, key.Binding{}
	return preview{sh: sh, format: previewFormat(format), vp: vp, cache: map[previewKey]string{}}
}

// previewStyle names the look of the rendering: plain without colour
// (NO_COLOR, or a terminal that shows none), else dark or light as its
// background.
func previewStyle(st Styles, asciiOnly bool) string {
	switch {
	case st.noColor, asciiOnly:
		return "plain"
	case st.isDark:
		return "dark"
	default:
		return "light"
	}
}

// markdownStyles are the program's styles for each Markdown construct. The
// plain style has no escape sequence and draws with ASCII only.
func markdownStyles(st Styles, style string) mdterm.Styles {
	if style == "plain" {
		return mdterm.Styles{ASCII: true}
	}
	return mdterm.Styles{
		H1:          st.Title.Reverse(true),
		H2:          st.Title,
		H3:          st.Subtitle,
		Strong:      st.Bold,
		Emph:        st.Text.Italic(true),
		Code:        st.Accent,
		Link:        st.Key.Bold(false).Underline(true),
		TableHeader: st.Bold,
		Border:      st.Muted,
		Bullet:      st.Accent,
	}
}

// layout sizes the view to the screen and asks for the rendering that fits
// it, from the cache or from a command.
func (p preview) layout(in report.Input) (preview, tea.Cmd) {
	w, h := p.sh.contentW, max(1, p.sh.bodyH-2)
	p.vp.SetWidth(w)
	p.vp.SetHeight(h)
	k := previewKey{format: p.format.Name, width: w, style: previewStyle(p.sh.styles, p.sh.asciiOnly)}
	if k == p.key && p.err == nil {
		return p, nil
	}
	p.key, p.err = k, nil
	if text, ok := p.cache[k]; ok {
		p.vp.SetContent(text)
		return p, nil
	}
	p.vp.SetContent("")
	return p, renderPreview(k, p.format, in, markdownStyles(p.sh.styles, k.style))
}

// renderPreview writes the report as Markdown and renders it for the
// terminal.
func renderPreview(k previewKey, f report.Format, in report.Input, st mdterm.Styles) tea.Cmd {
	return func() tea.Msg {
		var buf bytes.Buffer
		if err := f.Write(&buf, in); err != nil {
			return previewRenderedMsg{key: k, err: err}
		}
		return previewRenderedMsg{key: k, text: mdterm.Render(buf.String(), k.width, st)}
	}
}

// rendered keeps a rendering, and shows it if it is the one awaited.
func (p preview) rendered(m previewRenderedMsg) preview {
	if m.err == nil {
		p.cache[m.key] = m.text
	}
	if m.key != p.key {
		return p
	}
	p.err = m.err
	if m.err == nil {
		p.vp.SetContent(m.text)
	}
	return p
}

// Update scrolls; esc is the screen's to handle.
func (p preview) Update(msg tea.KeyPressMsg) preview {
	switch {
	case key.Matches(msg, p.sh.keys.Top):
		p.vp.GotoTop()
	case key.Matches(msg, p.sh.keys.Bottom):
		p.vp.GotoBottom()
	default:
		p.vp, _ = p.vp.Update(msg)
	}
	return p
}

// ShortHelp fits 80 columns with the way back; ? shows the rest.
func (p preview) ShortHelp() []key.Binding {
	k := p.sh.keys
	return []key.Binding{k.Down, k.Up, k.PageDown, k.PreviewBack, k.Help, k.Quit}
}

func (p preview) FullHelp() [][]key.Binding {
	k := p.sh.keys
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.PreviewBack},
	}
}

func (p preview) View(w int) string {
	st := p.sh.styles
	title := st.Title.Render("Preview · " + p.format.Title + " as exported")
	if p.vp.TotalLineCount() > p.vp.Height() {
		title += st.Muted.Render(fmt.Sprintf("  %3.0f%%", p.vp.ScrollPercent()*100))
	}
	switch {
	case p.err != nil:
		return title + "\n\n" + st.Error.Render(wrap("Preview failed: "+errText(p.err), w))
	case p.vp.GetContent() == "":
		return title + "\n\n" + st.Muted.Render("Rendering…")
	}
	return title + "\n\n" + p.vp.View()
}

// canPreview is true when p opens the preview rather than being typed:
// while the format is being chosen, as its list takes no letters unless
// it is being filtered (then its / key is off).
func (s exportScreen) canPreview() bool {
	if s.step != exportChoose {
		return false
	}
	f := s.form.form.GetFocusedField()
	if f == nil || f.GetKey() != "format" {
		return false
	}
	for _, b := range f.KeyBinds() {
		if b.Help().Key == "/" {
			return b.Enabled()
		}
	}
	return true
}

// openPreview shows the Markdown of the format being chosen.
func (s exportScreen) openPreview() (exportScreen, tea.Cmd) {
	// The form records a field's value when the group is done; until then
	// the focused list holds it.
	format, _ := s.form.form.GetFocusedField().GetValue().(string)
	if s.preview.sh == nil || s.preview.format.Name != previewFormat(format).Name {
		cache := s.preview.cache
		s.preview = newPreview(s.sh, format)
		if cache != nil {
			s.preview.cache = cache
		}
	}
	s.step = exportPreview
	var cmd tea.Cmd
	s.preview, cmd = s.preview.layout(s.reportInput())
	return s, cmd
}

// updatePreview scrolls the preview, follows the terminal's size,
// background and colours, and returns to the form as it was left.
func (s exportScreen) updatePreview(msg tea.Msg) (exportScreen, tea.Cmd) {
	var cmd tea.Cmd
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(m, s.sh.keys.PreviewBack) {
			s.step = exportChoose
			return s, nil
		}
		s.preview = s.preview.Update(m)
	case tea.WindowSizeMsg, tea.BackgroundColorMsg, tea.ColorProfileMsg:
		s.preview, cmd = s.preview.layout(s.reportInput())
	}
	return s, cmd
}

// reportInput is the open assessment as the export would write it.
func (s exportScreen) reportInput() report.Input {
	return report.NewInput(s.sess.qn, s.sess.a, s.sh.now())
}
