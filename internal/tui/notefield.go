package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// noteField is a huh field for a multi-line note, in place of huh's Text,
// whose textarea re-wraps and re-styles the whole note on every key. It
// draws only the rows on screen, and draws them once per change: huh asks
// a group's fields for their view several times per message.
type noteField struct {
	key         string
	title       string
	description string
	value       *string
	validate    func(string) error
	err         error

	ed      *noteEditor
	lines   int // rows asked for
	width   int
	focused bool
	keys    huh.TextKeyMap
	edit    noteEditKeys

	theme  huh.Theme
	isDark bool
	styles *huh.Styles // of theme and isDark, built once: huh's are built per call

	view    string
	drawn   bool // view is up to date
	editing bool // the external editor is open
}

func newNoteField(key, title string, value *string, limit int) *noteField {
	f := &noteField{
		key: key, title: title, value: value, lines: 3, width: 80,
		validate: func(string) error { return nil },
		edit:     newNoteEditKeys(),
	}
	f.ed = newNoteEditor(*value, limit, f.width, f.lines)
	*value = f.ed.text
	return f
}

// Validate sets what must hold of the note to leave it.
func (f *noteField) Validate(v func(string) error) *noteField {
	f.validate = v
	return f
}

// Description sets a line under the title.
func (f *noteField) Description(d string) *noteField {
	f.description = d
	return f
}

func (f *noteField) changed() { f.drawn = false }

// set stores the editor's text where the form reads it.
func (f *noteField) set() {
	*f.value = f.ed.text
	f.changed()
}

func (f *noteField) Init() tea.Cmd { return nil }

func (f *noteField) Focus() tea.Cmd {
	f.focused = true
	f.changed()
	return nil
}

func (f *noteField) Blur() tea.Cmd {
	f.focused = false
	f.err = f.validate(f.ed.text)
	f.changed()
	return nil
}

func (f *noteField) Error() error { return f.err }
func (*noteField) Skip() bool     { return false }
func (*noteField) Zoom() bool     { return false }

func (f *noteField) KeyBinds() []key.Binding {
	return []key.Binding{f.keys.NewLine, f.keys.Editor, f.keys.Prev, f.keys.Submit, f.keys.Next}
}

// externalNoteMsg is the note as the external editor left it, or why it
// did not: an editor that could not start or exited with an error (vim's
// :cq) leaves the note as it was.
type externalNoteMsg struct {
	field *noteField
	text  []byte
	err   error
}

func (f *noteField) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		if f.isDark != msg.IsDark() {
			f.isDark, f.styles = msg.IsDark(), nil
			f.changed()
		}
	case externalNoteMsg:
		if msg.field == f {
			f.editing = false
			if msg.err != nil {
				f.err = msg.err
				break
			}
			f.ed.setText(string(msg.text))
			f.limitText()
			f.set()
		}
	case tea.PasteMsg:
		if f.focused {
			f.err = nil
			f.insert(msg.Content)
		}
	case tea.KeyPressMsg:
		if f.focused {
			return f, f.handleKey(msg)
		}
	}
	return f, nil
}

func (f *noteField) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	f.err = nil
	f.changed()
	switch {
	case key.Matches(msg, f.keys.Editor):
		return f.openEditor()
	case key.Matches(msg, f.keys.Next, f.keys.Submit):
		if f.err = f.validate(f.ed.text); f.err != nil {
			return nil
		}
		return huh.NextField
	case key.Matches(msg, f.keys.Prev):
		if f.err = f.validate(f.ed.text); f.err != nil {
			return nil
		}
		return huh.PrevField
	case key.Matches(msg, f.keys.NewLine):
		f.insert("\n")
	default:
		if !f.edit.apply(f.ed, msg) && msg.Text != "" && msg.Mod&^(tea.ModShift|tea.ModCapsLock|tea.ModNumLock) == 0 {
			f.insert(msg.Text)
		}
		f.set()
	}
	return nil
}

// insert types s, and says so when the note's limit cut it.
func (f *noteField) insert(s string) {
	before := f.ed.runes
	f.ed.insert(s)
	if f.ed.limit > 0 && f.ed.runes-before < len([]rune(sanitizeNote(s))) {
		f.err = fmt.Errorf("a note holds at most %d characters", f.ed.limit)
	}
	f.set()
}

// limitText cuts a note the external editor made too long.
func (f *noteField) limitText() {
	if f.ed.limit == 0 || f.ed.runes <= f.ed.limit {
		return
	}
	text := []rune(f.ed.text)[:f.ed.limit]
	f.ed.setText(string(text))
	f.err = fmt.Errorf("a note holds at most %d characters; the rest was cut", f.ed.limit)
}

// openEditor edits the note in $EDITOR, as huh's Text does.
func (f *noteField) openEditor() tea.Cmd {
	if f.editing {
		return nil
	}
	name, args := externalEditor()
	tmp, err := os.CreateTemp("", "*.md")
	if err != nil {
		f.err = fmt.Errorf("cannot open an editor: %w", err)
		return nil
	}
	_, werr := tmp.WriteString(f.ed.text)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		_ = os.Remove(tmp.Name())
		f.err = fmt.Errorf("cannot open an editor: %w", errors.Join(werr, cerr))
		return nil
	}
	f.editing = true
	cmd := exec.CommandContext(context.Background(), name, append(args, tmp.Name())...) //nolint:gosec // the user's own editor
	return tea.ExecProcess(cmd, f.editorDone(name, tmp.Name()))
}

// editorDone reads what the editor named name left in the file at path,
// once it has exited with err, and removes the file.
func (f *noteField) editorDone(name, path string) func(error) tea.Msg {
	return func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return externalNoteMsg{field: f, err: editorError(name, err)}
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return externalNoteMsg{field: f, err: fmt.Errorf("cannot read what the editor wrote: %w; the note is unchanged", err)}
		}
		return externalNoteMsg{field: f, text: []byte(strings.TrimSuffix(string(content), "\n"))}
	}
}

// editorError says why the editor left the note unchanged.
func editorError(name string, err error) error {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return fmt.Errorf("the editor %s exited with %s; the note is unchanged", name, exit.ProcessState)
	}
	return fmt.Errorf("cannot run the editor %s (%w); set EDITOR to one that is installed; the note is unchanged", name, err)
}

func externalEditor() (string, []string) {
	if e := strings.Fields(os.Getenv("EDITOR")); len(e) > 0 {
		return e[0], e[1:]
	}
	return "nano", nil
}

func (f *noteField) fieldStyles() *huh.FieldStyles {
	if f.styles == nil {
		theme := f.theme
		if theme == nil {
			theme = huh.ThemeFunc(huh.ThemeCharm)
		}
		f.styles = theme.Theme(f.isDark)
	}
	if f.focused {
		return &f.styles.Focused
	}
	return &f.styles.Blurred
}

// View draws the title and the rows on screen, each padded to the width.
func (f *noteField) View() string {
	if f.drawn {
		return f.view
	}
	st := f.fieldStyles()
	room := f.width - st.Base.GetHorizontalFrameSize()
	var b strings.Builder
	if f.title != "" {
		b.WriteString(st.Title.Render(lipgloss.Wrap(f.title, room, ",.-; ")))
		if f.err != nil {
			b.WriteString(st.ErrorIndicator.String())
		}
		b.WriteByte('\n')
	}
	if f.description != "" {
		b.WriteString(st.Description.Render(lipgloss.Wrap(f.description, room, ",.-; ")))
		b.WriteByte('\n')
	}
	f.drawRows(&b, st)
	f.view, f.drawn = st.Base.Render(b.String()), true
	return f.view
}

func (f *noteField) drawRows(b *strings.Builder, st *huh.FieldStyles) {
	e := f.ed
	text := st.TextInput.Text
	cursor := st.TextInput.Cursor.Reverse(true)
	curRow := e.rowOf(e.cur)
	for i := range e.height {
		if i > 0 {
			b.WriteByte('\n')
		}
		r := e.top + i
		if !e.haveRow(r) {
			b.WriteString(text.Render(strings.Repeat(" ", e.width)))
			continue
		}
		row := e.rowText(r)
		pad := e.width - lipgloss.Width(row)
		if r != curRow || !f.focused {
			b.WriteString(text.Render(row + strings.Repeat(" ", max(pad, 0))))
			continue
		}
		at := e.cur - e.rows[r]
		under, rest := " ", row[at:]
		if rest != "" {
			c, _ := ansi.FirstGraphemeCluster(rest, ansi.GraphemeWidth)
			under, rest = c, rest[len(c):]
		} else {
			pad-- // the cursor stands after the row
		}
		b.WriteString(text.Render(row[:at]))
		b.WriteString(cursor.Render(under))
		b.WriteString(text.Render(rest + strings.Repeat(" ", max(pad, 0))))
	}
}

func (f *noteField) Run() error { return huh.Run(f) }

// RunAccessible asks for the note as a line prompt, as huh's Text does.
func (f *noteField) RunAccessible(w io.Writer, r io.Reader) error {
	v := f.ed.text
	t := huh.NewText().Title(f.title).Value(&v).Validate(f.validate)
	if f.ed.limit > 0 {
		t = t.CharLimit(f.ed.limit)
	}
	if err := t.RunAccessible(w, r); err != nil {
		return err
	}
	f.ed.setText(v)
	f.set()
	return nil
}

func (f *noteField) WithTheme(t huh.Theme) huh.Field {
	if f.theme == nil {
		f.theme, f.styles = t, nil
		f.changed()
	}
	return f
}

func (f *noteField) WithKeyMap(k *huh.KeyMap) huh.Field {
	f.keys = k.Text
	f.changed()
	return f
}

func (f *noteField) WithWidth(width int) huh.Field {
	f.width = width
	f.ed.setSize(width-f.fieldStyles().Base.GetHorizontalFrameSize(), f.ed.height)
	f.changed()
	return f
}

func (f *noteField) WithHeight(height int) huh.Field {
	rows := height - f.fieldStyles().Base.GetVerticalFrameSize()
	// huh only ever shrinks a field to fit its group.
	if f.title != "" {
		rows--
	}
	if f.description != "" {
		rows--
	}
	f.ed.setSize(f.ed.width, rows)
	f.changed()
	return f
}

func (f *noteField) WithPosition(p huh.FieldPosition) huh.Field {
	f.keys.Prev.SetEnabled(!p.IsFirst())
	f.keys.Next.SetEnabled(!p.IsLast())
	f.keys.Submit.SetEnabled(p.IsLast())
	f.changed()
	return f
}

func (f *noteField) GetKey() string { return f.key }
func (f *noteField) GetValue() any  { return f.ed.text }

// apply moves or edits for a key and reports whether the key was one of
// these.
func (k noteEditKeys) apply(e *noteEditor, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, k.Left):
		e.moveTo(e.prev(e.cur))
	case key.Matches(msg, k.Right):
		e.moveTo(e.next(e.cur))
	case key.Matches(msg, k.WordLeft):
		e.moveTo(e.wordStart(e.cur))
	case key.Matches(msg, k.WordRight):
		e.moveTo(e.wordEnd(e.cur))
	case key.Matches(msg, k.Up):
		e.moveRows(-1)
	case key.Matches(msg, k.Down):
		e.moveRows(1)
	case key.Matches(msg, k.PageUp):
		e.moveRows(-e.height)
	case key.Matches(msg, k.PageDown):
		e.moveRows(e.height)
	case key.Matches(msg, k.RowStart):
		e.moveTo(e.rows[e.rowOf(e.cur)])
	case key.Matches(msg, k.RowEnd):
		e.moveTo(e.lastPos(e.rowOf(e.cur)))
	case key.Matches(msg, k.TextStart):
		e.moveTo(0)
	case key.Matches(msg, k.TextEnd):
		e.moveTo(len(e.text))
	case key.Matches(msg, k.Backspace):
		e.deleteTo(e.prev(e.cur))
	case key.Matches(msg, k.Delete):
		e.deleteTo(e.next(e.cur))
	case key.Matches(msg, k.DeleteWordBackward):
		e.deleteTo(e.wordStart(e.cur))
	case key.Matches(msg, k.DeleteWordForward):
		e.deleteTo(e.wordEnd(e.cur))
	case key.Matches(msg, k.DeleteToLineEnd):
		e.deleteTo(e.lineEnd(e.cur))
	case key.Matches(msg, k.DeleteToLineStart):
		e.deleteTo(e.lineStart(e.cur))
	default:
		return false
	}
	return true
}
