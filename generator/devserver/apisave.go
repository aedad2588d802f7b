package devserver

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"

	"github.com/stretchguide/stretchguide/generator/load"
)

// The actions of the editor's local backend that save, delete and read pictures.
// Everything a request would write is checked before the first file is written:
// every path, and every picture as the build checks it (load.PictureError).

// upload is a picture sent by the editor.
type upload struct {
	Path     string `json:"path"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
}

// picture checks an upload and gives its path inside content/ and its bytes.
func (u upload) picture() (string, []byte, error) {
	rel, err := picturePath(u.Path)
	if err != nil {
		return "", nil, err
	}
	if u.Encoding != "base64" {
		return "", nil, badRequest("the picture %s is not sent in base64", u.Path)
	}
	b, err := base64.StdEncoding.DecodeString(u.Content)
	if err != nil {
		return "", nil, badRequest("the picture %s is not valid base64: %v", u.Path, err)
	}
	if err := load.PictureError(u.Path, b); err != nil {
		return "", nil, &refusal{err.Error()}
	}
	return rel, b, nil
}

func persistEntry(c *contentDir, raw json.RawMessage) (any, error) {
	p, err := decode[struct {
		Entry     *dataFile
		DataFiles []dataFile
		Assets    []upload
		Options   struct{ UseWorkflow, Unpublished bool }
	}](raw)
	if err != nil {
		return nil, err
	}
	if p.Options.UseWorkflow || p.Options.Unpublished {
		return nil, &apiError{http.StatusUnprocessableEntity, noWorkflow}
	}
	files := p.DataFiles
	if len(files) == 0 && p.Entry != nil {
		files = []dataFile{*p.Entry}
	}
	if len(files) == 0 {
		return nil, badRequest("the entry has no file to save")
	}
	type write struct {
		rel, from string // from: the file's old path when it moves
		b         []byte
	}
	var writes []write
	for _, a := range p.Assets { // pictures first, so the page never names a missing one
		rel, b, err := a.picture()
		if err != nil {
			return nil, err
		}
		writes = append(writes, write{rel: rel, b: b})
	}
	for _, f := range files {
		rel, err := textPath(f.Path)
		if err != nil {
			return nil, err
		}
		w := write{rel: rel, b: []byte(f.Raw)}
		if f.NewPath != "" && f.NewPath != f.Path {
			if w.rel, err = textPath(f.NewPath); err != nil {
				return nil, err
			}
			w.from = rel
		}
		if len(w.b) > load.MaxFileSize {
			return nil, refused("%s is over %d MB; files over %d MB are not read", f.Path, len(w.b)>>20, load.MaxFileSize>>20)
		}
		writes = append(writes, w)
	}
	for _, w := range writes {
		if err := c.write(w.rel, w.b); err != nil {
			return nil, err
		}
		if w.from != "" {
			if err := c.remove(w.from); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
	}
	return map[string]string{"message": "entry persisted"}, nil
}

// readPicture reads the picture rel as the editor shows it.
func readPicture(c *contentDir, rel string) (mediaFile, error) {
	b, err := c.read(rel)
	if err != nil {
		return mediaFile{}, err
	}
	return mediaFile{ID: hash(b), Content: base64.StdEncoding.EncodeToString(b), Encoding: "base64",
		Path: contentPrefix + rel, Name: path.Base(rel)}, nil
}

// getMedia lists the pictures of a folder, not its pages: the pictures of a stretch
// sit beside it.
func getMedia(c *contentDir, raw json.RawMessage) (any, error) {
	p, err := decode[struct{ MediaFolder string }](raw)
	if err != nil {
		return nil, err
	}
	rel, err := relPath(p.MediaFolder, true)
	if err != nil {
		return nil, err
	}
	files, err := c.list(rel, 1, isPicture)
	if err != nil {
		return nil, err
	}
	out := []mediaFile{}
	for _, f := range files {
		if m, err := readPicture(c, f); err == nil {
			out = append(out, m)
		}
	}
	return out, nil
}

func persistMedia(c *contentDir, raw json.RawMessage) (any, error) {
	p, err := decode[struct{ Asset upload }](raw)
	if err != nil {
		return nil, err
	}
	rel, b, err := p.Asset.picture()
	if err != nil {
		return nil, err
	}
	if err := c.write(rel, b); err != nil {
		return nil, err
	}
	return readPicture(c, rel)
}

// deleteFiles deletes pages, references files and pictures; one that is already gone
// is no error.
func deleteFiles(c *contentDir, raw json.RawMessage) (any, error) {
	p, err := decode[struct {
		Path  string
		Paths []string
	}](raw)
	if err != nil {
		return nil, err
	}
	paths := p.Paths
	if p.Path != "" {
		paths = append(paths, p.Path)
	}
	if len(paths) == 0 {
		return nil, badRequest("no file to delete was named")
	}
	var rels []string
	for _, f := range paths {
		rel, err := relPath(f, false)
		if err == nil && !isText(rel) && !isPicture(rel) {
			err = kindError(f, true, true)
		}
		if err != nil {
			return nil, err
		}
		rels = append(rels, rel)
	}
	for _, rel := range rels {
		if err := c.remove(rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return map[string]string{"message": fmt.Sprintf("deleted %d files", len(rels))}, nil
}
