package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

type timelineOptions struct {
	Name   string
	Filter graph.Filter
	Format string
	Source sourceOptions
}

func timelineCommand() *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "list an entity's relations in date order",
		ArgsUsage: "NAME",
		Description: `Lists the relations of the entity NAME, as subject or object, in date order: the date
of the event when the text gives one, else the article's publication date (marked *);
relations with neither come last. Each with its type, counterparty, confidence, article
and evidence sentence. The filters narrow the list.

NAME is a name or an alias (matched ignoring case and accents; no quotes needed) or an
entity ID. A name that several entities share lists them and fails.

Reads Neo4j when NEO4J_URI or --neo4j-uri is set, else the local graph file
(--graph FILE, default ` + defaultOut + `).

Example:
  kg timeline Dmitry Peskov
  kg timeline --since 2025-01 --types MEETS,VISITS China`,
		Flags: concat([]cli.Flag{formatFlag()}, filterFlags(true), sourceFlags()),
		Action: func(c *cli.Context) error {
			name, err := nameArg(c, "timeline")
			if err != nil {
				return err
			}
			f, err := filterFrom(c)
			if err != nil {
				return err
			}
			opts := timelineOptions{Name: name, Filter: f, Format: c.String("format"), Source: sourceOptionsFrom(c)}
			return runTimeline(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// timelineReport is kg timeline's JSON.
type timelineReport struct {
	Entity    entityOut     `json:"entity"`
	Relations []relationOut `json:"relations"`
}

func runTimeline(ctx context.Context, opts timelineOptions, stdout, stderr io.Writer) error {
	src, done, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.Name}, stderr)
	if err != nil {
		return err
	}
	defer done()
	e := ents[0]
	star, err := src.Star(ctx, e.ID, opts.Filter)
	if err != nil {
		return err
	}
	r := newRefs(star)
	out := timelineReport{Entity: entityJSON(e), Relations: []relationOut{}}
	for _, rel := range star.Relations {
		out.Relations = append(out.Relations, r.relation(rel))
	}
	byDate(out.Relations)
	if opts.Format == "json" {
		return writeJSONValue(stdout, out)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s (%s): %d %s\n", oneLine(e.Name), e.Type, len(out.Relations), plural(len(out.Relations), "relation", "relations"))
	if len(out.Relations) > 0 {
		buf.WriteByte('\n')
		writeRelations(&buf, "", out.Relations)
	}
	_, err = stdout.Write(buf.Bytes())
	return err
}
