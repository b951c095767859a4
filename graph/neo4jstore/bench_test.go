package neo4jstore

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"golang.org/x/sync/errgroup"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/schema"
)

// benchRelations is the least number of relations the load benchmarks
// write per iteration.
const benchRelations = 20000

var (
	benchOnce   sync.Once
	benchCorpus []schema.Extraction
	benchErr    error
)

// corpus returns the extractions of the dev articles (testdata/gold),
// resolved, and copied under distinct article ids until they hold at least
// benchRelations relations: what a corpus of a few thousand news articles
// loads, entities shared across articles as in real news.
func corpus(tb testing.TB) []schema.Extraction {
	tb.Helper()
	benchOnce.Do(func() {
		golds, err := eval.LoadGoldDir("../../testdata/gold")
		if err != nil {
			benchErr = err
			return
		}
		x, err := extract.New(extract.Options{})
		if err != nil {
			benchErr = err
			return
		}
		r := graph.NewResolver()
		var dev []schema.Extraction
		nrel := 0
		for _, g := range golds {
			a := schema.Article{Ref: g.ID, Title: g.Title, Source: g.Source, Published: g.Published, Text: g.Text}
			ex, err := x.Extract(context.Background(), a)
			if err != nil {
				benchErr = err
				return
			}
			dev = append(dev, r.Resolve(ex))
			nrel += len(dev[len(dev)-1].Relations)
		}
		if nrel == 0 {
			benchErr = fmt.Errorf("the dev corpus has no relations")
			return
		}
		for c := 0; len(benchCorpus) == 0 || countRelations(benchCorpus) < benchRelations; c++ {
			for _, x := range dev {
				benchCorpus = append(benchCorpus, copyArticle(x, c))
			}
		}
	})
	if benchErr != nil {
		tb.Fatalf("benchmark corpus: %v", benchErr)
	}
	return benchCorpus
}

// copyArticle returns x as the article copy c: its own article id, so its
// own relation keys, and the same entities.
func copyArticle(x schema.Extraction, c int) schema.Extraction {
	id := fmt.Sprintf("%s-copy-%d", x.Article.ID, c)
	out := x
	out.Article.ID = id
	out.Article.Ref = fmt.Sprintf("%s#%d", x.Article.Ref, c)
	out.Article.Text = ""
	out.Relations = make([]schema.Relation, len(x.Relations))
	for i, r := range x.Relations {
		r.Article = id
		r.Key = schema.RelationKey(id, r.Sentence, r.Subject, r.Type, r.Object)
		out.Relations[i] = r
	}
	return out
}

func countRelations(xs []schema.Extraction) int {
	n := 0
	for _, x := range xs {
		n += len(x.Relations)
	}
	return n
}

// benchStore opens a Store on the test server with the schema applied and
// the database emptied.
func benchStore(b *testing.B) (*Store, neo4j.DriverWithContext) {
	b.Helper()
	d := neo4jtest.Driver(b)
	neo4jtest.Reset(b, d)
	s, err := Open(context.Background(), Config{URI: neo4jtest.URI(b)})
	if err != nil {
		b.Fatalf("Open: %v", err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.ApplySchema(context.Background()); err != nil {
		b.Fatalf("ApplySchema: %v", err)
	}
	return s, d
}

// BenchmarkLoad loads the benchmark corpus into an empty database as kg
// build does: batches of graph.DefaultBatchSize extractions, DefaultWriters
// of them loaded at once, then Flush. It reports relations per second, and
// the transactions retried. Compare with BenchmarkLoadNaive, measured on
// the same extractions in the same run:
//
//	go test ./graph/neo4jstore -run '^$' -bench Load
func BenchmarkLoad(b *testing.B) { benchmarkLoad(b, DefaultWriters) }

// BenchmarkLoadOneWriter is BenchmarkLoad with one load at a time.
func BenchmarkLoadOneWriter(b *testing.B) { benchmarkLoad(b, 1) }

func benchmarkLoad(b *testing.B, writers int) {
	xs := corpus(b)
	s, d := benchStore(b)
	ctx := context.Background()
	const bs = graph.DefaultBatchSize
	load := func() {
		g := new(errgroup.Group)
		g.SetLimit(writers)
		for i := 0; i < len(xs); i += bs {
			batch := xs[i:min(i+bs, len(xs))]
			g.Go(func() error { return s.Load(ctx, batch) })
		}
		if err := g.Wait(); err != nil {
			b.Fatalf("Load: %v", err)
		}
		if err := s.Flush(ctx); err != nil {
			b.Fatalf("Flush: %v", err)
		}
	}
	// Warm up: the server compiles each query shape once.
	if err := s.Load(ctx, xs[:50]); err != nil {
		b.Fatalf("Load: %v", err)
	}
	loads := int64(0)
	attempts := s.Attempts()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		neo4jtest.Reset(b, d)
		b.StartTimer()
		load()
		loads += int64((len(xs) + bs - 1) / bs)
	}
	b.StopTimer()
	b.ReportMetric(float64(countRelations(xs)*b.N)/b.Elapsed().Seconds(), "rels/s")
	b.ReportMetric(float64(len(xs)*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(s.Attempts()-attempts-loads), "retries")
}

// BenchmarkLoadNaive loads the relations of the benchmark corpus the naive
// way, as the baseline of BenchmarkLoad: one auto-commit query per
// relation that merges its two entities and the relationship. It writes
// less than Store.Load (no articles, no MENTIONS, no aliases).
func BenchmarkLoadNaive(b *testing.B) {
	xs := corpus(b)
	_, d := benchStore(b)
	ctx := context.Background()
	sess := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	load := func(xs []schema.Extraction) {
		for _, x := range xs {
			ents := make(map[string]schema.Entity, len(x.Entities))
			for _, e := range x.Entities {
				ents[e.ID] = e
			}
			for _, r := range x.Relations {
				s, o := ents[r.Subject], ents[r.Object]
				res, err := sess.Run(ctx, naiveQuery(s.Type, r.Type, o.Type), map[string]any{
					"s": s.ID, "sname": s.Name, "stype": string(s.Type),
					"o": o.ID, "oname": o.Name, "otype": string(o.Type),
					"key": r.Key, "props": relationProps(r),
				})
				if err == nil {
					_, err = res.Consume(ctx)
				}
				if err != nil {
					b.Fatalf("naive load: %v", err)
				}
			}
		}
	}
	load(xs[:50]) // warm up, as BenchmarkLoad does
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		neo4jtest.Reset(b, d)
		b.StartTimer()
		load(xs)
	}
	b.StopTimer()
	b.ReportMetric(float64(countRelations(xs)*b.N)/b.Elapsed().Seconds(), "rels/s")
}

func naiveQuery(st schema.EntityType, rt schema.RelationType, ot schema.EntityType) string {
	return fmt.Sprintf(`MERGE (s:Entity {id: $s}) ON CREATE SET s:%s, s.name = $sname, s.type = $stype
MERGE (o:Entity {id: $o}) ON CREATE SET o:%s, o.name = $oname, o.type = $otype
MERGE (s)-[r:%s {key: $key}]->(o)
SET r = $props`, quote(string(st)), quote(string(ot)), quote(string(rt)))
}
