package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

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
