package filestore

import (
	"context"
	"fmt"
	"slices"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// This file holds what an explorer asks of the graph besides the read
// port (see graph.Neighbours): the same answers as graph/neo4jstore's.

// Neighbours returns one page of the neighbourhood of entity id over the
// relations that pass f, in either direction: the counts, and the
// neighbours from offset (0 for the first), at most limit of them (all
// when limit is 0 or less), the most related first, then by name and ID.
// An unknown id gives an empty neighbourhood. The cost is linear in the
// number of relations of the graph.
func (m *Memory) Neighbours(ctx context.Context, id string, f graph.Filter, offset, limit int) (*graph.Neighbours, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	out := &graph.Neighbours{ByType: map[schema.RelationType]int{}, List: []graph.Neighbour{}}
	if _, ok := m.index[id]; !ok {
		return out, nil
	}
	type key struct {
		other string
		t     schema.RelationType
		out   bool
	}
	counts := make(map[key]int)
	for _, r := range m.g.Relations {
		if (r.Subject != id && r.Object != id) || !m.passing(r, f) {
			continue
		}
		out.Relations++
		out.ByType[r.Type]++
		if r.Subject == r.Object {
			continue
		}
		k := key{r.Object, r.Type, true}
		if r.Object == id {
			k = key{r.Subject, r.Type, false}
		}
		counts[k]++
	}
	byID := make(map[string]*graph.Neighbour)
	for k, n := range counts {
		nb := byID[k.other]
		if nb == nil {
			nb = &graph.Neighbour{Entity: cloneEntity(m.g.Entities[m.index[k.other]])}
			byID[k.other] = nb
		}
		nb.Count += n
		nb.Links = append(nb.Links, graph.Link{Type: k.t, Out: k.out, Count: n})
	}
	all := make([]graph.Neighbour, 0, len(byID))
	for _, nb := range byID {
		graph.SortLinks(nb.Links)
		all = append(all, *nb)
	}
	graph.SortNeighbours(all)
	out.Total = len(all)
	offset = min(max(offset, 0), len(all))
	end := len(all)
	if limit > 0 {
		end = min(offset+limit, len(all))
	}
	out.List = append(out.List, all[offset:end]...)
	return out, nil
}

// Edges returns the relations that pass f between two entities of ids, or
// between an entity of ids and one of others, in either direction,
// counted by subject, type and object, and sorted by graph.SortEdges. A
// relation of an entity with itself counts when the entity is in ids.
// With others empty these are the edges of the subgraph induced by ids;
// with ids the entities just added to a view and others the entities it
// had, they are the edges that the new entities bring. Unknown IDs are
// ignored. The cost is linear in the number of relations of the graph.
func (m *Memory) Edges(ctx context.Context, ids, others []string, f graph.Filter) ([]graph.Edge, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	in := make(map[string]int8, len(ids)+len(others)) // 1: in ids, 2: in others
	for _, id := range others {
		in[id] = 2
	}
	for _, id := range ids {
		in[id] = 1
	}
	type key struct {
		s, o string
		t    schema.RelationType
	}
	counts := make(map[key]int)
	for _, r := range m.g.Relations {
		a, b := in[r.Subject], in[r.Object]
		if a == 0 || b == 0 || (a != 1 && b != 1) || !m.passing(r, f) {
			continue
		}
		counts[key{r.Subject, r.Object, r.Type}]++
	}
	out := make([]graph.Edge, 0, len(counts))
	for k, n := range counts {
		out = append(out, graph.Edge{Subject: k.s, Object: k.o, Type: k.t, Count: n})
	}
	graph.SortEdges(out)
	return out, nil
}

// Sources returns the sources of the graph's articles, the most frequent
// first (then by name).
func (m *Memory) Sources(ctx context.Context) ([]graph.SourceCount, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return slices.Clone(m.g.Sources()), nil
}
