package generator

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// buildSite builds opts.Content (testdata/site when empty) into a fresh folder, and
// returns the folder.
func buildSite(t *testing.T, opts Options) string {
	t.Helper()
	if opts.Content == "" {
		opts.Content = "testdata/site"
	}
	if opts.Out == "" {
		opts.Out = filepath.Join(t.TempDir(), "public")
	}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatalf("build: %v", err)
	}
	return opts.Out
}

// readTree reads every file below dir, keyed by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(os.DirFS(dir), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGoldenPages renders the test site and compares whole pages with
// testdata/golden. Run `go test ./generator -run Golden -update` after an intended
// change, and read the diff before committing it.
func TestGoldenPages(t *testing.T) {
	got := readTree(t, buildSite(t, Options{BaseURL: "https://example.org/guide/"}))
	for p := range got {
		if strings.HasSuffix(p, ".pdf") {
			delete(got, p) // binary; handout_test.go reads the handouts as text
		}
	}
	golden := "testdata/golden"
	if *update {
		_ = os.RemoveAll(golden)
		for p, b := range got {
			file := filepath.Join(golden, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := readTree(t, golden)
	for p, b := range want {
		if !bytes.Equal(got[p], b) {
			t.Errorf("%s differs from the golden file; run with -update to see the diff in git", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s was built but has no golden file", p)
		}
	}
}

func TestBuildWritesEveryKindOfPage(t *testing.T) {
	files := readTree(t, buildSite(t, Options{}))
	for _, p := range []string{"index.html", "stretches/bridge/index.html", "stretches/bridge/bridge.svg",
		"routines/bedtime/index.html", "areas/lower-back/index.html", "areas/hips/index.html", "about/index.html",
		"red-flags/index.html", "bibliography/index.html", "404.html", "sitemap.xml",
		"stretches/index.html", "positions/lying/index.html", "search.json",
		"schema/stretch.json", "schema/routine.json", "schema/red-flags.json", "schema/page.json", "schema/site.json", "schema/reference.json", "schema/stretch.translation.json"} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s was not written", p)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a := readTree(t, buildSite(t, Options{}))
	b := readTree(t, buildSite(t, Options{}))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two builds of the same input", p)
		}
	}
}

func TestRawHTMLNeverReachesThePage(t *testing.T) {
	page := readTree(t, buildSite(t, Options{}))["stretches/bridge/index.html"]
	// The layouts load scripts with <script defer src=...>; the Markdown's is bare.
	if bytes.Contains(page, []byte("<script>")) || bytes.Contains(page, []byte("alert(")) {
		t.Errorf("raw HTML from the Markdown reached the page:\n%s", page)
	}
}

func TestRoutineTotalTime(t *testing.T) {
	page := string(readTree(t, buildSite(t, Options{}))["routines/bedtime/index.html"])
	// childs-pose 30 s; bridge overridden to a 30 s hold x 2 sets = 60 s;
	// open-book 20 s x 2 sets x both sides = 80 s. Total 170 s.
	if want := `<time datetime="PT2M50S">2 minutes 50 seconds</time>`; !strings.Contains(page, want) {
		t.Errorf("routine page lacks %s", want)
	}
}

// TestFailedBuildLeavesOutputUntouched runs a real build for every bad input of
// check_test.go and checks that the error names the place and public/ is unchanged.
func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	for _, c := range badInputs {
		t.Run(c.name, func(t *testing.T) {
			buildBadInput(t, c.file, c.content, c.want)
		})
	}
}

func buildBadInput(t *testing.T, file, content, want string) {
	out := buildSite(t, Options{})
	before := readTree(t, out)
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(file)), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Content: dir, Out: out})
	var be *diag.BuildError
	if !errors.As(err, &be) {
		t.Fatalf("want a BuildError, got %v", err)
	}
	if !containsPrefix(res.Problems, strings.Replace(want, "content/", filepath.ToSlash(dir)+"/", 1)) {
		t.Errorf("want a problem like %s, got:\n%s", want, list(res.Problems))
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output changed from %d to %d files", len(before), len(after))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s changed after a failed build", p)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public.stretchguide.json" && e.Name() != ".public.stretchguide-cache" { // what the first build wrote
			t.Errorf("a failed build left %s behind", e.Name())
		}
	}
}
