package graph_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// TestBuildMaxArticleTime: an article whose extraction outlasts
// MaxArticleTime (the extractor returns when its context ends, as kg's
// does) is rejected with ErrArticleTime, counted in Summary.Rejected,
// and the build goes on: every other article is loaded, in input order.
// An extraction that fails for another reason still fails the build.
func TestBuildMaxArticleTime(t *testing.T) {
	slow := map[string]bool{"a0003": true, "a0010": true, "a0011": true}
	extract := func(ctx context.Context, a schema.Article) (schema.Extraction, error) {
		if slow[a.Ref] {
			<-ctx.Done()
			return schema.Extraction{}, ctx.Err()
		}
		return fake(a), nil
	}
	var mu sync.Mutex
	var rejected []string
	var sk sink
	b := graph.Builder{Extract: extract, Sink: &sk, Workers: 3, BatchSize: 4, MaxArticleTime: 50 * time.Millisecond,
		Reject: func(a schema.Article, err error) {
			if !errors.Is(err, graph.ErrArticleTime) {
				t.Errorf("Reject(%s) error = %v, want ErrArticleTime", a.Ref, err)
			}
			mu.Lock()
			rejected = append(rejected, a.Ref)
			mu.Unlock()
		}}
	sum, err := b.Build(context.Background(), &articles{n: 20, rejectN: 7})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	slices.Sort(rejected)
	if want := []string{"a0003", "a0010", "a0011"}; !slices.Equal(rejected, want) {
		t.Errorf("rejected %v, want %v", rejected, want)
	}
	// 20 inputs: 2 rejected by the source (every 7th), 3 by the time limit.
	if sum.Read != 18 || sum.Rejected != 5 || sum.Loaded != 15 {
		t.Errorf("read/rejected/loaded = %d/%d/%d, want 18/5/15", sum.Read, sum.Rejected, sum.Loaded)
	}
	got := sk.refs()
	if len(got) != 15 || !slices.IsSorted(got) || slices.ContainsFunc(got, func(r string) bool { return slow[r] }) {
		t.Errorf("loaded %v, want the 15 others in input order", got)
	}

	// Another error of the extractor is the build's.
	boom := errors.New("boom")
	b.Extract = func(ctx context.Context, a schema.Article) (schema.Extraction, error) {
		if a.Ref == "a0002" {
			return schema.Extraction{}, boom
		}
		return fake(a), nil
	}
	if _, err := b.Build(context.Background(), &articles{n: 5}); !errors.Is(err, boom) {
		t.Errorf("Build with a failing extractor = %v, want %v", err, boom)
	}

	// The build's own cancellation is no reject.
	ctx, cancel := context.WithCancel(context.Background())
	rejected = nil
	b.Extract = func(ectx context.Context, a schema.Article) (schema.Extraction, error) {
		cancel()
		<-ectx.Done()
		return schema.Extraction{}, ectx.Err()
	}
	if _, err := b.Build(ctx, &articles{n: 5}); !errors.Is(err, context.Canceled) || len(rejected) != 0 {
		t.Errorf("cancelled Build = %v, rejected %v; want context.Canceled and no rejects", err, rejected)
	}
}
