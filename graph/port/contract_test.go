package port_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/dedup"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

// The contract suite: one test body runs over every store that implements
// the ports (the graph file and Neo4j), through the opener, and the stores
// must give the same answers. Neo4j comes from neo4jtest: testdata/run-tests
// sets NEO4J_URI and requires it; without one the Neo4j half is skipped.

func TestMain(m *testing.M) { neo4jtest.Main(m) }

// kg's extractor is the extraction port.
var _ port.Extractor = (*extract.Extractor)(nil)

// adapter is one kind of store for the suite.
type adapter struct {
	name string
	// empty returns the Config of an empty store of this kind.
	empty func(t *testing.T) port.Config
}

var adapters = []adapter{
	{"file", func(t *testing.T) port.Config {
		return port.Config{File: filepath.Join(t.TempDir(), "out", "graph.json")}
	}},
	{"neo4j", func(t *testing.T) port.Config {
		neo4jtest.Reset(t, neo4jtest.Driver(t))
		return port.Config{Neo4j: port.Neo4j{
			URI:      neo4jtest.URI(t),
			Username: os.Getenv("NEO4J_USERNAME"),
			Password: os.Getenv("NEO4J_PASSWORD"),
		}}
	}},
}

// forEach runs body once for each adapter, as a subtest named after it.
func forEach(t *testing.T, body func(t *testing.T, a adapter)) {
	t.Helper()
	for _, a := range adapters {
		t.Run(a.name, func(t *testing.T) { body(t, a) })
	}
}

// same fails t unless every adapter's answer (by adapter name) encodes to
// the same JSON.
func same(t *testing.T, what string, answers map[string]any) {
	t.Helper()
	var first, firstName string
	for _, a := range adapters {
		v, ok := answers[a.name]
		if !ok {
			continue // skipped
		}
		b, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if firstName == "" {
			first, firstName = string(b), a.name
			continue
		}
		if got := string(b); got != first {
			fl, gl := strings.Split(first, "\n"), strings.Split(got, "\n")
			for i := range min(len(fl), len(gl)) {
				if fl[i] != gl[i] {
					t.Errorf("%s: %s and %s differ at line %d:\n%s: %s\n%s: %s", what, firstName, a.name, i+1, firstName, fl[i], a.name, gl[i])
					return
				}
			}
			t.Errorf("%s: %s has %d lines, %s %d", what, firstName, len(fl), a.name, len(gl))
		}
	}
}

func entity(t schema.EntityType, name string, count int, aliases ...string) schema.Entity {
	return schema.Entity{ID: schema.EntityID(t, name), Name: name, Type: t, Aliases: aliases, Count: count}
}

func relation(article string, sentence int, s schema.Entity, t schema.RelationType, o schema.Entity) schema.Relation {
	return schema.Relation{
		Key:     schema.RelationKey(article, sentence, s.ID, t, o.ID),
		Type:    t,
		Subject: s.ID, Object: o.ID, Article: article, Sentence: sentence,
		Evidence: fmt.Sprintf("sentence %d of %s", sentence, article), Start: sentence * 100, End: sentence*100 + 50,
		Confidence: 0.8,
	}
}

var (
	austin  = entity(schema.Person, "Lloyd Austin", 3, "Austin")
	china   = entity(schema.Country, "China", 2, "PRC")
	nato    = entity(schema.Organization, "North Atlantic Treaty Organization", 1, "NATO")
	tick    = entity(schema.Organization, "a`b", 1)
	inject  = entity(schema.Group, "x'})-[:R]->() DETACH DELETE n //", 1, `"quoted" \ alias`)
	kyiv    = entity(schema.Location, "Kyiv", 1, "Kiev")
	pentag  = entity(schema.Organization, "Pentagon", 1)
	erdogan = entity(schema.Person, "Recep Tayyip Erdoğan", 2)
	all     = []schema.Entity{austin, china, nato, tick, inject, kyiv, pentag, erdogan}
)

// fixture is two articles sharing entities, with relations of several
// types, and names that would break naive Cypher building.
func fixture() []schema.Extraction {
	a1 := schema.Extraction{
		Article:  schema.Article{ID: "article-1", Title: "Talks in Kyiv", Source: "wire", Published: "2024-03-01", URL: "https://example.com/1", SHA256: "abc", Text: "not stored"},
		Entities: []schema.Entity{austin, china, nato, kyiv, pentag},
		Relations: []schema.Relation{
			relation("article-1", 0, austin, schema.Meets, china),
			relation("article-1", 1, austin, schema.Visits, kyiv),
			relation("article-1", 2, china, schema.Warns, nato),
			relation("article-1", 3, austin, schema.HoldsRole, pentag),
		},
	}
	a1.Relations[0].Date = "2024-03-01"
	a1.Relations[0].CAMEO = "04"
	a1.Relations[2].Tense = "future"
	a1.Relations[3].Role = "Secretary of Defense"

	c2 := china
	c2.Aliases = []string{"People's Republic of China"}
	c2.Count = 4
	a2 := schema.Extraction{
		Article:  schema.Article{ID: "article-2", Title: `He said "no"`, SHA256: "def"},
		Entities: []schema.Entity{c2, tick, inject, erdogan, nato},
		Relations: []schema.Relation{
			relation("article-2", 0, tick, schema.Criticizes, inject),
			relation("article-2", 1, inject, schema.Denies, tick),
			relation("article-2", 2, erdogan, schema.Meets, c2),
			relation("article-2", 3, tick, schema.MemberOf, nato),
		},
	}
	return []schema.Extraction{a1, a2}
}

// openWriter opens the write port of cfg, failing t on an error.
func openWriter(t *testing.T, cfg port.Config) port.Writer {
	t.Helper()
	w, err := port.OpenWriter(context.Background(), cfg)
	if err != nil {
		t.Fatalf("OpenWriter: %v", err)
	}
	return w
}

// openReader opens the read port of cfg, closed when t ends.
func openReader(t *testing.T, cfg port.Config) port.Reader {
	t.Helper()
	r, err := port.OpenReader(context.Background(), cfg)
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Errorf("Reader.Close: %v", err)
		}
	})
	return r
}

// held is what a store holds, read through the ports.
type held struct {
	Loaded   []string          // articles held with their hashes
	Entities []schema.Entity   // as Writer.Entities yields them, by ID
	Counts   map[string]int    // Reader.Entity's mention counts, by ID
	Keys     []string          // the keys of every relation, sorted
	Articles []schema.Article  // the articles the relations cite
	Mentions []graph.Mention   // of the relations' articles
	Dates    map[string]string // relation key -> date
}

// contents reads what the store of cfg holds, through a Writer (Loaded,
// Entities, then Close: nothing is loaded) and a Reader.
func contents(t *testing.T, cfg port.Config) held {
	t.Helper()
	ctx := context.Background()
	w := openWriter(t, cfg)
	var h held
	var arts []schema.Article
	for _, x := range fixture() {
		arts = append(arts, x.Article, schema.Article{ID: x.Article.ID, SHA256: "other"}, schema.Article{ID: x.Article.ID})
	}
	loaded, err := w.Loaded(ctx, arts)
	if err != nil {
		t.Fatalf("Loaded: %v", err)
	}
	for id := range loaded {
		h.Loaded = append(h.Loaded, id)
	}
	slices.Sort(h.Loaded)
	err = w.Entities(ctx, func(e schema.Entity) error {
		h.Entities = append(h.Entities, e)
		return nil
	})
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	slices.SortFunc(h.Entities, func(a, b schema.Entity) int { return strings.Compare(a.ID, b.ID) })
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	r := openReader(t, cfg)
	h.Counts = make(map[string]int)
	var ids []string
	for _, e := range all {
		got, err := r.Entity(ctx, e.ID)
		if errors.Is(err, graph.ErrNoEntity) {
			continue
		}
		if err != nil {
			t.Fatalf("Entity(%s): %v", e.Name, err)
		}
		h.Counts[e.ID] = got.Count
		ids = append(ids, e.ID)
	}
	star, err := r.Star(ctx, ids, graph.Filter{})
	if err != nil {
		t.Fatalf("Star: %v", err)
	}
	h.Dates = make(map[string]string)
	for _, rel := range star.Relations {
		h.Keys = append(h.Keys, rel.Key)
		h.Dates[rel.Key] = rel.Date
	}
	h.Articles, h.Mentions = star.Articles, star.Mentions
	return h
}

// TestWriterContract loads the same extractions into every store, again,
// an article re-extracted with less, and part again: the stores must hold
// the same, read back through the ports.
func TestWriterContract(t *testing.T) {
	a1 := fixture()[0]
	a1.Entities = []schema.Entity{austin, china}
	a1.Relations = a1.Relations[:1]
	loads := [][]schema.Extraction{fixture(), fixture(), {a1}, fixture()[1:]}

	got := make(map[string]any)
	forEach(t, func(t *testing.T, a adapter) {
		ctx := context.Background()
		cfg := a.empty(t)
		w := openWriter(t, cfg)
		if n := w.Writers(); n < 1 {
			t.Errorf("Writers() = %d, want at least 1", n)
		}
		for _, b := range loads {
			if err := w.Load(ctx, b); err != nil {
				t.Fatalf("Load: %v", err)
			}
		}
		if s := w.Summary(ctx); s == "" {
			t.Errorf("Summary() is empty")
		}
		if err := w.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		h := contents(t, cfg)
		if len(h.Loaded) != 2 || len(h.Entities) != 8 || len(h.Keys) != 5 {
			t.Errorf("held %d articles, %d entities, %d relations; want 2, 8, 5", len(h.Loaded), len(h.Entities), len(h.Keys))
		}
		// Mention sums: article-1 now mentions austin and china once
		// each (a1), article-2 china four times and nato once.
		for e, n := range map[string]int{austin.ID: 3, china.ID: 6, nato.ID: 1, kyiv.ID: 0, erdogan.ID: 2} {
			if h.Counts[e] != n {
				t.Errorf("mentions of %s = %d, want %d", e, h.Counts[e], n)
			}
		}
		got[a.name] = h
	})
	same(t, "what the stores hold", got)
}

// copied is what TestWriterCopies reads back of a store.
type copied struct {
	Relations []schema.Relation // of Lloyd Austin, by key
	Articles  []schema.Article  // Writer.Articles, by ID
	Of        []schema.Relation // Writer.ArticleRelations of article-1
	Stats     graph.Stats
}

// TestWriterCopies loads copies of an article that support some of its
// relations, then a copy again with fewer, then the original again: the
// stores list the copies on the relations, with the support and the
// first and last dates reported, and agree.
func TestWriterCopies(t *testing.T) {
	a1 := fixture()[0]
	copyOf := func(id, published string, own bool, supports ...schema.Relation) schema.Extraction {
		x := schema.Extraction{
			Article: schema.Article{ID: id, Published: published, SHA256: id, Fingerprint: "fp-" + id,
				DuplicateOf: "article-1", Duplicate: "near", Similarity: 0.75},
			Entities: []schema.Entity{austin, china, kyiv},
		}
		if own {
			x.Relations = []schema.Relation{relation(id, 5, austin, schema.Visits, china)}
		}
		for _, r := range supports {
			x.Supports = append(x.Supports, schema.Support{Key: r.Key, Type: r.Type})
		}
		return x
	}
	loads := [][]schema.Extraction{
		fixture(),
		{copyOf("copy-1", "2024-03-05", true, a1.Relations[0], a1.Relations[1]), copyOf("copy-2", "2024-02-28", false, a1.Relations[0])},
		{copyOf("copy-1", "2024-03-05", true, a1.Relations[0])},
		{a1},
	}
	got := make(map[string]any)
	forEach(t, func(t *testing.T, a adapter) {
		ctx := context.Background()
		cfg := a.empty(t)
		w := openWriter(t, cfg)
		var c copied
		for i, b := range loads {
			if err := w.Load(ctx, b); err != nil {
				t.Fatalf("Load %d: %v", i, err)
			}
		}
		err := w.Articles(ctx, func(a schema.Article) error {
			if a.Fingerprint != "" {
				c.Articles = append(c.Articles, schema.Article{ID: a.ID, Fingerprint: a.Fingerprint, DuplicateOf: a.DuplicateOf, Published: a.Published})
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(c.Articles, func(a, b schema.Article) int { return strings.Compare(a.ID, b.ID) })
		if c.Of, err = w.ArticleRelations(ctx, []string{"article-1", "nope"}); err != nil {
			t.Fatal(err)
		}
		if c.Stats, err = w.Stats(ctx); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		star, err := openReader(t, cfg).Star(ctx, []string{austin.ID}, graph.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		c.Relations = star.Relations
		byKey := make(map[string]schema.Relation)
		for _, r := range c.Relations {
			byKey[r.Key] = r
		}
		meets, visits := byKey[a1.Relations[0].Key], byKey[a1.Relations[1].Key]
		if meets.Support != 3 || !slices.Equal(meets.Copies, []string{"copy-1", "copy-2"}) || meets.FirstReported != "2024-02-28" || meets.LastReported != "2024-03-05" {
			t.Errorf("MEETS: support %d, copies %v, reported %s to %s; want 3, both copies, 2024-02-28 to 2024-03-05",
				meets.Support, meets.Copies, meets.FirstReported, meets.LastReported)
		}
		if visits.Support != 0 || visits.Copies != nil || visits.FirstReported != "" {
			t.Errorf("VISITS after the copy no longer supports it: support %d, copies %v", visits.Support, visits.Copies)
		}
		if _, ok := byKey[relation("copy-1", 5, austin, schema.Visits, china).Key]; !ok || len(c.Of) != 4 || len(c.Articles) != 2 || c.Stats.Duplicates != 2 || c.Stats.Relations != 9 {
			t.Errorf("the copy's own relation held: %v; article-1 has %d relations, %d articles with fingerprints, stats %+v; want 4, 2, 2 copies and 9 relations",
				ok, len(c.Of), len(c.Articles), c.Stats)
		}
		got[a.name] = c
	})
	same(t, "copies", got)
}

// TestWriterRefusesInvalid: a batch with an invalid extraction loads
// nothing, in any store, and says why.
func TestWriterRefusesInvalid(t *testing.T) {
	forEach(t, func(t *testing.T, a adapter) {
		cfg := a.empty(t)
		w := openWriter(t, cfg)
		bad := fixture()
		bad[1].Relations[0].Object = "nobody"
		if err := w.Load(context.Background(), bad); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("Load(dangling relation) = %v, want ErrInvalid", err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if h := contents(t, cfg); len(h.Loaded) != 0 || len(h.Entities) != 0 {
			t.Errorf("after a refused batch the store holds %d articles, %d entities", len(h.Loaded), len(h.Entities))
		}
	})
}

// TestWriterAbort: Abort after a failure keeps what was loaded, and
// Abort before any load leaves the store as it was (no graph file).
func TestWriterAbort(t *testing.T) {
	got := make(map[string]any)
	forEach(t, func(t *testing.T, a adapter) {
		cfg := a.empty(t)
		w := openWriter(t, cfg)
		if err := w.Abort(errors.New("the reporter failed")); err != nil {
			t.Fatalf("Abort before any load: %v", err)
		}
		if cfg.File != "" {
			if _, err := os.Stat(cfg.File); err == nil {
				t.Errorf("Abort before any load wrote the graph file")
			}
		}
		w = openWriter(t, cfg)
		if err := w.Load(context.Background(), fixture()); err != nil {
			t.Fatal(err)
		}
		if err := w.Abort(errors.New("extraction failed")); err != nil {
			t.Fatalf("Abort: %v", err)
		}
		h := contents(t, cfg)
		if len(h.Loaded) != 2 || h.Counts[china.ID] != 6 {
			t.Errorf("after Abort the store holds %v, China mentioned %d times; want both articles, 6", h.Loaded, h.Counts[china.ID])
		}
		got[a.name] = h
	})
	same(t, "what Abort kept", got)
}

// dev is the dev corpus (testdata/gold, 25 articles) as kg's pipeline
// extracts it, read once.
var dev struct {
	once sync.Once
	arts []schema.Article
	err  error
}

func devArticles(t *testing.T) []schema.Article {
	t.Helper()
	dev.once.Do(func() {
		src := ingest.NewReader([]string{"../../testdata/gold"}, ingest.Options{})
		dev.err = src.Read(context.Background(), func(a schema.Article) error {
			dev.arts = append(dev.arts, a)
			return nil
		})
	})
	if dev.err != nil {
		t.Fatalf("dev corpus: %v", dev.err)
	}
	if len(dev.arts) != 25 {
		t.Fatalf("dev corpus: %d articles, want 25", len(dev.arts))
	}
	return dev.arts
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

// buildDev builds the dev corpus into the empty store of cfg as kg build
// does, in batches of 4 articles, with the store's writers.
func buildDev(t *testing.T, cfg port.Config) {
	t.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := openWriter(t, cfg)
	b := graph.Builder{Extract: x.Extract, Sink: w, BatchSize: 4, Writers: w.Writers(), Dedup: dedup.New()}
	sum, err := b.Build(context.Background(), articles(append(slices.Clone(devArticles(t)), seedArticle(t))))
	if err != nil {
		w.Abort(err)
		t.Fatalf("Build: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if sum.Loaded != 26 || sum.Relations == 0 || sum.Duplicates != 1 || sum.Supports == 0 {
		t.Fatalf("Build loaded %d articles (%d copies, %d supports), %d relations", sum.Loaded, sum.Duplicates, sum.Supports, sum.Relations)
	}
}

// seedArticle is testdata/seed.txt: a copy of a dev article under
// another id.
func seedArticle(t *testing.T) schema.Article {
	t.Helper()
	var out []schema.Article
	src := ingest.NewReader([]string{"../../testdata/seed.txt"}, ingest.Options{})
	if err := src.Read(context.Background(), func(a schema.Article) error {
		out = append(out, a)
		return nil
	}); err != nil || len(out) != 1 {
		t.Fatalf("seed: %d articles, %v", len(out), err)
	}
	return out[0]
}

// contract is the dev corpus in every store, open for reading, and
// entities of it that the questions are about.
type contract struct {
	readers                     map[string]port.Reader
	russia, peskov, nato, china string
	everyone                    *graph.Graph // the component of Russia, in the graph file
}

// ask runs q on every store and checks that the answers agree; it returns
// the graph file's.
func (c *contract) ask(t *testing.T, what string, q func(r port.Reader) (any, error)) any {
	t.Helper()
	answers := make(map[string]any)
	for name, r := range c.readers {
		v, err := q(r)
		if err != nil {
			t.Fatalf("%s on %s: %v", what, name, err)
		}
		answers[name] = v
	}
	same(t, what, answers)
	return answers["file"]
}

// TestReaderContract builds the dev corpus into every store and asks each
// the same questions through the read port: Entity, FindEntities,
// Subgraph, Star, ShortestPaths and Timeline must answer alike, byte for
// byte once encoded.
func TestReaderContract(t *testing.T) {
	c := &contract{readers: make(map[string]port.Reader)}
	forEach(t, func(t *testing.T, a adapter) {
		cfg := a.empty(t)
		buildDev(t, cfg)
		r, err := port.OpenReader(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		c.readers[a.name] = r
	})
	defer func() {
		for _, r := range c.readers {
			r.Close()
		}
	}()
	ref := c.readers["file"]
	if ref == nil {
		t.Fatal("no graph file to read")
	}
	ctx := context.Background()
	id := func(name string) string {
		t.Helper()
		es, err := ref.FindEntities(ctx, name)
		if err != nil || len(es) == 0 {
			t.Fatalf("dev corpus has no %q (%v)", name, err)
		}
		return es[0].ID
	}
	c.russia, c.peskov, c.nato, c.china = id("Russia"), id("Dmitry Peskov"), id("NATO"), id("China")
	var err error
	c.everyone, err = ref.Subgraph(ctx, []string{c.russia}, 15, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.everyone.Entities) < 100 {
		t.Fatalf("the component of Russia has %d entities; the suite means to ask about many", len(c.everyone.Entities))
	}
	t.Run("Entity", c.readEntity)
	t.Run("FindEntities", c.readFindEntities)
	t.Run("Subgraph", c.readSubgraph)
	t.Run("Star and Timeline", c.readStarTimeline)
	t.Run("ShortestPaths", c.readShortestPaths)
	t.Run("Neighbours, Edges and Sources", c.readExplorer)
}

// explorer is what graph/explore asks of a store besides the read port
// (see graph.Neighbours); both stores implement it.
type explorer interface {
	Neighbours(ctx context.Context, id string, f graph.Filter, offset, limit int) (*graph.Neighbours, error)
	Edges(ctx context.Context, ids, others []string, f graph.Filter) ([]graph.Edge, error)
	Sources(ctx context.Context) ([]graph.SourceCount, error)
}

func (c *contract) readExplorer(t *testing.T) {
	ctx := context.Background()
	ex := func(r port.Reader) explorer {
		t.Helper()
		e, ok := r.(explorer)
		if !ok {
			t.Fatalf("%T does not answer the explorer's questions", r)
		}
		return e
	}
	filters := []graph.Filter{{}, {Types: []schema.RelationType{schema.Meets, schema.Accuses}},
		{Since: "2025-01", MinConfidence: 0.7}, {Sources: []string{"afp", "AP"}}}
	pages := [][2]int{{0, 0}, {0, 3}, {2, 5}, {1000, 10}}
	withSources := 0
	for i, e := range c.everyone.Entities {
		if i%5 != 0 && e.ID != c.russia && e.ID != c.china {
			continue
		}
		k := i / 5
		f, page := filters[k%len(filters)], pages[(k/len(filters))%len(pages)]
		if e.ID == c.russia {
			f, page = graph.Filter{}, [2]int{3, 4}
		}
		n := c.ask(t, fmt.Sprintf("Neighbours(%s, %+v, %d, %d)", e.Name, f, page[0], page[1]), func(r port.Reader) (any, error) {
			return ex(r).Neighbours(ctx, e.ID, f, page[0], page[1])
		}).(*graph.Neighbours)
		if len(n.List) > 0 && len(f.Sources) > 0 {
			withSources++
		}
		if e.ID == c.russia && (n.Total < 10 || len(n.List) != 4) {
			t.Errorf("Neighbours(Russia): %d neighbours, a page of %d; the case means a hub and a full page", n.Total, len(n.List))
		}
	}
	if withSources < 3 {
		t.Errorf("only %d Neighbours cases with sources found neighbours; the test means to find some", withSources)
	}
	nonEmpty := 0
	for i := 0; i+30 < len(c.everyone.Entities); i += 61 {
		ids := []string{c.everyone.Entities[i].ID, c.russia, c.everyone.Entities[i+30].ID}
		var others []string
		for _, e := range c.everyone.Entities[i : i+30] {
			others = append(others, e.ID)
		}
		for _, f := range filters {
			for _, sets := range [][2][]string{{ids, nil}, {ids, others}, {others, ids}} {
				es := c.ask(t, fmt.Sprintf("Edges(%q, %q, %+v)", sets[0], sets[1], f), func(r port.Reader) (any, error) {
					return ex(r).Edges(ctx, sets[0], sets[1], f)
				}).([]graph.Edge)
				if len(es) > 0 {
					nonEmpty++
				}
			}
		}
	}
	if nonEmpty < 20 {
		t.Errorf("only %d Edges cases found edges; the test means to count some", nonEmpty)
	}
	// Planned events or not: the same neighbourhoods and edges whatever
	// the store.
	future := 0
	for _, f := range []graph.Filter{{Tense: graph.TenseFuture}, {Tense: graph.TensePast, MinConfidence: 0.7}} {
		seeds := []string{c.russia, c.china, c.nato}
		for _, id := range seeds {
			n := c.ask(t, fmt.Sprintf("Neighbours(%s, %+v, 0, 0)", id, f), func(r port.Reader) (any, error) {
				return ex(r).Neighbours(ctx, id, f, 0, 0)
			}).(*graph.Neighbours)
			if f.Tense == graph.TenseFuture {
				future += n.Relations
			}
		}
		c.ask(t, fmt.Sprintf("Edges(%q, nil, %+v)", seeds, f), func(r port.Reader) (any, error) {
			return ex(r).Edges(ctx, seeds, nil, f)
		})
	}
	if future == 0 {
		t.Errorf("no planned event around Russia, China or NATO; the case means to find some")
	}
	sources := c.ask(t, "Sources", func(r port.Reader) (any, error) { return ex(r).Sources(ctx) }).([]graph.SourceCount)
	if len(sources) < 3 {
		t.Errorf("Sources() = %v, want at least three", sources)
	}
}

func (c *contract) readEntity(t *testing.T) {
	ctx := context.Background()
	for i, e := range c.everyone.Entities {
		if i%9 != 0 {
			continue
		}
		got := c.ask(t, "Entity "+e.Name, func(r port.Reader) (any, error) { return r.Entity(ctx, e.ID) }).(schema.Entity)
		if got.ID != e.ID || got.Name == "" || got.Count < 1 {
			t.Errorf("Entity(%s) = %+v, want it with its name and mentions", e.ID, got)
		}
	}
	for name, r := range c.readers {
		if _, err := r.Entity(ctx, schema.EntityID(schema.Country, "Atlantis")); !errors.Is(err, graph.ErrNoEntity) {
			t.Errorf("%s: Entity(unknown) = %v, want ErrNoEntity", name, err)
		}
	}
}

func (c *contract) readFindEntities(t *testing.T) {
	ctx := context.Background()
	var names []string
	for i, e := range c.everyone.Entities {
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
	names = append(names, "sabor ja", "Sabor Já", "beijing", "MOFCOM", "Peskof", "Recep Tayyip Erdoğan", "Zyxwvut Qqq", "",
		"Zelenskiy", "Volodymyr Zelenskiy", "Zelenskyy", "America", "Voice", "Pskov", "Lavrof", "Nebenzya", "Council")
	found := 0
	for _, name := range names {
		es := c.ask(t, fmt.Sprintf("FindEntities(%q)", name), func(r port.Reader) (any, error) { return r.FindEntities(ctx, name) }).([]schema.Entity)
		if len(es) > 0 {
			found++
		}
	}
	if found < len(names)/2 {
		t.Errorf("only %d of %d names found anything", found, len(names))
	}
}

func (c *contract) readSubgraph(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		seeds []string
		hops  int
		f     graph.Filter
	}{
		{"seed alone", []string{c.peskov}, 0, graph.Filter{}},
		{"one hop", []string{c.peskov}, 1, graph.Filter{}},
		{"two hops from a hub", []string{c.russia}, 2, graph.Filter{}},
		{"three hops, two seeds", []string{c.nato, c.china}, 3, graph.Filter{}},
		{"types", []string{c.russia}, 3, graph.Filter{Types: []schema.RelationType{schema.Accuses, schema.Denies, schema.Warns}}},
		{"confidence", []string{c.russia}, 2, graph.Filter{MinConfidence: 0.75}},
		{"since", []string{c.russia}, 2, graph.Filter{Since: "2025"}},
		{"until, month", []string{c.china}, 2, graph.Filter{Until: "2024-12"}},
		{"range", []string{c.russia, c.china}, 3, graph.Filter{Since: "2024-03-14", Until: "2025-06-30"}},
		{"past", []string{c.russia}, 2, graph.Filter{Tense: graph.TensePast}},
		{"future", []string{c.russia, c.china, c.nato}, 3, graph.Filter{Tense: graph.TenseFuture}},
		{"sources", []string{c.russia}, 2, graph.Filter{Sources: []string{"reuters", "TASS"}}},
		{"sources and dates", []string{c.russia, c.china}, 2, graph.Filter{Sources: []string{"AFP"}, Since: "2025"}},
		{"unknown and repeated seeds", []string{"nope", c.peskov, c.peskov}, 1, graph.Filter{}},
		{"no seeds", nil, 2, graph.Filter{}},
	}
	for _, tt := range tests {
		g := c.ask(t, "Subgraph "+tt.name, func(r port.Reader) (any, error) { return r.Subgraph(ctx, tt.seeds, tt.hops, tt.f) }).(*graph.Graph)
		if tt.name == "two hops from a hub" && len(g.Entities) < 20 {
			t.Errorf("%s: only %d entities; the case means to cut a large subgraph", tt.name, len(g.Entities))
		}
		if tt.hops > 0 && len(tt.seeds) > 0 && len(g.Relations) == 0 {
			t.Errorf("%s: no relations; the case means to cut some", tt.name)
		}
	}
	for name, r := range c.readers {
		if _, err := r.Subgraph(ctx, []string{c.russia}, 1, graph.Filter{Since: "May"}); err == nil {
			t.Errorf("%s: Subgraph with a bad filter: no error", name)
		}
	}
}

func (c *contract) readStarTimeline(t *testing.T) {
	ctx := context.Background()
	filters := []graph.Filter{{}, {Types: []schema.RelationType{schema.HoldsRole}}, {Since: "2025-01", MinConfidence: 0.7}, {Tense: graph.TensePast}, {Sources: []string{"Reuters"}}}
	for i, e := range c.everyone.Entities {
		if i%7 != 0 && e.ID != c.russia {
			continue
		}
		f := filters[i%len(filters)]
		c.ask(t, fmt.Sprintf("Star(%s, %+v)", e.Name, f), func(r port.Reader) (any, error) { return r.Star(ctx, []string{e.ID}, f) })
		c.ask(t, fmt.Sprintf("Timeline(%s, %+v)", e.Name, f), func(r port.Reader) (any, error) { return r.Timeline(ctx, []string{e.ID}, f, 0) })
	}
	both := c.ask(t, "Star of two", func(r port.Reader) (any, error) {
		return r.Star(ctx, []string{c.russia, c.china, "nope"}, graph.Filter{})
	}).(*graph.Graph)
	for _, rel := range both.Relations {
		if !slices.Contains([]string{c.russia, c.china}, rel.Subject) && !slices.Contains([]string{c.russia, c.china}, rel.Object) {
			t.Errorf("Star(Russia, China) holds %s %s %s", rel.Subject, rel.Type, rel.Object)
		}
	}
	tl := c.ask(t, "Timeline of two, limit 5", func(r port.Reader) (any, error) {
		return r.Timeline(ctx, []string{c.russia, c.china}, graph.Filter{}, 5)
	}).(*graph.Graph)
	if len(tl.Relations) != 5 || len(both.Relations) <= 5 {
		t.Errorf("Timeline limit 5: %d relations of %d", len(tl.Relations), len(both.Relations))
	}
	published := tl.Published()
	for i := 1; i < len(tl.Relations); i++ {
		a, b := graph.When(tl.Relations[i-1], published), graph.When(tl.Relations[i], published)
		if (a == "" && b != "") || (a != "" && b != "" && a > b) {
			t.Errorf("Timeline out of date order: %q before %q", a, b)
		}
	}
}

func (c *contract) readShortestPaths(t *testing.T) {
	ctx := context.Background()
	pairs := [][2]string{{c.peskov, c.nato}, {c.peskov, c.china}, {c.nato, c.china}, {c.russia, c.china}}
	for i := 0; i+40 < len(c.everyone.Entities); i += 41 {
		pairs = append(pairs, [2]string{c.everyone.Entities[i].ID, c.everyone.Entities[i+40].ID})
	}
	found := 0
	for _, p := range pairs {
		for _, f := range []graph.Filter{{}, {MinConfidence: 0.75}} {
			ps := c.ask(t, fmt.Sprintf("ShortestPaths(%s, %s, %+v)", p[0], p[1], f), func(r port.Reader) (any, error) {
				return r.ShortestPaths(ctx, p[0], p[1], 6, f, 0)
			}).(*graph.Paths)
			if len(ps.IDs) > 0 {
				found++
			}
		}
	}
	if found < 4 {
		t.Errorf("only %d of the pairs are connected; the test means to find paths", found)
	}
	c.ask(t, "ShortestPaths MEETS, limit 1", func(r port.Reader) (any, error) {
		return r.ShortestPaths(ctx, c.peskov, c.china, 6, graph.Filter{Types: []schema.RelationType{schema.Meets}}, 1)
	})
	for name, r := range c.readers {
		if _, err := r.ShortestPaths(ctx, c.peskov, c.peskov, 3, graph.Filter{}, 0); err == nil {
			t.Errorf("%s: ShortestPaths from an entity to itself: no error", name)
		}
	}
}

// TestOpenErrors: the openers say what is missing.
func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	missing := filepath.Join(t.TempDir(), "none.json")
	if _, err := port.OpenReader(ctx, port.Config{File: missing}); !errors.Is(err, port.ErrNoFile) || !strings.Contains(err.Error(), missing) {
		t.Errorf("OpenReader(missing file) = %v, want ErrNoFile naming the file", err)
	}
	if _, err := port.OpenCypher(ctx, port.Config{File: missing}); !errors.Is(err, port.ErrNoNeo4j) {
		t.Errorf("OpenCypher(no Neo4j) = %v, want ErrNoNeo4j", err)
	}
	if _, err := port.OpenWriter(ctx, port.Config{}); err == nil {
		t.Errorf("OpenWriter(no file, no Neo4j): no error")
	}
	w, err := port.OpenWriter(ctx, port.Config{File: missing})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Summary(ctx); got != "graph file "+missing+": 0 articles, 0 entities, 0 relations" {
		t.Errorf("Summary() = %q", got)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := port.OpenReader(ctx, port.Config{File: missing}); err != nil {
		t.Errorf("OpenReader after Close created the file: %v", err)
	}
}

// TestResumeEntities: a store opened again yields the entities it holds,
// so that a build resolves new articles against them, in every store
// alike.
func TestResumeEntities(t *testing.T) {
	got := make(map[string]any)
	forEach(t, func(t *testing.T, a adapter) {
		cfg := a.empty(t)
		w := openWriter(t, cfg)
		if err := w.Load(context.Background(), fixture()); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		h := contents(t, cfg)
		want := []string{austin.ID, china.ID, nato.ID, tick.ID, inject.ID, kyiv.ID, pentag.ID, erdogan.ID}
		slices.Sort(want)
		var ids []string
		for _, e := range h.Entities {
			ids = append(ids, e.ID)
			if e.Name == "" || !e.Type.Valid() {
				t.Errorf("Entities yields %+v: want its name and type", e)
			}
		}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("Entities = %q, want %q", ids, want)
		}
		got[a.name] = h.Entities
	})
	same(t, "the entities yielded", got)
}
