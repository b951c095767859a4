package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/eventlex"
	"github.com/kgraph/kg/schema"
)

// Word classes used to read patterns and multi-word verbs. A particle is an
// adverb that a parser attaches as compound:prt ("call OFF", "turn DOWN");
// a preposition introduces the phrase that holds a target or a fixed noun.
//
// Some words are both: "in", "over", "through", "around", "along", "about",
// "on". Bare after the verb they are a preposition when a phrase follows
// and a particle at the end ("step IN", "talk OVER"), except "on" and
// "about", which stay prepositions ("settle ON", "bring ABOUT" aside).
var (
	particles    = set("up", "down", "out", "off", "away", "back", "forward", "aside", "together", "apart", "forth")
	ambiguous    = set("in", "over", "through", "around", "along", "about", "on")
	prepositions = set("to", "with", "at", "on", "by", "of", "for", "after", "against", "into",
		"from", "upon", "about", "toward", "towards", "as", "before", "behind", "between", "during",
		"near", "under", "within", "without", "among", "along", "across", "until", "onto", "beyond",
		"inside", "outside", "throughout", "amid", "despite", "in", "over", "through", "around",
		"out", "off", "up", "aside", "down", "like", "than", "via", "per")
	determiners = set("a", "an", "the")
	// auxiliaries are stems of multi-word "verbs" built on be, have or a
	// modal ("+IS_DETERMINED"): their lemma is not the verb a parser sees.
	auxiliaries = set("is", "was", "were", "are", "am", "be", "been", "has", "have", "had", "will", "would")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// skips counts the dictionary items derive leaves out, by reason.
type skips map[string]int

func (s skips) add(reason string) { s[reason]++ }

// constraints is a pattern being assembled from a verb's extra words and a
// dictionary pattern.
type constraints struct {
	prt   string
	obj   []string // noun phrase words, head last; "&name" for a synonym set
	subj  []string
	pps   []ppReq
	slots []string // explicit target arguments: "obj", "prep:P"
}

type ppReq struct {
	prep string
	np   []string // nil: any head
}

// text returns the pattern in events.tsv syntax.
func (c *constraints) text(d *dict) string {
	var parts []string
	if c.prt != "" {
		parts = append(parts, "prt="+c.prt)
	}
	if c.obj != nil {
		parts = append(parts, "obj="+npText(d, c.obj))
	}
	if c.subj != nil {
		parts = append(parts, "subj="+npText(d, c.subj))
	}
	for _, p := range c.pps {
		h := "*"
		if p.np != nil {
			h = npText(d, p.np)
		}
		parts = append(parts, "pp="+p.prep+":"+h)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}

// npText writes a noun phrase: head alternatives, then one ~-group per
// modifier (a word, or a synonym set of alternatives).
func npText(d *dict, words []string) string {
	var b strings.Builder
	b.WriteString(strings.Join(wordAlts(words[len(words)-1]), "|"))
	for _, m := range words[:len(words)-1] {
		// A modifier is mostly an adjective or a noun used as one:
		// no number forms.
		b.WriteByte('~')
		if strings.HasPrefix(m, "&") {
			b.WriteString(synName(m))
		} else {
			b.WriteString(m)
		}
	}
	return b.String()
}

// wordAlts returns the alternatives of a pattern noun: a synonym set
// reference as is, else the word with its plural or singular, since the
// dictionary writes whichever form it met and a matcher sees lemmas.
func wordAlts(w string) []string {
	if strings.HasPrefix(w, "&") {
		return []string{synName(w)}
	}
	return nounForms(w, true)
}

// functionWords are pattern words that are no nouns ("DEMAND THAT +",
// "THEMSELVES"): they get no number forms.
var functionWords = set("that", "this", "these", "those", "if", "himself", "herself", "itself",
	"themselves", "ourselves", "each", "other", "others", "not", "all", "any", "whether", "his", "her", "its", "their")

func nounForms(w string, inflect bool) []string {
	out := []string{w}
	if !inflect || !isAlpha(w) || functionWords[w] {
		return out
	}
	if s := singular(w); s != "" {
		out = append(out, s)
	} else {
		out = append(out, plural(w))
	}
	return out
}

func isAlpha(w string) bool {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return len(w) > 2
}

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "is"):
		return w[:len(w)-2] + "es"
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// singular returns the singular of a regular plural, or "" when w does not
// look like one.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return ""
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return ""
}

// token kinds of a pattern side.
type item struct {
	word  string   // a bare word
	np    []string // a {...} phrase
	group []string // a (...) phrase: preposition first
}

func tokenize(s string) ([]item, error) {
	for _, c := range "(){}" {
		s = strings.ReplaceAll(s, string(c), " "+string(c)+" ")
	}
	var toks []string
	for _, t := range strings.Fields(strings.ToLower(s)) {
		// "_" joins the words of one phrase ("harsh_ripostes",
		// "fighter_&aircraft"); a synonym set name keeps its own.
		if strings.HasPrefix(t, "&") {
			toks = append(toks, t)
			continue
		}
		for _, w := range strings.Split(t, "_") {
			if w != "" {
				toks = append(toks, w)
			}
		}
	}
	var out []item
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "(", "{":
			closer := map[string]string{"(": ")", "{": "}"}[toks[i]]
			j := i + 1
			depth := 0
			var inner []string
			for ; j < len(toks); j++ {
				if toks[j] == closer && depth == 0 {
					break
				}
				switch toks[j] {
				case "{":
					depth++
					continue
				case "}":
					depth--
					continue
				}
				inner = append(inner, toks[j])
			}
			if j == len(toks) {
				return nil, fmt.Errorf("unclosed %s", toks[i])
			}
			if toks[i] == "(" {
				if len(inner) == 0 {
					return nil, fmt.Errorf("empty ()")
				}
				out = append(out, item{group: inner})
			} else {
				if len(inner) == 0 {
					return nil, fmt.Errorf("empty {}")
				}
				out = append(out, item{np: inner})
			}
			i = j
		case ")", "}":
			return nil, fmt.Errorf("unmatched %s", toks[i])
		default:
			out = append(out, item{word: toks[i]})
		}
	}
	return out, nil
}

// ppFrom reads the object of a preposition: "+" makes it the target, "^"
// any phrase, "$" (the source after the verb) is not supported; other
// words are a noun phrase without determiners. A second preposition right
// after the first joins it ("out of" is case "out"); one later is not
// supported. prep may hold alternatives ("by/with").
func ppFrom(prep string, words []string) (req *ppReq, slot string, err error) {
	cases := strings.Split(prep, "/")
	for _, c := range cases {
		if !prepositions[c] {
			return nil, "", fmt.Errorf("(%s ...) does not start with a preposition", prep)
		}
	}
	prep = strings.Join(cases, "|")
	for len(words) > 0 && prepositions[words[0]] && !strings.HasPrefix(words[0], "&") {
		words = words[1:]
	}
	var np []string
	target, any := false, false
	for _, w := range words {
		switch {
		case prepositions[w]:
			return nil, "", fmt.Errorf("preposition %q inside a phrase", w)
		case w == "+":
			target = true
		case w == "^":
			any = true
		case w == "$":
			return nil, "", fmt.Errorf("source marker $ after the verb")
		case determiners[w]:
		default:
			np = append(np, w)
		}
	}
	switch {
	case target || (len(np) == 0 && !any):
		var slots []string
		for _, c := range cases {
			slots = append(slots, "prep:"+c)
		}
		return &ppReq{prep: prep}, strings.Join(slots, ","), nil
	case len(np) == 0:
		return &ppReq{prep: prep}, "", nil
	}
	return &ppReq{prep: prep, np: np}, "", nil
}

// readSide reads one side of a pattern into c: post is true after the verb
// (noun phrase = object), false before it (noun phrase = subject).
func readSide(c *constraints, s string, post bool) error {
	items, err := tokenize(s)
	if err != nil {
		return err
	}
	var nps [][]string
	var cur []string
	flush := func() {
		if cur != nil {
			nps = append(nps, cur)
			cur = nil
		}
	}
	for i := 0; i < len(items); i++ {
		it := items[i]
		switch {
		case it.group != nil:
			flush()
			req, slot, err := ppFrom(it.group[0], it.group[1:])
			if err != nil {
				return err
			}
			c.pps = append(c.pps, *req)
			if slot != "" {
				c.slots = append(c.slots, slot)
			}
		case it.np != nil:
			flush()
			nps = append(nps, it.np)
		case it.word == "+":
			if !post {
				return fmt.Errorf("target marker + before the verb")
			}
			flush()
			c.slots = append(c.slots, "obj")
		case it.word == "$":
			return fmt.Errorf("source marker $")
		case it.word == "^":
			flush()
		case post && (particles[it.word] || ambiguous[it.word] && i+1 == len(items) && it.word != "on" && it.word != "about"):
			flush()
			if c.prt != "" && c.prt != it.word {
				return fmt.Errorf("two particles")
			}
			c.prt = it.word
		case prepositions[it.word]:
			flush()
			// A bare preposition takes the bare words, markers and one
			// phrase that follow it.
			var words []string
			j := i + 1
			for ; j < len(items); j++ {
				n := items[j]
				if n.group != nil || (n.word != "" && (prepositions[n.word] || particles[n.word])) {
					break
				}
				if n.np != nil {
					words = append(words, n.np...)
					j++
					break
				}
				words = append(words, n.word)
			}
			req, slot, err := ppFrom(it.word, words)
			if err != nil {
				return err
			}
			c.pps = append(c.pps, *req)
			if slot != "" {
				c.slots = append(c.slots, slot)
			}
			i = j - 1
		case determiners[it.word]:
		default:
			cur = append(cur, it.word)
		}
	}
	flush()
	switch {
	case len(nps) > 1:
		return fmt.Errorf("%d noun phrases on one side", len(nps))
	case len(nps) == 1 && post:
		if c.obj != nil {
			return fmt.Errorf("the verb's own words already fix the object")
		}
		c.obj = nps[0]
	case len(nps) == 1:
		c.subj = nps[0]
	}
	return nil
}

// verbConstraints reads the words after a multi-word verb: a particle, a
// preposition (which then holds the target) or object words.
func verbConstraints(v *verb) (*constraints, error) {
	c := &constraints{}
	var obj []string
	for i, w := range v.back {
		switch {
		case w == "and" || w == "or":
			return nil, fmt.Errorf("coordinated verbs (KILLED_AND)")
		case particles[w] || ambiguous[w] && i+1 == len(v.back) && w != "on" && w != "about":
			if c.prt != "" {
				return nil, fmt.Errorf("two particles")
			}
			c.prt = w
		case prepositions[w]:
			c.pps = append(c.pps, ppReq{prep: w})
			c.slots = append(c.slots, "prep:"+w)
		default:
			obj = append(obj, w)
		}
	}
	if obj != nil {
		c.obj = obj
	}
	return c, nil
}

// merge adds pattern p's constraints to the verb's own.
func merge(verbC *constraints, p *pattern) (*constraints, error) {
	c := &constraints{prt: verbC.prt, obj: verbC.obj,
		pps: append([]ppReq(nil), verbC.pps...), slots: append([]string(nil), verbC.slots...)}
	if err := readSide(c, p.post, true); err != nil {
		return nil, err
	}
	if len(verbC.slots) > 0 && c.obj != nil && verbC.obj == nil {
		// "+ASK_FOR" with "* HELP": the noun is the preposition's object,
		// not a direct object, and the pattern was written for the bare verb.
		return nil, fmt.Errorf("a verb with its own preposition and a fixed object")
	}
	if p.pre != "" {
		pre := &constraints{}
		if err := readSide(pre, p.pre, false); err != nil {
			return nil, fmt.Errorf("before the verb: %w", err)
		}
		if pre.prt != "" || len(pre.slots) > 0 {
			return nil, fmt.Errorf("before the verb: particle or target")
		}
		c.subj = pre.subj
		c.pps = append(c.pps, pre.pps...)
	}
	if verbC.prt != "" && c.prt != verbC.prt {
		return nil, fmt.Errorf("two particles")
	}
	// The verb's own preposition may come again in the pattern ("+FIRE_AT"
	// with "* &ARMS (AT)"): keep one test.
	seen := map[string]bool{}
	pps := c.pps[:0]
	for _, p := range c.pps {
		k := p.prep + ":" + strings.Join(p.np, " ")
		if !seen[k] {
			seen[k] = true
			pps = append(pps, p)
		}
	}
	c.pps = pps
	return c, nil
}

// testsNoun reports whether c fixes an object, a subject or the head of a
// prepositional phrase.
func (c *constraints) testsNoun() bool {
	if c.obj != nil || c.subj != nil {
		return true
	}
	for _, p := range c.pps {
		if p.np != nil {
			return true
		}
	}
	return false
}

// undefined returns the first synonym set c uses that d does not define.
func (c *constraints) undefined(d *dict) string {
	check := func(ws []string) string {
		for _, w := range ws {
			if strings.HasPrefix(w, "&") {
				if _, ok := d.synsets[strings.ToUpper(w)]; !ok {
					return w
				}
			}
		}
		return ""
	}
	if u := check(c.obj); u != "" {
		return u
	}
	if u := check(c.subj); u != "" {
		return u
	}
	for _, p := range c.pps {
		if u := check(p.np); u != "" {
			return u
		}
	}
	return ""
}

// objectHeads returns the possible heads of c's fixed object, synonym sets
// expanded.
func (c *constraints) objectHeads(d *dict) []string {
	if c.obj == nil {
		return nil
	}
	h := c.obj[len(c.obj)-1]
	if strings.HasPrefix(h, "&") {
		return synsetWords(d.synsets[strings.ToUpper(h)])
	}
	return wordAlts(h)
}

// synsetWords expands a synonym set to its head words with their plurals
// or singulars, sorted.
func synsetWords(s *synset) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range s.members {
		for _, w := range nounForms(m.head, m.plural) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Strings(out)
	return out
}

// codeHalves splits a dictionary code: "042:043" -> active 042, passive 043
// ("the target hosts the source"); "---" and "" are no code.
func codeHalves(code string) (active, passive string) {
	a, p, _ := strings.Cut(code, ":")
	if a == "---" {
		a = ""
	}
	if p == "---" {
		p = ""
	}
	return strings.TrimSpace(a), strings.TrimSpace(p)
}

// deriver turns a dictionary into entries.
type deriver struct {
	d      *dict
	tab    *eventlex.CAMEOTable
	skip   skips
	forms  map[string]map[string]bool // form -> lemmas
	lemmas map[string]bool
	// unmapped counts codes that no table key covers.
	unmapped map[string]int
	syn      map[string][]string
}

func newDeriver(d *dict, tab *eventlex.CAMEOTable) *deriver {
	dv := &deriver{d: d, tab: tab, skip: skips{}, forms: map[string]map[string]bool{},
		lemmas: map[string]bool{}, unmapped: map[string]int{}}
	for _, b := range d.blocks {
		for _, v := range b.verbs {
			dv.lemmas[v.lemma] = true
			for _, f := range v.forms {
				if dv.forms[f] == nil {
					dv.forms[f] = map[string]bool{}
				}
				dv.forms[f][v.lemma] = true
			}
		}
	}
	return dv
}

// lemmaOf returns the lemma of a verb form the dictionary knows.
func (dv *deriver) lemmaOf(form string) string {
	if dv.lemmas[form] {
		return form
	}
	ls := dv.forms[form]
	if len(ls) == 0 {
		return form
	}
	keys := make([]string, 0, len(ls))
	for l := range ls {
		keys = append(keys, l)
	}
	sort.Strings(keys)
	return keys[0]
}

// foundKey normalizes a verb named in a pattern comment ("RULED_OUT") to a
// verb key ("rule out").
func (dv *deriver) foundKey(f string) string {
	words := strings.Split(f, "_")
	words[0] = dv.lemmaOf(words[0])
	return strings.Join(words, " ")
}

// entries derives every entry of the dictionary.
func (dv *deriver) entries() []eventlex.Entry {
	var out []eventlex.Entry
	for _, b := range dv.d.blocks {
		for _, v := range b.verbs {
			if len(v.front) > 0 {
				dv.skip.add("verb with words before it (WIRE_+TAP)")
				continue
			}
			if auxiliaries[v.lemma] {
				dv.skip.add("verb built on be, have or a modal (+IS_DETERMINED)")
				continue
			}
			vc, err := verbConstraints(v)
			if err != nil {
				dv.skip.add("verb words: " + err.Error())
				continue
			}
			code := v.code
			if code == "" {
				code = b.code
			}
			out = append(out, dv.make(b, v, vc, code, eventlex.FromCAMEO)...)
			for _, p := range b.patterns {
				c, err := merge(vc, p)
				if err != nil {
					dv.skip.add("pattern: " + err.Error())
					continue
				}
				if u := c.undefined(dv.d); u != "" {
					dv.skip.add("pattern uses an undefined synonym set")
					continue
				}
				src := eventlex.FromSynonym
				if len(p.found) == 0 {
					if v.lemma == strings.ToLower(b.name) {
						src = eventlex.FromCAMEO
					}
				} else {
					for _, f := range p.found {
						if dv.foundKey(f) == v.key() {
							src = eventlex.FromCAMEO
						}
					}
				}
				if src == eventlex.FromSynonym && !c.testsNoun() {
					// A pattern that tests no noun ("- * (ON)") is a reading
					// of the verb it was found with; spread over the block
					// it would give "phone on X" or "repeat X" a relation.
					dv.skip.add("synonym entry: pattern tests no noun")
					continue
				}
				out = append(out, dv.make(b, v, c, p.code, src)...)
			}
		}
	}
	return out
}

// make builds the entries of one verb with constraints c and dictionary
// code code.
func (dv *deriver) make(b *block, v *verb, c *constraints, code string, src eventlex.Source) []eventlex.Entry {
	active, passive := codeHalves(code)
	if passive == active {
		// "A:A" marks a mutual act; kg gives the reverse direction only
		// when the text names both actors as subjects, which is the
		// extractor's coordination rule, not the verb's.
		passive = ""
	}
	var out []eventlex.Entry
	for half, cd := range []string{active, passive} {
		if cd == "" {
			continue
		}
		if !validCode(cd) {
			dv.skip.add("malformed code")
			continue
		}
		ms, _, ok := dv.tab.Map(cd, b.name, v.lemma)
		if !ok {
			dv.unmapped[cd]++
			continue
		}
		for _, m := range ms {
			typ := m.Type
			if c.obj != nil {
				typ = dv.tab.Rewrite(typ, c.objectHeads(dv.d))
				if typ == "" {
					dv.skip.add("rewritten to no relation by its object")
					continue
				}
			}
			rev := m.Reverse != (half == 1)
			if typ.Symmetric() {
				rev = false
			}
			slot := dv.slot(typ, c)
			pat, err := eventlex.ParsePattern(c.text(dv.d), dv.synsetMap())
			if err != nil {
				dv.skip.add("pattern not expressible: " + err.Error())
				continue
			}
			if err := checkLemma(v.lemma); err != nil {
				dv.skip.add("lemma: " + err.Error())
				continue
			}
			out = append(out, eventlex.Entry{
				Lemma: v.lemma, Pattern: pat, Type: typ, Slot: slot, Reverse: rev,
				CAMEO: cd, Source: src, Block: b.name,
			})
		}
	}
	return out
}

func validCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func checkLemma(l string) error { return eventlex.CheckWord(l) }

// slot returns an entry's target slot: the targets its pattern marks, else
// the table's default for a fixed or a free object. A bare (FOR) on a
// judgement ("attacked X (FOR) ...", "sued X (FOR) ...") names the reason,
// not the one judged: such an entry keeps the default slot.
func (dv *deriver) slot(typ schema.RelationType, c *constraints) eventlex.Slot {
	var text string
	switch {
	case len(c.slots) == 1 && c.slots[0] == "prep:for" && (typ == schema.Criticizes || typ == schema.Accuses):
		if c.obj != nil {
			return dv.tab.FixedSlot[typ]
		}
		return dv.tab.FreeSlot[typ]
	case len(c.slots) > 0:
		seen := map[string]bool{}
		var parts []string
		for _, s := range c.slots {
			if !seen[s] {
				seen[s] = true
				parts = append(parts, s)
			}
		}
		text = strings.Join(parts, ",")
	case c.obj != nil:
		return dv.tab.FixedSlot[typ]
	default:
		return dv.tab.FreeSlot[typ]
	}
	s, err := eventlex.ParseSlot(text)
	if err != nil {
		panic(err) // built from checked words
	}
	return s
}

// synName is the events.tsv name of a dictionary synonym set:
// "&FIGHT_OF_WORDS" -> "&fight-of-words".
func synName(n string) string { return strings.ToLower(strings.ReplaceAll(n, "_", "-")) }

// synsetMap returns the synonym sets as events.tsv names them ("&weapon").
func (dv *deriver) synsetMap() map[string][]string {
	if dv.syn == nil {
		dv.syn = map[string][]string{}
		for name, s := range dv.d.synsets {
			dv.syn[synName(name)] = synsetWords(s)
		}
	}
	return dv.syn
}

// englishForms returns the -s, -ed and -ing forms of a regular English verb,
// for the verbs the dictionary lacks: e-drop, y -> ie after a consonant,
// and the final consonant doubled after one short vowel in a one-syllable
// verb ("slap" -> "slapped").
func englishForms(v string) []string {
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	n := len(v)
	if n < 2 {
		return nil
	}
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"),
		strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "sh"):
		s = v + "es"
	case v[n-1] == 'y' && !vowel(v[n-2]):
		s = v[:n-1] + "ies"
	default:
		s = v + "s"
	}
	vowels := 0
	for i := 0; i < n; i++ {
		if vowel(v[i]) {
			vowels++
		}
	}
	double := vowels == 1 && n >= 3 && !vowel(v[n-1]) && vowel(v[n-2]) && !vowel(v[n-3]) &&
		strings.IndexByte("wxy", v[n-1]) < 0
	switch {
	case v[n-1] == 'e':
		ed, ing = v+"d", v[:n-1]+"ing"
		if strings.HasSuffix(v, "ee") || strings.HasSuffix(v, "ye") || strings.HasSuffix(v, "oe") {
			ing = v + "ing"
		}
	case v[n-1] == 'y' && !vowel(v[n-2]):
		ed, ing = v[:n-1]+"ied", v+"ing"
	case double:
		ed, ing = v+v[n-1:]+"ed", v+v[n-1:]+"ing"
	default:
		ed, ing = v+"ed", v+"ing"
	}
	return []string{s, ed, ing}
}
