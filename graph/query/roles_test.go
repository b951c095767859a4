package query_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/graph/names"
	"github.com/kgraph/kg/graph/query"
	"github.com/kgraph/kg/schema"
)

// A made-up state with an ambassador, a ministry and the ministry's
// spokeswoman, and a neighbour with an envoy.
var (
	freedonia = mk(schema.Country, "Freedonia")
	sylvania  = mk(schema.Country, "Sylvania")
	ministry  = mk(schema.Organization, "Freedonian Ministry of Defence")
	envoy     = mk(schema.Person, "Rufus Teasdale")
	spokes    = mk(schema.Person, "Vera Montague")
	amb       = mk(schema.Person, "Ambrose Chicolini")
	outsider  = mk(schema.Organization, "Radio of Freedonia")
)

func mk(t schema.EntityType, name string) schema.Entity {
	return schema.Entity{ID: schema.EntityID(t, name), Name: name, Type: t, Count: 1}
}

func rl(article string, n int, s schema.Entity, t schema.RelationType, o schema.Entity, date string) schema.Relation {
	r := schema.Relation{Key: schema.RelationKey(article, n, s.ID, t, o.ID), Type: t, Subject: s.ID, Object: o.ID,
		Article: article, Sentence: n, Evidence: "made up", Confidence: 0.8, Date: date, DateSource: schema.DateEvent}
	if t == schema.HoldsRole {
		r.Role = "Spokeswoman"
	}
	return r
}

// rolesGraph: the ambassador's role was stated in 2024; the spokeswoman
// speaks for the ministry, part of Freedonia; the envoy is Sylvania's.
func rolesGraph() *graph.Graph {
	return &graph.Graph{
		Articles: []schema.Article{{ID: "a1", Published: "2024-05-01"}, {ID: "a2", Published: "2026-09-01"}},
		Entities: []schema.Entity{freedonia, sylvania, ministry, envoy, spokes, amb, outsider},
		Relations: []schema.Relation{
			rl("a1", 0, amb, schema.HoldsRole, freedonia, "2024-05-01"),
			rl("a1", 1, ministry, schema.PartOf, freedonia, ""),
			rl("a1", 2, spokes, schema.HoldsRole, ministry, "2024-05-01"),
			rl("a1", 3, envoy, schema.HoldsRole, sylvania, "2024-05-01"),
			rl("a1", 4, amb, schema.Accuses, sylvania, "2024-04-20"),     // counted for Freedonia
			rl("a1", 5, spokes, schema.Warns, envoy, "2024-05-01"),       // Freedonia -> Sylvania through both
			rl("a1", 6, ministry, schema.Denies, sylvania, ""),           // a body: always
			rl("a1", 7, spokes, schema.Criticizes, amb, "2024-05-01"),    // among members: not counted
			rl("a1", 8, freedonia, schema.Meets, sylvania, "2024-05-02"), // direct
			rl("a2", 0, amb, schema.Warns, sylvania, "2026-09-01"),       // two years after the role: not counted
		},
	}
}

func relKeys(rs []query.Relation) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Type+" "+r.Subject.Name+" "+r.Object.Name)
	}
	slices.Sort(out)
	return out
}

func TestViaRoles(t *testing.T) {
	ctx := context.Background()
	r := filestore.NewMemory(rolesGraph())
	via := query.Options{ViaRoles: true}

	b, err := query.Between(ctx, r, freedonia, sylvania, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := relKeys(b.Relations); !slices.Equal(got, []string{"MEETS Freedonia Sylvania"}) {
		t.Errorf("Between without roles = %v", got)
	}
	b, err = query.Between(ctx, r, freedonia, sylvania, via)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ACCUSES Ambrose Chicolini Sylvania", "DENIES Freedonian Ministry of Defence Sylvania",
		"MEETS Freedonia Sylvania", "WARNS Vera Montague Rufus Teasdale"}
	if got := relKeys(b.Relations); !slices.Equal(got, want) {
		t.Errorf("Between via roles = %v, want %v", got, want)
	}
	for _, rel := range b.Relations {
		switch rel.Subject.Name {
		case "Freedonia":
			if rel.Via != nil {
				t.Errorf("a direct relation marked %+v", rel.Via)
			}
		case "Vera Montague":
			if len(rel.Via) != 2 || rel.Via[0].Role == "" || rel.Via[0].At.Name != ministry.Name || rel.Via[0].For.Name != "Freedonia" ||
				rel.Via[1].Member.Name != envoy.Name || rel.Via[1].For.Name != "Sylvania" {
				t.Errorf("the spokeswoman's warning to the envoy: via %+v", rel.Via)
			}
		case "Freedonian Ministry of Defence":
			if len(rel.Via) != 1 || rel.Via[0].Role != "" || rel.Via[0].At.Name != "Freedonia" {
				t.Errorf("the ministry's denial: via %+v", rel.Via)
			}
		}
	}

	tl, err := query.Timeline(ctx, r, freedonia, via, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range tl.Relations {
		if rel.Type == "CRITICIZES" || rel.Date == "2026-09-01" {
			t.Errorf("timeline via roles counts %s %s %s %s", rel.Date, rel.Subject.Name, rel.Type, rel.Object.Name)
		}
	}
	if n := len(tl.Relations); n != 6 { // its own 3 (a role, a body, a meeting), the ambassador's, the spokeswoman's, the ministry's
		t.Errorf("timeline via roles: %d relations, want 6: %v", n, relKeys(tl.Relations))
	}
	if tl2, _ := query.Timeline(ctx, r, freedonia, via, 2); len(tl2.Relations) != 2 || tl2.Relations[0].Key != tl.Relations[0].Key {
		t.Errorf("timeline via roles, limit 2: %v", relKeys(tl2.Relations))
	}

	nb, err := query.Neighbors(ctx, r, freedonia, via)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, n := range nb.Neighbors {
		counts[n.Entity.Name] = n.Count
	}
	if counts["Sylvania"] != 3 || counts[envoy.Name] != 1 {
		t.Errorf("neighbors via roles: %v; want Sylvania 3 (met, accused, denied), the envoy 1", counts)
	}

	sub, err := query.Subgraph(ctx, r, []schema.Entity{freedonia}, 0, via)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range sub.Entities {
		got = append(got, e.Name)
	}
	slices.Sort(got)
	if want := []string{amb.Name, freedonia.Name, ministry.Name, spokes.Name}; !slices.Equal(got, want) {
		t.Errorf("subgraph via roles, no hops: %v, want the state and its members %v", got, want)
	}
}

// TestViaRolesDev rolls up the dev corpus on every store: Russia's
// ambassador to the UN accuses for Russia, and the stores agree.
func TestViaRolesDev(t *testing.T) {
	ctx := context.Background()
	stores := devStores(t)
	f := graph.Filter{Types: []schema.RelationType{schema.Accuses}}
	nb := each(t, "Neighbors(Russia, via roles)", func(s *store) (*query.NeighborsReport, error) {
		return query.Neighbors(ctx, s.r, resolve(t, s, "Russia"), query.Options{Filter: f, ViaRoles: true})
	})
	found := false
	for _, n := range nb.Neighbors {
		for _, r := range n.Relations {
			for _, v := range r.Via {
				if strings.Contains(strings.ToLower(v.Role), "ambassador") && v.Member.ID == r.Subject.ID && v.For.Name == "Russia" {
					found = true
				}
			}
		}
	}
	if !found {
		t.Errorf("no accusation by Russia's ambassador counted for Russia: %+v", nb.Neighbors)
	}
	each(t, "Between(United States, Ukraine, via roles)", func(s *store) (*query.BetweenReport, error) {
		return query.Between(ctx, s.r, resolve(t, s, "United States"), resolve(t, s, "Ukraine"), query.Options{ViaRoles: true})
	})
	each(t, "Timeline(Russia, via roles, past)", func(s *store) (*query.TimelineReport, error) {
		return query.Timeline(ctx, s.r, resolve(t, s, "Russia"), query.Options{ViaRoles: true, Filter: graph.Filter{Tense: graph.TensePast}}, 0)
	})
	if len(stores) < 2 {
		t.Log("Neo4j not available: the graph file only")
	}
}

// TestTense keeps planned events out of past-only answers, and only them
// in future ones.
func TestTense(t *testing.T) {
	ctx := context.Background()
	for _, s := range devStores(t) {
		for _, name := range []string{"Russia", "China", "United States"} {
			e := resolve(t, s, name)
			all, err := query.Timeline(ctx, s.r, e, query.Options{}, 0)
			if err != nil {
				t.Fatal(err)
			}
			past, _ := query.Timeline(ctx, s.r, e, query.Options{Filter: graph.Filter{Tense: graph.TensePast}}, 0)
			future, _ := query.Timeline(ctx, s.r, e, query.Options{Filter: graph.Filter{Tense: graph.TenseFuture}}, 0)
			if len(past.Relations)+len(future.Relations) != len(all.Relations) {
				t.Errorf("%s: %s: %d past + %d future != %d", s.name, name, len(past.Relations), len(future.Relations), len(all.Relations))
			}
			for _, r := range past.Relations {
				if r.Future() {
					t.Errorf("%s: a planned event in the past: %s", s.name, r.Evidence)
				}
			}
			for _, r := range future.Relations {
				if !r.Future() {
					t.Errorf("%s: a past event among the planned: %s", s.name, r.Evidence)
				}
			}
		}
	}
}

// TestLookup resolves country codes and names, refuses close spellings of
// known words, and never takes a body for what follows "of" in its name.
func TestLookup(t *testing.T) {
	ctx := context.Background()
	peskin := mk(schema.Person, "Dmitri Pesko")
	r := filestore.NewMemory(&graph.Graph{Entities: []schema.Entity{freedonia, sylvania, outsider, peskin,
		mk(schema.Country, "North Marovia"), mk(schema.Country, "South Marovia")}})
	l := query.Lookup{
		Countries: graph.NewCountries([]graph.CountryNames{
			{Name: "Freedonia", Forms: []string{"FDN", "the Republic of Freedonia"}},
			{Name: "Atlantis", Forms: []string{"ATL"}},
			{Name: "North Marovia", Forms: []string{"Marovia"}},
			{Name: "South Marovia", Forms: []string{"Marovia"}},
		}),
		Known: func(w string) bool { return w == "peskov" },
	}
	tests := []struct {
		name, want string
		country    bool
		match      names.Match
		ambiguous  int
		none       bool
	}{
		{name: "FDN", want: freedonia.Name, country: true, match: names.Exact},
		{name: "Republic of Freedonia", want: freedonia.Name, country: true, match: names.Exact},
		{name: "freedonia", want: freedonia.Name, match: names.Exact},
		{name: "Radio", want: outsider.Name, match: names.Words},
		{name: "ATL", none: true},       // a country the graph lacks
		{name: "Marovia", ambiguous: 2}, // a name of two countries
		{name: "Peskov", none: true},    // a known word, not a misspelling of Pesko
		{name: "Peskow", want: peskin.Name, match: names.Close},
	}
	for _, tt := range tests {
		res, err := l.Resolve(ctx, r, tt.name)
		var amb *query.AmbiguousError
		var unc *query.UncertainError
		switch {
		case tt.none:
			if !errors.Is(err, query.ErrNoEntity) {
				t.Errorf("Resolve(%q) = %v, %v; want ErrNoEntity", tt.name, res.Entity.Name, err)
			}
			if tt.name == "Peskov" && (!errors.As(err, &unc) || len(unc.Candidates) != 1) {
				t.Errorf("Resolve(Peskov) = %v, want an UncertainError listing Pesko", err)
			}
		case tt.ambiguous > 0:
			if !errors.As(err, &amb) || len(amb.Candidates) != tt.ambiguous {
				t.Errorf("Resolve(%q) = %v, want %d candidates", tt.name, err, tt.ambiguous)
			}
		default:
			if err != nil || res.Entity.Name != tt.want || res.Country != tt.country || res.Match != tt.match {
				t.Errorf("Resolve(%q) = %q (country %v, %v), %v; want %q (country %v, %v)", tt.name, res.Entity.Name, res.Country, res.Match, err, tt.want, tt.country, tt.match)
			}
		}
	}
	if _, err := query.Resolve(ctx, r, "FDN"); !errors.Is(err, query.ErrNoEntity) {
		t.Errorf("Resolve(FDN) without a countries table = %v, want ErrNoEntity", err)
	}
}
