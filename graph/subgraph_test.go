package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// subgraphFixture is a small graph:
//
//	A -MEETS(2024-03-01, 0.9)-> B -ACCUSES(2024-05-10, 0.5)-> C -WARNS(no date, a2 2023-12-31)-> D
//	A -HOLDS_ROLE(no date, article without date)-> O
//	B -DENIES(2024-04, 0.8)-> A
//	H (hub) -SUPPORTS-> A, B, C, D, E1..E5 (2024-06-01)
func subgraphFixture() *Graph {
	ent := func(id string, t schema.EntityType, name string, count int, aliases ...string) schema.Entity {
		return schema.Entity{ID: id, Type: t, Name: name, Count: count, Aliases: aliases}
	}
	g := &Graph{
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
		Mentions: []Mention{
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

func subgraphIDs(g *Graph) (ents, keys, arts []string) {
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
		f         Filter
		entities  []string
		relations []string
		articles  []string
	}{
		{"zero hops is the seed", []string{"A"}, 0, Filter{}, []string{"A"}, nil, nil},
		{"negative hops count as zero", []string{"A"}, -3, Filter{}, []string{"A"}, nil, nil},
		{"zero hops keeps relations among seeds", []string{"A", "B"}, 0, Filter{},
			[]string{"A", "B"}, []string{"k-ab", "k-ba"}, []string{"a1"}},
		{"one hop, both directions, dangling skipped", []string{"A"}, 1, Filter{Types: noHub},
			[]string{"A", "B", "O"}, []string{"k-ab", "k-ao", "k-ba"}, []string{"a1", "a3"}},
		{"two hops", []string{"A"}, 2, Filter{Types: noHub},
			[]string{"A", "B", "C", "O"}, []string{"k-ab", "k-ao", "k-ba", "k-bc"}, []string{"a1", "a3"}},
		{"hops beyond the component", []string{"A"}, 10, Filter{Types: noHub},
			[]string{"A", "B", "C", "D", "O"}, []string{"k-ab", "k-ao", "k-ba", "k-bc", "k-cd"}, []string{"a1", "a2", "a3"}},
		{"induced: hub edges among collected nodes", []string{"A"}, 1, Filter{},
			[]string{"A", "B", "H", "O"}, []string{"k-ab", "k-ao", "k-ba", "k-h0", "k-h1"}, []string{"a1", "a3"}},
		{"hub expands once", []string{"A"}, 2, Filter{Types: []schema.RelationType{schema.Supports}},
			[]string{"A", "B", "C", "D", "E1", "E2", "E3", "E4", "E5", "H"},
			[]string{"k-h0", "k-h1", "k-h2", "k-h3", "k-h4", "k-h5", "k-h6", "k-h7", "k-h8"}, []string{"a3"}},
		{"type filter", []string{"A"}, 5, Filter{Types: []schema.RelationType{schema.Denies}},
			[]string{"A", "B"}, []string{"k-ba"}, []string{"a1"}},
		{"min confidence cuts the walk", []string{"A"}, 5, Filter{Types: noHub, MinConfidence: 0.6},
			[]string{"A", "B", "O"}, []string{"k-ab", "k-ao", "k-ba"}, []string{"a1", "a3"}},
		{"since: month precision overlaps, undated article drops", []string{"A"}, 5, Filter{Types: noHub, Since: "2024-04-15"},
			[]string{"A", "B", "C"}, []string{"k-ba", "k-bc"}, []string{"a1"}},
		{"until: undated relation takes its article's date", []string{"D"}, 5, Filter{Types: noHub, Until: "2024-01"},
			[]string{"C", "D"}, []string{"k-cd"}, []string{"a2"}},
		{"since and until", []string{"B"}, 5, Filter{Types: noHub, Since: "2024-03", Until: "2024-04-30"},
			[]string{"A", "B"}, []string{"k-ab", "k-ba"}, []string{"a1"}},
		{"sources, compared ignoring case", []string{"B"}, 5, Filter{Types: noHub, Sources: []string{"reuters"}},
			[]string{"A", "B", "C"}, []string{"k-ab", "k-ba", "k-bc"}, []string{"a1"}},
		{"sources: several", []string{"D"}, 5, Filter{Types: noHub, Sources: []string{"AFP", "Reuters"}},
			[]string{"A", "B", "C", "D"}, []string{"k-ab", "k-ba", "k-bc", "k-cd"}, []string{"a1", "a2"}},
		{"sources: an article without one never passes", []string{"O"}, 1, Filter{Sources: []string{"Reuters", "AFP"}},
			[]string{"O"}, nil, nil},
		{"unknown and repeated seeds", []string{"zz", "C", "C"}, 0, Filter{}, []string{"C"}, nil, nil},
		{"no seeds", nil, 3, Filter{}, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := subgraphFixture()
			before, _ := g.Encode()
			sub := g.Subgraph(tt.seeds, tt.hops, tt.f)
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
			if after, _ := g.Encode(); string(after) != string(before) {
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
	sub := g.Subgraph([]string{"A"}, 1, Filter{Types: []schema.RelationType{schema.Visits}})
	ents, keys, _ := subgraphIDs(sub)
	if !slices.Equal(ents, []string{"A", "L"}) || !slices.Equal(keys, []string{"k-al", "k-self"}) {
		t.Errorf("Subgraph = entities %q relations %q, want [A L] [k-al k-self]", ents, keys)
	}
}

func TestSubgraphMentionsAndCopies(t *testing.T) {
	g := subgraphFixture()
	sub := g.Subgraph([]string{"A"}, 1, Filter{Types: []schema.RelationType{schema.Meets}})
	want := []Mention{{Article: "a1", Entity: "A", Count: 3}, {Article: "a1", Entity: "B", Count: 1}}
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
	g := &Graph{Articles: []schema.Article{{ID: "a"}}}
	g.Entities = append(g.Entities, schema.Entity{ID: "hub", Type: schema.Country, Name: "hub"})
	const n = 2000
	for i := range n {
		id := fmt.Sprintf("s%04d", i)
		g.Entities = append(g.Entities, schema.Entity{ID: id, Type: schema.Country, Name: id})
		g.Relations = append(g.Relations,
			schema.Relation{Key: "h" + id, Type: schema.Meets, Subject: "hub", Object: id, Article: "a", Confidence: 1},
			schema.Relation{Key: "r" + id, Type: schema.Meets, Subject: id, Object: fmt.Sprintf("s%04d", (i+1)%n), Article: "a", Confidence: 1})
	}
	sub := g.Subgraph([]string{"s0000"}, 3, Filter{})
	if len(sub.Entities) != n+1 || len(sub.Relations) != 2*n {
		t.Errorf("Subgraph = %d entities %d relations, want %d %d", len(sub.Entities), len(sub.Relations), n+1, 2*n)
	}
}

func TestFilterValidate(t *testing.T) {
	tests := []struct {
		f  Filter
		ok bool
	}{
		{Filter{}, true},
		{Filter{Types: []schema.RelationType{schema.Meets}, Since: "2024", Until: "2024-05-31"}, true},
		{Filter{Since: "2024-05", Until: "2024-05-01"}, true},
		{Filter{Types: []schema.RelationType{"LIKES"}}, false},
		{Filter{Since: "2024-5-1"}, false},
		{Filter{Until: "yesterday"}, false},
		{Filter{Since: "2024-13"}, false},
		{Filter{Since: "2024-02-32"}, false},
		{Filter{Since: "2024-06", Until: "2024-05-31"}, false},
		{Filter{Sources: []string{"AFP"}}, true},
		{Filter{Sources: []string{"AFP", ""}}, false},
	}
	for _, tt := range tests {
		if err := tt.f.Validate(); (err == nil) != tt.ok {
			t.Errorf("%+v.Validate() = %v, want ok %v", tt.f, err, tt.ok)
		}
	}
}

func TestFindEntities(t *testing.T) {
	g := subgraphFixture()
	tests := []struct {
		name string
		want []string
	}{
		{"Sergeï Lavrov", []string{"A"}},
		{"SERGEI LAVROV", []string{"A"}},
		{"sergei  lavrov", []string{"A"}},
		{"lavrov", []string{"A", "L"}}, // alias of A, name of L; most mentioned first
		{"Russian Federation", []string{"D"}},
		{"the russia", []string{"D"}},
		{"Blinken", []string{"B"}},
		{"Sergei", []string{"A"}},           // a word of the name
		{"foreign MINISTRY", []string{"O"}}, // words in any order
		{"Blinkin", []string{"B"}},          // one edit
		{"Antnoy Blinken", []string{"B"}},   // a transposition
		{"Lavrof", []string{"A", "L"}},      // close to both
		{"Ukriane Russia", nil},             // words of different entities
		{"Lavr", nil},                       // a prefix is not a word
		{"Serge", []string{"A"}},            // one letter short
		{"Hubb", []string{"H"}},             // one edit, four letters
		{"ext", nil},                        // short words must be exact
		{"federation", []string{"D"}},       // a word of an alias
		{"", nil},
		{"  ...  ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range g.FindEntities(tt.name) {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindEntities(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMemorySource(t *testing.T) {
	ctx := context.Background()
	src := MemorySource{Graph: subgraphFixture()}
	es, err := src.FindEntities(ctx, "blinken")
	if err != nil || len(es) != 1 || es[0].ID != "B" {
		t.Fatalf("FindEntities = %v, %v", es, err)
	}
	sub, err := src.Subgraph(ctx, []string{"B"}, 1, Filter{Types: []schema.RelationType{schema.Accuses}})
	if err != nil || len(sub.Relations) != 1 {
		t.Fatalf("Subgraph = %v, %v", sub, err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := src.Subgraph(canceled, []string{"B"}, 1, Filter{}); err == nil {
		t.Errorf("Subgraph with a canceled context: no error")
	}
	if es, err := (MemorySource{}).FindEntities(ctx, "x"); err != nil || es != nil {
		t.Errorf("empty MemorySource FindEntities = %v, %v", es, err)
	}
}

func TestResolveEntity(t *testing.T) {
	ctx := context.Background()
	g := subgraphFixture()
	id := schema.EntityID(schema.Country, "Moldova")
	g.Entities = append(g.Entities, schema.Entity{ID: id, Type: schema.Country, Name: "Moldova"})
	src := MemorySource{Graph: g}
	tests := []struct {
		name      string
		want      string
		ambiguous []string
		none      bool
	}{
		{name: "blinken", want: "B"},
		{name: "Antony  BLINKEN", want: "B"},
		{name: id, want: id},
		{name: "moldova", want: id},
		{name: "Lavrov", ambiguous: []string{"A", "L"}},
		{name: "Nobody", none: true},
		{name: schema.EntityID(schema.Country, "Atlantis"), none: true},
	}
	for _, tt := range tests {
		e, err := ResolveEntity(ctx, src, tt.name)
		var amb *AmbiguousError
		switch {
		case tt.none:
			if !errors.Is(err, ErrNoEntity) {
				t.Errorf("ResolveEntity(%q) = %v, %v, want ErrNoEntity", tt.name, e, err)
			}
		case tt.ambiguous != nil:
			var got []string
			if errors.As(err, &amb) {
				for _, c := range amb.Candidates {
					got = append(got, c.ID)
				}
			}
			if !slices.Equal(got, tt.ambiguous) || !strings.Contains(fmt.Sprint(err), "ambiguous") {
				t.Errorf("ResolveEntity(%q) = %v, candidates %q, want %q", tt.name, err, got, tt.ambiguous)
			}
		default:
			if err != nil || e.ID != tt.want {
				t.Errorf("ResolveEntity(%q) = %v, %v, want %s", tt.name, e.ID, err, tt.want)
			}
		}
	}
}

func TestFindEntitiesPrefersExact(t *testing.T) {
	g := &Graph{Entities: []schema.Entity{
		{ID: "r", Type: schema.Country, Name: "Russia", Count: 1},
		{ID: "rt", Type: schema.Organization, Name: "Russia Today", Count: 9},
		{ID: "ru", Type: schema.Country, Name: "Rusia Unida", Count: 9},
	}}
	tests := []struct {
		name string
		want []string
	}{
		{"RUSSIA", []string{"r"}},            // exact, not the words of Russia Today
		{"today", []string{"rt"}},            // words
		{"rusia", []string{"ru"}},            // a word of Rusia Unida beats close to Russia
		{"russa", []string{"ru", "rt", "r"}}, // close to all: most mentioned, then by name
	}
	for _, tt := range tests {
		var got []string
		for _, e := range g.FindEntities(tt.name) {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindEntities(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMatchName(t *testing.T) {
	tests := []struct {
		typed, name string
		want        Match
	}{
		{"Sergeï LAVROV", "sergei lavrov", MatchExact},
		{"the United States", "United States", MatchExact},
		{"lavrov", "Sergei Lavrov", MatchWords},
		{"lavrov sergei", "Sergei Lavrov", MatchWords},
		{"lavorv", "Sergei Lavrov", MatchClose},  // transposition
		{"lavrv", "Sergei Lavrov", MatchClose},   // deletion
		{"lavrovv", "Sergei Lavrov", MatchClose}, // insertion
		{"stoltenbrg", "Jens Stoltenberg", MatchClose},
		{"stoltnbrg", "Jens Stoltenberg", MatchClose}, // two edits, ten letters
		{"stltnbrg", "Jens Stoltenberg", MatchNone},   // three
		{"lvrv", "Sergei Lavrov", MatchNone},          // two edits, four letters
		{"usa", "us", MatchNone},                      // short words are exact
		{"lavrov x", "Sergei Lavrov", MatchNone},      // every word must match
		{"", "x", MatchNone},
		{"x", "", MatchNone},
		{"ab", "a`b", MatchNone},
		{"a`b", "a b", MatchExact},
		{"x'})-[:R]->() DETACH DELETE n //", "X R DETACH DELETE N", MatchExact},
		{"Erdogan", "Recep Tayyip Erdoğan", MatchWords},
	}
	for _, tt := range tests {
		if got := MatchName(tt.typed, tt.name); got != tt.want {
			t.Errorf("MatchName(%q, %q) = %v, want %v", tt.typed, tt.name, got, tt.want)
		}
	}
	if MatchExact.Or(MatchNone) != MatchExact || MatchNone.Or(MatchClose) != MatchClose || MatchClose.Or(MatchWords) != MatchWords {
		t.Errorf("Match.Or does not keep the better match")
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // over the limit: limit+1
		{"ab", "ba", 2, 1},
		{"ca", "abc", 3, 3}, // optimal string alignment, not Damerau
		{"", "abc", 5, 3},
		{"éa", "aé", 2, 1}, // runes, not bytes
		{"same", "same", 0, 0},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestStar(t *testing.T) {
	tests := []struct {
		name      string
		id        string
		f         Filter
		entities  []string
		relations []string
	}{
		{"both directions, no relations among neighbours", "B", Filter{},
			[]string{"A", "B", "C", "H"}, []string{"k-ab", "k-ba", "k-bc", "k-h1"}},
		{"filtered", "B", Filter{Types: []schema.RelationType{schema.Accuses, schema.Denies}},
			[]string{"A", "B", "C"}, []string{"k-ba", "k-bc"}},
		{"dates", "B", Filter{Since: "2024-04-15"}, []string{"A", "B", "C", "H"}, []string{"k-ba", "k-bc", "k-h1"}},
		{"until", "B", Filter{Until: "2024-03"}, []string{"A", "B"}, []string{"k-ab"}},
		{"alone", "O", Filter{Types: []schema.RelationType{schema.Meets}}, []string{"O"}, nil},
		{"unknown", "zz", Filter{}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := subgraphFixture().Star(tt.id, tt.f)
			ents, keys, _ := subgraphIDs(sub)
			if !slices.Equal(ents, tt.entities) || !slices.Equal(keys, tt.relations) {
				t.Errorf("Star(%q, %+v) = %q %q, want %q %q", tt.id, tt.f, ents, keys, tt.entities, tt.relations)
			}
		})
	}
}

func TestShortestPaths(t *testing.T) {
	// A diamond with a long way round and parallel relations:
	//
	//	S - M1 - T      S - L1 - L2 - L3 - T
	//	S - M2 - T      M1 - T twice (MEETS, WARNS 0.2)
	g := &Graph{Articles: []schema.Article{{ID: "a", Published: "2024-01-01"}}}
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
		f       Filter
		limit   int
		paths   [][]string
		keys    []string
	}{
		{"all shortest", 4, Filter{}, 0, [][]string{{"S", "M1", "T"}, {"S", "M2", "T"}}, []string{"k1", "k2", "k3", "k4", "k5"}},
		{"limit", 4, Filter{}, 1, [][]string{{"S", "M1", "T"}}, []string{"k1", "k2", "k3"}},
		{"confidence keeps parallel relations that pass", 4, Filter{MinConfidence: 0.5}, 0,
			[][]string{{"S", "M1", "T"}, {"S", "M2", "T"}}, []string{"k1", "k2", "k4", "k5"}},
		{"types", 4, Filter{Types: []schema.RelationType{schema.Meets}}, 0,
			[][]string{{"S", "M1", "T"}}, []string{"k1", "k2"}},
		{"too far", 1, Filter{}, 0, [][]string{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := g.ShortestPaths("S", "T", tt.maxHops, tt.f, tt.limit)
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
	p, err := g.ShortestPaths("T", "S", 5, Filter{Types: []schema.RelationType{schema.Meets}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"T", "L3", "L2", "L1", "S"}}; fmt.Sprint(p.IDs) != fmt.Sprint(want) || p.Hops() != 4 {
		t.Errorf("long way = %q (%d hops), want %q", p.IDs, p.Hops(), want)
	}
	if hop := p.Hop("L2", "L3"); len(hop) != 1 || hop[0].Key != "k8" {
		t.Errorf("Hop(L2, L3) = %v, want k8", hop)
	}
	if p, err := g.ShortestPaths("S", "X", 5, Filter{}, 0); err != nil || len(p.IDs) != 0 || p.Hops() != 0 {
		t.Errorf("no path = %v, %v", p, err)
	}
	for _, bad := range []struct {
		from, to string
		hops     int
		f        Filter
		limit    int
	}{
		{"S", "S", 3, Filter{}, 0},
		{"S", "T", 0, Filter{}, 0},
		{"S", "T", 16, Filter{}, 0},
		{"S", "T", 3, Filter{Since: "2024"}, 0},
		{"S", "T", 3, Filter{Sources: []string{"AFP"}}, 0},
		{"S", "T", 3, Filter{}, -1},
		{"S", "T", 3, Filter{Types: []schema.RelationType{"LIKES"}}, 0},
	} {
		if _, err := g.ShortestPaths(bad.from, bad.to, bad.hops, bad.f, bad.limit); err == nil {
			t.Errorf("ShortestPaths(%+v): no error", bad)
		}
	}
}
