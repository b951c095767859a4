// Package filestore is kg's embedded store: the local graph file, one
// JSON document (graph.Graph's form), which Store writes when a build or
// load closes it and Memory answers questions from once read. A Store
// holds the writer's lock on the file (Lock) from Open to Close, so that
// two writers never lose each other's articles; the file is replaced
// atomically (WriteFile), and read files are checked (Read).
//
// Store implements graph/port's Writer and Memory its Reader, with the
// same answers as graph/neo4jstore.
package filestore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Store is the write side of the graph file: it keeps the graph in
// memory and writes it as one JSON file when closed.
//
// It holds what each article contributes (the article, its MENTIONS with
// their counts, its relations) keyed by article ID, so loading an article
// again replaces its contribution instead of adding to it: loading the
// same extractions twice gives byte-identical files. Entities are keyed by
// ID; the first name loaded wins, aliases are the union of every load's
// (they never shrink), and Count is the sum of the entity's MENTIONS
// counts. Entities are never removed, even when no article mentions them
// any more. Article texts and entity mention spans are not kept.
//
// The relations that a copy of an article supports (Extraction.Supports)
// are part of the copy's contribution: each relation written lists the
// copies that support it (Relation.Copies, with Support and the first
// and last reported dates), and the file keeps nothing else of them, so
// that reading it back gives the same supports.
//
// A Store holds the writer's lock on the graph file from Open to Close
// (see Lock): a second writer of the same file, in this process or
// another, waits or fails instead of overwriting what the first adds.
//
// A Store is safe for concurrent use, though loads gain nothing from it
// (Writers is 1). Create one with Open or OpenWaiting.
type Store struct {
	mu        sync.Mutex
	path      string
	exists    bool // the file existed when opened
	dirty     bool
	closed    bool
	articles  map[string]schema.Article
	entities  map[string]*fileEntity
	mentions  map[string][]graph.Mention // by article ID
	relations map[string]schema.Relation
	keys      map[string][]string // relation keys by article ID
	lock      *FileLock           // the writer's lock, held from Open to Close
	// supports are the relations each copy supports, by article ID, and
	// copies the copies supporting each relation, by key.
	supports map[string][]schema.Support
	copies   map[string]map[string]bool
}

type fileEntity struct {
	schema.Entity // without mentions; Count unused
	// base is the part of Count that no mention accounts for, from a file
	// written without mentions.
	base int
	// total is the sum of the entity's MENTIONS counts.
	total int
}

// Open opens the graph file at path for loading, as OpenWaiting does,
// failing at once when another writer holds the file: the error then
// wraps ErrLocked and names the file and the writer's process.
func Open(path string) (*Store, error) {
	return OpenWaiting(context.Background(), path, nil)
}

// OpenWaiting opens the graph file at path for loading, creating its
// directory if need be. It first takes the writer's lock on the file
// (see Lock; waiting is Lock's), which the Store holds until Close or
// Abort, so that no other writer reads or replaces the file meanwhile.
// When the file exists its graph is read and checked (see Read), so that
// successive runs accumulate into one file; when it does not, the store
// starts empty and Close creates it.
func OpenWaiting(ctx context.Context, path string, waiting func(Holder)) (*Store, error) {
	if path == "" {
		return nil, errors.New("open graph file: no path")
	}
	target, err := resolve(path)
	if err != nil {
		return nil, fmt.Errorf("open graph file %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return nil, fmt.Errorf("create output directory: %w", err)
	}
	lock, err := Lock(ctx, path, waiting)
	if err != nil {
		return nil, err
	}
	s, err := open(path)
	if err != nil {
		lock.Unlock()
		return nil, err
	}
	s.lock = lock
	return s, nil
}

// open reads the graph file at path into a new Store.
func open(path string) (*Store, error) {
	s := &Store{
		path:      path,
		articles:  make(map[string]schema.Article),
		entities:  make(map[string]*fileEntity),
		mentions:  make(map[string][]graph.Mention),
		relations: make(map[string]schema.Relation),
		keys:      make(map[string][]string),
		supports:  make(map[string][]schema.Support),
		copies:    make(map[string]map[string]bool),
	}
	g, err := Read(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s, nil
	case err != nil:
		return nil, err
	}
	s.exists = true
	for _, a := range g.Articles {
		s.articles[a.ID] = a
	}
	for _, e := range g.Entities {
		s.entities[e.ID] = &fileEntity{Entity: schema.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.Aliases}, base: e.Count}
	}
	for _, m := range g.Mentions {
		s.mentions[m.Article] = append(s.mentions[m.Article], m)
		e := s.entities[m.Entity]
		e.base -= m.Count
		e.total += m.Count
	}
	for _, r := range g.Relations {
		for _, c := range r.Copies {
			s.supports[c] = append(s.supports[c], schema.Support{Key: r.Key, Type: r.Type})
			s.support(r.Key, c, true)
		}
		r.Support, r.Copies, r.FirstReported, r.LastReported = 0, nil, "", ""
		s.relations[r.Key] = r
		s.keys[r.Article] = append(s.keys[r.Article], r.Key)
	}
	return s, nil
}

// support records (on) or forgets that the copy article supports the
// relation key.
func (s *Store) support(key, article string, on bool) {
	cs := s.copies[key]
	if on {
		if cs == nil {
			cs = make(map[string]bool)
			s.copies[key] = cs
		}
		cs[article] = true
		return
	}
	delete(cs, article)
	if len(cs) == 0 {
		delete(s.copies, key)
	}
}

// withSupport returns r with the copies that support it, their number
// and the first and last dates they were reported.
func (s *Store) withSupport(r schema.Relation) schema.Relation {
	cs := s.copies[r.Key]
	if len(cs) == 0 {
		return r
	}
	r.Copies = slices.Sorted(maps.Keys(cs))
	r.Support = len(r.Copies) + 1
	for _, id := range append([]string{r.Article}, r.Copies...) {
		d := s.articles[id].Published
		if d == "" {
			continue
		}
		if r.FirstReported == "" || d < r.FirstReported {
			r.FirstReported = d
		}
		if d > r.LastReported {
			r.LastReported = d
		}
	}
	return r
}

// Load adds a batch of resolved extractions. An extraction whose article
// is already in the store replaces that article's contribution. Nothing is
// loaded when an extraction of the batch is invalid (see graph.Validate)
// or gives an entity the store holds another type, so that the file
// written is one that Read accepts.
func (s *Store) Load(ctx context.Context, batch []schema.Extraction) error {
	for i, x := range batch {
		if err := graph.Validate(x); err != nil {
			return fmt.Errorf("load extraction %d: %w", i, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("load %s: store is closed", s.path)
	}
	if err := s.sameTypes(batch); err != nil {
		return err
	}
	for _, x := range batch {
		s.load(x)
	}
	s.dirty = s.dirty || len(batch) > 0
	return nil
}

// sameTypes reports an entity of batch whose ID the store, or an earlier
// extraction of batch, holds with another type: the relations of one of
// them would join types their relation type does not allow.
func (s *Store) sameTypes(batch []schema.Extraction) error {
	var added map[string]schema.EntityType
	for i, x := range batch {
		for _, e := range x.Entities {
			held, ok := added[e.ID]
			if fe := s.entities[e.ID]; !ok && fe != nil {
				held, ok = fe.Type, true
			}
			if ok && held != e.Type {
				return fmt.Errorf("load extraction %d: %w: article %s: entity %s is a %s, and a %s in the graph", i, graph.ErrInvalid, x.Article.ID, e.ID, e.Type, held)
			}
			if !ok {
				if added == nil {
					added = make(map[string]schema.EntityType)
				}
				added[e.ID] = e.Type
			}
		}
	}
	return nil
}

func (s *Store) load(x schema.Extraction) {
	id := x.Article.ID
	a := x.Article
	a.Text = ""
	s.articles[id] = a

	for _, k := range s.keys[id] {
		delete(s.relations, k)
	}
	for _, m := range s.mentions[id] {
		s.entities[m.Entity].total -= m.Count
	}

	for _, e := range x.Entities {
		fe := s.entities[e.ID]
		if fe == nil {
			fe = &fileEntity{Entity: schema.Entity{ID: e.ID, Name: e.Name, Type: e.Type}}
			s.entities[e.ID] = fe
		}
		fe.Aliases = graph.CleanAliases(fe.Name, slices.Concat(fe.Aliases, e.Aliases, []string{e.Name}))
	}
	ms := graph.Mentions(x)
	for _, m := range ms {
		s.entities[m.Entity].total += m.Count
	}
	s.mentions[id] = ms

	keys := make([]string, 0, len(x.Relations))
	for _, r := range x.Relations {
		r.Support, r.Copies, r.FirstReported, r.LastReported = 0, nil, "", ""
		s.relations[r.Key] = r
		keys = append(keys, r.Key)
	}
	s.keys[id] = keys

	for _, sp := range s.supports[id] {
		s.support(sp.Key, id, false)
	}
	delete(s.supports, id)
	if len(x.Supports) > 0 {
		s.supports[id] = slices.Clone(x.Supports)
		for _, sp := range x.Supports {
			s.support(sp.Key, id, true)
		}
	}
}

// Graph returns a copy of the store's graph, sorted by ID (articles,
// entities), key (relations) and article then entity (mentions).
func (s *Store) Graph() *graph.Graph {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.graph()
}

func (s *Store) graph() *graph.Graph {
	g := &graph.Graph{
		Articles:  make([]schema.Article, 0, len(s.articles)),
		Entities:  make([]schema.Entity, 0, len(s.entities)),
		Relations: make([]schema.Relation, 0, len(s.relations)),
	}
	for _, a := range s.articles {
		g.Articles = append(g.Articles, a)
	}
	slices.SortFunc(g.Articles, func(a, b schema.Article) int { return cmp.Compare(a.ID, b.ID) })
	for _, fe := range s.entities {
		e := fe.Entity
		e.Aliases = slices.Clone(e.Aliases)
		e.Count = fe.base + fe.total
		g.Entities = append(g.Entities, e)
	}
	slices.SortFunc(g.Entities, func(a, b schema.Entity) int { return cmp.Compare(a.ID, b.ID) })
	for _, r := range s.relations {
		g.Relations = append(g.Relations, s.withSupport(r))
	}
	slices.SortFunc(g.Relations, func(a, b schema.Relation) int { return cmp.Compare(a.Key, b.Key) })
	for _, ms := range s.mentions {
		g.Mentions = append(g.Mentions, ms...)
	}
	slices.SortFunc(g.Mentions, func(a, b graph.Mention) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Entity, b.Entity))
	})
	return g
}

// sections returns the arrays of the store's graph sorted as Graph sorts
// them, for writeFile: only the keys are sorted, and each element is made
// when it is written, so that writing does not copy the graph.
func (s *Store) sections() []section {
	articles := slices.Sorted(maps.Keys(s.articles))
	entities := slices.Sorted(maps.Keys(s.entities))
	relations := slices.Sorted(maps.Keys(s.relations))
	withMentions := slices.Sorted(maps.Keys(s.mentions))
	var mentions [][2]int // article index in withMentions, mention index
	for i, id := range withMentions {
		ms := s.mentions[id]
		slices.SortFunc(ms, func(a, b graph.Mention) int { return cmp.Compare(a.Entity, b.Entity) })
		for j := range ms {
			mentions = append(mentions, [2]int{i, j})
		}
	}
	return []section{
		{"articles", len(articles), false, false, func(i int) any { a := s.articles[articles[i]]; return &a }},
		{"entities", len(entities), false, false, func(i int) any {
			fe := s.entities[entities[i]]
			e := fe.Entity
			e.Count = fe.base + fe.total
			return &e
		}},
		{"relations", len(relations), false, false, func(i int) any { r := s.withSupport(s.relations[relations[i]]); return &r }},
		{"mentions", len(mentions), false, true, func(i int) any {
			m := mentions[i]
			return &s.mentions[withMentions[m[0]]][m[1]]
		}},
	}
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	if err := ctx.Err(); err != nil {
		return graph.Stats{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := graph.Stats{
		Articles:       len(s.articles),
		Entities:       len(s.entities),
		EntitiesByType: make(map[schema.EntityType]int),
		Relations:      len(s.relations),
		ByType:         make(map[schema.RelationType]int),
	}
	for _, e := range s.entities {
		st.EntitiesByType[e.Type]++
	}
	for _, a := range s.articles {
		if a.DuplicateOf != "" {
			st.Duplicates++
		}
	}
	for _, r := range s.relations {
		st.ByType[r.Type]++
	}
	return st, nil
}

// Close writes the graph file when anything was loaded or the file did
// not exist, atomically (see WriteFile: its mode and the symbolic link
// to it are kept), and releases the writer's lock. Closing again does
// nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var err error
	if !s.exists || s.dirty {
		err = WriteFile(s.path, func(w io.Writer) error { return writeGraph(w, s.sections()) })
	}
	if uerr := s.lock.Unlock(); err == nil {
		err = uerr
	}
	return err
}

// Abort ends the store after a failed build or load (cause, unused): what
// was loaded is kept, the graph file being written as by Close, but only
// when anything was loaded, so that a failure before any load leaves no
// new file. The writer's lock is released.
func (s *Store) Abort(cause error) error {
	s.mu.Lock()
	if !s.dirty && !s.closed {
		s.closed = true
		s.mu.Unlock()
		return s.lock.Unlock()
	}
	s.mu.Unlock()
	return s.Close()
}

// Loaded returns the IDs of those of articles that the store holds with
// the same ID and content hash (Article.SHA256). Articles without a hash
// are never held.
func (s *Store) Loaded(ctx context.Context, articles []schema.Article) (map[string]bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]bool)
	for _, a := range articles {
		if held, ok := s.articles[a.ID]; ok && held.SHA256 != "" && held.SHA256 == a.SHA256 {
			out[a.ID] = true
		}
	}
	return out, nil
}

// Entities calls yield with every entity the store holds (ID, name, type
// and aliases), in ID order, and returns yield's error, if any.
func (s *Store) Entities(ctx context.Context, yield func(schema.Entity) error) error {
	s.mu.Lock()
	es := make([]schema.Entity, 0, len(s.entities))
	for _, id := range slices.Sorted(maps.Keys(s.entities)) {
		fe := s.entities[id]
		es = append(es, schema.Entity{ID: fe.ID, Name: fe.Name, Type: fe.Type, Aliases: slices.Clone(fe.Aliases)})
	}
	s.mu.Unlock()
	for _, e := range es {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := yield(e); err != nil {
			return err
		}
	}
	return nil
}

// Articles calls yield with every article the store holds (without its
// text), in ID order, and returns yield's error, if any.
func (s *Store) Articles(ctx context.Context, yield func(schema.Article) error) error {
	s.mu.Lock()
	as := make([]schema.Article, 0, len(s.articles))
	for _, id := range slices.Sorted(maps.Keys(s.articles)) {
		as = append(as, s.articles[id])
	}
	s.mu.Unlock()
	for _, a := range as {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := yield(a); err != nil {
			return err
		}
	}
	return nil
}

// ArticleRelations returns the relations that the given articles
// contribute, in key order.
func (s *Store) ArticleRelations(ctx context.Context, articles []string) ([]schema.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []schema.Relation
	for _, id := range articles {
		for _, k := range s.keys[id] {
			out = append(out, s.withSupport(s.relations[k]))
		}
	}
	slices.SortFunc(out, func(a, b schema.Relation) int { return cmp.Compare(a.Key, b.Key) })
	return out, nil
}

// Writers returns 1: the file is written by one load at a time.
func (s *Store) Writers() int { return 1 }

// Summary says where the graph file is and what it holds: "graph file
// PATH: N articles, N entities, N relations".
func (s *Store) Summary(ctx context.Context) string {
	st, _ := s.Stats(context.WithoutCancel(ctx))
	return fmt.Sprintf("graph file %s: %d articles, %d entities, %d relations", s.path, st.Articles, st.Entities, st.Relations)
}
