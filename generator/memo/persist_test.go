package memo

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSaveRemovesLeftoversWhenUnchanged: a Save killed while writing leaves a
// temporary file beside the memo; the next Save removes it even when the memo has
// nothing new to write.
func TestSaveRemovesLeftoversWhenUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.stretchguide-cache")
	if err := Open(path).Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the first Save wrote no memo: %v", err)
	}
	left := path + ".tmp-123"
	if err := os.WriteFile(left, []byte("half a memo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Open(path).Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); err == nil {
		t.Errorf("Save left %s beside the memo", filepath.Base(left))
	}
}

// TestSaveOpen: a saved memo opens with every product of each kind as it was, and
// a memo cut short opens empty.
func TestSaveOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memo")
	m := New()
	want := map[uint64]any{
		1: template.HTML("<p>body</p>"),
		2: []byte("<!DOCTYPE html>"),
		3: "search words",
		4: map[string][]byte{"admin/config.yml": []byte("backend:")},
		5: map[string]template.HTML{"stretches/cat/\x002": "<li>Cat</li>", "": ""},
	}
	for k := range uint64(300) { // more products than fit one buffer
		want[k+10] = bytes.Repeat([]byte{byte(k)}, 1000)
	}
	for k, v := range want {
		m.Put(k, v)
	}
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	got := Open(path)
	if len(got.current()) != len(want) {
		t.Fatalf("opened %d products, want %d", len(got.current()), len(want))
	}
	for k, v := range want {
		if g, ok := got.Get(k); !ok || !reflect.DeepEqual(g, v) {
			t.Errorf("product %d: got %v, want %v", k, g, v)
		}
	}
	whole, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Cut inside a product, at the end of the last record (before the end mark) and
	// inside the end mark.
	for _, n := range []int{100, 9, 1} {
		if err := os.WriteFile(path, whole[:len(whole)-n], 0o644); err != nil {
			t.Fatal(err)
		}
		if cut := Open(path); len(cut.current()) != 0 {
			t.Errorf("a memo cut %d bytes short opened with %d products", n, len(cut.current()))
		}
	}
}

// TestSaveIsDeterministic: the same products are saved as the same bytes, files
// kept under one key included (their map's order changes from run to run).
func TestSaveIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	var saved [][]byte
	for i := range 5 {
		m := New()
		files := map[string][]byte{}
		for j := range 20 {
			files[string(rune('a'+j))+".html"] = []byte{byte(j)}
		}
		m.Put(7, files)
		m.Put(3, []byte("page"))
		path := filepath.Join(dir, "memo"+string(rune('0'+i)))
		if err := m.Save(path); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		saved = append(saved, b)
	}
	for i, b := range saved[1:] {
		if !bytes.Equal(b, saved[0]) {
			t.Errorf("save %d differs from the first", i+2)
		}
	}
}

// TestSaveReplacesAnOlderMemo: a memo saved by an older version of the program, whose
// first line names another format, is replaced, not taken for a file of the
// author's (it was, once the format's number changed, and no memo was saved again).
func TestSaveReplacesAnOlderMemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memo")
	if err := os.WriteFile(path, []byte("stretchguide memo 3 0123abcd\nrecords"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := New()
	m.Put(1, []byte("page"))
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	if v, ok := Open(path).Get(1); !ok || string(v.([]byte)) != "page" {
		t.Errorf("the older memo was not replaced: product 1 is %v", v)
	}
}

// TestDamagedMemoOpensSafely: a saved memo with any one byte damaged opens without
// a panic, and never with more products than were saved (a file count that claims
// more than the file holds makes it open empty).
func TestDamagedMemoOpensSafely(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memo")
	m := New()
	m.Put(1, template.HTML("<p>body</p>"))
	m.Put(2, map[string][]byte{"a.pdf": []byte("%PDF"), "b.svg": []byte("<svg/>")})
	m.Put(3, map[string]template.HTML{"cat": "<li>Cat</li>"})
	m.Put(4, "words")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	whole, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(header()); i < len(whole); i++ {
		for _, b := range []byte{0xff, 0x7f} {
			damaged := bytes.Clone(whole)
			damaged[i] ^= b
			if err := os.WriteFile(path, damaged, 0o644); err != nil {
				t.Fatal(err)
			}
			opened := Open(path)
			n := len(opened.current())
			opened.Close()
			if n > 4 {
				t.Fatalf("byte %d damaged: opened with %d products", i, n)
			}
		}
	}
}

// TestSaveIfKeepsOnlyWhenTold: SaveIf writes the memo in full before it asks, puts
// it in place when told to keep it, and otherwise leaves the folder as it was, the
// memo already there included.
func TestSaveIfKeepsOnlyWhenTold(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "memo")
	m := New()
	m.Put(1, []byte("first"))
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	m = New()
	m.Put(1, []byte("second"))
	asked := false
	if err := m.SaveIf(path, func() bool {
		asked = true
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 {
			t.Errorf("when asked, the folder holds %d files, want the memo and the new one", len(entries))
		}
		return false
	}); err != nil {
		t.Fatal(err)
	}
	if !asked {
		t.Fatal("SaveIf did not ask whether to keep a memo it had to write")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("not kept, the memo left %d files, want only the one there before", len(entries))
	}
	if v, ok := Open(path).Get(1); !ok || string(v.([]byte)) != "first" {
		t.Errorf("a memo not kept replaced the one there: product 1 is %s", v)
	}
	if err := m.SaveIf(path, func() bool { return true }); err != nil {
		t.Fatal(err)
	}
	if v, ok := Open(path).Get(1); !ok || string(v.([]byte)) != "second" {
		t.Errorf("a memo kept did not replace the one there: product 1 is %s", v)
	}
}
