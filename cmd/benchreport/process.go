package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// proc is the measure of whole-process runs of one size.
type proc struct {
	cold    time.Duration // median of the builds into a folder that does not exist, with no cache
	warm    time.Duration // median of the rebuilds over the previous output, nothing changed
	coldCPU time.Duration // median processor time of the cold builds, all threads
	cpu     time.Duration // median processor time of the rebuilds, all threads
	edit    time.Duration // median of the rebuilds after one stretch changed
	editCPU time.Duration // median processor time of those
	peakRSS int64         // bytes, the largest of all runs
	files   string        // what the command printed
}

// runs is how many times to run each kind of build of n stretches.
func runsFor(n, runs int) int {
	if n >= 10000 {
		return 3 // each takes seconds
	}
	return max(runs, 3)
}

// writeGuide writes the synthetic guide of n stretches into the work folder, once.
func writeGuide(work string, n int) string {
	content := filepath.Join(work, fmt.Sprintf("content-%d", n))
	if _, err := os.Stat(content); err == nil {
		return content
	}
	progress("writing the synthetic guide of %d stretches ...", n)
	// In a process of its own: a command started later counts this process's largest
	// memory in its own peak (the floor showed 69 MiB at every size).
	gen := tool(work, "./cmd/gencorpus")
	if out, err := exec.Command(gen, "-n", strconv.Itoa(n), "-out", content).CombinedOutput(); err != nil {
		fatalf("gencorpus: %v\n%s", err, out)
	}
	return content
}

// tool builds a command of this module into the work folder, once.
func tool(work, pkg string) string {
	bin := filepath.Join(work, filepath.Base(pkg))
	if _, err := os.Stat(bin); err != nil {
		progress("building %s ...", pkg)
		if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	return bin
}

// run runs a command from the work folder, which has no layouts folder (the built-in
// layouts are used, as in the Go benchmarks), and measures it, starting once what
// earlier runs wrote is on disk (settle).
func run(work, bin string, args ...string) (wall, cpu time.Duration, rss int64, stdout string) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = work
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	settle()
	t0 := time.Now()
	err := cmd.Run()
	wall = time.Since(t0)
	if err != nil {
		fatalf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, errs.Bytes())
	}
	cpu, rss = usage(cmd.ProcessState)
	return wall, cpu, rss, strings.TrimSpace(out.String())
}

// clean removes an output folder and everything a build keeps beside it: the build
// before last, the manifest and the cache. The names are the build's own
// (generator/write), all inside the work folder.
func clean(out string) {
	dir, base := filepath.Split(out)
	for _, p := range []string{out, filepath.Join(dir, "."+base+".prev"), filepath.Join(dir, "."+base+".stretchguide.json"), filepath.Join(dir, "."+base+".stretchguide-cache")} {
		_ = os.RemoveAll(p)
	}
}

// processAll times the floor command and `stretchguide build`, with handouts and with
// --pdf=false, on each guide. The three take turns, run by run, so that whatever else
// slows the machine for a while slows the floor as much as the builds it is the
// yardstick of (run one after another, the floor of 10,000 stretches swung from 0.9
// to 3.3 s between reports). Builds are timed cold (no output, no cache: the first
// build on a new machine), then as rebuilds with nothing changed over the previous
// output, as an author rebuilding does, each followed by a rebuild after one stretch
// changed (editOne); the first of each has no build before last yet and is not
// counted. Every floor run starts from an empty folder.
func processAll(work string, sizes []int, runs int) (floors, builds, pages map[int]proc) {
	floorBin, bin := tool(work, "./cmd/benchreport/floor"), tool(work, "./cmd/stretchguide")
	floors, builds, pages = map[int]proc{}, map[int]proc{}, map[int]proc{}
	for _, n := range sizes {
		content := writeGuide(work, n)
		floor := &timings{}
		floorOut := filepath.Join(work, fmt.Sprintf("floor-%d", n))
		floorRun := func() {
			_ = os.RemoveAll(floorOut)
			floor.add(run(work, floorBin, content, floorOut))
			_ = os.RemoveAll(floorOut)
		}
		full, only := newBuildRuns(work, bin, content, "public", n, nil), newBuildRuns(work, bin, content, "pages", n, []string{"--pdf=false"})
		count := runsFor(n, runs)
		for i := range count {
			progress("%d stretches, cold run %d: floor, build, build --pdf=false ...", n, i+1)
			floorRun()
			full.cold()
			only.cold()
		}
		for i := range count + 1 {
			progress("%d stretches, rebuild %d: floor, build, build --pdf=false, then again after one edit ...", n, i+1)
			floorRun()
			full.rebuild(i > 0, &full.warm)
			only.rebuild(i > 0, &only.warm)
			editOne(content, i)
			full.rebuild(i > 0, &full.edited)
			only.rebuild(i > 0, &only.edited)
		}
		full.done()
		only.done()
		floors[n] = proc{cold: median(floor.walls), coldCPU: median(floor.cpus), peakRSS: floor.peak}
		builds[n], pages[n] = full.proc(), only.proc()
	}
	return floors, builds, pages
}

// timings collects the measures of runs of one kind.
type timings struct {
	walls, cpus []time.Duration
	peak        int64
	stdout      string
}

func (t *timings) add(wall, cpu time.Duration, rss int64, stdout string) {
	t.walls, t.cpus = append(t.walls, wall), append(t.cpus, cpu)
	t.peak, t.stdout = max(t.peak, rss), stdout
}

// buildRuns times one way of running `stretchguide build` on one guide.
type buildRuns struct {
	work, bin, out string
	args           []string
	coldRuns, warm timings
	edited         timings // rebuilds after one stretch changed
}

func newBuildRuns(work, bin, content, name string, n int, extra []string) *buildRuns {
	out := filepath.Join(work, fmt.Sprintf("%s-%d", name, n))
	return &buildRuns{work: work, bin: bin, out: out, args: append([]string{"build", "--content", content, "--out", out}, extra...)}
}

func (b *buildRuns) cold() {
	clean(b.out)
	b.coldRuns.add(run(b.work, b.bin, b.args...))
}

// rebuild builds over the previous output into into; counted says whether the run is
// measured (its peak memory always is).
func (b *buildRuns) rebuild(counted bool, into *timings) {
	wall, cpu, rss, out := run(b.work, b.bin, b.args...)
	if !counted {
		into.peak = max(into.peak, rss)
		return
	}
	into.add(wall, cpu, rss, out)
}

// editOne adds a sentence to the first stretch of the guide in content, as an author
// saving a change does; run numbers the sentence, so each edit is a new one.
func editOne(content string, run int) {
	dir := filepath.Join(content, "stretches")
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		fatalf("no stretch to edit in %s: %v", dir, err)
	}
	file := filepath.Join(dir, entries[0].Name())
	src, err := os.ReadFile(file)
	if err == nil {
		err = os.WriteFile(file, fmt.Appendf(src, "\nHold it a little longer on day %d.\n", run+1), 0o644)
	}
	if err != nil {
		fatalf("editing %s: %v", file, err)
	}
}

func (b *buildRuns) done() { clean(b.out) }

func (b *buildRuns) proc() proc {
	return proc{cold: median(b.coldRuns.walls), coldCPU: median(b.coldRuns.cpus), warm: median(b.warm.walls), cpu: median(b.warm.cpus),
		edit: median(b.edited.walls), editCPU: median(b.edited.cpus),
		peakRSS: max(b.coldRuns.peak, b.warm.peak, b.edited.peak), files: b.coldRuns.stdout}
}

// profileTop profiles one cold build of n stretches with handouts and returns the top
// of the profile, by cumulative time, as a section of the report.
func profileTop(work string, n int) string {
	if n <= 0 {
		return ""
	}
	bin := tool(work, "./cmd/stretchguide")
	content, out := writeGuide(work, n), filepath.Join(work, "public-profile")
	prof := filepath.Join(work, "cpu.prof")
	clean(out)
	progress("profiling a cold build of %d stretches ...", n)
	run(work, bin, "build", "--content", content, "--out", out, "--cpuprofile", prof)
	clean(out)
	top, err := exec.Command("go", "tool", "pprof", "-top", "-cum", "-nodecount", "30", bin, prof).Output()
	if err != nil {
		return fmt.Sprintf("\n## CPU profile\n\nnot measured: go tool pprof: %v\n", err)
	}
	return fmt.Sprintf("\n## CPU profile: one cold build of %d stretches with handouts\n\n```\n%s```\n", n, top)
}
