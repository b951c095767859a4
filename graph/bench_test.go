package graph_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// devCorpus is a Source of n articles that cycles through the dev
// articles (testdata/gold), each copy with its own reference.
type devCorpus struct {
	arts []schema.Article
	n    int
}

func (c devCorpus) Read(ctx context.Context, yield func(schema.Article) error) error {
	for i := range c.n {
		a := c.arts[i%len(c.arts)]
		a.Ref = fmt.Sprintf("%s#%d", a.Ref, i)
		if err := yield(a); err != nil {
			return err
		}
	}
	return nil
}

// discard is a Sink that drops what it is given.
type discard struct{}

func (discard) Load(context.Context, []schema.Extraction) error { return nil }
func (discard) Close() error                                    { return nil }

// BenchmarkExtractParallel runs the extract stage of the pipeline (read,
// GOMAXPROCS extract workers with the real extractor, reorder, batch)
// over the dev articles, repeated, and reports articles per second, with
// one worker as the baseline measured in the same run:
//
//	go test ./graph -run '^$' -bench ExtractParallel
//
// The resolver and the sink are left out (identity, discard): their cost
// is BenchmarkLoad's, in graph/neo4jstore.
func BenchmarkExtractParallel(b *testing.B) {
	golds, err := eval.LoadGoldDir("../testdata/gold")
	if err != nil {
		b.Fatal(err)
	}
	var arts []schema.Article
	for _, g := range golds {
		arts = append(arts, schema.Article{Ref: g.ID, Title: g.Title, Source: g.Source, Published: g.Published, Text: g.Text})
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	workers := []int{1}
	if n := runtime.GOMAXPROCS(0); n > 1 {
		workers = append(workers, n)
	}
	for _, w := range workers {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			bld := graph.Builder{
				Extract: x.Extract,
				Resolve: func(x schema.Extraction) schema.Extraction { return x },
				Sink:    discard{},
				Workers: w,
			}
			b.ReportAllocs()
			b.ResetTimer()
			sum, err := bld.Build(context.Background(), devCorpus{arts: arts, n: b.N})
			if err != nil {
				b.Fatal(err)
			}
			if sum.Loaded != b.N {
				b.Fatalf("extracted %d articles, want %d", sum.Loaded, b.N)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
