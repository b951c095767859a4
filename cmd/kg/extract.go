package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/schema"
)

type extractOptions struct {
	inputOptions
	Out   string // "-" for stdout
	Shard shard
}

// shard is the part i of n of a corpus that one `kg extract` handles.
type shard struct{ I, N int }

func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{0, 1}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return shard{}, usagef("--shard %q: want i/n with 0 <= i < n", s)
	}
	return shard{i, n}, nil
}

// has reports whether article a belongs to the shard: by a hash of its
// reference (its text when it has none), so that every machine agrees
// whatever order it reads the inputs in.
func (s shard) has(a schema.Article) bool {
	if s.N <= 1 {
		return true
	}
	h := fnv.New64a()
	if a.Ref != "" {
		h.Write([]byte("ref\x00" + a.Ref))
	} else {
		h.Write([]byte("text\x00" + a.Text))
	}
	return h.Sum64()%uint64(s.N) == uint64(s.I)
}

func extractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "extract articles into per-article extractions (JSON Lines), for kg load",
		ArgsUsage: "INPUT...",
		Description: `Reads articles as kg build does and writes one schema.Extraction a line (article,
document-local entities, relations with evidence), in input order. Extractions are the
interchange format: run kg extract on shards of a corpus (--shard i/n, by a hash of each
article's id, so any machine can take any shard), then kg load the files.`,
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "-",
				Usage: "write extractions to `FILE` (- for standard output; .gz compresses)"},
			&cli.StringFlag{Name: "shard", Usage: "extract only shard `i/n` of the articles (0 <= i < n)"},
		),
		Action: func(c *cli.Context) error {
			in, err := inputOptionsFrom(c)
			if err != nil {
				return err
			}
			sh, err := parseShard(c.String("shard"))
			if err != nil {
				return err
			}
			opts := extractOptions{inputOptions: in, Out: c.String("out"), Shard: sh}
			return runExtract(c.Context, opts, c.App.Reader, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// runExtract writes the extractions of the inputs as JSON Lines.
func runExtract(ctx context.Context, opts extractOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if err := opts.check(); err != nil {
		return err
	}
	if opts.Out == "" {
		return usagef("--out: empty file name")
	}
	x, err := newExtractor(opts.Gazetteer)
	if err != nil {
		return err
	}
	rep, err := newReporter(stderr, opts.Quiet, opts.Rejects)
	if err != nil {
		return err
	}
	defer rep.close()
	w, err := newExtractionWriter(opts.Out, stdout)
	if err != nil {
		return err
	}
	src := &shardSource{Reader: ingest.NewReader(opts.Inputs, ingest.Options{
		Fields: opts.Fields, MaxSize: opts.MaxSize, Stdin: stdin, OnReject: rep.reject,
		Skip: outputs(opts.Rejects, opts.Out),
	}), shard: opts.Shard}
	b := graph.Builder{
		Extract:        x.Extract,
		Resolve:        func(x schema.Extraction) schema.Extraction { return x }, // document-local
		Sink:           w,
		Workers:        opts.Workers,
		BatchSize:      64,
		Progress:       rep.update,
		ProgressEvery:  rep.progressEvery(),
		MaxArticleTime: opts.MaxTime,
		Reject:         opts.rejectSlow(rep),
	}
	stopCount := func() {}
	if opts.Shard.N <= 1 {
		stopCount = rep.count(ctx, src.Reader)
	}
	sum, err := b.Build(ctx, src)
	stopCount()
	cerr := w.Close()
	if rerr := rep.close(); cerr == nil {
		cerr = rerr
	}
	if err != nil {
		return err
	}
	if cerr != nil {
		return cerr
	}
	if !opts.Quiet {
		fmt.Fprintf(stderr, "extracted %d articles (%d entities, %d relations) to %s; %d rejected\n",
			sum.Loaded, sum.Entities, sum.Relations, opts.Out, sum.Rejected)
	}
	if opts.Strict && sum.Rejected > 0 {
		return fmt.Errorf("%d inputs rejected (--strict): %w", sum.Rejected, errRejected)
	}
	return nil
}

// shardSource passes on the articles of one shard.
type shardSource struct {
	*ingest.Reader
	shard shard
}

func (s *shardSource) Read(ctx context.Context, yield func(schema.Article) error) error {
	return s.Reader.Read(ctx, func(a schema.Article) error {
		if !s.shard.has(a) {
			return nil
		}
		return yield(a)
	})
}

// extractionWriter is a graph.Sink writing extractions as JSON Lines.
type extractionWriter struct {
	bw    *bufio.Writer
	enc   *json.Encoder
	close func() error
}

var _ graph.Sink = (*extractionWriter)(nil)

func newExtractionWriter(out string, stdout io.Writer) (*extractionWriter, error) {
	w := &extractionWriter{close: func() error { return nil }}
	var dst io.Writer = stdout
	if out != "-" {
		if dir := filepath.Dir(out); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("create output directory: %w", err)
			}
		}
		f, err := os.Create(out)
		if err != nil {
			return nil, err
		}
		dst, w.close = f, f.Close
		if strings.HasSuffix(out, ".gz") {
			zw := gzip.NewWriter(f)
			dst = zw
			w.close = func() error {
				if err := zw.Close(); err != nil {
					f.Close()
					return err
				}
				return f.Close()
			}
		}
	}
	w.bw = bufio.NewWriterSize(dst, 256<<10)
	w.enc = json.NewEncoder(w.bw)
	w.enc.SetEscapeHTML(false)
	return w, nil
}

func (w *extractionWriter) Load(ctx context.Context, batch []schema.Extraction) error {
	for _, x := range batch {
		if err := w.enc.Encode(x); err != nil {
			return fmt.Errorf("write extraction: %w", err)
		}
	}
	return nil
}

// Close flushes and closes the output.
func (w *extractionWriter) Close() error {
	err := w.bw.Flush()
	if cerr := w.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write extractions: %w", err)
	}
	return nil
}
