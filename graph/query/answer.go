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
	// Date is the relation's date as stored; When is Date, or else the
	// article's publication date. DateSource says whose date When is:
	// "event" (the sentence names it) or "article" (the publication
	// date); DatePrecision how much of it is known ("year", "month",
	// "week": When is then the week's Monday, "day").
	Date          string `json:"date,omitempty"`
	When          string `json:"when,omitempty"`
	DateSource    string `json:"date_source,omitempty"`
	DatePrecision string `json:"date_precision,omitempty"`
	// Tense is "future" for a planned event.
	Tense      string  `json:"tense,omitempty"`
	Role       string  `json:"role,omitempty"`
	Confidence float64 `json:"confidence"`
	Evidence   string  `json:"evidence"`
	Article    Article `json:"article"`
	Sentence   int     `json:"sentence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	// Support is the number of articles that state the relation: its
	// own and the copies of it (Copies, their IDs), reported first and
	// last on FirstReported and LastReported.
	Support       int      `json:"support"`
	Copies        []string `json:"copies,omitempty"`
	FirstReported string   `json:"first_reported,omitempty"`
	LastReported  string   `json:"last_reported,omitempty"`
	// Via, on a relation counted for an entity through one of its
	// officials or bodies (Options.ViaRoles), says who acted, for each
	// end so counted.
	Via []Via `json:"via,omitempty"`
}

// Via says that a relation is counted for an entity (For) because one
// of its ends (Member) is an official of it (holding Role at At: For,
// or one of its bodies) or one of its bodies (Role empty, At the entity
// it is part of).
type Via struct {
	For    Ref    `json:"for"`
	Member Ref    `json:"member"`
	Role   string `json:"role,omitempty"`
	At     Ref    `json:"at"`
}

// Future reports whether r is a planned event.
func (r Relation) Future() bool { return r.Tense == schema.TenseFuture }

// ArticleDate reports whether r's date is its article's publication date
// (the sentence gives none).
func (r Relation) ArticleDate() bool { return r.DateSource == schema.DateArticle }

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
	when, source, prec := rel.Date, rel.DateSource, rel.DatePrecision
	switch {
	case when == "" && a.Published != "":
		when, source, prec = a.Published, schema.DateArticle, "day"
	case when != "" && source == "":
		// A graph written before kg recorded it: a date is the event's.
		source = schema.DateEvent
	}
	if prec == "" && when != "" {
		prec = map[int]string{4: "year", 7: "month"}[len(when)]
		if prec == "" {
			prec = "day"
		}
	}
	return Relation{
		Key: rel.Key, Type: string(rel.Type), Subject: r.entity(rel.Subject), Object: r.entity(rel.Object),
		Date: rel.Date, When: when, DateSource: source, DatePrecision: prec, Tense: rel.Tense, Role: rel.Role,
		Confidence: rel.Confidence, Evidence: rel.Evidence, Article: a, Sentence: rel.Sentence, Start: rel.Start, End: rel.End,
		Support: rel.Supported(), Copies: rel.Copies, FirstReported: rel.FirstReported, LastReported: rel.LastReported,
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
