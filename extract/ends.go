package extract

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

// agentOf finds the "by X" agent of a passive cue.
func (d *doc) agentOf(s sentence, heads []int, cEnd int) []int {
	for k := cEnd; k < s.to && k < cEnd+8; k++ {
		if d.toks[k].lower != "by" {
			continue
		}
		for _, mi := range heads {
			m := d.ments[mi]
			if m.from > k && m.from <= k+6 && actorOK(d.ents[m.ent].typ) && !m.poss {
				return []int{m.ent}
			}
		}
		return nil
	}
	return nil
}

// openingSubject is the subject the sentence opens with: a pronoun
// resolved, or its first actor outside prepositional phrases.
func (d *doc) openingSubject(s sentence, heads []int) []int {
	if s.to-s.from < 2 {
		return nil
	}
	switch d.toks[s.from].lower {
	case "he", "she":
		if e := d.personAntecedent(s.from); e >= 0 {
			return []int{e}
		}
		return nil
	}
	if len(heads) > 0 {
		m := d.ments[heads[0]]
		if (m.from == s.from || m.from == s.from+1 && d.toks[s.from].lower == "the") && !m.poss {
			if actorOK(d.ents[m.ent].typ) {
				return []int{m.ent}
			}
		}
	}
	return nil
}

// relativeBefore returns the token range of a relative clause (", who
// ..., ") that ends right before the verb at i, or an empty range.
func (d *doc) relativeBefore(s sentence, i int) (int, int) {
	p := i - 1
	for p > s.from {
		switch d.toks[p].lower {
		case "has", "have", "had", "was", "is", "were", "are", "will", "would", "also", "then", "later", "again", "already", "not":
			p--
			continue
		}
		break
	}
	if p <= s.from || d.toks[p].text != "," {
		return -1, -1
	}
	for k := p - 1; k > s.from; k-- {
		if d.toks[k].text == "," || d.toks[k].text == ";" {
			if k+1 < p {
				switch d.toks[k+1].lower {
				case "who", "which", "whose", "whom":
					return k, p
				}
				// ", led by General Oren Vask,"
				if k+2 < p && strings.HasSuffix(d.toks[k+1].lower, "ed") && d.toks[k+2].lower == "by" {
					return k, p
				}
			}
			return -1, -1
		}
	}
	return -1, -1
}

// subjectOf finds the subject mentions of the cue at i: the subject of the
// sentence for a participle clause, else the nearest head mention before
// it (see nearestSubject) with the actors coordinated with it, else what
// a pronoun before it stands for.
func (d *doc) subjectOf(s sentence, heads []int, i int) []int {
	toks := d.toks
	// ", accusing them of ...", ", rebuffing U.S. pressure": a participle
	// clause takes the subject of the sentence.
	if i > s.from+1 && toks[i-1].text == "," && strings.HasSuffix(toks[i].lower, "ing") {
		if e := d.mainSubject(s, heads, i); e >= 0 {
			return []int{e}
		}
	}
	best := d.nearestSubject(s, heads, i)
	if best < 0 {
		return d.pronounSubject(s, heads, i)
	}
	out := []int{d.ments[heads[best]].ent}
	// coordinated subjects: "Egypt and Qatar", "Chile and the Andean Council"
	for k := best - 1; k >= 0; k-- {
		prev := d.ments[heads[k]]
		if d.coordinated(heads, k+1, k+2 <= best) && actorOK(d.ents[prev.ent].typ) {
			out = append(out, prev.ent)
			continue
		}
		break
	}
	return out
}

// nearestSubject returns the index in heads of the nearest actor before
// the cue at i in the same clause that is neither inside a relative
// clause before the verb, nor a place, nor a possessor, nor in a
// prepositional phrase; or -1 when a clause break or a pronoun comes
// first.
func (d *doc) nearestSubject(s sentence, heads []int, i int) int {
	toks := d.toks
	relFrom, relTo := d.relativeBefore(s, i)
	for k := len(heads) - 1; k >= 0; k-- {
		m := d.ments[heads[k]]
		if m.to > i {
			continue
		}
		if m.from >= relFrom && m.to <= relTo {
			// inside ", who had threatened ...," before the verb
			continue
		}
		for x := m.to; x < i; x++ {
			if clauseBreak(toks[x]) {
				return -1
			}
		}
		if !actorOK(d.ents[m.ent].typ) || m.kind == mkMetonym && d.ents[m.ent].place || m.poss && m.kind != mkDemonym {
			continue
		}
		if m.from > s.from {
			switch toks[m.from-1].lower {
			case "of", "in", "with", "to", "from", "against", "on", "at", "for", "between", "over", "about", "into", "than", "by":
				continue
			}
		}
		// "according to Xinhua, but it criticized": the pronoun is nearer.
		for x := m.to; x < i; x++ {
			switch toks[x].lower {
			case "he", "she", "it", "they", "sides":
				return -1
			}
		}
		return k
	}
	return -1
}

// pronounSubject resolves a pronoun subject before the cue at i: he, she,
// it, they, "the sides" ("said it would challenge the deal in court and
// accused ...").
func (d *doc) pronounSubject(s sentence, heads []int, i int) []int {
	toks := d.toks
	for x := i - 1; x >= s.from && x >= i-12; x-- {
		if clauseBreak(toks[x]) || d.mentionAt[x] >= 0 && x < i-6 {
			break
		}
		switch toks[x].lower {
		case "he", "she":
			if e := d.personAntecedent(x); e >= 0 {
				return []int{e}
			}
			return nil
		case "it", "they", "its", "their":
			if e := d.mainSubject(s, heads, x); e >= 0 {
				return []int{e}
			}
			if e := d.itAntecedent(x); e >= 0 {
				return []int{e}
			}
			return nil
		case "sides":
			if len(d.lastMeet) == 2 && d.lastMeet[0] != d.lastMeet[1] && d.sentOf(x) == d.meetSent+1 {
				return append([]int(nil), d.lastMeet...)
			}
			if len(d.lastPair) == 2 && d.lastPair[0] != d.lastPair[1] {
				return append([]int(nil), d.lastPair...)
			}
			return d.namedSet(x, 0, setActors)
		}
	}
	return nil
}

// objectOf finds the object mentions after the cue that ends at cEnd: the
// first head mention that may be its object (see objectTakes) before a
// break in the clause (see objectGap), with the actors coordinated with
// it; failing that, the pair "both sides" stand for.
func (d *doc) objectOf(s sentence, heads []int, cEnd int, typ schema.RelationType, subjs []int) []int {
	first := -1
	for k, mi := range heads {
		m := d.ments[mi]
		if m.from < cEnd {
			continue
		}
		if d.objectGap(s, cEnd, m, typ) {
			break
		}
		if d.objectTakes(s, heads, k, cEnd, typ) {
			first = k
			break
		}
	}
	if first < 0 {
		return d.pairObject(s, cEnd, subjs)
	}
	first = d.namedBodyAfter(heads, first)
	return d.objectList(heads, first)
}

// objectGap reports whether the tokens between the cue's end and mention m
// end the search for the cue's object: a clause break, a comma past the
// first word, another cue, a speech verb, a subordinator or an infinitive.
func (d *doc) objectGap(s sentence, cEnd int, m mention, typ schema.RelationType) bool {
	toks := d.toks
	for x := cEnd; x < m.from; x++ {
		// ", Rui Salgado" after "his Philippine counterpart" names
		// the object.
		if toks[x].text == "," && x == m.from-1 && m.title != "" {
			continue
		}
		if clauseBreak(toks[x]) || toks[x].text == "," && x > cEnd+1 {
			return true
		}
		if _, ok := d.cues.match(toks, x, s.to); ok && d.mentionAt[x] < 0 {
			return true
		}
		if speechVerbs[toks[x].lower] || subordinators[toks[x].lower] {
			return true
		}
		// "presented leaders with a proposal to fund a loan for
		// Ukraine": an infinitive opens another clause; but a visit,
		// and a type whose object may be an act (ActObject), read on.
		if toks[x].lower == "to" && x > cEnd && x+1 < s.to && toks[x+1].kind == tkWord && !toks[x+1].cap && d.mentionAt[x+1] < 0 && typ != schema.Visits && !specOf(typ).ActObject {
			return true
		}
	}
	return false
}

// objectTakes reports whether head mention heads[k] may be the object of
// the cue: a destination of a visit; else an actor (or a metonym, or a
// place attacked) that is not in a place phrase, unless the phrase names
// whom a sanction comes from, the doer of an act judged or the owner of
// an act.
func (d *doc) objectTakes(s sentence, heads []int, k, cEnd int, typ schema.RelationType) bool {
	toks := d.toks
	m := d.ments[heads[k]]
	et := d.ents[m.ent].typ
	prep := ""
	if m.from > s.from {
		prep = toks[m.from-1].lower
	}
	if typ == schema.Visits {
		return et == schema.Location || et == schema.Country || actorOK(et)
	}
	if !actorOK(et) && !(m.kind == mkMetonym) && !(typ == schema.Fights && et == schema.Location) {
		return false
	}
	if m.kind == mkMetonym && d.ents[m.ent].place {
		return false
	}
	switch {
	case prep == "from" && typ == schema.Sanctions:
		return true
	case prep == "by" && specOf(typ).Judging && k > 0 && m.from-2 >= cEnd && toks[m.from-2].kind == tkWord && !toks[m.from-2].cap:
		// "denounced upcoming military drills by Seoul": the
		// doer of what is criticized.
		return true
	case prep == "in" && m.poss && m.kind != mkDemonym:
		// "every step in Ukraine's membership bid"
		return true
	}
	switch prep {
	case "in", "at", "from", "since", "near", "by", "during":
		return false
	}
	return true
}

// namedBodyAfter returns the head mention that stands for the object found
// at heads[first]: "to buy Turkish container terminal group Körfez": the
// named body wins over the adjective before it.
func (d *doc) namedBodyAfter(heads []int, first int) int {
	if first+1 >= len(heads) {
		return first
	}
	m, n := d.ments[heads[first]], d.ments[heads[first+1]]
	if !(m.kind == mkDemonym && m.poss && n.from-m.to <= 4 && actorOK(d.ents[n.ent].typ)) {
		return first
	}
	for x := m.to; x < n.from; x++ {
		if d.toks[x].kind != tkWord || d.toks[x].cap {
			return first
		}
	}
	return first + 1
}

// pairObject reads "urged both countries", "called on the two sides": the
// pair named last, else the two states named last.
func (d *doc) pairObject(s sentence, cEnd int, subjs []int) []int {
	toks := d.toks
	for x := cEnd; x+1 < s.to && x < cEnd+4; x++ {
		if (toks[x].lower == "both" || toks[x].lower == "two") && pairNouns[toks[x+1].lower] {
			if len(d.lastPair) == 2 && d.lastPair[0] != d.lastPair[1] {
				return append([]int(nil), d.lastPair...)
			}
			return d.lastTwo(cEnd, subjs...)
		}
	}
	return nil
}

// objectList returns the object heads[first] and the actors
// coordinated after it ("Egypt, Qatar and Turkey"), and marks their
// mentions as objects.
func (d *doc) objectList(heads []int, first int) []int {
	out := []int{d.ments[heads[first]].ent}
	d.objMention[heads[first]] = true
	for k := first + 1; k < len(heads); k++ {
		if !d.coordinated(heads, k, true) {
			break
		}
		out = append(out, d.ments[heads[k]].ent)
		d.objMention[heads[k]] = true
	}
	return out
}

// coordinated reports whether the tokens between head mentions heads[k-1]
// and heads[k] join them in a list: "A and B", "A, and B", "A and some
// B", or, when commaOK, the comma of "A, B and C" (see listCloses).
func (d *doc) coordinated(heads []int, k int, commaOK bool) bool {
	gap := d.toks[d.ments[heads[k-1]].to:d.ments[heads[k]].from]
	switch len(gap) {
	case 1:
		return gap[0].lower == "and" || gap[0].text == "," && commaOK && d.listCloses(heads, k)
	case 2:
		return gap[0].text == "," && gap[1].lower == "and" || gap[0].lower == "and" && listDeterminers[gap[1].lower]
	}
	return false
}

// relativeObject finds the object of a cue in a relative clause: "the
// cartels, which Washington designated as terrorist organizations".
func (d *doc) relativeObject(s sentence, heads []int, i int, subjs []int) []int {
	if len(subjs) == 0 {
		return nil
	}
	// the subject mention just before the cue, preceded by "which"/"that"
	for k := len(heads) - 1; k >= 0; k-- {
		m := d.ments[heads[k]]
		if m.to > i || m.ent != subjs[0] {
			continue
		}
		p := m.from - 1
		if p < s.from {
			return nil
		}
		switch d.toks[p].lower {
		case "which", "whom":
		default:
			return nil
		}
		if p-1 >= s.from && d.toks[p-1].text == "," {
			p--
		}
		// the antecedent list ending right before p
		var out []int
		for x := k - 1; x >= 0; x-- {
			a := d.ments[heads[x]]
			if len(out) == 0 && a.to != p && !(a.to+1 == p && d.toks[a.to].text == ")") {
				return nil
			}
			if !actorOK(d.ents[a.ent].typ) {
				break
			}
			out = append(out, a.ent)
			if x > 0 {
				prev := d.ments[heads[x-1]]
				gap := d.toks[prev.to:a.from]
				if len(gap) == 2 && gap[0].lower == "and" && gap[1].lower == "the" || len(gap) == 1 && gap[0].lower == "and" {
					continue
				}
			}
			break
		}
		return out
	}
	return nil
}

// itsObject resolves "struck its nuclear facilities" to the actor the
// sentence opened with, when that is not the subject.
func (d *doc) itsObject(s sentence, heads []int, cEnd int, subjs []int) []int {
	if cEnd >= s.to || d.toks[cEnd].lower != "its" && d.toks[cEnd].lower != "their" {
		return nil
	}
	for _, mi := range heads {
		m := d.ments[mi]
		if m.from >= cEnd {
			break
		}
		if !actorOK(d.ents[m.ent].typ) || m.poss {
			continue
		}
		for _, sj := range subjs {
			if sj == m.ent {
				return nil
			}
		}
		return []int{m.ent}
	}
	return nil
}

// subordinators open a subordinate clause: an object is never beyond them.
var subordinators = map[string]bool{
	"because": true, "although": true, "though": true, "while": true, "whereas": true, "unless": true,
	"if": true,
}

// speechVerbs start reported speech: an object is never beyond them.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "stated": true, "announced": true,
	"insisted": true, "noted": true, "argued": true, "wrote": true, "tweeted": true, "according": true,
}

// pairNouns after "both" or "two" refer to the two parties last named.
var pairNouns = map[string]bool{
	"sides": true, "countries": true, "nations": true, "neighbours": true, "neighbors": true,
	"parties": true, "governments": true, "states": true, "rivals": true,
}

// listDeterminers may open the second member of a coordinated pair: "Ukraine
// and some Nordic countries".
var listDeterminers = map[string]bool{
	"the": true, "some": true, "other": true, "several": true, "many": true, "its": true, "their": true,
	"fellow": true, "neighbouring": true, "neighboring": true, "allied": true,
}

// listCloses reports whether the head mention k is followed, through
// commas, by "and" and another mention: "A, B and C".
func (d *doc) listCloses(heads []int, k int) bool {
	for ; k+1 < len(heads); k++ {
		gap := d.toks[d.ments[heads[k]].to:d.ments[heads[k+1]].from]
		if len(gap) == 1 && gap[0].lower == "and" || len(gap) == 2 && gap[0].text == "," && gap[1].lower == "and" {
			return true
		}
		if !(len(gap) == 1 && gap[0].text == ",") {
			return false
		}
	}
	return false
}

// passiveObject finds the object of a passive cue: the subject before it.
func (d *doc) passiveObject(s sentence, heads []int, i int) []int {
	for k := len(heads) - 1; k >= 0; k-- {
		m := d.ments[heads[k]]
		if m.to <= i && actorOK(d.ents[m.ent].typ) {
			return []int{m.ent}
		}
	}
	// "The deal ... is backed by X": the parties of the deal.
	for k := s.from; k < i && k < s.from+3; k++ {
		if dealNouns[d.toks[k].lower] {
			return d.lastDeal(nil)
		}
	}
	return nil
}

// mainSubject is the first actor of sentence s before token x that is not
// inside a prepositional phrase, a possessor or an apposition: the subject
// of its main clause.
func (d *doc) mainSubject(s sentence, heads []int, x int) int {
	for _, mi := range heads {
		m := d.ments[mi]
		if m.to > x {
			break
		}
		// skip ", which backed Nawrocki in ...,"
		inRel := false
		for k := m.from - 1; k > s.from; k-- {
			if d.toks[k].text == "," {
				if k+1 < m.from {
					switch d.toks[k+1].lower {
					case "which", "who", "whose", "whom":
						inRel = true
					}
				}
				break
			}
		}
		if inRel {
			continue
		}
		if !actorOK(d.ents[m.ent].typ) || m.poss {
			continue
		}
		if m.from > s.from {
			switch d.toks[m.from-1].lower {
			case "of", "in", "with", "to", "from", "against", "on", "at", "for", "by", "after", "before":
				continue
			}
		}
		return m.ent
	}
	return -1
}
