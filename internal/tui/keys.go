package tui

import "charm.land/bubbles/v2/key"

// keyMap is every key binding of the program; screens pick theirs for help.
type keyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Enter, Back, Quit, ForceQuit, Help      key.Binding
	FormCancel, Suspend                     key.Binding

	// Home
	New, Rename, Duplicate, Delete key.Binding
	Confirm, Cancel                key.Binding

	// Questions
	Answer                               [6]key.Binding
	Move                                 key.Binding
	Next, Prev, Skip, NextUnanswered     key.Binding
	ToggleHelp, Details, Flag, Jump, Who key.Binding
	Results, Roadmap, Export, EditScope  key.Binding
	Clear                                key.Binding

	// A conflict with another gapmap's write
	KeepTheirs, KeepMine key.Binding

	// Roadmap, results, export
	OpenItem, ExportDone key.Binding

	// The lists of the setup
	ListAdd, ListRemove, ListNext, ListPrev, ListContinue key.Binding

	// The export's preview
	Preview, PreviewBack key.Binding
	// Results: the SOC 2 and ISO/IEC 27001 tabs
	ResultsTab key.Binding
}

func newKeyMap() keyMap {
	k := keyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
		PageUp:     key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn/space", "page down")),
		Enter:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Suspend:    key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		FormCancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		New:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
		Rename:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename")),
		Duplicate: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "duplicate")),
		Delete:    key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete")),
		Confirm:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		Cancel:    key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no")),

		Next:           key.NewBinding(key.WithKeys("right", "l", "tab"), key.WithHelp("→/l", "next")),
		Prev:           key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←/h", "back")),
		Skip:           key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		NextUnanswered: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "unanswered")),
		ToggleHelp:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "details")),
		Details:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "note")),
		Flag:           key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "flag")),
		Jump:           key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "areas")),
		Who:            key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "who is answering")),
		Results:        key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "results")),
		Roadmap:        key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "roadmap")),
		Export:         key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "export")),
		EditScope:      key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "scope & criteria")),
		Clear:          key.NewBinding(key.WithKeys("backspace", "delete"), key.WithHelp("⌫", "clear answer")),
	}
	k.KeepTheirs = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "keep theirs"))
	k.KeepMine = key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "keep mine"))
	k.Move = key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "move"))
	k.OpenItem = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open question"))
	k.ExportDone = key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "back to the roadmap"))
	k.ListAdd = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add/change"))
	k.ListRemove = key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "remove"))
	k.ListNext = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next list"))
	k.ListPrev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous list"))
	k.ListContinue = key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "continue"))
	k.Preview = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "preview"))
	k.PreviewBack = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the form"))
	k.ResultsTab = key.NewBinding(key.WithKeys("tab", "shift+tab", "I"), key.WithHelp("tab/I", "SOC 2 ⇄ ISO 27001"))
	for i, d := range []string{"in place", "no evidence", "partial", "not in place", "don't know", "n/a"} {
		n := string(rune('1' + i))
		k.Answer[i] = key.NewBinding(key.WithKeys(n), key.WithHelp(n, d))
	}
	return k
}

// noteEditKeys move and edit in a note, as in bubbles' textarea; enter,
// tab, the new line and the external editor are huh's (huh.TextKeyMap).
type noteEditKeys struct {
	Left, Right, WordLeft, WordRight      key.Binding
	Up, Down, PageUp, PageDown            key.Binding
	RowStart, RowEnd, TextStart, TextEnd  key.Binding
	Backspace, Delete, DeleteWordBackward key.Binding
	DeleteWordForward, DeleteToLineEnd    key.Binding
	DeleteToLineStart                     key.Binding
}

func newNoteEditKeys() noteEditKeys {
	b := func(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }
	return noteEditKeys{
		Left:               b("left", "ctrl+b"),
		Right:              b("right", "ctrl+f"),
		WordLeft:           b("alt+left", "ctrl+left", "alt+b"),
		WordRight:          b("alt+right", "ctrl+right", "alt+f"),
		Up:                 b("up", "ctrl+p"),
		Down:               b("down", "ctrl+n"),
		PageUp:             b("pgup"),
		PageDown:           b("pgdown"),
		RowStart:           b("home", "ctrl+a"),
		RowEnd:             b("end"),
		TextStart:          b("ctrl+home", "alt+<"),
		TextEnd:            b("ctrl+end", "alt+>"),
		Backspace:          b("backspace", "ctrl+h"),
		Delete:             b("delete", "ctrl+d"),
		DeleteWordBackward: b("alt+backspace", "ctrl+w", "ctrl+backspace"),
		DeleteWordForward:  b("alt+delete", "alt+d", "ctrl+delete"),
		DeleteToLineEnd:    b("ctrl+k"),
		DeleteToLineStart:  b("ctrl+u"),
	}
}
