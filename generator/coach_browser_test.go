package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// The browser tests of the pocket coach (issue 17): what the follow-along says,
// sounds and buzzes, the remembered mute, the player's layout in landscape and at
// 200% text, and the progress page.

// coachSpy replaces, before any script of the page runs, the browser's speech,
// tones and vibration with recorders: window.coach holds what the page asked for.
const coachSpy = `window.coach = {said: [], tones: 0, buzz: 0};
if (window.speechSynthesis) {
	speechSynthesis.speak = (u) => { coach.said.push(u.text); };
	speechSynthesis.cancel = () => {};
}
if (window.OscillatorNode) {
	const start = OscillatorNode.prototype.start;
	OscillatorNode.prototype.start = function (...a) { coach.tones++; return start.apply(this, a); };
}
navigator.vibrate = () => { coach.buzz++; return true; };
window.confirm = () => true;`

// spy installs coachSpy in the tab for every page it opens from now on.
func spy(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx) // open the tab
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: coachSpy}); err != nil {
		t.Fatal(err)
	}
}

func TestCoachInBrowser(t *testing.T) {
	browser := browsertest.Start(t)
	site := buildPatientSite(t, "testdata/site", map[string]string{"routines/quick.md": quickRoutine})
	root := serveStrict(t, site, "/guide/")
	t.Run("speaks, sounds, buzzes and keeps the session", func(t *testing.T) { testCoachSpeaks(t, tab(t, browser), root) })
	t.Run("mute is remembered", func(t *testing.T) { testMuteRemembered(t, tab(t, browser), root) })
	t.Run("landscape and large text", func(t *testing.T) { testPlayerFits(t, tab(t, browser), root) })
	t.Run("a stretch page has its own timer", func(t *testing.T) { testStretchTimer(t, tab(t, browser), root) })
}

const said = `coach.said.join(' | ')`

// untilEnd clicks "I'm ready" whenever it shows, until the end screen comes.
const readyOrEnd = `(() => {
	const end = !document.querySelector('.player-end').hidden;
	const ready = document.querySelector('dialog.player [data-act=skip]');
	if (!end && ready.textContent === "I'm ready") ready.click();
	return end;
})()`

func testCoachSpeaks(t *testing.T, ctx context.Context, root string) {
	spy(t, ctx)
	do(t, ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(root+"routines/quick/"), chromedp.WaitVisible(".follow-along > [data-act=start]"))
	// Start sits before the handout's buttons.
	if before := eval[bool](t, ctx, `!!(document.querySelector('.follow-along').compareDocumentPosition(document.querySelector('.handout-actions')) & Node.DOCUMENT_POSITION_FOLLOWING)`); !before {
		t.Error("the follow-along comes after Download PDF and Print")
	}
	choose(t, ctx, "#follow-pain", "6")
	do(t, ctx, chromedp.Click(".follow-along > [data-act=start]"))
	waitFor(t, ctx, said+`.includes('Open book. Hold 2 seconds, each side.')`, said, 5*time.Second)
	shot(t, ctx, "coach-ready")
	copyShot(t, ctx, "coach")
	// The next-up card shows during get-ready, with I'm ready.
	if !eval[bool](t, ctx, `!!document.querySelector('.player-up').offsetParent && document.querySelector('[data-act=skip]').textContent === "I'm ready"`) {
		t.Error("the next-up card or I'm ready is not shown while getting ready")
	}
	do(t, ctx, chromedp.Click("dialog.player [data-act=skip]"))
	waitFor(t, ctx, `coach.said.includes('Switch sides')`, said, 10*time.Second)
	// The last three seconds of getting ready to switch sides are counted aloud.
	waitFor(t, ctx, said+`.includes('Switch sides | 3 | 2 | 1')`, said, 10*time.Second)
	waitFor(t, ctx, readyOrEnd, said, 30*time.Second)
	got := eval[string](t, ctx, said)
	for _, want := range []string{"Hold, first side for 2 seconds", "Switch sides", "Next: Child's pose. Hold 2 seconds.", "Repeat: 2 times | 1 | 2", "Well done"} {
		if !strings.Contains(got, want) {
			t.Errorf("the coach did not say %q; it said %q", want, got)
		}
	}
	if n := eval[int](t, ctx, `coach.tones`); n == 0 {
		t.Error("no tone was started")
	}
	if n := eval[int](t, ctx, `coach.buzz`); n == 0 {
		t.Error("the phone was never asked to vibrate")
	}
	choose(t, ctx, "#follow-after", "3")

	// The session is kept on the device and shows on the progress page, after a reload too.
	const rows = `[...document.querySelectorAll('.sessions tbody tr')].map(tr => tr.innerText.replace(/\s+/g, ' ')).join(' / ')`
	for range 2 {
		do(t, ctx, chromedp.Navigate(root+"progress/"), chromedp.WaitVisible("[data-progress]"))
		if r := eval[string](t, ctx, rows); !strings.Contains(r, "Quick 3 of 3 6 3") {
			t.Errorf("the progress page lists %q, want the Quick routine, 3 of 3 steps, pain 6 then 3", r)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('.calendar td.done').length`); n != 1 {
			t.Errorf("the calendar marks %d days, want 1", n)
		}
	}
	if s := eval[string](t, ctx, `document.querySelector('[data-out=sum]').textContent`); !strings.Contains(s, "Days in a row now: 1") {
		t.Errorf("the summary says %q", s)
	}
	copyShot(t, ctx, "progress")
	// The CSV file for the clinician is made in the page, with no server.
	eval[chromedp.Void](t, ctx, `window.csv = ''; const made = URL.createObjectURL.bind(URL); URL.createObjectURL = (b) => { b.text().then(s => { window.csv = s }); return made(b) }`)
	do(t, ctx, chromedp.Click("[data-act=csv]"))
	waitFor(t, ctx, `window.csv !== ''`, `window.csv`, 2*time.Second)
	if csv := eval[string](t, ctx, `window.csv`); !strings.HasPrefix(csv, "date,time,what,steps done,steps,pain before,pain after\r\n") || !strings.Contains(csv, `,"Quick",3,3,6,3`) {
		t.Errorf("the CSV file is %q", csv)
	}
	// In print the buttons and the menus are left out.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if shown := eval[string](t, ctx, `['.progress-actions', '.site-footer', '.site-search', '.calendar'].map(s => getComputedStyle(document.querySelector(s)).display).join(' ')`); shown != "none none none table" {
		t.Errorf("in print the actions, footer, search and calendar have display %q", shown)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Click("[data-act=forget]"))
	waitFor(t, ctx, `document.querySelectorAll('.sessions tbody tr').length === 0`, rows, 2*time.Second)
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible("[data-progress]"))
	if r := eval[string](t, ctx, rows+` + (localStorage.getItem('stretchguide-sessions') || 'gone')`); r != "gone" {
		t.Errorf("after Forget my data and a reload the page lists %q", r)
	}
}

func testMuteRemembered(t *testing.T, ctx context.Context, root string) {
	spy(t, ctx)
	const pressed = `document.querySelector('dialog.player [data-act=mute]').getAttribute('aria-pressed')`
	do(t, ctx, chromedp.Navigate(root+"routines/quick/"), chromedp.WaitVisible(".follow-along > [data-act=start]"),
		chromedp.Click(".follow-along > [data-act=start]"), chromedp.Click("dialog.player [data-act=mute]"))
	if p := eval[string](t, ctx, pressed); p != "true" {
		t.Fatalf("after Mute the button is aria-pressed=%q", p)
	}
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(".follow-along > [data-act=start]"), chromedp.Click(".follow-along > [data-act=start]"))
	waitFor(t, ctx, `document.querySelector('dialog.player').open`, pressed, 2*time.Second)
	if p := eval[string](t, ctx, pressed); p != "true" {
		t.Errorf("after a reload the mute is aria-pressed=%q", p)
	}
	do(t, ctx, chromedp.Click("dialog.player [data-act=skip]"))
	time.Sleep(500 * time.Millisecond) // long enough for words to be queued, if they were
	if s := eval[string](t, ctx, said); s != "" {
		t.Errorf("muted, the coach said %q", s)
	}
	do(t, ctx, chromedp.Click("dialog.player [data-act=mute]"), chromedp.Click("dialog.player [data-act=skip]"))
	waitFor(t, ctx, `coach.said.length > 0`, pressed, 3*time.Second)
}

// outOfView lists the player's visible controls, and the countdown, that are not
// wholly on screen, or whose words wrap inside a word.
const outOfView = `[...document.querySelectorAll('dialog.player button, .player-count')].filter(e => e.offsetParent)
	.filter(e => { const r = e.getBoundingClientRect();
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5 || e.scrollWidth > e.clientWidth + 1 || !e.contains(hit); })
	.map(e => e.textContent + ' ' + JSON.stringify(e.getBoundingClientRect()))`

func testPlayerFits(t *testing.T, ctx context.Context, root string) {
	for _, c := range []struct {
		name string
		w, h int64
		font int64
	}{{"portrait", 390, 844, 16}, {"landscape", 740, 360, 16}, {"200% text", 390, 844, 32}, {"200% text, landscape", 844, 390, 32}, {"320 px", 320, 568, 16}} {
		if _, err := chromedp.Call(ctx, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: c.font, Fixed: c.font * 13 / 16}}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.EmulateViewport(c.w, c.h), chromedp.Navigate(root+"routines/quick/"), chromedp.WaitVisible(".follow-along > [data-act=start]"),
			chromedp.Click(".follow-along > [data-act=start]"))
		waitFor(t, ctx, `document.querySelector('dialog.player').open`, `'closed'`, 2*time.Second)
		for _, phase := range []string{"getting ready", "holding"} {
			if bad := eval[[]string](t, ctx, outOfView); len(bad) > 0 {
				t.Errorf("%s, %s: these are off screen or broken: %q", c.name, phase, bad)
			}
			shot(t, ctx, "player-"+strings.ReplaceAll(c.name, " ", "-")+"-"+phase)
			do(t, ctx, chromedp.Click("dialog.player [data-act=skip]"))
		}
	}
}

func testStretchTimer(t *testing.T, ctx context.Context, root string) {
	spy(t, ctx)
	do(t, ctx, chromedp.Navigate(root+"stretches/childs-pose/"), chromedp.WaitVisible(".follow-along > [data-act=start]"))
	// The patient gives more time to get ready and halves the hold, for today.
	choose(t, ctx, "#follow-ready", "15")
	choose(t, ctx, "#follow-hold", "0.5")
	do(t, ctx, chromedp.Click(".follow-along > [data-act=start]"))
	waitFor(t, ctx, `document.querySelector('dialog.player').open && document.querySelector('.player-where').textContent === 'Step 1 of 1'`, said, 3*time.Second)
	waitFor(t, ctx, said+`.startsWith("Child's pose.")`, said, 3*time.Second)
	if c := eval[string](t, ctx, `document.querySelector('.player-count').textContent`); c != "0:15" && c != "0:14" {
		t.Errorf("with 15 seconds to get ready the countdown shows %q", c)
	}
	do(t, ctx, chromedp.Click("dialog.player [data-act=skip]"))
	waitFor(t, ctx, `document.querySelector('.player-phase').textContent === 'Hold'`, said, 3*time.Second)
	if live := eval[string](t, ctx, said); !strings.Contains(live, "Hold for 15 seconds") {
		t.Errorf("the 30-second hold halved is not 15 seconds: %q", live)
	}
}

// copyShot saves a phone-width screenshot into screenshots/ at the repository root
// when STRETCHGUIDE_PHONE_SHOTS=1 (see screenshots/README.md).
func copyShot(t *testing.T, ctx context.Context, name string) {
	if os.Getenv("STRETCHGUIDE_PHONE_SHOTS") != "1" {
		return
	}
	do(t, ctx, chromedp.EmulateViewport(390, 844))
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join("..", "screenshots", name+".png"), b, 0o644)
	}
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
	}
}
