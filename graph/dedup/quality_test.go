package dedup

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
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
