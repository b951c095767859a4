package neo4jstore

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// The queries of Neighbours and Sources.
const (
	// neighboursQuery ranks the neighbours of $id by the number of
	// passing relations, in Neo4j: the entity's relationships are read
	// once and aggregated, and only the page [$offset, $offset+$limit)
	// is returned, with the number of neighbours.
	neighboursQuery = `MATCH (e:Entity {id: $id})-[r]-(o:Entity)
WHERE o <> e AND ` + passPredicate + `
WITH o, type(r) AS t, startNode(r) = e AS out, count(*) AS n
WITH o, sum(n) AS c, collect([t, out, n]) AS links
ORDER BY c DESC, o.name, o.id
WITH collect([o.id, o.name, o.type, coalesce(o.aliases, []), coalesce(o.mentions, 0), c, links]) AS rows
RETURN size(rows), rows[$offset..$end]`

	// relationCountsQuery counts the passing relations of $id by type.
	relationCountsQuery = `MATCH (e:Entity {id: $id})-[r]-(:Entity)
WHERE ` + passPredicate + `
WITH DISTINCT r
RETURN type(r), count(*)`

	// edgesQuery counts the passing relations from an entity of $ids to
	// one of $ids or $others, then those from one of $others to one of
	// $ids ($ids and $others disjoint): each relationship is read from
	// its end in $ids, so the cost is the degree of the entities of
	// $ids, whatever the degree of the others. (The variable a is
	// passPredicate's.)
	edgesQuery = `UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r]->(y:Entity)
WHERE (y.id IN $ids OR y.id IN $others) AND ` + passPredicate + `
RETURN x.id AS s, type(r) AS t, y.id AS o, count(*) AS n
UNION ALL
UNWIND $ids AS id
MATCH (x:Entity {id: id})<-[r]-(y:Entity)
WHERE y.id IN $others AND ` + passPredicate + `
RETURN y.id AS s, type(r) AS t, x.id AS o, count(*) AS n`

	sourcesQuery = `MATCH (a:Article)
WHERE a.source IS NOT NULL AND a.source <> ''
RETURN a.source, count(*)`
)

// Neighbours returns one page of the neighbourhood of entity id, as
// graph.Graph.Neighbours defines it, in one read transaction of two
// queries that aggregate in Neo4j: however many neighbours a hub has, only
// the page travels. Each reads the entity's relationships once, so the
// cost is the entity's degree (with a look-up of the article of each
// relationship when f has dates or sources).
func (s *Store) Neighbours(ctx context.Context, id string, f graph.Filter, offset, limit int) (*graph.Neighbours, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	offset = min(max(offset, 0), math.MaxInt32) // Cypher's list slices take 32-bit bounds
	end := int64(math.MaxInt32)                 // no limit
	if limit > 0 {
		end = int64(min(offset+min(limit, math.MaxInt32), math.MaxInt32))
	}
	params := with(filterParams(f), "id", id, "offset", int64(offset), "end", end)
	n, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (*graph.Neighbours, error) {
		out := &graph.Neighbours{ByType: map[schema.RelationType]int{}, List: []graph.Neighbour{}}
		t, err := collect(ctx, tx, relationCountsQuery, params)
		if err != nil {
			return nil, err
		}
		for _, row := range t.rows {
			c := integer(row[1])
			out.ByType[schema.RelationType(str(row[0]))] = c
			out.Relations += c
		}
		if out.Relations == 0 {
			return out, nil
		}
		t, err = collect(ctx, tx, neighboursQuery, params)
		if err != nil || len(t.rows) == 0 {
			return out, err
		}
		out.Total = integer(t.rows[0][0])
		rows, _ := t.rows[0][1].([]any)
		for _, r := range rows {
			row, _ := r.([]any)
			if len(row) != 7 {
				continue
			}
			nb := graph.Neighbour{Entity: entityOf(row[:5]), Count: integer(row[5])}
			links, _ := row[6].([]any)
			for _, l := range links {
				l, _ := l.([]any)
				if len(l) != 3 {
					continue
				}
				out, _ := l[1].(bool)
				nb.Links = append(nb.Links, graph.Link{Type: schema.RelationType(str(l[0])), Out: out, Count: integer(l[2])})
			}
			graph.SortLinks(nb.Links)
			out.List = append(out.List, nb)
		}
		// Neo4j and Go may order names differently beyond the Basic
		// Multilingual Plane; the page is put in Go's order.
		graph.SortNeighbours(out.List)
		return out, nil
	})
	if err != nil {
		return nil, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	return n, nil
}

// Edges returns the relations that pass f between two entities of ids, or
// between an entity of ids and one of others, counted by subject, type
// and object, as graph.Graph.Edges defines them, in one read query that
// counts in Neo4j. It reads the relationships of the entities of ids only:
// adding a few entities to a view that holds a hub does not read the
// hub's relationships.
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
	if ids == nil {
		ids = []string{}
	}
	out, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]graph.Edge, error) {
		t, err := collect(ctx, tx, edgesQuery, with(filterParams(f), "ids", ids, "others", rest))
		if err != nil {
			return nil, err
		}
		out := make([]graph.Edge, 0, len(t.rows))
		for _, row := range t.rows {
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
