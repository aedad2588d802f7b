package bib

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/front"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// yamlListHint is the hint when a CSL-YAML file has no list of entries.
const yamlListHint = "start the file with references: and list each entry under it as - id: ..."

// ReadCSLYAML reads CSL-YAML as Pandoc writes it: a list of entries, or a
// mapping whose references field holds that list. path is used as given in
// positions and diagnostics.
func ReadCSLYAML(path string, data []byte) (refs []*guide.Reference, list diag.List) {
	r := newCSLReader(path, len(data))
	defer guard(path, &refs, &list)
	root, err := parseYAML(data)
	if err != nil {
		line, msg := yamlError(err)
		is := front.ExplainYAML(data, line, "the YAML cannot be read: ", "check the indentation, and put text holding a colon or # in quotes", msg, 0)
		r.list.Errorf(path, is.Line, is.Col, is.Hint, "%s", is.Msg)
		return nil, r.list
	}
	return r.document(root, yamlListHint), r.list
}

// parseYAML parses the first YAML document in data, turning a panic of the
// parser into an error.
func parseYAML(data []byte) (root *yaml.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			root, err = nil, fmt.Errorf("yaml: %v", p)
		}
	}()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, err
	}
	return &n, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlParserErrors are the messages of yaml.v3's parser (as against its
// scanner). yaml.v3 reports their line counting from 0, so one is added.
var yamlParserErrors = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'",
	"did not find expected '-' indicator", "did not find expected <document start>",
	"did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive",
	"found duplicate %YAML directive", "found incompatible YAML document",
	"found undefined tag handle",
}

// yamlError splits a yaml.v3 error into its line (1 when it gives none) and
// its message.
func yamlError(err error) (int, string) {
	msg := err.Error()
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return 1, strings.TrimPrefix(msg, "yaml: ")
	}
	line, err := strconv.Atoi(m[1])
	if err != nil || line < 1 {
		line = 1
	}
	msg = msg[len(m[0]):]
	if contains(yamlParserErrors, msg) {
		line++
	}
	return line, msg
}
