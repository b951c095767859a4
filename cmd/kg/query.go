package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

type queryOptions struct {
	Cypher  string
	Format  string // table, json or csv
	Params  map[string]any
	Write   bool
	Timeout time.Duration // server-side; 0: the server's own
	Neo4j   neo4jOptions
}

func queryCommand() *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a Cypher query against Neo4j and print the result",
		ArgsUsage: "CYPHER",
		Description: `Runs CYPHER once (never retried) and prints its result. Without --write the query
may only read: kg refuses, before sending anything, LOAD CSV, procedures other than
read-only ones (db.labels, db.schema.*, db.index.fulltext.queryNodes, ...), SHOW USERS,
ROLES, PRIVILEGES, TRANSACTIONS, SETTINGS and other administration commands, and the
writing keywords (CREATE, MERGE, SET, DELETE, REMOVE, FOREACH, ...), naming what it
refused and why; what it sends runs in a read transaction, where Neo4j refuses any
write. Neo4j ends a query that runs longer than --timeout (default 60s).
--param name=value passes $name; the value is read as JSON when it is JSON (42, true,
"text", [1,2], {"k":1}), else as a string.

Formats: table (aligned columns), json (an array of objects, column -> value, in column
order), csv (with a header row). Nodes print as {labels, properties}, relationships as
{type, properties}.

Example:
  kg query --format json "MATCH (p:Person)-[r:DENIES]->(x) RETURN p.name, x.name, r.evidence"`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: table, json or csv"},
			&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Usage: "query parameter `NAME=VALUE` (repeatable)"},
			&cli.BoolFlag{Name: "write", Usage: "allow the query to change the graph (write transaction, no read-only guard)"},
			&cli.DurationFlag{Name: "timeout", Value: port.DefaultQueryTimeout,
				Usage: "Neo4j ends the query after `DURATION` (0: the server's own db.transaction.timeout)"},
		}, neo4jFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("query: want exactly one CYPHER argument, got %d (quote the query)", c.NArg())
			}
			params, err := parseParams(c.StringSlice("param"))
			if err != nil {
				return err
			}
			opts := queryOptions{
				Cypher:  c.Args().First(),
				Format:  c.String("format"),
				Params:  params,
				Write:   c.Bool("write"),
				Timeout: c.Duration("timeout"),
				Neo4j:   neo4jOptionsFrom(c),
			}
			return runQuery(c.Context, opts, c.App.Writer)
		},
	}
}

// runQuery runs the query and writes its result in the chosen format.
// Without --write, a query the read-only guard refuses fails before kg
// connects to Neo4j.
func runQuery(ctx context.Context, opts queryOptions, stdout io.Writer) error {
	write, ok := formats[opts.Format]
	if !ok {
		return usagef("--format %q: want table, json or csv", opts.Format)
	}
	if strings.TrimSpace(opts.Cypher) == "" {
		return usagef("query: empty Cypher")
	}
	if opts.Timeout < 0 {
		return usagef("--timeout must not be negative")
	}
	if !opts.Write {
		if err := port.ReadOnly(opts.Cypher); err != nil {
			return fmt.Errorf("refused, nothing was sent to Neo4j (kg query only reads without --write): %w", err)
		}
	}
	st, err := opts.Neo4j.openCypher(ctx, opts.Timeout)
	if err != nil {
		return err
	}
	defer st.Close()
	run := st.Query
	if opts.Write {
		run = st.Write
	}
	cols, rows, err := run(ctx, opts.Cypher, opts.Params)
	switch {
	case err == nil:
		return write(stdout, cols, rows)
	case !opts.Write && errors.Is(err, port.ErrReadOnly):
		return fmt.Errorf("the query writes to the graph, and kg query is read-only without --write; nothing was changed: %w", err)
	case errors.Is(err, port.ErrTimeout):
		return fmt.Errorf("the query ran longer than --timeout %v and Neo4j ended it: %w", opts.Timeout, err)
	}
	return err
}

// parseParams parses name=value pairs; values are JSON when they parse as
// JSON (integers stay integers), strings otherwise.
func parseParams(kvs []string) (map[string]any, error) {
	params := make(map[string]any, len(kvs))
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usagef("--param %q: want NAME=VALUE", kv)
		}
		params[k] = paramValue(v)
	}
	return params, nil
}

func paramValue(s string) any {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return s
	}
	if _, err := dec.Token(); err != io.EOF {
		return s
	}
	return fromJSON(v)
}

// fromJSON turns json.Numbers into int64 or float64, recursively.
func fromJSON(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return f
	case []any:
		for i := range v {
			v[i] = fromJSON(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = fromJSON(v[k])
		}
	}
	return v
}

var formats = map[string]func(io.Writer, []string, [][]any) error{
	"table": writeTable,
	"json":  writeJSON,
	"csv":   writeCSV,
}

// cell formats a value for a table or CSV cell: strings as they are,
// null as empty, numbers and booleans plainly, anything else as JSON.
func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	b, err := marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// writeTable writes a query result as an aligned table (see table), a
// header, a rule and the count of rows; line breaks and tabs in values
// are shown as spaces, other control characters escaped (noControls).
func writeTable(w io.Writer, cols []string, rows [][]any) error {
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")
	cells := make([][]string, 0, len(rows))
	for _, r := range rows {
		line := make([]string, len(r))
		for i, v := range r {
			line[i] = noControls(flat.Replace(cell(v)))
		}
		cells = append(cells, line)
	}
	var t table
	align(&t.b, "", cols, cells)
	t.printf("(%d %s)\n", len(rows), plural(len(rows), "row", "rows"))
	return t.flush(w)
}

// writeJSON writes an indented array of row objects whose keys are in
// column order, invisible characters escaped (schema.EscapeInvisibleJSON).
func writeJSON(w io.Writer, cols []string, rows [][]any) error {
	out := make([]json.RawMessage, len(rows))
	for i, r := range rows {
		var b bytes.Buffer
		b.WriteByte('{')
		for j, c := range cols {
			if j > 0 {
				b.WriteByte(',')
			}
			k, _ := marshal(c)
			b.Write(k)
			b.WriteByte(':')
			var v any
			if j < len(r) {
				v = r[j]
			}
			val, err := marshal(v)
			if err != nil {
				return fmt.Errorf("encode column %s: %w", c, err)
			}
			b.Write(val)
		}
		b.WriteByte('}')
		out[i] = b.Bytes()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := w.Write(schema.EscapeInvisibleJSON(buf.Bytes()))
	return err
}

// writeCSV writes a header row and one record per row, invisible
// characters written as Go escapes (schema.EscapeInvisible), as in kg
// export's CSV.
func writeCSV(w io.Writer, cols []string, rows [][]any) error {
	cw := csv.NewWriter(w)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = schema.EscapeInvisible(c)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range rows {
		rec := make([]string, len(r))
		for i, v := range r {
			rec[i] = schema.EscapeInvisible(cell(v))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
