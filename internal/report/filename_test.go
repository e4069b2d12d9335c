package report_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gapmap/gapmap/internal/report"
)

// C9: "שלום עולם 🚀 Ünïcødé" was n-c-d-soc2-roadmap.md and "株式会社テスト"
// assessment-soc2-roadmap.md: only a-z and 0-9 were kept.
func TestFileNameKeepsEveryScript(t *testing.T) {
	cases := map[string]string{
		"שלום עולם 🚀 Ünïcødé":        "שלום-עולם-ünïcødé-soc2-roadmap.md",
		"株式会社テスト":                    "株式会社テスト-soc2-roadmap.md",
		"Acme Cloud readiness":       "acme-cloud-readiness-soc2-roadmap.md",
		"Client: Foo/Bar <Q1> 2027?": "client-foo-bar-q1-2027-soc2-roadmap.md",
		"हिन्दी परीक्षण":             "हिन्दी-परीक्षण-soc2-roadmap.md",
		"Cafe\u0301 \u202eevil":      "café-evil-soc2-roadmap.md",
		"..\\..\\etc\\passwd":        "etc-passwd-soc2-roadmap.md",
		"🚀 ✨ --- ***":                "assessment-soc2-roadmap.md",
		"\u0301 Ünïcødé":             "ünïcødé-soc2-roadmap.md",
		"Москва ١٢٣":                 "москва-١٢٣-soc2-roadmap.md",
	}
	for name, want := range cases {
		if got := report.FileName(name, "md"); got != want {
			t.Errorf("FileName(%q) = %q, want %q", name, got, want)
		}
	}
}

// A long name in a script of three-byte letters stays well under the
// 255 bytes a file name may have, cut at a letter.
func TestFileNameLength(t *testing.T) {
	got := report.FileName(strings.Repeat("株", 300), "xlsx")
	if len(got) > 200 || !utf8.ValidString(got) || !strings.HasSuffix(got, "-soc2-roadmap.xlsx") {
		t.Errorf("%d bytes: %q", len(got), got)
	}
	for _, r := range got {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			t.Errorf("unsafe %q in %q", r, got)
		}
	}
}
