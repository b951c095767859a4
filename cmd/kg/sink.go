package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/neo4jstore"
	"github.com/kgraph/kg/schema"
)

// defaultOut is the graph file written when no Neo4j is configured.
const defaultOut = "kg-out/graph.json"

// sinkOptions say where `kg build` and `kg load` put the graph: the graph
// file when --out is given or no Neo4j is configured, else Neo4j.
type sinkOptions struct {
	Out       string
	OutSet    bool // --out was given: the file wins over NEO4J_URI
	Neo4j     neo4jOptions
	BatchSize int
	Writers   int  // concurrent load transactions into Neo4j
	Force     bool // load articles the sink holds already
}

func sinkFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: defaultOut,
			Usage: "write the graph to `FILE` (the default when no Neo4j is configured; adds to an existing file)"},
		&cli.IntFlag{Name: "batch-size", Value: graph.DefaultBatchSize,
			Usage: "extractions per load batch (per Neo4j transaction)"},
		&cli.IntFlag{Name: "writers", Value: neo4jstore.DefaultWriters,
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
	return nil
}

// sink is an open graph.Sink: a graph file or a Neo4j store. Both are
// graph.Resumable and graph.EntityLister, so that a build skips what was
// loaded before and resolves against it; pass Sink to a graph.Builder.
type sink struct {
	graph.Sink
	file    *graph.FileStore
	store   *neo4jstore.Store
	where   string // for messages: the file, or the redacted URI
	writers int    // for graph.Builder.Writers
}

// fileSink is the graph file with what it held when it was opened: the
// articles (by ID, with their hashes) and the entities.
type fileSink struct {
	*graph.FileStore
	held     map[string]string
	entities []schema.Entity
}

var (
	_ graph.Resumable    = (*fileSink)(nil)
	_ graph.EntityLister = (*fileSink)(nil)
)

// Loaded returns the articles the file held when opened with the same hash.
func (f *fileSink) Loaded(_ context.Context, articles []schema.Article) (map[string]bool, error) {
	out := make(map[string]bool)
	for _, a := range articles {
		if sha, ok := f.held[a.ID]; ok && sha != "" && sha == a.SHA256 {
			out[a.ID] = true
		}
	}
	return out, nil
}

// Entities yields the entities the file held when opened.
func (f *fileSink) Entities(_ context.Context, yield func(schema.Entity) error) error {
	for _, e := range f.entities {
		if err := yield(e); err != nil {
			return err
		}
	}
	return nil
}

// openSink opens the sink of o. For Neo4j it applies the schema first.
func openSink(ctx context.Context, o sinkOptions) (*sink, error) {
	if o.useNeo4j() {
		st, err := o.Neo4j.open(ctx, 0) // rows per query: the store's default
		if err != nil {
			return nil, err
		}
		if err := st.ApplySchema(ctx); err != nil {
			st.Close()
			return nil, err
		}
		// What a load that was killed left for Flush, before the
		// resolver learns the entities.
		if err := st.Flush(ctx); err != nil {
			st.Abort()
			return nil, err
		}
		return &sink{Sink: st, store: st, where: redact(o.Neo4j.URI), writers: o.Writers}, nil
	}
	if dir := filepath.Dir(o.Out); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create output directory: %w", err)
		}
	}
	fs, err := graph.OpenFile(o.Out)
	if err != nil {
		return nil, err
	}
	f := &fileSink{FileStore: fs, held: make(map[string]string)}
	if g, err := graph.ReadGraph(o.Out); err == nil {
		for _, a := range g.Articles {
			f.held[a.ID] = a.SHA256
		}
		f.entities = g.Entities
	} else if !errors.Is(err, iofs.ErrNotExist) {
		return nil, err
	}
	return &sink{Sink: f, file: fs, where: o.Out, writers: 1}, nil
}

// close closes the sink (writing the graph file) and describes what it
// holds.
func (s *sink) close(ctx context.Context) (string, error) {
	var desc string
	if s.store != nil {
		if err := s.store.Flush(ctx); err != nil {
			s.store.Abort()
			return "", err
		}
		nodes, rels, err := s.store.Counts(ctx)
		if err == nil {
			desc = fmt.Sprintf("neo4j %s: %d nodes, %d relationships", s.where, nodes, rels)
		} else {
			desc = fmt.Sprintf("neo4j %s", s.where)
		}
		return desc, s.Close()
	}
	if err := s.Close(); err != nil {
		return "", err
	}
	st := s.file.Stats()
	return fmt.Sprintf("graph file %s: %d articles, %d entities, %d relations", s.where, st.Articles, st.Entities, st.Relations), nil
}

// abortFlushTimeout bounds the flush of a store after a failure.
const abortFlushTimeout = 30 * time.Second

// abort closes the sink after a failure (cause): a graph file is closed as
// by close. A store is flushed first, within abortFlushTimeout, unless
// Neo4j is what failed; the marks of a flush not done stay for the next
// build or load.
func (s *sink) abort(cause error) error {
	if s.store == nil {
		return s.Close()
	}
	if !neo4jstore.Unreachable(cause) {
		ctx, cancel := context.WithTimeout(context.Background(), abortFlushTimeout)
		s.store.Flush(ctx) // best effort: the build has failed already
		cancel()
	}
	return s.store.Abort()
}

// redact drops user information (and so any password) from a URI.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "(unparsable URI)"
	}
	u.User = nil
	return u.String()
}

// errNoInputs is the usage error of a command given nothing to read.
var errNoInputs = errors.New("no inputs: give files, directories, glob patterns or - for standard input")

// openOutputs opens the sink and then the reporter of kg build and kg load.
// The sink comes first, so that when Neo4j is unreachable no rejects file
// is left; when the reporter cannot start, the sink is closed again (a
// graph file is left unwritten).
func openOutputs(ctx context.Context, o sinkOptions, stderr io.Writer, quiet bool, rejects string) (*sink, *reporter, error) {
	sk, err := openSink(ctx, o)
	if err != nil {
		return nil, nil, err
	}
	rep, err := newReporter(stderr, quiet, rejects)
	if err != nil {
		if sk.store != nil {
			sk.store.Close()
		}
		return nil, nil, err
	}
	return sk, rep, nil
}
