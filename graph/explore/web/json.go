package web

import (
	"cmp"
	"slices"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Entity is an entity as the page reads it (the shape of kg entity's
// JSON): aliases sorted, without the name, never null.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
}

// EntityOf returns e as the page reads it.
func EntityOf(e schema.Entity) Entity {
	return Entity{ID: e.ID, Name: e.Name, Type: string(e.Type), Aliases: aliases(e), Mentions: e.Count}
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

// EntityRef names the entity at one end of a relation; its aliases let
// the page find the entity in the evidence sentence.
type EntityRef struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
}

// ArticleRef is the article a relation cites.
type ArticleRef struct {
	ID        string `json:"id"`
	Ref       string `json:"ref,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Relation is one relation with its provenance (the shape of kg
// between's relations, with the CAMEO code).
type Relation struct {
	Key     string    `json:"key"`
	Type    string    `json:"type"`
	Subject EntityRef `json:"subject"`
	Object  EntityRef `json:"object"`
	// Date is the relation's date (schema.Relation.Date): the event's
	// when DateSource is "event" (or empty, in graphs written before kg
	// recorded it), the article's when it is "article"; DatePrecision
	// says how much of it is known. When is Date, or else the article's
	// publication date.
	Date          string     `json:"date,omitempty"`
	DateSource    string     `json:"date_source,omitempty"`
	DatePrecision string     `json:"date_precision,omitempty"`
	When          string     `json:"when,omitempty"`
	Tense         string     `json:"tense,omitempty"`
	Role          string     `json:"role,omitempty"`
	Confidence    float64    `json:"confidence"`
	Evidence      string     `json:"evidence"`
	Article       ArticleRef `json:"article"`
	Sentence      int        `json:"sentence"`
	Start         int        `json:"start"`
	End           int        `json:"end"`
	CAMEO         string     `json:"cameo,omitempty"`
	// Support is the number of articles that state the relation: its
	// own and the copies of it (schema.Relation.Supported).
	Support int `json:"support"`
}

// Refs looks up the entities and articles of a graph to describe its
// relations.
type Refs struct {
	entities map[string]*schema.Entity
	articles map[string]*schema.Article
}

// NewRefs returns the look-ups of g's entities and articles.
func NewRefs(g *graph.Graph) Refs {
	r := Refs{entities: make(map[string]*schema.Entity, len(g.Entities)), articles: make(map[string]*schema.Article, len(g.Articles))}
	for i := range g.Entities {
		r.entities[g.Entities[i].ID] = &g.Entities[i]
	}
	for i := range g.Articles {
		r.articles[g.Articles[i].ID] = &g.Articles[i]
	}
	return r
}

// Entity returns the reference to the entity with the given ID; one with
// the ID for a name when the graph does not hold it.
func (r Refs) Entity(id string) EntityRef {
	e := r.entities[id]
	if e == nil {
		return EntityRef{ID: id, Name: id}
	}
	as := aliases(*e)
	if len(as) == 0 {
		as = nil
	}
	return EntityRef{ID: id, Name: e.Name, Type: string(e.Type), Aliases: as}
}

// Article returns the reference to the article with the given ID; Ref is
// the reference the input gave, else the ID.
func (r Refs) Article(id string) ArticleRef {
	a := r.articles[id]
	if a == nil {
		return ArticleRef{ID: id, Ref: id}
	}
	ref := a.Ref
	if ref == "" {
		ref = a.ID
	}
	return ArticleRef{ID: a.ID, Ref: ref, Title: a.Title, Source: a.Source, Published: a.Published, URL: a.URL}
}

// Relation returns rel with its entities and article.
func (r Refs) Relation(rel schema.Relation) Relation {
	a := r.Article(rel.Article)
	when := rel.Date
	if when == "" {
		when = a.Published
	}
	return Relation{
		Key: rel.Key, Type: string(rel.Type), Subject: r.Entity(rel.Subject), Object: r.Entity(rel.Object),
		Date: rel.Date, DateSource: rel.DateSource, DatePrecision: rel.DatePrecision, When: when, Tense: rel.Tense,
		Role: rel.Role, Confidence: rel.Confidence, Evidence: rel.Evidence, Article: a, Sentence: rel.Sentence,
		Start: rel.Start, End: rel.End, CAMEO: rel.CAMEO, Support: rel.Supported(),
	}
}

// SortByDate sorts relations in date order (When), undated last;
// relations of the same date by article and in text order, then by key:
// the order of kg timeline and kg between.
func SortByDate(rs []Relation) {
	slices.SortFunc(rs, func(a, b Relation) int {
		if (a.When == "") != (b.When == "") {
			if a.When == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.When, b.When), cmp.Compare(a.Article.ID, b.Article.ID),
			cmp.Compare(a.Start, b.Start), cmp.Compare(a.Key, b.Key))
	})
}

// Edge is the relations of one type from one entity to another, drawn as
// one line with their count.
type Edge struct {
	ID     string `json:"id"` // source, type and target
	Source string `json:"source"`
	Target string `json:"target"`
	Type   string `json:"type"`
	Count  int    `json:"count"`
}

// EdgeOf returns e as the page draws it.
func EdgeOf(e graph.Edge) Edge {
	return Edge{ID: e.Subject + "/" + string(e.Type) + "/" + e.Object, Source: e.Subject, Target: e.Object, Type: string(e.Type), Count: e.Count}
}

// Meta is what the page needs to know of the graph before it shows
// anything: the ontology's types, the article sources, the limits.
type Meta struct {
	Title         string         `json:"title"`
	EntityTypes   []string       `json:"entity_types"`
	RelationTypes []RelationType `json:"relation_types"`
	Sources       []Source       `json:"sources"`
	Limits        Limits         `json:"limits"`
}

// RelationType describes a relation type for the filters and the legend.
type RelationType struct {
	Type string `json:"type"`
	// Family is conflict, cooperation or structure: the colour of its
	// lines.
	Family    string `json:"family"`
	Symmetric bool   `json:"symmetric"`
	Meaning   string `json:"meaning"`
}

// Source is an article source and its number of articles.
type Source struct {
	Source   string `json:"source"`
	Articles int    `json:"articles"`
}

// Limits are the server's bounds: the neighbours an expansion adds by
// default and at most, and the entities of a view.
type Limits struct {
	Expand    int `json:"expand"`
	MaxExpand int `json:"max_expand"`
	ViewNodes int `json:"view_nodes"`
}

// conflict are the relation types drawn as conflict.
var conflict = []schema.RelationType{schema.Rejects, schema.Denies, schema.Accuses, schema.Criticizes, schema.Warns, schema.Sanctions, schema.Fights}

// MetaOf returns the page's Meta for a graph with the given sources.
func MetaOf(title string, sources []graph.SourceCount, limits Limits) Meta {
	m := Meta{Title: title, EntityTypes: []string{}, RelationTypes: []RelationType{}, Sources: []Source{}, Limits: limits}
	for _, t := range schema.EntityTypes {
		m.EntityTypes = append(m.EntityTypes, string(t))
	}
	for _, spec := range schema.Relations {
		fam := "cooperation"
		switch {
		case spec.Structural:
			fam = "structure"
		case slices.Contains(conflict, spec.Type):
			fam = "conflict"
		}
		m.RelationTypes = append(m.RelationTypes, RelationType{Type: string(spec.Type), Family: fam, Symmetric: spec.Symmetric, Meaning: spec.Meaning})
	}
	for _, s := range sources {
		m.Sources = append(m.Sources, Source{Source: s.Source, Articles: s.Articles})
	}
	return m
}
