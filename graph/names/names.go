// Package names matches the names analysts type to the names and aliases
// of entities: the one definition of a name look-up, used by every store
// (graph/filestore, graph/neo4jstore) and by the query layer.
//
// Names are compared after schema.NormalizeName (case, accents,
// punctuation and a leading "the" do not count), in tiers, the first that
// finds any winning:
//
//  1. exact: "sergei lavrov" finds "Sergei Lavrov" and "Sergeï Lavrov";
//  2. variant: the name is another spelling of it (graph.VariantKey):
//     "Volodymyr Zelenskiy" finds "Volodymyr Zelensky";
//  3. words: every word typed is a word of the name, or another spelling
//     of one: "Lavrov" finds "Sergei Lavrov", "Zelenskiy" finds
//     "Volodymyr Zelensky";
//  4. close words: every word typed is a word of the name or within one
//     edit (words of four to six letters) or two (longer words) of one,
//     and at least one is only close: "Lavrof" finds "Sergei Lavrov".
//
// Two rules keep partial and close matches from crossing into other
// names. The words of a body's or a place's name that follow "of",
// "for", "and" and the like say whose or what it is, not what it is: a
// name typed must match at least one word before them ("America" is no
// partial match of "Voice of America", "Korea" none of "Bank of Korea";
// a person's name has no such words). And a word typed that is itself a
// word of some name the look-up knows (Best's known) is never taken for
// a misspelling of another word ("America" is not "American").
//
// So an exact match is always preferred to partial or misspelt ones.
package names

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Match is how well a name matches what an analyst typed; of two matches
// the lower is the better.
type Match int

// Matches, best first.
const (
	None    Match = iota // no match
	Exact                // the normalized forms are equal
	Variant              // the name is another spelling of what was typed
	Words                // every word typed is a word of the name
	Close                // every word typed is close to a word of the name
)

func (m Match) String() string {
	switch m {
	case Exact:
		return "exact"
	case Variant:
		return "variant"
	case Words:
		return "words"
	case Close:
		return "close"
	}
	return "none"
}

// Or returns the better of m and n (a match is better than none).
func (m Match) Or(n Match) Match {
	if m == None || (n != None && n < m) {
		return n
	}
	return m
}

// Compare returns how the name an analyst typed, typed, matches name:
// both are normalized with schema.NormalizeName, then compared as the
// package comment says, name being a person's (no word of it is left out
// of partial matches) and no word known.
func Compare(typed, name string) Match {
	return newQuery(typed, nil).compare(schema.NormalizeName(name), false)
}

// Entity returns how typed matches the best of e's name and aliases, no
// word being known.
func Entity(typed string, e schema.Entity) Match {
	return newQuery(typed, nil).entity(e)
}

// Known returns how typed matches the best of e's name and aliases when
// the words that known reports are never taken for misspellings (see
// Best).
func Known(typed string, e schema.Entity, known func(string) bool) Match {
	return newQuery(typed, known).entity(e)
}

// CompareFolded is Compare for names already normalized by
// schema.NormalizeName.
func CompareFolded(typed, name string) Match {
	q := query{want: typed, words: strings.Fields(typed)}
	q.variants()
	return q.compare(name, false)
}

// query is a name typed, prepared for comparisons.
type query struct {
	want    string   // normalized
	words   []string // its words
	key     string   // its graph.VariantKey
	vwords  []string // the VariantKey of each word
	known   func(string) bool
	unknown []bool // words that are not known, which may be misspelt
}

func newQuery(typed string, known func(string) bool) *query {
	want := schema.NormalizeName(typed)
	q := &query{want: want, words: strings.Fields(want), known: known}
	q.variants()
	return q
}

func (q *query) variants() {
	q.key = graph.VariantKey(q.want)
	q.vwords = make([]string, len(q.words))
	q.unknown = make([]bool, len(q.words))
	for i, w := range q.words {
		q.vwords[i] = graph.VariantKey(w)
		q.unknown[i] = q.known == nil || !q.known(w)
	}
}

// entity returns how q matches the best of e's name and aliases.
func (q *query) entity(e schema.Entity) Match {
	heads := e.Type != schema.Person
	m := q.compare(schema.NormalizeName(e.Name), heads)
	for _, a := range e.Aliases {
		m = m.Or(q.compare(schema.NormalizeName(a), heads))
	}
	return m
}

// minVariant is the length of the shortest variant key that makes a
// variant match: shorter names ("a b", "ab") are compared exactly.
const minVariant = 4

// linking are the words after which the words of a body's or a place's
// name say whose or what it is ("Voice of America", "Bank of Korea").
var linking = map[string]bool{"of": true, "for": true, "and": true, "on": true, "in": true, "at": true,
	"to": true, "de": true, "du": true, "des": true, "del": true, "della": true, "di": true, "da": true}

// compare returns how q matches name, normalized. With heads, a partial
// or close match must match a word before the first linking word.
func (q *query) compare(name string, heads bool) Match {
	if q.want == "" || name == "" {
		return None
	}
	if q.want == name {
		return Exact
	}
	if len(q.key) >= minVariant && q.key == graph.VariantKey(name) {
		return Variant
	}
	words := strings.Fields(name)
	head := len(words)
	if heads {
		for i, w := range words {
			if i > 0 && linking[w] {
				head = i
				break
			}
		}
	}
	var vwords []string // VariantKey of each word of name, when needed
	m := Words
	inHead := false
	for i, w := range q.words {
		at := slices.Index(words, w)
		if at < 0 {
			if vwords == nil {
				vwords = make([]string, len(words))
				for j, x := range words {
					vwords[j] = graph.VariantKey(x)
				}
			}
			at = slices.Index(vwords, q.vwords[i])
		}
		if at < 0 && q.unknown[i] {
			limit := maxEdits(w)
			for j, x := range words {
				if limit > 0 && editDistance(w, x, limit) <= limit {
					at = j
					m = Close
					break
				}
			}
		}
		if at < 0 {
			return None
		}
		inHead = inHead || at < head
	}
	if !inHead {
		return None
	}
	return m
}

// Best returns the candidates that typed matches in the best tier that
// matches any, sorted by Sort, and the tier. A candidate listed twice (by
// ID) is kept once. Stores call it on the entities they hold, or on those
// an index proposes, so that every store finds the same entities. A name
// that normalizes to nothing matches nothing. The candidates are not
// changed; the entities returned share their aliases.
//
// known reports whether a word (normalized) is a word of some name the
// store holds, or another name the caller knows; such a word is never
// taken for a misspelling of another (nil: no word is known). A store
// gives every word of its entities' names and aliases, so that all stores
// agree (Vocabulary builds that set).
func Best(typed string, candidates []schema.Entity, known func(string) bool) ([]schema.Entity, Match) {
	q := newQuery(typed, known)
	if q.want == "" {
		return nil, None
	}
	var out []schema.Entity
	best := None
	seen := make(map[string]bool)
	for _, e := range candidates {
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		m := q.entity(e)
		if m == None || (best != None && m > best) {
			continue
		}
		if best == None || m < best {
			best, out = m, out[:0]
		}
		out = append(out, e)
	}
	Sort(out)
	return out, best
}

// Sort sorts the entities a name matches as Best returns them: the most
// mentioned first, then by name and ID.
func Sort(es []schema.Entity) {
	slices.SortFunc(es, func(a, b schema.Entity) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
}

// maxEdits is the number of edits a word typed may be away from a word of
// a name and still match it: none for words of up to three letters, one up
// to six, two beyond.
func maxEdits(w string) int {
	switch n := utf8.RuneCountInString(w); {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	}
	return 2
}

// editDistance returns the optimal string alignment distance between a
// and b (insertions, deletions, substitutions and transpositions of
// adjacent letters, as Lucene's fuzzy queries count them), or limit+1 when
// it is more than limit.
func editDistance(a, b string, limit int) int {
	x, y := []rune(a), []rune(b)
	if d := len(x) - len(y); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], limit+1)
}

// Folded returns the forms of a name that a full-text index holds for
// finding it as Best does: the name normalized (schema.NormalizeName),
// then, when they differ from its words, the graph.VariantKey of each of
// its words and of the whole name (a word each), sorted.
func Folded(name string) []string {
	f := schema.NormalizeName(name)
	if f == "" {
		return nil
	}
	out := []string{f}
	words := strings.Fields(f)
	for _, w := range words {
		if v := graph.VariantKey(w); v != "" && v != w {
			out = append(out, v)
		}
	}
	if v := graph.VariantKey(f); v != "" && !slices.Contains(words, v) {
		out = append(out, v)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Vocabulary returns the set of the words of the Folded forms of the
// names and aliases of es: the known words of a store for Best, those of
// its full-text index.
func Vocabulary(es []schema.Entity) map[string]bool {
	m := make(map[string]bool)
	for _, e := range es {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, f := range Folded(n) {
				for _, w := range strings.Fields(f) {
					m[w] = true
				}
			}
		}
	}
	return m
}
