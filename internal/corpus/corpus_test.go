package corpus_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/internal/corpus"
)

func TestSameFilesEveryTime(t *testing.T) {
	a, b := corpus.Files(120), corpus.Files(120)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

// count counts the files below dir/ ending in ext.
func count(files map[string][]byte, dir, ext string) int {
	n := 0
	for p := range files {
		if strings.HasPrefix(p, dir+"/") && strings.HasSuffix(p, ext) {
			n++
		}
	}
	return n
}

var stretchLink = regexp.MustCompile(`\]\([a-z0-9-]+\.md\)`)

func TestSizesAndShape(t *testing.T) {
	for _, c := range []struct{ n, routines, refs int }{{1, 1, 50}, {100, 10, 50}, {1000, 100, 200}} {
		files := corpus.Files(c.n)
		if got := count(files, "stretches", ".md"); got != c.n {
			t.Errorf("n=%d: %d stretches", c.n, got)
		}
		if got := count(files, "routines", ".md"); got != c.routines {
			t.Errorf("n=%d: %d routines, want %d", c.n, got, c.routines)
		}
		refs := bytes.Count(files["references/references.yaml"], []byte("\n- id: "))
		if refs != c.refs {
			t.Errorf("n=%d: %d references, want %d", c.n, refs, c.refs)
		}
		for p, b := range files {
			if !strings.HasPrefix(p, "stretches/") || !strings.HasSuffix(p, ".md") {
				continue
			}
			parts := bytes.SplitN(b, []byte("---\n"), 3)
			if len(parts) != 3 {
				t.Fatalf("%s has no front matter", p)
			}
			body := string(parts[2])
			if w := len(strings.Fields(body)); w < 300 || w > 500 {
				t.Errorf("%s has %d words, want 300 to 500", p, w)
			}
			list, _, _ := bytes.Cut(bytes.SplitN(parts[1], []byte("citations: ["), 2)[1], []byte("]"))
			cites := bytes.Count(list, []byte(",")) + 1
			if cites < 2 || cites > 4 {
				t.Errorf("%s cites %d references in its front matter, want 2 to 4", p, cites)
			}
			if !strings.Contains(body, ", p. ") || (c.n > 1 && !stretchLink.MatchString(body)) || !strings.Contains(body, "](../red-flags.md#") {
				t.Errorf("%s lacks an inline citation with a locator, a link to a stretch or one to a warning sign:\n%s", p, body)
			}
		}
	}
}

// The guide is meant to build as it is: check must find no error and not even a
// warning (reading grades are only information), at sizes where every reference is
// cited by a stretch and where some are cited only by the about page. Review dates
// are measured against a fixed day, so the test does not age.
func TestPassesCheck(t *testing.T) {
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{1, 7, 60, 300} {
		dir := filepath.Join(t.TempDir(), "content")
		if err := corpus.Write(dir, n); err != nil {
			t.Fatal(err)
		}
		for _, d := range generator.Check(generator.Options{Content: dir, Today: today}) {
			if d.Severity != diag.Info {
				t.Errorf("n=%d: %s", n, d)
			}
		}
	}
}
