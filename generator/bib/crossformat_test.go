package bib

import (
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// readAny reads data with the reader for the file's extension.
func readAny(path string, data []byte) ([]*guide.Reference, diag.List) {
	switch {
	case len(path) > 5 && path[len(path)-5:] == ".json":
		return ReadCSLJSON(path, data)
	case len(path) > 4 && path[len(path)-4:] == ".bib":
		return ReadBibTeX(path, data)
	}
	return ReadCSLYAML(path, data)
}

// withoutPos returns a copy of ref with Pos cleared, for comparing formats.
func withoutPos(ref *guide.Reference) guide.Reference {
	c := *ref
	c.Pos = guide.Pos{}
	return c
}

// TestSameReferenceInEveryFormat reads Gordon & Bloxham (2016) from CSL-YAML,
// CSL-JSON and BibTeX files and expects the same reference from each.
func TestSameReferenceInEveryFormat(t *testing.T) {
	want := guide.Reference{
		Key:           "gordon2016",
		Type:          "article-journal",
		Authors:       []guide.Name{{Family: "Gordon", Given: "Rebecca"}, {Family: "Bloxham", Given: "Saul"}},
		Year:          2016,
		Month:         4,
		Title:         "A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain",
		Container:     "Healthcare",
		Volume:        "4",
		Issue:         "2",
		ArticleNumber: "22",
		DOI:           "10.3390/healthcare4020022",
		URL:           "https://www.mdpi.com/2227-9032/4/2/22",
		Accessed:      guide.Date{Time: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
	}
	wantPos := map[string]guide.Pos{
		"testdata/gordon2016.yaml": {Path: "testdata/gordon2016.yaml", Line: 3, Col: 3},
		"testdata/gordon2016.json": {Path: "testdata/gordon2016.json", Line: 2, Col: 3},
		"testdata/gordon2016.bib":  {Path: "testdata/gordon2016.bib", Line: 2, Col: 1},
	}
	for path, pos := range wantPos {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		refs, list := readAny(path, data)
		if len(list) > 0 {
			t.Errorf("%s: unexpected diagnostics: %v", path, list)
		}
		if len(refs) != 1 {
			t.Fatalf("%s: got %d references, want 1", path, len(refs))
		}
		if got := withoutPos(refs[0]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", path, got, want)
		}
		if refs[0].Pos != pos {
			t.Errorf("%s: Pos = %+v, want %+v", path, refs[0].Pos, pos)
		}
	}
}

// TestSameReferenceInline checks a second reference, with hyphenated given
// names, a page range and a full date, written the way each tool writes it.
func TestSameReferenceInline(t *testing.T) {
	sources := map[string]string{
		"bae.yaml": `- id: bae2017
  type: article-journal
  author:
    - {family: Bae, given: Hoo-In}
    - {family: Kim, given: Dae-Young}
    - {family: Sung, given: Yun-Hee}
  issued: 2017-04-29
  title: Effects of a static stretch using a load on low back pain patients with shortened tensor fascia lata
  container-title: Journal of Exercise Rehabilitation
  volume: 13
  issue: 2
  page: 227-231
  DOI: https://doi.org/10.12965/jer.1734910.455
`,
		"bae.json": `[{"id":"bae2017","type":"article-journal",
 "author":[{"family":"Bae","given":"Hoo-In"},{"family":"Kim","given":"Dae-Young"},{"family":"Sung","given":"Yun-Hee"}],
 "issued":{"date-parts":[[2017,4,29]]},
 "title":"Effects of a static stretch using a load on low back pain patients with shortened tensor fascia lata",
 "container-title":"Journal of Exercise Rehabilitation","volume":13,"issue":"2","page":"227–231",
 "DOI":"doi:10.12965/jer.1734910.455"}]`,
		"bae.bib": `@string{jer = "Journal of Exercise " # "Rehabilitation"}
@Article{bae2017,
  author = "Bae, Hoo-In and Kim, Dae-Young and Yun-Hee Sung",
  title = {Effects of a static stretch using a load on low back pain patients
           with shortened tensor fascia lata},
  journal = jer, volume = 13, number = {2}, pages = {227--231},
  date = {2017-04-29},
  doi = {10.12965/jer.1734910.455}
}`,
	}
	want := guide.Reference{
		Key:  "bae2017",
		Type: "article-journal",
		Authors: []guide.Name{
			{Family: "Bae", Given: "Hoo-In"}, {Family: "Kim", Given: "Dae-Young"}, {Family: "Sung", Given: "Yun-Hee"},
		},
		Year: 2017, Month: 4, Day: 29,
		Title:     "Effects of a static stretch using a load on low back pain patients with shortened tensor fascia lata",
		Container: "Journal of Exercise Rehabilitation",
		Volume:    "13",
		Issue:     "2",
		Pages:     "227–231",
		DOI:       "10.12965/jer.1734910.455",
	}
	for path, src := range sources {
		refs, list := readAny(path, []byte(src))
		if len(list) > 0 {
			t.Errorf("%s: unexpected diagnostics: %v", path, list)
		}
		if len(refs) != 1 {
			t.Fatalf("%s: got %d references, want 1", path, len(refs))
		}
		if got := withoutPos(refs[0]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", path, got, want)
		}
	}
}
