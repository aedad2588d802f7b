package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/internal/sum"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/write"
)

// inputsKey names everything the files and the report of a build depend on: the
// program, the options, and the path and bytes of every file in the content folder
// (as load lists them) and in the layouts folder. ok is false when a file cannot be
// read; the build then runs in full and says why.
func inputsKey(opts Options) (key string, ok bool) {
	prog := memo.Program()
	if prog == "unknown" {
		return "", false
	}
	h := sha256.New()
	fmt.Fprintf(h, "stretchguide inputs 1\n%s\n%q %q %q %t\n", prog, opts.content(), opts.Layouts, opts.BaseURL, opts.NoPDF)
	if !sum.Folder(h, opts.content(), true, load.MaxFileSize) {
		return "", false
	}
	// Every file of the layouts folder, hidden ones too: a layout may name one.
	if opts.Layouts != "" && !sum.Folder(h, opts.Layouts, false, load.MaxFileSize) {
		return "", false
	}
	return hex.EncodeToString(h.Sum(nil)), true
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
