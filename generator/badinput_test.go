package generator

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// More classes of mistake, each expected at an exact place with an exact message
// (as a prefix: the hint follows on the next line).
func TestCheckReportsMoreBadInput(t *testing.T) {
	const stretch = "title: Bad\nsummary: S.\nareas: [hips]\n"
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"TOML syntax error, counted from the top of the file", map[string]string{
			"stretches/bad.md": "\n\n+++\ntitle = \"Bad\"\nhold = thirty\n+++\n"},
			[]string{`content/stretches/bad.md:5:8: error: the front matter is not valid TOML: expected value but found "thirty" instead`}},
		{"TOML wrong type", map[string]string{
			"stretches/bad.md": "+++\ntitle = \"Bad\"\nsummary = \"S.\"\nareas = [\"hips\"]\nhold = \"thirty\"\n+++\n"},
			[]string{"content/stretches/bad.md:5:8: error: `hold` \"thirty\" is not a length of time"}},
		{"TOML unknown stretch in the second step", map[string]string{
			"routines/bad.md": "+++\ntitle = \"Bad\"\nsummary = \"S.\"\n\n[[steps]]\nstretch = \"bridge\"\n\n[[steps]]\nstretch = \"brigde\"\n+++\n"},
			[]string{`content/routines/bad.md:9:11: error: unknown stretch "brigde"` + "\n    fix: did you mean \"bridge\"?"}},
		{"TOML unknown area in a list", map[string]string{
			"stretches/bad.md": "+++\ntitle = \"Bad\"\nsummary = \"S.\"\nareas = [\"hips\", \"lower-bak\"]\nhold = \"30s\"\n+++\n"},
			[]string{`content/stretches/bad.md:4:18: error: unknown area "lower-bak"` + "\n    fix: did you mean \"lower-back\"?"}},
		{"YAML wrong type in a list", map[string]string{
			"routines/bad.md": "---\ntitle: Bad\nsummary: S.\nsteps:\n  - stretch: bridge\n    sets: [2]\n---\n"},
			[]string{"content/routines/bad.md:6:11: error: `steps[1].sets` should be a whole number such as 10, not a list"}},
		{"a warning sign given as a bare id", map[string]string{
			"red-flags.md": "---\ntitle: Warning signs\nflags:\n  - cauda-equina\n  - night-pain\n---\n"},
			[]string{"content/red-flags.md:4:5: error: `flags[1].title` is missing"}},
		{"an unknown warning sign in a link", map[string]string{
			"routines/bad.md": "---\ntitle: Bad\nsummary: S.\nsteps: [bridge]\n---\nStop if you have [night pain](../red-flags.md#night-pains).\n"},
			[]string{"content/routines/bad.md:6:18: error: red-flags.md has no section #night-pains\n    fix: did you mean \"night-pain\"?"}},
		{"the same reference id in YAML, BibTeX and JSON", map[string]string{
			"references/a.bib":  "@article{gordon2016,\n  title = {Again},\n  year = {2016}\n}\n",
			"references/b.json": "[\n  {\"id\": \"gordon2016\", \"title\": \"Once more\"}\n]\n"},
			[]string{
				`content/references/b.json:2:3: error: reference "gordon2016" is defined twice: here and at content/references/a.bib:1`,
				`content/references/studies.yaml:1:3: error: reference "gordon2016" is defined twice: here and at content/references/a.bib:1`,
			}},
		{"empty reference files", map[string]string{"references/a.bib": "", "references/b.json": " \n", "references/c.yaml": "\n"},
			[]string{
				"content/references/a.bib:1:1: warning: the file is empty",
				"content/references/b.json:1:1: warning: the file is empty",
				"content/references/c.yaml:1:1: warning: the file is empty",
			}},
		{"an empty page", map[string]string{"pages/bad.md": "\n  \n"},
			[]string{"content/pages/bad.md:1:1: error: the file is empty"}},
		{"not UTF-8, in a reference file", map[string]string{"references/a.yaml": "- id: x\n  title: Caf\xe9\n"},
			[]string{"content/references/a.yaml:2:13: error: the file has bytes that are not UTF-8 text, the first in column 13 of line 2"}},
		{"a misspelt field in a reference", map[string]string{"references/a.yaml": "- id: x\n  titel: T\n"},
			[]string{"content/references/a.yaml:2:3: warning: unknown field \"titel\"\n    fix: did you mean \"title\"?"}},
		{"an image given as an absolute path", map[string]string{"stretches/bad.md": "---\n" + stretch + "hold: 30s\nimage: /etc/passwd\nimage_alt: A.\n---\n"},
			[]string{`content/stretches/bad.md:6:8: error: the image "/etc/passwd" is outside the content folder`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t)
			for name, content := range c.files {
				fsys[name] = &fstest.MapFile{Data: []byte(content)}
			}
			problems := checkFS(fsys, "content")
			for _, w := range c.want {
				if !containsPrefix(problems, w) {
					t.Errorf("want a problem starting\n  %s\ngot:\n%s", w, list(problems))
				}
			}
		})
	}
}

// A value of the wrong type is one error: checks of its range do not add more.
func TestWrongTypeIsOneError(t *testing.T) {
	fsys := siteFS(t)
	fsys["stretches/bad.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bad\nsummary: S.\nareas: [hips]\nreps: ten\nsets: two\n---\n")}
	fsys["routines/bad.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bad\nsummary: S.\nsteps:\n  - {stretch: bridge, sets: many}\n---\n")}
	problems := checkFS(fsys, "content")
	if problems.Errors() != 3 {
		t.Errorf("want 3 errors, one per wrong value, got:\n%s", list(problems))
	}
}

// A TOML date where text is expected is taken as the text written.
func TestCheckAcceptsTOMLDateInTextField(t *testing.T) {
	fsys := siteFS(t)
	fsys["pages/dated.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = 2026-11-25\nreviewer = 2026-11-25\nreviewed = 2026-11-25\n+++\nText.\n")}
	if problems := checkFS(fsys, "content"); len(problems) > 0 {
		t.Errorf("unexpected problems:\n%s", list(problems))
	}
}

// recordingFS remembers every name opened or looked up.
type recordingFS struct {
	fs.FS
	mu    sync.Mutex
	names []string
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
	return r.FS.Open(name)
}

// An image outside the content folder is refused before anything is read: the
// path is checked, never opened.
func TestImageOutsideContentIsNeverRead(t *testing.T) {
	for _, image := range []string{"../../go.mod", "../../secret.svg", "/etc/passwd", "../.."} {
		fsys := siteFS(t)
		fsys["stretches/bad.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: 30s\nimage: " + image + "\nimage_alt: A.\n---\n")}
		rec := &recordingFS{FS: fsys}
		problems := checkContent(rec, Options{Content: "content", Today: testToday})
		if !containsPrefix(problems, "content/stretches/bad.md:6:8: error: the image \""+image+"\" is outside the content folder") {
			t.Errorf("%s: no error, got:\n%s", image, list(problems))
		}
		for _, n := range rec.names {
			if strings.Contains(n, "go.mod") || strings.Contains(n, "secret") || strings.Contains(n, "passwd") {
				t.Errorf("%s: %q was opened", image, n)
			}
		}
	}
}

// A file over the size limit is reported and skipped; every other file is still
// read and checked, so no other problem is lost and nothing else goes missing.
func TestHugeFileLosesNothingElse(t *testing.T) {
	fsys := siteFS(t)
	fsys["pages/huge.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Huge\n---\n" + strings.Repeat("Stretch gently. ", MaxFileSize/16+1))}
	fsys["references/huge.yaml"] = &fstest.MapFile{Data: []byte(strings.Repeat("# padding\n", MaxFileSize/10+1))}
	fsys["pages/typo.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Typo\n---\nSee [the bridge](../stretches/brigde.md).\n")}
	problems := checkFS(fsys, "content")
	for _, w := range []string{
		"content/pages/huge.md: error: the file is 10 MB; files over 10 MB are not read",
		"content/references/huge.yaml: error: the file is 10 MB; files over 10 MB are not read",
		`content/pages/typo.md:4:5: error: the link "../stretches/brigde.md" points to stretches/brigde.md`,
	} {
		if !containsPrefix(problems, w) {
			t.Errorf("want %s\ngot:\n%s", w, list(problems))
		}
	}
	if problems.Errors() != 3 {
		t.Errorf("want exactly 3 errors (the other pages and references still load), got:\n%s", list(problems))
	}
}
