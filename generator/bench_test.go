package generator

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/yuin/goldmark"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/render"
	"github.com/stretchguide/stretchguide/generator/schema"
	"github.com/stretchguide/stretchguide/generator/write"
	"github.com/stretchguide/stretchguide/internal/corpus"
)

// The benchmarks measure each step of the pipeline, a whole build, and the floor (plain
// goldmark converting the same Markdown on all cores) on synthetic guides of 100, 1,000
// and 10,000 stretches. `make bench` runs them and prints a table; pick one size with
// -bench 'Build/n=1000$'.

var benchSizes = []int{100, 1000, 10000}

// corpora holds the synthetic guides written so far, one folder per size, removed when
// the test binary ends (see TestMain).
var corpora struct {
	sync.Mutex
	root string
	dirs map[int]string
}

// corpusDir writes the synthetic guide of n stretches once per test binary.
func corpusDir(tb testing.TB, n int) string {
	tb.Helper()
	corpora.Lock()
	defer corpora.Unlock()
	if dir, ok := corpora.dirs[n]; ok {
		return dir
	}
	if corpora.root == "" {
		root, err := os.MkdirTemp("", "stretchguide-corpus-")
		if err != nil {
			tb.Fatal(err)
		}
		corpora.root, corpora.dirs = root, map[int]string{}
	}
	dir := filepath.Join(corpora.root, fmt.Sprint(n))
	if err := corpus.Write(dir, n); err != nil {
		tb.Fatal(err)
	}
	corpora.dirs[n] = dir
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if corpora.root != "" {
		_ = os.RemoveAll(corpora.root)
	}
	os.Exit(code)
}

// sizes runs fn as a sub-benchmark for each corpus size.
func sizes(b *testing.B, fn func(b *testing.B, dir string, cpu *cpuMeter)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			dir := corpusDir(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			var cpu cpuMeter
			fn(b, dir, &cpu)
			if cpu.total > 0 {
				b.ReportMetric(float64(cpu.total.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			}
		})
	}
}

// cpuMeter adds up the processor time of the measured parts of a benchmark, reported
// beside the wall-clock time as cpu-ms/op.
type cpuMeter struct {
	total, from time.Duration
}

func (c *cpuMeter) start() { c.from = cpuTime() }
func (c *cpuMeter) stop()  { c.total += cpuTime() - c.from }

// loadBench loads a corpus the way Build does, failing on any problem.
func loadBench(b testing.TB, dir string) (*load.Content, *render.Layouts) {
	ls, err := readLayouts("")
	if err != nil {
		b.Fatal(err)
	}
	var problems diag.List
	c := load.Load(os.DirFS(dir), dir, load.NewParser(), &problems)
	if problems.Errors() > 0 {
		b.Fatalf("the corpus has errors:\n%s", list(problems))
	}
	return c, ls
}

func linkBench(b testing.TB, c *load.Content) *link.Linked {
	var problems diag.List
	ln := link.Link(c, "", &problems)
	if problems.Errors() > 0 {
		b.Fatalf("the corpus has errors:\n%s", list(problems))
	}
	return ln
}

func BenchmarkLayouts(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readLayouts(""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	sizes(b, func(b *testing.B, dir string, cpu *cpuMeter) {
		md := load.NewParser()
		cpu.start()
		for b.Loop() {
			var problems diag.List
			load.Load(os.DirFS(dir), dir, md, &problems)
		}
		cpu.stop()
	})
}

// BenchmarkLink links freshly loaded content each time; only the link step is timed.
func BenchmarkLink(b *testing.B) {
	sizes(b, func(b *testing.B, dir string, cpu *cpuMeter) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			c, _ := loadBench(b, dir)
			b.StartTimer()
			cpu.start()
			linkBench(b, c)
			cpu.stop()
		}
	})
}

// BenchmarkRender renders freshly linked content each time, with an empty memo; only
// the render step is timed.
func BenchmarkRender(b *testing.B) { benchRender(b, render.Options{PDFs: true}) }

// BenchmarkRenderPages is BenchmarkRender without the PDF handouts, as build --pdf=false.
func BenchmarkRenderPages(b *testing.B) { benchRender(b, render.Options{}) }

func benchRender(b *testing.B, opts render.Options) {
	sizes(b, func(b *testing.B, dir string, cpu *cpuMeter) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			c, ls := loadBench(b, dir)
			ln := linkBench(b, c)
			b.StartTimer()
			cpu.start()
			if _, _, err := render.Site(ln, ls, opts, memo.New()); err != nil {
				b.Fatal(err)
			}
			cpu.stop()
		}
	})
}

// built holds the rendered site of each corpus, made once per test binary: the write
// benchmark writes it, and the build benchmark starts from it as a previous build.
var built struct {
	sync.Mutex
	sites map[string]map[string][]byte
}

func builtSite(tb testing.TB, dir string) map[string][]byte {
	built.Lock()
	defer built.Unlock()
	if out, ok := built.sites[dir]; ok {
		return out
	}
	c, ls := loadBench(tb, dir)
	files, _, err := render.Site(linkBench(tb, c), ls, render.Options{PDFs: true}, memo.New())
	out := files.Data
	if err != nil {
		tb.Fatal(err)
	}
	for name, b := range schema.Files() { // as Build adds them
		out["schema/"+name] = b
	}
	if built.sites == nil {
		built.sites = map[string]map[string][]byte{}
	}
	built.sites[dir] = out
	return out
}

// BenchmarkWrite writes the site over its previous builds, as a rebuild does. A build
// into an empty folder is timed by make bench, as the cold whole-process build.
func BenchmarkWrite(b *testing.B) {
	sizes(b, func(b *testing.B, dir string, cpu *cpuMeter) {
		out := builtSite(b, dir)
		public := filepath.Join(b.TempDir(), "public")
		for range 2 { // a rebuild starts from the build before the last one
			if err := write.Site(public, out, nil); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		cpu.start()
		for b.Loop() {
			if err := write.Site(public, out, nil); err != nil {
				b.Fatal(err)
			}
		}
		cpu.stop()
	})
}

// BenchmarkBuild is a whole rebuild in one process, from reading the layouts to the
// swapped output folder. Profile it with -cpuprofile.
func BenchmarkBuild(b *testing.B) {
	sizes(b, func(b *testing.B, dir string, cpu *cpuMeter) {
		public := filepath.Join(b.TempDir(), "public")
		for range 2 { // a rebuild starts from the build before the last one
			if err := write.Site(public, builtSite(b, dir), nil); err != nil {
				b.Fatal(err)
			}
		}
		cpu.start()
		for b.Loop() {
			if _, err := Build(context.Background(), Options{Content: dir, Out: public}); err != nil {
				b.Fatal(err)
			}
		}
		cpu.stop()
	})
}

// BenchmarkRebuild is `stretchguide build` run again over its own output with nothing
// changed: it starts from the memo the first build saved beside the output folder.
func BenchmarkRebuild(b *testing.B) {
	sizes(b, func(b *testing.B, dir string, cpu *cpuMeter) {
		opts := Options{Content: dir, Out: filepath.Join(b.TempDir(), "public")}
		for range 2 { // the first build, and the one a rebuild swaps out
			if _, err := Build(context.Background(), opts); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		cpu.start()
		for b.Loop() {
			if _, err := Build(context.Background(), opts); err != nil {
				b.Fatal(err)
			}
		}
		cpu.stop()
	})
}

// BenchmarkFloor converts the Markdown bodies of the same guide with plain goldmark on
// all cores, and nothing else: no generator built on goldmark can be faster.
func BenchmarkFloor(b *testing.B) {
	sizes(b, func(b *testing.B, dir string, cpu *cpuMeter) {
		bodies := markdownBodies(b, dir)
		md := goldmark.New()
		b.ResetTimer()
		cpu.start()
		for b.Loop() {
			par.Do(len(bodies), func(i int) {
				var out bytes.Buffer
				if err := md.Convert(bodies[i], &out); err != nil {
					b.Error(err)
				}
			})
		}
		cpu.stop()
	})
}

// markdownBodies reads every Markdown file below dir without its front matter.
func markdownBodies(b *testing.B, dir string) [][]byte {
	var bodies [][]byte
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(filepath.Join(dir, p))
		if parts := bytes.SplitN(src, []byte("---\n"), 3); len(parts) == 3 {
			src = parts[2]
		}
		bodies = append(bodies, src)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return bodies
}

// BenchmarkPathological checks a small site with one pathological page added (see
// pathological in limits_test.go): each is refused in one pass over the page.
func BenchmarkPathological(b *testing.B) {
	for _, name := range []string{"brackets", "emphasis", "nested", "quotes", "long"} {
		b.Run(name, func(b *testing.B) {
			fsys := siteFS(b)
			fsys["pages/big.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Big\n---\n" + pathological[name])}
			b.ReportAllocs()
			for b.Loop() {
				if checkFS(fsys, "content").Errors() != 1 {
					b.Fatal("want the page refused")
				}
			}
		})
	}
}
