package graph

import (
	"cmp"
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
	// Countries, when set, is the countries table of the Resolver of a
	// Builder whose Resolve is nil (Resolver.UseCountries).
	Countries *Countries
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
	// Dedup, when set, finds the articles that copy earlier ones (see
	// Deduper): they are loaded with Article.DuplicateOf set, and their
	// relations that the original states too support the original's
	// (Extraction.Supports) instead of counting again. It is restored
	// from the sink before the run (ArticleLister), and is not safe to
	// share between concurrent runs.
	Dedup Deduper
	// Progress, when set, is called from the loading goroutine at most
	// every ProgressEvery (0 means DefaultProgressEvery).
	Progress      func(Progress)
	ProgressEvery time.Duration
	// MaxArticleTime, when above zero, bounds the extraction of one
	// article in Build: the context given to Extract ends after it, and
	// an article whose extraction fails for that is rejected (Reject is
	// called with an error wrapping ErrArticleTime) while the build goes
	// on without it. The rejects are counted in Summary.Rejected.
	MaxArticleTime time.Duration
	// Reject, when set, is called with each article the build rejects
	// (see MaxArticleTime) and why, from an extract worker.
	Reject func(schema.Article, error)
}

// ErrArticleTime is wrapped by the error given to Builder.Reject for an
// article whose extraction took longer than Builder.MaxArticleTime.
var ErrArticleTime = errors.New("extraction took longer than the time allowed an article")

// errOverTime is the cause of the context of an extraction that took longer
// than MaxArticleTime.
var errOverTime = errors.New("over the time allowed an article")

// rejection is the error of an extraction whose article is rejected: the
// build goes on without it.
type rejection struct{ err error }

func (r *rejection) Error() string { return r.err.Error() }
func (r *rejection) Unwrap() error { return r.err }

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
	// Duplicates counts the articles loaded that copy an earlier article
	// (see Builder.Dedup), ExactDuplicates those that are exact copies;
	// Supports the relations of those copies that were merged into
	// their originals' relations (not counted in Relations).
	Duplicates, ExactDuplicates, Supports int
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
		if b.MaxArticleTime <= 0 {
			return b.Extract(ctx, a)
		}
		actx, cancel := context.WithTimeoutCause(ctx, b.MaxArticleTime, errOverTime)
		defer cancel()
		x, err = b.Extract(actx, a)
		if err != nil && ctx.Err() == nil && errors.Is(context.Cause(actx), errOverTime) {
			return x, &rejection{fmt.Errorf("%w (%v)", ErrArticleTime, b.MaxArticleTime)}
		}
		return x, err
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
	// rejected says that the article was rejected: it leaves the
	// reorder buffer without being loaded.
	rejected bool
}

// numbered is a batch of resolved extractions and its number.
type numbered struct {
	n     int
	batch []schema.Extraction
}

// pipeline is one run of a Builder over inputs of type T (articles to
// extract, or extractions): read -> workers x extract -> reorder,
// resolve, batch -> writers x sink.
type pipeline[T any] struct {
	b        *Builder
	read     func(context.Context, func(T) error) error
	rejected func() int
	workers  int
	// article returns the article of an input, with its ID and hash set.
	article func(*T) *schema.Article
	extract func(context.Context, T) (schema.Extraction, error)

	start     time.Time
	batchSize int
	resolve   func(schema.Extraction) schema.Extraction
	// origins keeps the relations of the originals loaded lately, for
	// merging their copies (with a Dedup only).
	origins *origins
	held    Resumable // nil unless the sink is Resumable and not Force
	every   time.Duration

	// window bounds the articles between the producer and the loader, so
	// that one slow article cannot make the reorder buffer grow without
	// bound: the producer takes a token per article, the loader gives it
	// back when the article leaves the buffer in order.
	window  chan struct{}
	jobs    chan job[T]
	results chan result
	batches chan numbered

	nread, nskipped atomic.Int64
	nrejected       atomic.Int64 // articles rejected in extraction
	mu              sync.Mutex   // guards sum's counts of what was loaded, and seen
	sum             Summary
	seen            map[string]bool

	// inflight counts, by article ID, the batches handed to the writers
	// and not loaded yet: a batch holding an article that one of them
	// holds too waits until that one is loaded (landed says when a batch
	// is), so that the later extraction of an article is always loaded
	// last, as with one writer.
	flightMu sync.Mutex
	inflight map[string]int
	landed   chan struct{}
}

// run runs the pipeline of b over the inputs read yields.
func run[T any](ctx context.Context, b *Builder, read func(context.Context, func(T) error) error,
	rejected func() int, workers int, article func(*T) *schema.Article,
	extract func(context.Context, T) (schema.Extraction, error)) (Summary, error) {
	if b.Sink == nil {
		return Summary{}, errors.New("build: no Sink")
	}
	p := &pipeline[T]{
		b: b, read: read, rejected: rejected, workers: workers, article: article, extract: extract,
		start:     time.Now(),
		batchSize: cmp.Or(max(b.BatchSize, 0), DefaultBatchSize),
		every:     cmp.Or(max(b.ProgressEvery, 0), DefaultProgressEvery),
		sum: Summary{
			EntitiesByType:  make(map[schema.EntityType]int),
			RelationsByType: make(map[schema.RelationType]int),
		},
		seen:     make(map[string]bool),
		inflight: make(map[string]int),
		landed:   make(chan struct{}, 1),
		batches:  make(chan numbered),
	}
	if err := p.learn(ctx); err != nil {
		return Summary{Elapsed: time.Since(p.start)}, err
	}
	if err := p.restore(ctx); err != nil {
		return Summary{Elapsed: time.Since(p.start)}, err
	}
	if r, ok := b.Sink.(Resumable); ok && !b.Force {
		p.held = r
	}
	p.window = make(chan struct{}, max(4*workers, 2*p.batchSize))
	p.jobs = make(chan job[T], workers)
	p.results = make(chan result, workers)

	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return p.produce(ctx) })
	var active atomic.Int32
	active.Store(int32(workers))
	for range workers {
		g.Go(func() error {
			defer func() {
				if active.Add(-1) == 0 {
					close(p.results)
				}
			}()
			return p.extractAll(ctx)
		})
	}
	for range max(b.Writers, 1) {
		g.Go(func() error { return p.write(ctx) })
	}
	g.Go(func() error {
		defer close(p.batches)
		return p.order(ctx)
	})
	err := g.Wait()
	p.sum.Read = int(p.nread.Load())
	p.sum.Skipped = int(p.nskipped.Load())
	p.sum.Rejected = rejected() + int(p.nrejected.Load())
	p.sum.Elapsed = time.Since(p.start)
	return p.sum, err
}

// learn sets the resolver: the Builder's, or a new Resolver that learns
// the entities the sink holds, when it can list them.
func (p *pipeline[T]) learn(ctx context.Context) error {
	p.resolve = p.b.Resolve
	if p.resolve != nil {
		return nil
	}
	r := NewResolver().UseCountries(p.b.Countries)
	p.resolve = r.Resolve
	l, ok := p.b.Sink.(EntityLister)
	if !ok {
		return nil
	}
	err := l.Entities(ctx, func(e schema.Entity) error {
		r.Learn(e)
		return nil
	})
	if err != nil {
		return fmt.Errorf("learn the entities loaded before: %w", err)
	}
	return nil
}

// maxOrigins is the number of originals whose relations a run keeps in
// memory for their copies; those of older ones are read back from the
// sink.
const maxOrigins = 1 << 16

// restore teaches the Builder's Deduper the articles the sink holds, when
// it can list them: the originals in order of publication, then the
// copies.
func (p *pipeline[T]) restore(ctx context.Context) error {
	d := p.b.Dedup
	if d == nil {
		return nil
	}
	p.origins = newOrigins(maxOrigins)
	l, ok := p.b.Sink.(ArticleLister)
	if !ok {
		return nil
	}
	var originals, copies []schema.Article
	err := l.Articles(ctx, func(a schema.Article) error {
		if a.Fingerprint == "" {
			return nil
		}
		a.Text = ""
		if a.DuplicateOf != "" {
			copies = append(copies, a)
		} else {
			originals = append(originals, a)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("restore the articles loaded before: %w", err)
	}
	order := func(a, b schema.Article) int {
		return cmp.Or(cmp.Compare(a.Published, b.Published), cmp.Compare(a.ID, b.ID))
	}
	slices.SortFunc(originals, order)
	slices.SortFunc(copies, order)
	for _, a := range slices.Concat(originals, copies) {
		if err := d.Restore(a.ID, a.Fingerprint, a.DuplicateOf); err != nil {
			return fmt.Errorf("restore article %s: %w", a.ID, err)
		}
	}
	return nil
}

// fingerprint sets the fingerprint of x's article, when the Builder has a
// Deduper and the article a text.
func (p *pipeline[T]) fingerprint(x *schema.Extraction) {
	if d := p.b.Dedup; d != nil && x.Article.Fingerprint == "" && x.Article.Text != "" {
		x.Article.Fingerprint = d.Fingerprint(x.Article.Text)
	}
}

// resolveOne resolves an extraction in input order: it checks whether its
// article copies an earlier one (with a Deduper), resolves its entities,
// and merges the relations of a copy into its original's.
func (p *pipeline[T]) resolveOne(ctx context.Context, x schema.Extraction) (schema.Extraction, error) {
	d := p.b.Dedup
	if d == nil || x.Article.Fingerprint == "" {
		return p.resolve(x), nil
	}
	c, dup, err := d.Check(x.Article.ID, x.Article.Fingerprint)
	if err != nil {
		return x, fmt.Errorf("article %s: %w", x.Article.ID, err)
	}
	x.Article.DuplicateOf, x.Article.Duplicate, x.Article.Similarity = "", "", 0
	if dup && c.Of != x.Article.ID {
		x.Article.DuplicateOf, x.Article.Duplicate, x.Article.Similarity = c.Of, c.Kind, c.Similarity
	}
	x = p.resolve(x)
	if x.Article.DuplicateOf == "" {
		p.origins.add(x.Article.ID, refsOf(x.Relations))
		return x, nil
	}
	refs, err := p.originRefs(ctx, x.Article.DuplicateOf)
	if err != nil {
		return x, err
	}
	return mergeCopy(x, refs), nil
}

// originRefs returns the relation references of the original article id:
// kept from this run, else read from the sink once no batch in flight
// holds it.
func (p *pipeline[T]) originRefs(ctx context.Context, id string) ([]relRef, error) {
	if refs, ok := p.origins.get(id); ok {
		return refs, nil
	}
	rr, ok := p.b.Sink.(RelationReader)
	if !ok {
		return nil, nil
	}
	for {
		p.flightMu.Lock()
		busy := p.inflight[id] > 0
		p.flightMu.Unlock()
		if !busy {
			break
		}
		select {
		case <-p.landed:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	rels, err := rr.ArticleRelations(ctx, []string{id})
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("read the relations of article %s: %w", id, err)
	}
	refs := refsOf(rels)
	p.origins.add(id, refs)
	return refs, nil
}

// produce reads the inputs and hands them to the extract workers, in
// order, numbered; with a Resumable sink it skips those the sink holds.
func (p *pipeline[T]) produce(ctx context.Context) error {
	defer close(p.jobs)
	seq := 0
	send := func(in T) error {
		if err := put(ctx, p.window, struct{}{}); err != nil {
			return err
		}
		if err := put(ctx, p.jobs, job[T]{seq: seq, in: in}); err != nil {
			return err
		}
		seq++
		return nil
	}
	// With a Resumable sink, inputs wait in chunk until checkSize of them
	// can be checked at once.
	var chunk []T
	err := p.read(ctx, func(in T) error {
		p.nread.Add(1)
		p.article(&in)
		if p.held == nil {
			return send(in)
		}
		chunk = append(chunk, in)
		if len(chunk) < checkSize {
			return nil
		}
		err := p.sendUnheld(ctx, chunk, send)
		clear(chunk)
		chunk = chunk[:0]
		return err
	})
	if err != nil {
		return err
	}
	return p.sendUnheld(ctx, chunk, send)
}

// sendUnheld sends those of the inputs of chunk that the sink does not
// hold, and counts the others skipped.
func (p *pipeline[T]) sendUnheld(ctx context.Context, chunk []T, send func(T) error) error {
	if len(chunk) == 0 {
		return nil
	}
	arts := make([]schema.Article, len(chunk))
	for i := range chunk {
		arts[i] = *p.article(&chunk[i])
	}
	loaded, err := p.held.Loaded(ctx, arts)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("check for articles loaded before: %w", err)
	}
	for i, in := range chunk {
		if loaded[arts[i].ID] {
			p.nskipped.Add(1)
			continue
		}
		if err := send(in); err != nil {
			return err
		}
	}
	return nil
}

// extractAll is an extract worker: it extracts the jobs until there are
// no more.
func (p *pipeline[T]) extractAll(ctx context.Context) error {
	for j := range p.jobs {
		x, err := p.extract(ctx, j.in)
		var rej *rejection
		if errors.As(err, &rej) {
			p.nrejected.Add(1)
			if p.b.Reject != nil {
				p.b.Reject(*p.article(&j.in), rej.err)
			}
			x, err = schema.Extraction{}, nil
		}
		if err != nil {
			return err
		}
		if rej == nil {
			p.fingerprint(&x)
		}
		if err := put(ctx, p.results, result{seq: j.seq, x: x, rejected: rej != nil}); err != nil {
			return err
		}
	}
	return nil
}

// write is a writer: it loads batches into the sink and counts what it
// loaded.
func (p *pipeline[T]) write(ctx context.Context) error {
	for nb := range p.batches {
		// a batch taken after the build was cancelled is not loaded
		if err := ctx.Err(); err != nil {
			return err
		}
		err := p.b.Sink.Load(ctx, nb.batch)
		p.land(nb.batch)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("load batch %d: %w", nb.n, err)
		}
		p.count(nb.batch)
	}
	return nil
}

// count adds a loaded batch to the summary.
func (p *pipeline[T]) count(batch []schema.Extraction) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, x := range batch {
		p.sum.Loaded++
		if x.Article.DuplicateOf != "" {
			p.sum.Duplicates++
			if x.Article.Duplicate == "exact" {
				p.sum.ExactDuplicates++
			}
		}
		p.sum.Supports += len(x.Supports)
		for _, e := range x.Entities {
			if !p.seen[e.ID] {
				p.seen[e.ID] = true
				p.sum.Entities++
				p.sum.EntitiesByType[e.Type]++
			}
		}
		for _, r := range x.Relations {
			p.sum.Relations++
			p.sum.RelationsByType[r.Type]++
		}
	}
}

// land says that batch is loaded (or failed): its articles are no longer
// in flight.
func (p *pipeline[T]) land(batch []schema.Extraction) {
	p.flightMu.Lock()
	for _, x := range batch {
		if p.inflight[x.Article.ID]--; p.inflight[x.Article.ID] == 0 {
			delete(p.inflight, x.Article.ID)
		}
	}
	p.flightMu.Unlock()
	select {
	case p.landed <- struct{}{}:
	default:
	}
}

// order is the loader: it puts the extractions back in input order,
// resolves them, cuts them into batches and hands the batches to the
// writers, reporting progress.
func (p *pipeline[T]) order(ctx context.Context) error {
	pending := make(map[int]result)
	next, nbatch := 0, 0
	batch := make([]schema.Extraction, 0, p.batchSize)
	lastProgress := time.Now()
	for {
		var r result
		var ok bool
		select {
		case r, ok = <-p.results:
		case <-ctx.Done():
			return ctx.Err()
		}
		if !ok {
			break
		}
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-p.window
			if r.rejected {
				continue
			}
			x, err := p.resolveOne(ctx, r.x)
			if err != nil {
				return err
			}
			batch = append(batch, x)
			if len(batch) >= p.batchSize {
				if err := p.handOver(ctx, nbatch, batch); err != nil {
					return err
				}
				nbatch++
				batch = make([]schema.Extraction, 0, p.batchSize)
			}
		}
		if p.b.Progress != nil && time.Since(lastProgress) >= p.every {
			lastProgress = time.Now()
			p.b.Progress(p.progress())
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(batch) == 0 {
		return nil
	}
	return p.handOver(ctx, nbatch, batch)
}

// handOver hands batch n to the writers, once no batch in flight holds
// one of its articles, or the original of a copy it holds (whose
// relations the copy supports).
func (p *pipeline[T]) handOver(ctx context.Context, n int, batch []schema.Extraction) error {
	for {
		p.flightMu.Lock()
		busy := slices.ContainsFunc(batch, func(x schema.Extraction) bool {
			return p.inflight[x.Article.ID] > 0 || x.Article.DuplicateOf != "" && p.inflight[x.Article.DuplicateOf] > 0
		})
		if !busy {
			for _, x := range batch {
				p.inflight[x.Article.ID]++
			}
		}
		p.flightMu.Unlock()
		if !busy {
			break
		}
		select {
		case <-p.landed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return put(ctx, p.batches, numbered{n, batch})
}

// progress is a snapshot of the run.
func (p *pipeline[T]) progress() Progress {
	p.mu.Lock()
	defer p.mu.Unlock()
	return Progress{
		Read: int(p.nread.Load()), Rejected: p.rejected() + int(p.nrejected.Load()), Skipped: int(p.nskipped.Load()), Loaded: p.sum.Loaded,
		Entities: p.sum.Entities, Relations: p.sum.Relations, Elapsed: time.Since(p.start),
	}
}

// put sends v on c, or returns ctx's error when ctx is done first.
func put[V any](ctx context.Context, c chan<- V, v V) error {
	select {
	case c <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
