package dedup_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/dedup"
	"github.com/kgraph/kg/schema"
)

// The Index wired into the build pipeline (graph.Builder with Dedup):
// fingerprints made in the extract workers, copies found in the resolver
// stage, in input order, and the copies as a store receives them.

// genSource is a Source of a generated corpus.
type genSource struct{ g dedup.Generated }

func (s genSource) Read(ctx context.Context, yield func(schema.Article) error) error {
	for i, id := range s.g.IDs {
		if err := yield(schema.Article{ID: id, Ref: id, Text: s.g.Texts[i]}); err != nil {
			return err
		}
	}
	return nil
}

// copySink records which article each loaded article copies, and nothing
// else.
type copySink struct {
	mu sync.Mutex
	of map[string]string
}

func (s *copySink) Load(ctx context.Context, batch []schema.Extraction) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range batch {
		s.of[x.Article.ID] = x.Article.DuplicateOf
	}
	return nil
}

func (s *copySink) Close() error { return nil }

// noExtract is an extractor that finds nothing: the pipeline's own work
// is what is measured.
func noExtract(_ context.Context, a schema.Article) (schema.Extraction, error) {
	return schema.Extraction{Article: a, Entities: []schema.Entity{}, Relations: []schema.Relation{}}, nil
}

// buildCorpus runs the pipeline over g, with or without a Deduper, and
// returns what the sink received.
func buildCorpus(t testing.TB, g dedup.Generated, d graph.Deduper) (*copySink, graph.Summary) {
	sk := &copySink{of: make(map[string]string, len(g.IDs))}
	b := graph.Builder{Extract: noExtract, Sink: sk, Dedup: d}
	sum, err := b.Build(context.Background(), genSource{g})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Loaded != len(g.IDs) {
		t.Fatalf("loaded %d of %d articles", sum.Loaded, len(g.IDs))
	}
	return sk, sum
}

// scoreCopies counts the copies of g, those the pipeline reported and
// those reported right (as copies of their original, or of an earlier
// copy of it that was missed), as dedup's own score does.
func scoreCopies(g dedup.Generated, of map[string]string) (copies, reported, correct int) {
	index := func(id string) int {
		i, err := strconv.Atoi(strings.TrimPrefix(id, "art-"))
		if err != nil {
			return -1
		}
		return i
	}
	family := func(i int) int {
		if i >= 0 && g.Orig[i] >= 0 {
			return g.Orig[i]
		}
		return i
	}
	for i, id := range g.IDs {
		if g.Orig[i] >= 0 {
			copies++
		}
		if of[id] == "" {
			continue
		}
		reported++
		if g.Orig[i] >= 0 && family(index(of[id])) == g.Orig[i] {
			correct++
		}
	}
	return copies, reported, correct
}

// TestPipelineGeneratedCorpus builds 100,000 generated articles (10,000
// with -short or -race), 10% of them copies, through the pipeline with
// the Index, and fails when the copies the store receives have a
// precision or a recall below 0.95.
func TestPipelineGeneratedCorpus(t *testing.T) {
	n := 100_000
	if dedup.RaceEnabled || testing.Short() {
		n = 10_000
	}
	g := dedup.Generate(n)
	start := time.Now()
	sk, sum := buildCorpus(t, g, dedup.New())
	took := time.Since(start)
	copies, reported, correct := scoreCopies(g, sk.of)
	p, r := float64(correct)/float64(max(reported, 1)), float64(correct)/float64(max(copies, 1))
	t.Logf("%d articles through the pipeline, %d copies: %d reported (%d exact), %d right; precision %.4f, recall %.4f; %.1f µs/article",
		n, copies, reported, sum.ExactDuplicates, correct, p, r, float64(took.Microseconds())/float64(n))
	if sum.Duplicates != reported {
		t.Errorf("the summary counts %d copies, the sink received %d", sum.Duplicates, reported)
	}
	if p < 0.95 || r < 0.95 {
		t.Errorf("precision %.4f, recall %.4f: want both >= 0.95", p, r)
	}
}

// BenchmarkPipeline builds a generated corpus of 10,000 and of 100,000
// articles through the pipeline (one extract worker per core, an
// extractor that finds nothing, a sink that keeps what each article
// copies), with the Index and, as the baseline measured in the same run,
// without: time per article (wall and CPU) flat from 10,000 to 100,000
// articles says that finding copies stays a look-up. It also reports the
// precision and recall of the copies found.
//
//	go test -run '^$' -bench Pipeline -benchtime 2x ./graph/dedup
func BenchmarkPipeline(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		g := dedup.Generate(n)
		for _, with := range []bool{false, true} {
			name := fmt.Sprintf("articles=%d/dedup=%v", n, with)
			b.Run(name, func(b *testing.B) {
				var sk *copySink
				cpu := dedup.CPUTime()
				for b.Loop() {
					var d graph.Deduper
					if with {
						d = dedup.New()
					}
					sk, _ = buildCorpus(b, g, d)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
				b.ReportMetric(float64((dedup.CPUTime()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/article")
				if with {
					copies, reported, correct := scoreCopies(g, sk.of)
					b.ReportMetric(float64(correct)/float64(max(reported, 1)), "precision")
					b.ReportMetric(float64(correct)/float64(max(copies, 1)), "recall")
				}
			})
		}
	}
}
