package pdfdoc

import (
	"math"
	"strconv"
	"unicode"
)

// usedFont is a font as one document uses it: its resource name and the
// characters drawn in it, by glyph.
type usedFont struct {
	font  *Font
	name  string          // the resource name, /F1...
	runes map[rune]uint16 // every character drawn, to its glyph
	chars map[uint16]rune // each glyph drawn, to the character it reads as
}

// SetFont sets the font and its size in points for the text that follows; text
// needs a font.
func (d *Doc) SetFont(f *Font, size float64) {
	d.font, d.size = f, size
}

// FontSize is the size of the current font in points.
func (d *Doc) FontSize() float64 { return d.size }

// sizeMM is the font size in mm.
func (d *Doc) sizeMM() float64 { return d.size / k }

// units is the width of s in thousandths of the font size, each character's
// advance rounded to a whole thousandth.
func (f *Font) units(s string) int {
	w := 0
	for _, r := range s {
		w += f.width[f.glyph(r)]
	}
	return w
}

// StringWidth is the width of s in the current font, in mm.
func (d *Doc) StringWidth(s string) float64 {
	return float64(d.font.units(s)) * d.sizeMM() / 1000
}

// SplitText breaks s into lines no wider than w mm in the current font. Lines
// break at white space, which is dropped; a word too long for a line is broken
// before the character that does not fit (one character at least stays on each
// line); a newline always breaks. Trailing newlines are ignored.
func (d *Doc) SplitText(s string, w float64) []string {
	limit := int(math.Ceil(w * 1000 / d.sizeMM()))
	text := []rune(s)
	for len(text) > 0 && text[len(text)-1] == '\n' {
		text = text[:len(text)-1]
	}
	var lines []string
	start, width, space := 0, 0, -1
	for i := 0; i < len(text); {
		r := text[i]
		width += d.font.width[d.font.glyph(r)]
		if unicode.IsSpace(r) {
			space = i
		}
		if r != '\n' && width <= limit {
			i++
			continue
		}
		end, next := space, space+1
		if space < 0 {
			end = max(i, start+1)
			next = end
		}
		lines = append(lines, string(text[start:end]))
		start, i, width, space = next, next, 0, -1
	}
	if start < len(text) {
		lines = append(lines, string(text[start:]))
	}
	return lines
}

// use returns the document's record of font f, adding it on first use.
func (d *Doc) use(f *Font) *usedFont {
	for _, u := range d.fonts {
		if u.font == f {
			return u
		}
	}
	u := &usedFont{font: f, name: "F" + strconv.Itoa(len(d.fonts)+1), runes: map[rune]uint16{}, chars: map[uint16]rune{}}
	d.fonts = append(d.fonts, u)
	return u
}

// Text writes s in the current font and text colour with its baseline starting at
// x, y (mm from the top left).
func (d *Doc) Text(x, y float64, s string) {
	u := d.use(d.font)
	d.setAlpha()
	d.setFill(d.text)
	b := []byte("BT ")
	if st := &d.cur.state; st.font != u || st.size != d.size {
		st.font, st.size = u, d.size
		b = append(b, '/')
		b = append(b, u.name...)
		b = append(b, ' ')
		b = append(num(b, d.size), " Tf "...)
	}
	b = append(d.pt(b, x, y), " Td <"...)
	const hex = "0123456789ABCDEF"
	for _, r := range s {
		g := d.font.glyph(r)
		if _, ok := u.runes[r]; !ok {
			u.runes[r] = g
			// A glyph reads as the lowest character drawn with it.
			if c, ok := u.chars[g]; !ok || r < c {
				u.chars[g] = r
			}
		}
		b = append(b, hex[g>>12], hex[g>>8&15], hex[g>>4&15], hex[g&15])
	}
	d.out(append(b, "> Tj ET"...))
}
