package pdfdoc

import (
	"slices"
)

// Flags of a composite glyph's component (TrueType glyf table).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreParts     = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
	compositeHead = 10 // bytes before a glyph's contours or components
)

// keep marks glyph g, and the glyphs a composite g is made of, as kept.
func (f *Font) keep(kept []bool, g uint16) {
	if int(g) >= f.numGlyphs || kept[g] {
		return
	}
	kept[g] = true
	data := f.glyphData(g)
	if len(data) < compositeHead || int16(be.Uint16(data)) >= 0 {
		return // empty, or a simple glyph of contours
	}
	for p := compositeHead; p+4 <= len(data); {
		flags, part := be.Uint16(data[p:]), be.Uint16(data[p+2:])
		f.keep(kept, part)
		p += 4 + 2
		if flags&argsAreWords != 0 {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreParts == 0 {
			break
		}
	}
}

// subset returns a TrueType font that draws the characters of used (rune to
// glyph) as f does. Glyph ids stay the same: the glyphs no character needs are
// kept, but empty. It carries a small character map of the used runes, the hinting
// programs and the metrics tables, and leaves out names and glyph names.
func (f *Font) subset(used map[rune]uint16) []byte {
	kept := make([]bool, f.numGlyphs)
	f.keep(kept, 0)
	for _, g := range used {
		f.keep(kept, g)
	}
	size := 0
	for g, k := range kept {
		if k {
			size += len(f.glyphData(uint16(g))) + 3
		}
	}
	glyf := make([]byte, 0, size)
	offsets := make([]uint32, f.numGlyphs+1)
	for g := range f.numGlyphs {
		offsets[g] = uint32(len(glyf))
		if kept[g] {
			glyf = append(glyf, f.glyphData(uint16(g))...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	offsets[f.numGlyphs] = uint32(len(glyf))
	long := f.longLoca || len(glyf) >= 0x20000
	var loca []byte
	for _, o := range offsets {
		if long {
			loca = be.AppendUint32(loca, o)
		} else {
			loca = be.AppendUint16(loca, uint16(o/2))
		}
	}
	head := slices.Clone(f.tables["head"])
	be.PutUint32(head[8:], 0) // checkSumAdjustment, set once the file is whole
	be.PutUint16(head[50:], 0)
	if long {
		be.PutUint16(head[50:], 1)
	}
	tables := map[string][]byte{"cmap": cmap4(used), "glyf": glyf, "head": head, "loca": loca}
	for _, tag := range []string{"cvt ", "fpgm", "prep", "hhea", "hmtx", "maxp", "OS/2"} {
		if t, ok := f.tables[tag]; ok {
			tables[tag] = t
		}
	}
	if post, ok := f.tables["post"]; ok && len(post) >= 32 {
		post = slices.Clone(post[:32])
		be.PutUint32(post, 0x00030000) // version 3: no glyph names
		tables["post"] = post
	}
	return assemble(tables)
}

// assemble writes a TrueType file of tables, in the order of their tags, and sets
// the checksum adjustment of its head table.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 0
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(tags)
	n := len(tags)
	out := make([]byte, 12+16*n, 12+16*n+size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	putSearch(out[6:], n, 16)
	headAt := 0
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(t))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if _, ok := tables["head"]; ok {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// putSearch writes the three numbers TrueType gives to speed a binary search of n
// entries of size bytes: searchRange, entrySelector and rangeShift.
func putSearch(b []byte, n, size int) {
	pow, log := 1, 0
	for pow*2 <= n {
		pow, log = pow*2, log+1
	}
	be.PutUint16(b, uint16(size*pow))
	be.PutUint16(b[2:], uint16(log))
	be.PutUint16(b[4:], uint16(size*(n-pow)))
}

// checksum is the TrueType table checksum: the sum of its big-endian 32-bit
// words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += be.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += be.Uint32(last[:])
	}
	return sum
}
