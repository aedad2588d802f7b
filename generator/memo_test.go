package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

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
	if filepath.Dir(cache) != filepath.Dir(opts.Out) {
		t.Fatalf("the memo %s is not beside %s", cache, opts.Out)
	}
	want := readTree(t, opts.Out)
	again, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Bodies != 0 || again.Pages != 0 {
		t.Errorf("a rebuild with nothing changed rendered %d bodies and %d pages", again.Bodies, again.Pages)
	}
	compareTrees(t, "rebuild", readTree(t, opts.Out), want)
}

// A file of the author's where the memo would go is neither read nor replaced.
func TestForeignFileAtMemoPathIsLeftAlone(t *testing.T) {
	opts := Options{Content: "testdata/site", Out: filepath.Join(t.TempDir(), "public")}
	cache := write.CachePath(opts.Out)
	notes := []byte("my notes, not a memo\n")
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
