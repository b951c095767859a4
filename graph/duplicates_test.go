package graph_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/dedup"
	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/schema"
)

// storyTexts are made-up wire stories, each long enough to be compared
// for near copies (dedup's MinShingles), the first sentence naming two
// entities for fakeExtract.
var storyTexts = []string{
	"Person1 met Country2 at the lakeside palace to discuss grain corridor fees. Officials said the talks covered tariffs, " +
		"inspections and insurance rates for cargo ships. Negotiators plan another round before the harvest ends. " +
		"Observers from neighbouring states attended the opening ceremony in the old town hall.",
	"Person4 warned Country3 that fishing boats would be escorted by navy patrols from next month. The coast guard reported " +
		"twelve incidents near the disputed reef since spring, two of them involving water cannon. A spokesman for the " +
		"fisheries ministry called the escort plan reckless and demanded a hotline between the two fleets.",
	"Person6 visited Country1 to sign a loan for a railway linking the copper mines with the southern port. The deal, worth " +
		"four billion over ten years, gives the lender control of the line until the debt is repaid. Unions staged a rally " +
		"outside parliament, saying the contract hands strategic assets to foreign creditors.",
	"Person2 accused Country4 of hiding the true number of migrants held in camps along the mountain border. Aid groups " +
		"have not been allowed to visit the sites for three months, and reporters were turned back at a checkpoint on Tuesday. " +
		"The interior ministry rejected the claim as baseless and promised figures within weeks.",
}

// story returns story i under a dateline.
func story(dateline string, i int) string { return dateline + " " + storyTexts[i] }

// stories is a Source of articles by ref and text, in order.
type stories [][2]string

func (s stories) Read(ctx context.Context, yield func(schema.Article) error) error {
	for _, a := range s {
		if err := yield(schema.Article{Ref: a[0], Text: a[1]}); err != nil {
			return err
		}
	}
	return nil
}

// copyCorpus has three originals, an exact repost of the first (another
// dateline and layout), a rewrite of the second (a
// few words changed) and an unrelated article.
func copyCorpus() stories {
	a, b, c := story("NORTHTOWN, May 3 (Wire) -", 0), story("EASTVILLE, May 4 (Wire) -", 1), story("WESTPORT, May 5 (Wire) -", 2)
	rewrite := strings.Replace(b, " A spokesman for the fisheries ministry", " A spokeswoman for the fisheries ministry", 1)
	rewrite = strings.Replace(rewrite, "twelve incidents", "a dozen incidents", 1)
	return stories{
		{"a", a}, {"b", b}, {"c", c},
		{"a-repost", strings.Replace(strings.Replace(a, "NORTHTOWN, May 3 (Wire) -", "NORTHTOWN (Other Agency) -", 1), ". ", ".\n\n", -1)},
		{"b-rewrite", strings.Replace(rewrite, "EASTVILLE, May 4 (Wire) -", "EASTVILLE, May 5 -", 1)},
		{"d", story("SOUTHBAY, May 6 (Wire) -", 3)},
	}
}

// byRef returns the loaded extractions of sk by article ref.
func byRef(sk *sink) map[string]schema.Extraction {
	out := make(map[string]schema.Extraction)
	for _, b := range sk.batches {
		for _, x := range b {
			out[x.Article.Ref] = x
		}
	}
	return out
}

// TestBuildFindsCopies builds a corpus with an exact and a near copy: the
// copies are loaded with what they copy, their relations that the
// original states count there (Supports), and the summary counts them;
// whatever the number of workers.
func TestBuildFindsCopies(t *testing.T) {
	for _, workers := range []int{1, 4} {
		var sk sink
		b := graph.Builder{Extract: fakeExtract, Sink: &sk, Workers: workers, BatchSize: 2, Dedup: dedup.New()}
		sum, err := b.Build(context.Background(), copyCorpus())
		if err != nil {
			t.Fatal(err)
		}
		if sum.Loaded != 6 || sum.Duplicates != 2 || sum.ExactDuplicates != 1 || sum.Supports != 2 || sum.Relations != 4 {
			t.Errorf("%d workers: loaded %d, copies %d (exact %d), supports %d, relations %d; want 6, 2 (1), 2, 4",
				workers, sum.Loaded, sum.Duplicates, sum.ExactDuplicates, sum.Supports, sum.Relations)
		}
		got := byRef(&sk)
		for copy, orig := range map[string]string{"a-repost": "a", "b-rewrite": "b"} {
			x, o := got[copy], got[orig]
			if x.Article.DuplicateOf != o.Article.ID || x.Article.Fingerprint == "" {
				t.Errorf("%s: duplicate of %q, fingerprint %d bytes; want %s (%s)", copy, x.Article.DuplicateOf, len(x.Article.Fingerprint), o.Article.ID, orig)
			}
			if len(x.Relations) != 0 || len(x.Supports) != 1 || x.Supports[0].Key != o.Relations[0].Key || x.Supports[0].Type != schema.Meets {
				t.Errorf("%s: relations %v, supports %v; want none, and the original's MEETS %s", copy, x.Relations, x.Supports, o.Relations[0].Key)
			}
		}
		if k := got["a-repost"].Article.Duplicate; k != "exact" || got["b-rewrite"].Article.Duplicate != "near" {
			t.Errorf("kinds: %q, %q; want exact, near", k, got["b-rewrite"].Article.Duplicate)
		}
		for _, ref := range []string{"a", "b", "c", "d"} {
			if x := got[ref]; x.Article.DuplicateOf != "" || len(x.Supports) != 0 {
				t.Errorf("%s: an original loaded as a copy of %s", ref, x.Article.DuplicateOf)
			}
		}
	}
}

// TestBuildCopyWaitsForOriginal checks that with several writers a batch
// holding a copy is loaded after the batch holding its original, which
// the store needs to count the copy there.
func TestBuildCopyWaitsForOriginal(t *testing.T) {
	var mu sync.Mutex
	var order []string
	sk := &sink{load: func(ctx context.Context, batch []schema.Extraction) error {
		if batch[0].Article.Ref == "a" {
			time.Sleep(100 * time.Millisecond) // the original's batch is slow
		}
		mu.Lock()
		defer mu.Unlock()
		for _, x := range batch {
			order = append(order, x.Article.Ref)
		}
		return nil
	}}
	b := graph.Builder{Extract: fakeExtract, Sink: sk, Workers: 2, Writers: 3, BatchSize: 1, Dedup: dedup.New()}
	if _, err := b.Build(context.Background(), copyCorpus()); err != nil {
		t.Fatal(err)
	}
	if slices.Index(order, "a-repost") < slices.Index(order, "a") {
		t.Errorf("loaded in the order %v: the copy before its original", order)
	}
}

// TestBuildRestoresCopies loads originals in one build and copies in a
// later one into the graph file: the second build finds the copies
// through the fingerprints the file holds, and merges their relations into
// those the file holds; the file written lists the copies on the
// relations, and reading it back keeps them.
func TestBuildRestoresCopies(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.json")
	corpus := copyCorpus()
	load := func(src stories) graph.Summary {
		t.Helper()
		fs, err := filestore.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		b := graph.Builder{Extract: fakeExtract, Sink: fs, Dedup: dedup.New()}
		sum, err := b.Build(ctx, src)
		if err != nil {
			t.Fatal(err)
		}
		if err := fs.Close(); err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := load(corpus[:3]); sum.Duplicates != 0 {
		t.Fatalf("originals: %d copies", sum.Duplicates)
	}
	if sum := load(corpus[3:]); sum.Duplicates != 2 || sum.Supports != 2 {
		t.Errorf("copies after their originals: %d copies, %d supports; want 2, 2", sum.Duplicates, sum.Supports)
	}
	g, err := filestore.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]string)
	for _, a := range g.Articles {
		ids[a.Ref] = a.ID
	}
	supported := 0
	for _, r := range g.Relations {
		if r.Article == ids["a-repost"] || r.Article == ids["b-rewrite"] {
			t.Errorf("relation %s of a copy kept as its own", r.Key)
		}
		if len(r.Copies) > 0 {
			supported++
			if r.Support != 2 || (r.Copies[0] != ids["a-repost"] && r.Copies[0] != ids["b-rewrite"]) {
				t.Errorf("relation %s: support %d, copies %v", r.Key, r.Support, r.Copies)
			}
		}
	}
	if supported != 2 || g.Summary().Duplicates != 2 {
		t.Errorf("%d relations supported by copies, %d copies in the file; want 2, 2", supported, g.Summary().Duplicates)
	}

	// Loaded again, the file's copies are kept.
	if sum := load(corpus); sum.Skipped != 0 && sum.Loaded != 0 {
		t.Errorf("loading again: %+v", sum)
	}
	g2, err := filestore.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if g2.Summary().Duplicates != 2 || !slices.EqualFunc(g.Relations, g2.Relations, func(a, b schema.Relation) bool {
		return a.Key == b.Key && slices.Equal(a.Copies, b.Copies) && a.Support == b.Support
	}) {
		t.Errorf("loading again changed the copies and supports")
	}
}
