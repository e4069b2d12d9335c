package assessment

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// Limits on user-entered text, so that one field can never make a list or
// a report unusable.
const (
	MaxNameLength = 200    // characters
	MaxNoteLength = 10_000 // characters
)

// ErrInvalid matches every error CleanName and CheckNote return: text a
// person typed or a file held that gapmap does not store.
var ErrInvalid = errors.New("invalid text")

type invalidError struct{ msg string }

func (e invalidError) Error() string        { return e.msg }
func (e invalidError) Is(target error) bool { return target == ErrInvalid }

func invalidf(format string, args ...any) error {
	return invalidError{fmt.Sprintf(format, args...)}
}

// CleanName returns the name as it is stored: NFC-normalized, so "Café"
// typed on any keyboard is one name, and trimmed. It refuses an empty
// name, one longer than MaxNameLength characters, and one holding invalid
// UTF-8, control, escape or invisible characters (zero-width, bidi
// controls...), which would show one name and store another.
func CleanName(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", invalidf("the name is not valid UTF-8")
	}
	name = strings.TrimSpace(norm.NFC.String(name))
	if name == "" {
		return "", invalidf("an assessment needs a name")
	}
	if n := utf8.RuneCountInString(name); n > MaxNameLength {
		return "", invalidf("the name is %d characters long; the limit is %d", n, MaxNameLength)
	}
	pos := 0
	for _, r := range name {
		pos++
		if hiddenInName(r) {
			return "", invalidf("the name contains %s at position %d; names may not contain control, escape or invisible characters", DescribeRune(r), pos)
		}
	}
	return name, nil
}

// CheckNote refuses a note longer than MaxNoteLength characters. Notes may
// hold line breaks and any text; they are cleaned when shown.
func CheckNote(note string) error {
	if n := utf8.RuneCountInString(note); n > MaxNoteLength {
		return invalidf("the note is %d characters long; the limit is %d", n, MaxNoteLength)
	}
	return nil
}

// SameName reports whether two names are the same without regard to case
// (after NFC normalization): new names must differ from every existing
// one in this sense.
func SameName(a, b string) bool {
	return strings.EqualFold(norm.NFC.String(a), norm.NFC.String(b))
}

// hiddenInName reports whether a rune would be invisible or act on the
// terminal: controls (C0, DEL, C1, which includes ESC), format characters
// (zero-width space and joiners, bidi controls, the BOM), line and
// paragraph separators, and the replacement character.
func hiddenInName(r rune) bool {
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) ||
		r == utf8.RuneError || unicode.Is(unicode.Variation_Selector, r) ||
		r == '\u3164' || r == '\u115f' || r == '\u1160' || r == '\uffa0' // Hangul fillers
}

// DescribeRune names a character the way Unicode does: "U+200B ZERO WIDTH
// SPACE".
func DescribeRune(r rune) string {
	name := runenames.Name(r)
	if name == "" || strings.HasPrefix(name, "<") {
		name = controlName(r)
	}
	if name == "" {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

// controlName names the control characters runenames has no name for.
func controlName(r rune) string {
	switch r {
	case 0x1b:
		return "ESCAPE"
	case '\t':
		return "CHARACTER TABULATION"
	case '\n':
		return "LINE FEED"
	case '\r':
		return "CARRIAGE RETURN"
	case 0:
		return "NULL"
	case 0x7f:
		return "DELETE"
	}
	if unicode.IsControl(r) {
		return "CONTROL CHARACTER"
	}
	return ""
}
