package generator

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// The browser tests of a guide in two languages: the coach speaks the page's
// language, and the language switcher looks like part of the header and is left
// out of print.

// langSpy records, like coachSpy, what the coach says, with the language each
// utterance is given.
const langSpy = `window.coach = {said: [], langs: []};
if (window.speechSynthesis) {
	speechSynthesis.speak = (u) => { coach.said.push(u.text); coach.langs.push(u.lang); };
	speechSynthesis.cancel = () => {};
}
navigator.vibrate = () => true;`

func TestTwoLanguageGuideInBrowser(t *testing.T) {
	browser := browsertest.Start(t)
	root := serveStrict(t, buildTwo(t, twoLanguages(t, nil)), "/guide/")
	t.Run("the coach speaks the page's language", func(t *testing.T) { testCoachLanguage(t, tab(t, browser), root) })
	t.Run("the switcher is styled and not printed", func(t *testing.T) { testSwitcherStyle(t, tab(t, browser), root) })
}

// testCoachLanguage plays the Spanish child's pose: every utterance is tagged es,
// the page's <html lang>, and says the words of es.yaml; the English page's are en.
func testCoachLanguage(t *testing.T, ctx context.Context, root string) {
	es, en := catalog(t, "es"), catalog(t, "en")
	do(t, ctx)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: langSpy}); err != nil {
		t.Fatal(err)
	}
	const said = `coach.said.join(' | ')`
	for _, c := range []struct{ page, lang, title, hold, notHold string }{
		{"es/stretches/childs-pose/", "es", "Postura del niño", es.S("js.follow.hold_now"), en.S("js.follow.hold_now")},
		{"stretches/childs-pose/", "en", "Child's pose", en.S("js.follow.hold_now"), es.S("js.follow.hold_now")},
	} {
		do(t, ctx, chromedp.Navigate(root+c.page), chromedp.WaitVisible(".follow-along > [data-act=start]"))
		if got := eval[string](t, ctx, `document.documentElement.lang`); got != c.lang {
			t.Fatalf("%s has <html lang=%q>, want %q", c.page, got, c.lang)
		}
		do(t, ctx, chromedp.Click(".follow-along > [data-act=start]"))
		waitFor(t, ctx, said+`.startsWith(`+jsString(c.title+".")+`)`, said, 5*time.Second)
		do(t, ctx, chromedp.Click("dialog.player [data-act=skip]"))
		waitFor(t, ctx, said+`.includes(`+jsString(c.hold)+`)`, said, 5*time.Second)
		got := eval[string](t, ctx, said)
		if strings.Contains(got, c.notHold) {
			t.Errorf("%s: the coach said %q, with words of the other language", c.page, got)
		}
		if !eval[bool](t, ctx, `coach.langs.every(l => l === `+jsString(c.lang)+`)`) {
			t.Errorf("%s: the utterances are in %s, want all in %q", c.page, eval[string](t, ctx, `JSON.stringify(coach.langs)`), c.lang)
		}
		if eval[int](t, ctx, `coach.langs.length`) == 0 {
			t.Errorf("%s: the coach said nothing", c.page)
		}
		eval[chromedp.Void](t, ctx, `document.querySelector('dialog.player').close(); coach.said = []; coach.langs = []`)
	}
}

// testSwitcherStyle: the language being read is marked in bold and not underlined,
// the other is a link with a 44-pixel target, the switcher sits at the top right of
// the header; in print it is hidden like the menu.
func testSwitcherStyle(t *testing.T, ctx context.Context, root string) {
	do(t, ctx, chromedp.EmulateViewport(1000, 700), chromedp.Navigate(root+"es/stretches/bridge/"), chromedp.WaitVisible("nav.languages"))
	const style = `(s => { const c = getComputedStyle(document.querySelector(s)); return [c.fontWeight, c.textDecorationLine].join(' ') })`
	if got := eval[string](t, ctx, style+`('nav.languages a[aria-current]')`); got != "700 none" {
		t.Errorf("the current language has weight and underline %q, want bold and none", got)
	}
	if got := eval[string](t, ctx, style+`('nav.languages a:not([aria-current])')`); got != "400 underline" {
		t.Errorf("the other language has weight and underline %q, want a plain link", got)
	}
	if h := eval[float64](t, ctx, `document.querySelector('nav.languages a:not([aria-current])').getBoundingClientRect().height`); h < 44 {
		t.Errorf("the other language's link is %v pixels high, want at least 44", h)
	}
	const topRight = `(() => {
		const h = document.querySelector('.site-header'), b = document.querySelector('nav.languages li:last-child a').getBoundingClientRect();
		const right = h.getBoundingClientRect().right - parseFloat(getComputedStyle(h).paddingRight);
		return b.bottom <= document.querySelector('.brand').getBoundingClientRect().top + 1 && Math.abs(b.right - right) < 2 })()`
	if !eval[bool](t, ctx, topRight) {
		t.Error("the switcher is not at the top right of the header, above the site's name")
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	if shown := eval[string](t, ctx, `['nav.languages', '.site-header nav:not(.languages)'].map(s => getComputedStyle(document.querySelector(s)).display).join(' ')`); shown != "none none" {
		t.Errorf("in print the switcher and the menu have display %q, want none", shown)
	}
}
