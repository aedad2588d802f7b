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

// processFloors times the floor command on each guide, into an empty folder each time.
func processFloors(work string, sizes []int, runs int) map[int]proc {
	bin := tool(work, "./cmd/benchreport/floor")
	res := map[int]proc{}
	for _, n := range sizes {
		content, out := writeGuide(work, n), filepath.Join(work, fmt.Sprintf("floor-%d", n))
		var p proc
		var walls, cpus []time.Duration
		for i := range runsFor(n, runs) {
			progress("floor, %d stretches, run %d ...", n, i+1)
			_ = os.RemoveAll(out)
			wall, cpu, rss, _ := run(work, bin, content, out)
			walls, cpus = append(walls, wall), append(cpus, cpu)
			p.peakRSS = max(p.peakRSS, rss)
		}
		_ = os.RemoveAll(out)
		p.cold, p.coldCPU = median(walls), median(cpus)
		res[n] = p
	}
	return res
}

// processBuilds times `stretchguide build` with the extra arguments on each guide:
// cold builds (no output, no cache: the first build on a new machine), then rebuilds
// with nothing changed over the previous output, as an author rebuilding does. The
// first rebuild has no build before last yet and is not counted.
func processBuilds(work string, sizes []int, runs int, extra []string) map[int]proc {
	bin := tool(work, "./cmd/stretchguide")
	res := map[int]proc{}
	for _, n := range sizes {
		content, out := writeGuide(work, n), filepath.Join(work, fmt.Sprintf("public-%d", n))
		args := append([]string{"build", "--content", content, "--out", out}, extra...)
		var p proc
		var cold, coldCPU, warm, warmCPU []time.Duration
		count := runsFor(n, runs)
		for i := range count {
			progress("stretchguide build %s, %d stretches, cold run %d ...", strings.Join(extra, " "), n, i+1)
			clean(out)
			wall, cpu, rss, files := run(work, bin, args...)
			cold, coldCPU = append(cold, wall), append(coldCPU, cpu)
			p.peakRSS, p.files = max(p.peakRSS, rss), files
		}
		for i := range count + 1 {
			progress("stretchguide build %s, %d stretches, rebuild %d ...", strings.Join(extra, " "), n, i+1)
			wall, cpu, rss, _ := run(work, bin, args...)
			p.peakRSS = max(p.peakRSS, rss)
			if i > 0 {
				warm, warmCPU = append(warm, wall), append(warmCPU, cpu)
			}
		}
		clean(out)
		p.cold, p.coldCPU, p.warm, p.cpu = median(cold), median(coldCPU), median(warm), median(warmCPU)
		res[n] = p
	}
	return res
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
