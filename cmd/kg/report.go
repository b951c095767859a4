package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/schema"
)

// reporter prints rejects and progress to stderr, and writes rejects to
// the --rejects file. It is safe for concurrent use: the reader reports
// rejects while the loader reports progress.
type reporter struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool // w is a terminal: progress redraws one line
	quiet    bool
	progress bool // a progress line is on screen
	rejects  *os.File
	enc      *json.Encoder
	err      error // first error writing the rejects file
	// total is the number of inputs, once counted (see count); -1 while
	// unknown.
	total atomic.Int64
}

func newReporter(stderr io.Writer, quiet bool, rejectsPath string) (*reporter, error) {
	r := &reporter{w: stderr, tty: isTerminal(stderr), quiet: quiet}
	r.total.Store(-1)
	if rejectsPath != "" {
		if dir := filepath.Dir(rejectsPath); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("rejects file: %w", err)
			}
		}
		f, err := os.Create(rejectsPath)
		if err != nil {
			return nil, fmt.Errorf("rejects file: %w", err)
		}
		r.rejects, r.enc = f, json.NewEncoder(f)
		r.enc.SetEscapeHTML(false)
	}
	return r, nil
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressEvery is how often progress is printed: a redrawn line on a
// terminal every second, a plain line every ten seconds otherwise.
func (r *reporter) progressEvery() time.Duration {
	if r.tty {
		return time.Second
	}
	return 10 * time.Second
}

// clearLine removes a progress line from a terminal. r.mu is held.
func (r *reporter) clearLine() {
	if r.progress {
		fmt.Fprint(r.w, "\r\033[K")
		r.progress = false
	}
}

// reject reports one rejected input: always on stderr (it is an error of
// the input), and in the rejects file.
func (r *reporter) reject(rj ingest.Reject) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clearLine()
	fmt.Fprintf(r.w, "reject: %s\n", rj)
	if r.enc != nil && r.err == nil {
		r.err = r.enc.Encode(rj)
	}
}

// counter is a source that can count its inputs beforehand.
type counter interface {
	Count(ctx context.Context) (int, bool)
}

// count counts the inputs of src in the background, so that progress
// shows a bar and an ETA once the total is known; the returned function
// stops counting and waits for it. Nothing is counted when quiet.
func (r *reporter) count(ctx context.Context, src counter) (stop func()) {
	if r.quiet {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if n, ok := src.Count(ctx); ok {
			r.total.Store(int64(n))
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// update prints a progress snapshot, unless quiet.
func (r *reporter) update(p graph.Progress) {
	if r.quiet {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	line := progressLine(p, int(r.total.Load()), r.tty)
	if r.tty {
		fmt.Fprintf(r.w, "\r\033[K%s", line)
		r.progress = true
		return
	}
	fmt.Fprintf(r.w, "progress: %s\n", line)
}

// barWidth is the width of the progress bar, brackets excluded.
const barWidth = 24

// progressLine describes a snapshot: for a terminal a bar, the count,
// the rate and the ETA when the total is known (total >= 0), else the
// count, the rate and the time so far; for a log the same in words, with
// entities and relations.
func progressLine(p graph.Progress, total int, tty bool) string {
	done := p.Loaded + p.Skipped + p.Rejected
	rate := rate(done, p.Elapsed)
	var b strings.Builder
	if total >= 0 {
		total = max(total, done)
		frac := 1.0
		if total > 0 {
			frac = float64(done) / float64(total)
		}
		eta := "?"
		if rate > 0 {
			eta = (time.Duration(float64(total-done)/rate) * time.Second).Round(time.Second).String()
		}
		if tty {
			fill := int(frac * barWidth)
			fmt.Fprintf(&b, "[%s%s] %3.0f%%  %d/%d articles  %.0f/s  ETA %s", strings.Repeat("#", fill), strings.Repeat(".", barWidth-fill), 100*frac, done, total, rate, eta)
		} else {
			fmt.Fprintf(&b, "%d/%d articles (%.0f%%), %.0f articles/s, ETA %s", done, total, 100*frac, rate, eta)
		}
	} else if tty {
		fmt.Fprintf(&b, "%d articles  %.0f/s  %s", done, rate, p.Elapsed.Round(time.Second))
	} else {
		fmt.Fprintf(&b, "%d articles, %.0f articles/s", done, rate)
	}
	if tty {
		if p.Rejected > 0 {
			fmt.Fprintf(&b, "  %d rejected", p.Rejected)
		}
		if p.Skipped > 0 {
			fmt.Fprintf(&b, "  %d skipped", p.Skipped)
		}
		return b.String()
	}
	fmt.Fprintf(&b, "; %d loaded, %d skipped (loaded before), %d rejected; %d entities, %d relations; %s elapsed",
		p.Loaded, p.Skipped, p.Rejected, p.Entities, p.Relations, p.Elapsed.Round(time.Second))
	return b.String()
}

// rate returns n per second of d.
func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// close ends the progress line and closes the rejects file.
func (r *reporter) close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clearLine()
	if r.rejects == nil {
		return nil
	}
	err := r.rejects.Close()
	r.rejects, r.enc = nil, nil
	if r.err != nil {
		err = r.err
	}
	if err != nil {
		return fmt.Errorf("rejects file: %w", err)
	}
	return nil
}

// printSummary prints what a build or load did (articles, the copies
// among them, relations), then what the store holds after it (held, when
// it could be counted; else what the run loaded): articles, entities and
// relations by type, as an aligned table.
func printSummary(w io.Writer, s graph.Summary, held *graph.Stats) {
	type row struct {
		label string
		n     int
	}
	rows := []row{
		{"articles read", s.Read},
		{"articles rejected", s.Rejected},
		{"articles skipped (loaded before)", s.Skipped},
		{"articles loaded", s.Loaded},
		{"  copies of earlier articles", s.Duplicates},
		{"relations loaded", s.Relations},
		{"  stated by copies, counted for the originals", s.Supports},
	}
	st := graph.Stats{Articles: s.Loaded, Duplicates: s.Duplicates, Entities: s.Entities, EntitiesByType: s.EntitiesByType,
		Relations: s.Relations, ByType: s.RelationsByType}
	head := "loaded by this run:"
	if held != nil {
		st, head = *held, "the store holds:"
	}
	rows = append(rows, row{head, -1}, row{"articles", st.Articles}, row{"  copies of earlier articles", st.Duplicates},
		row{"entities", st.Entities})
	for _, t := range entityTypes(st.EntitiesByType) {
		rows = append(rows, row{"  " + string(t), st.EntitiesByType[t]})
	}
	rows = append(rows, row{"relations", st.Relations})
	for _, t := range relationTypes(st.ByType) {
		rows = append(rows, row{"  " + string(t), st.ByType[t]})
	}
	lw, nw := 0, 0
	for _, r := range rows {
		lw = max(lw, len(r.label))
		nw = max(nw, len(strconv.Itoa(r.n)))
	}
	for _, r := range rows {
		if r.n < 0 {
			fmt.Fprintf(w, "%s\n", r.label)
			continue
		}
		fmt.Fprintf(w, "%-*s  %*d\n", lw, r.label, nw, r.n)
	}
	fmt.Fprintf(w, "%-*s  %s (%.1f articles/s)\n", lw, "elapsed", roundDuration(s.Elapsed), s.Rate())
}

// entityTypes returns the types counted in m: the ontology's in its order,
// then any others sorted.
func entityTypes(m map[schema.EntityType]int) []schema.EntityType {
	var out, other []schema.EntityType
	for _, t := range schema.EntityTypes {
		if m[t] > 0 {
			out = append(out, t)
		}
	}
	for t := range m {
		if !t.Valid() {
			other = append(other, t)
		}
	}
	slices.Sort(other)
	return append(out, other...)
}

func relationTypes(m map[schema.RelationType]int) []schema.RelationType {
	var out, other []schema.RelationType
	for _, r := range schema.Relations {
		if m[r.Type] > 0 {
			out = append(out, r.Type)
		}
	}
	for t := range m {
		if !t.Valid() {
			other = append(other, t)
		}
	}
	slices.Sort(other)
	return append(out, other...)
}

// roundDuration rounds d for people: to the millisecond, or to the
// microsecond below one millisecond.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Millisecond {
		return d.Round(time.Microsecond)
	}
	return d.Round(time.Millisecond)
}
