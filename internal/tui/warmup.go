package tui

import "github.com/charmbracelet/x/ansi"

// WarmUp does ahead of time, best on another core while the program
// starts, the one-time work its first frame would otherwise wait for.
//
// In a terminal without grapheme clustering (mode 2027: most of them),
// Bubble Tea's renderer measures every character past ASCII with
// go-runewidth, whose first such character fills two 1.1 MB lookup tables:
// about 7 ms (cold, on two shared cores), most of it the first touch of
// those pages. Every screen of gapmap has such characters (—, …, ·, ↑↓).
// In the few terminals that do clustering the tables go unused: 2.2 MB
// of memory for a first frame that never waits for them elsewhere.
func WarmUp() {
	ansi.WcWidth.StringWidth("—")
}
