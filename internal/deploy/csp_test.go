package deploy

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/stretchguide/stretchguide/generator/cms"
)

// blocked lists the inline code in an HTML page or SVG file that the policy csp
// would block: <script> and <style> elements whose hash the policy does not list,
// style="" attributes, event handler attributes (onclick=...) and javascript: URLs.
func blocked(markup []byte, csp string) []string {
	p := policy(csp)
	allows := func(directive, body string) bool {
		sources, ok := p[directive]
		if !ok {
			sources = p["default-src"]
		}
		sum := sha256.Sum256([]byte(body))
		return slices.Contains(sources, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	var out []string
	z := html.NewTokenizer(bytes.NewReader(markup))
	inline := "" // "script" or "style" while inside such an element without src
	svg := 0     // depth of <svg> elements, where <script/> closes itself
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.TextToken:
			if inline != "" && !allows(inline+"-src", string(z.Text())) {
				out = append(out, "inline <"+inline+">")
			}
		case html.EndTagToken:
			inline = ""
			if name, _ := z.TagName(); string(name) == "svg" && svg > 0 {
				svg--
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			inline = ""
			if t.Data == "svg" && tt == html.StartTagToken {
				svg++
			}
			if tt == html.SelfClosingTagToken && svg > 0 {
				z.NextIsNotRawText()
			}
			hasSrc := false
			for _, a := range t.Attr {
				switch {
				case a.Key == "src" || (t.Data == "script" && strings.HasSuffix(a.Key, "href")):
					hasSrc = true
				case t.Data == "script" && a.Key == "type" && dataBlock(a.Val):
					hasSrc = true // a data block (JSON) is never run: no policy applies to it
				case a.Key == "style":
					out = append(out, "style attribute on <"+t.Data+">")
				case strings.HasPrefix(a.Key, "on"):
					out = append(out, a.Key+" attribute on <"+t.Data+">")
				}
				if strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					out = append(out, "javascript: URL on <"+t.Data+">")
				}
			}
			if (t.Data == "script" && !hasSrc || t.Data == "style") && tt == html.StartTagToken {
				inline = t.Data
			}
		}
	}
}

// dataBlock reports whether a script element's type makes it a data block, which
// the browser never runs: any type but JavaScript's and module.
func dataBlock(typ string) bool {
	typ = strings.ToLower(strings.TrimSpace(typ))
	return typ != "" && typ != "module" && !strings.Contains(typ, "javascript") && !strings.Contains(typ, "ecmascript")
}

func TestBlockedFindsEachKindOfInlineCode(t *testing.T) {
	const strict = "default-src 'self'"
	sum := sha256.Sum256([]byte("go()"))
	hashed := "default-src 'self'; script-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	for _, tc := range []struct {
		markup, csp string
		want        []string
	}{
		{`<script src="a.js"></script><link rel="stylesheet" href="s.css">`, strict, nil},
		{`<script>go()</script>`, strict, []string{"inline <script>"}},
		{`<script>go()</script>`, hashed, nil},
		{`<script>stop()</script>`, hashed, []string{"inline <script>"}},
		{`<style>p{}</style>`, hashed, []string{"inline <style>"}},
		{`<p style="color:red">`, strict, []string{"style attribute on <p>"}},
		{`<body onload="go()">`, strict, []string{"onload attribute on <body>"}},
		{`<a href=" JavaScript:go()">`, strict, []string{"javascript: URL on <a>"}},
		{`<svg><script href="a.js"/><rect style="fill:red"/></svg>`, strict, []string{"style attribute on <rect>"}},
		{`<p>The word onion and style="x" in text</p>`, strict, nil},
		{`<script type="application/json" id="ui-strings">{"a":"b"}</script>`, strict, nil},
		{`<script type="text/javascript">go()</script>`, strict, []string{"inline <script>"}},
		{`<script type="module">go()</script>`, strict, []string{"inline <script>"}},
	} {
		if got := blocked([]byte(tc.markup), tc.csp); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.markup, got, tc.want)
		}
	}
}

// TestNoInlineCodeTheCSPBlocks checks every page and picture of the guide against the
// policy netlify.toml sends, and that each page carries the same policy in its meta
// tag for hosts that cannot send headers (GitHub Pages).
func TestNoInlineCodeTheCSPBlocks(t *testing.T) {
	csp := readNetlify(t).headersFor(t, "/*")["Content-Security-Policy"]
	meta := `<meta http-equiv="Content-Security-Policy" content="` +
		strings.TrimSuffix(strings.TrimSpace(strings.Replace(csp, "frame-ancestors 'none'", "", 1)), ";") + `">`
	dir := buildGuide(t, "https://example.org/stretch-guide/")
	var pages int
	var lacking []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		ext := filepath.Ext(p)
		if ext != ".html" && ext != ".svg" || strings.HasPrefix(filepath.ToSlash(p), filepath.ToSlash(dir)+"/admin/") {
			return nil // the editor has its own policy: TestAdminPolicy
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		for _, what := range blocked(b, csp) {
			t.Errorf("%s: %s, which the Content-Security-Policy blocks", rel, what)
		}
		if ext == ".html" {
			pages++
			if !bytes.Contains(b, []byte(meta)) {
				lacking = append(lacking, rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lacking) > 0 {
		t.Errorf("%d pages (%s, ...) lack the policy of netlify.toml as %s", len(lacking), lacking[0], meta)
	}
	if pages < 30 {
		t.Errorf("checked %d pages; the guide has more", pages)
	}
}

// TestAdminPolicy checks the editor at /admin/: netlify.toml gives it its own policy,
// which allows the CMS script's origin and nothing more than the editor needs, after
// the rule for every page (so that it replaces theirs only there); the page loads the
// pinned script with its integrity hash, and nothing else from elsewhere.
func TestAdminPolicy(t *testing.T) {
	c := readNetlify(t)
	admin := c.headersFor(t, "/admin/*")["Content-Security-Policy"]
	var all, adm int
	for i, h := range c.Headers {
		switch h.For {
		case "/*":
			all = i
		case "/admin/*":
			adm = i
		}
	}
	if adm < all {
		t.Error(`the /admin/* rule must come after the /* rule, so its policy wins there`)
	}
	p := policy(admin)
	for directive, want := range map[string]string{
		"script-src": "'self' 'unsafe-eval' https://unpkg.com", "object-src": "'none'", "base-uri": "'self'", "frame-ancestors": "'none'", "default-src": "'self'",
	} {
		if got := strings.Join(p[directive], " "); got != want {
			t.Errorf("admin CSP %s = %q, want %q", directive, got, want)
		}
	}
	dir := buildGuide(t, "https://example.org/stretch-guide/")
	b, err := os.ReadFile(filepath.Join(dir, "admin", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := strings.ReplaceAll(string(b), "&#43;", "+")
	want := `<script src="` + cms.ScriptURL + `" integrity="` + cms.Integrity + `" crossorigin="anonymous"></script>`
	if !strings.Contains(page, want) || strings.Count(page, "<script") != 1 || !strings.HasPrefix(cms.ScriptURL, "https://unpkg.com/decap-cms@"+cms.Version+"/") {
		t.Errorf("admin/index.html should load only %s with its hash:\n%s", cms.ScriptURL, page)
	}
	if got := blocked(b, admin); len(got) > 0 {
		t.Errorf("admin/index.html: %v, which its policy blocks", got)
	}
}
