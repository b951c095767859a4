package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

// defaultMaxHops and defaultPathLimit are kg path's defaults.
const (
	defaultMaxHops   = 4
	defaultPathLimit = 10
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
			&cli.IntFlag{Name: "max-hops", Aliases: []string{"n"}, Value: defaultMaxHops, Usage: "look for paths of at most `N` relations (1 to 15)"},
			&cli.IntFlag{Name: "limit", Value: defaultPathLimit, Usage: "show at most `N` paths (0: all)"},
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

// pathReport is kg path's JSON.
type pathReport struct {
	From    entityOut  `json:"from"`
	To      entityOut  `json:"to"`
	MaxHops int        `json:"max_hops"`
	Hops    int        `json:"hops"` // of each path; 0 when there is none
	Paths   []pathJSON `json:"paths"`
}

type pathJSON struct {
	Entities []entityRef `json:"entities"`
	Hops     []hopJSON   `json:"hops"`
}

type hopJSON struct {
	From      entityRef     `json:"from"`
	To        entityRef     `json:"to"`
	Relations []relationOut `json:"relations"` // either direction, in date order
}

func runPath(ctx context.Context, opts pathOptions, stdout, stderr io.Writer) error {
	if opts.MaxHops < 1 || opts.MaxHops > 15 {
		return usagef("--max-hops %d: want 1 to 15", opts.MaxHops)
	}
	if opts.Limit < 0 {
		return usagef("--limit %d: want 0 (all) or more", opts.Limit)
	}
	src, done, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.A, opts.B}, stderr)
	if err != nil {
		return err
	}
	defer done()
	a, b := ents[0], ents[1]
	if a.ID == b.ID {
		return usagef("path: %q and %q are the same entity (%s)", opts.A, opts.B, a.Name)
	}
	ps, err := src.ShortestPaths(ctx, a.ID, b.ID, opts.MaxHops, opts.Filter, opts.Limit)
	if err != nil {
		return err
	}
	r := newRefs(ps.Graph)
	out := pathReport{From: entityJSON(a), To: entityJSON(b), MaxHops: opts.MaxHops, Hops: ps.Hops(), Paths: []pathJSON{}}
	for _, ids := range ps.IDs {
		var p pathJSON
		for i, id := range ids {
			p.Entities = append(p.Entities, r.entity(id))
			if i == 0 {
				continue
			}
			h := hopJSON{From: r.entity(ids[i-1]), To: r.entity(id), Relations: []relationOut{}}
			for _, rel := range ps.Hop(ids[i-1], id) {
				h.Relations = append(h.Relations, r.relation(rel))
			}
			byDate(h.Relations)
			p.Hops = append(p.Hops, h)
		}
		out.Paths = append(out.Paths, p)
	}
	if opts.Format == "json" {
		return writeJSONValue(stdout, out)
	}

	var buf bytes.Buffer
	if len(out.Paths) == 0 {
		fmt.Fprintf(&buf, "no path of at most %d %s between %s (%s) and %s (%s)\n", opts.MaxHops, plural(opts.MaxHops, "hop", "hops"),
			oneLine(a.Name), a.Type, oneLine(b.Name), b.Type)
	} else {
		fmt.Fprintf(&buf, "%d shortest %s of %d %s between %s (%s) and %s (%s)\n", len(out.Paths), plural(len(out.Paths), "path", "paths"),
			out.Hops, plural(out.Hops, "hop", "hops"), oneLine(a.Name), a.Type, oneLine(b.Name), b.Type)
	}
	for i, p := range out.Paths {
		names := make([]string, len(p.Entities))
		for j, e := range p.Entities {
			names[j] = oneLine(e.Name)
		}
		fmt.Fprintf(&buf, "\npath %d: %s\n", i+1, strings.Join(names, " -- "))
		var rows [][]string
		var cols []string
		starred := false
		for j, h := range p.Hops {
			c, rs, s := relationRows(h.Relations)
			cols, starred = append([]string{"HOP"}, c...), starred || s
			for _, row := range rs {
				rows = append(rows, append([]string{strconv.Itoa(j + 1)}, row...))
			}
		}
		writeRows(&buf, "  ", cols, rows)
		if starred {
			buf.WriteString("  (* the article's publication date: the text gives no date)\n")
		}
	}
	_, err = stdout.Write(buf.Bytes())
	return err
}
