package dedup

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// A made-up wire story, its reposts and its rewrites.
const (
	story1 = `The foreign ministers of Marovia and Keltenland met in Ostrava on Tuesday to discuss the disputed fishing grounds, officials said. Marovian Foreign Minister Ilse Dornbach said the talks had been "difficult but useful" and that both sides would meet again next month. Keltenland's Teodor Varga accused Marovia of sending armed patrol boats into the area in breach of a 2019 agreement. Dornbach rejected the charge and said the patrols were routine. The Baltic Fisheries Council urged both governments to refrain from steps that could raise tensions. About 300 fishermen protested outside the ministry in Ostrava, police said. Analysts said a settlement was unlikely before elections in Keltenland next spring.`

	// story1 rewritten by another desk: sentences reordered, one dropped,
	// one added, a few words changed.
	story1Rewrite = `Marovian Foreign Minister Ilse Dornbach said the talks had been "difficult but useful" and that both sides would meet again next month. The foreign ministers of Marovia and Keltenland met in Ostrava on Tuesday to discuss the disputed fishing grounds, officials stated. Keltenland's Teodor Varga accused Marovia of sending armed patrol boats into the area in breach of a 2019 agreement. Dornbach dismissed the charge and said the patrols were routine. About 300 fishermen protested outside the ministry in Ostrava, police said. The dispute has simmered since the two countries redrew their maritime border. Analysts said a settlement was unlikely before elections in Keltenland next spring.`

	// Another article on the same meeting, written independently.
	story1Other = `Keltenland and Marovia failed to settle their quarrel over fishing grounds at talks in Ostrava on Tuesday. "We heard nothing new," Teodor Varga told reporters after three hours with his Marovian counterpart Ilse Dornbach. Marovia says its patrol boats have every right to be in the area, which both countries claim. The Baltic Fisheries Council has offered to mediate. Fishermen from both sides say catches have halved since the dispute began, and several hundred of them rallied in the city centre. A second round is planned for next month.`

	// A brief cut from story1: two of its sentences.
	story1Brief = `The foreign ministers of Marovia and Keltenland met in Ostrava on Tuesday to discuss the disputed fishing grounds, officials said. Keltenland's Teodor Varga accused Marovia of sending armed patrol boats into the area in breach of a 2019 agreement.`
)

func TestAddExactCopies(t *testing.T) {
	tests := []struct {
		name, first, copy string
	}{
		{"dateline formats", "OSTRAVA, March 3 (Reuters) - " + story1, "OSTRAVA, March 3. /TASS/. " + story1},
		{"dateline and none", "OSTRAVA, March 3, 2024 (AFP) — " + story1, story1},
		{"none and dateline", story1, "OSTRAVA (AP) — " + story1},
		{"layout", story1, strings.ReplaceAll(story1, ". ", ".\n\n   ") + "\n"},
		{"short text", "OSTRAVA, March 3 (Reuters) - Talks ended.", "OSTRAVA, March 4 (AFP) - Talks  ended."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := New()
			if m, ok := x.Add("first", tt.first); ok {
				t.Fatalf("Add(first) = %+v, want no match in an empty index", m)
			}
			m, ok := x.Add("copy", tt.copy)
			want := Match{Of: "first", Nearest: "first", Kind: Exact, Similarity: 1}
			if !ok || m != want {
				t.Errorf("Add(copy) = %+v, %v, want %+v", m, ok, want)
			}
		})
	}
}

func TestAddNearCopies(t *testing.T) {
	x := New()
	x.Add("a", "OSTRAVA, March 3 (Reuters) - "+story1)
	m, ok := x.Add("b", "OSTRAVA, March 3. /TASS/. "+story1Rewrite)
	if !ok || m.Of != "a" || m.Kind != Near || m.Similarity < Threshold {
		t.Fatalf("Add(rewrite) = %+v, %v, want a near copy of a", m, ok)
	}
	t.Logf("rewrite: estimated similarity %.2f, Jaccard %.2f", m.Similarity, jaccard(shingles(story1), shingles(story1Rewrite)))
	// One word changed is a near copy, not an exact one.
	m, ok = x.Add("one-word", strings.Replace(story1, "difficult", "hard", 1))
	if !ok || m.Kind != Near || m.Of != "a" || m.Similarity < 0.9 {
		t.Errorf("Add(one word changed) = %+v, %v, want a near copy of a, similarity >= 0.9", m, ok)
	}
	// A copy of the copy is a copy of the first article of the story.
	m, ok = x.Add("c", story1Rewrite+" The talks will resume next month.")
	if !ok || m.Of != "a" || m.Nearest != "b" {
		t.Errorf("Add(copy of copy) = %+v, %v, want a copy of a, nearest b", m, ok)
	}
}

func TestAddNotCopies(t *testing.T) {
	tests := []struct {
		name   string
		texts  []string
		reason string
	}{
		{"same story, other words", []string{story1, story1Other}, "independent reports of one event share names, not sentences"},
		{"brief after report", []string{story1, story1Brief}, "a brief holding a third of a report is its own article"},
		{"report after brief", []string{story1Brief, story1}, "a report is more than the brief it contains"},
		{"too short", []string{"Talks ended on Tuesday.", "Talks ended on Tuesday night."}, "too short for a near copy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := New()
			for i, text := range tt.texts {
				if m, ok := x.Add(fmt.Sprint(i), text); ok {
					t.Errorf("Add(%d) = %+v, want no copy: %s (Jaccard %.2f)", i, m, tt.reason,
						jaccard(shingles(tt.texts[0]), shingles(text)))
				}
			}
		})
	}
}

func TestAddEmptyTexts(t *testing.T) {
	// Two empty articles have the same (empty) body: the second is an
	// exact copy, as two reposts of a headline-only item would be.
	x := New()
	x.Add("a", "")
	if m, ok := x.Add("b", " \n "); !ok || m.Kind != Exact {
		t.Errorf("Add(blank) = %+v, %v, want an exact copy of the empty article", m, ok)
	}
}

func TestAddSameIDAgain(t *testing.T) {
	x := New()
	x.Add("a", story1)
	first, ok1 := x.Add("b", story1Rewrite)
	again, ok2 := x.Add("b", "anything else entirely")
	if first != again || ok1 != ok2 || x.Len() != 2 {
		t.Errorf("Add(b) again = %+v, %v (Len %d), want %+v, %v (Len 2)", again, ok2, x.Len(), first, ok1)
	}
	if m, ok := x.Add("a", story1Rewrite); ok {
		t.Errorf("Add(a) again = %+v, want what the first Add(a) said: no copy", m)
	}
}

func TestShinglesIgnoreSentenceOrder(t *testing.T) {
	a := shingles("Alpha beta gamma delta. Epsilon zeta eta theta! Iota kappa?")
	b := shingles("Iota kappa? Epsilon zeta eta theta! Alpha beta gamma delta.")
	if !slices.Equal(a, b) {
		t.Errorf("shingles differ with the order of sentences: %d vs %d", len(a), len(b))
	}
	// 2 + 2 shingles of three words, one of a two-word sentence.
	if len(a) != 5 {
		t.Errorf("len(shingles) = %d, want 5", len(a))
	}
	// An initial does not end a sentence; case and punctuation do not count.
	if c, d := shingles("Talks with J. Smith ended."), shingles("talks, with j smith ended"); !slices.Equal(c, d) {
		t.Errorf("shingles(%q) != shingles(%q)", "Talks with J. Smith ended.", "talks, with j smith ended")
	}
}

func TestSketchBounded(t *testing.T) {
	long := strings.Repeat(story1+" ", 200)
	for _, text := range []string{story1, long} {
		f := Sketch(text)
		b, _ := f.MarshalBinary()
		if len(f.sig) != numHashes || len(b) != 1+16+4+2*numHashes {
			t.Errorf("Sketch(%d bytes): %d signature values, %d bytes encoded; want %d, %d",
				len(text), len(f.sig), len(b), numHashes, 1+16+4+2*numHashes)
		}
	}
}

func TestFingerprintEncoding(t *testing.T) {
	for _, text := range []string{"", "Too short.", story1} {
		f := Sketch(text)
		b, err := f.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var g Fingerprint
		if err := g.UnmarshalBinary(b); err != nil {
			t.Fatalf("UnmarshalBinary(MarshalBinary(Sketch(%q))): %v", text, err)
		}
		if g.body != f.body || g.shingles != f.shingles || !slices.Equal(g.sig, f.sig) {
			t.Errorf("fingerprint of %q changed through encoding", text)
		}
	}
	good, _ := Sketch(story1).MarshalBinary()
	for _, bad := range [][]byte{nil, {2}, good[:30], append([]byte{9}, good[1:]...), good[:21]} {
		var g Fingerprint
		if err := g.UnmarshalBinary(bad); err == nil {
			t.Errorf("UnmarshalBinary(%d bytes) accepted", len(bad))
		}
	}
}

// Added from one goroutine in the same order, articles get the same
// answers; added concurrently, every article is added once.
func TestAddDeterministicAndConcurrent(t *testing.T) {
	g := generate(2000, 0.1, 7)
	run := func() []Match {
		x := New()
		out := make([]Match, len(g.arts))
		for i, a := range g.arts {
			out[i], _ = x.Add(a.id, a.text)
		}
		return out
	}
	if a, b := run(), run(); !slices.Equal(a, b) {
		t.Error("two runs over the same input gave different matches")
	}
	x := New()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(g.arts); i += 4 {
				x.Add(g.arts[i].id, g.arts[i].text)
			}
		})
	}
	wg.Wait()
	if x.Len() != len(g.arts) {
		t.Errorf("Len() = %d after concurrent adds, want %d", x.Len(), len(g.arts))
	}
}

func jaccard(a, b []uint64) float64 {
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	if u := len(a) + len(b) - inter; u > 0 {
		return float64(inter) / float64(u)
	}
	return 0
}

// Many articles that share most of their text fill band buckets; no
// bucket lists more than maxBucket articles, so that the candidates of an
// article stay bounded.
func TestBucketsBounded(t *testing.T) {
	x := New()
	for i := range 500 {
		x.Add(fmt.Sprint(i), story1+fmt.Sprintf(" The count stood at %d.", i))
	}
	for k, b := range x.buckets {
		if b.n > maxBucket {
			t.Fatalf("bucket %x lists %d articles, want at most %d", k, b.n, maxBucket)
		}
	}
	// All but the first are near copies of the first.
	if m, ok := x.Add("last", story1+" The count stood at 1000."); !ok || m.Of != "0" {
		t.Errorf("Add(last) = %+v, %v, want a copy of 0", m, ok)
	}
}

// TestCheckAndRestore checks articles through the Deduper's methods, and
// restores what a store would hold of them into a new Index: the new
// Index then finds the same copies of later articles as the first.
func TestCheckAndRestore(t *testing.T) {
	x := New()
	texts := []struct{ id, text string }{
		{"a", "OSTRAVA, March 3 (Reuters) - " + story1},
		{"b", "OSTRAVA, March 3. /TASS/. " + story1Rewrite},
		{"o", story1Other},
		{"e", "OSTRAVA (AP) — " + story1},
	}
	type held struct{ id, fp, of string }
	var store []held
	for _, a := range texts {
		fp := x.Fingerprint(a.text)
		c, ok, err := x.Check(a.id, fp)
		if err != nil {
			t.Fatal(err)
		}
		of := ""
		if ok {
			of = c.Of
		}
		store = append(store, held{a.id, fp, of})
	}
	want := []string{"", "a", "", "a"}
	for i, h := range store {
		if h.of != want[i] {
			t.Errorf("%s copies %q, want %q", h.id, h.of, want[i])
		}
	}
	if c, ok, _ := x.Check("e", store[3].fp); !ok || c.Kind != "exact" || c.Similarity != 1 {
		t.Errorf("Check(e) again = %+v, %v; want the exact copy of a", c, ok)
	}

	y := New()
	for _, h := range store {
		if err := y.Restore(h.id, h.fp, h.of); err != nil {
			t.Fatal(err)
		}
	}
	if err := y.Restore("a", store[0].fp, ""); err != nil || y.Len() != 4 {
		t.Errorf("Restore(a) again: %v, %d articles; want nothing added", err, y.Len())
	}
	later := []struct{ id, text, of, kind string }{
		{"repost", story1, "a", "exact"},
		{"copy-of-copy", story1Rewrite + " The talks will resume next month.", "a", "near"},
		{"other-again", "OSTRAVA, March 4 (AFP) - " + story1Other, "o", "exact"},
		{"brief", story1Brief, "", ""},
	}
	for _, l := range later {
		for name, ix := range map[string]*Index{"first": x, "restored": y} {
			c, ok, err := ix.Check(l.id, ix.Fingerprint(l.text))
			if err != nil || ok != (l.of != "") || c.Of != l.of || c.Kind != l.kind {
				t.Errorf("%s index: Check(%s) = %+v, %v, %v; want a %s copy of %q", name, l.id, c, ok, err, l.kind, l.of)
			}
		}
	}

	for _, bad := range []string{"", "not base64!", "AAAA"} {
		if _, _, err := x.Check("bad", bad); !errors.Is(err, ErrFingerprint) {
			t.Errorf("Check(%q) = %v, want ErrFingerprint", bad, err)
		}
		if err := y.Restore("bad", bad, ""); !errors.Is(err, ErrFingerprint) {
			t.Errorf("Restore(%q) = %v, want ErrFingerprint", bad, err)
		}
	}
	if n := len(x.Fingerprint(story1)); n > 372 {
		t.Errorf("a fingerprint takes %d characters, want at most 372", n)
	}
}
