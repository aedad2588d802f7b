package link

import (
	"bytes"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/memo"
)

// What a body resolved, kept in Build's spill, reads back as it was; read back
// damaged, it is empty and the spill's Err names the page.
func TestResolvedKeptInTheSpillReadsBack(t *testing.T) {
	want := []string{"../bridge/", "", "apa\x00../../bibliography/#ref-a\x00A & B, 2016\x00\x00", strings.Repeat("é", 300)}
	spool := memo.NewSpool(t.TempDir())
	defer spool.Close()
	spill := load.NewSpill(func(b []byte) (*io.SectionReader, error) {
		blob, err := spool.Put(b)
		return blob.SectionReader, err
	})
	rb := &resolvedBody{url: "stretches/cat/", resolved: slices.Clone(want)}
	rb.keepIn(spill)
	if rb.resolved != nil || rb.spilled == nil {
		t.Fatal("what the body resolved is still in memory")
	}
	if got := rb.list(); !reflect.DeepEqual(got, want) || spill.Err() != nil {
		t.Fatalf("read back %q, %v; want %q", got, spill.Err(), want)
	}

	cut := load.NewSpill(func(b []byte) (*io.SectionReader, error) {
		return io.NewSectionReader(bytes.NewReader(b[:len(b)-1]), 0, int64(len(b)-1)), nil
	})
	rb = &resolvedBody{url: "stretches/cow/", resolved: slices.Clone(want)}
	rb.keepIn(cut)
	if got := rb.list(); got != nil || cut.Err() == nil || !strings.Contains(cut.Err().Error(), "stretches/cow/") {
		t.Fatalf("read back cut short: %q, %v; want nothing and an error naming the page", got, cut.Err())
	}

	rb = &resolvedBody{url: "pages/about/", resolved: slices.Clone(want)}
	rb.keepIn(nil) // serve: no spill
	if got := rb.list(); !reflect.DeepEqual(got, want) || rb.spilled != nil {
		t.Fatalf("without a spill: %q", got)
	}
}
