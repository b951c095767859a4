package explore_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore"
	"github.com/kgraph/kg/graph/explore/browsertest"
	"github.com/kgraph/kg/graph/explore/web"
	"github.com/kgraph/kg/graph/export"
	"github.com/kgraph/kg/schema"
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

// clickEdge clicks the line with the given ID, at its middle, or when
// another line crosses it there, at another point of it, and waits for
// the panel to show it.
func (p *page) clickEdge(id string) {
	p.t.Helper()
	p.show(id)
	var tried []string
	for _, at := range []float64{0.5, 0.35, 0.65, 0.25, 0.75} {
		// A point of the line: the middle, or between the middle and an end.
		p.clickAt(fmt.Sprintf(`(function (e, t) { var m = e.renderedMidpoint(), end = t < 0.5 ? e.renderedSourceEndpoint() : e.renderedTargetEndpoint(), k = Math.abs(0.5 - t) * 2;
			return {x: m.x + (end.x - m.x) * k, y: m.y + (end.y - m.y) * k}; })(cy.getElementById(%q), %v)`, id, at))
		var sel string
		p.eval(`kgExplorer.state().sel`, &sel)
		if sel == id {
			p.waitFor(fmt.Sprintf(`document.getElementById("panel-body").getAttribute("data-shows") === %q`, "edge "+id))
			return
		}
		tried = append(tried, sel)
	}
	if buf, err := chromedp.Run(p.b.Ctx, chromedp.CaptureScreenshot()); err == nil {
		path := filepath.Join(os.TempDir(), "kg-explore-click.png")
		os.WriteFile(path, buf, 0o644)
		p.t.Logf("the page: %s", path)
	}
	p.t.Fatalf("could not click the line %s: others cover it (the clicks selected %q)", id, tried)
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
	ts := serve(t, g.m)
	p := openPage(t, ts.URL+"/", browsertest.Options{Width: 1600, Height: 1000})
	p.do(chromedp.SendKeys(chromedp.ID("q"), "Peskov\n"))
	p.waitFor(`kgExplorer.cy.nodes().length > 2`)

	// Expand the neighbour with the most mentions, then read the
	// evidence of its busiest line.
	var next string
	p.eval(`kgExplorer.cy.nodes().filter(n => !n.hasClass("seed") && !n.hasClass("more")).sort((a, b) => b.data("mentions") - a.data("mentions"))[0].id()`, &next)
	p.clickNode(next)
	var edge string
	p.eval(`kgExplorer.cy.edges().filter(e => !e.hasClass("more") && e.data("source") === `+fmt.Sprintf("%q", next)+` && e.data("type") !== "HOLDS_ROLE").sort((a, b) => b.data("count") - a.data("count"))[0].id()`, &edge)
	p.do(chromedp.Evaluate[chromedp.Void](`void kgExplorer.cy.fit(undefined, 40)`))
	p.clickEdge(edge)
	p.do(chromedp.Evaluate[chromedp.Void](`void kgExplorer.cy.fit(undefined, 40)`))
	p.screenshot("explorer.png")

	// A hundred entities around two hubs.
	p.do(chromedp.Navigate(ts.URL + "/#seed=Russia,United%20States&hops=2"))
	p.idle()
	p.screenshot("explorer-hubs.png")

	// The filters: accusations, criticism and warnings around Russia,
	// two relations away, with an entity's panel.
	russia := one(t, g, "Russia")
	p.do(chromedp.Navigate(ts.URL + "/#seed=" + russia.ID + "&hops=2&types=ACCUSES,CRITICIZES,WARNS&sel=" + russia.ID))
	p.idle()
	p.do(chromedp.Click(chromedp.ID("toggle-filters")))
	p.idle()
	p.do(chromedp.Evaluate[chromedp.Void](`void kgExplorer.cy.fit(undefined, 40)`))
	p.idle()
	p.screenshot("explorer-filters.png")
	p.b.CheckErrors(t)
}

// text returns the text of the elements a CSS selector finds.
func (p *page) text(sel string) []string {
	p.t.Helper()
	var out []string
	p.eval(fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).map(e => e.textContent)`, sel), &out)
	return out
}

// visible returns the IDs of the entities on the canvas.
func (p *page) visible() []string {
	p.t.Helper()
	var ids []string
	p.eval(`kgExplorer.cy.nodes().filter(n => !n.hasClass("more")).map(n => n.id()).sort()`, &ids)
	return ids
}

// exploreSteps is the analyst's walk that the browser tests take over a
// store holding the dev corpus: search Peskov, expand a neighbour, filter
// to ACCUSES, click a line and read its evidence, reload the page from its
// URL.
func exploreSteps(t *testing.T, r explore.Reader) {
	g := devGraph(t)
	peskov := one(t, g, "Peskov")
	ts := serve(t, r)
	p := openPage(t, ts.URL+"/", browsertest.Options{Width: 1400, Height: 900})

	// Search: one entity matches, its view opens with it selected.
	p.do(chromedp.SendKeys(chromedp.ID("q"), "Peskov\n"))
	p.waitFor(fmt.Sprintf(`kgExplorer.cy.getElementById(%q).hasClass("seed") && kgExplorer.cy.nodes().length > 1`, peskov.ID))
	p.waitFor(`document.querySelector("#panel h2") && document.querySelector("#panel h2").textContent === "Dmitry Peskov"`)
	before := p.visible()
	for _, nb := range g.Neighbours(peskov.ID, graph.Filter{}, 0, 0).List {
		if !slices.Contains(before, nb.Entity.ID) {
			t.Errorf("the view of Peskov lacks its neighbour %s", nb.Entity.Name)
		}
	}

	// Expand the neighbour that has accusations (a click on the canvas).
	accuses := graph.Filter{Types: []schema.RelationType{schema.Accuses}}
	var next schema.Entity
	for _, nb := range g.Neighbours(peskov.ID, graph.Filter{}, 0, 0).List {
		if g.Neighbours(nb.Entity.ID, accuses, 0, 0).Total > 0 {
			next = nb.Entity
			break
		}
	}
	if next.ID == "" {
		t.Fatalf("no neighbour of Peskov has ACCUSES relations in the dev corpus")
	}
	p.clickNode(next.ID)
	p.waitFor(fmt.Sprintf(`kgExplorer.cy.getElementById(%q).data("pages") === 1`, next.ID))
	after := p.visible()
	for _, nb := range g.Neighbours(next.ID, graph.Filter{}, 0, explore.DefaultLimit).List {
		if !slices.Contains(after, nb.Entity.ID) {
			t.Errorf("expanding %s did not show its neighbour %s", next.Name, nb.Entity.Name)
		}
	}
	if !strings.Contains(strings.Join(p.text("#panel h2"), ""), next.Name) {
		t.Errorf("the panel shows %q, want %s", p.text("#panel h2"), next.Name)
	}

	// A double click collapses it: its neighbours that came with it go;
	// a click expands it again.
	time.Sleep(time.Second)
	p.show(next.ID)
	var xy []float64
	p.eval(fmt.Sprintf(`(function () { var r = document.getElementById("cy").getBoundingClientRect(), q = kgExplorer.cy.getElementById(%q).renderedPosition(); return [r.left + q.x, r.top + q.y]; })()`, next.ID), &xy)
	p.do(chromedp.MouseClickXY(xy[0], xy[1]), chromedp.MouseClickXY(xy[0], xy[1], chromedp.ClickCount(2)))
	p.waitFor(fmt.Sprintf(`!(kgExplorer.cy.getElementById(%q).data("pages") > 0)`, next.ID))
	if got := p.visible(); !slices.Equal(got, before) {
		t.Errorf("after collapsing %s the view has %d entities, before expanding it %d", next.Name, len(got), len(before))
	}
	p.clickNode(next.ID)
	p.waitFor(fmt.Sprintf(`kgExplorer.cy.getElementById(%q).data("pages") === 1`, next.ID))
	if got := p.visible(); !slices.Equal(got, after) {
		t.Errorf("expanded again, %s brings %d entities, first %d", next.Name, len(got), len(after))
	}

	// Filter to ACCUSES: uncheck every type, check ACCUSES.
	p.do(chromedp.Click(chromedp.ID("toggle-filters")), chromedp.Click(chromedp.ID("types-none")), chromedp.Click(chromedp.ID("type-ACCUSES")))
	p.waitFor(`kgExplorer.cy.edges().filter(e => !e.hasClass("more")).length > 0 && kgExplorer.cy.edges().filter(e => !e.hasClass("more")).every(e => e.data("type") === "ACCUSES")`)
	var hash string
	p.eval(`location.hash`, &hash)
	for _, want := range []string{"seed=" + peskov.ID, "types=ACCUSES", "expand=" + next.ID} {
		if !strings.Contains(hash, want) {
			t.Errorf("URL %s lacks %s", hash, want)
		}
	}
	if ids := p.visible(); !slices.Contains(ids, peskov.ID) || !slices.Contains(ids, next.ID) {
		t.Errorf("filtered view lost the seed or the expanded entity: %q", ids)
	}

	// Click a line and read every relation it stands for.
	var edge struct{ ID, Source, Target, Type string }
	p.eval(`(function () { var e = kgExplorer.cy.edges().filter(e => !e.hasClass("more")).sort((a, b) => b.data("count") - a.data("count"))[0];
		return {id: e.id(), source: e.data("source"), target: e.data("target"), type: e.data("type")}; })()`, &edge)
	p.clickEdge(edge.ID)
	var rels relationsAnswer
	getJSON(t, ts, "/api/relations"+q("a", edge.Source, "b", edge.Target, "types", "ACCUSES"), &rels)
	var want []string
	for _, r := range rels.Relations {
		if r.Subject.ID == edge.Source && r.Object.ID == edge.Target {
			want = append(want, r.Evidence)
		}
	}
	if got := p.text("#panel .rel blockquote"); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("evidence shown for the line %s:\n%q\nwant\n%q", edge.ID, got, want)
	}
	marks := p.text("#panel .rel mark")
	if len(marks) == 0 {
		t.Errorf("no entity highlighted in the evidence")
	}
	sources := strings.Join(p.text("#panel .rel .src"), "\n")
	for _, r := range rels.Relations {
		if r.Subject.ID == edge.Source && (!strings.Contains(sources, r.Article.Title) || !strings.Contains(sources, r.Article.Source)) {
			t.Errorf("the panel does not name the article %q (%s):\n%s", r.Article.Title, r.Article.Source, sources)
		}
	}
	kinds := strings.Join(p.text("#panel .rel .datekind"), " ")
	if !strings.Contains(kinds, "event date") && !strings.Contains(kinds, "article date") {
		t.Errorf("the panel does not say which date it shows: %q", kinds)
	}

	// The URL gives the same view again.
	shown := p.visible()
	p.do(chromedp.Reload())
	p.idle()
	p.waitFor(`kgExplorer.cy.nodes().length > 0`)
	if again := p.visible(); !slices.Equal(again, shown) {
		t.Errorf("after a reload, the view has %q, before %q", again, shown)
	}
	p.b.CheckErrors(t)
}

// TestBrowserExplore takes the analyst's walk in Chromium over the graph
// file of the dev corpus.
func TestBrowserExplore(t *testing.T) {
	exploreSteps(t, devGraph(t).m)
}

// TestNeo4jBrowserExplore takes the analyst's walk in Chromium over the
// dev corpus in Neo4j.
func TestNeo4jBrowserExplore(t *testing.T) {
	exploreSteps(t, devNeo4j(t))
}

// hostile is a graph whose names, evidence, titles and sources hold
// markup that would run if it were inserted as HTML.
func hostile() *graph.Graph {
	evil := `<script>window.kgPwned=1</script>Evil Person`
	img := `<img src=x onerror="window.kgPwned=2">Img Org`
	return &graph.Graph{
		Articles: []schema.Article{{ID: "art-h", Title: `<script>window.kgPwned=3</script><b>Title</b>`, Source: `<i onmouseover="window.kgPwned=4">wire</i>`,
			URL: "javascript:window.kgPwned=5", Published: "2025-01-02"}},
		Entities: []schema.Entity{
			{ID: "11111111-1111-5111-8111-111111111111", Name: evil, Type: schema.Person, Count: 2, Aliases: []string{`<svg onload="window.kgPwned=6">`}},
			{ID: "22222222-2222-5222-8222-222222222222", Name: img, Type: schema.Organization, Count: 1},
		},
		Relations: []schema.Relation{{Key: "k-h", Type: schema.Accuses, Subject: "11111111-1111-5111-8111-111111111111",
			Object: "22222222-2222-5222-8222-222222222222", Article: "art-h", Confidence: 0.8,
			Evidence: evil + " accused " + img + ` of <iframe src="javascript:window.kgPwned=7">.`}},
	}
}

// checkHostile checks that the page shows the hostile graph's text as
// text: no script of it ran, no element of it was made.
func checkHostile(t *testing.T, p *page, g *graph.Graph) {
	t.Helper()
	var pwned any
	p.eval(`window.kgPwned === undefined ? null : window.kgPwned`, &pwned)
	if pwned != nil {
		t.Errorf("a hostile string ran: window.kgPwned = %v", pwned)
	}
	var counts map[string]int
	p.eval(`({img: document.getElementsByTagName("img").length, iframe: document.getElementsByTagName("iframe").length,
		svg: document.querySelectorAll("body svg").length, b: document.getElementsByTagName("b").length, i: document.getElementsByTagName("i").length,
		script: document.getElementsByTagName("script").length, jsLinks: document.querySelectorAll('a[href^="javascript"]').length})`, &counts)
	for _, tag := range []string{"img", "iframe", "svg", "b", "i", "jsLinks"} {
		if counts[tag] != 0 {
			t.Errorf("the page has %d %s elements made of data", counts[tag], tag)
		}
	}
	if want := len(web.Scripts) + p.dataScripts(); counts["script"] != want {
		t.Errorf("the page has %d script elements, want its own %d", counts["script"], want)
	}
}

// dataScripts is 1 when the page holds its data (a static page).
func (p *page) dataScripts() int {
	var n int
	p.eval(`document.querySelectorAll("#kg-data").length`, &n)
	return n
}

// hostileSteps searches the hostile names, opens the entity and the line,
// and checks what is shown.
func hostileSteps(t *testing.T, p *page, g *graph.Graph) {
	t.Helper()
	evil, img := g.Entities[0], g.Entities[1]
	p.do(chromedp.SendKeys(chromedp.ID("q"), "script"))
	p.waitFor(`!document.getElementById("candidates").hidden`)
	if names := p.text("#candidates .name"); !slices.Contains(names, evil.Name) {
		t.Errorf("candidates %q lack %q as text", names, evil.Name)
	}
	p.do(chromedp.Click(chromedp.CSS("#candidates .candidate")))
	p.waitFor(`kgExplorer.cy.nodes().length === 2 && document.querySelector("#panel h2") !== null`)
	p.waitFor(`document.querySelectorAll("#panel .rel").length > 0`)
	if h := p.text("#panel h2"); len(h) != 1 || h[0] != evil.Name {
		t.Errorf("entity panel title %q, want %q", h, evil.Name)
	}
	if !strings.Contains(strings.Join(p.text("#panel dd"), "\n"), evil.Aliases[0]) {
		t.Errorf("entity panel does not show the alias %q as text", evil.Aliases[0])
	}
	checkHostile(t, p, g)
	p.clickEdge(evil.ID + "/ACCUSES/" + img.ID)
	p.waitFor(`document.querySelectorAll("#panel .rel blockquote").length === 1 && document.querySelector("#panel h2").textContent.indexOf("Img Org") > 0`)
	if ev := p.text("#panel .rel blockquote"); len(ev) != 1 || ev[0] != g.Relations[0].Evidence {
		t.Errorf("evidence shown %q, want %q", ev, g.Relations[0].Evidence)
	}
	if m := p.text("#panel .rel mark"); !slices.Contains(m, evil.Name) || !slices.Contains(m, img.Name) {
		t.Errorf("marks %q, want the two names", m)
	}
	src := strings.Join(p.text("#panel .rel .src"), "")
	if !strings.Contains(src, g.Articles[0].Title) || !strings.Contains(src, g.Articles[0].Source) {
		t.Errorf("article shown as %q, want its title and source as text", src)
	}
	// The picture too: the SVG export escapes the names.
	var svg string
	p.eval(`kgExplorer.exportText("svg")`, &svg)
	if strings.Contains(svg, "<script") || strings.Contains(svg, "<img") || !strings.Contains(svg, "&lt;script&gt;") {
		t.Errorf("the SVG export holds the names unescaped:\n%s", svg)
	}
	checkHostile(t, p, g)
	p.b.CheckErrors(t)
}

// TestBrowserHostileNames checks that names, evidence, titles and sources
// holding <script> and <img onerror> are shown as text and run nothing,
// served and in the page kg export writes.
func TestBrowserHostileNames(t *testing.T) {
	g := hostile()
	t.Run("served", func(t *testing.T) {
		ts := serve(t, memSource(g))
		p := openPage(t, ts.URL+"/", browsertest.Options{})
		hostileSteps(t, p, g)
	})
	t.Run("exported", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "hostile.html")
		writePage(t, path, g, nil, 0)
		p := openPage(t, "file://"+path, browsertest.Options{Offline: true})
		hostileSteps(t, p, g)
	})
}

func writePage(t *testing.T, path string, g *graph.Graph, seeds []string, hops int) {
	t.Helper()
	var buf bytes.Buffer
	if err := export.HTMLView(&buf, g, seeds, hops); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserExportedPage opens the page kg export --format html writes
// from a file URL, with every connection sent to a closed port: it loads
// nothing, shows the subgraph around its seeds, finds names, shows the
// evidence of a line, and exports its view as kg export does.
func TestBrowserExportedPage(t *testing.T) {
	g := devGraph(t)
	peskov, nato := one(t, g, "Peskov"), one(t, g, "NATO")
	sub := newTestGraph(t, g.Subgraph([]string{peskov.ID, nato.ID}, 1, graph.Filter{}))
	path := filepath.Join(t.TempDir(), "view.html")
	writePage(t, path, sub.Graph, []string{peskov.ID, nato.ID}, 1)
	p := openPage(t, "file://"+path, browsertest.Options{Offline: true})
	p.waitFor(`kgExplorer.cy.nodes().length > 0`)

	var loaded []string
	p.eval(`performance.getEntriesByType("resource").map(r => r.name)`, &loaded)
	if len(loaded) != 0 {
		t.Errorf("the page loaded %q", loaded)
	}
	var ids []string
	for _, e := range sub.Entities {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	if got := p.visible(); !slices.Equal(got, ids) {
		t.Errorf("the page shows %d entities, want the %d of the subgraph", len(got), len(ids))
	}
	var seeds []string
	p.eval(`kgExplorer.cy.nodes(".seed").map(n => n.id()).sort()`, &seeds)
	if want := slices.Sorted(slices.Values([]string{peskov.ID, nato.ID})); !slices.Equal(seeds, want) {
		t.Errorf("seeds drawn %q, want %q", seeds, want)
	}

	// Search within the page, and read a line's evidence.
	p.do(chromedp.SendKeys(chromedp.ID("q"), "peskov\n"))
	p.waitFor(fmt.Sprintf(`document.querySelector("#panel h2") && document.querySelector("#panel h2").textContent === %q`, peskov.Name))
	var edge string
	p.eval(`kgExplorer.cy.edges().filter(e => !e.hasClass("more"))[0].id()`, &edge)
	p.clickEdge(edge)
	p.waitFor(`document.querySelectorAll("#panel .rel blockquote").length > 0`)

	// The view's exports are kg export's, byte for byte.
	shown := p.visible()
	view := sub.Subgraph(shown, 0, graph.Filter{})
	for format, write := range map[string]func(io.Writer, *graph.Graph) error{"cytoscape": export.JSON, "graphml": export.GraphML} {
		var want bytes.Buffer
		if err := write(&want, view); err != nil {
			t.Fatal(err)
		}
		var got string
		p.eval(fmt.Sprintf(`kgExplorer.exportText(%q)`, format), &got)
		if got != want.String() {
			t.Errorf("the page's %s export differs from kg export's: %s", format, firstDiff(got, want.String()))
		}
	}
	var png string
	p.eval(`kgExplorer.exportText("png")`, &png)
	if b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(png, "data:image/png;base64,")); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) || len(b) < 10000 {
		t.Errorf("PNG export: %d bytes, %v", len(b), err)
	}
	var svg string
	p.eval(`kgExplorer.exportText("svg")`, &svg)
	if err := xml.Unmarshal([]byte(svg), new(any)); err != nil || strings.Count(svg, "<circle") != len(shown) {
		t.Errorf("SVG export: %d circles for %d entities, %v", strings.Count(svg, "<circle"), len(shown), err)
	}
	p.b.CheckErrors(t)
}

// firstDiff describes where two texts first differ.
func firstDiff(got, want string) string {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g, w)
		}
	}
	return ""
}
