package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// twoLanguageGuide builds the generator's test guide with languages [en, es] and
// Spanish translations of its home, warning signs and Bridge pages into a temporary
// folder, as if published at https://guide.example/guide/.
func twoLanguageGuide(t *testing.T) string {
	t.Helper()
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join(moduleRoot(t), "generator", "testdata", "site"))); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(content, "_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"_index.md":    strings.Replace(string(b), "language: en", "language: en\nlanguages: [en, es]", 1),
		"_index.es.md": "---\ntitle: Guía de prueba\ndescription: Una guía pequeña.\n---\nEmpiece por las [señales de alarma](red-flags.md).\n",
		"red-flags.es.md": "---\ntitle: Señales de alarma\nflags:\n  - id: night-pain\n    title: Dolor de noche\n    urgency: soon\n" +
			"    action: Pida cita con su médico.\n  - id: cauda-equina\n    title: Pérdida del control de la vejiga\n" +
			"    urgency: emergency\n    action: Vaya a urgencias ahora.\n---\nCasi siempre el dolor de espalda no es grave.\n",
		"stretches/bridge.es.md": "---\ntitle: Puente\nsummary: Levante la cadera.\ncues: [Pies apoyados]\n" +
			"cautions: [Pare si siente dolor fuerte.]\n---\nEl puente fortalece la espalda.\n\nVea el [libro abierto](open-book.md).\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(content, filepath.FromSlash(name)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buildFrom(t, content)
}

// TestTwoLanguageGuideChecks: a guide in English and Spanish passes html-validate on
// every page of both languages, and axe-core, the console and the keyboard checks on
// the home, a translated stretch and the warning signs in each language.
func TestTwoLanguageGuideChecks(t *testing.T) {
	npmFile(t, "axe-core/axe.min.js")
	site := twoLanguageGuide(t)
	spanish := 0
	for _, f := range htmlFiles(t, site) {
		if strings.HasPrefix(f, "es/") {
			spanish++
		}
	}
	if spanish < 5 {
		t.Fatalf("only %d Spanish pages were written", spanish)
	}
	validateAll(t, site)
	base := serve(t, site)
	ctx := startBrowser(t)
	for _, file := range []string{"index.html", "stretches/bridge/index.html", "red-flags/index.html",
		"es/index.html", "es/stretches/bridge/index.html", "es/red-flags/index.html", "es/stretches/index.html", "es/404.html"} {
		t.Run(file, func(t *testing.T) { pageChecks(t, ctx, pageURL(base, file)) })
	}
}
