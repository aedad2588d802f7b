package load

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/internal/corpus"
)

// A document whose body load put in a spill holds no body, and reads back the same
// one: its text, tree, positions, sites and reading measures are those of the
// document that kept it in memory.
func TestSpilledBodyReadsBack(t *testing.T) {
	fsys := fstest.MapFS{}
	for p, src := range corpus.Files(20) {
		fsys[p] = &fstest.MapFile{Data: src}
	}
	fsys["pages/todo.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Notes\nsummary: Some notes.\n---\n" +
		"# Head\n\nA [link](../stretches/x.md) and ![alt](p.svg) [@key, p. 2], TODO fix.\n")}
	spool := memo.NewSpool(t.TempDir())
	defer spool.Close()
	spill := NewSpill(func(body []byte) (*io.SectionReader, error) {
		blob, err := spool.Put(body)
		return blob.SectionReader, err
	})
	n, sites := 0, 0
	for p := range fsys {
		plain, kept := LoadFile(fsys, "content", p, NewParser(), nil).Doc, LoadFile(fsys, "content", p, NewParser(), spill).Doc
		if plain == nil {
			continue
		}
		n, sites = n+1, sites+len(plain.Sites())
		if kept.body != nil || kept.spilled == nil || kept.words != "" || kept.sites != nil ||
			(plain.words != "") != (kept.spilledWords != nil) || (len(plain.sites) > 0) != (kept.spilledSites != nil) {
			t.Fatalf("%s: the body, its words or its sites are still in memory", p)
		}
		if !bytes.Equal(kept.Body(), plain.Body()) {
			t.Fatalf("%s: the body read back differs:\n%q\nwant\n%q", p, kept.Body(), plain.Body())
		}
		tree, body := kept.Parse()
		if got := len(SiteNodes(tree)); got != len(kept.Sites()) || !bytes.Equal(body, plain.Body()) {
			t.Errorf("%s: the parsed body has %d sites, want %d", p, got, len(kept.Sites()))
		}
		if !reflect.DeepEqual(kept.Sites(), plain.Sites()) || kept.Words() != plain.Words() || !reflect.DeepEqual(kept.Todos, plain.Todos) {
			t.Errorf("%s: sites, words or TODOs differ from the document that kept its body", p)
		}
		end := len(plain.Body())
		l, c := kept.Position(end)
		if wl, wc := plain.Position(end); l != wl || c != wc {
			t.Errorf("%s: the end of the body is at %d:%d read back, want %d:%d", p, l, c, wl, wc)
		}
		if kept.ReadingIn("es") != plain.ReadingIn("es") {
			t.Errorf("%s: the reading measures in Spanish differ", p)
		}
	}
	if n < 20 || sites < 100 {
		t.Fatalf("only %d documents and %d sites compared", n, sites)
	}
	if err := spill.Err(); err != nil {
		t.Fatal(err)
	}
}

// brokenDisk fails every read, as a disk that broke during the build would.
type brokenDisk struct{}

func (brokenDisk) ReadAt([]byte, int64) (int, error) { return 0, errors.New("input/output error") }

// A body that cannot be read back is empty to whoever asked, and Err names its file.
func TestSpillRecordsABodyItCannotReadBack(t *testing.T) {
	fsys := fstest.MapFS{"pages/about.md": {Data: []byte("---\ntitle: About\nsummary: What this is.\n---\nSome text.\n")}}
	spill := NewSpill(func(body []byte) (*io.SectionReader, error) {
		return io.NewSectionReader(brokenDisk{}, 0, int64(len(body))), nil
	})
	d := LoadFile(fsys, "content", "pages/about.md", NewParser(), spill).Doc
	if d.spilledWords == nil {
		t.Fatal("the body was not walked before it was spilled")
	}
	if b := d.Body(); b != nil {
		t.Fatalf("Body gave %q from a broken disk", b)
	}
	if err := spill.Err(); err == nil || !strings.Contains(err.Error(), "content/pages/about.md") || !strings.Contains(err.Error(), "input/output error") {
		t.Fatalf("Err() = %v; want the file and the cause", err)
	}
}

// A spill that cannot store a body leaves it in memory.
func TestSpillThatCannotStoreKeepsTheBody(t *testing.T) {
	fsys := fstest.MapFS{"pages/about.md": {Data: []byte("---\ntitle: About\nsummary: What this is.\n---\nSome text.\n")}}
	spill := NewSpill(func([]byte) (*io.SectionReader, error) { return nil, errors.New("disk full") })
	d := LoadFile(fsys, "content", "pages/about.md", NewParser(), spill).Doc
	if !bytes.Contains(d.Body(), []byte("Some text.")) || spill.Err() != nil {
		t.Fatalf("body %q, Err %v; want the body kept in memory and no error", d.Body(), spill.Err())
	}
}

// Sites read back as they were written, and damaged bytes give an error, never a
// panic or a site that was not there.
func TestSitesReadBack(t *testing.T) {
	want := []Site{
		{Kind: SiteLink, Dest: []byte("bridge.md#how"), Offset: 12},
		{Kind: SiteImage, Dest: []byte("../pictures/cat cow.svg"), Offset: 1 << 19},
		{Kind: SiteCitation, Items: []citation.Item{
			{Key: "gordon2016", Suffix: "p. 22", Offset: 40},
			{Key: "müller", Prefix: "see", SuppressAuthor: true, Offset: 61},
		}},
		{Kind: SiteLink, Offset: 0}, // an empty destination
	}
	b := appendSites(nil, want)
	got, err := readSites(b)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %+v, %v\nwant %+v", got, err, want)
	}
	for i := range b { // every shortened form fails
		if got, err := readSites(b[:i]); err == nil && i > 0 {
			t.Fatalf("%d of %d bytes read as %+v", i, len(b), got)
		}
	}
	if _, err := readSites(append(b, 0)); err == nil {
		t.Fatal("a byte after the sites was not noticed")
	}
}

func FuzzReadSites(f *testing.F) {
	f.Add(appendSites(nil, []Site{{Kind: SiteCitation, Items: []citation.Item{{Key: "a", Offset: 3}}}}))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		sites, err := readSites(b)
		if err != nil {
			return
		}
		again, err := readSites(appendSites(nil, sites))
		if err != nil || !reflect.DeepEqual(again, sites) {
			t.Fatalf("%+v wrote and read back as %+v, %v", sites, again, err)
		}
	})
}
