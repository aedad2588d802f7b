package generator

import (
	"fmt"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/pdf"
	"github.com/stretchguide/stretchguide/generator/qrcode"
)

// handouts adds what printing a routine needs: its PDF handout (unless pdfs is false)
// and, when the site has a base URL, the QR code of its address for the printed page.
func handouts(ln *linked, out output, pdfs bool) error {
	g := ln.guide
	if g.Site.BaseURL != "" {
		for _, r := range g.Routines {
			code, err := qrcode.Encode(g.Site.BaseURL + r.URL)
			if err != nil {
				return err
			}
			out[qrFile(r)] = code.SVG()
		}
	}
	if !pdfs {
		return nil
	}
	files := make([][]byte, len(g.Routines))
	errs := make([]error, len(g.Routines))
	parallel(len(g.Routines), func(i int) {
		files[i], errs[i] = pdf.Handout(g, g.Routines[i], ln.files)
	})
	for i, r := range g.Routines {
		if errs[i] != nil {
			return fmt.Errorf("routine %s: %w", r.Source, errs[i])
		}
		out[pdf.File(r)] = files[i]
	}
	return nil
}

// qrFile is the QR code of a routine's address, beside its page.
func qrFile(r *guide.Routine) string { return r.URL + "qr.svg" }

// Handout is the address of the routine's PDF handout from this page, or "" when the
// page is not a routine's or the build makes no handouts.
func (v view) Handout() string {
	if v.Routine == nil || !v.pdfs {
		return ""
	}
	return v.Link(pdf.File(v.Routine))
}

// QRCode is the address of the image of the QR code that leads to this routine's
// page, or "" when the site has no base URL to encode.
func (v view) QRCode() string {
	if v.Routine == nil || v.Site.BaseURL == "" {
		return ""
	}
	return v.Link(qrFile(v.Routine))
}
