package render

import (
	"testing"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/memo"
)

// TestEditorFromMemo: the browser editor's files are taken from the memo while the
// guide's front matter and admin.html are the same, and made again when either
// changes.
func TestEditorFromMemo(t *testing.T) {
	m := memo.New()
	g := &guide.Guide{Site: guide.Site{Title: "Backs", Language: "en"}}
	r := &run{m: m, model: m.Model(g), ls: &Layouts{admin: []byte("<title>{{.Title}}</title>")}, ln: &link.Linked{Guide: g}}
	first, err := r.editor()
	if err != nil || string(first["admin/index.html"]) != "<title>Backs</title>" {
		t.Fatalf("editor = %q, %v", first["admin/index.html"], err)
	}
	m.Next()
	h := m.Hasher()
	h.String("editor")
	h.Uint(r.model)
	h.Bytes(r.ls.admin)
	m.Put(h.Sum(), map[string][]byte{"admin/index.html": []byte("kept")})
	if again, _ := r.editor(); string(again["admin/index.html"]) != "kept" {
		t.Errorf("the editor was made again, not taken from the memo: %q", again["admin/index.html"])
	}
	r.ls.admin = []byte("<h1>{{.Title}}</h1>")
	if changed, _ := r.editor(); string(changed["admin/index.html"]) != "<h1>Backs</h1>" {
		t.Errorf("a changed admin.html was not used: %q", changed["admin/index.html"])
	}
}
