package front

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Matter is a file split into its front matter and its Markdown body.
type Matter struct {
	// Node is the front matter as a YAML mapping node whose lines count from the top
	// of the file. TOML front matter is converted to the same form. Nil when the file
	// has no front matter.
	Node *yaml.Node
	// Body is the Markdown after the front matter, preceded by one newline for every
	// line the front matter took, so that line numbers in the body match the file.
	Body []byte
	// Warnings are what the file says that YAML reads otherwise than an author
	// likely meant, such as two list items joined into one (yamlhint.go).
	Warnings []Issue
}

// Split separates front matter (YAML between --- lines, or TOML between +++ lines)
// from the body. A syntax error is returned as an Issue with the line counted from
// the top of the file.
func Split(src []byte) (Matter, *Issue) {
	first := firstLine(src)
	var raw []byte
	var isTOML bool
	capture := func(toml bool) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error { raw, isTOML = data, toml; return nil }
	}
	rest, err := frontmatter.Parse(bytes.NewReader(src),
		nil,
		frontmatter.NewFormat("---", "---", capture(false)),
		frontmatter.NewFormat("+++", "+++", capture(true)))
	if err != nil {
		return Matter{}, &Issue{At: At{1, 1}, Msg: "the file could not be read: " + err.Error()}
	}
	if raw == nil {
		if d := bytes.TrimSpace(firstLineText(src, first)); string(d) == "---" || string(d) == "+++" {
			return Matter{}, &Issue{At: At{first, 1}, Msg: fmt.Sprintf("the front matter that starts here has no closing %s line", d),
				Hint: fmt.Sprintf("add a line with only %s after the last field", d)}
		}
		return Matter{Body: src}, nil
	}
	offset := first // lines before the first front-matter line
	bodyStart := len(src) - len(rest)
	body := append(bytes.Repeat([]byte("\n"), bytes.Count(src[:bodyStart], []byte("\n"))), rest...)
	var node *yaml.Node
	var issue *Issue
	if isTOML {
		node, issue = tomlNode(raw, offset)
	} else {
		node, issue = yamlNode(raw, offset)
	}
	var warnings []Issue
	if issue == nil && !isTOML {
		warnings = yamlWarnings(raw, offset)
	}
	return Matter{Node: node, Body: body, Warnings: warnings}, issue
}

// nextLine is the line of src at pos with its newline, the position after it, and
// whether it ends the file without a newline (an empty line at the very end does).
func nextLine(src []byte, pos int) (line []byte, next int, eof bool) {
	i := bytes.IndexByte(src[pos:], '\n')
	if i < 0 {
		return src[pos:], len(src), true
	}
	return src[pos : pos+i+1], pos + i + 1, false
}

// firstLine is the line number of the first non-blank line (the opening delimiter).
func firstLine(src []byte) int {
	line := 1
	for pos := 0; ; line++ {
		l, next, eof := nextLine(src, pos)
		if len(bytes.TrimSpace(l)) > 0 {
			return line
		}
		if eof {
			return line + 1
		}
		pos = next
	}
}

func firstLineText(src []byte, line int) []byte {
	ls := bytes.SplitN(src, []byte("\n"), line+1)
	if len(ls) < line {
		return nil
	}
	return ls[line-1]
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func yamlNode(raw []byte, offset int) (*yaml.Node, *Issue) {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		line, msg := offset+1, err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil {
				line = offset + n
			}
			msg = m[2]
			// yaml.v3 counts lines from 0 for parser errors that carry a context
			// (all of which say "did not find expected ..."), and from 1 otherwise.
			if strings.HasPrefix(msg, "did not find expected") {
				line++
			}
		}
		return nil, yamlSyntaxIssue(raw, offset, line-offset, msg)
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: offset, Column: 1}, nil
	}
	root := doc.Content[0]
	shift(root, offset)
	if root.Kind != yaml.MappingNode {
		return nil, &Issue{At: at(root), Msg: "the front matter should be a list of `name: value` fields"}
	}
	return root, nil
}

func shift(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shift(c, by)
	}
}

// tomlNode decodes TOML and re-expresses it as a YAML node, so one decoder serves both.
// Every key and value keeps the line and column where the TOML text has it.
func tomlNode(raw []byte, offset int) (*yaml.Node, *Issue) {
	var m map[string]any
	if _, err := toml.Decode(string(raw), &m); err != nil {
		at := At{offset + 1, 1}
		msg := err.Error()
		var pe toml.ParseError
		if errors.As(err, &pe) {
			at = At{offset + pe.Position.Line, max(pe.Position.Col, 1)}
			msg = strings.TrimSuffix(pe.Message, ".")
		}
		return nil, &Issue{At: at, Msg: "the front matter is not valid TOML: " + msg,
			Hint: "each field is `name = value`, text is in double quotes, and lists are in [ ]"}
	}
	var node yaml.Node
	if err := node.Encode(m); err != nil {
		return nil, &Issue{At: At{offset, 1}, Msg: "the front matter could not be read: " + err.Error()}
	}
	places := newTOMLPlaces(raw, offset)
	places.place(&node, "", 0)
	node.Line, node.Column = offset, 1
	return &node, nil
}
