package front

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestYAMLMistakesAtTheirLine checks that a YAML slip is reported at the line that
// is wrong, with a plain hint, and not where the parser noticed it.
func TestYAMLMistakesAtTheirLine(t *testing.T) {
	cases := []struct {
		name      string
		src       string
		line, col int
		warning   bool
		msg, hint string
	}{
		{"merged cue", "---\ntitle: Chair fold\ncues:\n  - Sit tall at the front of the chair\n   - Slide your hands down your shins\n  - Breathe out\n---\n",
			5, 4, true, `joins them into one item: "Sit tall at the front of the chair - Slide your hands down your shins"`, "same indent"},
		{"item too deep", "---\ntitle: A\nareas:\n  - hips\n    - lower-back\n---\n",
			5, 5, true, `"hips - lower-back"`, "same indent"},
		{"dash inside one item", "---\ntitle: A\ncues:\n  - Sit tall - slide your hands down\n---\n",
			4, 14, true, "dash in its text", "use a comma"},
		{"mis-indented key", "---\ntitle: A\nsummary: B\ncitations:\n  - key: gordon2016\n    locator: p. 3\n  - key: bae2017\n   locator: p. 9\nhold: 30s\n---\n",
			8, 4, false, "indented 3 spaces, but the ones beside it are indented 4", "line it up"},
		{"over-indented key", "---\ntitle: A\nsummary: B\nhold: 30s\n reps: 3\nsides: both\n---\n",
			5, 2, false, "indented 1 space, but the ones beside it are indented 0 spaces", "line it up"},
		{"key under a list too far in", "---\ntitle: A\nsteps:\n  - Lie down\n  - Lift\n hold: 30s\nreps: 3\n---\n",
			6, 2, false, "key is indented 1 space,", "line it up"},
		{"tab before an item", "---\ntitle: A\nareas:\n\t- hips\n---\n",
			4, 1, false, "indented with a tab", "YAML does not allow tabs for indenting; use spaces"},
		{"tab before a key", "---\ntitle: A\n  \tsummary: B\n---\n",
			3, 3, false, "indented with a tab", "use spaces"},
		{"missing colon", "---\ntitle: A\nsummary Lift the hips\nhold: 30s\n---\n",
			3, 1, false, "no colon", "with a colon and a space"},
		{"unclosed quote", "---\ntitle: \"Bridge\nsummary: Lift.\nhold: 30s\n---\n",
			2, 8, false, "quote is never closed", `add a closing "`},
		{"colon in a value", "---\ntitle: Back pain: a review\nhold: 30s\n---\n",
			2, 17, false, "holds a colon", "put the text in quotes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, issue := Split([]byte(c.src))
			var got *Issue
			if c.warning {
				if issue != nil {
					t.Fatalf("unexpected error: %+v", issue)
				}
				if len(m.Warnings) != 1 {
					t.Fatalf("warnings = %+v, want one", m.Warnings)
				}
				got = &m.Warnings[0]
			} else {
				if issue == nil {
					t.Fatal("no error")
				}
				got = issue
			}
			if got.Line != c.line || got.Col != c.col || got.Warning != c.warning {
				t.Errorf("at %d:%d warning=%v, want %d:%d warning=%v: %s", got.Line, got.Col, got.Warning, c.line, c.col, c.warning, got.Msg)
			}
			if !strings.Contains(got.Msg, c.msg) || !strings.Contains(got.Hint, c.hint) {
				t.Errorf("msg %q hint %q; want them to hold %q and %q", got.Msg, got.Hint, c.msg, c.hint)
			}
			shown := strings.Split(c.src, "\n")[c.line-1]
			if !strings.Contains(got.Msg, strings.ReplaceAll(shown, "\t", "→")) {
				t.Errorf("message does not show the line %q: %s", shown, got.Msg)
			}
		})
	}
}

// TestYAMLScanQuietOnGoodFrontMatter checks that what authors write correctly gets
// no warning: nested groups, lists at their key's indent, text running on, block
// and quoted values over several lines.
func TestYAMLScanQuietOnGoodFrontMatter(t *testing.T) {
	src := "title: Bridge\nsummary: Lift the hips\n  and lower them slowly.\nareas:\n- hips\n- lower-back\ncues:\n  - \"Keep it slow\n    and easy\"\n  - Breathe out\nsteps: |\n  one\n    two\ncitations:\n  - key: a\n    locator: p. 3\n  - b\n# a comment\nflow: [a,\n  b]\nhold: 30s # half a minute\n"
	if got := yamlScan(src); len(got) != 0 {
		t.Errorf("findings on good YAML: %+v", got)
	}
}

// keyRE is the pattern keyAt stands for.
var keyRE = regexp.MustCompile(`^([^\s#'"\[\]{},&*!|>%@` + "`" + `-][^:#]*?|"[^"]*"|'[^']*'):(\s|$)`)

func sameKey(t *testing.T, rest string) {
	t.Helper()
	key, n, ok := keyAt(rest)
	m := keyRE.FindStringSubmatch(rest)
	if ok != (m != nil) || ok && (key != m[1] || n != len(m[0])) {
		t.Errorf("keyAt(%q) = %q, %d, %v; the pattern gives %q", rest, key, n, ok, m)
	}
}

func TestKeyAtAsThePattern(t *testing.T) {
	for _, s := range []string{"", "a", "a:", "a: b", "a:b", "a:\tb", "a #: b", "a b: c: d", ":", ": a", "x:: y",
		`"a b": c`, `"a b":c`, `"a`, `"":`, `'a': b`, `'a'`, "-a: b", "#a: b", "é: b", "a\u00a0: b", " a: b", "http://x: y"} {
		sameKey(t, s)
	}
}

func FuzzKeyAt(f *testing.F) {
	f.Add("name: value")
	f.Add(`"a": b`)
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.ValidString(s) {
			sameKey(t, s)
		}
	})
}
