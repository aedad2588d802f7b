package load

import (
	"bytes"
	"crypto/sha256"
	"io"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/readability"
)

// Document is one Markdown file of content/ after loading: its front matter decoded,
// its body parsed, and what later steps need from the body measured once. A
// Document never changes after Load: later steps only read it, so a Builder may
// keep it from one build to the next.
type Document struct {
	Path    string // below content/, with forward slashes
	Display string // as shown in messages
	Kind    guide.Kind
	Slug    string
	// Lang is the language of a translation (bridge.es.md: es), "" for an original.
	Lang string
	// Outdated is set on a translation merged with an original reviewed after it
	// (Translate).
	Outdated bool
	// MatterLine is the line the front matter starts on, and fields where each of
	// its top-level fields' value is written (MatterValueAt). What the values hold
	// is in Front: the YAML tree is dropped once the document is measured, as its
	// nodes took a fifth of a big guide's memory.
	MatterLine int
	fields     []matterField
	prose      []prosePiece // the front matter's prose values, for ReadingIn
	// Front is the decoded front matter: *front.Site, *front.RedFlags,
	// *front.Stretch, *front.Routine or *front.Page, by Kind. Its problems were
	// reported by Load.
	Front   any
	BodySum [32]byte        // the SHA-256 of Body, for the key of its rendering
	Anchors map[string]bool // ids of the body's headings
	Reading readability.Stats
	Todos   diag.List // a warning for each line with a TODO left in it

	// body is what follows the front matter, padded (see Body), words the words
	// of its text (Words) and sites its links, images and citations (Sites); all
	// three empty when load put them in a spill, which keeps them at spilled,
	// spilledWords and spilledSites.
	body                                []byte
	words                               string
	sites                               []Site
	spilled, spilledWords, spilledSites *io.SectionReader
	spill                               *Spill

	// parser parsed the body once, for the walk that filled in the fields above; Parse
	// parses it again. The tree is not kept: the syntax trees of a guide of
	// 10,000 stretches held some 160 MB for as long as the build ran, and only the
	// walk and the rendering of the body read them.
	parser parser.Parser
	// readings holds what ReadingIn measured, by language; shared by the copies
	// Translate and Merge make, which keep the body and prose it measures.
	readings *sync.Map
}

// Body is the Markdown that follows the front matter, padded with newlines so that
// its offsets give the file's line numbers: held, or read back from the spill load
// kept it in (nil if that fails, which the Spill's Err reports).
func (d *Document) Body() []byte {
	if d.spilled != nil {
		return d.spill.read(d.spilled, d.Display)
	}
	return d.body
}

// Words are the words of the body's plain text for the search index, each once
// (words.List); the text itself, which only the index read, is not kept. Read back
// from the spill when load kept them there.
func (d *Document) Words() string {
	if d.spilledWords != nil {
		return string(d.spill.read(d.spilledWords, d.Display))
	}
	return d.words
}

// Sites are the body's links, images and citations in the order they are written,
// each a plain record; link resolves each. Read back from the spill when load kept
// them there (nil if that fails, which the Spill's Err reports).
func (d *Document) Sites() []Site {
	if d.spilledSites != nil {
		return d.spill.sites(d.spilledSites, d.Display)
	}
	return d.sites
}

// Parse parses the body again, to the tree load walked, and returns it with the
// body its segments point into: SiteNodes(tree) are the nodes of Sites(), in the
// same order.
func (d *Document) Parse() (tree ast.Node, body []byte) {
	body = d.Body()
	return d.parse(body), body
}

func (d *Document) parse(body []byte) ast.Node {
	return d.parser.Parse(text.NewReader(body), parser.WithContext(parser.NewContext()))
}

// newDocument makes the document of a file and walks its body; with a spill, the
// body is then kept there instead of in memory.
func newDocument(p, shown string, kind guide.Kind, slug string, matter *yaml.Node, fm any, body []byte, md parser.Parser, spill *Spill) *Document {
	d := &Document{Path: p, Display: shown, Kind: kind, Slug: slug, MatterLine: matter.Line, Front: fm, body: body,
		BodySum: sha256.Sum256(body), parser: md, readings: &sync.Map{}}
	d.walkBody(matter, d.parse(body))
	if spill != nil {
		spill.keep(d)
	}
	d.fields = make([]matterField, 0, len(matter.Content)/2)
	for i := 0; i+1 < len(matter.Content); i += 2 {
		v := matter.Content[i+1]
		d.fields = append(d.fields, matterField{matter.Content[i].Value, v.Line, v.Column})
	}
	return d
}

// matterField is a top-level field of front matter: its key, and where its value is.
type matterField struct {
	key       string
	line, col int
}

// Position turns a byte offset of the body into a line and column of the file.
func (d *Document) Position(offset int) (line, col int) {
	body := d.Body()
	offset = min(max(offset, 0), len(body))
	before := body[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// TextPosition turns a position of the reading measures (a body offset, or -line
// for a front-matter value) into a line and column.
func (d *Document) TextPosition(at int) (line, col int) {
	if at < 0 {
		return -at, 0
	}
	return d.Position(at)
}

// MatterValueAt finds where the value of a top-level front-matter field is written.
func (d *Document) MatterValueAt(key string) (line, col int) {
	for _, f := range d.fields {
		if f.key == key {
			return f.line, f.col
		}
	}
	return 0, 0
}
