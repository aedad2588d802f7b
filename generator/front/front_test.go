package front

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30s", 30 * time.Second, true},
		{"45 seconds", 45 * time.Second, true},
		{"1m", time.Minute, true},
		{"1 min 30 s", 90 * time.Second, true},
		{"1m30s", 90 * time.Second, true},
		{"2 minutes", 2 * time.Minute, true},
		{"thirty", 0, false},
		{"30", 0, false}, // a bare number is ambiguous: seconds or minutes?
		{"0s", 0, false},
		{"", 0, false},
		{"-5s", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseDuration(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func decodeStretch(t *testing.T, src string) (Stretch, []Issue) {
	t.Helper()
	m, issue := Split([]byte(src))
	if issue != nil {
		return Stretch{}, []Issue{*issue}
	}
	var s Stretch
	return s, Decode(m.Node, &s)
}

func TestDecodeRecordsPositions(t *testing.T) {
	s, issues := decodeStretch(t, "\n---\ntitle: Bridge\nsummary: Lift.\nareas:\n  - hips\n  - lower-back\nhold: 30s\nreviewed: 2026-11-25\ncitations:\n  - gordon2016\n  - {key: bae2017, locator: p. 3}\n---\nBody\n")
	if len(issues) != 0 {
		t.Fatalf("unexpected issues: %+v", issues)
	}
	if s.Title.V != "Bridge" || s.Title.Line != 3 || s.Title.Col != 8 {
		t.Errorf("title = %+v", s.Title)
	}
	if len(s.Areas) != 2 || s.Areas[1].V != "lower-back" || s.Areas[1].Line != 7 {
		t.Errorf("areas = %+v", s.Areas)
	}
	if s.Hold.V != 30*time.Second || s.Reviewed.V.Format("2006-01-02") != "2026-11-25" {
		t.Errorf("hold %v, reviewed %v", s.Hold.V, s.Reviewed.V)
	}
	if s.Citations[0].Key.V != "gordon2016" || s.Citations[1].Key.V != "bae2017" || s.Citations[1].Locator.V != "p. 3" || s.Citations[1].Key.Line != 12 {
		t.Errorf("citations = %+v", s.Citations)
	}
}

func TestDecodeReportsEveryProblem(t *testing.T) {
	_, issues := decodeStretch(t, "---\ntitle: [a list]\nhold: thirty\nreps: ten\nposition: lyng\nsides: both\ncolour: red\n---\n")
	want := []string{
		"2:8 error `title` should be plain text, not a list",
		"3:7 error `hold` \"thirty\" is not a length of time",
		"4:7 error `reps` should be a whole number such as 10, not \"ten\"",
		"5:11 error `position` cannot be \"lyng\"",
		"7:1 warning unknown field \"colour\" is ignored",
		"2:1 error `summary` is missing", // at the first field of the front matter
		"2:1 error `areas` is missing",
	}
	var got []string
	for _, is := range issues {
		sev := "error"
		if is.Warning {
			sev = "warning"
		}
		got = append(got, fmt.Sprintf("%d:%d %s %s", is.Line, is.Col, sev, is.Msg))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDecodeTOMLFrontMatter(t *testing.T) {
	s, issues := decodeStretch(t, "+++\ntitle = \"Bridge\"\nsummary = \"Lift.\"\nareas = [\"hips\"]\nhold = \"30s\"\nreviewer = 2026-11-25\nreviewed = 2026-11-25\n+++\nBody\n")
	if len(issues) != 0 {
		t.Fatalf("unexpected issues: %+v", issues)
	}
	if s.Title.V != "Bridge" || s.Title.Line != 2 || s.Hold.V != 30*time.Second {
		t.Errorf("decoded %+v", s)
	}
	// A TOML date where text is expected is accepted as the date written.
	if s.Reviewer.V != "2026-11-25" || s.Reviewed.V.Day() != 25 {
		t.Errorf("reviewer %q, reviewed %v", s.Reviewer.V, s.Reviewed.V)
	}
}

func TestSplit(t *testing.T) {
	cases := []struct {
		name, src string
		bodyLine  int    // the line the body's first text is on
		issue     string // prefix of the expected issue, "" for none
		line      int
	}{
		{"yaml", "---\na: 1\n---\nBody", 4, "", 0},
		{"blank lines first", "\n\n---\na: 1\n---\nBody", 6, "", 0},
		{"toml", "+++\na = 1\n+++\nBody", 4, "", 0},
		{"no front matter", "Body", 1, "", 0},
		{"unclosed", "---\na: 1\nBody", 0, "the front matter that starts here has no closing --- line", 1},
		{"bad yaml", "---\na: 1\nb: c: d\n---\n", 0, "the front matter is not valid YAML", 3},
		{"bad toml", "+++\na = 1\nb = \n+++\n", 0, "the front matter is not valid TOML", 3},
		{"not a mapping", "---\n- a\n---\n", 0, "the front matter should be a list of `name: value` fields", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, is := Split([]byte(c.src))
			if c.issue != "" {
				if is == nil || !strings.HasPrefix(is.Msg, c.issue) || is.Line != c.line {
					t.Fatalf("want issue %q at line %d, got %+v", c.issue, c.line, is)
				}
				return
			}
			if is != nil {
				t.Fatalf("unexpected issue %+v", is)
			}
			if got := strings.Count(string(m.Body[:strings.Index(string(m.Body), "Body")]), "\n") + 1; got != c.bodyLine {
				t.Errorf("body starts on line %d, want %d", got, c.bodyLine)
			}
		})
	}
}
