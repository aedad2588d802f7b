package render

import (
	"testing"

	"github.com/stretchguide/stretchguide/generator/memo"
)

// TestSpoolIsNoInput: the key of the options does not depend on the spool, which
// changes as pages are put in it and is a new one in every build: following it into
// the key made every product keyed by the options new in each build.
func TestSpoolIsNoInput(t *testing.T) {
	m := memo.New()
	used := memo.NewSpool(t.TempDir())
	defer used.Close()
	if _, err := used.Put([]byte("a page")); err != nil {
		t.Fatal(err)
	}
	fresh := memo.NewSpool(t.TempDir())
	defer fresh.Close()
	want := optionsKey(m, Options{PDFs: true})
	for _, s := range []*memo.Spool{used, fresh} {
		if got := optionsKey(m, Options{PDFs: true, Spool: s}); got != want {
			t.Errorf("with a spool the options' key is %x, without %x", got, want)
		}
	}
	if optionsKey(m, Options{}) == want {
		t.Error("the options' key does not change with the options")
	}
}
