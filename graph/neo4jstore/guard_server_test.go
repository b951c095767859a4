package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph/neo4jstore/guard"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// TestGuardAgainstServerPlans checks the read-only guard with Neo4j's own
// parser as the judge: it makes thousands of queries from read and write
// pieces, disguised with casing, Neo4j's white space, comments and
// decoys in strings, comments and quoted names, and has the server plan
// each one the guard allows (EXPLAIN runs nothing). Every plan must be
// made of reading operators only: no write, LOAD CSV, transaction,
// administration or SHOW operator outside the allowed listings, and no
// procedure outside guard.Procedures. A query the server cannot plan
// (a syntax or semantic error) cannot run, and passes.
//
// The refused queries are planned too, to count how many the server
// would have run with such an operator (what the guard is for) and how
// many it would have run harmlessly (what it over-refuses).
func TestGuardAgainstServerPlans(t *testing.T) {
	d := neo4jtest.Driver(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(14, 2))
	const n = 2000
	var allowed, unplannable, refused, refusedWriting, refusedHarmless int
	var harmless []string
	for i := range n {
		q := randomQuery(rng)
		ops, err := explain(ctx, d, q)
		gerr := guard.ReadOnly(q)
		if gerr != nil {
			refused++
			if err == nil && forbidden(ops) != "" {
				refusedWriting++
			}
			if err == nil && forbidden(ops) == "" {
				refusedHarmless++
				if len(harmless) < 5 {
					harmless = append(harmless, fmt.Sprintf("%q (%v)", q, gerr))
				}
			}
			continue
		}
		allowed++
		if err != nil {
			unplannable++
			continue
		}
		if op := forbidden(ops); op != "" {
			t.Errorf("query %d: guard allowed %q, which the server plans with %s", i, q, op)
		}
	}
	t.Logf("%d queries: %d allowed (%d the server cannot plan), %d refused (%d planned with an operator that does more than read, %d with a plan that only reads%s)",
		n, allowed, unplannable, refused, refusedWriting, refusedHarmless, strings.Join(append([]string{""}, harmless...), "; "))
	if allowed-unplannable < n/10 || refusedWriting < n/10 {
		t.Errorf("the generator makes too few queries of one kind: %d allowed and planned, %d refused and planned with a writing operator", allowed-unplannable, refusedWriting)
	}
}

// explain returns the operators of the server's plan of q (name@database
// and details), or the server's error.
func explain(ctx context.Context, d neo4j.DriverWithContext, q string) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	s := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer s.Close(ctx)
	res, err := s.Run(ctx, "EXPLAIN "+q, map[string]any{"p": "x"})
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	if sum.Plan() == nil {
		return nil, errors.New("no plan")
	}
	var ops []string
	var walk func(p neo4j.Plan)
	walk = func(p neo4j.Plan) {
		ops = append(ops, fmt.Sprintf("%s %v", p.Operator(), p.Arguments()["Details"]))
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(sum.Plan())
	return ops, nil
}

// forbidden returns the first operator of a plan that does more than
// read, or "".
func forbidden(ops []string) string {
	for _, op := range ops {
		name, details, _ := strings.Cut(op, " ")
		name, db, _ := strings.Cut(name, "@")
		switch {
		case db == "system":
			return op
		case name == "ProcedureCall":
			proc, _, _ := strings.Cut(details, "(")
			if !slices.Contains(guard.Procedures(), proc) {
				return op
			}
		case strings.HasPrefix(name, "Show"):
			if !slices.Contains([]string{"ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"}, name) {
				return op
			}
		default:
			for _, w := range []string{"Create", "Merge", "Set", "Delete", "Remove", "Foreach", "LoadCSV", "Transaction", "Terminate", "Administration", "Lock", "Drop", "DoNothing"} {
				if strings.Contains(name, w) {
					return op
				}
			}
		}
	}
	return ""
}

// Pieces of the generated queries. Reads end with a RETURN or can stand
// alone; writes do something a read-only query must not.
var (
	readHeads = []string{
		"MATCH (n)", "MATCH (n:Entity)", "OPTIONAL MATCH (n)", "MATCH (n)-[r]->(m)", "UNWIND [1, 2] AS n",
		"WITH 1 AS n", "MATCH (n) WHERE n.name = $p", "MATCH (n {call: 1})",
	}
	readMiddles = []string{
		"WITH n", "WITH n LIMIT 2", "CALL { WITH n RETURN n AS k }", "CALL (n) { RETURN n AS k }",
		"CALL db.labels() YIELD label", "WHERE n.x = 'SET n.y = 1'", "WITH n, 'LOAD CSV' AS s",
		"CALL db.index.fulltext.queryNodes('entity_names', $p) YIELD node",
	}
	readTails = []string{
		"RETURN n", "RETURN count(*) AS c", "RETURN n.call, n.show", "RETURN n.`set`", "RETURN `n`", "FINISH",
	}
	standalone = []string{
		"CALL db.labels()", "CALL db.propertyKeys()", "CALL db.relationshipTypes", "CALL db.schema.visualization()",
		"SHOW INDEXES", "SHOW CONSTRAINTS", "SHOW FUNCTIONS YIELD name", "SHOW PROCEDURES", "CALL dbms.components()",
		"RETURN 1 AS n", "RETURN 'CREATE (m)' AS n",
	}
	writes = []string{
		"CREATE (m)", "SET n.x = 1", "MERGE (m:X)", "DETACH DELETE n", "DELETE n", "REMOVE n:X", "REMOVE n.x",
		"FOREACH (x IN [1] | CREATE (m))", "LOAD CSV FROM 'file:///etc/hostname' AS l",
		"LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS l", "CALL db.clearQueryCaches()",
		"CALL dbms.listConnections()", "CALL dbms.killConnections(['x'])", "CALL db.createLabel('X')",
		"CALL { WITH n RETURN n AS k } IN TRANSACTIONS", "INSERT (m:X)", "MATCH (k) NODETACH DELETE k",
		"SET n:X", "MERGE (n)-[:R]->(m:X) ON CREATE SET m.x = 1",
	}
	writeStatements = []string{
		"SHOW USERS", "SHOW ROLES", "SHOW PRIVILEGES", "SHOW TRANSACTIONS", "SHOW SETTINGS", "SHOW DATABASES",
		"TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "CREATE USER u SET PASSWORD 'secret123'",
		"DROP INDEX nothing IF EXISTS", "CREATE INDEX ix IF NOT EXISTS FOR (n:X) ON (n.x)",
		"SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t", "STOP DATABASE nothing",
		"ALTER USER u SET PASSWORD 'secret123'", "GRANT ROLE r TO u", "CALL dbms.killConnections(['x'])",
		"LOAD CSV FROM 'file:///etc/hostname' AS l RETURN l",
	}
	spaces = []string{" ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2003", "\u3000", "\u001f", "\u2028", "\u202f"}
	decoys = []string{
		"/* LOAD CSV */", "/* SET */", "// CREATE (m)\n", "/* ' */", "// '\n", "/* \" */", "/**/",
	}
)

// randomQuery makes one query: a read, or a read with a write piece in
// it, or a statement that is not a read, in a random disguise.
func randomQuery(rng *rand.Rand) string {
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	var parts []string
	switch rng.IntN(6) {
	case 0:
		parts = []string{pick(standalone)}
	case 1:
		parts = []string{pick(writeStatements)}
	case 2: // a write hidden in a subquery or after UNION
		w := pick(writes)
		if rng.IntN(2) == 0 {
			parts = []string{"MATCH (n)", "CALL { WITH n", w, "RETURN 1 AS one }", "RETURN n"}
		} else {
			parts = []string{"RETURN 1 AS n", "UNION ALL", "MATCH (n)", w, "RETURN 2 AS n"}
		}
	default:
		parts = []string{pick(readHeads)}
		for range rng.IntN(3) {
			parts = append(parts, pick(readMiddles))
		}
		if rng.IntN(2) == 0 {
			parts = append(parts, pick(writes))
		}
		parts = append(parts, pick(readTails))
	}
	var b strings.Builder
	if rng.IntN(4) == 0 {
		b.WriteString(pick(decoys))
	}
	for i, p := range parts {
		if i > 0 {
			if rng.IntN(3) == 0 {
				b.WriteString(pick(decoys))
			}
			b.WriteString(pick(spaces))
		}
		b.WriteString(disguise(rng, p))
	}
	return b.String()
}

// disguise changes the case of letters of keywords (words in capitals
// outside quotes) at random, and replaces some spaces with Neo4j's other
// white space or a comment.
func disguise(rng *rand.Rand, s string) string {
	var b strings.Builder
	quote := rune(0)
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"' || r == '`':
			quote = r
		case r >= 'A' && r <= 'Z':
			j := i
			for j < len(rs) && (rs[j] >= 'A' && rs[j] <= 'Z' || rs[j] == '_') {
				j++
			}
			if j-i >= 2 && (j == len(rs) || !unicode.IsLetter(rs[j])) {
				for ; i < j; i++ {
					c := rs[i]
					if c != '_' && rng.IntN(3) == 0 {
						c += 'a' - 'A'
					}
					b.WriteRune(c)
				}
				i--
				continue
			}
		case r == ' ' && rng.IntN(5) == 0:
			b.WriteString([]string{"\u00a0", "\t", "/* x */", " /*'*/ ", "\u2009"}[rng.IntN(5)])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
