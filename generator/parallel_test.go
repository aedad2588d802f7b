package generator

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchguide/stretchguide/generator/internal/par"
)

// TestParallelBuildMatchesSequential builds the synthetic guide of 1,000 stretches (100
// with -short) once with one worker and once with sixteen, more than the machine has
// cores so the work interleaves, and wants the same bytes in every file.
func TestParallelBuildMatchesSequential(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	content := corpusDir(t, n)
	build := func(w int) map[string][]byte {
		t.Helper()
		defer func(old int) { par.Workers = old }(par.Workers)
		par.Workers = w
		out := filepath.Join(t.TempDir(), "public")
		if _, err := Build(context.Background(), Options{Content: content, Out: out}); err != nil {
			t.Fatalf("build with %d par.Workers: %v", w, err)
		}
		return readTree(t, out)
	}
	seq, par := build(1), build(16)
	if len(seq) != len(par) {
		t.Fatalf("%d files sequentially, %d in parallel", len(seq), len(par))
	}
	if len(seq) < n {
		t.Fatalf("only %d files for %d stretches", len(seq), n)
	}
	for p, b := range seq {
		if !bytes.Equal(par[p], b) {
			t.Errorf("%s differs between the sequential and the parallel build", p)
		}
	}
}
