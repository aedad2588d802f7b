package bib

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// jsonListHint is the hint when a CSL-JSON file is not an array of items.
const jsonListHint = `write the items as a JSON array: [{"id": "gordon2016", ...}, ...]`

// maxJSONDepth bounds nesting; CSL items need about five levels.
const maxJSONDepth = 64

// ReadCSLJSON reads CSL-JSON as Zotero exports it: an array of items (a
// single item object is read too). path is used as given in positions and
// diagnostics.
func ReadCSLJSON(path string, data []byte) (refs []*guide.Reference, list diag.List) {
	r := newCSLReader(path, len(data))
	defer guard(path, &refs, &list)
	t := newJSONTree(data)
	if len(bytes.TrimSpace(t.data[t.base:])) == 0 {
		return r.document(nil, jsonListHint), r.list
	}
	root, err := t.value(0)
	if err == nil {
		if rest := t.offset(); rest < len(t.data) {
			err = &jsonError{off: rest, msg: "there is more text after the end of the JSON value"}
		}
	}
	if err != nil {
		line, col, msg := t.explain(err)
		r.list.Errorf(path, line, col, "check for a missing or extra comma, quote or bracket at or just before this place",
			"the JSON cannot be read: %s", msg)
	}
	if root == nil {
		return nil, r.list
	}
	return r.document(root, jsonListHint), r.list
}

// jsonTree turns JSON into yaml.Node trees with the line and column of every
// value, so that CSL-JSON is read by the same code as CSL-YAML.
type jsonTree struct {
	data  []byte
	base  int // bytes skipped before the decoder's input: a byte order mark
	dec   *json.Decoder
	lines lineIndex
}

func newJSONTree(data []byte) *jsonTree {
	base := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		base = 3
	}
	dec := json.NewDecoder(bytes.NewReader(data[base:]))
	dec.UseNumber()
	return &jsonTree{data: data, base: base, dec: dec, lines: newLineIndex(data)}
}

// jsonError is a problem found at a byte offset of the file.
type jsonError struct {
	off int
	msg string
}

func (e *jsonError) Error() string { return e.msg }

// offset is where the next token starts: the decoder's position with white
// space and the separators it has not consumed yet skipped.
func (t *jsonTree) offset() int {
	off := t.base + int(t.dec.InputOffset())
	for off < len(t.data) {
		switch t.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// value reads one JSON value. After an error it returns what it has read so
// far, leaving out the mapping pair or list item the error was in.
func (t *jsonTree) value(depth int) (*yaml.Node, error) {
	start := t.offset()
	tok, err := t.dec.Token()
	if err != nil {
		return nil, err
	}
	line, col := t.lines.pos(start)
	n := &yaml.Node{Line: line, Column: col}
	switch v := tok.(type) {
	case json.Delim:
		if depth >= maxJSONDepth {
			return nil, &jsonError{off: start, msg: "the values are nested too deeply"}
		}
		end := json.Delim('}')
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
		if v == '[' {
			end = ']'
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		}
		for t.dec.More() {
			var key *yaml.Node
			if n.Kind == yaml.MappingNode {
				if key, err = t.value(depth + 1); err != nil {
					return n, err
				}
			}
			val, err := t.value(depth + 1)
			if err != nil {
				return n, err
			}
			if key != nil {
				n.Content = append(n.Content, key)
			}
			n.Content = append(n.Content, val)
		}
		if tok, err := t.dec.Token(); err != nil {
			return n, err
		} else if tok != end {
			return n, &jsonError{off: start, msg: "brackets do not match"}
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", v
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", v.String()
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", "false"
		if v {
			n.Value = "true"
		}
	default:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

// explain gives the line, column and message for a decoding error. The
// offsets in the decoder's own syntax errors count from different places
// depending on where the error arose, so the file is checked again with
// json.Unmarshal, whose offsets count from the start of the input.
func (t *jsonTree) explain(err error) (line, col int, msg string) {
	end := max(len(bytes.TrimRight(t.data, " \t\r\n"))-1, 0)
	var own *jsonError
	var syn *json.SyntaxError
	var v any
	switch uerr := json.Unmarshal(t.data[t.base:], &v); {
	case errors.As(err, &own):
		line, col = t.lines.pos(own.off)
		return line, col, own.msg
	case errors.As(uerr, &syn) && int(syn.Offset) >= len(t.data)-t.base:
		line, col = t.lines.pos(end)
		return line, col, "the file ends before the JSON is complete"
	case errors.As(uerr, &syn):
		line, col = t.lines.pos(t.base + max(int(syn.Offset)-1, 0))
		return line, col, syn.Error()
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		line, col = t.lines.pos(end)
		return line, col, "the file ends before the JSON is complete"
	}
	line, col = t.lines.pos(t.offset())
	return line, col, err.Error()
}
