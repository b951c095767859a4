package syntax

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
)

// TrainOptions configure Train. Zero fields take the defaults.
type TrainOptions struct {
	TagIters   int       // passes of the tagger over the data (default 8)
	ParseIters int       // passes of the parser (default 12)
	Folds      int       // jackknife folds giving the parser predicted tags (default 1: it trains on gold tags)
	Explore    float64   // probability of following a wrong prediction while training the parser (default 0.9)
	Seed       uint64    // seed of the shuffles and of the exploration
	Prune      float64   // parser weights whose average is smaller than this are dropped (default 1; negative keeps all)
	TagPrune   float64   // the same for the tagger (default 0.3)
	Log        io.Writer // progress, if not nil
}

func (o *TrainOptions) defaults() {
	if o.TagIters == 0 {
		o.TagIters = 8
	}
	if o.ParseIters == 0 {
		o.ParseIters = 12
	}
	if o.Folds == 0 {
		o.Folds = 1
	}
	if o.Prune == 0 {
		o.Prune = 1
	}
	if o.TagPrune == 0 {
		o.TagPrune = 0.3
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format, args...)
	}
}

// Train trains a model on sents and returns it as a gzip-compressed model
// file for Load. The same sentences and options give the same bytes.
func Train(sents []Sentence, opts TrainOptions) ([]byte, error) {
	opts.defaults()
	for _, s := range sents {
		if len(s.Form) == 0 || len(s.POS) != len(s.Form) || len(s.Head) != len(s.Form) || len(s.Rel) != len(s.Form) || len(s.Lemma) != len(s.Form) {
			return nil, fmt.Errorf("train: sentence %q: columns of unequal length", s.ID)
		}
	}
	var m model
	// tag dictionary
	m.dictKeys, m.dictTags = tagDictionary(sents)
	dict := buildU64Map(m.dictKeys, m.dictTags)
	m.lexKeys, m.lexAmb = ambiguityClasses(sents)
	lex := &Parser{lex: buildU64Map(m.lexKeys, m.lexAmb)}

	// tagger, and predicted tags for the parser by jackknifing
	infos := make([][]wordInfo, len(sents))
	var scratch []byte
	for i, s := range sents {
		infos[i] = make([]wordInfo, len(s.Form))
		scratch = fillInfo(s.Form, infos[i], scratch)
		lex.fillAmb(infos[i])
	}
	predTags := make([][]POS, len(sents))
	if opts.Folds > 1 {
		for k := 0; k < opts.Folds; k++ {
			var idx []int
			for i := range sents {
				if i%opts.Folds != k {
					idx = append(idx, i)
				}
			}
			tp := trainTagger(sents, infos, idx, dict, opts, fmt.Sprintf("tagger fold %d/%d", k+1, opts.Folds))
			var f []uint64
			correct, total := 0, 0
			for i := k; i < len(sents); i += opts.Folds {
				predTags[i] = make([]POS, len(sents[i].Form))
				f = tp.tagTrain(infos[i], predTags[i], dict, f)
				for j, t := range predTags[i] {
					if t == sents[i].POS[j] {
						correct++
					}
					total++
				}
			}
			opts.logf("tagger fold %d: held-out UPOS %.2f%%\n", k+1, 100*float64(correct)/float64(total))
		}
	} else {
		for i, s := range sents {
			predTags[i] = s.POS
		}
	}
	all := make([]int, len(sents))
	for i := range all {
		all[i] = i
	}
	tp := trainTagger(sents, infos, all, dict, opts, "tagger")
	m.tag = tp.rows(1<<21, opts.TagPrune, false)

	// parser
	arcP, relP := trainParser(sents, infos, predTags, opts)
	m.arc = arcP.rows(1<<15-1, opts.Prune, true)
	m.rel = relP.rows(1<<21, opts.Prune, false)

	// lemmatizer
	m.excKeys, m.excLemma, m.ruleKeys, m.rules = trainLemmas(sents)
	opts.logf("model: %d lexicon words, %d tagger rows, %d dictionary words, %d transition rows, %d label rows, %d lemma exceptions, %d lemma rules\n",
		len(m.lexKeys), len(m.tag), len(m.dictKeys), len(m.arc), len(m.rel), len(m.excKeys), len(m.ruleKeys))

	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if err := m.write(zw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// tagDictionary returns the words (as written) that are frequent and
// nearly always take one tag.
func tagDictionary(sents []Sentence) ([]uint64, []uint32) {
	counts := map[string]*[numPOS]int{}
	for _, s := range sents {
		for i, w := range s.Form {
			c := counts[w]
			if c == nil {
				c = new([numPOS]int)
				counts[w] = c
			}
			c[s.POS[i]]++
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Strings(words)
	var keys []uint64
	var tags []uint32
	for _, w := range words {
		c := counts[w]
		total, best := 0, 0
		for t := range c {
			total += c[t]
			if c[t] > c[best] {
				best = t
			}
		}
		if total >= 20 && float64(c[best]) >= 0.97*float64(total) {
			keys = append(keys, fnvString(w))
			tags = append(tags, uint32(best))
		}
	}
	return keys, tags
}

// ambiguityClasses returns the lower-cased words seen at least twice, with
// the set of tags that make up at least 5% of their occurrences. Words
// seen once are left out, so that the tagger learns what to do with words
// it does not know.
func ambiguityClasses(sents []Sentence) ([]uint64, []uint32) {
	counts := map[uint64]*[numPOS]int{}
	var b []byte
	for _, s := range sents {
		for i, w := range s.Form {
			b = appendLower(b[:0], w, true)
			h := fnv(b)
			c := counts[h]
			if c == nil {
				c = new([numPOS]int)
				counts[h] = c
			}
			c[s.POS[i]]++
		}
	}
	keys := make([]uint64, 0, len(counts))
	for h := range counts {
		keys = append(keys, h)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var outK []uint64
	var outA []uint32
	for _, h := range keys {
		c := counts[h]
		total := 0
		for _, x := range c {
			total += x
		}
		if total < 2 {
			continue
		}
		var a uint32
		for t, x := range c {
			if x > 0 && 20*x >= total {
				a |= 1 << t
			}
		}
		outK = append(outK, h)
		outA = append(outA, a)
	}
	return outK, outA
}

// trainingTagger is a tagger under training.
type trainingTagger struct{ *perceptron }

// tagTrain tags info with the current weights.
func (tp trainingTagger) tagTrain(info []wordInfo, tags []POS, dict u64Map, f []uint64) []uint64 {
	scores := make([]int32, numPOS)
	for i := range info {
		if t, ok := dict.get(info[i].exact); ok {
			tags[i] = POS(t)
			continue
		}
		f = tagFeats(f[:0], info, i, prevTag(tags, i, 1), prevTag(tags, i, 2))
		f = tagSmall(f, prevTag(tags, i, 1), prevTag(tags, i, 2))
		clear(scores)
		tp.score(f, scores)
		tags[i] = POS(argmax(scores, 1))
	}
	return f
}

func prevTag(tags []POS, i, k int) uint64 {
	if i-k < 0 {
		return noneTag
	}
	return uint64(tags[i-k])
}

// argmax returns the index of the highest score from index from on; ties
// go to the lowest index.
func argmax(scores []int32, from int) int {
	best := from
	for c := from + 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

func trainTagger(sents []Sentence, infos [][]wordInfo, idx []int, dict u64Map, opts TrainOptions, name string) trainingTagger {
	tp := trainingTagger{newPerceptron(numPOS)}
	rng := rand.New(rand.NewPCG(opts.Seed, 1))
	order := append([]int(nil), idx...)
	scores := make([]int32, numPOS)
	var f []uint64
	var tags []POS
	for it := 0; it < opts.TagIters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			s, info := &sents[si], infos[si]
			tags = append(tags[:0], make([]POS, len(info))...)
			for i := range info {
				if t, ok := dict.get(info[i].exact); ok {
					tags[i] = POS(t)
					continue
				}
				f = tagFeats(f[:0], info, i, prevTag(tags, i, 1), prevTag(tags, i, 2))
				f = tagSmall(f, prevTag(tags, i, 1), prevTag(tags, i, 2))
				clear(scores)
				tp.score(f, scores)
				guess := argmax(scores, 1)
				tp.tick()
				if guess != int(s.POS[i]) {
					tp.update(f, int(s.POS[i]), guess)
				} else {
					correct++
				}
				total++
				tags[i] = POS(guess)
			}
		}
		opts.logf("%s pass %d: %.2f%% of undictionaried words right\n", name, it+1, 100*float64(correct)/float64(max(total, 1)))
	}
	return tp
}

// costs returns the number of gold arcs each transition makes unreachable
// (Goldberg and Nivre 2013; Kiperwasser and Goldberg 2016), for the valid
// ones; gold heads of root words are n.
func (s *state) costs(gold []int32, shift, left, right bool) (c [3]int) {
	k := len(s.stack)
	b := int(s.b)
	n := s.n
	if shift {
		// b0 loses its dependents on the stack and a head deeper than s0
		for j, d := range s.stack {
			if int(gold[d]) == b {
				c[actShift]++
			}
			if int(gold[b]) == int(d) && j < k-1 {
				c[actShift]++
			}
		}
	}
	if left || right {
		s0 := s.stack[k-1]
		deps := 0
		for d := b; d < n; d++ {
			if gold[d] == s0 {
				deps++
			}
		}
		g := int(gold[s0])
		if left {
			c[actLeft] = deps
			if g != b && (g >= b || (k >= 2 && g == int(s.stack[k-2]))) {
				c[actLeft]++
			}
		}
		if right {
			c[actRight] = deps
			if g >= b {
				c[actRight]++
			}
		}
	}
	return c
}

func trainParser(sents []Sentence, infos [][]wordInfo, predTags [][]POS, opts TrainOptions) (arcP, relP *perceptron) {
	arcP = newPerceptron(3)
	relP = newPerceptron(numRel)
	rng := rand.New(rand.NewPCG(opts.Seed, 2))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var st state
	var f []uint64
	var gold []int32
	relScores := make([]int32, numRel)
	for it := 0; it < opts.ParseIters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := it > 0
		rightArcs, words, rightLabels := 0, 0, 0
		for _, si := range order {
			s := &sents[si]
			n := len(s.Form)
			gold = gold[:0]
			for _, h := range s.Head {
				if h < 0 {
					h = n
				}
				gold = append(gold, int32(h))
			}
			st.info, st.tags = infos[si], predTags[si]
			st.reset(n)
			for !st.done() {
				shift, left, right := st.valid()
				valid := [3]bool{shift, left, right}
				act := -1
				nvalid := 0
				for _, v := range valid {
					if v {
						nvalid++
					}
				}
				if nvalid == 1 {
					for a, v := range valid {
						if v {
							act = a
						}
					}
				} else {
					cost := st.costs(gold, shift, left, right)
					minCost := 1 << 30
					for a, v := range valid {
						if v && cost[a] < minCost {
							minCost = cost[a]
						}
					}
					var small [nArcSmall]int32
					f = st.arcFeats(f[:0], &small)
					f = appendSmall(f, &small)
					var sc [3]int32
					arcP.score(f, sc[:])
					pred, best := -1, -1
					for a, v := range valid {
						if !v {
							continue
						}
						if pred < 0 || sc[a] > sc[pred] {
							pred = a
						}
						if cost[a] == minCost && (best < 0 || sc[a] > sc[best]) {
							best = a
						}
					}
					arcP.tick()
					act = best
					if cost[pred] > minCost {
						arcP.update(f, best, pred)
						if explore && rng.Float64() < opts.Explore {
							act = pred
						}
					}
				}
				// apply, training the labeller on gold arcs
				switch act {
				case actShift:
					st.stack = append(st.stack, st.b)
					st.b++
				default:
					k := len(st.stack)
					d := st.stack[k-1]
					h := st.b
					if act == actRight {
						h = st.stack[k-2]
					}
					st.stack = st.stack[:k-1]
					words++
					if gold[d] == h {
						rightArcs++
					}
					if int(h) == n {
						st.arc(h, d, Root)
						if gold[d] == h {
							rightLabels++
						}
						break
					}
					var small [nRelSmall]int32
					f = st.relFeats(f[:0], h, d, &small)
					f = appendRelSmall(f, &small)
					clear(relScores)
					relP.score(f, relScores)
					relScores[Root] = -1 << 30
					guess := argmax(relScores, 1)
					relP.tick()
					if gold[d] == h {
						if truth := int(s.Rel[d]); guess != truth {
							relP.update(f, truth, guess)
						} else {
							rightLabels++
						}
					}
					st.arc(h, d, Rel(guess))
				}
			}
		}
		opts.logf("parser pass %d: %.2f%% heads, %.2f%% labelled on the training path\n", it+1,
			100*float64(rightArcs)/float64(words), 100*float64(rightLabels)/float64(words))
	}
	return arcP, relP
}

// trainLemmas derives the lemma exceptions and suffix rules.
func trainLemmas(sents []Sentence) (excKeys []uint64, excLemma []string, ruleKeys []uint64, rules []lemmaRule) {
	type key struct {
		pos  POS
		form string
	}
	counts := map[key]map[string]int{}
	for _, s := range sents {
		for i, w := range s.Form {
			k := key{s.POS[i], string(appendLower(nil, w, false))}
			l := string(appendLower(nil, s.Lemma[i], false))
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][l]++
		}
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].pos != keys[j].pos {
			return keys[i].pos < keys[j].pos
		}
		return keys[i].form < keys[j].form
	})
	lemmaOf := map[key]string{}
	for _, k := range keys {
		best, bc := "", -1
		for l, c := range counts[k] {
			if c > bc || (c == bc && l < best) {
				best, bc = l, c
			}
		}
		lemmaOf[k] = best
	}
	// suffix rules over word types
	type rk struct {
		pos POS
		suf string
	}
	ruleCounts := map[rk]map[lemmaRule]int{}
	for _, k := range keys {
		switch k.pos {
		case PROPN, PUNCT, SYM, NUM, X:
			continue
		}
		l := lemmaOf[k]
		cp := 0
		for cp < len(k.form) && cp < len(l) && k.form[cp] == l[cp] {
			cp++
		}
		r := lemmaRule{strip: len(k.form) - cp, add: l[cp:]}
		for n := 1; n <= maxSuffix && n < len(k.form); n++ {
			if n < r.strip {
				continue
			}
			x := rk{k.pos, k.form[len(k.form)-n:]}
			if ruleCounts[x] == nil {
				ruleCounts[x] = map[lemmaRule]int{}
			}
			ruleCounts[x][r]++
		}
	}
	rks := make([]rk, 0, len(ruleCounts))
	for x := range ruleCounts {
		rks = append(rks, x)
	}
	sort.Slice(rks, func(i, j int) bool {
		if rks[i].pos != rks[j].pos {
			return rks[i].pos < rks[j].pos
		}
		return rks[i].suf < rks[j].suf
	})
	var lt lemmatizer
	var rIdx []uint32
	for _, x := range rks {
		var best lemmaRule
		bc := 0
		for r, c := range ruleCounts[x] {
			if c > bc || (c == bc && (r.strip < best.strip || (r.strip == best.strip && r.add < best.add))) {
				best, bc = r, c
			}
		}
		if bc < 2 {
			continue
		}
		ruleKeys = append(ruleKeys, ruleKeyS(x.pos, x.suf))
		rules = append(rules, best)
		rIdx = append(rIdx, uint32(len(rIdx)))
	}
	lt.rules = buildU64Map(ruleKeys, rIdx)
	lt.ruleList = rules
	lt.exc = buildU64Map(nil, nil)
	for _, k := range keys {
		l := lemmaOf[k]
		_, r, _ := lt.lemma(k.pos, []byte(k.form))
		pred := k.form
		if r.strip > 0 || r.add != "" {
			pred = k.form[:len(k.form)-r.strip] + r.add
		}
		if pred != l {
			excKeys = append(excKeys, lemmaKeyS(k.pos, k.form))
			excLemma = append(excLemma, l)
		}
	}
	return excKeys, excLemma, ruleKeys, rules
}

// Scores are the accuracies of a parser on gold sentences, in percent.
type Scores struct {
	Words      int     // words scored
	UPOS       float64 // tags right
	Lemma      float64 // lower-cased lemmas right
	UAS, LAS   float64 // heads right; heads and relations (with subtypes) right
	UASNoPunct float64 // UAS over words that are not punctuation (gold UPOS)
	LASNoPunct float64
	LASBase    float64 // LAS comparing relations without subtypes (the CoNLL 2018 measure)
}

// Evaluate parses the words of each gold sentence and scores the result.
func Evaluate(p *Parser, gold []Sentence) Scores {
	var n, np, pos, lem, uas, las, uasNP, lasNP, lasBase int
	var buf []Word
	for _, s := range gold {
		buf = p.Parse(s.Form, buf)
		for i, w := range buf {
			n++
			if w.POS == s.POS[i] {
				pos++
			}
			if w.Lemma == strings.ToLower(string(appendLower(nil, s.Lemma[i], false))) {
				lem++
			}
			punct := s.POS[i] == PUNCT
			if !punct {
				np++
			}
			if w.Head == s.Head[i] {
				uas++
				if !punct {
					uasNP++
				}
				if w.Rel == s.Rel[i] {
					las++
					if !punct {
						lasNP++
					}
				}
				if w.Rel.Base() == s.Rel[i].Base() {
					lasBase++
				}
			}
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	return Scores{Words: n, UPOS: pct(pos, n), Lemma: pct(lem, n), UAS: pct(uas, n), LAS: pct(las, n),
		UASNoPunct: pct(uasNP, np), LASNoPunct: pct(lasNP, np), LASBase: pct(lasBase, n)}
}
