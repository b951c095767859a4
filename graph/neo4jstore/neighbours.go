package neo4jstore

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"golang.org/x/sync/errgroup"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// The queries of Neighbours, Edges and Sources.
const (
	// neighbourPredicate is graph.Filter's test of a relationship r, as
	// passPredicate, over the same parameters, for the explorer's
	// queries of a hub's neighbourhood: each test is skipped when its
	// filter is not set, so that the unfiltered walk reads no property
	// of the relationships, an article is looked up only for a relation
	// without a date, and r is not asked for its key (the
	// queries match only the ontology's relationship types between
	// entities, which kg writes with keys).
	neighbourPredicate = `($types = [] OR type(r) IN $types)
  AND ($minConfidence <= 0.0 OR coalesce(r.confidence, 0.0) >= $minConfidence)
  AND ($tense IS NULL OR ($tense = 'future') = (coalesce(r.tense, '') = 'future'))
  AND ($sources = [] OR toLower(coalesce(head(COLLECT { MATCH (a:Article {id: r.article}) RETURN a.source }), '')) IN $sources)
  AND (($since IS NULL AND $until IS NULL)
    OR any(d IN [left(CASE WHEN r.date IS NOT NULL THEN r.date
        ELSE coalesce(head(COLLECT { MATCH (a:Article {id: r.article}) RETURN a.published }), '') END, 10)]
      WHERE d <> ''
        AND ($since IS NULL OR left($since, size(d)) <= left(d, size($since)))
        AND ($until IS NULL OR left(d, size($until)) <= left($until, size(d)))))`

	// The queries of Neighbours take the relationship types and the
	// predicate (neighbourPredicate, or true when the filter asks nothing
	// of the relationships' properties): two shapes for each set of
	// types, each planned once.

	// neighbourTotalQuery counts the neighbours of $id.
	neighbourTotalQuery = `MATCH (e:Entity {id: $id})-[r:%s]-(o:Entity)
WHERE o <> e AND %s
RETURN count(DISTINCT o)`

	// neighbourPageQuery returns the page [$offset, $offset+$limit) of
	// the neighbours of $id, the most related first, then by name and
	// ID: Neo4j keeps the best rows only as it reads (a top-k sort).
	neighbourPageQuery = `MATCH (e:Entity {id: $id})-[r:%s]-(o:Entity)
WHERE o <> e AND %s
WITH o, count(*) AS c
ORDER BY c DESC, o.name, o.id
SKIP $offset LIMIT $limit
RETURN o.id, o.name, o.type, coalesce(o.aliases, []), coalesce(o.mentions, 0), c`

	// linksQuery counts the relations between $id and each entity of
	// $page by type and direction; each pair is read from its end with
	// fewer relationships.
	linksQuery = `UNWIND $page AS pid
MATCH (o:Entity {id: pid})
MATCH (e:Entity {id: $id})
MATCH (e)-[r:%s]-(o)
WHERE %s
RETURN pid, type(r), startNode(r) = e, count(*)`

	// relationCountsQuery counts the relations of $id that pass by type.
	relationCountsQuery = `MATCH (e:Entity {id: $id})-[r:%s]-(:Entity)
WHERE %s
WITH DISTINCT r
RETURN type(r), count(*)`

	// edgesQuery counts the passing relations from an entity of $ids to
	// one of $all, then those from one of $into to one of $ids: each
	// relationship is read from its end in $ids, so the cost is the
	// degree of the entities of $ids. (The variable a is
	// passPredicate's.)
	edgesQuery = `UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r]->(y:Entity)
WHERE y.id IN $all AND ` + passPredicate + `
RETURN x.id AS s, type(r) AS t, y.id AS o, count(*) AS n
UNION ALL
UNWIND $ids AS id
MATCH (x:Entity {id: id})<-[r]-(y:Entity)
WHERE y.id IN $into AND ` + passPredicate + `
RETURN y.id AS s, type(r) AS t, x.id AS o, count(*) AS n`

	// denseEdgesQuery counts the passing relations from an entity of
	// $dense to one of $to, then those from one of $from to one of
	// $dense, pair by pair: Neo4j reads the relationships between two
	// nodes from the one that has fewer, so a hub's are not read.
	denseEdgesQuery = `UNWIND $dense AS id
MATCH (x:Entity {id: id})
UNWIND $to AS yid
MATCH (y:Entity {id: yid})
MATCH (x)-[r]->(y)
WHERE ` + passPredicate + `
RETURN x.id AS s, type(r) AS t, y.id AS o, count(*) AS n
UNION ALL
UNWIND $dense AS id
MATCH (x:Entity {id: id})
UNWIND $from AS yid
MATCH (y:Entity {id: yid})
MATCH (y)-[r]->(x)
WHERE ` + passPredicate + `
RETURN y.id AS s, type(r) AS t, x.id AS o, count(*) AS n`

	// degreeQuery returns the number of relationships of each entity.
	degreeQuery = `UNWIND $ids AS id
MATCH (x:Entity {id: id})
RETURN id, COUNT { (x)--() }`

	sourcesQuery = `MATCH (a:Article)
WHERE a.source IS NOT NULL AND a.source <> ''
RETURN a.source, count(*)`
)

// Neighbours returns one page of the neighbourhood of entity id, as
// graph.Graph.Neighbours defines it, from queries that aggregate in
// Neo4j: however many neighbours a hub has, only the page travels. The
// neighbours are counted, and the page ranked (a top-k sort), in two
// passes over the entity's relationships, run at the same time in two
// read transactions, which read only the relationships of f's types and,
// when f asks nothing else, no property of them (and then the counts by
// type are the node's degrees, which Neo4j keeps); the page's relations by type and direction are read from
// the page's side. Only the ontology's relationship types between
// entities count, whatever their properties.
func (s *Store) Neighbours(ctx context.Context, id string, f graph.Filter, offset, limit int) (*graph.Neighbours, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	offset = max(offset, 0)
	lim := int64(math.MaxInt32) // no limit
	if limit > 0 {
		lim = int64(limit)
	}
	// The types are in the pattern: Neo4j reads only the relationships of
	// those types of a node that has many.
	types := ontologyTypes()
	if len(f.Types) > 0 {
		types = types[:0]
		for _, t := range f.Types {
			rt, err := schema.RelType(t)
			if err != nil {
				return nil, fmt.Errorf("neighbours of %s: %w", id, err)
			}
			types = append(types, rt)
		}
	}
	params := with(filterParams(f), "id", id, "offset", int64(offset), "limit", lim)
	// Without a filter on the relationships' properties (types are in the
	// pattern), the predicate is true and the counts by type are degrees.
	empty := f.MinConfidence <= 0 && f.Since == "" && f.Until == "" && f.Tense == "" && len(f.Sources) == 0
	pattern, pred := typePattern(types), neighbourPredicate
	if empty {
		pred = "true"
	}
	q := func(query string) string { return fmt.Sprintf(query, pattern, pred) }
	// The counts and the page are two passes over the entity's
	// relationships: two transactions, run at the same time.
	out := &graph.Neighbours{ByType: map[schema.RelationType]int{}, List: []graph.Neighbour{}}
	var list []graph.Neighbour
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		_, err := read(gctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			byType, relations := map[schema.RelationType]int{}, 0
			if empty {
				t, err := collect(gctx, tx, degreesQuery(types), params)
				if err != nil {
					return struct{}{}, err
				}
				for _, row := range t.rows {
					for i, c := range row {
						if n := integer(c); n > 0 {
							byType[schema.RelationType(types[i])] = n
							relations += n
						}
					}
				}
			} else {
				t, err := collect(gctx, tx, q(relationCountsQuery), params)
				if err != nil {
					return struct{}{}, err
				}
				for _, row := range t.rows {
					c := integer(row[1])
					byType[schema.RelationType(str(row[0]))] = c
					relations += c
				}
			}
			total := 0
			if relations > 0 {
				t, err := collect(gctx, tx, q(neighbourTotalQuery), params)
				if err != nil {
					return struct{}{}, err
				}
				if len(t.rows) > 0 {
					total = integer(t.rows[0][0])
				}
			}
			out.ByType, out.Relations, out.Total = byType, relations, total
			return struct{}{}, nil
		})
		return err
	})
	g.Go(func() error {
		var err error
		list, err = read(gctx, s, func(tx neo4j.ManagedTransaction) ([]graph.Neighbour, error) {
			t, err := collect(gctx, tx, q(neighbourPageQuery), params)
			if err != nil {
				return nil, err
			}
			list := make([]graph.Neighbour, 0, len(t.rows))
			page := make([]string, 0, len(t.rows))
			index := make(map[string]int, len(t.rows))
			for _, row := range t.rows {
				nb := graph.Neighbour{Entity: entityOf(row[:5]), Count: integer(row[5])}
				index[nb.Entity.ID] = len(list)
				page = append(page, nb.Entity.ID)
				list = append(list, nb)
			}
			if len(page) == 0 {
				return list, nil
			}
			t, err = collect(gctx, tx, q(linksQuery), with(params, "page", page))
			if err != nil {
				return nil, err
			}
			for _, row := range t.rows {
				i, ok := index[str(row[0])]
				if !ok {
					continue
				}
				isOut, _ := row[2].(bool)
				list[i].Links = append(list[i].Links, graph.Link{Type: schema.RelationType(str(row[1])), Out: isOut, Count: integer(row[3])})
			}
			return list, nil
		})
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	for i := range list {
		graph.SortLinks(list[i].Links)
	}
	// Neo4j and Go may order names differently beyond the Basic
	// Multilingual Plane; the page is put in Go's order.
	graph.SortNeighbours(list)
	out.List = list
	return out, nil
}

// ontologyTypes returns the relationship types of the ontology's
// relation types (schema.RelType), in schema order.
func ontologyTypes() []string {
	var out []string
	for _, spec := range schema.Relations {
		if rt, err := schema.RelType(spec.Type); err == nil {
			out = append(out, rt)
		}
	}
	return out
}

// typePattern returns the relationship types as a pattern: A|B|C, each
// quoted with backticks.
func typePattern(types []string) string {
	q := make([]string, len(types))
	for i, t := range types {
		q[i] = "`" + strings.ReplaceAll(t, "`", "``") + "`"
	}
	return strings.Join(q, "|")
}

// degreesQuery returns the number of relationships of each type of
// $id, in the order of types: Neo4j keeps these counts on the node, so
// the query reads no relationship.
func degreesQuery(types []string) string {
	cols := make([]string, len(types))
	for i, t := range types {
		cols[i] = "COUNT { (e)-[:" + typePattern([]string{t}) + "]-() }"
	}
	return "MATCH (e:Entity {id: $id})\nRETURN " + strings.Join(cols, ", ")
}

// denseAt returns the number of relationships beyond which Edges reads
// an entity's relations pair by pair, with the n entities it looks for,
// rather than all of them: past 20 a pair, and at least 1,000. (A
// variable for the tests.)
var denseAt = func(n int) int { return max(1000, 20*n) }

// Edges returns the relations that pass f between two entities of ids, or
// between an entity of ids and one of others, counted by subject, type
// and object, as graph.Graph.Edges defines them, in one read transaction
// that counts in Neo4j. The relationships of an entity of ids are read
// from it, unless it has many more than the entities looked for (a hub,
// see denseAt): those are looked
// for pair by pair with the entities of ids and others, each pair from
// its end with fewer relationships. So adding a few entities to a view
// that holds a hub, or a hub to a view, does not read the hub's
// relationships.
func (s *Store) Edges(ctx context.Context, ids, others []string, f graph.Filter) ([]graph.Edge, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	rest := make([]string, 0, len(others))
	for _, o := range others {
		if _, found := slices.BinarySearch(ids, o); !found {
			rest = append(rest, o)
		}
	}
	slices.Sort(rest)
	rest = slices.Compact(rest)
	params := filterParams(f)
	out, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]graph.Edge, error) {
		t, err := collect(ctx, tx, degreeQuery, map[string]any{"ids": nonNil(ids)})
		if err != nil {
			return nil, err
		}
		dense := map[string]bool{}
		for _, row := range t.rows {
			if integer(row[1]) > denseAt(len(ids)+len(rest)) {
				dense[str(row[0])] = true
			}
		}
		var sparse, hubs []string
		for _, id := range ids {
			if dense[id] {
				hubs = append(hubs, id)
			} else {
				sparse = append(sparse, id)
			}
		}
		// A relation is counted once: from its sparse end in ids when
		// it has one (both ends when both are: from its subject), else
		// from its hub.
		all := append(slices.Clone(ids), rest...)
		into := append(slices.Clone(rest), hubs...)
		t, err = collect(ctx, tx, edgesQuery, with(params, "ids", nonNil(sparse), "all", all, "into", into))
		if err != nil {
			return nil, err
		}
		rows := t.rows
		if len(hubs) > 0 {
			t, err = collect(ctx, tx, denseEdgesQuery, with(params, "dense", hubs, "to", append(slices.Clone(hubs), rest...), "from", nonNil(rest)))
			if err != nil {
				return nil, err
			}
			rows = append(rows, t.rows...)
		}
		out := make([]graph.Edge, 0, len(rows))
		for _, row := range rows {
			out = append(out, graph.Edge{Subject: str(row[0]), Type: schema.RelationType(str(row[1])), Object: str(row[2]), Count: integer(row[3])})
		}
		return out, nil
	})
	if err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	graph.SortEdges(out)
	return out, nil
}

// nonNil returns ss, or an empty list for nil (a Cypher list, not null).
func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// Sources returns the sources of the articles and their counts, as
// graph.Graph.Sources does.
func (s *Store) Sources(ctx context.Context) ([]graph.SourceCount, error) {
	out, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]graph.SourceCount, error) {
		t, err := collect(ctx, tx, sourcesQuery, nil)
		if err != nil {
			return nil, err
		}
		out := make([]graph.SourceCount, 0, len(t.rows))
		for _, row := range t.rows {
			out = append(out, graph.SourceCount{Source: str(row[0]), Articles: integer(row[1])})
		}
		return out, nil
	})
	if err != nil {
		return nil, fmt.Errorf("article sources: %w", err)
	}
	graph.SortSources(out)
	return out, nil
}
