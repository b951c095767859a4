package export

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/schema"
)

// invisibleGraph is a graph whose names, alias, role, evidence and
// article hold invisible characters: a right-to-left override, a
// zero-width space, isolates, a tag character above U+FFFF.
func invisibleGraph() *graph.Graph {
	p := schema.Entity{ID: "e-p", Name: "Evil\u202eKing", Type: schema.Person, Count: 1, Aliases: []string{"King\u202e"}}
	o := schema.Entity{ID: "e-o", Name: "Zero\u200bWidth", Type: schema.Organization, Count: 1}
	c := schema.Entity{ID: "e-c", Name: "\u2066Iso\u2069 Land\U000E0041", Type: schema.Country, Count: 1}
	return &graph.Graph{
		Articles: []schema.Article{{ID: "a1", Title: "Title \u202e1", Published: "2024-03-05"}},
		Entities: []schema.Entity{p, o, c},
		Relations: []schema.Relation{
			{Key: "k1", Type: schema.HoldsRole, Subject: p.ID, Object: o.ID, Article: "a1", Evidence: "He \u202eruled\u202c.", Role: "Chair\u202e", Confidence: 0.5, End: 4},
			{Key: "k2", Type: schema.Visits, Subject: p.ID, Object: c.ID, Article: "a1", Evidence: "Went\u200b there.", Confidence: 1, End: 4},
		},
		Mentions: []graph.Mention{{Article: "a1", Entity: p.ID, Count: 1}},
	}
}

// TestInvisibleEscaped: no writer writes an invisible character. JSON
// reads back as the graph's strings; the others show the escape.
func TestInvisibleEscaped(t *testing.T) {
	g := invisibleGraph()
	for _, f := range formats {
		out := string(write(t, f.write, g))
		if schema.HasInvisible(out) {
			i := strings.IndexFunc(out, schema.Invisible)
			t.Errorf("%s holds an invisible character: ...%q...", f.file, out[max(i-30, 0):min(i+30, len(out))])
		}
		want := map[string]string{"graph.cypher": `Evil\u202EKing`, "graph.dot": `Evil\\u202eKing`, "relationships.csv": `He \u202eruled\u202c.`}[f.file]
		if want == "" {
			want = `Evil\u202eKing`
		}
		if !strings.Contains(out, want) {
			t.Errorf("%s does not show %s", f.file, want)
		}
	}
	var back cyElements
	if err := json.Unmarshal(write(t, JSON, g), &back); err != nil {
		t.Fatal(err)
	}
	if n := back.Elements.Nodes; len(n) != 3 || n[0].Data.Name != "\u2066Iso\u2069 Land\U000E0041" || n[2].Data.Aliases[0] != "King\u202e" {
		t.Errorf("JSON reads back %+v", n)
	}
	if e := back.Elements.Edges; len(e) != 2 || e[0].Data.Role != "Chair\u202e" || e[1].Data.Evidence != "Went\u200b there." {
		t.Errorf("JSON reads back %+v", e)
	}
	if dot := string(write(t, DOT, g)); !strings.Contains(dot, `\\U000e0041`) {
		t.Errorf("DOT does not show U+E0041 as \\U000e0041")
	}
	if cy := string(write(t, Cypher, g)); !strings.Contains(cy, `\uDB40\uDC41`) {
		t.Errorf("Cypher does not write U+E0041 as a surrogate pair")
	}
}

// TestCypherReplayInvisible runs the Cypher script of the graph in a real
// Neo4j: its escapes (\u202E, \U000E0041) read back as the characters.
func TestCypherReplayInvisible(t *testing.T) {
	d, _ := replayDriver(t)
	neo4jtest.Reset(t, d)
	ctx := context.Background()
	g := invisibleGraph()
	for _, stmt := range strings.Split(string(write(t, Cypher, g)), "\n") {
		if stmt == "" || strings.HasPrefix(stmt, "//") {
			continue
		}
		if _, err := neo4j.ExecuteQuery(ctx, d, strings.TrimSuffix(stmt, ";"), nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatalf("%v\nin: %s", err, stmt)
		}
	}
	res, err := neo4j.ExecuteQuery(ctx, d, "MATCH (e:Entity) RETURN e.id, e.name, e.aliases ORDER BY e.id", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]schema.Entity{}
	for _, e := range g.Entities {
		byID[e.ID] = e
	}
	for _, r := range res.Records {
		id, name := r.Values[0].(string), r.Values[1].(string)
		if name != byID[id].Name {
			t.Errorf("entity %s: name %q in Neo4j, want %q", id, name, byID[id].Name)
		}
	}
	res, err = neo4j.ExecuteQuery(ctx, d, "MATCH ()-[r:HOLDS_ROLE]->() RETURN r.role, r.evidence", nil, neo4j.EagerResultTransformer)
	if err != nil || len(res.Records) != 1 || res.Records[0].Values[0] != "Chair\u202e" || res.Records[0].Values[1] != "He \u202eruled\u202c." {
		t.Errorf("HOLDS_ROLE in Neo4j: %v, %v", res, err)
	}
}
