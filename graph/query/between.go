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
// either direction, in date order. With opts.ViaRoles, those between the
// officials and bodies of either and the other or its own officials and
// bodies too, each marked with who acted (Relation.Via).
func Between(ctx context.Context, r port.Reader, a, b schema.Entity, opts Options) (*BetweenReport, error) {
	if a.ID == b.ID {
		return nil, fmt.Errorf("%s and %s: %w", a.Name, b.Name, ErrSameEntity)
	}
	if opts.ViaRoles {
		return betweenVia(ctx, r, a, b, opts)
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
func (n Neighbor) First() string { return n.FirstRelation().When }

// Last returns the date of n's latest dated relation.
func (n Neighbor) Last() string { return n.LastRelation().When }

// FirstRelation returns n's earliest relation (the zero Relation when it
// has none).
func (n Neighbor) FirstRelation() Relation {
	if len(n.Relations) == 0 {
		return Relation{}
	}
	return n.Relations[0]
}

// LastRelation returns n's latest dated relation (the zero Relation when
// none is dated).
func (n Neighbor) LastRelation() Relation {
	for i := len(n.Relations) - 1; i >= 0; i-- {
		if n.Relations[i].When != "" {
			return n.Relations[i]
		}
	}
	return Relation{}
}

// Neighbors returns the entities one relation that opts count away from
// e, in either direction, the most related first (then by name and ID),
// each with its relations in date order. With opts.ViaRoles, the
// entities one relation away from an official or a body of e count too,
// each such relation marked with who acted (Relation.Via).
func Neighbors(ctx context.Context, r port.Reader, e schema.Entity, opts Options) (*NeighborsReport, error) {
	rels, refs, err := relationsVia(ctx, r, e, opts)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*Neighbor)
	for _, rel := range rels {
		other := rel.Object.ID
		if other == e.ID || len(rel.Via) > 0 && rel.Via[0].Member.ID == other {
			other = rel.Subject.ID
		}
		n := byID[other]
		if n == nil {
			n = &Neighbor{Entity: refs.entity(other)}
			byID[other] = n
		}
		n.Count++
		n.Relations = append(n.Relations, rel)
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
// With opts.ViaRoles, those of its officials and bodies too, each marked
// with who acted (Relation.Via).
func Timeline(ctx context.Context, r port.Reader, e schema.Entity, opts Options, limit int) (*TimelineReport, error) {
	if opts.ViaRoles {
		rels, _, err := relationsVia(ctx, r, e, opts)
		if err != nil {
			return nil, err
		}
		byDate(rels)
		if limit > 0 && len(rels) > limit {
			rels = rels[:limit]
		}
		return &TimelineReport{Entity: EntityOf(e), Relations: rels}, nil
	}
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
// kg export writes. With opts.ViaRoles the officials and bodies of the
// seeds are seeds too, so that their relations are in the subgraph with
// the HOLDS_ROLE and PART_OF relations that say who they are (the
// relations that make them members are walked whatever opts.Filter's
// types).
func Subgraph(ctx context.Context, r port.Reader, seeds []schema.Entity, hops int, opts Options) (*graph.Graph, error) {
	var ids []string
	for _, e := range seeds {
		if !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	if opts.ViaRoles {
		ro, err := membersOf(ctx, r, seeds)
		if err != nil {
			return nil, err
		}
		for _, id := range ro.ids() {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return r.Subgraph(ctx, ids, hops, opts.Filter)
}

// relationsVia returns the relations of e that opts count, as answers,
// with the refs of their ends: with opts.ViaRoles, those of its
// officials and bodies too (roster.rollUp), marked.
func relationsVia(ctx context.Context, r port.Reader, e schema.Entity, opts Options) ([]Relation, refs, error) {
	ids := []string{e.ID}
	var ro *roster
	if opts.ViaRoles {
		var err error
		if ro, err = membersOf(ctx, r, []schema.Entity{e}); err != nil {
			return nil, refs{}, err
		}
		ids = append(ids, ro.ids()...)
	}
	star, err := r.Star(ctx, ids, opts.Filter)
	if err != nil {
		return nil, refs{}, err
	}
	refs := newRefs(star)
	var out []Relation
	if ro == nil {
		for _, rel := range star.Relations {
			out = append(out, refs.relation(rel))
		}
		return out, refs, nil
	}
	for _, rr := range ro.rollUp(star, map[string]bool{e.ID: true}) {
		rel := refs.relation(rr.rel)
		rel.Via = rr.via
		out = append(out, rel)
	}
	return out, refs, nil
}

// betweenVia is Between with opts.ViaRoles.
func betweenVia(ctx context.Context, r port.Reader, a, b schema.Entity, opts Options) (*BetweenReport, error) {
	ro, err := membersOf(ctx, r, []schema.Entity{a, b})
	if err != nil {
		return nil, err
	}
	side := func(id string) string {
		switch id {
		case a.ID, b.ID:
			return id
		}
		return ro.of[id]
	}
	ids := append([]string{a.ID, b.ID}, ro.ids()...)
	star, err := r.Star(ctx, ids, opts.Filter)
	if err != nil {
		return nil, err
	}
	refs := newRefs(star)
	published := star.Published()
	out := &BetweenReport{A: EntityOf(a), B: EntityOf(b), Relations: []Relation{}}
	for _, rel := range star.Relations {
		s, o := side(rel.Subject), side(rel.Object)
		if s == "" || o == "" || s == o {
			continue
		}
		when := graph.When(rel, published)
		var via []Via
		ok := true
		for _, end := range []string{rel.Subject, rel.Object} {
			if end == a.ID || end == b.ID {
				continue
			}
			v, in := ro.via(end, when)
			ok = ok && in
			via = append(via, v)
		}
		if !ok {
			continue
		}
		ans := refs.relation(rel)
		ans.Via = via
		out.Relations = append(out.Relations, ans)
	}
	byDate(out.Relations)
	return out, nil
}
