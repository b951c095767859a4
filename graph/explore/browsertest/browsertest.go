// Package browsertest runs a real headless Chromium for tests, driven
// through the DevTools protocol with chromedp.
//
//	b := browsertest.New(t) // skips, or fails under KG_REQUIRE_BROWSER=1, without Chromium
//	err := chromedp.Run(b.Ctx, chromedp.Navigate(url), ...)
//	b.CheckErrors(t)        // no uncaught JavaScript exception, no console error
//
// Chromium is $KG_CHROMIUM, else chromium, chromium-browser or
// google-chrome on PATH (Debian: apt-get install chromium). Each browser
// has a new profile in a temporary directory, and runs without its
// background services (updates, sync, safe browsing lists), which would
// otherwise reach the network.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Timeout bounds a test's browser: every chromedp.Run on Ctx fails after
// it.
const Timeout = 3 * time.Minute

// Binary returns the path of Chromium, or "" when there is none.
func Binary() string {
	if p := os.Getenv("KG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Required reports whether tests must fail, not skip, without Chromium:
// KG_REQUIRE_BROWSER=1.
func Required() bool { return os.Getenv("KG_REQUIRE_BROWSER") == "1" }

// Browser is a headless Chromium with one tab.
type Browser struct {
	// Ctx is the tab's context, for chromedp.Run.
	Ctx context.Context

	mu     sync.Mutex
	errors []string
}

// Options change how New starts Chromium.
type Options struct {
	// Width and Height are the window's size in CSS pixels (1600 by 1000
	// when zero).
	Width, Height int
	// Offline sends every connection to a closed port on loopback (a
	// proxy that is not there), so that a page that reaches for the
	// network fails instead.
	Offline bool
}

// New starts Chromium for t and returns its first tab; the browser is
// closed when t ends. Without Chromium, t is skipped with a message
// saying how to install it, or fails when Required.
func New(t testing.TB, opts Options) *Browser {
	t.Helper()
	bin := Binary()
	if bin == "" {
		msg := "no Chromium (install Debian's chromium: apt-get install chromium, or set KG_CHROMIUM)"
		if Required() {
			t.Fatalf("%s, and KG_REQUIRE_BROWSER=1", msg)
		}
		t.Skip(msg)
	}
	w, h := opts.Width, opts.Height
	if w == 0 {
		w, h = 1600, 1000
	}
	flags := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(w, h),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("hide-scrollbars", true),
	}
	if opts.Offline {
		flags = append(flags, chromedp.ProxyServer("http://127.0.0.1:9"), chromedp.Flag("proxy-bypass-list", "<-loopback>"))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), flags...)
	tctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(tctx, Timeout)
	stop := func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	}
	b := &Browser{Ctx: ctx}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		t.Fatalf("start Chromium (%s): %v", bin, err)
	}
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				b.add(m.String() + " (" + m.URL + ")")
			}
		}
	}()
	t.Cleanup(func() {
		stop()
		<-done
	})
	return b
}

func (b *Browser) add(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.errors = append(b.errors, s)
}

// Errors returns the uncaught exceptions and console errors seen so far.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// CheckErrors fails t for each uncaught exception or console error seen.
func (b *Browser) CheckErrors(t testing.TB) {
	t.Helper()
	for _, e := range b.Errors() {
		t.Errorf("browser: %s", e)
	}
}
