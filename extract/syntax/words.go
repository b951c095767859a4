package syntax

import "strings"

// clitic returns the length in bytes of a clitic that ends w and is split
// off for parsing the UD way ("did|n't", "they|'ll", "can|not"), or 0.
func clitic(w string) int {
	n := len(w)
	if n < 3 {
		return 0
	}
	for _, a := range [...]string{"'", "’"} {
		// n't
		if k := 2 + len(a); n > k && (w[n-k] == 'n' || w[n-k] == 'N') && w[n-k+1:n-1] == a && (w[n-1] == 't' || w[n-1] == 'T') {
			return k
		}
		for _, c := range [...]string{"ll", "re", "ve", "m", "d", "s"} {
			k := len(a) + len(c)
			if n > k && w[n-k:n-len(c)] == a && strings.EqualFold(w[n-len(c):], c) {
				return k
			}
		}
	}
	if n == 6 && strings.EqualFold(w, "cannot") {
		return 3
	}
	return 0
}

// hyphenated reports whether w is split at its hyphens for parsing, the
// way the treebank tokenizes ("U.S.-backed" -> "U.S." "-" "backed"): it
// has a letter, and no part between hyphens is empty.
func hyphenated(w string) bool {
	if len(w) < 3 || strings.IndexByte(w, '-') < 0 || w[0] == '-' || w[len(w)-1] == '-' || strings.Contains(w, "--") {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; ('a' <= c && c <= 'z') || w[i] >= 0x80 {
			return true
		}
	}
	return false
}

// splitHyphens reports whether hyphenated word w is to be split: the
// treebank keeps a few hyphenated words whole ("e-mail"), and a word seen
// whole in training (in the lexicon) is kept whole.
func (p *Parser) splitHyphens(sc *scratch, w string) bool {
	if !hyphenated(w) {
		return false
	}
	sc.bytes = appendLower(sc.bytes[:0], w, true)
	_, known := p.lex.get(fnv(sc.bytes))
	return !known
}

// splitWords returns the words with contractions and hyphenated words
// split, and sets sc.owner to the input word of each sub-word and sc.span
// to the first sub-word of each input word (both empty when nothing was
// split).
func (p *Parser) splitWords(sc *scratch, words []string) []string {
	split := false
	for _, w := range words {
		if clitic(w) > 0 || p.splitHyphens(sc, w) {
			split = true
			break
		}
	}
	sc.owner = sc.owner[:0]
	sc.span = sc.span[:0]
	if !split {
		return words
	}
	sub := sc.sub[:0]
	for i, w := range words {
		sc.span = append(sc.span, int32(len(sub)))
		switch k := clitic(w); {
		case k > 0:
			sub = append(sub, w[:len(w)-k], w[len(w)-k:])
		case p.splitHyphens(sc, w):
			for {
				j := strings.IndexByte(w, '-')
				if j < 0 {
					sub = append(sub, w)
					break
				}
				sub = append(sub, w[:j], w[j:j+1])
				w = w[j+1:]
			}
		default:
			sub = append(sub, w)
		}
		for len(sc.owner) < len(sub) {
			sc.owner = append(sc.owner, int32(i))
		}
	}
	sc.span = append(sc.span, int32(len(sub)))
	sc.sub = sub
	return sub
}

// output fills buf with the analysis of each input word: when a word was
// split, the sub-word nearest the root stands for it. The lemma of a
// hyphenated word is the word lower-cased, its last part lemmatized when
// that part stands for it ("re-elected" -> "re-elect").
func (p *Parser) output(sc *scratch, words, sub []string, buf []Word) {
	st := &sc.st
	m := len(sub)
	sc.repr = grow32(sc.repr, len(words))
	if sc.owner == nil || len(sc.owner) == 0 {
		for i := range sc.repr {
			sc.repr[i] = int32(i)
		}
	} else {
		// depth of each sub-word in the tree
		depth := grow32(sc.lemOff, m)
		for i := 0; i < m; i++ {
			d := int32(0)
			for j := int32(i); int(j) != m && d <= int32(m); j = st.heads[j] {
				d++
			}
			depth[i] = d
		}
		for i := range sc.repr {
			sc.repr[i] = -1
		}
		for i := 0; i < m; i++ {
			o := sc.owner[i]
			if r := sc.repr[o]; r < 0 || depth[i] < depth[r] {
				sc.repr[o] = int32(i)
			}
		}
	}
	// lemmas
	lb := sc.lemBuf[:0]
	sc.lemOff = grow32(sc.lemOff, 2*len(words))
	for i := range words {
		r := sc.repr[i]
		t := st.tags[r]
		w := &buf[i]
		w.POS = t
		w.Rel = st.rels[r]
		h := st.heads[r]
		switch {
		case int(h) == m:
			w.Head = -1
		case sc.owner == nil || len(sc.owner) == 0:
			w.Head = int(h)
		default:
			w.Head = int(sc.owner[h])
		}
		start := len(lb)
		sc.lemOff[2*i] = -1
		if len(sc.owner) > 0 && sc.span[i+1]-sc.span[i] > 1 && clitic(words[i]) == 0 {
			// a hyphenated word
			last := sc.span[i+1] - 1
			if r != last {
				lb = appendLower(lb, words[i], false)
				sc.lemOff[2*i], sc.lemOff[2*i+1] = int32(start), int32(len(lb))
				continue
			}
			lb = appendLower(lb, words[i][:len(words[i])-len(sub[r])], false)
			from := len(lb)
			lb = appendLower(lb, sub[r], false)
			stored, rule, ok := p.lem.lemma(t, lb[from:])
			switch {
			case ok:
				lb = append(lb[:from], stored...)
			case rule.strip > 0 || rule.add != "":
				lb = append(lb[:len(lb)-rule.strip], rule.add...)
			}
			sc.lemOff[2*i], sc.lemOff[2*i+1] = int32(start), int32(len(lb))
			continue
		}
		lb = appendLower(lb, sub[r], false)
		stored, rule, ok := p.lem.lemma(t, lb[start:])
		switch {
		case ok:
			w.Lemma = stored
			lb = lb[:start]
		case rule.strip > 0 || rule.add != "":
			lb = append(lb[:len(lb)-rule.strip], rule.add...)
			sc.lemOff[2*i], sc.lemOff[2*i+1] = int32(start), int32(len(lb))
		case isLower(sub[r]):
			w.Lemma = sub[r]
			lb = lb[:start]
		default:
			sc.lemOff[2*i], sc.lemOff[2*i+1] = int32(start), int32(len(lb))
		}
	}
	if len(lb) > 0 {
		s := string(lb)
		for i := range words {
			if a := sc.lemOff[2*i]; a >= 0 {
				buf[i].Lemma = s[a:sc.lemOff[2*i+1]]
			}
		}
	}
	sc.lemBuf = lb
}

// Deps returns the dependents of each word of a parsed sentence, in order.
func Deps(ws []Word) [][]int {
	out := make([][]int, len(ws))
	for i, w := range ws {
		if w.Head >= 0 && w.Head < len(ws) {
			out[w.Head] = append(out[w.Head], i)
		}
	}
	return out
}
