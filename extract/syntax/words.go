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

// splitContractions returns the words with contractions split, and sets
// sc.owner to the input word of each sub-word (nil when nothing was split).
func splitContractions(sc *scratch, words []string) []string {
	split := false
	for _, w := range words {
		if clitic(w) > 0 {
			split = true
			break
		}
	}
	sc.owner = sc.owner[:0]
	if !split {
		return words
	}
	sub := sc.sub[:0]
	for i, w := range words {
		if k := clitic(w); k > 0 {
			sub = append(sub, w[:len(w)-k], w[len(w)-k:])
			sc.owner = append(sc.owner, int32(i), int32(i))
			continue
		}
		sub = append(sub, w)
		sc.owner = append(sc.owner, int32(i))
	}
	sc.sub = sub
	return sub
}

// output fills buf with the analysis of each input word: when a word was
// split, the sub-word nearest the root stands for it.
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
		lb = appendLower(lb, sub[r], false)
		stored, rule, ok := p.lem.lemma(t, lb[start:])
		sc.lemOff[2*i] = -1
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
