package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func nested(open, close string, depth int) []byte {
	return []byte("name: d\nanswers: " + strings.Repeat(open, depth) + strings.Repeat(close, depth) + "\n")
}

// blockNested is a block mapping depth levels deep, one key per line.
func blockNested(depth int) []byte {
	var b bytes.Buffer
	for i := range depth {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", i), i)
	}
	fmt.Fprintf(&b, "%sleaf\n", strings.Repeat(" ", depth))
	return b.Bytes()
}

// Every refusal names the file, and the line and column of the first
// offending byte, before any parser runs.
func TestParseRefusesBadBytesAtTheirPosition(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"esc", []byte("name: d\nanswers:\n  access.mfa: y\x1bes\n"), "f.yaml:3:16: control character U+001B (ESC) is not allowed"},
		{"nul", []byte("name: d\x00\n"), "f.yaml:1:8: control character U+0000 (NUL)"},
		{"del", []byte("name: \x7f\n"), "f.yaml:1:7: control character U+007F (DEL)"},
		{"c1 control", []byte("name: caf\u00e9 \u0090\n"), "f.yaml:1:12: control character U+0090"},
		{"invalid utf-8 after multibyte", []byte("a: é\nname: d\nnote: \"caf\xe9\"\n"), "f.yaml:3:11: byte 0xE9 is not valid UTF-8; save the file as UTF-8"},
		{"invalid utf-8 in a key", []byte("name: d\na\xffnswers: {}\n"), "f.yaml:2:2: byte 0xFF is not valid UTF-8"},
		{"json invalid utf-8", []byte("{\"name\": \"d\",\n \"answers\": {\"x\": \"\xc3\"}}"), "f.yaml:2:20: byte 0xC3 is not valid UTF-8"},
		{"utf-16 le with bom", utf16LE("name: d\nanswers: {}\n", true), "f.yaml:1:1: the file is UTF-16; save it as UTF-8"},
		{"utf-16 le without bom", utf16LE("name: d\n", false), "f.yaml:1:1: the file is UTF-16; save it as UTF-8"},
		{"utf-16 be with bom", utf16BE("name: d\n"), "f.yaml:1:1: the file is UTF-16; save it as UTF-8"},
		{"flow depth", nested("[", "]", 100_000), fmt.Sprintf("f.yaml:2:%d: nested more than 64 levels deep", 10+63)},
		{"flow mapping depth", nested("{a: ", "}", 1000), "f.yaml:2:"},
		{"block depth", blockNested(200), "f.yaml:65:65: nested more than 64 levels deep"},
		{"list depth", []byte(strings.Repeat("- ", 100) + "x\n"), "f.yaml:1:129: nested more than 64 levels deep"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Parse("f.yaml", c.data)
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			if !strings.HasPrefix(ps[0].String(), c.want) {
				t.Fatalf("got  %s\nwant %s", ps[0], c.want)
			}
		})
	}
}

// What real files contain must pass the scan: quotes, comments, block
// scalars and brackets inside text are not nesting.
func TestCheckAcceptsRealShapes(t *testing.T) {
	ok := map[string]string{
		"brackets in text":     "help: see [1] and {2} and [[[[\nnote: \"[[[[[[\"\nother: '{{{{{{'\n",
		"block scalar":         "help: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n  more\nnext: x\n",
		"comments":             "a: 1 # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n# {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n",
		"multi-line quote":     "a: \"x\\\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\nb: 'it''s [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n",
		"depth 64 exactly":     string(nested("[", "]", 63)),
		"crlf":                 "a: [1,\r\n  2]\r\nb: c\r\n",
		"utf-8 bom and accent": "\ufeffname: Café\n",
	}
	for name, src := range ok {
		if err := Check("f.yaml", []byte(src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	bank, err := os.ReadFile("../../questionnaires/soc2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := Check("soc2.yaml", bank); err != nil {
		t.Fatalf("built-in bank: %v", err)
	}
}

// A 5,000-question bank, the largest gapmap promises to read, passes every
// limit with room to spare.
func TestCheckAcceptsA5000QuestionBank(t *testing.T) {
	data := bigBank(t, 5000)
	s := shapeScanner{data: data}
	if _, msg := s.scan(); msg != "" {
		t.Fatal(msg)
	}
	if len(data) > MaxBytes/2 || s.nodes > MaxNodes/2 {
		t.Fatalf("a 5,000-question bank is %d bytes and %d nodes; the limits are %d and %d", len(data), s.nodes, MaxBytes, MaxNodes)
	}
	if _, _, err := Parse("big.yaml", data); err != nil {
		t.Fatal(err)
	}
}

// bigBank repeats the built-in bank's questions, renamed, to n questions.
func bigBank(t testing.TB, n int) []byte {
	data, err := os.ReadFile("../../questionnaires/soc2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	head, questions, _ := bytes.Cut(data, []byte("\nquestions:\n"))
	items := bytes.Split(questions, []byte("\n  - id: "))
	var b bytes.Buffer
	b.Write(head)
	b.WriteString("\nquestions:\n")
	for i := 0; i < n; i++ {
		item := items[1+i%(len(items)-1)]
		fmt.Fprintf(&b, "  - id: c%d%s\n", i, bytes.TrimRight(item, "\n"))
	}
	return b.Bytes()
}

func TestCheckRefusesTooManyNodes(t *testing.T) {
	data := []byte("a: [" + strings.Repeat("1,", MaxNodes) + "1]\n")
	err := Check("f.yaml", data)
	if err == nil || !strings.Contains(err.Error(), "more than 600000 keys, values and list items") {
		t.Fatalf("got %v", err)
	}
}

func TestReadFileRefusesLargeFiles(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, _ := os.Create(big)
	f.Truncate(50 << 20)
	f.Close()
	if _, err := ReadFile(big); err == nil || !strings.Contains(err.Error(), "big.yaml: the file is 50.0 MB; gapmap reads at most 16 MB") {
		t.Fatalf("got %v", err)
	}
	if _, err := ReadFile("~/nope.yaml"); err == nil || !strings.Contains(err.Error(), `"~" is expanded by the shell`) {
		t.Fatalf("got %v", err)
	}
}

func TestProblemsPrintAtMostFiftyLines(t *testing.T) {
	var ps Problems
	for i := range 2_500 {
		ps = append(ps, Problem{File: "f", Pos: Pos{i + 1, 3}, Msg: "unknown"})
	}
	var b bytes.Buffer
	ps.Print(&b)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != MaxShown+2 || lines[MaxShown] != "and 2450 more" || lines[MaxShown+1] != "2500 problems found" {
		t.Fatalf("got %d lines, ending %q", len(lines), lines[len(lines)-2:])
	}
	if strings.Count(ps.Error(), "\n") != MaxShown {
		t.Fatal("Error() is not capped")
	}
}

// A 16 MB value reached the database and crashed the import under a 1 GB
// address-space limit; any text value is now at most MaxText characters.
func TestLongTextValuesAreRefused(t *testing.T) {
	long := strings.Repeat("é", MaxText+1)
	src := "name: " + long + "\nlist: [ok, " + long + "]\nfine: " + strings.Repeat("é", MaxText) + "\n"
	root, r, err := Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := r.Mapping(root, "the file")
	if m.String("name", true) != "" || len(m.String("fine", true)) != 2*MaxText {
		t.Fatal("long value returned, or a value of MaxText characters refused")
	}
	vals, _ := m.Strings("list")
	if len(vals) != 1 {
		t.Fatalf("list items: %d", len(vals))
	}
	want := []string{
		`f.yaml:1:7: field "name" is 10001 characters long; at most 10000 are allowed`,
		`f.yaml:2:12: an item of "list" is 10001 characters long; at most 10000 are allowed`,
	}
	if len(r.Problems) != len(want) {
		t.Fatalf("problems: %v", r.Problems)
	}
	for i, w := range want {
		if r.Problems[i].String() != w {
			t.Errorf("got  %s\nwant %s", r.Problems[i], w)
		}
	}
}

func TestProblemMessagesStayOneShortLine(t *testing.T) {
	p := Problem{File: "f", Pos: Pos{1, 1}, Msg: "unknown question id " + strings.Repeat("é", 5000)}
	if s := p.String(); len(s) > maxMsg+20 || !strings.HasSuffix(s, "…") || !utf8Valid(s) {
		t.Fatalf("%d bytes: %.60s…", len(s), s)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// Anchors, tags and colons inside words must not hide nesting from the scan.
func TestCheckSeesNestingBehindAnchorsAndTags(t *testing.T) {
	for name, src := range map[string]string{
		"anchors": "a: " + strings.Repeat("&x [", 100) + strings.Repeat("]", 100) + "\n",
		"tags":    "a: " + strings.Repeat("!!seq [", 100) + strings.Repeat("]", 100) + "\n",
		"block":   strings.Repeat("- &a\n", 1) + strings.Repeat("[", 100) + "\n",
	} {
		if err := Check("f.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "nested more than 64") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Whatever the scan thinks, goccy never sees deep brackets: were the scan
// blind to some nesting, locating the syntax error would still cost no more
// than yaml.v3.
func TestSyntaxErrorLocatorIsBoundedWhateverTheScanThinks(t *testing.T) {
	data := []byte("a: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n")
	done := make(chan Problems, 1)
	go func() {
		r := &Reader{File: "f.yaml"}
		r.syntaxError(data, 0, errors.New("yaml: line 1: exceeded max depth of 10000")) // as if the scan counted no nodes
		done <- r.Problems
	}()
	select {
	case ps := <-done:
		if len(ps) != 1 || ps[0].String() != "f.yaml:1:1: invalid YAML: exceeded max depth of 10000" {
			t.Fatalf("got %v", ps)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still locating after 10 s")
	}
	if smallForGoccy([]byte(`a: "` + strings.Repeat("[", 65) + `"`)) {
		t.Fatal("brackets in quotes must count for goccy")
	}
}

// A line continuing a plain scalar is text, even when it starts with a
// quote: the scan once took it for a quoted string and skipped the rest of
// the file, nesting included.
func TestCheckReadsPlainScalarContinuations(t *testing.T) {
	deep := strings.Repeat("[", 100) + strings.Repeat("]", 100)
	for name, src := range map[string]string{
		"mapping value": "a: word\n  'x\nb: " + deep + "\n",
		"list item":     "- word\n  \"x\n- " + deep + "\n",
		"in flow":       "a: [word\n 'x, " + deep + "]\n",
		"block scalar":  "- k: |\n    text\n  other: " + deep + "\n",
	} {
		if err := Check("f.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "nested more than 64") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A "key: value" entry of a flow sequence is a mapping of its own, a
// level the brackets do not show: "[[]: x]" is a sequence of a mapping
// whose key is a sequence. The scan counted only the brackets, so 60
// brackets around "0: [[]:]" passed the 64-level bound while yaml.v3
// built 66 levels (found by FuzzCheckBoundsTheParse).
func TestCheckCountsPairsInFlowSequences(t *testing.T) {
	deep := func(n int, inner string) []byte {
		return []byte("items:\n- " + strings.Repeat("[", n) + inner + strings.Repeat("]", n) + "\n")
	}
	for _, c := range []struct {
		data []byte
		ok   bool
	}{
		{deep(60, "0: [[]:]"), false},     // 66 levels
		{deep(58, "[[[]: a]: b]"), false}, // 65 levels
		{deep(55, "[[[]: a]: b]"), true},  // 62
		{deep(40, "0: [[]:]"), true},
		{deep(61, "x"), true},     // brackets alone, as before
		{deep(62, "a: b"), false}, // 65 levels
		{deep(61, "a: b"), true},  // 64
		{deep(30, "[{a: b}: c, d: [e]]"), true},
	} {
		_, err := check("f.yaml", c.data)
		if ok := err == nil; ok != c.ok {
			t.Errorf("%.60q…: accepted %v, want %v (%v)", c.data, ok, c.ok, err)
			continue
		}
		if err != nil && !strings.Contains(err.Error(), "nested more than 64 levels deep") {
			t.Errorf("%.60q…: %v", c.data, err)
		}
	}
}
