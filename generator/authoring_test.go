package generator

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/bib"
	"github.com/stretchguide/stretchguide/generator/front"
)

// yamlBlocks returns the ```yaml blocks of a Markdown file, in order.
func yamlBlocks(t *testing.T, src []byte) []string {
	t.Helper()
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllSubmatch(src, -1) {
		blocks = append(blocks, string(m[1]))
	}
	return blocks
}

// The authoring guide shows the front matter of a real stretch, exactly as the file
// has it, and its other examples are valid.
func TestAuthoringGuideExamples(t *testing.T) {
	page, err := os.ReadFile("../content/pages/authoring.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := yamlBlocks(t, page)
	if len(blocks) != 3 {
		t.Fatalf("want 3 yaml blocks (a stretch, a routine, a reference), got %d", len(blocks))
	}
	bridge, err := os.ReadFile("../content/stretches/bridge.md")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(bridge), "---\n", 3)
	if len(parts) != 3 || blocks[0] != parts[1] {
		t.Errorf("the first example is not the front matter of content/stretches/bridge.md; copy it again:\n%s", parts[1])
	}
	m, issue := front.Split([]byte("---\n" + blocks[1] + "---\n"))
	if issue != nil {
		t.Fatalf("the routine example: %s", issue.Msg)
	}
	var r front.Routine
	if issues := front.Decode(m.Node, &r); len(issues) > 0 {
		t.Errorf("the routine example: %+v", issues)
	}
	if _, list := bib.ReadCSLYAML("example.yaml", []byte(blocks[2])); len(list) > 0 {
		t.Errorf("the reference example: %v", list)
	}
}

// Every field an author can write is explained in the authoring guide.
func TestAuthoringGuideExplainsEveryField(t *testing.T) {
	page, err := os.ReadFile("../content/pages/authoring.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range []reflect.Type{
		reflect.TypeFor[front.Stretch](), reflect.TypeFor[front.Routine](), reflect.TypeFor[front.Step](),
		reflect.TypeFor[front.Citation](), reflect.TypeFor[front.RedFlags](), reflect.TypeFor[front.Flag](),
		reflect.TypeFor[front.Page](), reflect.TypeFor[front.Site](), reflect.TypeFor[front.Area](),
		reflect.TypeFor[front.Reference](),
	} {
		for _, f := range front.Fields(typ) {
			if f.Name == "custom" {
				continue // CSL's extra group: grade is explained on its own
			}
			if !bytes.Contains(page, []byte("`"+f.Name+"`")) && !bytes.Contains(page, []byte("\n"+f.Name+":")) {
				t.Errorf("the authoring guide does not explain %s's field %s", typ.Name(), f.Name)
			}
		}
	}
}

// The built authoring page shows the example front matter highlighted by chroma.
func TestAuthoringGuideHighlightsFrontMatter(t *testing.T) {
	page := string(readTree(t, buildSite(t, Options{Content: "../content"}))["authoring/index.html"])
	for _, want := range []string{`<pre class="chroma">`, `<span class="nt">title</span>`, `<span class="nt">red_flags</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the authoring page lacks %s", want)
		}
	}
}
