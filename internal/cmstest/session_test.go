package cmstest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// allText is the page's text with the values of its inputs, where the editor shows
// an entry's fields.
const allText = `document.body.innerText + "\n" + [...document.querySelectorAll("input, textarea")].map(e => e.value).join("\n")`

// session is a headless Chromium for one test, which collects the page's uncaught
// exceptions and console errors, and on a failure prints the page and them.
type session struct {
	t   *testing.T
	ctx context.Context
	mu  sync.Mutex
	err []string
}

// startSession starts Chromium (the test skips without it, see browsertest).
func startSession(t *testing.T) *session {
	t.Helper()
	s := &session{t: t, ctx: browsertest.Start(t)}
	err := chromedp.Listen(s.ctx, func(ev any) {
		s.mu.Lock()
		defer s.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			s.err = append(s.err, text)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				s.err = append(s.err, strings.Join(parts, " "))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// errors are the page's errors so far.
func (s *session) errors() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.err...)
}

func (s *session) fail(what string, err error) {
	s.t.Helper()
	text, _ := chromedp.Run(s.ctx, chromedp.Evaluate[string](allText))
	s.t.Fatalf("%s: %v\npage:\n%.3000s\nerrors: %q", what, err, text, s.errors())
}

// do runs steps, each test step within 90 seconds.
func (s *session) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	c, cancel := context.WithTimeout(s.ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(c, steps...); err != nil {
		s.fail(what, err)
	}
}

func (s *session) eval(what, expr string) any {
	s.t.Helper()
	v, err := chromedp.Run(s.ctx, chromedp.Evaluate[any](expr))
	if err != nil {
		s.fail(what, err)
	}
	return v
}

// waitText waits until the page shows every one of want, as text or in a field.
func (s *session) waitText(what string, want ...string) {
	s.t.Helper()
	cond := fmt.Sprintf(`(() => { const s = %s; return %q.split("\u0000").every(w => s.includes(w)); })()`, allText, strings.Join(want, "\u0000"))
	if err := s.until(cond); err != nil {
		var missing []string
		text, _ := chromedp.Run(s.ctx, chromedp.Evaluate[string](allText))
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = append(missing, w)
			}
		}
		s.fail(what+fmt.Sprintf(" (missing %q)", missing), err)
	}
}

// until waits, at most 90 seconds, until the JavaScript condition cond is true.
func (s *session) until(cond string) error {
	c, cancel := context.WithTimeout(s.ctx, 90*time.Second)
	defer cancel()
	_, err := chromedp.Run(c, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(200*time.Millisecond)))
	return err
}
