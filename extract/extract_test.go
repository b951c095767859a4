package extract_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/schema"
)

func devArticles(tb testing.TB) []schema.Article {
	tb.Helper()
	golds, err := eval.LoadGoldDir("../testdata/gold")
	if err != nil {
		tb.Fatal(err)
	}
	arts := make([]schema.Article, len(golds))
	for i, g := range golds {
		arts[i] = schema.Article{Ref: g.ID, Title: g.Title, Source: g.Source, Published: g.Published, Text: g.Text}
	}
	return arts
}

func newExtractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// extractOf returns x's extraction of a, failing tb on an error.
func extractOf(tb testing.TB, x *extract.Extractor, a schema.Article) schema.Extraction {
	tb.Helper()
	ex, err := x.Extract(context.Background(), a)
	if err != nil {
		tb.Fatalf("Extract(%s): %v", a.Ref, err)
	}
	return ex
}

// TestExtractErrors: a done context stops Extract before it starts, and a
// panic inside it (here of an Extractor without data) comes back as an
// error naming the article.
func TestExtractErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := schema.Article{Ref: "art-7", Text: "Russia met China."}
	if _, err := newExtractor(t).Extract(ctx, a); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract with a done context = %v, want context.Canceled", err)
	}
	_, err := new(extract.Extractor).Extract(context.Background(), a)
	if err == nil || !strings.Contains(err.Error(), `extract article "art-7": panic`) {
		t.Errorf("Extract of a zero Extractor = %v, want an error naming art-7", err)
	}
}

// BenchmarkExtract runs the extractor over the dev articles on one
// goroutine and reports articles per second.
func BenchmarkExtract(b *testing.B) {
	arts := devArticles(b)
	x := newExtractor(b)
	bytes := 0
	for _, a := range arts {
		bytes += len(a.Text)
	}
	b.SetBytes(int64(bytes / len(arts)))
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		x.Extract(ctx, arts[i%len(arts)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkBaselineRegexpWords is the baseline for BenchmarkExtract: one
// pass of a standard-library regular expression that only splits the same
// articles into words. The ratio of the two rates says what the whole
// extraction costs over merely reading the words.
func BenchmarkBaselineRegexpWords(b *testing.B) {
	arts := devArticles(b)
	re := regexp.MustCompile(`[\p{L}\p{N}]+`)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		_ = re.FindAllStringIndex(arts[i%len(arts)].Text, -1)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

func TestDeterministic(t *testing.T) {
	x := newExtractor(t)
	for _, a := range devArticles(t) {
		first, _ := json.Marshal(extractOf(t, x, a))
		for k := 0; k < 3; k++ {
			again, _ := json.Marshal(extractOf(t, x, a))
			if string(again) != string(first) {
				t.Fatalf("Extract(%s) differs between runs", a.Ref)
			}
		}
	}
}

func TestOffsets(t *testing.T) {
	x := newExtractor(t)
	for _, a := range devArticles(t) {
		checkInvariants(t, a, extractOf(t, x, a))
	}
}

func checkInvariants(t *testing.T, a schema.Article, ex schema.Extraction) {
	t.Helper()
	text := ex.Article.Text
	if !utf8.ValidString(text) {
		t.Errorf("%s: extraction text is not valid UTF-8", a.Ref)
	}
	inText := func(s, e int) bool {
		return 0 <= s && s <= e && e <= len(text) && (s == len(text) || utf8.RuneStart(text[s])) && (e == len(text) || utf8.RuneStart(text[e]))
	}
	ids := map[string]bool{}
	for _, e := range ex.Entities {
		if ids[e.ID] {
			t.Errorf("%s: entity %q twice", a.Ref, e.Name)
		}
		ids[e.ID] = true
		if !e.Type.Valid() {
			t.Errorf("%s: entity %q has type %q", a.Ref, e.Name, e.Type)
		}
		for _, m := range e.Mentions {
			if !inText(m.Start, m.End) {
				t.Errorf("%s: mention %v of %q out of text or off rune boundary", a.Ref, m, e.Name)
			}
		}
	}
	for _, r := range ex.Relations {
		if !ids[r.Subject] || !ids[r.Object] {
			t.Errorf("%s: relation %s refers to a missing entity", a.Ref, r.Type)
		}
		if !inText(r.Start, r.End) || r.Evidence == "" {
			t.Errorf("%s: relation %s evidence [%d,%d) invalid", a.Ref, r.Type, r.Start, r.End)
		}
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Errorf("%s: confidence %v", a.Ref, r.Confidence)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, a := range devArticles(f)[:5] {
		f.Add(a.Text[:min(len(a.Text), 600)])
	}
	f.Add("WASHINGTON, February 2. /TASS/. ")
	f.Add("x'})-[:R]->() DETACH DELETE n // met a`b in \"Geneva\".")
	f.Add("\xff\xfe President \u00e9\u0301 Smith, a , , said")
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		a := schema.Article{Ref: "fuzz", Text: text, Published: "2024-01-02"}
		ex := extractOf(t, x, a)
		checkInvariants(t, a, ex)
		if again := extractOf(t, x, a); !reflect.DeepEqual(ex, again) {
			t.Fatalf("Extract not deterministic for %q", text)
		}
	})
}
