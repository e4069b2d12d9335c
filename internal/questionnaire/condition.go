package questionnaire

import (
	"fmt"
	"strings"
)

// Condition is a parsed applies_if expression.
//
// The language is small on purpose: fact names (see KnownFacts) combined with
// "not", "and", "or" and parentheses; "not" binds tightest, then "and", then
// "or". Example: "has_offices and not own_hardware".
type Condition interface {
	Eval(Facts) bool
	// Facts lists the fact names the condition tests.
	Facts() []string
	String() string
}

// ConditionError is a syntax error at a 0-based offset of the expression.
type ConditionError struct {
	Offset int
	Msg    string
}

func (e *ConditionError) Error() string { return e.Msg }

// ParseCondition parses an applies_if expression. It does not check that the
// facts exist; validation does that so it can report each unknown fact.
func ParseCondition(src string) (Condition, error) {
	toks, err := lexCondition(src)
	if err != nil {
		return nil, err
	}
	p := &condParser{toks: toks, end: len(src)}
	c, err := p.or()
	if err != nil {
		return nil, err
	}
	if t, ok := p.peek(); ok {
		return nil, &ConditionError{t.off, fmt.Sprintf("unexpected %q in condition", t.text)}
	}
	return c, nil
}

type condToken struct {
	text string
	off  int
}

func lexCondition(src string) ([]condToken, error) {
	var toks []condToken
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')':
			toks = append(toks, condToken{string(c), i})
			i++
		case isIdentByte(c):
			j := i
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			toks = append(toks, condToken{src[i:j], i})
			i = j
		default:
			return nil, &ConditionError{i, fmt.Sprintf("unexpected character %q in condition (use fact names, not, and, or, parentheses)", c)}
		}
	}
	return toks, nil
}

func isIdentByte(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
}

type condParser struct {
	toks []condToken
	pos  int
	end  int
}

func (p *condParser) peek() (condToken, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return condToken{}, false
}

func (p *condParser) accept(word string) bool {
	if t, ok := p.peek(); ok && t.text == word {
		p.pos++
		return true
	}
	return false
}

func (p *condParser) or() (Condition, error) {
	left, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.accept("or") {
		right, err := p.and()
		if err != nil {
			return nil, err
		}
		left = binary{"or", left, right}
	}
	return left, nil
}

func (p *condParser) and() (Condition, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.accept("and") {
		right, err := p.unary()
		if err != nil {
			return nil, err
		}
		left = binary{"and", left, right}
	}
	return left, nil
}

func (p *condParser) unary() (Condition, error) {
	t, ok := p.peek()
	if !ok {
		return nil, &ConditionError{p.end, "condition ends too early: expected a fact name"}
	}
	switch t.text {
	case "not":
		p.pos++
		c, err := p.unary()
		if err != nil {
			return nil, err
		}
		return not{c}, nil
	case "(":
		p.pos++
		c, err := p.or()
		if err != nil {
			return nil, err
		}
		if !p.accept(")") {
			off := p.end
			if t, ok := p.peek(); ok {
				off = t.off
			}
			return nil, &ConditionError{off, "missing closing parenthesis in condition"}
		}
		return c, nil
	case ")", "and", "or":
		return nil, &ConditionError{t.off, fmt.Sprintf("unexpected %q in condition: expected a fact name", t.text)}
	}
	p.pos++
	return fact{t.text, t.off}, nil
}

type fact struct {
	name string
	off  int
}

func (f fact) Eval(fs Facts) bool { return fs[f.name] }
func (f fact) Facts() []string    { return []string{f.name} }
func (f fact) String() string     { return f.name }
func (f fact) offsets() []factUse { return []factUse{{f.name, f.off}} }

type not struct{ c Condition }

func (n not) Eval(fs Facts) bool { return !n.c.Eval(fs) }
func (n not) Facts() []string    { return n.c.Facts() }
func (n not) String() string     { return "not " + wrap(n.c) }

type binary struct {
	op          string
	left, right Condition
}

func (b binary) Eval(fs Facts) bool {
	if b.op == "and" {
		return b.left.Eval(fs) && b.right.Eval(fs)
	}
	return b.left.Eval(fs) || b.right.Eval(fs)
}
func (b binary) Facts() []string { return append(b.left.Facts(), b.right.Facts()...) }
func (b binary) String() string  { return wrap(b.left) + " " + b.op + " " + wrap(b.right) }

func wrap(c Condition) string {
	if b, ok := c.(binary); ok {
		return "(" + b.String() + ")"
	}
	return c.String()
}

// factUse is a fact named in a condition and where.
type factUse struct {
	name string
	off  int
}

// factUses lists each fact of a condition with its offset, for error reports.
func factUses(c Condition) []factUse {
	switch v := c.(type) {
	case fact:
		return v.offsets()
	case not:
		return factUses(v.c)
	case binary:
		return append(factUses(v.left), factUses(v.right)...)
	}
	return nil
}

// describeFacts lists the known facts for error messages.
func describeFacts() string { return strings.Join(FactNames(), ", ") }
