// Package par runs the work of a build on all cores, each result in its own slot, so
// the output never depends on scheduling.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers, when above zero, is how many goroutines Do uses instead of one per core.
// Tests set it to 1 to build sequentially, and above the number of cores to
// interleave the work as much as they can; either way the output must not change.
var Workers int

// Do calls fn(i) for i in [0, n) on all cores and waits. Callers write results into
// slots indexed by i, so output order never depends on scheduling.
func Do(n int, fn func(i int)) {
	w := Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	w = min(w, n)
	if w <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	var next atomic.Int64 // the next index to take
	for range w {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}
