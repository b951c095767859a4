// Package names matches the names analysts type to the names and aliases
// of entities: the one definition of a name look-up, used by every store
// (graph/filestore, graph/neo4jstore) and by the query layer.
//
// Names are compared after schema.NormalizeName (case, accents,
// punctuation and a leading "the" do not count), in tiers, the first that
// finds any winning:
//
//  1. exact: "sergei lavrov" finds "Sergei Lavrov" and "Sergeï Lavrov";
//  2. words: every word typed is a word of the name: "Lavrov" finds
//     "Sergei Lavrov";
//  3. close words: every word typed is within one edit (words of four to
//     six letters) or two (longer words) of a word of the name: "Lavrof"
//     finds "Sergei Lavrov".
//
// So an exact match is always preferred to partial or misspelt ones.
package names

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
)

// Match is how well a name matches what an analyst typed; of two matches
// the lower is the better.
type Match int

// Matches, best first.
const (
	None  Match = iota // no match
	Exact              // the normalized forms are equal
	Words              // every word typed is a word of the name
	Close              // every word typed is close to a word of the name
)

func (m Match) String() string {
	switch m {
	case Exact:
		return "exact"
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
// package comment says.
func Compare(typed, name string) Match {
	return CompareFolded(schema.NormalizeName(typed), schema.NormalizeName(name))
}

// Entity returns how typed matches the best of e's name and aliases.
func Entity(typed string, e schema.Entity) Match {
	return entity(schema.NormalizeName(typed), e)
}

func entity(want string, e schema.Entity) Match {
	m := CompareFolded(want, schema.NormalizeName(e.Name))
	for _, a := range e.Aliases {
		m = m.Or(CompareFolded(want, schema.NormalizeName(a)))
	}
	return m
}

// CompareFolded is Compare for names already normalized by
// schema.NormalizeName.
func CompareFolded(typed, name string) Match {
	if typed == "" || name == "" {
		return None
	}
	if typed == name {
		return Exact
	}
	words := strings.Fields(name)
	m := Words
	for _, w := range strings.Fields(typed) {
		if slices.Contains(words, w) {
			continue
		}
		near := false
		limit := maxEdits(w)
		for _, x := range words {
			if limit > 0 && editDistance(w, x, limit) <= limit {
				near = true
				break
			}
		}
		if !near {
			return None
		}
		m = Close
	}
	return m
}

// Best returns the candidates that typed matches in the best tier that
// matches any, sorted by Sort, and the tier. A candidate listed twice (by
// ID) is kept once. Stores call it on the entities they hold, or on those
// an index proposes, so that every store finds the same entities. A name
// that normalizes to nothing matches nothing. The candidates are not
// changed; the entities returned share their aliases.
func Best(typed string, candidates []schema.Entity) ([]schema.Entity, Match) {
	want := schema.NormalizeName(typed)
	if want == "" {
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
		m := entity(want, e)
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
