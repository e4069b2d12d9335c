package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// slowParse is what parsePart asks of yaml.v3: one document, read whole.
func slowParse(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, extra yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("more than one document: %v", err)
	}
	return &doc, nil
}

// sameTree reports where two trees differ in anything but comments, or "".
func sameTree(a, b *yaml.Node, path string) string {
	if a == nil || b == nil {
		if a != b {
			return path + ": one node is nil"
		}
		return ""
	}
	type fields struct {
		Kind         yaml.Kind
		Style        yaml.Style
		Tag, Value   string
		Anchor       string
		Alias        *yaml.Node
		Line, Column int
		Content      int
	}
	fa := fields{a.Kind, a.Style, a.Tag, a.Value, a.Anchor, a.Alias, a.Line, a.Column, len(a.Content)}
	fb := fields{b.Kind, b.Style, b.Tag, b.Value, b.Anchor, b.Alias, b.Line, b.Column, len(b.Content)}
	if fa != fb {
		return fmt.Sprintf("%s: fast %+v, yaml.v3 %+v", path, fa, fb)
	}
	for i := range a.Content {
		if d := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// fastMatchesSlow checks one input both ways: when the fast parser takes
// it, yaml.v3 reads the same tree from it without error. It reports
// whether the fast parser took it.
func fastMatchesSlow(t *testing.T, data []byte) bool {
	t.Helper()
	fast, ok := fastParse(data, 1)
	if !ok {
		return false
	}
	slow, err := slowParse(data)
	if err != nil {
		t.Fatalf("%q: the fast parser read it, yaml.v3 fails: %v", data, err)
	}
	if d := sameTree(fast, slow, "doc"); d != "" {
		t.Fatalf("%q:\n%s", data, d)
	}
	return true
}

// fastTricky are inputs the fast parser reads as yaml.v3 does.
var fastTricky = []string{
	"a: b\n",
	"- a\n- b\n",
	"    - id: x\n      text: y\n",
	"a:\n  b: c\n  d:\n    - e\n    - f: g\n      h: i\n",
	"a:\n- x\n- y\nb: z\n",
	"- a:\n  - x\n  - y\n  b: c\n",
	"a:\n",
	"a:\nb:\n",
	"- \n-\n- x\n",
	"a: # comment\n  b\n",
	"a: b # comment\n# full\n\nc: d\n",
	"a: 1\nb: -2\nc: 3.5\nd: true\ne: null\nf: ~\ng: 2024-01-02\nh: 0x1F\ni: .inf\nj: yes\nk: 1_000\nl: 0o17\nm: +1\nn: .5\n",
	"1: a\ntrue: b\nnull: c\n",
	"a: text with; colon-less, [brackets] {braces} and #hash\n",
	"a: <<\n",
	"a: http://example.com/x#y\n",
	"a: multi\n  line\n\n  with a gap\n   and more\n",
	"- multi\n  line item\n- next\n",
	"a: 'single ''quoted'' text'\n",
	"a: \"double \\\"quoted\\\" \\\\ \\n \\t \\x41 \\u00e9 \\U0001F600 \\N \\_ \\L \\P \\0 \\e\"\n",
	"a: 'multi\n  line\n\n  quoted'\n",
	"a: \"multi \\\n   escaped\n  line\"\n",
	"a: \"trailing  \n   spaces\"\n",
	"a: |\n  literal\n   more\n\n  last\n",
	"a: |-\n  strip\n\n\n",
	"a: |+\n  keep\n\n\n",
	"a: >\n  folded\n  text\n\n  para\n   indented\n  back\n",
	"a: >-\n  folded\n  text\n",
	"a: >+\n  folded\n\n",
	"a: |\n\n  leading blank\n",
	"a: |\n  x\n  # not a comment\nb: c\n",
	"a: | # comment\n  x\n",
	"a: |\nb: c\n",
	"a: |\n  no newline at the end",
	"a: []\nb: {}\nc: [ ]\nd: { }\n",
	"a: [CC6.1, \"5.3\", '5.4', plain words , 1, true]\n",
	"a: [x]  # c\n",
	"a: é\nb: [é, x]\nc: [x, é, 'y']\n",
	"a:\n  # only a comment\nb: c\n",
	"a:    \n    b: c\n",
	"- a: b\n  c: d\n- e: f\n",
	"-   a: b\n    c: d\n",
	"a: -x\nb: x-\n",
	"a: x:y\n",
	"a: b\n\n\n",
	"\n\n# c\n  - a\n",
	"a: b   ",
	"a: 'x'   ",
	"a:\n  - b\n  -\n    c: d\n",
	"a:\n  |\n    x\n",
	"a:\n  'x'\n",
	"key_with.dots/and-dashes: v\n",
	"a: b\n  c\n",
	"- a\n  - b\n",
	"a: 'x\n  # y'\n",
	"a: x # c\n  # d\nb: y\n",
	"a: {b: c}\n",
	"a: |\r\n  x\r\n\r\n  y\r\nb: 'p\r\n  q'\r\nc: \"e\\\r\n  f\"\r\n",
	"a: [[b], []]\n",
	"a: {why: \"x, y\", first_steps: ['a', b c], n: {}}\n",
	"- [{a: b}, c]\n",
}

func TestFastParseTricky(t *testing.T) {
	for _, s := range fastTricky {
		if !fastMatchesSlow(t, []byte(s)) {
			t.Errorf("%q: fell back", s)
		}
	}
	fallBack := []string{
		"",
		"# only a comment\n",
		"scalar\n",
		"a: &x b\n",
		"a: *x\n",
		"a: !!str b\n",
		"? a\n: b\n",
		"\"a\": b\n",
		"'a': b\n",
		"a b: c\n",
		"%YAML 1.2\n---\na: b\n",
		"---\na: b\n",
		"a: b\n...\n",
		"a: {b: c, b: d}\n",
		"a: {b}\n",
		"a: {b: }\n",
		"a: {b:c}\n",
		"a: [b: c]\n",
		"a: {b: c,}\n",
		"a: [b}\n",
		"a: {b: c]\n",
		"a: [b,\n  c]\n",
		"a: [b, ]\n",
		"\ufeffa: b\n",
		"a: b\rc: d\n",
		"a: b\r",
		"a:\tb\n",
		"a: b\na: c\n",
		"a: b: c\n",
		"a: - b\n",
		"a: b\n  c: d\n",
		"a:\n    b: 1\n  c: 2\n",
		"a: 1\nb\n",
		"- a\nb: c\n",
		"a: |2\n   x\n",
		"a: 'x'y\n",
		"a: 'x'#c\n",
		"a: \"\\q\"\n",
		"a: \"\\/\"\n",
		"a: 'unterminated\n",
		"a: \"x\n\"\n",
		"- 'x\n'\n",
		"a: b\x01\n",
		"a: b\u2028c\n",
		"é: x\n",
		"- - a\n",
		"<<: a\n",
		"a: @x\n",
	}
	for _, s := range fallBack {
		if _, ok := fastParse([]byte(s), 1); ok {
			t.Errorf("%q: read by the fast parser, want a fall back", s)
		}
	}
}

func TestFastParseLines(t *testing.T) {
	doc, ok := fastParse([]byte("  - a: b\n\n  - c\n"), 100)
	if !ok {
		t.Fatal("fell back")
	}
	seq := doc.Content[0]
	if doc.Line != 100 || seq.Line != 100 || seq.Content[1].Line != 102 || seq.Content[1].Column != 5 {
		t.Fatalf("lines %d %d %d:%d", doc.Line, seq.Line, seq.Content[1].Line, seq.Content[1].Column)
	}
	var b strings.Builder
	dump(&b, doc)
	_ = b
}

// TestFastParseReadsEveryPartOfTheBanks checks that every part of every
// bank in the repository that yaml.v3 reads takes the fast path, and gives
// yaml.v3's tree with the file's lines: a bank that slips back to yaml.v3
// costs a 5,000-question lint half its speed.
func TestFastParseReadsEveryPartOfTheBanks(t *testing.T) {
	parts := 0
	for path, data := range repoYAML(t) {
		parts += checkFastParts(t, path, data)
	}
	if parts < 20 {
		t.Errorf("only %d parts read", parts)
	}
}

// checkFastParts checks that the fast parser reads every part of the
// questions in data that yaml.v3 reads, as yaml.v3 does. It returns how
// many parts there are.
func checkFastParts(tb testing.TB, file string, data []byte) int {
	tb.Helper()
	texts, lines := partsOf(tb, data)
	for i, text := range texts {
		slow, err := slowParse(text)
		if err != nil {
			continue
		}
		shiftLines(slow, lines[i]-1)
		fast, ok := fastParse(text, lines[i])
		if !ok {
			tb.Errorf("%s: the part at line %d fell back to yaml.v3", file, lines[i])
			continue
		}
		if d := sameTree(fast, slow, "doc"); d != "" {
			tb.Errorf("%s: the part at line %d: %s", file, lines[i], d)
		}
	}
	return len(texts)
}

// TestFastParseResolvesTagsAsYAML checks the tags of plain scalars against
// yaml.v3 over every short string of the characters its resolution looks
// at, and over longer values of each kind it resolves.
func TestFastParseResolvesTagsAsYAML(t *testing.T) {
	const alphabet = "019.-+eExob_tTruNlfas~<yY"
	values := []string{
		"true", "True", "TRUE", "tRUE", "false", "FALSE", "False", "null", "Null", "NULL", "nulls",
		"trueish", "yes", "no", "on", "off", "Yes", "~", "<<", ".nan", ".NaN", ".inf", "-.Inf", "+.INF",
		"0x1F", "0X1f", "0o17", "0b101", "-0b101", "1_000", "1e3", "1.5e-3", "-1", "+1", "00", "09",
		"2024-01-02", "2024-1-2", "2024-01-02T10:00:00Z", "2024-01-02 10:00:00", "2024-13-40",
		"9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775809",
		"0x_1", "._1", "1.", "+.5", "1:20", "v1.2", "o", "n", "y", "t", "f", "O", "Off", "offline",
	}
	var grow func(prefix string, depth int)
	grow = func(prefix string, depth int) {
		if prefix != "" {
			values = append(values, prefix)
		}
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+string(c), depth-1)
		}
	}
	grow("", 3)
	handled := 0
	for _, v := range values {
		if fastMatchesSlow(t, []byte("a: "+v+"\n")) {
			handled++
		}
	}
	if handled < len(values)*3/4 {
		t.Errorf("only %d of %d values read", handled, len(values))
	}
}

// TestFastParseLargeCollections checks the cases that are quadratic if
// done naively: a mapping of many keys (a duplicate among them falls back),
// and a line of many flow items after characters of several bytes.
func TestFastParseLargeCollections(t *testing.T) {
	var b strings.Builder
	for i := range 500 {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	if !fastMatchesSlow(t, []byte(b.String())) {
		t.Error("500 keys fell back")
	}
	for _, dup := range []string{"k0", "k31", "k32", "k499"} {
		if _, ok := fastParse([]byte(b.String()+dup+": again\n"), 1); ok {
			t.Errorf("a duplicate %s was read", dup)
		}
	}
	long := "a: [é" + strings.Repeat(", ü", 20_000) + "]\n"
	if !fastMatchesSlow(t, []byte(long)) {
		t.Error("a long flow sequence fell back")
	}
	var flowMap strings.Builder
	flowMap.WriteString("a: {")
	for i := range 40 {
		fmt.Fprintf(&flowMap, "x%d: 1, ", i)
	}
	if !fastMatchesSlow(t, []byte(flowMap.String()+"y: 2}\n")) {
		t.Error("a flow mapping of 41 keys fell back")
	}
	if _, ok := fastParse([]byte(flowMap.String()+"x39: 2}\n"), 1); ok {
		t.Error("a flow mapping with a duplicate key was read")
	}
}

// TestLargePartsGoToYAML checks that a part larger than maxFastPart is
// read by yaml.v3 alone (which keeps comments, unlike the fast parser), so
// that a hostile part costs one parse and not two.
func TestLargePartsGoToYAML(t *testing.T) {
	for _, size := range []int{1000, maxFastPart + 1} {
		text := []byte("  - a: " + strings.Repeat("x", size) + " # c\n  - b\n")
		nodes, ok := parsePart(text, part{line: 7, n: 2})
		if !ok || len(nodes) != 2 || nodes[1].Line != 8 {
			t.Fatalf("size %d: not read: %v", size, ok)
		}
		byYAML := nodes[0].Content[1].LineComment != ""
		if byYAML != (size > maxFastPart) {
			t.Errorf("size %d: read by yaml.v3: %v", size, byYAML)
		}
	}
}
