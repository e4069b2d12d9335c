package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// feedAll feeds s one byte at a time, as the worst split of reads would.
func feedAll(t *terminal, s string) []string {
	var replies []string
	for i := range len(s) {
		replies = append(replies, t.feed([]byte{s[i]})...)
	}
	return replies
}

func TestTerminalAnswersQueries(t *testing.T) {
	cases := []struct{ query, want string }{
		{"\x1b]11;?\a", "\x1b]11;" + replyBackground + "\a"},
		{"\x1b]11;?\x1b\\", "\x1b]11;" + replyBackground + "\x1b\\"},
		{"\x1b]10;?\x1b\\", "\x1b]10;" + replyForeground + "\x1b\\"},
		{"\x1b[c", replyDA1},
		{"\x1b[>c", replyDA2},
		{"\x1b[>0q", replyVersion},
		{"\x1b[?2026$p", "\x1b[?2026;2$y"},
		{"\x1b[?2027$p", "\x1b[?2027;0$y"},
		{"\x1b[5;7H\x1b[6n", "\x1b[5;7R"},
		{"\x1b[18t", "\x1b[8;40;120t"},
		{"\x1bP+q524742\x1b\\", "\x1bP0+r524742\x1b\\"},
	}
	for _, c := range cases {
		term := newTerminal(40, 120)
		if got := feedAll(term, c.query); !slices.Equal(got, []string{c.want}) {
			t.Errorf("%q: replies %q, want %q", c.query, got, c.want)
		}
	}
	// Requests that change a mode get no answer.
	term := newTerminal(40, 120)
	if got := feedAll(term, "\x1b[?1049h\x1b[?25l\x1b[>1u\x1b[?u\x1b[38;2;1;2;3mhi\x1b[m"); len(got) != 0 {
		t.Errorf("unexpected replies %q", got)
	}
}

func TestScreenFollowsDiffRendering(t *testing.T) {
	term := newTerminal(5, 20)
	feedAll(term, "\x1b[H\x1b[2J Results: Demo\r\n\n \x1b[1mReadiness\x1b[m 55%")
	if !term.Contains("Results: Demo") || !term.Contains("Readiness 55%") {
		t.Fatalf("first frame:\n%s", term.String())
	}
	// A renderer redraws only the cells that change: "Results" to "Roadmap"
	// writes "oadmap" after the R, and a repeat sequence writes runs.
	feedAll(term, "\x1b[1;3Hoadmap:\x1b[3;12H7\x1b[2b\x1b[K")
	if !term.Contains("Roadmap: Demo") || !term.Contains("Readiness 777") || term.Contains("Results") {
		t.Fatalf("after the diff:\n%s", term.String())
	}
	// Inserting a line inside a scroll region moves the rest down.
	feedAll(term, "\x1b[1;4r\x1b[2;1H\x1b[Lnew line\x1b[r")
	lines := strings.Split(term.String(), "\n")
	if lines[1] != "new line" || lines[3] != " Readiness 777" {
		t.Fatalf("after inserting a line: %q", lines)
	}
	// Wide characters take two cells.
	feedAll(term, "\x1b[5;1H界x")
	if got := strings.Split(term.String(), "\n")[4]; got != "界 x" && got != "界x" {
		t.Fatalf("wide character row: %q", got)
	}
}

func TestParseStatCPU(t *testing.T) {
	// The command name may contain spaces and parentheses.
	stat := "4242 (gap map) (x)) S 1 4242 4242 34816 4242 4194304 1000 0 0 0 37 5 0 0 20 0 9 0 100 0 0"
	got, err := parseStatCPU(stat)
	if err != nil || got != 42*clockTick {
		t.Fatalf("parseStatCPU = %v, %v; want %v", got, err, 42*clockTick)
	}
	if _, err := parseStatCPU("4242 (x) S 1"); err == nil {
		t.Fatal("a short stat line parsed")
	}
}

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[int]time.Duration{0: 1, 50: 50, 99: 99, 100: 100} {
		if got := percentile(ds, p); got != want*time.Millisecond {
			t.Errorf("p%d = %v, want %v", p, got, want*time.Millisecond)
		}
	}
	if ds[0] != 100*time.Millisecond {
		t.Error("percentile sorted its argument")
	}
}

func TestParseSchedstat(t *testing.T) {
	got, err := parseSchedstat("123456789 2000 31\n")
	if err != nil || got != 123456789*time.Nanosecond {
		t.Fatalf("parseSchedstat = %v, %v; want 123.456789ms", got, err)
	}
	if _, err := parseSchedstat(""); err == nil {
		t.Fatal("an empty line parsed")
	}
	if _, err := parseSchedstat("12x 0 0"); err == nil {
		t.Fatal("a malformed number parsed")
	}
}
