package tui

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// allRows wraps the whole text and returns what each row shows.
func allRows(e *noteEditor) []string {
	e.haveRow(1 << 30)
	out := make([]string, len(e.rows))
	for r := range e.rows {
		out[r] = e.rowText(r)
	}
	return out
}

// edit applies keys to e and returns it.
func edit(e *noteEditor, keys ...string) *noteEditor {
	k := newNoteEditKeys()
	for _, s := range keys {
		if !k.apply(e, press(s)) {
			panic("not an edit key: " + s)
		}
	}
	return e
}

func TestNoteEditorEdits(t *testing.T) {
	e := newNoteEditor("", 0, 40, 3)
	e.insert("hello world")
	edit(e, "left", "left", "backspace")
	if e.text != "hello wold" || e.cur != 8 {
		t.Fatalf("backspace in the word: %q, cursor %d", e.text, e.cur)
	}
	edit(e, "delete")
	if e.text != "hello wod" {
		t.Fatalf("delete: %q", e.text)
	}
	edit(e, "alt+left")
	if e.cur != 6 {
		t.Fatalf("word left went to %d, want 6", e.cur)
	}
	edit(e, "alt+left", "alt+right")
	if e.cur != 5 {
		t.Fatalf("word right went to %d, want 5 (the end of hello)", e.cur)
	}
	edit(e, "ctrl+end", "ctrl+w")
	if e.text != "hello " {
		t.Fatalf("ctrl+w: %q", e.text)
	}
	e.insert("there\nsecond line")
	edit(e, "up", "home")
	if e.cur != 0 {
		t.Fatalf("up and home: cursor %d", e.cur)
	}
	edit(e, "end")
	if e.cur != len("hello there") {
		t.Fatalf("end stops before the newline: cursor %d", e.cur)
	}
	edit(e, "ctrl+u")
	if e.text != "\nsecond line" || e.cur != 0 {
		t.Fatalf("ctrl+u: %q, cursor %d", e.text, e.cur)
	}
	edit(e, "down", "right", "ctrl+k")
	if e.text != "\ns" {
		t.Fatalf("ctrl+k: %q", e.text)
	}
	edit(e, "ctrl+home", "delete")
	if e.text != "s" {
		t.Fatalf("delete joins the lines: %q", e.text)
	}
}

func TestNoteEditorPasteIsCleaned(t *testing.T) {
	e := newNoteEditor("", 0, 40, 3)
	e.insert("one\r\ntwo\rthree\tfour\x1b[31m\x00")
	if want := "one\ntwo\nthree    four[31m"; e.text != want {
		t.Fatalf("pasted %q, want %q", e.text, want)
	}
}

func TestNoteEditorWrapsAtWordsAndKeepsACursorColumn(t *testing.T) {
	// 11 cells: 10 for text, the last for the cursor.
	e := newNoteEditor("aaaa bbbb cccc dddddddddddddd", 0, 11, 3)
	want := []string{"aaaa bbbb ", "cccc ", "dddddddddd", "dddd"}
	if got := allRows(e); !slices.Equal(got, want) {
		t.Fatalf("rows %q, want %q", got, want)
	}
	for _, row := range allRows(e) {
		if w := ansi.StringWidth(row); w > 10 {
			t.Errorf("row %q is %d cells wide", row, w)
		}
	}
	// The start of a wrapped row shows on that row, not at the end of the
	// one above.
	e.moveTo(10)
	if r, c := e.rowOf(e.cur), e.column(e.cur); r != 1 || c != 0 {
		t.Fatalf("cursor at the wrap shows on row %d column %d, want 1, 0", r, c)
	}
	edit(e, "up", "end")
	if e.cur != 9 {
		t.Fatalf("end of a wrapped row: cursor %d, want 9 (on the space)", e.cur)
	}
	// Up and down aim for the column they started from.
	edit(e, "home", "right", "right", "right", "right", "right", "right", "right", "right", "down")
	if e.cur != 14 {
		t.Fatalf("down to a shorter row: cursor %d, want 14 (its last place)", e.cur)
	}
	edit(e, "down")
	if e.cur != 15+8 {
		t.Fatalf("down again: cursor %d, want %d (column 8)", e.cur, 15+8)
	}
	// A cursor at the end of a full row sits in the kept column.
	e.setText("abcdefghij")
	if got := allRows(e); len(got) != 1 || e.column(e.cur) != 10 {
		t.Fatalf("a full last row: rows %q, cursor column %d", got, e.column(e.cur))
	}
}

func TestNoteEditorWideAndCombiningRunes(t *testing.T) {
	e := newNoteEditor("界界界 e\u0301e\u0301 👍🏽!", 0, 6, 3)
	// 5 cells of text: the third 界 does not fit, the space hangs.
	want := []string{"界界", "界 e\u0301e\u0301 ", "👍🏽!"}
	if got := allRows(e); !slices.Equal(got, want) {
		t.Fatalf("rows %q, want %q", got, want)
	}
	// The cursor steps over a whole cluster.
	edit(e, "left", "left")
	if e.text[e.cur:] != "👍🏽!" {
		t.Fatalf("left over an emoji with a skin tone: cursor before %q", e.text[e.cur:])
	}
	edit(e, "left", "left")
	if e.text[e.cur:] != "e\u0301 👍🏽!" {
		t.Fatalf("left over an accented e: cursor before %q", e.text[e.cur:])
	}
	edit(e, "backspace")
	if e.text != "界界界 e\u0301 👍🏽!" {
		t.Fatalf("backspace removes the whole cluster: %q", e.text)
	}
	// Typing a combining mark joins the cluster before it.
	edit(e, "right")
	e.insert("\u0300")
	if e.text != "界界界 e\u0301\u0300 👍🏽!" || e.text[e.cur:] != " 👍🏽!" {
		t.Fatalf("typed mark: %q, cursor before %q", e.text, e.text[e.cur:])
	}
	// A cluster wider than the room gets a row of its own.
	e = newNoteEditor("a界b", 0, 2, 3)
	if got := allRows(e); !slices.Equal(got, []string{"a", "界", "b"}) {
		t.Fatalf("one-cell rows: %q", got)
	}
}

// Whatever the edits, the rows kept and re-wrapped are the rows a wrap of
// the whole text gives.
func TestNoteEditorRowsMatchAWholeWrap(t *testing.T) {
	pieces := []string{"a", "bc", " ", "  ", "\n", "界", "e\u0301", "\u0301", "👍🏽", "🇫🇷",
		"word ", "longerword", strings.Repeat("x", 25)}
	keys := []string{"left", "right", "up", "down", "home", "end", "pgup", "pgdown",
		"backspace", "delete", "alt+left", "alt+right", "ctrl+w", "ctrl+k", "ctrl+u"}
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		width := 2 + rng.IntN(20)
		var start strings.Builder
		for range rng.IntN(60) {
			start.WriteString(pieces[rng.IntN(len(pieces))])
		}
		e := newNoteEditor(start.String(), 0, width, 1+rng.IntN(4))
		for step := range 300 {
			var did string
			if rng.IntN(3) == 0 {
				did = keys[rng.IntN(len(keys))]
				edit(e, did)
			} else {
				did = pieces[rng.IntN(len(pieces))]
				e.insert(did)
			}
			if e.cur < 0 || e.cur > len(e.text) || e.snap(e.cur) != e.cur {
				t.Fatalf("seed %d step %d (%q): cursor %d not at a cluster in %q", seed, step, did, e.cur, e.text)
			}
			if r := e.rowOf(e.cur); r < e.top || r >= e.top+e.height {
				t.Fatalf("seed %d step %d (%q): cursor row %d off screen (top %d, height %d)", seed, step, did, r, e.top, e.height)
			}
			if step%10 != 0 {
				continue
			}
			whole := newNoteEditor(e.text, 0, width, e.height)
			got, want := allRows(e), allRows(whole)
			if !slices.Equal(got, want) || !slices.Equal(e.rows, whole.rows) {
				t.Fatalf("seed %d step %d (%q), width %d: rows\n%q\nwant\n%q", seed, step, did, width, got, want)
			}
		}
	}
}

func TestNoteEditorScrolls(t *testing.T) {
	lines := make([]string, 10)
	for i := range lines {
		lines[i] = "line " + string(rune('0'+i))
	}
	e := newNoteEditor(strings.Join(lines, "\n"), 0, 20, 3)
	if e.top != 7 {
		t.Fatalf("the cursor at the end shows the last rows: top %d, want 7", e.top)
	}
	edit(e, "ctrl+home")
	if e.top != 0 || e.cur != 0 {
		t.Fatalf("ctrl+home: top %d, cursor %d", e.top, e.cur)
	}
	edit(e, "down", "down", "down")
	if e.top != 1 {
		t.Fatalf("down past the bottom scrolls one row: top %d", e.top)
	}
	edit(e, "pgdown")
	if e.rowOf(e.cur) != 6 || e.top != 4 {
		t.Fatalf("page down: row %d, top %d", e.rowOf(e.cur), e.top)
	}
	edit(e, "ctrl+end", "ctrl+u", "backspace", "ctrl+u", "backspace", "ctrl+u", "backspace", "ctrl+u")
	if e.top != 4 || e.rowOf(e.cur) != 6 {
		t.Fatalf("deleting at the end keeps the screen full: top %d, row %d", e.top, e.rowOf(e.cur))
	}
	// A resize keeps the cursor's row where it was on screen.
	e.setText(strings.Repeat("word ", 100))
	edit(e, "ctrl+home", "down", "down", "down", "down", "up")
	if r := e.rowOf(e.cur); r-e.top != 1 {
		t.Fatalf("before the resize the cursor is on screen line %d", r-e.top)
	}
	e.setSize(30, 3)
	if r := e.rowOf(e.cur); r-e.top != 1 {
		t.Fatalf("after a resize the cursor is on screen line %d, want 1", r-e.top)
	}
}

// Re-wrapping after a key stays near the key: the rows far below are
// wrapped only when they come on screen.
func TestNoteEditorWrapsOnlyNearTheEdit(t *testing.T) {
	e := newNoteEditor(noteOf(10_000), 0, 116, 3)
	for _, at := range []string{"ctrl+home", "ctrl+end"} {
		edit(e, at)
		e.wrapped = 0
		e.insert("x")
		edit(e, "backspace")
		if e.wrapped > 20 {
			t.Fatalf("%s: a key wrapped %d rows of a 10,000-character note", at, e.wrapped)
		}
	}
	e.setText(noteOf(10_000))
	edit(e, "ctrl+home")
	e.insert("x")
	if got, want := allRows(e), allRows(newNoteEditor(e.text, 0, 116, 3)); !slices.Equal(got, want) {
		t.Fatal("the rows wrapped later differ from a whole wrap")
	}
}

func TestNoteEditorLimit(t *testing.T) {
	e := newNoteEditor("", 10, 40, 3)
	e.insert("0123456789abc")
	if e.text != "0123456789" || e.runes != 10 {
		t.Fatalf("a paste past the limit: %q (%d runes)", e.text, e.runes)
	}
	e.insert("d")
	if e.text != "0123456789" {
		t.Fatalf("typing past the limit: %q", e.text)
	}
	edit(e, "backspace", "backspace")
	e.insert("ééé") // runes, not bytes
	if e.text != "01234567éé" || e.runes != 10 {
		t.Fatalf("runes at the limit: %q (%d runes)", e.text, e.runes)
	}
}
