package graph_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// holder is a sink that holds articles by ID with their hashes, and
// entities, as a Neo4j store does: Resumable and an EntityLister.
type holder struct {
	sink
	mu       sync.Mutex
	held     map[string]string // article ID -> SHA256
	entities []schema.Entity
	checks   []int // sizes of the Loaded calls
	err      error // returned by Loaded and Entities when set
}

func (h *holder) Loaded(ctx context.Context, articles []schema.Article) (map[string]bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.err != nil {
		return nil, h.err
	}
	h.checks = append(h.checks, len(articles))
	out := map[string]bool{}
	for _, a := range articles {
		if a.SHA256 == "" {
			panic("Loaded asked about an article without a hash")
		}
		if sha, ok := h.held[a.ID]; ok && sha == a.SHA256 {
			out[a.ID] = true
		}
	}
	return out, nil
}

func (h *holder) Entities(ctx context.Context, yield func(schema.Entity) error) error {
	if h.err != nil {
		return h.err
	}
	for _, e := range h.entities {
		if err := yield(e); err != nil {
			return err
		}
	}
	return nil
}

var (
	_ graph.Resumable    = (*holder)(nil)
	_ graph.EntityLister = (*holder)(nil)
)

// generated returns the articles of src, with their IDs and hashes.
func generated(n int) []schema.Article {
	var out []schema.Article
	_ = (&articles{n: n}).Read(context.Background(), func(a schema.Article) error {
		a.SHA256 = schema.TextHash(a.Text)
		out = append(out, a)
		return nil
	})
	return out
}

func TestBuildSkipsLoaded(t *testing.T) {
	arts := generated(600)
	h := &holder{held: map[string]string{}}
	for i, a := range arts {
		switch {
		case i%3 == 0:
			h.held[a.ID] = a.SHA256 // loaded before: skipped
		case i%5 == 0:
			h.held[a.ID] = "another text" // changed since: loaded again
		}
	}
	b := graph.Builder{Extract: fakeExtract, Sink: h, Workers: 3, BatchSize: 50}
	sum, err := b.Build(context.Background(), &articles{n: 600})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 600 || sum.Skipped != 200 || sum.Loaded != 400 {
		t.Errorf("Build read/skipped/loaded = %d/%d/%d, want 600/200/400", sum.Read, sum.Skipped, sum.Loaded)
	}
	for _, ref := range h.refs() {
		var i int
		for j, a := range arts {
			if a.Ref == ref {
				i = j
			}
		}
		if i%3 == 0 {
			t.Errorf("article %s was loaded before and loaded again", ref)
		}
	}
	total := 0
	for _, n := range h.checks {
		total += n
		if n > 256 {
			t.Errorf("Loaded asked about %d articles at once, want at most 256", n)
		}
	}
	if total != 600 {
		t.Errorf("Loaded asked about %d articles, want 600", total)
	}

	t.Run("force", func(t *testing.T) {
		h2 := &holder{held: h.held}
		b := graph.Builder{Extract: fakeExtract, Sink: h2, Force: true}
		sum, err := b.Build(context.Background(), &articles{n: 600})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Skipped != 0 || sum.Loaded != 600 || len(h2.checks) != 0 {
			t.Errorf("Build --force skipped/loaded/checks = %d/%d/%d, want 0/600/0", sum.Skipped, sum.Loaded, len(h2.checks))
		}
	})

	t.Run("load", func(t *testing.T) {
		var xs extractions
		for _, a := range arts {
			xs = append(xs, fake(a))
		}
		h3 := &holder{held: h.held}
		sum, err := (&graph.Builder{Sink: h3}).Load(context.Background(), xs)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Skipped != 200 || sum.Loaded != 400 {
			t.Errorf("Load skipped/loaded = %d/%d, want 200/400", sum.Skipped, sum.Loaded)
		}
	})
}

func TestBuildResumableErrors(t *testing.T) {
	boom := errors.New("boom")
	for _, name := range []string{"Loaded", "Entities"} {
		h := &holder{err: boom}
		if name == "Loaded" {
			h.held = map[string]string{}
		}
		b := graph.Builder{Extract: fakeExtract, Sink: h}
		_, err := b.Build(context.Background(), &articles{n: 10})
		if !errors.Is(err, boom) {
			t.Errorf("Build with a failing %s = %v, want %v", name, err, boom)
		}
	}
}

// TestBuildLearnsEntities checks that a build resolves articles against
// the entities the sink held before: "Austin" alone joins the "Lloyd
// Austin" loaded by an earlier run.
func TestBuildLearnsEntities(t *testing.T) {
	lloyd := schema.Entity{ID: schema.EntityID(schema.Person, "Lloyd Austin"), Name: "Lloyd Austin", Type: schema.Person}
	austin := schema.Entity{ID: schema.EntityID(schema.Person, "Austin"), Name: "Austin", Type: schema.Person, Count: 1}
	china := schema.Entity{ID: schema.EntityID(schema.Country, "China"), Name: "China", Type: schema.Country, Count: 1}
	extract := func(_ context.Context, a schema.Article) (schema.Extraction, error) {
		return schema.Extraction{Article: a, Entities: []schema.Entity{austin, china}, Relations: []schema.Relation{{
			Key: schema.RelationKey(a.ID, 0, austin.ID, schema.Meets, china.ID), Type: schema.Meets,
			Subject: austin.ID, Object: china.ID, Article: a.ID, Confidence: 1,
		}}}, nil
	}
	for _, tt := range []struct {
		name     string
		entities []schema.Entity
		want     string // ID of the subject
	}{
		{"nothing held", nil, austin.ID},
		{"Lloyd Austin held", []schema.Entity{lloyd}, lloyd.ID},
		{"two Austins held", []schema.Entity{lloyd, {ID: "x", Name: "Jane Austin", Type: schema.Person}}, austin.ID},
	} {
		h := &holder{entities: tt.entities}
		b := graph.Builder{Extract: extract, Sink: h}
		if _, err := b.Build(context.Background(), &articles{n: 1}); err != nil {
			t.Fatal(err)
		}
		x := h.batches[0][0]
		if got := x.Relations[0].Subject; got != tt.want {
			t.Errorf("%s: subject = %s, want %s (entities %v)", tt.name, got, tt.want, x.Entities)
		}
		if tt.want == lloyd.ID && !strings.Contains(strings.Join(x.Entities[0].Aliases, ","), "Austin") {
			t.Errorf("%s: aliases of the resolved entity = %v, want Austin among them", tt.name, x.Entities[0].Aliases)
		}
	}
}
