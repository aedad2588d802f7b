package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"strings"

	"github.com/stretchguide/stretchguide/generator/devserver"
)

func init() {
	commands = append(commands, command{"serve", serveDoes, runServe})
}

const serveDoes = "build the site, serve it on this computer, and rebuild on every save"

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("serve", stderr, &sf)
	addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on; only this computer can connect to 127.0.0.1")
	open := fs.Bool("open", false, "open the site in the default browser")
	pdfs := fs.Bool("pdf", true, "make a PDF handout for each routine; --pdf=false skips them for quicker rebuilds")
	var hosts hostList
	fs.Var(&hosts, "allow-host", "also answer requests for this host `name`, like phone.local (repeat for more); names other than localhost, 127.0.0.1, ::1 and the --addr host are refused")
	setUsage(fs, "serve [flags]", serveDoes)
	if code, ok := parseArgs(fs, args, 0, stdout, stderr); !ok {
		return code
	}
	opts := sf.resolve(stderr)
	opts.NoPDF = !*pdfs
	ln, err := devserver.Listen(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "stretchguide serve: %v\n", err)
		return 1
	}
	srv, err := devserver.New(ctx, opts, stderr, devserver.DefaultWindow)
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "stretchguide serve: %v\n", err)
		return 1
	}
	srv.AllowHosts = append([]string{*addr}, hosts...)
	url := localURL(ln.Addr(), srv.URL(ln))
	fmt.Fprintf(stdout, "Serving the guide at %s (Ctrl+C to stop); it rebuilds when you save a file.\n", url)
	if others := networkURLs(ln.Addr(), url); len(others) > 0 {
		fmt.Fprintf(stdout, "On a phone or tablet on the same network, open %s\n", strings.Join(others, " or "))
	}
	if *open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stdout, "Could not open a browser (%v): open %s yourself.\n", err, url)
		}
	}
	if err := srv.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "stretchguide serve: %v\n", err)
		return 1
	}
	return 0
}

// hostList is the --allow-host names, each given once per flag.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	if v == "" || strings.ContainsAny(v, "/ ,") {
		return errors.New("give one host name per --allow-host, without http:// or a path, like --allow-host phone.local")
	}
	*h = append(*h, v)
	return nil
}

// openBrowser asks the desktop to open url in the default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
