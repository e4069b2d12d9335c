package report

import "testing"

func TestInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, with punctuation.", "plain text, with punctuation."},
		{"# heading", `\# heading`},
		{"a | b", `a \| b`},
		{"<script>", `\<script\>`},
		{"```go", "\\`\\`\\`go"},
		{"**bold** _em_ ~strike~", `\*\*bold\*\* \_em\_ \~strike\~`},
		{"[link](x) ![img](y)", `\[link\](x) !\[img\](y)`},
		{"&amp; $x$ back\\slash", `\&amp; \$x\$ back\\slash`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"---", `\---`},
		{"=== ", `\===`},
		{"1. first", `1\. first`},
		{"12) twelfth", `12\) twelfth`},
		{"2026.11 release", "2026.11 release"},
		{"1234567890. too long for a list", "1234567890. too long for a list"},
		{"line\n- item\n# heading", `line - item \# heading`},
		{"see https://example.com/a_b?x=1&y=2.", "see <https://example.com/a_b?x=1&y=2>."},
		{"(https://example.com/wiki/Foo_(bar))", "(<https://example.com/wiki/Foo_(bar)>)"},
		{"(see https://example.com)", "(see <https://example.com>)"},
		{"https://x.example/a|b", `<https://x.example/a>\|b`},
		{"https://x.example/<script>", `<https://x.example/>\<script\>`},
		{"mail dana@acme.example, or not", "mail <dana@acme.example>, or not"},
		{"- dana@acme.example", `\- <dana@acme.example>`},
		{"dana@acme.example then - text", "<dana@acme.example> then - text"},
		{"not@an_email", `not@an\_email`},
	}
	for _, tt := range tests {
		if got := inline(tt.in); got != tt.want {
			t.Errorf("inline(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Dana, security lead", "Dana, security lead"},
		{"=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"},
		{"+1 555", "'+1 555"},
		{"-", "'-"},
		{"@dana", "'@dana"},
		{"\x1b[31m=red\nline", "'=red line"},
	}
	for _, tt := range tests {
		if got := csvCell(tt.in); got != tt.want {
			t.Errorf("csvCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
