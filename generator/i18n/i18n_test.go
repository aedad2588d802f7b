package i18n

import (
	"strings"
	"testing"
	"time"
)

const enYAML = `
date:
  format: "{day} {month} {year}"
  months: "January February March April May June July August September October November December"
duration:
  seconds: {one: "1 second", other: "{n} seconds"}
  minutes: {one: "1 minute", other: "{n} minutes"}
  minutes_seconds: "{0} {1}"
dose:
  reps: {one: "1 repetition", other: "{n} repetitions"}
  hold: "Hold {0}"
  sets: {one: "1 time", other: "{n} times"}
  sides: "each side"
  join: ", "
greet: "Hello, {0} and {1}"
`

const esYAML = `
date:
  format: "{day} de {month} de {year}"
  months: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
duration:
  seconds: {one: "1 segundo", other: "{n} segundos"}
  minutes: {one: "1 minuto", other: "{n} minutos"}
  minutes_seconds: "{0} y {1}"
dose:
  reps: {one: "1 repetición", other: "{n} repeticiones"}
  hold: "Mantenga {0}"
  sets: {one: "1 vez", other: "{n} veces"}
  sides: "de cada lado"
  join: ", "
`

func parse(t *testing.T, lang, src string) *Catalog {
	t.Helper()
	c, err := Parse("layouts/i18n/"+lang+".yaml", lang, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCatalogSays(t *testing.T) {
	en, es := parse(t, "en", enYAML), parse(t, "es", esYAML)
	day := time.Date(2026, time.November, 25, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{en.Words(45 * time.Second), "45 seconds"},
		{en.Words(time.Second), "1 second"},
		{en.Words(60 * time.Second), "1 minute"},
		{en.Words(150 * time.Second), "2 minutes 30 seconds"},
		{es.Words(150 * time.Second), "2 minutos y 30 segundos"},
		{es.Words(61 * time.Second), "1 minuto y 1 segundo"},
		{en.Dose(30*time.Second, 0, 2, true), "Hold 30 seconds, 2 times, each side"},
		{en.Dose(0, 1, 1, false), "1 repetition"},
		{es.Dose(0, 10, 3, true), "10 repeticiones, 3 veces, de cada lado"},
		{es.Dose(20*time.Second, 0, 1, false), "Mantenga 20 segundos"},
		{en.Date(day), "25 November 2026"},
		{es.Date(day), "25 de noviembre de 2026"},
		{en.Date(time.Time{}), ""},
		{en.S("greet", "Ana", "Luis"), "Hello, Ana and Luis"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestMissingKeyNamesTheFile(t *testing.T) {
	en := parse(t, "en", enYAML)
	_, err := en.T("nope")
	if err == nil || !strings.Contains(err.Error(), "layouts/i18n/en.yaml") || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("got %v", err)
	}
	if _, err := en.HTML("greet", "<b>", "&"); err != nil {
		t.Fatal(err)
	}
	if h, _ := en.HTML("greet", "<b>", "&"); h != "Hello, &lt;b&gt; and &amp;" {
		t.Errorf("arguments are not escaped: %q", h)
	}
}

func TestParseProblems(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a: {one: x}\n", "a needs both forms"},
		{"- a\n", "expected keys"},
		{"a: [\n", "i18n/en.yaml"},
	} {
		_, err := Parse("layouts/i18n/en.yaml", "en", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.src, err, c.want)
		}
	}
	c := parse(t, "en", "a:\n  b: x\n  c: {one: o, other: p}\n")
	if m, _ := c.Message("a.c"); m.Line != 3 || !m.Plural() {
		t.Errorf("a.c: %+v", m)
	}
	if got := c.Keys(); strings.Join(got, ",") != "a.b,a.c" {
		t.Errorf("keys %v", got)
	}
}

// TestFill: placeholders take their arguments; anything else in braces stays, as
// strings.Replacer with every placeholder would leave it.
func TestFill(t *testing.T) {
	args := []any{3, "Bridge", 2.5}
	replacer := strings.NewReplacer("{n}", "3", "{0}", "3", "{1}", "Bridge", "{2}", "2.5")
	for _, s := range []string{
		"", "no braces", "{n} stretches", "{0} of {1}, {2}x", "{1}{1}{0}", "{3} is not given",
		"{01} {-1} {} {a} {", "}{0}{", "{{0}}", "{a {1}}", "{n", "trailing {",
	} {
		if got, want := fill(s, args), replacer.Replace(s); got != want {
			t.Errorf("fill(%q) = %q, want %q", s, got, want)
		}
	}
	if got := fill("{0} left", nil); got != "{0} left" {
		t.Errorf("without arguments: %q", got)
	}
}
