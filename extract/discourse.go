package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// This file resolves references to actors named in another sentence:
//   - a plural description ("the two countries", "both neighbours", "the
//     three states", "the two" alone) stands for the actors named together
//     before it (setReference, numberReference, namedSet);
//   - a description of a person or body ("the prime minister", "the
//     former general", "the 58-year-old", "the party", "the bloc", "the
//     country") stands for the latest entity its title, apposition, age or
//     name fits (discourseDescription, lastBloc);
//   - "he", "she", "it" from another sentence stand for the one fitting
//     entity of the nearest sentence that names some, or for its subject
//     (antecedent); "they" after unnamed people is those people
//     (notePeopleTopic); "the government" is the one state spoken of
//     (soleState).
// A reference that fits two readings equally resolves to nothing.

// setNouns are plural nouns that, after "the" with a number or after
// "both", stand for the actors named together before them; the value is
// the kind of actor they fit.
var setNouns = map[string]setKind{
	"country": setStates, "nation": setStates, "state": setStates, "government": setStates,
	"neighbour": setStates, "neighbor": setStates, "capital": setStates,
	"side": setActors, "rival": setActors, "party": setActors, "pair": setActors,
	"leader": setPersons, "minister": setPersons, "president": setPersons, "counterpart": setPersons,
}

// bareSetNouns stand for the set named before after "the" alone: "the
// neighbours condemned"; other set nouns need a number or "both" ("the
// countries" may be any countries).
var bareSetNouns = map[string]bool{"neighbour": true, "neighbor": true, "side": true, "rival": true}

// setKind is the kind of actor a set noun fits.
type setKind uint8

const (
	setStates  setKind = iota + 1 // states
	setActors                     // states, bodies, groups or persons
	setPersons                    // persons
)

// setNumbers are the counts a set description may give.
var setNumbers = map[string]int{"two": 2, "three": 3, "four": 4, "both": 2}

// fits reports whether entity type t fits the set kind k.
func (k setKind) fits(t schema.EntityType) bool {
	switch k {
	case setStates:
		return t == schema.Country
	case setPersons:
		return t == schema.Person
	}
	return actorOK(t)
}

// setReference resolves the plural description headed by noun w ("the
// two countries", "both neighbours") to the actors it stands for, or nil
// when w is no such description or its antecedent is not one set.
func (d *doc) setReference(c *clause, w int) []int {
	g := c.g
	kind := setNouns[g.words[w].Lemma]
	if kind == 0 || g.lower[w] == g.words[w].Lemma {
		return nil // not plural
	}
	n, the, mods := 0, false, false
	for _, k := range g.deps(w) {
		switch g.words[k].Rel.Base() {
		case syntax.Det:
			switch g.lower[k] {
			case "the":
				the = true
			case "both":
				n = 2
			default:
				return nil
			}
		case syntax.Nummod:
			if n = setNumbers[g.lower[k]]; n == 0 {
				return nil
			}
		case syntax.Case, syntax.Punct, syntax.CC, syntax.Conj, syntax.Acl:
		case syntax.Amod, syntax.Compound:
			// "the two neighbouring countries", "the three Sahel
			// states": with a number only; "the two other countries"
			// are others
			if otherWords[g.lower[k]] {
				return nil
			}
			mods = true
		default:
			if g.lower[k] == "both" {
				n = 2
				continue
			}
			return nil
		}
	}
	if g.words[w].Lemma == "pair" && n == 0 && the {
		n = 2 // "the pair"
	}
	if n == 0 && (mods || !(the && bareSetNouns[g.words[w].Lemma])) {
		return nil
	}
	es, named := d.namedSetOf(g.tok(w), n, kind)
	if named || g.words[w].Rel.Base() != syntax.NSubj {
		return es
	}
	return d.metSides(g.tok(w), n, kind)
}

// metSides returns the two sides of the meeting stated in the two
// sentences before token x ("Oduya flew to Kampala. There he met Lubega.
// The two leaders agreed ..."), when a set of n (0: any) of kind k may
// stand for them; else nil.
func (d *doc) metSides(x, n int, k setKind) []int {
	if n > 2 || len(d.lastMeet) != 2 || d.lastMeet[0] == d.lastMeet[1] {
		return nil
	}
	if si := d.sentOf(x); d.meetSent >= si || d.meetSent < si-2 {
		return nil
	}
	for _, e := range d.lastMeet {
		if t := d.ents[e].typ; k == setStates && t != schema.Country || !actorOK(t) {
			return nil
		}
	}
	return append([]int(nil), d.lastMeet...)
}

// numberReference resolves a number or "both" standing alone as a
// subject or object ("The two met in Arusha", "Both have accused") to the
// actors named together before it, or nil.
func (d *doc) numberReference(c *clause, w int) []int {
	g := c.g
	n := setNumbers[g.lower[w]]
	if n == 0 || g.words[w].POS != syntax.NUM && g.words[w].POS != syntax.DET {
		return nil
	}
	switch g.words[w].Rel.Base() {
	case syntax.NSubj, syntax.Obj:
	default:
		return nil
	}
	for _, k := range g.deps(w) {
		if r := g.words[k].Rel.Base(); r != syntax.Det && r != syntax.Punct {
			return nil
		}
	}
	return d.namedSet(g.tok(w), n, setActors)
}

// namedSet returns the actors of kind k named together last before token
// x: the list of coordinated actors in x's sentence before x (outside a
// prepositional phrase), else, in the nearest of the two sentences before
// that names actors of kind k, its list or its actors when it names
// exactly n of them (two when n is 0). n is the number the description
// gives (0: any number above one). A list of another size, or more actors
// than n, resolves to nothing.
func (d *doc) namedSet(x, n int, k setKind) []int {
	es, _ := d.namedSetOf(x, n, k)
	return es
}

// namedSetOf is namedSet, and reports whether it found actors of kind k
// to decide by (false: the sentences before name none, so another reading
// may apply).
func (d *doc) namedSetOf(x, n int, k setKind) ([]int, bool) {
	si := d.sentOf(x)
	for back := 0; back <= 2 && si-back >= 0; back++ {
		ms := d.sentMentions(si - back)
		if list := d.lastList(ms, x, k, back == 0); len(list) > 0 {
			if n > 0 && len(list) != n {
				return nil, true
			}
			return d.sidesOf(list, k), true
		}
		if back == 0 {
			continue
		}
		var ents []int
		for _, m := range ms {
			if m.mod || m.poss || !k.fits(d.ents[m.ent].typ) || d.ents[m.ent].place {
				continue
			}
			ents = appendNew(ents, m.ent)
		}
		switch want := max(n, 2); {
		case len(ents) == want:
			return d.sidesOf(ents, k), true
		case len(ents) > want:
			return nil, true
		case len(ents) > 0:
			return nil, false // fewer than the set: "There he met X"
		}
	}
	return nil, false
}

// sentMentions returns the mentions of sentence si.
func (d *doc) sentMentions(si int) []mention {
	if si < 0 || si >= len(d.sentEnd) {
		return nil
	}
	lo := 0
	if si > 0 {
		lo = d.sentEnd[si-1]
	}
	return d.ments[lo:d.sentEnd[si]]
}

// sidesOf returns the set with each person in it replaced by the state
// or body the person speaks for ("the two ministers" signing for their
// states); a set whose members would share one side stays as it is.
func (d *doc) sidesOf(es []int, k setKind) []int {
	if k == setStates {
		return es
	}
	var out []int
	for _, e := range es {
		out = appendNew(out, d.sideOf(e))
	}
	if len(out) != len(es) {
		return es
	}
	return out
}

// lastList returns the entities of the last list of two or more
// coordinated actors of kind k ("Kenya and Uganda", "Mali, Niger and
// Chad") among mentions ms that ends before token x, or nil. With
// headsOnly a list after a preposition does not count ("diplomats from
// Cuba and Norway ... commits both sides": the sides are others).
func (d *doc) lastList(ms []mention, x int, k setKind, headsOnly bool) []int {
	var best []int
	for i := 0; i < len(ms); i++ {
		if ms[i].to > x || ms[i].mod || !k.fits(d.ents[ms[i].ent].typ) {
			continue
		}
		if headsOnly && ms[i].from > 0 && listPreps[d.toks[ms[i].from-1].lower] {
			continue
		}
		list := []int{ms[i].ent}
		j := i
		for j+1 < len(ms) && ms[j+1].to <= x && k.fits(d.ents[ms[j+1].ent].typ) && d.joined(ms[j], ms[j+1]) {
			j++
			list = appendNew(list, ms[j].ent)
		}
		if len(list) >= 2 {
			best = list
		}
		i = j
	}
	return best
}

// joined reports whether mention b follows a in a list: "A and B", "A, B",
// "A, and B".
func (d *doc) joined(a, b mention) bool {
	gap := d.toks[a.to:b.from]
	switch len(gap) {
	case 1:
		return gap[0].lower == "and" || gap[0].text == ","
	case 2:
		return gap[0].text == "," && gap[1].lower == "and"
	}
	return false
}

// listPreps before a list put it in a prepositional phrase.
var listPreps = map[string]bool{
	"of": true, "from": true, "in": true, "with": true, "to": true, "by": true, "for": true,
	"against": true, "on": true, "at": true, "between": true, "among": true, "over": true,
}

// descOrgNouns after "the" (and lower-case or hyphenated modifiers: "the
// ruling party", "the Moscow-backed party") stand for the organization
// named last with that word in its name.
var descOrgNouns = map[string]bool{
	"party": true, "alliance": true, "coalition": true, "regulator": true, "front": true,
	"federation": true, "league": true, "union": true, "bloc": true, "association": true,
	"watchdog": true, "consortium": true, "network": true, "foundation": true, "institute": true,
	"rebels": true, "militants": true, "militia": true, "group": true, "company": true, "firm": true,
	"movement": true, "faction": true, "organisation": true, "organization": true,
}

// descStateNouns after "the" stand for the state spoken of before.
var descStateNouns = map[string]bool{"country": true, "kingdom": true, "nation": true, "republic": true}

// personNouns after "the" stand for the person named last whose title or
// apposition holds them: "Tomas Vilk, a Kenyan lawyer, ... The lawyer".
var personNouns = map[string]bool{
	"lawyer": true, "activist": true, "journalist": true, "businessman": true, "businesswoman": true,
	"tycoon": true, "billionaire": true, "candidate": true, "lawmaker": true, "leader": true,
	"politician": true, "economist": true, "diplomat": true, "judge": true, "cleric": true,
	"dissident": true, "chief": true, "head": true, "official": true,
	"executive": true, "founder": true, "negotiator": true, "mediator": true, "legislator": true,
}

// descQualifiers may stand before a person description without being part
// of the title: "the former general", "the new minister".
var descQualifiers = map[string]bool{"former": true, "new": true, "veteran": true, "outgoing": true, "incoming": true}

// discourseDescription reads a description at token i ("the" and a noun
// that refers back) that description leaves to it: a person by title,
// apposition or age ("the prime minister", "the former general", "the
// 58-year-old"), an organization by the word of its name ("the party"), a
// state ("the country"). A description that fits two entities named in one
// sentence resolves to nothing; it reports false when i starts no such
// description.
func (ms *mentionScan) discourseDescription(i int) (int, bool) {
	d, toks, end := ms.d, ms.d.toks, ms.end
	if age := ageWord(toks[i+1].lower); age != "" && (i+2 >= end || !d.isCapWord(i+2)) {
		return ms.describe(i, i+2, d.agedPerson(i, age))
	}
	j := i + 1
	for j < end && j < i+4 && toks[j].kind == tkWord && (!toks[j].cap || hyphenModifier(toks[j].lower)) &&
		!descWord(toks[j].lower) {
		j++
	}
	if j >= end || toks[j].kind != tkWord || toks[j].cap {
		return 0, false
	}
	if j+1 < end && (d.isCapWord(j+1) || ownerPreps[toks[j+1].lower] || toks[j+1].text == "," && j+2 < end && d.isCapWord(j+2)) {
		return 0, false // a title before its name or owner
	}
	// "the opposition leader", "the party leader": the last noun heads
	for j+1 < end && j < i+4 && d.posAt(j+1) == syntax.NOUN && descWord(toks[j+1].lower) {
		j++
	}
	if j+1 < end && d.posAt(j+1) == syntax.NOUN {
		return 0, false // "the coalition offer": a modifier of another noun
	}
	w := toks[j].lower
	switch {
	case personDescs[w] || personNouns[w]:
		return ms.describe(i, j+1, d.describedPerson(i, i+1, j+1))
	case descOrgNouns[w] || bodyNouns[w]:
		if e := d.describedOrg(i, w); e >= 0 || e == -2 {
			return ms.describe(i, j+1, e) // -2: two fit, none meant
		}
	case descStateNouns[w] && j == i+1:
		if e := d.describedState(i); e >= 0 {
			return ms.describe(i, j+1, e)
		}
	}
	return 0, false
}

// describe records the description [i, j) as a mention of entity e, or,
// with e < 0 (no single antecedent), reads it as naming nothing.
func (ms *mentionScan) describe(i, j, e int) (int, bool) {
	if e >= 0 {
		ms.d.addMention(mention{ent: e, from: i, to: j, sent: ms.si, kind: mkDesc, owner: -1})
	}
	return j, true
}

// hyphenModifier reports whether w is a hyphenated modifier ("moscow-backed",
// "state-run").
func hyphenModifier(w string) bool {
	k := strings.LastIndexByte(w, '-')
	return k > 0 && k+1 < len(w) && modifierSuffixes[w[k+1:]]
}

// ageWord returns the age an "N-year-old" word gives, or "".
func ageWord(w string) string {
	n, ok := strings.CutSuffix(w, "-year-old")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return ""
	}
	return n
}

// agedPerson returns the person named last before token x with the given
// age ("Ruth Kamau, 58,", "58-year-old Ruth Kamau"), or -1.
func (d *doc) agedPerson(x int, age string) int {
	return d.lastFitting(x, schema.Person, func(m mention) bool {
		if m.to+1 < len(d.toks) && d.toks[m.to].text == "," && d.toks[m.to+1].text == age {
			return true
		}
		return m.from > 0 && ageWord(d.toks[m.from-1].lower) == age
	})
}

// describedPerson returns the person named last before token x whose
// title or apposition holds the words [from, to) of a description (a
// qualifier such as "former" aside), or -1.
func (d *doc) describedPerson(x, from, to int) int {
	var words []string
	for k := from; k < to; k++ {
		if !descQualifiers[d.toks[k].lower] {
			words = append(words, d.toks[k].lower)
		}
	}
	return d.lastFitting(x, schema.Person, func(m mention) bool {
		desc := strings.Fields(titleHead(strings.ToLower(m.title)) + " " + titleHead(d.appositionAfter(m)))
	next:
		for _, w := range words {
			// whole words: "the general" is no secretary-general
			for _, f := range desc {
				if f == w {
					continue next
				}
			}
			return false
		}
		return true
	})
}

// titleHead returns title up to the body it names: "head" of "head of
// the chancellery of the president".
func titleHead(title string) string {
	for _, p := range []string{" of ", " at ", " for ", " to "} {
		if k := strings.Index(title, p); k >= 0 {
			title = title[:k]
		}
	}
	return title
}

// appositionAfter returns the lower-case text of the apposition after
// mention m ("Dara Venn, Kenya's foreign minister,"), or "".
func (d *doc) appositionAfter(m mention) string {
	if m.to >= len(d.toks) || d.toks[m.to].text != "," {
		return ""
	}
	var b strings.Builder
	for k := m.to + 1; k < len(d.toks) && k < m.to+10; k++ {
		t := d.toks[k]
		if t.text == "," || t.text == "." || t.text == ";" || d.tokSent[k] != m.sent {
			break
		}
		if p := d.posAt(k); p == syntax.VERB || p == syntax.AUX {
			if k == m.to+1 {
				return "" // the clause goes on: "X, rejected the offer"
			}
			break // "a group formed in 2017"
		}
		b.WriteString(t.lower)
		b.WriteByte(' ')
	}
	return b.String()
}

// posAt returns the tag of token k, or 0 when the sentence was not tagged.
func (d *doc) posAt(k int) syntax.POS {
	if k < len(d.syn) {
		return d.syn[k].POS
	}
	return 0
}

// describedOrg returns the body named last before token x that is called
// by the word w (see calledBy): -1 when none is, -2 when two bodies of one
// sentence are.
func (d *doc) describedOrg(x int, w string) int {
	found, sent := -1, -1
	for k := len(d.ments) - 1; k >= 0 && k >= len(d.ments)-maxScan; k-- {
		m := d.ments[k]
		// typing comes later: a body or group, or a name not yet
		// typed as a person, a state or a place
		switch d.ents[m.ent].typ {
		case schema.Person, schema.Country, schema.Location:
			continue
		}
		if m.to > x {
			continue
		}
		if found >= 0 && m.sent != sent {
			break
		}
		if !d.calledBy(m, w) {
			continue
		}
		if found >= 0 && m.ent != found {
			return -2
		}
		found, sent = m.ent, m.sent
	}
	return found
}

// calledBy reports whether the entity of mention m is called by the word
// w: w is in its name, or follows this mention of it ("the Democratic
// Centre party", "the pro-Western New Hearth bloc").
func (d *doc) calledBy(m mention, w string) bool {
	name := strings.ToLower(d.ents[m.ent].name)
	if strings.Contains(name, w) || strings.Contains(strings.ReplaceAll(name, "organization", "organisation"), w) {
		return true
	}
	if m.to < len(d.toks) && d.toks[m.to].lower == w && d.tokSent[m.to] == m.sent {
		return true
	}
	// "Petrova Energy, a Norwegian company,"
	for _, a := range strings.Fields(d.appositionAfter(m)) {
		if a == w {
			return true
		}
	}
	return false
}

// describedState returns the state "the country" at token x stands for:
// the one state named in the nearest of the two sentences before that
// names any, when x's own sentence names none before it; else -1.
func (d *doc) describedState(x int) int {
	si := d.sentOf(x)
	e, sent := -1, -1
	for k := len(d.ments) - 1; k >= 0 && k >= len(d.ments)-maxScan; k-- {
		m := d.ments[k]
		if m.to > x || d.ents[m.ent].typ != schema.Country || d.ents[m.ent].place || m.kind == mkMetonym {
			continue
		}
		switch {
		case m.sent == si:
			return -1
		case e >= 0 && m.sent != sent || m.sent < si-2:
			return e
		case e >= 0 && m.ent != e:
			return -1
		}
		e, sent = m.ent, m.sent
	}
	if d.homeGaz >= 0 && e >= 0 && d.ents[e].gaz != d.homeGaz {
		return -1 // the article's own state may be meant
	}
	return e
}

// lastFitting returns the entity of type t named last before token x whose
// mention fits, or -1 when there is none or when another entity that fits
// is named in the same sentence (the description is ambiguous).
func (d *doc) lastFitting(x int, t schema.EntityType, fits func(mention) bool) int {
	found, sent := -1, -1
	for k := len(d.ments) - 1; k >= 0 && k >= len(d.ments)-maxScan; k-- {
		m := d.ments[k]
		if m.to > x || d.ents[m.ent].typ != t {
			continue
		}
		if found >= 0 && m.sent != sent {
			break
		}
		if !fits(m) {
			continue
		}
		if found >= 0 && m.ent != found {
			return -1
		}
		found, sent = m.ent, m.sent
	}
	return found
}

// personAntecedent returns the person "he" or "she" at token x stands for:
// the person named last in x's own sentence before it; else, in the
// nearest of the three sentences before that names persons, the one it
// names, or when it names several, the one that is its subject. Several
// persons and no person subject resolve to nothing (-1).
func (d *doc) personAntecedent(x int) int {
	return d.antecedent(x, func(t schema.EntityType) bool { return t == schema.Person })
}

// actorAntecedent is personAntecedent for "it": the state, body or group
// meant.
func (d *doc) actorAntecedent(x int) int {
	return d.antecedent(x, func(t schema.EntityType) bool {
		return t == schema.Organization || t == schema.Country || t == schema.Group
	})
}

// antecedent returns the entity of a type that fits that a pronoun at
// token x stands for (see personAntecedent), or -1.
func (d *doc) antecedent(x int, fits func(schema.EntityType) bool) int {
	si := d.sentOf(x)
	var inSent []int
	for k, stop := d.scanRange(x); k >= stop; k-- {
		m := d.ments[k]
		if m.to > x || !fits(d.ents[m.ent].typ) || m.kind == mkMetonym && d.ents[m.ent].place {
			continue
		}
		if m.sent == si {
			return m.ent
		}
		if m.sent < si-3 || len(inSent) > 0 && m.sent != d.ments[inSent[0]].sent {
			break
		}
		inSent = append(inSent, k)
	}
	if len(inSent) == 0 {
		return -1
	}
	sent := d.ments[inSent[0]].sent
	var persons []int
	for _, k := range inSent {
		if !d.ments[k].mod {
			persons = appendNew(persons, d.ments[k].ent)
		}
	}
	if len(persons) == 0 {
		for _, k := range inSent {
			persons = appendNew(persons, d.ments[k].ent)
		}
	}
	if len(persons) == 1 {
		return persons[0]
	}
	if sent < len(d.topics) {
		for _, e := range d.topics[sent] {
			for _, p := range persons {
				if e == p {
					return e
				}
			}
		}
	}
	return d.leadingPerson(inSent, persons)
}

// leadingPerson returns, among the persons of one sentence (inSent holds
// their mentions, last first), the one its subject stands for when the
// parse gave no person subject: the person named first outside a
// prepositional phrase, when that person's state or body is the subject
// the parse found or no subject was found; else -1.
func (d *doc) leadingPerson(inSent, persons []int) int {
	if len(persons) < 2 || d.ents[persons[0]].typ != schema.Person {
		return -1
	}
	first := -1
	for i := len(inSent) - 1; i >= 0; i-- {
		m := d.ments[inSent[i]]
		if !m.mod && !m.poss && !d.afterPreposition(m) {
			first = m.ent
			break
		}
	}
	if first < 0 {
		return -1
	}
	sent := d.ments[inSent[0]].sent
	if sent >= len(d.topics) || len(d.topics[sent]) == 0 {
		return first
	}
	for _, e := range d.topics[sent] {
		if e == d.sideOf(first) && e != first {
			return first
		}
	}
	return -1
}

// afterPreposition reports whether mention m is the object of a
// preposition: "talks with Rosa Quint".
func (d *doc) afterPreposition(m mention) bool {
	for k := m.from - 1; k >= 0 && k >= m.from-3 && d.tokSent[k] == m.sent; k-- {
		t := d.toks[k]
		if t.kind != tkWord || t.cap {
			return false
		}
		if listPreps[t.lower] {
			return true
		}
	}
	return false
}

// otherWords before a set noun set it apart from the actors named before.
var otherWords = map[string]bool{"other": true, "remaining": true, "further": true, "new": true}

// topicSet returns the states, bodies or groups the subject of the
// sentence before si named when it named more than one ("Kenya and Uganda
// held talks. They ..."), or nil.
func (d *doc) topicSet(si int) []int {
	if si == 0 || si-1 >= len(d.topics) {
		return nil
	}
	var out []int
	for _, e := range d.topics[si-1] {
		if t := d.ents[e].typ; t != schema.Person && actorOK(t) {
			out = appendNew(out, e)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// itAntecedent returns the state or body "it" or "they" at token x stands
// for when its own clause has no subject to take: the first one the
// sentence before names, else, further back, the one actorAntecedent
// finds.
func (d *doc) itAntecedent(x int) int {
	si := d.sentOf(x)
	if si > 0 {
		for _, m := range d.sentMentions(si - 1) {
			if t := d.ents[m.ent].typ; !m.mod && (t == schema.Organization || t == schema.Country) {
				return m.ent
			}
		}
	}
	return d.actorAntecedent(x)
}

// blocHeads end the names of blocs and alliances of states: "Meridian
// Community", "Andean Union".
var blocHeads = map[string]bool{
	"community": true, "union": true, "alliance": true, "league": true, "bloc": true,
	"association": true, "pact": true, "coalition": true, "group": true, "market": true,
}

// lastBloc returns the body "the bloc" (w) at token x stands for: the
// last named of a gazetteer bloc with member bodies (see lastTopOrg) or a
// body the article calls by w ("the New Hearth bloc"); else the last named
// body whose name or gazetteer name is headed by a bloc word ("the
// Meridian Community", "Andean Trade Community"); or -1.
func (d *doc) lastBloc(x int, w string) int {
	if e := d.lastBlocOf(x, w, false); e >= 0 {
		return e
	}
	return d.lastBlocOf(x, w, true)
}

// lastBlocOf is lastBloc's scan: a gazetteer bloc with member bodies or a
// body called by w, or with named true, a body whose name a bloc word
// heads.
func (d *doc) lastBlocOf(x int, w string, named bool) int {
	for k := len(d.ments) - 1; k >= 0 && k >= len(d.ments)-maxScan; k-- {
		m := d.ments[k]
		if m.to > x {
			continue
		}
		// typing comes later: any name not yet typed as a person or
		// a place
		en := d.ents[m.ent]
		switch en.typ {
		case schema.Person, schema.Country, schema.Location:
			continue
		}
		if en.typ == schema.Organization && en.gaz >= 0 && d.lx.partOf[en.gaz] < 0 && len(d.lx.children[en.gaz]) > 0 {
			return m.ent
		}
		if m.to < len(d.toks) && d.toks[m.to].lower == w && d.tokSent[m.to] == m.sent {
			return m.ent
		}
		if named && d.blocNamed(en) {
			return m.ent
		}
	}
	return -1
}

// blocNamed reports whether entity en's name, or a name of its gazetteer
// entry, is headed by a bloc word: the last word, or the word before "of"
// ("Economic Community of West African States").
func (d *doc) blocNamed(en *docEnt) bool {
	names := []string{en.name}
	if en.gaz >= 0 && en.gaz < len(d.lx.entries) && d.lx.partOf[en.gaz] < 0 {
		names = append(names, d.lx.entries[en.gaz].Name)
		names = append(names, d.lx.entries[en.gaz].Aliases...)
	}
	for _, n := range names {
		ws := strings.Fields(strings.ToLower(n))
		min := 2
		for k, w := range ws {
			if w == "of" {
				ws, min = ws[:k], 1
				break
			}
		}
		if len(ws) >= min && blocHeads[ws[len(ws)-1]] {
			return true
		}
	}
	return false
}

// peopleNouns name people that are no entity: "they" after "Farmers
// blocked the roads" are the farmers, not the state the farmers are from.
var peopleNouns = map[string]bool{
	"farmer": true, "trader": true, "protester": true, "demonstrator": true, "worker": true,
	"student": true, "resident": true, "villager": true, "civilian": true, "fisherman": true,
	"migrant": true, "refugee": true, "people": true, "activist": true, "voter": true,
	"citizen": true, "journalist": true, "driver": true, "passenger": true, "tourist": true,
	"supporter": true, "family": true, "relative": true, "survivor": true, "victim": true,
	"doctor": true, "nurse": true, "teacher": true, "miner": true, "businessman": true,
	"crowd": true, "thousand": true, "hundred": true, "dozen": true,
}

// notePeopleTopic marks sentence c.si when its main subject, word k, is a
// plural of people that names no entity ("Kenyan farmers", "thousands of
// students").
func (d *doc) notePeopleTopic(c *clause, k int) {
	g := c.g
	if !peopleNouns[g.words[k].Lemma] || g.lower[k] == g.words[k].Lemma && g.words[k].Lemma != "people" {
		return
	}
	if d.mentionAt[g.tok(k)] >= 0 {
		return
	}
	if d.peopleTopic == nil {
		d.peopleTopic = map[int]bool{}
	}
	d.peopleTopic[c.si] = true
}

// soleState returns the state other than not that the nearest sentence
// naming states names up to token x, when it names one; -1 when it names
// several ("Kenya and Uganda traded accusations. The government ..." is
// either) or none is named.
func (d *doc) soleState(x, not int) int {
	e, sent := -1, -1
	for k, stop := d.scanRange(x); k >= stop; k-- {
		m := d.ments[k]
		if m.to > x || m.ent == not || d.ents[m.ent].typ != schema.Country || d.ents[m.ent].place {
			continue
		}
		if e >= 0 && m.sent != sent {
			break
		}
		if e >= 0 && m.ent != e {
			return -1
		}
		e, sent = m.ent, m.sent
	}
	return e
}

// descWord reports whether w may head a description that refers back.
func descWord(w string) bool {
	return personDescs[w] || personNouns[w] || descOrgNouns[w] || bodyNouns[w] || descStateNouns[w]
}
