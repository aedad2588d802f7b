// Command benchreport measures how fast stretchguide builds synthetic guides of 100,
// 1,000 and 10,000 stretches and prints the results as tables, with the targets of the
// speed work beside them. `make bench` runs it.
//
// It runs, in order: the Go benchmarks of each pipeline step and of the floor (plain
// goldmark converting the same Markdown on all cores) with `go test -bench`; the
// whole-process floor (command floor: read, convert with plain goldmark, write) and the
// real `stretchguide build` command several times per size, cold and as rebuilds,
// timing the whole process and reading its peak memory, the floor taking turns with
// the builds; the live-editing server's
// edit-to-reload benchmark; the benchmarks of every other package; and the top of a
// CPU profile of one cold build. Nothing here asserts a time: it reports.
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
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	sizesFlag := flag.String("sizes", "100,1000,10000", "comma-separated guide `sizes` in stretches")
	runs := flag.Int("runs", 5, "cold builds and rebuilds per size, at least 3 (3 for 10,000 stretches or more); medians are reported")
	benchtime := flag.String("benchtime", "400ms", "the -benchtime given to go test")
	within := flag.String("work", memoryFolder(), "the `folder` to write the guides and their builds in (a fresh folder inside it, removed when done)")
	profileSize := flag.Int("profile", 1000, "profile one cold build of a guide of this `size` and print the top of it (0: none)")
	flag.Parse()
	var sizes []int
	for _, s := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fatalf("bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	work, err := os.MkdirTemp(*within, "stretchguide-bench-")
	if err != nil {
		fatalf("%v", err)
	}
	defer os.RemoveAll(work)

	start := time.Now()
	for _, n := range sizes { // all before any run is timed: writing 10,000 files slows what follows
		writeGuide(work, n)
	}
	steps := goBenchmarks(sizes, *benchtime)
	floors, procs, pages := processAll(work, sizes, *runs)
	reload := editToReload()
	others := otherBenchmarks(*benchtime)
	profile := profileTop(work, *profileSize)
	progress("guides and builds in %s", work)
	workFolder = work
	printReport(os.Stdout, sizes, steps, floors, procs, pages, reload)
	printOthers(os.Stdout, others)
	fmt.Print(profile)
	fmt.Printf("\n(benchreport took %s)\n", time.Since(start).Round(time.Second))
}

// memoryFolder is where the guides and builds are written unless -work says
// otherwise: a folder in memory (tmpfs) when the machine has one, as in the issue's
// measures, so that the disk's speed, which swings from run to run, is not timed.
func memoryFolder() string {
	if runtime.GOOS != "linux" {
		return ""
	}
	if f, err := os.CreateTemp("/dev/shm", "stretchguide-probe-"); err == nil {
		f.Close()
		os.Remove(f.Name())
		return "/dev/shm"
	}
	return ""
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

// saves is how many saves BenchmarkEditToReload times at each size.
const saves = "40x"

// editToReload runs BenchmarkEditToReload of generator/devserver, the package of the
// live-editing issue, when it exists.
func editToReload() reloadResult {
	if _, err := os.Stat(filepath.Join("generator", "devserver")); err != nil {
		return reloadResult{note: "not measured: generator/devserver (the live-editing server) does not exist yet"}
	}
	// A fixed number of saves, not a time: at 10,000 stretches 400 ms is three saves,
	// and one garbage collection among three moved the figure by a sixth.
	progress("running go test -bench EditToReload -benchtime %s ./generator/devserver ...", saves)
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "EditToReload", "-benchmem", "-benchtime", saves, "./generator/devserver/")
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
