package explore_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kgraph/kg/graph/explore/browsertest"
)

var screenshots = flag.String("screenshots", "", "write screenshots of the explorer on the dev corpus to `DIR` (docs/ for the README)")

// page is the explorer open in a headless Chromium.
type page struct {
	t testing.TB
	b *browsertest.Browser
}

// openPage starts Chromium and opens url.
func openPage(t testing.TB, url string, opts browsertest.Options) *page {
	t.Helper()
	p := &page{t: t, b: browsertest.New(t, opts)}
	if opts.Width > 0 {
		p.do(chromedp.EmulateViewport(int64(opts.Width), int64(opts.Height)))
	}
	p.do(chromedp.Navigate(url))
	p.idle()
	return p
}

func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.b.Ctx, actions...); err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

// idle waits until the page has nothing pending (requests, layouts).
func (p *page) idle() {
	p.t.Helper()
	for i := 0; i < 2; i++ { // twice: a finished request may start a layout
		_, err := chromedp.Run(p.b.Ctx, chromedp.Poll[bool](`!!window.kgExplorer && document.body.getAttribute("data-busy") === "0"`,
			chromedp.WithPollingTimeout(time.Minute), chromedp.WithPollingInterval(50*time.Millisecond)))
		if err != nil {
			p.t.Fatalf("waiting for the page: %v (browser errors: %q)", err, p.b.Errors())
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// eval evaluates expr in the page and decodes its value into v.
func (p *page) eval(expr string, v any) {
	p.t.Helper()
	raw, err := chromedp.Run(p.b.Ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	if v != nil {
		if err := json.Unmarshal(raw, v); err != nil {
			p.t.Fatalf("evaluate %s: %v (%s)", expr, err, raw)
		}
	}
}

// waitFor waits until the JavaScript expression is true.
func (p *page) waitFor(expr string) {
	p.t.Helper()
	_, err := chromedp.Run(p.b.Ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(time.Minute), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		p.t.Fatalf("waiting for %s: %v (browser errors: %q)", expr, err, p.b.Errors())
	}
	p.idle()
}

// clickAt clicks the graph's canvas where the JavaScript expression,
// which gets cy, puts it: [x, y] in the canvas's rendered coordinates.
func (p *page) clickAt(expr string) {
	p.t.Helper()
	var xy []float64
	p.eval(`(function () { var cy = kgExplorer.cy, r = document.getElementById("cy").getBoundingClientRect(); var q = `+expr+`; return [r.left + q.x, r.top + q.y]; })()`, &xy)
	if len(xy) != 2 {
		p.t.Fatalf("no position for %s", expr)
	}
	p.do(chromedp.MouseClickXY(xy[0], xy[1]))
	p.idle()
}

// clickNode clicks the entity with the given ID on the canvas.
func (p *page) clickNode(id string) {
	p.t.Helper()
	p.show(id)
	p.clickAt(fmt.Sprintf(`cy.getElementById(%q).renderedPosition()`, id))
}

// clickEdge clicks the middle of the line with the given ID.
func (p *page) clickEdge(id string) {
	p.t.Helper()
	p.show(id)
	p.clickAt(fmt.Sprintf(`cy.getElementById(%q).renderedMidpoint()`, id))
}

// show centres the element on the canvas, so that nothing covers it.
func (p *page) show(id string) {
	p.t.Helper()
	p.eval(fmt.Sprintf(`(function () { var e = kgExplorer.cy.getElementById(%q); if (e.empty()) return false; kgExplorer.cy.center(e); return true; })()`, id), nil)
	time.Sleep(100 * time.Millisecond)
}

func (p *page) screenshot(name string) {
	p.t.Helper()
	if *screenshots == "" {
		return
	}
	buf, err := chromedp.Run(p.b.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*screenshots, name), buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// TestScreenshots writes the screenshots of the README with
// -screenshots DIR: the explorer on the dev corpus.
//
//	go test ./graph/explore -run TestScreenshots -screenshots ../../docs
func TestScreenshots(t *testing.T) {
	if *screenshots == "" {
		t.Skip("no -screenshots DIR")
	}
	g := devGraph(t)
	ts := serve(t, memSource(g))
	p := openPage(t, ts.URL+"/", browsertest.Options{Width: 1600, Height: 1000})
	p.do(chromedp.SendKeys(chromedp.ID("q"), "Peskov\n"))
	p.waitFor(`kgExplorer.cy.nodes().length > 2`)
	p.screenshot("explorer-search.png")

	// Expand the neighbour with the most neighbours, then read the
	// evidence of a line.
	var next string
	p.eval(`kgExplorer.cy.nodes().filter(n => !n.hasClass("seed") && !n.hasClass("more")).sort((a, b) => b.data("mentions") - a.data("mentions"))[0].id()`, &next)
	p.clickNode(next)
	var edge string
	p.eval(`kgExplorer.cy.edges().filter(e => !e.hasClass("more") && e.data("source") === `+fmt.Sprintf("%q", next)+` && e.data("type") !== "HOLDS_ROLE").sort((a, b) => b.data("count") - a.data("count"))[0].id()`, &edge)
	p.do(chromedp.Evaluate[chromedp.Void](`void kgExplorer.cy.fit(undefined, 40)`))
	p.clickEdge(edge)
	p.do(chromedp.Evaluate[chromedp.Void](`void kgExplorer.cy.fit(undefined, 40)`))
	p.waitFor(`document.querySelectorAll("#panel .rel").length > 0`)
	p.screenshot("explorer.png")

	// A hundred entities around two hubs.
	p.do(chromedp.Navigate(ts.URL + "/#seed=Russia,United%20States&hops=2"))
	p.idle()
	p.screenshot("explorer-hubs.png")
	var dbg any
	p.eval(`(function(){var e=kgExplorer.cy.edges()[3]; return [kgExplorer.cy.zoom(), e.pstyle("font-size").strValue, e.pstyle("min-zoomed-font-size").strValue, e.classes()]})()`, &dbg)
	fmt.Fprintln(os.Stderr, dbg)
	fmt.Fprintln(os.Stderr, strings.Join(p.b.Errors(), "\n"))
}
