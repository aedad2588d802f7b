package front

import (
	"fmt"
	"strings"
	"testing"
)

// TOML front matter keeps the line and column of every value, counted from the top
// of the file, so problems in it are reported where they are written.
func TestTOMLPositions(t *testing.T) {
	src := "\n+++\n" + // the front matter starts on line 2
		"title = \"Bridge\"\n" + // 3
		"summary = 'Lift.'\n" + // 4
		"areas = [\"hips\", \"lower-back\"]\n" + // 5
		"hold   =   \"30s\"  # a comment\n" + // 6
		"cues = [\n" + // 7
		"  \"Knees bent\", # first\n" + // 8
		"  \"Lift\",\n" + // 9
		"]\n" + // 10
		"citations = [{key = \"gordon2016\", grade = \"low\"}, \"bae2017\"]\n" + // 11
		"reviewed = 2026-11-25\n" + // 12
		"+++\nBody\n"
	s, issues := decodeStretch(t, src)
	if len(issues) != 0 {
		t.Fatalf("unexpected issues: %+v", issues)
	}
	at := func(a At) string { return fmt.Sprintf("%d:%d", a.Line, a.Col) }
	cases := []struct{ what, got, want string }{
		{"title", at(s.Title.At), "3:9"},
		{"summary", at(s.Summary.At), "4:11"},
		{"areas[1]", at(s.Areas[0].At), "5:10"},
		{"areas[2]", at(s.Areas[1].At), "5:18"},
		{"hold", at(s.Hold.At), "6:12"},
		{"cues[1]", at(s.Cues[0].At), "8:3"},
		{"cues[2]", at(s.Cues[1].At), "9:3"},
		{"citations[1].key", at(s.Citations[0].Key.At), "11:21"},
		{"citations[1].grade", at(s.Citations[0].Grade.At), "11:43"},
		{"citations[2]", at(s.Citations[1].Key.At), "11:51"},
		{"reviewed", at(s.Reviewed.At), "12:12"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s at %s, want %s", c.what, c.got, c.want)
		}
	}
}

func TestTOMLArrayOfTablesPositions(t *testing.T) {
	src := "+++\ntitle = \"Bedtime\"\nsummary = \"S.\"\n\n[[steps]]\nstretch = \"bridge\"\n\n[[steps]]\nstretch = \"open-book\"\nsets = \"two\"\n+++\n"
	m, issue := Split([]byte(src))
	if issue != nil {
		t.Fatal(issue.Msg)
	}
	var r Routine
	issues := Decode(m.Node, &r)
	if len(r.Steps) != 2 || r.Steps[1].Stretch.Line != 9 || r.Steps[1].Stretch.Col != 11 {
		t.Errorf("steps %+v", r.Steps)
	}
	var got []string
	for _, is := range issues {
		got = append(got, fmt.Sprintf("%d:%d %s", is.Line, is.Col, is.Msg))
	}
	if want := "10:8 `steps[2].sets` should be a whole number such as 10, not \"two\""; strings.Join(got, "\n") != want {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

func TestTOMLUnknownKeyPosition(t *testing.T) {
	_, issues := decodeStretch(t, "+++\ntitle = \"B\"\nsummary = \"S.\"\nareas = [\"hips\"]\nhold = \"30s\"\n  ciations = [\"a\"]\n+++\n")
	if len(issues) != 1 || issues[0].Line != 6 || issues[0].Col != 3 || !issues[0].Warning {
		t.Errorf("issues %+v, want one warning at 6:3", issues)
	}
}

func TestTOMLSyntaxErrorPosition(t *testing.T) {
	cases := []struct {
		src  string
		line int
		col  int
		msg  string
	}{
		{"\n\n+++\ntitle = \"A\"\nhold = thirty\n+++\n", 5, 8, "the front matter is not valid TOML: expected value but found \"thirty\" instead"},
		{"+++\ntitle = \"A\"\nsummary = \"B\nareas = []\n+++\n", 3, 13, "the front matter is not valid TOML: strings cannot contain newlines"},
		{"+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n", 3, 13, "the front matter is not valid TOML: Key 'title' has already been defined"},
	}
	for _, c := range cases {
		_, is := Split([]byte(c.src))
		if is == nil || is.Line != c.line || is.Col != c.col || is.Msg != c.msg {
			t.Errorf("got %+v\nwant %d:%d %s", is, c.line, c.col, c.msg)
		}
	}
}
