package devserver

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator"
)

// writeCorpus writes a guide of n stretches into a new folder: four areas, the test
// site's warning signs and references, and n/10 routines of five steps. Each stretch
// has the real front matter and a body of about 150 words with citations and links.
// It is deliberately small; it only has to make the server's work realistic.
func writeCorpus(b testing.TB, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "content")
	for _, sub := range []string{"stretches", "routines", "references"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			b.Fatal(err)
		}
	}
	files := map[string]string{
		"_index.md": `---
title: Benchmark guide
areas:
  - {id: lower-back, title: Lower back}
  - {id: mid-back, title: Middle back}
  - {id: hips, title: Hips}
  - {id: neck, title: Neck}
---
A generated guide. Read the [warning signs](red-flags.md) first.
`,
	}
	for _, f := range []string{"red-flags.md", "references/studies.yaml", "references/heat.bib"} {
		src, err := os.ReadFile(filepath.Join("../testdata/site", f))
		if err != nil {
			b.Fatal(err)
		}
		files[f] = string(src)
	}
	areas := []string{"lower-back", "mid-back", "hips", "neck"}
	para := strings.Repeat("Move slowly and breathe out as you stretch; stop if the pain gets sharp. ", 4)
	for i := range n {
		files[fmt.Sprintf("stretches/s%05d.md", i)] = fmt.Sprintf(`---
title: Stretch %d
summary: A generated stretch for the benchmark.
areas: [%s, %s]
position: lying
hold: 30s
sides: both
cues: [Breathe slowly, Keep your back flat]
cautions: [Stop if you feel sharp pain.]
red_flags: [cauda-equina]
citations: [gordon2016]
reviewed: 2026-11-25
reviewer: Benchmark
---
This stretch eases the back [@gordon2016, p. 22]. %s

## How to do it

1. Lie on your back with your knees bent.
2. Hold the position for thirty seconds [see @freiwald2018].
3. Come back slowly.

Follow it with [the next stretch](s%05d.md#how-to-do-it) or read the [warning signs](../red-flags.md#cauda-equina).
`, i, areas[i%4], areas[(i/4)%4], para, (i+1)%n)
	}
	for r := range n / 10 {
		var steps strings.Builder
		for s := range 5 {
			fmt.Fprintf(&steps, "  - stretch: s%05d\n", (r*10+s)%n)
		}
		files[fmt.Sprintf("routines/r%04d.md", r)] = fmt.Sprintf("---\ntitle: Routine %d\nsummary: Five stretches.\nwhen: any\nsteps:\n%scitations: [freiwald2018]\n---\nTake your time.\n", r, steps.String())
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkEditToReload measures what a clinician waits for: from saving a stretch to
// the reload event reaching an open page, through the file watcher, its batching
// window, the rebuild and the event stream. ns/op is that whole time, on average, and
// median-ms/op its median, which a garbage collection now and then moves less;
// rebuild-ms/op is the part spent building; cpu-ms/op is the processor time the whole process used
// (both cores), which a busy machine inflates less than the others.
//
// edit=text changes the stretch's Markdown text: one page to render again.
// edit=summary changes its front matter, which other pages show: all are rendered again.
// It runs at 100 and 1,000 stretches; edit=text also at 10,000.
func BenchmarkEditToReload(b *testing.B) {
	edits := []struct {
		name string
		edit func(orig []byte, i int) []byte
	}{
		{"text", func(orig []byte, i int) []byte {
			return fmt.Appendf(orig[:len(orig):len(orig)], "\nEdit number %d.\n", i)
		}},
		{"summary", func(orig []byte, i int) []byte {
			return []byte(strings.Replace(string(orig), "summary: A generated stretch", fmt.Sprintf("summary: Edit %d of a generated stretch", i), 1))
		}},
	}
	for _, n := range []int{100, 1000, 10000} {
		for _, e := range edits {
			if n >= 10000 && e.name == "summary" {
				continue // every page again: seconds per edit, and no target to compare with
			}
			b.Run(fmt.Sprintf("stretches=%d/edit=%s", n, e.name), func(b *testing.B) {
				content := writeCorpus(b, n)
				built := make(chan time.Duration, 16)
				r := startWith(b, generator.Options{Content: content}, built)
				events := listen(b, r.url)
				next(b, events, "hello")
				file := filepath.Join(content, "stretches", fmt.Sprintf("s%05d.md", n/2))
				orig, err := os.ReadFile(file)
				if err != nil {
					b.Fatal(err)
				}
				// Warm up: the first edits after the full build pay for collecting its
				// garbage; a clinician's hundredth save does not.
				for i := range 3 {
					if err := os.WriteFile(file, e.edit(orig, -i), 0o644); err != nil {
						b.Fatal(err)
					}
					next(b, events, "reload")
				}
				runtime.GC()
				for len(built) > 0 {
					<-built
				}
				var rebuilding time.Duration
				var saves []time.Duration
				i := 0
				cpu := cpuTime()
				for b.Loop() {
					i++
					start := time.Now()
					if err := os.WriteFile(file, e.edit(orig, i), 0o644); err != nil {
						b.Fatal(err)
					}
					next(b, events, "reload")
					saves = append(saves, time.Since(start))
					for len(built) > 0 {
						rebuilding += <-built
					}
				}
				slices.Sort(saves)
				b.ReportMetric(float64(saves[len(saves)/2].Microseconds())/1000, "median-ms/op")
				b.ReportMetric(float64(rebuilding.Microseconds())/1000/float64(i), "rebuild-ms/op")
				b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(i), "cpu-ms/op")
			})
		}
	}
}
