package neo4jstore

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
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
CALL {
  WITH row
  MATCH ()-[r:` + "`MEETS`" + ` {key: row.key}]->()
  DELETE r
}
CALL {
  WITH row
  MATCH ()-[r:` + "`HOLDS_ROLE`" + ` {key: row.key}]->()
  DELETE r
}`
	if got != want {
		t.Errorf("pruneRelationsQuery = %s\nwant %s", got, want)
	}
}

func TestRelationProperties(t *testing.T) {
	r := schema.Relation{Key: "k", Article: "a", Sentence: 1, Start: 2, End: 3, Confidence: 0.5,
		Evidence: "e", Date: "2024-01-01", Tense: "future", CAMEO: "04", Role: "minister"}
	for k := range relationProps(r) {
		if !slices.Contains(relationProperties, k) || !strings.Contains(newRelationQuery, "`"+k+"`: row.props.`"+k+"`") {
			t.Errorf("relation property %q is not written by newRelationQuery:\n%s", k, newRelationQuery)
		}
	}
}

func TestQueryShapes(t *testing.T) {
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
	for _, q := range []string{lockQuery, articleQuery, entityQuery, newMentionsQuery, mentionsQuery, pruneMentionsQuery, newRelationQuery, loadedQuery} {
		if !strings.HasPrefix(q, "UNWIND $") {
			t.Errorf("query does not start with UNWIND: %q", q)
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

	pl, err := plan([]schema.Extraction{x2, old, x1})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a1", "a2"}; !reflect.DeepEqual(pl.ids, want) {
		t.Errorf("ids = %v, want %v", pl.ids, want)
	}
	wantA1 := contribution{keys: []string{"k1"}, entities: []string{p.ID, c.ID}}
	slices.Sort(wantA1.entities)
	if got := pl.articles["a1"].contribution; !reflect.DeepEqual(got, wantA1) {
		t.Errorf("contribution of a1 = %v, want %v", got, wantA1)
	}

	stepRows := func(steps []step) ([]string, map[string][]map[string]any) {
		var names []string
		by := map[string][]map[string]any{}
		for _, s := range steps {
			names = append(names, s.name)
			by[s.name] = s.rows
		}
		return names, by
	}

	t.Run("new articles", func(t *testing.T) {
		steps, err := pl.steps(nil)
		if err != nil {
			t.Fatal(err)
		}
		names, by := stepRows(steps)
		wantNames := []string{"articles", "entities", "mentions", "relations"}
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
		wantEntities := []map[string]any{
			{"id": c.ID, "name": "Cuba", "type": "Country", "label": "Country",
				"aliases": []string{"Republic of Cuba"}, "folded": []string{"cuba", "kuba", "republic of cuba", "republicofkuba"}},
			{"id": p.ID, "name": "José Martí", "type": "Person", "label": "Person",
				"aliases": []string{"Martí"}, "folded": []string{"jose marti", "marti", "yose", "yosemarti"}},
		}
		slices.SortFunc(wantEntities, func(a, b map[string]any) int { return strings.Compare(a["id"].(string), b["id"].(string)) })
		if got := by["entities"]; !reflect.DeepEqual(got, wantEntities) {
			t.Errorf("entity rows = %v, want %v (sorted by ID, aliases of every extraction)", got, wantEntities)
		}
		if got := by["mentions"]; len(got) != 2 || len(got[0]["mentions"].([]map[string]any)) != 2 || len(got[1]["mentions"].([]map[string]any)) != 1 {
			t.Errorf("mention rows = %v, want a1 with 2, a2 with 1", got)
		}
		wantRel := []map[string]any{{"subject": p.ID, "object": c.ID, "key": "k1", "type": "SUPPORTS", "props": map[string]any{
			"key": "k1", "article": "a1", "sentence": int64(2), "start": int64(10), "end": int64(28),
			"confidence": 0.75, "evidence": "Martí backed Cuba.",
		}}}
		if got := by["relations"]; !reflect.DeepEqual(got, wantRel) {
			t.Errorf("relation rows = %v, want %v (empty strings absent)", got, wantRel)
		}
	})

	t.Run("a1 loaded before", func(t *testing.T) {
		steps, err := pl.steps(map[string]contribution{"a1": {keys: []string{"k0", "k1"}, entities: []string{p.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		names, by := stepRows(steps)
		wantNames := []string{"stale relations", "articles", "entities", "mentions", "mentions again", "relations SUPPORTS again"}
		if !reflect.DeepEqual(names, wantNames) {
			t.Fatalf("steps = %v, want %v", names, wantNames)
		}
		if got, want := by["stale relations"], []map[string]any{{"key": "k0"}}; !reflect.DeepEqual(got, want) {
			t.Errorf("stale relation rows = %v, want %v", got, want)
		}
		if got := by["mentions again"]; len(got) != 2 {
			t.Errorf("merged mention rows = %v, want 2", got)
		}
		if got := by["articles"][0]["props"].(map[string]any)["recount"]; got != nil {
			t.Errorf("a1 recount = %v, want none (it mentions all it did)", got)
		}
	})

	t.Run("a1 stopped mentioning", func(t *testing.T) {
		steps, err := pl.steps(map[string]contribution{"a1": {keys: []string{"k1"}, entities: []string{"gone", p.ID}, recount: []string{"earlier"}}})
		if err != nil {
			t.Fatal(err)
		}
		names, by := stepRows(steps)
		wantNames := []string{"stale mentions", "articles", "entities", "mentions", "mentions again", "relations SUPPORTS again"}
		if !reflect.DeepEqual(names, wantNames) {
			t.Fatalf("steps = %v, want %v", names, wantNames)
		}
		got := by["articles"][0]["props"].(map[string]any)["recount"]
		if want := []string{"earlier", "gone"}; !reflect.DeepEqual(got, want) {
			t.Errorf("a1 recount = %v, want %v (the earlier list and the entity it lost)", got, want)
		}
		if by["articles"][1]["props"].(map[string]any)["recount"] != nil || pl.articles["a1"].article["props"].(map[string]any)["recount"] != nil {
			t.Errorf("recount leaked into other rows: %v, %v", by["articles"][1], pl.articles["a1"].article)
		}
	})
}

func TestSteps(t *testing.T) {
	x := func(id string, keys []string, entities ...string) schema.Extraction {
		out := schema.Extraction{Article: schema.Article{ID: id}}
		for _, e := range entities {
			out.Entities = append(out.Entities, schema.Entity{ID: e, Name: e, Type: schema.Country})
		}
		for _, k := range keys {
			out.Relations = append(out.Relations, schema.Relation{Key: k, Type: schema.Meets, Subject: entities[0], Object: entities[1], Article: id})
		}
		return out
	}
	pl, err := plan([]schema.Extraction{x("a1", []string{"k1", "k2"}, "e1", "e2"), x("a2", nil, "e1", "e2"), x("a3", []string{"k9"}, "e1", "e2")})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		old  map[string]contribution
		want []string // names of the steps that delete
		rows int      // rows of the first of them
	}{
		{"first load", nil, nil, 0},
		{"unchanged", map[string]contribution{"a1": {keys: []string{"k1", "k2"}, entities: []string{"e1", "e2"}}}, nil, 0},
		{"relations gained", map[string]contribution{"a1": {keys: []string{"k1"}, entities: []string{"e1", "e2"}}}, nil, 0},
		{"relations lost", map[string]contribution{"a1": {keys: []string{"k0", "k1", "k3"}, entities: []string{"e1", "e2"}}}, []string{"stale relations"}, 2},
		{"mentions lost", map[string]contribution{"a2": {entities: []string{"e1", "e2", "e3"}}}, []string{"stale mentions"}, 1},
		{"both", map[string]contribution{"a3": {keys: []string{"k8"}, entities: []string{"e0"}}}, []string{"stale relations", "stale mentions"}, 1},
	}
	for _, tt := range tests {
		steps, err := pl.steps(tt.old)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, s := range steps {
			if strings.HasPrefix(s.name, "stale") {
				names = append(names, s.name)
			}
		}
		if !reflect.DeepEqual(names, tt.want) {
			t.Errorf("%s: deleting steps = %v, want %v", tt.name, names, tt.want)
			continue
		}
		if len(names) > 0 && len(steps[0].rows) != tt.rows {
			t.Errorf("%s: %s rows = %v, want %d", tt.name, steps[0].name, steps[0].rows, tt.rows)
		}
	}
}

func TestDDLName(t *testing.T) {
	for _, stmt := range schema.DDL() {
		name := ddlName(stmt)
		if name == "" || !strings.Contains(stmt, " "+name+" IF NOT EXISTS ") {
			t.Errorf("ddlName(%q) = %q", stmt, name)
		}
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

// leakyURIs are URIs, well-formed or not, that hold the password
// "s3cret" in their user information (raw, escaped or broken), with what
// Redact makes of them.
var leakyURIs = []struct{ uri, redacted string }{
	{"bolt://localhost:7687", "bolt://localhost:7687"},
	{"neo4j://neo4j:s3cret@db.example:7687", "neo4j://db.example:7687"},
	{"bolt://neo4j:s%zz3cret@127.0.0.1:1", "bolt://127.0.0.1:1"},                          // bad escape
	{"bolt://neo4j:s3cret%@127.0.0.1:1", "bolt://127.0.0.1:1"},                            // truncated escape
	{"bolt://neo4j:s%33cret@127.0.0.1:1", "bolt://127.0.0.1:1"},                           // escaped: s3cret
	{"neo4j:s3cret@127.0.0.1:1", "(unreadable URI)"},                                      // missing scheme
	{"//neo4j:s3cret@127.0.0.1:1", "(unreadable URI)"},                                    // missing scheme, with slashes
	{"bolt://neo4j:s3cret@", "bolt://(unreadable URI)"},                                   // user:pass without host
	{"bolt://neo4j:s3cret", "bolt://(unreadable URI)"},                                    // user:pass without @ (a bad port)
	{"bolt://neo4j:12/s3cret@127.0.0.1:1", "bolt://127.0.0.1:1"},                          // unescaped slash
	{"bolt://neo4j:s3c@ret@127.0.0.1:1", "bolt://127.0.0.1:1"},                            // unescaped @
	{"bolt://neo4j:s3c?ret@127.0.0.1:1", "bolt://127.0.0.1:1"},                            // unescaped ?
	{"bolt://neo4j:s3c#ret@127.0.0.1:1", "bolt://127.0.0.1:1"},                            // unescaped #
	{"bolt://neo4j:s3 cret@127.0.0.1:1", "bolt://127.0.0.1:1"},                            // a space
	{"bolt://neo4j:s3\x7fcret@127.0.0.1:1", "bolt://127.0.0.1:1"},                         // a control character
	{"bolt://neo4j:s3cret@[::1]:1", "bolt://[::1]:1"},                                     // IPv6
	{"bolt://neo4j:s3cret@[::1:1", "bolt://(unreadable URI)"},                             // broken IPv6
	{"bolt://neo4j:s3cret@[fe80::1%25eth0]:1", "bolt://[fe80::1%25eth0]:1"},               // IPv6 zone
	{"neo4j://neo4j:s3cret@127.0.0.1:1?policy=eu&password=s3cret", "neo4j://127.0.0.1:1"}, // query string
	{"neo4j://127.0.0.1:1?password=s3cret#s3cret", "neo4j://127.0.0.1:1"},                 // query and fragment
	{"neo4j+s://neo4j:s3cret@127.0.0.1:1", "neo4j+s://127.0.0.1:1"},
	{"neo4j+ssc://neo4j:s3cret@127.0.0.1:1/db", "neo4j+ssc://127.0.0.1:1/db"},
	{"bolt+s://:s3cret@127.0.0.1:1", "bolt+s://127.0.0.1:1"},  // no user
	{"bolt://s3cret@127.0.0.1:1", "bolt://127.0.0.1:1"},       // no colon
	{"http://neo4j:s3cret@127.0.0.1:1", "http://127.0.0.1:1"}, // not a Bolt scheme
	{"bolt://neo4j:s3cret@127.0.0.1:notaport", "bolt://(unreadable URI)"},
	{"", "(unreadable URI)"},
	{"s3cret", "(unreadable URI)"},
}

func TestRedact(t *testing.T) {
	for _, tt := range leakyURIs {
		got := Redact(tt.uri)
		if got != tt.redacted {
			t.Errorf("Redact(%q) = %q, want %q", tt.uri, got, tt.redacted)
		}
		if strings.Contains(got, "s3") || strings.Contains(got, "cret") {
			t.Errorf("Redact(%q) = %q shows part of the password", tt.uri, got)
		}
	}
}

func TestUnreachable(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("open: %w", ErrUnavailable), true},
		{fmt.Errorf("load 3 articles: relations batch 0: %w", &neo4j.ConnectivityError{Inner: errors.New("EOF")}), true},
		{fmt.Errorf("load: %w", &neo4j.TransactionExecutionLimit{Cause: "timeout"}), true},
		{fmt.Errorf("load extraction 0: %w", graph.ErrInvalid), false},
		{&neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, false},
	} {
		if got := Unreachable(tt.err); got != tt.want {
			t.Errorf("Unreachable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
