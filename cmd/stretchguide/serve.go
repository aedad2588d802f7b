package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"time"

	"github.com/stretchguide/stretchguide/generator"
)

func init() {
	commands = append(commands, command{"serve", "build the site and serve it on this computer", runServe})
	// Sent as hosts send it; Go does not know the extension.
	_ = mime.AddExtensionType(".webmanifest", "application/manifest+json")
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("serve", stderr, &sf)
	pdfs := fs.Bool("pdf", true, "write a PDF handout for each routine; --pdf=false skips them for quicker builds")
	addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opts := sf.resolve(stderr)
	opts.NoPDF = !*pdfs
	res, err := generator.Build(ctx, opts)
	printProblems(stderr, res.Problems)
	if err != nil {
		fmt.Fprintf(stderr, "stretchguide serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "stretchguide serve: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(opts.Out)), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(stdout, "Serving %s at http://%s/ (Ctrl+C to stop)\n", opts.Out, ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "stretchguide serve: %v\n", err)
		return 1
	}
	return 0
}
