package devserver

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// batch waits for the watcher's next batch.
func batch(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b, ok := <-w.Batches():
		if !ok {
			t.Fatal("the watcher stopped")
		}
		return b
	case <-time.After(waitLimit):
		t.Fatalf("no batch after %v", waitLimit)
	}
	return nil
}

func TestWatcher(t *testing.T) {
	root := t.TempDir()
	stretches := filepath.Join(root, "stretches")
	if err := os.Mkdir(stretches, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(stretches, "bridge.md")
	if err := os.WriteFile(file, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := Watch([]string{root}, DefaultWindow)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	cases := []struct {
		name string
		save func(t *testing.T)
		want []string
	}{
		{"a plain write", func(t *testing.T) {
			if err := os.WriteFile(file, []byte("two"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{file}},
		{"write a temporary file and rename it over the file", func(t *testing.T) {
			tmp := filepath.Join(stretches, "bridge.md.new")
			if err := os.WriteFile(tmp, []byte("three"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(tmp, file); err != nil {
				t.Fatal(err)
			}
		}, []string{file, filepath.Join(stretches, "bridge.md.new")}},
		{"move the file aside, write a new one, remove the old (vim)", func(t *testing.T) {
			backup := file + "~"
			if err := os.Rename(file, backup); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte("four"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(backup); err != nil {
				t.Fatal(err)
			}
		}, []string{file}},
		{"a hidden swap file alone", func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(stretches, ".bridge.md.swp"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			// Nothing to report for it: follow it with a real change to see what the
			// batch holds.
			if err := os.WriteFile(file, []byte("five"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{file}},
		{"a new folder with files written at once", func(t *testing.T) {
			deep := filepath.Join(root, "pages", "more")
			if err := os.MkdirAll(deep, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{filepath.Join(root, "pages", "about.md"), filepath.Join(deep, "x.md")} {
				if err := os.WriteFile(f, []byte("new"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}, []string{filepath.Join(root, "pages"), filepath.Join(root, "pages", "about.md"), filepath.Join(root, "pages", "more", "x.md")}},
		{"a file in the folder created later", func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(root, "pages", "more", "y.md"), []byte("new"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{filepath.Join(root, "pages", "more", "y.md")}},
		{"a deletion", func(t *testing.T) {
			if err := os.Remove(filepath.Join(root, "pages", "about.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{filepath.Join(root, "pages", "about.md")}},
	}
	for _, c := range cases {
		c.save(t)
		// One save is one batch, unless the machine is so busy that the test paused
		// longer than the window between two steps of the save (TestWatcherBatchesABurst
		// checks batching itself): take whatever follows at once into account too.
		got := batch(t, w)
	drain:
		for {
			select {
			case more := <-w.Batches():
				got = append(got, more...)
			case <-time.After(100 * time.Millisecond):
				break drain
			}
		}
		// A batch may also name folders whose entries changed.
		for _, p := range c.want {
			if !slices.Contains(got, p) {
				t.Errorf("%s: batch %v lacks %s", c.name, got, p)
			}
		}
		for _, p := range got {
			if filepath.Base(p)[0] == '.' {
				t.Errorf("%s: batch %v holds a hidden file", c.name, got)
			}
		}
	}
}

// TestWatcherBatchesABurst writes many files in a row: they arrive together, not as
// one rebuild each.
func TestWatcherBatchesABurst(t *testing.T) {
	root := t.TempDir()
	w, err := Watch([]string{root}, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(root, string(rune('a'+i))+".md"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// On a busy machine the writes may straddle one quiet window; what matters is
	// that they come as a few batches, not one rebuild per file, and none is lost.
	seen := map[string]bool{}
	batches := 0
	for len(seen) < 20 && batches < 5 {
		for _, p := range batch(t, w) {
			seen[p] = true
		}
		batches++
	}
	if len(seen) != 20 || batches > 3 {
		t.Errorf("20 writes came as %d batches holding %d files; want at most 3 batches with all 20", batches, len(seen))
	}
}
