package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"kg/schema"
)

// Source is where a build reads its articles. Read calls yield with each
// article, in input order, and returns when the input is exhausted, when
// yield returns an error (which it returns) or when ctx is done. A Source
// that rejects bad input may count it with a method Rejected() int, which
// the Builder reports. (ingest.Reader is a Source.)
type Source interface {
	Read(ctx context.Context, yield func(schema.Article) error) error
}

// ExtractionSource is where a load reads extractions already made, as
// Source is for articles. (ingest.ExtractionReader is one.)
type ExtractionSource interface {
	Read(ctx context.Context, yield func(schema.Extraction) error) error
}

// rejecter is implemented by sources that count what they reject.
type rejecter interface{ Rejected() int }

// Defaults of a Builder's zero fields.
const (
	DefaultBatchSize     = 500
	DefaultProgressEvery = time.Second
)

// Builder runs the build pipeline: a producer reading the source, Workers
// goroutines extracting articles, one goroutine resolving extractions in
// input order and loading them into the Sink in batches. Channels are
// bounded, so memory stays flat however large the input; output order does
// not depend on the number of workers, so a build is reproducible.
//
// A Builder is configured by its fields; Extract and Sink are required for
// Build, Sink for Load. A Builder may be reused, but not concurrently.
type Builder struct {
	// Extract turns an article into an extraction; it must be safe for
	// concurrent use (extract.Extractor.Extract is).
	Extract func(schema.Article) schema.Extraction
	// Resolve maps document entities to corpus-wide ones; it is called
	// from one goroutine, in input order. Nil uses a new Resolver for each
	// run. (`kg extract` passes the identity to keep extractions
	// document-local.)
	Resolve func(schema.Extraction) schema.Extraction
	// Sink receives the resolved extractions in batches. The Builder does
	// not close it.
	Sink Sink
	// Workers is the number of extract workers; 0 means GOMAXPROCS.
	Workers int
	// BatchSize is the number of extractions per Sink.Load; 0 means
	// DefaultBatchSize.
	BatchSize int
	// Progress, when set, is called from the loading goroutine at most
	// every ProgressEvery (0 means DefaultProgressEvery).
	Progress      func(Progress)
	ProgressEvery time.Duration
}

// Progress is a snapshot of a running build.
type Progress struct {
	// Read counts articles read from the source, Rejected inputs the
	// source rejected, Loaded articles handed to the sink.
	Read, Rejected, Loaded int
	// Entities counts distinct entities loaded, Relations relations.
	Entities, Relations int
	Elapsed             time.Duration
}

// Rate returns the articles loaded per second.
func (p Progress) Rate() float64 { return rate(p.Loaded, p.Elapsed) }

// Summary says what a build did.
type Summary struct {
	// Read counts articles read from the source; Rejected inputs the source
	// rejected (when it counts them); Loaded articles loaded into the sink.
	Read, Rejected, Loaded int
	// Entities counts the distinct (resolved) entities loaded, by type in
	// EntitiesByType.
	Entities       int
	EntitiesByType map[schema.EntityType]int
	// Relations counts the relations loaded, by type in RelationsByType.
	Relations       int
	RelationsByType map[schema.RelationType]int
	Elapsed         time.Duration
}

// Rate returns the articles loaded per second.
func (s Summary) Rate() float64 { return rate(s.Loaded, s.Elapsed) }

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// Build extracts every article of src, resolves the extractions and loads
// them into the sink. It returns a summary of what was done, also when it
// fails: on an error, or when ctx is done (then with ctx's error), it
// stops promptly, and the summary counts what was loaded before.
func (b *Builder) Build(ctx context.Context, src Source) (Summary, error) {
	if b.Extract == nil {
		return Summary{}, errors.New("build: no Extract function")
	}
	extract := func(a schema.Article) (x schema.Extraction, err error) {
		defer func() {
			if r := recover(); r != nil {
				ref := a.Ref
				if ref == "" {
					ref = a.ID
				}
				err = fmt.Errorf("extract article %q: panic: %v", ref, r)
			}
		}()
		return b.Extract(a), nil
	}
	return run(ctx, b, src.Read, rejectedOf(src), b.workers(), extract)
}

// Load resolves the extractions of src and loads them into the sink, as
// Build does after extraction.
func (b *Builder) Load(ctx context.Context, src ExtractionSource) (Summary, error) {
	identity := func(x schema.Extraction) (schema.Extraction, error) { return x, nil }
	return run(ctx, b, src.Read, rejectedOf(src), 1, identity)
}

func rejectedOf(src any) func() int {
	if r, ok := src.(rejecter); ok {
		return r.Rejected
	}
	return func() int { return 0 }
}

func (b *Builder) workers() int {
	if b.Workers > 0 {
		return b.Workers
	}
	return runtime.GOMAXPROCS(0)
}

type job[T any] struct {
	seq int
	in  T
}

type result struct {
	seq int
	x   schema.Extraction
}

// run is the pipeline: read -> workers x extract -> reorder, resolve,
// batch -> sink.
func run[T any](ctx context.Context, b *Builder, read func(context.Context, func(T) error) error,
	rejected func() int, workers int, extract func(T) (schema.Extraction, error)) (Summary, error) {
	if b.Sink == nil {
		return Summary{}, errors.New("build: no Sink")
	}
	start := time.Now()
	batchSize := b.BatchSize
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	resolve := b.Resolve
	if resolve == nil {
		resolve = NewResolver().Resolve
	}
	every := b.ProgressEvery
	if every <= 0 {
		every = DefaultProgressEvery
	}

	// window bounds the articles between the producer and the loader, so
	// that one slow article cannot make the reorder buffer grow without
	// bound: the producer takes a token per article, the loader gives it
	// back when the article leaves the buffer in order.
	window := make(chan struct{}, max(4*workers, 2*batchSize))
	jobs := make(chan job[T], workers)
	results := make(chan result, workers)

	var nread atomic.Int64
	sum := Summary{
		EntitiesByType:  make(map[schema.EntityType]int),
		RelationsByType: make(map[schema.RelationType]int),
	}

	g, ctx := errgroup.WithContext(ctx)

	g.Go(func() error { // producer
		defer close(jobs)
		seq := 0
		return read(ctx, func(in T) error {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job[T]{seq: seq, in: in}:
			case <-ctx.Done():
				return ctx.Err()
			}
			seq++
			nread.Add(1)
			return nil
		})
	})

	var active atomic.Int32
	active.Store(int32(workers))
	for range workers {
		g.Go(func() error { // extract worker
			defer func() {
				if active.Add(-1) == 0 {
					close(results)
				}
			}()
			for j := range jobs {
				x, err := extract(j.in)
				if err != nil {
					return err
				}
				select {
				case results <- result{seq: j.seq, x: x}:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}

	g.Go(func() error { // loader: reorder, resolve, batch, load
		pending := make(map[int]schema.Extraction)
		next, nbatch := 0, 0
		seen := make(map[string]bool)
		batch := make([]schema.Extraction, 0, batchSize)
		lastProgress := time.Now()
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			if err := b.Sink.Load(ctx, batch); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return fmt.Errorf("load batch %d: %w", nbatch, err)
			}
			nbatch++
			for _, x := range batch {
				sum.Loaded++
				for _, e := range x.Entities {
					if !seen[e.ID] {
						seen[e.ID] = true
						sum.Entities++
						sum.EntitiesByType[e.Type]++
					}
				}
				for _, r := range x.Relations {
					sum.Relations++
					sum.RelationsByType[r.Type]++
				}
			}
			batch = make([]schema.Extraction, 0, batchSize)
			return nil
		}
		for {
			var r result
			var ok bool
			select {
			case r, ok = <-results:
			case <-ctx.Done():
				return ctx.Err()
			}
			if !ok {
				break
			}
			pending[r.seq] = r.x
			for {
				x, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-window
				batch = append(batch, resolve(x))
				if len(batch) >= batchSize {
					if err := flush(); err != nil {
						return err
					}
				}
			}
			if b.Progress != nil && time.Since(lastProgress) >= every {
				lastProgress = time.Now()
				b.Progress(Progress{
					Read: int(nread.Load()), Rejected: rejected(), Loaded: sum.Loaded,
					Entities: sum.Entities, Relations: sum.Relations, Elapsed: time.Since(start),
				})
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return flush()
	})

	err := g.Wait()
	sum.Read = int(nread.Load())
	sum.Rejected = rejected()
	sum.Elapsed = time.Since(start)
	return sum, err
}
