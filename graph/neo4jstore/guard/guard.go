// Package guard decides, before a Cypher query is sent to Neo4j, whether
// it only reads: kg query runs a user's query without --write only when
// ReadOnly allows it. The server's read transaction refuses writes to the
// graph as well, but not what a read transaction may still do: LOAD CSV
// reads the server's files and fetches URLs, procedures such as
// dbms.killConnections or db.clearQueryCaches act on the server, and
// administration commands list users or end other sessions'
// transactions. The guard refuses those without sending anything.
//
// ReadOnly reads the query with a tokenizer that follows Neo4j 5's lexer
// (strings with backslash escapes, backtick-quoted names in which a
// doubled backtick stands for one, // and /* */ comments, parameters,
// Neo4j's identifier characters), so a keyword inside a string, a comment or a quoted name is not one, and
// casing, white space and comments around a keyword do not hide it. It
// refuses:
//
//   - the keywords of writing clauses wherever they stand (CREATE, INSERT,
//     MERGE, SET, DELETE, DETACH, NODETACH, REMOVE, FOREACH), also as
//     names of properties, labels or variables: quote such a name with
//     backticks (n.`set`);
//   - LOAD (LOAD CSV), anywhere: in CALL { }, after UNION, in EXPLAIN;
//   - schema and administration keywords: DROP, ALTER, RENAME, GRANT,
//     DENY, REVOKE, TERMINATE, and TRANSACTION(S), which covers
//     CALL { } IN TRANSACTIONS (it commits on its own);
//   - USE: the query runs in the database of the connection;
//   - a statement that does not begin with MATCH, OPTIONAL, WITH, UNWIND,
//     RETURN, CALL, SHOW or FINISH (after EXPLAIN, PROFILE or CYPHER
//     options), which refuses CREATE USER, START DATABASE, ENABLE SERVER
//     and every other administration command;
//   - CALL of any procedure but the read-only ones Procedures lists
//     (labels, relationship types, property keys, the schema, full-text
//     and vector index queries, the server's version); CALL { } and
//     CALL (variables) { } subqueries are read like the rest;
//   - SHOW of anything but indexes, constraints, procedures and
//     functions: SHOW USERS, ROLES and PRIVILEGES list accounts, SHOW
//     TRANSACTIONS shows the queries other users run, SHOW SETTINGS,
//     SERVERS, DATABASES and ALIASES the server's configuration;
//   - a query that is not valid UTF-8, or whose string, quoted name or
//     block comment is not terminated: Neo4j would reject it, and what it
//     would run instead cannot be told.
//
// The guard over-refuses rather than under-refuses: a word Neo4j would
// read as a number ("1set") or as part of a longer name counts as the
// keyword it ends with or is. The check is lexical, not a parse, and
// meant as the first of two defences: run analysts' queries as a Neo4j
// user with a reader role too.
package guard

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// ErrRefused is wrapped by every error of ReadOnly.
var ErrRefused = errors.New("refused in read-only mode")

// Refusal is the error of ReadOnly: what it refused, where and why.
type Refusal struct {
	// What is the refused construct, keywords upper-cased: "LOAD CSV",
	// "CALL dbms.killConnections", "SHOW USERS", "SET".
	What string
	// Why says what the construct does that a read must not.
	Why string
	// Offset is the byte offset of the construct in the query; Line and
	// Column (in characters) are 1-based.
	Offset, Line, Column int
}

func (r *Refusal) Error() string {
	return fmt.Sprintf("%s at line %d, column %d: %s", r.What, r.Line, r.Column, r.Why)
}

// Is makes a Refusal match ErrRefused.
func (r *Refusal) Is(target error) bool { return target == ErrRefused }

const (
	writes = "it writes to the graph"
	admin  = "it changes the schema, the databases, users or privileges"
)

// refused maps the keywords refused wherever they stand to the reason.
var refused = map[string]string{
	"CREATE":       writes,
	"INSERT":       writes,
	"MERGE":        writes,
	"SET":          writes,
	"DELETE":       writes,
	"DETACH":       writes,
	"NODETACH":     writes,
	"REMOVE":       writes,
	"FOREACH":      writes,
	"LOAD":         "LOAD CSV makes the server read its own files or fetch a URL",
	"DROP":         admin,
	"ALTER":        admin,
	"RENAME":       admin,
	"GRANT":        admin,
	"DENY":         admin,
	"REVOKE":       admin,
	"TERMINATE":    "it ends transactions, other users' included",
	"TRANSACTION":  "CALL { } IN TRANSACTIONS commits on its own, and SHOW or TERMINATE TRANSACTIONS reach other users' queries",
	"TRANSACTIONS": "CALL { } IN TRANSACTIONS commits on its own, and SHOW or TERMINATE TRANSACTIONS reach other users' queries",
	"USE":          "it switches to another database or graph; the query runs in the database of the connection",
}

// refusedWords are the keys of refused, sorted.
var refusedWords = slices.Sorted(maps.Keys(refused))

// procedures are the procedures a read-only query may call: they list
// the schema or query an index, and change nothing. (db.indexes and
// db.constraints were removed in Neo4j 5: SHOW INDEXES and SHOW
// CONSTRAINTS list them.)
var procedures = []string{
	"db.index.fulltext.listAvailableAnalyzers",
	"db.index.fulltext.queryNodes",
	"db.index.fulltext.queryRelationships",
	"db.index.vector.queryNodes",
	"db.index.vector.queryRelationships",
	"db.labels",
	"db.propertyKeys",
	"db.relationshipTypes",
	"db.schema.nodeTypeProperties",
	"db.schema.relTypeProperties",
	"db.schema.visualization",
	"dbms.components",
}

// Procedures returns the names of the procedures ReadOnly allows, sorted.
// Names are compared exactly, case included.
func Procedures() []string { return slices.Clone(procedures) }

// starters are the words a read-only statement may begin with.
var starters = map[string]bool{
	"MATCH": true, "OPTIONAL": true, "WITH": true, "UNWIND": true,
	"RETURN": true, "CALL": true, "SHOW": true, "FINISH": true,
}

// showKinds are what SHOW may list; showModifiers the words that may
// stand between SHOW and the kind (SHOW RANGE INDEXES, SHOW NODE KEY
// CONSTRAINTS, SHOW BUILT IN FUNCTIONS, SHOW USER DEFINED FUNCTIONS).
var (
	showKinds = map[string]bool{
		"INDEX": true, "INDEXES": true, "CONSTRAINT": true, "CONSTRAINTS": true,
		"FUNCTION": true, "FUNCTIONS": true, "PROCEDURE": true, "PROCEDURES": true,
	}
	showModifiers = map[string]bool{
		"ALL": true, "RANGE": true, "FULLTEXT": true, "TEXT": true, "POINT": true,
		"LOOKUP": true, "VECTOR": true, "BTREE": true, "UNIQUE": true, "UNIQUENESS": true,
		"KEY": true, "NODE": true, "RELATIONSHIP": true, "REL": true, "PROPERTY": true,
		"EXIST": true, "EXISTENCE": true, "TYPE": true, "BUILT": true, "IN": true,
	}
)

// ReadOnly returns nil when query only reads, and otherwise a *Refusal
// (wrapping ErrRefused) naming the first construct that does not, in
// the order of the text. See the package documentation for the rules.
func ReadOnly(query string) error {
	if !utf8.ValidString(query) {
		i := 0
		for i < len(query) {
			r, n := utf8.DecodeRuneInString(query[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return refusal(query, i, "invalid UTF-8", "the query is not valid UTF-8")
	}
	toks, err := lex(query)
	var first *Refusal
	if le, ok := err.(*lexError); ok {
		first = refusal(query, le.pos, le.Error(), "the server would reject the query, and what it would run instead cannot be told")
	}
	if len(toks) == 0 && first == nil {
		return refusal(query, 0, "empty query", "there is nothing to run")
	}
	// On a tie the keyword's reason is more telling than the statement's.
	for _, r := range []*Refusal{checkTokens(query, toks), checkStatements(query, toks)} {
		if r != nil && (first == nil || r.Offset < first.Offset) {
			first = r
		}
	}
	if first == nil {
		return nil
	}
	return first
}

// checkStatements checks how each statement (statements are separated by
// semicolons) begins.
func checkStatements(q string, toks []token) *Refusal {
	for s := 0; s < len(toks); s++ {
		i := skipPrefix(toks, s)
		if i < len(toks) && toks[i].kind == word && starters[upper(toks[i].text)] {
			// Move on to the next statement.
		} else if i < len(toks) && !isPunct(toks[i], ";") {
			return refusal(q, toks[i].pos, spell(toks, i),
				"a query that only reads begins with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, CALL, SHOW or FINISH")
		}
		for s < len(toks) && !isPunct(toks[s], ";") {
			s++
		}
	}
	return nil
}

// skipPrefix returns the index of the first token of the statement that
// begins at i, past EXPLAIN, PROFILE and CYPHER with its options
// (CYPHER 5 runtime=slotted).
func skipPrefix(toks []token, i int) int {
	for i < len(toks) && toks[i].kind == word {
		switch upper(toks[i].text) {
		case "EXPLAIN", "PROFILE":
			i++
		case "CYPHER":
			i++
		options:
			for i < len(toks) && toks[i].kind == word {
				switch {
				case i+2 < len(toks) && isPunct(toks[i+1], "=") && toks[i+2].kind == word:
					i += 3
				case isDigit(toks[i].text[0]):
					i++
				default:
					break options
				}
			}
		default:
			return i
		}
	}
	return i
}

// checkTokens checks every word of the query: refused keywords, CALL and
// SHOW.
func checkTokens(q string, toks []token) *Refusal {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != word {
			continue
		}
		up := upper(t.text)
		if why, ok := refused[up]; ok {
			return refusal(q, t.pos, spell(toks, i), why)
		}
		if isDigit(t.text[0]) {
			for _, k := range refusedWords {
				if len(up) > len(k) && strings.HasSuffix(up, k) {
					return refusal(q, t.pos, t.text, refused[k]+" (the server may read "+k+" here)")
				}
			}
		}
		switch up {
		case "CALL":
			if isName(toks, i) {
				continue
			}
			next, r := checkCall(q, toks, i)
			if r != nil {
				return r
			}
			i = next - 1
		case "SHOW":
			if isName(toks, i) {
				continue
			}
			if r := checkShow(q, toks, i); r != nil {
				return r
			}
		}
	}
	return nil
}

// isName reports whether the word at i is a property key, label, type or
// map key rather than a clause: after . : | & ! or before a colon.
func isName(toks []token, i int) bool {
	if i > 0 && toks[i-1].kind == punct && strings.Contains(".:|&!", toks[i-1].text) {
		return true
	}
	return i+1 < len(toks) && isPunct(toks[i+1], ":")
}

// checkCall checks the CALL at i and returns the index of the token to go
// on from: a subquery's brace, or the token after the procedure's name.
func checkCall(q string, toks []token, i int) (int, *Refusal) {
	const why = "CALL runs a subquery in braces or one of the read-only procedures"
	j := i + 1
	if j >= len(toks) {
		return j, refusal(q, toks[i].pos, "CALL", why)
	}
	if isPunct(toks[j], "{") {
		return j, nil
	}
	if isPunct(toks[j], "(") { // CALL (x, y) { ... }
		depth := 0
		k := j
		for ; k < len(toks); k++ {
			if isPunct(toks[k], "(") {
				depth++
			} else if isPunct(toks[k], ")") {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if k+1 < len(toks) && isPunct(toks[k+1], "{") {
			return j, nil
		}
		return j, refusal(q, toks[i].pos, "CALL (", why)
	}
	var parts []string
	for {
		if toks[j].kind != word && toks[j].kind != quoted {
			return j, refusal(q, toks[i].pos, "CALL "+strings.Join(parts, "."), why)
		}
		parts = append(parts, toks[j].text)
		if j+2 < len(toks) && isPunct(toks[j+1], ".") {
			j += 2
			continue
		}
		break
	}
	name := strings.Join(parts, ".")
	if !slices.Contains(procedures, name) {
		return j, refusal(q, toks[i].pos, "CALL "+name,
			"procedures may change data or act on the server; the read-only ones allowed are "+strings.Join(procedures, ", "))
	}
	return j + 1, nil
}

// checkShow checks the SHOW at i.
func checkShow(q string, toks []token, i int) *Refusal {
	j := i + 1
	for j < len(toks) && toks[j].kind == word {
		up := upper(toks[j].text)
		if showModifiers[up] {
			j++
			continue
		}
		if up == "USER" && j+1 < len(toks) && toks[j+1].kind == word && upper(toks[j+1].text) == "DEFINED" {
			j += 2
			continue
		}
		break
	}
	what := "SHOW"
	kind := ""
	if j < len(toks) && toks[j].kind == word {
		kind = upper(toks[j].text)
		what = spellRange(toks, i, j)
	}
	if showKinds[kind] {
		return nil
	}
	why := "SHOW lists indexes, constraints, procedures or functions only"
	switch kind {
	case "USER", "USERS", "ROLE", "ROLES", "PRIVILEGE", "PRIVILEGES", "CURRENT":
		why = "it lists users, roles or privileges"
	case "TRANSACTION", "TRANSACTIONS":
		why = "it shows the queries other users are running"
	case "SETTING", "SETTINGS", "SERVER", "SERVERS", "DATABASE", "DATABASES", "ALIAS", "ALIASES", "DEFAULT", "HOME":
		why = "it shows the server's configuration"
	}
	return refusal(q, toks[i].pos, what, why)
}

// spell returns the refused construct at i: its keyword upper-cased, with
// the word after it for two-word constructs (LOAD CSV, DETACH DELETE).
func spell(toks []token, i int) string {
	t := toks[i]
	switch t.kind {
	case quoted:
		return "`" + strings.ReplaceAll(t.text, "`", "``") + "`"
	case str, punct:
		return t.text
	}
	up := upper(t.text)
	if i+1 < len(toks) && toks[i+1].kind == word {
		next := upper(toks[i+1].text)
		switch {
		case up == "LOAD" && next == "CSV", up == "DETACH" && next == "DELETE", up == "NODETACH" && next == "DELETE",
			!starters[up] && refused[up] == "" && !isDigit(up[0]):
			return up + " " + next
		}
	}
	return up
}

func spellRange(toks []token, from, to int) string {
	words := make([]string, 0, to-from+1)
	for _, t := range toks[from : to+1] {
		words = append(words, upper(t.text))
	}
	return strings.Join(words, " ")
}

func refusal(q string, pos int, what, why string) *Refusal {
	line, col := 1, 1
	for _, r := range q[:pos] {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &Refusal{What: what, Why: why, Offset: pos, Line: line, Column: col}
}

func isPunct(t token, s string) bool { return t.kind == punct && t.text == s }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// upper upper-cases the ASCII letters of s: Neo4j's keywords are ASCII
// and matched ignoring the case of ASCII letters only.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
