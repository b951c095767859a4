package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// In an all-caps sentence (a headline, a results table in capitals) the
// case of a word says nothing about whether it is a name. trueCase gives
// such words the case they would have in running text, from what the
// article itself writes elsewhere, from the gazetteer matched regardless
// of case, and from the list of common English words, so that the mention
// pass reads "TENNIS - FRANCE BEAT SPAIN IN FINAL" as "tennis - France beat
// Spain in final". The tokens' text and case flags change; their offsets, and so the
// text spans of mentions, stay those of the article.

// caseEvidence counts how the article writes a word in its mixed-case
// sentences: capitalized inside a sentence, or in lower case.
type caseEvidence struct {
	capMid, low int
	form        string // the first capitalized form seen inside a sentence
}

// isCaselessSentence reports whether nine in ten of the cased letters of
// tokens [from, to) are upper case (and there are at least four).
func isCaselessSentence(toks []token, from, to int) bool {
	up, cased := 0, 0
	for k := from; k < to; k++ {
		if toks[k].kind != tkWord {
			continue
		}
		for _, r := range toks[k].text {
			if unicode.IsUpper(r) {
				up++
				cased++
			} else if unicode.IsLower(r) {
				cased++
			}
		}
	}
	return cased >= 4 && up*10 >= cased*9
}

// trueCase marks the all-caps sentences of the article (d.caseless) and
// re-cases their words.
func (d *doc) trueCase() {
	d.caseless = make([]bool, len(d.sents))
	any := false
	for si, s := range d.sents {
		if isCaselessSentence(d.toks, s.from, s.to) {
			d.caseless[si] = true
			any = true
			continue
		}
		// "PORTUGAL, May 3 -", "LISBON, Portugal": a name the gazetteer
		// writes in mixed case, in capitals in a mixed-case sentence.
		for k := s.from; k < s.to; k++ {
			if t := d.toks[k]; t.upper && len(t.text) > 3 {
				if p, ok := d.lx.matchGazFold(d.toks, k, k+1); ok && len(p.words) == 1 && !isUpperWord(p.words[0]) {
					d.setCase(k, p.words[0])
				}
			}
		}
	}
	if !any {
		return
	}
	ev := map[string]*caseEvidence{}
	for si, s := range d.sents {
		if d.caseless[si] {
			continue
		}
		for k := s.from; k < s.to; k++ {
			t := d.toks[k]
			if t.kind != tkWord {
				continue
			}
			if t.cap && (k == s.from || d.toks[k-1].kind == tkPunct && d.toks[k-1].text != "," && d.toks[k-1].text != "(") {
				// Sentence-initial, or after a quote, a colon or a dash:
				// capitals there say nothing.
				continue
			}
			e := ev[t.lower]
			if e == nil {
				e = &caseEvidence{}
				ev[t.lower] = e
			}
			if t.cap {
				if e.capMid == 0 {
					e.form = t.text
				}
				e.capMid++
			} else {
				e.low++
			}
		}
	}
	for si, s := range d.sents {
		if d.caseless[si] {
			d.trueCaseSentence(s, ev)
		}
	}
}

// trueCaseSentence re-cases the words of the all-caps sentence s.
func (d *doc) trueCaseSentence(s sentence, ev map[string]*caseEvidence) {
	row := isTableRow(d.toks, s)
	for k := s.from; k < s.to; {
		t := d.toks[k]
		if t.kind != tkWord {
			k++
			continue
		}
		if p, ok := d.lx.matchGazFold(d.toks, k, s.to); ok && d.foldGazOK(p, ev) {
			for x, w := range p.words {
				d.setCase(k+x, w)
			}
			k += len(p.words)
			continue
		}
		switch {
		case row && !versusWords[t.lower]:
			// "TARVIN HAWKS 10 13 5": in a table row every word is a name.
			if e := ev[t.lower]; e != nil && e.capMid > 0 {
				d.setCase(k, e.form)
			} else if d.lx.common[t.lower] || !acronymShape(t.text) {
				d.setCase(k, capFirst(t.lower))
			}
		case strings.IndexByte(t.text, '-') > 0:
			parts := strings.Split(t.text, "-")
			for x, p := range parts {
				parts[x] = d.caseWord(p, ev)
			}
			d.setCase(k, strings.Join(parts, "-"))
		default:
			d.setCase(k, d.caseWord(t.text, ev))
		}
		k++
	}
}

// versusWords stand between the sides of a fixture.
var versusWords = map[string]bool{"at": true, "v": true, "vs": true, "vs.": true}

// isTableRow reports whether the all-caps sentence s is a row of a table
// of results or standings: words and numbers only, with a number or a
// single "AT" or "V" between two names ("TARVIN 14 4", "TARVIN HAWKS AT
// OLBURY").
func isTableRow(toks []token, s sentence) bool {
	nums, versus, words := 0, 0, 0
	for k := s.from; k < s.to; k++ {
		t := toks[k]
		switch {
		case t.kind == tkNum:
			nums++
		case t.kind == tkWord && versusWords[t.lower]:
			versus++
		case t.kind == tkWord:
			words++
		}
	}
	return words > 0 && words <= 4 && (nums >= 1 && versus == 0 && toks[s.from].kind == tkWord || nums == 0 && versus == 1)
}

// acronymShape reports whether the all-caps word w has the shape of an
// acronym: three letters or fewer, or four or five with at most one vowel
// ("NHL", "WTO"). Common words of that shape ("HAWKS") are the caller's
// to rule out.
func acronymShape(w string) bool {
	n, vowels := 0, 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
		switch r {
		case 'A', 'E', 'I', 'O', 'U', 'Y':
			vowels++
		}
	}
	return n >= 2 && (n <= 3 || n <= 5 && vowels <= 1)
}

// foldGazOK reports whether a gazetteer phrase matched regardless of case
// in an all-caps sentence names its entry: an acronym alias ("US", "CAR")
// that is also a common word names it only if the article writes it so
// elsewhere.
func (d *doc) foldGazOK(p phrase, ev map[string]*caseEvidence) bool {
	if len(p.words) > 1 {
		return true
	}
	w := p.words[0]
	lw := strings.ToLower(w)
	e := ev[lw]
	if e != nil && e.low > e.capMid {
		// "turkey" in an article about food.
		return false
	}
	if isUpperWord(w) && (d.lx.common[lw] || e != nil && e.low > 0) {
		return e != nil && e.capMid > 0 && e.form == w
	}
	return true
}

// caseWord returns the running-text case of the all-caps word w.
func (d *doc) caseWord(w string, ev map[string]*caseEvidence) string {
	lw := strings.ToLower(w)
	if e := ev[lw]; e != nil {
		switch {
		case e.capMid > e.low:
			return e.form
		case e.low > 0:
			return lw
		}
	}
	switch {
	case w == "":
		return w
	case strings.IndexByte(w, '.') >= 0 && isAbbrevish(strings.TrimSuffix(w, ".")):
		return w // "U.S.", "J."
	case utf8.RuneCountInString(w) == 1:
		return lw
	case d.lx.common[lw]:
		return lw
	case acronymShape(w):
		return w // "NHL", "WTO"
	case strings.IndexFunc(w, unicode.IsDigit) >= 0:
		return w
	}
	return capFirst(lw)
}

// setCase gives token k the text w (the same word in another case).
func (d *doc) setCase(k int, w string) {
	t := &d.toks[k]
	if t.text == w {
		return
	}
	t.text = w
	r, _ := utf8.DecodeRuneInString(w)
	t.cap = unicode.IsUpper(r)
	t.upper = isUpperWord(w)
}

// isUpperWord reports whether every letter of w is upper case and it has
// more than one.
func isUpperWord(w string) bool {
	letters := 0
	for _, c := range w {
		if unicode.IsLetter(c) {
			letters++
			if !unicode.IsUpper(c) {
				return false
			}
		}
	}
	return letters > 1
}
