package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSlugBytes keeps a file name well under the 255 bytes most file
// systems allow: a name in a script of three-byte letters still fits.
const maxSlugBytes = 150

// FileName is the default name of an export of the assessment called
// name: its letters and digits, of any script, in lower case and joined by
// hyphens, then "-soc2-roadmap." and ext; "assessment" if it has none.
// What is dropped (punctuation, symbols, emoji, spaces, control and
// direction characters) covers every character a common file system
// refuses or a shell treats specially.
func FileName(name, ext string) string {
	var b strings.Builder
	gap := false
	for _, r := range norm.NFC.String(strings.ToLower(name)) {
		// A mark (an accent, a vowel sign) is kept after a letter or
		// digit, whose spelling it is part of.
		mark := unicode.IsMark(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && (!mark || gap || b.Len() == 0) {
			gap = gap || b.Len() > 0
			continue
		}
		if b.Len()+utf8.RuneLen(r)+1 > maxSlugBytes {
			break
		}
		if gap {
			b.WriteByte('-')
			gap = false
		}
		b.WriteRune(r)
	}
	slug := b.String()
	if slug == "" {
		slug = "assessment"
	}
	return slug + "-soc2-roadmap." + ext
}
