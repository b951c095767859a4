package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// passPredicate is graph.Filter's test of a relationship r in Cypher, over
// the parameters of filterParams: r is an extracted relation (it has a
// key), of one of $types (any when empty), at least $minConfidence
// confident, a planned event or not as $tense says ('past', 'future' or
// null), dated within [$since, $until] when either is set, a
// relation without a date taking its article's published date and dates
// being compared on their common prefix, and from an article whose source,
// in lower case, is one of $sources (any when empty). The article is found
// through the Article id constraint's index, and only when a date bound or
// a source is set.
const passPredicate = `r.key IS NOT NULL
  AND ($types = [] OR type(r) IN $types)
  AND coalesce(r.confidence, 0.0) >= $minConfidence
  AND ($tense IS NULL OR ($tense = 'future') = (coalesce(r.tense, '') = 'future'))
  AND ($sources = [] OR toLower(coalesce(head(COLLECT { MATCH (a:Article {id: r.article}) RETURN a.source }), '')) IN $sources)
  AND (($since IS NULL AND $until IS NULL)
    OR any(d IN [left(coalesce(r.date, head(COLLECT { MATCH (a:Article {id: r.article}) RETURN a.published }), ''), 10)]
      WHERE d <> ''
        AND ($since IS NULL OR left($since, size(d)) <= left(d, size($since)))
        AND ($until IS NULL OR left(d, size($until)) <= left($until, size(d)))))`

// The queries of Subgraph, Star and ShortestPaths. Each has one shape
// whatever the input, so that Neo4j plans it once; the filter and every
// ID are parameters.
const (
	// seedsQuery keeps the IDs of entities that exist.
	seedsQuery = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN DISTINCT e.id`

	// expandQuery takes one breadth-first step: the entities one
	// passing relation away from the frontier, in either direction, not
	// visited yet. Each frontier entity is expanded once, so a hub costs
	// its degree, once, and no path is ever enumerated.
	expandQuery = `UNWIND $frontier AS id
MATCH (:Entity {id: id})-[r]-(o:Entity)
WHERE NOT o.id IN $visited AND ` + passPredicate + `
RETURN DISTINCT o.id`

	// inducedQuery returns the passing relations among the entities.
	inducedQuery = `UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r]->(o:Entity)
WHERE o.id IN $ids AND ` + passPredicate + `
RETURN s.id, type(r), o.id, properties(r)`

	// starQuery returns the passing relations of the entities $ids.
	starQuery = `UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(:Entity)
WHERE ` + passPredicate + `
WITH DISTINCT r
RETURN startNode(r).id, type(r), endNode(r).id, properties(r)`

	// pairsQuery returns the passing relations from the first to the
	// second entity of each pair.
	pairsQuery = `UNWIND $pairs AS pair
MATCH (s:Entity {id: pair[0]})-[r]->(o:Entity {id: pair[1]})
WHERE ` + passPredicate + `
RETURN s.id, type(r), o.id, properties(r)`

	entitiesQuery = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id, e.name, e.type, coalesce(e.aliases, []), coalesce(e.mentions, 0)`

	articlesQuery = `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN properties(a)`

	mentionsOfQuery = `UNWIND $articles AS id
MATCH (a:Article {id: id})-[m:MENTIONS]->(e:Entity)
WHERE e.id IN $entities
RETURN a.id, e.id, coalesce(m.count, 0)`
)

// pathsQuery returns the query of ShortestPaths: the distinct entity
// sequences of all shortest paths of at most maxHops relationships of the
// given types (from schema.RelType) between $from and $to, each at least
// $minConfidence confident. Only the ontology's relationship types join
// entities, so paths never pass through articles.
func pathsQuery(relTypes []string, maxHops int) string {
	q := make([]string, len(relTypes))
	for i, t := range relTypes {
		q[i] = "`" + strings.ReplaceAll(t, "`", "``") + "`"
	}
	return `MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:` + strings.Join(q, "|") + `*..` + strconv.Itoa(maxHops) + `]-(b))
WHERE all(r IN relationships(p) WHERE coalesce(r.confidence, 0.0) >= $minConfidence)
WITH DISTINCT [n IN nodes(p) | n.id] AS ids
RETURN ids
LIMIT $max`
}

// filterParams are the parameters of passPredicate for f.
func filterParams(f graph.Filter) map[string]any {
	types := make([]string, 0, len(f.Types))
	for _, t := range f.Types {
		types = append(types, string(t))
	}
	sources := make([]string, 0, len(f.Sources))
	for _, s := range f.Sources {
		sources = append(sources, strings.ToLower(s))
	}
	p := map[string]any{"types": types, "sources": sources, "minConfidence": f.MinConfidence, "since": nil, "until": nil, "tense": nil}
	if f.Tense != "" {
		p["tense"] = f.Tense
	}
	if f.Since != "" {
		p["since"] = f.Since
	}
	if f.Until != "" {
		p["until"] = f.Until
	}
	return p
}

// with returns a copy of p with the given key and value added.
func with(p map[string]any, kv ...any) map[string]any {
	out := maps.Clone(p)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// Subgraph returns the induced subgraph around the seed entity IDs (see
// graph/port's Reader), computed in Neo4j in one read
// transaction: a breadth-first walk of hops steps, one query a step over
// the frontier (UNWIND) with the visited entities excluded, so that each
// entity is expanded once and hubs cost their degree, never the number of
// paths through them; then the relations among the entities reached, with
// f applied, and their articles and mentions. No variable-length pattern
// is used.
func (s *Store) Subgraph(ctx context.Context, seeds []string, hops int, f graph.Filter) (*graph.Graph, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("subgraph: %w", err)
	}
	params := filterParams(f)
	g, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (*graph.Graph, error) {
		if seeds == nil {
			seeds = []string{}
		}
		t, err := collect(ctx, tx, seedsQuery, map[string]any{"ids": seeds})
		if err != nil {
			return nil, err
		}
		visited := make(map[string]bool)
		var order []string
		for _, row := range t.rows {
			id := str(row[0])
			visited[id] = true
			order = append(order, id)
		}
		frontier := slices.Clone(order)
		for range max(hops, 0) {
			if len(frontier) == 0 {
				break
			}
			t, err := collect(ctx, tx, expandQuery, with(params, "frontier", frontier, "visited", order))
			if err != nil {
				return nil, err
			}
			frontier = frontier[:0:0]
			for _, row := range t.rows {
				if id := str(row[0]); !visited[id] {
					visited[id] = true
					order = append(order, id)
					frontier = append(frontier, id)
				}
			}
		}
		if order == nil {
			order = []string{}
		}
		t, err = collect(ctx, tx, inducedQuery, with(params, "ids", order))
		if err != nil {
			return nil, err
		}
		return complete(ctx, tx, order, relationsOf(t.rows))
	})
	if err != nil {
		return nil, fmt.Errorf("subgraph: %w", err)
	}
	return g, nil
}

// Entity returns the entity with the given ID, with its aliases and
// mention sum; when there is none the error wraps graph.ErrNoEntity.
func (s *Store) Entity(ctx context.Context, id string) (schema.Entity, error) {
	t, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (table, error) {
		return collect(ctx, tx, entitiesQuery, map[string]any{"ids": []string{id}})
	})
	if err != nil {
		return schema.Entity{}, fmt.Errorf("entity %s: %w", id, err)
	}
	if len(t.rows) == 0 {
		return schema.Entity{}, fmt.Errorf("%w: id %s", graph.ErrNoEntity, id)
	}
	return entityOf(t.rows[0]), nil
}

// Star returns the relations that pass f with an end among the entities
// ids, with the entities at their ends, their articles and mentions (see
// graph/port's Reader), in one read transaction.
func (s *Store) Star(ctx context.Context, ids []string, f graph.Filter) (*graph.Graph, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("relations of %v: %w", ids, err)
	}
	if ids == nil {
		ids = []string{}
	}
	params := filterParams(f)
	g, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (*graph.Graph, error) {
		t, err := collect(ctx, tx, seedsQuery, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		known := make([]string, 0, len(t.rows))
		for _, row := range t.rows {
			known = append(known, str(row[0]))
		}
		t, err = collect(ctx, tx, starQuery, with(params, "ids", known))
		if err != nil {
			return nil, err
		}
		rels := relationsOf(t.rows)
		ends := slices.Clone(known)
		for _, r := range rels {
			ends = append(ends, r.Subject, r.Object)
		}
		return complete(ctx, tx, ends, rels)
	})
	if err != nil {
		return nil, fmt.Errorf("relations of %v: %w", ids, err)
	}
	return g, nil
}

// Timeline returns Star's graph in date order, cut to limit relations
// when limit is above zero (graph.Timeline).
func (s *Store) Timeline(ctx context.Context, ids []string, f graph.Filter, limit int) (*graph.Graph, error) {
	star, err := s.Star(ctx, ids, f)
	if err != nil {
		return nil, err
	}
	return graph.Timeline(star, ids, limit), nil
}

// ShortestPaths returns the shortest paths between two entities (see
// graph/port's Reader), found by Neo4j's
// allShortestPaths bounded by maxHops (a bidirectional breadth-first
// search), at most graph.MaxPaths distinct entity sequences of them; then
// the relations of each hop that pass f, in one read transaction.
func (s *Store) ShortestPaths(ctx context.Context, from, to string, maxHops int, f graph.Filter, limit int) (*graph.Paths, error) {
	if err := graph.CheckPaths(from, to, maxHops, f, limit); err != nil {
		return nil, err
	}
	types := f.Types
	if len(types) == 0 {
		types = schema.RelationTypes()
	}
	relTypes := make([]string, 0, len(types))
	for _, t := range types {
		rt, err := schema.RelType(t)
		if err != nil {
			return nil, err
		}
		relTypes = append(relTypes, rt)
	}
	params := filterParams(f)
	p, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (*graph.Paths, error) {
		t, err := collect(ctx, tx, pathsQuery(relTypes, maxHops), map[string]any{
			"from": from, "to": to, "minConfidence": f.MinConfidence, "max": int64(graph.MaxPaths)})
		if err != nil {
			return nil, err
		}
		p := &graph.Paths{IDs: [][]string{}}
		var ids []string
		pairs := make(map[[2]string]bool)
		for _, row := range t.rows {
			path := strs(row[0])
			p.IDs = append(p.IDs, path)
			ids = append(ids, path...)
			for i := 1; i < len(path); i++ {
				pairs[[2]string{path[i-1], path[i]}] = true
				pairs[[2]string{path[i], path[i-1]}] = true
			}
		}
		list := make([][]string, 0, len(pairs))
		for pr := range pairs {
			list = append(list, []string{pr[0], pr[1]})
		}
		slices.SortFunc(list, func(a, b []string) int { return slices.Compare(a, b) })
		t, err = collect(ctx, tx, pairsQuery, with(params, "pairs", list))
		if err != nil {
			return nil, err
		}
		p.Graph, err = complete(ctx, tx, ids, relationsOf(t.rows))
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("paths from %s to %s: %w", from, to, err)
	}
	p.Trim(limit)
	return p, nil
}

// read runs work in a managed read transaction. Driver errors are
// returned unwrapped from the callback, so that the driver retries.
func read[T any](ctx context.Context, s *Store, work func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	return neo4j.ExecuteRead(ctx, sess, work)
}

// complete returns the graph of the given entity IDs (duplicates allowed)
// and relations, with the articles the relations cite and the mentions of
// those entities by those articles, sorted (graph.Graph.Sort).
func complete(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, rels []schema.Relation) (*graph.Graph, error) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if ids == nil {
		ids = []string{}
	}
	g := &graph.Graph{Articles: []schema.Article{}, Entities: []schema.Entity{}, Relations: rels}
	if g.Relations == nil {
		g.Relations = []schema.Relation{}
	}
	t, err := collect(ctx, tx, entitiesQuery, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, row := range t.rows {
		g.Entities = append(g.Entities, entityOf(row))
	}
	cited := make([]string, 0, len(rels))
	for _, r := range rels {
		cited = append(cited, r.Article)
	}
	slices.Sort(cited)
	cited = slices.Compact(cited)
	t, err = collect(ctx, tx, articlesQuery, map[string]any{"ids": cited})
	if err != nil {
		return nil, err
	}
	for _, row := range t.rows {
		p, _ := row[0].(map[string]any)
		g.Articles = append(g.Articles, articleOf(p))
	}
	t, err = collect(ctx, tx, mentionsOfQuery, map[string]any{"articles": cited, "entities": ids})
	if err != nil {
		return nil, err
	}
	for _, row := range t.rows {
		n, _ := row[2].(int64)
		g.Mentions = append(g.Mentions, graph.Mention{Article: str(row[0]), Entity: str(row[1]), Count: int(n)})
	}
	g.Sort()
	return g, nil
}

// relationsOf reads relations from columns subject, type, object,
// properties.
func relationsOf(rows [][]any) []schema.Relation {
	out := make([]schema.Relation, 0, len(rows))
	for _, row := range rows {
		p, _ := row[3].(map[string]any)
		out = append(out, schema.Relation{
			Key:           str(p["key"]),
			Type:          schema.RelationType(str(row[1])),
			Subject:       str(row[0]),
			Object:        str(row[2]),
			Article:       str(p["article"]),
			Sentence:      integer(p["sentence"]),
			Evidence:      str(p["evidence"]),
			Start:         integer(p["start"]),
			End:           integer(p["end"]),
			Date:          str(p["date"]),
			DateSource:    str(p["date_source"]),
			DatePrecision: str(p["date_precision"]),
			Tense:         str(p["tense"]),
			Confidence:    number(p["confidence"]),
			CAMEO:         str(p["cameo"]),
			Role:          str(p["role"]),
			Support:       integer(p["support"]),
			Copies:        strs(p["copies"]),
			FirstReported: str(p["first_reported"]),
			LastReported:  str(p["last_reported"]),
		})
	}
	return out
}

// articleOf reads an article from an Article node's properties.
func articleOf(p map[string]any) schema.Article {
	return schema.Article{
		ID:        str(p["id"]),
		Ref:       str(p["ref"]),
		Title:     str(p["title"]),
		Source:    str(p["source"]),
		Published: str(p["published"]),
		URL:       str(p["url"]),
		Place:     str(p["place"]),
		SHA256:    str(p["sha256"]),
		// The fingerprint is the store's, for finding copies: not
		// returned.
		DuplicateOf: str(p["duplicate_of"]),
		Duplicate:   str(p["duplicate"]),
		Similarity:  number(p["similarity"]),
	}
}

func integer(v any) int {
	switch v := v.(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

func number(v any) float64 {
	switch v := v.(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}
