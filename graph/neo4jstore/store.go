// Package neo4jstore stores kg's graph in Neo4j and queries it. It is the
// only package (with its test helper neo4jtest) that imports the Neo4j
// driver.
//
// The model is DESIGN.md's: (:Entity:<Type> {id, name, type, aliases,
// folded, mentions}), (:Article {id, title, source, published, url, sha256,
// ...}), (:Article)-[:MENTIONS {count}]->(:Entity), and one relationship per
// extracted relation, typed by the ontology and keyed by its key. Every
// write is a batched UNWIND query in a managed transaction, one
// transaction per Load; nodes are merged on their ids, and relationships
// created only for articles new to the database (else merged on their
// keys), so loading the same extractions again changes nothing.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"kg/graph"
	"kg/schema"
)

var (
	_ graph.Sink         = (*Store)(nil)
	_ graph.Resumable    = (*Store)(nil)
	_ graph.EntityLister = (*Store)(nil)
)

// DefaultBatchSize is the number of rows a query unwinds when
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
	// BatchSize is the largest number of rows one query unwinds (a Load
	// is one transaction of as many queries as it takes); zero means
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

// ApplySchema creates kg's constraints and indexes (schema.DDL) that the
// database does not have yet. It is idempotent, and cheap when the schema
// is there: one read of the names of the existing constraints and indexes.
// Missing ones are created in one transaction, which returns once the
// constraints' indexes are online.
func (s *Store) ApplySchema(ctx context.Context) error {
	have := make(map[string]bool)
	for _, q := range []string{"SHOW CONSTRAINTS YIELD name RETURN name", "SHOW INDEXES YIELD name RETURN name"} {
		_, rows, err := s.Query(ctx, q, nil)
		if err != nil {
			return fmt.Errorf("apply schema: %w", err)
		}
		for _, r := range rows {
			if name, ok := r[0].(string); ok {
				have[name] = true
			}
		}
	}
	var missing []string
	for _, stmt := range schema.DDL() {
		if !have[ddlName(stmt)] {
			missing = append(missing, stmt)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	var failed string
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, stmt := range missing {
			failed = stmt
			res, err := tx.Run(ctx, stmt, nil)
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		return fmt.Errorf("apply schema %q: %w", failed, err)
	}
	return nil
}

// ddlName returns the name of the constraint or index that a statement of
// schema.DDL creates: the word before IF NOT EXISTS.
func ddlName(stmt string) string {
	words := strings.Fields(stmt)
	for i := 1; i < len(words); i++ {
		if words[i] == "IF" {
			return words[i-1]
		}
	}
	return ""
}

// Load writes a batch of resolved extractions in one managed transaction
// (retried by the driver on transient errors): articles, entities by
// type, MENTIONS, then relations by type, each as UNWIND queries of at most
// Config.BatchSize rows. Since the transaction commits all of the batch or
// nothing, an Article node in the database means that all of its article
// was loaded; Loaded relies on that to resume a load that was stopped.
//
// An article loaded before has its contribution replaced: relations and
// MENTIONS it no longer has are deleted (entities stay). For that the
// Article node lists the keys of its relations in relationKeys, and Load
// reads them, with the entities the article mentions, first. Nothing is
// written when an extraction of the batch is invalid (graph.Validate).
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
	if len(batch) == 0 {
		return nil
	}
	p, err := plan(batch)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	var where string // the step that failed, for the error
	_, err = sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		where = "lock articles"
		old, err := lockArticles(ctx, tx, p.ids)
		if err != nil {
			return nil, err
		}
		steps, err := p.steps(old)
		if err != nil {
			return nil, err
		}
		for _, st := range steps {
			for i, rows := range chunks(st.rows, s.batchSize) {
				where = fmt.Sprintf("%s batch %d", st.name, i)
				res, err := tx.Run(ctx, replanSkip+st.query, map[string]any{"rows": rows})
				if err != nil {
					return nil, err
				}
				if _, err := res.Consume(ctx); err != nil {
					return nil, err
				}
			}
		}
		return nil, nil
	})
	if err != nil {
		return fmt.Errorf("load %d articles: %s: %w", len(p.ids), where, err)
	}
	return nil
}

// replanSkip prefixes the load queries: their plans are unique-index
// seeks whatever the statistics say, so Neo4j need not plan them again
// when the statistics change, as they do all along a first load.
const replanSkip = "CYPHER replan=skip "

// lockArticles merges the Article nodes ids, which locks them, and returns
// what the database held of those that were there before. Driver errors
// are returned unwrapped.
func lockArticles(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]contribution, error) {
	res, err := tx.Run(ctx, replanSkip+lockQuery, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	old := make(map[string]contribution)
	for res.Next(ctx) {
		v := res.Record().Values
		id, _ := v[0].(string)
		if loaded, _ := v[1].(bool); loaded {
			old[id] = contribution{keys: stringList(v[2]), entities: stringList(v[3])}
		}
	}
	return old, res.Err()
}

// stringList converts a list returned by the driver to strings, sorted.
func stringList(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// Loaded returns the IDs of the articles that the database holds with the
// same content hash (SHA256): the articles a load can skip. An article
// without a hash is never reported. It reads in batches of
// Config.BatchSize articles.
func (s *Store) Loaded(ctx context.Context, articles []schema.Article) (map[string]bool, error) {
	var rows []map[string]any
	for _, a := range articles {
		if a.ID != "" && a.SHA256 != "" {
			rows = append(rows, map[string]any{"id": a.ID, "sha256": a.SHA256})
		}
	}
	out := make(map[string]bool)
	for _, rows := range chunks(rows, s.batchSize) {
		_, got, err := s.Query(ctx, loadedQuery, map[string]any{"rows": rows})
		if err != nil {
			return nil, fmt.Errorf("loaded articles: %w", err)
		}
		for _, r := range got {
			if id, ok := r[0].(string); ok {
				out[id] = true
			}
		}
	}
	return out, nil
}

// Entities calls yield with every entity of the database: ID, name, type
// and aliases (no mentions, no count), streamed in one read. It returns
// yield's error, if any.
func (s *Store) Entities(ctx context.Context, yield func(schema.Entity) error) error {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "MATCH (e:Entity) RETURN e.id, e.name, e.type, e.aliases", nil)
	if err != nil {
		return fmt.Errorf("read entities: %w", err)
	}
	for res.Next(ctx) {
		v := res.Record().Values
		var e schema.Entity
		e.ID, _ = v[0].(string)
		e.Name, _ = v[1].(string)
		t, _ := v[2].(string)
		e.Type = schema.EntityType(t)
		e.Aliases = stringList(v[3])
		if len(e.Aliases) == 0 {
			e.Aliases = nil
		}
		if err := yield(e); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		return fmt.Errorf("read entities: %w", err)
	}
	return nil
}
