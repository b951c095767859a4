package explore_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore"
	"github.com/kgraph/kg/graph/explore/web"
	"github.com/kgraph/kg/graph/export"
	"github.com/kgraph/kg/schema"
)

// The answers of the API, as a script reads them.
type (
	searchAnswer struct {
		Query      string       `json:"query"`
		Match      string       `json:"match"`
		Total      int          `json:"total"`
		Candidates []web.Entity `json:"candidates"`
	}
	group struct {
		Type         string     `json:"type"`
		Direction    string     `json:"direction"`
		Counterparty web.Entity `json:"counterparty"`
		Count        int        `json:"count"`
	}
	entityAnswer struct {
		Entity         web.Entity     `json:"entity"`
		RelationCount  int            `json:"relation_count"`
		RelationCounts map[string]int `json:"relation_counts"`
		Roles          []web.Relation `json:"roles"`
		Relations      []group        `json:"relations"`
		Neighbours     int            `json:"neighbours"`
		More           int            `json:"more"`
	}
	timelineAnswer struct {
		Entity    web.Entity     `json:"entity"`
		Total     int            `json:"total"`
		Offset    int            `json:"offset"`
		Relations []web.Relation `json:"relations"`
	}
	expandAnswer struct {
		ID        string       `json:"id"`
		Offset    int          `json:"offset"`
		Limit     int          `json:"limit"`
		Total     int          `json:"total"`
		Relations int          `json:"relations"`
		More      int          `json:"more"`
		Nodes     []web.Entity `json:"nodes"`
		Edges     []web.Edge   `json:"edges"`
	}
	viewNode struct {
		web.Entity
		Seed  bool `json:"seed"`
		Pages int  `json:"pages"`
		More  int  `json:"more"`
	}
	viewAnswer struct {
		Seeds     []string   `json:"seeds"`
		Nodes     []viewNode `json:"nodes"`
		Edges     []web.Edge `json:"edges"`
		Truncated bool       `json:"truncated"`
	}
	relationsAnswer struct {
		A         web.Entity     `json:"a"`
		B         web.Entity     `json:"b"`
		Relations []web.Relation `json:"relations"`
	}
	errorAnswer struct {
		Error      string       `json:"error"`
		Candidates []web.Entity `json:"candidates"`
	}
)

// one returns the one entity of g that name designates.
func one(t testing.TB, g testGraph, name string) schema.Entity {
	t.Helper()
	es := g.FindEntities(name)
	if len(es) != 1 {
		t.Fatalf("dev corpus: %q designates %d entities, want 1", name, len(es))
	}
	return es[0]
}

// ambiguous returns a name that several entities of g share.
func ambiguous(t testing.TB, g testGraph) (string, int) {
	t.Helper()
	for _, e := range g.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if c := len(g.FindEntities(n)); c > 1 {
				return n, c
			}
		}
	}
	t.Fatalf("dev corpus: no name designates several entities")
	return "", 0
}

func TestAPISearch(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	peskov := one(t, g, "Peskov")

	var a searchAnswer
	getJSON(t, ts, "/api/search"+q("q", "peskov"), &a)
	if a.Total != 1 || len(a.Candidates) != 1 || a.Candidates[0].ID != peskov.ID || a.Match == "none" {
		t.Errorf("search peskov = %+v, want %s alone", a, peskov.Name)
	}
	getJSON(t, ts, "/api/search"+q("q", peskov.ID), &a)
	if a.Match != "id" || a.Total != 1 || a.Candidates[0].Name != peskov.Name {
		t.Errorf("search by ID = %+v, want %s by id", a, peskov.Name)
	}
	name, n := ambiguous(t, g)
	getJSON(t, ts, "/api/search"+q("q", name), &a)
	if a.Total != n || len(a.Candidates) != n || a.Match != "exact" {
		t.Errorf("search %q = %d candidates (match %s), want %d exact", name, a.Total, a.Match, n)
	}
	getJSON(t, ts, "/api/search"+q("q", name, "limit", "1"), &a)
	if a.Total != n || len(a.Candidates) != 1 {
		t.Errorf("search %q limit 1 = %d of %d, want 1 of %d", name, len(a.Candidates), a.Total, n)
	}
	getJSON(t, ts, "/api/search"+q("q", "Zyxwvut Qqq"), &a)
	if a.Total != 0 || a.Match != "none" || a.Candidates == nil {
		t.Errorf("search nonsense = %+v, want no candidates, an empty list", a)
	}
}

func TestAPIEntity(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	for _, name := range []string{"Peskov", "Russia", "Kremlin"} {
		e := one(t, g, name)
		var a entityAnswer
		getJSON(t, ts, "/api/entity"+q("id", name), &a)
		star := g.Star(e.ID, graph.Filter{})
		counts := map[string]int{}
		var roles []string
		for _, r := range star.Relations {
			counts[string(r.Type)]++
			if r.Type == schema.HoldsRole && r.Subject == e.ID {
				roles = append(roles, r.Key)
			}
		}
		if a.Entity.ID != e.ID || a.RelationCount != len(star.Relations) || fmt.Sprint(a.RelationCounts) != fmt.Sprint(counts) {
			t.Errorf("entity %s = %s, %d relations %v; want %s, %d %v", name, a.Entity.ID, a.RelationCount, a.RelationCounts, e.ID, len(star.Relations), counts)
		}
		var got []string
		for _, r := range a.Roles {
			got = append(got, r.Key)
		}
		slices.Sort(got)
		slices.Sort(roles)
		if !slices.Equal(got, roles) {
			t.Errorf("entity %s: roles %q, want %q", name, got, roles)
		}
		sum, self := 0, 0
		for _, gr := range a.Relations {
			sum += gr.Count
		}
		for _, r := range star.Relations {
			if r.Subject == r.Object {
				self++
			}
		}
		if sum != len(star.Relations)-self || a.More != 0 {
			t.Errorf("entity %s: groups count %d relations (%d more neighbours), want %d", name, sum, a.More, len(star.Relations)-self)
		}
	}
}

func TestAPITimeline(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	china := one(t, g, "China")
	var all timelineAnswer
	getJSON(t, ts, "/api/timeline"+q("id", china.ID), &all)
	if want := len(g.Star(china.ID, graph.Filter{}).Relations); all.Total != want || len(all.Relations) != want || want < 5 {
		t.Fatalf("timeline China: %d of %d relations, want all %d (at least 5)", len(all.Relations), all.Total, want)
	}
	for i := 1; i < len(all.Relations); i++ {
		a, b := all.Relations[i-1].When, all.Relations[i].When
		if b != "" && (a == "" || a > b) {
			t.Errorf("timeline out of date order: %q before %q", a, b)
		}
	}
	var page timelineAnswer
	getJSON(t, ts, "/api/timeline"+q("id", china.ID, "offset", "2", "limit", "3"), &page)
	if page.Total != all.Total || len(page.Relations) != 3 || page.Relations[0].Key != all.Relations[2].Key {
		t.Errorf("timeline page 2+3 = %d of %d starting %s, want 3 of %d starting %s", len(page.Relations), page.Total,
			page.Relations[0].Key, all.Total, all.Relations[2].Key)
	}
	var f timelineAnswer
	getJSON(t, ts, "/api/timeline"+q("id", china.ID, "types", "meets,visits", "since", "2025"), &f)
	for _, r := range f.Relations {
		if (r.Type != "MEETS" && r.Type != "VISITS") || r.When < "2025" {
			t.Errorf("filtered timeline has %s of %s", r.Type, r.When)
		}
	}
}

func TestAPIExpand(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	russia := one(t, g, "Russia")
	n := g.Neighbours(russia.ID, graph.Filter{}, 0, 0)
	if n.Total < 10 {
		t.Fatalf("Russia has %d neighbours; the test wants a hub", n.Total)
	}
	// Pages of 4 cover every neighbour once, in order, and say how many
	// are left.
	var seen []string
	for off := 0; off < n.Total; off += 4 {
		var a expandAnswer
		getJSON(t, ts, "/api/expand"+q("id", russia.ID, "offset", fmt.Sprint(off), "limit", "4"), &a)
		if a.Total != n.Total || a.Relations != n.Relations || a.More != max(n.Total-off-4, 0) {
			t.Errorf("expand Russia at %d: total %d, relations %d, more %d; want %d, %d, %d", off, a.Total, a.Relations, a.More,
				n.Total, n.Relations, max(n.Total-off-4, 0))
		}
		page := map[string]bool{}
		for _, e := range a.Nodes {
			seen = append(seen, e.ID)
			page[e.ID] = true
		}
		// Edges: those between the page and Russia, as Neighbours counts
		// them, and those among the page.
		want := g.Edges(keys(page), []string{russia.ID}, graph.Filter{})
		if fmt.Sprint(edgeStrings(a.Edges)) != fmt.Sprint(edgeStrings(webEdges(want))) {
			t.Errorf("expand Russia at %d: edges %v, want %v", off, edgeStrings(a.Edges), edgeStrings(webEdges(want)))
		}
	}
	var want []string
	for _, nb := range n.List {
		want = append(want, nb.Entity.ID)
	}
	if !slices.Equal(seen, want) {
		t.Errorf("pages of expand Russia = %d neighbours %q, want %d %q", len(seen), seen, len(want), want)
	}
	// A filter narrows the neighbours; visible entities get their edges.
	var a expandAnswer
	getJSON(t, ts, "/api/expand"+q("id", "Russia", "types", "ACCUSES,DENIES,WARNS", "visible", strings.Join(want, ",")), &a)
	if nf := g.Neighbours(russia.ID, graph.Filter{Types: []schema.RelationType{schema.Accuses, schema.Denies, schema.Warns}}, 0, 0); a.Total != nf.Total || a.Total == 0 || a.Total >= n.Total {
		t.Errorf("filtered expand: %d neighbours, want %d (fewer than %d, not none)", a.Total, nf.Total, n.Total)
	}
	for _, e := range a.Edges {
		if e.Type != "ACCUSES" && e.Type != "DENIES" && e.Type != "WARNS" {
			t.Errorf("filtered expand has an edge %s", e.Type)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func webEdges(es []graph.Edge) []web.Edge {
	out := []web.Edge{}
	for _, e := range es {
		out = append(out, web.EdgeOf(e))
	}
	return out
}

func edgeStrings(es []web.Edge) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s x%d", e.ID, e.Count))
	}
	sort.Strings(out)
	return out
}

// TestAPIViewIsExpansions checks that /api/view, from the state the page
// keeps in its URL, makes the view that the page grew one expansion at a
// time: the same entities and the same edges.
func TestAPIViewIsExpansions(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	for _, filter := range [][]string{nil, {"min_confidence", "0.7"}, {"sources", "Reuters,AFP"}} {
		base := append([]string{"seed", "Russia", "hops", "1", "limit", "5"}, filter...)
		var v viewAnswer
		getJSON(t, ts, "/api/view"+q(base...), &v)
		nodes := map[string]bool{}
		edges := map[string]int{}
		for _, n := range v.Nodes {
			nodes[n.ID] = true
		}
		for _, e := range v.Edges {
			edges[e.ID] = e.Count
		}
		// Expand two entities of the view, the second twice.
		var expanded []string
		pages := map[string]int{}
		for _, step := range []int{1, 2, 2} {
			if step >= len(v.Nodes) {
				t.Fatalf("view of Russia has %d entities; the test wants 3", len(v.Nodes))
			}
			id := v.Nodes[step].ID
			var a expandAnswer
			args := append([]string{"id", id, "limit", "5", "offset", fmt.Sprint(5 * pages[id]), "visible", strings.Join(keys(nodes), ",")}, filter...)
			getJSON(t, ts, "/api/expand"+q(args...), &a)
			pages[id]++
			if !slices.Contains(expanded, id) {
				expanded = append(expanded, id)
			}
			for _, e := range a.Nodes {
				nodes[e.ID] = true
			}
			for _, e := range a.Edges {
				edges[e.ID] = e.Count
			}
		}
		var ex []string
		for _, id := range expanded {
			ex = append(ex, fmt.Sprintf("%s:%d", id, pages[id]))
		}
		var again viewAnswer
		getJSON(t, ts, "/api/view"+q(append(base, "expand", strings.Join(ex, ","))...), &again)
		got := map[string]bool{}
		for _, n := range again.Nodes {
			got[n.ID] = true
		}
		gotEdges := map[string]int{}
		for _, e := range again.Edges {
			gotEdges[e.ID] = e.Count
		}
		if fmt.Sprint(keys(got)) != fmt.Sprint(keys(nodes)) || fmt.Sprint(gotEdges) != fmt.Sprint(edges) {
			t.Errorf("filter %q: view from the URL has %d entities %d edges, the expansions %d and %d",
				filter, len(got), len(gotEdges), len(nodes), len(edges))
		}
	}
}

func TestAPIViewOptions(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	russia, china := one(t, g, "Russia"), one(t, g, "China")
	var v viewAnswer
	getJSON(t, ts, "/api/view"+q("seed", "Russia", "seed", "China", "hops", "1", "limit", "3"), &v)
	if !slices.Equal(v.Seeds, []string{russia.ID, china.ID}) {
		t.Errorf("view seeds = %q, want Russia, China", v.Seeds)
	}
	byID := map[string]viewNode{}
	for _, n := range v.Nodes {
		byID[n.ID] = n
	}
	r := byID[russia.ID]
	if !r.Seed || r.Pages != 1 || r.More != g.Neighbours(russia.ID, graph.Filter{}, 0, 0).Total-3 {
		t.Errorf("Russia in the view: %+v, want a seed expanded once with the others more", r)
	}
	if len(v.Nodes) > 2+3+3 {
		t.Errorf("view of two seeds, 3 neighbours each, has %d entities", len(v.Nodes))
	}
	// Collapsed seeds are not expanded, hidden entities are left out,
	// an expanded entity is kept even when no walk reaches it.
	hidden := v.Nodes[2].ID
	v = viewAnswer{} // a decoding reuses the elements of the slices
	getJSON(t, ts, "/api/view"+q("seed", "Russia,China", "hops", "1", "limit", "3", "collapse", china.ID, "hide", hidden, "expand", one(t, g, "Peskov").ID), &v)
	ids := map[string]bool{}
	for _, n := range v.Nodes {
		ids[n.ID] = true
		if n.ID == china.ID && n.Pages != 0 {
			t.Errorf("collapsed China was expanded")
		}
	}
	if ids[hidden] || !ids[one(t, g, "Peskov").ID] {
		t.Errorf("view: hidden entity shown %v, expanded entity shown %v", ids[hidden], ids[one(t, g, "Peskov").ID])
	}
	code, b := get(t, ts, "/api/view"+q("hops", "1"))
	if code != http.StatusBadRequest || !strings.Contains(string(b), "seed") {
		t.Errorf("view without seed = %d %s, want 400 naming seed", code, b)
	}
}

func TestAPIRelations(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	a, b := one(t, g, "Ukraine"), one(t, g, "Russia")
	var ans relationsAnswer
	getJSON(t, ts, "/api/relations"+q("a", "Ukraine", "b", b.ID), &ans)
	var want []string
	for _, r := range g.Subgraph([]string{a.ID, b.ID}, 0, graph.Filter{}).Relations {
		if r.Subject != r.Object {
			want = append(want, r.Key)
		}
	}
	var got []string
	for _, r := range ans.Relations {
		got = append(got, r.Key)
		if r.Evidence == "" || r.Article.ID == "" || r.When == "" {
			t.Errorf("relation %s lacks its provenance: %+v", r.Key, r)
		}
		if r.Date == "" && r.When != r.Article.Published {
			t.Errorf("relation %s without a date has when %q, not its article's %q", r.Key, r.When, r.Article.Published)
		}
	}
	sort.Strings(want)
	if s := slices.Sorted(slices.Values(got)); !slices.Equal(s, want) || len(want) < 3 {
		t.Errorf("relations Ukraine Russia = %q, want %q (at least 3)", s, want)
	}
}

func TestAPISubgraph(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	nato, china := one(t, g, "NATO"), one(t, g, "China")
	f := graph.Filter{Types: []schema.RelationType{schema.Meets, schema.Accuses}, Since: "2024"}
	sub := g.Subgraph([]string{nato.ID, china.ID}, 2, f)
	for format, write := range map[string]func(io.Writer, *graph.Graph) error{"cytoscape": export.JSON, "graphml": export.GraphML} {
		var want bytes.Buffer
		if err := write(&want, sub); err != nil {
			t.Fatal(err)
		}
		code, got := get(t, ts, "/api/subgraph"+q("seed", "NATO", "seed", china.ID, "hops", "2", "types", "MEETS,ACCUSES", "since", "2024", "format", format))
		if code != http.StatusOK || !bytes.Equal(got, want.Bytes()) {
			t.Errorf("subgraph as %s = %d, %d bytes; want kg export's %d bytes", format, code, len(got), want.Len())
		}
	}
	res, err := http.Get(ts.URL + "/api/subgraph" + q("seed", "NATO", "download", "1", "format", "graphml"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, ".graphml") {
		t.Errorf("download: Content-Disposition %q", cd)
	}
}

func TestAPIErrors(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	name, n := ambiguous(t, g)
	tests := []struct {
		path string
		code int
		want string
	}{
		{"/api/entity" + q("id", "Zyxwvut"), http.StatusNotFound, "no entity matches"},
		{"/api/entity", http.StatusBadRequest, "id: give an entity"},
		{"/api/entity" + q("id", name), http.StatusConflict, "ambiguous"},
		{"/api/expand" + q("id", "Russia", "types", "LIKES"), http.StatusBadRequest, `unknown relation type "LIKES"`},
		{"/api/expand" + q("id", "Russia", "since", "yesterday"), http.StatusBadRequest, "since date"},
		{"/api/expand" + q("id", "Russia", "since", "2025", "until", "2024"), http.StatusBadRequest, "after until"},
		{"/api/expand" + q("id", "Russia", "min_confidence", "2"), http.StatusBadRequest, "min_confidence"},
		{"/api/expand" + q("id", "Russia", "limit", "0"), http.StatusBadRequest, "limit"},
		{"/api/expand" + q("id", "Russia", "limit", "100000"), http.StatusBadRequest, "limit"},
		{"/api/view" + q("seed", "Russia", "hops", "9"), http.StatusBadRequest, "hops"},
		{"/api/view" + q("seed", "Russia", "expand", "x:0"), http.StatusBadRequest, "expand"},
		{"/api/subgraph" + q("seed", "Russia", "format", "pdf"), http.StatusBadRequest, "format"},
		{"/api/subgraph", http.StatusBadRequest, "seed"},
		{"/api/nothing", http.StatusNotFound, "no such API"},
	}
	for _, tt := range tests {
		code, b := get(t, ts, tt.path)
		var e errorAnswer
		if err := jsonUnmarshal(b, &e); err != nil || code != tt.code || !strings.Contains(e.Error, tt.want) {
			t.Errorf("GET %s = %d %s, want %d with %q", tt.path, code, b, tt.code, tt.want)
		}
		if tt.code == http.StatusConflict && len(e.Candidates) != n {
			t.Errorf("GET %s: %d candidates, want %d", tt.path, len(e.Candidates), n)
		}
	}
	res, err := http.Post(ts.URL+"/api/meta", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST = %d, want 405", res.StatusCode)
	}
}

// TestSecurity checks the headers of every kind of response, and that
// requests naming another host, or from another origin, are refused.
func TestSecurity(t *testing.T) {
	g := devGraph(t)
	ts := serve(t, g.m)
	_, port, _ := strings.Cut(strings.TrimPrefix(ts.URL, "http://"), ":")
	request := func(path string, header map[string]string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range header {
			if k == "Host" {
				req.Host = v
			} else {
				req.Header.Set(k, v)
			}
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	tests := []struct {
		name   string
		header map[string]string
		code   int
	}{
		{"loopback", nil, 200},
		{"localhost", map[string]string{"Host": "localhost:" + port}, 200},
		{"IPv6 loopback", map[string]string{"Host": "[::1]:" + port}, 200},
		{"other loopback address", map[string]string{"Host": "127.0.0.2:" + port}, 200},
		{"loopback origin", map[string]string{"Origin": "http://localhost:" + port}, 200},
		{"same-origin fetch", map[string]string{"Sec-Fetch-Site": "same-origin"}, 200},
		{"rebound name", map[string]string{"Host": "attacker.example:" + port}, 403},
		{"name ending in localhost", map[string]string{"Host": "localhost.attacker.example"}, 403},
		{"any address", map[string]string{"Host": "0.0.0.0:" + port}, 403},
		{"private address", map[string]string{"Host": "192.168.1.10:" + port}, 403},
		{"other origin", map[string]string{"Origin": "http://attacker.example"}, 403},
		{"null origin", map[string]string{"Origin": "null"}, 403},
		{"file origin", map[string]string{"Origin": "file://"}, 403},
		{"cross-site fetch", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
	}
	for _, tt := range tests {
		for _, path := range []string{"/", "/api/meta", "/assets/app.js"} {
			res := request(path, tt.header)
			if res.StatusCode != tt.code {
				t.Errorf("%s: GET %s = %d, want %d", tt.name, path, res.StatusCode, tt.code)
			}
		}
	}
	// HTTP/1.0 without a Host header.
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "GET /api/meta HTTP/1.0\r\n\r\n")
	status, _ := bufio.NewReader(conn).ReadString('\n')
	conn.Close()
	if !strings.Contains(status, " 403 ") {
		t.Errorf("no Host header: %q, want 403", status)
	}
	// Every response has the policy, errors and refusals included.
	for _, path := range []string{"/", "/assets/app.js", "/assets/vendor/cytoscape.min.js", "/api/meta", "/api/entity", "/api/nothing", "/nothing"} {
		for _, h := range []map[string]string{nil, {"Host": "attacker.example"}} {
			res := request(path, h)
			if got := res.Header.Get("Content-Security-Policy"); got != explore.ContentSecurityPolicy {
				t.Errorf("GET %s (%v) = %d with policy %q", path, h, res.StatusCode, got)
			}
			if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("X-Frame-Options") != "DENY" {
				t.Errorf("GET %s: headers %v", path, res.Header)
			}
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "*"} {
		if strings.Contains(explore.ContentSecurityPolicy, bad) {
			t.Errorf("the policy allows %s", bad)
		}
	}
	// The allowed names of Options.AllowHosts.
	allow := httptestServer(t, explore.New(g.m, explore.Options{AllowHosts: []string{"kg.internal"}}))
	req, _ := http.NewRequest(http.MethodGet, allow+"/api/meta", nil)
	req.Host = "KG.internal:7475"
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("allowed host: %d, want 200", res.StatusCode)
	}
}

// TestPageNeverInsertsHTML checks the page's own code: it builds its DOM
// from text nodes, never from HTML, and runs no inline script or style.
func TestPageNeverInsertsHTML(t *testing.T) {
	app, err := fs.ReadFile(web.FS, "app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"style\"", ".cssText", "DOMParser"} {
		if bytes.Contains(app, []byte(bad)) {
			t.Errorf("app.js uses %s", bad)
		}
	}
	page, err := fs.ReadFile(web.FS, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("<script>")) || bytes.Contains(page, []byte("<style")) || bytes.Contains(page, []byte(" style=")) || bytes.Contains(page, []byte(" on")) {
		t.Errorf("index.html has inline script, style or handlers")
	}
	for _, name := range append(append([]string{}, web.Scripts...), web.Styles...) {
		if !bytes.Contains(page, []byte(`"assets/`+name+`"`)) {
			t.Errorf("index.html does not load %s", name)
		}
	}
	readme, err := fs.ReadFile(web.FS, "vendor/README")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range web.Scripts {
		if name, ok := strings.CutPrefix(s, "vendor/"); ok && !bytes.Contains(readme, []byte(name+"\t")) {
			t.Errorf("vendor/README does not name %s", name)
		}
	}
}

func httptestServer(t *testing.T, h http.Handler) string {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
