package diag

import "testing"

func TestSuggest(t *testing.T) {
	candidates := []string{"bridge", "childs-pose", "citations", "hold", "reps"}
	cases := []struct{ word, want string }{
		{"brigde", "bridge"},
		{"ciations", "citations"},
		{"childspose", "childs-pose"},
		{"hodl", "hold"},
		{"cobra", ""}, // nothing close: no guess
		{"", ""},
	}
	for _, c := range cases {
		if got := Suggest(c.word, candidates); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

func TestDiagnosticString(t *testing.T) {
	cases := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Path: "content/a.md", Line: 3, Col: 7, Message: "bad"}, "content/a.md:3:7: error: bad"},
		{Diagnostic{Path: "content/a.md", Line: 3, Severity: Warning, Message: "odd", Hint: "fix it"}, "content/a.md:3: warning: odd\n    fix: fix it"},
		{Diagnostic{Path: "content/a.md", Message: "whole file"}, "content/a.md: error: whole file"},
		{Diagnostic{Path: "content/a.md", Severity: Info, Message: "grade 6"}, "content/a.md: info: grade 6"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestListErrAndSort(t *testing.T) {
	var l List
	l.Warnf("b.md", 1, 1, "", "w")
	l.Infof("b.md", 2, 0, "i")
	if l.Err() != nil {
		t.Fatal("a list of warnings is not an error")
	}
	l.Errorf("a.md", 9, 1, "", "e2")
	l.Errorf("a.md", 2, 1, "", "e1")
	l.Sort()
	if l[0].Message != "e1" || l[1].Message != "e2" || l[2].Message != "w" || l[3].Message != "i" {
		t.Errorf("wrong order: %v", l)
	}
	if l.Err() == nil || l.Errors() != 2 || l.Warnings() != 1 {
		t.Errorf("counts wrong: %d errors, %d warnings", l.Errors(), l.Warnings())
	}
}
