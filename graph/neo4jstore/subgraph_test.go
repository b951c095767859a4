package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/schema"
)

// canonical returns g as JSON with empty lists and nil alike, for
// comparing what two sources return.
func canonical(t *testing.T, g *graph.Graph) string {
	t.Helper()
	c := *g
	if len(c.Articles) == 0 {
		c.Articles = nil
	}
	c.Entities = slices.Clone(c.Entities)
	if len(c.Entities) == 0 {
		c.Entities = nil
	}
	for i := range c.Entities {
		if len(c.Entities[i].Aliases) == 0 {
			c.Entities[i].Aliases = nil
		}
	}
	if len(c.Relations) == 0 {
		c.Relations = nil
	}
	if len(c.Mentions) == 0 {
		c.Mentions = nil
	}
	b, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameGraph fails t when got and want differ, showing the first
// difference.
func sameGraph(t *testing.T, what string, got, want *graph.Graph) {
	t.Helper()
	g, w := canonical(t, got), canonical(t, want)
	if g == w {
		return
	}
	gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			t.Errorf("%s: neo4j and the graph file differ at line %d:\nneo4j %s\nfile  %s", what, i+1, gl[i], wl[i])
			return
		}
	}
	t.Errorf("%s: neo4j has %d lines, the graph file %d", what, len(gl), len(wl))
}

// TestFindEntitiesHostile looks up names that hold Cypher and Lucene
// syntax: they are found as plain text, and nothing changes.
func TestFindEntitiesHostile(t *testing.T) {
	s := openStore(t, 0)
	load(t, s, fixture())
	before := snapshot(t, s)
	ctx := context.Background()
	tests := []struct {
		name string
		want []string // entity IDs
	}{
		{inject.Name, []string{inject.ID}},
		{"X'})-[:r]->() detach delete N //", []string{inject.ID}},
		{tick.Name, []string{tick.ID}},
		{`"quoted" \ alias`, []string{inject.ID}},
		{"Erdogan", []string{erdogan.ID}},
		{"kiev", []string{kyiv.ID}},
		{"*", nil},
		{"*:*", nil},
		{"name:Kyiv", nil},
		{`folded:* OR name:*`, nil},
		{`kyiv" OR "china`, nil},
		{"kyiv~ OR china~", nil},
		{`\`, nil},
		{"(", nil},
		{"a AND b", nil},
		{"NOT kyiv", nil},
		{"'; MATCH (n) DETACH DELETE n; //", nil},
	}
	for _, tt := range tests {
		es, err := s.FindEntities(ctx, tt.name)
		if err != nil {
			t.Errorf("FindEntities(%q): %v", tt.name, err)
			continue
		}
		var got []string
		for _, e := range es {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindEntities(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if after := snapshot(t, s); !slices.Equal(before, after) {
		t.Errorf("look-ups changed the database")
	}
}

func TestLuceneQueries(t *testing.T) {
	got := luceneQueries(schema.NormalizeName("Sergei Lavrov"))
	want := []string{`folded:"sergei lavrov"`, `folded:(+sergei +lavrov)`, `folded:(+sergei +lavrov) OR folded:sergeilavrov`, `folded:(+sergei~2 +lavrov~2)`}
	if !slices.Equal(got, want) {
		t.Errorf("luceneQueries = %q, want %q", got, want)
	}
	// Another spelling: the variant keys of the words, and of the whole
	// name, which names.Folded indexes.
	if got := luceneQueries(schema.NormalizeName("Dmitriy Peskov")); got[2] != `folded:(+dmitri +peskov) OR folded:dmitripeskov` {
		t.Errorf("variant query of Dmitriy Peskov: %q", got[2])
	}
	if got := luceneQueries("us a"); got[3] != `folded:(+us +a)` {
		t.Errorf("short words are not fuzzy: %q", got[3])
	}
	for in, want := range map[string]string{
		`a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\n/o p`: `a\+b\-c\&\&d\|\|e\!\(f\)\{g\}\[h\]\^\"i\"\~j\*k\?l\:m\\n\/o\ p`,
		"plain": "plain",
		"zoë":   "zoë",
	} {
		if got := luceneEscape(in); got != want {
			t.Errorf("luceneEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSubgraphHub cuts the neighbourhood of a hub of 1500 spokes joined in
// a ring: three hops reach every spoke along a huge number of paths, but
// the walk expands each entity once, so it is quick, and the result is
// the graph file's.
func TestSubgraphHub(t *testing.T) {
	s := openStore(t, 0)
	const n = 1500
	hub := schema.Entity{ID: "hub", Name: "Hub", Type: schema.Country}
	x := schema.Extraction{Article: schema.Article{ID: "hub-article", Published: "2024-01-01"}, Entities: []schema.Entity{hub}}
	for i := range n {
		e := schema.Entity{ID: fmt.Sprintf("s%04d", i), Name: fmt.Sprintf("Spoke %d", i), Type: schema.Country}
		x.Entities = append(x.Entities, e)
		next := fmt.Sprintf("s%04d", (i+1)%n)
		x.Relations = append(x.Relations,
			schema.Relation{Key: "h" + e.ID, Type: schema.Meets, Subject: "hub", Object: e.ID, Article: x.Article.ID, Confidence: 1, Evidence: "hub"},
			schema.Relation{Key: "r" + e.ID, Type: schema.Meets, Subject: e.ID, Object: next, Article: x.Article.ID, Confidence: 1, Evidence: "ring"})
	}
	load(t, s, []schema.Extraction{x})
	fs, err := filestore.Open(filepath.Join(t.TempDir(), "hub.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Load(context.Background(), []schema.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	want, err := filestore.NewMemory(fs.Graph()).Subgraph(context.Background(), []string{"s0000"}, 3, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	got, err := s.Subgraph(context.Background(), []string{"s0000"}, 3, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Entities) != n+1 || len(got.Relations) != 2*n {
		t.Errorf("Subgraph = %d entities, %d relations; want %d, %d", len(got.Entities), len(got.Relations), n+1, 2*n)
	}
	sameGraph(t, "hub subgraph", got, want)
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("Subgraph of the hub took %v", d)
	}
	far := fmt.Sprintf("s%04d", n/2)
	p, err := s.ShortestPaths(context.Background(), "s0000", far, 4, graph.Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(p.IDs) != "[[s0000 hub "+far+"]]" {
		t.Errorf("ShortestPaths through the hub = %q", p.IDs)
	}
}

// TestExplorerHub asks the explorer's questions (Neighbours, Edges) about
// a hub of 1500 spokes, each joined to the next: the hub is ranked and
// counted in Neo4j, and Edges reads its relations pair by pair from the
// spokes' side (denseAt); the answers are the graph file's.
func TestExplorerHub(t *testing.T) {
	s := openStore(t, 0)
	const n = 1500
	x := schema.Extraction{Article: schema.Article{ID: "hub-article", Published: "2024-01-01", Source: "Wire"},
		Entities: []schema.Entity{{ID: "hub", Name: "Hub", Type: schema.Country}}}
	for i := range n {
		e := schema.Entity{ID: fmt.Sprintf("s%04d", i), Name: fmt.Sprintf("Spoke %d", i%100), Type: schema.Country}
		x.Entities = append(x.Entities, e)
		next := fmt.Sprintf("s%04d", (i+1)%n)
		x.Relations = append(x.Relations,
			schema.Relation{Key: "h" + e.ID, Type: schema.Meets, Subject: "hub", Object: e.ID, Article: x.Article.ID, Confidence: 1, Evidence: "hub"},
			schema.Relation{Key: "r" + e.ID, Type: schema.Warns, Subject: e.ID, Object: next, Article: x.Article.ID, Confidence: 0.5, Evidence: "ring"})
		if i%3 == 0 { // a third of the spokes are related to the hub twice
			x.Relations = append(x.Relations, schema.Relation{Key: "b" + e.ID, Type: schema.Accuses, Subject: e.ID, Object: "hub",
				Article: x.Article.ID, Confidence: 0.8, Evidence: "back"})
		}
	}
	load(t, s, []schema.Extraction{x})
	fs, err := filestore.Open(filepath.Join(t.TempDir(), "hub.json"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := fs.Load(ctx, []schema.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	mem := filestore.NewMemory(fs.Graph())
	same := func(what string, got, want any, gotErr, wantErr error) {
		t.Helper()
		if gotErr != nil || wantErr != nil {
			t.Fatalf("%s: %v, %v", what, gotErr, wantErr)
		}
		if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
			t.Errorf("%s\n = %.600s\nwant %.600s", what, g, w)
		}
	}
	for _, f := range []graph.Filter{{}, {Types: []schema.RelationType{schema.Accuses}}, {MinConfidence: 0.9}, {Sources: []string{"wire"}, Since: "2024"}} {
		for _, page := range [][2]int{{0, 50}, {450, 100}, {1490, 50}} {
			got, err := s.Neighbours(ctx, "hub", f, page[0], page[1])
			want, werr := mem.Neighbours(ctx, "hub", f, page[0], page[1])
			same(fmt.Sprintf("Neighbours(hub, %+v, %d, %d)", f, page[0], page[1]), got, want, err, werr)
		}
		spokes := []string{"s0001", "s0002", "s0003", "s0700"}
		for _, sets := range [][2][]string{{append([]string{"hub"}, spokes...), []string{"s0004", "s1499"}}, {spokes, []string{"hub", "s0000"}}, {[]string{"hub"}, spokes}} {
			got, err := s.Edges(ctx, sets[0], sets[1], f)
			want, werr := mem.Edges(ctx, sets[0], sets[1], f)
			same(fmt.Sprintf("Edges(%q, %q, %+v)", sets[0], sets[1], f), got, want, err, werr)
		}
	}
	// The hub is read pair by pair: it has more relationships than
	// denseAt allows for 7 entities.
	if d := denseAt(7); n <= d {
		t.Errorf("denseAt(7) = %d: the hub of %d is not dense", d, n)
	}
}
