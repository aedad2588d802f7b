package pdfdoc

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"
)

// Image is a picture registered with a document, drawn with DrawImage.
type Image struct {
	// Width and Height are its size in pixels.
	Width, Height int
	name          string // the resource name, /I1...
	colorSpace    string
	bits          int
	filter        string // "DCTDecode" for JPEG, "" for raw samples to compress
	data          []byte
	mask          *Image // the alpha channel of a PNG, as a soft mask
}

// RegisterImage reads a JPEG ("jpg", "jpeg") or PNG ("png") picture, once per
// document for the same bytes. JPEG data is embedded as it is; PNG is decoded and
// stored as compressed samples, with its transparency as a soft mask.
func (d *Doc) RegisterImage(kind string, data []byte) (*Image, error) {
	sum := sha256.Sum256(data)
	key := kind + string(sum[:])
	if img, ok := d.imageByKey[key]; ok {
		return img, nil
	}
	var img *Image
	var err error
	switch kind {
	case "jpg", "jpeg":
		img, err = readJPEG(data)
	case "png":
		img, err = readPNG(data)
	default:
		err = fmt.Errorf("pictures of type %q cannot be put in a PDF; use JPEG or PNG", kind)
	}
	if err != nil {
		return nil, err
	}
	img.name = "I" + strconv.Itoa(len(d.images)+1)
	d.images = append(d.images, img)
	d.imageByKey[key] = img
	return img, nil
}

func readJPEG(data []byte) (*Image, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the JPEG picture cannot be read: %w", err)
	}
	space := "DeviceRGB"
	switch cfg.ColorModel {
	case color.GrayModel:
		space = "DeviceGray"
	case color.CMYKModel:
		space = "DeviceCMYK"
	}
	return &Image{Width: cfg.Width, Height: cfg.Height, colorSpace: space, bits: 8, filter: "DCTDecode", data: data}, nil
}

func readPNG(data []byte) (*Image, error) {
	m, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the PNG picture cannot be read: %w", err)
	}
	r := m.Bounds()
	if r.Empty() {
		return nil, errors.New("the PNG picture is empty")
	}
	w, h := r.Dx(), r.Dy()
	rgb := make([]byte, 0, 3*w*h)
	alpha := make([]byte, 0, w*h)
	opaque := true
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	img := &Image{Width: w, Height: h, colorSpace: "DeviceRGB", bits: 8, data: rgb}
	if !opaque {
		img.mask = &Image{Width: w, Height: h, colorSpace: "DeviceGray", bits: 8, data: alpha}
	}
	return img, nil
}

// DrawImage draws img stretched to the box at x, y (top left) of w by h mm.
func (d *Doc) DrawImage(img *Image, x, y, w, h float64) {
	d.setAlpha()
	b := append(num([]byte("q "), w*k), " 0 0 "...)
	b = append(num(b, h*k), ' ')
	b = append(d.pt(b, x, y+h), " cm /"...)
	d.out(append(append(b, img.name...), " Do Q"...))
}
