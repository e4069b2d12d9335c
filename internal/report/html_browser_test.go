package report_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/gapmap/gapmap/internal/report"
)

// browserTools finds headless Chromium and poppler's pdfinfo, pdftotext and
// pdftoppm (scripts/install-test-tools.sh installs them from Debian).
// Without them the test is skipped, except under CI.
func browserTools(t *testing.T) string {
	t.Helper()
	var chromium string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	_, pdfErr := exec.LookPath("pdfinfo")
	if chromium != "" && pdfErr == nil {
		return chromium
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium or poppler-utils is missing; run scripts/install-test-tools.sh")
	}
	t.Skip("chromium or poppler-utils is missing; run scripts/install-test-tools.sh")
	return ""
}

// browserLog is what the page did that it must not: console output at
// error level, and requests for anything but the document itself.
type browserLog struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (l *browserLog) listen(doc string) func(ev any) {
	return func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				l.errors = append(l.errors, fmt.Sprintf("console.%s", ev.Type))
			}
		case *runtime.EventExceptionThrown:
			l.errors = append(l.errors, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				l.errors = append(l.errors, string(ev.Entry.Source)+": "+ev.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			if ev.Request.URL != doc {
				l.requests = append(l.requests, ev.Request.URL)
			}
		}
	}
}

// TestHTMLInBrowser loads the report in headless Chromium with the network
// off, takes a 1280×800 screenshot, prints it to PDF on A4 and Letter, and
// checks: no console errors, no requests, a sane page count with no blank
// page, the summary on the first page, and hostile text shown as text.
func TestHTMLInBrowser(t *testing.T) {
	chromium := browserTools(t)
	if testing.Short() {
		t.Skip("starts a browser")
	}
	dir := t.TempDir()
	qn := testQuestionnaire(t)
	in := report.NewInput(qn, loadFixture(t, qn, "seriesb"), generated)
	in.Brand = report.Brand{PreparedBy: "Northwind Advisory", Draft: true}
	page := writeFile(t, dir, "report.html", render(t, in, writeHTML))
	hostileIn, _ := withText(t, func(i int) string { return hostile[i%len(hostile)] })
	hostilePage := writeFile(t, dir, "hostile.html", render(t, hostileIn, writeHTML))

	b := startBrowser(t, chromium, dir, fileURL(page))
	shot := b.screenshot(t, page)
	for _, paper := range []struct {
		name string
		size chromedp.PaperSize
	}{{"A4", chromedp.PaperA4}, {"Letter", chromedp.PaperLetter}} {
		path := b.printPDF(t, dir, paper.name, paper.size)
		checkPDF(t, paper.name, path, 6, 24)
		if first := pdfPageText(t, path, 1); !strings.Contains(first, "Summary") || !strings.Contains(first, "Readiness") {
			t.Errorf("%s: the summary does not start on the first page:\n%s", paper.name, first)
		}
	}
	if len(shot) == 0 {
		t.Error("empty screenshot")
	}
	checkColorSchemes(t, b.ctx)
	b.log.mu.Lock()
	if len(b.log.errors) > 0 || len(b.log.requests) > 0 {
		t.Errorf("console errors %q, requests %q", b.log.errors, b.log.requests)
	}
	b.log.mu.Unlock()

	checkHostileInBrowser(t, b.ctx, hostilePage)
}

// TestHTMLScreenshot is make screenshot's: it saves a 1280×800 picture of
// the page GAPMAP_SCREENSHOT_PAGE names and of its first printed A4 page in
// GAPMAP_SCREENSHOT_DIR, as report-html.png and report-print.png.
func TestHTMLScreenshot(t *testing.T) {
	page, out := os.Getenv("GAPMAP_SCREENSHOT_PAGE"), os.Getenv("GAPMAP_SCREENSHOT_DIR")
	if page == "" || out == "" {
		t.Skip("for make screenshot: set GAPMAP_SCREENSHOT_PAGE and GAPMAP_SCREENSHOT_DIR")
	}
	chromium := browserTools(t)
	dir := t.TempDir()
	b := startBrowser(t, chromium, dir, fileURL(page))
	if err := os.WriteFile(filepath.Join(out, "report-html.png"), b.screenshot(t, page), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := b.printPDF(t, dir, "A4", chromedp.PaperA4)
	prefix := filepath.Join(out, "report-print")
	if msg, err := exec.Command("pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
}

// browser is a headless Chromium tab with the network off and a log of
// what the page did.
type browser struct {
	ctx context.Context
	log *browserLog
}

// startBrowser starts Chromium for a test, logging what the page at doc
// does. It stops when the test ends.
func startBrowser(t *testing.T, chromium, dir, doc string) browser {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("proxy-server", "127.0.0.1:9"))...)
	logs := &browserLog{}
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(logs.listen(doc)))
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx, offline()); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	step, cancelStep := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelStep)
	return browser{ctx: step, log: logs}
}

// screenshot loads a page at 1280×800 and takes a picture of the viewport.
func (b browser) screenshot(t *testing.T, page string) []byte {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(fileURL(page))); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	return shot
}

// printPDF prints the loaded page on paper of a size, as "Save as PDF" does
// with backgrounds on, and returns the file's path.
func (b browser) printPDF(t *testing.T, dir, name string, size chromedp.PaperSize) string {
	t.Helper()
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(size), chromedp.PDFPrintBackground()))
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name+".pdf", pdf)
}

// checkColorSchemes reads the page's background in the light and the dark
// colour scheme: they must differ, and light must be white.
func checkColorSchemes(t *testing.T, ctx context.Context) {
	t.Helper()
	background := func(scheme string) string {
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
		bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.documentElement).backgroundColor`))
		if err != nil {
			t.Fatal(err)
		}
		return bg
	}
	light, dark := background("light"), background("dark")
	if light != "rgb(255, 255, 255)" || dark == light {
		t.Errorf("backgrounds: light %s, dark %s", light, dark)
	}
	background("light")
}

// offline turns the network off for the tab: no request could leave even if
// the page made one.
func offline() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		})
		return err
	})
}

func checkHostileInBrowser(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	type facts struct {
		Scripts, Handlers, Images int
		Shown                     []bool
	}
	wanted := []string{"<script>alert(1)</script><img src=x onerror=alert(2)>", "<!-- comment --> <div>block</div>", "**bold** _em_ `code`"}
	js := fmt.Sprintf(`(() => {
		const text = document.body.innerText;
		return {
			scripts: document.scripts.length,
			handlers: [...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length,
			images: document.images.length,
			shown: %s.map(s => text.includes(s)),
		};
	})()`, jsStrings(wanted))
	if err := chromedp.Do(ctx, chromedp.Navigate(fileURL(page))); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[facts](js))
	if err != nil {
		t.Fatal(err)
	}
	if got.Scripts != 0 || got.Handlers != 0 || got.Images != 0 {
		t.Errorf("hostile text made elements: %+v", got)
	}
	for i, shown := range got.Shown {
		if !shown {
			t.Errorf("hostile text %q is not shown as text", wanted[i])
		}
	}
}

func jsStrings(ss []string) string {
	quoted := make([]string, len(ss))
	for i, s := range ss {
		quoted[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(quoted, ",") + "]"
}

// checkPDF checks the page count is within bounds and every page has text.
func checkPDF(t *testing.T, name, path string, least, most int) {
	t.Helper()
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("%s: pdfinfo: %v", name, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("%s: pdfinfo gave no page count:\n%s", name, info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	t.Logf("%s: %d pages", name, pages)
	if pages < least || pages > most {
		t.Errorf("%s: %d pages, want %d to %d", name, pages, least, most)
	}
	for p := 1; p <= pages; p++ {
		if len(strings.TrimSpace(strings.ReplaceAll(pdfPageText(t, path, p), "DRAFT", ""))) == 0 {
			t.Errorf("%s: page %d of %d is blank", name, p, pages)
		}
	}
}

func pdfPageText(t *testing.T, path string, page int) string {
	t.Helper()
	text, err := exec.Command("pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: path}).String()
}
