package guide

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// The guide's own sources, as test data.
var (
	gordon2016 = &Reference{
		Key:     "gordon2016",
		Authors: []Name{{Family: "Gordon", Given: "Rebecca"}, {Family: "Bloxham", Given: "Saul"}},
		Year:    2016,
		Title:   "A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain",
		DOI:     "10.3390/healthcare4020022",
	}
	bae2017 = &Reference{
		Key:     "bae2017",
		Authors: []Name{{Family: "Bae", Given: "Hoo-In"}, {Family: "Kim", Given: "Dae-Young"}, {Family: "Sung", Given: "Yun-Hee"}},
		Year:    2017,
		Title:   "Effects of a static stretch using a load on low back pain patients with shortened tensor fascia lata",
		DOI:     "10.12965/jer.1734910.455",
	}
	freiwald2018 = &Reference{
		Key: "freiwald2018",
		Authors: []Name{{Family: "Freiwald", Given: "J."}, {Family: "Hoppe", Given: "M. W."}, {Family: "Beermann", Given: "W."},
			{Family: "Krajewski", Given: "J."}, {Family: "Baumgart", Given: "C."}},
		Year:  2018,
		Title: "Effects of supplemental heat therapy in multimodal treated chronic low back pain patients on strength and flexibility",
		DOI:   "10.1016/j.clinbiomech.2018.06.008",
	}
	deshmukh2019 = &Reference{Key: "deshmukh2019", Authors: []Name{{Family: "Deshmukh"}}, Year: 2019}
)

func TestLabel(t *testing.T) {
	tests := []struct {
		ref  *Reference
		want string
	}{
		{gordon2016, "Gordon & Bloxham, 2016"},
		{deshmukh2019, "Deshmukh, 2019"},
		{bae2017, "Bae et al., 2017"},
		{freiwald2018, "Freiwald et al., 2018"},
		{&Reference{Authors: []Name{{Literal: "World Health Organization"}}, Year: 2019}, "World Health Organization, 2019"},
		{&Reference{Authors: []Name{{Literal: "NICE"}, {Family: "Smith", Given: "A"}}, Year: 2020}, "NICE & Smith, 2020"},
		{&Reference{Authors: []Name{{Family: "Gordon"}}}, "Gordon, n.d."},
		{&Reference{Container: "NHS website", Publisher: "NHS", Title: "Back pain", Year: 2023}, "NHS website, 2023"},
		{&Reference{Publisher: "NHS", Title: "Back pain"}, "NHS, n.d."},
		{&Reference{Title: "Back pain", Year: 2023}, "Back pain, 2023"},
		{&Reference{}, "n.d."},
		// A web article that names nothing is called what it is, never given a title.
		{&Reference{Type: "webpage"}, "Web article, n.d."},
		{&Reference{Type: "webpage", YearSuffix: "b"}, "Web article, n.d.-b"},
	}
	for _, tt := range tests {
		if got := tt.ref.Label(); got != tt.want {
			t.Errorf("Label() = %q, want %q", got, tt.want)
		}
	}
}

func TestAuthorsText(t *testing.T) {
	many := func(n int) *Reference {
		r := &Reference{}
		for i := 1; i <= n; i++ {
			r.Authors = append(r.Authors, Name{Family: fmt.Sprintf("A%d", i), Given: "Bo"})
		}
		return r
	}
	listed := func(from, to int) string {
		var s []string
		for i := from; i <= to; i++ {
			s = append(s, fmt.Sprintf("A%d, B.", i))
		}
		return strings.Join(s, ", ")
	}
	tests := []struct {
		name string
		ref  *Reference
		want string
	}{
		{"two", gordon2016, "Gordon, R., & Bloxham, S."},
		{"hyphenated given names", bae2017, "Bae, H.-I., Kim, D.-Y., & Sung, Y.-H."},
		{"five, given as initials", freiwald2018, "Freiwald, J., Hoppe, M. W., Beermann, W., Krajewski, J., & Baumgart, C."},
		{"one without given name", deshmukh2019, "Deshmukh"},
		{"literal", &Reference{Authors: []Name{{Literal: "World Health Organization"}}}, "World Health Organization"},
		{"literal and person", &Reference{Authors: []Name{{Literal: "NICE"}, {Family: "Smith", Given: "Anna"}}}, "NICE, & Smith, A."},
		{"initials without spaces", &Reference{Authors: []Name{{Family: "Hoppe", Given: "M.W."}}}, "Hoppe, M. W."},
		{"two given names", &Reference{Authors: []Name{{Family: "Hoppe", Given: "matthias wilhelm"}}}, "Hoppe, M. W."},
		{"non-ASCII initial", &Reference{Authors: []Name{{Family: "Öberg", Given: "Åsa"}}}, "Öberg, Å."},
		{"particle in the family name", &Reference{Authors: []Name{{Family: "van den Berg", Given: "Jan-Willem"}}}, "van den Berg, J.-W."},
		{"none", &Reference{}, ""},
		{"twenty", many(20), listed(1, 19) + ", & A20, B."},
		{"twenty-one", many(21), listed(1, 19) + ", . . . A21, B."},
	}
	for _, tt := range tests {
		if got := tt.ref.AuthorsText(); got != tt.want {
			t.Errorf("%s: AuthorsText() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestYearText(t *testing.T) {
	if got := gordon2016.YearText(); got != "2016" {
		t.Errorf("YearText() = %q, want 2016", got)
	}
	if got := (&Reference{}).YearText(); got != "n.d." {
		t.Errorf("YearText() = %q, want n.d.", got)
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		ref          *Reference
		doiURL, link string
	}{
		{gordon2016, "https://doi.org/10.3390/healthcare4020022", "https://doi.org/10.3390/healthcare4020022"},
		{bae2017, "https://doi.org/10.12965/jer.1734910.455", "https://doi.org/10.12965/jer.1734910.455"},
		{&Reference{DOI: "10.1/a", URL: "https://example.org/a"}, "https://doi.org/10.1/a", "https://doi.org/10.1/a"},
		{&Reference{URL: "https://example.org/a"}, "", "https://example.org/a"},
		{&Reference{}, "", ""},
		{
			&Reference{DOI: "10.1002/(SICI)1097-4636(199708)36:2<160::AID-JBM4>3.0.CO;2-K"},
			"https://doi.org/10.1002/(SICI)1097-4636(199708)36:2%3C160::AID-JBM4%3E3.0.CO;2-K",
			"https://doi.org/10.1002/(SICI)1097-4636(199708)36:2%3C160::AID-JBM4%3E3.0.CO;2-K",
		},
		{&Reference{DOI: "10.1/a b#c"}, "https://doi.org/10.1/a%20b%23c", "https://doi.org/10.1/a%20b%23c"},
	}
	for _, tt := range tests {
		if got := tt.ref.DOIURL(); got != tt.doiURL {
			t.Errorf("DOIURL() = %q, want %q", got, tt.doiURL)
		}
		if got := tt.ref.Link(); got != tt.link {
			t.Errorf("Link() = %q, want %q", got, tt.link)
		}
	}
}

func TestSortKey(t *testing.T) {
	refs := []*Reference{
		freiwald2018,
		{Key: "gordon2018", Authors: []Name{{Family: "Gordon", Given: "A"}}, Year: 2018, Title: "Later"},
		{Key: "nhs", Container: "NHS website", Title: "Back pain", Year: 2023},
		gordon2016,
		{Key: "who", Authors: []Name{{Literal: "World Health Organization"}}, Year: 2019},
		{Key: "gordon-nd", Authors: []Name{{Family: "gordon"}}, Title: "Undated"},
		bae2017,
		deshmukh2019,
		{Key: "gordon2016b", Authors: []Name{{Family: "Gordon"}}, Year: 2016, Title: "Another review"},
		{Key: "title", Title: "Low back pain"},
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].SortKey() < refs[j].SortKey() })
	var got []string
	for _, r := range refs {
		got = append(got, r.Key)
	}
	want := "bae2017 deshmukh2019 freiwald2018 gordon-nd gordon2016 gordon2016b gordon2018 title nhs who"
	if strings.Join(got, " ") != want {
		t.Errorf("order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
