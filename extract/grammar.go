package extract

import (
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// grammar is the parse of one sentence, one word a token: the parser's
// analysis of each word and the dependents of every word.
type grammar struct {
	words []syntax.Word // words[w] is token from+w
	lower []string
	from  int
	// kids holds the dependents of word w at kids[kidAt[w]:kidAt[w+1]], in
	// sentence order.
	kids  []int
	kidAt []int
}

// tagAll tags every sentence of the article (one word a token) into
// d.syn, for the mention pass; a sentence longer than maxSentence is left
// untagged.
func (d *doc) tagAll() {
	d.syn = make([]syntax.Word, len(d.toks))
	words := make([]string, 0, 64)
	for _, s := range d.sents {
		if s.to-s.from > maxSentence || d.stopped() {
			continue
		}
		words = words[:0]
		for k := s.from; k < s.to; k++ {
			words = append(words, d.toks[k].text)
		}
		d.parser.Tag(words, d.syn[s.from:s.to])
	}
}

// parseAll parses every sentence into d.syn once the names are known. A
// name of several words is given to the parser as one word (its last),
// which is how a parser trained on web text reads "Chinese President Xi
// Jinping" right; its other words then hang on that one (flat for a
// person, compound for the rest).
func (d *doc) parseAll() {
	var words []string
	var first []int // word -> its first token in the sentence
	var out []syntax.Word
	for _, s := range d.sents {
		if s.to-s.from > maxSentence || d.stopped() {
			continue
		}
		words, first = words[:0], first[:0]
		for k := s.from; k < s.to; {
			end := k + 1
			if mi := d.mentionAt[k]; mi >= 0 && d.ments[mi].kind == mkName && d.ments[mi].from == k && d.ments[mi].to <= s.to {
				end = d.ments[mi].to
			}
			words = append(words, d.toks[end-1].text)
			first = append(first, k-s.from)
			k = end
		}
		out = d.parser.Parse(words, out)
		d.spread(s, out, first)
	}
}

// spread writes the parse of a sentence whose names were given as one word
// each back to its tokens.
func (d *doc) spread(s sentence, out []syntax.Word, first []int) {
	n := s.to - s.from
	last := func(w int) int { // the token that carries word w
		if w+1 < len(first) {
			return first[w+1] - 1
		}
		return n - 1
	}
	for w, a := range out {
		head := -1
		if a.Head >= 0 {
			head = last(a.Head)
		}
		t := last(w)
		d.syn[s.from+t] = syntax.Word{Lemma: a.Lemma, POS: a.POS, Head: head, Rel: a.Rel}
		rel := syntax.Compound
		if mi := d.mentionAt[s.from+t]; mi >= 0 && d.ents[d.ments[mi].ent].typ == schema.Person {
			rel = syntax.Flat
		}
		for k := first[w]; k < t; k++ {
			d.syn[s.from+k] = syntax.Word{Lemma: d.toks[s.from+k].lower, POS: syntax.PROPN, Head: t, Rel: rel}
		}
	}
}

// tok returns the token index of word w.
func (g *grammar) tok(w int) int { return g.from + w }

// load makes g the parse of sentence s from the article's parse.
func (g *grammar) load(d *doc, s sentence) {
	g.from = s.from
	g.words = d.syn[s.from:s.to]
	g.lower = g.lower[:0]
	for k := s.from; k < s.to; k++ {
		g.lower = append(g.lower, d.toks[k].lower)
	}
	n := len(g.words)
	g.kidAt = append(g.kidAt[:0], make([]int, n+1)...)
	for _, w := range g.words {
		if w.Head >= 0 {
			g.kidAt[w.Head+1]++
		}
	}
	for i := 1; i <= n; i++ {
		g.kidAt[i] += g.kidAt[i-1]
	}
	g.kids = append(g.kids[:0], make([]int, g.kidAt[n])...)
	fill := append([]int(nil), g.kidAt[:n]...)
	for i, w := range g.words {
		if w.Head >= 0 {
			g.kids[fill[w.Head]] = i
			fill[w.Head]++
		}
	}
}

// deps returns the dependents of word w in sentence order.
func (g *grammar) deps(w int) []int { return g.kids[g.kidAt[w]:g.kidAt[w+1]] }

// dep returns the first dependent of w with relation r (its base relation
// when base is true), or -1.
func (g *grammar) dep(w int, r syntax.Rel) int {
	for _, k := range g.deps(w) {
		if g.words[k].Rel == r {
			return k
		}
	}
	return -1
}

// depBase returns the first dependent of w whose base relation is r.
func (g *grammar) depBase(w int, r syntax.Rel) int {
	for _, k := range g.deps(w) {
		if g.words[k].Rel.Base() == r {
			return k
		}
	}
	return -1
}

// hasDepLemma reports whether w has a dependent with relation r (by base)
// and one of the lemmas.
func (g *grammar) hasDepLemma(w int, r syntax.Rel, lemmas ...string) bool {
	for _, k := range g.deps(w) {
		if g.words[k].Rel.Base() != r {
			continue
		}
		for _, l := range lemmas {
			if g.words[k].Lemma == l {
				return true
			}
		}
	}
	return false
}

// caseOf returns the preposition (case dependent) of w, or "". A case word
// the parser hung on a modifier before w ("from Prime Minister X", with
// "from" on "Minister") counts as w's.
func (g *grammar) caseOf(w int) string {
	for _, k := range g.deps(w) {
		if g.words[k].Rel.Base() == syntax.Case && g.words[k].POS != syntax.PART {
			return g.lower[k]
		}
	}
	for _, k := range g.deps(w) {
		if k > w {
			break
		}
		switch g.words[k].Rel {
		case syntax.Compound, syntax.NmodDesc, syntax.Amod, syntax.Flat:
			for _, m := range g.deps(k) {
				if m < k && g.words[m].Rel.Base() == syntax.Case && g.words[m].POS != syntax.PART {
					return g.lower[m]
				}
			}
		}
	}
	return ""
}

// conjuncts returns w and the words coordinated with it ("A, B and C").
func (g *grammar) conjuncts(w int, out []int) []int {
	out = append(out, w)
	for _, k := range g.deps(w) {
		if g.words[k].Rel == syntax.Conj {
			out = g.conjuncts(k, out)
		}
	}
	return out
}

// span returns the first and last word of w's subtree.
func (g *grammar) span(w int) (int, int) {
	lo, hi := w, w
	for _, k := range g.deps(w) {
		a, b := g.span(k)
		if a < lo {
			lo = a
		}
		if b > hi {
			hi = b
		}
	}
	return lo, hi
}

// indexMentionTokens maps every token to the mention it is part of (-1 for
// none).
func (d *doc) indexMentionTokens() {
	d.mentionAt = make([]int, len(d.toks))
	for i := range d.mentionAt {
		d.mentionAt[i] = -1
	}
	for mi, m := range d.ments {
		for k := m.from; k < m.to; k++ {
			d.mentionAt[k] = mi
		}
	}
}
