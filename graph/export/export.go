// Package export writes a kg graph, usually a subgraph cut out around some
// seed entities (graph/port Reader.Subgraph), in the formats analysts take it
// elsewhere in:
//
//   - JSON: Cytoscape.js elements, {"elements": {"nodes": [...], "edges": [...]}};
//   - GraphML: for Gephi, yEd and networkx, with typed keys;
//   - CSV: the node and relationship files of neo4j-admin database import;
//   - Cypher: a script that recreates the graph in Neo4j through cypher-shell;
//   - DOT and SVG: a picture, laid out and drawn by Graphviz
//     (github.com/goccy/go-graphviz, Graphviz compiled to WebAssembly: no
//     binary needed);
//   - HTML: one self-contained page, kg's graph explorer over the graph
//     (search, expand, filter, read each relation's evidence), that opens
//     from disk with no network access.
//
// Entities are nodes and relations are edges in every format; articles
// appear as provenance on the edges (article ID, title and URL where the
// format has room), and as Article nodes with their MENTIONS only in the
// Cypher script, which recreates kg's Neo4j model.
//
// Every writer takes an io.Writer and the graph, does not change the graph,
// and is safe for concurrent use (SVG renderings share one Graphviz, one
// at a time). Output is
// deterministic: nodes are written in entity ID order and edges in
// relation key order, so the same graph gives byte-identical output. A
// relation whose subject or object is not an entity of the graph is an
// error.
package export

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// view is a graph sorted for writing, with its look-ups.
type view struct {
	entities  []schema.Entity   // by ID
	relations []schema.Relation // by key
	articles  []schema.Article  // by ID
	mentions  []graph.Mention   // by article, entity
	entity    map[string]*schema.Entity
	article   map[string]*schema.Article
}

func newView(g *graph.Graph) (*view, error) {
	if g == nil {
		g = &graph.Graph{}
	}
	v := &view{
		entities:  slices.Clone(g.Entities),
		relations: slices.Clone(g.Relations),
		articles:  slices.Clone(g.Articles),
		mentions:  slices.Clone(g.Mentions),
		entity:    make(map[string]*schema.Entity, len(g.Entities)),
		article:   make(map[string]*schema.Article, len(g.Articles)),
	}
	slices.SortStableFunc(v.entities, func(a, b schema.Entity) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(v.relations, func(a, b schema.Relation) int { return cmp.Compare(a.Key, b.Key) })
	slices.SortStableFunc(v.articles, func(a, b schema.Article) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(v.mentions, func(a, b graph.Mention) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Entity, b.Entity))
	})
	for i := range v.entities {
		e := &v.entities[i]
		if _, dup := v.entity[e.ID]; dup {
			return nil, fmt.Errorf("entity %s appears twice", e.ID)
		}
		e.Aliases = aliases(*e)
		v.entity[e.ID] = e
	}
	for i := range v.articles {
		v.article[v.articles[i].ID] = &v.articles[i]
	}
	for _, r := range v.relations {
		if v.entity[r.Subject] == nil {
			return nil, fmt.Errorf("relation %s: subject %s is not an entity of the graph", r.Key, r.Subject)
		}
		if v.entity[r.Object] == nil {
			return nil, fmt.Errorf("relation %s: object %s is not an entity of the graph", r.Key, r.Object)
		}
	}
	return v, nil
}

// aliases returns e's aliases sorted, without duplicates, empty strings
// and the name itself; never nil.
func aliases(e schema.Entity) []string {
	out := make([]string, 0, len(e.Aliases))
	for _, a := range e.Aliases {
		if a != "" && a != e.Name {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// name returns the name of the entity with the given ID.
func (v *view) name(id string) string {
	if e := v.entity[id]; e != nil {
		return e.Name
	}
	return id
}

// articleOf returns the article a relation cites, or one with only its ID
// when the graph does not hold it.
func (v *view) articleOf(r schema.Relation) schema.Article {
	if a := v.article[r.Article]; a != nil {
		return *a
	}
	return schema.Article{ID: r.Article}
}

// float formats a confidence: the shortest form that reads back as the
// same float64.
func float(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// dateNote is r's date for people: the date, and whether it is the
// article's publication date, its precision when a week, and whether the
// event is planned ("2024-03-11 (article date)", "2024-03-11 (week of),
// planned").
func dateNote(r schema.Relation) string {
	d := r.Date
	if d == "" {
		return ""
	}
	switch {
	case r.DateSource == schema.DateArticle:
		d += " (article date)"
	case r.DatePrecision == "week":
		d += " (week of)"
	}
	if r.Tense == schema.TenseFuture {
		d += ", planned"
	}
	return d
}
