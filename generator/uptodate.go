package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/internal/sum"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/write"
)

// inputs is what a build reads, hashed before it runs.
type inputs struct {
	// key names everything the files and the report of a build depend on: the
	// program, the options, and the path and bytes of every file in the content
	// folder (as load lists them) and in the layouts folder.
	key     string
	content map[string][sha256.Size]byte // the content's files by path
	layouts [sha256.Size]byte            // of the layouts folder's files
}

// hashInputs hashes what a build with opts reads. ok is false when a file cannot be
// read; the build then runs in full and says why.
func hashInputs(opts Options) (in inputs, ok bool) {
	prog := memo.Program()
	if prog == "unknown" {
		return in, false
	}
	content, ok := sum.Folder(opts.content(), true, load.MaxFileSize)
	if !ok {
		return in, false
	}
	if in.layouts, ok = layoutsSum(opts); !ok {
		return in, false
	}
	h := sha256.New()
	fmt.Fprintf(h, "stretchguide inputs 1\n%s\n%q %q %q %t\n%x\n", prog, opts.content(), opts.Layouts, opts.BaseURL, opts.NoPDF, in.layouts)
	sum.Write(h, content)
	in.key = hex.EncodeToString(h.Sum(nil))
	in.content = make(map[string][sha256.Size]byte, len(content))
	for _, f := range content {
		in.content[f.Path] = f.Sum
	}
	return in, true
}

// layoutsSum hashes the path and bytes of every file of the layouts folder, hidden
// ones too, as a layout may name one; zero with the built-in layouts, which are the
// program's.
func layoutsSum(opts Options) (digest [sha256.Size]byte, ok bool) {
	if opts.Layouts == "" {
		return digest, true
	}
	files, ok := sum.Folder(opts.Layouts, false, load.MaxFileSize)
	h := sha256.New()
	sum.Write(h, files)
	return [sha256.Size]byte(h.Sum(nil)), ok
}

// builtFrom reports whether the build b just ran read the inputs in hashed: the
// same content files, byte for byte, and the same layouts. A file saved while the
// build ran would otherwise make the stamp name inputs other than those built. It
// compares the sums load kept, and reads again only the layouts folder.
func (b *Builder) builtFrom(in inputs) bool {
	if len(b.paths) != len(in.content) {
		return false
	}
	differs := make([]bool, len(b.paths))
	par.Do(len(b.paths), func(i int) {
		p := b.paths[i]
		want, hashed := in.content[p]
		f, loaded := b.files[p]
		switch {
		case !hashed || !loaded:
			differs[i] = true
		case f.Picture != nil:
			differs[i] = sha256.Sum256(f.Picture.Bytes()) != want
		case f.Sum != nil:
			differs[i] = *f.Sum != want
		default: // not part of the guide: not read, only named in a warning
		}
	})
	layouts, ok := layoutsSum(b.opts)
	return ok && layouts == in.layouts && !slices.Contains(differs, true)
}

// report is what a build says of itself, kept in the output folder's stamp for a
// build that finds the folder up to date.
type report struct {
	Problems diag.List `json:"problems"`
	Files    int       `json:"files"`
	Summary  Summary   `json:"summary"`
}

// stamp is what Build keeps beside the output folder for the build of key.
func stamp(key string, res Result) *write.Stamp {
	note, err := json.Marshal(report{res.Problems, res.Files, res.Summary})
	if err != nil {
		return nil
	}
	return &write.Stamp{Key: key, Note: note}
}

// upToDate returns what the build of key into the folder out reported, when out
// still holds exactly what that build wrote.
func upToDate(out, key string) (Result, bool) {
	note, ok := write.Stamped(out, key)
	var r report
	if !ok || json.Unmarshal(note, &r) != nil {
		return Result{}, false
	}
	return Result{Problems: r.Problems, Files: r.Files, Summary: r.Summary, UpToDate: true}, true
}
