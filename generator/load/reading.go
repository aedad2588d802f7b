package load

import (
	"github.com/stretchguide/stretchguide/generator/readability"
	"go.yaml.in/yaml/v3"
)

// The reading measures count the text a patient reads on the page of a document:
// the prose fields of its front matter and its Markdown body, without code,
// citations, raw HTML or addresses (walk.go). Positions are body offsets, or -line
// for front-matter values.

// proseFields are the front-matter fields patients read, by kind of page: they are
// measured with the body. The red-flag page's flags are read too.
var proseFields = map[string]bool{"summary": true, "cues": true, "cautions": true}

// matterProse adds the prose fields of a front-matter mapping to t, each value as a
// sentence of its own; inFlag is set inside a warning sign, whose title and action
// are read.
func matterProse(n *yaml.Node, t *readability.Text, inFlag bool) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i].Value, n.Content[i+1]
		switch {
		case proseFields[key] || inFlag && (key == "title" || key == "action"):
			scalars(val, func(s *yaml.Node) { t.Add(s.Value, -s.Line); t.EndBlock() })
		case key == "flags" && val.Kind == yaml.SequenceNode:
			for _, f := range val.Content {
				matterProse(f, t, true)
			}
		}
	}
}

func scalars(n *yaml.Node, fn func(*yaml.Node)) {
	switch n.Kind {
	case yaml.ScalarNode:
		fn(n)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			scalars(c, fn)
		}
	}
}
