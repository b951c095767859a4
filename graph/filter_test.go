package graph

import (
	"testing"

	"github.com/kgraph/kg/schema"
)

func TestFilterValidate(t *testing.T) {
	tests := []struct {
		f  Filter
		ok bool
	}{
		{Filter{}, true},
		{Filter{Types: []schema.RelationType{schema.Meets}, Since: "2024", Until: "2024-05-31"}, true},
		{Filter{Since: "2024-05", Until: "2024-05-01"}, true},
		{Filter{Types: []schema.RelationType{"LIKES"}}, false},
		{Filter{Since: "2024-5-1"}, false},
		{Filter{Until: "yesterday"}, false},
		{Filter{Since: "2024-13"}, false},
		{Filter{Since: "2024-02-32"}, false},
		{Filter{Since: "2024-06", Until: "2024-05-31"}, false},
		{Filter{Sources: []string{"AFP"}}, true},
		{Filter{Sources: []string{"AFP", ""}}, false},
	}
	for _, tt := range tests {
		if err := tt.f.Validate(); (err == nil) != tt.ok {
			t.Errorf("%+v.Validate() = %v, want ok %v", tt.f, err, tt.ok)
		}
	}
}
