package graph

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// TestValidateRefusesWhatCheckRefuses: Validate refuses an extraction
// holding what Graph.Check refuses in a graph file, so that no store
// writes a graph its reader would refuse: the problems of an entity or a
// relation alone, relations whose type does not allow their ends' types,
// an ID given two types.
func TestValidateRefusesWhatCheckRefuses(t *testing.T) {
	good := doc("a1", []schema.Entity{lloyd, china}, rel("a1", 0, lloyd, schema.Meets, china))
	tests := []struct {
		name   string
		change func(x *schema.Extraction)
		want   string
	}{
		{"entity without name", func(x *schema.Extraction) { x.Entities[0].Name = "" }, "no name"},
		{"negative count", func(x *schema.Extraction) { x.Entities[0].Count = -1 }, "negative count -1"},
		{"mention span reversed", func(x *schema.Extraction) { x.Entities[0].Mentions = []schema.Span{{Start: 4, End: 2}} }, "mention span [4, 2) is not a range"},
		{"confidence -5", func(x *schema.Extraction) { x.Relations[0].Confidence = -5 }, "confidence -5 is outside [0, 1]"},
		{"confidence NaN", func(x *schema.Extraction) { x.Relations[0].Confidence = math.NaN() }, "confidence NaN"},
		{"date February 30", func(x *schema.Extraction) { x.Relations[0].Date = "2024-02-30" }, `date "2024-02-30"`},
		{"evidence span reversed", func(x *schema.Extraction) { x.Relations[0].Start, x.Relations[0].End = 9, 3 }, "evidence span [9, 3)"},
		{"negative sentence", func(x *schema.Extraction) { x.Relations[0].Sentence = -2 }, "negative sentence index -2"},
		{"type not allowed", func(x *schema.Extraction) {
			x.Relations[0].Type = schema.HoldsRole
			x.Relations[0].Subject = china.ID
			x.Relations[0].Object = lloyd.ID
		},
			"HOLDS_ROLE does not join a Country to a Person"},
		{"one id, two types", func(x *schema.Extraction) {
			c := china
			c.Type = schema.Location
			x.Entities = append(x.Entities, c)
		}, "is both a Country and a Location"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := good
			x.Entities = append([]schema.Entity(nil), good.Entities...)
			x.Relations = append([]schema.Relation(nil), good.Relations...)
			tt.change(&x)
			err := Validate(x)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate = %v, want ErrInvalid saying %q", err, tt.want)
			}
		})
	}
	if err := Validate(good); err != nil {
		t.Errorf("Validate(good) = %v", err)
	}
}
