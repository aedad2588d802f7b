package devserver

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"path/filepath"
	"strings"
)

// The actions of the editor's local backend (api.go). Paths in and out are paths of
// the CMS configuration, content/ and below; contentfs.go checks and resolves them.

// entry is a page or references file as the editor reads it; Data is null for a
// file of a file collection that does not exist yet.
type entry struct {
	Data *string   `json:"data"`
	File entryFile `json:"file"`
}

type entryFile struct {
	Path  string `json:"path"`
	Label string `json:"label,omitempty"`
	ID    string `json:"id,omitempty"`
}

// mediaFile is a picture as the editor reads and sends it: its bytes in base64.
type mediaFile struct {
	ID       string `json:"id,omitempty"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
	Path     string `json:"path"`
	Name     string `json:"name,omitempty"`
}

// dataFile is one text file of an entry being saved; NewPath is set when it moves.
type dataFile struct {
	Path    string `json:"path"`
	Raw     string `json:"raw"`
	NewPath string `json:"newPath"`
}

type action func(c *contentDir, params json.RawMessage) (any, error)

var actions = map[string]action{
	"entriesByFolder": entriesByFolder,
	"entriesByFiles":  entriesByFiles,
	"getEntry": func(c *contentDir, raw json.RawMessage) (any, error) {
		return getFile(c, raw, textPath, func(c *contentDir, rel string) (entry, error) { return readEntry(c, rel, "") })
	},
	"persistEntry": persistEntry,
	"getMedia":     getMedia,
	"getMediaFile": func(c *contentDir, raw json.RawMessage) (any, error) {
		return getFile(c, raw, picturePath, readPicture)
	},
	"persistMedia": persistMedia,
	"deleteFile":   deleteFiles,
	"deleteFiles":  deleteFiles,
}

// workflowActions are the editorial workflow's actions, which serve does not do.
var workflowActions = []string{"unpublishedEntries", "unpublishedEntry", "unpublishedEntryDataFile", "unpublishedEntryMediaFile",
	"deleteUnpublishedEntry", "updateUnpublishedEntryStatus", "publishUnpublishedEntry", "getNotes", "addNote", "updateNote",
	"deleteNote", "toggleNoteResolution", "getPRMetadata"}

// noWorkflow is what the editor hears when it asks for drafts or reviews.
const noWorkflow = "stretchguide serve keeps no drafts or reviews: Publish saves the file in content/ at once; review the change where it is published (in git, or in the editor of the published site)"

// apiAction does one request of the editor and gives the answer to send as JSON.
func (s *Server) apiAction(req apiRequest) (any, error) {
	switch req.Action {
	case "info":
		guide, _ := filepath.Abs(filepath.Dir(s.contentFolder()))
		return map[string]any{"repo": filepath.Base(guide), "publish_modes": []string{"simple"}, "type": "local_fs"}, nil
	case "getDeployPreview":
		return nil, nil // no deploy preview: the editor links to the site_url serve gives it
	}
	do, ok := actions[req.Action]
	if !ok {
		for _, a := range workflowActions {
			if a == req.Action {
				return nil, &apiError{http.StatusUnprocessableEntity, noWorkflow}
			}
		}
		return nil, &apiError{http.StatusUnprocessableEntity, fmt.Sprintf("stretchguide serve does not know the editor's action %q", req.Action)}
	}
	c, err := openContent(s.contentFolder())
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return do(c, req.Params)
}

// decode reads the params of an action into a T.
func decode[T any](raw json.RawMessage) (T, error) {
	var v T
	if len(raw) == 0 {
		return v, badRequest("the request has no params")
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, badRequest("the params are not as the editor sends them: %v", err)
	}
	return v, nil
}

// textPath resolves p, a page or references file.
func textPath(p string) (string, error) {
	rel, err := relPath(p, false)
	if err == nil && !isText(rel) {
		err = kindError(p, true, false)
	}
	return rel, err
}

// picturePath resolves p, a picture.
func picturePath(p string) (string, error) {
	rel, err := relPath(p, false)
	if err == nil && !isPicture(rel) {
		err = kindError(p, false, true)
	}
	return rel, err
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// readEntry reads the text file rel as the editor shows it.
func readEntry(c *contentDir, rel, label string) (entry, error) {
	b, err := c.read(rel)
	if err != nil {
		return entry{File: entryFile{Path: contentPrefix + rel, Label: label}}, err
	}
	s := string(b)
	return entry{Data: &s, File: entryFile{Path: contentPrefix + rel, Label: label, ID: hash(b)}}, nil
}

func entriesByFolder(c *contentDir, raw json.RawMessage) (any, error) {
	p, err := decode[struct {
		Folder, Extension string
		Depth             int
	}](raw)
	if err != nil {
		return nil, err
	}
	rel, err := relPath(p.Folder, true)
	if err != nil {
		return nil, err
	}
	ext := "." + strings.TrimPrefix(p.Extension, ".")
	files, err := c.list(rel, max(p.Depth, 1), func(f string) bool { return isText(f) && (ext == "." || path.Ext(f) == ext) })
	if err != nil {
		return nil, err
	}
	out := []entry{}
	for _, f := range files {
		if e, err := readEntry(c, f, ""); err == nil { // a file that cannot be read is left out; the build names it
			out = append(out, e)
		}
	}
	return out, nil
}

func entriesByFiles(c *contentDir, raw json.RawMessage) (any, error) {
	p, err := decode[struct {
		Files []struct{ Path, Label string }
	}](raw)
	if err != nil {
		return nil, err
	}
	out := []entry{}
	for _, f := range p.Files {
		rel, err := textPath(f.Path)
		if err != nil {
			return nil, err
		}
		e, err := readEntry(c, rel, f.Label)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		out = append(out, e) // a file not there yet has data null
	}
	return out, nil
}

// getFile answers getEntry and getMediaFile: the one file the params name, resolved
// by resolve and read by read.
func getFile[T any](c *contentDir, raw json.RawMessage, resolve func(string) (string, error), read func(*contentDir, string) (T, error)) (any, error) {
	p, err := decode[struct{ Path string }](raw)
	if err != nil {
		return nil, err
	}
	rel, err := resolve(p.Path)
	if err != nil {
		return nil, err
	}
	v, err := read(c, rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s does not exist: %w", p.Path, fs.ErrNotExist)
	}
	return v, err
}
