package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tkWord tokKind = iota
	tkNum
	tkPunct
)

// token is one word, number or punctuation mark, with byte offsets into the
// article text.
type token struct {
	text       string
	lower      string
	start, end int
	kind       tokKind
	cap        bool // starts with an upper-case letter
	upper      bool // every letter upper case (an acronym or a shouted word)
	spaceAfter bool // white space follows
	nl         bool // a paragraph break precedes
}

// sentence is a run of tokens [from, to) and its byte span.
type sentence struct {
	from, to   int
	start, end int
}

// isWordRune reports whether r continues a word: letters, digits, marks and
// the inner joiners handled by tokenize.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into tokens. Words keep inner apostrophes, hyphens
// and dots of abbreviations ("People's", "Abdel-Fattah", "U.S."); a
// possessive "'s" is split off as its own token.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	i := 0
	nl := false
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' {
				nl = true
			}
			if len(toks) > 0 {
				toks[len(toks)-1].spaceAfter = true
			}
			i += w
			continue
		}
		start := i
		if isWordRune(r) {
			j := wordEnd(text, start, i+w)
			// Abbreviation dot: "U.S." "Gen." "Feb." keep their final dot.
			if j < len(text) && text[j] == '.' && isAbbrev(text[start:j]) {
				j++
			}
			toks = append(toks, mkToken(text, start, j, nl))
			nl = false
			i = j
			continue
		}
		// possessive 's after a word
		if (r == '\'' || r == '’') && len(toks) > 0 && toks[len(toks)-1].end == i {
			rest := text[i+w:]
			if len(rest) > 0 && (rest[0] == 's' || rest[0] == 'S') {
				r2, _ := utf8.DecodeRuneInString(rest[1:])
				if len(rest) == 1 || !isWordRune(r2) {
					toks = append(toks, mkToken(text, i, i+w+1, nl))
					nl = false
					i += w + 1
					continue
				}
			}
		}
		toks = append(toks, mkToken(text, i, i+w, nl))
		nl = false
		i += w
	}
	return toks
}

// thousands reports whether the comma at text[j] separates thousands in
// the number that starts at start: the number so far is digits (and
// separators), and three digits follow the comma, then no digit.
func thousands(text string, start, j int) bool {
	for k := start; k < j; k++ {
		if (text[k] < '0' || text[k] > '9') && text[k] != ',' {
			return false
		}
	}
	if j+4 > len(text) {
		return false
	}
	for k := j + 1; k < j+4; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return j+4 == len(text) || text[j+4] < '0' || text[j+4] > '9'
}

// wordEnd returns where the word that starts at start ends, scanning on
// from j: word runes, a thousands separator inside a number ("500,000"),
// and the joiners ' ’ - . & between word runes, though a dot only inside
// an abbreviation or a number and an apostrophe before a final s only
// when a letter follows it ("People's" is kept whole for the names).
func wordEnd(text string, start, j int) int {
	for j < len(text) {
		r2, w2 := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r2) {
			j += w2
			continue
		}
		if r2 == ',' && thousands(text, start, j) {
			j += 4
			continue
		}
		if !joiner(r2) {
			return j
		}
		r3, w3 := utf8.DecodeRuneInString(text[j+w2:])
		if j+w2 >= len(text) || !isWordRune(r3) {
			return j
		}
		if r2 == '.' && !(unicode.IsLetter(r3) && unicode.IsUpper(r3) && isAbbrevish(text[start:j])) && !unicode.IsDigit(r3) {
			return j
		}
		if (r2 == '\'' || r2 == '’') && (text[j+w2:j+w2+w3] == "s" || text[j+w2:j+w2+w3] == "S") {
			// possessive 's ends the word unless a letter follows
			r4, _ := utf8.DecodeRuneInString(text[j+w2+w3:])
			if j+w2+w3 >= len(text) || !isWordRune(r4) {
				return j
			}
		}
		j += w2 + w3
	}
	return j
}

// joiner reports whether r may join two parts of a word: ' ’ - ‑ . &.
func joiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || r == '‑' || r == '.' || r == '&'
}

func mkToken(text string, s, e int, nl bool) token {
	t := token{text: text[s:e], start: s, end: e, nl: nl}
	r, _ := utf8.DecodeRuneInString(t.text)
	switch {
	case unicode.IsLetter(r):
		t.kind = tkWord
	case unicode.IsDigit(r):
		t.kind = tkNum
	default:
		t.kind = tkPunct
	}
	t.cap = unicode.IsUpper(r)
	t.lower = strings.ToLower(t.text)
	if t.kind == tkWord {
		up, letters := true, 0
		for _, c := range t.text {
			if unicode.IsLetter(c) {
				letters++
				if !unicode.IsUpper(c) {
					up = false
				}
			}
		}
		t.upper = up && letters > 1
	}
	return t
}

// isAbbrevish reports whether s looks like the start of a dotted
// abbreviation ("U", "U.S", "e.g").
func isAbbrevish(s string) bool {
	if s == "" {
		return false
	}
	parts := strings.Split(s, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

// abbrevs are words that keep their final dot and do not end a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "cpt": true, "sgt": true, "adm": true, "brig": true, "cmdr": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "st": true, "jr": true, "sr": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "corp": true, "inc": true, "ltd": true, "co": true,
	"mt": true, "ft": true, "est": true, "approx": true, "dept": true, "univ": true, "pres": true,
	"amb": true, "supt": true, "insp": true, "messrs": true, "mme": true, "mlle": true,
}

// isAbbrev reports whether word w followed by a dot is an abbreviation.
func isAbbrev(w string) bool {
	if abbrevs[strings.ToLower(w)] {
		return true
	}
	// Dotted initialisms ("U.S", "U.N") and single capital initials ("J").
	if strings.Contains(w, ".") && isAbbrevish(w) {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return false
}

// nonFinal abbreviations never end a sentence: titles before a name.
var nonFinal = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "gen.": true, "lt.": true,
	"col.": true, "maj.": true, "capt.": true, "sgt.": true, "adm.": true, "brig.": true, "gov.": true,
	"sen.": true, "rep.": true, "rev.": true, "st.": true, "amb.": true, "cmdr.": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true,
	"sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true, "vs.": true, "mt.": true,
}

func isOpenQuote(s string) bool { return s == "\"" || s == "“" || s == "‘" || s == "«" }
func isCloseQuote(s string) bool {
	return s == "\"" || s == "”" || s == "’" || s == "»" || s == "'"
}

// splitSentences groups tokens into sentences. A sentence ends at . ! ?
// (with any closing quotes and brackets after it) when the next token
// starts a new sentence, at a paragraph break, and never after a title
// abbreviation or an initial.
func splitSentences(toks []token) []sentence {
	var out []sentence
	from := 0
	emit := func(to int) {
		if to > from {
			out = append(out, sentence{from: from, to: to, start: toks[from].start, end: toks[to-1].end})
		}
		from = to
	}
	for i := 0; i < len(toks); i++ {
		if i > from && toks[i].nl {
			emit(i)
		}
		t := toks[i]
		end := false
		switch {
		case t.text == "." || t.text == "!" || t.text == "?" || t.text == "…":
			end = true
		case t.kind == tkWord && strings.HasSuffix(t.text, ".") && !nonFinal[t.lower]:
			// "U.S." at the end of a sentence: ends it when a capitalized
			// word that is not a name-like continuation follows a space.
			if i+1 < len(toks) && toks[i+1].cap && isAbbrevish(strings.TrimSuffix(t.text, ".")) && len(t.text) > 2 {
				end = sentenceStarter(toks[i+1].lower)
			} else if i+1 < len(toks) && toks[i+1].cap && !isAbbrevish(strings.TrimSuffix(t.text, ".")) {
				end = true
			}
		}
		if !end {
			continue
		}
		j := i + 1
		for j < len(toks) && (isCloseQuote(toks[j].text) || toks[j].text == ")" || toks[j].text == "]") && toks[j].start == toks[j-1].end {
			j++
		}
		if j >= len(toks) {
			i = j - 1
			continue
		}
		next := toks[j]
		if next.cap || next.kind == tkNum || isOpenQuote(next.text) || next.nl || next.text == "(" {
			emit(j)
			i = j - 1
		}
	}
	emit(len(toks))
	return out
}

// sentenceStarter lists frequent sentence-initial words, used to decide
// whether "U.S." ends a sentence.
func sentenceStarter(w string) bool {
	switch w {
	case "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
		"but", "however", "in", "on", "at", "after", "before", "while", "his", "her", "their", "its",
		"there", "when", "as", "meanwhile", "separately", "earlier", "later", "last", "since":
		return true
	}
	return false
}
