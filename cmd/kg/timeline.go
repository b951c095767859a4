package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/query"
)

type timelineOptions struct {
	Name     string
	Filter   graph.Filter
	ViaRoles bool
	Format   string
	Source   sourceOptions
}

func timelineCommand() *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "list an entity's relations in date order",
		ArgsUsage: "NAME",
		Description: `Lists the relations of the entity NAME, as subject or object, in date order: the date
of the event when the text gives one (YYYY, YYYY-MM, a day, or the Monday of a week
marked wk), else the article's publication date (marked *); relations with neither come
last. Each with its type (a planned event marked [future]), counterparty, confidence,
article (+N when copies of it state the relation too) and evidence sentence. The filters
narrow the list: --tense past leaves out planned events.

With --via-roles, the relations of the entity's officials and bodies count too, each
row saying who acted.

NAME is a name or an alias (matched ignoring case and accents; no quotes needed) or an
entity ID. A name that several entities share lists them and fails.

Reads Neo4j when NEO4J_URI or --neo4j-uri is set, else the local graph file
(--graph FILE, default ` + defaultOut + `).

Example:
  kg timeline Dmitry Peskov
  kg timeline --since 2025-01 --types MEETS,VISITS China`,
		Flags: concat([]cli.Flag{formatFlag(), viaRolesFlag()}, filterFlags(true), sourceFlags()),
		Action: func(c *cli.Context) error {
			name, err := nameArg(c, "timeline")
			if err != nil {
				return err
			}
			f, err := filterFrom(c)
			if err != nil {
				return err
			}
			opts := timelineOptions{Name: name, Filter: f, ViaRoles: c.Bool("via-roles"), Format: c.String("format"), Source: sourceOptionsFrom(c)}
			return runTimeline(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runTimeline(ctx context.Context, opts timelineOptions, stdout, stderr io.Writer) error {
	r, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.Name}, stderr)
	if err != nil {
		return err
	}
	defer r.Close()
	e := ents[0]
	rep, err := query.Timeline(ctx, r, e, query.Options{Filter: opts.Filter, ViaRoles: opts.ViaRoles}, 0)
	if err != nil {
		return err
	}
	return answer(stdout, opts.Format, rep, func(t *table) {
		t.printf("%s (%s): %d %s\n", oneLine(e.Name), e.Type, len(rep.Relations), plural(len(rep.Relations), "relation", "relations"))
		if len(rep.Relations) > 0 {
			t.printf("\n")
			t.relations("", rep.Relations)
		}
	})
}
