package generator

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/pdf"
	"github.com/stretchguide/stretchguide/internal/browsertest"
	"github.com/stretchguide/stretchguide/internal/pdftest"
)

// The browser tests of the "Make a routine" page (prescribe.html, prescribe.js,
// qr.js): a clinician builds a routine, prints it and shares it; the patient opens
// the link elsewhere and follows along.

// madeStep is one step the test makes, and the dose it sets.
type madeStep struct {
	slug string
	dose guide.Dose
}

var madeSteps = []madeStep{
	{"bridge", guide.Dose{Reps: 8, Sets: 2}},
	{"cat-camel", guide.Dose{Hold: 45 * time.Second, Sets: 3}},
	{"knee-to-chest", guide.Dose{Hold: 20 * time.Second, Sets: 1, Sides: true}},
}

// madeRoutine is what the page should show for steps, worked out in Go.
func madeRoutine(t *testing.T, g *guide.Guide, steps []madeStep) *guide.Routine {
	t.Helper()
	r := &guide.Routine{}
	for i, m := range steps {
		j := slices.IndexFunc(g.Stretches, func(s *guide.Stretch) bool { return s.Slug == m.slug })
		if j < 0 {
			t.Fatalf("the shipped guide has no stretch %s", m.slug)
		}
		r.Steps = append(r.Steps, &guide.Step{Number: i + 1, Stretch: g.Stretches[j], Dose: m.dose})
	}
	return r
}

func TestMakeRoutineInBrowser(t *testing.T) {
	browser := browsertest.Start(t)
	g := shippedGuide(t)
	root := serveStrict(t, buildPatientSite(t, "../content", nil), "/guide/")
	want := madeRoutine(t, g, madeSteps)

	ctx := tab(t, browser)
	do(t, ctx, chromedp.Navigate(root+"make/"))
	waitFor(t, ctx, `!document.querySelector("[data-maker]").hidden`, `"maker hidden"`, 5*time.Second)
	link := makeRoutine(t, ctx)
	checkMade(t, ctx, g, want)
	if !strings.Contains(link, "/guide/make/#r=v1;") {
		t.Fatalf("the share link is %s", link)
	}

	// The follow-along plays the routine made after the page loaded.
	startFollowAlong(t, ctx, want.Steps[0].Stretch.Title)

	for _, paper := range []chromedp.PaperSize{chromedp.PaperA4, chromedp.PaperLetter} {
		b := run(t, ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper)))
		if *printDir != "" {
			_ = os.WriteFile(filepath.Join(*printDir, fmt.Sprintf("make-%.1f.pdf", paper.Height)), b, 0o644)
		}
		checkMadePrint(t, g, pdftest.Read(t, b), want)
		if codes := pdftest.QRCodes(t, b); len(codes) != 1 || codes[0] != link {
			t.Errorf("printed QR codes %q, want one for %s", codes, link)
		}
	}

	stamp := eval[string](t, ctx, `document.querySelector("[data-out=stamp]").textContent`)

	// The patient opens the link in a browser that has never seen the page.
	fresh, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	fresh, cancelTime := context.WithTimeout(fresh, 60*time.Second)
	defer cancelTime()
	do(t, fresh, chromedp.Navigate(link))
	waitFor(t, fresh, `!document.querySelector("[data-out=handout]").hidden`, `document.body.innerText`, 5*time.Second)
	checkMade(t, fresh, g, want)
	// The same routine prints the same version, however the page came to show it.
	waitFor(t, fresh, `document.querySelector("[data-out=stamp]").textContent === `+jsString(stamp),
		`document.querySelector("[data-out=stamp]").textContent + " (the maker's: " + `+jsString(stamp)+` + ")"`, 5*time.Second)
	if open := eval[bool](t, fresh, `document.querySelector("[data-maker]").open`); open {
		t.Error("a shared routine opens with the maker's controls unfolded")
	}
	startFollowAlong(t, fresh, want.Steps[0].Stretch.Title)

	// Keep it on this device, then find it on the page without the link.
	pressUntil(t, fresh, `[data-act=keep]`, `(localStorage.getItem("stretchguide-routines") || "").includes("For the test")`,
		`document.querySelector("[data-out=said]").textContent`)
	do(t, fresh, chromedp.Navigate(root+"make/"))
	waitFor(t, fresh, `!document.querySelector("[data-kept]").hidden`, `"nothing kept"`, 5*time.Second)
	if got := eval[string](t, fresh, `document.querySelector("[data-out=kept] a").textContent`); got != "For the test" {
		t.Errorf("kept routine is named %q", got)
	}
	// The progress page lists it too, linked to the routine.
	do(t, fresh, chromedp.Navigate(root+"progress/"))
	waitFor(t, fresh, `!document.querySelector("[data-kept]").hidden`, `"no routines on the progress page"`, 5*time.Second)
	if got := eval[string](t, fresh, `[...document.querySelectorAll("[data-out=kept] a")].map(a => a.textContent + " " + a.href).join("|")`); got != "For the test "+link {
		t.Errorf("the progress page lists %q, want the kept routine linked to %s", got, link)
	}

	// A link from an older guide, naming a stretch this one no longer has.
	do(t, fresh, chromedp.Navigate(root+"make/#r=v1;Old;;gone-stretch:h30:s1,bridge:h40:s2"))
	waitFor(t, fresh, `!document.querySelector("[data-out=unknown]").hidden`, `"no notice"`, 5*time.Second)
	if got := eval[string](t, fresh, `document.querySelector("[data-out=unknown]").textContent`); !strings.Contains(got, "gone-stretch") || !strings.Contains(got, "left out") {
		t.Errorf("the notice about the removed stretch says %q", got)
	}
	if got := eval[string](t, fresh, `[...document.querySelectorAll("#steps .dose")].map(e => e.textContent).join("|")`); got != "Hold 40 seconds, 2 times" {
		t.Errorf("after the removed stretch the steps are %q, want the bridge with the link's dose", got)
	}
}

// TestMakeRoutinePrintsFourSteps prints a routine of four stretches, one of them
// with a long name and dose, from its link: on A4 and on Letter, page 1 holds the
// warning box and all four steps.
func TestMakeRoutinePrintsFourSteps(t *testing.T) {
	browser := browsertest.Start(t)
	g := shippedGuide(t)
	root := serveStrict(t, buildPatientSite(t, "../content", nil), "/guide/")
	steps := append(slices.Clone(madeSteps), madeStep{"kneeling-hip-flexor", guide.Dose{Hold: 45 * time.Second, Sets: 3, Sides: true}})
	want := madeRoutine(t, g, steps)
	ctx := tab(t, browser)
	do(t, ctx, chromedp.Navigate(root+"make/#r=v1;For+the+test;Twice+a+day%3B+go+gently.;bridge:r8:s2,cat-camel:h45:s3,knee-to-chest:h20:s1:b,kneeling-hip-flexor:h45:s3:b"))
	waitFor(t, ctx, `document.querySelectorAll("#steps .step").length === 4 && /Version/.test(document.querySelector("[data-out=stamp]").textContent)`, `document.body.innerText`, 5*time.Second)
	for _, paper := range []chromedp.PaperSize{chromedp.PaperA4, chromedp.PaperLetter} {
		b := run(t, ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper)))
		if *printDir != "" {
			_ = os.WriteFile(filepath.Join(*printDir, fmt.Sprintf("make4-%.1f.pdf", paper.Height)), b, 0o644)
		}
		checkMadePrint(t, g, pdftest.Read(t, b), want)
	}
}

// TestMakeRoutineDrag moves a step by dragging it onto another, as a mouse does.
func TestMakeRoutineDrag(t *testing.T) {
	browser := browsertest.Start(t)
	root := serveStrict(t, buildPatientSite(t, "../content", nil), "/guide/")
	ctx := tab(t, browser)
	do(t, ctx, chromedp.Navigate(root+"make/#r=v1;D;;bridge:h30:s1,cat-camel:h30:s1,open-book:h30:s1"))
	waitFor(t, ctx, `document.querySelectorAll(".maker-step").length === 3`, `"steps missing"`, 5*time.Second)
	eval[chromedp.Void](t, ctx, `(() => {
		const items = document.querySelectorAll(".maker-step"), dt = new DataTransfer();
		items[2].dispatchEvent(new DragEvent("dragstart", {bubbles: true, dataTransfer: dt}));
		items[0].dispatchEvent(new DragEvent("dragover", {bubbles: true, cancelable: true, dataTransfer: dt}));
		items[0].dispatchEvent(new DragEvent("drop", {bubbles: true, cancelable: true, dataTransfer: dt}));
	})()`)
	if got := eval[string](t, ctx, `[...document.querySelectorAll("#steps h2")].map(e => e.textContent).join("|")`); got != "Open book|Bridge|Cat-camel" {
		t.Errorf("after dragging the third step onto the first the steps are %q", got)
	}
	if got := eval[string](t, ctx, `location.hash`); !strings.HasSuffix(got, ";open-book:h30:s1,bridge:h30:s1,cat-camel:h30:s1") {
		t.Errorf("the address does not follow the new order: %s", got)
	}
}

// makeRoutine builds madeSteps on the page as a clinician would, with the search
// box, the filters, the dose fields and the Up and Down buttons, and returns the
// page's address: the share link.
func makeRoutine(t *testing.T, ctx context.Context) string {
	t.Helper()
	do(t, ctx, chromedp.SendKeys("#maker-q", "camel"))
	waitFor(t, ctx, `document.querySelector("#maker-q").value === "camel" && document.querySelectorAll(".maker-results li").length === 1`, `document.querySelector(".maker-found").textContent`, 5*time.Second)
	press(t, ctx, `[data-add="cat-camel"]`)
	clear(t, ctx, "#maker-q")
	choose(t, ctx, "#maker-position", "lying")
	press(t, ctx, `[data-add="knee-to-chest"]`)
	press(t, ctx, `[data-add="bridge"]`)
	if n := eval[int](t, ctx, `document.querySelectorAll(".maker-step").length`); n != 3 {
		t.Fatalf("%d steps after adding three: %s", n, eval[string](t, ctx, `location.hash`))
	}
	// The bridge goes first by keyboard: Up twice, the focus staying on Up.
	do(t, ctx, chromedp.Focus(`.maker-step[data-i="2"] [data-move="-1"]`), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Enter))
	if got := eval[string](t, ctx, `[...document.querySelectorAll(".maker-step h3")].map(h => h.textContent).join("|")`); !strings.HasPrefix(got, "Bridge|") {
		t.Errorf("after Up twice the order is %q, want the bridge first", got)
	}
	if got := eval[string](t, ctx, `document.activeElement.getAttribute("aria-label")`); !strings.HasSuffix(got, "Bridge") {
		t.Errorf("after moving, the focus is on %q, want a button of the bridge", got)
	}
	for i, m := range madeSteps {
		kind, n := "h", int(m.dose.Hold/time.Second)
		if m.dose.Reps > 0 {
			kind, n = "r", m.dose.Reps
		}
		li := fmt.Sprintf(`.maker-step[data-i="%d"]`, i)
		choose(t, ctx, li+` [data-f=kind]`, kind)
		setNumber(t, ctx, li+` [data-f=n]`, n)
		setNumber(t, ctx, li+` [data-f=sets]`, m.dose.Sets)
		if eval[bool](t, ctx, `document.querySelector('`+li+` [data-f=sides]').checked`) != m.dose.Sides {
			do(t, ctx, chromedp.Focus(li+` [data-f=sides]`), chromedp.KeyEvent(" "))
		}
	}
	clear(t, ctx, "#maker-title")
	do(t, ctx, chromedp.SendKeys("#maker-title", "For the test"), chromedp.SendKeys("#maker-note", "Twice a day; go gently."))
	return run(t, ctx, chromedp.Location())
}

// startFollowAlong starts the follow-along from the keyboard, waits for it to show
// the first stretch, first, and closes it.
func startFollowAlong(t *testing.T, ctx context.Context, first string) {
	t.Helper()
	waitFor(t, ctx, `!document.querySelector("[data-follow]").hidden`, `"the follow-along is hidden"`, 5*time.Second)
	press(t, ctx, `[data-follow] [data-act=start]`)
	waitFor(t, ctx, `document.querySelector("dialog.player").open`, `"closed"`, 5*time.Second)
	waitFor(t, ctx, `document.querySelector("dialog.player [data-out=title]").textContent === `+jsString(first),
		`document.querySelector("dialog.player [data-out=title]").textContent`, 5*time.Second)
	// While the modal player is open the rest of the page is inert, so a press meant
	// for the page would be lost: stop it and see it closed. The player may still be
	// moving the focus to its own first button as it opens; press again if so.
	for try := 0; ; try++ {
		press(t, ctx, `dialog.player [data-act=stop]`)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.querySelector("dialog.player").open`, chromedp.WithPollingTimeout(time.Second)))
		if err == nil {
			// Its close event, which comes after, gives the focus back to Start: wait
			// for it, or it could take the focus from the next button pressed.
			waitFor(t, ctx, `document.activeElement === document.querySelector("[data-follow] [data-act=start]")`,
				`document.activeElement.outerHTML`, 5*time.Second)
			return
		}
		if try == 4 {
			t.Fatal("the player does not close when Stop is pressed")
		}
	}
}

// pressUntil presses the button sel until cond holds, up to five times. Enter's
// click comes after the key event returns, and the player that just closed may
// still be giving the focus back to its Start button: an Enter that reached that
// button opened the player again and was lost for sel, which failed the test now
// and then. A press that started the player stops it before the next try.
func pressUntil(t *testing.T, ctx context.Context, sel, cond, show string) {
	t.Helper()
	for try := 0; ; try++ {
		press(t, ctx, sel)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Second)))
		if err == nil {
			return
		}
		if try == 4 {
			t.Fatalf("pressing %s: %s never held (now %s)", sel, cond, eval[string](t, ctx, show))
		}
		if eval[bool](t, ctx, `document.querySelector("dialog.player").open`) {
			press(t, ctx, `dialog.player [data-act=stop]`)
			waitFor(t, ctx, `!document.querySelector("dialog.player").open`, `"open"`, 5*time.Second)
		}
	}
}

// press focuses a button and presses Enter on it, as a keyboard user does.
func press(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	do(t, ctx, chromedp.Focus(sel), chromedp.KeyEvent(kb.Enter))
}

// setNumber types n into a number field, as a person does: select all, type.
func setNumber(t *testing.T, ctx context.Context, sel string, n int) {
	t.Helper()
	do(t, ctx, chromedp.Focus(sel), chromedp.Evaluate[chromedp.Void](`document.activeElement.select()`), chromedp.SendKeys(sel, fmt.Sprint(n)))
}

// checkMade compares the page's routine with r: the steps and their doses in order,
// the total as guide.Routine.Total words it, and the warning signs that apply.
func checkMade(t *testing.T, ctx context.Context, g *guide.Guide, r *guide.Routine) {
	t.Helper()
	var titles, doses []string
	flags := map[string]bool{}
	for _, s := range r.Steps {
		titles, doses = append(titles, s.Stretch.Title), append(doses, s.Dose.String())
		for _, f := range s.Stretch.Flags {
			flags[f.ID] = true
		}
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll("#steps h2")].map(e => e.textContent).join("|")`); got != strings.Join(titles, "|") {
		t.Errorf("steps %q, want %q", got, strings.Join(titles, "|"))
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll("#steps .dose")].map(e => e.textContent).join("|")`); got != strings.Join(doses, "|") {
		t.Errorf("doses %q, want %q", got, strings.Join(doses, "|"))
	}
	total := eval[string](t, ctx, `(e => e.textContent + " " + e.getAttribute("datetime"))(document.querySelector("[data-out=total]"))`)
	if want := guide.Words(r.Total()) + " " + guide.ISO8601(r.Total()); total != want {
		t.Errorf("total %q, want %q", total, want)
	}
	var signs []string
	for _, f := range g.Flags {
		if f.Urgency == guide.Emergency || flags[f.ID] {
			signs = append(signs, f.Urgency.Label()+": "+f.Title)
		}
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll("#warning-signs .flags > li:not([hidden])")].map(e => e.querySelector("strong").textContent + " " + e.querySelector("a").textContent).join("|")`); got != strings.Join(signs, "|") {
		t.Errorf("warning signs %q, want %q", got, strings.Join(signs, "|"))
	}
}

// madeStampRE matches the version line a routine page of r's steps prints
// (pdf.Stamp), with any hash, as the maker hashes the text it prints itself.
func madeStampRE(g *guide.Guide, r *guide.Routine) *regexp.Regexp {
	re := `\bVersion [0-9a-f]{8}`
	if _, when, ok := strings.Cut(pdf.Stamp(g, r, english), " · "); ok {
		re += " · " + regexp.QuoteMeta(when)
	}
	return regexp.MustCompile(re)
}

// checkMadePrint checks the printed routine: two pages at most; page 1 holds the
// warning box and every step whole, each with its dose and tick boxes, as a routine
// page of up to four steps prints; a version stamp; none of the maker's controls.
func checkMadePrint(t *testing.T, g *guide.Guide, d pdftest.Doc, r *guide.Routine) {
	t.Helper()
	if len(d.Pages) > 2 {
		t.Errorf("the routine prints on %d pages", len(d.Pages))
	}
	one := d.Pages[0].Text
	if !strings.Contains(one, "Stop and get help if…") {
		t.Error("page 1 lacks the warning box")
	}
	for _, s := range r.Steps {
		i := strings.Index(one, s.Stretch.Title)
		j := strings.Index(one[max(i, 0):], s.Dose.String())
		if i < 0 || j < 0 || !strings.Contains(one[i+j:], ticksText) {
			t.Errorf("%s is not whole on page 1 with %q and its tick boxes", s.Stretch.Title, s.Dose)
		}
	}
	text := d.Text()
	for _, s := range []string{"For the test", "Twice a day; go gently."} {
		if !strings.Contains(text, s) {
			t.Errorf("the print lacks %q", s)
		}
	}
	if re := madeStampRE(g, r); !re.MatchString(text) {
		t.Errorf("the print has no version stamp like %s", re)
	}
	// Each step's review as a routine page prints it: the reviewer, or the notice.
	unreviewed := 0
	for _, s := range r.Steps {
		if !s.Stretch.ClinicallyReviewed() {
			unreviewed++
		} else if !strings.Contains(text, "by "+s.Stretch.Reviewer) {
			t.Errorf("the print does not name %s's reviewer", s.Stretch.Title)
		}
	}
	if n := strings.Count(text, unreviewedText); n != unreviewed {
		t.Errorf("the print says %q %d times, want %d (once for each step without a reviewer)", unreviewedText, n, unreviewed)
	}
	for _, s := range []string{"Pick stretches", "Nothing leaves this device", "Copy link", "Skip to main content"} {
		if strings.Contains(text, s) {
			t.Errorf("the print shows %q", s)
		}
	}
	if bad := d.Outside(8 * 72 / 25.4); len(bad) > 0 {
		t.Errorf("words closer than 8 mm to the edge: %v", bad)
	}
}

// TestQREncoderScans draws codes with qr.js for payloads from 1 to 250 bytes
// (versions 1 to 10, levels M and L) and reads each with zbarimg.
func TestQREncoderScans(t *testing.T) {
	if _, err := exec.LookPath("zbarimg"); err != nil {
		t.Skip("SKIPPED: reading QR codes needs zbarimg (apt-get install zbar-tools)")
	}
	browser := browsertest.Start(t)
	root := serveStrict(t, buildPatientSite(t, "testdata/site", nil), "/")
	ctx := tab(t, browser)
	do(t, ctx, chromedp.Navigate(root+"make/"))
	waitFor(t, ctx, `!!window.stretchQR`, `"no stretchQR"`, 5*time.Second)
	base := "https://example.org/guide/make/#r=v1;Knees+first;Twice+a+day;"
	payloads := []string{"A", "https://x.org/", "Ünïcödé ✓ stretch", base}
	for _, n := range []int{80, 120, 160, 200, 250} {
		payloads = append(payloads, base+strings.Repeat("bridge:h30:s2:b,", n)[:n-len(base)])
	}
	sizes := map[int]bool{}
	for _, p := range payloads {
		var m [][]bool
		m = eval[[][]bool](t, ctx, `stretchQR.matrix(`+jsString(p)+`)`)
		if len(m) == 0 {
			t.Errorf("no code for %d bytes", len(p))
			continue
		}
		sizes[len(m)] = true
		if got := zbar(t, m); got != p {
			t.Errorf("%d bytes (%d modules): zbarimg reads %q, want %q", len(p), len(m), got, p)
		}
	}
	if len(sizes) < 5 {
		t.Errorf("only %d code sizes were tried", len(sizes))
	}
	if eval[bool](t, ctx, `stretchQR.matrix("x".repeat(300)) !== null`) {
		t.Error("300 bytes should be too long for version 10")
	}
}

// zbar writes the modules as a PNG, four pixels a module with a quiet border, and
// reads it with zbarimg.
func zbar(t *testing.T, m [][]bool) string {
	t.Helper()
	const px, quiet = 4, 4
	side := (len(m) + 2*quiet) * px
	img := image.NewGray(image.Rect(0, 0, side, side))
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			my, mx := y/px-quiet, x/px-quiet
			c := color.Gray{255}
			if my >= 0 && mx >= 0 && my < len(m) && mx < len(m) && m[my][mx] {
				c = color.Gray{0}
			}
			img.SetGray(x, y, c)
		}
	}
	file := filepath.Join(t.TempDir(), "qr.png")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, _ := exec.Command("zbarimg", "-q", "--raw", file).Output()
	return strings.TrimSuffix(string(out), "\n")
}
