package cms

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
)

func testGuide() *guide.Guide {
	g := &guide.Guide{Site: guide.Site{Title: "T", Language: "en", CMSRepo: "clinic/back-guide"}}
	g.Areas = []*guide.Area{{ID: "hips", Title: "Hips"}, {ID: "lower-back", Title: "Lower back"}}
	g.Flags = []*guide.Flag{{ID: "cauda-equina", Title: "Loss of bladder control"}}
	g.Stretches = []*guide.Stretch{{Page: guide.Page{Slug: "bridge", Title: "Bridge"}}}
	g.References = []*guide.Reference{{Key: "gordon2016", Title: "A review", Pos: guide.Pos{Path: "content/references/studies.yaml"}},
		{Key: "heat", Title: "Heat", Pos: guide.Pos{Path: "content/references/heat.bib"}}}
	return g
}

// decoded is admin/config.yml read back as plain YAML.
func decoded(t *testing.T, g *guide.Guide) map[string]any {
	t.Helper()
	var m map[string]any
	if err := yaml.Unmarshal(Build(g).YAML(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// The configuration has a collection for each kind of content, the editorial
// workflow, and the GitHub backend of the site setting.
func TestConfigCollectionsAndBackend(t *testing.T) {
	m := decoded(t, testGuide())
	if m["publish_mode"] != "editorial_workflow" {
		t.Errorf("publish_mode = %v", m["publish_mode"])
	}
	if b := m["backend"].(map[string]any); b["name"] != "github" || b["repo"] != "clinic/back-guide" {
		t.Errorf("backend = %v", b)
	}
	var names []string
	for _, c := range m["collections"].([]any) {
		names = append(names, c.(map[string]any)["name"].(string))
	}
	if want := []string{"stretches", "routines", "pages", "warning-signs", "references"}; !slices.Equal(names, want) {
		t.Errorf("collections = %v, want %v", names, want)
	}
	g := testGuide()
	g.Site.CMSRepo = ""
	if b := decoded(t, g)["backend"].(map[string]any); b["name"] != "git-gateway" {
		t.Errorf("without cms_repo, backend = %v, want git-gateway", b)
	}
}

// Every front-matter field of each kind is in its collection, required as in the
// schema and with its doc as the hint; the choices come from the guide.
func TestConfigFieldsFollowTheContract(t *testing.T) {
	c := Build(testGuide())
	for _, k := range []struct {
		fields []Field
		t      reflect.Type
	}{
		{c.Collections[0].Fields, reflect.TypeFor[front.Stretch]()},
		{c.Collections[1].Fields, reflect.TypeFor[front.Routine]()},
		{c.Collections[2].Fields, reflect.TypeFor[front.Page]()},
		{c.Collections[3].Files[0].Fields, reflect.TypeFor[front.RedFlags]()},
	} {
		for i, f := range front.Fields(k.t) {
			got := k.fields[i]
			if got.Name != f.Name || got.Required != f.Required || got.Hint != f.Doc {
				t.Errorf("%s.%s: got %+v", k.t.Name(), f.Name, got)
			}
		}
		if last := k.fields[len(k.fields)-1]; last.Name != "body" || last.Widget != "markdown" {
			t.Errorf("%s: no body field", k.t.Name())
		}
	}
	byName := map[string]Field{}
	for _, f := range c.Collections[0].Fields {
		byName[f.Name] = f
	}
	values := func(f Field) string {
		var v []string
		for _, o := range f.Options {
			v = append(v, o.Value)
		}
		return strings.Join(v, ",")
	}
	for name, want := range map[string]string{"areas": "hips,lower-back", "red_flags": "cauda-equina", "citations": "gordon2016,heat", "position": "lying,kneeling,sitting,standing"} {
		if f := byName[name]; f.Widget != "select" || values(f) != want {
			t.Errorf("%s: widget %s, options %s; want select of %s", name, f.Widget, values(f), want)
		}
	}
	if !byName["areas"].Multiple || byName["position"].Multiple {
		t.Error("areas should allow many choices, position one")
	}
	if f := byName["hold"]; len(f.Pattern) != 2 || f.Pattern[0] != front.DurationPattern {
		t.Errorf("hold pattern = %v", f.Pattern)
	}
	if f := byName["reps"]; f.Widget != "number" || *f.Min != 1 || *f.Max != 100 {
		t.Errorf("reps = %+v", f)
	}
	if byName["image"].Widget != "image" || *c.Collections[0].MediaFolder != "" {
		t.Error("the picture should be an image field kept beside its stretch")
	}
	steps := c.Collections[1].Fields[3]
	if steps.Name != "steps" || steps.Widget != "list" || steps.Fields[0].Name != "stretch" || values(steps.Fields[0]) != "bridge" {
		t.Errorf("routine steps = %+v", steps)
	}
	refs := c.Collections[4].Files
	if len(refs) != 1 || refs[0].File != "content/references/studies.yaml" || refs[0].Fields[0].Name != "references" {
		t.Errorf("reference files = %+v; want the YAML file only", refs)
	}
}
