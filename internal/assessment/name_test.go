package assessment

import (
	"errors"
	"strings"
	"testing"
)

func TestCleanName(t *testing.T) {
	nfd := "Cafe\u0301"
	for _, tc := range []struct {
		in, want, err string
	}{
		{"  Acme  ", "Acme", ""},
		{nfd, "Café", ""},
		{"Café", "Café", ""},
		{"Acme\u200bCloud", "", "U+200B ZERO WIDTH SPACE at position 5"},
		{"Acme\x1b[31m", "", "U+001B ESCAPE at position 5"},
		{"Ac\u202eme", "", "U+202E RIGHT-TO-LEFT OVERRIDE at position 3"},
		{"Ac\u009bme", "", "U+009B"},
		{"Acme\nCloud", "", "U+000A LINE FEED"},
		{"Acme\u2028Cloud", "", "U+2028 LINE SEPARATOR at position 5"},
		{"\ufeffAcme", "", "U+FEFF ZERO WIDTH NO-BREAK SPACE at position 1"},
		{"   ", "", "needs a name"},
		{"Acme\xff", "", "not valid UTF-8"},
		{strings.Repeat("é", 200), strings.Repeat("é", 200), ""},
		{strings.Repeat("é", 201), "", "201 characters long; the limit is 200"},
	} {
		got, err := CleanName(tc.in)
		if tc.err == "" {
			if err != nil || got != tc.want {
				t.Errorf("CleanName(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, ErrInvalid) {
			t.Errorf("CleanName(%q) = %q, %v; want an error with %q", tc.in, got, err, tc.err)
		}
	}
}

func TestCheckNote(t *testing.T) {
	if err := CheckNote(strings.Repeat("ü", MaxNoteLength)); err != nil {
		t.Errorf("a note at the limit: %v", err)
	}
	err := CheckNote(strings.Repeat("a", MaxNoteLength+1))
	if err == nil || !strings.Contains(err.Error(), "10001 characters long; the limit is 10000") {
		t.Errorf("a note past the limit: %v", err)
	}
	if err := (Answer{Value: Yes, Note: strings.Repeat("a", MaxNoteLength+1)}).Check(); err == nil {
		t.Error("Answer.Check accepts a note past the limit")
	}
}

func TestSameName(t *testing.T) {
	if !SameName("ACME café", "acme Cafe\u0301") || SameName("Acme", "Acme2") {
		t.Error("SameName ignores neither case nor normalization, or matches different names")
	}
}
