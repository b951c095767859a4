package query

import (
	"cmp"
	"context"
	"slices"

	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

// EntityReport is what is known of an entity: kg entity's answer.
type EntityReport struct {
	Entity Entity `json:"entity"`
	// RelationCounts counts the entity's relations by type.
	RelationCounts map[string]int `json:"relation_counts"`
	// Roles are the roles it holds (its HOLDS_ROLE relations), by role,
	// place, date and article.
	Roles []Role `json:"roles"`
	// Relations are its relations grouped by type, direction and
	// counterparty: by type, direction, then the largest groups first.
	Relations []Group `json:"relations"`
}

// Role is a role an entity holds, with its provenance. Date is the date
// the role was stated on: the article's publication date (DateSource
// "article"), as a membership is not an event.
type Role struct {
	Role       string  `json:"role"`
	At         Ref     `json:"at"`
	Date       string  `json:"date,omitempty"`
	DateSource string  `json:"date_source,omitempty"`
	Confidence float64 `json:"confidence"`
	Evidence   string  `json:"evidence"`
	Article    Article `json:"article"`
}

// Group counts the relations of one type, direction and counterparty.
// First and Last are the dates of its earliest and latest dated
// relations; Future counts its planned events.
type Group struct {
	Type         string `json:"type"`
	Direction    string `json:"direction"` // "->": the entity is the subject; "<-": the object
	Counterparty Ref    `json:"counterparty"`
	Count        int    `json:"count"`
	First        *Date  `json:"first,omitempty"`
	Last         *Date  `json:"last,omitempty"`
	Future       int    `json:"future,omitempty"`
}

// Date is a relation's date in the answers: the date (When), whose it is
// (Source: "event" or "article") and how much of it is known
// (Precision: "year", "month", "week" or "day").
type Date struct {
	When      string `json:"when"`
	Source    string `json:"source"`
	Precision string `json:"precision"`
}

// DateOf returns r's date, nil when it has none.
func DateOf(r Relation) *Date {
	if r.When == "" {
		return nil
	}
	return &Date{When: r.When, Source: r.DateSource, Precision: r.DatePrecision}
}

// Total returns the number of the entity's relations.
func (r *EntityReport) Total() int {
	n := 0
	for _, c := range r.RelationCounts {
		n += c
	}
	return n
}

// EntityInfo returns what r knows of the entity e: its roles, and its
// relations that opts count, grouped.
func EntityInfo(ctx context.Context, r port.Reader, e schema.Entity, opts Options) (*EntityReport, error) {
	star, err := relationsOf(ctx, r, e, opts)
	if err != nil {
		return nil, err
	}
	refs := newRefs(star)
	out := &EntityReport{Entity: EntityOf(e), RelationCounts: map[string]int{}, Roles: []Role{}, Relations: []Group{}}
	groups := make(map[[3]string]*Group)
	for _, rel := range star.Relations {
		out.RelationCounts[string(rel.Type)]++
		ans := refs.relation(rel)
		if rel.Type == schema.HoldsRole && rel.Subject == e.ID {
			out.Roles = append(out.Roles, Role{Role: rel.Role, At: refs.entity(rel.Object), Date: ans.When, DateSource: ans.DateSource,
				Evidence: rel.Evidence, Article: refs.article(rel.Article), Confidence: rel.Confidence})
		}
		dir, other := "->", rel.Object
		if rel.Subject != e.ID {
			dir, other = "<-", rel.Subject
		}
		k := [3]string{string(rel.Type), dir, other}
		g := groups[k]
		if g == nil {
			g = &Group{Type: string(rel.Type), Direction: dir, Counterparty: refs.entity(other)}
			groups[k] = g
		}
		g.Count++
		if ans.Future() {
			g.Future++
		}
		if d := DateOf(ans); d != nil {
			if g.First == nil || d.When < g.First.When {
				g.First = d
			}
			if g.Last == nil || d.When > g.Last.When {
				g.Last = d
			}
		}
	}
	for _, g := range groups {
		out.Relations = append(out.Relations, *g)
	}
	slices.SortFunc(out.Relations, func(a, b Group) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Direction, b.Direction), cmp.Compare(b.Count, a.Count),
			cmp.Compare(a.Counterparty.Name, b.Counterparty.Name), cmp.Compare(a.Counterparty.ID, b.Counterparty.ID))
	})
	slices.SortFunc(out.Roles, func(a, b Role) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.At.Name, b.At.Name), cmp.Compare(a.Date, b.Date), cmp.Compare(a.Article.ID, b.Article.ID))
	})
	return out, nil
}
