package graph

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/kgraph/kg/schema"
)

var _ Sink = (*FileStore)(nil)

// FileStore is a Sink that keeps the graph in memory and writes it as one
// JSON file (the Graph form) when closed: kg's embedded default store.
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
// A FileStore is safe for concurrent use. Create one with OpenFile.
type FileStore struct {
	mu        sync.Mutex
	path      string
	exists    bool // the file existed when opened
	dirty     bool
	closed    bool
	articles  map[string]schema.Article
	entities  map[string]*fileEntity
	mentions  map[string][]Mention // by article ID
	relations map[string]schema.Relation
	keys      map[string][]string // relation keys by article ID
}

type fileEntity struct {
	schema.Entity // without mentions; Count unused
	// base is the part of Count that no mention accounts for, from a file
	// written without mentions.
	base int
	// total is the sum of the entity's MENTIONS counts.
	total int
}

// OpenFile opens the graph file at path. When the file exists its graph
// is loaded, so that successive runs accumulate into one file; when it
// does not, the store starts empty and Close creates it.
func OpenFile(path string) (*FileStore, error) {
	s := &FileStore{
		path:      path,
		articles:  make(map[string]schema.Article),
		entities:  make(map[string]*fileEntity),
		mentions:  make(map[string][]Mention),
		relations: make(map[string]schema.Relation),
		keys:      make(map[string][]string),
	}
	g, err := ReadGraph(path)
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
		if e == nil {
			return nil, fmt.Errorf("read graph %s: mention of unknown entity %s", path, m.Entity)
		}
		e.base -= m.Count
		e.total += m.Count
	}
	for _, e := range s.entities {
		e.base = max(e.base, 0)
	}
	for _, r := range g.Relations {
		s.relations[r.Key] = r
		s.keys[r.Article] = append(s.keys[r.Article], r.Key)
	}
	return s, nil
}

// ReadGraph reads the graph file at path.
func ReadGraph(path string) (*Graph, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read graph: %w", err)
	}
	var g Graph
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("read graph %s: %w", path, err)
	}
	return &g, nil
}

// Load adds a batch of resolved extractions. An extraction whose article
// is already in the store replaces that article's contribution. Nothing is
// loaded when an extraction of the batch is invalid (see Validate).
func (s *FileStore) Load(ctx context.Context, batch []schema.Extraction) error {
	for i, x := range batch {
		if err := Validate(x); err != nil {
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
	for _, x := range batch {
		s.load(x)
	}
	s.dirty = s.dirty || len(batch) > 0
	return nil
}

func (s *FileStore) load(x schema.Extraction) {
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
		fe.Aliases = cleanAliases(fe.Name, slices.Concat(fe.Aliases, e.Aliases, []string{e.Name}))
	}
	ms := Mentions(x)
	for _, m := range ms {
		s.entities[m.Entity].total += m.Count
	}
	s.mentions[id] = ms

	keys := make([]string, 0, len(x.Relations))
	for _, r := range x.Relations {
		s.relations[r.Key] = r
		keys = append(keys, r.Key)
	}
	s.keys[id] = keys
}

// Graph returns a copy of the store's graph, sorted by ID (articles,
// entities), key (relations) and article then entity (mentions).
func (s *FileStore) Graph() *Graph {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.graph()
}

func (s *FileStore) graph() *Graph {
	g := &Graph{
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
		g.Relations = append(g.Relations, r)
	}
	slices.SortFunc(g.Relations, func(a, b schema.Relation) int { return cmp.Compare(a.Key, b.Key) })
	for _, ms := range s.mentions {
		g.Mentions = append(g.Mentions, ms...)
	}
	slices.SortFunc(g.Mentions, func(a, b Mention) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Entity, b.Entity))
	})
	return g
}

// sections returns the arrays of the store's graph sorted as Graph sorts
// them, for writeFile: only the keys are sorted, and each element is made
// when it is written, so that writing does not copy the graph.
func (s *FileStore) sections() []section {
	articles := slices.Sorted(maps.Keys(s.articles))
	entities := slices.Sorted(maps.Keys(s.entities))
	relations := slices.Sorted(maps.Keys(s.relations))
	withMentions := slices.Sorted(maps.Keys(s.mentions))
	var mentions [][2]int // article index in withMentions, mention index
	for i, id := range withMentions {
		ms := s.mentions[id]
		slices.SortFunc(ms, func(a, b Mention) int { return cmp.Compare(a.Entity, b.Entity) })
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
		{"relations", len(relations), false, false, func(i int) any { r := s.relations[relations[i]]; return &r }},
		{"mentions", len(mentions), false, true, func(i int) any {
			m := mentions[i]
			return &s.mentions[withMentions[m[0]]][m[1]]
		}},
	}
}

// Stats counts what the store holds.
func (s *FileStore) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Stats{
		Articles:  len(s.articles),
		Entities:  len(s.entities),
		Relations: len(s.relations),
		ByType:    make(map[schema.RelationType]int),
	}
	for _, r := range s.relations {
		st.ByType[r.Type]++
	}
	return st
}

// Close writes the graph file, atomically (a temporary file in the same
// directory renamed over it), when anything was loaded or the file did not
// exist. Closing again does nothing.
func (s *FileStore) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.exists && !s.dirty {
		return nil
	}
	return writeFile(s.path, s.sections())
}

// Encode returns g as the graph file holds it: indented JSON, one
// trailing newline, HTML characters unescaped. Sorting is the caller's.
func (g *Graph) Encode() ([]byte, error) {
	var buf bytes.Buffer
	if err := writeGraph(&buf, g.sections()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// section is one array of the graph file: its key, its length, whether it
// is null (a nil slice) or left out when empty (omitempty), and its
// elements.
type section struct {
	name      string
	n         int
	null      bool
	omitEmpty bool
	elem      func(i int) any
}

// sections returns the arrays of g, as encoding/json would write them.
func (g *Graph) sections() []section {
	return []section{
		{"articles", len(g.Articles), g.Articles == nil, false, func(i int) any { return &g.Articles[i] }},
		{"entities", len(g.Entities), g.Entities == nil, false, func(i int) any { return &g.Entities[i] }},
		{"relations", len(g.Relations), g.Relations == nil, false, func(i int) any { return &g.Relations[i] }},
		{"mentions", len(g.Mentions), g.Mentions == nil, true, func(i int) any { return &g.Mentions[i] }},
	}
}

// writeGraph writes the graph file's JSON element by element, byte for
// byte as a json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false)
// writes the whole Graph, without holding more than one element's JSON.
func writeGraph(w io.Writer, sections []section) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var elem bytes.Buffer
	enc := json.NewEncoder(&elem)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	bw.WriteString("{")
	first := true
	for _, sec := range sections {
		if sec.omitEmpty && sec.n == 0 {
			continue
		}
		if !first {
			bw.WriteString(",")
		}
		first = false
		bw.WriteString("\n  \"" + sec.name + "\": ")
		switch {
		case sec.null:
			bw.WriteString("null")
			continue
		case sec.n == 0:
			bw.WriteString("[]")
			continue
		}
		bw.WriteString("[")
		for i := range sec.n {
			elem.Reset()
			if err := enc.Encode(sec.elem(i)); err != nil {
				return err
			}
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			bw.Write(bytes.TrimSuffix(elem.Bytes(), []byte("\n")))
		}
		bw.WriteString("\n  ]")
	}
	if first {
		bw.WriteString("}\n")
	} else {
		bw.WriteString("\n}\n")
	}
	return bw.Flush()
}

func writeFile(path string, sections []section) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("write graph: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = writeGraph(f, sections); err != nil {
		return fmt.Errorf("write graph %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write graph %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write graph %s: %w", path, err)
	}
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write graph %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write graph: %w", err)
	}
	return nil
}

// Summary counts the articles, entities and relations of g, and its
// relations by type.
func (g *Graph) Summary() Stats {
	st := Stats{
		Articles:  len(g.Articles),
		Entities:  len(g.Entities),
		Relations: len(g.Relations),
		ByType:    make(map[schema.RelationType]int),
	}
	for _, r := range g.Relations {
		st.ByType[r.Type]++
	}
	return st
}
