package query

import (
	"context"
	"slices"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

// RoleWindow is how far from a date on which an official's role was
// stated a relation of the official may be dated and still be counted for
// the entity of the role (Options.ViaRoles): a role stated in one article
// says nothing of the holder's deeds years before or after.
const RoleWindow = 365 * 24 * time.Hour

// maxBodyDepth bounds how many PART_OF steps below an entity its bodies
// are looked for.
const maxBodyDepth = 3

// member is an official or a body of an entity.
type member struct {
	id string
	// role is the role an official holds (the first stated, in text
	// order of the statements read), at, where: the entity or one of
	// its bodies. A body has no role, and at is what it is part of.
	role     string
	official bool
	at       string
	// dates are the dates on which the roles were stated ("" for an
	// undated statement); a body has none.
	dates []string
}

// roster is the officials and bodies of some entities, found through
// HOLDS_ROLE and PART_OF.
type roster struct {
	of      map[string]string  // member ID -> the entity it is a member of
	members map[string]*member // member ID -> member
	refs    refs               // the members and the entities they are members of
}

// membersOf returns the officials and bodies of the entities es: the
// bodies that are part of one (PART_OF, up to maxBodyDepth steps down),
// and who holds a role at it or at one of its bodies (HOLDS_ROLE). A
// member of several of es is counted for the first.
func membersOf(ctx context.Context, r port.Reader, es []schema.Entity) (*roster, error) {
	ro := &roster{of: make(map[string]string), members: make(map[string]*member)}
	g := &graph.Graph{}
	structural := graph.Filter{Types: []schema.RelationType{schema.HoldsRole, schema.PartOf}}
	for _, e := range es {
		seen := map[string]bool{e.ID: true}
		frontier := []string{e.ID}
		for depth := 0; depth < maxBodyDepth && len(frontier) > 0; depth++ {
			star, err := r.Star(ctx, frontier, structural)
			if err != nil {
				return nil, err
			}
			g.Entities = append(g.Entities, star.Entities...)
			g.Articles = append(g.Articles, star.Articles...)
			published := star.Published()
			in := make(map[string]bool)
			for _, id := range frontier {
				in[id] = true
			}
			var next []string
			slices.SortFunc(star.Relations, func(a, b schema.Relation) int { return cmpRel(a, b) })
			for _, rel := range star.Relations {
				if !in[rel.Object] || seen[rel.Subject] && ro.members[rel.Subject] == nil {
					continue
				}
				if owner, ok := ro.of[rel.Subject]; ok && owner != e.ID {
					continue // a member of another entity of es
				}
				m := ro.members[rel.Subject]
				if m == nil {
					m = &member{id: rel.Subject, at: rel.Object}
					ro.members[rel.Subject] = m
					ro.of[rel.Subject] = e.ID
				}
				switch rel.Type {
				case schema.PartOf:
					if !seen[rel.Subject] {
						seen[rel.Subject] = true
						next = append(next, rel.Subject)
					}
				case schema.HoldsRole:
					if !m.official {
						m.official, m.role, m.at = true, rel.Role, rel.Object
					}
					m.dates = append(m.dates, graph.When(rel, published))
					seen[rel.Subject] = true
				}
			}
			frontier = next
		}
	}
	ro.refs = newRefs(g)
	return ro, nil
}

// cmpRel orders relations by article and text, for a stable choice of the
// role named.
func cmpRel(a, b schema.Relation) int {
	switch {
	case a.Article != b.Article:
		return compare(a.Article, b.Article)
	case a.Start != b.Start:
		return a.Start - b.Start
	}
	return compare(a.Key, b.Key)
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// ids returns the IDs of the members.
func (ro *roster) ids() []string {
	out := make([]string, 0, len(ro.members))
	for id := range ro.members {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// via returns how the end id of a relation dated when counts for the
// entity it is a member of, and whether it does: it is a body, or an
// official whose role was stated within RoleWindow of when (or either is
// undated).
func (ro *roster) via(id, when string) (Via, bool) {
	m := ro.members[id]
	if m == nil {
		return Via{}, false
	}
	if m.official && !within(when, m.dates) {
		return Via{}, false
	}
	return Via{For: ro.refs.entity(ro.of[id]), Member: ro.refs.entity(id), Role: m.role, At: ro.refs.entity(m.at)}, true
}

// within reports whether the date when is within RoleWindow of one of
// dates, or when or one of them is not a date.
func within(when string, dates []string) bool {
	t, ok := parseDate(when)
	if !ok {
		return true
	}
	for _, d := range dates {
		u, ok := parseDate(d)
		if !ok {
			return true
		}
		if diff := t.Sub(u); diff <= RoleWindow && diff >= -RoleWindow {
			return true
		}
	}
	return false
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY (the first day of the
// month or the year; a year-long or month-long date is near a role within
// the window of its first day).
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) >= len(layout) {
			if t, err := time.Parse(layout, s[:len(layout)]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// rolled is a relation of an entity or of its members, as counted for
// the entity.
type rolled struct {
	rel schema.Relation
	via []Via
}

// rollUp returns the relations of star (the Star of some entities and
// their members) counted for those entities (in the sense of
// Options.ViaRoles): the relations of an entity of center with anything,
// as they are, and the relations of a member with what is neither one of
// center nor a member, marked with the member (when dates allow). The
// relations among the entities of center and their members are left
// out, but those that have an entity of center at an end.
func (ro *roster) rollUp(star *graph.Graph, center map[string]bool) []rolled {
	published := star.Published()
	var out []rolled
	for _, rel := range star.Relations {
		if center[rel.Subject] || center[rel.Object] {
			out = append(out, rolled{rel: rel})
			continue
		}
		_, ms := ro.members[rel.Subject]
		_, mo := ro.members[rel.Object]
		if ms == mo {
			continue // among members, or neither (never expected)
		}
		end := rel.Subject
		if mo {
			end = rel.Object
		}
		v, ok := ro.via(end, graph.When(rel, published))
		if !ok {
			continue
		}
		out = append(out, rolled{rel: rel, via: []Via{v}})
	}
	return out
}
