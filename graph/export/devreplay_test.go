package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/graph/query"
	"github.com/kgraph/kg/schema"
)

// TestCypherReplayDev cuts a subgraph of the dev corpus (testdata/gold)
// out of the graph file, replays its Cypher script into an empty Neo4j as
// cypher-shell does (the schema statements each in its own transaction,
// the data in one), and cuts the same subgraph out of Neo4j: the same
// nodes, relationships and keys, and the same export.
func TestCypherReplayDev(t *testing.T) {
	d, uri := replayDriver(t)
	ctx := context.Background()
	file := port.Config{File: filepath.Join(t.TempDir(), "dev.json")}
	buildDev(t, file)
	f := graph.Filter{Types: []schema.RelationType{schema.Meets, schema.Accuses, schema.Denies, schema.Warns, schema.HoldsRole, schema.PartOf, schema.Visits}}
	cut := func(cfg port.Config) *graph.Graph {
		t.Helper()
		r, err := port.OpenReader(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var seeds []schema.Entity
		for _, name := range []string{"Russia", "Sergei Lavrov"} {
			res, err := query.Resolve(ctx, r, name)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, res.Entity)
		}
		sub, err := query.Subgraph(ctx, r, seeds, 2, query.Options{Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		return sub
	}
	sub := cut(file)
	if len(sub.Relations) < 10 || len(sub.Mentions) == 0 {
		t.Fatalf("the subgraph has %d relations, %d mentions; the test means to replay more", len(sub.Relations), len(sub.Mentions))
	}

	neo4jtest.Reset(t, d)
	replayScript(t, d, write(t, Cypher, sub))
	var wantEntities, wantArticles, wantKeys []string
	for _, e := range sub.Entities {
		wantEntities = append(wantEntities, e.ID)
	}
	for _, a := range sub.Articles {
		wantArticles = append(wantArticles, a.ID)
	}
	for _, r := range sub.Relations {
		wantKeys = append(wantKeys, r.Key)
	}
	for _, c := range []struct {
		what, q string
		want    []string
	}{
		{"entities", "MATCH (e:Entity) RETURN e.id", wantEntities},
		{"articles", "MATCH (a:Article) RETURN a.id", wantArticles},
		{"relation keys", "MATCH (:Entity)-[r]->(:Entity) RETURN r.key", wantKeys},
	} {
		got := column(t, d, c.q)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("replayed %s: %d, want %d:\n got %q\nwant %q", c.what, len(got), len(c.want), got, c.want)
		}
	}
	if got := column(t, d, "MATCH ()-[m:MENTIONS]->() RETURN toString(count(m))"); !slices.Equal(got, []string{itoa(len(sub.Mentions))}) {
		t.Errorf("replayed MENTIONS: %v, want %d", got, len(sub.Mentions))
	}
	again := cut(port.Config{Neo4j: port.Neo4j{URI: uri, Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD")}})
	if a, b := write(t, JSON, sub), write(t, JSON, again); !bytes.Equal(a, b) {
		t.Errorf("the export of the replayed graph differs from the original's")
	}
}

// buildDev builds the dev corpus into the store of cfg as kg build does.
func buildDev(t *testing.T, cfg port.Config) {
	t.Helper()
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w, err := port.OpenWriter(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b := graph.Builder{Extract: x.Extract, Sink: w, Writers: w.Writers()}
	if _, err := b.Build(ctx, ingest.NewReader([]string{"../../testdata/gold"}, ingest.Options{})); err != nil {
		w.Abort(err)
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// replayScript runs a Cypher script as cypher-shell does, statement by
// statement (each ends a line with ";"), comments skipped: the schema
// statements each in its own transaction, the data statements in one.
func replayScript(t *testing.T, d neo4j.DriverWithContext, script []byte) {
	t.Helper()
	ctx := context.Background()
	sess := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	var data []string
	for _, stmt := range strings.Split(string(script), "\n") {
		if stmt == "" || strings.HasPrefix(stmt, "//") {
			continue
		}
		if !strings.HasSuffix(stmt, ";") {
			t.Fatalf("statement does not end its line with ';': %.200s", stmt)
		}
		stmt = strings.TrimSuffix(stmt, ";")
		if !strings.HasPrefix(stmt, "CREATE ") {
			data = append(data, stmt)
			continue
		}
		res, err := sess.Run(ctx, stmt, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			t.Fatalf("replay: %v\nin: %.300s", err, stmt)
		}
	}
	if len(data) == 0 {
		t.Fatal("no data statements in the script")
	}
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, stmt := range data {
			res, err := tx.Run(ctx, stmt, nil)
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
}

// column runs a query and returns its first column as sorted strings.
func column(t *testing.T, d neo4j.DriverWithContext, q string) []string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, q, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	var out []string
	for _, r := range res.Records {
		s, _ := r.Values[0].(string)
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}
