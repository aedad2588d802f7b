// Package corpus makes a synthetic stretching guide of any size, for benchmarks and for
// tests that need a large site. The same n always gives the same files, byte for byte:
// every choice comes from a small seeded generator that no Go release can change.
//
// A guide of n stretches has the real front matter of every kind of file: areas in
// _index.md, warning signs in red-flags.md, max(50, n/5) references in CSL-YAML, n
// stretches of 300-500 words each citing 2-4 references (in front matter and inline,
// with page locators) and linking to other stretches and to the warning signs, n/10
// routines (at least one) and three free pages, one explaining the evidence grades
// every reference gives. Every clinical page names a (made-up) reviewer. It passes
// `stretchguide check` with no problems at all.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Files returns the guide of n stretches as file contents keyed by slash path below
// the content folder.
func Files(n int) map[string][]byte {
	g := newGen(n)
	files := map[string][]byte{}
	files["_index.md"] = g.home()
	files["red-flags.md"] = g.redFlags()
	files["references/references.yaml"] = g.references()
	for i := range n {
		files["stretches/"+g.stretches[i].slug+".md"] = g.stretch(i)
		if g.stretches[i].image {
			files["stretches/"+g.stretches[i].slug+".svg"] = picture
		}
	}
	for i := range g.routines {
		files["routines/"+g.routines[i].slug+".md"] = g.routine(i)
	}
	files["pages/about.md"] = g.about()
	files["pages/stretching-safely.md"] = g.safety()
	files["pages/evidence-grades.md"] = evidenceGrades
	return files
}

// Write writes the guide of n stretches into dir, which must be empty or missing.
func Write(dir string, n int) error {
	files := Files(n)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// picture is the drawing beside every fifth stretch.
var picture = []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 320"><rect width="480" height="320" fill="#eef"/><circle cx="240" cy="120" r="40" fill="#88a"/></svg>` + "\n")

// rng is splitmix64: tiny, fast, and fixed forever, unlike math/rand's streams.
type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

func (r *rng) pick(words []string) string { return words[r.intn(len(words))] }

// distinct picks k different numbers in [0, n), in the order drawn.
func (r *rng) distinct(k, n int, not ...int) []int {
	k = min(k, n-len(not))
	var out []int
	for len(out) < k {
		v := r.intn(n)
		if !containsInt(out, v) && !containsInt(not, v) {
			out = append(out, v)
		}
	}
	return out
}

func containsInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

type stretchInfo struct {
	slug, title string
	image       bool
	refs        []int // indexes into the references, front matter first
}

type routineInfo struct{ slug, title string }

// gen holds the names decided up front, so that links and citations between files
// always point at something that exists.
type gen struct {
	n         int
	refs      int
	stretches []stretchInfo
	routines  []routineInfo
}

func newGen(n int) *gen {
	g := &gen{n: n, refs: max(50, n/5)}
	r := &rng{state: 1}
	for i := range n {
		adj, move := r.pick(adjectives), r.pick(moves)
		title := fmt.Sprintf("%s %s %d", capitalize(adj), move, i+1)
		s := stretchInfo{slug: slugify(title), title: title, image: i%5 == 0}
		// Each stretch cites reference i mod refs, so every reference is cited once
		// n reaches the number of references; the about page cites the rest.
		s.refs = append([]int{i % g.refs}, r.distinct(r.between(1, 3), g.refs, i%g.refs)...)
		g.stretches = append(g.stretches, s)
	}
	for i := range max(1, n/10) {
		title := fmt.Sprintf("%s routine %d", capitalize(r.pick(times)), i+1)
		g.routines = append(g.routines, routineInfo{slug: slugify(title), title: title})
	}
	return g
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func slugify(title string) string {
	return strings.ReplaceAll(strings.ToLower(title), " ", "-")
}

// fileRNG gives each file its own stream, so one file's text does not depend on how
// many words came before it.
func fileRNG(kind string, i int) *rng {
	var h uint64 = 14695981039346656037
	for _, c := range []byte(kind) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return &rng{state: h + uint64(i)*0x9e3779b97f4a7c15}
}

func refKey(i int) string { return fmt.Sprintf("ref%05d", i+1) }

func (g *gen) home() []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: Synthetic stretching guide\nlanguage: en\nareas:\n")
	for _, a := range areas {
		fmt.Fprintf(&b, "  - id: %s\n    title: %s\n    summary: %s\n", a.id, a.title, a.summary)
	}
	b.WriteString("---\n")
	b.WriteString("This guide was made by a program to test how fast the site builds. Read the [warning signs](red-flags.md) first, and [how to stretch safely](pages/stretching-safely.md).\n\n")
	b.WriteString("## Where to start\n\n")
	for i := range min(5, len(g.routines)) {
		fmt.Fprintf(&b, "- Try the [%s](routines/%s.md).\n", g.routines[i].title, g.routines[i].slug)
	}
	for i := range min(5, g.n) {
		fmt.Fprintf(&b, "- Start with the [%s](stretches/%s.md).\n", g.stretches[i].title, g.stretches[i].slug)
	}
	return []byte(b.String())
}

func (g *gen) redFlags() []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: Warning signs\nsummary: A few signs mean a doctor should check you before you stretch.\nreviewer: " + reviewer + "\nflags:\n")
	for _, f := range flags {
		fmt.Fprintf(&b, "  - id: %s\n    title: %s\n    urgency: %s\n    action: %s\n", f.id, f.title, f.urgency, f.action)
	}
	fmt.Fprintf(&b, "---\nMost back pain gets better with care at home [@%s]. A few signs need a doctor first.\n\n", refKey(0))
	b.WriteString("## Why these signs matter\n\nFinding a problem early often makes it easier to treat. If you are not sure, ask.\n")
	return []byte(b.String())
}

func (g *gen) references() []byte {
	r := fileRNG("references", 0)
	var b strings.Builder
	b.WriteString("# Made up references for the synthetic guide.\n")
	for i := range g.refs {
		fmt.Fprintf(&b, "- id: %s\n  type: article-journal\n  author:\n", refKey(i))
		for range r.between(1, 3) {
			fmt.Fprintf(&b, "    - family: %s\n      given: %c.\n", r.pick(families), 'A'+r.intn(26))
		}
		fmt.Fprintf(&b, "  issued:\n    date-parts: [[%d]]\n", r.between(1995, 2025))
		fmt.Fprintf(&b, "  title: \"%s %s in %s\"\n", capitalize(r.pick(studyWords)), r.pick(moves), r.pick(people))
		fmt.Fprintf(&b, "  container-title: \"%s\"\n  volume: \"%d\"\n  issue: \"%d\"\n  page: \"%d-%d\"\n",
			r.pick(journals), r.between(1, 40), r.between(1, 12), 100+i%50, 110+i%50)
		if i%3 == 0 {
			fmt.Fprintf(&b, "  DOI: \"10.5555/synthetic.%d\"\n", i+1)
		}
		grade := grades[i%len(grades)]
		fmt.Fprintf(&b, "  grade: %s\n  grade_reason: %q\n", grade[0], grade[1])
	}
	return []byte(b.String())
}

func (g *gen) stretch(i int) []byte {
	s := g.stretches[i]
	r := fileRNG("stretch", i)
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsummary: A gentle %s that may ease a stiff back.\n", s.title, strings.ToLower(s.title[:strings.LastIndexByte(s.title, ' ')]))
	var ids []string
	for _, a := range r.distinct(r.between(1, 3), len(areas)) {
		ids = append(ids, areas[a].id)
	}
	fmt.Fprintf(&b, "areas: [%s]\nposition: %s\n", strings.Join(ids, ", "), r.pick(positions))
	if r.intn(2) == 0 {
		fmt.Fprintf(&b, "hold: %ds\n", 5*r.between(3, 12))
	} else {
		fmt.Fprintf(&b, "reps: %d\n", r.between(5, 15))
	}
	fmt.Fprintf(&b, "sets: %d\nsides: %s\nequipment: [%s]\n", r.between(1, 3), []string{"both", "none"}[r.intn(2)], r.pick(equipment))
	b.WriteString("cues:\n")
	for _, c := range r.distinct(3, len(cues)) {
		fmt.Fprintf(&b, "  - %s\n", cues[c])
	}
	b.WriteString("cautions:\n  - You should feel a gentle stretch, never sharp pain.\n  - Stop if pain spreads down a leg.\n")
	var fl []string
	for _, f := range r.distinct(r.between(1, 3), len(flags)) {
		fl = append(fl, flags[f].id)
	}
	fmt.Fprintf(&b, "red_flags: [%s]\n", strings.Join(fl, ", "))
	var keys []string
	for _, k := range s.refs {
		keys = append(keys, refKey(k))
	}
	fmt.Fprintf(&b, "citations: [%s]\n", strings.Join(keys, ", "))
	fmt.Fprintf(&b, "reviewed: 2026-%02d-%02d\nreviewer: %s\n", r.between(1, 12), r.between(1, 28), reviewer)
	if s.image {
		fmt.Fprintf(&b, "image: %s.svg\nimage_alt: A person doing the %s on a mat.\n", s.slug, strings.ToLower(s.title))
	}
	b.WriteString("---\n")

	w := &bodyWriter{b: &b, start: b.Len()}
	// The closing paragraph adds about 27 words and a sentence at most 31, so the
	// body ends between 300 and 500 words.
	target := r.between(300, 440)
	g.sentences(w, r, i, keys, target*3/5)
	b.WriteString("## How to do it\n\n")
	for step := 1; step <= r.between(4, 6); step++ {
		fmt.Fprintf(&b, "%d. ", step)
		sentence(&b, r, r.pick(stepStarts))
		b.WriteString(".\n")
	}
	b.WriteString("\n## Make it easier\n\n")
	g.sentences(w, r, i, keys, target-25)
	others := r.distinct(min(2, g.n-1), g.n, i)
	b.WriteString("It pairs well with ")
	for j, o := range others {
		if j > 0 {
			b.WriteString(" and ")
		}
		fmt.Fprintf(&b, "[%s](%s.md)", strings.ToLower(g.stretches[o].title), g.stretches[o].slug)
	}
	if len(others) == 0 {
		b.WriteString("rest")
	}
	fmt.Fprintf(&b, ". See [how to do it](#how-to-do-it), [how to stretch safely](../pages/stretching-safely.md), and know the [warning signs](../red-flags.md#%s).\n", flags[r.intn(len(flags))].id)
	return []byte(b.String())
}

// bodyWriter is a Markdown body being written, whose words can be counted.
type bodyWriter struct {
	b     *strings.Builder
	start int  // where the body starts in b
	cited bool // whether the body cites a reference yet
}

func (w *bodyWriter) words() int { return len(strings.Fields(w.b.String()[w.start:])) }

// sentences writes paragraphs of four to six sentences until the body has limit
// words. Some sentences end with a citation of one of the page's references, with a
// page locator; some are followed by a link to another stretch.
func (g *gen) sentences(w *bodyWriter, r *rng, self int, keys []string, limit int) {
	for w.words() < limit {
		for range r.between(4, 6) {
			sentence(w.b, r, r.pick(openers))
			kind := r.intn(5)
			if !w.cited {
				kind, w.cited = 0, true // every body cites with a locator
			}
			switch kind {
			case 0:
				fmt.Fprintf(w.b, " [@%s, p. %d].", keys[r.intn(len(keys))], r.between(2, 300))
			case 1:
				if a, c := keys[r.intn(len(keys))], keys[r.intn(len(keys))]; a != c {
					fmt.Fprintf(w.b, " [@%s; @%s, p. %d]", a, c, r.between(2, 300))
				}
				w.b.WriteString(".")
			case 2:
				w.b.WriteString(".")
				if o := r.intn(g.n); o != self {
					fmt.Fprintf(w.b, " Compare it with the [%s](%s.md).", strings.ToLower(g.stretches[o].title), g.stretches[o].slug)
				}
			default:
				w.b.WriteString(".")
			}
			if w.words() >= limit {
				break
			}
			w.b.WriteString(" ")
		}
		w.b.WriteString("\n\n")
	}
}

// sentence writes a sentence without its full stop, so that a citation can go
// before it.
func sentence(b *strings.Builder, r *rng, start string) {
	b.WriteString(start)
	for range r.between(6, 12) {
		b.WriteString(" ")
		b.WriteString(r.pick(fillers))
	}
}

func (g *gen) routine(i int) []byte {
	rt := g.routines[i]
	r := fileRNG("routine", i)
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsummary: A short set of gentle stretches.\nwhen: %s\nsteps:\n", rt.title, r.pick([]string{"morning", "evening", "any"}))
	steps := r.distinct(r.between(3, 6), g.n)
	for j, s := range steps {
		fmt.Fprintf(&b, "  - stretch: %s\n", g.stretches[s].slug)
		if j == 1 {
			fmt.Fprintf(&b, "    hold: %ds\n", 5*r.between(3, 8))
		}
	}
	a := r.intn(g.refs)
	fmt.Fprintf(&b, "citations: [%s]\nreviewed: 2026-%02d-%02d\nreviewer: %s\n---\n", refKey(a), r.between(1, 12), r.between(1, 28), reviewer)
	fmt.Fprintf(&b, "Do these stretches in order, slowly, and breathe out as you move [@%s, p. %d].\n\n## How to do it\n\n", refKey(a), r.between(2, 300))
	for j, s := range steps {
		fmt.Fprintf(&b, "%d. Do the [%s](../stretches/%s.md). ", j+1, strings.ToLower(g.stretches[s].title), g.stretches[s].slug)
		sentence(&b, r, r.pick(openers))
		b.WriteString(".\n")
	}
	return []byte(b.String())
}

// about cites the references no stretch cites, so that small guides have no
// uncited reference either.
func (g *gen) about() []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: About this guide\nsummary: Why this guide exists.\n")
	if g.n < g.refs {
		var keys []string
		for k := g.n; k < g.refs; k++ {
			keys = append(keys, refKey(k))
		}
		fmt.Fprintf(&b, "citations: [%s]\n", strings.Join(keys, ", "))
	}
	b.WriteString("reviewed: 2026-01-15\n---\nThis guide was made by a program. Its stretches, studies and people are not real. Read the [warning signs](../red-flags.md#cauda-equina) all the same.\n")
	return []byte(b.String())
}

// reviewer names the made-up clinician who reviews every clinical page.
const reviewer = "S. Synthetic, physiotherapist"

// grades are the evidence grades the references take in turn, each with its reason.
var grades = [][2]string{
	{"moderate", "Made up, a few small trials that agree"},
	{"low", "Made up, one small trial"},
	{"high", "Made up, many large trials that agree"},
	{"very-low", "Made up, case reports only"},
}

// evidenceGrades explains each grade, so grade badges have a section to link to.
var evidenceGrades = []byte("---\ntitle: Evidence grades\nsummary: How sure we are about each study.\n---\n" +
	"Each study gets a grade for how sure we can be of what it found.\n\n" +
	"## High\n\nWe are very sure.\n\n## Moderate\n\nWe are fairly sure.\n\n## Low\n\nWe are not very sure.\n\n## Very low\n\nWe are not sure at all.\n")

func (g *gen) safety() []byte {
	return []byte("---\ntitle: How to stretch safely\nsummary: Go slowly and stop if it hurts.\n---\n" +
		"Move slowly into each stretch. You should feel a gentle pull, never sharp pain [@" + refKey(1) + ", p. 4].\n\n" +
		"## Breathing\n\nBreathe out as you ease into a stretch. Do not hold your breath.\n\n" +
		"## When to stop\n\nStop at once if you feel sharp pain or numbness, and read the [warning signs](../red-flags.md).\n")
}
