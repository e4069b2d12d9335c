package tui

import (
	"reflect"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// Huh moves the focus through commands: enter in a field returns
// huh.NextField, whose message moves the focus when the runtime delivers
// it. Keys typed in the same burst (fast typing, a paste, SSH) are already
// queued ahead of that message, so they would reach the field just left:
// "…policy yet.h" and "ttps://…". settleFocus applies those moves at once,
// inside the Update that asked for them, so the next key always reaches
// the field the user sees.

var (
	nextFieldPC = reflect.ValueOf(huh.NextField).Pointer()
	prevFieldPC = reflect.ValueOf(huh.PrevField).Pointer()
)

// instantCmd reports whether calling cmd only returns a message, with no
// I/O and no waiting: huh's focus moves and Bubble Tea's Batch and
// Sequence wrappers. Everything else (cursor blinks, timers) stays with
// the runtime.
func instantCmd(cmd tea.Cmd) bool {
	pc := reflect.ValueOf(cmd).Pointer()
	if pc == nextFieldPC || pc == prevFieldPC {
		return true
	}
	fn := runtime.FuncForPC(pc)
	if fn == nil {
		return false
	}
	name := fn.Name()
	// Batch and Sequence closures are often inlined into their caller,
	// which then prefixes the name ("….(*Group).Update.Batch.compactCmds[…].func2").
	return name == "charm.land/huh/v2.nextGroup" || name == "charm.land/huh/v2.prevGroup" ||
		strings.Contains(name, ".compactCmds[")
}

// settleFocus delivers to form, at once, the focus moves found in cmd and
// in the commands they return, and returns what is left for the runtime.
func settleFocus(form *huh.Form, cmd tea.Cmd) (*huh.Form, tea.Cmd) {
	var rest []tea.Cmd
	pending := []tea.Cmd{cmd}
	// Each move returns at most a few commands; the bound only guards
	// against a form that would keep asking for moves.
	for steps := 0; len(pending) > 0 && steps < 256; steps++ {
		c := pending[0]
		pending = pending[1:]
		if c == nil {
			continue
		}
		if !instantCmd(c) {
			rest = append(rest, c)
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			pending = append(pending, msg...)
		case nil:
		default:
			if reflect.TypeOf(msg).PkgPath() != "charm.land/huh/v2" {
				// A Sequence: its order matters, so the runtime runs it.
				rest = append(rest, func() tea.Msg { return msg })
				continue
			}
			m, next := form.Update(msg)
			if f, ok := m.(*huh.Form); ok {
				form = f
			}
			pending = append(pending, next)
		}
	}
	return form, tea.Batch(append(rest, pending...)...)
}
