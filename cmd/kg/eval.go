package main

import (
	"context"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/extract/eval"
)

type evalOptions struct {
	Gold      string
	JSON      bool
	Verbose   bool
	Gazetteer string
}

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score the extractor against gold files",
		Description: `Extracts the text of every gold file (*.json) in DIR and scores the extraction
against the annotation: precision, recall and F1 of entities and relations, per relation
type. --verbose lists every miss and false positive; --json prints the report as JSON.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Usage: "`DIR` of gold files (required)"},
			&cli.BoolFlag{Name: "json", Usage: "print the report as JSON"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list each article's matches, misses and false positives"},
			&cli.StringFlag{Name: "gazetteer", Usage: "add the entries of gazetteer `FILE` to the embedded one"},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("eval: unexpected arguments %q", c.Args().Slice())
			}
			opts := evalOptions{Gold: c.String("gold"), JSON: c.Bool("json"), Verbose: c.Bool("verbose"), Gazetteer: c.String("gazetteer")}
			return runEval(c.Context, opts, c.App.Writer)
		},
	}
}

// runEval scores the extractor against the gold files of opts.Gold.
func runEval(ctx context.Context, opts evalOptions, stdout io.Writer) error {
	if opts.Gold == "" {
		return usagef("eval: --gold DIR is required")
	}
	if fi, err := os.Stat(opts.Gold); err != nil {
		return usagef("--gold: %v", err)
	} else if !fi.IsDir() {
		return usagef("--gold %s: not a directory", opts.Gold)
	}
	golds, err := eval.LoadGoldDir(opts.Gold)
	if err != nil {
		return err
	}
	x, err := newExtractor(opts.Gazetteer)
	if err != nil {
		return err
	}
	report, err := eval.Score(ctx, golds, x.Extract)
	if err != nil {
		return err
	}
	switch {
	case opts.JSON:
		return report.WriteJSON(stdout)
	case opts.Verbose:
		return report.WriteVerbose(stdout)
	}
	return report.WriteTable(stdout)
}
