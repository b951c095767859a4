package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/kgraph/kg/schema"
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
// empty), its confidence is at least MinConfidence, its date lies within
// [Since, Until] (either bound may be empty), and its article's source is
// one of Sources (any source when Sources is empty; compared ignoring
// case, so "reuters" keeps Reuters' articles; a relation whose article has
// no source, or is not in the graph, passes only when Sources is empty).
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
	Sources       []string // article sources, such as Reuters or AFP
}

// Validate reports whether f's types are ontology types, its dates have
// the form YYYY, YYYY-MM or YYYY-MM-DD, with Since not after Until, and
// its sources are not empty strings.
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
	if slices.Contains(f.Sources, "") {
		return errors.New("empty source name")
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

// pass reports whether r passes f; a is r's article, nil when the graph
// does not hold it.
func (f Filter) pass(r schema.Relation, a *schema.Article) bool {
	if len(f.Types) > 0 && !slices.Contains(f.Types, r.Type) {
		return false
	}
	if r.Confidence < f.MinConfidence {
		return false
	}
	if len(f.Sources) > 0 && (a == nil || a.Source == "" || !slices.ContainsFunc(f.Sources, func(s string) bool {
		return strings.EqualFold(s, a.Source)
	})) {
		return false
	}
	published := ""
	if a != nil {
		published = a.Published
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
	articles := g.articleIndex()

	// The relations that pass, and each entity's incident ones.
	var kept []int
	adj := make(map[string][]int)
	for i, r := range g.Relations {
		_, okS := entities[r.Subject]
		_, okO := entities[r.Object]
		if !okS || !okO || !f.pass(r, articles[r.Article]) {
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

	var rels []int
	for _, i := range kept {
		r := g.Relations[i]
		if visited[r.Subject] && visited[r.Object] {
			rels = append(rels, i)
		}
	}
	return g.cut(entities, visited, rels)
}

// cut returns the graph of the given entities (IDs, all of g; entities
// maps IDs to their index in g.Entities) and relations (indexes into
// g.Relations), with the articles those relations cite and the mentions of
// those entities by those articles, sorted like a FileStore's graph, and
// sharing no slices with g.
func (g *Graph) cut(entities map[string]int, ids map[string]bool, rels []int) *Graph {
	out := &Graph{
		Articles:  []schema.Article{},
		Entities:  make([]schema.Entity, 0, len(ids)),
		Relations: make([]schema.Relation, 0, len(rels)),
	}
	for id := range ids {
		e := g.Entities[entities[id]]
		e.Aliases = slices.Clone(e.Aliases)
		e.Mentions = slices.Clone(e.Mentions)
		out.Entities = append(out.Entities, e)
	}
	cited := make(map[string]bool)
	for _, i := range rels {
		r := g.Relations[i]
		out.Relations = append(out.Relations, r)
		cited[r.Article] = true
	}
	for _, a := range g.Articles {
		if cited[a.ID] {
			out.Articles = append(out.Articles, a)
		}
	}
	for _, m := range g.Mentions {
		if cited[m.Article] && ids[m.Entity] {
			out.Mentions = append(out.Mentions, m)
		}
	}
	out.Sort()
	return out
}

// Sort sorts g as a FileStore writes it: articles and entities by ID,
// relations by key, mentions by article and entity.
func (g *Graph) Sort() {
	slices.SortFunc(g.Articles, func(a, b schema.Article) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(g.Entities, func(a, b schema.Entity) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(g.Relations, func(a, b schema.Relation) int { return cmp.Compare(a.Key, b.Key) })
	slices.SortFunc(g.Mentions, func(a, b Mention) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Entity, b.Entity))
	})
}

// FindEntities returns the entities of g that name designates, compared
// after schema.NormalizeName (case, accents, punctuation and a leading
// "the" do not count) with the entity's name and each of its aliases, in
// the first of these tiers that finds any (see MatchName):
//
//  1. exact: "sergei lavrov" finds "Sergei Lavrov" and "Sergeï Lavrov";
//  2. words: every word typed is a word of the name: "Lavrov" finds
//     "Sergei Lavrov";
//  3. close words: every word typed is within one edit (words of four to
//     six letters) or two (longer words) of a word of the name: "Lavrof"
//     finds "Sergei Lavrov".
//
// So an exact match is always preferred to partial or misspelt ones. The
// most mentioned come first (then by name and ID). A name that normalizes
// to nothing matches nothing.
func (g *Graph) FindEntities(name string) []schema.Entity {
	want := schema.NormalizeName(name)
	if want == "" {
		return nil
	}
	var out []schema.Entity
	best := MatchNone
	for _, e := range g.Entities {
		m := MatchNone
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			m = m.Or(MatchFolded(want, schema.NormalizeName(n)))
		}
		if m == MatchNone || (best != MatchNone && m > best) {
			continue
		}
		if m < best || best == MatchNone {
			best, out = m, out[:0]
		}
		e.Aliases = slices.Clone(e.Aliases)
		e.Mentions = slices.Clone(e.Mentions)
		out = append(out, e)
	}
	SortCandidates(out)
	return out
}

// SortCandidates sorts the entities a name matches as FindEntities returns
// them: the most mentioned first, then by name and ID.
func SortCandidates(es []schema.Entity) {
	slices.SortFunc(es, func(a, b schema.Entity) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
}

// Match is how well a name matches what an analyst typed; of two matches
// the lower is the better.
type Match int

// Matches, best first.
const (
	MatchNone  Match = iota // no match
	MatchExact              // the normalized forms are equal
	MatchWords              // every word typed is a word of the name
	MatchClose              // every word typed is close to a word of the name
)

func (m Match) String() string {
	switch m {
	case MatchExact:
		return "exact"
	case MatchWords:
		return "words"
	case MatchClose:
		return "close"
	}
	return "none"
}

// Or returns the better of m and n (a match is better than none).
func (m Match) Or(n Match) Match {
	if m == MatchNone || (n != MatchNone && n < m) {
		return n
	}
	return m
}

// MatchName returns how the name an analyst typed, typed, matches name:
// both are normalized with schema.NormalizeName, then compared as
// FindEntities describes.
func MatchName(typed, name string) Match {
	return MatchFolded(schema.NormalizeName(typed), schema.NormalizeName(name))
}

// MatchFolded is MatchName for names already normalized by
// schema.NormalizeName.
func MatchFolded(typed, name string) Match {
	if typed == "" || name == "" {
		return MatchNone
	}
	if typed == name {
		return MatchExact
	}
	words := strings.Fields(name)
	m := MatchWords
	for _, w := range strings.Fields(typed) {
		if slices.Contains(words, w) {
			continue
		}
		near := false
		limit := maxEdits(w)
		for _, x := range words {
			if limit > 0 && editDistance(w, x, limit) <= limit {
				near = true
				break
			}
		}
		if !near {
			return MatchNone
		}
		m = MatchClose
	}
	return m
}

// maxEdits is the number of edits a word typed may be away from a word of
// a name and still match it: none for words of up to three letters, one up
// to six, two beyond.
func maxEdits(w string) int {
	switch n := utf8.RuneCountInString(w); {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	}
	return 2
}

// editDistance returns the optimal string alignment distance between a
// and b (insertions, deletions, substitutions and transpositions of
// adjacent letters, as Lucene's fuzzy queries count them), or limit+1 when
// it is more than limit.
func editDistance(a, b string, limit int) int {
	x, y := []rune(a), []rune(b)
	if d := len(x) - len(y); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], limit+1)
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

// Star returns the relations of entity id that pass f, in either direction
// (its relations with itself included), with the entity, the entities at
// their other ends, the articles they cite and the mentions of those
// entities by those articles, sorted like Subgraph's result. Unlike
// Subgraph with one hop, it leaves out the relations among the other
// entities. An unknown id gives an empty graph.
func (g *Graph) Star(id string, f Filter) *Graph {
	entities := make(map[string]int, len(g.Entities))
	for i, e := range g.Entities {
		entities[e.ID] = i
	}
	ids := make(map[string]bool)
	var rels []int
	if _, ok := entities[id]; ok {
		ids[id] = true
		articles := g.articleIndex()
		for i, r := range g.Relations {
			if r.Subject != id && r.Object != id {
				continue
			}
			_, okS := entities[r.Subject]
			_, okO := entities[r.Object]
			if okS && okO && f.pass(r, articles[r.Article]) {
				rels = append(rels, i)
				ids[r.Subject], ids[r.Object] = true, true
			}
		}
	}
	return g.cut(entities, ids, rels)
}

// articleIndex maps article IDs to g's articles.
func (g *Graph) articleIndex() map[string]*schema.Article {
	m := make(map[string]*schema.Article, len(g.Articles))
	for i := range g.Articles {
		m[g.Articles[i].ID] = &g.Articles[i]
	}
	return m
}

// MaxPaths bounds the shortest paths ShortestPaths considers: when two
// entities have more, which of them are returned is unspecified.
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

// CheckPaths reports whether ShortestPaths can take its arguments: two
// different entities, maxHops from 1 to 15, a valid filter without dates
// or sources (they do not bound path searches) and a limit that is not
// negative.
func CheckPaths(from, to string, maxHops int, f Filter, limit int) error {
	switch {
	case from == to:
		return errors.New("a path needs two different entities")
	case maxHops < 1 || maxHops > 15:
		return fmt.Errorf("max hops %d: want 1 to 15", maxHops)
	case f.Since != "" || f.Until != "":
		return errors.New("paths cannot be limited to dates")
	case len(f.Sources) > 0:
		return errors.New("paths cannot be limited to sources")
	case limit < 0:
		return fmt.Errorf("path limit %d: want 0 (no limit) or more", limit)
	}
	return f.Validate()
}

// ShortestPaths returns the shortest paths of at most maxHops relations
// between the entities from and to, walking the relations that pass f in
// either direction: all of them (but at most MaxPaths are considered), or
// the first limit of them when limit is above zero. Paths are sequences
// of entities: two paths through the same entities are one, whose hops
// have several relations. When no path is short enough, or an entity is
// not in g, IDs is empty. The arguments must pass CheckPaths.
func (g *Graph) ShortestPaths(from, to string, maxHops int, f Filter, limit int) (*Paths, error) {
	if err := CheckPaths(from, to, maxHops, f, limit); err != nil {
		return nil, err
	}
	entities := make(map[string]int, len(g.Entities))
	for i, e := range g.Entities {
		entities[e.ID] = i
	}
	articles := g.articleIndex()
	adj := make(map[string][]string)
	for _, r := range g.Relations {
		_, okS := entities[r.Subject]
		_, okO := entities[r.Object]
		if !okS || !okO || r.Subject == r.Object || !f.pass(r, articles[r.Article]) {
			continue
		}
		adj[r.Subject] = append(adj[r.Subject], r.Object)
		adj[r.Object] = append(adj[r.Object], r.Subject)
	}

	// Breadth-first from `from`, each entity reached once; preds keeps
	// every neighbour one step nearer, for all the shortest paths.
	var ids [][]string
	_, okF := entities[from]
	_, okT := entities[to]
	if okF && okT {
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
		if _, ok := dist[to]; ok {
			var walk func(v string, tail []string)
			walk = func(v string, tail []string) {
				if len(ids) >= MaxPaths {
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
		}
	}

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
		if pairs[[2]string{r.Subject, r.Object}] && f.pass(r, articles[r.Article]) {
			rels = append(rels, i)
		}
	}
	out := &Paths{IDs: ids, Graph: g.cut(entities, onPath, rels)}
	out.Trim(limit)
	return out, nil
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

// Star returns s.Graph.Star(id, f), or ctx's error when ctx is done.
func (s MemorySource) Star(ctx context.Context, id string, f Filter) (*Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.Graph == nil {
		return (&Graph{}).Star(id, f), nil
	}
	return s.Graph.Star(id, f), nil
}

// ShortestPaths returns s.Graph.ShortestPaths(from, to, maxHops, f,
// limit), or ctx's error when ctx is done.
func (s MemorySource) ShortestPaths(ctx context.Context, from, to string, maxHops int, f Filter, limit int) (*Paths, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	g := s.Graph
	if g == nil {
		g = &Graph{}
	}
	return g.ShortestPaths(from, to, maxHops, f, limit)
}
