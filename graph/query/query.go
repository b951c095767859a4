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
	// ViaRoles counts for an entity the relations of its officials and
	// bodies too (Between, Neighbors, Timeline; Subgraph takes them as
	// seeds): who holds a role at it or at one of its bodies
	// (HOLDS_ROLE), and its bodies and theirs (PART_OF), each relation so
	// counted marked with who acted (Relation.Via). An official's
	// relation counts when it is dated within RoleWindow of a date the
	// role was stated on (or either is undated); a body's always. The
	// relations among the entity, its officials and its bodies are not
	// counted again.
	ViaRoles bool
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

// UncertainError is the error of Resolve when the only entities a name
// matches have close spellings of its words, but a word of it names
// something else (Lookup.Known: "Pskov" is a city, not a misspelling of
// "Peskov"): Candidates lists them. It wraps ErrNoEntity.
type UncertainError struct {
	Name       string
	Candidates []schema.Entity
}

func (e *UncertainError) Error() string {
	return fmt.Sprintf("%v %q: it names something else, and the graph has close spellings of it only (give a name or an ID)",
		ErrNoEntity, e.Name)
}

func (e *UncertainError) Unwrap() error { return ErrNoEntity }

// Resolved is the entity a name designates, and how well the name
// matched it: names.Exact for an ID or a name or alias typed in full,
// names.Variant for another spelling of its name, names.Words or
// names.Close when the name was taken for the only entity that it partly
// or approximately matches. Country is set when the name was another
// name or a code of the country (Lookup.Countries: "USA").
type Resolved struct {
	Entity  schema.Entity
	Match   names.Match
	Country bool
}

// Lookup says how Resolve reads the names analysts type, beyond the
// names the store holds. The zero Lookup knows nothing more.
type Lookup struct {
	// Countries resolves the other names and codes of countries ("USA",
	// "U.S.", "UK", "DPRK") to the country entity of their canonical
	// name.
	Countries *graph.Countries
	// Known reports whether a word (normalized by schema.NormalizeName)
	// names something, such as the words of a gazetteer's names: a name
	// typed whose known word the store holds only close spellings of is
	// not taken for them.
	Known func(word string) bool
}

// Resolve returns the one entity of r that name designates, with the
// zero Lookup (see Lookup.Resolve).
func Resolve(ctx context.Context, r port.Reader, name string) (Resolved, error) {
	return Lookup{}.Resolve(ctx, r, name)
}

// Resolve returns the one entity of r that name designates: name is an
// entity ID (a UUID), or a name or alias that the Reader's FindEntities
// matches to exactly one entity. In order: an ID; an exact name or alias;
// another name or a code of a country (l.Countries), for the Country
// entity of the country's name; another spelling of a name; then a
// partial or close name, taken only when it designates one entity and no
// word of name that l.Known knows is taken for another. When none matches
// the error wraps ErrNoEntity (an *UncertainError when only close
// spellings of a known word do); when several do at the best tier it is
// an *AmbiguousError listing them.
func (l Lookup) Resolve(ctx context.Context, r port.Reader, name string) (Resolved, error) {
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
	m := names.None
	if len(es) > 0 {
		m = names.Entity(name, es[0])
	}
	if m != names.Exact {
		res, ok, err := l.country(ctx, r, name)
		if ok || err != nil {
			return res, err
		}
	}
	if m == names.Close && l.Known != nil {
		var kept []schema.Entity
		for _, e := range es {
			if names.Known(name, e, l.Known) != names.None {
				kept = append(kept, e)
			}
		}
		if len(kept) == 0 {
			return Resolved{}, &UncertainError{Name: name, Candidates: es}
		}
		es = kept
	}
	switch len(es) {
	case 0:
		return Resolved{}, fmt.Errorf("%w %q", ErrNoEntity, name)
	case 1:
		return Resolved{Entity: es[0], Match: m}, nil
	}
	return Resolved{}, &AmbiguousError{Name: name, Candidates: es}
}

// country resolves name as another name or a code of a country: ok when
// it is one, with the entity of the country or, when it is a form of
// several countries that r holds, an *AmbiguousError.
func (l Lookup) country(ctx context.Context, r port.Reader, name string) (Resolved, bool, error) {
	cs := l.Countries.Lookup(name)
	var found []schema.Entity
	for _, c := range cs {
		es, err := r.FindEntities(ctx, c)
		if err != nil {
			return Resolved{}, false, err
		}
		for _, e := range es {
			if e.Type == schema.Country && names.Entity(c, e) == names.Exact {
				found = append(found, e)
			}
		}
	}
	switch len(found) {
	case 0:
		return Resolved{}, false, nil
	case 1:
		return Resolved{Entity: found[0], Match: names.Exact, Country: true}, true, nil
	}
	names.Sort(found)
	return Resolved{}, true, &AmbiguousError{Name: name, Candidates: found}
}

// relationsOf returns the relations of e that opts count, with what they
// refer to (the Reader's Star).
func relationsOf(ctx context.Context, r port.Reader, e schema.Entity, opts Options) (*graph.Graph, error) {
	return r.Star(ctx, []string{e.ID}, opts.Filter)
}
