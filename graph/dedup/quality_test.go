package dedup

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/extract"
)

// TestGeneratedCorpus measures the Index on 100,000 generated articles
// (10,000 with -short or -race), 10% of them copies of earlier articles
// (exact reposts and rewrites, see generate), and fails when precision or
// recall falls below 0.95.
func TestGeneratedCorpus(t *testing.T) {
	n := 100_000
	if testing.Short() || raceEnabled {
		n = 10_000
	}
	g := generate(n, 0.1, 1)
	start := time.Now()
	s := g.score()
	took := time.Since(start)
	t.Logf("%d articles, %d copies: %d reported, %d right; precision %.4f, recall %.4f; %.1f µs/article",
		n, s.copies, s.reported, s.correct, s.precision(), s.recall(), float64(took.Microseconds())/float64(n))
	for _, w := range s.wrong {
		t.Logf("wrong: %s", w)
	}
	if s.precision() < 0.95 || s.recall() < 0.95 {
		t.Errorf("precision %.4f, recall %.4f: want both >= 0.95", s.precision(), s.recall())
	}
}

// TestGeneratedCorpusShape checks that the generated corpus is a test of
// the Index: copies are not all easy (some share less than 0.6 of their
// shingles with their original), and articles on one story share text
// without being copies (their similarity stays below Threshold). It logs
// the distributions of the exact Jaccard similarities.
func TestGeneratedCorpusShape(t *testing.T) {
	g := generate(10_000, 0.1, 1)
	sh := make([][]uint64, len(g.arts))
	for i, a := range g.arts {
		sh[i] = shingles(a.text[extract.BodyStart(a.text):])
	}
	var copies, story []float64
	byStory := map[int][]int{}
	for i, a := range g.arts {
		if a.orig >= 0 {
			copies = append(copies, jaccard(sh[i], sh[a.orig]))
			continue
		}
		if len(byStory[a.story]) > 0 {
			best := 0.0
			for _, j := range byStory[a.story] {
				best = max(best, jaccard(sh[i], sh[j]))
			}
			story = append(story, best)
		}
		byStory[a.story] = append(byStory[a.story], i)
	}
	q := func(xs []float64, p float64) float64 { return xs[int(p*float64(len(xs)-1))] }
	slices.Sort(copies)
	slices.Sort(story)
	t.Logf("copies vs their originals: %d, Jaccard min %.2f, 1%% %.2f, 5%% %.2f, median %.2f, 95%% %.2f",
		len(copies), copies[0], q(copies, 0.01), q(copies, 0.05), q(copies, 0.5), q(copies, 0.95))
	t.Logf("articles on a story vs the most similar earlier one: %d, Jaccard median %.2f, 95%% %.2f, 99%% %.2f, max %.2f",
		len(story), q(story, 0.5), q(story, 0.95), q(story, 0.99), story[len(story)-1])
	if q(copies, 0.05) >= 0.6 {
		t.Errorf("5%% of copies share %.2f of their shingles or more: the rewrites are too easy", q(copies, 0.05))
	}
	if q(story, 0.5) < 0.05 {
		t.Errorf("articles on one story share a median %.2f of their shingles: the corpus does not test near misses", q(story, 0.5))
	}
}

var corpora sync.Map // size -> *genCorpus

func corpus(n int) *genCorpus {
	if g, ok := corpora.Load(n); ok {
		return g.(*genCorpus)
	}
	g := generate(n, 0.1, 1)
	corpora.Store(n, g)
	return g
}

// BenchmarkAdd adds a generated corpus of 10,000 and of 100,000 articles
// to an empty Index, fingerprints included, and reports the time and the
// heap growth per article (wall time, CPU time of the process, which
// includes the garbage collector's, and heap bytes): flat in the corpus size when finding
// candidates is a look-up.
//
//	go test -run '^$' -bench Add -benchtime 3x ./graph/dedup
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			g := corpus(n)
			var heap float64
			cpu := cpuTime()
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				x := New()
				for _, a := range g.arts {
					x.Add(a.id, a.text)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				heap = float64(after.HeapAlloc) - float64(before.HeapAlloc)
				runtime.KeepAlive(x)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/article")
			b.ReportMetric(heap/float64(n), "heapB/article")
		})
	}
}

// BenchmarkAddFingerprint is BenchmarkAdd with the fingerprints computed
// beforehand: the cost of the index alone. It also reports the work per
// article, which does not depend on the machine: the candidates that band
// look-ups found, and those whose whole signatures were compared.
func BenchmarkAddFingerprint(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			g := corpus(n)
			fps := make([]Fingerprint, n)
			for i, a := range g.arts {
				fps[i] = Sketch(a.text)
			}
			cpu := cpuTime()
			var x *Index
			for b.Loop() {
				x = New()
				for i, a := range g.arts {
					x.AddFingerprint(a.id, fps[i])
				}
			}
			b.ReportMetric(float64(x.candidates)/float64(n), "candidates/article")
			b.ReportMetric(float64(x.compared)/float64(n), "compared/article")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/article")
		})
	}
}

// BenchmarkMapBaseline is the baseline of BenchmarkAddFingerprint: per
// article, as many look-ups and inserts of random keys in one map as the
// Index makes (one a band), and nothing else. Its time per article grows
// from 10,000 to 100,000 articles as the map outgrows the processor's
// caches: the part of the Index's growth that any hash index has.
func BenchmarkMapBaseline(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				m := make(map[uint64]bucket)
				k := uint64(1)
				for range n {
					for range bands {
						k = mix64(k)
						bk := m[k]
						bk.n++
						m[k] = bk
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/article")
		})
	}
}

// BenchmarkSketch measures the fingerprint of one generated article.
func BenchmarkSketch(b *testing.B) {
	g := corpus(10_000)
	i := 0
	for b.Loop() {
		Sketch(g.arts[i%len(g.arts)].text)
		i++
	}
}

// Generated is a generated corpus (see generate) for the tests of package
// dedup_test: the articles' IDs and texts, and for each the index of the
// original it copies (-1 for an original). Its copies of copies count as
// copies of the first original, as in score.
type Generated struct {
	IDs, Texts []string
	Orig       []int
}

// RaceEnabled reports whether the tests run under the race detector,
// for package dedup_test.
const RaceEnabled = raceEnabled

// Generate returns the generated corpus of n articles, 10% copies, the one
// the tests of this package measure (built once per size).
func Generate(n int) Generated {
	g := corpus(n)
	out := Generated{IDs: make([]string, n), Texts: make([]string, n), Orig: make([]int, n)}
	for i, a := range g.arts {
		out.IDs[i], out.Texts[i], out.Orig[i] = a.id, a.text, a.orig
	}
	return out
}

// CPUTime is cpuTime, for package dedup_test.
func CPUTime() time.Duration { return cpuTime() }
