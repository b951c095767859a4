package neo4jtest

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestMain(m *testing.M) { Main(m) }

func query(t *testing.T, d neo4j.DriverWithContext, cypher string, params map[string]any) *neo4j.EagerResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, d, cypher, params, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	return res
}

func count(t *testing.T, d neo4j.DriverWithContext) int64 {
	t.Helper()
	res := query(t, d, "MATCH (n) RETURN count(n) AS c", nil)
	c, _ := res.Records[0].Get("c")
	return c.(int64)
}

func TestRoundTrip(t *testing.T) {
	d := Driver(t)
	Reset(t, d)

	res := query(t, d, "RETURN 1 AS one", nil)
	if one, _ := res.Records[0].Get("one"); one != int64(1) {
		t.Fatalf("RETURN 1 = %v", one)
	}

	query(t, d, "CREATE (:T {x: 1})-[:R]->(:T {x: 2})", nil)
	if c := count(t, d); c != 2 {
		t.Fatalf("count after CREATE = %d, want 2", c)
	}
	Reset(t, d)
	if c := count(t, d); c != 0 {
		t.Fatalf("count after Reset = %d, want 0", c)
	}
}

// TestCommunityFeatures pins down what kg relies on in Community 5.26.
func TestCommunityFeatures(t *testing.T) {
	d := Driver(t)
	Reset(t, d)
	t.Cleanup(func() {
		query(t, d, "DROP CONSTRAINT neo4jtest_meets_key IF EXISTS", nil)
		query(t, d, "DROP INDEX neo4jtest_entity_names IF EXISTS", nil)
		Reset(t, d)
	})

	t.Run("relationship property uniqueness constraint", func(t *testing.T) {
		query(t, d, "CREATE CONSTRAINT neo4jtest_meets_key IF NOT EXISTS FOR ()-[r:MEETS]-() REQUIRE r.key IS UNIQUE", nil)
		query(t, d, "CREATE CONSTRAINT neo4jtest_meets_key IF NOT EXISTS FOR ()-[r:MEETS]-() REQUIRE r.key IS UNIQUE", nil) // idempotent
		query(t, d, "CREATE (:P)-[:MEETS {key: 'k1'}]->(:P)", nil)
		ctx := context.Background()
		_, err := neo4j.ExecuteQuery(ctx, d, "CREATE (:P)-[:MEETS {key: 'k1'}]->(:P)", nil, neo4j.EagerResultTransformer)
		var ne *neo4j.Neo4jError
		if !errors.As(err, &ne) || ne.Code != "Neo.ClientError.Schema.ConstraintValidationFailed" {
			t.Fatalf("duplicate MEETS.key: err = %v, want ConstraintValidationFailed", err)
		}
	})

	t.Run("fulltext index over a LIST<STRING> property", func(t *testing.T) {
		query(t, d, "CREATE FULLTEXT INDEX neo4jtest_entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]", nil)
		query(t, d, "CALL db.awaitIndexes(60)", nil)
		query(t, d, "CREATE (:Entity {name: 'Texas capital', aliases: ['Austin', 'ATX']}), (:Entity {name: 'Dallas', aliases: ['Big D']})", nil)
		// Fulltext indexes are eventually consistent; poll briefly.
		var names []any
		for i := 0; i < 50; i++ {
			res := query(t, d, "CALL db.index.fulltext.queryNodes('neo4jtest_entity_names', 'austin') YIELD node RETURN node.name AS name", nil)
			names = names[:0]
			for _, r := range res.Records {
				n, _ := r.Get("name")
				names = append(names, n)
			}
			if len(names) > 0 {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if len(names) != 1 || names[0] != "Texas capital" {
			t.Fatalf("fulltext 'austin' (only in aliases list) matched %v, want [Texas capital]", names)
		}
	})
}

func TestAuthServer(t *testing.T) {
	URI(t) // same skip/fail rule as the main server
	if os.Getenv("NEO4J_URI") != "" {
		t.Skip("NEO4J_URI is set: not starting local servers")
	}
	ctx, cancel := context.WithTimeout(context.Background(), StartTimeout)
	defer cancel()
	srv, err := Start(ctx, 0, []string{"NEO4J_AUTH=neo4j/secret"})
	if err != nil {
		Unavailable(t, "second server: %v", err)
	}
	t.Cleanup(srv.Stop)

	connect := func(auth neo4j.AuthToken) error {
		d, err := neo4j.NewDriverWithContext(srv.URI(), auth)
		if err != nil {
			return err
		}
		defer d.Close(context.Background())
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		// VerifyConnectivity does not retry, unlike ExecuteQuery.
		if err := d.VerifyConnectivity(ctx); err != nil {
			return err
		}
		_, err = neo4j.ExecuteQuery(ctx, d, "RETURN 1", nil, neo4j.EagerResultTransformer)
		return err
	}

	for name, auth := range map[string]neo4j.AuthToken{
		"wrong password": neo4j.BasicAuth("neo4j", "wrong", ""),
		"no auth":        neo4j.NoAuth(),
	} {
		err := connect(auth)
		var ne *neo4j.Neo4jError
		if !errors.As(err, &ne) || ne.Code != "Neo.ClientError.Security.Unauthorized" {
			t.Errorf("%s: err = %v, want Neo.ClientError.Security.Unauthorized", name, err)
		}
	}
	if err := connect(neo4j.BasicAuth("neo4j", "secret", "")); err != nil {
		t.Fatalf("right password: %v", err)
	}

	// Kill (crash) works and leaves nothing behind.
	start := time.Now()
	srv.Kill()
	t.Logf("Kill took %s", time.Since(start))
	select {
	case <-srv.Done():
	default:
		t.Fatal("Done not closed after Kill")
	}
	if srv.home == "" {
		t.Error("launcher did not report its home dir")
	} else if _, err := os.Stat(srv.home); !os.IsNotExist(err) {
		t.Errorf("home dir %s still exists after Kill: %v", srv.home, err)
	}
	if err := connect(neo4j.BasicAuth("neo4j", "secret", "")); err == nil {
		t.Error("server still answers after Kill")
	}
}
