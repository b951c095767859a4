package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/port"
)

// This file turns flags and the environment into the store to open
// (port.Config): which one wins is decided here, opening is the port's.

// defaultOut is the graph file written when no Neo4j is configured.
const defaultOut = "kg-out/graph.json"

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

func (o neo4jOptions) port() port.Neo4j {
	return port.Neo4j{URI: o.URI, Username: o.Username, Password: o.Password, Database: o.Database}
}

// openCypher connects to the Neo4j of o, whose queries time out after
// timeout (0: the server's own timeout); it is a usage error when none is
// set.
func (o neo4jOptions) openCypher(ctx context.Context, timeout time.Duration) (port.Cypher, error) {
	n := o.port()
	n.QueryTimeout = timeout
	if timeout == 0 {
		n.QueryTimeout = -1 // the server's
	}
	c, err := port.OpenCypher(ctx, port.Config{Neo4j: n})
	if errors.Is(err, port.ErrNoNeo4j) {
		return nil, usagef("no Neo4j configured: set NEO4J_URI or --neo4j-uri (testdata/neo4j/start runs one)")
	}
	return c, err
}

// sinkOptions say where `kg build` and `kg load` put the graph: the graph
// file when --out is given or no Neo4j is configured, else Neo4j.
type sinkOptions struct {
	Out       string
	OutSet    bool // --out was given: the file wins over NEO4J_URI
	Neo4j     neo4jOptions
	BatchSize int
	Writers   int  // concurrent load transactions into Neo4j
	Force     bool // load articles the sink holds already
	Append    bool // add to an existing graph file
}

func sinkFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: defaultOut,
			Usage: "write the graph to `FILE` (the default when no Neo4j is configured; an existing file only with --append)"},
		&cli.BoolFlag{Name: "append", Aliases: []string{"a"},
			Usage: "add to the existing graph file of --out (resolving against what it holds, skipping what it has)"},
		&cli.IntFlag{Name: "batch-size", Value: graph.DefaultBatchSize,
			Usage: "extractions per load batch (per Neo4j transaction)"},
		&cli.IntFlag{Name: "writers", Value: port.DefaultWriters,
			Usage: "concurrent load transactions into Neo4j (a graph file is written by one)"},
		&cli.BoolFlag{Name: "force",
			Usage: "load again articles that were loaded before with the same text (skipped by default)"},
	}, neo4jFlags()...)
}

func sinkOptionsFrom(c *cli.Context) sinkOptions {
	return sinkOptions{
		Out:       c.String("out"),
		OutSet:    c.IsSet("out"),
		Neo4j:     neo4jOptionsFrom(c),
		BatchSize: c.Int("batch-size"),
		Writers:   c.Int("writers"),
		Force:     c.Bool("force"),
		Append:    c.Bool("append"),
	}
}

func (o sinkOptions) useNeo4j() bool { return o.Neo4j.URI != "" && !o.OutSet }

// file returns the graph file written, or "" when loading into Neo4j.
func (o sinkOptions) file() string {
	if o.useNeo4j() {
		return ""
	}
	return o.Out
}

// config returns the store to open.
func (o sinkOptions) config() port.Config {
	if !o.useNeo4j() {
		return port.Config{File: o.Out}
	}
	n := o.Neo4j.port()
	n.Writers = o.Writers
	return port.Config{Neo4j: n}
}

// check reports usage errors of o before any work.
func (o sinkOptions) check() error {
	if o.BatchSize < 1 {
		return usagef("--batch-size must be at least 1")
	}
	if o.Writers < 1 {
		return usagef("--writers must be at least 1")
	}
	if !o.useNeo4j() && o.Out == "" {
		return usagef("--out: empty file name")
	}
	if o.useNeo4j() || o.Append {
		return nil
	}
	switch fi, err := os.Stat(o.Out); {
	case err == nil && fi.IsDir():
		return usagef("--out %s is a directory: give a file name", o.Out)
	case err == nil:
		return usagef("graph file %s exists: give --append to add to it, or another --out FILE", o.Out)
	}
	return nil
}

// errNoInputs is the usage error of a command given nothing to read.
var errNoInputs = errors.New("no inputs: give files, directories, glob patterns or - for standard input")

// openOutputs opens the store and then the reporter of kg build and kg
// load. The store comes first, so that when Neo4j is unreachable no
// rejects file is left; when the reporter cannot start, the store is
// aborted (nothing was loaded: a graph file is left unwritten).
//
// A graph file that another build or load is writing is waited for, with
// a message saying so (even with --quiet: a wait that says nothing looks
// like a hang); Ctrl-C ends the wait.
func openOutputs(ctx context.Context, o sinkOptions, stderr io.Writer, quiet bool, rejects string) (port.Writer, *reporter, error) {
	cfg := o.config()
	if file := o.file(); file != "" {
		cfg.Wait = func(holder string) {
			fmt.Fprintf(stderr, "kg: graph file %s is being written by %s: waiting until it is done (Ctrl-C to stop)\n", file, holder)
		}
	}
	w, err := port.OpenWriter(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	rep, err := newReporter(stderr, quiet, rejects)
	if err != nil {
		w.Abort(err)
		return nil, nil, err
	}
	return w, rep, nil
}

// sourceOptions say where the analysts' commands read: the graph file of
// --graph when it is given, else Neo4j when one is configured, else the
// default graph file.
type sourceOptions struct {
	Graph    string
	GraphSet bool // --graph was given: the file wins over NEO4J_URI
	Neo4j    neo4jOptions
}

func sourceFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "graph", Aliases: []string{"g"}, Value: defaultOut,
			Usage: "read the local graph `FILE` (the default when no Neo4j is configured; given, it wins over NEO4J_URI)"},
	}, neo4jFlags()...)
}

func sourceOptionsFrom(c *cli.Context) sourceOptions {
	return sourceOptions{Graph: c.String("graph"), GraphSet: c.IsSet("graph"), Neo4j: neo4jOptionsFrom(c)}
}

func (o sourceOptions) useNeo4j() bool { return o.Neo4j.URI != "" && !o.GraphSet }

func (o sourceOptions) check() error {
	if !o.useNeo4j() && o.Graph == "" {
		return usagef("--graph: empty file name")
	}
	return nil
}

// open opens the store to read.
func (o sourceOptions) open(ctx context.Context) (port.Reader, error) {
	cfg := port.Config{File: o.Graph}
	if o.useNeo4j() {
		cfg = port.Config{Neo4j: o.Neo4j.port()}
	}
	r, err := port.OpenReader(ctx, cfg)
	if errors.Is(err, port.ErrNoFile) {
		return nil, fmt.Errorf("no graph file %s (build one with kg build, give --graph FILE, or set NEO4J_URI)", o.Graph)
	}
	return r, err
}
