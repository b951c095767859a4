package graph

import (
	"cmp"
	"slices"

	"github.com/kgraph/kg/schema"
)

// This file holds the answers of the questions a graph explorer asks of a
// store besides graph/port's Reader: an entity's neighbours a page at a
// time, the relations among the entities of a view counted as the lines
// it draws, the article sources. graph/explore declares the interface;
// graph/filestore and graph/neo4jstore implement it.

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
