package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/neo4jstore/guard"
	"github.com/kgraph/kg/schema"
)

// ErrReadOnly is the error, wrapped, of a Query that tried to write and
// that Neo4j's read transaction refused.
var ErrReadOnly = errors.New("query writes in read-only mode")

// ErrRefused is the error, wrapped, of a Query that the read-only guard
// refused before sending it (see package guard); the error is also a
// *guard.Refusal, which says what was refused and why.
var ErrRefused = guard.ErrRefused

// ErrTimeout is the error, wrapped, of a Query or Write that Neo4j ended
// because it ran longer than the query timeout (Config.QueryTimeout).
var ErrTimeout = errors.New("timed out")

// DefaultQueryTimeout is the server-side timeout of the transactions of
// Query and Write when Config.QueryTimeout is zero.
const DefaultQueryTimeout = 60 * time.Second

// Neo4j's status codes.
const (
	accessModeCode = "Neo.ClientError.Statement.AccessMode"
	// timedOutCode starts the codes of a transaction the server ended
	// for its timeout (TransactionTimedOut,
	// TransactionTimedOutClientConfiguration).
	timedOutCode = "Neo.ClientError.Transaction.TransactionTimedOut"
)

// table is a query result converted to plain Go values.
type table struct {
	cols []string
	rows [][]any
}

// Query runs a user's read-only Cypher query and returns its columns and
// rows, with values converted by Plain. Read-only is enforced twice:
//
//   - the query is sent only when guard.ReadOnly allows it: LOAD CSV,
//     procedures outside a read-only list, administration commands and
//     the keywords of writing clauses are refused before anything is
//     sent (the error wraps ErrRefused and is a *guard.Refusal);
//   - it runs in a read-mode session and a read transaction, where Neo4j
//     itself refuses any write before anything changes (the error then
//     wraps ErrReadOnly).
//
// The query runs once: an explicit transaction that the driver never
// retries (a managed one is retried on transient errors, which would run
// a query with side effects again), with the server-side timeout of
// Config.QueryTimeout (the error of a query ended by it wraps
// ErrTimeout). Errors are returned as they are.
func (s *Store) Query(ctx context.Context, cypher string, params map[string]any) (cols []string, rows [][]any, err error) {
	if err := guard.ReadOnly(cypher); err != nil {
		return nil, nil, fmt.Errorf("query: %w", err)
	}
	return s.once(ctx, neo4j.AccessModeRead, cypher, params)
}

// Write runs a Cypher query that may write, once (no retry, as Query),
// in a write transaction with the server-side timeout of
// Config.QueryTimeout, and returns its columns and rows like Query.
func (s *Store) Write(ctx context.Context, cypher string, params map[string]any) (cols []string, rows [][]any, err error) {
	cols, rows, err = s.once(ctx, neo4j.AccessModeWrite, cypher, params)
	if err != nil {
		return nil, nil, fmt.Errorf("write %w", err)
	}
	return cols, rows, nil
}

// once runs a query in one explicit transaction of the given mode, with
// the query timeout, and commits it.
func (s *Store) once(ctx context.Context, mode neo4j.AccessMode, cypher string, params map[string]any) (cols []string, rows [][]any, err error) {
	sess := s.session(ctx, mode)
	defer sess.Close(context.WithoutCancel(ctx))
	tx, err := sess.BeginTransaction(ctx, neo4j.WithTxTimeout(s.queryTimeout))
	if err != nil {
		return nil, nil, queryError(err, s.queryTimeout)
	}
	t, err := collect(ctx, tx, cypher, params)
	if err == nil {
		err = tx.Commit(ctx)
	}
	if err != nil {
		tx.Rollback(context.WithoutCancel(ctx))
		return nil, nil, queryError(err, s.queryTimeout)
	}
	return t.cols, t.rows, nil
}

// queryError wraps the error of a user's query: ErrReadOnly when Neo4j
// refused a write in a read transaction, ErrTimeout when it ended the
// transaction for its timeout.
func queryError(err error, timeout time.Duration) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case ne.Code == accessModeCode:
			return fmt.Errorf("query: %w: %w", ErrReadOnly, err)
		case strings.HasPrefix(ne.Code, timedOutCode):
			return fmt.Errorf("query: %w: Neo4j ended it after %v: %w", ErrTimeout, timeout, err)
		}
	}
	return fmt.Errorf("query: %w", err)
}

// readTable runs one of kg's own read queries in a managed read transaction
// (retried on transient errors: they have no side effects), without the
// guard and the query timeout, and returns its result like Query.
func (s *Store) readTable(ctx context.Context, cypher string, params map[string]any) (cols []string, rows [][]any, err error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	t, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (table, error) {
		return collect(ctx, tx, cypher, params)
	})
	if err != nil {
		return nil, nil, queryError(err, 0)
	}
	return t.cols, t.rows, nil
}

// runner runs a query in a transaction: a managed or an explicit one.
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

// collect runs a query in tx and converts its result. Driver errors are
// returned unwrapped.
func collect(ctx context.Context, tx runner, cypher string, params map[string]any) (table, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return table{}, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return table{}, err
	}
	cols, err := res.Keys()
	if err != nil {
		return table{}, err
	}
	rows := make([][]any, len(recs))
	for i, r := range recs {
		row := make([]any, len(r.Values))
		for j, v := range r.Values {
			row[j] = Plain(v)
		}
		rows[i] = row
	}
	return table{cols: cols, rows: rows}, nil
}

// Plain converts a value returned by the driver to plain Go values that
// encoding/json and CSV writers handle: a node becomes
// {"labels": [...sorted], "properties": {...}}, a relationship
// {"type": ..., "properties": {...}}, a path {"nodes": [...],
// "relationships": [...]}; lists become []any and maps map[string]any;
// temporal values become ISO 8601 strings, points {"srid", "x", "y"[, "z"]}.
// Strings, numbers, booleans, byte slices and nil are returned as they are.
func Plain(v any) any {
	switch v := v.(type) {
	case dbtype.Node:
		labels := slices.Clone(v.Labels)
		slices.Sort(labels)
		return map[string]any{"labels": labels, "properties": plainMap(v.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": v.Type, "properties": plainMap(v.Props)}
	case dbtype.Path:
		nodes := make([]any, len(v.Nodes))
		for i, n := range v.Nodes {
			nodes[i] = Plain(n)
		}
		rels := make([]any, len(v.Relationships))
		for i, r := range v.Relationships {
			rels[i] = Plain(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = Plain(x)
		}
		return out
	case map[string]any:
		return plainMap(v)
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case dbtype.Date:
		return v.String()
	case dbtype.LocalDateTime:
		return v.Time().Format("2006-01-02T15:04:05.999999999")
	case dbtype.LocalTime:
		return v.Time().Format("15:04:05.999999999")
	case dbtype.Time:
		return v.Time().Format("15:04:05.999999999Z07:00")
	case dbtype.Duration:
		return v.String()
	case dbtype.Point2D:
		return map[string]any{"srid": int64(v.SpatialRefId), "x": v.X, "y": v.Y}
	case dbtype.Point3D:
		return map[string]any{"srid": int64(v.SpatialRefId), "x": v.X, "y": v.Y, "z": v.Z}
	}
	return v
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, x := range m {
		out[k] = Plain(x)
	}
	return out
}

// Counts returns the number of nodes and relationships in the database.
func (s *Store) Counts(ctx context.Context) (nodes, rels int64, err error) {
	_, rows, err := s.readTable(ctx, "MATCH (n) RETURN count(n)", nil)
	if err != nil {
		return 0, 0, fmt.Errorf("count nodes: %w", err)
	}
	nodes, _ = rows[0][0].(int64)
	_, rows, err = s.readTable(ctx, "MATCH ()-[r]->() RETURN count(r)", nil)
	if err != nil {
		return 0, 0, fmt.Errorf("count relationships: %w", err)
	}
	rels, _ = rows[0][0].(int64)
	return nodes, rels, nil
}

// RelationKeys returns the keys of every relationship that has one (the
// extracted relations, not MENTIONS), sorted.
func (s *Store) RelationKeys(ctx context.Context) ([]string, error) {
	_, rows, err := s.readTable(ctx, "MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL RETURN r.key", nil)
	if err != nil {
		return nil, fmt.Errorf("relation keys: %w", err)
	}
	keys := make([]string, 0, len(rows))
	for _, r := range rows {
		if k, ok := r[0].(string); ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys, nil
}

// Stats counts the articles, entities and relations (by type) the store
// holds, like graph.Graph.Summary.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	st := graph.Stats{ByType: make(map[schema.RelationType]int), EntitiesByType: make(map[schema.EntityType]int)}
	_, rows, err := s.readTable(ctx, `CALL { MATCH (a:Article) RETURN count(a) AS articles, count(a.duplicate_of) AS duplicates }
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
RETURN articles, entities, duplicates`, nil)
	if err != nil {
		return graph.Stats{}, fmt.Errorf("stats: %w", err)
	}
	a, _ := rows[0][0].(int64)
	e, _ := rows[0][1].(int64)
	d, _ := rows[0][2].(int64)
	st.Articles, st.Entities, st.Duplicates = int(a), int(e), int(d)
	_, rows, err = s.readTable(ctx, "MATCH (e:Entity) RETURN e.type, count(e)", nil)
	if err != nil {
		return graph.Stats{}, fmt.Errorf("stats: %w", err)
	}
	for _, r := range rows {
		t, _ := r[0].(string)
		n, _ := r[1].(int64)
		st.EntitiesByType[schema.EntityType(t)] = int(n)
	}
	_, rows, err = s.readTable(ctx, "MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL RETURN type(r), count(r)", nil)
	if err != nil {
		return graph.Stats{}, fmt.Errorf("stats: %w", err)
	}
	for _, r := range rows {
		t, _ := r[0].(string)
		n, _ := r[1].(int64)
		st.ByType[schema.RelationType(t)] = int(n)
		st.Relations += int(n)
	}
	return st, nil
}
