package front

import "testing"

// FuzzFrontMatter feeds arbitrary files through Split and Decode. Whatever the input,
// they must not panic, every issue must point at a line of the file, and a body must
// keep the file's line count so later messages point at the right line.
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: Bridge\nsummary: Lift.\nareas: [hips]\nhold: 30s\n---\nBody\n"))
	f.Add([]byte("+++\ntitle = \"Bridge\"\nreps = 10\n+++\n"))
	f.Add([]byte("---\nsteps:\n  - stretch: bridge\n    hold: 1m\n---\n"))
	f.Add([]byte("---\ncitations:\n  - {key: a, locator: p. 3}\n  - b\n---\n"))
	f.Add([]byte("---\n&a [*a]\n---\n"))
	f.Add([]byte("+++\ncues = [\n  \"a\", # c\n]\ncitations = [{key = \"k\", grade = \"low\"}, 'b']\n[[steps]]\nstretch = \"x\"\n[site]\nt.u = 1\n+++\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		m, is := Split(src)
		lines := 1
		for _, b := range src {
			if b == '\n' {
				lines++
			}
		}
		if is != nil {
			if is.Line < 1 || is.Line > lines {
				t.Fatalf("issue at line %d of a %d-line file: %+v", is.Line, lines, is)
			}
			return
		}
		if m.Node == nil {
			return
		}
		bodyLines := 1
		for _, b := range m.Body {
			if b == '\n' {
				bodyLines++
			}
		}
		if bodyLines != lines {
			t.Fatalf("body has %d lines, file %d", bodyLines, lines)
		}
		for _, v := range []any{&Stretch{}, &Routine{}, &RedFlags{}, &Site{}, &Page{}} {
			for _, is := range Decode(m.Node, v) {
				if is.Line < 1 || is.Line > lines {
					t.Fatalf("issue at line %d of a %d-line file: %+v", is.Line, lines, is)
				}
			}
		}
	})
}
