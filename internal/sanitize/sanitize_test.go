package sanitize

import "testing"

func TestLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"  two\n\nlines \r\n and\ttabs  ", "two lines and tabs"},
		{"\x1b[31mred\x1b[0m", "red"},
		{"\x1b[38;2;255;0;0mtrue colour\x1b[m", "true colour"},
		{"\x1b]8;;https://evil.example\x07link\x1b]8;;\x07", "link"},
		{"\x1b]0;window title\x1b\\after", "after"},
		{"\x1bPdevice control\x1b\\x", "x"},
		{"\u009b2Jclear \u009d0;osc\u009cend", "clear end"},
		{"\x1b7saved\x1b8", "saved"},
		{"\x1b[u\x1b[12\nnext", "next"}, // ESC [ u is complete; a newline ends a malformed one
		{"\x1b]never ends", ""},
		{"nul\x00 del\x7f bell\a c1\u0085", "nul del bell c1"},
		{"bidi \u202egnp.exe\u202c zero\u200bwidth", "bidi gnp.exe zerowidth"},
		{"family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧"},
		{"bad \xff\xfe utf8", "bad utf8"},
		{"line\u2028separator", "line separator"},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"two\r\nlines\rmore", "two\nlines\nmore"},
		{"keep\n\nparagraphs", "keep\n\nparagraphs"},
		{"\x1b[2J\x1b[Hcleared\ttab", "cleared tab"},
		{"nul\x00 \u202eevil", "nul evil"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
