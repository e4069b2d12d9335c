package mdterm

import (
	"strings"
	"testing"
)

const table = "| Category | Answered | In place |\n| --- | ---: | :---: |\n| Security | 30/30 | 72% |\n| Confidentiality | 2/2 | 0% |"

func TestTableFits(t *testing.T) {
	got := plain(table, 80)
	want := strings.Join([]string{
		"Category        | Answered | In place",
		"----------------+----------+---------",
		"Security        |    30/30 |   72%",
		"Confidentiality |      2/2 |    0%",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got = Render(table, 80, Styles{})
	if !strings.Contains(got, "────────────────┼──────────┼─────────") || !strings.Contains(got, "Security        │    30/30 │   72%") {
		t.Errorf("box drawing:\n%s", got)
	}
	if got := Render(table, 80, tagged()); !strings.Contains(got, "<th>Category</th>") {
		t.Errorf("header look:\n%s", got)
	}
}

// Too wide, the widest columns shrink and their cells wrap; rows are then
// ruled apart.
func TestTableShrinksAndWraps(t *testing.T) {
	src := "| ID | Criterion | Status |\n| --- | --- | --- |\n" +
		"| CC1.1 | The entity demonstrates a commitment to integrity and ethical values | met |\n" +
		"| CC1.2 | Board independence | gap |"
	got := plain(src, 40)
	checkWidth(t, got, 40)
	want := strings.Join([]string{
		"ID    | Criterion               | Status",
		"------+-------------------------+-------",
		"CC1.1 | The entity demonstrates | met",
		"      | a commitment to         |",
		"      | integrity and ethical   |",
		"      | values                  |",
		"------+-------------------------+-------",
		"CC1.2 | Board independence      | gap",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// When the columns cannot fit without cutting words, each row becomes a
// record of its cells under their headers.
func TestTableRecords(t *testing.T) {
	src := "| Control | What it asks | Applicable | Justification | Implementation |\n| --- | --- | --- | --- | --- |\n" +
		"| A.5.1 | Written security policies | yes | in the assessed scope | not implemented |\n" +
		"| A.5.2 | Responsibilities | to decide | not assessed | — |"
	got := plain(src, 40)
	checkWidth(t, got, 40)
	want := strings.Join([]string{
		"Control: A.5.1",
		"What it asks: Written security policies",
		"Applicable: yes",
		"Justification: in the assessed scope",
		"Implementation: not implemented",
		"--------",
		"Control: A.5.2",
		"What it asks: Responsibilities",
		"Applicable: to decide",
		"Justification: not assessed",
		"Implementation: —",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := Render(src, 40, tagged()); !strings.Contains(got, "<th>Control:</th> A.5.1") {
		t.Errorf("record header look:\n%s", got)
	}
}

// CJK and emoji count two cells in the layout, and escaped pipes stay in
// their cell; a row short of cells is padded, a long one keeps its cells.
func TestTableWideAndRagged(t *testing.T) {
	src := "| 名前 | Note |\n| --- | --- |\n| 監査人 | 🚀 ready \\| set |\n| x |\n| a | b | extra |"
	got := plain(src, 80)
	want := strings.Join([]string{
		"名前   | Note           |",
		"-------+----------------+------",
		"監査人 | 🚀 ready | set |",
		"x      |                |",
		"a      | b              | extra",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, w := range []int{12, 20, 30} {
		checkWidth(t, plain(src, w), w)
	}
}

func TestHeaderOnlyTable(t *testing.T) {
	if got := plain("| a | b |\n| --- | --- |", 40); got != "a | b\n--+--" {
		t.Errorf("got %q", got)
	}
}

// Long headers over short cells wrap before the cells of other columns do.
func TestTableHeadersWrapFirst(t *testing.T) {
	src := "| ID | Criterion | Auditable today | Controls in place |\n| --- | --- | ---: | ---: |\n" +
		"| CC1.1 | Leadership sets and enforces standards | 0% | 48% |"
	got := plain(src, 69)
	want := strings.Join([]string{
		"ID    | Criterion                              | Auditable | Controls",
		"      |                                        |     today | in place",
		"------+----------------------------------------+-----------+---------",
		"CC1.1 | Leadership sets and enforces standards |        0% |      48%",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
