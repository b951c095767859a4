package graph

import (
	"cmp"
	"context"
	"slices"

	"github.com/kgraph/kg/schema"
)

// Neighbours is one page of an entity's neighbourhood, for an explorer
// that cannot draw a hub's thousands of neighbours at once: the counts of
// all of it, and the neighbours from some offset, the most related first.
type Neighbours struct {
	// Relations counts the entity's relations that pass the filter (its
	// relations with itself included), and ByType counts them by type.
	Relations int
	ByType    map[schema.RelationType]int
	// Total is the number of distinct neighbours: the entities other
	// than itself that those relations join it to.
	Total int
	// List holds the neighbours of the page, ordered by the number of
	// relations (most first), then by name and ID.
	List []Neighbour
}

// Neighbour is an entity one relation away from another, with the
// relations between the two counted by type and direction.
type Neighbour struct {
	Entity schema.Entity
	// Count is the number of relations between the two.
	Count int
	// Links count those relations by type and direction, by type then
	// outgoing first.
	Links []Link
}

// Link counts the relations of one type and direction between an entity
// and one of its neighbours.
type Link struct {
	Type schema.RelationType
	// Out is true when the entity is the subject and the neighbour the
	// object, false the other way round.
	Out   bool
	Count int
}

// SortLinks sorts links by type, outgoing first.
func SortLinks(ls []Link) {
	slices.SortFunc(ls, func(a, b Link) int {
		if c := cmp.Compare(a.Type, b.Type); c != 0 {
			return c
		}
		switch {
		case a.Out == b.Out:
			return 0
		case a.Out:
			return -1
		}
		return 1
	})
}

// SortNeighbours sorts neighbours as Neighbours.List is sorted: the most
// related first, then by name and ID.
func SortNeighbours(ns []Neighbour) {
	slices.SortFunc(ns, func(a, b Neighbour) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Entity.Name, b.Entity.Name), cmp.Compare(a.Entity.ID, b.Entity.ID))
	})
}

// Neighbours returns the neighbourhood of entity id over the relations
// that pass f, in either direction: the counts, and the neighbours from
// offset (0 for the first), at most limit of them (all when limit is 0 or
// less). An unknown id gives an empty neighbourhood. The cost is linear in
// the number of relations of g.
func (g *Graph) Neighbours(id string, f Filter, offset, limit int) *Neighbours {
	out := &Neighbours{ByType: map[schema.RelationType]int{}, List: []Neighbour{}}
	entities := make(map[string]*schema.Entity, len(g.Entities))
	for i := range g.Entities {
		entities[g.Entities[i].ID] = &g.Entities[i]
	}
	if entities[id] == nil {
		return out
	}
	articles := g.articleIndex()
	type key struct {
		other string
		t     schema.RelationType
		out   bool
	}
	counts := make(map[key]int)
	for _, r := range g.Relations {
		if r.Subject != id && r.Object != id {
			continue
		}
		if entities[r.Subject] == nil || entities[r.Object] == nil || !f.pass(r, articles[r.Article]) {
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
	byID := make(map[string]*Neighbour)
	for k, n := range counts {
		nb := byID[k.other]
		if nb == nil {
			e := *entities[k.other]
			e.Aliases = slices.Clone(e.Aliases)
			e.Mentions = slices.Clone(e.Mentions)
			nb = &Neighbour{Entity: e}
			byID[k.other] = nb
		}
		nb.Count += n
		nb.Links = append(nb.Links, Link{Type: k.t, Out: k.out, Count: n})
	}
	all := make([]Neighbour, 0, len(byID))
	for _, nb := range byID {
		SortLinks(nb.Links)
		all = append(all, *nb)
	}
	SortNeighbours(all)
	out.Total = len(all)
	offset = min(max(offset, 0), len(all))
	end := len(all)
	if limit > 0 {
		end = min(offset+limit, len(all))
	}
	out.List = append(out.List, all[offset:end]...)
	return out
}

// SourceCount is an article source (a news agency, a paper) and the
// number of articles from it.
type SourceCount struct {
	Source   string
	Articles int
}

// Sources returns the sources of g's articles, the most frequent first
// (then by name); articles without a source are not counted.
func (g *Graph) Sources() []SourceCount {
	n := make(map[string]int)
	for _, a := range g.Articles {
		if a.Source != "" {
			n[a.Source]++
		}
	}
	out := make([]SourceCount, 0, len(n))
	for s, c := range n {
		out = append(out, SourceCount{Source: s, Articles: c})
	}
	SortSources(out)
	return out
}

// SortSources sorts sources as Sources returns them.
func SortSources(ss []SourceCount) {
	slices.SortFunc(ss, func(a, b SourceCount) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Source, b.Source))
	})
}

// Neighbours returns s.Graph.Neighbours(id, f, offset, limit), or ctx's
// error when ctx is done.
func (s MemorySource) Neighbours(ctx context.Context, id string, f Filter, offset, limit int) (*Neighbours, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	g := s.Graph
	if g == nil {
		g = &Graph{}
	}
	return g.Neighbours(id, f, offset, limit), nil
}

// Sources returns s.Graph.Sources(), or ctx's error when ctx is done.
func (s MemorySource) Sources(ctx context.Context) ([]SourceCount, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.Graph == nil {
		return []SourceCount{}, nil
	}
	return s.Graph.Sources(), nil
}

// Edge counts the relations of one type from one entity to another: the
// relations an explorer draws as one line.
type Edge struct {
	Subject, Object string // entity IDs
	Type            schema.RelationType
	Count           int
}

// SortEdges sorts edges by subject, object and type.
func SortEdges(es []Edge) {
	slices.SortFunc(es, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Object, b.Object), cmp.Compare(a.Type, b.Type))
	})
}

// Edges returns the relations that pass f between two entities of ids, or
// between an entity of ids and one of others, in either direction,
// counted by subject, type and object, and sorted by SortEdges. A
// relation of an entity with itself counts when the entity is in ids.
// With others empty these are the edges of the subgraph induced by ids;
// with ids the entities just added to a view and others the entities it
// had, they are the edges that the new entities bring. Unknown IDs are
// ignored. The cost is linear in the number of relations of g.
func (g *Graph) Edges(ids, others []string, f Filter) []Edge {
	in := make(map[string]int8, len(ids)+len(others)) // 1: in ids, 2: in others
	known := make(map[string]bool, len(g.Entities))
	for _, e := range g.Entities {
		known[e.ID] = true
	}
	for _, id := range others {
		in[id] = 2
	}
	for _, id := range ids {
		in[id] = 1
	}
	articles := g.articleIndex()
	type key struct {
		s, o string
		t    schema.RelationType
	}
	counts := make(map[key]int)
	for _, r := range g.Relations {
		a, b := in[r.Subject], in[r.Object]
		if a == 0 || b == 0 || (a != 1 && b != 1) || !known[r.Subject] || !known[r.Object] || !f.pass(r, articles[r.Article]) {
			continue
		}
		counts[key{r.Subject, r.Object, r.Type}]++
	}
	out := make([]Edge, 0, len(counts))
	for k, n := range counts {
		out = append(out, Edge{Subject: k.s, Object: k.o, Type: k.t, Count: n})
	}
	SortEdges(out)
	return out
}

// Edges returns s.Graph.Edges(ids, others, f), or ctx's error when ctx is
// done.
func (s MemorySource) Edges(ctx context.Context, ids, others []string, f Filter) ([]Edge, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.Graph == nil {
		return []Edge{}, nil
	}
	return s.Graph.Edges(ids, others, f), nil
}
