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

// TestResolveMemory resolves names among a few entities held in memory,
// without a store to build: IDs, exact, partial and close names, shared
// names and unknown ones.
func TestResolveMemory(t *testing.T) {
	ctx := context.Background()
	moldova := schema.EntityID(schema.Country, "Moldova")
	r := filestore.NewMemory(&graph.Graph{Entities: []schema.Entity{
		{ID: "A", Type: schema.Person, Name: "Sergeï Lavrov", Count: 10, Aliases: []string{"Lavrov"}},
		{ID: "B", Type: schema.Person, Name: "Antony Blinken", Count: 7, Aliases: []string{"Blinken"}},
		{ID: "L", Type: schema.Location, Name: "Lavrov", Count: 2},
		{ID: moldova, Type: schema.Country, Name: "Moldova"},
	}})
	tests := []struct {
		name      string
		want      string
		match     names.Match
		ambiguous []string
		none      bool
	}{
		{name: "blinken", want: "B", match: names.Exact},
		{name: "Antony  BLINKEN", want: "B", match: names.Exact},
		{name: "Antony", want: "B", match: names.Words},
		{name: "Blinkin", want: "B", match: names.Close},
		{name: moldova, want: moldova, match: names.Exact},
		{name: "moldova", want: moldova, match: names.Exact},
		{name: "Lavrov", ambiguous: []string{"A", "L"}},
		{name: "Nobody", none: true},
		{name: schema.EntityID(schema.Country, "Atlantis"), none: true},
	}
	for _, tt := range tests {
		res, err := query.Resolve(ctx, r, tt.name)
		var amb *query.AmbiguousError
		switch {
		case tt.none:
			if !errors.Is(err, query.ErrNoEntity) {
				t.Errorf("Resolve(%q) = %v, %v, want ErrNoEntity", tt.name, res, err)
			}
		case tt.ambiguous != nil:
			var got []string
			if errors.As(err, &amb) {
				for _, c := range amb.Candidates {
					got = append(got, c.ID)
				}
			}
			if !slices.Equal(got, tt.ambiguous) || !strings.Contains(err.Error(), "ambiguous") {
				t.Errorf("Resolve(%q) = %v, candidates %q, want %q (most mentioned first)", tt.name, err, got, tt.ambiguous)
			}
		default:
			if err != nil || res.Entity.ID != tt.want || res.Match != tt.match {
				t.Errorf("Resolve(%q) = %v (%v), %v; want %s (%v)", tt.name, res.Entity.ID, res.Match, err, tt.want, tt.match)
			}
		}
	}
}
