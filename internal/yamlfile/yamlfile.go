// Package yamlfile reads YAML (and therefore JSON) documents node by node so
// that every problem found in them can be reported with its file, line and
// column, and all problems of a file can be reported at once.
//
// Every file is first checked by one linear scan (Check): its size, its
// encoding, its nesting depth and its number of nodes are bounded before any
// parser sees it. It is then parsed with go.yaml.in/yaml/v3, whose nodes
// carry positions and which reads the 240 KB built-in bank several times
// faster than goccy/go-yaml; the questions of a long bank are parsed in parts,
// each by a fast parser of our own when it is written in the block YAML banks
// use (fast.go), which returns the nodes yaml.v3 would, and by yaml.v3
// otherwise. yaml.v3 places syntax errors at the start of the
// enclosing block, so on a syntax error a small file is parsed again with
// goccy/go-yaml, which points at the offending character; goccy costs far
// more than yaml.v3 per node, so larger files keep yaml.v3's line.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	goccy "github.com/goccy/go-yaml"
	goccyparser "github.com/goccy/go-yaml/parser"
	"go.yaml.in/yaml/v3"
)

// Node is a parsed YAML node.
type Node = *yaml.Node

// Pos is a 1-based line and column in a file.
type Pos struct {
	Line, Col int
}

// Problem is one thing wrong with a file, at a position.
type Problem struct {
	File string
	Pos
	Msg string
}

func (p Problem) String() string {
	msg := p.Msg
	if len(msg) > maxMsg {
		// A message quoting a long value stays one readable line.
		msg = strings.ToValidUTF8(msg[:maxMsg], "") + "…"
	}
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, msg)
}

const maxMsg = 400

// Problems is every problem found in a file; it is an error when not empty.
type Problems []Problem

// MaxShown is how many problems are printed; the rest are counted.
const MaxShown = 50

func (ps Problems) Error() string {
	var b strings.Builder
	ps.writeLines(&b)
	return strings.TrimSuffix(b.String(), "\n")
}

// Print writes the first MaxShown problems, one per line, then how many
// more there are and the total, so a file with a million mistakes prints a
// screenful.
func (ps Problems) Print(w io.Writer) {
	var b strings.Builder
	ps.writeLines(&b)
	noun := "problems"
	if len(ps) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(&b, "%d %s found\n", len(ps), noun)
	io.WriteString(w, b.String())
}

func (ps Problems) writeLines(b *strings.Builder) {
	for i, p := range ps {
		if i == MaxShown {
			fmt.Fprintf(b, "and %d more\n", len(ps)-MaxShown)
			break
		}
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
}

// Sort orders problems by position so reports read top to bottom.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
}

// Reader walks one parsed document and collects problems as it goes.
type Reader struct {
	File     string
	Problems Problems
	interned map[string]string
}

// Intern returns s, or an equal string it returned before: the same few
// names recur in every item of a long file, and are then kept once.
func (r *Reader) Intern(s string) string {
	if v, ok := r.interned[s]; ok {
		return v
	}
	if r.interned == nil {
		r.interned = map[string]string{}
	}
	r.interned[s] = s
	return s
}

var lineInError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse parses data as a single YAML document. A syntax error is returned as
// a Problems value with its position.
func Parse(file string, data []byte) (Node, *Reader, error) {
	nodes, err := check(file, data)
	if err != nil {
		return nil, &Reader{File: file}, err
	}
	return parse(file, data, nodes)
}

// parse parses data that passed check, which estimated its nodes.
func parse(file string, data []byte, nodes int) (Node, *Reader, error) {
	r := &Reader{File: file}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.ErrorAt(Pos{1, 1}, "the file is empty")
		} else {
			r.syntaxError(data, nodes, err)
		}
		return nil, r, r.Problems
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		r.Errorf(&extra, "expected one YAML document, found more")
		return nil, r, r.Problems
	} else if !errors.Is(err, io.EOF) {
		r.syntaxError(data, nodes, err)
		return nil, r, r.Problems
	}
	if len(doc.Content) == 0 {
		r.ErrorAt(Pos{1, 1}, "the file is empty")
		return nil, r, r.Problems
	}
	return doc.Content[0], r, nil
}

// goccy places syntax errors only in files this small: on them it costs at
// most a few tenths of a second and tens of megabytes (BenchmarkSyntaxError).
const (
	goccyMaxBytes = 1 << 20
	goccyMaxNodes = 40_000
)

func (r *Reader) syntaxError(data []byte, nodes int, err error) {
	if len(data) <= goccyMaxBytes && nodes <= goccyMaxNodes && smallForGoccy(data) {
		if _, gerr := goccyparser.ParseBytes(data, 0); gerr != nil {
			var ye goccy.Error
			if errors.As(gerr, &ye) && ye.GetToken() != nil {
				p := ye.GetToken().Position
				r.ErrorAt(Pos{p.Line, p.Column}, "invalid YAML: %s", ye.GetMessage())
				return
			}
		}
	}
	msg := strings.TrimSpace(err.Error())
	if m := lineInError.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		r.ErrorAt(Pos{line, 1}, "invalid YAML: %s", m[2])
		return
	}
	r.ErrorAt(Pos{1, 1}, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// PosOf returns the position of a node.
func PosOf(n Node) Pos {
	if n == nil {
		return Pos{}
	}
	return Pos{n.Line, n.Column}
}

// Errorf records a problem at node n.
func (r *Reader) Errorf(n Node, format string, args ...any) {
	r.ErrorAt(PosOf(n), format, args...)
}

// ErrorAt records a problem at a position.
func (r *Reader) ErrorAt(p Pos, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{File: r.File, Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// IsMapping reports whether n is a mapping.
func IsMapping(n Node) bool { return resolve(n) != nil && resolve(n).Kind == yaml.MappingNode }

// Map is a YAML mapping read by key.
type Map struct {
	r    *Reader
	node Node
	// keys, their nodes and their values, in file order, without
	// duplicates. A mapping of a few keys (a question has about 18) is
	// searched in order; a larger one (an answers file's) through index.
	keys   []string
	keyAt  []Node
	values []Node
	index  map[string]int
}

// indexAbove is the number of keys from which a mapping is indexed.
const indexAbove = 24

// Mapping reads n as a mapping; what names it in the error when it is not one.
func (r *Reader) Mapping(n Node, what string) (Map, bool) {
	n = resolve(n)
	m := Map{r: r, node: n}
	if n == nil || n.Kind != yaml.MappingNode {
		r.Errorf(n, "%s must be a mapping of keys to values, not %s", what, describe(n))
		return m, false
	}
	size := len(n.Content) / 2
	m.keys, m.keyAt, m.values = make([]string, 0, size), make([]Node, 0, size), make([]Node, 0, size)
	if size > indexAbove {
		m.index = make(map[string]int, size)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if !r.checkLength(k, "a key", "") {
			continue
		}
		if m.find(key) >= 0 {
			r.Errorf(k, "duplicate key %q", key)
			continue
		}
		if m.index != nil {
			m.index[key] = len(m.keys)
		}
		m.keys = append(m.keys, key)
		m.keyAt = append(m.keyAt, k)
		m.values = append(m.values, v)
	}
	return m, true
}

// find returns the index of key, or -1.
func (m Map) find(key string) int {
	if m.index != nil {
		if i, ok := m.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range m.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// Pos is the position of the mapping itself.
func (m Map) Pos() Pos { return PosOf(m.node) }

// Has reports whether key is present.
func (m Map) Has(key string) bool { return m.find(key) >= 0 }

// KeyPos is the position of a key, or of the mapping when it is absent.
func (m Map) KeyPos(key string) Pos {
	if i := m.find(key); i >= 0 {
		return PosOf(m.keyAt[i])
	}
	return m.Pos()
}

// ValuePos is the position of a key's value, or of the mapping when absent.
func (m Map) ValuePos(key string) Pos {
	if i := m.find(key); i >= 0 {
		return PosOf(m.values[i])
	}
	return m.Pos()
}

// Node returns the value node of key, or nil.
func (m Map) Node(key string) Node {
	if i := m.find(key); i >= 0 {
		return resolve(m.values[i])
	}
	return nil
}

// Keys returns the keys in file order.
func (m Map) Keys() []string { return m.keys }

// AllowOnly reports every key not in allowed.
func (m Map) AllowOnly(allowed ...string) {
	for i, k := range m.keys {
		known := false
		for _, a := range allowed {
			if k == a {
				known = true
				break
			}
		}
		if !known {
			m.r.Errorf(m.keyAt[i], "unknown field %q (expected one of: %s)", k, strings.Join(allowed, ", "))
		}
	}
}

// String reads a scalar as text. A required key that is absent or empty is a
// problem.
func (m Map) String(key string, required bool) string {
	n := m.Node(key)
	if n == nil || isNull(n) {
		if required {
			if n == nil {
				m.r.ErrorAt(m.Pos(), "missing required field %q", key)
			} else {
				m.r.Errorf(n, "field %q must not be empty", key)
			}
		}
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		m.r.Errorf(n, "field %q must be text, not %s", key, describe(n))
		return ""
	}
	if !m.r.checkLength(n, "field %q", key) {
		return ""
	}
	if required && strings.TrimSpace(n.Value) == "" {
		m.r.Errorf(n, "field %q must not be empty", key)
	}
	return n.Value
}

// Bool reads a true/false value; absent is false.
func (m Map) Bool(key string) bool {
	n := m.Node(key)
	if n == nil || isNull(n) {
		return false
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		m.r.Errorf(n, "field %q must be true or false, not %s", key, describe(n))
		return false
	}
	b, _ := strconv.ParseBool(strings.ToLower(n.Value))
	return b
}

// Int reads an integer; absent is 0.
func (m Map) Int(key string) int {
	n := m.Node(key)
	if n == nil || isNull(n) {
		return 0
	}
	i, err := strconv.ParseInt(n.Value, 0, 64)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || err != nil {
		m.r.Errorf(n, "field %q must be a whole number, not %s", key, describe(n))
		return 0
	}
	return int(i)
}

// Number reads a number, whole or not; absent is 0. ok is false when the
// value is not a number (a problem is recorded).
func (m Map) Number(key string) (float64, bool) {
	n := m.Node(key)
	if n == nil || isNull(n) {
		return 0, true
	}
	tag := n.ShortTag()
	f, err := strconv.ParseFloat(n.Value, 64)
	if n.Kind != yaml.ScalarNode || (tag != "!!int" && tag != "!!float") || err != nil {
		m.r.Errorf(n, "field %q must be a number, not %s", key, describe(n))
		return 0, false
	}
	return f, true
}

// Seq reads a sequence; absent is nil. A single scalar is not accepted.
func (m Map) Seq(key string) []Node {
	n := m.Node(key)
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		m.r.Errorf(n, "field %q must be a list, not %s", key, describe(n))
		return nil
	}
	out := make([]Node, len(n.Content))
	for i, v := range n.Content {
		out[i] = resolve(v)
	}
	return out
}

// List reads a sequence. When required, an absent, null or empty list is a
// problem.
func (m Map) List(key string, required bool) []Node {
	items := m.Seq(key)
	if !required || len(items) > 0 {
		return items
	}
	n := m.Node(key)
	switch {
	case n == nil:
		m.r.ErrorAt(m.Pos(), "missing required field %q", key)
	case isNull(n), n.Kind == yaml.SequenceNode:
		m.r.Errorf(n, "field %q must list at least one item", key)
	}
	return items
}

// Strings reads a list of text values, with the position of each.
func (m Map) Strings(key string) ([]string, []Pos) {
	var vals []string
	var poss []Pos
	items := m.Seq(key)
	for _, n := range items {
		if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
			m.r.Errorf(n, "items of %q must be text, not %s", key, describe(n))
			continue
		}
		if !m.r.checkLength(n, "an item of %q", key) {
			continue
		}
		if vals == nil { // sized once: the lists are kept
			vals, poss = make([]string, 0, len(items)), make([]Pos, 0, len(items))
		}
		vals = append(vals, n.Value)
		poss = append(poss, PosOf(n))
	}
	return vals, poss
}

// Text reads n as a scalar string.
func (r *Reader) Text(n Node, what string) (string, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		r.Errorf(n, "%s must be text, not %s", what, describe(n))
		return "", false
	}
	if !r.checkLength(n, what, "") {
		return "", false
	}
	return n.Value, true
}

// MaxText is the longest text value, in characters: a long note fits, and
// nothing longer reaches the database or a screen.
const MaxText = 10_000

// checkLength records a problem when scalar n is longer than MaxText. what
// names n, with key quoted in it when it holds a %q: it is formatted only
// then, not for each of the 200,000 values of a large bank.
func (r *Reader) checkLength(n Node, what, key string) bool {
	if len(n.Value) <= MaxText || utf8.RuneCountInString(n.Value) <= MaxText {
		return true
	}
	if strings.Contains(what, "%q") {
		what = fmt.Sprintf(what, key)
	}
	r.Errorf(n, "%s is %d characters long; at most %d are allowed", what, utf8.RuneCountInString(n.Value), MaxText)
	return false
}

func isNull(n Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// resolve follows aliases so a value reads as what it stands for.
func resolve(n Node) Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}

func describe(n Node) string {
	switch {
	case n == nil || isNull(n):
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%q", n.Value)
}
