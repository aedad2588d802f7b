package pdfdoc

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// font writes a font as a document uses it, a Type 0 font whose character codes
// are glyph ids (Identity-H) over a CIDFontType2 font embedding the subset, and
// returns its object number.
func (w *writer) font(u *usedFont) int {
	f := u.font
	glyphs := make([]uint16, 0, len(u.chars))
	for g := range u.chars {
		glyphs = append(glyphs, g)
	}
	slices.Sort(glyphs)
	name := subsetTag(f.name, glyphs) + "+" + f.name

	file := w.next()
	sub := f.subset(u.runes)
	w.stream(file, " /Length1 "+strconv.Itoa(len(sub)), sub)

	descriptor := w.next()
	flags := 32 // nonsymbolic
	if f.desc.italic {
		flags |= 64
	}
	stemV := 80
	if f.desc.bold {
		stemV = 140
	}
	b := f.desc.bbox
	w.obj(descriptor, fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R >>",
		name, flags, b[0], b[1], b[2], b[3], strconv.FormatFloat(f.desc.italicAngle, 'f', -1, 64),
		f.desc.ascent, f.desc.descent, f.desc.capHeight, stemV, f.width[0], file))

	cid := w.next()
	w.obj(cid, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW %d /W [%s] /CIDToGIDMap /Identity >>",
		name, descriptor, f.width[0], widths(f, glyphs)))

	toUnicode := w.next()
	w.stream(toUnicode, "", unicodeMap(u.chars, glyphs))

	id := w.next()
	w.obj(id, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, cid, toUnicode))
	return id
}

// subsetTag is the six capital letters that name a subset: the same glyphs of the
// same font always get the same tag.
func subsetTag(font string, glyphs []uint16) string {
	h := sha256.New()
	h.Write([]byte(font))
	for _, g := range glyphs {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// widths is the /W array of the glyphs, sorted: each run of consecutive glyph ids
// as its first id and the list of their widths.
func widths(f *Font, glyphs []uint16) string {
	var b strings.Builder
	for i := 0; i < len(glyphs); {
		j := i + 1
		for j < len(glyphs) && glyphs[j] == glyphs[j-1]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d [", glyphs[i])
		for n, g := range glyphs[i:j] {
			if n > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(f.width[g]))
		}
		b.WriteByte(']')
		i = j
	}
	return b.String()
}

// unicodeMap is the ToUnicode CMap that turns each glyph id back into the
// character it was drawn for, so text can be copied, searched and read aloud.
func unicodeMap(chars map[uint16]rune, glyphs []uint16) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(glyphs) > 0 {
		n := min(len(glyphs), 100) // a block holds at most 100 entries
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, g := range glyphs[:n] {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune{chars[g]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
		glyphs = glyphs[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
