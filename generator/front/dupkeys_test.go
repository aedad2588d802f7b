package front

import (
	"fmt"
	"testing"
)

// A field given twice is an error at the second, naming both lines; the first
// value is kept. Keys are compared as written.
func TestDuplicateFields(t *testing.T) {
	const head = "---\ntitle: Bridge\nsummary: Lift.\n"
	cases := []struct {
		name, src string
		want      []string // "line:col message"
		hold      string   // the hold kept
	}{
		{"hold twice", head + "hold: 30s\nareas: [hips]\nhold: 45s\n---\n",
			[]string{"6:1 `hold` is given twice, on lines 4 and 6; keep one"}, "30s"},
		{"twice on one line", "---\n{title: Bridge, summary: Lift., hold: 30s, hold: 1m}\n---\n",
			[]string{"2:44 `hold` is given twice, on line 2; keep one"}, "30s"},
		{"an unknown field twice", head + "colour: red\ncolour: blue\n---\n",
			[]string{"4:1 unknown field \"colour\" is ignored", "5:1 `colour` is given twice, on lines 4 and 5; keep one"}, ""},
		{"inside a citation", head + "citations:\n  - key: gordon2016\n    key: bae2017\n---\n",
			[]string{"6:5 `citations[1].key` is given twice, on lines 5 and 6; keep one"}, ""},
		{"case differs: two fields", head + "hold: 30s\nHold: 45s\n---\n",
			[]string{"5:1 unknown field \"Hold\" is ignored"}, "30s"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, issues := decodeStretch(t, c.src)
			var got []string
			for _, is := range issues {
				if is.Msg != "`areas` is missing" {
					got = append(got, fmt.Sprintf("%d:%d %s", is.Line, is.Col, is.Msg))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("issues:\n got %q\nwant %q", got, c.want)
			}
			if c.hold != "" && s.Hold.V.String() != c.hold {
				t.Errorf("hold = %v, want %s", s.Hold.V, c.hold)
			}
		})
	}
}
