// Package svgsafe checks that an SVG picture is safe to publish as it is: a picture
// opened on its own runs its scripts, so a picture must hold no script, no event
// handler, no javascript: address, no HTML (foreignObject) and nothing fetched from
// elsewhere. Check only reads; it never changes the picture.
package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Problem is one thing that keeps a picture from being published, at a line and
// column (counted from 1) of the file.
type Problem struct {
	Line, Col int
	Message   string // what is wrong
	Fix       string // what to do about it
}

// refused are the elements a picture may not hold, lowercased.
var refused = map[string]bool{"script": true, "foreignobject": true, "iframe": true, "embed": true, "object": true}

// Check reads src as an SVG picture and returns every problem found, in the order of
// the file. No problems means the picture is an SVG and safe to publish.
func Check(src []byte) []Problem {
	c := &checker{src: src}
	c.read()
	if i := indexFold(src, "<script"); i >= 0 && !c.script {
		// In a comment or CDATA it does nothing, but no picture needs it there.
		c.add(i, "the picture contains the text \"<script\"", "remove the <script> element")
	}
	return c.problems
}

// read decodes the picture token by token, checking each.
func (c *checker) read() {
	d := xml.NewDecoder(bytes.NewReader(c.src))
	d.Strict = true
	root, inStyle := false, false
	for {
		start := int(d.InputOffset())
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			c.syntax(start, err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !root {
				root = true
				if t.Name.Local != "svg" {
					c.add(start, fmt.Sprintf("the file is not an SVG picture: its first element is <%s>, not <svg>", t.Name.Local),
						"save the picture as SVG from your drawing program")
					return
				}
			}
			c.element(start, int(d.InputOffset()), t)
			inStyle = strings.EqualFold(t.Name.Local, "style")
		case xml.EndElement:
			inStyle = false
		case xml.CharData:
			if inStyle {
				c.urls(start, string(t), "the <style> element")
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				c.add(start, "the picture declares its own entities in <!DOCTYPE>", "remove the <!DOCTYPE> line")
			}
		case xml.ProcInst:
			if t.Target == "xml-stylesheet" {
				c.add(start, "the picture loads a stylesheet from another file", "remove the <?xml-stylesheet ...?> line")
			}
		}
	}
	if !root && len(c.problems) == 0 {
		c.add(0, "the file is not an SVG picture: it has no <svg> element", "save the picture as SVG from your drawing program")
	}
}

type checker struct {
	src      []byte
	problems []Problem
	script   bool // a <script> element was reported
}

// add records a problem at byte offset off of the file.
func (c *checker) add(off int, msg, fix string) {
	line, col := position(c.src, off)
	c.problems = append(c.problems, Problem{Line: line, Col: col, Message: msg, Fix: fix})
}

// syntax reports XML the decoder could not read.
func (c *checker) syntax(off int, err error) {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		c.problems = append(c.problems, Problem{Line: se.Line, Col: 1, Message: "the picture is not well-formed SVG: " + se.Msg,
			Fix: "open the picture in a drawing program and save it again as SVG"})
		return
	}
	c.add(off, "the picture cannot be read: "+err.Error(), "save the picture again as UTF-8 SVG")
}

// element checks one start tag, found at src[start:end].
func (c *checker) element(start, end int, t xml.StartElement) {
	name := strings.ToLower(t.Name.Local)
	c.script = c.script || name == "script"
	if refused[name] {
		c.add(start, fmt.Sprintf("the picture has a <%s> element, which can run code or show another page", t.Name.Local),
			fmt.Sprintf("remove the <%s> element", t.Name.Local))
	}
	tag := c.src[start:min(end, len(c.src))]
	for _, a := range t.Attr {
		at := start + attrOffset(tag, a.Name.Local)
		local := strings.ToLower(a.Name.Local)
		value := squash(a.Value)
		switch {
		case strings.HasPrefix(local, "on"):
			c.add(at, fmt.Sprintf("the attribute %s runs code when the picture is shown", a.Name.Local),
				fmt.Sprintf("remove the %s attribute", a.Name.Local))
		case strings.Contains(value, "javascript:"):
			c.add(at, fmt.Sprintf("the attribute %s holds a javascript: address, which runs code", a.Name.Local),
				fmt.Sprintf("remove the %s attribute", a.Name.Local))
		case local == "href" || local == "src":
			if msg := badAddress(value); msg != "" {
				c.add(at, fmt.Sprintf("the attribute %s %s", a.Name.Local, msg),
					"draw it inside this picture, or put the file beside it and give just its name")
			}
		default:
			c.urls(at, a.Value, "the attribute "+a.Name.Local)
		}
	}
}

// urls checks each url(...) and @import of CSS text found at offset off.
func (c *checker) urls(off int, css, where string) {
	low := squash(css)
	if strings.Contains(low, "@import") {
		c.add(off, where+" imports a stylesheet from another file", "remove the @import")
	}
	if strings.Contains(low, "javascript:") {
		c.add(off, where+" holds a javascript: address, which runs code", "remove the javascript: address")
		return
	}
	for rest := low; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return
		}
		rest = rest[i+4:]
		arg, _, _ := strings.Cut(rest, ")")
		if msg := badAddress(strings.Trim(arg, `"'`)); msg != "" {
			c.add(off, where+" "+msg, "draw it inside this picture; url() may point to an id in it, like url(#shade)")
		}
	}
}

// badAddress says what is wrong with an address a picture refers to, or "" when it
// is an id inside the picture, an embedded bitmap, or a file of the same site (a
// relative address: it fetches nothing from elsewhere). addr is already squashed.
func badAddress(addr string) string {
	switch {
	case strings.HasPrefix(addr, "data:"):
		for _, ok := range []string{"data:image/png", "data:image/jpeg", "data:image/webp", "data:image/gif"} {
			if strings.HasPrefix(addr, ok) {
				return ""
			}
		}
		return "embeds data that is not a bitmap picture"
	case strings.HasPrefix(addr, "//") || strings.Contains(addr, ":"):
		return "points to another site"
	}
	return ""
}

// squash lowercases s and drops spaces and control characters, which browsers skip
// inside addresses ("java\tscript:" runs as "javascript:").
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// attrOffset finds where attribute name starts inside a raw start tag, or 0.
func attrOffset(tag []byte, name string) int {
	for i := 0; ; {
		j := bytes.Index(tag[i:], []byte(name))
		if j < 0 {
			return 0
		}
		i += j
		before := byte(' ')
		if i > 0 {
			before = tag[i-1]
		}
		after := bytes.TrimLeft(tag[i+len(name):], " \t\r\n")
		if (before <= ' ' || before == ':') && len(after) > 0 && after[0] == '=' {
			if before == ':' { // a prefixed name such as xlink:href starts at its prefix
				k := bytes.LastIndexAny(tag[:i], " \t\r\n")
				return k + 1
			}
			return i
		}
		i++
	}
}

// indexFold is bytes.Index ignoring ASCII case; sub must be lowercase ASCII. Only
// ASCII letters are lowered, so offsets stay those of b.
func indexFold(b []byte, sub string) int {
	low := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return bytes.Index(low, []byte(sub))
}

// position turns a byte offset of src into a line and a column counted in runes.
func position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	return line, utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
}
