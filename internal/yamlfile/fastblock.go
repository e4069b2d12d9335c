package yamlfile

import "go.yaml.in/yaml/v3"

// The block structure, read line by line. A collection at indentation n
// reads its entries while the next line with content is indented n; a line
// indented less ends it, and its parent must find that line at its own
// indentation, or the parse falls back: yaml.v3 rejects such a line, or
// reads it in a way this parser does not follow.

// sequence reads a block sequence whose "-" items are at indentation n,
// starting at the first. An indentless sequence (under a key at the key's
// own indentation) also ends at a line indented n that is not an item.
func (p *fastParser) sequence(n int, indentless bool) *yaml.Node {
	if p.depth++; p.depth > maxFastDepth {
		return nil
	}
	seq := p.node(yaml.SequenceNode, "!!seq", p.line, p.col(p.pos))
	from := len(p.kids)
	for {
		item := p.item(n)
		if item == nil {
			return nil
		}
		p.kids = append(p.kids, item)
		ind := p.nextContent()
		if ind == n && p.isItem() {
			continue
		}
		if ind < n || ind == n && indentless {
			break
		}
		return nil
	}
	seq.Content = p.content(from)
	p.depth--
	return seq
}

// item reads one sequence item, pos at its "-".
func (p *fastParser) item(n int) *yaml.Node {
	// An empty item is a null where the "-" ends.
	line, col := p.line, p.col(p.pos)+1
	p.pos++
	p.skipSpaces()
	if p.lineEnds() {
		return p.valueBelow(n, line, col, false)
	}
	switch {
	case p.isItem():
		return nil // "- - a": not in banks
	case p.keyLen() > 0:
		return p.mapping(p.pos - p.bol) // "- key: value", at the key's column
	}
	return p.inlineValue(n)
}

// mapping reads a block mapping whose keys are at indentation n, starting
// at the first.
func (p *fastParser) mapping(n int) *yaml.Node {
	if p.depth++; p.depth > maxFastDepth {
		return nil
	}
	m := p.node(yaml.MappingNode, "!!map", p.line, p.col(p.pos))
	from := len(p.kids)
	keys := keySet{from: from}
	for {
		k := p.keyLen()
		if k == 0 {
			return nil
		}
		key := p.plainNode(p.data[p.pos:p.pos+k], p.line, p.col(p.pos), true)
		if p.duplicate(&keys, key.Value) {
			return nil // yaml.v3's verdict on it stands
		}
		p.pos += k + 1
		// An empty value is a null where the ":" ends.
		line, col := p.line, p.col(p.pos)
		p.skipSpaces()
		var val *yaml.Node
		switch {
		case p.lineEnds():
			val = p.valueBelow(n, line, col, true)
		case p.isItem() || p.keyLen() > 0:
			return nil // "a: - b" and "a: b: c" are errors
		default:
			val = p.inlineValue(n)
		}
		if val == nil {
			return nil
		}
		p.kids = append(p.kids, key, val)
		ind := p.nextContent()
		if ind < n {
			break
		}
		if ind > n {
			return nil
		}
	}
	m.Content = p.content(from)
	p.depth--
	return m
}

// keySet is the keys of a mapping being read, whose entries start at
// kids[from]: looked for in kids while they are few, in seen once many.
type keySet struct {
	from int
	seen map[string]struct{}
}

// manyKeys is where a mapping's keys are indexed: banks have a few dozen
// at most, answers files thousands.
const manyKeys = 32

// duplicate reports whether key was met already, and notes it.
func (p *fastParser) duplicate(ks *keySet, key string) bool {
	if ks.seen == nil {
		n := (len(p.kids) - ks.from) / 2
		if n < manyKeys {
			for i := ks.from; i < len(p.kids); i += 2 {
				if p.kids[i].Value == key {
					return true
				}
			}
			return false
		}
		ks.seen = make(map[string]struct{}, 2*n)
		for i := ks.from; i < len(p.kids); i += 2 {
			ks.seen[p.kids[i].Value] = struct{}{}
		}
	}
	if _, ok := ks.seen[key]; ok {
		return true
	}
	ks.seen[key] = struct{}{}
	return false
}

// valueBelow reads the value of a key or item of a collection at
// indentation n whose line ends after the indicator: the node on the next
// lines indented more, a sequence at the key's own indentation, or else a
// null at line and col.
func (p *fastParser) valueBelow(n, line, col int, key bool) *yaml.Node {
	p.skipLine()
	ind := p.nextContent()
	switch {
	case ind > n:
		switch {
		case p.isItem():
			return p.sequence(ind, false)
		case p.keyLen() > 0:
			return p.mapping(ind)
		}
		return p.inlineValue(n)
	case ind == n && key && p.isItem():
		return p.sequence(n, true)
	}
	return p.node(yaml.ScalarNode, "!!null", line, col)
}

// inlineValue reads a scalar or flow collection that starts at pos, in a
// collection at indentation n. It leaves pos on the line the value ends on
// where nothing but a comment follows, or at the start of a later line.
func (p *fastParser) inlineValue(n int) *yaml.Node {
	switch p.data[p.pos] {
	case '"', '\'':
		v := p.quoted(n)
		if v == nil || !p.endOfLine() {
			return nil
		}
		return v
	case '|', '>':
		return p.blockScalar(n)
	case '[', '{':
		v := p.flowCollection()
		if v == nil || !p.endOfLine() {
			return nil
		}
		return v
	}
	if !plainStart(p.data[p.pos:]) {
		return nil
	}
	return p.plain(n)
}

// plainStart reports whether a plain scalar may start at the start of b,
// leaving out the indicators yaml.v3 reads otherwise, and "?" and ":"
// followed by text, which it reads as plain but banks do not use.
func plainStart(b []byte) bool {
	switch b[0] {
	case '-':
		return len(b) > 1 && b[1] != ' ' && b[1] != '\n'
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return true
}
