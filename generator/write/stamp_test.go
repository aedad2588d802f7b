package write

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A stamp vouches for the folder only while it holds exactly what Site wrote with
// it: any file or folder added, removed or touched since, another key, or a later
// Site without a stamp (which removes it), and Stamped says no.
func TestStampedSeesEveryChange(t *testing.T) {
	out := map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("a"), "a/b/c.txt": []byte("c")}
	changes := []struct {
		name   string
		change func(dir string) error
	}{
		{"nothing", func(string) error { return nil }},
		{"a file touched", func(dir string) error {
			later := time.Now().Add(time.Hour)
			return os.Chtimes(filepath.Join(dir, "a/index.html"), later, later)
		}},
		{"a file rewritten", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "index.html"), []byte("home page"), 0o644)
		}},
		{"a file removed", func(dir string) error { return os.Remove(filepath.Join(dir, "a/b/c.txt")) }},
		{"a file added", func(dir string) error { return os.WriteFile(filepath.Join(dir, "a/new.html"), nil, 0o644) }},
		{"a folder added", func(dir string) error { return os.Mkdir(filepath.Join(dir, "empty"), 0o755) }},
		{"a link added", func(dir string) error { return os.Symlink("index.html", filepath.Join(dir, "link.html")) }},
		{"the stamp removed", func(dir string) error { return os.Remove(StampPath(dir)) }},
		{"a site written without a stamp", func(dir string) error {
			if err := Site(dir, out, nil); err != nil {
				return err
			}
			if _, err := os.Lstat(StampPath(dir)); !os.IsNotExist(err) {
				t.Errorf("the stamp is still there after a Site without one (%v)", err)
			}
			return nil
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			if err := Site(dir, out, &Stamp{Key: "k1", Note: []byte("what the build said\n")}); err != nil {
				t.Fatal(err)
			}
			if err := c.change(dir); err != nil {
				t.Fatal(err)
			}
			note, ok := Stamped(dir, "k1")
			if want := c.name == "nothing"; ok != want {
				t.Fatalf("Stamped = %v, want %v", ok, want)
			}
			if ok && string(note) != "what the build said\n" {
				t.Errorf("note = %q", note)
			}
			if _, ok := Stamped(dir, "k2"); ok {
				t.Error("Stamped with another key = true")
			}
		})
	}
}

// A file of the user's where the stamp would go is neither removed nor replaced, and
// never taken for a stamp.
func TestForeignFileAtStampPathIsLeftAlone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	p := StampPath(dir)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	notes := "my notes\n"
	if err := os.WriteFile(p, []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := Site(dir, map[string][]byte{"index.html": []byte("home")}, &Stamp{Key: "k"}); err != nil {
			t.Fatal(err)
		}
		if _, ok := Stamped(dir, "k"); ok {
			t.Error("Stamped = true with the user's file at the stamp's path")
		}
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != notes {
		t.Fatalf("the user's file was changed: %q, %v", b, err)
	}
}

// What record writes, parseStamp reads back, odd names and an empty note included;
// a stamp cut short anywhere is never read as the whole listing.
func TestStampRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	out := map[string][]byte{"odd \"name\"\n.html": []byte("x"), "é/ü.txt": []byte("yy")}
	for _, note := range []string{"", "line one\nline two\n"} {
		if err := Site(dir, out, &Stamp{Key: "key \"quoted\"", Note: []byte(note)}); err != nil {
			t.Fatal(err)
		}
		got, ok := Stamped(dir, "key \"quoted\"")
		if !ok || string(got) != note {
			t.Fatalf("Stamped = %q, %v; want %q, true", got, ok, note)
		}
		b, err := os.ReadFile(StampPath(dir))
		if err != nil {
			t.Fatal(err)
		}
		for n := range len(b) - 1 {
			if _, entries, ok := parseStamp(b[:n]); ok && len(entries) == 3 {
				t.Fatalf("a stamp cut to %d of %d bytes was read whole", n, len(b))
			}
		}
	}
}
