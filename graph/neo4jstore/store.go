// Package neo4jstore stores kg's graph in Neo4j and queries it. It is the
// only package (with its test helper neo4jtest) that imports the Neo4j
// driver.
//
// The model is DESIGN.md's: (:Entity:<Type> {id, name, type, aliases,
// folded, mentions}), (:Article {id, title, source, published, url, sha256,
// ...}), (:Article)-[:MENTIONS {count}]->(:Entity), and one relationship per
// extracted relation, typed by the ontology and merged on its key. Every
// write is a batched UNWIND ... MERGE in a managed transaction, so loading
// the same extractions again changes nothing.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"kg/graph"
	"kg/schema"
)

var _ graph.Sink = (*Store)(nil)

// DefaultBatchSize is the number of rows written per transaction when
// Config.BatchSize is not set.
const DefaultBatchSize = 1000

// connectTimeout bounds the connectivity check of Open.
const connectTimeout = 10 * time.Second

// ErrUnavailable is the error, wrapped, of Open when Neo4j cannot be
// reached or refuses the credentials.
var ErrUnavailable = errors.New("neo4j unavailable")

// Config says where Neo4j is and how to write to it. Its zero value is not
// usable: URI is required.
type Config struct {
	// URI is the Bolt URI: bolt://host:7687, neo4j://host (routing),
	// neo4j+s://... for TLS.
	URI string
	// Username and Password authenticate with basic auth; with no
	// Username, no authentication is sent.
	Username, Password string
	// Database is the database to use; empty means the user's home
	// database.
	Database string
	// BatchSize is the number of rows written per transaction; zero means
	// DefaultBatchSize.
	BatchSize int
}

// Store is a graph in Neo4j. It owns one driver (a pool of connections).
// A Store is safe for concurrent use; concurrent loads of overlapping
// extractions contend for locks (the driver retries deadlocks), so a
// pipeline loads from one goroutine.
type Store struct {
	driver    neo4j.DriverWithContext
	uri       string // redacted
	database  string
	batchSize int
}

// Open connects to Neo4j and checks that it answers within ten seconds.
// The error names the URI, never the password.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	uri := redact(cfg.URI)
	if cfg.URI == "" {
		return nil, fmt.Errorf("open neo4j: no URI")
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		return nil, fmt.Errorf("open neo4j %s: %w", uri, err)
	}
	vctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := d.VerifyConnectivity(vctx); err != nil {
		d.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("%w: %s: %w", ErrUnavailable, uri, err)
	}
	n := cfg.BatchSize
	if n <= 0 {
		n = DefaultBatchSize
	}
	return &Store{driver: d, uri: uri, database: cfg.Database, batchSize: n}, nil
}

// redact drops any user information from a URI.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return uri
	}
	u.User = nil
	return u.String()
}

// Close closes the driver and its connections.
func (s *Store) Close() error {
	if err := s.driver.Close(context.Background()); err != nil {
		return fmt.Errorf("close neo4j %s: %w", s.uri, err)
	}
	return nil
}

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: s.database})
}

// ApplySchema creates kg's constraints and indexes (schema.DDL), each in its
// own transaction. It is idempotent.
func (s *Store) ApplySchema(ctx context.Context) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for _, stmt := range schema.DDL() {
		if err := exec(ctx, sess, stmt, nil); err != nil {
			return fmt.Errorf("apply schema %q: %w", stmt, err)
		}
	}
	return nil
}

// Load writes a batch of resolved extractions: articles, then entities by
// type, MENTIONS, then relations by type, each as UNWIND batches of at
// most Config.BatchSize rows, one managed transaction per batch. An
// article loaded before has its contribution replaced: relations and
// MENTIONS it no longer has are deleted (entities stay). For that the
// Article node lists the keys of its relations in relationKeys. Nothing is written
// when an extraction of the batch is invalid (graph.Validate). A failure
// part-way leaves earlier transactions committed; loading again repairs.
//
// Entity.mentions is the sum of the entity's MENTIONS counts, kept up to
// date by every load. Entity names are set when the node is created (the
// first load wins); aliases and folded names only grow.
func (s *Store) Load(ctx context.Context, batch []schema.Extraction) error {
	for i, x := range batch {
		if err := graph.Validate(x); err != nil {
			return fmt.Errorf("load extraction %d: %w", i, err)
		}
	}
	steps, err := plan(batch)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for _, st := range steps {
		for i, rows := range chunks(st.rows, s.batchSize) {
			if err := exec(ctx, sess, st.query, map[string]any{"rows": rows}); err != nil {
				return fmt.Errorf("load %s batch %d: %w", st.name, i, err)
			}
		}
	}
	return nil
}

// exec runs one write query in a managed transaction, discarding results.
// Errors are returned unwrapped from the callback so the driver can retry.
func exec(ctx context.Context, sess neo4j.SessionWithContext, query string, params map[string]any) error {
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	return err
}
