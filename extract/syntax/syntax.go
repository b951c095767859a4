// Package syntax tags, lemmatizes and parses English sentences into
// Universal Dependencies trees: a greedy averaged-perceptron POS tagger, a
// lemmatizer (exceptions drawn from the training data and suffix rules by
// tag) and a greedy arc-hybrid dependency parser trained with a dynamic
// oracle, with one averaged perceptron for the transitions and another for
// the arc labels. The embedded model is trained on the English Web Treebank
// (CC BY-SA 4.0); MODEL.md gives the data, the scores and the command that
// rebuilds it.
//
// Parse takes one sentence already split into words and returns one Word
// per word: its UPOS tag, its lower-case lemma, its head and its relation
// (with the English subtypes: nsubj:pass, obl:agent, acl:relcl, ...). The
// words always form a single tree: exactly one word has Head -1 and
// relation Root, and every other word reaches it through its heads.
//
// Words are expected tokenized the UD way, with punctuation and the
// possessive "'s" split off. A contraction may come whole ("didn't",
// "can't", "they'll", "cannot") or split ("did" "n't"): a whole one is
// split for parsing, and the part nearest the root stands for it (for
// "didn't" the auxiliary: AUX, lemma "do", rel aux; the negation is then
// only in the word itself). Hyphenated words may come whole ("U.S.-backed",
// "al-Vessa") or split ("U.S." "-" "backed"): a whole one is split at its
// hyphens for parsing, as the treebank does (unless the treebank has it
// whole, as "e-mail"), and its lemma is the word
// lower-cased with its last part lemmatized ("re-elected" -> "re-elect").
package syntax

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sync"
)

// Word is the analysis of one word of a sentence.
type Word struct {
	Lemma string // lower-case lemma: "met" -> "meet", "talks" -> "talk", "n't" -> "not"
	POS   POS
	Head  int // index of the head word in the sentence; -1 for the root
	Rel   Rel
}

// Parser tags, lemmatizes and parses sentences. It is safe for concurrent
// use: the model is read-only once loaded. The zero value is not usable;
// get one from Default or Load.
type Parser struct {
	tagW    sparseTable
	tagD    [][numPOS]int32 // rows of the tagSmall features
	tagDict u64Map
	lex     u64Map // ambiguity classes of known words
	arcW    dense3Table
	arcD    [][4]int16 // weights of the small templates, arcOff[j]+index
	arcOff  [nArcSmall]int32
	relD    []int32 // slots in relW of the rows of the small label templates, relOff[j]+index; -1 for none
	relOff  [nRelSmall]int32
	relW    sparseTable
	lem     lemmatizer
	pool    sync.Pool
}

//go:embed model/en.bin.gz
var embedded []byte

var (
	defaultOnce   sync.Once
	defaultParser *Parser
)

// Default returns the parser of the embedded model, loaded on first use.
// It panics if the embedded model is corrupt, which a test rules out.
func Default() *Parser {
	defaultOnce.Do(func() {
		p, err := Load(bytes.NewReader(embedded))
		if err != nil {
			panic(fmt.Sprintf("syntax: embedded model: %v", err))
		}
		defaultParser = p
	})
	return defaultParser
}

// Load reads a gzip-compressed model file, as Train returns it.
func Load(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	m, err := readModel(zr)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	if err := zr.Close(); err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	return m.parser(), nil
}

// scratch is the per-call working memory of Parse.
type scratch struct {
	sub    []string // words after splitting contractions
	owner  []int32  // input word of each sub-word
	span   []int32  // first sub-word of each input word, and the number of sub-words
	info   []wordInfo
	tags   []POS
	st     state
	feats  []uint64
	bytes  []byte
	lemBuf []byte
	lemOff []int32 // start and end in lemBuf of each computed lemma, or -1
	lemStr []string
	repr   []int32 // representative sub-word of each input word
}

func (p *Parser) getScratch() *scratch {
	if s, ok := p.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{feats: make([]uint64, 0, 128)}
}

// Parse tags, lemmatizes and parses one sentence given as words (already
// tokenized). It returns one Word per input word; buf is reused when it is
// large enough, so a caller can parse sentence after sentence without
// allocating. The words form one tree: exactly one word has Head -1.
func (p *Parser) Parse(words []string, buf []Word) []Word {
	buf = sized(buf, len(words))
	if len(words) == 0 {
		return buf
	}
	sc := p.getScratch()
	defer p.pool.Put(sc)
	sub, info, tags := p.prepare(sc, words)
	sc.feats = p.tag(info, tags, sc.feats)
	p.parseAndOutput(sc, words, sub, buf)
	return buf
}

// ParseTagged is Parse with the words' tags given (from Tag over the same
// or nearly the same words): it skips the tagger, about a quarter of the
// work. Where a word is split for parsing (a contraction, a hyphenated
// word) the given tags cannot be used and the sentence is tagged anew.
func (p *Parser) ParseTagged(words []string, tags []POS, buf []Word) []Word {
	n := len(words)
	buf = sized(buf, n)
	if n == 0 {
		return buf
	}
	sc := p.getScratch()
	defer p.pool.Put(sc)
	sub, info, st := p.prepare(sc, words)
	if len(sub) == n && len(tags) == n {
		copy(st, tags)
	} else {
		sc.feats = p.tag(info, st, sc.feats)
	}
	p.parseAndOutput(sc, words, sub, buf)
	return buf
}

// Tag tags and lemmatizes one sentence without parsing it: each Word has
// its Lemma and POS, Head -1 and no Rel. It costs about a quarter of Parse.
func (p *Parser) Tag(words []string, buf []Word) []Word {
	buf = sized(buf, len(words))
	if len(words) == 0 {
		return buf
	}
	sc := p.getScratch()
	defer p.pool.Put(sc)
	sub, info, tags := p.prepare(sc, words)
	m := len(sub)
	sc.feats = p.tag(info, tags, sc.feats)
	st := &sc.st
	st.info, st.tags = info, tags
	st.reset(m)
	// no tree: every sub-word hangs on the root
	for i := 0; i < m; i++ {
		st.heads[i] = int32(m)
	}
	p.output(sc, words, sub, buf)
	for i := range buf {
		buf[i].Head, buf[i].Rel = -1, 0
	}
	return buf
}

// sized returns buf with length n, reallocated when it is too small.
func sized(buf []Word, n int) []Word {
	if cap(buf) < n {
		buf = make([]Word, n)
	}
	return buf[:n]
}

// prepare splits words into the parser's sub-words and fills sc with what
// the tagger reads of them; it returns the sub-words, their information
// and the slots for their tags.
func (p *Parser) prepare(sc *scratch, words []string) (sub []string, info []wordInfo, tags []POS) {
	sub = p.splitWords(sc, words)
	m := len(sub)
	if cap(sc.info) < m+1 {
		sc.info = make([]wordInfo, m+1)
		sc.tags = make([]POS, m+1)
	}
	info, tags = sc.info[:m], sc.tags[:m]
	sc.bytes = fillInfo(sub, info, sc.bytes)
	p.fillAmb(info)
	return sub, info, tags
}

// parseAndOutput parses the tagged sub-words in sc and writes the words'
// analysis to buf.
func (p *Parser) parseAndOutput(sc *scratch, words, sub []string, buf []Word) {
	st := &sc.st
	st.info, st.tags = sc.info[:len(sub)], sc.tags[:len(sub)]
	st.reset(len(sub))
	sc.feats = p.parse(st, sc.feats)
	p.output(sc, words, sub, buf)
}

// parse runs the transition system to the end.
func (p *Parser) parse(st *state, f []uint64) []uint64 {
	for !st.done() {
		shift, left, right := st.valid()
		var act int
		switch {
		case shift && !left && !right:
			act = actShift
		case left && !shift && !right:
			act = actLeft
		case right && !shift && !left:
			act = actRight
		default:
			var small [nArcSmall]int32
			f = st.arcFeats(f[:0], &small)
			var sc [3]int32
			for j, x := range small {
				w := &p.arcD[p.arcOff[j]+x]
				sc[0] += int32(w[0])
				sc[1] += int32(w[1])
				sc[2] += int32(w[2])
			}
			p.arcW.score(f, st.d3tmp[:], &sc)
			act = -1
			if shift {
				act = actShift
			}
			if left && (act < 0 || sc[actLeft] > sc[act]) {
				act = actLeft
			}
			if right && (act < 0 || sc[actRight] > sc[act]) {
				act = actRight
			}
		}
		f = p.apply(st, act, f)
	}
	return f
}

// apply performs transition act, labelling the arc it makes.
func (p *Parser) apply(st *state, act int, f []uint64) []uint64 {
	switch act {
	case actShift:
		st.stack = append(st.stack, st.b)
		st.b++
	case actLeft, actRight:
		k := len(st.stack)
		d := st.stack[k-1]
		h := st.b
		if act == actRight {
			h = st.stack[k-2]
		}
		st.stack = st.stack[:k-1]
		if int(h) == st.n {
			st.arc(h, d, Root)
			break
		}
		var small [nRelSmall]int32
		f = st.relFeats(f[:0], h, d, &small)
		st.arc(h, d, p.label(f, &small, st.tmp[:]))
	}
	return f
}

// label returns the best non-root label for features f.
func (p *Parser) label(f []uint64, small *[nRelSmall]int32, tmp []sslot) Rel {
	var sc [numRel]int32
	for j, x := range small {
		if i := p.relD[p.relOff[j]+x]; i >= 0 {
			p.relW.addRow(i, sc[:])
		}
	}
	p.relW.score(f, tmp, sc[:])
	best := 1
	for r := 2; r < numRel; r++ {
		if r != int(Root) && sc[r] > sc[best] {
			best = r
		}
	}
	return Rel(best)
}
