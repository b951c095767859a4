package neo4jstore

import (
	"slices"
	"strings"

	"kg/graph"
	"kg/schema"
)

// The query shapes. Each is one UNWIND over $rows so that Neo4j caches one
// plan per shape; labels and relationship types come from schema.Label and
// schema.RelType only, and nothing from the data is spliced into the text.
const (
	articleQuery = `UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row.props`

	// pruneMentionsQuery deletes the MENTIONS of entities an article no
	// longer mentions, keeping the entities' mention sums right.
	pruneMentionsQuery = `UNWIND $rows AS row
MATCH (:Article {id: row.id})-[m:MENTIONS]->(e:Entity)
WHERE NOT e.id IN row.entities
SET e.mentions = coalesce(e.mentions, 0) - coalesce(m.count, 0)
DELETE m`

	// mentionsQuery sets MENTIONS counts (never increments them) and moves
	// the entity's mention sum by the change, so loading again is a no-op.
	mentionsQuery = `UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
WITH e, m, row, row.count - coalesce(m.count, 0) AS delta
SET m.count = row.count, e.mentions = coalesce(e.mentions, 0) + delta`
)

// entityQuery returns the query that merges entity rows of one type with
// Cypher label label: created with its label, name and type; aliases and
// folded names are unions of the stored and the new lists, deduplicated
// and sorted.
func entityQuery(label string) string {
	return `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e:` + quote(label) + `, e.name = row.name, e.type = row.type
WITH e, row
CALL {
  WITH e, row
  UNWIND coalesce(e.aliases, []) + row.aliases AS x
  WITH DISTINCT x ORDER BY x
  RETURN collect(x) AS aliases
}
CALL {
  WITH e, row
  UNWIND coalesce(e.folded, []) + row.folded AS x
  WITH DISTINCT x ORDER BY x
  RETURN collect(x) AS folded
}
SET e.aliases = aliases, e.folded = folded`
}

// pruneRelationsQuery returns the query that deletes the relations an
// article contributed in an earlier load and no longer has. The Article
// node lists its relations' keys (relationKeys); stale keys are found
// through the key constraints' indexes, one unit subquery per relationship
// type, so the cost does not grow with the degree of the entities.
func pruneRelationsQuery(relTypes []string) string {
	var b strings.Builder
	b.WriteString(`UNWIND $rows AS row
MATCH (a:Article {id: row.id})
UNWIND [k IN coalesce(a.relationKeys, []) WHERE NOT k IN row.keys] AS key`)
	for _, t := range relTypes {
		b.WriteString("\nCALL {\n  WITH key\n  MATCH ()-[r:" + quote(t) + " {key: key}]->()\n  DELETE r\n}")
	}
	return b.String()
}

// relationQuery returns the query that merges relation rows of one
// relationship type, on their keys; a relation's properties are replaced
// by the row's.
func relationQuery(relType string) string {
	return `UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:` + quote(relType) + ` {key: row.key}]->(o)
SET r = row.props`
}

// quote backquotes a Cypher name. Names come from the ontology and never
// hold a backquote; doubling makes the rule total anyway.
func quote(name string) string {
	out := []byte{'`'}
	for i := 0; i < len(name); i++ {
		if name[i] == '`' {
			out = append(out, '`')
		}
		out = append(out, name[i])
	}
	return string(append(out, '`'))
}

// step is one query with the rows it unwinds.
type step struct {
	name  string // for errors: "articles", "entities Person", ...
	query string
	rows  []map[string]any
}

// plan turns a batch of valid extractions into the steps that load it, in
// order: pruning of what re-loaded articles no longer contribute (before
// the articles' relationKeys are overwritten), articles, entities by type,
// MENTIONS, relations by type. When an
// article occurs more than once in the batch its last extraction wins, as
// if the extractions were loaded one after another; entity aliases are
// unioned over all of them.
func plan(batch []schema.Extraction) ([]step, error) {
	last := make(map[string]int, len(batch))
	for i, x := range batch {
		last[x.Article.ID] = i
	}

	var articles, prune, mentions []map[string]any
	entities := make(map[string]*entityRow)
	var order []string // entity IDs in first-seen order
	relations := make(map[schema.RelationType][]map[string]any)
	for i, x := range batch {
		for _, e := range x.Entities {
			r := entities[e.ID]
			if r == nil {
				r = &entityRow{id: e.ID, name: e.Name, typ: e.Type}
				entities[e.ID] = r
				order = append(order, e.ID)
			}
			r.aliases = append(r.aliases, e.Name)
			r.aliases = append(r.aliases, e.Aliases...)
		}
		if last[x.Article.ID] != i {
			continue
		}
		ids := make([]string, 0, len(x.Entities))
		for _, m := range graph.Mentions(x) {
			ids = append(ids, m.Entity)
			mentions = append(mentions, map[string]any{"article": m.Article, "entity": m.Entity, "count": int64(m.Count)})
		}
		keys := make([]string, 0, len(x.Relations))
		for _, r := range x.Relations {
			keys = append(keys, r.Key)
			relations[r.Type] = append(relations[r.Type], map[string]any{
				"subject": r.Subject, "object": r.Object, "key": r.Key, "props": relationProps(r),
			})
		}
		keys = sortedSet(keys)
		props := articleProps(x.Article)
		props["relationKeys"] = keys
		articles = append(articles, map[string]any{"id": x.Article.ID, "props": props})
		prune = append(prune, map[string]any{"id": x.Article.ID, "entities": ids, "keys": keys})
	}

	relTypes := make([]string, 0, len(schema.Relations))
	for _, t := range schema.RelationTypes() {
		rt, err := schema.RelType(t)
		if err != nil {
			return nil, err
		}
		relTypes = append(relTypes, rt)
	}
	steps := []step{
		{"stale relations", pruneRelationsQuery(relTypes), prune},
		{"stale mentions", pruneMentionsQuery, prune},
		{"articles", articleQuery, articles},
	}
	byType := make(map[schema.EntityType][]map[string]any)
	for _, id := range order {
		r := entities[id]
		byType[r.typ] = append(byType[r.typ], r.row())
	}
	for _, t := range schema.EntityTypes {
		if len(byType[t]) == 0 {
			continue
		}
		label, err := schema.Label(t)
		if err != nil {
			return nil, err
		}
		steps = append(steps, step{"entities " + label, entityQuery(label), byType[t]})
	}
	steps = append(steps, step{"mentions", mentionsQuery, mentions})
	for _, t := range schema.RelationTypes() {
		if len(relations[t]) == 0 {
			continue
		}
		rt, err := schema.RelType(t)
		if err != nil {
			return nil, err
		}
		steps = append(steps, step{"relations " + rt, relationQuery(rt), relations[t]})
	}
	return steps, nil
}

type entityRow struct {
	id, name string
	typ      schema.EntityType
	aliases  []string // every name seen, the canonical name included
}

func (r *entityRow) row() map[string]any {
	var aliases, folded []string
	folded = append(folded, schema.NormalizeName(r.name))
	for _, a := range r.aliases {
		if a != "" && a != r.name {
			aliases = append(aliases, a)
		}
		if f := schema.NormalizeName(a); f != "" {
			folded = append(folded, f)
		}
	}
	return map[string]any{
		"id": r.id, "name": r.name, "type": string(r.typ),
		"aliases": sortedSet(aliases), "folded": sortedSet(folded),
	}
}

// sortedSet returns ss sorted without duplicates, never nil (a nil list
// would reach Cypher as null).
func sortedSet(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	out = slices.Compact(out)
	if out == nil {
		out = []string{}
	}
	return out
}

// articleProps are the properties of an Article node, but relationKeys;
// empty strings are left out (absent, not null or ""). The text is not
// stored.
func articleProps(a schema.Article) map[string]any {
	p := map[string]any{"id": a.ID}
	put(p, "ref", a.Ref)
	put(p, "title", a.Title)
	put(p, "source", a.Source)
	put(p, "published", a.Published)
	put(p, "url", a.URL)
	put(p, "place", a.Place)
	put(p, "sha256", a.SHA256)
	return p
}

// relationProps are the properties of a relationship; empty strings are
// left out.
func relationProps(r schema.Relation) map[string]any {
	p := map[string]any{
		"key":        r.Key,
		"article":    r.Article,
		"sentence":   int64(r.Sentence),
		"start":      int64(r.Start),
		"end":        int64(r.End),
		"confidence": r.Confidence,
	}
	put(p, "evidence", r.Evidence)
	put(p, "date", r.Date)
	put(p, "tense", r.Tense)
	put(p, "cameo", r.CAMEO)
	put(p, "role", r.Role)
	return p
}

func put(p map[string]any, k, v string) {
	if v != "" {
		p[k] = v
	}
}

// chunks splits rows into slices of at most n.
func chunks(rows []map[string]any, n int) [][]map[string]any {
	var out [][]map[string]any
	for len(rows) > n {
		out = append(out, rows[:n:n])
		rows = rows[n:]
	}
	if len(rows) > 0 {
		out = append(out, rows)
	}
	return out
}
