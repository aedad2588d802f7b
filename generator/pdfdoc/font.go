package pdfdoc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Font is a TrueType font read once, to be set in any number of documents. It keeps
// what layout and embedding need: the character map, the advance widths and the
// glyph outlines (glyf and loca), with the tables a subset carries over unchanged.
// A Font is never changed after LoadFont, so documents on many goroutines share it.
type Font struct {
	name      string            // the PostScript name, without a subset tag
	tables    map[string][]byte // the tables the subsets copy, by tag
	upem      int
	numGlyphs int
	longLoca  bool
	loca      []uint32         // glyph i is glyf[loca[i]:loca[i+1]]
	advance   []uint16         // advance width of each glyph, in font units
	width     []int            // advance width of each glyph, in 1/1000 of the size
	cmap      map[rune]uint16  // character to glyph; BMP runes are also in bmp
	bmp       *[0x10000]uint16 // character to glyph for the Basic Multilingual Plane
	desc      descriptor
}

// descriptor holds the font-wide metrics of the PDF font descriptor, in 1/1000 em.
type descriptor struct {
	ascent, descent, capHeight int
	bbox                       [4]int
	italicAngle                float64
	italic, bold               bool
}

// be is the byte order of every number in a TrueType file.
var be = binary.BigEndian

var errShort = errors.New("a table is shorter than its contents")

// LoadFont reads a TrueType font (glyf outlines) named name, for example
// "GoRegular". The bytes must not change afterwards.
func LoadFont(name string, ttf []byte) (*Font, error) {
	f := &Font{name: name, tables: map[string][]byte{}}
	if len(ttf) < 12 {
		return nil, fmt.Errorf("font %s: %w", name, errShort)
	}
	n := int(be.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, fmt.Errorf("font %s: %w", name, errShort)
	}
	for i := range n {
		rec := ttf[12+16*i:]
		tag := string(rec[:4])
		off, length := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(ttf)) {
			return nil, fmt.Errorf("font %s: table %q runs past the end of the file", name, tag)
		}
		f.tables[tag] = ttf[off : off+length]
	}
	for _, step := range []func() error{f.readHead, f.readMaxp, f.readHmtx, f.readLoca, f.readCmap, f.readDescriptor} {
		if err := step(); err != nil {
			return nil, fmt.Errorf("font %s: %w", name, err)
		}
	}
	return f, nil
}

// table returns table tag, or an error when the font lacks it or it is shorter
// than min bytes.
func (f *Font) table(tag string, min int) ([]byte, error) {
	t, ok := f.tables[tag]
	if !ok {
		return nil, fmt.Errorf("the font has no %q table", tag)
	}
	if len(t) < min {
		return nil, fmt.Errorf("table %q: %w", tag, errShort)
	}
	return t, nil
}

func (f *Font) readHead() error {
	h, err := f.table("head", 54)
	if err != nil {
		return err
	}
	f.upem = int(be.Uint16(h[18:]))
	if f.upem == 0 {
		return errors.New("the font's units per em are 0")
	}
	for i := range 4 {
		f.desc.bbox[i] = f.metric(int(int16(be.Uint16(h[36+2*i:]))))
	}
	f.longLoca = be.Uint16(h[50:]) != 0
	return nil
}

func (f *Font) readMaxp() error {
	m, err := f.table("maxp", 6)
	if err != nil {
		return err
	}
	f.numGlyphs = int(be.Uint16(m[4:]))
	return nil
}

func (f *Font) readHmtx() error {
	h, err := f.table("hhea", 36)
	if err != nil {
		return err
	}
	f.desc.ascent = f.metric(int(int16(be.Uint16(h[4:]))))
	f.desc.descent = f.metric(int(int16(be.Uint16(h[6:]))))
	metrics := int(be.Uint16(h[34:]))
	if metrics == 0 || metrics > f.numGlyphs {
		return errors.New("the hhea table gives a wrong number of metrics")
	}
	m, err := f.table("hmtx", 4*metrics)
	if err != nil {
		return err
	}
	f.advance = make([]uint16, f.numGlyphs)
	f.width = make([]int, f.numGlyphs)
	for g := range f.numGlyphs {
		f.advance[g] = be.Uint16(m[4*min(g, metrics-1):])
		f.width[g] = f.scale(int(f.advance[g]))
	}
	return nil
}

func (f *Font) readLoca() error {
	size := 2
	if f.longLoca {
		size = 4
	}
	l, err := f.table("loca", size*(f.numGlyphs+1))
	if err != nil {
		return err
	}
	glyf, err := f.table("glyf", 0)
	if err != nil {
		return err
	}
	f.loca = make([]uint32, f.numGlyphs+1)
	for i := range f.loca {
		if f.longLoca {
			f.loca[i] = be.Uint32(l[4*i:])
		} else {
			f.loca[i] = 2 * uint32(be.Uint16(l[2*i:]))
		}
		if f.loca[i] > uint32(len(glyf)) || i > 0 && f.loca[i] < f.loca[i-1] {
			return errors.New("the loca table points outside the glyf table")
		}
	}
	return nil
}

func (f *Font) readDescriptor() error {
	f.desc.capHeight = f.desc.ascent
	if os2, ok := f.tables["OS/2"]; ok && len(os2) >= 90 {
		f.desc.bold = be.Uint16(os2[4:]) >= 600
		if be.Uint16(os2[0:]) >= 2 {
			f.desc.capHeight = f.metric(int(int16(be.Uint16(os2[88:]))))
		}
	}
	if post, ok := f.tables["post"]; ok && len(post) >= 8 {
		f.desc.italicAngle = float64(int32(be.Uint32(post[4:]))) / 65536
		f.desc.italic = f.desc.italicAngle != 0
	}
	return nil
}

// scale converts font units to thousandths of the size, rounding to the nearest.
func (f *Font) scale(v int) int {
	return int(math.Round(float64(v) * (1000 / float64(f.upem))))
}

// metric converts a font-wide metric from font units to thousandths of the size,
// dropping the fraction, as the first handouts' writer did: text extraction then
// places each word exactly as before.
func (f *Font) metric(v int) int { return v * 1000 / f.upem }

// glyph is the glyph of r, or 0 (the missing-glyph box) when the font has none.
func (f *Font) glyph(r rune) uint16 {
	if r >= 0 && r < 0x10000 {
		return f.bmp[r]
	}
	return f.cmap[r]
}

// glyphData is the outline of glyph g as stored in the glyf table.
func (f *Font) glyphData(g uint16) []byte {
	return f.tables["glyf"][f.loca[g]:f.loca[g+1]]
}
