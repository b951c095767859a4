package graph

import (
	"slices"
	"testing"

	"github.com/kgraph/kg/schema"
)

// TestMergeCopy merges a copy's relations into its original's: the one of
// the same sentence, else the first; a relation the original lacks stays
// the copy's.
func TestMergeCopy(t *testing.T) {
	p, q, c := ent(schema.Person, "Anna Ruiz"), ent(schema.Person, "Bo Lind"), ent(schema.Country, "Sylvania")
	orig := []schema.Relation{
		rel("o", 1, p, schema.Meets, c), rel("o", 4, p, schema.Meets, c), rel("o", 2, q, schema.Warns, c),
	}
	x := doc("x", []schema.Entity{p, q, c},
		rel("x", 4, p, schema.Meets, c), rel("x", 7, q, schema.Warns, c), rel("x", 3, q, schema.Meets, c))
	x.Article.DuplicateOf = "o"
	got := MergeCopy(x, orig)
	want := []string{orig[1].Key, orig[2].Key}
	slices.Sort(want)
	var keys []string
	for _, s := range got.Supports {
		keys = append(keys, s.Key)
	}
	if !slices.Equal(keys, want) {
		t.Errorf("supports %v, want %v (the MEETS of sentence 4, the WARNS)", keys, want)
	}
	if len(got.Relations) != 1 || got.Relations[0].Key != x.Relations[2].Key {
		t.Errorf("relations %v, want the copy's own MEETS of Bo Lind", got.Relations)
	}
	if len(x.Relations) != 3 || x.Supports != nil {
		t.Errorf("MergeCopy changed its input")
	}
	x.Article.DuplicateOf = ""
	if got := MergeCopy(x, orig); len(got.Supports) != 0 || len(got.Relations) != 3 {
		t.Errorf("an original merged: %v", got.Supports)
	}
}
