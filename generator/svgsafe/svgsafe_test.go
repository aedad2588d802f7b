package svgsafe

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">` + "\n"

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      string // "" for a safe picture, else "line:col: message prefix | fix"
	}{
		{"plain", head + `<circle r="4" fill="#d35400"/></svg>`, ""},
		{"gradient by id", head + `<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>`, ""},
		{"embedded png", head + `<image href="data:image/png;base64,iVBORw0KGgo="/></svg>`, ""},
		{"script", head + `<script>alert(1)</script></svg>`, "2:1: the picture has a <script> element | remove the <script> element"},
		{"script element", head + "<g>\n  <SCRIPT>alert(1)</SCRIPT></g></svg>", "3:3: the picture has a <SCRIPT> element"},
		{"script in comment", head + "<!-- <script> --></svg>", "2:6: the picture contains the text \"<script\""},
		{"onload", head + `<rect width="1"` + "\n" + `   onload="alert(1)"/></svg>`, "3:4: the attribute onload runs code when the picture is shown | remove the onload attribute"},
		{"javascript href", head + `<a href="javascript:alert(1)"><rect/></a></svg>`, "2:4: the attribute href holds a javascript: address"},
		{"javascript xlink split", head + `<a xlink:href="java&#9;script:alert(1)"><rect/></a></svg>`, "2:4: the attribute href holds a javascript: address"},
		{"animate to javascript", head + `<a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, "2:30: the attribute to holds a javascript: address"},
		{"foreignObject", head + `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject></svg>`, "2:1: the picture has a <foreignObject> element | remove the <foreignObject> element"},
		{"external href", head + `<image href="https://example.org/x.png"/></svg>`, "2:8: the attribute href points to another site"},
		{"protocol-relative", head + `<use xlink:href="//example.org/a.svg#x"/></svg>`, "2:6: the attribute href points to another site"},
		{"same site", head + `<use href="other.svg#x"/><image href="photo.png"/></svg>`, ""},
		{"svg data", head + `<image href="data:image/svg+xml;base64,AAAA"/></svg>`, "2:8: the attribute href embeds data that is not a bitmap"},
		{"style url", head + `<rect style="fill: url(https://example.org/a)"/></svg>`, "2:7: the attribute style points to another site"},
		{"style element import", head + "<style>\n@import url(http://example.org/a.css);</style></svg>", "2:8: the <style> element imports a stylesheet"},
		{"stylesheet pi", `<?xml-stylesheet href="http://example.org/a.css"?>` + head + `</svg>`, "1:1: the picture loads a stylesheet from another file"},
		{"entity", `<!DOCTYPE svg [<!ENTITY x "y">]>` + head + `</svg>`, "1:1: the picture declares its own entities"},
		{"not svg", `<html><body/></html>`, "1:1: the file is not an SVG picture: its first element is <html>"},
		{"yaml", "title: notes\n", "1:1: the file is not an SVG picture: it has no <svg> element"},
		{"broken", head + `<rect`, "2:1: the picture is not well-formed SVG"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Check([]byte(c.src))
			if c.want == "" {
				if len(got) != 0 {
					t.Fatalf("want no problems, got %v", got)
				}
				return
			}
			want, fix, _ := strings.Cut(c.want, " | ")
			for _, p := range got {
				if strings.HasPrefix(fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Message), want) && strings.Contains(p.Fix, fix) {
					return
				}
			}
			t.Errorf("want %s, got %+v", c.want, got)
		})
	}
}

// TestShippedPicturesAreSafe checks every picture of the shipped guide.
func TestShippedPicturesAreSafe(t *testing.T) {
	files, _ := filepath.Glob("../../content/stretches/*.svg")
	more, _ := filepath.Glob("../../layouts/*.svg")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no pictures found")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := Check(src); len(got) != 0 {
			t.Errorf("%s: %+v", f, got)
		}
	}
}

func FuzzSVGCheck(f *testing.F) {
	f.Add([]byte(head + `<circle r="4"/></svg>`))
	f.Add([]byte(head + `<script>alert(1)</script></svg>`))
	f.Add([]byte(head + `<text><![CDATA[<script>]]></text></svg>`))
	f.Add([]byte(head + `<!-- <script> --></svg>`))
	f.Add([]byte(head + `<a xlink:href="javascript:x" onclick="y"/></svg>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		got := Check(src)
		if len(got) == 0 && strings.Contains(strings.ToLower(string(src)), "<script") {
			t.Fatalf("accepted a picture containing <script: %q", src)
		}
		for _, p := range got {
			if p.Line < 1 || p.Col < 1 || p.Message == "" || p.Fix == "" {
				t.Fatalf("incomplete problem %+v", p)
			}
		}
	})
}
