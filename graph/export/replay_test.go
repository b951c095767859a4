package export

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// replayDriver returns a driver for the Neo4j of NEO4J_URI, or else for one
// started for the test (about ten seconds; skipped with -short), so that
// the other tests of the package need no Neo4j; and its URI.
func replayDriver(t *testing.T) (neo4j.DriverWithContext, string) {
	t.Helper()
	if uri := os.Getenv("NEO4J_URI"); uri != "" {
		return neo4jtest.Driver(t), uri
	}
	if testing.Short() {
		t.Skip("starts Neo4j; skipped with -short (or set NEO4J_URI)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), neo4jtest.StartTimeout)
	defer cancel()
	srv, err := neo4jtest.Start(ctx, 0, nil)
	if err != nil {
		neo4jtest.Unavailable(t, "%v", err)
	}
	t.Cleanup(srv.Stop)
	d, err := neo4j.NewDriverWithContext(srv.URI(), neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close(context.Background()) })
	return d, srv.URI()
}

// TestCypherReplay runs the Cypher script of the hostile fixture in a real,
// empty Neo4j, twice, statement by statement as cypher-shell does, and
// reads the graph back: the same nodes, relationships, keys and strings.
func TestCypherReplay(t *testing.T) {
	d, _ := replayDriver(t)
	neo4jtest.Reset(t, d)
	ctx := context.Background()
	g := fixture()
	script := string(write(t, Cypher, g))
	for range 2 {
		for _, stmt := range strings.Split(script, "\n") {
			if stmt == "" || strings.HasPrefix(stmt, "//") {
				continue
			}
			if _, err := neo4j.ExecuteQuery(ctx, d, strings.TrimSuffix(stmt, ";"), nil, neo4j.EagerResultTransformer); err != nil {
				t.Fatalf("%v\nin: %s", err, stmt)
			}
		}
	}
	read := func(q string) []string {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, d, q, nil, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var out []string
		for _, r := range res.Records {
			var parts []string
			for _, v := range r.Values {
				switch v := v.(type) {
				case []any:
					for _, x := range v {
						parts = append(parts, x.(string))
					}
				default:
					parts = append(parts, toString(v))
				}
			}
			out = append(out, strings.Join(parts, "|"))
		}
		slices.Sort(out)
		return out
	}

	var wantEntities, wantRels []string
	for _, e := range g.Entities {
		wantEntities = append(wantEntities, strings.Join(append([]string{e.ID, e.Name, string(e.Type), "true"}, aliases(e)...), "|"))
	}
	slices.Sort(wantEntities)
	for _, r := range g.Relations {
		wantRels = append(wantRels, strings.Join([]string{r.Subject, string(r.Type), r.Object, r.Key, r.Evidence, r.Role, cypherFloat(r.Confidence)}, "|"))
	}
	slices.Sort(wantRels)

	// The labels are Entity and the type, and no other.
	q := "MATCH (e:Entity) RETURN e.id, e.name, e.type, toString(size(labels(e)) = 2 AND e.type IN labels(e)), e.aliases"
	if got := read(q); !slices.Equal(got, wantEntities) {
		t.Errorf("entities:\n got %q\nwant %q", got, wantEntities)
	}
	if got := read("MATCH (s:Entity)-[r]->(o:Entity) RETURN s.id, type(r), o.id, r.key, coalesce(r.evidence, ''), coalesce(r.role, ''), toString(r.confidence)"); !slices.Equal(got, wantRels) {
		t.Errorf("relations:\n got %q\nwant %q", got, wantRels)
	}
	if got := read("MATCH (n) RETURN count(n)"); !slices.Equal(got, []string{itoa(len(g.Entities) + len(g.Articles))}) {
		t.Errorf("nodes: %v, want %d", got, len(g.Entities)+len(g.Articles))
	}
	if got := read("MATCH ()-[r]->() RETURN count(r)"); !slices.Equal(got, []string{itoa(len(g.Relations) + len(g.Mentions))}) {
		t.Errorf("relationships: %v, want %d", got, len(g.Relations)+len(g.Mentions))
	}
	if got := read("MATCH (:Article {id: 'art-1'})-[m:MENTIONS]->(:Entity {id: 'e-zoe'}) RETURN m.count"); !slices.Equal(got, []string{"2"}) {
		t.Errorf("MENTIONS count: %v", got)
	}
	if got := read("MATCH (r:VISITS) RETURN r"); len(got) != 0 {
		t.Errorf("VISITS is a relationship type, found nodes: %v", got)
	}
}

func itoa(n int) string { return toString(int64(n)) }

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return cypherFloat(v)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
