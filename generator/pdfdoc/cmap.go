package pdfdoc

import (
	"errors"
	"slices"
)

// readCmap reads the font's Unicode character map: a format 12 subtable when there
// is one (it covers every plane), else a format 4 one (the Basic Multilingual Plane).
func (f *Font) readCmap() error {
	c, err := f.table("cmap", 4)
	if err != nil {
		return err
	}
	n := int(be.Uint16(c[2:]))
	if len(c) < 4+8*n {
		return errShort
	}
	var best []byte
	bestRank := 0
	for i := range n {
		rec := c[4+8*i:]
		platform, encoding, off := be.Uint16(rec), be.Uint16(rec[2:]), be.Uint32(rec[4:])
		if off+4 > uint32(len(c)) {
			continue
		}
		sub := c[off:]
		rank := 0
		switch format := be.Uint16(sub); {
		case format == 12 && (platform == 0 || platform == 3 && encoding == 10):
			rank = 2
		case format == 4 && (platform == 0 || platform == 3 && encoding == 1):
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = sub, rank
		}
	}
	f.bmp = new([0x10000]uint16)
	f.cmap = map[rune]uint16{}
	switch bestRank {
	case 2:
		return f.readCmap12(best)
	case 1:
		return f.readCmap4(best)
	}
	return errors.New("the font has no Unicode character map")
}

// set maps r to glyph g, ignoring glyphs the font does not have.
func (f *Font) set(r rune, g uint16) {
	if int(g) >= f.numGlyphs || g == 0 {
		return
	}
	if r >= 0 && r < 0x10000 {
		f.bmp[r] = g
	}
	f.cmap[r] = g
}

func (f *Font) readCmap4(t []byte) error {
	if len(t) < 14 {
		return errShort
	}
	segs := int(be.Uint16(t[6:])) / 2
	if len(t) < 16+8*segs {
		return errShort
	}
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	for s := range segs {
		end, start := be.Uint16(t[ends+2*s:]), be.Uint16(t[starts+2*s:])
		delta, ro := be.Uint16(t[deltas+2*s:]), int(be.Uint16(t[ranges+2*s:]))
		for r := int(start); r <= int(end) && r != 0xFFFF; r++ {
			g := uint16(r) + delta
			if ro != 0 {
				// The offset counts from the idRangeOffset entry itself.
				at := ranges + 2*s + ro + 2*(r-int(start))
				if at+2 > len(t) {
					return errShort
				}
				if g = be.Uint16(t[at:]); g != 0 {
					g += delta
				}
			}
			f.set(rune(r), g)
		}
	}
	return nil
}

func (f *Font) readCmap12(t []byte) error {
	if len(t) < 16 {
		return errShort
	}
	n := int(be.Uint32(t[12:]))
	if n > (len(t)-16)/12 {
		return errShort
	}
	for i := range n {
		g := t[16+12*i:]
		start, end, glyph := be.Uint32(g), be.Uint32(g[4:]), be.Uint32(g[8:])
		if end > 0x10FFFF || end < start || end-start > 0x10000 {
			return errors.New("a cmap group is out of range")
		}
		for r := start; r <= end; r++ {
			f.set(rune(r), uint16(glyph+r-start))
		}
	}
	return nil
}

// cmap4 writes a format 4 cmap table (Windows, Unicode BMP) mapping the runes of
// used to their glyphs, one segment each, so a subset still maps its characters.
// Runes outside the BMP are left out.
func cmap4(used map[rune]uint16) []byte {
	var runes []rune
	for r := range used {
		if r < 0xFFFF {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	segs := len(runes) + 1 // and the closing 0xFFFF segment
	sub := make([]byte, 16+8*segs)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*segs))
	putSearch(sub[8:], segs, 2)
	ends, starts, deltas := 14, 16+2*segs, 16+4*segs
	for i, r := range runes {
		be.PutUint16(sub[ends+2*i:], uint16(r))
		be.PutUint16(sub[starts+2*i:], uint16(r))
		be.PutUint16(sub[deltas+2*i:], used[r]-uint16(r))
	}
	last := segs - 1
	be.PutUint16(sub[ends+2*last:], 0xFFFF)
	be.PutUint16(sub[starts+2*last:], 0xFFFF)
	be.PutUint16(sub[deltas+2*last:], 1)
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}
