package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// homeOf is the home screen of a store holding assessments of those names,
// the first the most recently changed, with the list read.
func homeOf(t *testing.T, w, h int, names ...string) (Model, *store.Store) {
	t.Helper()
	st := openStore(t, false)
	for i, name := range names {
		a := assessment.New(name, "soc2", fixedNow.Add(-time.Duration(i)*time.Hour))
		a.Scope.Organization = "Org of " + name
		if err := st.Create(t.Context(), a, assessment.Summary{Applicable: 150}); err != nil {
			t.Fatal(err)
		}
	}
	m := sized(New(testOptions(t, st)), w, h)
	m, _ = update(t, m, loadList(st)())
	return m, st
}

// Names and organizations of wide characters (CJK, emoji, combining marks
// and joined emoji) are measured in terminal cells: every row is as wide
// as the header, its columns where the header's are.
func TestHomeTableMeasuresCells(t *testing.T) {
	for _, w := range []int{120, 100, 60} {
		m, st := homeOf(t, w, 30, "株式会社テスト", "שָׁלוֹם עוֹלָם", "🎉 Launch 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉", "Plain ASCII")
		family := "👩\u200d👩\u200d👧\u200d👦"
		infos, _ := st.List(t.Context())
		a, err := st.LoadUUID(t.Context(), infos[3].UUID)
		if err != nil {
			t.Fatal(err)
		}
		a.Scope.Organization = family + " Family " + family + " and " + family + " friends"
		if err := st.SaveSetup(t.Context(), a, assessment.Summary{}); err != nil {
			t.Fatal(err)
		}
		m, _ = update(t, m, loadList(st)())
		lines := strings.Split(plain(m), "\n")
		header := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "ASSESSMENT") })
		// The date, last, starts under its title and is whole.
		title := "LAST CHANGE"
		if !strings.Contains(lines[header], title) {
			title = "CHANGED" // narrow
		}
		at := func(l, s string) int {
			i := strings.Index(l, s)
			if i < 0 {
				return -1
			}
			return ansi.StringWidth(l[:i])
		}
		want := at(lines[header], title)
		for _, l := range lines[header+1 : header+5] {
			if got := at(l, "2026-11-2"); got != want || strings.HasSuffix(l, "…") || ansi.StringWidth(l) > w {
				t.Errorf("at %d columns a row's date is at cell %d, its title at %d:\n%s\n%s", w, got, want, lines[header], l)
			}
			if strings.Contains(l, "👩") && !strings.Contains(l, family) && !strings.Contains(l, "…") {
				t.Errorf("a joined emoji was cut: %q", l)
			}
		}
	}
}
