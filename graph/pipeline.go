package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/kgraph/kg/schema"
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

// Resumable is implemented by sinks that can say which articles they hold
// already, so that a Builder skips them: a load that was stopped resumes
// where it stopped, and loading a corpus again costs a read.
type Resumable interface {
	// Loaded returns the IDs of those of articles that the sink holds
	// with the same ID and content hash (Article.SHA256). Articles
	// without a hash are never held.
	Loaded(ctx context.Context, articles []schema.Article) (map[string]bool, error)
}

// EntityLister is implemented by sinks that can list the entities they
// hold. A Builder with no Resolve function teaches them to its Resolver
// (Resolver.Learn) before it starts, so that articles loaded in separate
// runs resolve against each other as in one run.
type EntityLister interface {
	Entities(ctx context.Context, yield func(schema.Entity) error) error
}

// rejecter is implemented by sources that count what they reject.
type rejecter interface{ Rejected() int }

// Defaults of a Builder's zero fields.
const (
	DefaultBatchSize     = 200
	DefaultProgressEvery = time.Second
)

// checkSize is the number of articles a Builder asks a Resumable sink
// about at once.
const checkSize = 256

// Builder runs the build pipeline: a producer reading the source, Workers
// goroutines extracting articles, one goroutine resolving extractions in
// input order and batching them, and Writers goroutines loading the
// batches into the Sink. Channels are
// bounded, so memory stays flat however large the input; output order does
// not depend on the number of workers, so a build is reproducible.
//
// When the Sink is Resumable, the producer skips the articles it holds
// already with the same content (unless Force), before extraction. When it
// is an EntityLister and Resolve is nil, the Resolver first learns the
// entities it holds. Together they make a load that is stopped and run
// again, or a corpus loaded in parts in input order, give the graph of one
// load of the whole.
//
// A Builder is configured by its fields; Extract and Sink are required for
// Build, Sink for Load. A Builder may be reused, but not concurrently.
type Builder struct {
	// Extract turns an article into an extraction: the Extract method of
	// an extractor (graph/port's Extractor). It must be safe for
	// concurrent use. It gets articles identified (schema.Identify); a
	// panic in it is returned as an error naming the article.
	Extract func(context.Context, schema.Article) (schema.Extraction, error)
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
	// Writers is the number of goroutines calling Sink.Load, each with
	// its own batches; 0 means 1. Set it above 1 only for a Sink that is
	// safe for concurrent use and gains from it (neo4jstore.Store). The
	// graph does not depend on it: batches are made in input order
	// whatever the number of writers, a batch holding an article that a
	// batch being loaded holds too waits for it (so that the last
	// extraction of an article wins, as with one writer), and loading the
	// batches in any other order gives the same graph. One thing depends
	// on it: after an interruption, the batches loaded need not be the
	// first ones, and a resumed build resolves the rest against what was
	// loaded, which in the order-dependent cases of Resolver can differ
	// from an uninterrupted build.
	Writers int
	// Force loads articles that a Resumable sink holds already, instead
	// of skipping them.
	Force bool
	// Progress, when set, is called from the loading goroutine at most
	// every ProgressEvery (0 means DefaultProgressEvery).
	Progress      func(Progress)
	ProgressEvery time.Duration
}

// Progress is a snapshot of a running build.
type Progress struct {
	// Read counts articles read from the source, Rejected inputs the
	// source rejected, Skipped articles the sink held already, Loaded
	// articles the sink has loaded.
	Read, Rejected, Skipped, Loaded int
	// Entities counts distinct entities loaded, Relations relations.
	Entities, Relations int
	Elapsed             time.Duration
}

// Rate returns the articles processed (loaded or skipped) per second.
func (p Progress) Rate() float64 { return rate(p.Loaded+p.Skipped, p.Elapsed) }

// Summary says what a build did.
type Summary struct {
	// Read counts articles read from the source; Rejected inputs the source
	// rejected (when it counts them); Skipped articles that the sink held
	// already (see Resumable); Loaded articles loaded into the sink.
	Read, Rejected, Skipped, Loaded int
	// Entities counts the distinct (resolved) entities loaded, by type in
	// EntitiesByType.
	Entities       int
	EntitiesByType map[schema.EntityType]int
	// Relations counts the relations loaded, by type in RelationsByType.
	Relations       int
	RelationsByType map[schema.RelationType]int
	Elapsed         time.Duration
}

// Rate returns the articles processed (loaded or skipped) per second.
func (s Summary) Rate() float64 { return rate(s.Loaded+s.Skipped, s.Elapsed) }

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
	extract := func(ctx context.Context, a schema.Article) (x schema.Extraction, err error) {
		defer func() {
			if r := recover(); r != nil {
				ref := a.Ref
				if ref == "" {
					ref = a.ID
				}
				err = fmt.Errorf("extract article %q: panic: %v", ref, r)
			}
		}()
		return b.Extract(ctx, a)
	}
	return run(ctx, b, src.Read, rejectedOf(src), b.workers(), identify, extract)
}

// identify identifies an article (schema.Identify) before extraction, so
// that the sink can be asked whether it holds the article already.
func identify(a *schema.Article) *schema.Article {
	*a = schema.Identify(*a)
	return a
}

// Load resolves the extractions of src and loads them into the sink, as
// Build does after extraction.
func (b *Builder) Load(ctx context.Context, src ExtractionSource) (Summary, error) {
	identity := func(_ context.Context, x schema.Extraction) (schema.Extraction, error) { return x, nil }
	article := func(x *schema.Extraction) *schema.Article { return &x.Article }
	return run(ctx, b, src.Read, rejectedOf(src), 1, article, identity)
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
// article returns the article of an input, with its ID and hash set.
func run[T any](ctx context.Context, b *Builder, read func(context.Context, func(T) error) error,
	rejected func() int, workers int, article func(*T) *schema.Article,
	extract func(context.Context, T) (schema.Extraction, error)) (Summary, error) {
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
		r := NewResolver()
		if l, ok := b.Sink.(EntityLister); ok {
			err := l.Entities(ctx, func(e schema.Entity) error {
				r.Learn(e)
				return nil
			})
			if err != nil {
				return Summary{Elapsed: time.Since(start)}, fmt.Errorf("learn the entities loaded before: %w", err)
			}
		}
		resolve = r.Resolve
	}
	var held Resumable
	if r, ok := b.Sink.(Resumable); ok && !b.Force {
		held = r
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

	var nread, nskipped atomic.Int64
	sum := Summary{
		EntitiesByType:  make(map[schema.EntityType]int),
		RelationsByType: make(map[schema.RelationType]int),
	}

	g, ctx := errgroup.WithContext(ctx)

	g.Go(func() error { // producer
		defer close(jobs)
		seq := 0
		send := func(in T) error {
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
			return nil
		}
		// With a Resumable sink, inputs wait in chunk until checkSize of
		// them can be checked at once.
		var chunk []T
		check := func() error {
			if len(chunk) == 0 {
				return nil
			}
			arts := make([]schema.Article, len(chunk))
			for i := range chunk {
				arts[i] = *article(&chunk[i])
			}
			loaded, err := held.Loaded(ctx, arts)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return fmt.Errorf("check for articles loaded before: %w", err)
			}
			for i, in := range chunk {
				if loaded[arts[i].ID] {
					nskipped.Add(1)
					continue
				}
				if err := send(in); err != nil {
					return err
				}
			}
			clear(chunk)
			chunk = chunk[:0]
			return nil
		}
		err := read(ctx, func(in T) error {
			nread.Add(1)
			article(&in)
			if held == nil {
				return send(in)
			}
			chunk = append(chunk, in)
			if len(chunk) < checkSize {
				return nil
			}
			return check()
		})
		if err != nil {
			return err
		}
		return check()
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
				x, err := extract(ctx, j.in)
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

	// The writers load the batches and count what they loaded in sum.
	type numbered struct {
		n     int
		batch []schema.Extraction
	}
	batches := make(chan numbered)
	var mu sync.Mutex // guards sum's counts of what was loaded, and seen
	seen := make(map[string]bool)
	// inflight counts, by article ID, the batches handed to the writers
	// and not loaded yet: a batch holding an article that one of them
	// holds too waits until that one is loaded (landed says when a batch
	// is), so that the later extraction of an article is always loaded
	// last, as with one writer.
	var flightMu sync.Mutex
	inflight := make(map[string]int)
	landed := make(chan struct{}, 1)
	land := func(batch []schema.Extraction) {
		flightMu.Lock()
		for _, x := range batch {
			if inflight[x.Article.ID]--; inflight[x.Article.ID] == 0 {
				delete(inflight, x.Article.ID)
			}
		}
		flightMu.Unlock()
		select {
		case landed <- struct{}{}:
		default:
		}
	}
	for range max(b.Writers, 1) {
		g.Go(func() error { // writer
			for nb := range batches {
				err := b.Sink.Load(ctx, nb.batch)
				land(nb.batch)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					return fmt.Errorf("load batch %d: %w", nb.n, err)
				}
				mu.Lock()
				for _, x := range nb.batch {
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
				mu.Unlock()
			}
			return nil
		})
	}

	g.Go(func() error { // loader: reorder, resolve, batch, hand to the writers
		defer close(batches)
		pending := make(map[int]schema.Extraction)
		next, nbatch := 0, 0
		batch := make([]schema.Extraction, 0, batchSize)
		lastProgress := time.Now()
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			for {
				flightMu.Lock()
				busy := slices.ContainsFunc(batch, func(x schema.Extraction) bool { return inflight[x.Article.ID] > 0 })
				if !busy {
					for _, x := range batch {
						inflight[x.Article.ID]++
					}
				}
				flightMu.Unlock()
				if !busy {
					break
				}
				select {
				case <-landed:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			select {
			case batches <- numbered{nbatch, batch}:
			case <-ctx.Done():
				return ctx.Err()
			}
			nbatch++
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
				mu.Lock()
				p := Progress{
					Read: int(nread.Load()), Rejected: rejected(), Skipped: int(nskipped.Load()), Loaded: sum.Loaded,
					Entities: sum.Entities, Relations: sum.Relations, Elapsed: time.Since(start),
				}
				mu.Unlock()
				b.Progress(p)
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return flush()
	})

	err := g.Wait()
	sum.Read = int(nread.Load())
	sum.Skipped = int(nskipped.Load())
	sum.Rejected = rejected()
	sum.Elapsed = time.Since(start)
	return sum, err
}
