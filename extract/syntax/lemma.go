package syntax

// The lemmatizer looks a lower-cased word up with its tag in an exception
// table drawn from the training data, then falls back to the suffix rule of
// the longest matching suffix (up to maxSuffix letters) for the tag, and
// else keeps the lower-cased word.

const maxSuffix = 5

type lemmaRule struct {
	strip int    // bytes to cut from the end
	add   string // then to append
}

type lemmatizer struct {
	exc      u64Map // hash(tag, lower form) -> index into excLemma
	excLemma []string
	rules    u64Map // hash(tag, suffix) -> index into ruleList
	ruleList []lemmaRule
}

func lemmaKey(t POS, form []byte) uint64   { return f1(uint64(t)+1000, fnv(form)) }
func ruleKey(t POS, suffix []byte) uint64  { return f1(uint64(t)+2000, fnv(suffix)) }
func lemmaKeyS(t POS, form string) uint64  { return f1(uint64(t)+1000, fnvString(form)) }
func ruleKeyS(t POS, suffix string) uint64 { return f1(uint64(t)+2000, fnvString(suffix)) }

// verbPrefixes may stand before an irregular verb: "undertook",
// "overtook", "withheld", "foresaw", "upheld", "outran", "mistook".
var verbPrefixes = []string{"under", "over", "with", "fore", "up", "out", "mis"}

// lemma returns the lemma of lower (a lower-cased word tagged t) as either
// a stored string, or as a rule to apply to lower.
func (l *lemmatizer) lemma(t POS, lower []byte) (stored string, rule lemmaRule, ok bool) {
	if i, hit := l.exc.get(lemmaKey(t, lower)); hit {
		return l.excLemma[i], lemmaRule{}, true
	}
	if t == VERB {
		// an irregular verb behind a prefix the table lacks:
		// "undertook" as "took", "withheld" as "held"
		for _, pre := range verbPrefixes {
			if len(lower) > len(pre)+3 && string(lower[:len(pre)]) == pre {
				if i, hit := l.exc.get(lemmaKey(t, lower[len(pre):])); hit {
					return pre + l.excLemma[i], lemmaRule{}, true
				}
			}
		}
	}
	switch t {
	case PROPN, PUNCT, SYM, NUM, X:
		return "", lemmaRule{}, false
	}
	for k := maxSuffix; k >= 1; k-- {
		if k >= len(lower) {
			continue
		}
		if i, hit := l.rules.get(ruleKey(t, lower[len(lower)-k:])); hit {
			r := l.ruleList[i]
			if r.strip > len(lower)-1 {
				break
			}
			return "", r, false
		}
	}
	return "", lemmaRule{}, false
}
