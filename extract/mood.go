package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/eventlex"
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// reportVerbs report what someone said: an event in the clause they
// introduce counts as stated ("said Japan had attacked ...").
var reportVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "state": true, "announce": true, "report": true,
	"confirm": true, "insist": true, "stress": true, "note": true, "declare": true, "write": true,
	"explain": true, "reiterate": true, "emphasize": true, "emphasise": true, "acknowledge": true,
	"admit": true, "reveal": true, "disclose": true, "tweet": true, "post": true, "argue": true,
	"assert": true, "maintain": true, "warn": true, "indicate": true, "suggest": false,
}

// lightVerbs carry an event noun that names the event: "imposed
// sanctions", "held talks", "launched strikes", "paid a visit".
var lightVerbs = map[string]bool{
	"impose": true, "hold": true, "launch": true, "carry": true, "conduct": true, "stage": true,
	"mount": true, "make": true, "issue": true, "lodge": true, "level": true, "express": true,
	"give": true, "extend": true, "announce": true, "begin": true, "start": true, "resume": true,
	"step": true, "intensify": true, "escalate": true, "order": true, "deliver": true, "provide": true,
	"pay": true, "undertake": true, "send": true, "put": true, "file": true, "bring": true,
	"slap": true, "apply": true, "reach": true, "strike": true, "seal": true, "sign": true,
	"offer": true, "submit": true, "present": true, "table": true, "renew": true, "continue": true,
	"host": true, "have": true, "open": true, "enter": true, "join": true, "wage": true, "fire": true,
	"unleash": true, "perform": true, "approve": true, "adopt": true, "introduce": true, "expand": true,
	"tighten": true, "pledge": true, "grant": true, "supply": true, "voice": true, "raise": true,
	"deepen": true, "pursue": true, "accelerate": true, "advance": true, "conclude": true,
	"complete": true, "restart": true, "relaunch": true, "revive": true, "attend": true,
}

// motionVerbs take a purpose clause that happens when they do: "flew to
// Paris to meet X".
var motionVerbs = map[string]bool{
	"travel": true, "fly": true, "go": true, "come": true, "arrive": true, "head": true,
	"visit": true, "return": true, "leave": true, "depart": true, "journey": true, "set": true,
	"meet": true, "gather": true, "convene": true,
}

// nounGovernors are event-like nouns that govern a clause ("plans to
// visit", "a threat to strike", "the refusal to meet") and what they do to
// it.
var nounGovernors = map[string]mood{
	"plan": moodFuture, "intention": moodFuture, "decision": moodAssert, "threat": moodWarns,
	"refusal": moodRejects, "offer": moodProposes, "proposal": moodProposes, "invitation": moodProposes,
	"attempt": moodDrop, "bid": moodDrop, "effort": moodDrop, "call": moodDrop, "demand": moodDrop,
	"request": moodDrop, "plea": moodDrop, "appeal": moodDrop, "hope": moodDrop, "wish": moodDrop,
	"desire": moodDrop, "right": moodDrop, "need": moodDrop, "readiness": moodProposes,
	"willingness": moodProposes, "failure": moodDrop, "pledge": moodFuture, "promise": moodFuture,
	"order": moodDrop, "permission": moodDrop, "authority": moodDrop, "chance": moodDrop,
	"possibility": moodDrop, "option": moodDrop, "idea": moodDrop, "move": moodAssert,
	// what is reported or claimed is not stated: "reports that X met Y"
	"report": moodDrop, "claim": moodDrop, "allegation": moodDrop, "accusation": moodDrop,
	"rumor": moodDrop, "rumour": moodDrop, "speculation": moodDrop, "suggestion": moodDrop,
	"assertion": moodDrop, "charge": moodDrop, "belief": moodDrop, "fear": moodDrop,
	"concern": moodDrop, "suspicion": moodDrop, "denial": moodDenied, "question": moodDrop,
}

// chargeVerbs state an accusation: what the accused is said to have done
// is not stated ("accused X of arming Y").
var chargeVerbs = map[string]bool{
	"accuse": true, "charge": true, "blame": true, "suspect": true, "allege": true,
	"indict": true, "deny": true, "convict": true, "investigate": true, "probe": true,
	// punishing someone "for doing" something charges them with it
	"sanction": true, "impose": true, "blacklist": true, "designate": true, "fine": true,
	"punish": true, "penalize": true, "penalise": true, "expel": true, "arrest": true,
	"detain": true, "sentence": true, "jail": true, "place": true,
}

// effectMood turns a modality cue's effect into a mood (moodFuture: stated
// and later).
func effectMood(e eventlex.Effect) mood {
	switch e {
	case eventlex.Future:
		return moodFuture
	case eventlex.Asserted:
		return moodAssert
	case eventlex.Rejects:
		return moodRejects
	case eventlex.Warns:
		return moodWarns
	case eventlex.Proposes:
		return moodProposes
	case eventlex.Negated:
		return moodDenied
	}
	return moodDrop
}

// governorMood returns what word h does to the clause or event noun cur
// that hangs on it, and whether h is a modality cue at all.
func (d *doc) governorMood(c *clause, cur, h int) (mood, bool) {
	g := c.g
	hw := g.words[h]
	if hw.POS == syntax.NOUN {
		m, ok := nounGovernors[hw.Lemma]
		return m, ok
	}
	var comp eventlex.Complement
	switch g.words[cur].Rel.Base() {
	case syntax.Obj, syntax.NSubj:
		comp = eventlex.Object
	case syntax.Ccomp:
		comp = eventlex.That
		if !hasMark(g, cur, "that") && g.words[cur].POS == syntax.VERB && len(g.lower[cur]) > 4 && g.lower[cur][len(g.lower[cur])-3:] == "ing" {
			comp = eventlex.Gerund
		}
	default:
		comp = eventlex.ToInf
		if !hasMark(g, cur, "to") {
			comp = eventlex.Gerund
		}
	}
	prt := ""
	if k := g.dep(h, syntax.CompoundPrt); k >= 0 {
		prt = g.lower[k]
	}
	lemma := hw.Lemma
	if lemma == "go" && comp == eventlex.ToInf {
		lemma = "going" // "is going to visit"
	}
	if m, ok := d.events.ModalityFor(lemma, prt, comp); ok {
		return effectMood(m.Effect), true
	}
	// a gerund reads as a to-clause or an object noun ("halted lending")
	// when the cue has no gerund reading of its own
	alt := []eventlex.Complement{eventlex.ToInf, eventlex.Object}
	if comp == eventlex.Object {
		alt = []eventlex.Complement{eventlex.Gerund}
	}
	if comp == eventlex.Gerund || comp == eventlex.Object {
		for _, a := range alt {
			if m, ok := d.events.ModalityFor(lemma, prt, a); ok {
				return effectMood(m.Effect), true
			}
		}
	}
	return moodAssert, false
}

// moodOf decides whether predicate p states its event, and its tense. It
// walks from p up through the clauses that govern it: negation, a
// condition, a question, a modal, a refusal or a threat on the way change
// what p states.
func (d *doc) moodOf(c *clause, p int) (mood, string) {
	g := c.g
	future, viaConj, cond := false, false, false
	cur := p
	for steps := 0; steps < 8; steps++ {
		drop, fut := clauseMood(g, cur, viaConj)
		if drop {
			return moodDrop, ""
		}
		future = future || fut
		// "would meet X only if ...": a condition drops the event, but
		// a condition under a threat belongs to the threat ("threatened
		// to strike unless ...")
		cond = cond || conditional(g, cur)
		h := g.words[cur].Head
		if h < 0 {
			if c.ask {
				return moodDrop, ""
			}
			break
		}
		m, next := d.governedBy(c, cur, h)
		switch next {
		case stepStop:
			if m == moodDenied {
				return moodDenied, ""
			}
			if m == moodDrop || cond && m != moodWarns {
				return moodDrop, ""
			}
			return m, tense(future)
		case stepConj:
			viaConj = true
		case stepUp:
			viaConj = false
			future = future || m == moodFuture
		}
		cur = h
	}
	if cond {
		return moodDrop, ""
	}
	return moodAssert, tense(future)
}

// step says how moodOf goes on from a clause to the word it hangs on.
type step uint8

const (
	stepUp   step = iota // on to the governing clause
	stepConj             // on, through a coordination (negation does not carry)
	stepStop             // the mood is decided
)

// clauseMood reads the clause headed by cur on its own: negation (unless
// reached through a coordination), modals, a condition. drop says the
// clause states nothing; future that a modal puts it later.
func clauseMood(g *grammar, cur int, viaConj bool) (drop, future bool) {
	if !viaConj && negated(g, cur) {
		return true, false
	}
	for _, k := range g.deps(cur) {
		if g.words[k].Rel.Base() != syntax.Aux {
			continue
		}
		switch g.lower[k] {
		case "will", "shall", "'ll", "’ll", "wo":
			future = true
		case "would":
			if !reportedClause(g, cur) {
				return true, false
			}
			future = true // "said he would visit"
		case "could", "might", "may", "should", "must":
			return true, false
		}
	}
	if hasMark(g, cur, "if") || hasMark(g, cur, "unless") || hasMark(g, cur, "whether") || hasMark(g, cur, "lest") {
		return true, false
	}
	return false, future
}

// governedBy decides what word h does to the clause or event noun cur
// that hangs on it.
func (d *doc) governedBy(c *clause, cur, h int) (mood, step) {
	g := c.g
	w := g.words[cur]
	// "accused X of arming Y": the charge is not a fact
	if chargeContent(g, cur, h) {
		return moodDrop, stepStop
	}
	switch w.Rel.Base() {
	case syntax.Conj:
		return moodAssert, stepConj
	case syntax.Advcl:
		// "to meet X" as a purpose is not stated, unless one travels
		// for it: "will travel to Paris to meet X"; a verb that takes
		// the clause as its complement ("refused on Tuesday to meet",
		// read as a purpose by a parser) governs it as such
		if hasMark(g, cur, "to") && !motionVerbs[g.words[h].Lemma] {
			if _, cue := d.governorMood(c, cur, h); !cue || g.words[h].POS != syntax.VERB {
				return moodDrop, stepStop
			}
		}
	case syntax.Xcomp, syntax.Ccomp, syntax.Csubj, syntax.Acl:
	case syntax.Obj, syntax.NSubjPass, syntax.NSubj:
		// an event noun carried by a verb takes that verb's mood:
		// "did not impose sanctions", "cancelled a planned visit"
		if w.POS != syntax.NOUN {
			return moodAssert, stepStop
		}
	case syntax.Nmod:
		if !roundOf(g, cur, h) {
			return moodAssert, stepStop
		}
	default:
		return moodAssert, stepStop
	}
	m, cue := d.governorMood(c, cur, h)
	switch {
	case cue && (m == moodDrop || m == moodDenied):
		return m, stepStop
	case cue && (m == moodRejects || m == moodWarns || m == moodProposes):
		if negated(g, h) {
			return moodDrop, stepStop
		}
		if m == moodWarns && d.warnsOfOther(c, cur, h) {
			return moodAssert, stepUp
		}
		return m, stepStop
	case cue:
		return m, stepUp
	case w.Rel.Base() == syntax.Xcomp && g.words[h].POS == syntax.ADJ:
		// an adjective that is no cue ("is keen to meet") states nothing
		return moodDrop, stepStop
	case w.Rel.Base() == syntax.Acl && g.words[h].POS == syntax.NOUN && strings.HasSuffix(g.lower[cur], "ing") && !hasMark(g, cur, "to"):
		// a participle on a noun ("will publish a report condemning
		// X") happens when the noun's clause does
		return moodAssert, stepUp
	case w.Rel.Base() == syntax.Acl && g.words[h].POS == syntax.NOUN:
		// a clause on a noun that is no cue ("the decision to impose")
		return moodAssert, stepStop
	case w.Rel.Base() == syntax.Ccomp && w.POS != syntax.NOUN && g.words[h].POS == syntax.VERB && !reportVerbs[g.words[h].Lemma]:
		// a clause that no speech verb reports ("believes that X
		// attacked") is not stated as a fact
		return moodDrop, stepStop
	}
	return moodAssert, stepUp
}

// roundOf reports whether noun cur is what the span noun h it hangs on
// counts: "offered to host another round of talks", where the talks take
// the mood of their round.
func roundOf(g *grammar, cur, h int) bool {
	return g.words[cur].POS == syntax.NOUN && g.caseOf(cur) == "of" && spanNouns[g.words[h].Lemma]
}

// warnsOfOther reports whether clause cur, under the warning verb h, tells
// what another, named actor will do ("X warned that the bloc would deepen
// talks with Y"): that is reported, not threatened.
func (d *doc) warnsOfOther(c *clause, cur, h int) bool {
	g := c.g
	k := g.depBase(cur, syntax.NSubj)
	return g.words[cur].Rel.Base() == syntax.Ccomp && k >= 0 && g.words[k].POS != syntax.PRON && d.mentionAt[g.tok(k)] >= 0 && reportVerbs[g.words[h].Lemma]
}

// chargeContent reports whether clause cur is what someone is charged
// with: "accused X of arming Y", "blamed Y for attacking".
func chargeContent(g *grammar, cur, h int) bool {
	w := g.words[cur]
	if w.Rel.Base() != syntax.Acl && w.Rel.Base() != syntax.Advcl {
		return false
	}
	if !hasMark(g, cur, "of") && !hasMark(g, cur, "for") && g.caseOf(cur) != "of" && g.caseOf(cur) != "for" {
		return false
	}
	v := h
	if g.words[v].POS != syntax.VERB && g.words[v].Head >= 0 {
		v = g.words[v].Head
	}
	return chargeVerbs[g.words[v].Lemma]
}

func tense(future bool) string {
	if future {
		return "future"
	}
	return ""
}

// negated reports whether word w is negated: "did not meet", "never
// visited", "no sanctions".
func negated(g *grammar, w int) bool {
	for _, k := range g.deps(w) {
		// "didn't", "won't", "cannot" come whole: the negation is in the
		// auxiliary's surface word
		if l := g.lower[k]; g.words[k].Rel.Base() == syntax.Aux && (strings.HasSuffix(l, "n't") || strings.HasSuffix(l, "n’t") || l == "cannot") {
			return true
		}
		switch g.words[k].Rel.Base() {
		case syntax.Advmod, syntax.Det, syntax.Aux:
			switch g.lower[k] {
			case "not", "n't", "n’t", "never", "no", "neither", "nor", "without":
				return true
			}
		case syntax.Case, syntax.Mark:
			if g.lower[k] == "without" {
				return true
			}
		}
	}
	return false
}

func hasMark(g *grammar, w int, m string) bool {
	for _, k := range g.deps(w) {
		if g.words[k].Rel.Base() == syntax.Mark && g.lower[k] == m {
			return true
		}
	}
	return false
}

// reportedClause reports whether w heads a clause that a speech verb
// reports ("said he would visit").
func reportedClause(g *grammar, w int) bool {
	// "said it would wait and would deepen talks": the clause the
	// conjunct is coordinated with
	for steps := 0; steps < 4 && g.words[w].Rel == syntax.Conj && g.words[w].Head >= 0; steps++ {
		w = g.words[w].Head
	}
	h := g.words[w].Head
	return h >= 0 && g.words[w].Rel.Base() == syntax.Ccomp && reportVerbs[g.words[h].Lemma]
}

// accusationNouns and proposalNouns tell a denial from a rejection by what
// is dismissed.
var claimNouns = map[string]bool{
	"accusation": true, "charge": true, "claim": true, "allegation": true, "report": true,
	"criticism": true, "assertion": true, "suggestion": true, "statement": true, "assessment": true,
	"finding": true, "rumor": true, "rumour": true, "speculation": true,
	"concern": true, "protest": true, "complaint": true, "condemnation": true, "wrongdoing": true,
}

var offerNouns = map[string]bool{
	"plan": true, "proposal": true, "offer": true, "demand": true, "request": true, "call": true,
	"deal": true, "bill": true, "draft": true, "initiative": true, "idea": true, "ultimatum": true,
	"package": true, "resolution": true, "invitation": true, "appeal": true, "bid": true,
	"proposition": true, "condition": true, "terms": true, "peace": true, "ceasefire": true, "truce": true,
	"pact": true, "agreement": true, "accord": true, "treaty": true, "compromise": true, "roadmap": true,
}

// rejectOrDeny tells a denial from a rejection by what is dismissed and
// finds who made the claim or the proposal when the object is not an
// actor: "dismissed Japan's accusations" denies Japan.
func (d *doc) rejectOrDeny(c *clause, p int, typ schema.RelationType, objs, subjs []int) (schema.RelationType, []int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 && g.words[p].POS == syntax.VERB && passive(g, p) {
		o = g.depBase(p, syntax.NSubj)
	}
	if o < 0 {
		return typ, objs
	}
	lemma := g.words[o].Lemma
	switch {
	case claimNouns[lemma]:
		typ = schema.Denies
	case offerNouns[lemma]:
		typ = schema.Rejects
	default:
		return typ, objs
	}
	if len(objs) > 0 {
		return typ, objs
	}
	// the claim's or proposal's author: "Japan's claims", "claims by Japan"
	for _, k := range g.deps(o) {
		switch g.words[k].Rel {
		case syntax.NmodPoss, syntax.Amod, syntax.Compound:
			if es := d.wordEntities(c, k); len(es) > 0 {
				return typ, d.withConjuncts(c, k, es)
			}
		case syntax.Nmod:
			switch g.caseOf(k) {
			case "by", "from":
				return typ, d.argEntities(c, k)
			}
		}
	}
	// "the pact that Chile had drafted", "the plan put forward by Chile"
	if es := d.nounAgents(c, o); len(es) > 0 {
		return typ, es
	}
	// the same relative clause, which a parser may hang on the verb as
	// its "that" clause: one without an object of its own, after the noun
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() == syntax.Ccomp && k > o && hasMark(g, k, "that") && g.depBase(k, syntax.Obj) < 0 {
			if sj := g.depBase(k, syntax.NSubj); sj >= 0 {
				if es := d.argEntities(c, sj); len(es) > 0 {
					return typ, es
				}
			}
		}
	}
	switch typ {
	case schema.Denies:
		for k := len(d.accusations) - 1; k >= 0; k-- {
			ac := d.accusations[k]
			for _, sj := range subjs {
				if d.belongsTo(sj, ac.obj) {
					return typ, d.accusersIn(ac.sent, ac.obj)
				}
			}
		}
		if es := d.claimAuthors(c, o, subjs); len(es) > 0 {
			return typ, es
		}
	case schema.Rejects:
		var out []int
		for _, sj := range subjs {
			if a, ok := d.lastProposer[sj]; ok {
				out = append(out, a)
			}
		}
		return typ, out
	}
	return typ, objs
}

// reportedDemand reads "Japan said France must return the aircraft" as a
// request: a speech verb whose reported clause says its subject must act.
func (d *doc) reportedDemand(c *clause, p int) {
	g := c.g
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() != syntax.Ccomp {
			continue
		}
		must := false
		for _, a := range g.deps(k) {
			if g.words[a].Rel.Base() == syntax.Aux {
				switch g.lower[a] {
				case "must", "should":
					must = true
				}
			}
		}
		if !must || negated(g, k) || negated(g, p) {
			continue
		}
		sj := g.depBase(k, syntax.NSubj)
		if sj < 0 {
			continue
		}
		subjs := d.subjectsOf(c, p)
		objs := without(d.argEntities(c, sj), subjs, d)
		for _, s := range subjs {
			for _, o := range objs {
				d.addRel(rel{typ: schema.Requests, subj: s, obj: o, sent: c.si, confidence: 0.6})
			}
		}
	}
}

// conditional reports whether w has a clause of condition: "if ...",
// "unless ...", "provided ...".
func conditional(g *grammar, w int) bool {
	for _, k := range g.deps(w) {
		if g.words[k].Rel.Base() != syntax.Advcl {
			continue
		}
		if hasMark(g, k, "if") || hasMark(g, k, "unless") || hasMark(g, k, "provided") {
			return true
		}
	}
	return false
}

// wantedAct reads "Brazil wants Argentina to scrap its tariffs" as a
// request: wanting someone else to act.
func (d *doc) wantedAct(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 || g.dep(p, syntax.Xcomp) < 0 || negated(g, p) {
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	subjs := d.subjectsOf(c, p)
	for _, s := range subjs {
		for _, t := range without(d.argEntities(c, o), subjs, d) {
			d.addRel(rel{typ: schema.Requests, subj: s, obj: t, sent: c.si, confidence: 0.6, grammar: true})
		}
	}
}
