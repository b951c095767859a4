package neo4jstore

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"kg/schema"
)

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Person", "`Person`"},
		{"HOLDS_ROLE", "`HOLDS_ROLE`"},
		{"a`b", "`a``b`"},
		{"", "``"},
	}
	for _, tt := range tests {
		if got := quote(tt.in); got != tt.want {
			t.Errorf("quote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPruneRelationsQuery(t *testing.T) {
	got := pruneRelationsQuery([]string{"MEETS", "HOLDS_ROLE"})
	want := `UNWIND $rows AS row
MATCH (a:Article {id: row.id})
UNWIND [k IN coalesce(a.relationKeys, []) WHERE NOT k IN row.keys] AS key
CALL {
  WITH key
  MATCH ()-[r:` + "`MEETS`" + ` {key: key}]->()
  DELETE r
}
CALL {
  WITH key
  MATCH ()-[r:` + "`HOLDS_ROLE`" + ` {key: key}]->()
  DELETE r
}`
	if got != want {
		t.Errorf("pruneRelationsQuery = %s\nwant %s", got, want)
	}
}

func TestQueryShapes(t *testing.T) {
	for _, et := range schema.EntityTypes {
		label, err := schema.Label(et)
		if err != nil {
			t.Fatal(err)
		}
		q := entityQuery(label)
		if !strings.Contains(q, "ON CREATE SET e:`"+label+"`") || !strings.HasPrefix(q, "UNWIND $rows AS row") {
			t.Errorf("entityQuery(%q) = %q", label, q)
		}
	}
	for _, rt := range schema.RelationTypes() {
		name, err := schema.RelType(rt)
		if err != nil {
			t.Fatal(err)
		}
		q := relationQuery(name)
		if !strings.Contains(q, "MERGE (s)-[r:`"+name+"` {key: row.key}]->(o)") {
			t.Errorf("relationQuery(%q) = %q", name, q)
		}
	}
}

func TestPlan(t *testing.T) {
	p := schema.Entity{ID: schema.EntityID(schema.Person, "José Martí"), Name: "José Martí", Type: schema.Person, Aliases: []string{"Martí"}, Count: 2}
	c := schema.Entity{ID: schema.EntityID(schema.Country, "Cuba"), Name: "Cuba", Type: schema.Country}
	c2 := c
	c2.Aliases = []string{"Republic of Cuba"}
	r := schema.Relation{Key: "k1", Type: schema.Supports, Subject: p.ID, Object: c.ID, Article: "a1", Sentence: 2, Evidence: "Martí backed Cuba.", Start: 10, End: 28, Confidence: 0.75}
	old := schema.Extraction{Article: schema.Article{ID: "a1", Title: "old"}, Entities: []schema.Entity{p}}
	x1 := schema.Extraction{Article: schema.Article{ID: "a1", Title: "T", Text: "..."}, Entities: []schema.Entity{p, c}, Relations: []schema.Relation{r}}
	x2 := schema.Extraction{Article: schema.Article{ID: "a2"}, Entities: []schema.Entity{c2}}

	steps, err := plan([]schema.Extraction{old, x1, x2})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	by := map[string][]map[string]any{}
	for _, s := range steps {
		names = append(names, s.name)
		by[s.name] = s.rows
	}
	wantNames := []string{"stale relations", "stale mentions", "articles", "entities Person", "entities Country", "mentions", "relations SUPPORTS"}
	if !reflect.DeepEqual(names, wantNames) {
		t.Fatalf("steps = %v, want %v", names, wantNames)
	}
	wantArticles := []map[string]any{
		{"id": "a1", "props": map[string]any{"id": "a1", "title": "T", "relationKeys": []string{"k1"}}},
		{"id": "a2", "props": map[string]any{"id": "a2", "relationKeys": []string{}}},
	}
	if got := by["articles"]; !reflect.DeepEqual(got, wantArticles) {
		t.Errorf("article rows = %v, want %v (last extraction of a1 wins, no text)", got, wantArticles)
	}
	wantPrune := []map[string]any{
		{"id": "a1", "entities": []string{p.ID, c.ID}, "keys": []string{"k1"}},
		{"id": "a2", "entities": []string{c.ID}, "keys": []string{}},
	}
	if p.ID > c.ID {
		wantPrune[0]["entities"] = []string{c.ID, p.ID}
	}
	if got := by["stale relations"]; !reflect.DeepEqual(got, wantPrune) {
		t.Errorf("prune rows = %v, want %v", got, wantPrune)
	}
	wantCountry := []map[string]any{{"id": c.ID, "name": "Cuba", "type": "Country",
		"aliases": []string{"Republic of Cuba"}, "folded": []string{"cuba", "republic of cuba"}}}
	if got := by["entities Country"]; !reflect.DeepEqual(got, wantCountry) {
		t.Errorf("country rows = %v, want %v", got, wantCountry)
	}
	wantPerson := []map[string]any{{"id": p.ID, "name": "José Martí", "type": "Person",
		"aliases": []string{"Martí"}, "folded": []string{"jose marti", "marti"}}}
	if got := by["entities Person"]; !reflect.DeepEqual(got, wantPerson) {
		t.Errorf("person rows = %v, want %v", got, wantPerson)
	}
	if got := len(by["mentions"]); got != 3 {
		t.Errorf("mention rows = %d, want 3 (a1: 2, a2: 1)", got)
	}
	wantRel := []map[string]any{{"subject": p.ID, "object": c.ID, "key": "k1", "props": map[string]any{
		"key": "k1", "article": "a1", "sentence": int64(2), "start": int64(10), "end": int64(28),
		"confidence": 0.75, "evidence": "Martí backed Cuba.",
	}}}
	if got := by["relations SUPPORTS"]; !reflect.DeepEqual(got, wantRel) {
		t.Errorf("relation rows = %v, want %v (empty strings absent)", got, wantRel)
	}
}

func TestChunks(t *testing.T) {
	rows := make([]map[string]any, 5)
	tests := []struct {
		n    int
		rows int
		want []int
	}{
		{2, 5, []int{2, 2, 1}},
		{5, 5, []int{5}},
		{10, 5, []int{5}},
		{3, 0, nil},
	}
	for _, tt := range tests {
		var got []int
		for _, c := range chunks(rows[:tt.rows], tt.n) {
			got = append(got, len(c))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("chunks(%d rows, %d) = %v, want %v", tt.rows, tt.n, got, tt.want)
		}
	}
}

func TestPlain(t *testing.T) {
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"nil", nil, nil},
		{"int", int64(3), int64(3)},
		{"node", dbtype.Node{Labels: []string{"Person", "Entity"}, Props: map[string]any{"name": "x"}},
			map[string]any{"labels": []string{"Entity", "Person"}, "properties": map[string]any{"name": "x"}}},
		{"relationship", dbtype.Relationship{Type: "MEETS", Props: map[string]any{"key": "k"}},
			map[string]any{"type": "MEETS", "properties": map[string]any{"key": "k"}}},
		{"list of nodes", []any{dbtype.Node{Labels: []string{"Article"}}},
			[]any{map[string]any{"labels": []string{"Article"}, "properties": map[string]any{}}}},
		{"map", map[string]any{"d": dbtype.Date(day)}, map[string]any{"d": "2024-03-01"}},
		{"datetime", day, "2024-03-01T00:00:00Z"},
		{"point", dbtype.Point2D{X: 1, Y: 2, SpatialRefId: 7203}, map[string]any{"srid": int64(7203), "x": 1.0, "y": 2.0}},
		{"path", dbtype.Path{Nodes: []dbtype.Node{{Labels: []string{"A"}}}, Relationships: []dbtype.Relationship{{Type: "R"}}},
			map[string]any{"nodes": []any{map[string]any{"labels": []string{"A"}, "properties": map[string]any{}}},
				"relationships": []any{map[string]any{"type": "R", "properties": map[string]any{}}}}},
	}
	for _, tt := range tests {
		if got := Plain(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Plain(%s) = %#v, want %#v", tt.name, got, tt.want)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bolt://localhost:7687", "bolt://localhost:7687"},
		{"neo4j://neo4j:secret@db.example:7687", "neo4j://db.example:7687"},
	}
	for _, tt := range tests {
		if got := redact(tt.in); got != tt.want {
			t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
