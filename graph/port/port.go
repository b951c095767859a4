// Package port declares kg's ports: the interfaces through which the
// build pipeline, the commands, the query layer and library users reach
// an extractor and a graph store, whichever adapter is behind them, and
// the functions that open a store from a Config in one place.
//
// Two adapters implement the store ports as peers: graph/filestore (the
// local graph file) and graph/neo4jstore (Neo4j). They answer every read
// alike: the contract tests of this package run one suite over both. The
// adapters do not import this package; open.go asserts that they
// implement its interfaces.
//
// A caller opens the store it is configured for and never asks which one
// it got:
//
//	w, err := port.OpenWriter(ctx, cfg) // the write port, for a build
//	...
//	b := graph.Builder{Extract: x.Extract, Sink: w, Writers: w.Writers()}
//	sum, err := b.Build(ctx, src)
//	if err != nil {
//		w.Abort(err)
//		return err
//	}
//	return w.Close()
package port

import (
	"context"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Extractor is the extraction port: it turns an article into an
// extraction (document-local entities, relations with their evidence).
// extract.Extractor implements it; a graph.Builder takes its Extract
// method. An Extractor must be safe for concurrent use.
//
// The pipeline identifies articles before they reach the extractor
// (schema.Identify: valid UTF-8 text, ID and content hash), so that an
// extractor need not; an extractor called directly identifies the
// article itself.
type Extractor interface {
	// Extract returns what the extractor finds in article a. It returns
	// ctx.Err() when ctx is done before it starts, and an error naming
	// the article, never a panic, when it fails.
	Extract(ctx context.Context, a schema.Article) (schema.Extraction, error)
}

// Writer is the write port: the store that kg build and kg load put
// resolved extractions into. It is a graph.Sink for a graph.Builder, which
// skips the articles it holds already (graph.Resumable) and resolves new
// articles against the entities it holds (graph.EntityLister).
//
// A copy of an article (Article.DuplicateOf) supports the relations of
// its original that it states too (Extraction.Supports): the store lists
// the copies on those relations (Relation.Copies, Support,
// FirstReported, LastReported), as part of the copy's contribution.
//
// A Writer owns its lifecycle: Close finishes what loading left to do
// (the graph file is written, Neo4j's mention sums are brought up to
// date) and releases the store; Abort does what can be done after a
// failure. One of them must be called, once. A Writer is safe for
// concurrent use by as many loads as Writers says gain from it.
type Writer interface {
	// Load stores a batch of resolved extractions; loading the same
	// extraction twice changes nothing, and an article loaded again
	// replaces its earlier contribution. Nothing of the batch is stored
	// when one of its extractions is invalid (graph.Validate).
	graph.Sink
	// Loaded returns the IDs of those of the articles that the store
	// holds with the same ID and content hash.
	graph.Resumable
	// Entities yields every entity the store holds (ID, name, type,
	// aliases), for the resolver.
	graph.EntityLister
	// Articles yields the articles the store holds with their
	// fingerprints and what they copy, for finding copies of them
	// (graph.Deduper); ArticleRelations returns the relations some
	// articles contribute, for merging the relations of their copies.
	graph.ArticleLister
	graph.RelationReader
	// Writers returns the number of concurrent loads the store gains
	// from: graph.Builder.Writers.
	Writers() int
	// Stats counts what the store holds: articles (and the copies among
	// them), entities, relations by type.
	Stats(ctx context.Context) (graph.Stats, error)
	// Summary describes the store and what it holds, in one line for
	// people: where it is (a URI without credentials) and its size. It
	// is called before Close, and never fails: what it cannot count it
	// leaves out.
	Summary(ctx context.Context) string
	// Abort releases the store after a failure (cause): it keeps what
	// was loaded when it can (the graph file is written when anything
	// was loaded; Neo4j is flushed within a bounded time, unless
	// unreachable Neo4j is the cause), and returns the error of doing
	// so, if any.
	Abort(cause error) error
}

// Reader is the read port: what the query layer, the analysts' commands
// and the explorer ask of a graph. Both stores give the same answers,
// byte for byte once encoded. The graphs it returns hold the entities
// asked for, the relations that answer, the articles those relations
// cite and the mentions of those entities by those articles; they are
// sorted as graph.Graph.Sort sorts them (but Timeline's relations) and
// share nothing with the store. Unknown entity IDs are ignored. A Reader
// is safe for concurrent use.
//
// A relation is walked and kept when it passes the filter (see
// graph.Filter; a filter that fails its Validate is an error).
type Reader interface {
	// Entity returns the entity with the given ID, with its aliases and
	// mention count; when there is none the error wraps
	// graph.ErrNoEntity.
	Entity(ctx context.Context, id string) (schema.Entity, error)
	// FindEntities returns the entities whose name or an alias matches
	// name in the best tier that finds any (exact, then every word, then
	// close words: see names.Best), the most mentioned first.
	FindEntities(ctx context.Context, name string) ([]schema.Entity, error)
	// Subgraph returns the induced subgraph around the seed entity IDs:
	// the entities within hops relations of a seed (hops below zero count
	// as zero), walking the relations that pass f in either direction and
	// expanding each entity once, then every relation that passes f
	// between two of those entities.
	Subgraph(ctx context.Context, seeds []string, hops int, f graph.Filter) (*graph.Graph, error)
	// Star returns the relations that pass f with at least one end among
	// the entity IDs ids, the entities at their ends and the entities of
	// ids that exist. Unlike Subgraph with one hop, it leaves out the
	// relations among the other ends.
	Star(ctx context.Context, ids []string, f graph.Filter) (*graph.Graph, error)
	// ShortestPaths returns the shortest paths of at most maxHops
	// relations that pass f between the entities from and to, walked in
	// either direction: all of them (at most graph.MaxPaths are
	// considered) or, when limit is above zero, the first limit in the
	// order of graph.Paths.Trim. The arguments must pass
	// graph.CheckPaths.
	ShortestPaths(ctx context.Context, from, to string, maxHops int, f graph.Filter, limit int) (*graph.Paths, error)
	// Timeline returns Star's graph with its relations in date order
	// (graph.SortByDate) and, when limit is above zero, only the first
	// limit of them and the entities and articles they use (the entities
	// of ids stay).
	Timeline(ctx context.Context, ids []string, f graph.Filter, limit int) (*graph.Graph, error)
	// Close releases the store.
	Close() error
}

// Cypher is the port of the commands that run Cypher (kg query, kg
// schema apply): only Neo4j has it.
type Cypher interface {
	// Query runs a read-only query and returns its columns and rows, as
	// plain Go values (numbers, strings, booleans, nil, []any,
	// map[string]any). A query that ReadOnly refuses is not sent (the
	// error wraps ErrRefused); one that would write fails in the read
	// transaction (ErrReadOnly) and changes nothing. The query runs once,
	// never retried, and Neo4j ends it after Neo4j.QueryTimeout
	// (ErrTimeout).
	Query(ctx context.Context, cypher string, params map[string]any) (cols []string, rows [][]any, err error)
	// Write runs a query that may write, once, in a write transaction
	// with the same timeout.
	Write(ctx context.Context, cypher string, params map[string]any) (cols []string, rows [][]any, err error)
	// ApplySchema creates kg's constraints and indexes (schema.DDL)
	// that the database lacks.
	ApplySchema(ctx context.Context) error
	// String returns the URI of the database, without credentials.
	String() string
	// Close releases the connection.
	Close() error
}
