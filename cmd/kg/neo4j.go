package main

import (
	"context"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph/neo4jstore"
)

// neo4jOptions are the connection settings, named as Neo4j's own tools
// name them. Flags win over the environment, which wins over defaults.
type neo4jOptions struct {
	URI      string
	Username string
	Password string // never printed
	Database string
}

func neo4jFlags() []cli.Flag {
	const cat = "Neo4j connection"
	return []cli.Flag{
		&cli.StringFlag{Name: "neo4j-uri", Category: cat, EnvVars: []string{"NEO4J_URI"},
			Usage: "Bolt `URI` of Neo4j (bolt://host:7687, neo4j://host, neo4j+s://host)"},
		&cli.StringFlag{Name: "neo4j-user", Category: cat, EnvVars: []string{"NEO4J_USERNAME"}, Value: "neo4j",
			Usage: "user `NAME` (sent only with a password)"},
		&cli.StringFlag{Name: "neo4j-password", Category: cat, EnvVars: []string{"NEO4J_PASSWORD"},
			Usage: "`PASSWORD` (prefer the environment variable; empty: no authentication)"},
		&cli.StringFlag{Name: "neo4j-database", Category: cat, EnvVars: []string{"NEO4J_DATABASE"},
			Usage: "`DATABASE` to use (default: the server's default database)"},
	}
}

func neo4jOptionsFrom(c *cli.Context) neo4jOptions {
	return neo4jOptions{
		URI:      c.String("neo4j-uri"),
		Username: c.String("neo4j-user"),
		Password: c.String("neo4j-password"),
		Database: c.String("neo4j-database"),
	}
}

// open connects to the Neo4j of o; it is a usage error when none is set.
func (o neo4jOptions) open(ctx context.Context, batchSize int) (*neo4jstore.Store, error) {
	if o.URI == "" {
		return nil, usagef("no Neo4j configured: set NEO4J_URI or --neo4j-uri (testdata/neo4j/start runs one)")
	}
	cfg := neo4jstore.Config{URI: o.URI, Database: o.Database, BatchSize: batchSize}
	if o.Password != "" {
		cfg.Username, cfg.Password = o.Username, o.Password
	}
	return neo4jstore.Open(ctx, cfg)
}
