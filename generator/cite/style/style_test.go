package style

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/bib"
	"github.com/stretchguide/stretchguide/generator/guide"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// plain writes an entry as text, italics between asterisks.
func plain(parts []guide.RefPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Style == "cite" || p.Style == "i" {
			b.WriteString("*" + p.Text + "*")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func readSet(t *testing.T, files ...string) map[string]*guide.Reference {
	t.Helper()
	refs := map[string]*guide.Reference{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rs, list := bib.ReadCSLYAML(f, b)
		if list.Errors() > 0 {
			t.Fatalf("%s: %v", f, list)
		}
		for _, r := range rs {
			refs[r.Key] = r
		}
	}
	return refs
}

// TestManualExamples writes the examples of each style's own manual, and the forms
// the styles disagree on: article numbers and an issue without a volume.
func TestManualExamples(t *testing.T) {
	set := readSet(t, "testdata/set.yaml")
	for _, c := range []struct{ style, key, want string }{
		// ICMJE sample references, as Citing Medicine writes them.
		{Vancouver, "halpern2002", "Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. N Engl J Med. 2002 Jul 25;347(4):284-7."},
		{Vancouver, "gordon2016", "Gordon R, Bloxham S. A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain. Healthcare. 2016;4(2):22. doi:10.3390/healthcare4020022"},
		{Vancouver, "hayden2021", "Hayden JA, Ellis J, Ogilvie R, Malmivaara A, van Tulder MW. Exercise therapy for chronic low back pain. Cochrane Database Syst Rev. 2021 Sep;(9):CD009790. doi:10.1002/14651858.CD009790.pub2"},
		{Vancouver, "foster2018", "Foster NE, Anema JR, Cherkin D, Chou R, Cohen SP, Gross DP, et al. Prevention and treatment of low back pain: evidence, challenges, and promising directions. Lancet. 2018;391(10137):2368-83."},
		{Vancouver, "kisner2017", "Kisner C, Colby LA, Borstad J. Therapeutic exercise: Foundations and techniques. F.A. Davis; 2017."},
		{Vancouver, "nhs2023", "NHS. Back pain [Internet]. NHS website; 2023 Mar 5 [cited 2024 Mar 1]. Available from: https://www.nhs.uk/conditions/back-pain/"},
		// AMA Manual of Style, 11th edition, 3.11 (journal article with DOI).
		{AMA, "youngster2014", "Youngster I, Russell GH, Pindar C, Ziv-Baran T, Sauk J, Hohmann EL. Oral, capsulized, frozen fecal microbiota transplantation for relapsing Clostridium difficile infection. *JAMA*. 2014;312(17):1772-1778. doi:10.1001/jama.2014.13875"},
		{AMA, "gordon2016", "Gordon R, Bloxham S. A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain. *Healthcare*. 2016;4(2):22. doi:10.3390/healthcare4020022"},
		{AMA, "hayden2021", "Hayden JA, Ellis J, Ogilvie R, Malmivaara A, van Tulder MW. Exercise therapy for chronic low back pain. *Cochrane Database Syst Rev*. 2021;(9):CD009790. doi:10.1002/14651858.CD009790.pub2"},
		{AMA, "foster2018", "Foster NE, Anema JR, Cherkin D, et al. Prevention and treatment of low back pain: evidence, challenges, and promising directions. *Lancet*. 2018;391(10137):2368-2383."},
		{AMA, "kisner2017", "Kisner C, Colby LA, Borstad J. *Therapeutic exercise: Foundations and techniques*. F.A. Davis; 2017."},
		{AMA, "nhs2023", "NHS. Back pain. NHS website. Published March 5, 2023. Accessed March 1, 2024. https://www.nhs.uk/conditions/back-pain/"},
		// APA Publication Manual, 7th edition, 10.1 (journal article).
		{AuthorYear, "grady2019", "Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in storybooks: A comparison of storybooks that represent ethnic and racial groups in the United States. *Psychology of Popular Media Culture*, *8*(3), 207–217. https://doi.org/10.1037/ppm0000185"},
		{AuthorYear, "gordon2016", "Gordon, R., & Bloxham, S. (2016). A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain. *Healthcare*, *4*(2), Article 22. https://doi.org/10.3390/healthcare4020022"},
		{AuthorYear, "hayden2021", "Hayden, J. A., Ellis, J., Ogilvie, R., Malmivaara, A., & van Tulder, M. W. (2021). Exercise therapy for chronic low back pain. *Cochrane Database Syst Rev*, (9), Article CD009790. https://doi.org/10.1002/14651858.CD009790.pub2"},
		{AuthorYear, "kisner2017", "Kisner, C., Colby, L. A., & Borstad, J. (2017). *Therapeutic exercise: Foundations and techniques*. F.A. Davis."},
		// The guide adds "Web article." so a reader tells a web page from a study.
		{AuthorYear, "nhs2023", "NHS. (2023, March 5). *Back pain*. NHS website. Web article. https://www.nhs.uk/conditions/back-pain/"},
	} {
		r := set[c.key]
		if r == nil {
			t.Fatalf("no reference %s in the set", c.key)
		}
		if got := plain(Entry(c.style, r)); got != c.want {
			t.Errorf("%s %s:\n got %s\nwant %s", c.style, c.key, got, c.want)
		}
	}
}

// TestGoldenEntries writes the shipped guide's references and the test set in each
// style and compares them with testdata/<style>.golden; -update rewrites those.
func TestGoldenEntries(t *testing.T) {
	shipped, _ := filepath.Glob("../../../content/references/*.yaml")
	set := readSet(t, append(shipped, "testdata/set.yaml")...)
	g := &guide.Guide{}
	for _, r := range set {
		g.References = append(g.References, r)
	}
	sortRefs(g.References)
	for _, name := range Names {
		g.Site.CitationStyle = name
		Apply(g)
		var b strings.Builder
		for _, r := range g.References {
			b.WriteString("[" + r.Marker + "] " + plain(r.Entry) + "\n")
		}
		file := filepath.Join("testdata", name+".golden")
		if *update {
			if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if b.String() != string(want) {
			t.Errorf("%s differs from the golden file; run with -update and read the diff in git", file)
		}
	}
}

func TestNumberedStylesNumberInListOrder(t *testing.T) {
	set := readSet(t, "testdata/set.yaml")
	g := &guide.Guide{Site: guide.Site{CitationStyle: AMA}}
	for _, k := range []string{"foster2018", "gordon2016", "grady2019"} {
		g.References = append(g.References, set[k])
	}
	Apply(g)
	for i, r := range g.References {
		if r.Number != i+1 || r.Marker != string(rune('1'+i)) {
			t.Errorf("%s is number %d with marker %q, want %d", r.Key, r.Number, r.Marker, i+1)
		}
	}
	g.Site.CitationStyle = AuthorYear
	Apply(g)
	if m := g.References[1].Marker; m != "Gordon & Bloxham, 2016" {
		t.Errorf("author-year marker is %q", m)
	}
}

// sortRefs orders references as the reference list does.
func sortRefs(refs []*guide.Reference) {
	for i := 1; i < len(refs); i++ {
		for j := i; j > 0 && refs[j].SortKey() < refs[j-1].SortKey(); j-- {
			refs[j], refs[j-1] = refs[j-1], refs[j]
		}
	}
}
