// Package graph is kg's graph model: resolution of document entities into
// corpus-wide entities, the build pipeline, the local graph file, and the
// Sink and Source interfaces that the stores implement.
package graph

import (
	"context"

	"github.com/kgraph/kg/schema"
)

// Graph is a whole knowledge graph in memory: the form of the local graph
// file ({"articles": [...], "entities": [...], "relations": [...],
// "mentions": [...]}). Relations and mentions refer to entities by ID. The
// zero value is an empty graph.
type Graph struct {
	Articles  []schema.Article  `json:"articles"`
	Entities  []schema.Entity   `json:"entities"`
	Relations []schema.Relation `json:"relations"`
	// Mentions are the (:Article)-[:MENTIONS]->(:Entity) edges.
	Mentions []Mention `json:"mentions,omitempty"`
}

// Mention says that an article mentions an entity Count times.
type Mention struct {
	Article string `json:"article"`
	Entity  string `json:"entity"`
	Count   int    `json:"count"`
}

// Sink receives resolved extractions and stores them. Load may be called
// many times; Close flushes what is pending. Implementations say whether
// they are safe for concurrent use.
type Sink interface {
	// Load stores a batch of resolved extractions. Loading the same
	// extraction twice must change nothing.
	Load(ctx context.Context, batch []schema.Extraction) error
	Close() error
}

// Stats counts what a sink holds or what a load wrote.
type Stats struct {
	Articles  int
	Entities  int
	Relations int
	// ByType counts relations by type.
	ByType map[schema.RelationType]int
}
