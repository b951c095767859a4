package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/schema"
)

// recorder is a graph.Sink that keeps what it is given.
type recorder struct{ batches []schema.Extraction }

func (r *recorder) Load(_ context.Context, b []schema.Extraction) error {
	r.batches = append(r.batches, b...)
	return nil
}
func (r *recorder) Close() error { return nil }

var dev struct {
	once sync.Once
	xs   []schema.Extraction // resolved
	g    *graph.Graph
	err  error
}

// devCorpus returns the dev corpus (testdata/gold, 25 articles) as
// extracted and resolved by kg's pipeline, and the graph the file store
// makes of it.
func devCorpus(t *testing.T) ([]schema.Extraction, *graph.Graph) {
	t.Helper()
	dev.once.Do(func() {
		x, err := extract.New(extract.Options{})
		if err != nil {
			dev.err = err
			return
		}
		var rec recorder
		b := graph.Builder{Extract: x.Extract, Sink: &rec}
		src := ingest.NewReader([]string{"../../testdata/gold"}, ingest.Options{})
		if _, err := b.Build(context.Background(), src); err != nil {
			dev.err = err
			return
		}
		fs, err := graph.OpenFile(filepath.Join(t.TempDir(), "dev.json"))
		if err != nil {
			dev.err = err
			return
		}
		if err := fs.Load(context.Background(), rec.batches); err != nil {
			dev.err = err
			return
		}
		dev.xs, dev.g = rec.batches, fs.Graph()
	})
	if dev.err != nil {
		t.Fatalf("dev corpus: %v", dev.err)
	}
	if len(dev.xs) != 25 {
		t.Fatalf("dev corpus: %d articles, want 25", len(dev.xs))
	}
	return dev.xs, dev.g
}

// devStore returns a Store holding the dev corpus, and the corpus's graph.
func devStore(t *testing.T) (*Store, *graph.Graph) {
	t.Helper()
	xs, g := devCorpus(t)
	s := openStore(t, 0)
	load(t, s, xs)
	return s, g
}

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

// TestSubgraphContract runs the dev corpus through Subgraph, Star,
// ShortestPaths and FindEntities on the Neo4j store and on the graph file
// (graph.MemorySource): they must give the same answers.
func TestSubgraphContract(t *testing.T) {
	s, g := devStore(t)
	mem := graph.MemorySource{Graph: g}
	ctx := context.Background()
	id := func(name string) string {
		t.Helper()
		es := g.FindEntities(name)
		if len(es) == 0 {
			t.Fatalf("dev corpus has no %q", name)
		}
		return es[0].ID
	}
	russia, peskov, nato, china := id("Russia"), id("Dmitry Peskov"), id("NATO"), id("China")

	t.Run("Subgraph", func(t *testing.T) {
		tests := []struct {
			name  string
			seeds []string
			hops  int
			f     graph.Filter
		}{
			{"seed alone", []string{peskov}, 0, graph.Filter{}},
			{"one hop", []string{peskov}, 1, graph.Filter{}},
			{"two hops from a hub", []string{russia}, 2, graph.Filter{}},
			{"three hops, two seeds", []string{nato, china}, 3, graph.Filter{}},
			{"types", []string{russia}, 3, graph.Filter{Types: []schema.RelationType{schema.Accuses, schema.Denies, schema.Warns}}},
			{"confidence", []string{russia}, 2, graph.Filter{MinConfidence: 0.75}},
			{"since", []string{russia}, 2, graph.Filter{Since: "2025"}},
			{"until, month", []string{china}, 2, graph.Filter{Until: "2024-12"}},
			{"range", []string{russia, china}, 3, graph.Filter{Since: "2024-03-14", Until: "2025-06-30"}},
			{"sources", []string{russia}, 2, graph.Filter{Sources: []string{"reuters", "TASS"}}},
			{"sources and dates", []string{russia, china}, 2, graph.Filter{Sources: []string{"AFP"}, Since: "2025"}},
			{"unknown and repeated seeds", []string{"nope", peskov, peskov}, 1, graph.Filter{}},
			{"no seeds", nil, 2, graph.Filter{}},
		}
		for _, tt := range tests {
			got, err := s.Subgraph(ctx, tt.seeds, tt.hops, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			want, _ := mem.Subgraph(ctx, tt.seeds, tt.hops, tt.f)
			if tt.name == "two hops from a hub" && len(want.Entities) < 20 {
				t.Errorf("%s: only %d entities; the case means to cut a large subgraph", tt.name, len(want.Entities))
			}
			if tt.hops > 0 && len(tt.seeds) > 0 && len(want.Relations) == 0 {
				t.Errorf("%s: no relations; the case means to cut some", tt.name)
			}
			sameGraph(t, tt.name, got, want)
		}
	})

	t.Run("Star", func(t *testing.T) {
		filters := []graph.Filter{{}, {Types: []schema.RelationType{schema.HoldsRole}}, {Since: "2025-01", MinConfidence: 0.7}, {Sources: []string{"Reuters"}}}
		for i, e := range g.Entities {
			if i%7 != 0 && e.ID != russia {
				continue
			}
			f := filters[i%len(filters)]
			got, err := s.Star(ctx, e.ID, f)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := mem.Star(ctx, e.ID, f)
			sameGraph(t, fmt.Sprintf("Star(%s, %+v)", e.Name, f), got, want)
		}
	})

	t.Run("Neighbours", func(t *testing.T) {
		filters := []graph.Filter{{}, {Types: []schema.RelationType{schema.Meets, schema.Accuses}}, {Since: "2025-01", MinConfidence: 0.7}, {Sources: []string{"afp", "AP"}}}
		pages := [][2]int{{0, 0}, {0, 3}, {2, 5}, {1000, 10}}
		withSources := 0
		for i, e := range g.Entities {
			if i%5 != 0 && e.ID != russia && e.ID != china {
				continue
			}
			k := i / 5
			f, page := filters[k%len(filters)], pages[(k/len(filters))%len(pages)]
			if e.ID == russia {
				f, page = graph.Filter{}, [2]int{3, 4}
			}
			got, err := s.Neighbours(ctx, e.ID, f, page[0], page[1])
			if err != nil {
				t.Fatal(err)
			}
			want, _ := mem.Neighbours(ctx, e.ID, f, page[0], page[1])
			if len(want.List) > 0 && len(f.Sources) > 0 {
				withSources++
			}
			if e.ID == russia && (want.Total < 10 || len(want.List) != 4) {
				t.Errorf("Neighbours(Russia): %d neighbours, a page of %d; the case means a hub and a full page", want.Total, len(want.List))
			}
			for _, n := range []*graph.Neighbours{got, want} {
				for i := range n.List {
					n.List[i].Entity.Aliases = slices.Clip(n.List[i].Entity.Aliases)
					if len(n.List[i].Entity.Aliases) == 0 {
						n.List[i].Entity.Aliases = nil
					}
				}
			}
			if g, w := fmt.Sprintf("%+v", *got), fmt.Sprintf("%+v", *want); g != w {
				t.Errorf("Neighbours(%s, %+v, %d, %d)\n = %s\nwant %s", e.Name, f, page[0], page[1], g, w)
			}
		}
		nonEmpty := 0
		// Entities of more than 3 relationships are read pair by pair in
		// the second round, as hubs are.
		defer func(f func(int) int) { denseAt = f }(denseAt)
		for round := range 2 {
			if round == 1 {
				denseAt = func(int) int { return 3 }
			}
			for i := 0; i+30 < len(g.Entities); i += 97 {
				ids := []string{g.Entities[i].ID, russia, g.Entities[i+30].ID}
				var others []string
				for _, e := range g.Entities[i : i+30] {
					others = append(others, e.ID)
				}
				for _, f := range filters {
					for _, sets := range [][2][]string{{ids, nil}, {ids, others}, {others, ids}} {
						got, err := s.Edges(ctx, sets[0], sets[1], f)
						if err != nil {
							t.Fatal(err)
						}
						want, _ := mem.Edges(ctx, sets[0], sets[1], f)
						if len(want) > 0 {
							nonEmpty++
						}
						if fmt.Sprint(got) != fmt.Sprint(want) {
							t.Errorf("round %d: Edges(%q, %q, %+v)\n = %v\nwant %v", round, sets[0], sets[1], f, got, want)
						}
					}
				}
			}
		}
		if nonEmpty < 20 {
			t.Errorf("only %d Edges cases found edges; the test means to count some", nonEmpty)
		}
		if withSources < 3 {
			t.Errorf("only %d Neighbours cases with sources found neighbours; the test means to find some", withSources)
		}
		got, err := s.Sources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := mem.Sources(ctx)
		if !slices.Equal(got, want) || len(want) < 3 {
			t.Errorf("Sources() = %v, want %v (at least three)", got, want)
		}
	})

	t.Run("ShortestPaths", func(t *testing.T) {
		pairs := [][2]string{{peskov, nato}, {peskov, china}, {nato, china}, {russia, china}}
		for i := 0; i+40 < len(g.Entities); i += 41 {
			pairs = append(pairs, [2]string{g.Entities[i].ID, g.Entities[i+40].ID})
		}
		found := 0
		for _, p := range pairs {
			for _, f := range []graph.Filter{{}, {MinConfidence: 0.75}} {
				got, err := s.ShortestPaths(ctx, p[0], p[1], 6, f, 0)
				if err != nil {
					t.Fatal(err)
				}
				want, _ := mem.ShortestPaths(ctx, p[0], p[1], 6, f, 0)
				if fmt.Sprint(got.IDs) != fmt.Sprint(want.IDs) {
					t.Errorf("ShortestPaths(%s, %s, %+v) = %q, want %q", p[0], p[1], f, got.IDs, want.IDs)
				}
				sameGraph(t, "paths graph", got.Graph, want.Graph)
				if len(want.IDs) > 0 {
					found++
				}
			}
		}
		if found < 4 {
			t.Errorf("only %d of the pairs are connected; the test means to find paths", found)
		}
		got, err := s.ShortestPaths(ctx, peskov, china, 6, graph.Filter{Types: []schema.RelationType{schema.Meets}}, 1)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := mem.ShortestPaths(ctx, peskov, china, 6, graph.Filter{Types: []schema.RelationType{schema.Meets}}, 1)
		if fmt.Sprint(got.IDs) != fmt.Sprint(want.IDs) {
			t.Errorf("ShortestPaths MEETS, limit 1 = %q, want %q", got.IDs, want.IDs)
		}
		sameGraph(t, "paths graph", got.Graph, want.Graph)
	})

	t.Run("FindEntities", func(t *testing.T) {
		var names []string
		for i, e := range g.Entities {
			if i%5 == 0 {
				names = append(names, e.Name, strings.ToUpper(e.Name))
				if w := strings.Fields(e.Name); len(w) > 1 {
					names = append(names, w[len(w)-1]) // the surname
				}
				if r := []rune(e.Name); len(r) > 6 {
					names = append(names, string(r[:3])+string(r[4:])) // a letter missing
				}
			}
		}
		names = append(names, "sabor ja", "Sabor Já", "beijing", "MOFCOM", "Zyxwvut Qqq")
		for _, name := range names {
			got, err := s.FindEntities(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := mem.FindEntities(ctx, name)
			if g, w := canonical(t, &graph.Graph{Entities: got}), canonical(t, &graph.Graph{Entities: want}); g != w {
				t.Errorf("FindEntities(%q):\nneo4j %s\nfile  %s", name, g, w)
			}
		}
	})
}

// TestResolveEntityNeo4j resolves names of the dev corpus in Neo4j:
// one entity, ambiguous names listing their candidates, no match.
func TestResolveEntityNeo4j(t *testing.T) {
	s, g := devStore(t)
	ctx := context.Background()
	// Names several entities share, as name or alias once folded: the
	// dev corpus has some (Beijing, the city and China), whatever the
	// extractor makes of it.
	shared := make(map[string]map[string]bool)
	for _, e := range g.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			f := schema.NormalizeName(n)
			if shared[f] == nil {
				shared[f] = map[string]bool{}
			}
			shared[f][e.ID] = true
		}
	}
	n := 0
	for f, ids := range shared {
		if len(ids) < 2 {
			continue
		}
		n++
		_, err := s.ResolveEntity(ctx, strings.ToUpper(f))
		var amb *graph.AmbiguousError
		if !errors.As(err, &amb) || len(amb.Candidates) != len(ids) {
			t.Errorf("ResolveEntity(%q) = %v; want %d candidates", strings.ToUpper(f), err, len(ids))
			continue
		}
		for _, c := range amb.Candidates {
			if !ids[c.ID] || c.Name == "" || !c.Type.Valid() || c.Count < 1 {
				t.Errorf("candidate %+v: want one of %v, with name, type, id and mentions", c, ids)
			}
		}
	}
	if n == 0 {
		t.Errorf("no name of the dev corpus is ambiguous: the test needs one")
	}
	tests := []struct {
		name      string
		want      string // entity name
		ambiguous int
		none      bool
	}{
		{name: "dmitry peskov", want: "Dmitry Peskov"},
		{name: "PESKOV", want: "Dmitry Peskov"},
		{name: "Peskof", want: "Dmitry Peskov"},
		{name: "Sergei Lavrov", want: "Sergei Lavrov"},
		{name: "Recep Tayyip Erdoğan", want: "Recep Tayyip Erdogan"}, // accents in the query
		{name: "Zyxwvut Qqq", none: true},
		{name: schema.EntityID(schema.Country, "Atlantis"), none: true},
	}
	for _, tt := range tests {
		e, err := s.ResolveEntity(ctx, tt.name)
		var amb *graph.AmbiguousError
		switch {
		case tt.none:
			if !errors.Is(err, graph.ErrNoEntity) {
				t.Errorf("ResolveEntity(%q) = %v, %v; want ErrNoEntity", tt.name, e.Name, err)
			}
		case tt.ambiguous > 0:
			if !errors.As(err, &amb) || len(amb.Candidates) != tt.ambiguous {
				t.Errorf("ResolveEntity(%q) = %v, %v; want %d candidates", tt.name, e.Name, err, tt.ambiguous)
				continue
			}
			for _, c := range amb.Candidates {
				if c.ID == "" || c.Name == "" || !c.Type.Valid() || c.Count < 1 {
					t.Errorf("candidate %+v: want name, type, id and mentions", c)
				}
			}
		default:
			if err != nil || e.Name != tt.want {
				t.Errorf("ResolveEntity(%q) = %q, %v; want %q", tt.name, e.Name, err, tt.want)
			}
			if id, err := s.ResolveEntity(ctx, e.ID); err != nil || id.ID != e.ID {
				t.Errorf("ResolveEntity(%s) = %v, %v; want itself", e.ID, id.ID, err)
			}
		}
	}
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
	want := []string{`folded:"sergei lavrov"`, `folded:(+sergei +lavrov)`, `folded:(+sergei~2 +lavrov~2)`}
	if !slices.Equal(got, want) {
		t.Errorf("luceneQueries = %q, want %q", got, want)
	}
	if got := luceneQueries("us a"); got[2] != `folded:(+us +a)` {
		t.Errorf("short words are not fuzzy: %q", got[2])
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
	fs, err := graph.OpenFile(filepath.Join(t.TempDir(), "hub.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Load(context.Background(), []schema.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	want := fs.Graph().Subgraph([]string{"s0000"}, 3, graph.Filter{})

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
