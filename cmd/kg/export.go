package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/export"
	"github.com/kgraph/kg/graph/query"
	"github.com/kgraph/kg/schema"
)

// exportOptions are the options of kg export.
type exportOptions struct {
	Seeds    []string // entity names, aliases or IDs
	Hops     int
	Filter   graph.Filter
	ViaRoles bool
	Format   string
	Out      string // file, or directory for csv; "" for standard output
	Source   sourceOptions
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
out; --min-confidence keeps relations at least that confident; --tense past leaves out
planned events. With --via-roles, the officials (HOLDS_ROLE) and bodies (PART_OF) of the
seeds are seeds too, so that their relations come with the relations that say who
they are.

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
Every format keeps the provenance of each relation: article, evidence, date (with
date_source: event or article, and date_precision), tense, confidence and support (the
number of articles, copies included, that state it).

Examples:
  kg export --seed "Sergei Lavrov" --hops 2 --format graphml -o lavrov.graphml
  kg export --seed Lavrov --seed Blinken --types MEETS,ACCUSES --since 2024-01 --format html -o out.html
  kg export --seed Ukraine --format csv -o import/`,
		Flags: concat([]cli.Flag{
			&cli.StringSliceFlag{Name: "seed", Aliases: []string{"s"}, Usage: "start from the entity `NAME` (or alias or ID; repeatable)"},
			&cli.IntFlag{Name: "hops", Value: 1, Usage: "take entities up to `N` relations away from a seed"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "output `FORMAT`: " + strings.Join(exportFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (a directory for csv) instead of standard output"},
			viaRolesFlag(),
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
				Seeds:    c.StringSlice("seed"),
				Hops:     c.Int("hops"),
				Filter:   f,
				ViaRoles: c.Bool("via-roles"),
				Format:   c.String("format"),
				Out:      c.String("output"),
				Source:   sourceOptionsFrom(c),
			}
			return runExport(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
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
	if err := checkFilter(o.Filter); err != nil {
		return err
	}
	return o.Source.check()
}

// runExport resolves the seeds, cuts the subgraph and writes it. When a
// seed name is ambiguous its candidates are listed on stderr.
func runExport(ctx context.Context, opts exportOptions, stdout, stderr io.Writer) error {
	if err := opts.check(); err != nil {
		return err
	}
	r, err := opts.Source.open(ctx)
	if err != nil {
		return err
	}
	defer r.Close()
	var seeds []schema.Entity
	for _, name := range opts.Seeds {
		e, err := resolve(ctx, r, name, stderr)
		if err != nil {
			return fmt.Errorf("--seed: %w", err)
		}
		seeds = append(seeds, e)
	}
	sub, err := query.Subgraph(ctx, r, seeds, opts.Hops, query.Options{Filter: opts.Filter, ViaRoles: opts.ViaRoles})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	ids := make([]string, len(seeds))
	for i, e := range seeds {
		ids[i] = e.ID
	}
	if err := writeExport(sub, opts, ids, stdout); err != nil {
		return err
	}
	if opts.Out != "" {
		fmt.Fprintf(stdout, "wrote %d entities, %d relations from %d articles to %s (%s)\n",
			len(sub.Entities), len(sub.Relations), len(sub.Articles), opts.Out, opts.Format)
	}
	return nil
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
