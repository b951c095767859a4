// Package neo4jstore stores kg's graph in Neo4j and queries it. It is the
// only package (with its test helper neo4jtest) that imports the Neo4j
// driver.
//
// The model is that of docs/ontology.md: (:Entity:<Type> {id, name, type,
// aliases, folded, mentions}), (:Article {id, title, source, published,
// url, sha256, ...}), (:Article)-[:MENTIONS {count}]->(:Entity), and one
// relationship per extracted relation, typed by the ontology and keyed by
// its key. Every write is a batched UNWIND query in a managed transaction,
// one transaction per Load; nodes are merged on their ids, and
// relationships created only for articles new to the database (else merged
// on their keys), so loading the same extractions again changes nothing.
// Loads may run concurrently; the entities' mention sums are brought up to
// date after them by Flush (Close and Abort flush).
//
// Store implements graph/port's Writer, Reader and Cypher, with the same
// answers as graph/filestore.
package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// DefaultBatchSize is the number of rows a query unwinds when
// Config.BatchSize is not set.
const DefaultBatchSize = 1000

// DefaultWriters is the number of concurrent loads kg runs by default:
// two transactions keep a server busy, one running queries while the
// other commits or waits on the network; more seldom help, and wait on
// each other's locks more often.
const DefaultWriters = 2

// UserAgent is how kg's connections introduce themselves to Neo4j:
// dbms.listConnections and SHOW TRANSACTIONS show it.
const UserAgent = "kg"

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
	// Writers is the number of concurrent loads the store reports it
	// gains from (Writers); zero means DefaultWriters.
	Writers int
	// QueryTimeout is the server-side timeout of the transactions of
	// Query and Write (users' queries); zero means DefaultQueryTimeout,
	// and a negative value the server's own (db.transaction.timeout).
	QueryTimeout time.Duration
}

// Store is a graph in Neo4j. It owns one driver (a pool of connections).
// A Store is safe for concurrent use, and loads gain from it: each Load is
// one transaction, and concurrent loads share entities without writing to
// them, but for those they create (see Load). Flush waits for the loads
// in progress and holds back new ones until it is done.
type Store struct {
	driver    neo4j.DriverWithContext
	uri       string // redacted
	database  string
	batchSize int
	writers   int
	// queryTimeout is the transaction timeout of users' queries; zero
	// leaves the server's.
	queryTimeout time.Duration

	// loading is held for reading by Load and for writing by Flush.
	loading sync.RWMutex
	// dirty says that a Load ran since the last Flush.
	dirty atomic.Bool
	// attempts counts the transactions Load ran, retries included.
	attempts atomic.Int64
}

// Open connects to Neo4j and checks that it answers within ten seconds.
// Errors name the URI without its user information (Redact), and never
// hold a password: the driver is given the URI without user information
// (it does not read it anyway), and what errors repeat of the
// configuration is scrubbed.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	s, err := open(ctx, cfg)
	return s, scrubError(err, cfg.URI, cfg.Password)
}

func open(ctx context.Context, cfg Config) (*Store, error) {
	uri := Redact(cfg.URI)
	if cfg.URI == "" {
		return nil, fmt.Errorf("open neo4j: no URI")
	}
	if err := parseTarget(cfg.URI); err != nil {
		return nil, fmt.Errorf("open neo4j %s: %w", uri, err)
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(target(cfg.URI), auth, func(c *config.Config) { c.UserAgent = UserAgent })
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
	w := cfg.Writers
	if w <= 0 {
		w = DefaultWriters
	}
	qt := cfg.QueryTimeout
	switch {
	case qt == 0:
		qt = DefaultQueryTimeout
	case qt < 0:
		qt = 0
	}
	return &Store{driver: d, uri: uri, database: cfg.Database, batchSize: n, writers: w, queryTimeout: qt}, nil
}

// OpenWriter opens the store for kg build and kg load: Open, then kg's
// schema applied (ApplySchema) and what a load that was killed left for
// Flush flushed, so that the entities a build learns are up to date.
func OpenWriter(ctx context.Context, cfg Config) (*Store, error) {
	s, err := Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := s.ApplySchema(ctx); err != nil {
		s.closeDriver()
		return nil, err
	}
	if err := s.Flush(ctx); err != nil {
		s.closeDriver()
		return nil, err
	}
	return s, nil
}

// String returns the URI of the store without its user information.
func (s *Store) String() string { return s.uri }

// Writers returns the number of concurrent loads the store gains from:
// Config.Writers, or DefaultWriters.
func (s *Store) Writers() int { return s.writers }

// Summary says where the store is and what the database holds: "neo4j
// URI: N nodes, N relationships", or "neo4j URI" when it cannot count.
func (s *Store) Summary(ctx context.Context) string {
	nodes, rels, err := s.Counts(ctx)
	if err != nil {
		return "neo4j " + s.uri
	}
	return fmt.Sprintf("neo4j %s: %d nodes, %d relationships", s.uri, nodes, rels)
}

// Close flushes the loads (Flush) if any ran since the last flush, then
// closes the driver and its connections.
func (s *Store) Close() error {
	var err error
	if s.dirty.Load() {
		err = s.Flush(context.Background())
	}
	if cerr := s.closeDriver(); err == nil {
		err = cerr
	}
	return err
}

// abortFlushTimeout bounds the flush of Abort.
const abortFlushTimeout = 30 * time.Second

// Abort ends the store after a failed build or load (cause): it flushes
// the loads that ran (Flush), within abortFlushTimeout, unless the cause
// says that Neo4j cannot be reached (Unreachable), then closes the
// driver. The marks of a flush not done stay for the next Flush (the next
// OpenWriter's). It returns the error of the flush or of closing.
func (s *Store) Abort(cause error) error {
	var err error
	if s.dirty.Load() && !Unreachable(cause) {
		ctx, cancel := context.WithTimeout(context.Background(), abortFlushTimeout)
		err = s.Flush(ctx)
		cancel()
	}
	if cerr := s.closeDriver(); err == nil {
		err = cerr
	}
	return err
}

// closeDriver closes the driver and its connections without flushing.
func (s *Store) closeDriver() error {
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
		_, rows, err := s.readTable(ctx, q, nil)
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
			if err := exec(ctx, tx, stmt, nil); err != nil {
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
// (retried by the driver on transient errors): articles, entities,
// MENTIONS, then relations, each as UNWIND queries of at most
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
// Loads may run concurrently. A load locks its articles, then the
// entities it creates, each set in ID order, and writes no property of an
// existing entity; the other locks it takes are those with which Neo4j
// creates relationships (shared ones for entities with many
// relationships) and, for articles loaded before, merges and deletes
// them. Should loads deadlock all the same (re-loaded articles can), the
// driver retries the transaction; Attempts counts the transactions run.
//
// What a load would write on existing entities waits on its articles for
// Flush (which Close calls): the mention sums (Entity.mentions, the sum
// of the entity's MENTIONS counts) and the aliases and folded names it
// found missing. Entity names are set when the node is created (the first
// load wins); aliases and folded names only grow.
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
	s.loading.RLock()
	defer s.loading.RUnlock()
	s.dirty.Store(true)
	token := uuid.NewString() // this load's, in Article.pending
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	var where string // the step that failed, for the error
	_, err = sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		s.attempts.Add(1)
		where = "lock articles"
		old, articles, err := lockArticles(ctx, tx, p.ids, token)
		if err != nil {
			return nil, err
		}
		steps, err := p.steps(old)
		if err != nil {
			return nil, err
		}
		entities := make(map[string]any, len(p.entities))
		var add []string // aliases for Flush (see aliasEntry)
		for _, st := range steps {
			for i, rows := range chunks(st.rows, s.batchSize) {
				where = fmt.Sprintf("%s batch %d", st.name, i)
				if err := runStep(ctx, tx, st, rows, articles, entities, &add); err != nil {
					return nil, err
				}
			}
			if !st.entities {
				continue
			}
			if len(entities) != len(p.entities) {
				// Never expected: MERGE returns every row.
				return nil, fmt.Errorf("the entity query returned %d of %d entities", len(entities), len(p.entities))
			}
			if len(add) > 0 {
				where = "aliases for flush"
				if err := exec(ctx, tx, replanSkip+addAliasesQuery, map[string]any{"id": p.ids[0], "add": add}); err != nil {
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

// runStep runs the query of st on rows, one chunk of its rows, in tx. A
// step by element ID gets the articles' and entities' (ID -> element
// ID); the entity step fills entities in, and adds to add the aliases
// and folded names that existing entities lack (aliasEntry). Driver errors
// are returned unwrapped.
func runStep(ctx context.Context, tx neo4j.ManagedTransaction, st step, rows []map[string]any, articles, entities map[string]any, add *[]string) error {
	params := map[string]any{"rows": rows}
	if st.byElementID {
		params["articles"], params["entities"] = articles, entities
	}
	res, err := tx.Run(ctx, replanSkip+st.query, params)
	if err != nil {
		return err
	}
	if st.creates != nil {
		rec, err := res.Single(ctx)
		if err != nil {
			return err
		}
		if n, want := rec.Values[0], st.creates(rows); n != want {
			// Never expected: every end was merged in this transaction.
			return fmt.Errorf("created %v relationships of %d", n, want)
		}
	}
	for st.entities && res.Next(ctx) {
		v := res.Record().Values
		id, _ := v[0].(string)
		entities[id] = v[1]
		for _, a := range stringList(v[2]) {
			*add = append(*add, aliasEntry(aliasKind, id, a))
		}
		for _, f := range stringList(v[3]) {
			*add = append(*add, aliasEntry(foldedKind, id, f))
		}
	}
	_, err = res.Consume(ctx)
	return err
}

// exec runs query in tx and discards its result. Driver errors are
// returned unwrapped.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any) error {
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// Unreachable says whether err, returned by a Store, means that Neo4j
// could not be reached, the connection was lost, or the driver gave up
// retrying: then Abort does not try to flush.
func Unreachable(err error) bool {
	var conn *neo4j.ConnectivityError
	var limit *neo4j.TransactionExecutionLimit
	return errors.Is(err, ErrUnavailable) || errors.As(err, &conn) || errors.As(err, &limit)
}

// Attempts returns the number of transactions Load has run, the driver's
// retries included: more than the number of Load calls when loads were
// retried (after deadlocks, for instance).
func (s *Store) Attempts() int64 { return s.attempts.Load() }

// flushArticles is the number of marked articles Flush reads at once.
const flushArticles = 100000

// Flush brings the entities up to date with what the loads wrote: the
// aliases and folded names that loads found missing on existing entities
// are added, the entities that articles marked Uncounted mention, or
// stopped mentioning, get the sum of their MENTIONS counts as their
// mention sums (Entity.mentions), and the marks are removed,
// flushArticles articles at a time. Aliases are added as sets and sums
// recomputed, not incremented, so a Flush that was stopped, or the marks
// left by a load that was killed, are made good by any later Flush. It
// waits for the loads in progress and blocks new ones.
func (s *Store) Flush(ctx context.Context) error {
	s.loading.Lock()
	defer s.loading.Unlock()
	for {
		n, err := s.flushOnce(ctx)
		if err != nil {
			return err
		}
		if n < flushArticles {
			s.dirty.Store(false)
			return nil
		}
	}
}

// flushOnce flushes up to flushArticles marked articles and returns how
// many it read.
func (s *Store) flushOnce(ctx context.Context) (int, error) {
	records, err := s.read(ctx, pendingQuery, map[string]any{"limit": flushArticles})
	if err != nil {
		return 0, fmt.Errorf("flush: %w", err)
	}
	marks := make([]map[string]any, 0, len(records))
	entities := make(map[string]bool)
	var entries []string
	for _, v := range records {
		id, _ := v[0].(string)
		token, _ := v[3].(string)
		marks = append(marks, map[string]any{"id": id, "pending": token})
		for _, e := range stringList(v[1]) {
			entities[e] = true
		}
		entries = append(entries, stringList(v[2])...)
	}
	slices.SortFunc(marks, func(a, b map[string]any) int { return strings.Compare(a["id"].(string), b["id"].(string)) })
	if err := writeAll(ctx, s, aliasQuery, "rows", aliasRows(entries)); err != nil {
		return 0, fmt.Errorf("flush aliases: %w", err)
	}
	if err := writeAll(ctx, s, recountQuery, "ids", slices.Sorted(maps.Keys(entities))); err != nil {
		return 0, fmt.Errorf("flush mention sums: %w", err)
	}
	if err := writeAll(ctx, s, unmarkQuery, "rows", marks); err != nil {
		return 0, fmt.Errorf("flush marks: %w", err)
	}
	return len(records), nil
}

// writeAll runs query once for each chunk of Config.BatchSize of items,
// given as the parameter param, each chunk in its own transaction.
func writeAll[T any](ctx context.Context, s *Store, query, param string, items []T) error {
	for _, part := range chunks(items, s.batchSize) {
		if err := s.write(ctx, query, map[string]any{param: part}); err != nil {
			return err
		}
	}
	return nil
}

// aliasRows turns entries of aliasEntry into rows of aliasQuery, one for
// each entity, sorted by ID; entries that do not decode are dropped.
func aliasRows(entries []string) []map[string]any {
	add := make(map[string]*aliasRow)
	for _, entry := range entries {
		kind, entity, name, ok := parseAliasEntry(entry)
		if !ok {
			continue
		}
		r := add[entity]
		if r == nil {
			r = &aliasRow{}
			add[entity] = r
		}
		if kind == aliasKind {
			r.aliases = append(r.aliases, name)
		} else {
			r.folded = append(r.folded, name)
		}
	}
	var rows []map[string]any
	for _, id := range slices.Sorted(maps.Keys(add)) {
		rows = append(rows, map[string]any{"id": id, "aliases": sortedSet(add[id].aliases), "folded": sortedSet(add[id].folded)})
	}
	return rows
}

// aliasRow holds the aliases and folded names Flush adds to an entity.
type aliasRow struct{ aliases, folded []string }

// Kinds of alias entries.
const (
	aliasKind  = "alias"
	foldedKind = "folded"
)

// aliasEntry encodes, for Article.addAliases, a name of kind (aliasKind
// or foldedKind) to add to entity id, as the JSON array [kind, id, name].
func aliasEntry(kind, id, name string) string {
	b, _ := json.Marshal([3]string{kind, id, name}) // strings always marshal
	return string(b)
}

// parseAliasEntry decodes an entry of aliasEntry.
func parseAliasEntry(s string) (kind, id, name string, ok bool) {
	var v [3]string
	if json.Unmarshal([]byte(s), &v) != nil || (v[0] != aliasKind && v[0] != foldedKind) {
		return "", "", "", false
	}
	return v[0], v[1], v[2], true
}

// read runs a read query in a managed transaction and returns the values
// of its records (those of the last attempt, when the driver retried).
func (s *Store) read(ctx context.Context, query string, params map[string]any) ([][]any, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	return neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) ([][]any, error) {
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return nil, err
		}
		var out [][]any
		for res.Next(ctx) {
			out = append(out, res.Record().Values)
		}
		return out, res.Err()
	})
}

// write runs a write query in a managed transaction.
func (s *Store) write(ctx context.Context, query string, params map[string]any) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, exec(ctx, tx, query, params)
	})
	return err
}

// replanSkip prefixes the load queries: their plans are unique-index
// seeks whatever the statistics say, so Neo4j need not plan them again
// when the statistics change, as they do all along a first load.
const replanSkip = "CYPHER replan=skip "

// lockArticles merges the Article nodes ids, which locks them, and returns
// what the database held of those that were there before, and the
// element IDs of all by ID. Driver errors are returned unwrapped.
func lockArticles(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, token string) (map[string]contribution, map[string]any, error) {
	res, err := tx.Run(ctx, replanSkip+lockQuery, map[string]any{"ids": ids, "token": token})
	if err != nil {
		return nil, nil, err
	}
	old := make(map[string]contribution)
	elementIDs := make(map[string]any, len(ids))
	for res.Next(ctx) {
		v := res.Record().Values
		id, _ := v[0].(string)
		if loaded, _ := v[1].(bool); loaded {
			old[id] = contribution{keys: stringList(v[2]), entities: stringList(v[3]), recount: stringList(v[4]), supports: stringList(v[6])}
		}
		elementIDs[id] = v[5]
	}
	if err := res.Err(); err != nil {
		return nil, nil, err
	}
	if len(elementIDs) != len(ids) {
		return nil, nil, fmt.Errorf("the lock query returned %d of %d articles", len(elementIDs), len(ids))
	}
	return old, elementIDs, nil
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
		_, got, err := s.readTable(ctx, loadedQuery, map[string]any{"rows": rows})
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

// Articles calls yield with every article of the database that has a
// fingerprint: its ID, publication date, fingerprint and what it copies
// (no other property), streamed in one read. It returns yield's error, if
// any.
func (s *Store) Articles(ctx context.Context, yield func(schema.Article) error) error {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "MATCH (a:Article) WHERE a.fingerprint IS NOT NULL RETURN a.id, a.published, a.fingerprint, a.duplicate_of, a.duplicate", nil)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	for res.Next(ctx) {
		v := res.Record().Values
		a := schema.Article{ID: str(v[0]), Published: str(v[1]), Fingerprint: str(v[2]), DuplicateOf: str(v[3]), Duplicate: str(v[4])}
		if err := yield(a); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	return nil
}

// ArticleRelations returns the relations that the given articles
// contribute (those whose keys the articles list), sorted by key.
func (s *Store) ArticleRelations(ctx context.Context, articles []string) ([]schema.Relation, error) {
	if articles == nil {
		articles = []string{}
	}
	rows, err := s.read(ctx, articleRelationsQuery(), map[string]any{"ids": articles})
	if err != nil {
		return nil, fmt.Errorf("relations of articles: %w", err)
	}
	rels := relationsOf(rows)
	slices.SortFunc(rels, func(a, b schema.Relation) int { return strings.Compare(a.Key, b.Key) })
	return rels, nil
}
