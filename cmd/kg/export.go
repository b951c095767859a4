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
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"kg/graph"
	"kg/graph/export"
	"kg/schema"
)

// exportOptions are the options of kg export.
type exportOptions struct {
	Seeds  []string // entity names, aliases or IDs
	Hops   int
	Filter graph.Filter
	Format string
	Out    string // file, or directory for csv; "" for standard output
	Graph  string // the local graph file
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
		Description: `Cuts the induced subgraph around the seed entities out of the local graph file: the
entities within --hops relations of a seed (walking relations in either direction, each
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
  html     one self-contained page: the picture and a sortable table of the relations
Every format keeps the provenance of each relation: article, evidence, date, confidence.

Examples:
  kg export --seed "Sergei Lavrov" --hops 2 --format graphml -o lavrov.graphml
  kg export --seed Lavrov --seed Blinken --types MEETS,ACCUSES --since 2024-01 --format html -o out.html
  kg export --seed Ukraine --format csv -o import/`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "seed", Aliases: []string{"s"}, Usage: "start from the entity `NAME` (or alias or ID; repeatable)"},
			&cli.IntFlag{Name: "hops", Value: 1, Usage: "take entities up to `N` relations away from a seed"},
			&cli.StringSliceFlag{Name: "types", Aliases: []string{"t"}, Usage: "keep relations of the types `T,...` only (repeatable)"},
			&cli.StringFlag{Name: "since", Usage: "keep relations dated on or after `DATE`"},
			&cli.StringFlag{Name: "until", Usage: "keep relations dated on or before `DATE`"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "keep relations of confidence `X` or more"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "output `FORMAT`: " + strings.Join(exportFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (a directory for csv) instead of standard output"},
			&cli.StringFlag{Name: "graph", Value: defaultOut, Usage: "read the local graph `FILE`"},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("export: unexpected argument %q (seeds are given with --seed)", c.Args().First())
			}
			types, err := parseTypes(c.StringSlice("types"))
			if err != nil {
				return err
			}
			opts := exportOptions{
				Seeds: c.StringSlice("seed"),
				Hops:  c.Int("hops"),
				Filter: graph.Filter{
					Types:         types,
					Since:         c.String("since"),
					Until:         c.String("until"),
					MinConfidence: c.Float64("min-confidence"),
				},
				Format: c.String("format"),
				Out:    c.String("output"),
				Graph:  c.String("graph"),
			}
			return runExport(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
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
	return nil
}

// openExportSource opens what kg export reads: the local graph file. (A
// Neo4j store implementing graph.SubgraphSource plugs in here.)
func openExportSource(o exportOptions) (graph.SubgraphSource, error) {
	g, err := graph.ReadGraph(o.Graph)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no graph file %s (build one with kg build, or give --graph FILE)", o.Graph)
	}
	if err != nil {
		return nil, err
	}
	return graph.MemorySource{Graph: g}, nil
}

// runExport resolves the seeds, cuts the subgraph and writes it. When a
// seed name is ambiguous its candidates are listed on stderr.
func runExport(ctx context.Context, opts exportOptions, stdout, stderr io.Writer) error {
	if err := opts.check(); err != nil {
		return err
	}
	src, err := openExportSource(opts)
	if err != nil {
		return err
	}
	seeds, err := resolveSeeds(ctx, src, opts.Seeds, stderr)
	if err != nil {
		return err
	}
	sub, err := src.Subgraph(ctx, seeds, opts.Hops, opts.Filter)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := writeExport(sub, opts, stdout); err != nil {
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
		e, err := graph.ResolveEntity(ctx, src, name)
		var amb *graph.AmbiguousError
		if errors.As(err, &amb) {
			printCandidates(stderr, amb)
		}
		if err != nil {
			return nil, fmt.Errorf("--seed: %w", err)
		}
		if !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	return ids, nil
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

// oneLine folds the line breaks and tabs of s into spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// writeExport writes g in opts.Format to opts.Out, or to stdout. The
// output is made in memory first, so that an export error leaves no
// partial file.
func writeExport(g *graph.Graph, opts exportOptions, stdout io.Writer) error {
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
	if err := exportWriters[opts.Format](&buf, g); err != nil {
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
