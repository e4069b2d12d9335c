package yamlfile

import "go.yaml.in/yaml/v3"

// Flow collections, as banks write them: on one line, such as
// "[CC6.1, '5.3']" or "{why: \"...\", first_steps: [a, b]}", holding
// scalars, collections and, in a mapping, plain keys. Anything else in
// them falls back: a line break, an empty entry or a trailing comma, a key
// without a value, a plain scalar with a character that could end or open
// something.

// flowCollection reads a flow sequence or mapping, pos at its bracket.
func (p *fastParser) flowCollection() *yaml.Node {
	if p.depth++; p.depth > maxFastDepth {
		return nil
	}
	mapping := p.data[p.pos] == '{'
	n := p.node(yaml.SequenceNode, "!!seq", p.line, p.col(p.pos))
	closing := byte(']')
	if mapping {
		n.Kind, n.Tag, closing = yaml.MappingNode, "!!map", '}'
	}
	n.Style = yaml.FlowStyle
	from := len(p.kids)
	keys := keySet{from: from}
	p.pos++
	p.skipSpaces()
	for p.pos < len(p.data) && p.data[p.pos] != closing {
		if !p.flowEntry(mapping, &keys) {
			return nil
		}
		p.skipSpaces()
		if p.pos == len(p.data) || p.data[p.pos] != ',' {
			break
		}
		p.pos++
		p.skipSpaces()
		if p.pos < len(p.data) && p.data[p.pos] == closing {
			return nil // a trailing comma
		}
	}
	if p.pos == len(p.data) || p.data[p.pos] != closing {
		return nil
	}
	p.pos++
	n.Content = p.content(from)
	p.depth--
	return n
}

// flowEntry reads an item of a sequence, or a key and its value in a
// mapping whose keys so far are keys.
func (p *fastParser) flowEntry(mapping bool, keys *keySet) bool {
	if mapping {
		k := p.keyLen()
		if k == 0 || p.pos+k+1 == len(p.data) || p.data[p.pos+k+1] != ' ' {
			return false
		}
		key := p.plainNode(p.data[p.pos:p.pos+k], p.line, p.col(p.pos), true)
		if p.duplicate(keys, key.Value) {
			return false
		}
		p.kids = append(p.kids, key)
		p.pos += k + 1
		p.skipSpaces()
	}
	v := p.flowNode()
	if v == nil {
		return false
	}
	p.kids = append(p.kids, v)
	return true
}

// flowNode reads a node inside a flow collection.
func (p *fastParser) flowNode() *yaml.Node {
	if p.pos == len(p.data) {
		return nil
	}
	switch p.data[p.pos] {
	case '[', '{':
		return p.flowCollection()
	case '"', '\'':
		return p.quoted(-1)
	}
	start, end := p.pos, p.pos
	for ; p.pos < len(p.data); p.pos++ {
		c := p.data[p.pos]
		if c == ',' || c == ']' || c == '}' || c == '\n' {
			break
		}
		if flowIndicator(c) {
			return nil
		}
		if c != ' ' {
			end = p.pos + 1
		}
	}
	if end == start || p.data[start] == '-' {
		return nil
	}
	return p.plainNode(p.data[start:end], p.line, p.col(start), false)
}

// flowIndicator is a character that may change what a plain scalar in a
// flow collection means, or that banks do not put in one.
func flowIndicator(c byte) bool {
	switch c {
	case '[', '{', '#', ':', '?', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return true
	}
	return false
}
