package filestore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// subgraphFixture is a small graph:
//
//	A -MEETS(2024-03-01, 0.9)-> B -ACCUSES(2024-05-10, 0.5)-> C -WARNS(no date, a2 2023-12-31)-> D
//	A -HOLDS_ROLE(no date, article without date)-> O
//	B -DENIES(2024-04, 0.8)-> A
//	H (hub) -SUPPORTS-> A, B, C, D, E1..E5 (2024-06-01)
func subgraphFixture() *graph.Graph {
	ent := func(id string, t schema.EntityType, name string, count int, aliases ...string) schema.Entity {
		return schema.Entity{ID: id, Type: t, Name: name, Count: count, Aliases: aliases}
	}
	g := &graph.Graph{
		Articles: []schema.Article{
			{ID: "a1", Title: "one", Published: "2024-03-02", Source: "Reuters"},
			{ID: "a2", Title: "two", Published: "2023-12-31", Source: "AFP"},
			{ID: "a3", Title: "three"},
			{ID: "a4", Title: "unused", Published: "2024-01-01"},
		},
		Entities: []schema.Entity{
			ent("A", schema.Person, "Sergeï Lavrov", 10, "Lavrov"),
			ent("B", schema.Person, "Antony Blinken", 7, "Blinken"),
			ent("C", schema.Country, "Ukraine", 5),
			ent("D", schema.Country, "Russia", 4, "the Russian Federation"),
			ent("O", schema.Organization, "Ministry of Foreign Affairs", 1),
			ent("H", schema.Organization, "Hub", 1),
			ent("L", schema.Location, "Lavrov", 2),
		},
		Mentions: []graph.Mention{
			{Article: "a1", Entity: "A", Count: 3},
			{Article: "a1", Entity: "B", Count: 1},
			{Article: "a4", Entity: "A", Count: 1},
		},
	}
	rel := func(key string, t schema.RelationType, s, o, article, date string, conf float64) schema.Relation {
		return schema.Relation{Key: key, Type: t, Subject: s, Object: o, Article: article, Date: date, Confidence: conf, Evidence: s + " " + string(t) + " " + o}
	}
	g.Relations = []schema.Relation{
		rel("k-ab", schema.Meets, "A", "B", "a1", "2024-03-01", 0.9),
		rel("k-bc", schema.Accuses, "B", "C", "a1", "2024-05-10", 0.5),
		rel("k-cd", schema.Warns, "C", "D", "a2", "", 0.7),
		rel("k-ao", schema.HoldsRole, "A", "O", "a3", "", 1),
		rel("k-ba", schema.Denies, "B", "A", "a1", "2024-04", 0.8),
		rel("k-dangling", schema.Meets, "A", "nobody", "a1", "2024-03-01", 1),
	}
	for i, id := range []string{"A", "B", "C", "D", "E1", "E2", "E3", "E4", "E5"} {
		if strings.HasPrefix(id, "E") {
			g.Entities = append(g.Entities, ent(id, schema.Country, "Extra "+id, 0))
		}
		g.Relations = append(g.Relations, rel(fmt.Sprintf("k-h%d", i), schema.Supports, "H", id, "a3", "2024-06-01", 0.6))
	}
	return g
}

// subgraph returns NewMemory(g).Subgraph(seeds, hops, f), failing t on
// an error.
func subgraph(t *testing.T, g *graph.Graph, seeds []string, hops int, f graph.Filter) *graph.Graph {
	t.Helper()
	sub, err := NewMemory(g).Subgraph(context.Background(), seeds, hops, f)
	if err != nil {
		t.Fatalf("Subgraph(%q, %d, %+v): %v", seeds, hops, f, err)
	}
	return sub
}

func subgraphIDs(g *graph.Graph) (ents, keys, arts []string) {
	for _, e := range g.Entities {
		ents = append(ents, e.ID)
	}
	for _, r := range g.Relations {
		keys = append(keys, r.Key)
	}
	for _, a := range g.Articles {
		arts = append(arts, a.ID)
	}
	return ents, keys, arts
}

func TestSubgraph(t *testing.T) {
	noHub := []schema.RelationType{schema.Meets, schema.Accuses, schema.Warns, schema.HoldsRole, schema.Denies}
	tests := []struct {
		name      string
		seeds     []string
		hops      int
		f         graph.Filter
		entities  []string
		relations []string
		articles  []string
	}{
		{"zero hops is the seed", []string{"A"}, 0, graph.Filter{}, []string{"A"}, nil, nil},
		{"negative hops count as zero", []string{"A"}, -3, graph.Filter{}, []string{"A"}, nil, nil},
		{"zero hops keeps relations among seeds", []string{"A", "B"}, 0, graph.Filter{},
			[]string{"A", "B"}, []string{"k-ab", "k-ba"}, []string{"a1"}},
		{"one hop, both directions, dangling skipped", []string{"A"}, 1, graph.Filter{Types: noHub},
			[]string{"A", "B", "O"}, []string{"k-ab", "k-ao", "k-ba"}, []string{"a1", "a3"}},
		{"two hops", []string{"A"}, 2, graph.Filter{Types: noHub},
			[]string{"A", "B", "C", "O"}, []string{"k-ab", "k-ao", "k-ba", "k-bc"}, []string{"a1", "a3"}},
		{"hops beyond the component", []string{"A"}, 10, graph.Filter{Types: noHub},
			[]string{"A", "B", "C", "D", "O"}, []string{"k-ab", "k-ao", "k-ba", "k-bc", "k-cd"}, []string{"a1", "a2", "a3"}},
		{"induced: hub edges among collected nodes", []string{"A"}, 1, graph.Filter{},
			[]string{"A", "B", "H", "O"}, []string{"k-ab", "k-ao", "k-ba", "k-h0", "k-h1"}, []string{"a1", "a3"}},
		{"hub expands once", []string{"A"}, 2, graph.Filter{Types: []schema.RelationType{schema.Supports}},
			[]string{"A", "B", "C", "D", "E1", "E2", "E3", "E4", "E5", "H"},
			[]string{"k-h0", "k-h1", "k-h2", "k-h3", "k-h4", "k-h5", "k-h6", "k-h7", "k-h8"}, []string{"a3"}},
		{"type filter", []string{"A"}, 5, graph.Filter{Types: []schema.RelationType{schema.Denies}},
			[]string{"A", "B"}, []string{"k-ba"}, []string{"a1"}},
		{"min confidence cuts the walk", []string{"A"}, 5, graph.Filter{Types: noHub, MinConfidence: 0.6},
			[]string{"A", "B", "O"}, []string{"k-ab", "k-ao", "k-ba"}, []string{"a1", "a3"}},
		{"since: month precision overlaps, undated article drops", []string{"A"}, 5, graph.Filter{Types: noHub, Since: "2024-04-15"},
			[]string{"A", "B", "C"}, []string{"k-ba", "k-bc"}, []string{"a1"}},
		{"until: undated relation takes its article's date", []string{"D"}, 5, graph.Filter{Types: noHub, Until: "2024-01"},
			[]string{"C", "D"}, []string{"k-cd"}, []string{"a2"}},
		{"since and until", []string{"B"}, 5, graph.Filter{Types: noHub, Since: "2024-03", Until: "2024-04-30"},
			[]string{"A", "B"}, []string{"k-ab", "k-ba"}, []string{"a1"}},
		{"sources, compared ignoring case", []string{"B"}, 5, graph.Filter{Types: noHub, Sources: []string{"reuters"}},
			[]string{"A", "B", "C"}, []string{"k-ab", "k-ba", "k-bc"}, []string{"a1"}},
		{"sources: several", []string{"D"}, 5, graph.Filter{Types: noHub, Sources: []string{"AFP", "Reuters"}},
			[]string{"A", "B", "C", "D"}, []string{"k-ab", "k-ba", "k-bc", "k-cd"}, []string{"a1", "a2"}},
		{"sources: an article without one never passes", []string{"O"}, 1, graph.Filter{Sources: []string{"Reuters", "AFP"}},
			[]string{"O"}, nil, nil},
		{"unknown and repeated seeds", []string{"zz", "C", "C"}, 0, graph.Filter{}, []string{"C"}, nil, nil},
		{"no seeds", nil, 3, graph.Filter{}, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := subgraphFixture()
			before, _ := Encode(g)
			sub := subgraph(t, g, tt.seeds, tt.hops, tt.f)
			ents, keys, arts := subgraphIDs(sub)
			slices.Sort(tt.relations)
			if !slices.Equal(ents, tt.entities) || !slices.Equal(keys, tt.relations) || !slices.Equal(arts, tt.articles) {
				t.Errorf("Subgraph(%q, %d, %+v)\n = entities %q relations %q articles %q\nwant entities %q relations %q articles %q",
					tt.seeds, tt.hops, tt.f, ents, keys, arts, tt.entities, tt.relations, tt.articles)
			}
			for _, m := range sub.Mentions {
				if !slices.Contains(arts, m.Article) || !slices.Contains(ents, m.Entity) {
					t.Errorf("mention %+v outside the subgraph", m)
				}
			}
			if after, _ := Encode(g); string(after) != string(before) {
				t.Errorf("Subgraph changed its graph")
			}
		})
	}
}

// Fixed bug: a self-loop was listed twice among its entity's relations.
func TestSubgraphSelfLoop(t *testing.T) {
	g := subgraphFixture()
	g.Relations = append(g.Relations,
		schema.Relation{Key: "k-self", Type: schema.Visits, Subject: "A", Object: "A", Article: "a1", Confidence: 1},
		schema.Relation{Key: "k-al", Type: schema.Visits, Subject: "A", Object: "L", Article: "a1", Confidence: 1})
	sub := subgraph(t, g, []string{"A"}, 1, graph.Filter{Types: []schema.RelationType{schema.Visits}})
	ents, keys, _ := subgraphIDs(sub)
	if !slices.Equal(ents, []string{"A", "L"}) || !slices.Equal(keys, []string{"k-al", "k-self"}) {
		t.Errorf("Subgraph = entities %q relations %q, want [A L] [k-al k-self]", ents, keys)
	}
}

func TestSubgraphMentionsAndCopies(t *testing.T) {
	g := subgraphFixture()
	sub := subgraph(t, g, []string{"A"}, 1, graph.Filter{Types: []schema.RelationType{schema.Meets}})
	want := []graph.Mention{{Article: "a1", Entity: "A", Count: 3}, {Article: "a1", Entity: "B", Count: 1}}
	if !slices.Equal(sub.Mentions, want) {
		t.Errorf("Mentions = %v, want %v", sub.Mentions, want)
	}
	sub.Entities[0].Aliases[0] = "changed"
	if g.Entities[0].Aliases[0] != "Lavrov" {
		t.Errorf("Subgraph shares aliases with its graph")
	}
}

func TestSubgraphHubIsLinear(t *testing.T) {
	// A star of 2000 spokes, each spoke also joined to the next: walking
	// 3 hops must expand each entity once, not each path.
	g := &graph.Graph{Articles: []schema.Article{{ID: "a"}}}
	g.Entities = append(g.Entities, schema.Entity{ID: "hub", Type: schema.Country, Name: "hub"})
	const n = 2000
	for i := range n {
		id := fmt.Sprintf("s%04d", i)
		g.Entities = append(g.Entities, schema.Entity{ID: id, Type: schema.Country, Name: id})
		g.Relations = append(g.Relations,
			schema.Relation{Key: "h" + id, Type: schema.Meets, Subject: "hub", Object: id, Article: "a", Confidence: 1},
			schema.Relation{Key: "r" + id, Type: schema.Meets, Subject: id, Object: fmt.Sprintf("s%04d", (i+1)%n), Article: "a", Confidence: 1})
	}
	sub := subgraph(t, g, []string{"s0000"}, 3, graph.Filter{})
	if len(sub.Entities) != n+1 || len(sub.Relations) != 2*n {
		t.Errorf("Subgraph = %d entities %d relations, want %d %d", len(sub.Entities), len(sub.Relations), n+1, 2*n)
	}
}

// TestMemory checks what Memory adds to the walks: look-ups by ID and by
// name that copy what they return, a done context, and a nil graph.
func TestMemory(t *testing.T) {
	ctx := context.Background()
	m := NewMemory(subgraphFixture())
	es, err := m.FindEntities(ctx, "lavrov")
	if err != nil || len(es) != 2 || es[0].ID != "A" || es[1].ID != "L" {
		t.Fatalf("FindEntities(lavrov) = %v, %v; want A, L", es, err)
	}
	es[0].Aliases[0] = "changed"
	e, err := m.Entity(ctx, "A")
	if err != nil || e.Name != "Sergeï Lavrov" || e.Count != 10 || e.Aliases[0] != "Lavrov" {
		t.Errorf("Entity(A) = %+v, %v; want Sergeï Lavrov, unchanged by a caller", e, err)
	}
	if _, err := m.Entity(ctx, "nobody"); !errors.Is(err, graph.ErrNoEntity) {
		t.Errorf("Entity(nobody) = %v, want ErrNoEntity", err)
	}
	sub, err := m.Subgraph(ctx, []string{"B"}, 1, graph.Filter{Types: []schema.RelationType{schema.Accuses}})
	if err != nil || len(sub.Relations) != 1 {
		t.Fatalf("Subgraph = %v, %v", sub, err)
	}
	if _, err := m.Subgraph(ctx, []string{"B"}, 1, graph.Filter{Since: "May"}); err == nil {
		t.Errorf("Subgraph with a bad filter: no error")
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := m.Subgraph(canceled, []string{"B"}, 1, graph.Filter{}); err == nil {
		t.Errorf("Subgraph with a canceled context: no error")
	}
	if es, err := NewMemory(nil).FindEntities(ctx, "x"); err != nil || es != nil {
		t.Errorf("empty Memory FindEntities = %v, %v", es, err)
	}
}

// TestTimeline: Star's relations in date order, undated last, and a limit
// that keeps only what the first relations use.
func TestTimeline(t *testing.T) {
	ctx := context.Background()
	m := NewMemory(subgraphFixture())
	tl, err := m.Timeline(ctx, []string{"B"}, graph.Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, keys, _ := subgraphIDs(tl)
	if want := []string{"k-ab", "k-ba", "k-bc", "k-h1"}; !slices.Equal(keys, want) {
		t.Errorf("Timeline(B) = %q, want %q", keys, want)
	}
	tl, err = m.Timeline(ctx, []string{"B", "C"}, graph.Filter{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	ents, keys, arts := subgraphIDs(tl)
	if !slices.Equal(keys, []string{"k-cd", "k-ab"}) || !slices.Equal(ents, []string{"A", "B", "C", "D"}) || !slices.Equal(arts, []string{"a1", "a2"}) {
		t.Errorf("Timeline(B, C, limit 2) = %q %q %q; want k-cd (2023-12-31, its article's date) then k-ab, and what they use", keys, ents, arts)
	}
}

func TestStar(t *testing.T) {
	tests := []struct {
		name      string
		id        string
		f         graph.Filter
		entities  []string
		relations []string
	}{
		{"both directions, no relations among neighbours", "B", graph.Filter{},
			[]string{"A", "B", "C", "H"}, []string{"k-ab", "k-ba", "k-bc", "k-h1"}},
		{"filtered", "B", graph.Filter{Types: []schema.RelationType{schema.Accuses, schema.Denies}},
			[]string{"A", "B", "C"}, []string{"k-ba", "k-bc"}},
		{"dates", "B", graph.Filter{Since: "2024-04-15"}, []string{"A", "B", "C", "H"}, []string{"k-ba", "k-bc", "k-h1"}},
		{"until", "B", graph.Filter{Until: "2024-03"}, []string{"A", "B"}, []string{"k-ab"}},
		{"alone", "O", graph.Filter{Types: []schema.RelationType{schema.Meets}}, []string{"O"}, nil},
		{"unknown", "zz", graph.Filter{}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, err := NewMemory(subgraphFixture()).Star(context.Background(), []string{tt.id}, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			ents, keys, _ := subgraphIDs(sub)
			if !slices.Equal(ents, tt.entities) || !slices.Equal(keys, tt.relations) {
				t.Errorf("Star(%q, %+v) = %q %q, want %q %q", tt.id, tt.f, ents, keys, tt.entities, tt.relations)
			}
		})
	}
}

func TestShortestPaths(t *testing.T) {
	ctx := context.Background()
	// A diamond with a long way round and parallel relations:
	//
	//	S - M1 - T      S - L1 - L2 - L3 - T
	//	S - M2 - T      M1 - T twice (MEETS, WARNS 0.2)
	g := &graph.Graph{Articles: []schema.Article{{ID: "a", Published: "2024-01-01"}}}
	for _, id := range []string{"S", "M1", "M2", "L1", "L2", "L3", "T", "X"} {
		g.Entities = append(g.Entities, schema.Entity{ID: id, Type: schema.Country, Name: "n" + id})
	}
	rel := func(key, s, o string, typ schema.RelationType, conf float64) schema.Relation {
		return schema.Relation{Key: key, Type: typ, Subject: s, Object: o, Article: "a", Confidence: conf, Evidence: key}
	}
	g.Relations = []schema.Relation{
		rel("k1", "S", "M1", schema.Meets, 1), rel("k2", "T", "M1", schema.Meets, 1), rel("k3", "M1", "T", schema.Warns, 0.2),
		rel("k4", "S", "M2", schema.Meets, 1), rel("k5", "M2", "T", schema.Accuses, 0.9),
		rel("k6", "S", "L1", schema.Meets, 1), rel("k7", "L1", "L2", schema.Meets, 1), rel("k8", "L2", "L3", schema.Meets, 1), rel("k9", "L3", "T", schema.Meets, 1),
		rel("k10", "S", "S", schema.Meets, 1),
	}
	tests := []struct {
		name    string
		maxHops int
		f       graph.Filter
		limit   int
		paths   [][]string
		keys    []string
	}{
		{"all shortest", 4, graph.Filter{}, 0, [][]string{{"S", "M1", "T"}, {"S", "M2", "T"}}, []string{"k1", "k2", "k3", "k4", "k5"}},
		{"limit", 4, graph.Filter{}, 1, [][]string{{"S", "M1", "T"}}, []string{"k1", "k2", "k3"}},
		{"confidence keeps parallel relations that pass", 4, graph.Filter{MinConfidence: 0.5}, 0,
			[][]string{{"S", "M1", "T"}, {"S", "M2", "T"}}, []string{"k1", "k2", "k4", "k5"}},
		{"types", 4, graph.Filter{Types: []schema.RelationType{schema.Meets}}, 0,
			[][]string{{"S", "M1", "T"}}, []string{"k1", "k2"}},
		{"too far", 1, graph.Filter{}, 0, [][]string{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := NewMemory(g).ShortestPaths(ctx, "S", "T", tt.maxHops, tt.f, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			_, keys, _ := subgraphIDs(p.Graph)
			if fmt.Sprint(p.IDs) != fmt.Sprint(tt.paths) || !slices.Equal(keys, tt.keys) {
				t.Errorf("ShortestPaths = %q %q, want %q %q", p.IDs, keys, tt.paths, tt.keys)
			}
		})
	}

	// Without M1's MEETS to T, MEETS alone goes the long way round.
	g.Relations = slices.DeleteFunc(g.Relations, func(r schema.Relation) bool { return r.Key == "k2" })
	p, err := NewMemory(g).ShortestPaths(ctx, "T", "S", 5, graph.Filter{Types: []schema.RelationType{schema.Meets}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"T", "L3", "L2", "L1", "S"}}; fmt.Sprint(p.IDs) != fmt.Sprint(want) || p.Hops() != 4 {
		t.Errorf("long way = %q (%d hops), want %q", p.IDs, p.Hops(), want)
	}
	if hop := p.Hop("L2", "L3"); len(hop) != 1 || hop[0].Key != "k8" {
		t.Errorf("Hop(L2, L3) = %v, want k8", hop)
	}
	if p, err := NewMemory(g).ShortestPaths(ctx, "S", "X", 5, graph.Filter{}, 0); err != nil || len(p.IDs) != 0 || p.Hops() != 0 {
		t.Errorf("no path = %v, %v", p, err)
	}
	for _, bad := range []struct {
		from, to string
		hops     int
		f        graph.Filter
		limit    int
	}{
		{"S", "S", 3, graph.Filter{}, 0},
		{"S", "T", 0, graph.Filter{}, 0},
		{"S", "T", 16, graph.Filter{}, 0},
		{"S", "T", 3, graph.Filter{Since: "2024"}, 0},
		{"S", "T", 3, graph.Filter{Sources: []string{"AFP"}}, 0},
		{"S", "T", 3, graph.Filter{}, -1},
		{"S", "T", 3, graph.Filter{Types: []schema.RelationType{"LIKES"}}, 0},
	} {
		if _, err := NewMemory(g).ShortestPaths(ctx, bad.from, bad.to, bad.hops, bad.f, bad.limit); err == nil {
			t.Errorf("ShortestPaths(%+v): no error", bad)
		}
	}
}
