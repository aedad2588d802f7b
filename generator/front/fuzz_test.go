package front

import "testing"

// FuzzFrontMatter feeds arbitrary files through Split and Decode. Whatever the input,
// they must not panic, every issue must point at a line of the file, and a body must
// keep the file's line count so later messages point at the right line. The seeds are
// in testdata/fuzz/FuzzFrontMatter (shipped files, both syntaxes, broken ones); go
// test -fuzz adds any failing input there, where it stays as a test case.
func FuzzFrontMatter(f *testing.F) {
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
