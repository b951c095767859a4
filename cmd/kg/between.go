package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

type betweenOptions struct {
	A, B   string
	Filter graph.Filter
	Format string
	Source sourceOptions
}

func betweenCommand() *cli.Command {
	return &cli.Command{
		Name:      "between",
		Usage:     "list every relation between two entities, in both directions, with its evidence",
		ArgsUsage: "A B",
		Description: `Lists every relation between the entities A and B, whichever is the subject, in date
order: the type, the date (the event's, else the article's publication date, marked
*), the confidence, the article and the evidence sentence.

A and B are names or aliases (matched ignoring case and accents; quote names of several
words) or entity IDs. A name that several entities share lists them and fails.

Reads Neo4j when NEO4J_URI or --neo4j-uri is set, else the local graph file
(--graph FILE, default ` + defaultOut + `).

Example:
  kg between "Dmitry Peskov" Ukraine
  kg between --format json Peskov "the West"`,
		Flags: concat([]cli.Flag{formatFlag()}, filterFlags(true), sourceFlags()),
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
			opts := betweenOptions{A: c.Args().Get(0), B: c.Args().Get(1), Filter: f, Format: c.String("format"), Source: sourceOptionsFrom(c)}
			return runBetween(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// betweenReport is kg between's JSON.
type betweenReport struct {
	A         entityOut     `json:"a"`
	B         entityOut     `json:"b"`
	Relations []relationOut `json:"relations"`
}

func runBetween(ctx context.Context, opts betweenOptions, stdout, stderr io.Writer) error {
	src, done, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.A, opts.B}, stderr)
	if err != nil {
		return err
	}
	defer done()
	a, b := ents[0], ents[1]
	if a.ID == b.ID {
		return usagef("between: %q and %q are the same entity (%s); kg entity lists its relations", opts.A, opts.B, a.Name)
	}
	// The subgraph of the two with no hops holds exactly the relations
	// among them (and of each with itself, left out).
	sub, err := src.Subgraph(ctx, []string{a.ID, b.ID}, 0, opts.Filter)
	if err != nil {
		return err
	}
	r := newRefs(sub)
	out := betweenReport{A: entityJSON(a), B: entityJSON(b), Relations: []relationOut{}}
	for _, rel := range sub.Relations {
		if rel.Subject != rel.Object {
			out.Relations = append(out.Relations, r.relation(rel))
		}
	}
	byDate(out.Relations)
	if opts.Format == "json" {
		return writeJSONValue(stdout, out)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%d %s between %s (%s) and %s (%s)\n", len(out.Relations), plural(len(out.Relations), "relation", "relations"),
		oneLine(a.Name), a.Type, oneLine(b.Name), b.Type)
	if len(out.Relations) > 0 {
		buf.WriteByte('\n')
		writeRelations(&buf, "", out.Relations)
	}
	_, err = stdout.Write(buf.Bytes())
	return err
}
