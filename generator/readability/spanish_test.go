package readability

import (
	"math"
	"testing"
)

func TestSpanishSyllables(t *testing.T) {
	for _, c := range []struct {
		word string
		want int
	}{
		{"estiramiento", 5}, // es-ti-ra-mien-to
		{"rodilla", 3},      // ro-di-lla
		{"día", 2},          // dí-a: a stressed í is said apart
		{"país", 2},         // pa-ís
		{"cuidado", 3},      // cui-da-do: two weak vowels are one
		{"paseo", 3},        // pa-se-o: two strong vowels are two
		{"leer", 2},         // le-er
		{"aire", 2},         // ai-re
		{"que", 1},          // the u of que is silent
		{"guitarra", 3},     // gui-ta-rra
		{"pingüino", 3},     // pin-güi-no: ü is said
		{"hoy", 1},          // final y closes the vowel before
		{"muy", 1},
		{"y", 1},
		{"espalda", 3},
		{"Médico", 3},
		{"acuéstese", 4}, // a-cués-te-se
		{"respiración", 4},
		{"ayuda", 3}, // a-yu-da: y before a vowel is a consonant
		{"", 0},
		{"123", 0},
	} {
		if got := SpanishSyllables(c.word); got != c.want {
			t.Errorf("SpanishSyllables(%q) = %d, want %d", c.word, got, c.want)
		}
	}
}

func TestFormulaOf(t *testing.T) {
	for _, c := range []struct {
		lang string
		want Formula
	}{
		{"", FleschKincaid}, {"en", FleschKincaid}, {"en-GB", FleschKincaid},
		{"es", FernandezHuerta}, {"es-MX", FernandezHuerta}, {"fr", None}, {"de-AT", None},
	} {
		if got := FormulaOf(c.lang); got != c.want {
			t.Errorf("FormulaOf(%q) = %q, want %q", c.lang, got, c.want)
		}
	}
}

// TestSpanishGrade: easy Spanish prose reads at a low grade by Fernández-Huerta, long
// sentences of long words at a high one, and English rules are not applied to it.
func TestSpanishGrade(t *testing.T) {
	easy := "Acuéstese boca arriba. Doble las rodillas. Ponga los pies en el suelo. Respire despacio. Pare si le duele."
	hard := "La musculatura paravertebral lumbar experimenta modificaciones estructurales considerables como consecuencia de la inmovilización prolongada, especialmente en individuos sedentarios con antecedentes patológicos documentados."
	for _, c := range []struct {
		text     string
		min, max float64
	}{
		{easy, 0, 6},
		{hard, 12, 99},
	} {
		tx := NewText("es")
		tx.Add(c.text, 0)
		st := tx.Stats()
		if st.Formula != FernandezHuerta || st.Grade < c.min || st.Grade > c.max {
			t.Errorf("%.30q: grade %.1f by %s, want %s between %v and %v", c.text, st.Grade, st.Formula, FernandezHuerta, c.min, c.max)
		}
	}
	// 100 words, 10 sentences, 200 syllables: 206.84 - 120 - 10.2.
	if got := Ease(100, 10, 200); math.Abs(got-76.64) > 1e-9 {
		t.Errorf("Ease = %v, want 76.64", got)
	}
	if got := FernandezHuerta.grade(100, 10, 200); math.Abs(got-6.336) > 1e-9 {
		t.Errorf("grade = %v, want 6.336", got)
	}
	none := NewText("fr")
	none.Add("Allongez-vous sur le dos.", 0)
	if st := none.Stats(); st.Formula != None || st.Grade != 0 || st.Words != 5 {
		t.Errorf("a language without a formula: %+v", st)
	}
	var en Text
	en.Add("Lie on your back.", 0)
	if st := en.Stats(); st.Formula != FleschKincaid {
		t.Errorf("the zero Text is English: %+v", st)
	}
}
