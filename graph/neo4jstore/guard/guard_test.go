package guard

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// allowedQueries are queries that only read.
var allowedQueries = []string{
	"MATCH (e:Entity) RETURN e.type, count(*) ORDER BY e.type",
	"MATCH (p:Person)-[r:DENIES]->(x) RETURN p.name, x.name, r.evidence",
	"match (n) return n limit 3",
	"OPTIONAL MATCH (n:Country) RETURN n",
	"WITH 1 AS x RETURN x",
	"UNWIND [1, 2] AS x RETURN x",
	"RETURN 1",
	"MATCH (n) FINISH",
	"MATCH (n) RETURN n;",
	"MATCH (n) RETURN n.start, n.end, n.date, n.role",
	"MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN p",
	"RETURN 1.5e3, 0x1F, 0o17, .5, 1_000",
	// Keywords in strings, comments and quoted names are not keywords.
	"MATCH (n) WHERE n.name = 'CREATE (m)' RETURN n",
	`RETURN "LOAD CSV FROM 'file:///etc/passwd' AS l"`,
	"MATCH (n) WHERE n.name =~ '(?i)drop.*' RETURN n",
	"MATCH (n) // DETACH DELETE n\nRETURN n",
	"MATCH (n) /* SET n.x = 1 */ RETURN n",
	"MATCH (n) /* multi\nline LOAD CSV\n*/ RETURN n",
	"MATCH (n) RETURN n.`set`, n.`LOAD`",
	"MATCH (`create`) RETURN `create`",
	"RETURN `a`` LOAD CSV FROM x`",
	`RETURN 'a\'CREATE (m)'`,
	`RETURN "a\"CREATE (m)"`,
	`RETURN 'a\\\'SET'`,
	"RETURN 1 //x\u2028LOAD CSV FROM 'x' AS l", // only \r and \n end a comment
	"RETURN $create, $load, $`set`",
	"MATCH (n) WHERE n.name = 'Erdoğan' RETURN n",
	// CALL and SHOW as names, not clauses.
	"MATCH (n {call: 1, show: 2}) RETURN n.call, n.show",
	"MATCH (n:Call|Show) RETURN n {.call}",
	"MATCH (n:!Call&!Show) RETURN n",
	// Read-only procedures and subqueries.
	"CALL db.labels()",
	"CALL db.labels() YIELD label RETURN label",
	"CALL db.relationshipTypes",
	"call db.propertyKeys()",
	"CALL db.schema.visualization()",
	"CALL db.schema.nodeTypeProperties()",
	"CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score RETURN node.name, score",
	"CALL db.index.fulltext.queryNodes('entity_names', 'LOAD CSV') YIELD node RETURN node",
	"CALL `db`.`labels`()",
	"CALL db . labels ( )",
	"CALL /* a comment */ db.labels()",
	"CALL dbms.components()",
	"MATCH (n) CALL { WITH n MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c",
	"MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c",
	"MATCH (n) OPTIONAL CALL (n) { MATCH (n)--(m) RETURN m } RETURN n, m",
	"MATCH (n) WHERE EXISTS { MATCH (n)--() } RETURN count { (n)--() } AS degree",
	"MATCH (a) RETURN a.name AS x UNION MATCH (b) RETURN b.name AS x",
	"SHOW INDEXES",
	"show indexes yield *",
	"SHOW RANGE INDEXES",
	"SHOW FULLTEXT INDEXES WHERE name = 'entity_names'",
	"SHOW CONSTRAINTS",
	"SHOW NODE KEY CONSTRAINTS",
	"SHOW REL PROPERTY TYPE CONSTRAINTS",
	"SHOW FUNCTIONS",
	"SHOW BUILT IN FUNCTIONS",
	"SHOW USER DEFINED FUNCTIONS",
	"SHOW PROCEDURES",
	// Prefixes.
	"EXPLAIN MATCH (n) RETURN n",
	"PROFILE MATCH (n) RETURN n",
	"CYPHER runtime=slotted MATCH (n) RETURN count(n)",
	"CYPHER 5 planner=cost EXPLAIN MATCH (n) RETURN n",
}

// refusedQueries are queries that must be refused, with what must be named.
var refusedQueries = []struct {
	query, what string
}{
	// Writing clauses.
	{"CREATE (n)", "CREATE"},
	{"MATCH (n) SET n.x = 1", "SET"},
	{"MATCH (n) DETACH DELETE n", "DETACH DELETE"},
	{"MATCH (n) NODETACH DELETE n", "NODETACH DELETE"},
	{"MATCH (n) DELETE n", "DELETE"},
	{"MERGE (n:X {id: 1})", "MERGE"},
	{"MATCH (n) REMOVE n:X", "REMOVE"},
	{"FOREACH (x IN [1] | CREATE (n))", "FOREACH"},
	{"INSERT (n:X)", "INSERT"},
	{"MATCH (n) MERGE (n)-[:R]->(m) ON CREATE SET m.x = 1", "MERGE"},
	{"MATCH (n) CALL { WITH n SET n.x = 1 } IN TRANSACTIONS RETURN n", "SET"},
	{"MATCH (n) CALL { WITH n RETURN n.x AS x } IN TRANSACTIONS OF 10 ROWS RETURN x", "TRANSACTIONS"},
	{"MATCH (n) RETURN n; CREATE (m)", "CREATE"},
	// A keyword as a name is refused too (quote it with backticks).
	{"MATCH (n) RETURN n.set", "SET"},
	{"MATCH (n:Create) RETURN n", "CREATE"},
	// LOAD CSV in every position and spelling.
	{"LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l LIMIT 1", "LOAD CSV"},
	{"CALL { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l } RETURN l", "LOAD CSV"},
	{"MATCH (n) RETURN n.name AS x UNION LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l[0] AS x", "LOAD CSV"},
	{"RETURN 1 AS x UNION ALL CALL { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l[0] AS x } RETURN x", "LOAD CSV"},
	{"// a comment\nLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD CSV"},
	{"/* a comment */ LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD CSV"},
	{"/* LOAD */ lOaD /* csv */ CsV FROM 'x' AS l RETURN l", "LOAD CSV"},
	{"\tload\ncsv from 'http://127.0.0.1:1/x.csv' as l return l", "LOAD CSV"},
	{"LOAD\u00a0CSV FROM 'x' AS l RETURN l", "LOAD CSV"},
	{"LOAD\u2003CSV FROM 'x' AS l RETURN l", "LOAD CSV"},
	{"LOAD\u001fCSV FROM 'x' AS l RETURN l", "LOAD CSV"},
	{"RETURN 1 AS x\u3000UNION LOAD CSV FROM 'x' AS l RETURN l AS x", "LOAD CSV"},
	{"EXPLAIN LOAD CSV FROM 'x' AS l RETURN l", "LOAD CSV"},
	{"WITH 'file:///etc/passwd' AS u LOAD CSV FROM u AS l RETURN l", "LOAD CSV"},
	{"WITH 1 AS x LOAD CSV WITH HEADERS FROM 'x' AS l RETURN l", "LOAD CSV"},
	{"USING PERIODIC COMMIT LOAD CSV FROM 'x' AS l CREATE (n)", "USING PERIODIC"},
	{"/* /* */ LOAD CSV FROM 'x' AS l RETURN l /* */", "LOAD CSV"}, // comments do not nest
	{"RETURN '/*' AS a UNION LOAD CSV FROM 'x' AS l RETURN '*/' AS a", "LOAD CSV"},
	{"RETURN 1 // '\nUNION LOAD CSV FROM 'x' AS l RETURN l", "LOAD CSV"},
	{"RETURN 1 // x\rUNION LOAD CSV FROM 'x' AS l RETURN l", "LOAD CSV"},
	{`RETURN '\\' AS a UNION LOAD CSV FROM 'x' AS l RETURN l AS a`, "LOAD CSV"},
	{`RETURN "\\" AS a UNION LOAD CSV FROM 'x' AS l RETURN l AS a`, "LOAD CSV"},
	{"RETURN `a``b` AS a UNION LOAD CSV FROM 'x' AS l RETURN l AS a", "LOAD CSV"},
	// Procedures.
	{"CALL dbms.killConnections(['bolt-1'])", "CALL dbms.killConnections"},
	{"CALL dbms.killConnection('bolt-1')", "CALL dbms.killConnection"},
	{"CALL db.clearQueryCaches()", "CALL db.clearQueryCaches"},
	{"call db.clearQueryCaches", "CALL db.clearQueryCaches"},
	{"CALL DB.LABELS()", "CALL DB.LABELS"}, // procedure names are compared exactly
	{"CALL db.createLabel('X')", "CALL db.createLabel"},
	{"CALL db.create.setNodeVectorProperty(n, 'k', [1])", "CALL db.create.setNodeVectorProperty"},
	{"CALL `dbms`.`killConnections`(['x'])", "CALL dbms.killConnections"},
	{"CALL `dbms.killConnections`(['x'])", "CALL dbms.killConnections"},
	{"CALL dbms . killConnections ( [ 'x' ] )", "CALL dbms.killConnections"},
	{"CALL /* db.labels */ dbms.killConnections(['x'])", "CALL dbms.killConnections"},
	{"CALL\n  dbms.killConnections(['x'])", "CALL dbms.killConnections"},
	{"CALL apoc.load.json('file:///etc/passwd')", "CALL apoc.load.json"},
	{"CALL dbms.listConnections()", "CALL dbms.listConnections"},
	{"CALL dbms.setConfigValue('x', 'y')", "CALL dbms.setConfigValue"},
	{"CALL db.labels() YIELD label CALL db.clearQueryCaches() RETURN label", "CALL db.clearQueryCaches"},
	{"MATCH (n) WHERE EXISTS { CALL db.clearQueryCaches() } RETURN n", "CALL db.clearQueryCaches"},
	{"MATCH (n) CALL { CALL db.clearQueryCaches() } RETURN n", "CALL db.clearQueryCaches"},
	{"OPTIONAL CALL dbms.killConnections(['x'])", "CALL dbms.killConnections"},
	{"MATCH (n) RETURN n UNION CALL dbms.killConnections(['x']) YIELD message RETURN message AS n", "CALL dbms.killConnections"},
	{"CALL", "CALL"},
	{"MATCH (n) CALL (db.labels)", "CALL ("},
	{"MATCH (n) CALL 'db.labels'", "CALL"},
	// Administration.
	{"TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"},
	{"SHOW TRANSACTIONS YIELD transactionId WHERE true TERMINATE TRANSACTIONS transactionId", "SHOW TRANSACTIONS"},
	{"SHOW TRANSACTIONS", "SHOW TRANSACTIONS"},
	{"SHOW USERS", "SHOW USERS"},
	{"show users", "SHOW USERS"},
	{"SHOW ROLES", "SHOW ROLES"},
	{"SHOW ALL ROLES", "SHOW ALL ROLES"},
	{"SHOW PRIVILEGES", "SHOW PRIVILEGES"},
	{"SHOW USER PRIVILEGES", "SHOW USER"},
	{"SHOW CURRENT USER", "SHOW CURRENT"},
	{"SHOW SETTINGS", "SHOW SETTINGS"},
	{"SHOW DATABASES", "SHOW DATABASES"},
	{"SHOW SERVERS", "SHOW SERVERS"},
	{"SHOW ALIASES FOR DATABASE", "SHOW ALIASES"},
	{"SHOW", "SHOW"},
	{"MATCH (n) RETURN n UNION SHOW USERS", "SHOW USERS"},
	{"CREATE USER bob SET PASSWORD 'secret'", "CREATE"},
	{"DROP INDEX entity_names", "DROP"},
	{"ALTER USER bob SET PASSWORD 'secret'", "ALTER"},
	{"RENAME ROLE a TO b", "RENAME"},
	{"GRANT ROLE reader TO bob", "GRANT"},
	{"DENY READ {*} ON GRAPH * TO reader", "DENY"},
	{"REVOKE ROLE reader FROM bob", "REVOKE"},
	{"START DATABASE neo4j", "START DATABASE"},
	{"STOP DATABASE neo4j", "STOP DATABASE"},
	{"ENABLE SERVER 'x'", "ENABLE SERVER"},
	{"DEALLOCATE DATABASES FROM SERVER 'x'", "DEALLOCATE DATABASES"},
	{"REALLOCATE DATABASES", "REALLOCATE DATABASES"},
	{"DRYRUN REALLOCATE DATABASES", "DRYRUN REALLOCATE"},
	{"MATCH (n) RETURN n; START DATABASE x", "START DATABASE"},
	{"USE system SHOW USERS", "USE"},
	{"USE neo4j MATCH (n) RETURN n", "USE"},
	{"MATCH (n) CALL { USE other MATCH (m) RETURN m } RETURN n", "USE"},
	{"EXPLAIN CREATE (n)", "CREATE"},
	// Words Neo4j may read as a number followed by a keyword.
	{"MATCH (n) RETURN n LIMIT 1CREATE (m)", "1CREATE"},
	{"RETURN 0xaLOAD CSV FROM 'x' AS l", "0xaLOAD"},
	// Cannot be read safely.
	{"MATCH (n) RETURN 'abc", "unterminated string"},
	{`RETURN "a\"`, "unterminated string"},
	{`RETURN 'a\`, "unterminated string"},
	{"MATCH (n) /* LOAD CSV", "unterminated comment"},
	{"RETURN `abc", "unterminated quoted name"},
	{"RETURN '\xff'", "invalid UTF-8"},
	{"", "empty query"},
	{"   \n\t", "empty query"},
	{"// only a comment", "empty query"},
	{"(n)", "("},
}

func TestReadOnlyAllows(t *testing.T) {
	for _, q := range allowedQueries {
		if err := ReadOnly(q); err != nil {
			t.Errorf("ReadOnly(%q) = %v, want nil", q, err)
		}
	}
}

func TestReadOnlyRefuses(t *testing.T) {
	for _, tc := range refusedQueries {
		err := ReadOnly(tc.query)
		var r *Refusal
		if !errors.As(err, &r) {
			t.Errorf("ReadOnly(%q) = %v, want a *Refusal naming %q", tc.query, err, tc.what)
			continue
		}
		if !errors.Is(err, ErrRefused) {
			t.Errorf("ReadOnly(%q) = %v, does not match ErrRefused", tc.query, err)
		}
		if !strings.HasPrefix(r.What, tc.what) {
			t.Errorf("ReadOnly(%q) refused %q (%v), want %q", tc.query, r.What, err, tc.what)
		}
		if r.Why == "" {
			t.Errorf("ReadOnly(%q) = %v: no reason", tc.query, err)
		}
	}
}

func TestRefusalPosition(t *testing.T) {
	q := "MATCH (n)\n// Ünïcode comment\n  WITH n\n  LOAD CSV FROM 'x' AS l RETURN l"
	err := ReadOnly(q)
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("ReadOnly = %v, want a refusal", err)
	}
	if r.Line != 4 || r.Column != 3 || q[r.Offset:r.Offset+4] != "LOAD" {
		t.Errorf("refusal at line %d, column %d, offset %d; want line 4, column 3, at LOAD", r.Line, r.Column, r.Offset)
	}
	want := "LOAD CSV at line 4, column 3: LOAD CSV makes the server read its own files or fetch a URL"
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	// The first problem in the text is named.
	err = ReadOnly("MATCH (n) SET n.x = 1 WITH n CALL db.clearQueryCaches() RETURN n")
	if !errors.As(err, &r) || r.What != "SET" {
		t.Errorf("first problem = %v, want SET", err)
	}
}

func TestProcedureMessage(t *testing.T) {
	err := ReadOnly("CALL dbms.killConnections(['x'])")
	for _, p := range Procedures() {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("refusal %q does not list the allowed procedure %s", err, p)
		}
	}
}

// TestLexerAgreesWithNeo4j pins the character classes on Neo4j 5's
// lexer: every character of its white space separates words, and the
// characters it allows in identifiers do not.
func TestLexerAgreesWithNeo4j(t *testing.T) {
	// Neo4j's SPACE rule.
	for _, r := range []rune{'\t', '\n', '\v', '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0xA0, 0x1680,
		0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
		0x2028, 0x2029, 0x202F, 0x205F, 0x3000} {
		if !isSpace(r) || isWordRune(r) {
			t.Errorf("%U: isSpace %v, isWordRune %v; want a separator", r, isSpace(r), isWordRune(r))
		}
		q := "MATCH (n) RETURN n" + string(r) + "SET n.x = 1"
		if err := ReadOnly(q); err == nil {
			t.Errorf("ReadOnly(%q) = nil: %U hid SET", q, r)
		}
	}
	// Some of Neo4j's identifier characters beyond letters and digits.
	for _, r := range []rune{'_', '$', 0xAD, 0x200B, 0x200D, 0x202E, 0x2066, 0xFEFF, 0x20AC, 0x0301, 0x203F, 0x00} {
		if !isWordRune(r) {
			t.Errorf("%U: isWordRune false, want true (Neo4j's identifiers hold it)", r)
		}
	}
	// Characters that form Neo4j's operators are never word characters.
	for _, r := range "(){}[],.:;=<>+-*/%^|&!?'\"`~\u2010\u2212\uFF0D\u27E8\uFF1C" {
		if isWordRune(r) {
			t.Errorf("%U: isWordRune true, want false", r)
		}
	}
}

func TestLex(t *testing.T) {
	toks, err := lex("MATCH (n:`a``b`) WHERE n.x = 'it\\'s' // c\nRETURN $p /* d */")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range toks {
		got = append(got, tk.text)
	}
	want := []string{"MATCH", "(", "n", ":", "a`b", ")", "WHERE", "n", ".", "x", "=", `'it\'s'`, "RETURN", "$p"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lex = %q, want %q", got, want)
	}
}

// codeWords returns the words of q outside strings, quoted names and
// comments, with a scanner written apart from lex: a state machine over
// the runes of q. ok is false when a string, name or comment is left
// open.
func codeWords(q string) (words []string, ok bool) {
	const (
		code = iota
		single
		double
		backtick
		line
		block
	)
	state := code
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(q)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		next := rune(-1)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch state {
		case code:
			switch {
			case isWordRune(r):
				cur = append(cur, r)
				continue
			case r == '/' && next == '/':
				state, i = line, i+1
			case r == '/' && next == '*':
				state, i = block, i+1
			case r == '\'':
				state = single
			case r == '"':
				state = double
			case r == '`':
				state = backtick
			}
			flush()
		case single, double:
			if r == '\\' {
				i++
			} else if (r == '\'' && state == single) || (r == '"' && state == double) {
				state = code
			}
		case backtick:
			if r == '`' && next == '`' {
				i++
			} else if r == '`' {
				state = code
			}
		case line:
			if r == '\n' || r == '\r' {
				state = code
			}
		case block:
			if r == '*' && next == '/' {
				state, i = code, i+1
			}
		}
	}
	flush()
	return words, state == code || state == line
}

// writeKeyword returns the refused keyword that w is, or that a word Neo4j
// may read as a number ends with.
func writeKeyword(w string) string {
	up := strings.ToUpper(w)
	for k := range refusedKeywordsForTest {
		if up == k || (w[0] >= '0' && w[0] <= '9' && strings.HasSuffix(up, k)) {
			return k
		}
	}
	return ""
}

// refusedKeywordsForTest are the keywords refused anywhere, written out
// here so that a keyword dropped from the guard fails the fuzz test.
var refusedKeywordsForTest = map[string]bool{
	"CREATE": true, "INSERT": true, "MERGE": true, "SET": true, "DELETE": true, "DETACH": true,
	"NODETACH": true, "REMOVE": true, "FOREACH": true, "LOAD": true, "DROP": true, "ALTER": true,
	"RENAME": true, "GRANT": true, "DENY": true, "REVOKE": true, "TERMINATE": true,
	"TRANSACTION": true, "TRANSACTIONS": true, "USE": true,
}

func FuzzReadOnly(f *testing.F) {
	for _, q := range allowedQueries {
		f.Add(q)
	}
	for _, tc := range refusedQueries {
		f.Add(tc.query)
	}
	f.Fuzz(func(t *testing.T, q string) {
		err := ReadOnly(q)
		if err != nil {
			var r *Refusal
			if !errors.As(err, &r) || !errors.Is(err, ErrRefused) {
				t.Fatalf("ReadOnly(%q) = %T %v, want a *Refusal", q, err, err)
			}
			if r.Offset < 0 || r.Offset > len(q) || r.Line < 1 || r.Column < 1 || r.What == "" || r.Why == "" {
				t.Fatalf("ReadOnly(%q) = %+v: bad refusal", q, r)
			}
			return
		}
		if !utf8.ValidString(q) {
			t.Fatalf("ReadOnly(%q) allowed invalid UTF-8", q)
		}
		words, ok := codeWords(q)
		if !ok {
			t.Fatalf("ReadOnly(%q) allowed a query with an open string, name or comment", q)
		}
		for _, w := range words {
			if k := writeKeyword(w); k != "" {
				t.Fatalf("ReadOnly(%q) allowed the keyword %s (word %q)", q, k, w)
			}
		}
	})
}
