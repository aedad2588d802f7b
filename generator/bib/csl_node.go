package bib

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// pair is one key and its value in a mapping.
type pair struct{ key, value *yaml.Node }

// pairs lists a mapping's keys and values with YAML merge keys (<<) expanded;
// keys of the mapping itself come before merged ones, so they take precedence
// when the caller keeps the first of a key.
func (r *cslReader) pairs(n *yaml.Node) []pair {
	var own, merged []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merged = append(merged, r.merge(v, 0)...)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			r.list.Errorf(r.path, k.Line, k.Column, "write field names as plain words", "a field name must be text, not %s", kindName(k))
			continue
		}
		own = append(own, pair{k, v})
	}
	if len(merged) == 0 {
		return own
	}
	seen := map[string]bool{}
	for _, p := range own {
		seen[strings.ToLower(p.key.Value)] = true
	}
	for _, p := range merged {
		if name := strings.ToLower(p.key.Value); !seen[name] {
			seen[name] = true
			own = append(own, p)
		}
	}
	return own
}

// unique drops every key of ps given again after its first (ignoring case, as
// the reader does), reporting each repeat at its place; the first is kept.
func (r *cslReader) unique(ps []pair) []pair {
	first := map[string]*yaml.Node{}
	out := ps[:0:0]
	for _, p := range ps {
		name := strings.ToLower(p.key.Value)
		if f, ok := first[name]; ok {
			r.list.Errorf(r.path, p.key.Line, p.key.Column, "delete one of them", "%q is given twice, %s; keep one", p.key.Value, twiceWhere(f.Line, p.key.Line))
			continue
		}
		first[name] = p.key
		out = append(out, p)
	}
	return out
}

// twiceWhere says where a key given twice is: "on lines 7 and 9", or "on line 7".
func twiceWhere(a, b int) string {
	if a == b {
		return fmt.Sprintf("on line %d", a)
	}
	return fmt.Sprintf("on lines %d and %d", a, b)
}

// merge lists the pairs a << value brings in: one mapping or a list of them.
func (r *cslReader) merge(v *yaml.Node, depth int) []pair {
	n := r.resolve(v)
	r.budget--
	if n == nil || depth > 10 || r.budget < 0 {
		return nil
	}
	var out []pair
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content) && r.budget > 0; i += 2 {
			r.budget--
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				out = append(out, r.merge(val, depth+1)...)
			} else if k.Kind == yaml.ScalarNode {
				out = append(out, pair{k, val})
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			out = append(out, r.merge(c, depth+1)...)
		}
	default:
		r.list.Errorf(r.path, n.Line, n.Column, "merge a mapping: <<: *name", "<< must name a mapping, not %s", kindName(n))
	}
	return out
}

// resolve follows an alias to the node it names, charging the nodes it
// brings in to the budget; it returns nil once the budget has run out.
func (r *cslReader) resolve(n *yaml.Node) *yaml.Node {
	if n == nil || n.Kind != yaml.AliasNode {
		return n
	}
	t := follow(n)
	if t == nil {
		return nil
	}
	r.budget -= r.size(t)
	if r.budget < 0 {
		if !r.over {
			r.over = true
			r.list.Errorf(r.path, n.Line, n.Column, "write the values out instead of repeating them with *aliases",
				"the file repeats values with aliases too often to be read")
		}
		return nil
	}
	return t
}

// size counts the nodes of the tree at n, an alias counting as one.
func (r *cslReader) size(n *yaml.Node) int {
	if s, ok := r.sizes[n]; ok {
		return s
	}
	s := 1
	if n.Kind != yaml.AliasNode {
		for _, c := range n.Content {
			s += r.size(c)
		}
	}
	r.sizes[n] = s
	return s
}

// follow follows aliases to the node they name.
func follow(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > 100 {
			return nil
		}
		n = n.Alias
	}
	return n
}

// isNull reports whether n is an empty value (null, ~ or nothing).
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "text"
	}
	return "nothing"
}
