package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/dedup"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/schema"
)

// inputOptions say what to read and how: shared by build and extract.
type inputOptions struct {
	Inputs    []string
	Fields    ingest.Fields
	MaxSize   int
	MaxTime   time.Duration // per article's extraction; 0: none
	Rejects   string        // --rejects file
	Strict    bool
	Quiet     bool
	Workers   int
	Gazetteer string
}

func inputFlags() []cli.Flag {
	const cat = "Input"
	return []cli.Flag{
		&cli.StringFlag{Name: "fields", Category: cat,
			Usage: "JSON field names of articles, as `MAP` key=name,... (keys: id, title, text, published, source, url)"},
		&cli.IntFlag{Name: "max-article-size", Category: cat, Value: ingest.DefaultMaxSize,
			Usage: "reject articles whose text is longer than `BYTES`"},
		&cli.DurationFlag{Name: "max-article-time", Category: cat, Value: defaultMaxArticleTime,
			Usage: "reject an article whose extraction takes longer than `DURATION` (0: no limit)"},
		&cli.StringFlag{Name: "rejects", Category: cat,
			Usage: "also write rejected inputs to `FILE` as JSON Lines ({source, line, id, reason})"},
		&cli.BoolFlag{Name: "strict", Category: cat,
			Usage: "exit with status 1 when any input was rejected"},
		&cli.StringFlag{Name: "gazetteer", Category: cat,
			Usage: "add the entries of gazetteer `FILE` to the embedded one"},
		&cli.IntFlag{Name: "workers", Category: cat, DefaultText: "the number of CPUs",
			Usage: "extract with `N` workers"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"},
			Usage: "print nothing but errors and rejects"},
	}
}

func inputOptionsFrom(c *cli.Context) (inputOptions, error) {
	fields, err := ingest.ParseFields(c.String("fields"))
	if err != nil {
		return inputOptions{}, usagef("--fields: %v", err)
	}
	return inputOptions{
		Inputs:    c.Args().Slice(),
		Fields:    fields,
		MaxSize:   c.Int("max-article-size"),
		MaxTime:   c.Duration("max-article-time"),
		Rejects:   c.String("rejects"),
		Strict:    c.Bool("strict"),
		Quiet:     c.Bool("quiet"),
		Workers:   c.Int("workers"),
		Gazetteer: c.String("gazetteer"),
	}, nil
}

// check reports usage errors before any work: no inputs, a missing path,
// a bad limit, a missing gazetteer.
func (o inputOptions) check() error {
	if len(o.Inputs) == 0 {
		return usageError{errNoInputs}
	}
	if err := ingest.Check(o.Inputs); err != nil {
		return usageError{err}
	}
	if o.MaxSize < 1 {
		return usagef("--max-article-size must be at least 1")
	}
	if o.MaxTime < 0 {
		return usagef("--max-article-time must not be negative")
	}
	if o.Workers < 0 {
		return usagef("--workers must not be negative")
	}
	if o.Gazetteer != "" {
		if _, err := os.Stat(o.Gazetteer); err != nil {
			return usagef("--gazetteer: %v", err)
		}
	}
	return nil
}

// defaultMaxArticleTime is the default of --max-article-time: news text
// is extracted at about a megabyte a second or faster, so that an article
// of the size limit (5 MiB) takes a few seconds; what takes longer is
// text built to be slow (thousands of names in one sentence).
const defaultMaxArticleTime = 10 * time.Second

// rejectSlow reports an article rejected for --max-article-time.
func (o inputOptions) rejectSlow(rep *reporter) func(schema.Article, error) {
	return func(a schema.Article, _ error) {
		ref := a.Ref
		if ref == "" {
			ref = a.ID
		}
		rep.reject(ingest.Reject{Source: ref, Reason: fmt.Sprintf("%s %v", reasonArticleTime, o.MaxTime)})
	}
}

// reasonArticleTime is the reason of a reject for --max-article-time.
const reasonArticleTime = "extraction took longer than --max-article-time"

type buildOptions struct {
	inputOptions
	Sink sinkOptions
}

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "extract entities and relations from articles and load the graph",
		ArgsUsage: "INPUT...",
		Description: `Reads articles from INPUTs: files, directories (recursively: .txt, .json, .jsonl,
.ndjson, and each of these .gz), glob patterns, or - for standard input. A .txt file is
one article; JSON Lines and JSON files hold objects with the fields id, title, text,
published, source and url (renamed with --fields).

With a Neo4j configured (NEO4J_URI or --neo4j-uri) it applies kg's schema and loads the
graph into Neo4j; otherwise, or with --out, it writes the graph file (default
kg-out/graph.json). An existing graph file is refused unless --append is given; then the
build adds to it, skipping the articles it holds with the same text. Loading is
idempotent.

Copies of one story (the same text under another id or dateline, or a rewrite sharing
most of it) are loaded as copies of the first article: their relations that the first
states too count there (the relation's support), and the summary counts them.

Bad input (invalid UTF-8, binary content, empty or oversized texts, malformed JSON,
a missing text field) is reported as "reject: SOURCE[:LINE] [ID]: REASON" and skipped,
as is an article whose extraction takes longer than --max-article-time (10s).
Exit status: 0 when all input was processed, 1 on errors or, with --strict, rejects,
2 for usage errors (such as a missing input path, found before any work).`,
		Flags: append(inputFlags(), sinkFlags()...),
		Action: func(c *cli.Context) error {
			in, err := inputOptionsFrom(c)
			if err != nil {
				return err
			}
			opts := buildOptions{inputOptions: in, Sink: sinkOptionsFrom(c)}
			return runBuild(c.Context, opts, c.App.Reader, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// runBuild reads, extracts, resolves and loads the inputs, then prints a
// summary to stdout. Rejects and progress go to stderr.
func runBuild(ctx context.Context, opts buildOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if err := opts.check(); err != nil {
		return err
	}
	if err := opts.Sink.check(); err != nil {
		return err
	}
	x, err := newExtractor(opts.Gazetteer)
	if err != nil {
		return err
	}
	w, rep, err := openOutputs(ctx, opts.Sink, stderr, opts.Quiet, opts.Rejects)
	if err != nil {
		return err
	}
	defer rep.close()
	src := ingest.NewReader(opts.Inputs, ingest.Options{
		Fields: opts.Fields, MaxSize: opts.MaxSize, Stdin: stdin, OnReject: rep.reject,
		Skip: outputs(opts.Rejects, opts.Sink.file()),
	})
	b := graph.Builder{
		Extract:        x.Extract,
		Sink:           w,
		Force:          opts.Sink.Force,
		Workers:        opts.Workers,
		BatchSize:      opts.Sink.BatchSize,
		Writers:        w.Writers(),
		Dedup:          dedup.New(),
		Countries:      countries(),
		Progress:       rep.update,
		ProgressEvery:  rep.progressEvery(),
		MaxArticleTime: opts.MaxTime,
		Reject:         opts.rejectSlow(rep),
	}
	stopCount := rep.count(ctx, src)
	sum, err := b.Build(ctx, src)
	stopCount()
	return finish(ctx, sum, err, w, rep, opts.inputOptions, stdout)
}

// finish closes the store and the reporter after a build or load, prints
// the summary and decides the error.
func finish(ctx context.Context, sum graph.Summary, err error, w port.Writer, rep *reporter, opts inputOptions, stdout io.Writer) error {
	if err != nil && !errors.Is(err, context.Canceled) {
		w.Abort(err)
		return err
	}
	// Interrupted: what was loaded is kept (the graph file is written,
	// Neo4j flushed), and the summary says how much that is.
	desc := w.Summary(context.WithoutCancel(ctx))
	held, serr := w.Stats(context.WithoutCancel(ctx))
	cerr := w.Close()
	if cerr != nil {
		desc, serr = "", cerr
	}
	if rerr := rep.close(); cerr == nil {
		cerr = rerr
	}
	if !opts.Quiet || err != nil {
		var st *graph.Stats
		if serr == nil {
			st = &held
		}
		printSummary(stdout, sum, st)
		if desc != "" {
			fmt.Fprintln(stdout, desc)
		}
	}
	switch {
	case err != nil:
		return fmt.Errorf("interrupted after loading %d articles: %w", sum.Loaded, err)
	case cerr != nil:
		return cerr
	case opts.Strict && sum.Rejected > 0:
		return fmt.Errorf("%d inputs rejected (--strict): %w", sum.Rejected, errRejected)
	}
	return nil
}

// newExtractor builds the extractor, with the entries of a gazetteer file.
func newExtractor(gazetteer string) (*extract.Extractor, error) {
	var opts extract.Options
	if gazetteer != "" {
		f, err := os.Open(gazetteer)
		if err != nil {
			return nil, usagef("--gazetteer: %v", err)
		}
		defer f.Close()
		entries, err := extract.ParseGazetteer(f, gazetteer)
		if err != nil {
			return nil, fmt.Errorf("gazetteer %s: %w", gazetteer, err)
		}
		opts.Gazetteer = entries
	}
	x, err := extract.New(opts)
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	return x, nil
}

// outputs lists the files kg writes, so that reading never takes them
// for input.
func outputs(paths ...string) []string {
	var out []string
	for _, p := range paths {
		if p != "" && p != "-" {
			out = append(out, p)
		}
	}
	return out
}
