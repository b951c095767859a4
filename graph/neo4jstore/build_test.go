package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// These tests run the whole pipeline (graph.Builder with the real
// extractor) into Neo4j, to show what a build guarantees: loading again,
// in parts, or after an interruption gives the graph of one clean load.

// source is a graph.Source over a slice of articles.
type source []schema.Article

func (s source) Read(ctx context.Context, yield func(schema.Article) error) error {
	for _, a := range s {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := yield(a); err != nil {
			return err
		}
	}
	return nil
}

func devArticles(t *testing.T) []schema.Article {
	t.Helper()
	golds, err := eval.LoadGoldDir("../../testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	var out []schema.Article
	for _, g := range golds {
		out = append(out, schema.Article{Ref: g.ID, Title: g.Title, Source: g.Source, Published: g.Published, Text: g.Text})
	}
	return out
}

func extractor(t *testing.T) *extract.Extractor {
	t.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// build runs a build of arts into s, in batches of 4 articles (so that a
// build is several transactions), and flushes a Store, as kg build does.
func build(t *testing.T, s graph.Sink, arts []schema.Article, force bool) graph.Summary {
	t.Helper()
	b := graph.Builder{Extract: extractor(t).Extract, Sink: s, BatchSize: 4, Force: force}
	sum, err := b.Build(context.Background(), source(arts))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if st, ok := s.(*Store); ok {
		if err := st.Flush(context.Background()); err != nil {
			t.Fatalf("Flush: %v", err)
		}
	}
	return sum
}

// state is what the idempotency guarantees compare: node and relationship
// counts and the set of relation keys.
type state struct {
	Nodes, Rels int64
	Keys        []string
}

func stateOf(t *testing.T, s *Store) state {
	t.Helper()
	ctx := context.Background()
	nodes, rels, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := s.RelationKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return state{nodes, rels, keys}
}

func (st state) String() string {
	return "{" + itoa(st.Nodes) + " nodes, " + itoa(st.Rels) + " relationships, " + itoa(int64(len(st.Keys))) + " relation keys}"
}

func itoa(n int64) string { return string(appendInt(nil, n)) }

func appendInt(b []byte, n int64) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}

func TestBuildIdempotent(t *testing.T) {
	arts := devArticles(t)
	s := openStore(t, 0)
	reset := func() {
		t.Helper()
		s.Close()
		s = openStore(t, 0)
	}
	sum := build(t, s, arts, false)
	clean := stateOf(t, s)
	if sum.Loaded != len(arts) || clean.Rels == 0 || len(clean.Keys) == 0 {
		t.Fatalf("clean load: %+v, %v", sum, clean)
	}

	t.Run("twice", func(t *testing.T) {
		sum := build(t, s, arts, false)
		if sum.Skipped != len(arts) || sum.Loaded != 0 {
			t.Errorf("second build skipped/loaded = %d/%d, want %d/0", sum.Skipped, sum.Loaded, len(arts))
		}
		if got := stateOf(t, s); !reflect.DeepEqual(got, clean) {
			t.Errorf("loaded twice: %v, want %v", got, clean)
		}
	})
	t.Run("twice forced", func(t *testing.T) {
		sum := build(t, s, arts, true)
		if sum.Skipped != 0 || sum.Loaded != len(arts) {
			t.Errorf("forced build skipped/loaded = %d/%d, want 0/%d", sum.Skipped, sum.Loaded, len(arts))
		}
		if got := stateOf(t, s); !reflect.DeepEqual(got, clean) {
			t.Errorf("loaded twice (--force): %v, want %v", got, clean)
		}
	})
	// Loaded in two parts, the corpus gives the graph of one load in the
	// same order. In the other order the spelling that comes first names
	// an entity whose spellings vary across the parts ("Zelensky",
	// "Zelenskiy"), so the keys of its relations differ, not the counts.
	half := len(arts) / 2
	reversed := slices.Concat(arts[half:], arts[:half])
	reset()
	build(t, s, reversed, false)
	cleanReversed := stateOf(t, s)
	if cleanReversed.Nodes != clean.Nodes || cleanReversed.Rels != clean.Rels || len(cleanReversed.Keys) != len(clean.Keys) {
		t.Errorf("reversed: %v, want the counts of %v", cleanReversed, clean)
	}
	for _, tt := range []struct {
		name          string
		first, second []schema.Article
		want          state
	}{
		{"halves in order", arts[:half], arts[half:], clean},
		{"halves reversed", arts[half:], arts[:half], cleanReversed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reset()
			build(t, s, tt.first, false)
			build(t, s, tt.second, false)
			if got := stateOf(t, s); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

// stopper is a Sink that cancels a build while its n-th Load is running:
// that transaction is rolled back, those before it are committed.
type stopper struct {
	*Store
	n      int32
	calls  atomic.Int32
	cancel context.CancelFunc
}

func (s *stopper) Load(ctx context.Context, batch []schema.Extraction) error {
	if s.calls.Add(1) == s.n {
		s.cancel()
	}
	return s.Store.Load(ctx, batch)
}

func TestBuildResume(t *testing.T) {
	arts := devArticles(t)
	s := openStore(t, 0)
	build(t, s, arts, false)
	clean := stateOf(t, s)

	s.Close()
	s = openStore(t, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stop := &stopper{Store: s, n: 3, cancel: cancel}
	b := graph.Builder{Extract: extractor(t).Extract, Sink: stop, BatchSize: 4}
	sum, err := b.Build(ctx, source(arts))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted build = %v, want %v", err, context.Canceled)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 8 || sum.Loaded != 8 {
		t.Fatalf("interrupted in the third batch: %d articles in Neo4j, %d loaded, want 8 (two batches of 4)", st.Articles, sum.Loaded)
	}

	sum = build(t, s, arts, false)
	if sum.Skipped != 8 || sum.Loaded != len(arts)-8 {
		t.Errorf("resumed build skipped/loaded = %d/%d, want 8/%d", sum.Skipped, sum.Loaded, len(arts)-8)
	}
	if got := stateOf(t, s); !reflect.DeepEqual(got, clean) {
		t.Errorf("interrupted and resumed: %v, want %v", got, clean)
	}
}

// TestBuildCrossDocument checks resolution across articles, in one build
// and across builds: "Defense Secretary Austin" joins the "Lloyd Austin"
// of another article; "Foreign Secretary Smith" stays apart from "John
// Smith" and "Jane Smith", who stay apart from each other.
func TestBuildCrossDocument(t *testing.T) {
	var (
		lloyd  = "WASHINGTON, March 3, 2024 (AP) - U.S. Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun in Singapore on Friday."
		austin = "BRUSSELS, March 5, 2024 (AFP) - Defense Secretary Austin urged NATO allies to increase military aid to Ukraine on Tuesday."
		john   = "LONDON, May 1, 2024 (Reuters) - British Foreign Secretary John Smith met French Foreign Minister Stephane Sejourne in Paris."
		jane   = "LONDON, May 2, 2024 (Reuters) - Labour lawmaker Jane Smith criticized the government over its Rwanda policy."
		smith  = "LONDON, May 3, 2024 (Reuters) - Foreign Secretary Smith warned Russia against further escalation, the ministry said."
	)
	art := func(ref, text string) schema.Article { return schema.Article{Ref: ref, Text: text} }
	people := func(t *testing.T, s *Store) map[string][]any {
		t.Helper()
		_, rows, err := s.Query(context.Background(), "MATCH (p:Person) RETURN p.name, p.aliases", nil)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]any{}
		for _, r := range rows {
			aliases, _ := r[1].([]any)
			out[r[0].(string)] = aliases
		}
		return out
	}
	subject := func(t *testing.T, s *Store, relType string) string {
		t.Helper()
		_, rows, err := s.Query(context.Background(), "MATCH (p:Person)-[r]->() WHERE type(r) = $t RETURN p.name", map[string]any{"t": relType})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 {
			t.Fatalf("%s relations: %v, want 1", relType, rows)
		}
		return rows[0][0].(string)
	}
	for _, tt := range []struct {
		name string
		runs [][]schema.Article
	}{
		{"one build", [][]schema.Article{{art("lloyd", lloyd), art("austin", austin), art("john", john), art("jane", jane), art("smith", smith)}}},
		{"one build each", [][]schema.Article{{art("lloyd", lloyd)}, {art("austin", austin)}, {art("john", john)}, {art("jane", jane)}, {art("smith", smith)}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t, 0)
			for _, arts := range tt.runs {
				build(t, s, arts, false)
			}
			got := people(t, s)
			if _, ok := got["Austin"]; ok {
				t.Errorf("Austin is a node of its own; people: %v", got)
			}
			if !reflect.DeepEqual(got["Lloyd Austin"], []any{"Austin"}) {
				t.Errorf("Lloyd Austin's aliases = %v, want [Austin]", got["Lloyd Austin"])
			}
			if who := subject(t, s, "REQUESTS"); who != "Lloyd Austin" {
				t.Errorf("Austin REQUESTS NATO: subject %q, want Lloyd Austin", who)
			}
			for _, name := range []string{"John Smith", "Jane Smith", "Smith"} {
				if aliases, ok := got[name]; !ok || len(aliases) != 0 {
					t.Errorf("person %q: aliases %v, present %v; want a node of its own, no aliases", name, aliases, ok)
				}
			}
			if who := subject(t, s, "WARNS"); who != "Smith" {
				t.Errorf("Smith WARNS Russia: subject %q, want Smith (either Smith may be meant)", who)
			}
		})
	}
}

// content returns every node with its labels and properties and every
// relationship with its type, properties and ends, as sorted JSON lines:
// what two loads must agree on, whatever the element IDs.
func content(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		"MATCH (n) RETURN [l IN labels(n) | l] AS labels, properties(n) AS props",
		"MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, properties(r) AS props, b.id AS to",
	} {
		cols, rows, err := s.Query(context.Background(), q, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			m := make(map[string]any, len(cols))
			for i, c := range cols {
				m[c] = r[i]
			}
			if l, ok := m["labels"].([]any); ok {
				slices.SortFunc(l, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
			}
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	slices.Sort(out)
	return out
}

// TestBuildWriters: a build whose batches are loaded by four concurrent
// writers gives exactly the graph of one writer, every label and property
// included (entity names, aliases, mention sums), however the batches'
// transactions interleave. Some articles come twice, the second time
// shortened under the same ID, in the batch after the first: the second
// extraction wins, as with one writer.
func TestBuildWriters(t *testing.T) {
	var arts []schema.Article
	dev := devArticles(t)
	for i, a := range dev {
		a.ID = fmt.Sprintf("dev-%02d", i)
		arts = append(arts, a)
		if i%3 == 1 {
			again := arts[len(arts)-2]
			again.Text = again.Text[:len(again.Text)/2]
			arts = append(arts, again)
		}
	}
	var want []string
	for _, writers := range []int{1, 4, 4} {
		s := openStore(t, 0)
		b := graph.Builder{Extract: extractor(t).Extract, Sink: s, BatchSize: 2, Writers: writers}
		sum, err := b.Build(context.Background(), source(arts))
		if err != nil {
			t.Fatalf("Build with %d writers: %v", writers, err)
		}
		if err := s.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		got := content(t, s)
		t.Logf("%d writers: %d articles, %d nodes and relationships, %d transactions for %d batches",
			writers, sum.Loaded, len(got), s.Attempts(), (len(arts)+1)/2)
		if writers == 1 && !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, `"id":"dev-01"`) }) {
			t.Fatal("article dev-01 missing")
		}
		if sum.Loaded != len(arts) {
			t.Errorf("%d writers loaded %d articles, want %d", writers, sum.Loaded, len(arts))
		}
		if stats, err := s.Stats(context.Background()); err != nil || stats.Articles != len(dev) {
			t.Errorf("%d writers: %d articles in Neo4j (%v), want %d", writers, stats.Articles, err, len(dev))
		}
		if want == nil {
			want = got
			continue
		}
		if !slices.Equal(got, want) {
			for _, l := range diffLines(want, got) {
				t.Error(l)
			}
			t.Fatalf("%d writers: the graph differs from one writer's", writers)
		}
	}
}

// diffLines returns the lines of a missing from b ("-") and of b missing
// from a ("+"), both sorted.
func diffLines(a, b []string) []string {
	var out []string
	for _, l := range a {
		if _, found := slices.BinarySearch(b, l); !found {
			out = append(out, "- "+l)
		}
	}
	for _, l := range b {
		if _, found := slices.BinarySearch(a, l); !found {
			out = append(out, "+ "+l)
		}
	}
	return out
}
