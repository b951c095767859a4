package graph

import (
	"errors"
	"fmt"
	"sort"

	"github.com/kgraph/kg/schema"
)

// ErrInvalid is the error, wrapped, of an extraction that no store can
// hold: a missing ID or key, an unknown type, a relation whose ends are not
// entities of the extraction or whose article is another one.
var ErrInvalid = errors.New("invalid extraction")

// Validate reports whether a store can load x, with an error wrapping
// ErrInvalid when it cannot. Stores call it on every extraction before
// writing anything, so that all of them accept and refuse the same input.
func Validate(x schema.Extraction) error {
	if x.Article.ID == "" {
		return fmt.Errorf("%w: article has no id", ErrInvalid)
	}
	ids := make(map[string]bool, len(x.Entities))
	for _, e := range x.Entities {
		if e.ID == "" {
			return fmt.Errorf("%w: article %s: entity %q has no id", ErrInvalid, x.Article.ID, e.Name)
		}
		if !e.Type.Valid() {
			return fmt.Errorf("%w: article %s: entity %s: unknown type %q", ErrInvalid, x.Article.ID, e.ID, e.Type)
		}
		ids[e.ID] = true
	}
	for _, r := range x.Relations {
		switch {
		case r.Key == "":
			return fmt.Errorf("%w: article %s: %s relation has no key", ErrInvalid, x.Article.ID, r.Type)
		case !r.Type.Valid():
			return fmt.Errorf("%w: article %s: relation %s: unknown type %q", ErrInvalid, x.Article.ID, r.Key, r.Type)
		case r.Article != x.Article.ID:
			return fmt.Errorf("%w: article %s: relation %s belongs to article %q", ErrInvalid, x.Article.ID, r.Key, r.Article)
		case !ids[r.Subject]:
			return fmt.Errorf("%w: article %s: relation %s: subject %q is not an entity of the article", ErrInvalid, x.Article.ID, r.Key, r.Subject)
		case !ids[r.Object]:
			return fmt.Errorf("%w: article %s: relation %s: object %q is not an entity of the article", ErrInvalid, x.Article.ID, r.Key, r.Object)
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
