package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// The list is written an entry at a time; the bytes must be what one
// json.Encoder with a two-space indent writes for the whole array, which
// scripts may already compare against.
func TestListJSONIsTheEncodersOutput(t *testing.T) {
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	aud, one, most := 41, 1, 88
	for _, entries := range [][]listEntry{
		{},
		{{Name: "Acme", Organization: "Acme Inc", Questionnaire: "soc2", Answered: 3, Applicable: 150, Progress: 2, Readiness: &one, UpdatedAt: at}},
		{
			{Name: "Acme \"cloud\" <b>", Questionnaire: "soc2", Auditable: &aud, UpdatedAt: at},
			{Name: "Zeta ✓ 界面", Organization: "Z & co", Questionnaire: "custom", Answered: 150, Applicable: 150, Progress: 100, Readiness: &most, Auditable: &aud, UpdatedAt: at.Add(time.Hour)},
		},
		// What the encoder escapes or replaces, and times it writes
		// with an offset or without nanoseconds.
		{
			{Name: "tab\there\nnew \\ back\x7f\x00\b\f\r", Organization: "bad \xff utf-8 \u2028 \u2029 👩‍💻", Questionnaire: "",
				Answered: -1, Applicable: 1 << 40, UpdatedAt: at.In(time.FixedZone("CET", 3600))},
			{Name: "  ", Organization: "~!@#$%^*()_+{}|:?`-=[];',./", Questionnaire: "soc2", Auditable: &aud, UpdatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
			{Name: "Acme", UpdatedAt: time.Date(2026, 1, 2, 3, 4, 5, 120000000, time.UTC)},
		},
	} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(entries); err != nil {
			t.Fatal(err)
		}
		arr := jsonArray{w: &got}
		for _, e := range entries {
			if err := arr.add(e); err != nil {
				t.Fatal(err)
			}
		}
		if err := arr.close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d entries:\ngot  %q\nwant %q", len(entries), got.String(), want.String())
		}
	}
}

// The list's columns are what text/tabwriter (minwidth 0, padding 2, spaces)
// wrote for ASCII cells, and line up by terminal cells for wide ones.
func TestListColumnsMatchTabwriter(t *testing.T) {
	rows := [][]string{
		{"NAME", "ORGANIZATION", "QUESTIONNAIRE", "PROGRESS", "IN PLACE", "AUDITABLE", "UPDATED"},
		{"Acme Cloud readiness", "", "soc2", "100% (155/155)", "49%", "—", "2026-12-05 10:00"},
		{"b", "A very long organization name", "custom-bank", "0% (0/12)", "0%", "22%", "2026-01-01 00:00"},
	}
	want := tabwriterOf(t, rows)
	var got bytes.Buffer
	if err := writeColumns(&got, rows); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want.String())
	}
	got.Reset()
	if err := writeColumns(&got, [][]string{{"NAME", "ORG"}, {"界面 ✓", "x"}, {"ab", "y"}}); err != nil {
		t.Fatal(err)
	}
	if want := "NAME    ORG\n界面 ✓  x\nab      y\n"; got.String() != want {
		t.Errorf("wide cells: got %q, want %q", got.String(), want)
	}
}

// tabwriterOf is what text/tabwriter writes of rows with the list's gap
// of 2: the columns' reference for ASCII text.
func tabwriterOf(t *testing.T, rows [][]string) *bytes.Buffer {
	t.Helper()
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		t.Fatal(err)
	}
	return &b
}

// writeColumns writes rows through columns with a gap of 2, as the list does.
func writeColumns(w io.Writer, rows [][]string) error {
	c := newColumns(len(rows[0]), 2)
	for _, r := range rows {
		c.add(r...)
	}
	return c.writeTo(w)
}

// Rows across many chunks, one cell longer than a chunk, and a last row
// left incomplete, still write what text/tabwriter writes of the complete
// rows.
func TestColumnsAcrossChunks(t *testing.T) {
	var rows [][]string
	for i := range 20000 {
		last := fmt.Sprint(i * i)
		if i == 2500 { // the last column, which is not padded
			last = strings.Repeat("long ", chunkSize/4)
		}
		rows = append(rows, []string{fmt.Sprintf("Client %05d", i) + strings.Repeat("x", i%37), strings.Repeat("org ", i%5), last})
	}
	want := tabwriterOf(t, rows)
	var got bytes.Buffer
	c := newColumns(3, 2)
	for _, r := range rows {
		c.add(r...)
	}
	c.add("incomplete")
	if err := c.writeTo(&got); err != nil {
		t.Fatal(err)
	}
	if len(c.full) < 10 {
		t.Fatalf("%d chunks: the test needs more", len(c.full))
	}
	if got.String() != want.String() {
		t.Errorf("%d bytes differ from tabwriter's %d", got.Len(), want.Len())
	}
}

// A cell's width counts printable ASCII a cell a byte, and leaves
// everything else to ansi.StringWidth, whatever the cell before it in the
// column.
func TestCellWidthIsStringWidth(t *testing.T) {
	cells := []string{"", "Acme Cloud readiness", "100% (155/155)", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./",
		"—", "—", "界面 ✓", "—", "e\u0301", "tab\there", "del\x7f", "bell\a", "\x1b[31mred\x1b[0m", "👩‍💻 dev", "\xff", "\xff", "—"}
	for b := byte(' '); b < 0x7f; b++ {
		cells = append(cells, string([]byte{b}))
	}
	c := newColumns(2, 2)
	for _, cell := range cells {
		if got, want := c.width(1, []byte(cell)), ansi.StringWidth(cell); got != want {
			t.Errorf("width(%q) = %d, want %d", cell, got, want)
		}
	}
}
