package query

import (
	"context"
	"fmt"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

// Defaults of PathOptions.
const (
	DefaultMaxHops   = 4
	DefaultPathLimit = 10
)

// PathOptions shape a search for paths: their length, how many, and the
// relations they may use (Filter without dates: graph.CheckPaths).
type PathOptions struct {
	Options
	// MaxHops is the longest path searched, 1 to 15.
	MaxHops int
	// Limit is the number of paths returned; 0 returns all.
	Limit int
}

// PathReport is the shortest connections between two entities: kg path's
// answer.
type PathReport struct {
	From    Entity `json:"from"`
	To      Entity `json:"to"`
	MaxHops int    `json:"max_hops"`
	Hops    int    `json:"hops"` // of each path; 0 when there is none
	Paths   []Path `json:"paths"`
}

// Path is one path: its entities, and the relations of each hop.
type Path struct {
	Entities []Ref `json:"entities"`
	Hops     []Hop `json:"hops"`
}

// Hop is one step of a path, with every relation that makes it.
type Hop struct {
	From      Ref        `json:"from"`
	To        Ref        `json:"to"`
	Relations []Relation `json:"relations"` // either direction, in date order
}

// Paths returns the shortest paths between a and b of at most
// opts.MaxHops relations, walking relations in either direction, ordered
// by the names along them: the first opts.Limit of them (all when 0).
// Paths through the same entities are one, whose hops have several
// relations.
func Paths(ctx context.Context, r port.Reader, a, b schema.Entity, opts PathOptions) (*PathReport, error) {
	if a.ID == b.ID {
		return nil, fmt.Errorf("%s and %s: %w", a.Name, b.Name, ErrSameEntity)
	}
	if err := graph.CheckPaths(a.ID, b.ID, opts.MaxHops, opts.Filter, opts.Limit); err != nil {
		return nil, err
	}
	ps, err := r.ShortestPaths(ctx, a.ID, b.ID, opts.MaxHops, opts.Filter, opts.Limit)
	if err != nil {
		return nil, err
	}
	refs := newRefs(ps.Graph)
	out := &PathReport{From: EntityOf(a), To: EntityOf(b), MaxHops: opts.MaxHops, Hops: ps.Hops(), Paths: []Path{}}
	for _, ids := range ps.IDs {
		var p Path
		for i, id := range ids {
			p.Entities = append(p.Entities, refs.entity(id))
			if i == 0 {
				continue
			}
			h := Hop{From: refs.entity(ids[i-1]), To: refs.entity(id), Relations: []Relation{}}
			for _, rel := range ps.Hop(ids[i-1], id) {
				h.Relations = append(h.Relations, refs.relation(rel))
			}
			byDate(h.Relations)
			p.Hops = append(p.Hops, h)
		}
		out.Paths = append(out.Paths, p)
	}
	return out, nil
}
