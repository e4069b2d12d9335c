// Package yamlfile reads YAML (and therefore JSON) documents node by node so
// that every problem found in them can be reported with its file, line and
// column, and all problems of a file can be reported at once.
package yamlfile

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

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
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// Problems is every problem found in a file; it is an error when not empty.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
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
}

// Parse parses data as a single YAML document. A syntax error is returned as
// a Problems value with its position.
func Parse(file string, data []byte) (ast.Node, *Reader, error) {
	r := &Reader{File: file}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			pos := ye.GetToken().Position
			r.Problems = append(r.Problems, Problem{File: file, Pos: Pos{pos.Line, pos.Column}, Msg: "invalid YAML: " + ye.GetMessage()})
		} else {
			r.Problems = append(r.Problems, Problem{File: file, Msg: "invalid YAML: " + err.Error()})
		}
		return nil, r, r.Problems
	}
	var docs []ast.Node
	for _, d := range f.Docs {
		if d.Body != nil {
			docs = append(docs, d.Body)
		}
	}
	switch len(docs) {
	case 0:
		r.Problems = append(r.Problems, Problem{File: file, Pos: Pos{1, 1}, Msg: "the file is empty"})
		return nil, r, r.Problems
	case 1:
		return docs[0], r, nil
	default:
		r.Errorf(docs[1], "expected one YAML document, found %d", len(docs))
		return nil, r, r.Problems
	}
}

// PosOf returns the position of a node.
func PosOf(n ast.Node) Pos {
	if n == nil || n.GetToken() == nil {
		return Pos{}
	}
	t := n.GetToken().Position
	return Pos{t.Line, t.Column}
}

// Errorf records a problem at node n.
func (r *Reader) Errorf(n ast.Node, format string, args ...any) {
	r.ErrorAt(PosOf(n), format, args...)
}

// ErrorAt records a problem at a position.
func (r *Reader) ErrorAt(p Pos, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{File: r.File, Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// Map is a YAML mapping read by key.
type Map struct {
	r      *Reader
	node   ast.Node
	keys   []string
	values map[string]*ast.MappingValueNode
}

// Mapping reads n as a mapping; what names it in the error when it is not one.
func (r *Reader) Mapping(n ast.Node, what string) (Map, bool) {
	n = unwrap(n)
	m := Map{r: r, node: n, values: map[string]*ast.MappingValueNode{}}
	mn, ok := n.(*ast.MappingNode)
	if !ok {
		r.Errorf(n, "%s must be a mapping of keys to values, not %s", what, describe(n))
		return m, false
	}
	for _, v := range mn.Values {
		key := v.Key.String()
		if _, dup := m.values[key]; dup {
			r.Errorf(v.Key, "duplicate key %q", key)
			continue
		}
		m.keys = append(m.keys, key)
		m.values[key] = v
	}
	return m, true
}

// Pos is the position of the mapping itself.
func (m Map) Pos() Pos { return PosOf(m.node) }

// Has reports whether key is present.
func (m Map) Has(key string) bool { _, ok := m.values[key]; return ok }

// KeyPos is the position of a key, or of the mapping when it is absent.
func (m Map) KeyPos(key string) Pos {
	if v, ok := m.values[key]; ok {
		return PosOf(v.Key)
	}
	return m.Pos()
}

// ValuePos is the position of a key's value, or of the mapping when absent.
func (m Map) ValuePos(key string) Pos {
	if v, ok := m.values[key]; ok {
		return PosOf(unwrap(v.Value))
	}
	return m.Pos()
}

// Node returns the value node of key, or nil.
func (m Map) Node(key string) ast.Node {
	if v, ok := m.values[key]; ok {
		return unwrap(v.Value)
	}
	return nil
}

// Keys returns the keys in file order.
func (m Map) Keys() []string { return m.keys }

// AllowOnly reports every key not in allowed.
func (m Map) AllowOnly(allowed ...string) {
	for _, k := range m.keys {
		known := false
		for _, a := range allowed {
			if k == a {
				known = true
				break
			}
		}
		if !known {
			m.r.Errorf(m.values[k].Key, "unknown field %q (expected one of: %s)", k, strings.Join(allowed, ", "))
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
	s, ok := scalar(n)
	if !ok {
		m.r.Errorf(n, "field %q must be text, not %s", key, describe(n))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		m.r.Errorf(n, "field %q must not be empty", key)
	}
	return s
}

// Bool reads a true/false value; absent is false.
func (m Map) Bool(key string) bool {
	n := m.Node(key)
	if n == nil || isNull(n) {
		return false
	}
	b, ok := n.(*ast.BoolNode)
	if !ok {
		m.r.Errorf(n, "field %q must be true or false, not %s", key, describe(n))
		return false
	}
	return b.Value
}

// Int reads an integer; absent is 0.
func (m Map) Int(key string) int {
	n := m.Node(key)
	if n == nil || isNull(n) {
		return 0
	}
	i, ok := n.(*ast.IntegerNode)
	if !ok {
		m.r.Errorf(n, "field %q must be a whole number, not %s", key, describe(n))
		return 0
	}
	switch v := i.Value.(type) {
	case int64:
		return int(v)
	case uint64:
		return int(v)
	}
	m.r.Errorf(n, "field %q is out of range", key)
	return 0
}

// Seq reads a sequence; absent is nil. A single scalar is not accepted.
func (m Map) Seq(key string) []ast.Node {
	n := m.Node(key)
	if n == nil || isNull(n) {
		return nil
	}
	s, ok := n.(*ast.SequenceNode)
	if !ok {
		m.r.Errorf(n, "field %q must be a list, not %s", key, describe(n))
		return nil
	}
	out := make([]ast.Node, len(s.Values))
	for i, v := range s.Values {
		out[i] = unwrap(v)
	}
	return out
}

// Strings reads a list of text values, with the position of each.
func (m Map) Strings(key string) ([]string, []Pos) {
	var vals []string
	var poss []Pos
	for _, n := range m.Seq(key) {
		s, ok := scalar(n)
		if !ok || isNull(n) {
			m.r.Errorf(n, "items of %q must be text, not %s", key, describe(n))
			continue
		}
		vals = append(vals, s)
		poss = append(poss, PosOf(n))
	}
	return vals, poss
}

// Text reads n as a scalar string.
func (r *Reader) Text(n ast.Node, what string) (string, bool) {
	n = unwrap(n)
	s, ok := scalar(n)
	if !ok || isNull(n) {
		r.Errorf(n, "%s must be text, not %s", what, describe(n))
		return "", false
	}
	return s, true
}

func scalar(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	case *ast.NullNode:
		return "", true
	}
	return "", false
}

func isNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return ok
}

// unwrap strips tags and anchors so a value reads as what it holds.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		default:
			return n
		}
	}
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "nothing"
	case *ast.AliasNode:
		return "an alias (aliases are not supported)"
	case nil:
		return "nothing"
	}
	if s, ok := scalar(n); ok {
		return fmt.Sprintf("%q", s)
	}
	return n.Type().String()
}

// List reads a sequence. When required, an absent, null or empty list is a
// problem.
func (m Map) List(key string, required bool) []ast.Node {
	items := m.Seq(key)
	if !required || len(items) > 0 {
		return items
	}
	n := m.Node(key)
	switch {
	case n == nil:
		m.r.ErrorAt(m.Pos(), "missing required field %q", key)
	case isNull(n):
		m.r.Errorf(n, "field %q must list at least one item", key)
	default:
		if s, ok := n.(*ast.SequenceNode); ok && len(s.Values) == 0 {
			m.r.Errorf(n, "field %q must list at least one item", key)
		}
	}
	return items
}
