package load

import (
	"encoding/binary"
	"errors"
	"math"
)

// What a Spill keeps besides bodies is written compactly: numbers as uvarints,
// strings after their length (appendString), and read back by a decoder that
// stops at the first thing that is not there.

// errDamaged says that what was read back is not what was written.
var errDamaged = errors.New("what was kept of it on disk is damaged")

// appendString appends s after its length, as a uvarint.
func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// appendStrings appends the number of strings in list, then each (appendString).
func appendStrings(b []byte, list []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(list)))
	for _, s := range list {
		b = appendString(b, s)
	}
	return b
}

// readStrings reads back what appendStrings wrote.
func readStrings(b []byte) ([]string, error) {
	d := &decoder{b: b}
	n := d.num()
	if d.bad || n > len(d.b) { // each string takes a byte or more
		return nil, errDamaged
	}
	list := make([]string, n)
	for i := range list {
		list[i] = d.str()
	}
	if d.bad {
		return nil, errDamaged
	}
	return list, d.end()
}

// decoder reads numbers, bytes and strings from b; once it meets one that is not
// there, bad is set and it reads nothing more.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) num() int {
	v, n := binary.Uvarint(d.b)
	if d.bad || n <= 0 || v > math.MaxInt32<<1 {
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) byte() byte {
	if d.bad || len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) str() string {
	n := d.num()
	if d.bad || n > len(d.b) {
		d.bad = true
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// err is errDamaged once the decoder met something that was not there.
func (d *decoder) err() error {
	if d.bad {
		return errDamaged
	}
	return nil
}

// end is err, and errDamaged too when bytes are left over.
func (d *decoder) end() error {
	if len(d.b) != 0 {
		return errDamaged
	}
	return d.err()
}
