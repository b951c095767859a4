package filestore

import (
	"context"
	"fmt"
	"slices"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/names"
	"github.com/kgraph/kg/schema"
)

// Memory is the read side of the graph file: a graph held in memory that
// answers graph/port's Reader, as graph/neo4jstore answers it from Neo4j.
// Its walks are breadth-first with a visited set, so their cost is linear
// in the size of the graph whatever its hubs.
//
// A Memory is safe for concurrent use; nobody must change its graph.
// Create one with ReadFile or NewMemory.
type Memory struct {
	g         *graph.Graph
	index     map[string]int    // entity ID -> index in g.Entities
	published map[string]string // article ID -> publication date
	vocab     map[string]bool   // the words of the entities' names (names.Vocabulary)
	source    map[string]string // article ID -> source
}

// ReadFile reads the graph file at path into a Memory. The error of a
// file that does not exist wraps fs.ErrNotExist.
func ReadFile(path string) (*Memory, error) {
	g, err := Read(path)
	if err != nil {
		return nil, err
	}
	return NewMemory(g), nil
}

// NewMemory returns a Memory over g, which it keeps (and never changes).
// A nil g is an empty graph.
func NewMemory(g *graph.Graph) *Memory {
	if g == nil {
		g = &graph.Graph{}
	}
	m := &Memory{g: g, index: make(map[string]int, len(g.Entities)), published: g.Published(), vocab: names.Vocabulary(g.Entities), source: make(map[string]string)}
	for _, a := range g.Articles {
		if a.Source != "" {
			m.source[a.ID] = a.Source
		}
	}
	for i, e := range g.Entities {
		m.index[e.ID] = i
	}
	return m
}

// Close does nothing: the graph is memory only.
func (m *Memory) Close() error { return nil }

// Entity returns the entity with the given ID.
func (m *Memory) Entity(ctx context.Context, id string) (schema.Entity, error) {
	if err := ctx.Err(); err != nil {
		return schema.Entity{}, err
	}
	i, ok := m.index[id]
	if !ok {
		return schema.Entity{}, fmt.Errorf("%w: id %s", graph.ErrNoEntity, id)
	}
	return cloneEntity(m.g.Entities[i]), nil
}

// FindEntities returns the entities that name designates (names.Best).
func (m *Memory) FindEntities(ctx context.Context, name string) ([]schema.Entity, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	es, _ := names.Best(name, m.g.Entities, func(w string) bool { return m.vocab[w] })
	for i := range es {
		es[i] = cloneEntity(es[i])
	}
	return es, nil
}

func cloneEntity(e schema.Entity) schema.Entity {
	e.Aliases = slices.Clone(e.Aliases)
	e.Mentions = slices.Clone(e.Mentions)
	return e
}

// passing reports whether r passes f and joins two entities of the graph
// (a relation whose end is missing is skipped).
func (m *Memory) passing(r schema.Relation, f graph.Filter) bool {
	_, okS := m.index[r.Subject]
	_, okO := m.index[r.Object]
	return okS && okO && f.Pass(r, m.published[r.Article], m.source[r.Article])
}

// Subgraph returns the induced subgraph around the seed entities: see
// graph/port's Reader.
func (m *Memory) Subgraph(ctx context.Context, seeds []string, hops int, f graph.Filter) (*graph.Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("subgraph: %w", err)
	}
	g := m.g
	// The relations that pass, and each entity's incident ones.
	var kept []int
	adj := make(map[string][]int)
	for i, r := range g.Relations {
		if !m.passing(r, f) {
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
		if _, ok := m.index[id]; ok && !visited[id] {
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

	var rels []int
	for _, i := range kept {
		r := g.Relations[i]
		if visited[r.Subject] && visited[r.Object] {
			rels = append(rels, i)
		}
	}
	return m.cut(visited, rels), nil
}

// Star returns the relations of the entities ids that pass f: see
// graph/port's Reader.
func (m *Memory) Star(ctx context.Context, ids []string, f graph.Filter) (*graph.Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("relations of %v: %w", ids, err)
	}
	return m.star(ids, f), nil
}

func (m *Memory) star(ids []string, f graph.Filter) *graph.Graph {
	keep := make(map[string]bool)
	center := make(map[string]bool)
	for _, id := range ids {
		if _, ok := m.index[id]; ok {
			keep[id], center[id] = true, true
		}
	}
	var rels []int
	if len(center) > 0 {
		for i, r := range m.g.Relations {
			if (center[r.Subject] || center[r.Object]) && m.passing(r, f) {
				rels = append(rels, i)
				keep[r.Subject], keep[r.Object] = true, true
			}
		}
	}
	return m.cut(keep, rels)
}

// Timeline returns the relations of the entities ids that pass f, in date
// order: see graph/port's Reader.
func (m *Memory) Timeline(ctx context.Context, ids []string, f graph.Filter, limit int) (*graph.Graph, error) {
	star, err := m.Star(ctx, ids, f)
	if err != nil {
		return nil, err
	}
	return graph.Timeline(star, ids, limit), nil
}

// ShortestPaths returns the shortest paths between the entities from and
// to: see graph/port's Reader. The search is breadth-first from from,
// each entity reached once, keeping every neighbour one step nearer, for
// all the shortest paths.
func (m *Memory) ShortestPaths(ctx context.Context, from, to string, maxHops int, f graph.Filter, limit int) (*graph.Paths, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := graph.CheckPaths(from, to, maxHops, f, limit); err != nil {
		return nil, err
	}
	g := m.g
	adj := make(map[string][]string)
	for _, r := range g.Relations {
		if r.Subject == r.Object || !m.passing(r, f) {
			continue
		}
		adj[r.Subject] = append(adj[r.Subject], r.Object)
		adj[r.Object] = append(adj[r.Object], r.Subject)
	}
	ids := m.paths(adj, from, to, maxHops)

	onPath := make(map[string]bool)
	pairs := make(map[[2]string]bool)
	for _, p := range ids {
		for i, id := range p {
			onPath[id] = true
			if i > 0 {
				pairs[[2]string{p[i-1], id}], pairs[[2]string{id, p[i-1]}] = true, true
			}
		}
	}
	var rels []int
	for i, r := range g.Relations {
		if pairs[[2]string{r.Subject, r.Object}] && f.Pass(r, m.published[r.Article], m.source[r.Article]) {
			rels = append(rels, i)
		}
	}
	out := &graph.Paths{IDs: ids, Graph: m.cut(onPath, rels)}
	out.Trim(limit)
	return out, nil
}

// paths returns the shortest paths of at most maxHops steps of adj from
// from to to (at most graph.MaxPaths of them); none when either entity is
// not in the graph.
func (m *Memory) paths(adj map[string][]string, from, to string, maxHops int) [][]string {
	_, okF := m.index[from]
	_, okT := m.index[to]
	if !okF || !okT {
		return nil
	}
	dist := map[string]int{from: 0}
	preds := make(map[string][]string)
	frontier := []string{from}
	for d := 1; d <= maxHops && len(frontier) > 0 && !slices.Contains(frontier, to); d++ {
		var next []string
		for _, u := range frontier {
			for _, v := range adj[u] {
				dv, seen := dist[v]
				if !seen {
					dist[v] = d
					next = append(next, v)
				}
				if (!seen || dv == d) && !slices.Contains(preds[v], u) {
					preds[v] = append(preds[v], u)
				}
			}
		}
		frontier = next
	}
	if _, ok := dist[to]; !ok {
		return nil
	}
	var ids [][]string
	var walk func(v string, tail []string)
	walk = func(v string, tail []string) {
		if len(ids) >= graph.MaxPaths {
			return
		}
		tail = append([]string{v}, tail...)
		if v == from {
			ids = append(ids, tail)
			return
		}
		ps := slices.Clone(preds[v])
		slices.Sort(ps)
		for _, u := range ps {
			walk(u, tail)
		}
	}
	walk(to, nil)
	return ids
}

// cut returns the graph of the given entities (IDs of the graph) and
// relations (indexes into its Relations), with the articles those
// relations cite and the mentions of those entities by those articles,
// sorted (graph.Graph.Sort), and sharing no slices with the graph.
func (m *Memory) cut(ids map[string]bool, rels []int) *graph.Graph {
	g := m.g
	out := &graph.Graph{
		Articles:  []schema.Article{},
		Entities:  make([]schema.Entity, 0, len(ids)),
		Relations: make([]schema.Relation, 0, len(rels)),
	}
	for id := range ids {
		out.Entities = append(out.Entities, cloneEntity(g.Entities[m.index[id]]))
	}
	cited := make(map[string]bool)
	for _, i := range rels {
		r := g.Relations[i]
		out.Relations = append(out.Relations, r)
		cited[r.Article] = true
	}
	for _, a := range g.Articles {
		if cited[a.ID] {
			a.Fingerprint = "" // the store's, for finding copies
			out.Articles = append(out.Articles, a)
		}
	}
	for _, mn := range g.Mentions {
		if cited[mn.Article] && ids[mn.Entity] {
			out.Mentions = append(out.Mentions, mn)
		}
	}
	out.Sort()
	return out
}
