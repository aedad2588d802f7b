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

func ratio(a, b time.Duration) string {
	if a == 0 || b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", float64(a)/float64(b))
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func printReport(w io.Writer, sizes []int, steps map[string]result, procs, pages map[int]proc, reload reloadResult) {
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
	printProcesses(w, sizes, steps, procs, pages)
	printReload(w, reload)
	printTargets(w, steps, procs, pages, reload)
}

// printProcesses writes the table of whole-process builds.
func printProcesses(w io.Writer, sizes []int, steps map[string]result, procs, pages map[int]proc) {
	fmt.Fprintln(w, "\n## Whole process: `stretchguide build`, output to disk")
	fmt.Fprintln(w, "\nbuild: every page and a PDF handout per routine (N/10 routines); pages only: `--pdf=false`, the")
	fmt.Fprintln(w, "same site without the PDFs, which is what other generators make. cold: into a folder that does not")
	fmt.Fprintln(w, "exist; rebuild: median of the builds over the previous output once the build before last is kept")
	fmt.Fprintln(w, "beside it (from the third build on); cpu: processor time of a rebuild on all threads; floor:")
	fmt.Fprintln(w, "BenchmarkFloor above; the ratios compare wall with wall and processor time with processor time.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| stretches | what | cold ms | rebuild ms | cpu ms | peak RSS | floor wall ms | floor cpu ms | rebuild / floor, wall | cpu | rebuild ms per 1,000 stretches |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, n := range sizes {
		floor := steps[fmt.Sprintf("BenchmarkFloor/n=%d", n)]
		for _, v := range variants(procs, pages) {
			p := v.procs[n]
			fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f |\n", n, v.name, ms(p.cold), ms(p.warm), ms(p.cpu), mib(p.peakRSS),
				ms(floor.wall), ms(floor.cpu), ratio(p.warm, floor.wall), ratio(p.cpu, floor.cpu), float64(p.warm.Microseconds())/1000/float64(n)*1000)
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

// printTargets compares the measures with their targets.
func printTargets(w io.Writer, steps map[string]result, procs, pages map[int]proc, reload reloadResult) {
	fmt.Fprintln(w, "\n## Targets")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| measure | target | measured |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, v := range variants(procs, pages) {
		for _, n := range []int{1000, 10000} {
			p, floor := v.procs[n], steps[fmt.Sprintf("BenchmarkFloor/n=%d", n)]
			if p.warm == 0 || floor.wall == 0 {
				continue
			}
			fmt.Fprintf(w, "| whole %s, %d stretches | at most 2x the floor | %s wall (%s ms / %s ms), %s processor time |\n", v.name, n,
				ratio(p.warm, floor.wall), ms(p.warm), ms(floor.wall), ratio(p.cpu, floor.cpu))
		}
		if p := v.procs[10000]; p.peakRSS > 0 {
			fmt.Fprintf(w, "| peak memory, %s, 10000 stretches | under 1 GiB | %s |\n", v.name, mib(p.peakRSS))
		}
		if a, b := v.procs[1000], v.procs[10000]; a.warm > 0 && b.warm > 0 {
			fmt.Fprintf(w, "| growth, %s, per stretch 10000 / 1000 | at most 1.2x | %.2fx |\n", v.name, (float64(b.warm)/10000)/(float64(a.warm)/1000))
		}
	}
	if reload.note != "" {
		fmt.Fprintln(w, "| edit to reload, 1000 stretches | under 50 ms | not measured |")
	} else {
		var names []string
		for name := range reload.results {
			if strings.Contains(name, "=1000/") {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		for _, name := range names {
			fmt.Fprintf(w, "| edit to reload, %s | under 50 ms | %s ms |\n", strings.TrimPrefix(name, "BenchmarkEditToReload/"), ms(reload.results[name].wall))
		}
	}
}
