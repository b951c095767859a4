package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/names"
	"github.com/kgraph/kg/schema"
)

// awaitIndexSeconds bounds how long a look-up waits for the full-text
// index to come online (it is populating just after kg's schema is
// applied to a database that holds entities).
const awaitIndexSeconds = 60

// findQuery asks the full-text index for the entities whose folded names
// (schema.NormalizeName of the name and of each alias) match a Lucene
// query. The query and the index name are parameters: nothing typed by a
// user reaches the Cypher text.
const findQuery = `CALL db.index.fulltext.queryNodes($index, $query) YIELD node
WITH node WHERE node:Entity
RETURN node.id, node.name, node.type, coalesce(node.aliases, []), coalesce(node.mentions, 0)`

// FindEntities returns the entities that name designates, as names.Best
// finds them: compared after schema.NormalizeName with each entity's name
// and aliases, exact matches first, then other spellings of the name,
// then entities having every word typed, else entities having a word
// close to each word typed; the most mentioned first.
//
// Candidates come from kg's full-text index (schema.FullTextIndex) over
// the entities' folded names, with up to four Lucene queries in one read
// transaction: the folded name as a phrase, every word required, and the
// variant keys of every word or of the name, whose candidates together
// are ranked by names.Best; when none matches, every word required up
// to two edits away. So the Neo4j store and the graph file agree. The words Best must not take for misspellings of others are
// those the index holds (a term query for each word typed); other
// spellings are found through the variant keys that names.Folded puts in
// the index.
// Lucene's special characters in the input are escaped, and the query is
// passed as a parameter: a name such as x'})-[:R]->() DETACH DELETE n //
// is only text. (Lucene expands a fuzzy word to at most 50 indexed words,
// the closest first; beyond that a close match can be missed.)
func (s *Store) FindEntities(ctx context.Context, name string) ([]schema.Entity, error) {
	want := schema.NormalizeName(name)
	if want == "" {
		return nil, nil
	}
	queries := luceneQueries(want)
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	es, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) ([]schema.Entity, error) {
		err := exec(ctx, tx, "CALL db.awaitIndex($index, $seconds)", map[string]any{
			"index": schema.FullTextIndex, "seconds": int64(awaitIndexSeconds)})
		if err != nil {
			return nil, err
		}
		// The exact, variant and words tiers from the first queries
		// together; else the close words, from the last.
		var candidates []schema.Entity
		var known map[string]bool
		for i, q := range queries {
			t, err := collect(ctx, tx, findQuery, map[string]any{"index": schema.FullTextIndex, "query": q})
			if err != nil {
				return nil, err
			}
			for _, row := range t.rows {
				candidates = append(candidates, entityOf(row))
			}
			if i < len(queries)-2 {
				continue
			}
			if known == nil {
				if known, err = indexedWords(ctx, tx, want); err != nil {
					return nil, err
				}
			}
			if es, _ := names.Best(want, candidates, func(w string) bool { return known[w] }); len(es) > 0 {
				return es, nil
			}
		}
		return nil, nil
	})
	if err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "index") && strings.Contains(err.Error(), schema.FullTextIndex) {
			return nil, fmt.Errorf("find entity %q: %w (is kg's schema applied? kg schema apply)", name, err)
		}
		return nil, fmt.Errorf("find entity %q: %w", name, err)
	}
	return es, nil
}

// countQuery counts the entities whose folded names hold a Lucene term.
const countQuery = `CALL db.index.fulltext.queryNodes($index, $query) YIELD node
WITH node WHERE node:Entity
RETURN count(node) > 0`

// indexedWords returns those of the words of want (folded) that are words
// of some entity's names in the full-text index.
func indexedWords(ctx context.Context, tx neo4j.ManagedTransaction, want string) (map[string]bool, error) {
	known := make(map[string]bool)
	for _, w := range strings.Fields(want) {
		if known[w] {
			continue
		}
		t, err := collect(ctx, tx, countQuery, map[string]any{"index": schema.FullTextIndex, "query": "folded:" + luceneEscape(w)})
		if err != nil {
			return nil, err
		}
		if len(t.rows) > 0 && t.rows[0][0] == true {
			known[w] = true
		}
	}
	return known, nil
}

// entityOf reads an entity from columns id, name, type, aliases, mentions.
func entityOf(row []any) schema.Entity {
	e := schema.Entity{
		ID:      str(row[0]),
		Name:    str(row[1]),
		Type:    schema.EntityType(str(row[2])),
		Aliases: strs(row[3]),
	}
	if n, ok := row[4].(int64); ok {
		e.Count = int(n)
	}
	return e
}

// luceneQueries returns the four queries of FindEntities for the folded
// name want: the phrase, every word, the variant keys of every word or of
// the whole name (names.Folded puts them in the index), every word
// fuzzily (words of four letters or more up to two edits away;
// names.Best then applies its own, stricter, limits).
func luceneQueries(want string) []string {
	words := strings.Fields(want)
	escaped := make([]string, len(words))
	for i, w := range words {
		escaped[i] = luceneEscape(w)
	}
	all := make([]string, len(words))
	fuzzy := make([]string, len(words))
	for i, w := range escaped {
		all[i] = "+" + w
		fuzzy[i] = "+" + w
		if len([]rune(words[i])) >= 4 {
			fuzzy[i] += "~2"
		}
	}
	variants := make([]string, len(words))
	for i, w := range words {
		variants[i] = "+" + luceneEscape(cmp.Or(graph.VariantKey(w), w))
	}
	variant := "folded:(" + strings.Join(variants, " ") + ")"
	if v := graph.VariantKey(want); v != "" {
		variant += " OR folded:" + luceneEscape(v)
	}
	return []string{
		`folded:"` + strings.Join(escaped, " ") + `"`,
		"folded:(" + strings.Join(all, " ") + ")",
		variant,
		"folded:(" + strings.Join(fuzzy, " ") + ")",
	}
}

// luceneEscape escapes the characters of Lucene's query syntax in s
// (+ - & | ! ( ) { } [ ] ^ " ~ * ? : \ / and white space) with a
// backslash, so that s is read as one term of plain text.
func luceneEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) || r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// str returns v as a string, "" when it is not one.
func str(v any) string {
	s, _ := v.(string)
	return s
}

// strs returns the strings of a list value; nil when there are none.
func strs(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
