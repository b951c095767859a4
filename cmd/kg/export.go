package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/export"
	"github.com/kgraph/kg/graph/neo4jstore"
	"github.com/kgraph/kg/schema"
)

// exportOptions are the options of kg export.
type exportOptions struct {
	Seeds  []string // entity names, aliases or IDs
	Hops   int
	Filter graph.Filter
	Format string
	Out    string // file, or directory for csv; "" for standard output
	Source sourceOptions
}

// exportFormats are the formats of kg export, in the order of its help.
var exportFormats = []string{"json", "graphml", "csv", "cypher", "dot", "svg", "html"}

// exportWriters write one file of each format but csv.
var exportWriters = map[string]func(io.Writer, *graph.Graph) error{
	"json":    export.JSON,
	"graphml": export.GraphML,
	"cypher":  export.Cypher,
	"dot":     export.DOT,
	"svg":     export.SVG,
	"html":    export.HTML,
}

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the subgraph around some entities as json, graphml, csv, cypher, dot, svg or html",
		ArgsUsage: " ",
		Description: `Cuts the induced subgraph around the seed entities out of Neo4j (when NEO4J_URI or
--neo4j-uri is set) or the local graph file (--graph FILE, the default when no Neo4j is
configured): the entities within --hops relations of a seed (walking relations in either direction, each
entity expanded once, so hubs cost no more than their edges), every relation among them
that passes the filters, and the articles those relations cite.

A seed is an entity name or alias, matched ignoring case and accents, or an entity ID. A
name that matches several entities lists them (name, type, id, mentions) and fails: give
one of their IDs instead.

Filters: --types keeps relations of the given types (MEETS,ACCUSES,...); --since and
--until (YYYY, YYYY-MM or YYYY-MM-DD) keep relations dated in the range, a relation
without a date taking its article's publication date, and one with neither being left
out; --min-confidence keeps relations at least that confident.

Formats:
  json     Cytoscape.js elements {"elements": {"nodes": [...], "edges": [...]}}
  graphml  GraphML for Gephi, yEd, networkx (typed keys, labels, provenance)
  csv      neo4j-admin import files: -o names a directory that gets nodes.csv and
           relationships.csv (neo4j-admin database import full --nodes=nodes.csv
           --relationships=relationships.csv --multiline-fields=true)
  cypher   a script that recreates the subgraph in Neo4j: cypher-shell -f FILE
  dot      Graphviz DOT
  svg      the picture, drawn by Graphviz (built in, no installation needed)
  html     one self-contained page: kg serve's explorer over the subgraph, opening on the
           seeds, that works offline from the file
Every format keeps the provenance of each relation: article, evidence, date, confidence.

Examples:
  kg export --seed "Sergei Lavrov" --hops 2 --format graphml -o lavrov.graphml
  kg export --seed Lavrov --seed Blinken --types MEETS,ACCUSES --since 2024-01 --format html -o out.html
  kg export --seed Ukraine --format csv -o import/`,
		Flags: concat([]cli.Flag{
			&cli.StringSliceFlag{Name: "seed", Aliases: []string{"s"}, Usage: "start from the entity `NAME` (or alias or ID; repeatable)"},
			&cli.IntFlag{Name: "hops", Value: 1, Usage: "take entities up to `N` relations away from a seed"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "output `FORMAT`: " + strings.Join(exportFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (a directory for csv) instead of standard output"},
		}, filterFlags(true), sourceFlags()),
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("export: unexpected argument %q (seeds are given with --seed)", c.Args().First())
			}
			f, err := filterFrom(c)
			if err != nil {
				return err
			}
			opts := exportOptions{
				Seeds:  c.StringSlice("seed"),
				Hops:   c.Int("hops"),
				Filter: f,
				Format: c.String("format"),
				Out:    c.String("output"),
				Source: sourceOptionsFrom(c),
			}
			return runExport(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// concat joins lists of flags.
func concat(lists ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// filterFlags are the flags of graph.Filter; dates only when dates is set.
func filterFlags(dates bool) []cli.Flag {
	const cat = "Filters"
	fs := []cli.Flag{
		&cli.StringSliceFlag{Name: "types", Aliases: []string{"t"}, Category: cat, Usage: "keep relations of the types `T,...` only (repeatable)"},
		&cli.Float64Flag{Name: "min-confidence", Category: cat, Usage: "keep relations of confidence `X` (0 to 1) or more"},
	}
	if dates {
		fs = append(fs,
			&cli.StringFlag{Name: "since", Category: cat, Usage: "keep relations dated on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)"},
			&cli.StringFlag{Name: "until", Category: cat, Usage: "keep relations dated on or before `DATE`"})
	}
	return fs
}

// filterFrom reads the filter flags, and reports usage errors in them.
func filterFrom(c *cli.Context) (graph.Filter, error) {
	types, err := parseTypes(c.StringSlice("types"))
	if err != nil {
		return graph.Filter{}, err
	}
	f := graph.Filter{Types: types, Since: c.String("since"), Until: c.String("until"), MinConfidence: c.Float64("min-confidence")}
	if err := f.Validate(); err != nil {
		return graph.Filter{}, usageError{err}
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return graph.Filter{}, usagef("--min-confidence %v: want a number from 0 to 1", f.MinConfidence)
	}
	return f, nil
}

// parseTypes reads --types values: comma-separated relation types, in any
// case, "-" standing for "_".
func parseTypes(vals []string) ([]schema.RelationType, error) {
	var out []schema.RelationType
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			t := schema.RelationType(strings.ToUpper(strings.ReplaceAll(s, "-", "_")))
			if !t.Valid() {
				return nil, usagef("--types: unknown relation type %q (want one of %s)", s, relationTypeList())
			}
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out, nil
}

func relationTypeList() string {
	var names []string
	for _, t := range schema.RelationTypes() {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

// check reports usage errors before any work.
func (o exportOptions) check() error {
	if len(o.Seeds) == 0 {
		return usagef("export: give at least one --seed NAME")
	}
	if !slices.Contains(exportFormats, o.Format) {
		return usagef("--format %q: want one of %s", o.Format, strings.Join(exportFormats, ", "))
	}
	if o.Format == "csv" && o.Out == "" {
		return usagef("--format csv writes two files: give their directory with -o DIR")
	}
	if o.Hops < 0 {
		return usagef("--hops must not be negative")
	}
	if err := o.Filter.Validate(); err != nil {
		return usageError{err}
	}
	if o.Filter.MinConfidence < 0 || o.Filter.MinConfidence > 1 {
		return usagef("--min-confidence %v: want a number from 0 to 1", o.Filter.MinConfidence)
	}
	return o.Source.check()
}

// analystSource is what the analysts' commands read: the local graph
// file (graph.MemorySource) or Neo4j (*neo4jstore.Store), which answer
// alike.
type analystSource interface {
	graph.SubgraphSource
	Star(ctx context.Context, id string, f graph.Filter) (*graph.Graph, error)
	ShortestPaths(ctx context.Context, from, to string, maxHops int, f graph.Filter, limit int) (*graph.Paths, error)
}

var (
	_ analystSource = graph.MemorySource{}
	_ analystSource = (*neo4jstore.Store)(nil)
)

// sourceOptions say where the analysts' commands read: the graph file of
// --graph when it is given, else Neo4j when one is configured, else the
// default graph file.
type sourceOptions struct {
	Graph    string
	GraphSet bool // --graph was given: the file wins over NEO4J_URI
	Neo4j    neo4jOptions
}

func sourceFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "graph", Aliases: []string{"g"}, Value: defaultOut,
			Usage: "read the local graph `FILE` (the default when no Neo4j is configured; given, it wins over NEO4J_URI)"},
	}, neo4jFlags()...)
}

func sourceOptionsFrom(c *cli.Context) sourceOptions {
	return sourceOptions{Graph: c.String("graph"), GraphSet: c.IsSet("graph"), Neo4j: neo4jOptionsFrom(c)}
}

func (o sourceOptions) useNeo4j() bool { return o.Neo4j.URI != "" && !o.GraphSet }

func (o sourceOptions) check() error {
	if !o.useNeo4j() && o.Graph == "" {
		return usagef("--graph: empty file name")
	}
	return nil
}

// openEntities checks the output format and the source, opens the source
// and resolves each name to one entity (an ambiguous or unknown name is an
// error). The caller releases the source with done.
func (o sourceOptions) openEntities(ctx context.Context, format string, names []string, stderr io.Writer) (src analystSource, done func(), ents []schema.Entity, err error) {
	if err := checkFormat(format); err != nil {
		return nil, nil, nil, err
	}
	if err := o.check(); err != nil {
		return nil, nil, nil, err
	}
	src, done, err = o.open(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, n := range names {
		e, err := resolve(ctx, src, n, stderr)
		if err != nil {
			done()
			return nil, nil, nil, err
		}
		ents = append(ents, e)
	}
	return src, done, ents, nil
}

// open opens the source; close releases it.
func (o sourceOptions) open(ctx context.Context) (src analystSource, close func(), err error) {
	if o.useNeo4j() {
		st, err := o.Neo4j.open(ctx, 0)
		if err != nil {
			return nil, nil, err
		}
		return st, func() { st.Close() }, nil
	}
	g, err := graph.ReadGraph(o.Graph)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, fmt.Errorf("no graph file %s (build one with kg build, give --graph FILE, or set NEO4J_URI)", o.Graph)
	}
	if err != nil {
		return nil, nil, err
	}
	return graph.MemorySource{Graph: g}, func() {}, nil
}

// runExport resolves the seeds, cuts the subgraph and writes it. When a
// seed name is ambiguous its candidates are listed on stderr.
func runExport(ctx context.Context, opts exportOptions, stdout, stderr io.Writer) error {
	if err := opts.check(); err != nil {
		return err
	}
	src, done, err := opts.Source.open(ctx)
	if err != nil {
		return err
	}
	defer done()
	seeds, err := resolveSeeds(ctx, src, opts.Seeds, stderr)
	if err != nil {
		return err
	}
	sub, err := src.Subgraph(ctx, seeds, opts.Hops, opts.Filter)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := writeExport(sub, opts, seeds, stdout); err != nil {
		return err
	}
	if opts.Out != "" {
		fmt.Fprintf(stdout, "wrote %d entities, %d relations from %d articles to %s (%s)\n",
			len(sub.Entities), len(sub.Relations), len(sub.Articles), opts.Out, opts.Format)
	}
	return nil
}

// resolveSeeds returns the entity IDs of the seed names, in order, without
// duplicates.
func resolveSeeds(ctx context.Context, src graph.SubgraphSource, names []string, stderr io.Writer) ([]string, error) {
	var ids []string
	for _, name := range names {
		e, err := resolve(ctx, src, name, stderr)
		if err != nil {
			return nil, fmt.Errorf("--seed: %w", err)
		}
		if !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	return ids, nil
}

// resolve returns the one entity name designates in src (see
// graph.ResolveEntity). When name is ambiguous its candidates are listed
// on stderr; when it matches one entity only partly or approximately,
// stderr says which entity it was taken to be.
func resolve(ctx context.Context, src graph.SubgraphSource, name string, stderr io.Writer) (schema.Entity, error) {
	e, err := graph.ResolveEntity(ctx, src, name)
	var amb *graph.AmbiguousError
	if errors.As(err, &amb) {
		printCandidates(stderr, amb)
	}
	if err != nil {
		return schema.Entity{}, err
	}
	m := graph.MatchName(name, e.Name)
	for _, a := range e.Aliases {
		m = m.Or(graph.MatchName(name, a))
	}
	if m != graph.MatchExact && name != e.ID {
		fmt.Fprintf(stderr, "kg: %q taken to be %s (%s %s), the only %s match\n", name, oneLine(e.Name), e.Type, e.ID,
			map[graph.Match]string{graph.MatchWords: "partial", graph.MatchClose: "close"}[m])
	}
	return e, nil
}

// printCandidates lists the entities an ambiguous name matches, aligned.
func printCandidates(w io.Writer, amb *graph.AmbiguousError) {
	fmt.Fprintf(w, "%q matches %d entities:\n", amb.Name, len(amb.Candidates))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  NAME\tTYPE\tID\tMENTIONS")
	for _, e := range amb.Candidates {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\n", oneLine(e.Name), e.Type, e.ID, e.Count)
	}
	tw.Flush()
}

// oneLine folds the line breaks and tabs of s into spaces, and escapes
// its other control characters (see noControls).
func oneLine(s string) string {
	return noControls(strings.Join(strings.Fields(s), " "))
}

// noControls returns s with its control characters (C0, DEL, C1) written
// as Go escapes: an ESC from an article is shown as \x1b, and cannot move
// the cursor or retitle the terminal of whoever reads kg's tables.
func noControls(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if unicode.IsControl(c) {
			q := strconv.QuoteRune(c)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// writeExport writes g in opts.Format to opts.Out, or to stdout; an html
// page opens on the seeds (IDs). The output is made in memory first, so
// that an export error leaves no partial file.
func writeExport(g *graph.Graph, opts exportOptions, seeds []string, stdout io.Writer) error {
	if opts.Format == "csv" {
		var nodes, rels bytes.Buffer
		if err := export.CSV(&nodes, &rels, g); err != nil {
			return err
		}
		if err := os.MkdirAll(opts.Out, 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := os.WriteFile(filepath.Join(opts.Out, "nodes.csv"), nodes.Bytes(), 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := os.WriteFile(filepath.Join(opts.Out, "relationships.csv"), rels.Bytes(), 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	var buf bytes.Buffer
	write := exportWriters[opts.Format]
	if opts.Format == "html" {
		write = func(w io.Writer, g *graph.Graph) error { return export.HTMLView(w, g, seeds, opts.Hops) }
	}
	if err := write(&buf, g); err != nil {
		return err
	}
	if opts.Out == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(opts.Out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
