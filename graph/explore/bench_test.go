package explore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore"
	"github.com/kgraph/kg/graph/neo4jstore"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/schema"
)

// The generated graph of BenchmarkNeo4jExpand: genEntities entities
// (people, organizations, countries, groups), genArticles articles of four
// sources, genRelations relations of the 13 event types. Every tenth
// relation joins the hub (entity 0) to another entity, in turn each way,
// so that the hub has genRelations/10 relations with as many distinct
// neighbours; the others join entities spread by two multiplicative hashes.
const (
	genEntities  = 100_000
	genArticles  = 10_000
	genRelations = 1_000_000
	genPrefix    = "00000000-0000-5000-8000-" // entity i's ID is genPrefix and i on 12 digits
)

func genID(i int) string { return fmt.Sprintf("%s%012d", genPrefix, i) }

// The generator: Cypher run by Neo4j, batched with CALL {} IN
// TRANSACTIONS (an auto-commit query).
var genQueries = []string{
	`UNWIND range(0, $entities - 1) AS i
CALL (i) {
  WITH i, ['Person', 'Organization', 'Country', 'Group'][i % 4] AS t
  CREATE (e:Entity:$(t) {id: $prefix + right('00000000000' + toString(i), 12), name: 'Generated ' + t + ' ' + i,
    folded: 'generated ' + toLower(t) + ' ' + i, type: t, aliases: [], mentions: 1 + i % 7})
} IN TRANSACTIONS OF 20000 ROWS`,
	`UNWIND range(0, $articles - 1) AS i
CALL (i) {
  CREATE (:Article {id: 'gen-article-' + i, ref: 'gen-article-' + i, title: 'Generated article ' + i,
    source: ['Reuters', 'AFP', 'AP', 'TASS'][i % 4],
    published: '2024-' + right('0' + toString(1 + i % 12), 2) + '-' + right('0' + toString(1 + i % 28), 2)})
} IN TRANSACTIONS OF 20000 ROWS`,
	`UNWIND range(0, $relations - 1) AS i
CALL (i) {
  WITH i, CASE WHEN i % 10 = 0 THEN [0, 1 + (i / 10) % ($entities - 1)]
               ELSE [(i * 7919) % $entities, (i * 104729 + 13) % $entities] END AS ends
  WITH i, CASE WHEN i % 10 = 0 AND (i / 10) % 2 = 1 THEN [ends[1], ends[0]] ELSE ends END AS ends
  WITH i, ends[0] AS s, CASE WHEN ends[1] = ends[0] THEN (ends[1] + 1) % $entities ELSE ends[1] END AS o
  MATCH (a:Entity {id: $prefix + right('00000000000' + toString(s), 12)})
  MATCH (b:Entity {id: $prefix + right('00000000000' + toString(o), 12)})
  CREATE (a)-[r:$($types[i % size($types)])]->(b)
  SET r.key = 'gen-rel-' + i, r.article = 'gen-article-' + (i % $articles), r.sentence = i % 20,
    r.evidence = 'Generated sentence number ' + i + '.', r.start = 0, r.end = 30,
    r.confidence = 0.5 + (i % 50) / 100.0,
    r.date = CASE WHEN i % 3 = 0 THEN null ELSE '2024-' + right('0' + toString(1 + i % 12), 2) END
} IN TRANSACTIONS OF 50000 ROWS`,
}

// bigGraph makes sure the test Neo4j holds the generated graph (it is
// kept between runs: a database whose hub has its relations is taken as
// it is) and returns a store over it.
func bigGraph(b *testing.B) *neo4jstore.Store {
	b.Helper()
	ctx := context.Background()
	d := neo4jtest.Driver(b)
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: neo4jtest.URI(b), Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.ApplySchema(ctx); err != nil {
		b.Fatal(err)
	}
	_, rows, err := s.Query(ctx, `MATCH (h:Entity {id: $hub}) RETURN COUNT { (h)--() } AS degree, COUNT { ()-[r]->() WHERE r.key STARTS WITH 'gen-rel-' } AS relations`,
		map[string]any{"hub": genID(0)})
	if err != nil {
		b.Fatal(err)
	}
	if len(rows) == 1 && rows[0][0] == int64(genRelations/10) && rows[0][1] == int64(genRelations) {
		return s
	}
	neo4jtest.Reset(b, d)
	var types []string
	for _, spec := range schema.Relations {
		if !spec.Structural {
			types = append(types, string(spec.Type))
		}
	}
	params := map[string]any{"entities": int64(genEntities), "articles": int64(genArticles), "relations": int64(genRelations),
		"prefix": genPrefix, "types": types}
	sess := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	for _, q := range genQueries {
		start := time.Now()
		res, err := sess.Run(ctx, q, params)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			b.Fatalf("generate: %v\n%s", err, q)
		}
		b.Logf("generated in %v: %s", time.Since(start).Round(time.Millisecond), strings.SplitN(q, "\n", 3)[1])
	}
	return s
}

// BenchmarkNeo4jExpand measures GET /api/expand, the page's expansion of
// an entity, on the generated graph of 1,000,000 relations in Neo4j:
//
//   - hub: the hub (100,000 relations, 99,999 neighbours), a page of
//     DefaultLimit neighbours, the most related first, with the edges they
//     bring to a view of 50 entities, and the number left ("more");
//   - hub-filtered: the same with types and a date range (each relation's
//     article is looked up for its date);
//   - hub-star (the baseline): what an expansion without a cap reads, the
//     hub's every relation with its entities and articles (Star, the
//     query of kg neighbors);
//   - leaf: an entity of a few relations.
//
// The graph is generated once (a few minutes) and kept in the database.
// With KG_NEO4J_PID set to the PID of the Neo4j process, the benchmark
// also reports the CPU time Neo4j spends per request:
//
//	go test ./graph/explore -run '^$' -bench Neo4jExpand -benchtime 10x
func BenchmarkNeo4jExpand(b *testing.B) {
	s := bigGraph(b)
	ts := serve(b, s)
	rng := rand.New(rand.NewPCG(1, 2))
	var visible []string
	for range 50 {
		visible = append(visible, genID(1+rng.IntN(genEntities-1)))
	}
	expand := func(b *testing.B, id string, extra ...string) {
		args := append([]string{"id", id, "visible", strings.Join(visible, ",")}, extra...)
		path := "/api/expand" + q(args...)
		var a expandAnswer
		start := time.Now()
		getJSON(b, ts, path, &a) // the first, cold, request
		b.Logf("%s: first request %v: %d of %d neighbours (%d relations), %d edges, %d more",
			id, time.Since(start).Round(time.Millisecond), len(a.Nodes), a.Total, a.Relations, len(a.Edges), a.More)
		if id == genID(0) && len(extra) == 0 && (a.Total != genRelations/10-1 || len(a.Nodes) != explore.DefaultLimit || a.More != a.Total-explore.DefaultLimit) {
			b.Fatalf("expand the hub: %d of %d neighbours, %d more", len(a.Nodes), a.Total, a.More)
		}
		b.ResetTimer()
		cpu := neo4jCPU(b)
		for b.Loop() {
			res, err := http.Get(ts.URL + path)
			if err != nil {
				b.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				b.Fatalf("GET %s = %d", path, res.StatusCode)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
		cpu.report(b)
	}
	b.Run("hub", func(b *testing.B) { expand(b, genID(0)) })
	b.Run("hub-filtered", func(b *testing.B) {
		expand(b, genID(0), "types", "MEETS,ACCUSES,WARNS", "since", "2024-03", "until", "2024-09")
	})
	b.Run("hub-star", func(b *testing.B) {
		ctx := context.Background()
		cpu := neo4jCPU(b)
		for b.Loop() {
			g, err := s.Star(ctx, []string{genID(0)}, graph.Filter{})
			if err != nil {
				b.Fatal(err)
			}
			if len(g.Relations) < genRelations/10 {
				b.Fatalf("Star(hub) = %d relations", len(g.Relations))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
		cpu.report(b)
	})
	b.Run("leaf", func(b *testing.B) { expand(b, genID(12345)) })
}

// cpuClock counts the CPU time of the Neo4j process whose PID is
// $KG_NEO4J_PID (Linux), when it is set: on a machine that other work
// shares, the time a request waits for a core is not its cost, the CPU
// time it takes is.
type cpuClock struct {
	pid   string
	start time.Duration
}

func neo4jCPU(b *testing.B) cpuClock {
	c := cpuClock{pid: os.Getenv("KG_NEO4J_PID")}
	if c.pid != "" {
		c.start = c.read(b)
	}
	return c
}

// read returns the user and system CPU time of the process so far.
func (c cpuClock) read(b *testing.B) time.Duration {
	raw, err := os.ReadFile("/proc/" + c.pid + "/stat")
	if err != nil {
		b.Fatalf("KG_NEO4J_PID: %v", err)
	}
	// The fields after the command name, which is in parentheses:
	// utime and stime are the 12th and 13th, in clock ticks (100 a
	// second).
	f := strings.Fields(string(raw[strings.LastIndexByte(string(raw), ')')+1:]))
	var ticks int64
	for _, s := range f[11:13] {
		var n int64
		fmt.Sscan(s, &n)
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

func (c cpuClock) report(b *testing.B) {
	if c.pid == "" {
		return
	}
	b.ReportMetric(float64((c.read(b)-c.start).Milliseconds())/float64(b.N), "neo4j-cpu-ms/op")
}
