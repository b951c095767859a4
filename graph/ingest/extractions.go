package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
)

// ExtractionReader reads extraction JSON Lines, one schema.Extraction a
// line, as `kg extract` writes them, from files, directories (their .jsonl
// and .ndjson files, recursively), glob patterns and "-". Content may be
// gzip-compressed. Bad lines are rejected like bad articles. Its Read
// method may be called once at a time; Rejected is safe for concurrent use.
type ExtractionReader struct {
	inputs   []string
	opts     Options
	rejected atomic.Int64
}

// NewExtractionReader returns a reader of the extractions in inputs. Of
// opts, only Stdin and OnReject are used.
func NewExtractionReader(inputs []string, opts Options) *ExtractionReader {
	return &ExtractionReader{inputs: inputs, opts: opts}
}

// Rejected returns the number of lines rejected so far.
func (r *ExtractionReader) Rejected() int { return int(r.rejected.Load()) }

// Read calls yield with every extraction of the inputs, in input order.
func (r *ExtractionReader) Read(ctx context.Context, yield func(schema.Extraction) error) error {
	files, err := expand(r.inputs, extractionExt, r.opts.Skip)
	if err != nil {
		return err
	}
	ar := &Reader{opts: r.opts} // for open
	reject := func(rj Reject) {
		r.rejected.Add(1)
		if r.opts.OnReject != nil {
			r.opts.OnReject(rj)
		}
	}
	const limit = 256 << 20
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		br, closeFn, err := ar.open(name)
		if err != nil {
			reject(Reject{Source: name, Reason: ReasonRead + ": " + unwrapPath(err)})
			continue
		}
		err = eachLine(ctx, br, limit, func(n int, line []byte, oversized bool, err error) error {
			switch {
			case err != nil:
				reject(Reject{Source: name, Line: n, Reason: ReasonRead + ": " + err.Error()})
				return nil
			case oversized:
				reject(Reject{Source: name, Line: n, Reason: fmt.Sprintf("%s: line longer than %d bytes", ReasonOversized, limit)})
				return nil
			case len(bytes.TrimSpace(line)) == 0:
				return nil
			case bytes.IndexByte(line, 0) >= 0:
				reject(Reject{Source: name, Line: n, Reason: ReasonBinary})
				return nil
			case !utf8.Valid(line):
				reject(Reject{Source: name, Line: n, Reason: ReasonInvalidUTF8})
				return nil
			}
			var x schema.Extraction
			if err := json.Unmarshal(line, &x); err != nil {
				reject(Reject{Source: name, Line: n, Reason: ReasonMalformed + ": " + jsonError(err)})
				return nil
			}
			if x.Article.ID == "" {
				reject(Reject{Source: name, Line: n, Reason: "missing article id"})
				return nil
			}
			return yield(x)
		})
		closeFn()
		if err != nil {
			return err
		}
	}
	return nil
}
