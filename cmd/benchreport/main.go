// Command benchreport measures how fast stretchguide builds synthetic guides of 100,
// 1,000 and 10,000 stretches and prints the results as tables, with the targets of the
// speed work beside them. `make bench` runs it.
//
// It runs, in order: the Go benchmarks of each pipeline step and of the floor (plain
// goldmark converting the same Markdown on all cores) with `go test -bench`; the real
// `stretchguide build` command several times per size, timing the whole process and
// reading its peak memory; the live-editing server's edit-to-reload benchmark, when
// generator/devserver exists; and the benchmarks of every other package. Nothing here
// asserts a time: it reports.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/stretchguide/stretchguide/internal/corpus"
)

func main() {
	sizesFlag := flag.String("sizes", "100,1000,10000", "comma-separated guide `sizes` in stretches")
	runs := flag.Int("runs", 5, "whole-process builds per size, at least 3 (3 for 10,000 stretches or more): a cold build, one to keep as the build before last, then rebuilds, whose median is reported")
	benchtime := flag.String("benchtime", "400ms", "the -benchtime given to go test")
	flag.Parse()
	var sizes []int
	for _, s := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fatalf("bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	work, err := os.MkdirTemp("", "stretchguide-bench-")
	if err != nil {
		fatalf("%v", err)
	}
	defer os.RemoveAll(work)

	start := time.Now()
	steps := goBenchmarks(sizes, *benchtime)
	procs := processBuilds(work, sizes, *runs, nil)
	pages := processBuilds(work, sizes, *runs, []string{"--pdf=false"})
	reload := editToReload(*benchtime)
	others := otherBenchmarks(*benchtime)
	printReport(os.Stdout, sizes, steps, procs, pages, reload)
	printOthers(os.Stdout, others)
	fmt.Printf("\n(benchreport took %s)\n", time.Since(start).Round(time.Second))
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "benchreport: "+format+"\n", args...)
	os.Exit(1)
}

func progress(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }

// result is one line of `go test -bench` output.
type result struct {
	wall, cpu        time.Duration // per op; cpu is 0 when not reported
	bytes, allocs    int64         // per op
	iterations       int
	name             string
	hasCPU, hasBytes bool
	metrics          []string // every "value unit" pair, as printed
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+(.*)$`)

// parseBench reads the result lines of `go test -bench` output, keyed by name
// without the -GOMAXPROCS suffix.
func parseBench(out []byte) map[string]result {
	res := map[string]result{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		r := result{name: m[1]}
		r.iterations, _ = strconv.Atoi(m[2])
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			r.metrics = append(r.metrics, f[i]+" "+f[i+1])
			switch f[i+1] {
			case "ns/op":
				r.wall = time.Duration(v)
			case "cpu-ms/op":
				r.cpu, r.hasCPU = time.Duration(v*float64(time.Millisecond)), true
			case "B/op":
				r.bytes, r.hasBytes = int64(v), true
			case "allocs/op":
				r.allocs = int64(v)
			}
		}
		res[r.name] = r
	}
	return res
}

// goBenchmarks runs the pipeline benchmarks of package generator for the given sizes.
func goBenchmarks(sizes []int, benchtime string) map[string]result {
	var names []string
	for _, n := range sizes {
		names = append(names, fmt.Sprintf("n=%d", n))
	}
	// go test matches each level of a sub-benchmark name separately, split at "/".
	pattern := fmt.Sprintf("^Benchmark(Layouts|Load|Link|Render|Write|Build|Floor)$/^(%s)$", strings.Join(names, "|"))
	progress("running go test -bench %q -benchmem -benchtime %s ./generator ...", pattern, benchtime)
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", pattern, "-benchmem", "-benchtime", benchtime, "./generator")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		os.Stderr.Write(out)
		fatalf("go test -bench failed: %v", err)
	}
	return parseBench(out)
}

// proc is the measure of whole-process builds of one size.
type proc struct {
	cold        time.Duration // the first build, into a folder that does not exist
	warm        time.Duration // median of the rebuilds over the previous output
	cpu         time.Duration // median processor time of the rebuilds, all threads
	peakRSS     int64         // bytes, the largest of all runs
	files       string        // what the command printed
	warmSamples []time.Duration
}

// processBuilds builds the stretchguide command, writes each synthetic guide, and
// times `stretchguide build` with the extra arguments on it: once into an empty output
// folder, then over its previous output, as an author rebuilding does.
func processBuilds(work string, sizes []int, runs int, extra []string) map[int]proc {
	bin := filepath.Join(work, "stretchguide")
	if _, err := os.Stat(bin); err != nil {
		progress("building the stretchguide command ...")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/stretchguide").CombinedOutput(); err != nil {
			fatalf("go build: %v\n%s", err, out)
		}
	}
	res := map[int]proc{}
	for _, n := range sizes {
		content := filepath.Join(work, fmt.Sprintf("content-%d", n))
		progress("writing the synthetic guide of %d stretches ...", n)
		if err := corpus.Write(content, n); err != nil {
			fatalf("%v", err)
		}
		out := filepath.Join(work, fmt.Sprintf("public-%d", n))
		// The build before last, which a rebuild starts from (see generator/write).
		kept := filepath.Join(work, fmt.Sprintf(".public-%d.prev", n))
		_ = os.RemoveAll(kept) // left by the other variant: the first build must be cold
		var p proc
		var cpus []time.Duration
		// The first build is cold. The second has no build before last yet, so it is
		// not counted; the ones after it are rebuilds as an author sees them.
		count := max(runs, 3)
		if n >= 10000 {
			count = 3 // each takes seconds
		}
		for i := range count {
			progress("stretchguide build %s, %d stretches, run %d ...", strings.Join(extra, " "), n, i+1)
			// Run from the work folder, which has no layouts folder: the built-in
			// layouts are used, as in the Go benchmarks.
			cmd := exec.Command(bin, append([]string{"build", "--content", content, "--out", out}, extra...)...)
			cmd.Dir = work
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			t0 := time.Now()
			err := cmd.Run()
			wall := time.Since(t0)
			if err != nil {
				fatalf("stretchguide build: %v\n%s", err, stderr.Bytes())
			}
			cpu, rss := usage(cmd.ProcessState)
			p.peakRSS = max(p.peakRSS, rss)
			p.files = strings.TrimSpace(stdout.String())
			if i == 0 {
				p.cold = wall
			}
			if i < 2 {
				continue
			}
			p.warmSamples = append(p.warmSamples, wall)
			cpus = append(cpus, cpu)
		}
		p.warm, p.cpu = median(p.warmSamples), median(cpus)
		res[n] = p
		_ = os.RemoveAll(out)
		_ = os.RemoveAll(kept)
		_ = os.RemoveAll(content)
	}
	return res
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// reloadResult is the live-editing server's benchmark, or why there is none.
type reloadResult struct {
	results map[string]result
	note    string
}

// editToReload runs BenchmarkEditToReload of generator/devserver, the package of the
// live-editing issue, when it exists.
func editToReload(benchtime string) reloadResult {
	if _, err := os.Stat(filepath.Join("generator", "devserver")); err != nil {
		return reloadResult{note: "not measured: generator/devserver (the live-editing server) does not exist yet"}
	}
	progress("running go test -bench EditToReload ./generator/devserver ...")
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "EditToReload", "-benchmem", "-benchtime", benchtime, "./generator/devserver/")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return reloadResult{note: fmt.Sprintf("not measured: go test -bench EditToReload failed: %v", err)}
	}
	res := parseBench(out)
	if len(res) == 0 {
		return reloadResult{note: "not measured: generator/devserver has no BenchmarkEditToReload yet"}
	}
	return reloadResult{results: res}
}

// otherBenchmarks runs the benchmarks of every package but the two measured above
// (generator and generator/devserver), found by their source.
func otherBenchmarks(benchtime string) map[string]result {
	list, err := exec.Command("go", "list", "-f", "{{.Dir}} {{.ImportPath}}", "./...").Output()
	if err != nil {
		fatalf("go list: %v", err)
	}
	var pkgs []string
	for _, line := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		dir, pkg, _ := strings.Cut(line, " ")
		if strings.HasSuffix(pkg, "/generator") || strings.HasSuffix(pkg, "/generator/devserver") {
			continue
		}
		tests, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
		for _, file := range tests {
			if src, err := os.ReadFile(file); err == nil && bytes.Contains(src, []byte("\nfunc Benchmark")) {
				pkgs = append(pkgs, pkg)
				break
			}
		}
	}
	if len(pkgs) == 0 {
		return nil
	}
	progress("running go test -bench . on %s ...", strings.Join(pkgs, " "))
	args := append([]string{"test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime", benchtime}, pkgs...)
	cmd := exec.Command("go", args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		os.Stderr.Write(out)
		fatalf("go test -bench failed: %v", err)
	}
	return parseBench(out)
}

func printOthers(w io.Writer, others map[string]result) {
	if len(others) == 0 {
		return
	}
	fmt.Fprintln(w, "\n## Other benchmarks")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| benchmark | per operation |")
	fmt.Fprintln(w, "|---|---|")
	var names []string
	for name := range others {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(w, "| %s | %s |\n", name, strings.Join(others[name].metrics, ", "))
	}
}

// variant is one way of running the whole-process build, with its measures by size.
type variant struct {
	name  string
	procs map[int]proc
}

func variants(build, pages map[int]proc) []variant {
	return []variant{{"build", build}, {"pages only", pages}}
}

func ms(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000)
}
