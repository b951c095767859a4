// Package graph is kg's graph model and what works on it without a
// store: the Graph that stores return and exports write, the Filter and
// Paths of questions, the validation of extractions, resolution of
// document entities into corpus-wide ones (Resolver), and the build
// pipeline (Builder) with the interfaces it consumes (Source, Sink,
// Resumable, EntityLister).
//
// The stores are subpackages that implement the ports of graph/port:
// graph/filestore (the local graph file) and graph/neo4jstore.
package graph

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"github.com/kgraph/kg/schema"
)

// Graph is a knowledge graph, or a part of one, in memory: the form of
// the local graph file ({"articles": [...], "entities": [...],
// "relations": [...], "mentions": [...]}) and of the answers of stores.
// Relations and mentions refer to entities by ID. The zero value is an
// empty graph.
type Graph struct {
	Articles  []schema.Article  `json:"articles"`
	Entities  []schema.Entity   `json:"entities"`
	Relations []schema.Relation `json:"relations"`
	// Mentions are the (:Article)-[:MENTIONS]->(:Entity) edges.
	Mentions []Mention `json:"mentions,omitempty"`
}

// Mention says that an article mentions an entity Count times.
type Mention struct {
	Article string `json:"article"`
	Entity  string `json:"entity"`
	Count   int    `json:"count"`
}

// Sink receives resolved extractions and stores them. Load may be called
// many times; Close finishes and releases the store. Implementations say
// whether they are safe for concurrent use. (graph/port's Writer is the
// Sink that stores implement.)
type Sink interface {
	// Load stores a batch of resolved extractions. Loading the same
	// extraction twice must change nothing.
	Load(ctx context.Context, batch []schema.Extraction) error
	Close() error
}

// Stats counts what a store holds or what a load wrote.
type Stats struct {
	Articles int
	// Duplicates counts the articles that copy another
	// (Article.DuplicateOf).
	Duplicates int
	Entities   int
	// EntitiesByType counts entities by type.
	EntitiesByType map[schema.EntityType]int
	Relations      int
	// ByType counts relations by type.
	ByType map[schema.RelationType]int
}

// ErrNoEntity is wrapped by the error of a look-up that finds no entity.
var ErrNoEntity = errors.New("no entity matches")

// Sort sorts g as the graph file holds it: articles and entities by ID,
// relations by key, mentions by article and entity.
func (g *Graph) Sort() {
	slices.SortFunc(g.Articles, func(a, b schema.Article) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(g.Entities, func(a, b schema.Entity) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(g.Relations, func(a, b schema.Relation) int { return cmp.Compare(a.Key, b.Key) })
	slices.SortFunc(g.Mentions, func(a, b Mention) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Entity, b.Entity))
	})
}

// Summary counts the articles, entities and relations of g, and its
// relations by type.
func (g *Graph) Summary() Stats {
	st := Stats{
		Articles:       len(g.Articles),
		Entities:       len(g.Entities),
		EntitiesByType: make(map[schema.EntityType]int),
		Relations:      len(g.Relations),
		ByType:         make(map[schema.RelationType]int),
	}
	for _, e := range g.Entities {
		st.EntitiesByType[e.Type]++
	}
	for _, a := range g.Articles {
		if a.DuplicateOf != "" {
			st.Duplicates++
		}
	}
	for _, r := range g.Relations {
		st.ByType[r.Type]++
	}
	return st
}

// Published maps the IDs of g's articles to their publication dates.
func (g *Graph) Published() map[string]string {
	m := make(map[string]string, len(g.Articles))
	for _, a := range g.Articles {
		m[a.ID] = a.Published
	}
	return m
}

// When returns the date of relation r: its own, else the publication date
// of its article (published maps article IDs to those dates); "" when it
// has neither.
func When(r schema.Relation, published map[string]string) string {
	if r.Date != "" {
		return r.Date
	}
	return published[r.Article]
}

// SortByDate sorts g's relations in date order (When; undated last), those
// of one date by article, then in text order, then by key.
func (g *Graph) SortByDate() {
	published := g.Published()
	slices.SortFunc(g.Relations, func(a, b schema.Relation) int {
		wa, wb := When(a, published), When(b, published)
		if (wa == "") != (wb == "") {
			if wa == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(wa, wb), cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start), cmp.Compare(a.Key, b.Key))
	})
}

// Timeline turns star, the graph of the relations of the entities ids (a
// store's Star), into a timeline: its relations in date order
// (SortByDate) and, when limit is above zero, the first limit of them
// only, with the entities and articles they use, the entities of ids, and
// the mentions among those. Stores implement their Timeline with it.
func Timeline(star *Graph, ids []string, limit int) *Graph {
	star.SortByDate()
	if limit <= 0 || len(star.Relations) <= limit {
		return star
	}
	star.Relations = star.Relations[:limit]
	keep := make(map[string]bool)
	for _, id := range ids {
		keep[id] = true
	}
	cited := make(map[string]bool)
	for _, r := range star.Relations {
		keep[r.Subject], keep[r.Object], cited[r.Article] = true, true, true
	}
	star.Entities = slices.DeleteFunc(star.Entities, func(e schema.Entity) bool { return !keep[e.ID] })
	star.Articles = slices.DeleteFunc(star.Articles, func(a schema.Article) bool { return !cited[a.ID] })
	star.Mentions = slices.DeleteFunc(star.Mentions, func(m Mention) bool { return !cited[m.Article] || !keep[m.Entity] })
	return star
}
