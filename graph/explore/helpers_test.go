package explore_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore"
	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/neo4jstore"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

var dev struct {
	once sync.Once
	g    *graph.Graph
	err  error
}

// devArticles reads the dev corpus (testdata/gold).
func devArticles() ([]schema.Article, error) {
	var out []schema.Article
	err := ingest.NewReader([]string{"../../testdata/gold"}, ingest.Options{}).Read(context.Background(), func(a schema.Article) error {
		out = append(out, a)
		return nil
	})
	return out, err
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

// build builds the dev corpus into the empty store of cfg as kg build
// does.
func build(cfg port.Config) error {
	arts, err := devArticles()
	if err != nil {
		return err
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	w, err := port.OpenWriter(context.Background(), cfg)
	if err != nil {
		return err
	}
	b := graph.Builder{Extract: x.Extract, Sink: w, Writers: w.Writers()}
	if _, err := b.Build(context.Background(), articles(arts)); err != nil {
		w.Abort(err)
		return err
	}
	return w.Close()
}

// testGraph is a graph and its reader in memory (the graph file's), with
// the questions the tests ask of it.
type testGraph struct {
	*graph.Graph
	m *filestore.Memory
	t testing.TB
}

func newTestGraph(t testing.TB, g *graph.Graph) testGraph {
	return testGraph{Graph: g, m: filestore.NewMemory(g), t: t}
}

func (g testGraph) FindEntities(name string) []schema.Entity {
	g.t.Helper()
	es, err := g.m.FindEntities(context.Background(), name)
	if err != nil {
		g.t.Fatal(err)
	}
	return es
}

func (g testGraph) Neighbours(id string, f graph.Filter, offset, limit int) *graph.Neighbours {
	g.t.Helper()
	n, err := g.m.Neighbours(context.Background(), id, f, offset, limit)
	if err != nil {
		g.t.Fatal(err)
	}
	return n
}

func (g testGraph) Star(id string, f graph.Filter) *graph.Graph {
	g.t.Helper()
	s, err := g.m.Star(context.Background(), []string{id}, f)
	if err != nil {
		g.t.Fatal(err)
	}
	return s
}

func (g testGraph) Subgraph(seeds []string, hops int, f graph.Filter) *graph.Graph {
	g.t.Helper()
	s, err := g.m.Subgraph(context.Background(), seeds, hops, f)
	if err != nil {
		g.t.Fatal(err)
	}
	return s
}

func (g testGraph) Edges(ids, others []string, f graph.Filter) []graph.Edge {
	g.t.Helper()
	es, err := g.m.Edges(context.Background(), ids, others, f)
	if err != nil {
		g.t.Fatal(err)
	}
	return es
}

// devGraph returns the dev corpus as kg build writes it into the graph
// file, built once.
func devGraph(t testing.TB) testGraph {
	t.Helper()
	dev.once.Do(func() {
		dir, err := os.MkdirTemp("", "kg-explore-dev")
		if err != nil {
			dev.err = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "dev.json")
		if dev.err = build(port.Config{File: path}); dev.err != nil {
			return
		}
		dev.g, dev.err = filestore.Read(path)
	})
	if dev.err != nil {
		t.Fatalf("dev corpus: %v", dev.err)
	}
	return newTestGraph(t, dev.g)
}

// serve starts an explorer over r on a loopback port.
func serve(t testing.TB, r explore.Reader) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(explore.New(r, explore.Options{Title: "test graph"}))
	t.Cleanup(ts.Close)
	return ts
}

// get fetches path from ts and returns the status and body.
func get(t testing.TB, ts *httptest.Server, path string) (int, []byte) {
	t.Helper()
	res, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, b
}

// getJSON fetches path, wants status 200, and decodes the answer into v.
func getJSON(t testing.TB, ts *httptest.Server, path string, v any) {
	t.Helper()
	code, b := get(t, ts, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s = %d %s", path, code, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, b)
	}
}

// q builds a query string.
func q(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return "?" + v.Encode()
}

// memSource is the explorer's reader over a graph in memory.
func memSource(g *graph.Graph) explore.Reader { return filestore.NewMemory(g) }

// TestMain provides a Neo4j to the tests that compare the stores (see
// neo4jtest).
func TestMain(m *testing.M) { neo4jtest.Main(m) }

// devNeo4j empties the test Neo4j, builds the dev corpus into it as kg
// build does, and returns the store.
func devNeo4j(t *testing.T) *neo4jstore.Store {
	t.Helper()
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	cfg := port.Neo4j{URI: neo4jtest.URI(t), Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD")}
	if err := build(port.Config{Neo4j: cfg}); err != nil {
		t.Fatalf("dev corpus into Neo4j: %v", err)
	}
	s, err := neo4jstore.Open(context.Background(), neo4jstore.Config{URI: cfg.URI, Username: cfg.Username, Password: cfg.Password})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
