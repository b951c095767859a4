package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/schema"
)

// Names holding invisible characters: a right-to-left override (which
// shows the rest of a line backwards), a zero-width space, isolates.
const (
	rloName  = "Evil\u202eKing"
	zwspName = "Zero\u200bWidth Council"
	isoName  = "\u2066Isolated\u2069 Land"
	tagName  = "Tagged\U000E0041 Person"
)

// invisibleExtraction is an extraction (as kg load reads it) whose
// names, alias, role, evidence and article title hold invisible
// characters.
func invisibleExtraction() schema.Extraction {
	const art = "invisible-art"
	p := schema.Entity{ID: schema.EntityID(schema.Person, rloName), Name: rloName, Type: schema.Person, Count: 2, Aliases: []string{"King\u202e"}}
	o := schema.Entity{ID: schema.EntityID(schema.Organization, zwspName), Name: zwspName, Type: schema.Organization, Count: 1}
	c := schema.Entity{ID: schema.EntityID(schema.Country, isoName), Name: isoName, Type: schema.Country, Count: 1}
	q := schema.Entity{ID: schema.EntityID(schema.Person, tagName), Name: tagName, Type: schema.Person, Count: 1}
	rel := func(s schema.Entity, t schema.RelationType, o schema.Entity, sentence int) schema.Relation {
		return schema.Relation{Key: schema.RelationKey(art, sentence, s.ID, t, o.ID), Type: t, Subject: s.ID, Object: o.ID,
			Article: art, Sentence: sentence, Evidence: s.Name + " and \u202e" + o.Name + "\u202c met.", Start: 0, End: 10,
			Confidence: 0.75, Date: "2024-03-05"}
	}
	x := schema.Extraction{
		Article:   schema.Article{ID: art, Ref: "ref\u202e1", Title: "Title \u202ereversed", Published: "2024-03-05", URL: "https://example.com/\u202e"},
		Entities:  []schema.Entity{p, o, c, q},
		Relations: []schema.Relation{rel(p, schema.HoldsRole, o, 0), rel(p, schema.Visits, c, 1), rel(q, schema.Meets, p, 2)},
	}
	x.Relations[0].Role = "Chair\u202e"
	return x
}

// TestInvisibleCharactersEscaped loads names holding U+202E and other
// invisible characters, into the graph file and into Neo4j, and feeds
// them through every table (entity, between, neighbors, path, timeline,
// query), every JSON answer, kg query's JSON and CSV, every export
// format, and an error: no output holds an invisible character. Tables,
// CSV, GraphML, DOT, SVG and HTML show them as Go escapes (\u202e), as
// rejects do; JSON and Cypher write their own escapes, which read back
// as the same characters.
func TestInvisibleCharactersEscaped(t *testing.T) {
	x := invisibleExtraction()
	p, o, c, q := x.Entities[0], x.Entities[1], x.Entities[2], x.Entities[3]
	dir := t.TempDir()
	in := filepath.Join(dir, "x.jsonl")
	data, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "g.json")
	if code, _, stderr := kg(t, "", "load", "-q", "--out", file, in); code != 0 {
		t.Fatalf("kg load = %d; stderr:\n%s", code, stderr)
	}

	// check fails when out holds an invisible character, or lacks want.
	check := func(what, out, want string) {
		t.Helper()
		if schema.HasInvisible(out) {
			i := strings.IndexFunc(out, schema.Invisible)
			t.Errorf("%s prints an invisible character: ...%q...", what, out[max(i-30, 0):min(i+30, len(out))])
		}
		if !strings.Contains(out, want) {
			t.Errorf("%s does not show %q:\n%s", what, want, out)
		}
	}
	// exact fails when the JSON out does not hold the name with its
	// invisible character, once decoded.
	exact := func(what, out string) {
		t.Helper()
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%s: %v", what, err)
			return
		}
		if !holds(v, rloName) {
			t.Errorf("%s does not hold %q once decoded", what, rloName)
		}
	}
	shown := `Evil\u202eKing` // the escape in tables
	stores := map[string][]string{"file": {"--graph", file}}
	t.Run("load into neo4j", func(t *testing.T) {
		uri := neo4jtest.URI(t)
		neo4jtest.Reset(t, neo4jtest.Driver(t))
		if code, _, stderr := kg(t, "", "load", "-q", "--neo4j-uri", uri, in); code != 0 {
			t.Fatalf("kg load into Neo4j = %d; stderr:\n%s", code, stderr)
		}
		stores["neo4j"] = []string{"--neo4j-uri", uri}
	})
	for store, src := range stores {
		commands := [][]string{
			{"entity", p.ID},
			{"between", p.ID, o.ID},
			{"neighbors", p.ID},
			{"path", q.ID, c.ID},
			{"timeline", p.ID},
		}
		for _, args := range commands {
			for _, format := range []string{"table", "json"} {
				full := append(append([]string{args[0]}, src...), append([]string{"--format", format}, args[1:]...)...)
				code, stdout, stderr := kg(t, "", full...)
				what := store + " kg " + strings.Join(full[:1], " ") + " --format " + format
				if code != 0 {
					t.Errorf("%s = %d; stderr:\n%s", what, code, stderr)
					continue
				}
				if format == "json" {
					check(what, stdout, `\u202e`)
					exact(what, stdout)
				} else {
					check(what, stdout, shown)
				}
			}
		}
		for _, format := range exportFormats {
			args := append(append([]string{"export"}, src...), "--seed", p.ID, "--hops", "2", "--format", format)
			what := store + " kg export --format " + format
			if format == "csv" {
				out := filepath.Join(t.TempDir(), "csv")
				if code, _, stderr := kg(t, "", append(args, "-o", out)...); code != 0 {
					t.Errorf("%s = %d; stderr:\n%s", what, code, stderr)
					continue
				}
				for _, f := range []string{"nodes.csv", "relationships.csv"} {
					b, _ := os.ReadFile(filepath.Join(out, f))
					check(what+" "+f, string(b), `\u202e`)
				}
				continue
			}
			code, stdout, stderr := kg(t, "", args...)
			if code != 0 {
				t.Errorf("%s = %d; stderr:\n%s", what, code, stderr)
				continue
			}
			switch format {
			case "json":
				check(what, stdout, `\u202e`)
				exact(what, stdout)
			case "cypher":
				check(what, stdout, `Evil\u202EKing`)
			case "dot": // a backslash is doubled in DOT's strings: Graphviz shows \u202e
				check(what, stdout, `Evil\\u202eKing`)
			default:
				check(what, stdout, shown)
			}
		}
		// An error that quotes a name.
		code, _, stderr := kg(t, "", append(append([]string{"entity"}, src...), "Nobody\u202eHere")...)
		if code != exitFailure {
			t.Errorf("%s kg entity (unknown) = %d", store, code)
		}
		check(store+" kg entity error", stderr, `Nobody\u202eHere`)
	}

	if _, ok := stores["neo4j"]; !ok {
		return
	}
	cypher := "MATCH (p:Person)-[r:HOLDS_ROLE]->(o) RETURN p.name AS name, p.aliases AS aliases, r.role AS role, r.evidence AS evidence, o.name AS org"
	for _, format := range []string{"table", "json", "csv"} {
		code, stdout, stderr := kg(t, "", "query", "--neo4j-uri", stores["neo4j"][1], "--format", format, cypher)
		what := "kg query --format " + format
		if code != 0 {
			t.Errorf("%s = %d; stderr:\n%s", what, code, stderr)
			continue
		}
		check(what, stdout, shown)
		if format == "json" {
			var rows []map[string]any
			if err := json.Unmarshal([]byte(stdout), &rows); err != nil || len(rows) != 1 || rows[0]["name"] != rloName || rows[0]["role"] != "Chair\u202e" {
				t.Errorf("%s decodes to %v (%v), want the name and role as stored", what, rows, err)
			}
		}
	}
}

// holds reports whether the decoded JSON v holds the string s, or a
// string that contains it.
func holds(v any, s string) bool {
	switch v := v.(type) {
	case string:
		return strings.Contains(v, s)
	case []any:
		for _, x := range v {
			if holds(x, s) {
				return true
			}
		}
	case map[string]any:
		for _, x := range v {
			if holds(x, s) {
				return true
			}
		}
	}
	return false
}
