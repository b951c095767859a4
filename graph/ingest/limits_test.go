package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// The limits of the readers on large input, stated in README.md
// (Reliability): an article text of at most Options.MaxSize bytes (5 MiB
// by default), a JSON Lines line of at most 2*MaxSize+64 KiB, JSON nesting
// of at most 10,000 levels (encoding/json's); and memory that does not
// grow with the number of articles, nor with the size of an oversized
// text file or line. The large inputs are generated in a temp dir, never
// committed. Under the race detector (go test -race, ten times slower)
// the large tests skip; testdata/run-tests runs them without it.

// skipLarge skips a large-input test under -race or -short.
func skipLarge(t *testing.T) {
	t.Helper()
	if raceEnabled || testing.Short() {
		t.Skip("large input: skipped with -race and -short (testdata/run-tests runs it without -race)")
	}
}

// heapPeak runs fn and returns how far the live heap rose above where it
// was before, sampled every few milliseconds: a loose measure, for bounds
// that are far from what a working reader needs.
func heapPeak(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	peak := base
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapAlloc)
	return peak - base
}

const mib = 1 << 20

// writeBig writes a file of about size bytes: head, then filler text
// repeated, then tail.
func writeBig(t *testing.T, name, head string, size int, tail string) string {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(head)
	const filler = "Lloyd Austin met NATO allies in Brussels on Tuesday and said the alliance would respond. "
	for n := len(head); n < size; n += len(filler) {
		w.WriteString(filler)
	}
	w.WriteString(tail)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestLargeArticles reads a 50 MB article as a text file, as a JSON Lines
// line and as a JSON array element: each is rejected as oversized, the
// small article after it is read, and the heap grows by far less than the
// file for the text file and the line.
func TestLargeArticles(t *testing.T) {
	skipLarge(t)
	const size = 50 * mib
	dir := t.TempDir()
	good := `{"id":"small","text":"MOSCOW, February 3. /TASS/. Dmitry Peskov spoke."}`
	tests := []struct {
		name    string
		path    string
		reject  string // the reject, with the file's base name as source
		small   bool   // the small article after the big one is read
		maxHeap uint64 // bound on the heap growth while reading
	}{
		{
			name:    "text file",
			path:    writeBig(t, filepath.Join(dir, "big.txt"), "WASHINGTON, February 2. /TASS/. ", size, ""),
			reject:  fmt.Sprintf("big.txt: oversized article: more than %d bytes", DefaultMaxSize),
			maxHeap: 32 * mib, // reads at most MaxSize+4 bytes
		},
		{
			name:    "JSON Lines line",
			path:    writeBig(t, filepath.Join(dir, "big.jsonl"), `{"id":"big","text":"`, size, "\"}\n"+good+"\n"),
			reject:  fmt.Sprintf("big.jsonl:1: oversized article: line longer than %d bytes", 2*DefaultMaxSize+64<<10),
			small:   true,
			maxHeap: 48 * mib, // keeps at most one line limit of bytes
		},
		{
			name:    "JSON array element",
			path:    writeBig(t, filepath.Join(dir, "big.json"), `[{"id":"big","text":"`, size, "\"},\n"+good+"]\n"),
			reject:  fmt.Sprintf("big.json:1: oversized article: object larger than %d bytes", 2*DefaultMaxSize+64<<10),
			small:   true,
			maxHeap: 4 * size, // the decoder holds the whole element (see README)
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var arts []schema.Article
			var rejects []string
			grew := heapPeak(func() {
				r := NewReader([]string{tt.path}, Options{OnReject: func(rj Reject) {
					rj.Source = filepath.Base(rj.Source)
					rejects = append(rejects, rj.String())
				}})
				if err := r.Read(context.Background(), func(a schema.Article) error {
					a.Text = a.Text[:min(len(a.Text), 20)]
					arts = append(arts, a)
					return nil
				}); err != nil {
					t.Fatalf("Read: %v", err)
				}
			})
			t.Logf("heap grew by %d MiB reading a %d MiB file", grew/mib, size/mib)
			if len(rejects) != 1 || rejects[0] != tt.reject {
				t.Errorf("rejects = %q, want [%q]", rejects, tt.reject)
			}
			if tt.small && (len(arts) != 1 || arts[0].Ref != "small") {
				t.Errorf("articles = %+v, want the small one after the big one", arts)
			}
			if !tt.small && len(arts) != 0 {
				t.Errorf("articles = %+v, want none", arts)
			}
			if grew > tt.maxHeap {
				t.Errorf("heap grew by %d MiB, want at most %d MiB", grew/mib, tt.maxHeap/mib)
			}
		})
	}
}

// TestManyTinyArticles reads 100,000 tiny articles from one JSON Lines
// file: all are read, in order, and the heap does not grow with their
// number (the reader holds one line at a time).
func TestManyTinyArticles(t *testing.T) {
	skipLarge(t)
	const n = 100_000
	path := filepath.Join(t.TempDir(), "tiny.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		fmt.Fprintf(w, `{"id":"t%d","text":"Leader %d met envoy %d."}`+"\n", i, i, i+1)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	count, rejects := 0, 0
	var outOfOrder string
	grew := heapPeak(func() {
		r := NewReader([]string{path}, Options{OnReject: func(Reject) { rejects++ }})
		err := r.Read(context.Background(), func(a schema.Article) error {
			if want := fmt.Sprintf("t%d", count); a.Ref != want && outOfOrder == "" {
				outOfOrder = fmt.Sprintf("article %d is %s", count, a.Ref)
			}
			count++
			return nil
		})
		if err != nil {
			t.Errorf("Read: %v", err)
		}
	})
	t.Logf("heap grew by %d KiB reading %d articles", grew>>10, n)
	if count != n || rejects != 0 || outOfOrder != "" {
		t.Errorf("read %d articles, %d rejects, %s; want %d, 0, in order", count, rejects, outOfOrder, n)
	}
	if grew > 16*mib {
		t.Errorf("heap grew by %d MiB reading %d tiny articles, want at most 16 MiB", grew/mib, n)
	}
}

// TestDeepJSON reads JSON nested deeper than encoding/json allows, in a
// JSON Lines line and a JSON array: the item is rejected, a line after it
// is still read.
func TestDeepJSON(t *testing.T) {
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	dir := write(t, map[string]string{
		"deep.jsonl": `{"id":"d1","text":"x","n":` + deep + "}\n" + `{"id":"ok","text":"Fine."}` + "\n",
		"deep.json":  `[{"id":"d2","text":"x","n":` + deep + "}]",
		"top.json":   deep,
	})
	arts, rejects := read(t, dir, []string{dir}, Options{})
	if got := strings.Join(refs(arts), ","); got != "ok" {
		t.Errorf("articles = %s, want ok", got)
	}
	var got []string
	for _, r := range rejects {
		got = append(got, r.String())
	}
	want := []string{
		"deep.json:1: malformed JSON: invalid character '[' exceeded max depth",
		"deep.jsonl:1: malformed JSON: invalid character '[' exceeded max depth",
		"top.json:1: malformed JSON: invalid character '[' exceeded max depth",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rejects =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// countSink counts what a build loads and keeps nothing.
type countSink struct{ articles, relations int }

func (s *countSink) Load(_ context.Context, batch []schema.Extraction) error {
	for _, x := range batch {
		s.articles++
		s.relations += len(x.Relations)
	}
	return nil
}

func (s *countSink) Close() error { return nil }

// TestManyTinyArticlesBuild extracts and loads 100,000 tiny articles
// through the build pipeline into a sink that keeps nothing: every article
// is loaded, and the heap stays flat (bounded channels and batches; the
// resolver holds one entry per distinct entity, here a handful).
func TestManyTinyArticlesBuild(t *testing.T) {
	skipLarge(t)
	const n = 100_000
	path := filepath.Join(t.TempDir(), "tiny.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		fmt.Fprintf(w, `{"id":"t%d","text":"Lloyd Austin met NATO allies in Brussels on day %d."}`+"\n", i, i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sink := &countSink{}
	var sum graph.Summary
	grew := heapPeak(func() {
		b := graph.Builder{Extract: x.Extract, Sink: sink}
		sum, err = b.Build(context.Background(), NewReader([]string{path}, Options{}))
	})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	t.Logf("heap grew by %d MiB building %d articles (%d relations) in %s", grew/mib, n, sink.relations, sum.Elapsed.Round(time.Millisecond))
	if sum.Read != n || sum.Loaded != n || sink.articles != n || sum.Rejected != 0 {
		t.Errorf("read %d, loaded %d (sink %d), rejected %d; want %d, %d, %d, 0", sum.Read, sum.Loaded, sink.articles, sum.Rejected, n, n, n)
	}
	if grew > 64*mib {
		t.Errorf("heap grew by %d MiB building %d tiny articles, want at most 64 MiB", grew/mib, n)
	}
}
