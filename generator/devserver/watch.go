package devserver

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher reports what changed below a set of folders, in batches: editors fire
// several events for one save (write a temporary file, rename it over the old one,
// change its mode), and a batch holds all of them, so a save causes one rebuild.
// Folders created after the start are watched too, and the files already in them
// when the watch begins are reported, so nothing written in between is missed.
type Watcher struct {
	fw      *fsnotify.Watcher
	roots   []string
	window  time.Duration
	batches chan []string
	done    chan struct{}
}

// maxWaitFactor bounds how long a stream of events may hold back a batch: a batch
// is sent once events pause for the window, or at the latest after this many windows.
const maxWaitFactor = 20

// Watch starts watching each folder in roots and everything below it. A batch is
// sent once no event arrived for window.
func Watch(roots []string, window time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{fw: fw, roots: roots, window: window, batches: make(chan []string), done: make(chan struct{})}
	for _, root := range roots {
		if err := w.addTree(root, nil); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.run()
	return w, nil
}

// Batches delivers the paths that changed, sorted, each once per batch. It is closed
// when the watcher is.
func (w *Watcher) Batches() <-chan []string { return w.batches }

// Close stops watching.
func (w *Watcher) Close() error {
	err := w.fw.Close()
	<-w.done
	return err
}

// addTree watches dir and the folders below it, and adds every file already there
// to pending (when not nil). Hidden folders are left out, as the build leaves them out.
func (w *Watcher) addTree(dir string, pending map[string]bool) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone again already: its own event follows
		}
		if !e.IsDir() {
			if pending != nil {
				pending[p] = true
			}
			return nil
		}
		if p != dir && strings.HasPrefix(e.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.fw.Add(p); err != nil && p == dir {
			return err
		}
		return nil
	})
}

func (w *Watcher) run() {
	defer close(w.done)
	defer close(w.batches)
	pending := map[string]bool{}
	var (
		quiet   *time.Timer
		quietC  <-chan time.Time
		first   time.Time
		ready   bool
		deliver chan []string // w.batches when a batch is ready, else nil
		batch   []string
	)
	for {
		if ready && len(pending) > 0 && deliver == nil {
			batch = batch[:0:0]
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			deliver = w.batches
		}
		select {
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || ignored(filepath.Base(ev.Name)) {
				continue // mode or time only, or an editor's scratch file
			}
			if deliver != nil {
				deliver = nil // take the event into the batch not yet delivered
			}
			pending[ev.Name] = true
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() && !strings.HasPrefix(info.Name(), ".") {
					_ = w.addTree(ev.Name, pending)
				}
			}
			now := time.Now()
			if quietC == nil {
				first, ready = now, false
				quiet = time.NewTimer(w.window)
				quietC = quiet.C
			} else if now.Sub(first) < maxWaitFactor*w.window {
				quiet.Reset(w.window)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: say that everything may have changed.
				for _, root := range w.roots {
					pending[root] = true
				}
				deliver, ready = nil, true
			}
		case <-quietC:
			quietC, ready = nil, true
		case deliver <- batch:
			deliver, ready = nil, false
			clear(pending)
		}
	}
}

// ignored reports whether a file name is an editor's swap, lock or backup file,
// which the build never reads (it leaves out hidden files).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")
}
