package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/dedup"
	"github.com/kgraph/kg/graph/ingest"
)

type loadOptions struct {
	Inputs  []string
	Rejects string
	Strict  bool
	Quiet   bool
	Sink    sinkOptions
}

func loadCommand() *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "load extraction JSON Lines (from kg extract) into Neo4j or the graph file",
		ArgsUsage: "FILE...",
		Description: `Reads extractions written by kg extract (files, directories of .jsonl/.ndjson files,
glob patterns, - for standard input; .gz read transparently), resolves entities across
them in input order and loads them like kg build. Loading is idempotent: loading the
same files again, or shards in any order, gives the graph of one load.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "rejects", Usage: "also write rejected lines to `FILE` as JSON Lines"},
			&cli.BoolFlag{Name: "strict", Usage: "exit with status 1 when any line was rejected"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors and rejects"},
		}, sinkFlags()...),
		Action: func(c *cli.Context) error {
			opts := loadOptions{
				Inputs:  c.Args().Slice(),
				Rejects: c.String("rejects"),
				Strict:  c.Bool("strict"),
				Quiet:   c.Bool("quiet"),
				Sink:    sinkOptionsFrom(c),
			}
			return runLoad(c.Context, opts, c.App.Reader, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// runLoad resolves and loads extraction files, then prints a summary.
func runLoad(ctx context.Context, opts loadOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(opts.Inputs) == 0 {
		return usageError{errNoInputs}
	}
	if err := ingest.Check(opts.Inputs); err != nil {
		return usageError{err}
	}
	if err := opts.Sink.check(); err != nil {
		return err
	}
	w, rep, err := openOutputs(ctx, opts.Sink, stderr, opts.Quiet, opts.Rejects)
	if err != nil {
		return err
	}
	defer rep.close()
	src := ingest.NewExtractionReader(opts.Inputs, ingest.Options{
		Stdin: stdin, OnReject: rep.reject, Skip: outputs(opts.Rejects, opts.Sink.file()),
	})
	b := graph.Builder{
		Sink:          w,
		Force:         opts.Sink.Force,
		BatchSize:     opts.Sink.BatchSize,
		Writers:       w.Writers(),
		Dedup:         dedup.New(),
		Countries:     countries(),
		Progress:      rep.update,
		ProgressEvery: rep.progressEvery(),
	}
	stopCount := rep.count(ctx, src)
	sum, err := b.Load(ctx, src)
	stopCount()
	return finish(ctx, sum, err, w, rep, inputOptions{Strict: opts.Strict, Quiet: opts.Quiet}, stdout)
}
