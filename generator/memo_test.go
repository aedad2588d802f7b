package generator

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/render"
	"github.com/stretchguide/stretchguide/generator/write"
)

// A build saves its memo beside the output folder, and the next build into the same
// folder renders nothing that did not change, writing the same files.
func TestRebuildUsesSavedMemo(t *testing.T) {
	opts := Options{Content: "testdata/site", Out: filepath.Join(t.TempDir(), "public")}
	first, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if first.Bodies == 0 || first.Pages == 0 {
		t.Fatalf("the first build rendered %d bodies and %d pages", first.Bodies, first.Pages)
	}
	cache := write.CachePath(opts.Out)
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("no memo beside the output: %v", err)
	}
	if filepath.Dir(filepath.Dir(cache)) != filepath.Dir(opts.Out) {
		t.Fatalf("the memo %s is not in a folder beside %s", cache, opts.Out)
	}
	want := readTree(t, opts.Out)
	saved, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	// Touched, the output folder is no longer vouched for as up to date (uptodate.go),
	// so the build runs, with the memo.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(opts.Out, "index.html"), later, later); err != nil {
		t.Fatal(err)
	}
	again, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.UpToDate {
		t.Fatal("the build found the touched folder up to date")
	}
	if again.Bodies != 0 || again.Pages != 0 {
		t.Errorf("a rebuild with nothing changed rendered %d bodies and %d pages", again.Bodies, again.Pages)
	}
	compareTrees(t, "rebuild", readTree(t, opts.Out), want)
	// It keeps all the memo held, the stretch cards too, though no page needed them,
	// so the next edit to a summary renders only that stretch's cards.
	if now, err := os.ReadFile(cache); err != nil || !bytes.Equal(now, saved) {
		t.Errorf("a rebuild with nothing changed changed the memo: %d bytes, then %d (%v)", len(saved), len(now), err)
	}
}

// TestRebuildAfterEditEqualsFreshBuild: a build after one stretch changed renders
// only what the change reaches, takes the other pages from the saved memo, where they
// stay on disk, and writes what a first build writes; no spool is left beside the
// output folder.
func TestRebuildAfterEditEqualsFreshBuild(t *testing.T) {
	content := copySite(t)
	opts := Options{Content: content, Out: filepath.Join(t.TempDir(), "public")}
	first, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	stretch := filepath.Join(content, "stretches", "bridge.md")
	src := readFile(t, stretch)
	writeFile(t, stretch, src+"\nKeep your knees in line with your hips.\n")
	again, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Pages == 0 || again.Pages >= first.Pages {
		t.Errorf("the rebuild after one edit rendered %d pages of %d", again.Pages, first.Pages)
	}
	fresh := Options{Content: content, Out: filepath.Join(t.TempDir(), "public")}
	if _, err := Build(context.Background(), fresh); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, "rebuild after an edit", readTree(t, opts.Out), readTree(t, fresh.Out))
	entries, err := os.ReadDir(filepath.Dir(write.CachePath(opts.Out)))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".spool") {
			t.Errorf("the build left %s in the cache folder", e.Name())
		}
	}
}

// A body is rendered with its page and kept on disk with the pages, not in the
// guide: after an edit to a summary, the pages showing it render again with their
// bodies read back from the saved memo, none rendered again, and the output is a
// fresh build's.
func TestBodiesComeBackFromTheSavedMemo(t *testing.T) {
	content := copySite(t)
	opts := Options{Content: content, Out: filepath.Join(t.TempDir(), "public")}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	stretch := filepath.Join(content, "stretches", "bridge.md")
	const was = "summary: Lift your hips to work the muscles along your spine."
	writeFile(t, stretch, strings.Replace(readFile(t, stretch), was, "summary: Lift your hips to work your back.", 1))
	again, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Pages < 2 || again.Bodies != 0 {
		t.Errorf("after an edit to a summary the build rendered %d pages and %d bodies; want the pages showing it and no body",
			again.Pages, again.Bodies)
	}
	fresh := Options{Content: content, Out: filepath.Join(t.TempDir(), "public")}
	if _, err := Build(context.Background(), fresh); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, opts.Out)
	compareTrees(t, "rebuild after a summary edit", got, readTree(t, fresh.Out))
	if page := string(got["stretches/bridge/index.html"]); !strings.Contains(page, "Bridges help the muscles") {
		t.Errorf("the Bridge page lost its body:\n%.2000s", page)
	}
	c, ls := loadBench(t, content)
	ln := linkBench(t, c)
	if _, _, err := render.Site(ln, ls, render.Options{}, memo.New()); err != nil {
		t.Fatal(err)
	}
	for _, p := range ln.Order {
		if p.Body != "" {
			t.Errorf("the guide keeps the body of %s after render", p.URL)
		}
	}
}

// A file of the author's where the memo would go is neither read nor replaced.
func TestForeignFileAtMemoPathIsLeftAlone(t *testing.T) {
	opts := Options{Content: "testdata/site", Out: filepath.Join(t.TempDir(), "public")}
	cache := write.CachePath(opts.Out)
	notes := []byte("my notes, not a memo\n")
	if err := os.MkdirAll(filepath.Dir(cache), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cache, notes, 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
	}
	if b, err := os.ReadFile(cache); err != nil || !bytes.Equal(b, notes) {
		t.Fatalf("the author's file at %s was changed: %q, %v", cache, b, err)
	}
}

// A file of the author's where the cache folder would go is left alone too: the build
// goes without a saved memo and without a picture cache, and still builds.
func TestForeignFileAtCacheFolderIsLeftAlone(t *testing.T) {
	opts := Options{Content: "testdata/site", Out: filepath.Join(t.TempDir(), "public")}
	folder := filepath.Dir(write.CachePath(opts.Out))
	notes := []byte("my notes\n")
	if err := os.WriteFile(folder, notes, 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
	}
	if b, err := os.ReadFile(folder); err != nil || !bytes.Equal(b, notes) {
		t.Fatalf("the author's file at %s was changed: %q, %v", folder, b, err)
	}
}

// In a long serve session, editing a summary again and again leaves the memo as big
// as the first edit did: the cards showing a summary that is gone are dropped from
// the set of kept cards, not kept beside the new ones.
func TestEditedSummariesDoNotPileUp(t *testing.T) {
	content := copySite(t)
	b, err := NewBuilder(Options{Content: content, NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	stretch := filepath.Join(content, "stretches", "bridge.md")
	src := readFile(t, stretch)
	const was = "summary: Lift your hips to work the muscles along your spine."
	saved := filepath.Join(t.TempDir(), "memo")
	var sizes []int64
	for i := range 4 {
		now := fmt.Sprintf("summary: Lift your hips, edit number %d, to work your back.", i)
		writeFile(t, stretch, strings.Replace(src, was, now, 1))
		b.Changed(stretch)
		if _, _, err := b.Build(context.Background()); err != nil {
			t.Fatal(err)
		}
		if err := b.memo.Save(saved); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(saved)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, info.Size())
	}
	for i := 2; i < len(sizes); i++ {
		if sizes[i] != sizes[1] {
			t.Errorf("the saved memo after each edit of one summary: %d bytes; want it the same after every edit", sizes)
			break
		}
	}
}
