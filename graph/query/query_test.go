package query_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/dedup"
	"github.com/kgraph/kg/graph/export"
	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/names"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/graph/query"
	"github.com/kgraph/kg/schema"
)

// The analysts' answers are tested here, on the dev corpus (testdata/gold,
// 25 articles) built into every store as kg build builds it: each store
// must give the same answer, byte for byte once encoded, and each answer
// must hold what it says it holds. Neo4j comes from neo4jtest
// (testdata/run-tests sets NEO4J_URI and requires it); without one the
// answers of the graph file are still checked.

func TestMain(m *testing.M) { neo4jtest.Main(m) }

// store is the dev corpus in one kind of store.
type store struct {
	name string
	cfg  port.Config
	r    port.Reader
}

var dev struct {
	once   sync.Once
	graph  *graph.Graph // the whole graph file
	stores []*store
	err    error
}

// devStores returns the dev corpus built into the graph file and, when
// Neo4j is available, into Neo4j; the graph file comes first. They are
// built once for the test binary: tests must not change them.
func devStores(t *testing.T) []*store {
	t.Helper()
	dev.once.Do(func() {
		// The graph file is read into memory once built: the first
		// test's directory may go.
		dev.stores = []*store{{name: "file", cfg: port.Config{File: filepath.Join(t.TempDir(), "dev.json")}}}
		// A subtest, so that without Neo4j it alone is skipped (or
		// fails, when Neo4j is required) and the graph file is tested.
		t.Run("neo4j", func(t *testing.T) {
			uri := neo4jtest.URI(t)
			neo4jtest.Reset(t, neo4jtest.Driver(t))
			dev.stores = append(dev.stores, &store{name: "neo4j", cfg: port.Config{Neo4j: port.Neo4j{URI: uri,
				Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD")}}})
		})
		for _, s := range dev.stores {
			if dev.err = build(s.cfg); dev.err != nil {
				return
			}
			if s.r, dev.err = port.OpenReader(context.Background(), s.cfg); dev.err != nil {
				return
			}
		}
		dev.graph, dev.err = filestore.Read(dev.stores[0].cfg.File)
	})
	if dev.err != nil {
		t.Fatalf("dev corpus: %v", dev.err)
	}
	return dev.stores
}

type articles []schema.Article

func (s articles) Read(ctx context.Context, yield func(schema.Article) error) error {
	for _, a := range s {
		if err := yield(a); err != nil {
			return err
		}
	}
	return nil
}

// build builds the dev corpus and the seed (a copy of one of its
// articles) into the store of cfg as kg build does.
func build(cfg port.Config) error {
	ctx := context.Background()
	var arts articles
	err := ingest.NewReader([]string{"../../testdata/gold", "../../testdata/seed.txt"}, ingest.Options{}).Read(ctx, func(a schema.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return err
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	w, err := port.OpenWriter(ctx, cfg)
	if err != nil {
		return err
	}
	b := graph.Builder{Extract: x.Extract, Sink: w, Writers: w.Writers(), Dedup: dedup.New()}
	if _, err := b.Build(ctx, arts); err != nil {
		w.Abort(err)
		return err
	}
	return w.Close()
}

// resolve resolves name in s, failing t unless it designates one entity.
func resolve(t *testing.T, s *store, name string) schema.Entity {
	t.Helper()
	res, err := query.Resolve(context.Background(), s.r, name)
	if err != nil {
		t.Fatalf("%s: Resolve(%q): %v", s.name, name, err)
	}
	return res.Entity
}

// each asks every store the same question and fails t unless the answers
// encode alike; it returns the graph file's answer.
func each[T any](t *testing.T, what string, ask func(s *store) (T, error)) T {
	t.Helper()
	var first []byte
	var answer T
	for i, s := range devStores(t) {
		v, err := ask(s)
		if err != nil {
			t.Fatalf("%s on %s: %v", what, s.name, err)
		}
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first, answer = b, v
			continue
		}
		if string(b) != string(first) {
			t.Errorf("%s: %s and %s disagree:\n%s:\n%s\n%s:\n%s", what, s.name, dev.stores[0].name, s.name, b, dev.stores[0].name, first)
		}
	}
	return answer
}

func types(ts ...schema.RelationType) []schema.RelationType { return ts }

// TestAnswers asks every question of the analysts' commands of every
// store: the answers must be the same, and each must hold what it must
// hold whatever the extractor finds.
func TestAnswers(t *testing.T) {
	ctx := context.Background()
	all := func(f graph.Filter) query.Options { return query.Options{Filter: f} }
	entity := func(name string, opts query.Options) func(s *store) (*query.EntityReport, error) {
		return func(s *store) (*query.EntityReport, error) {
			return query.EntityInfo(ctx, s.r, resolve(t, s, name), opts)
		}
	}
	for _, name := range []string{"Dmitry Peskov", "russia", "Peskof"} {
		rep := each(t, "entity "+name, entity(name, query.Options{}))
		checkEntity(t, rep)
	}
	between := []struct {
		a, b string
		f    graph.Filter
	}{
		{"Dmitry Peskov", "Ukraine", graph.Filter{}},
		{"Ukraine", "Russia", graph.Filter{}},
		{"Ukraine", "Russia", graph.Filter{Since: "2025", Types: types(schema.Meets, schema.Accuses, schema.Fights)}},
	}
	for _, tt := range between {
		rep := each(t, "between "+tt.a+" "+tt.b, func(s *store) (*query.BetweenReport, error) {
			return query.Between(ctx, s.r, resolve(t, s, tt.a), resolve(t, s, tt.b), all(tt.f))
		})
		checkBetween(t, rep, tt.f)
	}
	neighbors := []struct {
		name string
		f    graph.Filter
	}{
		{"Russia", graph.Filter{}},
		{"Russia", graph.Filter{Types: types(schema.Accuses, schema.Denies, schema.Warns), Since: "2024", MinConfidence: 0.7}},
		{"China", graph.Filter{Until: "2024-12"}},
	}
	for _, tt := range neighbors {
		rep := each(t, "neighbors "+tt.name, func(s *store) (*query.NeighborsReport, error) {
			return query.Neighbors(ctx, s.r, resolve(t, s, tt.name), all(tt.f))
		})
		checkNeighbors(t, rep, tt.f)
	}
	paths := []struct {
		a, b string
		opts query.PathOptions
		none bool
	}{
		{"Dmitry Peskov", "NATO", query.PathOptions{MaxHops: query.DefaultMaxHops, Limit: query.DefaultPathLimit}, false},
		{"Sergei Lavrov", "Ukraine", query.PathOptions{Options: all(graph.Filter{Types: types(schema.Meets, schema.HoldsRole, schema.PartOf)}), MaxHops: 6, Limit: 10}, false},
		{"Dmitry Peskov", "China", query.PathOptions{MaxHops: 1, Limit: 10}, true}, // further apart
		{"Dmitry Peskov", "NATO", query.PathOptions{MaxHops: query.DefaultMaxHops, Limit: 1}, false},
	}
	for _, tt := range paths {
		rep := each(t, "path "+tt.a+" "+tt.b, func(s *store) (*query.PathReport, error) {
			return query.Paths(ctx, s.r, resolve(t, s, tt.a), resolve(t, s, tt.b), tt.opts)
		})
		checkPaths(t, rep, tt.opts, tt.none)
	}
	timelines := []struct {
		name  string
		f     graph.Filter
		limit int
	}{
		{"China", graph.Filter{}, 0},
		{"Russia", graph.Filter{Types: types(schema.HoldsRole), MinConfidence: 0.8}, 0},
		{"China", graph.Filter{Since: "2025-06", Until: "2025-12"}, 0},
		{"Russia", graph.Filter{}, 3},
	}
	for _, tt := range timelines {
		rep := each(t, "timeline "+tt.name, func(s *store) (*query.TimelineReport, error) {
			return query.Timeline(ctx, s.r, resolve(t, s, tt.name), all(tt.f), tt.limit)
		})
		checkTimeline(t, rep, tt.f, tt.limit)
	}
}

func checkRelation(t *testing.T, what string, r query.Relation) {
	t.Helper()
	if r.Key == "" || r.Subject.ID == "" || r.Object.ID == "" || r.Evidence == "" || r.Article.ID == "" || r.Confidence <= 0 {
		t.Errorf("%s: relation without its provenance: %+v", what, r)
	}
}

// checkFiltered checks that r passes f.
func checkFiltered(t *testing.T, what string, r query.Relation, f graph.Filter) {
	t.Helper()
	checkRelation(t, what, r)
	if len(f.Types) > 0 && !slices.Contains(f.Types, schema.RelationType(r.Type)) {
		t.Errorf("%s: relation of type %s, filter %v", what, r.Type, f.Types)
	}
	if r.Confidence < f.MinConfidence {
		t.Errorf("%s: relation of confidence %v", what, r.Confidence)
	}
	if f.Since != "" && r.When[:min(len(r.When), len(f.Since))] < f.Since {
		t.Errorf("%s: relation dated %s, since %s", what, r.When, f.Since)
	}
	if f.Until != "" && r.When[:min(len(r.When), len(f.Until))] > f.Until {
		t.Errorf("%s: relation dated %s, until %s", what, r.When, f.Until)
	}
}

// checkDateOrder checks that relations are in date order, undated last.
func checkDateOrder(t *testing.T, what string, rs []query.Relation) {
	t.Helper()
	for i := 1; i < len(rs); i++ {
		a, b := rs[i-1].When, rs[i].When
		if (a == "" && b != "") || (a != "" && b != "" && a > b) {
			t.Errorf("%s: relations out of date order: %q before %q", what, a, b)
		}
	}
}

func checkEntity(t *testing.T, rep *query.EntityReport) {
	t.Helper()
	sum := 0
	for _, g := range rep.Relations {
		sum += g.Count
	}
	if rep.Entity.ID == "" || rep.Entity.Mentions < 1 || rep.Total() == 0 || sum != rep.Total() {
		t.Errorf("entity %s = %+v; want an entity with mentions and relations counted alike", rep.Entity.Name, rep)
	}
	if rep.Entity.Name == "Dmitry Peskov" {
		found := false
		for _, r := range rep.Roles {
			found = found || (strings.EqualFold(r.Role, "spokesman") && r.At.Name == "Kremlin")
		}
		if !found {
			t.Errorf("entity %s: roles %+v lack Spokesman at the Kremlin", rep.Entity.Name, rep.Roles)
		}
	}
}

func checkBetween(t *testing.T, rep *query.BetweenReport, f graph.Filter) {
	t.Helper()
	what := "between " + rep.A.Name + " " + rep.B.Name
	ends := []string{rep.A.ID, rep.B.ID}
	if len(rep.Relations) == 0 {
		t.Errorf("%s: no relations", what)
	}
	for _, r := range rep.Relations {
		checkFiltered(t, what, r, f)
		if !slices.Contains(ends, r.Subject.ID) || !slices.Contains(ends, r.Object.ID) || r.Subject.ID == r.Object.ID {
			t.Errorf("%s: relation %s %s %s is not between the two", what, r.Subject.Name, r.Type, r.Object.Name)
		}
	}
	checkDateOrder(t, what, rep.Relations)
}

func checkNeighbors(t *testing.T, rep *query.NeighborsReport, f graph.Filter) {
	t.Helper()
	what := "neighbors " + rep.Entity.Name
	if len(rep.Neighbors) == 0 {
		t.Errorf("%s: no neighbours", what)
	}
	for i, n := range rep.Neighbors {
		if n.Count != len(n.Relations) || (i > 0 && n.Count > rep.Neighbors[i-1].Count) {
			t.Errorf("%s: neighbour %s: count %d, %d relations, or out of order", what, n.Entity.Name, n.Count, len(n.Relations))
		}
		for _, r := range n.Relations {
			checkFiltered(t, what, r, f)
			if (r.Subject.ID != rep.Entity.ID || r.Object.ID != n.Entity.ID) && (r.Object.ID != rep.Entity.ID || r.Subject.ID != n.Entity.ID) {
				t.Errorf("%s: relation %s %s %s does not join %s and %s", what, r.Subject.Name, r.Type, r.Object.Name, rep.Entity.Name, n.Entity.Name)
			}
		}
		checkDateOrder(t, what, n.Relations)
	}
}

func checkPaths(t *testing.T, rep *query.PathReport, opts query.PathOptions, none bool) {
	t.Helper()
	what := "path " + rep.From.Name + " " + rep.To.Name
	if none {
		if len(rep.Paths) != 0 || rep.Hops != 0 {
			t.Errorf("%s: %d paths, want none", what, len(rep.Paths))
		}
		return
	}
	if len(rep.Paths) == 0 || rep.Hops < 1 || rep.Hops > rep.MaxHops || rep.MaxHops != opts.MaxHops || len(rep.Paths) > opts.Limit {
		t.Errorf("%s: %d paths of %d hops (max %d, limit %d)", what, len(rep.Paths), rep.Hops, opts.MaxHops, opts.Limit)
	}
	for _, p := range rep.Paths {
		if len(p.Entities) != rep.Hops+1 || p.Entities[0].ID != rep.From.ID || p.Entities[rep.Hops].ID != rep.To.ID || len(p.Hops) != rep.Hops {
			t.Errorf("%s: path %+v does not lead from %s to %s in %d hops", what, p.Entities, rep.From.Name, rep.To.Name, rep.Hops)
		}
		for _, h := range p.Hops {
			if len(h.Relations) == 0 {
				t.Errorf("%s: hop %s - %s without relations", what, h.From.Name, h.To.Name)
			}
			for _, r := range h.Relations {
				checkFiltered(t, what, r, opts.Filter)
			}
		}
	}
}

func checkTimeline(t *testing.T, rep *query.TimelineReport, f graph.Filter, limit int) {
	t.Helper()
	what := "timeline " + rep.Entity.Name
	if len(rep.Relations) == 0 || (limit > 0 && len(rep.Relations) != limit) {
		t.Errorf("%s: %d relations (limit %d)", what, len(rep.Relations), limit)
	}
	for _, r := range rep.Relations {
		checkFiltered(t, what, r, f)
		if r.Subject.ID != rep.Entity.ID && r.Object.ID != rep.Entity.ID {
			t.Errorf("%s: relation %s %s %s is not the entity's", what, r.Subject.Name, r.Type, r.Object.Name)
		}
	}
	checkDateOrder(t, what, rep.Relations)
}

// TestFiltersNarrow: a filter keeps a part of the answer, and the part is
// what passes it.
func TestFiltersNarrow(t *testing.T) {
	ctx := context.Background()
	for _, s := range devStores(t) {
		russia, china, ukraine := resolve(t, s, "Russia"), resolve(t, s, "China"), resolve(t, s, "Ukraine")
		allN, err := query.Neighbors(ctx, s.r, russia, query.Options{})
		if err != nil {
			t.Fatal(err)
		}
		some, err := query.Neighbors(ctx, s.r, russia, query.Options{Filter: graph.Filter{Types: types(schema.Accuses, schema.PartOf)}})
		if err != nil {
			t.Fatal(err)
		}
		if len(some.Neighbors) == 0 || len(some.Neighbors) >= len(allN.Neighbors) {
			t.Errorf("%s: --types ACCUSES,PART_OF: %d neighbours of %d", s.name, len(some.Neighbors), len(allN.Neighbors))
		}
		none, err := query.Neighbors(ctx, s.r, russia, query.Options{Filter: graph.Filter{Since: "2099"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(none.Neighbors) != 0 || none.Entity.Name != "Russia" {
			t.Errorf("%s: since 2099: %+v, want Russia without neighbours", s.name, none)
		}
		ab, err := query.Between(ctx, s.r, ukraine, russia, query.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ba, err := query.Between(ctx, s.r, russia, ukraine, query.Options{})
		if err != nil {
			t.Fatal(err)
		}
		subjects := map[string]bool{}
		for _, r := range ab.Relations {
			subjects[r.Subject.Name] = true
		}
		if len(ab.Relations) == 0 || !slices.Equal(keys(ab.Relations), keys(ba.Relations)) || !subjects["Ukraine"] || !subjects["Russia"] {
			t.Errorf("%s: between Ukraine and Russia: %d relations, the other way %d, subjects %v; want the same, both directions", s.name, len(ab.Relations), len(ba.Relations), subjects)
		}
		if _, err := query.Between(ctx, s.r, china, china, query.Options{}); !errors.Is(err, query.ErrSameEntity) {
			t.Errorf("%s: Between an entity and itself = %v, want ErrSameEntity", s.name, err)
		}
		if _, err := query.Paths(ctx, s.r, china, russia, query.PathOptions{MaxHops: 16}); err == nil {
			t.Errorf("%s: Paths of 16 hops: no error", s.name)
		}
	}
}

func keys(rs []query.Relation) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Key)
	}
	return out
}

// TestResolve resolves names in every store: IDs, names in any case,
// partial and close names that designate one entity, names several
// entities share, and names nothing has.
func TestResolve(t *testing.T) {
	ctx := context.Background()
	stores := devStores(t)
	name, want := ambiguousName(t, dev.graph)
	tests := []struct {
		name      string
		want      string // entity name
		match     names.Match
		ambiguous []string // candidate IDs
		none      bool
	}{
		{name: "dmitry peskov", want: "Dmitry Peskov", match: names.Exact},
		{name: "PESKOV", want: "Dmitry Peskov", match: names.Exact},
		{name: "Peskof", want: "Dmitry Peskov", match: names.Close},
		{name: "Lavrov", want: "Sergei Lavrov", match: names.Words},                      // a word of the name
		{name: "Recep Tayyip Erdoğan", want: "Recep Tayyip Erdogan", match: names.Exact}, // accents in the query
		{name: name, ambiguous: want},
		{name: strings.ToUpper(name), ambiguous: want},
		{name: "Zyxwvut Qqq", none: true},
		{name: schema.EntityID(schema.Country, "Atlantis"), none: true},
	}
	for _, s := range stores {
		for _, tt := range tests {
			res, err := query.Resolve(ctx, s.r, tt.name)
			var amb *query.AmbiguousError
			switch {
			case tt.none:
				if !errors.Is(err, query.ErrNoEntity) || !strings.Contains(err.Error(), tt.name) {
					t.Errorf("%s: Resolve(%q) = %v, %v; want ErrNoEntity naming it", s.name, tt.name, res.Entity.Name, err)
				}
			case tt.ambiguous != nil:
				var got []string
				if errors.As(err, &amb) {
					for _, c := range amb.Candidates {
						got = append(got, c.ID)
						if c.Name == "" || !c.Type.Valid() || c.Count < 1 {
							t.Errorf("%s: candidate %+v: want name, type, id and mentions", s.name, c)
						}
					}
				}
				slices.Sort(got)
				if !slices.Equal(got, tt.ambiguous) || !strings.Contains(err.Error(), "ambiguous") {
					t.Errorf("%s: Resolve(%q) = %v, candidates %q, want %q", s.name, tt.name, err, got, tt.ambiguous)
				}
			default:
				if err != nil || res.Entity.Name != tt.want || res.Match != tt.match {
					t.Errorf("%s: Resolve(%q) = %q (%v), %v; want %q (%v)", s.name, tt.name, res.Entity.Name, res.Match, err, tt.want, tt.match)
					continue
				}
				byID, err := query.Resolve(ctx, s.r, res.Entity.ID)
				if err != nil || byID.Entity.ID != res.Entity.ID || byID.Match != names.Exact {
					t.Errorf("%s: Resolve(%s) = %v, %v; want itself", s.name, res.Entity.ID, byID, err)
				}
			}
		}
	}
}

// ambiguousName returns a name that several entities of g have (as name
// or alias, once folded), and the sorted IDs of those entities: the test
// looks for one in the dev corpus rather than rely on one the extractor
// happens to make today.
func ambiguousName(t *testing.T, g *graph.Graph) (string, []string) {
	t.Helper()
	byName := make(map[string][]string)
	spelling := make(map[string]string)
	for _, e := range g.Entities {
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			f := schema.NormalizeName(n)
			if f != "" && !seen[f] {
				seen[f] = true
				byName[f] = append(byName[f], e.ID)
				if spelling[f] == "" || n == e.Name {
					spelling[f] = n
				}
			}
		}
	}
	var shared []string
	for f, ids := range byName {
		if len(ids) > 1 {
			shared = append(shared, f)
		}
	}
	if len(shared) == 0 {
		t.Fatal("no name of the dev corpus is ambiguous: the test needs one")
	}
	slices.Sort(shared)
	ids := byName[shared[0]]
	slices.Sort(ids)
	return spelling[shared[0]], ids
}

// TestSubgraphExports cuts the same subgraph out of every store and
// writes it in every export format: the files must be byte-identical.
func TestSubgraphExports(t *testing.T) {
	ctx := context.Background()
	f := graph.Filter{Types: types(schema.Meets, schema.Accuses, schema.Denies, schema.Warns, schema.HoldsRole, schema.PartOf, schema.Visits)}
	writers := map[string]func(io.Writer, *graph.Graph) error{
		"json": export.JSON, "graphml": export.GraphML, "cypher": export.Cypher, "dot": export.DOT, "svg": export.SVG, "html": export.HTML,
		"csv": func(w io.Writer, g *graph.Graph) error { return export.CSV(w, w, g) },
	}
	subs := make(map[string]*graph.Graph)
	each(t, "subgraph of Russia and Sergei Lavrov", func(s *store) (*graph.Graph, error) {
		sub, err := query.Subgraph(ctx, s.r, []schema.Entity{resolve(t, s, "Russia"), resolve(t, s, "Sergei Lavrov"), resolve(t, s, "Russia")}, 2, query.Options{Filter: f})
		subs[s.name] = sub
		return sub, err
	})
	if sub := subs["file"]; len(sub.Relations) < 10 || len(sub.Entities) < 10 {
		t.Errorf("the subgraph has %d entities, %d relations; the test means to export more", len(sub.Entities), len(sub.Relations))
	}
	for format, write := range writers {
		each(t, format+" export", func(s *store) (string, error) {
			var b bytes.Buffer
			err := write(&b, subs[s.name])
			return b.String(), err
		})
	}
}
