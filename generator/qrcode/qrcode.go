// Package qrcode turns an address into a QR code, for the printed routine page (as an
// SVG file) and for the PDF handout (as modules the PDF writer draws).
package qrcode

import (
	"fmt"
	"strings"

	"rsc.io/qr"
)

// Quiet is the width of the empty border a reader needs around the code, in modules.
const Quiet = 4

// Code is a square grid of dark and light modules.
type Code struct {
	c *qr.Code
}

// Encode makes the code for text at error-correction level M, which survives a
// crease or a smudge on a printed sheet and keeps the code small.
func Encode(text string) (*Code, error) {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("QR code for %q: %w", text, err)
	}
	return &Code{c: c}, nil
}

// Size is the number of modules on a side, without the quiet border.
func (c *Code) Size() int { return c.c.Size }

// Dark reports whether the module at column x, row y is dark.
func (c *Code) Dark(x, y int) bool { return c.c.Black(x, y) }

// Runs calls fn for each horizontal run of dark modules: row y, from column x, n long.
// Drawing runs instead of single modules keeps files small and leaves no hairline
// gaps between neighbours.
func (c *Code) Runs(fn func(x, y, n int)) {
	for y := 0; y < c.Size(); y++ {
		for x := 0; x < c.Size(); {
			if !c.Dark(x, y) {
				x++
				continue
			}
			start := x
			for x < c.Size() && c.Dark(x, y) {
				x++
			}
			fn(start, y, x-start)
		}
	}
}

// SVG draws the code with its quiet border as a standalone SVG image, one unit per
// module, black on white so it scans when printed.
func (c *Code) SVG() []byte {
	side := c.Size() + 2*Quiet
	var d strings.Builder
	c.Runs(func(x, y, n int) {
		fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", x+Quiet, y+Quiet, n, n)
	})
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">`+
		"\n"+`<rect width="%d" height="%d" fill="#fff"/>`+"\n"+`<path fill="#000" d="%s"/>`+"\n</svg>\n",
		side, side, side, side, d.String())
}
