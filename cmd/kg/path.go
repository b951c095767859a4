package main

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/query"
)

type pathOptions struct {
	A, B    string
	MaxHops int
	Limit   int
	Filter  graph.Filter
	Format  string
	Source  sourceOptions
}

func pathCommand() *cli.Command {
	return &cli.Command{
		Name:      "path",
		Usage:     "show the shortest connections between two entities, each hop with its evidence",
		ArgsUsage: "A B",
		Description: `Finds the shortest paths between the entities A and B, of at most --max-hops relations,
walking relations in either direction, and shows each path as its entities with, for
every hop, the relations between the two entities (type, date, confidence, article,
evidence). Paths through the same entities are one path; the first --limit paths are
shown, ordered by the names along them. --types and --min-confidence choose the
relations a path may use.

In Neo4j the search is Cypher's allShortestPaths bounded by --max-hops; on the local
graph file, a breadth-first search. Both give the same paths.

A and B are names or aliases (matched ignoring case and accents; quote names of several
words) or entity IDs. A name that several entities share lists them and fails.

Example:
  kg path "Dmitry Peskov" NATO
  kg path --max-hops 6 --types MEETS,VISITS Lavrov Fidan`,
		Flags: concat([]cli.Flag{
			formatFlag(),
			&cli.IntFlag{Name: "max-hops", Aliases: []string{"n"}, Value: query.DefaultMaxHops, Usage: "look for paths of at most `N` relations (1 to 15)"},
			&cli.IntFlag{Name: "limit", Value: query.DefaultPathLimit, Usage: "show at most `N` paths (0: all)"},
		}, filterFlags(false), sourceFlags()),
		Action: func(c *cli.Context) error {
			if err := flagsFirst(c, "path"); err != nil {
				return err
			}
			if c.NArg() != 2 {
				return usagef("path: want two entity names, got %d (quote names of several words)", c.NArg())
			}
			f, err := filterFrom(c)
			if err != nil {
				return err
			}
			opts := pathOptions{A: c.Args().Get(0), B: c.Args().Get(1), MaxHops: c.Int("max-hops"), Limit: c.Int("limit"),
				Filter: f, Format: c.String("format"), Source: sourceOptionsFrom(c)}
			return runPath(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runPath(ctx context.Context, opts pathOptions, stdout, stderr io.Writer) error {
	if opts.MaxHops < 1 || opts.MaxHops > 15 {
		return usagef("--max-hops %d: want 1 to 15", opts.MaxHops)
	}
	if opts.Limit < 0 {
		return usagef("--limit %d: want 0 (all) or more", opts.Limit)
	}
	r, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.A, opts.B}, stderr)
	if err != nil {
		return err
	}
	defer r.Close()
	a, b := ents[0], ents[1]
	if a.ID == b.ID {
		return usagef("path: %q and %q are the same entity (%s)", opts.A, opts.B, a.Name)
	}
	rep, err := query.Paths(ctx, r, a, b, query.PathOptions{Options: query.Options{Filter: opts.Filter}, MaxHops: opts.MaxHops, Limit: opts.Limit})
	if err != nil {
		return err
	}
	return answer(stdout, opts.Format, rep, func(t *table) { renderPaths(t, rep) })
}

// renderPaths draws kg path's answer: each path as its entities, then a
// table of the relations of its hops.
func renderPaths(t *table, rep *query.PathReport) {
	a, b := rep.From, rep.To
	if len(rep.Paths) == 0 {
		t.printf("no path of at most %d %s between %s (%s) and %s (%s)\n", rep.MaxHops, plural(rep.MaxHops, "hop", "hops"),
			oneLine(a.Name), a.Type, oneLine(b.Name), b.Type)
	} else {
		t.printf("%d shortest %s of %d %s between %s (%s) and %s (%s)\n", len(rep.Paths), plural(len(rep.Paths), "path", "paths"),
			rep.Hops, plural(rep.Hops, "hop", "hops"), oneLine(a.Name), a.Type, oneLine(b.Name), b.Type)
	}
	for i, p := range rep.Paths {
		names := make([]string, len(p.Entities))
		for j, e := range p.Entities {
			names[j] = oneLine(e.Name)
		}
		t.printf("\npath %d: %s\n", i+1, strings.Join(names, " -- "))
		var rows [][]string
		var cols []string
		marks := 0
		for j, h := range p.Hops {
			c, rs, m := relationRows(h.Relations)
			cols, marks = append([]string{"HOP"}, c...), marks|m
			for _, row := range rs {
				rows = append(rows, append([]string{strconv.Itoa(j + 1)}, row...))
			}
		}
		t.rows("  ", cols, rows)
		t.notes("  ", marks)
	}
}
