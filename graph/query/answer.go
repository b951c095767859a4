package query

import (
	"cmp"
	"slices"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Entity is an entity in the answers.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
}

// EntityOf returns e as the answers show it.
func EntityOf(e schema.Entity) Entity {
	as := e.Aliases
	if as == nil {
		as = []string{}
	}
	return Entity{ID: e.ID, Name: e.Name, Type: string(e.Type), Aliases: as, Mentions: e.Count}
}

// Ref names an entity in a relation.
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// Article is the article a relation cites: its provenance. Ref is the
// reference the input gave, else the ID, so that tables always have
// something to show.
type Article struct {
	ID        string `json:"id"`
	Ref       string `json:"ref,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Relation is a relation with its provenance.
type Relation struct {
	Key     string `json:"key"`
	Type    string `json:"type"`
	Subject Ref    `json:"subject"`
	Object  Ref    `json:"object"`
	// Date is the event's date, when the text gives it; When is Date, or
	// else the article's publication date.
	Date       string  `json:"date,omitempty"`
	When       string  `json:"when,omitempty"`
	Tense      string  `json:"tense,omitempty"`
	Role       string  `json:"role,omitempty"`
	Confidence float64 `json:"confidence"`
	Evidence   string  `json:"evidence"`
	Article    Article `json:"article"`
	Sentence   int     `json:"sentence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
}

// refs looks up the entities and articles of a graph for the answers.
type refs struct {
	entities map[string]schema.Entity
	articles map[string]schema.Article
}

func newRefs(g *graph.Graph) refs {
	r := refs{entities: make(map[string]schema.Entity), articles: make(map[string]schema.Article)}
	for _, e := range g.Entities {
		r.entities[e.ID] = e
	}
	for _, a := range g.Articles {
		r.articles[a.ID] = a
	}
	return r
}

func (r refs) entity(id string) Ref {
	e, ok := r.entities[id]
	if !ok {
		return Ref{ID: id, Name: id}
	}
	return Ref{ID: id, Name: e.Name, Type: string(e.Type)}
}

func (r refs) article(id string) Article {
	a, ok := r.articles[id]
	if !ok {
		return Article{ID: id, Ref: id}
	}
	ref := a.Ref
	if ref == "" {
		ref = a.ID
	}
	return Article{ID: a.ID, Ref: ref, Title: a.Title, Source: a.Source, Published: a.Published, URL: a.URL}
}

func (r refs) relation(rel schema.Relation) Relation {
	a := r.article(rel.Article)
	when := rel.Date
	if when == "" {
		when = a.Published
	}
	return Relation{
		Key: rel.Key, Type: string(rel.Type), Subject: r.entity(rel.Subject), Object: r.entity(rel.Object),
		Date: rel.Date, When: when, Tense: rel.Tense, Role: rel.Role, Confidence: rel.Confidence,
		Evidence: rel.Evidence, Article: a, Sentence: rel.Sentence, Start: rel.Start, End: rel.End,
	}
}

// byDate sorts relations in date order (When), undated last; relations
// of the same date by article and in text order, then by key.
func byDate(rs []Relation) {
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
