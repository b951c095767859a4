package query

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

// ErrSameEntity is the error of the questions about two entities when
// both are one.
var ErrSameEntity = errors.New("the same entity")

// BetweenReport is every relation between two entities: kg between's
// answer.
type BetweenReport struct {
	A         Entity     `json:"a"`
	B         Entity     `json:"b"`
	Relations []Relation `json:"relations"` // in date order
}

// Between returns every relation between a and b that opts count, in
// either direction, in date order.
func Between(ctx context.Context, r port.Reader, a, b schema.Entity, opts Options) (*BetweenReport, error) {
	if a.ID == b.ID {
		return nil, fmt.Errorf("%s and %s: %w", a.Name, b.Name, ErrSameEntity)
	}
	// The subgraph of the two with no hops holds exactly the relations
	// among them (and of each with itself, left out).
	sub, err := r.Subgraph(ctx, []string{a.ID, b.ID}, 0, opts.Filter)
	if err != nil {
		return nil, err
	}
	refs := newRefs(sub)
	out := &BetweenReport{A: EntityOf(a), B: EntityOf(b), Relations: []Relation{}}
	for _, rel := range sub.Relations {
		if rel.Subject != rel.Object {
			out.Relations = append(out.Relations, refs.relation(rel))
		}
	}
	byDate(out.Relations)
	return out, nil
}

// NeighborsReport is the entities an entity has relations with: kg
// neighbors' answer.
type NeighborsReport struct {
	Entity    Entity     `json:"entity"`
	Neighbors []Neighbor `json:"neighbors"` // the most related first
}

// Neighbor is an entity one relation away, with the relations.
type Neighbor struct {
	Entity    Ref        `json:"entity"`
	Count     int        `json:"count"`
	Relations []Relation `json:"relations"` // in date order
}

// First returns the date of n's earliest relation, "" when none is
// dated.
func (n Neighbor) First() string {
	if len(n.Relations) == 0 {
		return ""
	}
	return n.Relations[0].When
}

// Last returns the date of n's latest dated relation.
func (n Neighbor) Last() string {
	for i := len(n.Relations) - 1; i >= 0; i-- {
		if n.Relations[i].When != "" {
			return n.Relations[i].When
		}
	}
	return ""
}

// Neighbors returns the entities one relation that opts count away from
// e, in either direction, the most related first (then by name and ID),
// each with its relations in date order.
func Neighbors(ctx context.Context, r port.Reader, e schema.Entity, opts Options) (*NeighborsReport, error) {
	star, err := relationsOf(ctx, r, e, opts)
	if err != nil {
		return nil, err
	}
	refs := newRefs(star)
	byID := make(map[string]*Neighbor)
	for _, rel := range star.Relations {
		other := rel.Object
		if other == e.ID {
			other = rel.Subject
		}
		n := byID[other]
		if n == nil {
			n = &Neighbor{Entity: refs.entity(other)}
			byID[other] = n
		}
		n.Count++
		n.Relations = append(n.Relations, refs.relation(rel))
	}
	out := &NeighborsReport{Entity: EntityOf(e), Neighbors: []Neighbor{}}
	for _, n := range byID {
		byDate(n.Relations)
		out.Neighbors = append(out.Neighbors, *n)
	}
	slices.SortFunc(out.Neighbors, func(a, b Neighbor) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Entity.Name, b.Entity.Name), cmp.Compare(a.Entity.ID, b.Entity.ID))
	})
	return out, nil
}

// TimelineReport is an entity's relations in date order: kg timeline's
// answer.
type TimelineReport struct {
	Entity    Entity     `json:"entity"`
	Relations []Relation `json:"relations"`
}

// Timeline returns the relations of e that opts count, as subject or
// object, in date order (the event's date, else the article's; undated
// last); at most limit of them, the earliest, when limit is above zero.
func Timeline(ctx context.Context, r port.Reader, e schema.Entity, opts Options, limit int) (*TimelineReport, error) {
	tl, err := r.Timeline(ctx, []string{e.ID}, opts.Filter, limit)
	if err != nil {
		return nil, err
	}
	refs := newRefs(tl)
	out := &TimelineReport{Entity: EntityOf(e), Relations: []Relation{}}
	for _, rel := range tl.Relations {
		out.Relations = append(out.Relations, refs.relation(rel))
	}
	byDate(out.Relations)
	return out, nil
}

// Subgraph returns the induced subgraph within hops relations of the
// seed entities, walking and keeping the relations that opts count: what
// kg export writes.
func Subgraph(ctx context.Context, r port.Reader, seeds []schema.Entity, hops int, opts Options) (*graph.Graph, error) {
	var ids []string
	for _, e := range seeds {
		if !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	return r.Subgraph(ctx, ids, hops, opts.Filter)
}
