package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchguide/stretchguide/generator/memo"
)

// TestHandoutSinkSpoolsEachFile: with a spool, a handout goes to disk as soon as it
// is made, and reads back the same; when the spool cannot be made, it stays in
// memory and nothing is lost.
func TestHandoutSinkSpoolsEachFile(t *testing.T) {
	dir := t.TempDir()
	sink := func(spool *memo.Spool) *handoutSink {
		return &handoutSink{spool: spool, mem: map[string][]byte{}, blobs: map[string]memo.Blob{}}
	}
	spool := memo.NewSpool(filepath.Join(dir, "spool"))
	defer spool.Close()
	s := sink(spool)
	s.keep("routines/a.pdf", []byte("%PDF-a"))
	if len(s.mem) != 0 || len(s.blobs) != 1 {
		t.Fatalf("with a spool: %d in memory, %d spooled; want 0 and 1", len(s.mem), len(s.blobs))
	}
	if got, err := s.blobs["routines/a.pdf"].Bytes(); err != nil || string(got) != "%PDF-a" {
		t.Fatalf("spooled handout reads back %q, %v", got, err)
	}

	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s = sink(memo.NewSpool(filepath.Join(blocker, "spool"))) // a folder under a file cannot be made
	s.keep("routines/a.pdf", []byte("%PDF-a"))
	if len(s.blobs) != 0 || string(s.mem["routines/a.pdf"]) != "%PDF-a" {
		t.Fatalf("spool failing: %d spooled, in memory %q; want the handout in memory", len(s.blobs), s.mem["routines/a.pdf"])
	}
}
