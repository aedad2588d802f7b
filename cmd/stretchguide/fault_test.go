package main

// Fault tests run the real stretchguide binary, built once for this package, on a copy
// of the shipped guide, and break it the ways a clinician's machine breaks: the build
// killed at any moment, two builds at once, a read-only or full disk. Each time the
// output folder must hold one complete site, never a mix.

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds cmd/stretchguide once for the whole package run and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "stretchguide-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "stretchguide")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		_ = os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// variants copies the shipped guide twice into a temporary folder: a and b differ in
// the site title, which is on every page, so every HTML file of their builds differs.
func variants(t *testing.T) (a, b string) {
	t.Helper()
	root := t.TempDir()
	a, b = filepath.Join(root, "a"), filepath.Join(root, "b")
	copyTree(t, "../../content", a)
	copyTree(t, "../../content", b)
	retitle(t, b, "Variant B of ")
	return a, b
}

// retitle puts prefix before the title of the guide in the content folder dir, which
// changes every page.
func retitle(t *testing.T, dir, prefix string) {
	t.Helper()
	index := filepath.Join(dir, "_index.md")
	src, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(src, []byte("\ntitle: "), []byte("\ntitle: "+prefix), 1)
	if bytes.Equal(changed, src) {
		t.Fatal("content/_index.md has no title line to change")
	}
	if err := os.WriteFile(index, changed, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if e.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// treeSum is a digest of every file below dir, by path and content, and how many
// files there are; "" when dir does not exist.
func treeSum(t *testing.T, dir string) (string, int) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return "", 0
	}
	var lines []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, fmt.Sprintf("%s %x", filepath.ToSlash(rel), sha256.Sum256(data)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return fmt.Sprintf("%x", sha256.Sum256([]byte(strings.Join(lines, "\n")))), len(lines)
}

// build runs stretchguide build and fails the test when it does not succeed.
func build(t *testing.T, content, out string) {
	t.Helper()
	cmd := exec.Command(binary(t), "build", "--pdf=false", "--content", content, "--out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("stretchguide build --content %s: %v\n%s", content, err, b)
	}
}

// leftovers lists what builds left beside out: anything but out itself, the
// previous build kept as .<out>.prev, the list of their files and the memo.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		// The build before the last one is kept on purpose, for the next to start from.
		switch e.Name() {
		case filepath.Base(out), "." + filepath.Base(out) + ".prev", "." + filepath.Base(out) + ".stretchguide.json",
			"." + filepath.Base(out) + ".stretchguide-cache":
		default:
			names = append(names, e.Name())
		}
	}
	return names
}

// waitForWrite waits until a build's new folder shows beside out, or until limit
// has passed.
func waitForWrite(t *testing.T, out string, limit time.Duration) {
	start := time.Now()
	for time.Since(start) < limit {
		entries, err := os.ReadDir(filepath.Dir(out))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "."+filepath.Base(out)+".new-") {
				return
			}
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// TestKillDuringBuild kills builds with SIGKILL after random (seeded) delays that
// cover a whole build, at least minKills times, going round three versions of the
// guide. After every kill the output is exactly the site before that build or the
// one it was making; the next build clears what the killed one left. With three
// versions, the previous build a build starts from (write keeps the one before the
// last) is always another version, so every page is written again.
func TestKillDuringBuild(t *testing.T) {
	const minKills, minMidWrite, maxRuns = 50, 5, 250
	if testing.Short() {
		t.Skip("kills builds many times; skipped with -short")
	}
	a, b := variants(t)
	c := filepath.Join(filepath.Dir(a), "c")
	copyTree(t, a, c)
	retitle(t, c, "Variant C of ")
	versions := []string{a, b, c}
	out := filepath.Join(t.TempDir(), "public")
	sums := map[string]string{}
	for _, v := range versions {
		build(t, v, out)
		sum, n := treeSum(t, out)
		if n < 20 {
			t.Fatalf("the build of %s wrote only %d files", v, n)
		}
		sums[v] = sum
	}
	if sums[a] == sums[b] || sums[b] == sums[c] || sums[a] == sums[c] {
		t.Fatal("two versions build to the same site; the test could not tell them apart")
	}
	// Now out holds c. Time a full build and its write step, to spread the kills over
	// the whole build and aim half of them at the write, where a kill can do harm.
	start := time.Now()
	log, err := exec.Command(binary(t), "build", "--verbose", "--pdf=false", "--content", a, "--out", out).CombinedOutput()
	full := time.Since(start)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, log)
	}
	writing := full / 4
	for _, line := range strings.Split(string(log), "\n") {
		var ms float64
		if _, err := fmt.Sscanf(line, "write %f ms", &ms); err == nil {
			writing = time.Duration(ms * float64(time.Millisecond))
		}
	}
	current := a

	rng := rand.New(rand.NewPCG(8, 2026))
	var kills, midWrite, finished int
	for run := 0; run < maxRuns && (kills < minKills || midWrite < minMidWrite); run++ {
		next := versions[(slices.Index(versions, current)+1)%len(versions)]
		cmd := exec.Command(binary(t), "build", "--pdf=false", "--content", next, "--out", out)
		started := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if run%2 == 1 {
			// Aimed at the write: once the new folder shows beside out, somewhere in
			// the time writing takes. Timing from the start missed it too often when
			// other tests slowed the machine (2 of 250 runs).
			waitForWrite(t, out, full*4)
			time.Sleep(time.Duration(rng.Int64N(int64(writing))))
		} else {
			time.Sleep(time.Duration(rng.Int64N(int64(full) * 12 / 10)))
		}
		delay := time.Since(started)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil {
			finished++
		} else if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			kills++
		} else {
			t.Fatalf("run %d: the build failed by itself: %v", run, err)
		}
		if len(leftovers(t, out)) > 0 {
			midWrite++
		}
		switch sum, n := treeSum(t, out); sum {
		case sums[current]:
		case sums[next]:
			current = next
		default:
			t.Fatalf("run %d, killed after %v: %s holds %d files that are neither the previous site nor the new one",
				run, delay, out, n)
		}
	}
	t.Logf("a full build took %v (writing %v); %d builds killed (%d while writing the new folder), %d finished before the kill",
		full, writing, kills, midWrite, finished)
	if kills < minKills || midWrite < minMidWrite {
		t.Fatalf("only %d kills, %d of them while writing: the builds were too fast or too slow to test", kills, midWrite)
	}
	build(t, a, out)
	if sum, _ := treeSum(t, out); sum != sums[a] {
		t.Fatal("a build after the kills did not write the complete site")
	}
	if left := leftovers(t, out); len(left) > 0 {
		t.Fatalf("a build after the kills left %v beside the output", left)
	}
}

// TestConcurrentBuilds starts several builds of two versions of the guide into the
// same output at once. Each must succeed, and the output must be one complete site
// with nothing left beside it.
func TestConcurrentBuilds(t *testing.T) {
	a, b := variants(t)
	out := filepath.Join(t.TempDir(), "public")
	sums := map[string]string{}
	for _, v := range []string{a, b} {
		build(t, v, out)
		sums[v], _ = treeSum(t, out)
	}
	for round := range 3 {
		var wg sync.WaitGroup
		errs := make([]error, 6)
		outs := make([][]byte, 6)
		for i := range errs {
			v := a
			if i%2 == 1 {
				v = b
			}
			wg.Go(func() {
				outs[i], errs[i] = exec.Command(binary(t), "build", "--pdf=false", "--content", v, "--out", out).CombinedOutput()
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, build %d: %v\n%s", round, i, err, outs[i])
			}
		}
		if sum, n := treeSum(t, out); sum != sums[a] && sum != sums[b] {
			t.Fatalf("round %d: %s holds %d files that are neither version of the site", round, out, n)
		}
		if left := leftovers(t, out); len(left) > 0 {
			t.Fatalf("round %d: the builds left %v beside the output", round, left)
		}
	}
}

// privateMount runs script with sh in a mount namespace of its own, where it may
// mount a small tmpfs without touching the machine's mounts; args are $1, $2, ... It
// needs root or user namespaces; without either the test is skipped with a notice.
func privateMount(t *testing.T, script string, args ...string) (stderr string, err error) {
	t.Helper()
	prefix := []string{"unshare", "--mount", "--propagation", "private"}
	if os.Geteuid() != 0 {
		prefix = []string{"unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"}
	}
	if out, err := exec.Command(prefix[0], append(prefix[1:], "true")...).CombinedOutput(); err != nil {
		t.Skipf("SKIPPED: needs root or user namespaces to mount a small disk (%v: %s)", err, out)
	}
	cmd := exec.Command(prefix[0], append(prefix[1:], append([]string{"sh", "-c", script, "sh"}, args...)...)...)
	var buf bytes.Buffer
	cmd.Stderr = &buf
	err = cmd.Run()
	return buf.String(), err
}

// diskScript builds $3 into a tmpfs of $2 bytes mounted at $1, runs $5 (a shell
// command: make the disk read-only, or nothing), builds $4 into it, which must fail,
// with its error output in $6/err, and copies what the tmpfs then holds to $6/disk.
const diskScript = `set -e
mount -t tmpfs -o size="$2" tmpfs "$1"
"$7" build --pdf=false --content "$3" --out "$1/public" >/dev/null
eval "$5"
if "$7" build --pdf=false --content "$4" --out "$1/public" 2>"$6/err" >/dev/null; then
  echo "the second build succeeded" >&2; exit 3
fi
cp -a "$1" "$6/disk"
`

// TestFullDisk fills the disk during a build: the build must fail with an error that
// says the disk is full, and leave the previous site, complete, with nothing beside it.
func TestFullDisk(t *testing.T) {
	a, b := variants(t)
	checkDiskFault(t, a, b, ":", "the disk is full", func(room int64) {
		// b gets pages too large to fit beside the old site, each under the size
		// a page may have (generator.MaxBody).
		sentence := "This sentence is here to take up room on the disk. "
		per := generator.MaxBody / 2 / len(sentence)
		for i := 0; int64(i*per*len(sentence)) <= room; i++ {
			big := "---\ntitle: A long page\nsummary: Long.\nreviewed: 2026-11-25\n---\n" +
				strings.Repeat(sentence, per) + "\n"
			if err := os.WriteFile(filepath.Join(b, "pages", fmt.Sprintf("long-%d.md", i)), []byte(big), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestReadOnlyDisk makes the disk read-only between two builds: the second must fail
// with an error that says so and leave the first site as it was.
func TestReadOnlyDisk(t *testing.T) {
	a, b := variants(t)
	checkDiskFault(t, a, b, `mount -o remount,ro "$1"`, "the disk is read-only", nil)
}

// checkDiskFault builds a onto a small disk, runs the shell command between, and
// builds b, which must fail saying want and leave a's site. The disk holds a's site
// twice over plus a megabyte; grow, when not nil, is told how many bytes are free
// beside a's site, to make b larger than that.
func checkDiskFault(t *testing.T, a, b, between, want string, grow func(room int64)) {
	t.Helper()
	ref := filepath.Join(t.TempDir(), "public")
	build(t, a, ref)
	wantSum, _ := treeSum(t, ref)
	var used int64 // what a's site takes on a tmpfs: whole 4 KiB pages per file and folder
	_ = filepath.WalkDir(ref, func(p string, e fs.DirEntry, err error) error {
		if err == nil {
			size := int64(4096)
			if info, err := e.Info(); err == nil && !e.IsDir() {
				size = (info.Size() + 4095) / 4096 * 4096
			}
			used += size
		}
		return err
	})
	size := 2*used + 1<<20
	if grow != nil {
		grow(size - used)
	}
	mnt, work := t.TempDir(), t.TempDir()
	stderr, err := privateMount(t, diskScript, mnt, fmt.Sprint(size), a, b, between, work, binary(t))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	msg, _ := os.ReadFile(filepath.Join(work, "err"))
	t.Logf("the build said: %s", msg)
	for _, w := range []string{want, "public was not changed"} {
		if !strings.Contains(string(msg), w) {
			t.Errorf("the error does not say %q:\n%s", w, msg)
		}
	}
	disk := filepath.Join(work, "disk")
	if sum, n := treeSum(t, filepath.Join(disk, "public")); sum != wantSum {
		t.Errorf("the output holds %d files that are not the previous site", n)
	}
	if left := leftovers(t, filepath.Join(disk, "public")); len(left) > 0 {
		t.Errorf("the failed build left %v beside the output", left)
	}
}
