package memo

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBlobsSaveAndOpen: pages and sets of files put in a spool are saved in the
// memo with their bytes, and a memo opened again holds them as blobs read from its
// file, which save again to the same bytes; the spool's folder is left as it was.
func TestBlobsSaveAndOpen(t *testing.T) {
	dir := t.TempDir()
	spool := NewSpool(filepath.Join(dir, "cache"))
	m := New()
	pages := map[uint64][]byte{}
	for k := range uint64(50) {
		pages[k] = bytes.Repeat([]byte{'a' + byte(k%26)}, int(k)*1000) // the first is empty
		b, err := spool.Put(pages[k])
		if err != nil {
			t.Fatal(err)
		}
		m.Put(k, b)
	}
	m.Put(99, []byte("small"))
	handouts := map[string]Blob{}
	for _, name := range []string{"b.pdf", "a.pdf", "empty.pdf"} {
		b, err := spool.Put([]byte(strings.TrimSuffix(name, "empty.pdf")))
		if err != nil {
			t.Fatal(err)
		}
		handouts["routines/"+name] = b
	}
	m.Put(100, handouts)
	path := filepath.Join(dir, "memo")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	if err := spool.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cache")); err == nil {
		t.Error("the spool left the folder it made")
	}
	saved, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := Open(path)
	defer got.Close()
	for k, want := range pages {
		v, ok := got.Get(k)
		b, isBlob := v.(Blob)
		if !ok || !isBlob {
			t.Fatalf("page %d opened as %T, not a blob", k, v)
		}
		if data, err := b.Bytes(); err != nil || !bytes.Equal(data, want) {
			t.Errorf("page %d holds %d bytes (%v), want %d", k, len(data), err, len(want))
		}
	}
	if v, _ := got.Get(99); !bytes.Equal(v.([]byte), []byte("small")) {
		t.Errorf("the bytes product opened as %q", v)
	}
	files, ok := got.Get(100)
	if fs, isBlobs := files.(map[string]Blob); !ok || !isBlobs || len(fs) != 3 {
		t.Errorf("the handouts opened as %T %v", files, files)
	} else {
		for name, b := range fs {
			if data, err := b.Bytes(); err != nil || string(data) != strings.TrimSuffix(strings.TrimPrefix(name, "routines/"), "empty.pdf") {
				t.Errorf("%s holds %q (%v)", name, data, err)
			}
		}
	}
	got.Changed() // write it again, from its own file
	again := filepath.Join(dir, "memo2")
	if err := got.Save(again); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(again); err != nil || !bytes.Equal(b, saved) {
		t.Errorf("a memo of blobs saved again differs: %d bytes, was %d (%v)", len(b), len(saved), err)
	}
	// Cut inside a blob, the memo is not used.
	if err := os.WriteFile(path, saved[:len(saved)-5000], 0o644); err != nil {
		t.Fatal(err)
	}
	if cut := Open(path); len(cut.current()) != 0 {
		t.Errorf("a memo cut inside a blob opened with %d products", len(cut.current()))
	}
}

// TestSpoolNeedsNoFolderUntilUsed: a spool nothing was put in makes no folder, and
// one that cannot make its file says so on Put.
func TestSpoolNeedsNoFolderUntilUsed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	if err := NewSpool(dir).Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("an unused spool made its folder")
	}
	if runtime.GOOS == "windows" {
		return
	}
	file := filepath.Join(t.TempDir(), "a file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s := NewSpool(filepath.Join(file, "cache"))
	defer s.Close()
	if _, err := s.Put([]byte("page")); err == nil {
		t.Error("a spool below a file took a page")
	}
}
