package extract

import (
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
	"strings"
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
		d.fixTags(s.from, s.to)
	}
}

// modals are the modal auxiliaries, after which a verb comes.
var modals = map[string]bool{"would": true, "will": true, "could": true, "should": true, "might": true, "must": true, "shall": true, "can": true}

// possessives are the possessive determiners.
var possessives = map[string]bool{"its": true, "their": true, "his": true, "her": true, "our": true, "my": true, "your": true}

// verblessClause mends a sentence tagged without a verb whose verb in -s
// was read as a plural noun after its subject ("the Andes Pact groups
// Bolivia and Peru", "the army deploys troops"): the first such word after
// a noun and before its object is the verb.
func (d *doc) verblessClause(from, to int) {
	syn, toks := d.syn, d.toks
	for k := from; k < to; k++ {
		if syn[k].POS == syntax.VERB || syn[k].POS == syntax.AUX {
			return
		}
	}
	for k := from + 1; k+1 < to; k++ {
		if syn[k].POS != syntax.NOUN || toks[k].cap || !pluralNoun(toks[k].lower) || (syn[k-1].POS != syntax.PROPN && syn[k-1].POS != syntax.NOUN) {
			continue
		}
		switch syn[k+1].POS {
		case syntax.PROPN, syntax.DET, syntax.NOUN, syntax.NUM, syntax.ADJ, syntax.PRON:
			syn[k].POS = syntax.VERB
			return
		}
	}
}

// pluralNoun reports whether a noun's form is a regular plural.
func pluralNoun(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// fixTags mends tagging slips inside a noun phrase, which the parse
// would carry to the whole clause: a participle between a number and its
// noun ("40 armoured vehicles") is an adjective, and a plural noun after a
// noun ("500,000 vaccine doses to Ghana", "war crimes charges") is no
// verb.
func (d *doc) fixTags(from, to int) {
	syn, toks := d.syn, d.toks
	d.verblessClause(from, to)
	d.fixLegalTags(from, to)
	for k := from + 1; k+1 < to; k++ {
		// "wants Argentina to scrap its tariffs": after "to", a noun
		// followed by a determiner or a possessive is a verb
		if syn[k].POS == syntax.NOUN && !toks[k].cap && toks[k-1].lower == "to" &&
			(syn[k+1].POS == syntax.DET || possessives[toks[k+1].lower]) {
			syn[k-1].POS, syn[k].POS = syntax.PART, syntax.VERB
			continue
		}
		// "would appeal to the court": after a modal, a noun is a verb
		if syn[k].POS == syntax.NOUN && !toks[k].cap && modals[toks[k-1].lower] {
			syn[k].POS = syntax.VERB
			continue
		}
		if syn[k].POS != syntax.VERB || toks[k].cap {
			continue
		}
		prev, next := syn[k-1].POS, syn[k+1].POS
		switch {
		case strings.HasSuffix(toks[k].lower, "ed") && prev == syntax.NUM && (next == syntax.NOUN || next == syntax.PROPN):
			syn[k].POS, syn[k].Lemma = syntax.ADJ, toks[k].lower
		case strings.HasSuffix(toks[k].lower, "s") && prev == syntax.NOUN && k >= from+2 && syn[k-2].POS == syntax.NUM &&
			(next == syntax.ADP || next == syntax.PUNCT):
			syn[k].POS = syntax.NOUN
		case strings.HasSuffix(toks[k].lower, "s") && !strings.HasSuffix(toks[k].lower, "ss") && prev == syntax.NOUN && pluralNoun(toks[k-1].lower):
			// "war crimes charges": a verb in -s does not agree with a
			// plural before it
			syn[k].POS = syntax.NOUN
		}
	}
}

// parseAll parses every sentence into d.syn once the names are known. A
// name of several words is given to the parser as one word (its last),
// which is how a parser trained on web text reads "Chinese President Xi
// Jinping" right; its other words then hang on that one (flat for a
// person, compound for the rest). A parenthetical between the subject and
// its verb ("X, deputy head of Y, urged ...", "X, which ..., asked ...")
// is parsed apart from the main clause and hung on the subject: the
// parser reads both far better alone.
func (d *doc) parseAll() {
	var p parseBuf
	for _, s := range d.sents {
		if s.to-s.from > maxSentence || d.stopped() {
			continue
		}
		// the dateline ("HANOI, April 2 (Reuters) -") is no part of the
		// first sentence's grammar: the body is parsed alone
		body := s
		if s.from < d.bodyStart && d.bodyStart < s.to-1 {
			body.from = d.bodyStart
		}
		// "In Moscow, Kremlin spokesman X said ...": the place set
		// before the clause is parsed apart, as the dateline is
		front := body.from
		if comma := d.frontedPlace(body); comma > 0 {
			body.from = comma + 1
		}
		open, close, ok := d.parenthetical(body)
		if !ok {
			if c := d.trailingSpeech(body); c > 0 {
				// "X will meet Y, the ministry said.": the reported
				// clause and the attribution each parsed alone
				main := d.parseSpan(&p, s, body.from, c, -1, -1)
				say := d.parseSpan(&p, s, c+1, s.to, -1, -1)
				if main >= 0 && say >= 0 {
					d.syn[main].Head, d.syn[main].Rel = say-s.from, syntax.Ccomp
					d.syn[c] = syntax.Word{Lemma: ",", POS: syntax.PUNCT, Head: say - s.from, Rel: syntax.Punct}
				}
			} else {
				d.parseSpan(&p, s, body.from, s.to, -1, -1)
			}
			d.hangFronted(s, front, body.from)
			d.hangDateline(s, front)
			continue
		}
		// the main clause without the parenthetical, then the
		// parenthetical alone; "of which X is a member" is parsed as
		// "X is a member", "of which" hung back on it
		d.parseSpan(&p, s, body.from, open, close+1, s.to)
		d.hangFronted(s, front, body.from)
		d.hangDateline(s, front)
		if prepRelative(d, open, close) {
			root := d.parseSpan(&p, s, open+3, close, -1, -1)
			if root >= 0 {
				d.syn[open+2] = syntax.Word{Lemma: d.toks[open+2].lower, POS: syntax.PRON, Head: root - s.from, Rel: syntax.Nmod}
				d.syn[open+1] = syntax.Word{Lemma: d.toks[open+1].lower, POS: syntax.ADP, Head: open + 2 - s.from, Rel: syntax.Case}
			}
			d.attachParenthetical(s, open, close, root)
			continue
		}
		// "X, the bloc's envoy, who met Y, said": an apposition and a
		// relative clause on it, each parsed alone
		if mid := relativeComma(d, open, close); mid > 0 {
			root := d.parseSpan(&p, s, open+1, mid, -1, -1)
			d.attachParenthetical(s, open, mid, root)
			rel := d.parseSpan(&p, s, mid+1, close, -1, -1)
			if root >= 0 && rel >= 0 {
				d.syn[rel].Head, d.syn[rel].Rel = root-s.from, syntax.AclRelcl
				d.syn[close] = syntax.Word{Lemma: ",", POS: syntax.PUNCT, Head: rel - s.from, Rel: syntax.Punct}
			}
			continue
		}
		root := d.parseSpan(&p, s, open+1, close, -1, -1)
		d.attachParenthetical(s, open, close, root)
	}
}

// speechForms are the forms of a speech verb that close an attribution
// at the end of a sentence (", the ministry said.").
var speechForms = map[string]bool{"said": true, "says": true, "told": true, "added": true}

// trailingSpeech returns the comma that opens an attribution closing
// sentence s (", the ministry said.", ", X told reporters on Monday."):
// after it no more than ten words, no quote, a speech verb among the
// last six; else 0.
func (d *doc) trailingSpeech(s sentence) int {
	end := s.to
	for end > s.from && d.syn[end-1].POS == syntax.PUNCT {
		end--
	}
	verb := -1
	for k := end - 1; k >= s.from && k >= end-6; k-- {
		if speechForms[d.toks[k].lower] {
			verb = k
			break
		}
	}
	if verb < 0 {
		return 0
	}
	// nothing after it but its object and time: "told reporters on
	// Monday", not "said it had refused"
	for k := verb + 1; k < end; k++ {
		switch d.syn[k].POS {
		case syntax.VERB, syntax.AUX, syntax.PRON, syntax.SCONJ:
			return 0
		}
	}
	for k := verb - 1; k > s.from+2 && k >= end-10; k-- {
		switch t := d.toks[k].text; {
		case t == ",":
			if k+1 == verb {
				return 0
			}
			return k
		case isOpenQuote(t) || t == "”" || t == "\"":
			return 0
		}
		if k != verb && (d.syn[k].POS == syntax.VERB || d.syn[k].POS == syntax.AUX) {
			return 0
		}
	}
	return 0
}

// frontedPlace returns the comma that closes a place phrase opening
// sentence s ("In Moscow,", "At the United Nations,"): a preposition and
// one name; else 0.
func (d *doc) frontedPlace(s sentence) int {
	k := s.from
	if k+3 >= s.to || d.syn[k].POS != syntax.ADP {
		return 0
	}
	switch d.toks[k].lower {
	case "in", "at", "from":
	default:
		return 0
	}
	k++
	if d.toks[k].lower == "the" {
		k++
	}
	mi := d.mentionAt[k]
	if mi < 0 || d.ments[mi].from != k || d.ments[mi].kind != mkName {
		return 0
	}
	comma := d.ments[mi].to
	if comma+1 >= s.to || d.toks[comma].text != "," {
		return 0
	}
	return comma
}

// hangFronted hangs a fronted place phrase, the words [front, from) of
// sentence s ("In Moscow ,"), on the root parsed after it: the name as
// an oblique, the preposition as its case word.
func (d *doc) hangFronted(s sentence, front, from int) {
	if from == front {
		return
	}
	root := d.parsedRoot(s, from)
	if root < 0 {
		return
	}
	comma := from - 1
	name := comma - 1
	d.syn[name].Head, d.syn[name].Rel = root-s.from, syntax.Obl
	for k := front; k < name; k++ {
		switch {
		case k == front:
			d.syn[k].Head, d.syn[k].Rel = name-s.from, syntax.Case
		case d.mentionAt[k] >= 0:
			d.syn[k].Head, d.syn[k].Rel = name-s.from, syntax.Compound
		default:
			d.syn[k].Head, d.syn[k].Rel = name-s.from, syntax.Det
		}
	}
	d.syn[comma].Head, d.syn[comma].Rel = root-s.from, syntax.Punct
}

// parsedRoot returns the root of the parse of sentence s from token from
// on (words not parsed yet, a parenthetical's, have no relation), or -1.
func (d *doc) parsedRoot(s sentence, from int) int {
	for k := from; k < s.to; k++ {
		if d.syn[k].Head < 0 && d.syn[k].Rel != 0 {
			return k
		}
	}
	return -1
}

// hangDateline hangs the words of sentence s before its body (a
// dateline) on the body's root, as loose dependents.
func (d *doc) hangDateline(s sentence, from int) {
	if from == s.from {
		return
	}
	root := d.parsedRoot(s, from)
	for k := s.from; k < from; k++ {
		d.syn[k].Head, d.syn[k].Rel = root-s.from, syntax.Dep
		if root < 0 {
			d.syn[k].Head = -1
		}
	}
}

// relativeComma returns the comma inside the parenthetical (open, close)
// that opens a relative clause after an apposition (", the envoy, who
// met ..."), or 0.
func relativeComma(d *doc, open, close int) int {
	for k := open + 2; k < close-1; k++ {
		if d.toks[k].text == "," && relativeWords[d.toks[k+1].lower] {
			return k
		}
	}
	return 0
}

// parseBuf holds the buffers of parseSpan.
type parseBuf struct {
	words []string
	tags  []syntax.POS
	toks  []int // word -> the token that carries it (the name's last)
	first []int // word -> its first token
	out   []syntax.Word
}

// parseSpan parses the tokens [a, b) and [c, e) of sentence s (c < 0: only
// the first range) as one sentence into d.syn, heads as indexes in s. It
// returns the token of the root.
func (d *doc) parseSpan(p *parseBuf, s sentence, a, b, c, e int) int {
	p.words, p.tags, p.toks, p.first = p.words[:0], p.tags[:0], p.toks[:0], p.first[:0]
	add := func(from, to int) {
		for k := from; k < to; {
			end := k + 1
			tag := d.syn[k].POS
			if mi := d.mentionAt[k]; mi >= 0 && d.ments[mi].kind == mkName && d.ments[mi].from == k && d.ments[mi].to <= to {
				end = d.ments[mi].to
				tag = d.syn[end-1].POS
			}
			p.words = append(p.words, d.toks[end-1].text)
			p.tags = append(p.tags, tag)
			p.toks = append(p.toks, end-1)
			p.first = append(p.first, k)
			k = end
		}
	}
	add(a, b)
	if c >= 0 {
		add(c, e)
	}
	// the tags of the mention pass, read once (tagAll)
	p.out = d.parser.ParseTagged(p.words, p.tags, p.out)
	root := -1
	for w, an := range p.out {
		t := p.toks[w]
		head := -1
		if an.Head >= 0 {
			head = p.toks[an.Head] - s.from
		} else {
			root = t
		}
		d.syn[t] = syntax.Word{Lemma: an.Lemma, POS: an.POS, Head: head, Rel: an.Rel}
		rel := syntax.Compound
		if mi := d.mentionAt[t]; mi >= 0 && d.ents[d.ments[mi].ent].typ == schema.Person {
			rel = syntax.Flat
		}
		for k := p.first[w]; k < t; k++ {
			d.syn[k] = syntax.Word{Lemma: d.toks[k].lower, POS: syntax.PROPN, Head: t - s.from, Rel: rel}
		}
	}
	if c < 0 && root >= 0 {
		root = d.promoteVerb(s, a, b, root)
	}
	d.joinSubjects(s, a, b)
	return root
}

// joinSubjects mends two subjects of one verb in [a, b) where the second
// has a conjunction of its own ("Niger's army and the Front fought" read
// as two subjects of "fought"): the second is a conjunct of the first.
func (d *doc) joinSubjects(s sentence, a, b int) {
	syn := d.syn
	for k := a; k < b; k++ {
		if syn[k].Rel != syntax.NSubj || syn[k].Head < 0 {
			continue
		}
		for x := k + 1; x < b; x++ {
			if syn[x].Rel != syntax.NSubj || syn[x].Head != syn[k].Head || s.from+syn[x].Head < x {
				continue
			}
			if d.hasCC(s, a, b, x) {
				syn[x].Head, syn[x].Rel = k-s.from, syntax.Conj
			}
		}
	}
}

// hasCC reports whether word x of [a, b) has a coordinating conjunction.
func (d *doc) hasCC(s sentence, a, b, x int) bool {
	for k := a; k < x; k++ {
		if d.syn[k].Rel == syntax.CC && s.from+d.syn[k].Head == x {
			return true
		}
	}
	return false
}

// promoteVerb mends a clause [a, b) of sentence s that the parser read as
// a noun phrase: "Niger's army and the Kordan Defence Forces fought for
// the airport" hung "fought" on "Forces" as a participle, leaving no
// verb at the root. A verb in the past tense modifying the root noun or
// its conjunct, with no subject or relative word of its own, becomes the
// root and the noun its subject. It returns the root.
func (d *doc) promoteVerb(s sentence, a, b, root int) int {
	syn := d.syn
	if p := syn[root].POS; p != syntax.NOUN && p != syntax.PROPN {
		return root
	}
	r := root - s.from
	for k := a; k < b; k++ {
		if syn[k].Head == r && (syn[k].Rel == syntax.Cop || syn[k].Rel == syntax.NSubj) {
			return root
		}
		if k != root && (syn[k].POS == syntax.AUX || syn[k].POS == syntax.VERB && syn[k].Rel != syntax.Acl) {
			return root
		}
	}
	for v := root + 1; v < b; v++ {
		if syn[v].POS != syntax.VERB || syn[v].Rel != syntax.Acl || strings.HasSuffix(d.toks[v].lower, "ing") {
			continue
		}
		h := s.from + syn[v].Head
		if h != root && !(syn[h].Rel == syntax.Conj && syn[h].Head == r) || v > a && relativeWords[d.toks[v-1].lower] || d.toks[v-1].lower == "that" {
			return root
		}
		syn[v].Head, syn[v].Rel = -1, syntax.Root
		syn[root].Head, syn[root].Rel = v-s.from, syntax.NSubj
		for k := a; k < b; k++ {
			if k != root && syn[k].Head == r && syn[k].Rel == syntax.Punct && k > v {
				syn[k].Head = v - s.from
			}
		}
		return v
	}
	return root
}

// relativeWords open a relative clause.
var relativeWords = map[string]bool{"which": true, "who": true, "whose": true, "whom": true, "where": true}

// parenthetical finds, from the tags, a stretch set off by commas between
// a sentence's subject and its verb: no verb before the opening comma, a
// verb (or an adverb and a verb) right after the closing one. It returns
// the two commas' tokens.
func (d *doc) parenthetical(s sentence) (open, close int, ok bool) {
	open = -1
	for k := s.from; k < s.to; k++ {
		switch d.syn[k].POS {
		case syntax.VERB, syntax.AUX:
			if open < 0 {
				return 0, 0, false // the main verb comes first
			}
		}
		if d.toks[k].text != "," {
			continue
		}
		if open < 0 {
			if k == s.from || k+1 >= s.to {
				return 0, 0, false
			}
			open = k
			continue
		}
		next := k + 1
		if next < s.to && d.syn[next].POS == syntax.ADV {
			next++
		}
		if next < s.to && (d.syn[next].POS == syntax.VERB || d.syn[next].POS == syntax.AUX) && k-open >= 2 && k-open <= 40 {
			return open, k, true
		}
	}
	return 0, 0, false
}

// attachParenthetical hangs the parse of the parenthetical (open, close),
// rooted at token root, on the subject of the main clause (or the word
// before the opening comma): as a relative clause when it opens with a
// relative word, else as an apposition or a clause on the noun.
func (d *doc) attachParenthetical(s sentence, open, close, root int) {
	if root < 0 {
		return
	}
	host := open - 1
	// a relative clause ("..., of which Tanzania is a member,") hangs on
	// the noun just before it; an apposition on the subject of the main
	// clause, when its words reach the comma
	relative := relativeWords[d.toks[open+1].lower] || prepRelative(d, open, close)
	if !relative {
		for k := s.from; k < open; k++ {
			if d.syn[k].Rel.Base() == syntax.NSubj {
				host = k
			}
		}
	}
	rel := syntax.Appos
	switch {
	case relative:
		rel = syntax.AclRelcl
	case d.syn[root].POS == syntax.VERB:
		rel = syntax.Acl
	}
	d.syn[root].Head, d.syn[root].Rel = host-s.from, rel
	for _, k := range []int{open, close} {
		d.syn[k] = syntax.Word{Lemma: ",", POS: syntax.PUNCT, Head: root - s.from, Rel: syntax.Punct}
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

// prepRelative reports whether the parenthetical (open, close) opens with
// a preposition and a relative word: ", of which ...", ", with whom ...".
func prepRelative(d *doc, open, close int) bool {
	return open+3 < close && d.syn[open+1].POS == syntax.ADP && relativeWords[d.toks[open+2].lower]
}
