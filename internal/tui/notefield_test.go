package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/gapmap/gapmap/internal/assessment"
)

// noteForm is a details form alone, sized and focused on its note.
func noteForm(t *testing.T, note string, forNA bool, noColor bool) (embeddedForm, detailsValues) {
	t.Helper()
	sh := &shared{styles: NewStyles(true, noColor), keys: newKeyMap(), contentW: 60}
	f, d := newDetailsForm(sh, assessment.Answer{Note: note}, forNA)
	f.Init()
	f.View(60, 20)
	return f, d
}

func sendForm(t *testing.T, f embeddedForm, msgs ...tea.Msg) (embeddedForm, formOutcome) {
	t.Helper()
	var out formOutcome
	for _, msg := range msgs {
		f, _, out = f.Update(msg)
	}
	return f, out
}

func focusedKey(f embeddedForm) string { return f.form.GetFocusedField().GetKey() }

// The note shows three rows of a long note, around the cursor, and what
// is typed reaches the value the form saves.
func TestNoteFieldShowsOnlyTheRowsOnScreen(t *testing.T) {
	f, d := noteForm(t, noteOf(assessment.MaxNoteLength-100), false, false)
	view := ansi.Strip(f.View(60, 20))
	lines := strings.Split(view, "\n")
	if !strings.Contains(lines[0], "┃ Note") {
		t.Fatalf("the note's title is not first:\n%s", view)
	}
	for _, l := range lines[1:4] {
		if !strings.HasPrefix(l, "┃ ") || ansi.StringWidth(l) > 60 {
			t.Fatalf("a note row %q is not a row of the field:\n%s", l, view)
		}
	}
	if strings.HasPrefix(lines[4], "┃") {
		t.Fatalf("the note shows more than 3 rows:\n%s", view)
	}
	if end := noteOf(assessment.MaxNoteLength - 100); !strings.Contains(lines[3], strings.TrimSpace(end[len(end)-15:])) {
		t.Fatalf("the last row does not show the note's end %q:\n%s", end[len(end)-15:], view)
	}
	f, _ = sendForm(t, f, press("!"), tea.PasteMsg{Content: " Done.\r\nNext"})
	if want := noteOf(assessment.MaxNoteLength-100) + "! Done.\nNext"; *d.note != want {
		t.Fatalf("the value ends %q, want the typed and pasted text", (*d.note)[len(*d.note)-20:])
	}
	if view = ansi.Strip(f.View(60, 20)); !strings.Contains(view, "┃ Next") {
		t.Fatalf("the pasted line is not on screen:\n%s", view)
	}
}

// A note for "not applicable" is required: enter on an empty note shows
// the error and stays; with a reason it moves on.
func TestNoteFieldRequiredForNotApplicable(t *testing.T) {
	f, d := noteForm(t, "", true, false)
	f, _ = sendForm(t, f, press("enter"))
	if focusedKey(f) != "note" || !strings.Contains(ansi.Strip(f.View(60, 20)), errRequiredNote.Error()) {
		t.Fatalf("enter on an empty required note: focus on %q, view\n%s", focusedKey(f), ansi.Strip(f.View(60, 20)))
	}
	f, _ = sendForm(t, f, press("x"), press("enter"))
	if focusedKey(f) != "evidence" || *d.note != "x" {
		t.Fatalf("with a reason enter moved to %q (note %q)", focusedKey(f), *d.note)
	}
	if strings.Contains(ansi.Strip(f.View(60, 20)), errRequiredNote.Error()) {
		t.Fatal("the error stayed after the reason was typed")
	}
}

// Typing past the limit is refused with a clear message, and the form can
// still be saved.
func TestNoteFieldLimit(t *testing.T) {
	full := noteOf(assessment.MaxNoteLength)
	f, d := noteForm(t, full, false, false)
	f, _ = sendForm(t, f, press("x"))
	if *d.note != full {
		t.Fatalf("a key past the limit changed the note (%d characters)", len(*d.note))
	}
	if !strings.Contains(ansi.Strip(f.View(60, 20)), "a note holds at most 10000 characters") {
		t.Fatalf("no message at the limit:\n%s", ansi.Strip(f.View(60, 20)))
	}
	f, out := sendForm(t, f, press("enter"), press("enter"), press("enter"))
	if out != formDone {
		t.Fatalf("the form at the limit did not complete (focus on %q)", focusedKey(f))
	}
}

// Leaving the note and coming back keeps its text and cursor; the field
// draws its cursor only while focused.
func TestNoteFieldFocus(t *testing.T) {
	f, d := noteForm(t, "first", false, false)
	f, _ = sendForm(t, f, press("enter"), tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, press(" "), press("2"))
	if focusedKey(f) != "note" || *d.note != "first 2" {
		t.Fatalf("back in the note: focus %q, note %q", focusedKey(f), *d.note)
	}
}

// What the external editor (ctrl+e) leaves replaces the note, cut to the
// limit with a message.
func TestNoteFieldExternalEditorResult(t *testing.T) {
	f, d := noteForm(t, "before", false, false)
	field := f.form.GetFocusedField().(*noteField)
	f, _ = sendForm(t, f, externalNoteMsg{field: field, text: []byte("after\nthe editor")})
	if *d.note != "after\nthe editor" {
		t.Fatalf("note after the editor: %q", *d.note)
	}
	f, _ = sendForm(t, f, externalNoteMsg{field: field, text: []byte(strings.Repeat("é", assessment.MaxNoteLength+5))})
	if n := len([]rune(*d.note)); n != assessment.MaxNoteLength {
		t.Fatalf("a note too long from the editor kept %d characters", n)
	}
	if !strings.Contains(ansi.Strip(f.View(60, 20)), "the rest was cut") {
		t.Fatalf("no message for the cut note:\n%s", ansi.Strip(f.View(60, 20)))
	}
}

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]`)

// With NO_COLOR the note is drawn without colours; the cursor is reverse
// video.
func TestNoteFieldNoColor(t *testing.T) {
	f, _ := noteForm(t, "a note", false, true)
	f.form.Update(tea.BackgroundColorMsg{})
	field, ok := f.form.GetFocusedField().(*noteField)
	if !ok {
		t.Fatalf("the note is a %T", f.form.GetFocusedField())
	}
	v := field.View()
	if colourSGR.MatchString(v) {
		t.Fatalf("colours with NO_COLOR: %q", v)
	}
	if !strings.Contains(v, "\x1b[7m") {
		t.Fatalf("no reverse-video cursor: %q", v)
	}
}

var _ huh.Field = (*noteField)(nil)

// An editor that exits with an error (vim's :cq, EDITOR=false) or cannot
// start leaves the note as it was, and says why: ctrl+e used to do nothing
// visible.
func TestNoteFieldEditorFailureKeepsTheNote(t *testing.T) {
	for _, tc := range []struct {
		name string
		argv []string
		want string
	}{
		{"false", []string{"false"}, "the editor false exited with exit status 1; the note is unchanged"},
		{"no-such-editor", []string{"no-such-editor-gapmap"}, "cannot run the editor no-such-editor"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, d := noteForm(t, "before", false, false)
			field := f.form.GetFocusedField().(*noteField)
			path := filepath.Join(t.TempDir(), "note.md")
			if err := os.WriteFile(path, []byte("what a failed editor left\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			runErr := exec.Command(tc.argv[0], tc.argv[1:]...).Run()
			if runErr == nil {
				t.Fatalf("%s succeeded", tc.argv[0])
			}
			msg := field.editorDone(tc.name, path)(runErr)
			f, _ = sendForm(t, f, msg)
			if *d.note != "before" {
				t.Fatalf("note after a failed editor: %q", *d.note)
			}
			if view := ansi.Strip(f.View(100, 20)); !strings.Contains(view, tc.want) {
				t.Fatalf("no %q in:\n%s", tc.want, view)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Fatalf("the editor's file was left behind: %v", err)
			}
		})
	}
}
