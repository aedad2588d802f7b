package generator

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// hardPage is a free page whose third paragraph, on line 8, is one long sentence of
// clinical prose: the page as a whole reads above grade 8.
const hardPage = `---
title: Hard
summary: A page that is hard to read.
---
This page is short.

It has a few plain lines.
Systematic reviews of randomised controlled trials suggest that supervised flexibility exercise programmes may reduce functional disability in individuals with chronic nonspecific low back pain, although the certainty of the evidence remains considerably limited by methodological heterogeneity and inconsistent outcome measurement across the included investigations.
`

func TestCheckWarnsAboveTheReadingGrade(t *testing.T) {
	fsys := siteFS(t)
	fsys["pages/hard.md"] = &fstest.MapFile{Data: []byte(hardPage)}
	problems := checkFS(fsys, "content")
	want := "content/pages/hard.md:8:1: warning: the page reads at school grade "
	if !containsPrefix(problems, want) {
		t.Fatalf("want a problem starting\n  %s\ngot:\n%s", want, list(problems))
	}
	for _, d := range problems {
		if d.Path == "content/pages/hard.md" && (!strings.HasSuffix(d.Message, "above the guide's limit of 8") || !strings.Contains(d.Hint, "hardest sentence")) {
			t.Errorf("message or hint: %s", d)
		}
	}
}

func TestReadingGradeLimitIsASetting(t *testing.T) {
	withLimit := func(limit string) diag.List {
		fsys := siteFS(t)
		home := strings.Replace(string(fsys["_index.md"].Data), "language: en\n", "language: en\nreadability_grade: "+limit+"\n", 1)
		fsys["_index.md"] = &fstest.MapFile{Data: []byte(home)}
		return checkFS(fsys, "content")
	}
	// The test site's about page reads at about grade 2.
	if p := withLimit("6"); len(p) != 0 {
		t.Errorf("limit 6: unexpected problems:\n%s", list(p))
	}
	if p := withLimit("1"); !containsPrefix(p, "content/pages/about.md:10:1: warning: the page reads at school grade 2.") {
		t.Errorf("limit 1: want a warning on the about page, got:\n%s", list(p))
	}
	if p := withLimit("0"); !containsPrefix(p, "content/_index.md:4:20: error: `readability_grade` is 0; use a whole number from 1 to 20") {
		t.Errorf("limit 0: want an error, got:\n%s", list(p))
	}
}

func TestCheckGivesEachPagesReadingGrade(t *testing.T) {
	var infos []string
	for _, d := range checkContent(siteFS(t), Options{Content: "content", Today: testToday}) {
		if d.Severity == diag.Info {
			infos = append(infos, d.String())
		}
	}
	got := strings.Join(infos, "\n")
	for _, want := range []string{
		"content/pages/about.md: info: reads at school grade 2.",
		"content/stretches/bridge.md: info: reads at school grade ",
		"content/routines/bedtime.md: info: reads at school grade ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no info line %q in:\n%s", want, got)
		}
	}
}

func TestBuildVerboseListsReadingGrades(t *testing.T) {
	var log bytes.Buffer
	buildSite(t, Options{Log: &log})
	for _, want := range []string{"reading grade (limit 8):", "testdata/site/pages/about.md", "testdata/site/stretches/bridge.md"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("build --verbose output lacks %q:\n%s", want, log.String())
		}
	}
}

// withCycle sets review_cycle_months in the test site, whose about page was reviewed
// on 2026-11-01 and every other page on 2026-11-25.
func withCycle(t *testing.T, months string) fstest.MapFS {
	fsys := siteFS(t)
	home := strings.Replace(string(fsys["_index.md"].Data), "language: en\n", "language: en\nreview_cycle_months: "+months+"\n", 1)
	fsys["_index.md"] = &fstest.MapFile{Data: []byte(home)}
	return fsys
}

func TestCheckReportsReviewsComingDue(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	cases := []struct {
		name   string
		today  string
		strict bool
		want   []string // problems about the about page, whose review is due 2027-11-01
		none   bool
	}{
		{"long before", "2027-08-01", false, nil, true},
		{"within 60 days", "2027-09-15", false, []string{"content/pages/about.md:4:11: warning: the page is due for review on 1 November 2027"}, false},
		{"on the day", "2027-11-01", false, []string{"content/pages/about.md:4:11: warning: the page's review is overdue: it was due on 1 November 2027"}, false},
		{"overdue, strict", "2028-01-01", true, []string{"content/pages/about.md:4:11: error: the page's review is overdue: it was due on 1 November 2027"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var problems diag.List
			for _, d := range checkContent(withCycle(t, "12"), Options{Content: "content", Today: day(c.today), Strict: c.strict}) {
				if d.Path == "content/pages/about.md" && d.Severity != diag.Info {
					problems.Add(d)
				}
			}
			if c.none && len(problems) > 0 {
				t.Errorf("unexpected problems:\n%s", list(problems))
			}
			for _, w := range c.want {
				if !containsPrefix(problems, w) {
					t.Errorf("want %s\ngot:\n%s", w, list(problems))
				}
			}
		})
	}
}

func TestReviewCycleSetsNextReviewDue(t *testing.T) {
	for cycle, want := range map[string]string{"": "2029-11-01", "18": "2028-05-01"} {
		fsys := siteFS(t)
		if cycle != "" {
			fsys = withCycle(t, cycle)
		}
		var problems diag.List
		ln := loadAndLink(fsys, Options{Content: "content"}, &problems, newTimer(nil))
		if len(problems) != 0 {
			t.Fatalf("unexpected problems:\n%s", list(problems))
		}
		for _, p := range ln.Guide.Pages {
			if p.Slug == "about" && p.NextReview.ISO() != want {
				t.Errorf("cycle %q: next review %s, want %s", cycle, p.NextReview.ISO(), want)
			}
		}
	}
	if p := checkFS(withCycle(t, "0"), "content"); !containsPrefix(p, "content/_index.md:4:22: error: `review_cycle_months` is 0; use a whole number from 1 to 120") {
		t.Errorf("cycle 0: want an error, got:\n%s", list(p))
	}
}
