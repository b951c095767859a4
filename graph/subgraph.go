package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"

	"kg/schema"
)

// SubgraphSource is where analysts' exports read from: a store that finds
// entities by name and cuts the neighbourhood of seed entities out of the
// graph. MemorySource serves a Graph in memory (the local graph file); a
// Neo4j store can implement it with the same semantics.
//
// (The name Source is taken by the build pipeline's article source.)
type SubgraphSource interface {
	// Subgraph returns the induced subgraph around the seed entity IDs, as
	// Graph.Subgraph defines it.
	Subgraph(ctx context.Context, seeds []string, hops int, f Filter) (*Graph, error)
	// FindEntities returns the entities whose name or an alias matches
	// name, as Graph.FindEntities defines it.
	FindEntities(ctx context.Context, name string) ([]schema.Entity, error)
}

var _ SubgraphSource = MemorySource{}

// MemorySource is a SubgraphSource over a Graph in memory. It is safe for
// concurrent use as long as nobody changes the Graph.
type MemorySource struct {
	Graph *Graph
}

// Subgraph returns s.Graph.Subgraph(seeds, hops, f), or ctx's error when
// ctx is done.
func (s MemorySource) Subgraph(ctx context.Context, seeds []string, hops int, f Filter) (*Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.Graph == nil {
		return &Graph{}, nil
	}
	return s.Graph.Subgraph(seeds, hops, f), nil
}

// FindEntities returns s.Graph.FindEntities(name), or ctx's error when ctx
// is done.
func (s MemorySource) FindEntities(ctx context.Context, name string) ([]schema.Entity, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.Graph == nil {
		return nil, nil
	}
	return s.Graph.FindEntities(name), nil
}

// Filter selects the relations a subgraph walks and keeps. The zero value
// keeps every relation.
//
// A relation passes when its type is one of Types (any type when Types is
// empty), its confidence is at least MinConfidence, and its date lies
// within [Since, Until] (either bound may be empty).
//
// Dates are compared as strings on their common prefix, so a relation
// dated "2024-03" (month precision) passes Since "2024-03-15": its month
// overlaps the range. A relation with no date of its own takes its
// article's published date; a relation with neither passes only when Since
// and Until are both empty: when the analyst asks for a date range, an
// undated relation cannot be shown to fall in it.
type Filter struct {
	Types         []schema.RelationType
	Since, Until  string // YYYY, YYYY-MM or YYYY-MM-DD
	MinConfidence float64
}

// Validate reports whether f's types are ontology types and its dates have
// the form YYYY, YYYY-MM or YYYY-MM-DD, with Since not after Until.
func (f Filter) Validate() error {
	for _, t := range f.Types {
		if !t.Valid() {
			return fmt.Errorf("unknown relation type %q", string(t))
		}
	}
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v != "" && !validDate(d.v) {
			return fmt.Errorf("%s date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.Since != "" && f.Until != "" && !datesOrdered(f.Since, f.Until) {
		return fmt.Errorf("since date %s is after until date %s", f.Since, f.Until)
	}
	return nil
}

// validDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD (digits and
// dashes in place; month and day ranges are not checked beyond 01-12 and
// 01-31).
func validDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch i {
		case 4, 7:
			if s[i] != '-' {
				return false
			}
		default:
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
	}
	if len(s) >= 7 && (s[5:7] < "01" || s[5:7] > "12") {
		return false
	}
	if len(s) == 10 && (s[8:10] < "01" || s[8:10] > "31") {
		return false
	}
	return true
}

// datesOrdered reports whether a is not after b, compared on their common
// prefix.
func datesOrdered(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] <= b[:n]
}

// pass reports whether r passes f; published is the date of r's article.
func (f Filter) pass(r schema.Relation, published string) bool {
	if len(f.Types) > 0 && !slices.Contains(f.Types, r.Type) {
		return false
	}
	if r.Confidence < f.MinConfidence {
		return false
	}
	if f.Since == "" && f.Until == "" {
		return true
	}
	d := r.Date
	if d == "" {
		d = published
	}
	if len(d) > 10 {
		d = d[:10] // the YYYY-MM-DD prefix of a timestamp
	}
	if d == "" {
		return false
	}
	if f.Since != "" && !datesOrdered(f.Since, d) {
		return false
	}
	if f.Until != "" && !datesOrdered(d, f.Until) {
		return false
	}
	return true
}

// Subgraph returns the induced subgraph of g around the seed entities
// (IDs; unknown IDs are ignored): the entities within hops steps of a seed,
// walking the relations that pass f in either direction, then every
// relation that passes f between two of those entities, the articles those
// relations cite, and the mentions of those entities by those articles.
// Hops below zero count as zero: the seeds alone, with the relations among
// them.
//
// The walk is breadth-first with a visited set: each entity is expanded
// once, so the cost is linear in the size of g whatever its hubs. Relations
// whose ends are not both entities of g are skipped. The result is sorted
// like a FileStore's graph (by ID, relations by key) and shares no slices
// with g; g is not changed.
func (g *Graph) Subgraph(seeds []string, hops int, f Filter) *Graph {
	entities := make(map[string]int, len(g.Entities))
	for i, e := range g.Entities {
		entities[e.ID] = i
	}
	published := make(map[string]string, len(g.Articles))
	for _, a := range g.Articles {
		published[a.ID] = a.Published
	}

	// The relations that pass, and each entity's incident ones.
	var kept []int
	adj := make(map[string][]int)
	for i, r := range g.Relations {
		_, okS := entities[r.Subject]
		_, okO := entities[r.Object]
		if !okS || !okO || !f.pass(r, published[r.Article]) {
			continue
		}
		kept = append(kept, i)
		adj[r.Subject] = append(adj[r.Subject], i)
		if r.Object != r.Subject {
			adj[r.Object] = append(adj[r.Object], i)
		}
	}

	visited := make(map[string]bool)
	var frontier []string
	for _, id := range seeds {
		if _, ok := entities[id]; ok && !visited[id] {
			visited[id] = true
			frontier = append(frontier, id)
		}
	}
	for range max(hops, 0) {
		var next []string
		for _, id := range frontier {
			for _, i := range adj[id] {
				r := g.Relations[i]
				other := r.Object
				if other == id {
					other = r.Subject
				}
				if !visited[other] {
					visited[other] = true
					next = append(next, other)
				}
			}
		}
		if len(next) == 0 {
			break
		}
		frontier = next
	}

	out := &Graph{
		Articles:  []schema.Article{},
		Entities:  make([]schema.Entity, 0, len(visited)),
		Relations: []schema.Relation{},
	}
	for id := range visited {
		e := g.Entities[entities[id]]
		e.Aliases = slices.Clone(e.Aliases)
		e.Mentions = slices.Clone(e.Mentions)
		out.Entities = append(out.Entities, e)
	}
	cited := make(map[string]bool)
	for _, i := range kept {
		r := g.Relations[i]
		if visited[r.Subject] && visited[r.Object] {
			out.Relations = append(out.Relations, r)
			cited[r.Article] = true
		}
	}
	for _, a := range g.Articles {
		if cited[a.ID] {
			out.Articles = append(out.Articles, a)
		}
	}
	for _, m := range g.Mentions {
		if cited[m.Article] && visited[m.Entity] {
			out.Mentions = append(out.Mentions, m)
		}
	}
	slices.SortFunc(out.Articles, func(a, b schema.Article) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(out.Entities, func(a, b schema.Entity) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(out.Relations, func(a, b schema.Relation) int { return cmp.Compare(a.Key, b.Key) })
	slices.SortFunc(out.Mentions, func(a, b Mention) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Entity, b.Entity))
	})
	return out
}

// FindEntities returns the entities of g whose name or one of whose
// aliases matches name after schema.NormalizeName (case, accents,
// punctuation and a leading "the" do not count): "sergei lavrov" finds
// "Sergei Lavrov" and "Sergeï Lavrov". The most mentioned come first (then
// by name and ID). A name that normalizes to nothing matches nothing.
func (g *Graph) FindEntities(name string) []schema.Entity {
	want := schema.NormalizeName(name)
	if want == "" {
		return nil
	}
	var out []schema.Entity
	for _, e := range g.Entities {
		match := schema.NormalizeName(e.Name) == want
		for _, a := range e.Aliases {
			match = match || schema.NormalizeName(a) == want
		}
		if match {
			e.Aliases = slices.Clone(e.Aliases)
			e.Mentions = slices.Clone(e.Mentions)
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b schema.Entity) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// ErrNoEntity is wrapped by the error of ResolveEntity when no entity has
// the name.
var ErrNoEntity = errors.New("no entity matches")

// AmbiguousError is the error of ResolveEntity when several entities have
// the name: Candidates lists them, as FindEntities orders them.
type AmbiguousError struct {
	Name       string
	Candidates []schema.Entity
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q is ambiguous: %d entities match (give one of their IDs instead)", e.Name, len(e.Candidates))
}

// ResolveEntity returns the one entity of src that name designates: name
// is an entity ID (a UUID), or a name or alias that FindEntities matches
// to exactly one entity. When none matches the error wraps ErrNoEntity;
// when several do it is an *AmbiguousError listing them.
func ResolveEntity(ctx context.Context, src SubgraphSource, name string) (schema.Entity, error) {
	if _, err := uuid.Parse(name); err == nil {
		g, err := src.Subgraph(ctx, []string{name}, 0, Filter{})
		if err != nil {
			return schema.Entity{}, err
		}
		for _, e := range g.Entities {
			if e.ID == name {
				return e, nil
			}
		}
	}
	es, err := src.FindEntities(ctx, name)
	if err != nil {
		return schema.Entity{}, err
	}
	switch len(es) {
	case 0:
		return schema.Entity{}, fmt.Errorf("%w %q", ErrNoEntity, name)
	case 1:
		return es[0], nil
	}
	return schema.Entity{}, &AmbiguousError{Name: name, Candidates: es}
}
