package pdfdoc

import (
	"slices"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// withComposite is Go Regular with the glyph of target replaced by a composite of
// the glyphs of parts, each shifted: the Go fonts have no composite glyphs of
// their own.
func withComposite(t *testing.T, target rune, parts ...rune) *Font {
	t.Helper()
	base, err := LoadFont("GoRegular", goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	tg := base.glyph(target)
	composite := slices.Clone(base.glyphData(base.glyph(parts[0]))[:compositeHead])
	be.PutUint16(composite, 0xFFFF) // -1 contours: a composite
	for i, r := range parts {
		flags := uint16(argsAreWords | 0x0002) // the arguments are x, y offsets
		if i < len(parts)-1 {
			flags |= moreParts
		}
		composite = be.AppendUint16(composite, flags)
		composite = be.AppendUint16(composite, base.glyph(r))
		composite = be.AppendUint16(composite, uint16(10*i))
		composite = be.AppendUint16(composite, uint16(100*i))
	}
	var glyf, loca []byte
	for g := range base.numGlyphs {
		loca = be.AppendUint32(loca, uint32(len(glyf)))
		if uint16(g) == tg {
			glyf = append(glyf, composite...)
		} else {
			glyf = append(glyf, base.glyphData(uint16(g))...)
		}
	}
	loca = be.AppendUint32(loca, uint32(len(glyf)))
	tables := map[string][]byte{}
	for tag, b := range base.tables {
		tables[tag] = b
	}
	head := slices.Clone(base.tables["head"])
	be.PutUint16(head[50:], 1) // long loca
	tables["head"], tables["glyf"], tables["loca"] = head, glyf, loca
	f, err := LoadFont("GoComposite", assemble(tables))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSubset makes subsets and reads them back with golang.org/x/image/font/sfnt:
// each used character maps to the same glyph with the same advance and outline;
// the glyphs kept are exactly those used, their components and glyph 0.
func TestSubset(t *testing.T) {
	fonts := goFonts(t)
	composite := withComposite(t, 'é', 'e', '´')
	for _, tc := range []struct {
		name string
		font *Font
		text string
		also []rune // glyphs kept though not drawn: the components
	}{
		{"plain", fonts[""], "Knee hug", nil},
		{"bold punctuation and accents", fonts["B"], "Ångström “curly” ‘quotes’ – … •", nil},
		{"italic digits", fonts["I"], "Page 1 of 9", nil},
		{"a character the font lacks", fonts[""], "a\U0001F600", nil},
		{"a composite glyph", composite, "é", []rune{'e', '´'}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			used := map[rune]uint16{}
			for _, r := range tc.text {
				used[r] = tc.font.glyph(r)
			}
			sub := tc.font.subset(used)
			if checksum(sub) != 0xB1B0AFBA {
				t.Errorf("the file checksum is %#x, want 0xB1B0AFBA", checksum(sub))
			}
			if len(sub) >= len(tc.font.tables["glyf"]) {
				t.Errorf("the subset has %d bytes, no smaller than the whole glyf table", len(sub))
			}
			checkWithSfnt(t, tc.font, sub, used)
			checkKept(t, tc.font, sub, used, tc.also)
		})
	}
}

// checkWithSfnt parses sub with package sfnt and compares each used character's
// glyph, advance and outline with the whole font's.
func checkWithSfnt(t *testing.T, whole *Font, sub []byte, used map[rune]uint16) {
	t.Helper()
	s, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatalf("sfnt cannot parse the subset: %v", err)
	}
	w, err := sfnt.Parse(assemble(whole.tables))
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 sfnt.Buffer
	ppem := fixed.I(whole.upem)
	for r, g := range used {
		got, err := s.GlyphIndex(&b1, r)
		if err != nil || got != sfnt.GlyphIndex(g) {
			t.Errorf("%q maps to glyph %d (%v), want %d", r, got, err, g)
		}
		adv, err := s.GlyphAdvance(&b1, sfnt.GlyphIndex(g), ppem, font.HintingNone)
		if want := fixed.I(int(whole.advance[g])); err != nil || adv != want {
			t.Errorf("%q: advance %v (%v), want %v", r, adv, err, want)
		}
		segs, err := s.LoadGlyph(&b1, sfnt.GlyphIndex(g), ppem, nil)
		if err != nil {
			t.Fatalf("%q: outline: %v", r, err)
		}
		want, _ := w.LoadGlyph(&b2, sfnt.GlyphIndex(g), ppem, nil)
		if !slices.Equal(segs, want) {
			t.Errorf("%q: the outline differs from the whole font's", r)
		}
	}
}

// checkKept checks that the glyphs of sub that have an outline are exactly glyph
// 0, the used ones and those of also.
func checkKept(t *testing.T, whole *Font, sub []byte, used map[rune]uint16, also []rune) {
	t.Helper()
	s, err := LoadFont("subset", sub)
	if err != nil {
		t.Fatalf("the subset does not load: %v", err)
	}
	if s.numGlyphs != whole.numGlyphs {
		t.Fatalf("%d glyphs, want the %d of the whole font", s.numGlyphs, whole.numGlyphs)
	}
	want := map[uint16]bool{0: true}
	for _, g := range used {
		want[g] = true
	}
	for _, r := range also {
		want[whole.glyph(r)] = true
	}
	for g := range s.numGlyphs {
		data := s.glyphData(uint16(g))
		if kept := len(data) > 0; kept != (want[uint16(g)] && len(whole.glyphData(uint16(g))) > 0) {
			t.Errorf("glyph %d: kept %v, want %v", g, kept, want[uint16(g)])
		}
		if n := len(whole.glyphData(uint16(g))); len(data) > 0 && !slices.Equal(data[:n], whole.glyphData(uint16(g))) {
			t.Errorf("glyph %d differs from the whole font's", g)
		}
	}
}
