package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// spanishBody is plain Spanish of about grade 6, long enough for a reading grade.
const spanishBody = `Acuéstese boca arriba en el suelo. Doble las rodillas y ponga los pies planos.
Gire las dos rodillas hacia un lado, despacio. Deje los hombros en el suelo. Respire
hondo y cuente hasta veinte. Vuelva al centro. Ahora gire hacia el otro lado y cuente
otra vez. Hágalo con calma. Si siente un dolor fuerte, pare y descanse. Puede repetir
esto dos o tres veces al día, por la mañana y por la noche.
`

// TestReadingGradeUsesTheSiteLanguage: a guide in Spanish is measured by
// Fernández-Huerta with Spanish syllables, not by the English formula.
func TestReadingGradeUsesTheSiteLanguage(t *testing.T) {
	grade := func(lang string) float64 {
		dir := copySite(t)
		index := filepath.Join(dir, "_index.md")
		b, err := os.ReadFile(index)
		must(t, err)
		must(t, os.WriteFile(index, []byte(strings.Replace(string(b), "language: en", "language: "+lang, 1)), 0o644))
		page := filepath.Join(dir, "stretches", "open-book.md")
		b, err = os.ReadFile(page)
		must(t, err)
		head := string(b[:strings.LastIndex(string(b), "---\n")+4])
		head = strings.Replace(head, "summary: Turn your upper body like the cover of a book.", "summary: Gire el cuerpo como la tapa de un libro.", 1)
		must(t, os.WriteFile(page, []byte(head+spanishBody), 0o644))
		re := regexp.MustCompile(`open-book\.md: info: reads at school grade ([0-9.]+)`)
		for _, d := range Check(Options{Content: dir, Today: testToday}) {
			if m := re.FindStringSubmatch(d.String()); m != nil {
				g, _ := strconv.ParseFloat(m[1], 64)
				return g
			}
		}
		t.Fatalf("%s: no reading grade for open-book.md", lang)
		return 0
	}
	es, en := grade("es"), grade("en")
	if es == en || es > 6 {
		t.Errorf("easy Spanish text: grade %.1f in a Spanish guide, %.1f in an English one; want its own Spanish grade, at most 6", es, en)
	}
}
