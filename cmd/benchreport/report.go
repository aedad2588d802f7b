package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// workFolder is where the guides and builds were written.
var workFolder string

func ratio(a, b time.Duration) string {
	if a == 0 || b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", float64(a)/float64(b))
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func printReport(w io.Writer, sizes []int, steps map[string]result, floors, procs, pages map[int]proc, reload reloadResult) {
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(w, "\nLoad average when done: %s (%d cores). Wall-clock times grow with other work on the machine;\n", strings.Join(strings.Fields(string(load))[:3], " "), runtime.NumCPU())
		fmt.Fprintln(w, "processor times much less so.")
	}
	fmt.Fprintln(w, "\n## Pipeline steps (go test -bench -benchmem ./generator)")
	fmt.Fprintln(w, "\nms per operation, wall clock / processor time on all threads; MiB allocated per operation.")
	fmt.Fprintln(w)
	head := "| step |"
	rule := "|---|"
	for _, n := range sizes {
		head += fmt.Sprintf(" n=%d wall | cpu | alloc |", n)
		rule += "---:|---:|---:|"
	}
	fmt.Fprintln(w, head)
	fmt.Fprintln(w, rule)
	for _, step := range []string{"Load", "Link", "Render", "Write", "Build", "Floor"} {
		label := map[string]string{"Build": "whole build (in process)", "Floor": "floor: plain goldmark, all cores"}[step]
		if label == "" {
			label = strings.ToLower(step)
		}
		line := "| " + label + " |"
		for _, n := range sizes {
			r, ok := steps[fmt.Sprintf("Benchmark%s/n=%d", step, n)]
			if !ok {
				line += " - | - | - |"
				continue
			}
			line += fmt.Sprintf(" %s | %s | %.1f |", ms(r.wall), ms(r.cpu), float64(r.bytes)/(1<<20))
		}
		fmt.Fprintln(w, line)
	}
	if r, ok := steps["BenchmarkLayouts"]; ok {
		fmt.Fprintf(w, "\nParsing the layouts (once per build): %s ms.\n", ms(r.wall))
	}
	printProcesses(w, sizes, floors, procs, pages)
	printReload(w, reload)
	printTargets(w, floors, procs, pages, reload)
}

// printProcesses writes the table of whole-process builds.
func printProcesses(w io.Writer, sizes []int, floors, procs, pages map[int]proc) {
	fmt.Fprintln(w, "\n## Whole process: `stretchguide build`")
	fmt.Fprintf(w, "\nGuides and outputs in %s (-work). The floor and the two builds take turns, run by run.\n", workFolder)
	fmt.Fprintln(w, "\nfloor: command floor, the least a goldmark-based generator does (read every Markdown file, convert")
	fmt.Fprintln(w, "it with plain goldmark on all cores, write the page). build: every page and a PDF handout per routine")
	fmt.Fprintln(w, "(N/10 routines); pages only: `--pdf=false`. cold: median of builds with no output folder, no cache")
	fmt.Fprintln(w, "and no build before last; rebuild: median of builds over the previous output with nothing changed")
	fmt.Fprintln(w, "(the build finds the output up to date and writes nothing); one edit: median of builds over the")
	fmt.Fprintln(w, "previous output after a sentence was added to one stretch (load, link and check run in full, only")
	fmt.Fprintln(w, "what the change reaches is rendered and written). Ratios are wall to wall with the floor of the same")
	fmt.Fprintln(w, "size; cpu is processor time on all threads.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| stretches | what | cold ms | cold / floor | cold cpu ms | rebuild ms | rebuild / floor | rebuild cpu ms | one edit ms | one edit / floor | one edit cpu ms | peak RSS |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, n := range sizes {
		f := floors[n]
		fmt.Fprintf(w, "| %d | floor | %s | 1x | %s | - | - | - | - | - | - | %s |\n", n, ms(f.cold), ms(f.coldCPU), mib(f.peakRSS))
		for _, v := range variants(procs, pages) {
			p := v.procs[n]
			fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", n, v.name, ms(p.cold), ratio(p.cold, f.cold), ms(p.coldCPU),
				ms(p.warm), ratio(p.warm, f.cold), ms(p.cpu), ms(p.edit), ratio(p.edit, f.cold), ms(p.editCPU), mib(p.peakRSS))
		}
	}
}

// printReload writes the table of edit-to-reload times.
func printReload(w io.Writer, reload reloadResult) {
	fmt.Fprintln(w, "\n## Live editing: edit to reload")
	fmt.Fprintln(w)
	if reload.note != "" {
		fmt.Fprintln(w, reload.note+".")
	} else {
		fmt.Fprintln(w, "BenchmarkEditToReload of generator/devserver: from saving a stretch to the reload event.")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| benchmark | ms per edit | all it reports |")
		fmt.Fprintln(w, "|---|---:|---|")
		var names []string
		for name := range reload.results {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			r := reload.results[name]
			fmt.Fprintf(w, "| %s | %s | %s |\n", strings.TrimPrefix(name, "BenchmarkEditToReload/"), ms(r.wall), strings.Join(r.metrics, ", "))
		}
	}

}

// metric is the value of the metric named unit, as printed, or "".
func (r result) metric(unit string) string {
	for _, m := range r.metrics {
		if v, ok := strings.CutSuffix(m, " "+unit); ok {
			return v
		}
	}
	return ""
}

// printTargets compares the measures with the targets of issue 16.
func printTargets(w io.Writer, floors, procs, pages map[int]proc, reload reloadResult) {
	fmt.Fprintln(w, "\n## Targets")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| measure | target | measured |")
	fmt.Fprintln(w, "|---|---|---|")
	row := func(measure, target, measured string) {
		fmt.Fprintf(w, "| %s | %s | %s |\n", measure, target, measured)
	}
	// Wall-clock ratios grow with other work on the machine; processor-time ratios
	// much less so, so both are given.
	vs := func(d, cpu time.Duration, n int) string {
		f := floors[n]
		return fmt.Sprintf("%s wall (%s ms / %s ms), %s processor time (%s ms / %s ms)",
			ratio(d, f.cold), ms(d), ms(f.cold), ratio(cpu, f.coldCPU), ms(cpu), ms(f.coldCPU))
	}
	for _, n := range []int{1000, 10000} {
		if p := pages[n]; p.cold > 0 && floors[n].cold > 0 {
			row(fmt.Sprintf("pages only, cold, %d stretches", n), "at most 4x the floor", vs(p.cold, p.coldCPU, n))
		}
	}
	for _, n := range []int{1000, 10000} {
		if p := procs[n]; p.cold > 0 && floors[n].cold > 0 {
			row(fmt.Sprintf("full build with handouts, cold, %d stretches", n), "at most 6x the floor", vs(p.cold, p.coldCPU, n))
			row(fmt.Sprintf("full build, rebuild with nothing changed, %d stretches", n), "at most 2x the floor", vs(p.warm, p.cpu, n))
			row(fmt.Sprintf("full build, rebuild after one stretch changed, %d stretches", n), "none; shown beside the row above", vs(p.edit, p.editCPU, n))
		}
	}
	if p := procs[10000]; p.peakRSS > 0 {
		row("peak memory, full build with handouts, 10000 stretches", "at most 400 MiB", mib(p.peakRSS))
	}
	targets := map[string]string{
		"stretches=1000/edit=text":    "median at most 40 ms",
		"stretches=10000/edit=text":   "median at most 150 ms",
		"stretches=1000/edit=summary": "at most 100 ms",
	}
	var names []string
	for name := range targets {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		measured := "not measured"
		if r, ok := reload.results["BenchmarkEditToReload/"+name]; ok {
			measured = ms(r.wall) + " ms on average"
			if m := r.metric("median-ms/op"); m != "" {
				measured = m + " ms median, " + measured
			}
		}
		row("save to served, "+name, targets[name], measured)
	}
}
