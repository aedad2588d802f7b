package deploy

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// netlifyConfig is the part of netlify.toml these tests read.
type netlifyConfig struct {
	Build struct {
		Command     string
		Publish     string
		Environment map[string]string
	}
	Context map[string]struct {
		Command string
	}
	Headers []struct {
		For    string
		Values map[string]string
	}
}

func readNetlify(t *testing.T) netlifyConfig {
	t.Helper()
	var c netlifyConfig
	md, err := toml.DecodeFile(filepath.Join(root, "netlify.toml"), &c)
	if err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		t.Fatalf("netlify.toml has keys this test does not check: %v", keys)
	}
	return c
}

// headersFor returns the headers of the rule for exactly the path pattern p.
func (c netlifyConfig) headersFor(t *testing.T, p string) map[string]string {
	t.Helper()
	for _, h := range c.Headers {
		if h.For == p {
			return h.Values
		}
	}
	t.Fatalf("netlify.toml has no [[headers]] rule for %q", p)
	return nil
}

// policy parses a Content-Security-Policy into directive -> sources.
func policy(csp string) map[string][]string {
	p := map[string][]string{}
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 {
			p[strings.ToLower(f[0])] = f[1:]
		}
	}
	return p
}

func TestNetlifyBuild(t *testing.T) {
	c := readNetlify(t)
	if c.Build.Publish != "public" {
		t.Errorf("publish = %q, want public (where make build writes)", c.Build.Publish)
	}
	if c.Build.Command != "make build BASE_URL=$URL" {
		t.Errorf("command = %q, want make build with Netlify's site address as the base URL", c.Build.Command)
	}
	for _, ctx := range []string{"deploy-preview", "branch-deploy"} {
		if got := c.Context[ctx].Command; got != "make build BASE_URL=$DEPLOY_PRIME_URL" {
			t.Errorf("%s command = %q, want make build with the preview's address as the base URL", ctx, got)
		}
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	if want == nil || c.Build.Environment["GO_VERSION"] != string(want[1]) {
		t.Errorf("GO_VERSION = %q, want the go version of go.mod, %s", c.Build.Environment["GO_VERSION"], want)
	}
}

// TestMakeBuildPassesTheBaseURL checks the command both hosts run: make build with
// BASE_URL must give the generator --base-url.
func TestMakeBuildPassesTheBaseURL(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	for _, tc := range []struct{ base, want string }{
		{"https://example.org/stretch-guide/", "--base-url https://example.org/stretch-guide/"},
		{"", ""}, // no base URL: no flag, so content/_index.md's base_url applies
	} {
		cmd := exec.Command("make", "-n", "build", "BASE_URL="+tc.base)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("make -n build: %v", err)
		}
		if got := string(out); !strings.Contains(got, "stretchguide build") || tc.want != "" && !strings.Contains(got, tc.want) ||
			tc.want == "" && strings.Contains(got, "--base-url") {
			t.Errorf("make build BASE_URL=%q runs %q, want a build with %q", tc.base, got, tc.want)
		}
	}
}

func TestNetlifySecurityHeaders(t *testing.T) {
	h := readNetlify(t).headersFor(t, "/*")
	for name, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"X-Frame-Options":        "DENY",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
	} {
		if h[name] != want {
			t.Errorf("%s = %q, want %q", name, h[name], want)
		}
	}
	perms := strings.Split(strings.ReplaceAll(h["Permissions-Policy"], " ", ""), ",")
	for _, feature := range []string{"camera=()", "microphone=()", "geolocation=()"} {
		if !strings.Contains(","+strings.Join(perms, ",")+",", ","+feature+",") {
			t.Errorf("Permissions-Policy %q does not deny %s", h["Permissions-Policy"], feature)
		}
	}
	p := policy(h["Content-Security-Policy"])
	for directive, want := range map[string]string{
		"default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "img-src": "'self'",
		"object-src": "'none'", "base-uri": "'self'", "form-action": "'self'", "frame-ancestors": "'none'",
	} {
		if got := strings.Join(p[directive], " "); got != want {
			t.Errorf("CSP %s = %q, want %q", directive, got, want)
		}
	}
	for directive, sources := range p {
		for _, s := range sources {
			if s != "'self'" && s != "'none'" {
				t.Errorf("CSP %s allows %s: only the site itself may be allowed", directive, s)
			}
		}
	}
}

// TestNetlifyCacheLifetimes checks that only fingerprinted files are kept for a year:
// the rule for /assets/ is immutable, every file the build puts there has a content
// hash in its name, and no other rule sets Cache-Control, so pages keep Netlify's
// "public, max-age=0, must-revalidate".
func TestNetlifyCacheLifetimes(t *testing.T) {
	c := readNetlify(t)
	if got := c.headersFor(t, "/assets/*")["Cache-Control"]; got != "public, max-age=31536000, immutable" {
		t.Errorf("/assets/* Cache-Control = %q, want a year, immutable", got)
	}
	for _, h := range c.Headers {
		for name := range h.Values {
			if strings.EqualFold(name, "Cache-Control") && h.For != "/assets/*" {
				t.Errorf("rule %q sets Cache-Control too; a page matching two rules would get both values", h.For)
			}
		}
	}
	assets, err := os.ReadDir(filepath.Join(buildGuide(t, ""), "assets"))
	if err != nil {
		t.Fatal(err)
	}
	hashed := regexp.MustCompile(`^[a-z0-9-]+\.[0-9a-f]{10}\.[a-z]+$`)
	for _, a := range assets {
		if !hashed.MatchString(a.Name()) {
			t.Errorf("assets/%s has no content hash in its name, but browsers keep it for a year", a.Name())
		}
	}
	if len(assets) < 2 {
		t.Errorf("the build wrote %d assets; want at least the stylesheet and the favicon", len(assets))
	}
}
