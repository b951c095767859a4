package graph_test

import (
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// consistentFixture returns a small graph such as a store writes: three
// articles (the third a copy of the first), four entities of four types,
// relations of several types between them (one supported by the copy),
// and the MENTIONS.
func consistentFixture() *graph.Graph {
	p := schema.Entity{ID: schema.EntityID(schema.Person, "Ana Ortiz"), Name: "Ana Ortiz", Type: schema.Person, Aliases: []string{"Ortiz"}, Count: 3}
	c := schema.Entity{ID: schema.EntityID(schema.Country, "Freedonia"), Name: "Freedonia", Type: schema.Country, Count: 2}
	o := schema.Entity{ID: schema.EntityID(schema.Organization, "Harbour Council"), Name: "Harbour Council", Type: schema.Organization, Count: 5}
	l := schema.Entity{ID: schema.EntityID(schema.Location, "Port Vela"), Name: "Port Vela", Type: schema.Location, Count: 1}
	a1 := schema.Article{ID: schema.ArticleID("a1", ""), Ref: "a1", Title: "One", Published: "2024-02-29"}
	a2 := schema.Article{ID: schema.ArticleID("a2", ""), Ref: "a2", Published: "last spring"}
	// a3 is a near copy of a1 that states its first relation too.
	a3 := schema.Article{ID: schema.ArticleID("a3", ""), Ref: "a3", Published: "2024-03-01", Fingerprint: "AAEC",
		DuplicateOf: a1.ID, Duplicate: "near", Similarity: 0.8}
	rel := func(a schema.Article, sentence int, s schema.Entity, t schema.RelationType, o schema.Entity, date string, conf float64) schema.Relation {
		return schema.Relation{
			Key: schema.RelationKey(a.ID, sentence, s.ID, t, o.ID), Type: t, Subject: s.ID, Object: o.ID,
			Article: a.ID, Sentence: sentence, Evidence: "e", Start: sentence * 10, End: sentence*10 + 9,
			Date: date, Confidence: conf,
		}
	}
	visit := rel(a1, 0, p, schema.Visits, l, "2024-02-29", 0.9)
	visit.DateSource, visit.DatePrecision = schema.DateEvent, "day"
	visit.Support, visit.Copies, visit.FirstReported, visit.LastReported = 2, []string{a3.ID}, "2024-02-29", "2024-03-01"
	warns := rel(a2, 0, o, schema.Warns, c, "2023", 0.5)
	warns.DateSource, warns.DatePrecision, warns.Tense = schema.DateEvent, "year", schema.TenseFuture
	return &graph.Graph{
		Articles: []schema.Article{a1, a2, a3},
		Entities: []schema.Entity{p, c, o, l},
		Relations: []schema.Relation{
			visit,
			rel(a1, 1, p, schema.HoldsRole, o, "", 1),
			rel(a1, 2, c, schema.MemberOf, o, "2024-02", 0),
			warns,
			rel(a2, 1, c, schema.Meets, p, "-0001-12-31", 0.75),
		},
		Mentions: []graph.Mention{
			{Article: a1.ID, Entity: p.ID, Count: 2},
			{Article: a1.ID, Entity: c.ID, Count: 1},
			{Article: a1.ID, Entity: o.ID, Count: 2},
			{Article: a1.ID, Entity: l.ID, Count: 1},
			{Article: a2.ID, Entity: p.ID, Count: 1},
			{Article: a2.ID, Entity: c.ID, Count: 1},
			{Article: a2.ID, Entity: o.ID, Count: 3},
		},
	}
}

func TestCheckAccepts(t *testing.T) {
	if err := consistentFixture().Check(); err != nil {
		t.Fatalf("Check(fixture) = %v, want nil", err)
	}
	if err := (&graph.Graph{}).Check(); err != nil {
		t.Errorf("Check(empty graph) = %v, want nil", err)
	}
	g := consistentFixture()
	g.Mentions = nil // counts without mentions: a file written without them
	g.Entities[0].Mentions = []schema.Span{{Start: 0, End: 0}, {Start: 3, End: 9}}
	if err := g.Check(); err != nil {
		t.Errorf("Check(no mentions, entity spans) = %v, want nil", err)
	}
}

func TestCheckRefuses(t *testing.T) {
	tests := []struct {
		name   string
		damage func(g *graph.Graph)
		want   string // in the error, after "inconsistent graph: "
	}{
		{"article without id", func(g *graph.Graph) { g.Articles[1].ID = "" }, "article 2 (of 3) has no id"},
		{"duplicate article", func(g *graph.Graph) { g.Articles[1].ID = g.Articles[0].ID }, "article " + g0().Articles[0].ID + " is listed twice"},
		{"entity without id", func(g *graph.Graph) { g.Entities[2].ID = "" }, `entity 3 (of 4), "Harbour Council", has no id`},
		{"duplicate entity id", func(g *graph.Graph) { g.Entities = append(g.Entities, g.Entities[0]) }, "entity " + g0().Entities[0].ID + " is listed twice"},
		{"entity without name", func(g *graph.Graph) { g.Entities[0].Name = "" }, "no name"},
		{"unknown entity type", func(g *graph.Graph) { g.Entities[3].Type = "BOGUS" }, `unknown type "BOGUS"`},
		{"lower-case entity type", func(g *graph.Graph) { g.Entities[3].Type = "location" }, `unknown type "location"`},
		{"negative entity count", func(g *graph.Graph) { g.Mentions = nil; g.Entities[1].Count = -5 }, "negative count -5"},
		{"count below mentions", func(g *graph.Graph) { g.Entities[2].Count = 4 }, "count 4 is less than its mentions' 5"},
		{"entity span reversed", func(g *graph.Graph) { g.Entities[0].Mentions = []schema.Span{{Start: 5, End: 4}} }, "mention span [5, 4) is not a range"},
		{"entity span negative", func(g *graph.Graph) { g.Entities[0].Mentions = []schema.Span{{Start: -1, End: 4}} }, "mention span [-1, 4) is not a range"},
		{"relation without key", func(g *graph.Graph) { g.Relations[2].Key = "" }, "relation 3 (of 5), MEMBER_OF, has no key"},
		{"duplicate relation key", func(g *graph.Graph) { g.Relations[1].Key = g.Relations[0].Key }, "relation " + g0().Relations[0].Key + " is listed twice"},
		{"unknown relation type", func(g *graph.Graph) { g.Relations[0].Type = "BOGUS" }, `unknown type "BOGUS"`},
		{"confidence -5", func(g *graph.Graph) { g.Relations[0].Confidence = -5 }, "confidence -5 is outside [0, 1]"},
		{"confidence above 1", func(g *graph.Graph) { g.Relations[0].Confidence = 1.0000001 }, "confidence 1.0000001 is outside [0, 1]"},
		{"confidence NaN", func(g *graph.Graph) { g.Relations[0].Confidence = math.NaN() }, "confidence NaN is outside [0, 1]"},
		{"date with a slash", func(g *graph.Graph) { g.Relations[0].Date = "2024/02/29" }, `date "2024/02/29"`},
		{"date February 30", func(g *graph.Graph) { g.Relations[0].Date = "2024-02-30" }, `date "2024-02-30"`},
		{"date February 29 of a common year", func(g *graph.Graph) { g.Relations[0].Date = "2023-02-29" }, `date "2023-02-29"`},
		{"date month 13", func(g *graph.Graph) { g.Relations[0].Date = "2024-13" }, `date "2024-13"`},
		{"date short year", func(g *graph.Graph) { g.Relations[0].Date = "24-01-01" }, `date "24-01-01"`},
		{"date with time", func(g *graph.Graph) { g.Relations[0].Date = "2024-01-01T00:00:00Z" }, `date "2024-01-01T00:00:00Z"`},
		{"date in words", func(g *graph.Graph) { g.Relations[0].Date = "yesterday" }, `date "yesterday"`},
		{"evidence span reversed", func(g *graph.Graph) { g.Relations[0].End = g.Relations[0].Start - 1 }, "evidence span [0, -1) is not a range"},
		{"evidence span negative", func(g *graph.Graph) { g.Relations[0].Start = -3 }, "evidence span [-3, 9) is not a range"},
		{"negative sentence", func(g *graph.Graph) { g.Relations[0].Sentence = -1 }, "negative sentence index -1"},
		{"relation to a missing article", func(g *graph.Graph) { g.Relations[0].Article = "nowhere" }, `article "nowhere" is not in the graph`},
		{"relation from a missing entity", func(g *graph.Graph) { g.Relations[0].Subject = "ghost" }, `subject "ghost" is not an entity of the graph`},
		{"relation to a missing entity", func(g *graph.Graph) { g.Relations[0].Object = "ghost" }, `object "ghost" is not an entity of the graph`},
		{"type not allowed", func(g *graph.Graph) { g.Relations[0].Type = schema.HoldsRole }, "HOLDS_ROLE does not join a Person to a Location"},
		{"location as subject", func(g *graph.Graph) {
			g.Relations[0].Subject, g.Relations[0].Object = g.Relations[0].Object, g.Relations[0].Subject
		}, "VISITS does not join a Location to a Person"},
		{"unknown date source", func(g *graph.Graph) { g.Relations[0].DateSource = "guess" }, `date_source "guess" is not event or article`},
		{"unknown date precision", func(g *graph.Graph) { g.Relations[0].DatePrecision = "hour" }, `date_precision "hour" is not year, month, week or day`},
		{"support without copies", func(g *graph.Graph) { g.Relations[1].Support = 2 }, "support 2 without copies"},
		{"support not counting the copies", func(g *graph.Graph) { g.Relations[0].Support = 3 }, "support 3 with 1 copies, want 2"},
		{"copy not in the graph", func(g *graph.Graph) { g.Relations[0].Copies = []string{"nowhere"} }, `copy "nowhere" is not another article of the graph`},
		{"relation its own copy", func(g *graph.Graph) { g.Relations[0].Copies = []string{g.Relations[0].Article} }, "is not another article of the graph"},
		{"copy of a missing article", func(g *graph.Graph) { g.Articles[2].DuplicateOf = "nowhere" }, `duplicate_of "nowhere" is not another article of the graph`},
		{"copy of itself", func(g *graph.Graph) { g.Articles[2].DuplicateOf = g.Articles[2].ID }, "is not another article of the graph"},
		{"unknown kind of copy", func(g *graph.Graph) { g.Articles[2].Duplicate = "partial" }, `duplicate "partial" is not exact or near`},
		{"similarity above 1", func(g *graph.Graph) { g.Articles[2].Similarity = 1.5 }, "similarity 1.5 is outside [0, 1]"},
		{"kind of copy without original", func(g *graph.Graph) { g.Articles[1].Duplicate = "exact" }, `duplicate "exact", similarity 0, of no article`},
		{"mention of a missing article", func(g *graph.Graph) { g.Mentions[0].Article = "nowhere" }, `article "nowhere" is not in the graph`},
		{"mention of a missing entity", func(g *graph.Graph) { g.Mentions[0].Entity = "ghost" }, `entity "ghost" is not in the graph`},
		{"mention count 0", func(g *graph.Graph) { g.Mentions[1].Count = 0 }, "count 0 is not positive"},
		{"duplicate mention", func(g *graph.Graph) { g.Mentions = append(g.Mentions, g.Mentions[3]) }, "is listed twice"},
		{"mention counts overflow", func(g *graph.Graph) {
			g.Entities[0].Count = math.MaxInt
			g.Mentions[0].Count = math.MaxInt
		}, "mention counts overflow"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := consistentFixture()
			tc.damage(g)
			err := g.Check()
			if !errors.Is(err, graph.ErrInconsistent) {
				t.Fatalf("Check = %v, want ErrInconsistent", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Check = %q, want it to say %q", err, tc.want)
			}
			if consistent(g) {
				t.Errorf("the test's own oracle finds the damaged graph consistent")
			}
		})
	}
}

func g0() *graph.Graph { return consistentFixture() }

// consistent is Check written out naively, quadratic and apart from it,
// as the fuzz tests' oracle.
func consistent(g *graph.Graph) bool {
	for i, a := range g.Articles {
		if a.ID == "" {
			return false
		}
		for _, b := range g.Articles[:i] {
			if a.ID == b.ID {
				return false
			}
		}
	}
	hasArticle := func(id string) bool {
		for _, a := range g.Articles {
			if a.ID == id {
				return true
			}
		}
		return false
	}
	for _, a := range g.Articles {
		switch {
		case a.DuplicateOf == "" && (a.Duplicate != "" || a.Similarity != 0):
			return false
		case a.DuplicateOf == "":
		case a.DuplicateOf == a.ID || !hasArticle(a.DuplicateOf) || (a.Duplicate != "exact" && a.Duplicate != "near") ||
			!(a.Similarity >= 0 && a.Similarity <= 1):
			return false
		}
	}
	entity := func(id string) (schema.Entity, bool) {
		for _, e := range g.Entities {
			if e.ID == id {
				return e, true
			}
		}
		return schema.Entity{}, false
	}
	for i, e := range g.Entities {
		if e.ID == "" || e.Name == "" || e.Count < 0 {
			return false
		}
		for _, f := range g.Entities[:i] {
			if e.ID == f.ID {
				return false
			}
		}
		known := false
		for _, t := range schema.EntityTypes {
			known = known || t == e.Type
		}
		if !known {
			return false
		}
		for _, s := range e.Mentions {
			if s.Start < 0 || s.End < s.Start {
				return false
			}
		}
		sum := 0
		for _, m := range g.Mentions {
			if m.Entity == e.ID {
				if m.Count > 0 && sum > math.MaxInt-m.Count {
					return false
				}
				sum += m.Count
			}
		}
		if e.Count < sum {
			return false
		}
	}
	for i, r := range g.Relations {
		if r.Key == "" || !(r.Confidence >= 0 && r.Confidence <= 1) || !dateOK(r.Date) ||
			r.Start < 0 || r.End < r.Start || r.Sentence < 0 || !hasArticle(r.Article) {
			return false
		}
		switch r.DateSource {
		case "", "event", "article":
		default:
			return false
		}
		switch r.DatePrecision {
		case "", "year", "month", "week", "day":
		default:
			return false
		}
		if (len(r.Copies) == 0 && r.Support != 0) || (len(r.Copies) > 0 && r.Support != len(r.Copies)+1) {
			return false
		}
		for _, c := range r.Copies {
			if c == r.Article || !hasArticle(c) {
				return false
			}
		}
		for _, q := range g.Relations[:i] {
			if r.Key == q.Key {
				return false
			}
		}
		var spec *schema.RelationSpec
		for j := range schema.Relations {
			if schema.Relations[j].Type == r.Type {
				spec = &schema.Relations[j]
			}
		}
		s, okS := entity(r.Subject)
		o, okO := entity(r.Object)
		if spec == nil || !okS || !okO {
			return false
		}
		okS, okO = false, false
		for _, t := range spec.Subjects {
			okS = okS || t == s.Type
		}
		for _, t := range spec.Objects {
			okO = okO || t == o.Type
		}
		if !okS || !okO {
			return false
		}
	}
	for i, m := range g.Mentions {
		if _, ok := entity(m.Entity); !ok || !hasArticle(m.Article) || m.Count < 1 {
			return false
		}
		for _, n := range g.Mentions[:i] {
			if m.Article == n.Article && m.Entity == n.Entity {
				return false
			}
		}
	}
	return true
}

var dateRE = regexp.MustCompile(`^(-?[0-9]{4,9})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$`)

// dateOK checks a date with the time package: a real day is one that
// time.Date does not roll over.
func dateOK(s string) bool {
	if s == "" {
		return true
	}
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	y, _ := strconv.Atoi(m[1])
	mo, d := 1, 1
	if m[2] != "" {
		mo, _ = strconv.Atoi(m[2])
	}
	if m[3] != "" {
		d, _ = strconv.Atoi(m[3])
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return mo >= 1 && mo <= 12 && d >= 1 && t.Day() == d && int(t.Month()) == mo
}

// FuzzCheckJSON decodes graph files (seeded with valid ones and their
// damaged variants) and checks that Check accepts exactly the graphs the
// naive oracle finds consistent: it never panics and never accepts an
// inconsistent graph.
func FuzzCheckJSON(f *testing.F) {
	seed := func(g *graph.Graph) {
		data, err := json.Marshal(g)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	seed(consistentFixture())
	seed(&graph.Graph{})
	for _, damage := range []func(g *graph.Graph){
		func(g *graph.Graph) { g.Entities[0].ID = g.Entities[1].ID },
		func(g *graph.Graph) { g.Relations[0].Object = "ghost" },
		func(g *graph.Graph) { g.Entities[3].Type = "BOGUS" },
		func(g *graph.Graph) { g.Relations[0].Confidence = -5 },
		func(g *graph.Graph) { g.Relations[0].Date = "2024-02-30" },
		func(g *graph.Graph) { g.Relations[0].Support = 1 },
		func(g *graph.Graph) { g.Articles[2].DuplicateOf = "ghost" },
		func(g *graph.Graph) { g.Relations[3].DatePrecision = "decade" },
	} {
		g := consistentFixture()
		damage(g)
		seed(g)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var g graph.Graph
		if json.Unmarshal(data, &g) != nil {
			return
		}
		err := g.Check()
		if err != nil && !errors.Is(err, graph.ErrInconsistent) {
			t.Fatalf("Check = %v, does not wrap ErrInconsistent", err)
		}
		if want := consistent(&g); (err == nil) != want {
			t.Fatalf("Check = %v, oracle says consistent = %v, for %s", err, want, data)
		}
	})
}

// FuzzCheckMutations damages the fixture with a program of mutations
// (each three bytes: what, which item, what value) and compares Check
// with the oracle.
func FuzzCheckMutations(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 1, 0, 5, 0, 2, 9, 3, 7})
	f.Add([]byte{3, 0, 200, 4, 2, 1, 8, 4, 4, 11, 0, 0})
	f.Fuzz(func(t *testing.T, program []byte) {
		g := consistentFixture()
		ids := func() []string { // every ID in play, plus strangers
			var out []string
			for _, a := range g.Articles {
				out = append(out, a.ID)
			}
			for _, e := range g.Entities {
				out = append(out, e.ID)
			}
			return append(out, "", "ghost")
		}
		dates := []string{"", "2024", "2024-02", "2024-02-29", "2023-02-29", "2024-13", "2024-00", "-0001-01-01", "99", "2024-1-1", "10000-01-31", "2024-04-31"}
		types := []string{"Person", "Country", "Organization", "Location", "Group", "BOGUS", "", "MEETS"}
		for i := 0; i+2 < len(program) && i < 60; i += 3 {
			op, n, v := program[i], int(program[i+1]), int(program[i+2])
			pick := func(k int) int { return n % k }
			switch op % 16 {
			case 0:
				if len(g.Articles) > 0 {
					g.Articles[pick(len(g.Articles))].ID = ids()[v%len(ids())]
				}
			case 1:
				if len(g.Entities) > 0 {
					g.Entities[pick(len(g.Entities))].ID = ids()[v%len(ids())]
				}
			case 2:
				if len(g.Entities) > 0 {
					g.Entities[pick(len(g.Entities))].Type = schema.EntityType(types[v%len(types)])
				}
			case 3:
				if len(g.Entities) > 0 {
					g.Entities[pick(len(g.Entities))].Count = v - 8
				}
			case 4:
				if len(g.Relations) > 0 {
					g.Relations[pick(len(g.Relations))].Subject = ids()[v%len(ids())]
				}
			case 5:
				if len(g.Relations) > 0 {
					g.Relations[pick(len(g.Relations))].Object = ids()[v%len(ids())]
				}
			case 6:
				if len(g.Relations) > 0 {
					g.Relations[pick(len(g.Relations))].Type = schema.Relations[v%len(schema.Relations)].Type
				}
			case 7:
				if len(g.Relations) > 0 {
					g.Relations[pick(len(g.Relations))].Confidence = float64(v-20) / 100
				}
			case 8:
				if len(g.Relations) > 0 {
					g.Relations[pick(len(g.Relations))].Date = dates[v%len(dates)]
				}
			case 9:
				if len(g.Relations) > 0 {
					r := &g.Relations[pick(len(g.Relations))]
					r.Start, r.End, r.Sentence = v%7-2, v%5-1, v%3-1
				}
			case 10:
				if len(g.Relations) > 0 {
					g.Relations[pick(len(g.Relations))].Key = g.Relations[v%len(g.Relations)].Key
				}
			case 11:
				if len(g.Mentions) > 0 {
					m := &g.Mentions[pick(len(g.Mentions))]
					m.Count = v%4 - 1
				}
			case 12:
				if len(g.Mentions) > 0 {
					g.Mentions = append(g.Mentions, g.Mentions[pick(len(g.Mentions))])
				}
			case 13:
				if len(g.Mentions) > 0 {
					g.Mentions[pick(len(g.Mentions))].Entity = ids()[v%len(ids())]
				}
			case 14:
				if len(g.Entities) > 0 {
					k := pick(len(g.Entities))
					g.Entities = append(g.Entities[:k], g.Entities[k+1:]...)
				}
			case 15:
				if len(g.Relations) > 0 {
					g.Relations[pick(len(g.Relations))].Article = ids()[v%len(ids())]
				}
			}
		}
		err := g.Check()
		if want := consistent(g); (err == nil) != want {
			t.Fatalf("Check = %v, oracle says consistent = %v", err, want)
		}
	})
}
