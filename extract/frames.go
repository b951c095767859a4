package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/eventlex"
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// mood is what the context of a predicate does to its event.
type mood uint8

const (
	moodAssert   mood = iota // the event is stated
	moodDrop                 // negated, conditional, asked, hoped for, cancelled, denied
	moodRejects              // refused: "refused to meet X" rejects X
	moodWarns                // threatened: "threatened to attack X" warns X
	moodProposes             // offered: "offered to host X" proposes to X
	moodFuture               // planned: stated, and later
	moodDenied               // denied by its doer: "denied supplying X" (not stated anywhere in the article)
)

// clause is what grammarRelations knows of one sentence while it reads it.
type clause struct {
	si  int
	s   sentence
	g   *grammar
	ask bool // the sentence is a question
}

// grammarRelations reads the relations of sentence si from its parse:
// every verb and event noun of the event lexicon whose pattern the parse
// bears out states a relation from its subject to its target.
func (d *doc) grammarRelations(c *clause) {
	g := c.g
	d.recordTopic(c)
	d.noteClaims(c)
	for p := range g.words {
		if d.stop() {
			return
		}
		w := g.words[p]
		var entries []eventlex.Entry
		switch w.POS {
		case syntax.VERB:
			entries = d.events.Verb(w.Lemma)
		case syntax.NOUN:
			entries = d.events.Noun(w.Lemma)
		}
		if len(entries) > 0 && !d.figurative(c, p) && !d.laborStrike(c, p) {
			d.readPredicate(c, p, entries)
		}
		if w.POS == syntax.VERB && reportVerbs[w.Lemma] {
			d.reportedDemand(c, p)
		}
		if w.POS == syntax.VERB && w.Lemma == "want" {
			d.wantedAct(c, p)
		}
		if w.POS == syntax.VERB && addressVerbs[w.Lemma] {
			d.addressing(c, p)
		}
		if w.POS == syntax.VERB {
			d.threatUnless(c, p)
			if reactionVerbs[w.Lemma] {
				d.reaction(c, p)
			}
			if w.Lemma == "broker" {
				d.brokered(c, p)
			}
			if w.Lemma == "take" || w.Lemma == "bring" {
				d.tourTakes(c, p)
			}
		}
		d.membership(c, p)
		d.legalSteps(c, p)
		if w.POS == syntax.NOUN && (w.Lemma == "mediation" || g.hasDepLemma(p, syntax.Compound, "mediation")) {
			d.mediation(c, p)
		}
		if w.POS == syntax.NOUN && w.Lemma == "presence" {
			d.inPresenceOf(c, p)
		}
		d.meetingsOf(c, p)
	}
	d.roles(c)
	d.structure(c)
	d.members(c)
	d.stateMemberships(c)
	d.threats(c)
	d.responses(c)
	d.actAuthors(c)
	d.legalCases(c)
	d.bareMeetings(c)
}

// particleWords can be verb particles.
var particleWords = map[string]bool{
	"forward": true, "down": true, "off": true, "out": true, "up": true, "back": true,
	"over": true, "away": true, "on": true, "in": true, "aside": true,
}

// readPredicate applies to predicate p the first entry whose pattern holds
// and whose target is an actor, else the first whose pattern holds. The
// curated entries, which follow the ontology's cues, come before those
// derived from the event-coding dictionary; the dictionary's synonym-block
// entries are left out (noisy).
func (d *doc) readPredicate(c *clause, p int, entries []eventlex.Entry) {
	fr := d.frameOf(c, p)
	var first *eventlex.Entry
	for k := range 2 * len(entries) {
		e := &entries[k%len(entries)]
		if e.Curated() != (k < len(entries)) || e.Source == eventlex.FromSynonym {
			continue
		}
		ts, ok := e.Match(&fr)
		if !ok {
			continue
		}
		if first == nil {
			first = e
		}
		for _, t := range ts {
			var objs []int
			if specOf(e.Type).Judging && d.mentionAt[c.g.tok(t.Word.Ref)] < 0 {
				// "condemned the arrest of X by Japan", "praised France's
				// decision": the one who did it
				if objs = d.nounAgents(c, t.Word.Ref); len(objs) == 0 {
					objs = d.verbHeldAgent(c, p, t.Word.Ref)
				}
			}
			if len(objs) == 0 && (e.Type != schema.Meets || d.meetable(c, t.Word.Ref)) {
				objs = d.argEntities(c, t.Word.Ref)
			}
			if len(objs) == 0 && specOf(e.Type).Judging {
				// "welcomed the ruling": whoever ruled, said before
				objs = d.actAuthor(c, t.Word.Ref, d.subjectsOf(c, p))
			}
			if len(objs) > 0 {
				if e.Type != "" {
					d.applyEntry(c, p, e, objs)
				}
				return
			}
		}
	}
	if first != nil && first.Type != "" {
		// "condemned the violation and warned Moscow": an objectless
		// judgement takes the object of the verb coordinated with it
		var objs []int
		if o := c.g.depBase(p, syntax.Obj); specOf(first.Type).Judging && (o < 0 || !peopleNoun(c.g.words[o].Lemma)) {
			objs = d.coordinatedObjects(c, p)
		}
		if len(objs) == 0 && addressedTypes[first.Type] {
			objs = d.addressees(c, p)
		}
		d.applyEntry(c, p, first, objs)
	}
}

// addressingVerbs carry a message noun to its addressee: "sent a protest
// to", "delivered a warning to", "addressed an appeal to".
var addressingVerbs = map[string]bool{
	"send": true, "deliver": true, "issue": true, "address": true, "hand": true, "submit": true,
	"extend": true, "direct": true, "write": true, "convey": true, "transmit": true, "lodge": true,
}

// addressedTypes are the relations a message noun can carry to an
// addressee.
var addressedTypes = map[schema.RelationType]bool{
	schema.Warns: true, schema.Requests: true, schema.Criticizes: true, schema.Proposes: true,
	schema.Accuses: true, schema.Denies: true,
}

// addressees returns the entities of the "to" phrase of the message noun
// p or of the verb that carries it ("Kenya sent a formal protest to
// Uganda"), when that verb is one of sending or addressing.
func (d *doc) addressees(c *clause, p int) []int {
	g := c.g
	h := g.words[p].Head
	if g.words[p].POS != syntax.NOUN || h < 0 || g.words[p].Rel.Base() != syntax.Obj || !addressingVerbs[g.words[h].Lemma] {
		return nil
	}
	for _, w := range []int{p, h} {
		for _, k := range g.deps(w) {
			if b := g.words[k].Rel.Base(); (b == syntax.Obl || b == syntax.Nmod) && g.caseOf(k) == "to" {
				return d.argEntities(c, k)
			}
		}
	}
	return nil
}

// coordinatedObjects returns the entities that the direct objects of the
// verbs coordinated with p (its conjuncts and the verb it is a conjunct
// of) stand for.
func (d *doc) coordinatedObjects(c *clause, p int) []int {
	g := c.g
	var out []int
	var verbs []int
	if g.words[p].Rel == syntax.Conj && g.words[p].Head >= 0 {
		verbs = append(verbs, g.words[p].Head)
	}
	for _, k := range g.deps(p) {
		if g.words[k].Rel == syntax.Conj {
			verbs = append(verbs, k)
		}
	}
	for _, v := range verbs {
		if g.words[v].POS != syntax.VERB {
			continue
		}
		if o := g.depBase(v, syntax.Obj); o >= 0 {
			out = appendNew(out, d.argEntities(c, o)...)
		}
	}
	return out
}

// frameOf describes the dependents of predicate p for the lexicon's
// patterns: particle, subject, object, indirect object, prepositional
// phrases. An event noun carried by a light verb ("imposed sanctions on")
// also takes the verb's prepositional phrases.
func (d *doc) frameOf(c *clause, p int) eventlex.Frame {
	g := c.g
	fr := eventlex.Frame{Lemma: g.words[p].Lemma}
	for _, k := range g.deps(p) {
		switch g.words[k].Rel {
		case syntax.CompoundPrt:
			fr.Particle = g.lower[k]
		case syntax.Advmod:
			// "put forward", "turn down": a particle parsed as an adverb
			if fr.Particle == "" && particleWords[g.lower[k]] && k > p && k <= p+2 {
				fr.Particle = g.lower[k]
			}
		case syntax.NSubj:
			fr.Subject = d.lexWord(c, k)
		case syntax.NSubjPass:
			if g.words[p].POS == syntax.VERB {
				fr.Object = d.lexWord(c, k)
			}
		case syntax.Obj:
			fr.Object = d.lexWord(c, k)
		case syntax.IObj:
			fr.IObj = d.lexWord(c, k)
		}
	}
	// "asked NATO to reinforce": the parser may take the addressee for
	// an indirect object
	if fr.Object == nil && fr.IObj != nil {
		fr.Object = fr.IObj
	}
	fr.Preps = d.lexPreps(c, p, nil)
	// "proposed a truce to the Front": a phrase the parser hung on the
	// object may belong to the verb
	if fr.Object != nil && g.words[p].POS == syntax.VERB {
		fr.Preps = append(fr.Preps, fr.Object.Preps...)
	}
	if g.words[p].POS == syntax.NOUN {
		fr.Preps = d.nounPreps(c, p, fr.Preps)
	}
	// a passive participle modifying a noun ("the militia backed by X"),
	// a relative clause with its own subject ("the firm, which the
	// United States blacklisted"): the noun is the object
	if h := g.words[p].Head; fr.Object == nil && h >= 0 && g.words[p].POS == syntax.VERB {
		switch {
		case g.words[p].Rel.Base() == syntax.Acl && passive(g, p),
			g.words[p].Rel == syntax.AclRelcl && relativeObject(g, p):
			fr.Object = d.lexWord(c, h)
		}
	}
	return fr
}

// nounPreps appends to out, which holds event noun p's own prepositional
// phrases, those that belong to it beyond them: those of the light verb that carries it ("imposed
// sanctions on"), and a target hung on its author's or its object's phrase
// ("a warning from Turkey to Greece", "a suspension of flights to Peru").
func (d *doc) nounPreps(c *clause, p int, out []eventlex.Prep) []eventlex.Prep {
	g := c.g
	own := out // the noun's own phrases, read by frameOf
	if h := g.words[p].Head; h >= 0 && g.words[h].POS == syntax.VERB && lightVerbs[g.words[h].Lemma] {
		out = d.lexPreps(c, h, out)
	}
	// the target may hang on the author's phrase ("a warning from NATO
	// to Russia") or on what the act befalls ("a suspension of flights
	// to Peru")
	for _, pr := range own {
		if pr.Case != "from" && pr.Case != "by" && pr.Case != "of" {
			continue
		}
		for _, in := range d.lexPreps(c, pr.Word.Ref, nil) {
			switch {
			case pr.Case == "of" && (in.Case == "to" || in.Case == "with" || in.Case == "for"):
			case pr.Case != "of" && (in.Case == "to" || in.Case == "against" || in.Case == "on" || in.Case == "over" || in.Case == "at"):
			default:
				continue
			}
			out = append(out, in)
		}
	}
	return out
}

// lexWord describes word w for the lexicon: lemma, modifiers, possessor,
// prepositional phrases; Ref is the word index.
func (d *doc) lexWord(c *clause, w int) *eventlex.Word {
	g := c.g
	lw := &eventlex.Word{Lemma: moneyWord(g.words[w].Lemma), Ref: w}
	for _, k := range g.deps(w) {
		switch g.words[k].Rel {
		case syntax.Compound, syntax.Amod, syntax.Nummod:
			lw.Mods = append(lw.Mods, g.words[k].Lemma)
		case syntax.NmodPoss:
			lw.Poss = &eventlex.Word{Lemma: g.words[k].Lemma, Ref: k}
		}
	}
	lw.Preps = d.lexPreps(c, w, nil)
	// "a loan of 2 billion dollars to Kenya", "3 million dollars in
	// funding for Peru": the recipient hangs on the noun inside the
	// phrase; it is the phrase's too.
	for _, pr := range lw.Preps {
		if pr.Case != "of" && pr.Case != "in" {
			continue
		}
		for _, in := range d.lexPreps(c, pr.Word.Ref, nil) {
			if in.Case == "to" || in.Case == "for" {
				lw.Preps = append(lw.Preps, in)
			}
		}
	}
	return lw
}

// lexPreps appends the prepositional phrases of w (obl and nmod dependents
// with a case word) to out.
func (d *doc) lexPreps(c *clause, w int, out []eventlex.Prep) []eventlex.Prep {
	g := c.g
	for _, k := range g.deps(w) {
		switch g.words[k].Rel.Base() {
		case syntax.Obl, syntax.Nmod:
		default:
			continue
		}
		cs := g.caseOf(k)
		if cs == "" {
			continue
		}
		pw := eventlex.Word{Lemma: g.words[k].Lemma, Ref: k}
		for _, m := range g.deps(k) {
			switch g.words[m].Rel {
			case syntax.Compound, syntax.Amod, syntax.Nummod:
				pw.Mods = append(pw.Mods, g.words[m].Lemma)
			}
		}
		out = append(out, eventlex.Prep{Case: cs, Word: pw})
	}
	return out
}

// applyEntry adds the relations that entry e of predicate p states
// toward objs (none: the parties of a mutual act, if any).
func (d *doc) applyEntry(c *clause, p int, e *eventlex.Entry, objs []int) {
	g := c.g
	md, tense := d.moodOf(c, p)
	typ := e.Type
	switch md {
	case moodDrop, moodDenied:
		// the token rules must not state what the parse says is not; a
		// denied act is stated nowhere in the article ("China denied
		// supplying Russia", though others say it does)
		for _, s := range d.subjectsOf(c, p) {
			d.vetoes = append(d.vetoes, veto{sent: c.si, subj: s, typ: typ})
			if md == moodDenied {
				for _, o := range objs {
					d.denied = append(d.denied, denial{subj: s, typ: typ, obj: o})
				}
			}
		}
		return
	case moodRejects, moodWarns, moodProposes:
		// "offered to meet X": the meeting is not stated
		for _, s := range d.subjectsOf(c, p) {
			d.vetoes = append(d.vetoes, veto{sent: c.si, subj: s, typ: typ})
		}
		typ = map[mood]schema.RelationType{moodRejects: schema.Rejects, moodWarns: schema.Warns, moodProposes: schema.Proposes}[md]
	}
	subjs := d.subjectsOf(c, p)
	if len(subjs) == 0 {
		// "talks between Japan and France": the parties relate to each
		// other.
		if specOf(typ).Mutual && md == moodAssert {
			d.pairwise(c, p, typ, d.prepObjects(c, p, []string{"between"}), tense)
		}
		return
	}
	if typ == schema.Rejects || typ == schema.Denies {
		typ, objs = d.rejectOrDeny(c, p, typ, objs, subjs)
	}
	objs = without(objs, subjs, d)
	if e.Reverse {
		subjs, objs = objs, subjs
	}
	conf := 0.7
	if g.words[p].POS == syntax.NOUN {
		conf = 0.65
	}
	if len(objs) == 0 {
		if specOf(typ).Mutual && md == moodAssert {
			d.pairwise(c, p, typ, subjs, tense)
			if len(subjs) > 1 {
				d.rememberAct(typ, subjs)
			}
		}
		return
	}
	d.rememberAct(typ, subjs)
	if typ == schema.Sanctions && md == moodAssert && punishedFor(g, p) {
		// "sanctioned X for supplying drones": the reason alleges a
		// wrongdoing
		for _, sj := range subjs {
			for _, oj := range objs {
				d.addRel(rel{typ: schema.Accuses, subj: sj, obj: oj, sent: c.si, tense: tense, confidence: 0.55, grammar: true, cue: g.tok(p) + 1})
			}
		}
	}
	if e.Curated() && e.Pattern.Object != nil && md == moodAssert {
		for _, sj := range subjs {
			d.vetoes = append(d.vetoes, veto{sent: c.si, subj: sj, typ: typ, cue: g.tok(p) + 1})
		}
	}
	for _, sj := range subjs {
		for _, oj := range objs {
			d.addRel(rel{typ: typ, subj: sj, obj: oj, sent: c.si, tense: tense, confidence: conf, grammar: true, cue: c.g.tok(p) + 1})
			// "travel to Iran for talks": visiting for talks meets the host
			if typ == schema.Visits {
				d.tripMeets(c, p, sj, oj, tense)
			}
		}
	}
}

// punishedFor reports whether sanction p (a verb, or a noun and the verb
// that carries it) gives its reason as an act: "for supplying", "for
// helping", ", saying it had ...".
func punishedFor(g *grammar, p int) bool {
	v := p
	if g.words[v].POS != syntax.VERB && g.words[v].Head >= 0 {
		v = g.words[v].Head
	}
	for _, k := range g.deps(v) {
		b := g.words[k].Rel.Base()
		if (b == syntax.Advcl || b == syntax.Acl) && hasMark(g, k, "for") && strings.HasSuffix(g.lower[k], "ing") {
			return true
		}
		// "barred the party, saying it had been financed from abroad"
		if (b == syntax.Advcl || b == syntax.Xcomp) && g.lower[k] == "saying" && g.dep(k, syntax.Ccomp) >= 0 {
			return true
		}
	}
	return false
}

// talkNouns name meetings one travels for.
var talkNouns = map[string]bool{
	"talk": true, "talks": true, "meeting": true, "negotiation": true, "consultation": true,
	"summit": true, "discussion": true, "conference": true,
}

// forTalks reports whether travel p is for talks: "for talks", "to hold
// talks".
func forTalks(g *grammar, p int) bool {
	for _, k := range g.deps(p) {
		switch g.words[k].Rel.Base() {
		case syntax.Obl:
			if g.caseOf(k) == "for" && talkNouns[g.words[k].Lemma] {
				return true
			}
		case syntax.Advcl, syntax.Xcomp:
			if o := g.depBase(k, syntax.Obj); o >= 0 && talkNouns[g.words[o].Lemma] {
				return true
			}
		}
	}
	return false
}

// addressVerbs speak to a gathering: telling or addressing a body's
// meeting is meeting it ("told the council", "addressed the summit").
var addressVerbs = map[string]bool{"tell": true, "address": true, "brief": true, "attend": true}

// addressing adds MEETS from the speaker to the bodies it told or
// addressed; telling a person, a state or the press is no meeting.
func (d *doc) addressing(c *clause, p int) {
	g := c.g
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	var bodies []int
	for _, k := range g.deps(p) {
		switch g.words[k].Rel.Base() {
		case syntax.Obj, syntax.IObj:
			for _, e := range d.argEntities(c, k) {
				if d.ents[e].typ == schema.Organization && !d.mediaNamed(c, k) {
					bodies = append(bodies, e)
				}
			}
		}
	}
	subjs := d.subjectsOf(c, p)
	for _, s := range subjs {
		for _, b := range without(bodies, subjs, d) {
			d.addRel(rel{typ: schema.Meets, subj: s, obj: b, sent: c.si, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
		}
	}
}

// mediaNamed reports whether word w is a news outlet ("told the state news
// agency", "told Reuters"): an interview is no meeting.
func (d *doc) mediaNamed(c *clause, w int) bool {
	g := c.g
	for _, k := range append([]int{w}, g.deps(w)...) {
		switch g.words[k].Lemma {
		case "news", "agency", "newspaper", "broadcaster", "television", "radio", "reporter", "press", "journalist", "outlet", "channel":
			return true
		}
	}
	return false
}

// without drops from objs the subjects and what they speak for.
func without(objs, subjs []int, d *doc) []int {
	out := objs[:0]
next:
	for _, o := range objs {
		for _, s := range subjs {
			if o == s || d.belongsTo(s, o) {
				continue next
			}
		}
		out = append(out, o)
	}
	return out
}

// recordTopic notes the subject of the sentence's main clause: what a
// pronoun in the next sentence most likely refers to.
func (d *doc) recordTopic(c *clause) {
	for len(d.topics) <= c.si {
		d.topics = append(d.topics, nil)
	}
	g := c.g
	for w := range g.words {
		if g.words[w].Head >= 0 {
			continue
		}
		if k := g.depBase(w, syntax.NSubj); k >= 0 && g.words[k].POS != syntax.PRON {
			d.topics[c.si] = d.argEntities(c, k)
			d.notePeopleTopic(c, k)
		} else if k >= 0 && c.si > 0 && c.si-1 < len(d.topics) {
			// "He said ...": the topic carries on
			d.topics[c.si] = d.topics[c.si-1]
		}
	}
}

// pairwise relates each of the parties to each other: "Japan and France
// agreed" (both ways), "talks between Japan and France".
func (d *doc) pairwise(c *clause, p int, typ schema.RelationType, parties []int, tense string) {
	if separateActs(c.g, p) {
		// "A, B and C are to sign similar accords", "indirect talks
		// between A and B": each with someone else, or through a
		// mediator; neither pass relates them to each other
		d.vetoes = append(d.vetoes, veto{sent: c.si, subj: -1, typ: typ})
		return
	}
	if len(parties) < 2 {
		return
	}
	for a := range parties {
		for b := range parties {
			if a != b && (!typ.Symmetric() || a < b) {
				d.addRel(rel{typ: typ, subj: parties[a], obj: parties[b], sent: c.si, tense: tense, confidence: 0.6, grammar: true, cue: c.g.tok(p) + 1})
			}
		}
	}
}

// nounAgents returns who did what noun w names: its possessor, a demonym
// or name before it, or its "by" phrase.
func (d *doc) nounAgents(c *clause, w int) []int {
	g := c.g
	if g.words[w].POS != syntax.NOUN {
		return nil
	}
	for _, k := range g.deps(w) {
		switch g.words[k].Rel {
		case syntax.NmodPoss, syntax.Amod, syntax.Compound:
			if es := d.wordEntities(c, k); len(es) > 0 {
				return d.withConjuncts(c, k, es)
			}
		case syntax.Nmod:
			if g.caseOf(k) == "by" {
				return d.argEntities(c, k)
			}
			// "the arrest of X by Japan", the agent hung on X
			if g.caseOf(k) == "of" {
				for _, b := range g.deps(k) {
					if g.words[b].Rel.Base() == syntax.Nmod && g.caseOf(b) == "by" {
						return d.argEntities(c, b)
					}
				}
			}
		case syntax.Acl:
			// "the arrest carried out by Japan"
			if a := agent(g, k); a >= 0 {
				return d.argEntities(c, a)
			}
		case syntax.AclRelcl:
			// "the pact that Chile had drafted"
			if relativeObject(g, k) {
				return d.argEntities(c, g.depBase(k, syntax.NSubj))
			}
		}
	}
	return nil
}

// membership reads the membership a sentence asserts: "Estonia is a member
// of NATO", "Poland, a member of the EU,", "Finland joined NATO".
func (d *doc) membership(c *clause, p int) {
	g := c.g
	w := g.words[p]
	var members, bodies []int
	switch {
	case w.POS == syntax.NOUN && w.Lemma == "member":
		if md, _ := d.moodOf(c, p); md != moodAssert {
			return
		}
		for _, k := range g.deps(p) {
			if g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "of" {
				bodies = d.argEntities(c, k)
			}
		}
		switch {
		case g.depBase(p, syntax.NSubj) >= 0 && g.dep(p, syntax.Cop) >= 0:
			members = d.argEntities(c, g.depBase(p, syntax.NSubj))
		case w.Rel == syntax.Appos && w.Head >= 0:
			members = d.argEntities(c, w.Head)
		}
	case w.POS == syntax.VERB && groupingVerb(g, p):
		if md, _ := d.moodOf(c, p); md != moodAssert {
			return
		}
		members, bodies = d.grouping(c, p)
	case w.POS == syntax.VERB && (w.Lemma == "join" || w.Lemma == "accede"):
		if md, _ := d.moodOf(c, p); md != moodAssert {
			return
		}
		members = d.subjectsOf(c, p)
		if o := g.depBase(p, syntax.Obj); o >= 0 {
			bodies = d.argEntities(c, o)
		} else {
			bodies = d.prepObjects(c, p, []string{"to"})
		}
	default:
		return
	}
	for _, m := range members {
		for _, b := range bodies {
			if m != b && d.ents[b].typ == schema.Organization {
				d.addRel(rel{typ: schema.MemberOf, subj: m, obj: b, sent: c.si, confidence: 0.7})
			}
		}
	}
}

// reactionVerbs draw a reaction from others onto their subject: "drew
// condemnation from X", "faced criticism from X", "won praise from X".
var reactionVerbs = map[string]bool{
	"draw": true, "receive": true, "face": true, "spark": true, "prompt": true, "provoke": true,
	"trigger": true, "attract": true, "earn": true, "win": true, "meet": true, "get": true, "garner": true,
}

// reactionTypes are the relation types a reaction noun may carry.
var reactionTypes = map[schema.RelationType]bool{
	schema.Criticizes: true, schema.Supports: true, schema.Warns: true, schema.Accuses: true,
}

// reaction reads verb p that draws a reaction ("The test by Iran drew
// condemnation from France"): the reaction noun's type, from those after
// "from" to the subject of p, or to whoever did what the subject names.
func (d *doc) reaction(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 || g.words[o].POS != syntax.NOUN {
		return
	}
	var typ schema.RelationType
	for _, e := range d.events.Noun(g.words[o].Lemma) {
		if reactionTypes[e.Type] && e.Source != eventlex.FromSynonym {
			typ = e.Type
			break
		}
	}
	if typ == "" {
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	authors := d.prepObjects(c, p, []string{"from"})
	for _, k := range g.deps(o) {
		if g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "from" {
			authors = appendNew(authors, d.argEntities(c, k)...)
		}
	}
	s := g.depBase(p, syntax.NSubj)
	if s < 0 {
		// "X's decision to ... won praise": a parser may hang the verb
		// on the clause inside its subject, leaving the noun the root
		for k := range g.words {
			if g.words[k].Head < 0 && g.words[k].POS == syntax.NOUN && k < p {
				s = k
			}
		}
	}
	if len(authors) == 0 || s < 0 {
		return
	}
	targets := d.argEntities(c, s)
	if len(targets) == 0 {
		targets = d.nounAgents(c, s)
	}
	for _, a := range authors {
		for _, t := range without(targets, authors, d) {
			d.addRel(rel{typ: typ, subj: a, obj: t, sent: c.si, confidence: 0.6, grammar: true, cue: g.tok(o) + 1})
		}
	}
}

// brokered reads a deal brokered by a mediator ("a deal brokered by
// Brazil", "Qatar brokered a truce between Israel and Hamas"): the
// mediator meets each party. The parties are those "between" whom the
// deal is, else the subjects of the clause the deal belongs to ("Chile
// and Peru restored ties under a deal brokered by Brazil").
func (d *doc) brokered(c *clause, p int) {
	g := c.g
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	var mediators []int
	if a := agent(g, p); a >= 0 {
		mediators = d.argEntities(c, a)
	} else if k := g.depBase(p, syntax.NSubj); k >= 0 {
		mediators = d.argEntities(c, k)
	}
	parties := d.prepObjects(c, p, []string{"between"})
	if o := g.depBase(p, syntax.Obj); len(parties) == 0 && o >= 0 {
		parties = d.prepObjects(c, o, []string{"between"})
	}
	if h := g.words[p].Head; len(parties) == 0 && h >= 0 && g.words[p].Rel.Base() == syntax.Advcl && g.words[h].POS == syntax.VERB && agent(g, p) >= 0 {
		// the participle read as the clause's: "A and B reopened the
		// border under an accord brokered by C"
		parties = d.subjectsOf(c, h)
	}
	if h := g.words[p].Head; len(parties) == 0 && h >= 0 && g.words[p].Rel.Base() == syntax.Acl {
		switch v := g.words[h].Head; {
		case v < 0 || g.words[v].POS != syntax.VERB:
		case g.words[h].Rel.Base() == syntax.NSubj:
			// "the accord, brokered by Turkey, ended a row between A and B"
			if o := g.depBase(v, syntax.Obj); o >= 0 {
				parties = d.prepObjects(c, o, []string{"between"})
			}
		case g.words[h].Rel.Base() == syntax.Obl:
			parties = d.subjectsOf(c, v)
		}
	}
	for _, m := range mediators {
		for _, pt := range without(parties, mediators, d) {
			d.addRel(rel{typ: schema.Meets, subj: m, obj: pt, sent: c.si, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
		}
	}
}

// mediation reads a mediation between parties ("undertook a mediation
// mission between Syria and Lebanon"): the mediator meets each party; the
// parties, who do not meet each other directly, are not paired by the
// token rules.
func (d *doc) mediation(c *clause, p int) {
	g := c.g
	parties := d.prepObjects(c, p, []string{"between"})
	if h := g.words[p].Head; len(parties) == 0 && h >= 0 && g.words[h].POS == syntax.VERB {
		parties = d.prepObjects(c, h, []string{"between"})
	}
	// "a mediation effort on Saturday between A and B": the phrase may
	// hang on the one before it
	for _, k := range g.deps(p) {
		if b := g.words[k].Rel.Base(); len(parties) == 0 && (b == syntax.Nmod || b == syntax.Obl) {
			parties = d.prepObjects(c, k, []string{"between"})
		}
	}
	if len(parties) < 2 {
		return
	}
	d.vetoes = append(d.vetoes, veto{sent: c.si, subj: -1, typ: schema.Meets})
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	mediators := d.nounSubjects(c, p)
	for _, m := range mediators {
		for _, pt := range without(parties, mediators, d) {
			d.addRel(rel{typ: schema.Meets, subj: m, obj: pt, sent: c.si, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
		}
	}
}

// inPresenceOf reads an act done "in the presence of" someone ("the deal
// was signed by A and B in the presence of C"): C meets those who acted.
func (d *doc) inPresenceOf(c *clause, p int) {
	g := c.g
	h := g.words[p].Head
	if h < 0 || g.words[h].POS != syntax.VERB || g.caseOf(p) != "in" {
		return
	}
	if md, _ := d.moodOf(c, h); md != moodAssert {
		return
	}
	var witnesses []int
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "of" {
			witnesses = d.argEntities(c, k)
		}
	}
	actors := d.subjectsOf(c, h)
	for _, wi := range witnesses {
		for _, a := range without(actors, witnesses, d) {
			d.addRel(rel{typ: schema.Meets, subj: wi, obj: a, sent: c.si, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
			// the witness signs nothing with them
			d.denied = append(d.denied, denial{subj: a, typ: schema.Agrees, obj: wi})
		}
	}
}

// tripNouns name a journey.
var tripNouns = map[string]bool{"tour": true, "trip": true, "visit": true, "journey": true, "swing": true}

// tourTakes reads a trip that takes someone somewhere ("an African tour
// that will take her to Ghana and Senegal"): the traveller visits each
// place.
func (d *doc) tourTakes(c *clause, p int) {
	g := c.g
	sj, o := g.depBase(p, syntax.NSubj), g.depBase(p, syntax.Obj)
	if sj < 0 || o < 0 {
		return
	}
	trip := sj
	if g.words[sj].POS == syntax.PRON && g.words[p].Rel == syntax.AclRelcl && g.words[p].Head >= 0 {
		trip = g.words[p].Head
	}
	if !tripNouns[g.words[trip].Lemma] {
		return
	}
	md, tense := d.moodOf(c, p)
	if md != moodAssert {
		return
	}
	travellers := d.argEntities(c, o)
	if g.words[o].POS == syntax.PRON {
		// "take him": the one the sentence is about
		for root := range g.words {
			if g.words[root].Head >= 0 {
				continue
			}
			if k := g.depBase(root, syntax.NSubj); k >= 0 && k != o {
				travellers = d.argEntities(c, k)
			}
		}
	}
	for _, t := range travellers {
		for _, pl := range without(d.prepObjects(c, p, []string{"to"}), travellers, d) {
			d.addRel(rel{typ: schema.Visits, subj: t, obj: pl, sent: c.si, tense: tense, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
		}
	}
}

// groupingVerb reports whether verb p says what a body is made of: "X
// groups A and B", "X comprises A", "X brings together A", "the alliance
// formed by A", "X, made up of A", "composed of", "consisting of".
func groupingVerb(g *grammar, p int) bool {
	switch g.words[p].Lemma {
	case "group", "comprise", "unite":
		return true
	case "bring":
		return g.lower[min(p+1, len(g.words)-1)] == "together" || particleOf(g, p) == "together"
	case "form", "found":
		// a participle with its agent: "the bloc formed by A and B" (a
		// parser may read the noun as its subject, without an auxiliary)
		return agent(g, p) >= 0 && (g.words[p].Rel.Base() == syntax.Acl || g.dep(p, syntax.Aux) < 0 && g.dep(p, syntax.AuxPass) < 0)
	case "make":
		return particleOf(g, p) == "up"
	case "compose", "consist":
		return true
	}
	return false
}

// particleOf returns verb p's particle (compound:prt), or "".
func particleOf(g *grammar, p int) string {
	if k := g.dep(p, syntax.CompoundPrt); k >= 0 {
		return g.lower[k]
	}
	return ""
}

// grouping returns the members and the body of a grouping verb p (see
// groupingVerb): the body is the subject of an active verb or the noun a
// participle or relative clause describes; the members are the object,
// the agent or the phrase after "of".
func (d *doc) grouping(c *clause, p int) (members, bodies []int) {
	g := c.g
	switch {
	case agent(g, p) >= 0:
		// "the alliance formed by Chad, Niger and Cameroon": founders
		// are members when several found it together
		if members = d.argEntities(c, agent(g, p)); len(members) < 2 {
			return nil, nil
		}
	case g.words[p].Lemma == "make" || g.words[p].Lemma == "compose" || g.words[p].Lemma == "consist":
		members = d.prepObjects(c, p, []string{"of"})
	default:
		if o := g.depBase(p, syntax.Obj); o >= 0 {
			members = d.argEntities(c, o)
		}
	}
	switch h := g.words[p].Head; {
	case h >= 0 && g.words[p].Rel.Base() == syntax.Acl:
		bodies = d.argEntities(c, h)
		// "the Union of X (UX), the bloc formed by": the
		// name the described noun stands beside
		if len(bodies) == 0 && g.words[h].Rel == syntax.Appos && g.words[h].Head >= 0 {
			bodies = d.argEntities(c, g.words[h].Head)
		}
	case passive(g, p) || g.words[p].Lemma == "consist":
		if k := g.depBase(p, syntax.NSubjPass); k >= 0 {
			bodies = d.argEntities(c, k)
		} else if k := g.depBase(p, syntax.NSubj); k >= 0 {
			bodies = d.argEntities(c, k)
		}
	default:
		bodies = d.subjectsOf(c, p)
	}
	// "X (UX), the bloc formed by A and B", parsed as a clause
	// whose subject is the described noun: the name before the comma
	if k := g.depBase(p, syntax.NSubj); len(bodies) == 0 && k >= 0 && g.dep(p, syntax.Aux) < 0 {
		bodies = d.nameBeforeComma(c, k)
	}
	return members, bodies
}

// nameBeforeComma returns the organization named just before the comma
// that opens the phrase of word w (an acronym in brackets between), as
// the name an apposition describes.
func (d *doc) nameBeforeComma(c *clause, w int) []int {
	g := c.g
	first := w
	for _, k := range g.deps(w) {
		first = min(first, k)
	}
	t := g.tok(first) - 1
	if t < 0 || d.toks[t].text != "," {
		return nil
	}
	t--
	if t >= 0 && d.toks[t].text == ")" {
		for t >= 0 && d.toks[t].text != "(" {
			t--
		}
		t--
	}
	if t < 0 || d.mentionAt[t] < 0 {
		return nil
	}
	if e := d.ments[d.mentionAt[t]].ent; d.ents[e].typ == schema.Organization {
		return []int{e}
	}
	return nil
}

// veto is an event the grammar pass read as not stated (negated, asked,
// conditional, hoped for): the token rules may not state it.
type veto struct {
	sent, subj int
	typ        schema.RelationType
	// cue, when above zero, limits the veto to the relations of that cue
	// (see rel.cue) of any type but typ: the parse read the cue word as
	// typ, in a curated reading that fixes its object ("ordered a
	// Peruvian diplomat to leave" is an expulsion, not a request).
	cue int
}

// laborStrike reports whether noun p is a strike of workers, not an
// armed one ("staged a strike", "a general strike", "a hunger strike"),
// and vetoes the token rules' reading of it as fighting.
func (d *doc) laborStrike(c *clause, p int) bool {
	g := c.g
	if g.words[p].POS != syntax.NOUN || g.words[p].Lemma != "strike" {
		return false
	}
	labor := false
	if h := g.words[p].Head; h >= 0 && g.words[h].POS == syntax.VERB && strikeVerbs[g.words[h].Lemma] {
		labor = true
	}
	for _, k := range g.deps(p) {
		if r := g.words[k].Rel; (r == syntax.Compound || r == syntax.Amod) && strikeMods[g.words[k].Lemma] {
			labor = true
		}
	}
	if labor {
		d.vetoes = append(d.vetoes, veto{sent: c.si, subj: -1, typ: schema.Fights})
	}
	return labor
}

// strikeVerbs carry a strike of workers: "staged a strike", "called a
// strike"; strikeMods qualify one.
var (
	strikeVerbs = map[string]bool{"stage": true, "call": true, "hold": true, "join": true, "organize": true, "organise": true, "end": true}
	strikeMods  = map[string]bool{"general": true, "hunger": true, "labor": true, "labour": true, "national": true, "nationwide": true, "worker": true, "workers": true, "rail": true, "transport": true, "teacher": true, "teachers": true, "doctor": true, "doctors": true, "sit-down": true, "wildcat": true}
)

// figurativeMods turn a word of fighting into one of rivalry: "trade war",
// "war of words", "price war".
var figurativeMods = map[string]bool{
	"trade": true, "tariff": true, "price": true, "currency": true, "word": true, "propaganda": true,
	"culture": true, "legal": true, "diplomatic": true, "political": true, "media": true,
	"information": true, "bidding": true, "turf": true, "tit-for-tat": true, "verbal": true,
}

// figurative reports whether fighting noun p is a figure of speech ("a
// trade war", "a war of words"); then neither pass reads an armed
// conflict in the sentence.
func (d *doc) figurative(c *clause, p int) bool {
	g := c.g
	w := g.words[p]
	if w.POS == syntax.VERB {
		// "waged a war of words"
		if o := g.depBase(p, syntax.Obj); o >= 0 {
			return d.figurative(c, o)
		}
		return false
	}
	if w.POS != syntax.NOUN {
		return false
	}
	switch w.Lemma {
	case "war", "battle", "fight", "attack", "offensive", "clash", "confrontation", "warfare":
	default:
		return false
	}
	for _, k := range g.deps(p) {
		switch g.words[k].Rel {
		case syntax.Compound, syntax.Amod:
			if figurativeMods[g.words[k].Lemma] {
				d.vetoes = append(d.vetoes, veto{sent: c.si, subj: -1, typ: schema.Fights})
				return true
			}
		case syntax.Nmod:
			if g.caseOf(k) == "of" && (g.words[k].Lemma == "word" || g.words[k].Lemma == "words") {
				d.vetoes = append(d.vetoes, veto{sent: c.si, subj: -1, typ: schema.Fights})
				return true
			}
		}
	}
	return false
}

// denial is an act its doer denied: no pass may state it in the article.
type denial struct {
	subj, obj int
	typ       schema.RelationType
}

// separateModifiers make a shared act several acts, or an act through
// someone else.
var separateModifiers = map[string]bool{
	"similar": true, "separate": true, "indirect": true, "proximity": true, "parallel": true,
	"respective": true, "individual": true, "shuttle": true,
}

// separateActs reports whether the act of predicate p (an event noun, or
// the noun a verb takes as object) is several acts or an indirect one:
// "similar accords", "separate deals", "indirect talks".
func separateActs(g *grammar, p int) bool {
	n := p
	if g.words[p].POS == syntax.VERB {
		if n = g.depBase(p, syntax.Obj); n < 0 {
			return false
		}
	}
	for _, k := range g.deps(n) {
		if (g.words[k].Rel == syntax.Amod || g.words[k].Rel == syntax.Compound) && separateModifiers[g.words[k].Lemma] {
			return true
		}
	}
	// a mediation between the parties: through the mediator
	return g.words[n].Lemma == "mediation" || g.hasDepLemma(n, syntax.Compound, "mediation")
}

// threatVerbs announce a threat.
var threatVerbs = map[string]bool{"threaten": true, "warn": true, "vow": true}

// threatUnless reads "X would publish the data unless Y paid" as a threat:
// an act set to happen unless someone else acts warns that someone.
func (d *doc) threatUnless(c *clause, p int) {
	g := c.g
	// under a threat, "if" is "unless" turned round: "threatened to stop
	// the talks if the United States went ahead"
	threat := threatVerbs[g.words[p].Lemma]
	if h := g.words[p].Head; h >= 0 && g.words[p].Rel.Base() == syntax.Xcomp && threatVerbs[g.words[h].Lemma] {
		threat = true
	}
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() != syntax.Advcl || !hasMark(g, k, "unless") && !(threat && hasMark(g, k, "if")) {
			continue
		}
		sj := g.depBase(k, syntax.NSubj)
		if sj < 0 {
			continue
		}
		subjs := d.subjectsOf(c, p)
		for _, s := range subjs {
			for _, o := range without(d.argEntities(c, sj), subjs, d) {
				d.addRel(rel{typ: schema.Warns, subj: s, obj: o, sent: c.si, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
			}
		}
	}
}

// peopleNoun reports whether a common noun names people ("voters",
// "protesters", "residents"): judging them judges no one named elsewhere.
func peopleNoun(lemma string) bool {
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "people", "public", "citizen"} {
		if strings.HasSuffix(lemma, suf) {
			return true
		}
	}
	return false
}
