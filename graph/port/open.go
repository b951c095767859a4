package port

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/graph/neo4jstore"
	"github.com/kgraph/kg/graph/neo4jstore/guard"
)

// The adapters implement the ports.
var (
	_ Writer = (*filestore.Store)(nil)
	_ Reader = (*filestore.Memory)(nil)
	_ Writer = (*neo4jstore.Store)(nil)
	_ Reader = (*neo4jstore.Store)(nil)
	_ Cypher = (*neo4jstore.Store)(nil)
)

// DefaultWriters is the number of concurrent loads into Neo4j that
// Neo4j.Writers defaults to (neo4jstore.DefaultWriters).
const DefaultWriters = neo4jstore.DefaultWriters

// ErrReadOnly is wrapped by the error of Cypher.Query when the query
// would write and Neo4j's read transaction refused it.
var ErrReadOnly = neo4jstore.ErrReadOnly

// ErrRefused is wrapped by the error of Cypher.Query when the read-only
// guard refused the query before sending it (see ReadOnly).
var ErrRefused = neo4jstore.ErrRefused

// ErrTimeout is wrapped by the error of Cypher.Query and Cypher.Write
// when Neo4j ended the query for running longer than
// Neo4j.QueryTimeout.
var ErrTimeout = neo4jstore.ErrTimeout

// DefaultQueryTimeout is the timeout of users' queries when
// Neo4j.QueryTimeout is zero.
const DefaultQueryTimeout = neo4jstore.DefaultQueryTimeout

// ReadOnly reports whether Cypher.Query would send cypher: nil when the
// read-only guard allows it, else an error wrapping ErrRefused that says
// what is refused, where and why (a *guard.Refusal). Callers may call it
// before they connect, so that a refused query opens no connection.
func ReadOnly(cypher string) error { return guard.ReadOnly(cypher) }

// OpenWriter opens the store of cfg for a build or a load: Neo4j (with
// kg's schema applied, and what a load that was killed left behind
// flushed) or the graph file (locked against other writers until Close,
// see Config.Wait; read and checked when it exists, written by Close;
// its directory is created).
func OpenWriter(ctx context.Context, cfg Config) (Writer, error) {
	if cfg.Neo4j.URI != "" {
		s, err := neo4jstore.OpenWriter(ctx, neo4jConfig(cfg.Neo4j))
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	var waiting func(filestore.Holder)
	if cfg.Wait != nil {
		waiting = func(h filestore.Holder) { cfg.Wait(h.String()) }
	}
	s, err := filestore.OpenWaiting(ctx, cfg.File, waiting)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// OpenReader opens the store of cfg for questions: Neo4j, or the graph
// file read into memory and checked (a damaged file is refused, naming
// its first problem; the error wraps graph.ErrInconsistent). When the
// graph file does not exist the error wraps ErrNoFile and
// fs.ErrNotExist.
func OpenReader(ctx context.Context, cfg Config) (Reader, error) {
	if cfg.Neo4j.URI != "" {
		s, err := neo4jstore.Open(ctx, neo4jConfig(cfg.Neo4j))
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	if cfg.File == "" {
		return nil, errors.New("open graph file: no path")
	}
	m, err := filestore.ReadFile(cfg.File)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w %s: %w", ErrNoFile, cfg.File, err)
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// OpenCypher opens the Neo4j of cfg for Cypher; without one (cfg.Neo4j.URI
// empty) the error wraps ErrNoNeo4j.
func OpenCypher(ctx context.Context, cfg Config) (Cypher, error) {
	if cfg.Neo4j.URI == "" {
		return nil, ErrNoNeo4j
	}
	s, err := neo4jstore.Open(ctx, neo4jConfig(cfg.Neo4j))
	if err != nil {
		return nil, err
	}
	return s, nil
}

func neo4jConfig(n Neo4j) neo4jstore.Config {
	cfg := neo4jstore.Config{URI: n.URI, Database: n.Database, BatchSize: n.BatchSize, Writers: n.Writers, QueryTimeout: n.QueryTimeout}
	if n.Password != "" {
		cfg.Username, cfg.Password = n.Username, n.Password
	}
	return cfg
}
