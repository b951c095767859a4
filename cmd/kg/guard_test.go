package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// countingProxy forwards TCP connections to target and counts them: a
// kg process pointed at it shows whether it sent Neo4j anything.
func countingProxy(t *testing.T, target string) (addr string, conns *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns = new(atomic.Int64)
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				up, err := net.Dial("tcp", target)
				if err != nil {
					return
				}
				defer up.Close()
				done := make(chan struct{}, 2)
				go func() { io.Copy(up, c); done <- struct{}{} }()
				go func() { io.Copy(c, up); done <- struct{}{} }()
				<-done
			}()
		}
	}()
	return ln.Addr().String(), conns
}

// victim is a connection of the test to Neo4j with a transaction open,
// which a query that ends other users' connections or transactions would
// end: alive says whether it still runs queries.
type victim struct {
	driver neo4j.DriverWithContext
	sess   neo4j.SessionWithContext
	tx     neo4j.ExplicitTransaction
	id     string // the transaction's ID on the server
	conn   string // its connection's ID
}

const victimAgent = "kg-test-victim"

func newVictim(t *testing.T, uri string) *victim {
	t.Helper()
	ctx := context.Background()
	d, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth(), func(c *config.Config) { c.UserAgent = victimAgent })
	if err != nil {
		t.Fatal(err)
	}
	v := &victim{driver: d, sess: d.NewSession(ctx, neo4j.SessionConfig{})}
	t.Cleanup(func() { v.sess.Close(ctx); d.Close(ctx) })
	marker := fmt.Sprintf("victim-%d", time.Now().UnixNano())
	if v.tx, err = v.sess.BeginTransaction(ctx, neo4j.WithTxMetadata(map[string]any{"victim": marker})); err != nil {
		t.Fatal(err)
	}
	if !v.alive() {
		t.Fatal("the victim's transaction does not run")
	}
	res, err := neo4j.ExecuteQuery(ctx, neo4jtest.Driver(t),
		"SHOW TRANSACTIONS YIELD transactionId, connectionId, metaData WHERE metaData.victim = $m RETURN transactionId, connectionId",
		map[string]any{"m": marker}, neo4j.EagerResultTransformer)
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("the victim's transaction on the server: %v, %v", res, err)
	}
	v.id = res.Records[0].Values[0].(string)
	v.conn = res.Records[0].Values[1].(string)
	return v
}

func (v *victim) alive() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := v.tx.Run(ctx, "RETURN 1", nil)
	if err != nil {
		return false
	}
	_, err = res.Single(ctx)
	return err == nil
}

// TestQueryGuardAgainstNeo4j runs, without --write, queries that read the
// server's files or fetch URLs (LOAD CSV plainly, in CALL { }, after
// UNION, behind comments), end other users' connections or transactions
// (dbms.killConnections, TERMINATE TRANSACTIONS), list accounts (SHOW
// USERS) or clear the server's caches, through kg query pointed at the
// real Neo4j through a proxy that counts connections. Each exits 1 with
// an error naming what was refused and why, and none ran: kg opened no
// connection, the URLs were never fetched, the test's own connection and
// transaction that the queries target still run. Then the same queries
// with --write do what they say (the URL is fetched, the connection
// killed, the transaction terminated): the side effects the test watches
// would have shown. Meanwhile a kg build into the same Neo4j, fired at by
// a refused dbms.killConnections of every connection, loads every
// article.
func TestQueryGuardAgainstNeo4j(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatal(err)
	}
	proxy, conns := countingProxy(t, u.Host)
	t.Setenv("NEO4J_URI", "bolt://"+proxy)
	var fetched atomic.Int64
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched.Add(1)
		io.WriteString(w, "name\nfetched\n")
	}))
	defer web.Close()
	v := newVictim(t, uri)

	// A build into the same Neo4j, at the same time.
	bin := buildKG(t)
	corpus := writeCorpus(t, 30)
	build := startKG(t, bin, "build", "-q", "--neo4j-uri", uri, corpus)

	killAll := "CALL dbms.listConnections() YIELD connectionId WITH collect(connectionId) AS ids CALL dbms.killConnections(ids) YIELD connectionId RETURN count(*)"
	killVictim := []string{"--param", "ids=[\"" + v.conn + "\"]", "CALL dbms.killConnections($ids)"}
	refused := []struct{ query, what string }{
		{"LOAD CSV FROM '" + web.URL + "/plain.csv' AS row RETURN row", "LOAD CSV"},
		{"CALL { LOAD CSV FROM '" + web.URL + "/sub.csv' AS row RETURN row } RETURN row", "LOAD CSV"},
		{"RETURN ['x'] AS row UNION LOAD CSV FROM '" + web.URL + "/union.csv' AS row RETURN row", "LOAD CSV"},
		{"/* only reads */ LoAd /* really */ csv FROM '" + web.URL + "/comment.csv' AS row RETURN row", "LOAD CSV"},
		{"// a comment\nMATCH (n) WITH count(n) AS n\nload\tcsv FROM '" + web.URL + "/line.csv' AS row RETURN row", "LOAD CSV"},
		{killAll, "CALL dbms.listConnections"},
		{"CALL dbms.killConnections($ids)", "CALL dbms.killConnections"},
		{"CALL dbms.killConnection('bolt-1')", "CALL dbms.killConnection"},
		{"TERMINATE TRANSACTIONS '" + v.id + "'", "TERMINATE"},
		{"SHOW USERS", "SHOW USERS"},
		{"CALL db.clearQueryCaches()", "CALL db.clearQueryCaches"},
	}
	rounds := 0
	for ; rounds < 3 || build.running(); rounds++ { // again and again while the build runs
		for _, tc := range refused {
			code, stdout, stderr := kg(t, "", "query", "--param", "ids=[\""+v.conn+"\"]", tc.query)
			if code != exitFailure || stdout != "" {
				t.Errorf("kg query %q = %d, stdout %q; want 1 and nothing", tc.query, code, stdout)
			}
			for _, want := range []string{"refused", "nothing was sent", "--write", tc.what} {
				if !strings.Contains(stderr, want) {
					t.Errorf("kg query %q: error does not say %q:\n%s", tc.query, want, stderr)
				}
			}
		}
	}
	t.Logf("%d rounds of %d refused queries during the build", rounds, len(refused))
	if n := conns.Load(); n != 0 {
		t.Errorf("refused queries opened %d connections to Neo4j, want none", n)
	}
	if n := fetched.Load(); n != 0 {
		t.Errorf("the URLs of refused LOAD CSV queries were fetched %d times", n)
	}
	if !v.alive() {
		t.Errorf("the test's connection or transaction was ended by refused queries")
	}
	if code := build.wait(t, 10*time.Minute); code != 0 {
		t.Errorf("the concurrent kg build = %d; stderr:\n%s", code, build.errText())
	}
	t.Setenv("NEO4J_URI", uri)
	if rows := queryJSON(t, uri, "MATCH (a:Article) RETURN count(a) AS n"); rows[0]["n"] != 30.0 {
		t.Errorf("the concurrent build loaded %v articles, want 30", rows[0]["n"])
	}

	// With --write, the same queries do what they say.
	t.Setenv("NEO4J_URI", "bolt://"+proxy)
	if code, _, stderr := kg(t, "", "query", "--write", refused[0].query); code != 0 || fetched.Load() == 0 {
		t.Errorf("kg query --write LOAD CSV = %d, URL fetched %d times; stderr:\n%s", code, fetched.Load(), stderr)
	}
	if conns.Load() == 0 {
		t.Errorf("kg query --write went through no connection of the proxy")
	}
	if code, _, stderr := kg(t, "", append([]string{"query", "--write"}, killVictim...)...); code != 0 || v.alive() {
		t.Errorf("kg query --write killConnections(victim) = %d, victim alive %v; stderr:\n%s", code, v.alive(), stderr)
	}
	v = newVictim(t, uri)
	if code, _, stderr := kg(t, "", "query", "--write", "TERMINATE TRANSACTIONS '"+v.id+"'"); code != 0 || v.alive() {
		t.Errorf("kg query --write TERMINATE TRANSACTIONS = %d, victim alive %v; stderr:\n%s", code, v.alive(), stderr)
	}
}

// TestQueryTimeoutFlag: kg query --timeout ends a cartesian query that
// would run for hours, with exit status 1 and an error that says so;
// a negative timeout is a usage error.
func TestQueryTimeoutFlag(t *testing.T) {
	uri := neo4jtest.URI(t)
	t.Setenv("NEO4J_URI", uri)
	q := "UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*)"
	start := time.Now()
	code, stdout, stderr := kg(t, "", "query", "--timeout", "2s", q)
	took := time.Since(start)
	if code != exitFailure || stdout != "" || !strings.Contains(stderr, "ran longer than --timeout 2s") {
		t.Errorf("kg query --timeout 2s (cartesian) = %d after %v; stdout %q, stderr:\n%s", code, took, stdout, stderr)
	}
	t.Logf("ended after %v", took.Round(time.Millisecond))
	if took > 2*time.Minute {
		t.Errorf("kg query --timeout 2s took %v", took)
	}
	if code, _, stderr := kg(t, "", "query", "--timeout", "-1s", "RETURN 1"); code != exitUsage {
		t.Errorf("kg query --timeout -1s = %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
	if code, stdout, stderr := kg(t, "", "query", "--timeout", "0", "RETURN 1 AS one"); code != 0 || !strings.Contains(stdout, "one") {
		t.Errorf("kg query --timeout 0 = %d; stdout %q, stderr:\n%s", code, stdout, stderr)
	}
}
