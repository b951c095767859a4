package neo4jstore

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/names"
	"github.com/kgraph/kg/schema"
)

// The query shapes. Each is one UNWIND over $rows so that Neo4j caches one
// plan per shape; labels and relationship types come from schema.Label and
// schema.RelType only, and nothing from the data is spliced into the text.
//
// A load takes one of two paths per article. An article new to the
// database cannot have MENTIONS or relations there yet (relation keys
// include the article ID), so they are CREATEd. An article loaded before
// has its MENTIONS and relations MERGEd and what it lost deleted.
//
// No load writes a property of an entity that exists already: concurrent
// loads create relationships to the same entities, which Neo4j allows
// without exclusive locks on entities that have many relationships
// (dense nodes), and the exclusive locks that property writes take would
// serialize the loads or, taken while others hold locks for new
// relationships, make them deadlock. So the loads neither raise the
// entities' mention sums nor add aliases to existing entities: the
// articles of a load carry the label Uncounted, with, in recount, the
// entities an article stopped mentioning and, in addAliases, the aliases
// and folded names the load found missing on existing entities, until
// Flush applies them and removes the label. Each load also leaves its own
// token in pending, so that a Flush removes only marks it has read: an
// article loaded again meanwhile (by another process) keeps its new ones.
const (
	// lockQuery merges the batch's Article nodes and writes the load's
	// token, which locks them (so that concurrent loads of one article
	// take turns) before it reads what the database held of each: its
	// relation keys, the entities it mentions and the entities whose sums
	// wait for a recount; its element ID; and the relations it supports
	// as a copy (supportEntry). A node created here has no relationKeys
	// yet.
	lockQuery = `UNWIND $ids AS id
MERGE (a:Article {id: id})
SET a.pending = $token
RETURN a.id, a.relationKeys IS NOT NULL, coalesce(a.relationKeys, []), [(a)-[:MENTIONS]->(e:Entity) | e.id], coalesce(a.recount, []), elementId(a), coalesce(a.supportKeys, [])`

	// articleQuery writes the articles' properties, keeping the aliases
	// that an earlier load left for Flush and the token.
	articleQuery = `UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WITH a, row, a.addAliases AS add, a.pending AS token
SET a = row.props, a:` + uncountedLabel + `
SET a.addAliases = add, a.pending = token`

	// addAliasesQuery leaves aliases for Flush on article $id.
	addAliasesQuery = `MATCH (a:Article {id: $id})
SET a.addAliases = coalesce(a.addAliases, []) + $add`

	// pruneMentionsQuery deletes the MENTIONS of entities an article no
	// longer mentions (the article's recount lists them).
	pruneMentionsQuery = `UNWIND $rows AS row
MATCH (:Article {id: row.id})-[m:MENTIONS]->(e:Entity)
WHERE NOT e.id IN row.entities
DELETE m`

	// newMentionsQuery creates the MENTIONS of articles new to the
	// database, one row per article. Articles and entities are found by
	// element ID (see step.byElementID).
	newMentionsQuery = `UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = $articles[row.article]
UNWIND row.mentions AS m
MATCH (e) WHERE elementId(e) = $entities[m.entity]
CREATE (a)-[:MENTIONS {count: m.count}]->(e)
RETURN count(*)`

	// mentionsQuery sets the MENTIONS counts of articles loaded before
	// (never increments them), so loading again is a no-op.
	mentionsQuery = `UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count`
)

// uncountedLabel marks the articles whose MENTIONS the mention sums of
// their entities may not include yet.
const uncountedLabel = "Uncounted"

// The queries of Flush. pendingQuery returns up to $limit articles marked
// Uncounted, each with the entities it mentions and those of its recount
// list, and the aliases it holds for entities (addAliases); aliasQuery
// adds aliases and folded names to entities, as entityQuery does;
// recountQuery sets the mention sums of entities $ids to the sums of their
// MENTIONS counts, writing only those that change; unmarkQuery removes
// the marks of the articles of $rows that still hold the token read.
const (
	pendingQuery = `MATCH (a:Article:` + uncountedLabel + `)
WITH a LIMIT $limit
RETURN a.id, [(a)-[:MENTIONS]->(e:Entity) | e.id] + coalesce(a.recount, []), coalesce(a.addAliases, []), coalesce(a.pending, '')`

	aliasQuery = `UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
WITH e, row
WHERE any(x IN row.aliases WHERE NOT x IN coalesce(e.aliases, []))
   OR any(x IN row.folded WHERE NOT x IN coalesce(e.folded, []))
SET e.aliases = coalesce(e.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(e.aliases, [])],
    e.folded = coalesce(e.folded, []) + [x IN row.folded WHERE NOT x IN coalesce(e.folded, [])]
WITH e
CALL {
  WITH e
  UNWIND e.aliases AS x
  WITH x ORDER BY x
  RETURN collect(x) AS aliases
}
CALL {
  WITH e
  UNWIND e.folded AS x
  WITH x ORDER BY x
  RETURN collect(x) AS folded
}
SET e.aliases = aliases, e.folded = folded`

	recountQuery = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  OPTIONAL MATCH (e)<-[m:MENTIONS]-(:Article)
  RETURN coalesce(sum(m.count), 0) AS n
}
WITH e, n
WHERE e.mentions IS NULL OR e.mentions <> n
SET e.mentions = n`

	unmarkQuery = `UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WHERE coalesce(a.pending, '') = row.pending
REMOVE a:` + uncountedLabel + `, a.recount, a.addAliases, a.pending`
)

// entityQuery merges entity rows, sorted by ID so that concurrent loads
// lock the entities they create in one order, and returns for each its
// ID, its element ID, and the aliases and folded names of the row that an
// existing entity lacks (for Flush to add): an entity is created with its
// type's label (row.label, from schema.Label), name, type, aliases,
// folded names and a mention sum of 0 (Flush sets it). An existing entity
// is only read.
const entityQuery = `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e:$(row.label), e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.folded = row.folded, e.mentions = 0
RETURN row.id, elementId(e),
  [x IN row.aliases WHERE NOT x IN coalesce(e.aliases, [])],
  [x IN row.folded WHERE NOT x IN coalesce(e.folded, [])]`

// pruneRelationsQuery returns the query that deletes relations by key:
// those an article contributed in an earlier load and no longer has (the
// Article node lists its relations' keys in relationKeys). Relationships
// are found through the key constraints' indexes, one unit subquery per
// relationship type, so the cost does not grow with the degree of the
// entities. Load runs it only when a re-loaded article lost relations.
func pruneRelationsQuery(relTypes []string) string {
	var b strings.Builder
	b.WriteString(`UNWIND $rows AS row`)
	for _, t := range relTypes {
		b.WriteString("\nCALL {\n  WITH row\n  MATCH ()-[r:" + quote(t) + " {key: row.key}]->()\n  DELETE r\n}")
	}
	return b.String()
}

// loadedQuery returns the ids of the articles of $rows that the database
// holds with the same content hash.
const loadedQuery = `UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WHERE a.sha256 = row.sha256
RETURN a.id`

// relationProperties are the properties relationProps may give a
// relationship.
var relationProperties = []string{"key", "article", "sentence", "start", "end", "confidence", "evidence", "date", "date_source", "date_precision", "tense", "cameo", "role"}

// newRelationQuery creates relation rows of articles new to the
// database, of any type: row.type, from schema.RelType. Entities are
// found by element ID (see step.byElementID). (A relationship
// type given as a parameter is as safe as a label in the text, and one
// query shape serves every type.) The properties are written in the
// pattern, those absent from row.props being null, that is, not set: a
// SET r = row.props would make the planner materialize every row first
// (an Eager), as the map could name any property.
var newRelationQuery = func() string {
	props := make([]string, len(relationProperties))
	for i, p := range relationProperties {
		props[i] = quote(p) + ": row.props." + quote(p)
	}
	return `UNWIND $rows AS row
MATCH (s) WHERE elementId(s) = $entities[row.subject]
MATCH (o) WHERE elementId(o) = $entities[row.object]
CREATE (s)-[:$(row.type) {` + strings.Join(props, ", ") + `}]->(o)
RETURN count(*)`
}()

// relationQuery returns the query that merges relation rows of one
// relationship type, on their keys, for articles loaded before; a
// relation's properties are replaced by the row's, but the copies that
// support it (supportSet). The type is in the text, so that MERGE finds
// the relationship through the type's key index.
func relationQuery(relType string) string {
	return `UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:` + quote(relType) + ` {key: row.key}]->(o)
WITH r, row, coalesce(r.copies, []) AS copies
SET r = row.props
WITH r, copies` + supportSet
}

// supportSet ends a query that has, for each relationship r, the IDs of
// the copies that support it in copies: it sets r.copies (sorted, without
// duplicates), r.support (their number and one for r's own article) and
// r.first_reported and r.last_reported (the earliest and latest
// publication dates among r's article and the copies), and removes them
// all when there are no copies.
const supportSet = `
CALL {
  WITH copies
  UNWIND copies AS c
  WITH DISTINCT c ORDER BY c
  RETURN collect(c) AS sorted
}
CALL {
  WITH r, sorted
  MATCH (a:Article) WHERE a.id IN sorted + [r.article] AND a.published IS NOT NULL
  WITH a.published AS d ORDER BY d
  RETURN collect(d) AS dates
}
SET r.copies = CASE WHEN sorted = [] THEN null ELSE sorted END,
    r.support = CASE WHEN sorted = [] THEN null ELSE size(sorted) + 1 END,
    r.first_reported = CASE WHEN sorted = [] THEN null ELSE head(dates) END,
    r.last_reported = CASE WHEN sorted = [] THEN null ELSE last(dates) END`

// supportQuery returns the query that adds copies to (row.on) and
// removes them from the copies supporting relationships of one type,
// found by key, and recounts their support (supportSet). It takes each
// relationship's write lock before it reads its copies, so that
// concurrent loads of two copies of one article add both.
func supportQuery(relType string) string {
	return `UNWIND $rows AS row
MATCH ()-[r:` + quote(relType) + ` {key: row.key}]->()
WITH r, collect(row) AS rows
SET r.support = coalesce(r.support, 1)
WITH r, [x IN rows WHERE x.on | x.article] AS add, [x IN rows WHERE NOT x.on | x.article] AS drop
WITH r, [x IN coalesce(r.copies, []) WHERE NOT x IN add AND NOT x IN drop] + add AS copies` + supportSet
}

// supportEntry encodes a relation supported by a copy for
// Article.supportKeys: its type and key.
func supportEntry(s schema.Support) string { return string(s.Type) + " " + s.Key }

// parseSupportEntry decodes a supportEntry.
func parseSupportEntry(e string) (schema.Support, bool) {
	t, k, ok := strings.Cut(e, " ")
	if !ok || !schema.RelationType(t).Valid() || k == "" {
		return schema.Support{}, false
	}
	return schema.Support{Type: schema.RelationType(t), Key: k}, true
}

// articleRelationsQuery returns the query of ArticleRelations: the
// relationships whose keys the articles $ids list in relationKeys, each
// found through its type's key index.
var articleRelationsQuery = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString("UNWIND $ids AS id\nMATCH (a:Article {id: id})\nUNWIND coalesce(a.relationKeys, []) AS key\nCALL {")
	for i, t := range schema.RelationTypes() {
		rt, _ := schema.RelType(t) // ontology types are valid
		if i > 0 {
			b.WriteString("\n  UNION")
		}
		b.WriteString("\n  WITH key\n  MATCH (s:Entity)-[r:" + quote(rt) + " {key: key}]->(o:Entity)\n  RETURN s.id AS s, type(r) AS t, o.id AS o, properties(r) AS p")
	}
	b.WriteString("\n}\nRETURN s, t, o, p")
	return b.String()
})

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
	name  string // for errors: "articles", "relations MEETS again", ...
	query string
	rows  []map[string]any
	// byElementID says that the query finds the batch's articles and
	// entities by element ID, in the parameters $articles and $entities
	// (maps from ID to element ID, which the lock and entity queries
	// return): a seek by element ID costs less than one in a uniqueness
	// index, and takes no lock on the index entry. Element IDs are valid
	// within the transaction that read them.
	byElementID bool
	// entities says that the query returns the ID and element ID of
	// every entity it merges.
	entities bool
	// creates, when set, gives the number of relationships the query
	// creates for rows, which it returns: a row whose ends were not
	// found would be dropped silently.
	creates func(rows []map[string]any) int64
}

// contribution is what one article puts in the graph besides its node:
// its relations' keys and the entities it mentions, both sorted; and, for
// an article in the database, the entities whose mention sums wait for a
// recount because it stopped mentioning them.
type contribution struct {
	keys     []string
	entities []string
	recount  []string
	// supports are the relations the article supports as a copy
	// (supportEntry), sorted.
	supports []string
}

// loadPlan is how a batch of valid extractions is written.
type loadPlan struct {
	// ids are the batch's distinct article IDs, sorted (the order in which
	// they are locked).
	ids []string
	// articles holds, by ID, what the last extraction of each article
	// writes.
	articles map[string]*articleRows
	// entities are the batch's entities, in first-seen order.
	entities []*entityRow
}

// articleRows are the rows that write one article.
type articleRows struct {
	article   map[string]any
	mentions  []graph.Mention
	relations map[schema.RelationType][]map[string]any
	contribution
}

// withRecount returns the article row with recount, the entities whose
// mention sums wait for a recount, among its properties (none when empty).
func (a *articleRows) withRecount(recount []string) map[string]any {
	if len(recount) == 0 {
		return a.article
	}
	props := maps.Clone(a.article["props"].(map[string]any))
	props["recount"] = recount
	return map[string]any{"id": a.article["id"], "props": props}
}

// plan turns a batch of valid extractions into a plan to load it. When an
// article occurs more than once in the batch its last extraction wins, as
// if the extractions were loaded one after another; entity aliases are
// unioned over all of them.
func plan(batch []schema.Extraction) (*loadPlan, error) {
	last := make(map[string]int, len(batch))
	for i, x := range batch {
		last[x.Article.ID] = i
	}
	p := &loadPlan{articles: make(map[string]*articleRows, len(last))}
	entities := make(map[string]*entityRow)
	for i, x := range batch {
		for _, e := range x.Entities {
			r := entities[e.ID]
			if r == nil {
				r = &entityRow{id: e.ID, name: e.Name, typ: e.Type}
				entities[e.ID] = r
				p.entities = append(p.entities, r)
			}
			r.aliases = append(r.aliases, e.Name)
			r.aliases = append(r.aliases, e.Aliases...)
		}
		if last[x.Article.ID] != i {
			continue
		}
		a := &articleRows{mentions: graph.Mentions(x), relations: make(map[schema.RelationType][]map[string]any)}
		a.entities = make([]string, len(a.mentions))
		for i, m := range a.mentions {
			a.entities[i] = m.Entity
		}
		a.keys = make([]string, 0, len(x.Relations))
		for _, r := range x.Relations {
			rt, err := schema.RelType(r.Type)
			if err != nil {
				return nil, err
			}
			a.keys = append(a.keys, r.Key)
			a.relations[r.Type] = append(a.relations[r.Type], map[string]any{
				"subject": r.Subject, "object": r.Object, "key": r.Key, "type": rt, "props": relationProps(r),
			})
		}
		a.keys = sortedSet(a.keys)
		for _, sp := range x.Supports {
			a.supports = append(a.supports, supportEntry(sp))
		}
		if len(a.supports) > 0 {
			a.supports = sortedSet(a.supports)
		}
		props := articleProps(x.Article)
		props["relationKeys"] = a.keys
		if len(a.supports) > 0 {
			props["supportKeys"] = a.supports
		}
		a.article = map[string]any{"id": x.Article.ID, "props": props}
		p.articles[x.Article.ID] = a
		p.ids = append(p.ids, x.Article.ID)
	}
	slices.Sort(p.ids)
	return p, nil
}

// steps returns the steps that write the batch, given what the database
// holds of its articles (old, by ID; articles not in old are new to it):
// deletion of what articles loaded before no longer contribute, articles,
// entities, MENTIONS, relations (by type for articles loaded before).
func (p *loadPlan) steps(old map[string]contribution) ([]step, error) {
	var articles, newMentions, mentions, stale, lost []map[string]any
	newRels := make(map[schema.RelationType][]map[string]any)
	rels := make(map[schema.RelationType][]map[string]any)
	supports := make(map[schema.RelationType][]map[string]any)
	for _, id := range p.ids {
		a := p.articles[id]
		was, loaded := old[id]
		for _, e := range was.supports {
			if _, found := slices.BinarySearch(a.supports, e); !found {
				if sp, ok := parseSupportEntry(e); ok {
					supports[sp.Type] = append(supports[sp.Type], map[string]any{"key": sp.Key, "article": id, "on": false})
				}
			}
		}
		for _, e := range a.supports {
			if sp, ok := parseSupportEntry(e); ok {
				supports[sp.Type] = append(supports[sp.Type], map[string]any{"key": sp.Key, "article": id, "on": true})
			}
		}
		if !loaded {
			articles = append(articles, a.article)
			ms := make([]map[string]any, len(a.mentions))
			for i, m := range a.mentions {
				ms[i] = map[string]any{"entity": m.Entity, "count": int64(m.Count)}
			}
			newMentions = append(newMentions, map[string]any{"article": id, "mentions": ms})
			for t, rows := range a.relations {
				newRels[t] = append(newRels[t], rows...)
			}
			continue
		}
		for _, k := range was.keys {
			if _, found := slices.BinarySearch(a.keys, k); !found {
				stale = append(stale, map[string]any{"key": k})
			}
		}
		recount := slices.Clone(was.recount)
		for _, e := range was.entities {
			if _, found := slices.BinarySearch(a.entities, e); !found {
				recount = append(recount, e)
			}
		}
		if len(recount) > len(was.recount) {
			lost = append(lost, map[string]any{"id": id, "entities": a.entities})
		}
		articles = append(articles, a.withRecount(sortedSet(recount)))
		for _, m := range a.mentions {
			mentions = append(mentions, map[string]any{"article": m.Article, "entity": m.Entity, "count": int64(m.Count)})
		}
		for t, rows := range a.relations {
			rels[t] = append(rels[t], rows...)
		}
	}

	var steps []step
	if len(stale) > 0 {
		q, err := pruneRelations()
		if err != nil {
			return nil, err
		}
		steps = append(steps, step{name: "stale relations", query: q, rows: stale})
	}
	if len(lost) > 0 {
		steps = append(steps, step{name: "stale mentions", query: pruneMentionsQuery, rows: lost})
	}
	steps = append(steps, step{name: "articles", query: articleQuery, rows: articles})
	ents := make([]map[string]any, len(p.entities))
	for i, r := range p.entities {
		row, err := r.row()
		if err != nil {
			return nil, err
		}
		ents[i] = row
	}
	slices.SortFunc(ents, func(a, b map[string]any) int { return strings.Compare(a["id"].(string), b["id"].(string)) })
	steps = append(steps, step{name: "entities", query: entityQuery, rows: ents, entities: true})
	if len(newMentions) > 0 {
		steps = append(steps, step{name: "mentions", query: newMentionsQuery, rows: newMentions, byElementID: true, creates: countMentions})
	}
	if len(mentions) > 0 {
		steps = append(steps, step{name: "mentions again", query: mentionsQuery, rows: mentions})
	}
	var created []map[string]any
	for _, t := range schema.RelationTypes() {
		created = append(created, newRels[t]...)
	}
	if len(created) > 0 {
		steps = append(steps, step{name: "relations", query: newRelationQuery, rows: created, byElementID: true, creates: countRows})
	}
	for _, t := range schema.RelationTypes() {
		if len(rels[t]) == 0 {
			continue
		}
		rt, err := schema.RelType(t)
		if err != nil {
			return nil, err
		}
		steps = append(steps, step{name: "relations " + rt + " again", query: relationQuery(rt), rows: rels[t]})
	}
	for _, t := range schema.RelationTypes() {
		if len(supports[t]) == 0 {
			continue
		}
		rt, err := schema.RelType(t)
		if err != nil {
			return nil, err
		}
		slices.SortFunc(supports[t], func(a, b map[string]any) int { return strings.Compare(a["key"].(string), b["key"].(string)) })
		steps = append(steps, step{name: "supports " + rt, query: supportQuery(rt), rows: supports[t]})
	}
	return steps, nil
}

// countRows is the number of relationships newRelationQuery creates for
// rows: one a row.
func countRows(rows []map[string]any) int64 { return int64(len(rows)) }

// countMentions is the number of relationships newMentionsQuery creates
// for rows: one a mention.
func countMentions(rows []map[string]any) int64 {
	n := 0
	for _, r := range rows {
		n += len(r["mentions"].([]map[string]any))
	}
	return int64(n)
}

// pruneRelations is the query of pruneRelationsQuery over every
// relationship type of the ontology.
var pruneRelations = sync.OnceValues(func() (string, error) {
	var names []string
	for _, t := range schema.RelationTypes() {
		rt, err := schema.RelType(t)
		if err != nil {
			return "", err
		}
		names = append(names, rt)
	}
	return pruneRelationsQuery(names), nil
})

type entityRow struct {
	id, name string
	typ      schema.EntityType
	aliases  []string // every name seen, the canonical name included
}

func (r *entityRow) row() (map[string]any, error) {
	label, err := schema.Label(r.typ)
	if err != nil {
		return nil, err
	}
	var aliases, folded []string
	folded = append(folded, names.Folded(r.name)...)
	for _, a := range r.aliases {
		if a != "" && a != r.name {
			aliases = append(aliases, a)
		}
		folded = append(folded, names.Folded(a)...)
	}
	return map[string]any{
		"id": r.id, "name": r.name, "type": string(r.typ),
		"label": label, "aliases": sortedSet(aliases), "folded": sortedSet(folded),
	}, nil
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
	put(p, "fingerprint", a.Fingerprint)
	put(p, "duplicate_of", a.DuplicateOf)
	put(p, "duplicate", a.Duplicate)
	if a.Similarity != 0 {
		p["similarity"] = a.Similarity
	}
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
	put(p, "date_source", r.DateSource)
	put(p, "date_precision", r.DatePrecision)
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
func chunks[T any](rows []T, n int) [][]T {
	var out [][]T
	for len(rows) > n {
		out = append(out, rows[:n:n])
		rows = rows[n:]
	}
	if len(rows) > 0 {
		out = append(out, rows)
	}
	return out
}
