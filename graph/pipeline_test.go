package graph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/schema"
)

// articles is a Source of n generated articles, optionally rejecting some
// (counted, not yielded) and pausing between articles.
type articles struct {
	n        int
	rejectN  int // reject every rejectN-th input (0: none)
	pause    time.Duration
	rejected atomic.Int64
}

func (s *articles) Read(ctx context.Context, yield func(schema.Article) error) error {
	for i := range s.n {
		if err := ctx.Err(); err != nil {
			return err
		}
		if s.rejectN > 0 && i%s.rejectN == s.rejectN-1 {
			s.rejected.Add(1)
			continue
		}
		if s.pause > 0 {
			time.Sleep(s.pause)
		}
		ref := fmt.Sprintf("a%04d", i)
		text := fmt.Sprintf("Person%d met Country%d. Org%d warned Person%d.", i%7, i%5, i%3, i%7)
		if err := yield(schema.Article{ID: schema.ArticleID(ref, text), Ref: ref, Text: text}); err != nil {
			return err
		}
	}
	return nil
}

func (s *articles) Rejected() int { return int(s.rejected.Load()) }

// fakeExtract makes a valid extraction from a generated article's words:
// every capitalized word followed by a digit is an entity, typed by its
// prefix, and the first sentence's two entities MEET. It sleeps a random
// little while, so that workers finish out of order.
func fakeExtract(_ context.Context, a schema.Article) (schema.Extraction, error) {
	return fake(a), nil
}

// fake is fakeExtract's extraction of a.
func fake(a schema.Article) schema.Extraction {
	time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
	x := schema.Extraction{Article: a, Entities: []schema.Entity{}, Relations: []schema.Relation{}}
	seen := map[string]bool{}
	var ids []string
	for _, w := range strings.FieldsFunc(a.Text, func(r rune) bool { return r == ' ' || r == '.' }) {
		var t schema.EntityType
		switch {
		case strings.HasPrefix(w, "Person"):
			t = schema.Person
		case strings.HasPrefix(w, "Country"):
			t = schema.Country
		case strings.HasPrefix(w, "Org"):
			t = schema.Organization
		default:
			continue
		}
		id := schema.EntityID(t, w)
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
			x.Entities = append(x.Entities, schema.Entity{ID: id, Name: w, Type: t, Count: 1})
		}
	}
	if len(ids) >= 2 {
		x.Relations = append(x.Relations, schema.Relation{
			Key: schema.RelationKey(a.ID, 0, ids[0], schema.Meets, ids[1]), Type: schema.Meets,
			Subject: ids[0], Object: ids[1], Article: a.ID, Evidence: strings.SplitAfter(a.Text, ".")[0], Confidence: 0.9,
		})
	}
	return x
}

// sink is a Sink of func fields; nil fields record batches.
type sink struct {
	mu      sync.Mutex
	batches [][]schema.Extraction
	load    func(ctx context.Context, batch []schema.Extraction) error
}

func (s *sink) Load(ctx context.Context, batch []schema.Extraction) error {
	if s.load != nil {
		if err := s.load(ctx, batch); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batches = append(s.batches, batch)
	return nil
}

func (s *sink) Close() error { return nil }

func (s *sink) refs() []string {
	var out []string
	for _, b := range s.batches {
		for _, x := range b {
			out = append(out, x.Article.Ref)
		}
	}
	return out
}

func TestBuild(t *testing.T) {
	src := &articles{n: 100, rejectN: 10}
	var sk sink
	b := graph.Builder{Extract: fakeExtract, Sink: &sk, Workers: 4, BatchSize: 16}
	sum, err := b.Build(context.Background(), src)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if sum.Read != 90 || sum.Rejected != 10 || sum.Loaded != 90 {
		t.Errorf("Build read/rejected/loaded = %d/%d/%d, want 90/10/90", sum.Read, sum.Rejected, sum.Loaded)
	}
	// 7 people, 5 countries, 3 organizations.
	if sum.Entities != 15 || sum.EntitiesByType[schema.Person] != 7 || sum.EntitiesByType[schema.Country] != 5 || sum.EntitiesByType[schema.Organization] != 3 {
		t.Errorf("Build entities = %d %v, want 15 (7 Person, 5 Country, 3 Organization)", sum.Entities, sum.EntitiesByType)
	}
	if sum.Relations != 90 || sum.RelationsByType[schema.Meets] != 90 {
		t.Errorf("Build relations = %d %v, want 90 MEETS", sum.Relations, sum.RelationsByType)
	}
	if sum.Elapsed <= 0 || sum.Rate() <= 0 {
		t.Errorf("Build elapsed = %v, rate %v, want > 0", sum.Elapsed, sum.Rate())
	}
	for i, batch := range sk.batches {
		if last := i == len(sk.batches)-1; len(batch) != 16 && !last || len(batch) > 16 {
			t.Errorf("batch %d has %d extractions, want 16", i, len(batch))
		}
	}
	// Input order, whatever the workers did.
	got := sk.refs()
	for i := 1; i < len(got); i++ {
		if got[i-1] >= got[i] {
			t.Fatalf("loaded out of order: %s before %s", got[i-1], got[i])
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	build := func(workers int) []byte {
		t.Helper()
		path := filepath.Join(t.TempDir(), "graph.json")
		fs, err := filestore.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		b := graph.Builder{Extract: fakeExtract, Sink: fs, Workers: workers, BatchSize: 7}
		if _, err := b.Build(context.Background(), &articles{n: 200}); err != nil {
			t.Fatalf("Build with %d workers: %v", workers, err)
		}
		if err := fs.Close(); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	one := build(1)
	for _, n := range []int{4, 8} {
		if got := build(n); !bytes.Equal(got, one) {
			t.Errorf("graph file with %d workers differs from 1 worker (%d vs %d bytes)", n, len(got), len(one))
		}
	}
}

// TestBuildResolvesInOrder checks that the resolver sees extractions in
// input order, one goroutine at a time.
func TestBuildResolvesInOrder(t *testing.T) {
	var (
		last   string
		inside atomic.Int32
	)
	resolve := func(x schema.Extraction) schema.Extraction {
		if inside.Add(1) != 1 {
			t.Error("Resolve called concurrently")
		}
		defer inside.Add(-1)
		if x.Article.Ref <= last {
			t.Errorf("Resolve(%s) after %s", x.Article.Ref, last)
		}
		last = x.Article.Ref
		return x
	}
	b := graph.Builder{Extract: fakeExtract, Resolve: resolve, Sink: &sink{}, Workers: 8, BatchSize: 3}
	if _, err := b.Build(context.Background(), &articles{n: 100}); err != nil {
		t.Fatal(err)
	}
}

func TestBuildCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var loads atomic.Int32
	sk := &sink{load: func(ctx context.Context, batch []schema.Extraction) error {
		if loads.Add(1) == 2 {
			cancel()
		}
		return nil
	}}
	b := graph.Builder{Extract: fakeExtract, Sink: sk, Workers: 4, BatchSize: 10}
	start := time.Now()
	sum, err := b.Build(ctx, &articles{n: 1_000_000})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Build = %v, want %v", err, context.Canceled)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Build took %v to return after cancellation", d)
	}
	if sum.Loaded < 10 || sum.Loaded > 20 || sum.Read >= 1_000_000 {
		t.Errorf("Build after cancel: loaded %d, read %d; want 10..20 loaded, the input not exhausted", sum.Loaded, sum.Read)
	}
	waitGoroutines(t, before)
}

func TestBuildCancelWhileBlocked(t *testing.T) {
	// The sink blocks until ctx is done: every stage is then blocked on a
	// full channel and must still return.
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	sk := &sink{load: func(ctx context.Context, batch []schema.Extraction) error {
		<-ctx.Done()
		return errors.New("interrupted")
	}}
	b := graph.Builder{Extract: fakeExtract, Sink: sk, Workers: 3, BatchSize: 5}
	_, err := b.Build(ctx, &articles{n: 10_000})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Build = %v, want %v", err, context.DeadlineExceeded)
	}
	waitGoroutines(t, before)
}

// waitGoroutines fails t when goroutines started since before are still
// running after a grace period.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutine leak: %d running, %d before\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestBuildErrors(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		b       graph.Builder
		want    error  // errors.Is, when set
		wantMsg string // substring of the error
	}{
		{
			name:    "no extract",
			b:       graph.Builder{Sink: &sink{}},
			wantMsg: "no Extract",
		},
		{
			name:    "no sink",
			b:       graph.Builder{Extract: fakeExtract},
			wantMsg: "no Sink",
		},
		{
			name: "sink error",
			b: graph.Builder{Extract: fakeExtract, BatchSize: 4, Sink: &sink{load: func(context.Context, []schema.Extraction) error {
				return boom
			}}},
			want:    boom,
			wantMsg: "load batch 0: boom",
		},
		{
			name: "extractor panic",
			b: graph.Builder{Sink: &sink{}, Extract: func(ctx context.Context, a schema.Article) (schema.Extraction, error) {
				if a.Ref == "a0005" {
					panic("bad article")
				}
				return fakeExtract(ctx, a)
			}},
			wantMsg: `extract article "a0005": panic: bad article`,
		},
		{
			name: "extractor error",
			b: graph.Builder{Sink: &sink{}, Extract: func(ctx context.Context, a schema.Article) (schema.Extraction, error) {
				if a.Ref == "a0007" {
					return schema.Extraction{}, fmt.Errorf("article %s: %w", a.Ref, boom)
				}
				return fakeExtract(ctx, a)
			}},
			want:    boom,
			wantMsg: "article a0007: boom",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			_, err := tt.b.Build(context.Background(), &articles{n: 50})
			if err == nil {
				t.Fatal("Build succeeded, want an error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Build = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Build = %q, want it to contain %q", err, tt.wantMsg)
			}
			waitGoroutines(t, before)
		})
	}
}

func TestBuildProgress(t *testing.T) {
	var calls []graph.Progress
	b := graph.Builder{
		Extract: fakeExtract, Sink: &sink{}, Workers: 2, BatchSize: 5,
		Progress:      func(p graph.Progress) { calls = append(calls, p) },
		ProgressEvery: 5 * time.Millisecond,
	}
	if _, err := b.Build(context.Background(), &articles{n: 60, pause: time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 {
		t.Fatal("Progress never called")
	}
	for i := 1; i < len(calls); i++ {
		if calls[i].Loaded < calls[i-1].Loaded || calls[i].Elapsed < calls[i-1].Elapsed {
			t.Errorf("progress went backwards: %+v after %+v", calls[i], calls[i-1])
		}
	}
}

// extractions is an ExtractionSource over a slice.
type extractions []schema.Extraction

func (s extractions) Read(ctx context.Context, yield func(schema.Extraction) error) error {
	for _, x := range s {
		if err := yield(x); err != nil {
			return err
		}
	}
	return nil
}

func TestLoad(t *testing.T) {
	var xs extractions
	_ = (&articles{n: 30}).Read(context.Background(), func(a schema.Article) error {
		xs = append(xs, fake(a))
		return nil
	})
	var sk sink
	b := graph.Builder{Sink: &sk, BatchSize: 8}
	sum, err := b.Load(context.Background(), xs)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 30 || sum.Loaded != 30 || sum.Relations != 30 {
		t.Errorf("Load read/loaded/relations = %d/%d/%d, want 30/30/30", sum.Read, sum.Loaded, sum.Relations)
	}
	if got := sk.refs(); len(got) != 30 || got[0] != "a0000" || got[29] != "a0029" {
		t.Errorf("Load order = %v", got)
	}
}
