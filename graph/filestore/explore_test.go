package filestore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// neighbourIDs returns the IDs, counts and links of a page, as one string
// per neighbour: "B 2 DENIES<-1 MEETS->1".
func neighbourIDs(n *graph.Neighbours) []string {
	var out []string
	for _, nb := range n.List {
		s := fmt.Sprintf("%s %d", nb.Entity.ID, nb.Count)
		for _, l := range nb.Links {
			dir := "<-"
			if l.Out {
				dir = "->"
			}
			s += fmt.Sprintf(" %s%s%d", l.Type, dir, l.Count)
		}
		out = append(out, s)
	}
	return out
}

func TestNeighbours(t *testing.T) {
	all := map[schema.RelationType]int{schema.Meets: 1, schema.HoldsRole: 1, schema.Denies: 1, schema.Supports: 1}
	tests := []struct {
		name          string
		id            string
		f             graph.Filter
		offset, limit int
		relations     int
		byType        map[schema.RelationType]int
		total         int
		want          []string
	}{
		{"all, most related first, then by name", "A", graph.Filter{}, 0, 0, 4, all, 3,
			[]string{"B 2 DENIES<-1 MEETS->1", "H 1 SUPPORTS<-1", "O 1 HOLDS_ROLE->1"}},
		{"a page", "A", graph.Filter{}, 1, 1, 4, all, 3, []string{"H 1 SUPPORTS<-1"}},
		{"limit beyond the end", "A", graph.Filter{}, 2, 10, 4, all, 3, []string{"O 1 HOLDS_ROLE->1"}},
		{"offset beyond the end", "A", graph.Filter{}, 7, 10, 4, all, 3, nil},
		{"filtered", "A", graph.Filter{Types: []schema.RelationType{schema.Meets, schema.Denies}}, 0, 0, 2,
			map[schema.RelationType]int{schema.Meets: 1, schema.Denies: 1}, 1, []string{"B 2 DENIES<-1 MEETS->1"}},
		{"source", "B", graph.Filter{Sources: []string{"REUTERS"}}, 0, 0, 3,
			map[schema.RelationType]int{schema.Meets: 1, schema.Denies: 1, schema.Accuses: 1}, 2,
			[]string{"A 2 DENIES->1 MEETS<-1", "C 1 ACCUSES->1"}},
		{"a hub", "H", graph.Filter{}, 0, 3, 9, map[schema.RelationType]int{schema.Supports: 9}, 9,
			[]string{"B 1 SUPPORTS->1", "E1 1 SUPPORTS->1", "E2 1 SUPPORTS->1"}},
		{"unknown entity", "nobody", graph.Filter{}, 0, 0, 0, map[schema.RelationType]int{}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := subgraphFixture()
			got, err := NewMemory(g).Neighbours(context.Background(), tt.id, tt.f, tt.offset, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if ids := neighbourIDs(got); !slices.Equal(ids, tt.want) || got.Total != tt.total ||
				got.Relations != tt.relations || !maps.Equal(got.ByType, tt.byType) {
				t.Errorf("Neighbours(%s, %+v, %d, %d) = %d relations %v, %d neighbours %q\nwant %d relations %v, %d neighbours %q",
					tt.id, tt.f, tt.offset, tt.limit, got.Relations, got.ByType, got.Total, ids,
					tt.relations, tt.byType, tt.total, tt.want)
			}
		})
	}
}

func TestNeighboursSelfLoop(t *testing.T) {
	g := subgraphFixture()
	g.Relations = append(g.Relations, schema.Relation{Key: "k-self", Type: schema.Visits, Subject: "A", Object: "A", Article: "a1", Confidence: 1})
	got, err := NewMemory(g).Neighbours(context.Background(), "A", graph.Filter{Types: []schema.RelationType{schema.Visits, schema.Meets}}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ids := neighbourIDs(got); got.Relations != 2 || got.Total != 1 || !slices.Equal(ids, []string{"B 1 MEETS->1"}) {
		t.Errorf("Neighbours = %d relations, %d neighbours %q; want 2 relations (the self-loop counted), 1 neighbour [B 1 MEETS->1]",
			got.Relations, got.Total, ids)
	}
}

func TestSources(t *testing.T) {
	g := subgraphFixture()
	g.Articles = append(g.Articles, schema.Article{ID: "a5", Source: "AFP"}, schema.Article{ID: "a6", Source: "AP"})
	got, err := NewMemory(g).Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.SourceCount{{Source: "AFP", Articles: 2}, {Source: "AP", Articles: 1}, {Source: "Reuters", Articles: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("Sources() = %v, want %v", got, want)
	}
}

func TestEdges(t *testing.T) {
	g := subgraphFixture()
	g.Relations = append(g.Relations,
		schema.Relation{Key: "k-ab2", Type: schema.Meets, Subject: "A", Object: "B", Article: "a2", Confidence: 1},
		schema.Relation{Key: "k-self", Type: schema.Visits, Subject: "A", Object: "A", Article: "a1", Confidence: 1})
	str := func(es []graph.Edge) []string {
		var out []string
		for _, e := range es {
			out = append(out, fmt.Sprintf("%s-%s->%s x%d", e.Subject, e.Type, e.Object, e.Count))
		}
		return out
	}
	tests := []struct {
		name        string
		ids, others []string
		f           graph.Filter
		want        []string
	}{
		{"induced", []string{"A", "B", "C"}, nil, graph.Filter{},
			[]string{"A-VISITS->A x1", "A-MEETS->B x2", "B-DENIES->A x1", "B-ACCUSES->C x1"}},
		{"new entities against the others", []string{"C"}, []string{"A", "B", "D", "H"}, graph.Filter{},
			[]string{"B-ACCUSES->C x1", "C-WARNS->D x1", "H-SUPPORTS->C x1"}},
		{"nothing among the others alone", []string{"E1"}, []string{"A", "B"}, graph.Filter{}, nil},
		{"filtered", []string{"A", "B"}, nil, graph.Filter{Sources: []string{"Reuters"}},
			[]string{"A-VISITS->A x1", "A-MEETS->B x1", "B-DENIES->A x1"}},
		{"unknown IDs", []string{"A", "nobody"}, []string{"zz"}, graph.Filter{}, []string{"A-VISITS->A x1"}},
	}
	for _, tt := range tests {
		got, err := NewMemory(g).Edges(context.Background(), tt.ids, tt.others, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if s := str(got); !slices.Equal(s, tt.want) {
			t.Errorf("%s: Edges(%q, %q, %+v) = %q, want %q", tt.name, tt.ids, tt.others, tt.f, s, tt.want)
		}
	}
}
