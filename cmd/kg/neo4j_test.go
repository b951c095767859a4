package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// neo4jKG runs kg against the test Neo4j.
func neo4jKG(t *testing.T, uri string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("NEO4J_URI", uri)
	return kg(t, "", args...)
}

// queryJSON runs a read query and decodes its JSON rows.
func queryJSON(t *testing.T, uri, cypher string) []map[string]any {
	t.Helper()
	code, stdout, stderr := neo4jKG(t, uri, "query", "--format", "json", cypher)
	if code != 0 {
		t.Fatalf("kg query %q = %d, stderr:\n%s", cypher, code, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatalf("kg query %q: output is not a JSON array of objects: %v\n%s", cypher, err, stdout)
	}
	return rows
}

// counts returns the numbers of nodes and relationships.
func counts(t *testing.T, uri string) (nodes, rels float64) {
	t.Helper()
	rows := queryJSON(t, uri, "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels")
	if len(rows) != 1 {
		t.Fatalf("count query returned %d rows", len(rows))
	}
	return rows[0]["nodes"].(float64), rows[0]["rels"].(float64)
}

func TestNeo4jSeed(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))

	code, stdout, stderr := neo4jKG(t, uri, "build", seed)
	if code != 0 {
		t.Fatalf("kg build = %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "neo4j ") {
		t.Errorf("kg build with NEO4J_URI did not report loading into Neo4j:\n%s", stdout)
	}
	nodes, rels := counts(t, uri)
	if nodes == 0 {
		t.Fatal("kg build loaded no nodes")
	}

	t.Run("query json", func(t *testing.T) {
		rows := queryJSON(t, uri, "MATCH (p:Person {name:'Dmitry Peskov'})-[r:DENIES]->(x) RETURN x.name, r.evidence")
		found := false
		for _, r := range rows {
			if ev, _ := r["r.evidence"].(string); strings.Contains(ev, "castigated") {
				found = true
			}
			if _, ok := r["x.name"]; !ok {
				t.Errorf("row %v lacks column x.name", r)
			}
		}
		if !found {
			t.Errorf("no DENIES row from Dmitry Peskov with evidence containing \"castigated\": %v", rows)
		}
	})

	t.Run("build twice changes nothing", func(t *testing.T) {
		if code, _, stderr := neo4jKG(t, uri, "build", "-q", seed); code != 0 {
			t.Fatalf("second kg build = %d, stderr:\n%s", code, stderr)
		}
		n2, r2 := counts(t, uri)
		if n2 != nodes || r2 != rels {
			t.Errorf("after a second build: %v nodes, %v relationships; want %v, %v", n2, r2, nodes, rels)
		}
	})

	t.Run("write query refused", func(t *testing.T) {
		code, _, stderr := neo4jKG(t, uri, "query", "CREATE (:Intruder)")
		if code == 0 {
			t.Fatal("kg query \"CREATE (:Intruder)\" exited 0")
		}
		if !strings.Contains(stderr, "--write") {
			t.Errorf("error does not say how to write:\n%s", stderr)
		}
		rows := queryJSON(t, uri, "MATCH (n:Intruder) RETURN count(n) AS n")
		if len(rows) != 1 || rows[0]["n"] != float64(0) {
			t.Errorf("Intruder nodes after a refused write: %v, want 0", rows)
		}
	})

	t.Run("write query with --write", func(t *testing.T) {
		code, stdout, stderr := neo4jKG(t, uri, "query", "--write", "--param", "name=probe", "MERGE (p:Probe {name: $name}) RETURN p.name")
		if code != 0 || !strings.Contains(stdout, "probe") {
			t.Fatalf("kg query --write = %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		neo4jKG(t, uri, "query", "--write", "MATCH (p:Probe) DELETE p")
	})

	t.Run("formats", func(t *testing.T) {
		for _, f := range []string{"table", "csv"} {
			code, stdout, stderr := neo4jKG(t, uri, "query", "--format", f, "MATCH (e:Entity) RETURN e.name ORDER BY e.name LIMIT 3")
			if code != 0 || !strings.Contains(stdout, "e.name") {
				t.Errorf("kg query --format %s = %d, stdout:\n%s\nstderr:\n%s", f, code, stdout, stderr)
			}
		}
	})
}

func TestNeo4jSchemaApply(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Driver(t) // skips or fails when Neo4j is unavailable
	for i := range 2 {
		code, stdout, stderr := neo4jKG(t, uri, "schema", "apply")
		if code != 0 || !strings.Contains(stdout, "schema applied") {
			t.Fatalf("kg schema apply (run %d) = %d, stdout:\n%s\nstderr:\n%s", i+1, code, stdout, stderr)
		}
	}
}

func TestNeo4jExtractLoad(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	if code, _, stderr := neo4jKG(t, uri, "build", "-q", seed); code != 0 {
		t.Fatalf("kg build = %d, stderr:\n%s", code, stderr)
	}
	nodes, rels := counts(t, uri)

	// The same article through extract and load: nothing changes.
	xs := t.TempDir() + "/x.jsonl"
	if code, _, stderr := neo4jKG(t, uri, "extract", "-q", "--out", xs, seed); code != 0 {
		t.Fatalf("kg extract = %d, stderr:\n%s", code, stderr)
	}
	if code, _, stderr := neo4jKG(t, uri, "load", "-q", xs); code != 0 {
		t.Fatalf("kg load = %d, stderr:\n%s", code, stderr)
	}
	if n2, r2 := counts(t, uri); n2 != nodes || r2 != rels {
		t.Errorf("after kg load of the built article: %v nodes, %v relationships; want %v, %v", n2, r2, nodes, rels)
	}
}
