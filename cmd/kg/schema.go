package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "manage kg's schema in Neo4j",
		Subcommands: []*cli.Command{
			{
				Name:  "apply",
				Usage: "create kg's constraints and indexes in Neo4j (idempotent)",
				Description: `Creates the unique constraints on Entity.id, Article.id and each relationship
type's key, and the indexes kg uses (including the full-text index over entity names
and aliases). Applying again changes nothing. kg build applies the schema itself.`,
				Flags: neo4jFlags(),
				Action: func(c *cli.Context) error {
					if c.Args().Present() {
						return usagef("schema apply: unexpected arguments %q", c.Args().Slice())
					}
					return runSchemaApply(c.Context, neo4jOptionsFrom(c), c.App.Writer)
				},
			},
			{
				Name:  "show",
				Usage: "print the Cypher statements of kg's schema",
				Action: func(c *cli.Context) error {
					for _, s := range schema.DDL() {
						fmt.Fprintf(c.App.Writer, "%s;\n", s)
					}
					return nil
				},
			},
		},
	}
}

// runSchemaApply applies kg's schema to the Neo4j of opts.
func runSchemaApply(ctx context.Context, opts neo4jOptions, stdout io.Writer) error {
	st, err := opts.openCypher(ctx, port.DefaultQueryTimeout)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.ApplySchema(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "schema applied to %s: %d constraints and indexes\n", st, len(schema.DDL()))
	return nil
}
