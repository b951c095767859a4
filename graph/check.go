package graph

import (
	"errors"
	"fmt"
	"sort"

	"github.com/kgraph/kg/schema"
)

// ErrInvalid is the error, wrapped, of an extraction that no store can
// hold: a missing ID or key, an unknown type, a relation whose ends are not
// entities of the extraction or whose article is another one, a value out
// of range.
var ErrInvalid = errors.New("invalid extraction")

// Validate reports whether a store can load x, with an error wrapping
// ErrInvalid when it cannot. Stores call it on every extraction before
// writing anything, so that all of them accept and refuse the same input,
// and what they hold is a graph that Graph.Check accepts: besides IDs,
// keys and types, it refuses what Check refuses of an entity or a
// relation taken alone (an empty name, a negative count, a span that is
// not a range, a confidence outside [0, 1], a date that is not one) and a
// relation whose type does not allow the types of its ends.
func Validate(x schema.Extraction) error {
	if x.Article.ID == "" {
		return fmt.Errorf("%w: article has no id", ErrInvalid)
	}
	types := make(map[string]schema.EntityType, len(x.Entities))
	for _, e := range x.Entities {
		if e.ID == "" {
			return fmt.Errorf("%w: article %s: entity %q has no id", ErrInvalid, x.Article.ID, e.Name)
		}
		if p := entityProblem(e); p != "" {
			return fmt.Errorf("%w: article %s: entity %s: %s", ErrInvalid, x.Article.ID, e.ID, p)
		}
		if t, ok := types[e.ID]; ok && t != e.Type {
			return fmt.Errorf("%w: article %s: entity %s is both a %s and a %s", ErrInvalid, x.Article.ID, e.ID, t, e.Type)
		}
		types[e.ID] = e.Type
	}
	for _, r := range x.Relations {
		if r.Key == "" {
			return fmt.Errorf("%w: article %s: %s relation has no key", ErrInvalid, x.Article.ID, r.Type)
		}
		if p := relationProblem(r); p != "" {
			return fmt.Errorf("%w: article %s: relation %s: %s", ErrInvalid, x.Article.ID, r.Key, p)
		}
		s, okS := types[r.Subject]
		o, okO := types[r.Object]
		switch {
		case r.Article != x.Article.ID:
			return fmt.Errorf("%w: article %s: relation %s belongs to article %q", ErrInvalid, x.Article.ID, r.Key, r.Article)
		case !okS:
			return fmt.Errorf("%w: article %s: relation %s: subject %q is not an entity of the article", ErrInvalid, x.Article.ID, r.Key, r.Subject)
		case !okO:
			return fmt.Errorf("%w: article %s: relation %s: object %q is not an entity of the article", ErrInvalid, x.Article.ID, r.Key, r.Object)
		case !r.Type.Allows(s, o):
			return fmt.Errorf("%w: article %s: relation %s: %s does not join a %s to a %s", ErrInvalid, x.Article.ID, r.Key, r.Type, s, o)
		}
	}
	return checkSupports(x)
}

// Mentions returns the MENTIONS edges of x, one per entity ID (counts of
// entities that share an ID added), sorted by entity ID.
func Mentions(x schema.Extraction) []Mention {
	counts := make(map[string]int, len(x.Entities))
	for _, e := range x.Entities {
		counts[e.ID] += MentionCount(e)
	}
	out := make([]Mention, 0, len(counts))
	for id, n := range counts {
		out = append(out, Mention{Article: x.Article.ID, Entity: id, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Entity < out[j].Entity })
	return out
}
