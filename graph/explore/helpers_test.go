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
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/neo4jstore"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/schema"
)

// recorder is a graph.Sink that keeps what it is given.
type recorder struct{ batches []schema.Extraction }

func (r *recorder) Load(_ context.Context, b []schema.Extraction) error {
	r.batches = append(r.batches, b...)
	return nil
}
func (r *recorder) Close() error { return nil }

var dev struct {
	once sync.Once
	xs   []schema.Extraction
	g    *graph.Graph
	err  error
}

// devCorpus returns the dev corpus (testdata/gold) as kg build makes it:
// the resolved extractions and the graph file's graph.
func devCorpus(t testing.TB) ([]schema.Extraction, *graph.Graph) {
	t.Helper()
	dev.once.Do(func() {
		x, err := extract.New(extract.Options{})
		if err != nil {
			dev.err = err
			return
		}
		var rec recorder
		b := graph.Builder{Extract: x.Extract, Sink: &rec}
		if _, err := b.Build(context.Background(), ingest.NewReader([]string{"../../testdata/gold"}, ingest.Options{})); err != nil {
			dev.err = err
			return
		}
		fs, err := graph.OpenFile(filepath.Join(t.TempDir(), "dev.json"))
		if err != nil {
			dev.err = err
			return
		}
		if err := fs.Load(context.Background(), rec.batches); err != nil {
			dev.err = err
			return
		}
		dev.xs, dev.g = rec.batches, fs.Graph()
	})
	if dev.err != nil {
		t.Fatalf("dev corpus: %v", dev.err)
	}
	return dev.xs, dev.g
}

// devGraph returns the dev corpus's graph.
func devGraph(t testing.TB) *graph.Graph {
	t.Helper()
	_, g := devCorpus(t)
	return g
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
func memSource(g *graph.Graph) explore.Reader { return graph.MemorySource{Graph: g} }

// TestMain provides a Neo4j to the tests that compare the stores (see
// neo4jtest).
func TestMain(m *testing.M) { neo4jtest.Main(m) }

// devNeo4j empties the test Neo4j, loads the dev corpus into it as kg
// build does, and returns the store.
func devNeo4j(t *testing.T) *neo4jstore.Store {
	t.Helper()
	xs, _ := devCorpus(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	s, err := neo4jstore.Open(context.Background(), neo4jstore.Config{
		URI: neo4jtest.URI(t), Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD"),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Load(ctx, xs); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}
