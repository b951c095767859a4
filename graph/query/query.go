// Package query answers the analysts' questions about a graph from the
// read port (graph/port's Reader), whichever store is behind it: what is
// known of an entity, what happened between two, who an entity deals
// with, how two are connected, an entity's timeline, and the subgraph
// around some entities for export. kg's commands render its answers as
// tables or JSON; the explorer and library users take the same answers.
//
// Answers are plain structs whose JSON is kg's --format json output: each
// relation comes with its provenance (article, evidence sentence, offsets,
// date, confidence). Every function is safe for concurrent use as far as
// the Reader is.
package query

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/names"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

// Options shape the questions about the relations of entities. The zero
// value counts every relation.
type Options struct {
	// Filter selects the relations that count.
	Filter graph.Filter
}

// ErrNoEntity is wrapped by the error of Resolve when no entity has the
// name (it is graph.ErrNoEntity).
var ErrNoEntity = graph.ErrNoEntity

// AmbiguousError is the error of Resolve when several entities have the
// name: Candidates lists them, the most mentioned first.
type AmbiguousError struct {
	Name       string
	Candidates []schema.Entity
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q is ambiguous: %d entities match (give one of their IDs instead)", e.Name, len(e.Candidates))
}

// Resolved is the entity a name designates, and how well the name
// matched it: names.Exact for an ID or a name or alias typed in full,
// names.Words or names.Close when the name was taken for the only entity
// that it partly or approximately matches.
type Resolved struct {
	Entity schema.Entity
	Match  names.Match
}

// Resolve returns the one entity of r that name designates: name is an
// entity ID (a UUID), or a name or alias that the Reader's FindEntities
// matches to exactly one entity. When none matches the error wraps
// ErrNoEntity; when several do it is an *AmbiguousError listing them.
func Resolve(ctx context.Context, r port.Reader, name string) (Resolved, error) {
	if _, err := uuid.Parse(name); err == nil {
		e, err := r.Entity(ctx, name)
		if err == nil {
			return Resolved{Entity: e, Match: names.Exact}, nil
		}
		if !errors.Is(err, graph.ErrNoEntity) {
			return Resolved{}, err
		}
	}
	es, err := r.FindEntities(ctx, name)
	if err != nil {
		return Resolved{}, err
	}
	switch len(es) {
	case 0:
		return Resolved{}, fmt.Errorf("%w %q", ErrNoEntity, name)
	case 1:
		return Resolved{Entity: es[0], Match: names.Entity(name, es[0])}, nil
	}
	return Resolved{}, &AmbiguousError{Name: name, Candidates: es}
}

// relationsOf returns the relations of e that opts count, with what they
// refer to (the Reader's Star).
func relationsOf(ctx context.Context, r port.Reader, e schema.Entity, opts Options) (*graph.Graph, error) {
	return r.Star(ctx, []string{e.ID}, opts.Filter)
}
