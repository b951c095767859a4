package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/query"
)

type betweenOptions struct {
	A, B     string
	Filter   graph.Filter
	ViaRoles bool
	Format   string
	Source   sourceOptions
}

func betweenCommand() *cli.Command {
	return &cli.Command{
		Name:      "between",
		Usage:     "list every relation between two entities, in both directions, with its evidence",
		ArgsUsage: "A B",
		Description: `Lists every relation between the entities A and B, whichever is the subject, in date
order: the type, the date (the event's, else the article's publication date, marked
*; a planned event is marked [future]), the confidence, the article (+N when copies of
it state the relation too) and the evidence sentence.

With --via-roles, the relations of the officials of either (who holds a role at it or
at one of its bodies) and of its bodies (PART_OF) count too, each row saying who acted:
"kg between --via-roles Russia Ukraine" lists what Russia's ambassadors and ministries
did to Ukraine. An official's relation counts when it is dated within a year of a date
its role was stated on.

A and B are names or aliases (matched ignoring case and accents; quote names of several
words) or entity IDs. A name that several entities share lists them and fails.

Reads Neo4j when NEO4J_URI or --neo4j-uri is set, else the local graph file
(--graph FILE, default ` + defaultOut + `).

Example:
  kg between "Dmitry Peskov" Ukraine
  kg between --format json Peskov "the West"`,
		Flags: concat([]cli.Flag{formatFlag(), viaRolesFlag()}, filterFlags(true), sourceFlags()),
		Action: func(c *cli.Context) error {
			if err := flagsFirst(c, "between"); err != nil {
				return err
			}
			if c.NArg() != 2 {
				return usagef("between: want two entity names, got %d (quote names of several words)", c.NArg())
			}
			f, err := filterFrom(c)
			if err != nil {
				return err
			}
			opts := betweenOptions{A: c.Args().Get(0), B: c.Args().Get(1), Filter: f, ViaRoles: c.Bool("via-roles"),
				Format: c.String("format"), Source: sourceOptionsFrom(c)}
			return runBetween(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runBetween(ctx context.Context, opts betweenOptions, stdout, stderr io.Writer) error {
	r, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.A, opts.B}, stderr)
	if err != nil {
		return err
	}
	defer r.Close()
	a, b := ents[0], ents[1]
	if a.ID == b.ID {
		return usagef("between: %q and %q are the same entity (%s); kg entity lists its relations", opts.A, opts.B, a.Name)
	}
	rep, err := query.Between(ctx, r, a, b, query.Options{Filter: opts.Filter, ViaRoles: opts.ViaRoles})
	if err != nil {
		return err
	}
	return answer(stdout, opts.Format, rep, func(t *table) {
		t.printf("%d %s between %s (%s) and %s (%s)\n", len(rep.Relations), plural(len(rep.Relations), "relation", "relations"),
			oneLine(a.Name), a.Type, oneLine(b.Name), b.Type)
		if len(rep.Relations) > 0 {
			t.printf("\n")
			t.relations("", rep.Relations)
		}
	})
}
