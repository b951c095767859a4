package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/neo4jstore/guard"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/schema"
)

func TestMain(m *testing.M) { neo4jtest.Main(m) }

// openStore returns a Store on the test server's emptied database, with
// the schema applied, closed when t ends.
func openStore(t *testing.T, batchSize int) *Store {
	t.Helper()
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	s, err := Open(context.Background(), Config{
		URI:       neo4jtest.URI(t),
		Username:  os.Getenv("NEO4J_USERNAME"),
		Password:  os.Getenv("NEO4J_PASSWORD"),
		BatchSize: batchSize,
	})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	if err := s.ApplySchema(context.Background()); err != nil {
		t.Fatalf("ApplySchema: %v", err)
	}
	return s
}

func entity(t schema.EntityType, name string, count int, aliases ...string) schema.Entity {
	return schema.Entity{ID: schema.EntityID(t, name), Name: name, Type: t, Aliases: aliases, Count: count}
}

func relation(article string, sentence int, s schema.Entity, t schema.RelationType, o schema.Entity) schema.Relation {
	return schema.Relation{
		Key:     schema.RelationKey(article, sentence, s.ID, t, o.ID),
		Type:    t,
		Subject: s.ID, Object: o.ID, Article: article, Sentence: sentence,
		Evidence: fmt.Sprintf("sentence %d of %s", sentence, article), Start: sentence * 100, End: sentence*100 + 50,
		Confidence: 0.8,
	}
}

var (
	austin  = entity(schema.Person, "Lloyd Austin", 3, "Austin")
	china   = entity(schema.Country, "China", 2, "PRC")
	nato    = entity(schema.Organization, "North Atlantic Treaty Organization", 1, "NATO")
	tick    = entity(schema.Organization, "a`b", 1)
	inject  = entity(schema.Group, "x'})-[:R]->() DETACH DELETE n //", 1, `"quoted" \ alias`)
	kyiv    = entity(schema.Location, "Kyiv", 1, "Kiev")
	pentag  = entity(schema.Organization, "Pentagon", 1)
	erdogan = entity(schema.Person, "Recep Tayyip Erdoğan", 2)
)

// fixture is two articles sharing entities, with relations of several
// types, and names that would break naive Cypher building.
func fixture() []schema.Extraction {
	a1 := schema.Extraction{
		Article:  schema.Article{ID: "article-1", Title: "Talks in Kyiv", Source: "wire", Published: "2024-03-01", URL: "https://example.com/1", SHA256: "abc", Text: "not stored"},
		Entities: []schema.Entity{austin, china, nato, kyiv, pentag},
		Relations: []schema.Relation{
			relation("article-1", 0, austin, schema.Meets, china),
			relation("article-1", 1, austin, schema.Visits, kyiv),
			relation("article-1", 2, china, schema.Warns, nato),
			relation("article-1", 3, austin, schema.HoldsRole, pentag),
		},
	}
	a1.Relations[0].Date = "2024-03-01"
	a1.Relations[0].CAMEO = "04"
	a1.Relations[2].Tense = "future"
	a1.Relations[3].Role = "Secretary of Defense"

	c2 := china
	c2.Aliases = []string{"People's Republic of China"}
	c2.Count = 4
	a2 := schema.Extraction{
		Article:  schema.Article{ID: "article-2", Title: `He said "no"`},
		Entities: []schema.Entity{c2, tick, inject, erdogan, nato},
		Relations: []schema.Relation{
			relation("article-2", 0, tick, schema.Criticizes, inject),
			relation("article-2", 1, inject, schema.Denies, tick),
			relation("article-2", 2, erdogan, schema.Meets, c2),
			relation("article-2", 3, tick, schema.MemberOf, nato),
		},
	}
	return []schema.Extraction{a1, a2}
}

// load loads xs into s and, for a Store, flushes the mention sums.
func load(t *testing.T, s graph.Sink, xs []schema.Extraction) {
	t.Helper()
	if err := s.Load(context.Background(), xs); err != nil {
		t.Fatalf("Load: %v", err)
	}
	if st, ok := s.(*Store); ok {
		if err := st.Flush(context.Background()); err != nil {
			t.Fatalf("Flush: %v", err)
		}
	}
}

// snapshot returns every node and relationship with its properties, as
// sorted JSON lines: a fingerprint of the database.
func snapshot(t *testing.T, s *Store) []string {
	t.Helper()
	_, rows, err := s.Query(context.Background(), `MATCH (n) RETURN n
UNION ALL MATCH (a)-[r]->(b) RETURN {from: coalesce(a.id, ''), to: coalesce(b.id, ''), r: r} AS n`, nil)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	var out []string
	for _, r := range rows {
		b, err := json.Marshal(r[0])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	slices.Sort(out)
	return out
}

func TestApplySchema(t *testing.T) {
	s := openStore(t, 0)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if err := s.ApplySchema(ctx); err != nil {
			t.Fatalf("ApplySchema #%d: %v", i+2, err)
		}
	}
	_, rows, err := s.Query(ctx, "SHOW CONSTRAINTS YIELD name RETURN name", nil)
	if err != nil {
		t.Fatalf("SHOW CONSTRAINTS: %v", err)
	}
	if want := 2 + len(schema.Relations); len(rows) < want {
		t.Errorf("constraints = %d, want at least %d", len(rows), want)
	}
}

func TestLoad(t *testing.T) {
	s := openStore(t, 2) // small batches: several transactions per step
	ctx := context.Background()
	xs := fixture()
	load(t, s, xs)

	nodes, rels, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 2 articles + 8 entities; 5 + 5 MENTIONS + 8 relations.
	if nodes != 10 || rels != 18 {
		t.Errorf("Counts() = %d nodes, %d relationships, want 10, 18", nodes, rels)
	}
	keys, err := s.RelationKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, x := range xs {
		for _, r := range x.Relations {
			want = append(want, r.Key)
		}
	}
	slices.Sort(want)
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("RelationKeys() = %v, want %v", keys, want)
	}

	t.Run("entities", func(t *testing.T) {
		for _, tt := range []struct {
			e        schema.Entity
			mentions int64
			aliases  []any
			folded   []any
		}{
			// names.Folded: the name and aliases normalized, and the
			// variant keys of their words and of each whole.
			{china, 6, []any{"PRC", "People's Republic of China"}, []any{"china", "peoples republic of china", "peoplesrepublicofchina", "prc"}},
			{tick, 1, []any{}, []any{"a b", "ab"}},
			{inject, 1, []any{`"quoted" \ alias`}, []any{"ks", "ksrdetachdeleten", "kuoted", "kuotedalias", "quoted alias", "x r detach delete n"}},
			{erdogan, 2, []any{}, []any{"recep tayyip erdogan", "receptayiperdogan", "tayip"}},
			{nato, 2, []any{"NATO"}, []any{"nato", "north atlantic treaty organization", "northatlantictreatiorganization", "treati"}},
		} {
			_, rows, err := s.Query(ctx, "MATCH (e:Entity {id: $id}) RETURN labels(e), e.name, e.type, e.mentions, e.aliases, e.folded", map[string]any{"id": tt.e.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 {
				t.Fatalf("entity %q: %d nodes, want 1", tt.e.Name, len(rows))
			}
			got := rows[0]
			labels := []any{"Entity", string(tt.e.Type)}
			want := []any{labels, tt.e.Name, string(tt.e.Type), tt.mentions, tt.aliases, tt.folded}
			byString := func(a, b any) int { return strings.Compare(a.(string), b.(string)) }
			slices.SortFunc(labels, byString)
			slices.SortFunc(got[0].([]any), byString)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("entity %q = %v, want %v", tt.e.Name, got, want)
			}
		}
	})

	t.Run("full-text index finds folded names", func(t *testing.T) {
		if _, _, err := s.Write(ctx, "CALL db.awaitIndexes(60)", nil); err != nil {
			t.Fatal(err)
		}
		_, rows, err := s.Query(ctx, "CALL db.index.fulltext.queryNodes($index, 'erdogan') YIELD node RETURN node.name", map[string]any{"index": schema.FullTextIndex})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0][0] != erdogan.Name {
			t.Errorf("full-text 'erdogan' = %v, want %q", rows, erdogan.Name)
		}
	})

	t.Run("relation properties", func(t *testing.T) {
		r := xs[0].Relations[3]
		_, rows, err := s.Query(ctx, "MATCH (s:Person)-[r:HOLDS_ROLE {key: $key}]->(o:Organization) RETURN s.id, o.id, properties(r)", map[string]any{"key": r.Key})
		if err != nil {
			t.Fatal(err)
		}
		want := [][]any{{austin.ID, pentag.ID, map[string]any{
			"key": r.Key, "article": "article-1", "sentence": int64(3), "start": int64(300), "end": int64(350),
			"confidence": 0.8, "evidence": r.Evidence, "role": "Secretary of Defense",
		}}}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("HOLDS_ROLE = %v, want %v", rows, want)
		}
		_, rows, err = s.Query(ctx, "MATCH ()-[r:MEETS {key: $key}]->() RETURN r.date, r.cameo, r.tense", map[string]any{"key": xs[0].Relations[0].Key})
		if err != nil {
			t.Fatal(err)
		}
		if want := [][]any{{"2024-03-01", "04", nil}}; !reflect.DeepEqual(rows, want) {
			t.Errorf("MEETS date, cameo, tense = %v, want %v", rows, want)
		}
	})

	t.Run("article properties", func(t *testing.T) {
		_, rows, err := s.Query(ctx, "MATCH (a:Article {id: 'article-1'}) RETURN properties(a)", nil)
		if err != nil {
			t.Fatal(err)
		}
		var keys []any
		for _, r := range xs[0].Relations {
			keys = append(keys, r.Key)
		}
		slices.SortFunc(keys, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
		want := map[string]any{"id": "article-1", "title": "Talks in Kyiv", "source": "wire", "published": "2024-03-01", "url": "https://example.com/1", "sha256": "abc", "relationKeys": keys}
		if len(rows) != 1 || !reflect.DeepEqual(rows[0][0], want) {
			t.Errorf("article = %v, want %v", rows, want)
		}
	})

	t.Run("load again changes nothing", func(t *testing.T) {
		before := snapshot(t, s)
		load(t, s, fixture())
		load(t, s, append(fixture(), fixture()...))
		after := snapshot(t, s)
		if !reflect.DeepEqual(before, after) {
			t.Errorf("database changed on reload:\nbefore %v\nafter  %v", before, after)
		}
		nodes2, rels2, err := s.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if nodes2 != nodes || rels2 != rels {
			t.Errorf("Counts() after reload = %d, %d, want %d, %d", nodes2, rels2, nodes, rels)
		}
	})

	t.Run("injection stayed data", func(t *testing.T) {
		_, rows, err := s.Query(ctx, "MATCH (n) WHERE n.name = $n RETURN count(n)", map[string]any{"n": inject.Name})
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][0] != int64(1) {
			t.Errorf("nodes named %q = %v, want 1", inject.Name, rows[0][0])
		}
	})
}

func TestLoadReplacesArticle(t *testing.T) {
	s := openStore(t, 0)
	ctx := context.Background()
	load(t, s, fixture())

	// article-1 re-extracted: only the MEETS relation, no Kyiv or Pentagon.
	a1 := fixture()[0]
	a1.Entities = []schema.Entity{austin, china}
	a1.Relations = a1.Relations[:1]
	load(t, s, []schema.Extraction{a1})

	nodes, rels, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Entities stay; 2 + 5 MENTIONS, 1 + 4 relations.
	if nodes != 10 || rels != 12 {
		t.Errorf("Counts() = %d, %d, want 10, 12", nodes, rels)
	}
	_, rows, err := s.Query(ctx, "MATCH (e:Entity) WHERE e.id IN $ids RETURN e.name, e.mentions ORDER BY e.name", map[string]any{"ids": []any{kyiv.ID, nato.ID, china.ID}})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]any{{"China", int64(6)}, {"Kyiv", int64(0)}, {nato.Name, int64(1)}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("mentions = %v, want %v", rows, want)
	}
}

func TestLoadRefusesInvalid(t *testing.T) {
	s := openStore(t, 0)
	xs := fixture()
	xs[1].Relations[0].Subject = "nobody"
	if err := s.Load(context.Background(), xs); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Load(dangling subject) = %v, want graph.ErrInvalid", err)
	}
	if nodes, _, err := s.Counts(context.Background()); err != nil || nodes != 0 {
		t.Errorf("Counts() after a refused batch = %d, %v, want 0", nodes, err)
	}
}

// TestQueryIsReadOnly: read-only is enforced twice. Query refuses every
// query that writes before sending it (the guard), and what the guard
// would let through runs in a read transaction, where Neo4j refuses a
// write: the same queries sent past the guard fail there, and the
// database is unchanged.
func TestQueryIsReadOnly(t *testing.T) {
	s := openStore(t, 0)
	ctx := context.Background()
	load(t, s, fixture())
	before := snapshot(t, s)
	for _, q := range []string{
		"CREATE (n:Intruder) RETURN n",
		"MERGE (n:Intruder {id: 1}) RETURN n",
		"MATCH (e:Entity) SET e.name = 'x'",
		"MATCH (n) DETACH DELETE n",
		"MATCH (e:Entity) REMOVE e:Person",
		"MATCH (a:Article) CALL { WITH a CREATE (a)-[:X]->(:Intruder) } RETURN count(*)",
		"CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.id)",
		"DROP CONSTRAINT entity_id",
		"CALL db.createLabel('Intruder')",
	} {
		_, _, err := s.Query(ctx, q, nil)
		var refusal *guard.Refusal
		if !errors.Is(err, ErrRefused) || !errors.As(err, &refusal) {
			t.Errorf("Query(%q) = %v, want ErrRefused", q, err)
		}
		if _, _, err := s.once(ctx, neo4j.AccessModeRead, q, nil); !errors.Is(err, ErrReadOnly) {
			t.Errorf("%q in a read transaction = %v, want ErrReadOnly", q, err)
		}
	}
	if after := snapshot(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("read-only queries changed the database")
	}
	_, rows, err := s.Query(ctx, "SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN name", nil)
	if err != nil || len(rows) != 1 {
		t.Errorf("constraint entity_id after DROP in read mode: %v, %v", rows, err)
	}

	// Write does write.
	if _, _, err := s.Write(ctx, "CREATE (:Scratch {n: $n})", map[string]any{"n": 1}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	_, rows, err = s.Query(ctx, "MATCH (n:Scratch) RETURN n.n", nil)
	if err != nil || !reflect.DeepEqual(rows, [][]any{{int64(1)}}) {
		t.Errorf("after Write: %v, %v", rows, err)
	}
}

// TestQueryTimeout: Neo4j ends a query that runs longer than the store's
// QueryTimeout, a cartesian product of two ranges that would run for
// hours, and the error says so; the transaction is gone from the server.
func TestQueryTimeout(t *testing.T) {
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	ctx := context.Background()
	s, err := Open(ctx, Config{URI: neo4jtest.URI(t), Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD"),
		QueryTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const marker = "timeout-probe-7f3a"
	q := "UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b WITH a, b WHERE a + b < 0 RETURN '" + marker + "', count(*)"
	for name, run := range map[string]func(context.Context, string, map[string]any) ([]string, [][]any, error){
		"Query": s.Query, "Write": s.Write,
	} {
		start := time.Now()
		_, _, err := run(ctx, q, nil)
		took := time.Since(start)
		if !errors.Is(err, ErrTimeout) {
			t.Fatalf("%s(cartesian) = %v after %v, want ErrTimeout", name, err, took)
		}
		t.Logf("%s: ended after %v: %v", name, took.Round(time.Millisecond), err)
		if took > time.Minute {
			t.Errorf("%s took %v with a timeout of 1s", name, took)
		}
	}
	_, rows, err := s.readTable(ctx, "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $m AND NOT currentQuery CONTAINS 'SHOW' RETURN currentQuery", map[string]any{"m": marker})
	if err != nil || len(rows) != 0 {
		t.Errorf("transactions of the timed-out query still on the server: %v, %v", rows, err)
	}
}

// TestQueryRunsOnce: a query whose transaction fails with an error the
// driver would retry (it kills its own connection, after fetching a URL
// through LOAD CSV) runs once: the URL is fetched once, and the error
// returned. With a managed transaction the driver ran it again and again
// for 30 seconds.
func TestQueryRunsOnce(t *testing.T) {
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	ctx := context.Background()
	var fetched atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched.Add(1)
		io.WriteString(w, "a,b\n1,2\n")
	}))
	defer srv.Close()
	s, err := Open(ctx, Config{URI: neo4jtest.URI(t), Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := `LOAD CSV FROM $url AS row
WITH count(row) AS rows
CALL dbms.listConnections() YIELD connectionId, userAgent
WHERE userAgent STARTS WITH $agent
WITH rows, collect(connectionId) AS ids
CALL dbms.killConnections(ids) YIELD message
RETURN rows, message`
	start := time.Now()
	_, _, err = s.Write(ctx, q, map[string]any{"url": srv.URL + "/rows.csv", "agent": UserAgent})
	took := time.Since(start)
	if err == nil {
		t.Fatalf("a query that kills its own connection succeeded")
	}
	if n := fetched.Load(); n != 1 {
		t.Errorf("the query's URL was fetched %d times, want once (one attempt); error after %v: %v", n, took, err)
	}
	t.Logf("one attempt, error after %v: %v", took.Round(time.Millisecond), err)
	// The store is still usable: the driver opens another connection.
	if _, rows, err := s.Query(ctx, "RETURN 1", nil); err != nil || len(rows) != 1 {
		t.Errorf("Query after the killed connection = %v, %v", rows, err)
	}
}

func TestQueryValues(t *testing.T) {
	s := openStore(t, 0)
	ctx := context.Background()
	load(t, s, fixture())
	cols, rows, err := s.Query(ctx, `MATCH p = (a:Person {id: $id})-[r:HOLDS_ROLE]->(o)
RETURN a, r, p, [a.name, 1, 2.5, true, null] AS list, {k: o.name} AS map, date('2024-03-01') AS d`, map[string]any{"id": austin.ID})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "r", "p", "list", "map", "d"}; !reflect.DeepEqual(cols, want) {
		t.Errorf("cols = %v, want %v", cols, want)
	}
	if len(rows) != 1 {
		t.Fatalf("rows = %v, want 1", rows)
	}
	row := rows[0]
	node := row[0].(map[string]any)
	if !reflect.DeepEqual(node["labels"], []string{"Entity", "Person"}) || node["properties"].(map[string]any)["name"] != austin.Name {
		t.Errorf("node = %v", node)
	}
	if r := row[1].(map[string]any); r["type"] != "HOLDS_ROLE" || r["properties"].(map[string]any)["role"] != "Secretary of Defense" {
		t.Errorf("relationship = %v", r)
	}
	if p := row[2].(map[string]any); len(p["nodes"].([]any)) != 2 || len(p["relationships"].([]any)) != 1 {
		t.Errorf("path = %v", p)
	}
	if want := []any{austin.Name, int64(1), 2.5, true, nil}; !reflect.DeepEqual(row[3], want) {
		t.Errorf("list = %#v, want %#v", row[3], want)
	}
	if want := map[string]any{"k": pentag.Name}; !reflect.DeepEqual(row[4], want) {
		t.Errorf("map = %v, want %v", row[4], want)
	}
	if row[5] != "2024-03-01" {
		t.Errorf("date = %#v, want \"2024-03-01\"", row[5])
	}
	if _, err := json.Marshal(rows); err != nil {
		t.Errorf("rows do not encode as JSON: %v", err)
	}
}

func TestOpenUnavailable(t *testing.T) {
	port, err := neo4jtest.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	uri := fmt.Sprintf("bolt://127.0.0.1:%d", port)
	_, err = Open(context.Background(), Config{URI: uri, Username: "neo4j", Password: "hunter2"})
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Open(nothing listening) = %v, want ErrUnavailable", err)
	}
	if msg := err.Error(); !strings.Contains(msg, uri) || strings.Contains(msg, "hunter2") {
		t.Errorf("Open error %q should name %s and not the password", msg, uri)
	}
}

// TestOpenNeverShowsPassword opens every URI of leakyURIs, with the
// password in the URI and in the configuration: none answers, and no
// error shows any part of the password.
func TestOpenNeverShowsPassword(t *testing.T) {
	for _, tt := range leakyURIs {
		for _, cfg := range []Config{
			{URI: tt.uri},
			{URI: tt.uri, Username: "neo4j", Password: "s3cret"},
		} {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			s, err := Open(ctx, cfg)
			cancel()
			if err == nil {
				s.Close()
				t.Errorf("Open(%q) = nil error; nothing listens there", tt.uri)
				continue
			}
			for _, msg := range []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%q", err)} {
				if strings.Contains(msg, "s3") || strings.Contains(msg, "cret") {
					t.Errorf("Open(%q) error shows the password: %s", tt.uri, msg)
				}
			}
		}
	}
}

// mentionSums returns the mention sum of every entity by name, and the
// number of articles still marked Uncounted.
func mentionSums(t *testing.T, s *Store) (map[string]int64, int64) {
	t.Helper()
	ctx := context.Background()
	_, rows, err := s.Query(ctx, "MATCH (e:Entity) RETURN e.name, e.mentions", nil)
	if err != nil {
		t.Fatal(err)
	}
	sums := make(map[string]int64)
	for _, r := range rows {
		n, _ := r[1].(int64)
		sums[r[0].(string)] = n
	}
	_, rows, err = s.Query(ctx, "MATCH (a:Article:"+uncountedLabel+") RETURN count(a)", nil)
	if err != nil {
		t.Fatal(err)
	}
	return sums, rows[0][0].(int64)
}

// TestFlushAfterKilledLoad: loads that were never flushed (the process
// was killed, or Abort was called) leave their articles marked, and any
// later Flush, by another Store, sets every mention sum to the sum of
// its MENTIONS counts and removes the marks.
func TestFlushAfterKilledLoad(t *testing.T) {
	s := openStore(t, 0)
	ctx := context.Background()
	load(t, s, fixture())
	want, marked := mentionSums(t, s)
	if marked != 0 || want["China"] != 6 {
		t.Fatalf("after a flushed load: sums %v, %d marked; want China 6, none marked", want, marked)
	}

	neo4jtest.Reset(t, neo4jtest.Driver(t))
	killed, err := Open(ctx, Config{URI: neo4jtest.URI(t), Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD")})
	if err != nil {
		t.Fatal(err)
	}
	if err := killed.Load(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	if err := killed.closeDriver(); err != nil {
		t.Fatal(err)
	}
	got, marked := mentionSums(t, s)
	if marked != 2 || got["China"] != 0 {
		t.Errorf("before the flush: sums %v, %d marked; want China 0, 2 marked", got, marked)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got, marked := mentionSums(t, s); marked != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("after the flush: sums %v, %d marked; want %v, none marked", got, marked, want)
	}

	// A killed load that found an alias missing on an existing entity
	// leaves it for Flush too.
	more := fixture()[:1]
	more[0].Article.ID = "article-3"
	more[0].Relations = nil
	for i, e := range more[0].Entities {
		if e.ID == china.ID {
			more[0].Entities[i].Aliases = append(slices.Clone(e.Aliases), "Middle Kingdom")
		}
	}
	killed, err = Open(ctx, Config{URI: neo4jtest.URI(t), Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD")})
	if err != nil {
		t.Fatal(err)
	}
	if err := killed.Load(ctx, more); err != nil {
		t.Fatal(err)
	}
	killed.closeDriver()
	aliases := func() []any {
		_, rows, err := s.Query(ctx, "MATCH (e:Entity {id: $id}) RETURN e.aliases", map[string]any{"id": china.ID})
		if err != nil {
			t.Fatal(err)
		}
		return rows[0][0].([]any)
	}
	if slices.Contains(aliases(), any("Middle Kingdom")) {
		t.Errorf("aliases before the flush = %v: the load wrote to an existing entity", aliases())
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := aliases(); !slices.Contains(got, any("Middle Kingdom")) || !slices.IsSortedFunc(got, func(a, b any) int { return strings.Compare(a.(string), b.(string)) }) {
		t.Errorf("aliases after the flush = %v, want Middle Kingdom among them, sorted", got)
	}
	if _, marked := mentionSums(t, s); marked != 0 {
		t.Errorf("%d articles still marked after the flush", marked)
	}
}

func TestAliasEntry(t *testing.T) {
	for _, tt := range [][3]string{
		{aliasKind, "id-1", "NATO"},
		{foldedKind, "a\x00b", "x\x00\"y\""},
		{aliasKind, "", ""},
	} {
		kind, id, name, ok := parseAliasEntry(aliasEntry(tt[0], tt[1], tt[2]))
		if !ok || kind != tt[0] || id != tt[1] || name != tt[2] {
			t.Errorf("round trip of %q = %q, %q, %q, %v", tt, kind, id, name, ok)
		}
	}
	for _, bad := range []string{"", "[]", `["other","id","x"]`, "alias\x00id\x00x"} {
		if _, _, _, ok := parseAliasEntry(bad); ok {
			t.Errorf("parseAliasEntry(%q) accepted", bad)
		}
	}
}
