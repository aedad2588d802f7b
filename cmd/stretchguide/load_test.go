package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator"
)

// loadEnv sets how long TestServeUnderLoad runs (a Go duration); `make bench` sets 10s.
const loadEnv = "STRETCHGUIDE_LOAD_DURATION"

// TestServeUnderLoad runs `stretchguide serve` on 127.0.0.1 and has 200 clients fetch
// its pages and assets as fast as it answers, for STRETCHGUIDE_LOAD_DURATION (3s by
// default), while a stretch is edited and the site rebuilt into the served folder
// again and again. Every answer must be 200 with the whole file; once the clients
// disconnect, no connection goroutine may be left, and after the server stops the
// goroutine count is back where it was. Requests per second and latency percentiles
// are logged (go test -v), never asserted. (Live-reload connections join this test
// when serve gains them.)
func TestServeUnderLoad(t *testing.T) {
	const clients, maxRequests = 200, 2_000_000
	duration := 3 * time.Second
	if d, err := time.ParseDuration(os.Getenv(loadEnv)); err == nil && d > 0 {
		duration = min(d, time.Minute)
	}
	a, _ := variants(t)
	out := filepath.Join(t.TempDir(), "public")
	before := runtime.NumGoroutine()

	// Start the server the way the command line does, on a free port.
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- runServe(ctx, []string{"--content", a, "--out", out, "--addr", "127.0.0.1:0"}, pw, io.Discard)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var base string
	for lines.Scan() {
		if m := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("serve did not say where it listens (exit %d)", <-done)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()

	// What to fetch: every file of the site. serve keeps its build in memory, so list
	// the files from a build of the same content on disk.
	if _, err := generator.Build(context.Background(), generator.Options{Content: a, Out: out}); err != nil {
		t.Fatal(err)
	}
	var paths []string
	_ = fs.WalkDir(os.DirFS(out), ".", func(p string, e fs.DirEntry, err error) error {
		// serve hands out every built file but the offline worker (sw.js), which a
		// live-editing browser must not run.
		if err == nil && !e.IsDir() && p != "sw.js" {
			paths = append(paths, strings.TrimSuffix(p, "index.html"))
		}
		return err
	})
	if len(paths) == 0 {
		t.Fatal("no files to fetch")
	}
	serving := runtime.NumGoroutine()

	// The edits: rewrite a stretch and rebuild into the served folder until the load ends.
	var rebuilds atomic.Int64
	editsDone := make(chan error, 1)
	loadCtx, endLoad := context.WithTimeout(ctx, duration)
	defer endLoad()
	go func() {
		file := filepath.Join(a, "stretches", "bridge.md")
		orig, err := os.ReadFile(file)
		if err != nil {
			editsDone <- err
			return
		}
		for i := 0; loadCtx.Err() == nil; i++ {
			edited := append(slices.Clip(orig), fmt.Sprintf("\nEdit number %d.\n", i)...)
			if err := os.WriteFile(file, edited, 0o644); err != nil {
				editsDone <- err
				return
			}
			if _, err := generator.Build(context.Background(), generator.Options{Content: a, Out: out}); err != nil {
				editsDone <- err
				return
			}
			rebuilds.Add(1)
		}
		editsDone <- nil
	}()

	// The clients.
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var (
		count    atomic.Int64
		bytes    atomic.Int64
		mu       sync.Mutex
		failures []string
		lat      = make([][]time.Duration, clients)
		wg       sync.WaitGroup
	)
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 8))
			for loadCtx.Err() == nil && count.Add(1) <= maxRequests {
				p := paths[rng.IntN(len(paths))]
				t0 := time.Now()
				resp, err := client.Get(base + p)
				if err == nil {
					var n int64
					n, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					bytes.Add(n)
					if err == nil && (resp.StatusCode != http.StatusOK || resp.ContentLength >= 0 && n != resp.ContentLength) {
						err = fmt.Errorf("HTTP %d, %d of %d bytes", resp.StatusCode, n, resp.ContentLength)
					}
				}
				lat[c] = append(lat[c], time.Since(t0))
				if err != nil {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("GET /%s: %v", p, err))
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := <-editsDone; err != nil {
		t.Errorf("editing and rebuilding: %v", err)
	}
	for i, f := range failures {
		if i == 10 {
			t.Errorf("... and %d more", len(failures)-10)
			break
		}
		t.Error(f)
	}

	all := slices.Concat(lat...)
	if len(all) == 0 {
		t.Fatal("no request was made")
	}
	slices.Sort(all)
	pct := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	t.Logf("%d clients, %v: %d requests (%.0f/s), %.1f MB, %d rebuilds while serving, %d errors",
		clients, elapsed.Round(time.Millisecond), len(all), float64(len(all))/elapsed.Seconds(),
		float64(bytes.Load())/1e6, rebuilds.Load(), len(failures))
	t.Logf("latency: p50 %v, p90 %v, p99 %v, max %v", pct(.5), pct(.9), pct(.99), all[len(all)-1])

	// The clients leave: their connections' goroutines in the server must end.
	tr.CloseIdleConnections()
	if left := waitGoroutines(func(n int, stacks string) bool {
		return !strings.Contains(stacks, "net/http.(*conn).serve")
	}); left != "" {
		t.Errorf("connections still served after the clients left:\n%s", left)
	}
	stop()
	if code := <-done; code != 0 {
		t.Errorf("serve exited with %d", code)
	}
	if left := waitGoroutines(func(n int, _ string) bool { return n <= before }); left != "" {
		t.Errorf("%d goroutines before serve, %d while serving; more are left after it stopped:\n%s", before, serving, left)
	}
}

// waitGoroutines waits up to 10 s until ok holds for the number of goroutines and
// their stacks; it returns "" then, or the stacks when it never does.
func waitGoroutines(ok func(n int, stacks string) bool) string {
	var stacks string
	for deadline := time.Now().Add(10 * time.Second); ; {
		var b strings.Builder
		_ = pprof.Lookup("goroutine").WriteTo(&b, 1)
		stacks = b.String()
		if ok(runtime.NumGoroutine(), stacks) {
			return ""
		}
		if time.Now().After(deadline) {
			return stacks
		}
		time.Sleep(50 * time.Millisecond)
	}
}
