package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/kgraph/kg/schema"
)

// MaxPaths bounds the shortest paths a store considers: when two entities
// have more, which of them are returned is unspecified.
const MaxPaths = 10000

// Paths are the shortest paths between two entities.
type Paths struct {
	// IDs are the paths, each the IDs of its entities from the first
	// entity to the second, ordered by the names along them (then IDs).
	IDs [][]string
	// Graph holds the entities of the paths, every relation that passes
	// the filter between two entities that follow each other on a path,
	// the articles those relations cite and the mentions of those
	// entities by those articles.
	Graph *Graph
}

// Hops returns the number of relations on each path: 0 when there is none.
func (p *Paths) Hops() int {
	if p == nil || len(p.IDs) == 0 {
		return 0
	}
	return len(p.IDs[0]) - 1
}

// Hop returns the relations of p.Graph between entities a and b, in
// either direction, by key.
func (p *Paths) Hop(a, b string) []schema.Relation {
	var out []schema.Relation
	for _, r := range p.Graph.Relations {
		if (r.Subject == a && r.Object == b) || (r.Subject == b && r.Object == a) {
			out = append(out, r)
		}
	}
	return out
}

// CheckPaths reports whether a search for shortest paths can take its
// arguments: two different entities, maxHops from 1 to 15, a valid filter
// without dates or sources (they do not bound path searches) and a limit
// that is not negative.
func CheckPaths(from, to string, maxHops int, f Filter, limit int) error {
	switch {
	case from == to:
		return errors.New("a path needs two different entities")
	case maxHops < 1 || maxHops > 15:
		return fmt.Errorf("max hops %d: want 1 to 15", maxHops)
	case f.Since != "" || f.Until != "" || f.Tense != "":
		return errors.New("paths cannot be limited to dates or tenses")
	case len(f.Sources) > 0:
		return errors.New("paths cannot be limited to sources")
	case limit < 0:
		return fmt.Errorf("path limit %d: want 0 (no limit) or more", limit)
	}
	return f.Validate()
}

// Trim sorts p.IDs by the names along them, then by IDs, and keeps the
// first limit paths (all when limit is 0), and in p.Graph only what they
// use. Stores that implement ShortestPaths call it after filling p with
// every path they found.
func (p *Paths) Trim(limit int) {
	names := make(map[string]string, len(p.Graph.Entities))
	for _, e := range p.Graph.Entities {
		names[e.ID] = e.Name
	}
	slices.SortFunc(p.IDs, func(a, b []string) int {
		for i := range min(len(a), len(b)) {
			if c := cmp.Compare(names[a[i]], names[b[i]]); c != 0 {
				return c
			}
		}
		for i := range min(len(a), len(b)) {
			if c := cmp.Compare(a[i], b[i]); c != 0 {
				return c
			}
		}
		return cmp.Compare(len(a), len(b))
	})
	if p.IDs == nil {
		p.IDs = [][]string{}
	}
	if limit <= 0 || len(p.IDs) <= limit {
		return
	}
	p.IDs = p.IDs[:limit]
	keep := make(map[string]bool)
	pairs := make(map[[2]string]bool)
	for _, path := range p.IDs {
		for i, id := range path {
			keep[id] = true
			if i > 0 {
				pairs[[2]string{path[i-1], id}], pairs[[2]string{id, path[i-1]}] = true, true
			}
		}
	}
	g := p.Graph
	cited := make(map[string]bool)
	g.Entities = slices.DeleteFunc(g.Entities, func(e schema.Entity) bool { return !keep[e.ID] })
	g.Relations = slices.DeleteFunc(g.Relations, func(r schema.Relation) bool {
		if !pairs[[2]string{r.Subject, r.Object}] {
			return true
		}
		cited[r.Article] = true
		return false
	})
	g.Articles = slices.DeleteFunc(g.Articles, func(a schema.Article) bool { return !cited[a.ID] })
	g.Mentions = slices.DeleteFunc(g.Mentions, func(m Mention) bool { return !cited[m.Article] || !keep[m.Entity] })
}
