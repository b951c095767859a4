// Package dedup finds duplicate articles in a stream of articles: exact
// copies (the same text once white space and the dateline are set aside)
// and near copies (rewrites of one wire story that share most of its
// sentences), so that one story is counted once however many times it was
// published.
//
// Near copies are found by MinHash over word shingles with LSH banding:
// each article is reduced to a fixed-size signature (Fingerprint), and the
// earlier articles it may copy are those that share a band of the
// signature with it, found by a map look-up. Finding candidates is
// therefore an index look-up, not a comparison with every earlier
// article, and the work of adding an article is bounded whatever the size
// of the corpus (at most 256 candidates, see maxBucket). A candidate is
// confirmed by the Jaccard similarity of the two
// articles' shingle sets, estimated from their signatures, against
// Threshold.
//
// What is a duplicate, precisely:
//
//   - Exact: the body (the text after the dateline that extract.BodyStart
//     finds, with every run of white space made one space and the ends
//     trimmed) is byte for byte the body of an earlier article. Case,
//     punctuation and wording count; the dateline and the layout do not.
//   - Near: the Jaccard similarity of the two articles' sets of word
//     3-shingles (three consecutive words of one sentence, lower-cased,
//     punctuation dropped, not all three function words such as "said on
//     the") is at least Threshold, as estimated from 128-value MinHash
//     signatures. Sentences may be reordered without
//     changing the set; a dropped, added or reworded sentence and a
//     substituted word lower the similarity.
//   - Not a duplicate: an article with fewer than MinShingles shingles
//     and no exact copy (too short to tell a copy from a common phrase);
//     and a short article contained in a much longer one (a news brief and
//     the full report it was cut from): their similarity is about the
//     ratio of their lengths, and a brief that says less than half of the
//     report is its own article, its relations counted as its own. Such a
//     pair is a near copy when the short one has at least Threshold (half)
//     as many shingles as the long one, as any near copy.
//
// The first article of a story wins: a later copy is reported as a copy
// of the first article that it, or the earlier copy it resembles most, was
// found to copy.
package dedup

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract"
)

// Parameters of the near-duplicate test. With 32 bands of 4 rows, two
// articles become candidates with probability 1-(1-J^4)^32 for Jaccard
// similarity J: 0.87 at J=0.5, 0.988 at J=0.6, 0.9995 at J=0.7, 0.0032 at
// J=0.1. So a copy at the threshold is found 87 times in 100, one with a
// similarity of 0.6 or more 99 times in 100; the estimate of a
// similarity from 128 values has a standard error of 0.044 at 0.5.
const (
	// Threshold is the least estimated Jaccard similarity of the shingle
	// sets of two articles that makes the later a near copy of the
	// earlier.
	Threshold = 0.5
	// MinShingles is the least number of distinct shingles an article
	// needs to be tested for near copies.
	MinShingles = 8

	shingleWords = 3
	numHashes    = 128
	bands        = 32
	rows         = numHashes / bands
	// maxBucket bounds how many articles one band bucket lists. A bucket
	// that fills up holds a band shared by many unrelated articles
	// (boilerplate, a template); later articles are not added to it, so
	// that the candidates of an article stay bounded by bands*maxBucket
	// whatever the corpus. The earliest articles stay listed, as the
	// first article of a story is the one reported.
	maxBucket = 8
)

// Kind says how an article duplicates an earlier one.
type Kind uint8

// Kinds of duplicates.
const (
	Exact Kind = iota + 1 // the same body after white space and dateline normalisation
	Near                  // a near copy: shingle similarity at least Threshold
)

// String returns "exact" or "near".
func (k Kind) String() string {
	switch k {
	case Exact:
		return "exact"
	case Near:
		return "near"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Match says which earlier article an article duplicates.
type Match struct {
	// Of is the ID of the first article of the story: the earliest
	// article that is not itself a duplicate.
	Of string
	// Nearest is the ID of the earlier article found most similar: Of,
	// or a duplicate of Of.
	Nearest string
	Kind    Kind
	// Similarity is the estimated Jaccard similarity of the shingle sets
	// of the article and Nearest; 1 for an exact copy.
	Similarity float64
}

// Fingerprint is what the Index keeps of an article: a hash of its
// normalised body, the number of its distinct shingles and its MinHash
// signature (none for an article with fewer than MinShingles shingles):
// about 300 bytes, whatever the length of the article. The zero value is
// the fingerprint of an empty article.
type Fingerprint struct {
	body     [16]byte
	shingles int
	sig      []uint16
}

// Shingles returns the number of distinct shingles of the article.
func (f Fingerprint) Shingles() int { return f.shingles }

// Sketch returns the fingerprint of an article's text. It is a pure
// function of text, safe for concurrent use: a pipeline computes
// fingerprints in its parallel workers and adds them to the Index in input
// order.
func Sketch(text string) Fingerprint {
	body := text[extract.BodyStart(text):]
	var f Fingerprint
	h := sha256.Sum256([]byte(strings.Join(strings.Fields(body), " ")))
	copy(f.body[:], h[:16])
	sh := shingles(body)
	f.shingles = len(sh)
	if len(sh) >= MinShingles {
		f.sig = minhash(sh)
	}
	return f
}

// shingles returns the sorted distinct hashes of the word 3-shingles of
// each sentence of body, but those of three function words; a sentence
// of one or two words is one shingle.
func shingles(body string) []uint64 {
	out := make([]uint64, 0, len(body)/6)
	sent := make([]uint64, 0, 64) // word hashes of the sentence so far
	stop := make([]bool, 0, 64)   // whether each is a function word
	flush := func() {
		if len(sent) > 0 && len(sent) < shingleWords {
			out = append(out, shingleHash(sent, uint64(len(sent))))
		}
		sent = sent[:0]
		stop = stop[:0]
	}
	for i := 0; i < len(body); {
		if _, w, ok := wordRune(body, i); !ok {
			i += w
			continue
		}
		// A word: letters, digits and marks, lower-cased, hashed with
		// FNV-1a over the bytes of its runes.
		wh := uint64(14695981039346656037)
		runes := 0
		for i < len(body) {
			r, w, ok := wordRune(body, i)
			if !ok && !(r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r)) {
				break
			}
			for r > 0 {
				wh ^= uint64(r & 0xff)
				wh *= 1099511628211
				r >>= 8
			}
			runes++
			i += w
		}
		sent = append(sent, wh)
		stop = append(stop, functionWords[wh])
		if n := len(sent); n >= shingleWords && !(stop[n-1] && stop[n-2] && stop[n-3]) {
			out = append(out, shingleHash(sent[n-shingleWords:], 0))
		}
		// A sentence ends at a word of two or more letters followed,
		// before the next space, by '.', '!' or '?' ("said.", "so?\"").
		// A single letter before a dot is an initial ("J. Smith").
		end := false
		for i < len(body) {
			r, w, ok := wordRune(body, i)
			if ok || unicode.IsSpace(r) {
				break
			}
			if r == '.' || r == '!' || r == '?' {
				end = runes > 1
			}
			i += w
		}
		if end {
			flush()
		}
	}
	flush()
	slices.Sort(out)
	return slices.Compact(out)
}

// wordRune decodes the rune at s[i] and says whether it is a letter or a
// digit, lower-cased when it is; ASCII takes a short path.
func wordRune(s string, i int) (r rune, size int, ok bool) {
	if c := s[i]; c < utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			return rune(c), 1, true
		case 'A' <= c && c <= 'Z':
			return rune(c + 'a' - 'A'), 1, true
		}
		return rune(c), 1, false
	}
	r, size = utf8.DecodeRuneInString(s[i:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r), size, true
	}
	return r, size, false
}

// functionWords holds the FNV-1a hashes of English function words (and
// "said"): a shingle of three of them ("said on the", "it was a") is
// common to unrelated articles and says nothing of their story.
var functionWords = func() map[uint64]bool {
	m := make(map[uint64]bool)
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for from with about as into
		over after before since until than that this these those there here it its is are was were be been
		being has have had do does did will would shall should can could may might must not no he she they
		we you i his her their our your him them us who whom which what when where while also said says
		told would up out more most other some such only just so very all any each both`) {
		h := uint64(14695981039346656037)
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= 1099511628211
		}
		m[h] = true
	}
	return m
}()

// shingleHash combines word hashes in order; short says how many words a
// short sentence had (0 for a full shingle), so that a two-word sentence
// is not the hash of a three-word shingle.
func shingleHash(words []uint64, short uint64) uint64 {
	h := mix64(short + 0x9e3779b97f4a7c15)
	for _, w := range words {
		h = mix64(h ^ w)
	}
	return h
}

// mix64 is the splitmix64 finaliser: a bijection that spreads every input
// bit over the output.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashA and hashB are the coefficients of the numHashes hash functions
// h_i(x) = high 32 bits of (a_i*x + b_i), a_i odd: fixed, so that
// signatures are the same on every machine and in every run.
var hashA, hashB = func() (a, b [numHashes]uint64) {
	s := uint64(0x6b67646564757031) // any fixed seed
	for i := range a {
		s += 0x9e3779b97f4a7c15
		a[i] = mix64(s) | 1
		s += 0x9e3779b97f4a7c15
		b[i] = mix64(s)
	}
	return a, b
}()

// minhash returns the MinHash signature of a set of shingle hashes: for
// each hash function, the low 16 bits of the least value it takes on the
// set (b-bit minwise hashing: two signatures agree at a position with
// probability J + (1-J)/65536 for Jaccard similarity J, and take a quarter
// of the memory of 64-bit minima).
func minhash(sh []uint64) []uint16 {
	var mins [numHashes]uint32
	for i := range mins {
		mins[i] = ^uint32(0)
	}
	for _, x := range sh {
		for i := range numHashes {
			mins[i] = min(mins[i], uint32((hashA[i]*x+hashB[i])>>32))
		}
	}
	sig := make([]uint16, numHashes)
	for i, v := range mins {
		sig[i] = uint16(v)
	}
	return sig
}

// bandKey is the index key of band b of sig.
func bandKey(sig []uint16, b int) uint64 {
	var k uint64
	for _, v := range sig[b*rows : (b+1)*rows] {
		k = k<<16 | uint64(v)
	}
	return mix64(k ^ mix64(uint64(b)+1))
}

// Index remembers the articles added to it and says of each new one
// whether it duplicates an earlier one. It keeps a Fingerprint and a few
// words of bookkeeping per article (about 1.5 KB with the band index),
// never the text.
//
// An Index is safe for concurrent use, but what it answers depends on the
// order of the calls: the first article of a story is the first added.
// For a deterministic result, add articles from one goroutine in input
// order (Sketch may run in parallel before). Use New; the zero value is not
// usable.
type Index struct {
	mu      sync.Mutex
	byID    map[string]int32   // article ID -> entry
	byBody  map[[16]byte]int32 // body hash -> first entry with that body
	entries []entry
	sigs    []uint16 // numHashes values per signed entry
	signed  []int32  // entry of each signature
	buckets map[uint64]bucket
	next    []int32 // next slot in a bucket's chain; slot = sig*bands + band
	cands   []int32 // scratch: the candidates of one probe

	// Work counters, for measurements: candidates found by band look-ups
	// (distinct per article), and those compared in full.
	candidates, compared int
}

type entry struct {
	id      string
	root    int32 // first article of the story (itself when original)
	nearest int32 // for a duplicate: the earlier article found most similar
	sim     float32
	kind    Kind // 0 for an original
}

type bucket struct {
	head int32 // latest slot added
	n    int32 // slots in the chain from head
}

// New returns an empty Index.
func New() *Index {
	return &Index{
		byID:    make(map[string]int32),
		byBody:  make(map[[16]byte]int32),
		buckets: make(map[uint64]bucket),
	}
}

// Len returns the number of articles added.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.entries)
}

// Add adds the article id with text and reports whether it duplicates an
// article added before, and which. Adding an ID again adds nothing and
// returns what the first Add of that ID returned.
func (x *Index) Add(id, text string) (Match, bool) {
	return x.AddFingerprint(id, Sketch(text))
}

// AddFingerprint is Add with the article's fingerprint computed already.
func (x *Index) AddFingerprint(id string, f Fingerprint) (Match, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if i, ok := x.byID[id]; ok {
		return x.match(i)
	}
	i := int32(len(x.entries))
	e := entry{id: id, root: i, nearest: -1}
	if j, ok := x.byBody[f.body]; ok {
		e.root, e.nearest, e.sim, e.kind = x.entries[j].root, j, 1, Exact
		x.entries = append(x.entries, e)
		x.byID[id] = i
		return x.match(i)
	}
	x.byBody[f.body] = i
	if len(f.sig) == numHashes {
		if j, sim := x.probe(i, f.sig); j >= 0 && sim >= Threshold {
			e.root, e.nearest, e.sim, e.kind = x.entries[j].root, j, float32(sim), Near
		}
	}
	x.entries = append(x.entries, e)
	x.byID[id] = i
	return x.match(i)
}

// match returns the Match recorded for entry i.
func (x *Index) match(i int32) (Match, bool) {
	e := x.entries[i]
	if e.kind == 0 {
		return Match{}, false
	}
	return Match{
		Of: x.entries[e.root].id, Nearest: x.entries[e.nearest].id,
		Kind: e.kind, Similarity: float64(e.sim),
	}, true
}

// probe adds entry i's signature to the band index and returns the
// earlier entry most similar to it among the candidates (the earliest on
// ties) and the similarity, -1 when there is no candidate.
func (x *Index) probe(i int32, sig []uint16) (int32, float64) {
	// Each band: its bucket's articles are candidates, and the article
	// joins the bucket (while the map's entry is in the cache).
	s := int32(len(x.signed))
	cands := x.cands[:0]
	for b := range bands {
		k := bandKey(sig, b)
		bk, ok := x.buckets[k]
		slot := bk.head
		for range bk.n {
			cands = append(cands, slot/bands)
			slot = x.next[slot]
		}
		if !ok {
			bk.head = -1
		}
		if bk.n >= maxBucket {
			x.next = append(x.next, -1) // keeps slots aligned; never linked
			continue
		}
		x.next = append(x.next, bk.head)
		bk.head, bk.n = s*bands+int32(b), bk.n+1
		x.buckets[k] = bk
	}
	x.signed = append(x.signed, i)
	x.sigs = append(x.sigs, sig...)

	slices.Sort(cands)
	cands = slices.Compact(cands)
	x.cands = cands
	x.candidates += len(cands)
	best, bestSim := int32(-1), -1.0
	for _, c := range cands {
		other := x.sigs[int(c)*numHashes : int(c+1)*numHashes]
		// Most candidates share one band by chance and little else: a
		// quarter of the signature tells them apart. A pair with
		// similarity 0.5 agrees at fewer than 6 of 32 positions with
		// probability 3e-5.
		if agree(sig[:numHashes/4], other[:numHashes/4]) < 6 {
			continue
		}
		x.compared++
		sim := float64(agree(sig, other)) / numHashes
		if e := x.signed[c]; sim > bestSim || sim == bestSim && e < best {
			best, bestSim = e, sim
		}
	}
	return best, bestSim
}

// agree counts the positions where two signatures agree.
func agree(a, b []uint16) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

// fingerprintVersion is the first byte of an encoded Fingerprint.
const fingerprintVersion = 1

// MarshalBinary encodes f in at most 277 bytes, for a store that keeps
// the fingerprints of the articles it holds, so that a later load finds
// copies of them without their texts.
func (f Fingerprint) MarshalBinary() ([]byte, error) {
	out := make([]byte, 0, 1+16+4+2*len(f.sig))
	out = append(out, fingerprintVersion)
	out = append(out, f.body[:]...)
	out = binary.LittleEndian.AppendUint32(out, uint32(f.shingles))
	for _, v := range f.sig {
		out = binary.LittleEndian.AppendUint16(out, v)
	}
	return out, nil
}

// ErrFingerprint is returned by UnmarshalBinary for data that is not an
// encoded Fingerprint.
var ErrFingerprint = errors.New("not an encoded fingerprint")

// UnmarshalBinary decodes what MarshalBinary encoded.
func (f *Fingerprint) UnmarshalBinary(data []byte) error {
	const head = 1 + 16 + 4
	if len(data) < head || data[0] != fingerprintVersion {
		return fmt.Errorf("%w: %d bytes, version %d", ErrFingerprint, len(data), firstByte(data))
	}
	n := binary.LittleEndian.Uint32(data[17:])
	rest := data[head:]
	switch {
	case len(rest) == 0 && n < MinShingles:
	case len(rest) == 2*numHashes && n >= MinShingles:
	default:
		return fmt.Errorf("%w: %d shingles with a %d-byte signature", ErrFingerprint, n, len(rest))
	}
	var g Fingerprint
	copy(g.body[:], data[1:17])
	g.shingles = int(n)
	if len(rest) > 0 {
		g.sig = make([]uint16, numHashes)
		for i := range g.sig {
			g.sig[i] = binary.LittleEndian.Uint16(rest[2*i:])
		}
	}
	*f = g
	return nil
}

func firstByte(b []byte) int {
	if len(b) == 0 {
		return -1
	}
	return int(b[0])
}
