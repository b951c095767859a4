package extract

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

var accusationNouns = map[string]bool{
	"accusation": true, "accusations": true, "charge": true, "charges": true, "claim": true,
	"claims": true, "allegation": true, "allegations": true, "report": true, "reports": true,
	"criticism": true, "assertion": true, "assertions": true, "statement": true, "suggestion": true,
	"suggestions": true, "accusation,": true,
}

var proposalNouns = map[string]bool{
	"plan": true, "proposal": true, "proposals": true, "offer": true, "demand": true, "demands": true,
	"request": true, "call": true, "calls": true, "deal": true, "bill": true, "draft": true,
	"initiative": true, "idea": true, "ultimatum": true, "package": true, "resolution": true,
}

var negators = map[string]bool{
	"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true,
	"without": true, "could": true, "might": true, "may": true, "if": true, "unless": true,
	"whether": true, "instead": true, "rather": true,
}

var futureMarkers = map[string]bool{"will": true, "would": true, "shall": true, "'ll": true}

var toFuture = map[string]bool{
	"expected": true, "due": true, "set": true, "scheduled": true, "plans": true, "plan": true,
	"planned": true, "planning": true, "intends": true, "intend": true, "going": true, "slated": true,
	"poised": true, "preparing": true, "prepared": true,
}

// maxSentence is the longest sentence, in tokens, that the relation rules
// read; a longer run of text is no sentence of news and is left alone.
const maxSentence = 400

// sentenceRelations applies the token rules to sentence si: it reads every
// cue of the sentence with its subjects and objects (see cueScan.read),
// then the talks its coordinated actors held, then the objectless
// criticisms and warnings.
func (d *doc) sentenceRelations(si int, s sentence) {
	if s.to-s.from > maxSentence {
		return
	}
	sc := cueScan{d: d, si: si, s: s, heads: d.heads(s)}
	sc.lastSubj = d.openingSubject(s, sc.heads)
	// sentObjs holds, by subject, the objects of the subject's hostile
	// cues, which objectless criticisms and warnings take (see pending).
	// It stays out of cueScan so that it stays on the stack.
	sentObjs := map[int][]int{}
	for i := s.from; i < s.to && !d.stop(); i++ {
		if d.mentionAt[i] >= 0 {
			continue
		}
		c, ok := d.cues.match(d.toks, i, s.to)
		if !ok {
			continue
		}
		h := cueHit{c: c, i: i, end: i + len(c.words), typ: c.typ}
		if sc.read(&h) == cueDone {
			i = h.end - 1
		}
		if h.lends {
			for _, sj := range h.subjs {
				sentObjs[sj] = h.objs
			}
		}
	}
	d.talksBetween(si, s, sc.heads)
	sc.relatePending(sentObjs)
}

// cueScan is the state of the token rules over one sentence.
type cueScan struct {
	d     *doc
	si    int
	s     sentence
	heads []int // the sentence's head mentions (see heads)
	// lastSubj starts as the subject of the sentence's first clause, for
	// verbs coordinated with a verb that is not a cue ("said ..., but
	// warned"); then it is the subject the last cue took.
	lastSubj []int
	// pending are cues without an object ("condemned the violation"); they
	// take the object a hostile cue of the same subject names in the
	// sentence ("... and warned Moscow").
	pending []rel
}

// cueHit is a cue at tokens [i, end) of the sentence and what the rules
// read of it: its type (which a rule may change), tense, voice, subjects
// and objects.
type cueHit struct {
	c       cue
	i, end  int
	typ     schema.RelationType
	future  bool
	passive bool
	subjs   []int
	objs    []int
	// lends marks a hostile cue with objects, which it lends to the
	// pending cues of its subjects.
	lends bool
}

// verdict is what a rule makes of a cue.
type verdict uint8

const (
	cueGo   verdict = iota // the rule has no say: read on
	cueNone                // the word is no cue here: go on from the next token
	cueDone                // the cue is read: go on after its last token
)

// read reads cue h: the rules that settle it before its ends, its subjects
// and objects, the rules of particular cue words, the objects implied
// elsewhere, and then the relations it states.
func (sc *cueScan) read(h *cueHit) verdict {
	if v := sc.guard(h); v != cueGo {
		return v
	}
	h.future = sc.d.isFuture(sc.s, h.i)
	h.passive = sc.d.isPassive(sc.s, h.i, h.c)
	sc.findSubjects(h)
	sc.findObjects(h)
	if v := sc.wordRules(h); v != cueGo {
		return v
	}
	sc.impliedObjects(h)
	sc.remember(h)
	sc.emit(h)
	return cueDone
}

// guard applies the rules that settle a cue before its ends are read: a
// form that is no verb here, reduced passives, an accuser named by a
// pronoun, a noun cue after "and", negation and reported speech. It also
// retypes a rejection or a denial by what is rejected.
func (sc *cueScan) guard(h *cueHit) verdict {
	d, s, toks := sc.d, sc.s, sc.d.toks
	if h.c.nounLike && !d.verbContext(s, h.i) {
		return cueNone
	}
	if sc.toInfinitive(h) {
		return cueDone
	}
	if sc.reducedAccusation(h) {
		return cueNone
	}
	if sc.accusedBeforePronoun(h) {
		return cueDone
	}
	if sc.reducedPassive(h) {
		return cueNone
	}
	sc.retypeRejection(h)
	if h.c.noun && h.i > s.from && (toks[h.i-1].lower == "and" || h.i-2 >= s.from && toks[h.i-2].lower == "and") {
		return cueDone
	}
	if h.typ == schema.Denies && len(h.c.words) == 1 && !d.denialFollows(s, h.end) {
		return cueDone
	}
	if d.negated(s, h.i) || d.reported(s, h.i) {
		return cueDone
	}
	return cueGo
}

// toInfinitive reports a noun cue ending in a preposition that a verb
// follows: "a proposal to fund ..." relates nobody.
func (sc *cueScan) toInfinitive(h *cueHit) bool {
	toks := sc.d.toks
	if !h.c.noun || h.c.words[len(h.c.words)-1] != "to" || h.end >= sc.s.to || toks[h.end].kind != tkWord || toks[h.end].cap || sc.d.mentionAt[h.end] >= 0 {
		return false
	}
	switch toks[h.end].lower {
	case "the", "a", "an", "its", "their", "his", "her", "both", "all":
		return false
	}
	return true
}

// reducedAccusation reports a reduced passive, which names no accuser:
// "31 companies accused of helping Moscow".
func (sc *cueScan) reducedAccusation(h *cueHit) bool {
	toks := sc.d.toks
	return h.typ == schema.Accuses && h.end < sc.s.to && toks[h.end].lower == "of" && strings.HasSuffix(toks[h.i].lower, "ed")
}

// accusedBeforePronoun reads "Rwandan officers it accuses of commanding the
// rebels": the accused stand before the pronoun that accuses them. It
// reports whether the cue is such an accusation.
func (sc *cueScan) accusedBeforePronoun(h *cueHit) bool {
	d, s, toks, i := sc.d, sc.s, sc.d.toks, h.i
	if h.typ != schema.Accuses || h.end >= s.to || toks[h.end].lower != "of" || i-1 <= s.from {
		return false
	}
	p := toks[i-1].lower
	if p != "it" && p != "they" && p != "he" && p != "she" {
		return false
	}
	var sj int
	if p == "he" || p == "she" {
		sj = d.personAntecedent(i - 1)
	} else {
		sj = d.mainSubject(s, sc.heads, i-1)
	}
	for k := len(sc.heads) - 1; k >= 0 && sj >= 0; k-- {
		m := d.ments[sc.heads[k]]
		if m.to <= i-1 && m.ent != sj {
			if !d.negated(s, i) {
				d.addRel(rel{typ: h.typ, subj: sj, obj: m.ent, sent: sc.si, confidence: 0.6, cue: h.i + 1})
			}
			break
		}
	}
	return true
}

// reducedPassive reports a reduced passive inside a noun phrase, which
// relates nobody named: "a bill proposed by U.S. lawmakers".
func (sc *cueScan) reducedPassive(h *cueHit) bool {
	d, s, toks, i := sc.d, sc.s, sc.d.toks, h.i
	return len(h.c.words) == 1 && strings.HasSuffix(toks[i].lower, "ed") && h.end < s.to && toks[h.end].lower == "by" && !d.hasAuxBefore(s, i) && (i == s.from || d.mentionAt[i-1] < 0)
}

// retypeRejection retypes a rejection or a denial by what follows it:
// "rejected the charge" is a denial; "dismissed the plan" a rejection.
func (sc *cueScan) retypeRejection(h *cueHit) {
	if h.typ != schema.Rejects && h.typ != schema.Denies {
		return
	}
	toks := sc.d.toks
	for k := h.end; k < sc.s.to && k < h.end+7 && toks[k].text != ","; k++ {
		if accusationNouns[toks[k].lower] {
			h.typ = schema.Denies
			return
		}
		if proposalNouns[toks[k].lower] {
			h.typ = schema.Rejects
			return
		}
	}
}

// findSubjects finds the cue's subjects: a passive's agent, the subject of
// the verb it is coordinated with, else the subject before it; failing
// all, the subject of the last cue.
func (sc *cueScan) findSubjects(h *cueHit) {
	d, s := sc.d, sc.s
	switch {
	case h.passive:
		h.subjs = d.agentOf(s, sc.heads, h.end)
	case d.coordinatedVerb(s, h.i) && len(sc.lastSubj) > 0:
		// "said Iran had no intention ..., but warned the Contact Group": the
		// second verb shares the first one's subject.
		h.subjs = sc.lastSubj
	default:
		h.subjs = d.subjectOf(s, sc.heads, h.i)
	}
	if len(h.subjs) == 0 && !h.passive {
		// "Libya must hand over X as he embarked on a trip": a person
		// the pronoun stands for, not the last subject, is the one who
		// travels
		if !d.personPronounBefore(s, h.i) || d.anyPerson(sc.lastSubj) {
			h.subjs = sc.lastSubj
		}
	} else {
		sc.lastSubj = h.subjs
	}
}

// findObjects finds the cue's objects: a passive's subject, who made the
// claim denied, the controlling body, the other party of a deal, or the
// actors after the cue.
func (sc *cueScan) findObjects(h *cueHit) {
	d, s := sc.d, sc.s
	switch {
	case h.passive:
		h.objs = d.passiveObject(s, sc.heads, h.i)
	case h.typ == schema.Denies:
		h.objs = sc.claimants(h)
	case h.typ == schema.PartOf:
		h.objs = sc.controller(h)
	case h.typ == schema.Agrees && sc.agreedTo(h, true):
		h.objs = sc.dealParty(h)
	case h.typ == schema.Agrees && sc.agreedTo(h, false):
		// "A and B agreed to restore ties": mutual, no object.
	default:
		h.objs = d.objectOf(s, sc.heads, h.end, h.typ, h.subjs)
	}
}

// claimants returns who made the claim a denial rejects and records that
// they accused the subjects' side: "denied allegations by Western
// countries".
func (sc *cueScan) claimants(h *cueHit) []int {
	d := sc.d
	objs := d.claimant(sc.s, h.end)
	for _, c := range objs {
		for _, sj := range h.subjs {
			if side := d.sideOf(sj); d.ents[side].typ != schema.Person {
				d.addRel(rel{typ: schema.Accuses, subj: c, obj: side, sent: sc.si, confidence: 0.6, cue: h.i + 1})
			}
		}
	}
	return objs
}

// controller returns the body named just after a control cue: "Kessa Go,
// which is controlled by Dorvik Capital".
func (sc *cueScan) controller(h *cueHit) []int {
	d := sc.d
	for _, mi := range sc.heads {
		if m := d.ments[mi]; m.from >= h.end && m.from <= h.end+6 && d.ents[m.ent].typ != schema.Person && !m.poss {
			return []int{m.ent}
		}
	}
	return nil
}

// agreedTo reports whether "to" and a verb follow an agreement, past a
// time phrase: with deal, a verb of a deal ("agreed on Monday to buy");
// without, any lower-case word after "to" or "on" ("agreed to restore
// ties").
func (sc *cueScan) agreedTo(h *cueHit, deal bool) bool {
	toks := sc.d.toks
	k := sc.d.skipTime(sc.s, h.end)
	if k+1 >= sc.s.to {
		return false
	}
	if deal {
		return toks[k].lower == "to" && dealVerbs[toks[k+1].lower]
	}
	return (toks[k].lower == "to" || toks[k].lower == "on") && toks[k+1].kind == tkWord && !toks[k+1].cap
}

// dealParty returns the other party of "A agreed on Monday to buy B": a
// deal between the two, which agree both ways.
func (sc *cueScan) dealParty(h *cueHit) []int {
	d := sc.d
	objs := d.objectOf(sc.s, sc.heads, d.skipTime(sc.s, h.end)+2, h.typ, h.subjs)
	for _, o := range objs {
		for _, sj := range h.subjs {
			d.addRel(rel{typ: schema.Agrees, subj: o, obj: sj, sent: sc.si, confidence: 0.6, cue: h.i + 1})
		}
	}
	return objs
}

// wordRules applies the rules of particular cue words, which find the
// objects elsewhere or read the cue as stating nothing.
func (sc *cueScan) wordRules(h *cueHit) verdict {
	if v := sc.standWith(h); v != cueGo {
		return v
	}
	if v := sc.readyTo(h); v != cueGo {
		return v
	}
	if v := sc.publishTo(h); v != cueGo {
		return v
	}
	if v := sc.receivePerson(h); v != cueGo {
		return v
	}
	if v := sc.tellBody(h); v != cueGo {
		return v
	}
	return sc.between(h)
}

// standWith reads "stood \"shoulder to shoulder\" with Estonia", "stood
// firmly behind Kyiv": standing is support only with someone.
func (sc *cueScan) standWith(h *cueHit) verdict {
	switch h.c.words[0] {
	case "stood", "stand", "stands", "standing":
	default:
		return cueGo
	}
	d, s, toks := sc.d, sc.s, sc.d.toks
	h.objs = nil
	for k := h.end; k < s.to && k < h.end+7; k++ {
		if w := toks[k].lower; w == "behind" || w == "with" || w == "by" {
			h.objs = d.objectOf(s, sc.heads, k+1, h.typ, h.subjs)
			break
		}
	}
	if len(h.objs) == 0 {
		return cueDone
	}
	return cueGo
}

// readyTo reads "was ready to host talks between Moscow and Kiev", "ready
// to continue the talks": an offer to the parties, those named after
// "between" or else the pair named last.
func (sc *cueScan) readyTo(h *cueHit) verdict {
	d, s, toks := sc.d, sc.s, sc.d.toks
	if w := toks[h.i].lower; !(w == "ready" || w == "willing" || w == "prepared") || h.end >= s.to || !readyVerbs[toks[h.end].lower] {
		return cueGo
	}
	h.objs = nil
	for k := h.end; k+1 < s.to && k < h.end+10; k++ {
		if toks[k].lower == "between" {
			h.objs = d.objectOf(s, sc.heads, k+1, h.typ, h.subjs)
			break
		}
	}
	if len(h.objs) == 0 {
		for _, e := range d.lastPair {
			keep := true
			for _, sj := range h.subjs {
				if sj == e || d.belongsTo(sj, e) {
					keep = false
				}
			}
			if keep {
				h.objs = append(h.objs, e)
			}
		}
	}
	if len(h.objs) == 0 {
		return cueDone
	}
	return cueGo
}

// publishTo reads "published Russia's two draft agreements ..., which
// Moscow expects from Washington and NATO": putting forward a draft is
// proposing it to those it is addressed to.
func (sc *cueScan) publishTo(h *cueHit) verdict {
	if h.typ != schema.Proposes || len(h.c.words) != 1 || !publishForms[h.c.words[0]] {
		return cueGo
	}
	if !sc.d.nounAfterN(sc.s, h.end, proposalNouns, 6) {
		return cueDone
	}
	h.objs = sc.addressees(h)
	if len(h.objs) == 0 {
		return cueDone
	}
	return cueGo
}

// addressees returns the first actor after the cue, behind one of
// addresseePreps, that is not the subjects' own, with the actors
// coordinated with it ("from Washington and NATO").
func (sc *cueScan) addressees(h *cueHit) []int {
	d, s, toks := sc.d, sc.s, sc.d.toks
	var objs []int
	for k := h.end; k < s.to; k++ {
		mi := d.mentionAt[k]
		if mi < 0 || k == 0 || !addresseePreps[toks[k-1].lower] {
			continue
		}
		o := d.ments[mi].ent
		if !actorOK(d.ents[o].typ) {
			continue
		}
		own := false
		for _, sj := range h.subjs {
			if sj == o || d.belongsTo(sj, o) {
				own = true
			}
		}
		if !own {
			objs = append(objs, o)
			for x := d.ments[mi].to; x+1 < s.to && toks[x].lower == "and" && d.mentionAt[x+1] >= 0; {
				objs = append(objs, d.ments[d.mentionAt[x+1]].ent)
				x = d.ments[d.mentionAt[x+1]].to
			}
			break
		}
	}
	return objs
}

// receivePerson reads "will receive Rubio in Doha": receiving a person is
// meeting him; receiving anything else is not.
func (sc *cueScan) receivePerson(h *cueHit) verdict {
	switch h.c.words[0] {
	case "receive", "received", "receives", "receiving":
	default:
		return cueGo
	}
	d := sc.d
	if h.end >= sc.s.to || d.mentionAt[h.end] < 0 || d.ents[d.ments[d.mentionAt[h.end]].ent].typ != schema.Person {
		return cueDone
	}
	return cueGo
}

// tellBody reads "told the council": speaking to a body's meeting is
// meeting it; telling reporters or a person is not.
func (sc *cueScan) tellBody(h *cueHit) verdict {
	switch h.c.words[0] {
	case "tell", "told", "tells", "telling":
	default:
		return cueGo
	}
	d := sc.d
	var keep []int
	for _, o := range h.objs {
		if d.ents[o].typ == schema.Organization && h.end < sc.s.to && d.mentionAt[h.end] >= 0 && d.ments[d.mentionAt[h.end]].ent == o {
			keep = append(keep, o)
		}
	}
	h.objs = keep
	if len(h.objs) == 0 {
		return cueDone
	}
	return cueGo
}

// between reads "war between the two sides", "talks between A and B": the
// parties relate to each other; talks between them that a subject holds
// are also meetings with it.
func (sc *cueScan) between(h *cueHit) verdict {
	if h.c.words[len(h.c.words)-1] != "between" || len(h.objs) != 2 {
		return cueGo
	}
	sc.d.addRel(rel{typ: h.typ, subj: h.objs[0], obj: h.objs[1], sent: sc.si, confidence: 0.65, cue: h.i + 1})
	if h.typ != schema.Meets || len(h.subjs) == 0 {
		return cueDone
	}
	return cueGo
}

// impliedObjects finds the objects of a cue that names none after it: the
// antecedent of a relative clause, the owner "its" refers to, the actor
// a pronoun stands for, the parties of a deal appraised; and for a denial
// or a rejection, who made the accusation, proposal or call rejected.
func (sc *cueScan) impliedObjects(h *cueHit) {
	d, s := sc.d, sc.s
	if !h.passive {
		if len(h.objs) == 0 {
			h.objs = d.relativeObject(s, sc.heads, h.i, h.subjs)
		}
		if len(h.objs) == 0 {
			h.objs = d.itsObject(s, sc.heads, h.end, h.subjs)
		}
		if len(h.objs) == 0 {
			sc.pronounObject(h)
		}
		if len(h.objs) == 0 && specOf(h.typ).Appraising {
			h.objs = d.dealParties(s, h.end, h.subjs)
		}
	}
	if len(h.objs) == 0 {
		switch h.typ {
		case schema.Denies:
			sc.accusersDenied(h)
		case schema.Rejects:
			sc.proposersRejected(h)
		}
	}
}

// pronounObject reads "accused it of", "urged it to": a pronoun object is
// the actor named last that is not the subject.
func (sc *cueScan) pronounObject(h *cueHit) {
	toks := sc.d.toks
	if h.end+1 < sc.s.to && toks[h.end].lower == "it" && (h.typ == schema.Accuses || h.typ == schema.Criticizes || h.typ == schema.Warns || h.typ == schema.Requests && toks[h.end+1].lower == "to") {
		if e := sc.d.lastActorExcept(h.end, h.subjs); e >= 0 {
			h.objs = []int{e}
		}
	}
}

// accusersDenied takes as the objects of a denial the accusers of the
// latest accusation against the subjects or the bodies they speak for.
func (sc *cueScan) accusersDenied(h *cueHit) {
	d := sc.d
	for k := len(d.accusations) - 1; k >= 0 && len(h.objs) == 0; k-- {
		ac := d.accusations[k]
		for _, sj := range h.subjs {
			if d.belongsTo(sj, ac.obj) {
				h.objs = append(h.objs, d.accusersIn(ac.sent, ac.obj)...)
				break
			}
		}
	}
}

// proposersRejected takes as the objects of a rejection who last proposed
// something to the subjects, else, for "rejected the call", who last
// called on them.
func (sc *cueScan) proposersRejected(h *cueHit) {
	d := sc.d
	for _, sj := range h.subjs {
		if a, ok := d.lastProposer[sj]; ok {
			h.objs = append(h.objs, a)
		}
	}
	if len(h.objs) > 0 || !d.nounAfter(sc.s, h.end, requestNouns) {
		return
	}
	for k := len(d.rels) - 1; k >= 0 && len(h.objs) == 0; k-- {
		r := d.rels[k]
		for _, sj := range h.subjs {
			if r.typ == schema.Requests && d.belongsTo(sj, r.obj) {
				h.objs = append(h.objs, r.subj)
				break
			}
		}
	}
}

// remember records what later cues and sentences read of this one: an
// objectless criticism or warning waits for an object (see cueScan), the
// pair of actors named together, and the objects of a hostile act. It
// also retypes an approval of a loan "to" someone as support.
func (sc *cueScan) remember(h *cueHit) {
	d := sc.d
	if len(h.objs) == 0 && specOf(h.typ).ActObject && len(h.subjs) > 0 {
		for _, sj := range h.subjs {
			sc.pending = append(sc.pending, rel{typ: h.typ, subj: sj, sent: sc.si, confidence: 0.6})
		}
	}
	if h.typ == schema.Agrees && len(h.objs) == 1 && !h.passive && sc.givenTo(h) {
		// "approved a loan to Argentina": giving, not agreeing.
		h.typ = schema.Supports
	}
	if len(h.objs) == 2 {
		d.lastPair = append(d.lastPair[:0], h.objs...)
	} else if len(h.subjs) == 2 {
		d.lastPair = append(d.lastPair[:0], h.subjs...)
	}
	h.lends = len(h.objs) > 0 && specOf(h.typ).Hostile
}

// givenTo reports whether the cue's one object is named after "to", a word
// or more past the cue: "approved a loan to Argentina".
func (sc *cueScan) givenTo(h *cueHit) bool {
	d := sc.d
	mi := d.firstMentionOf(h.objs[0], h.end, sc.s.to)
	return mi >= 0 && d.ments[mi].from > sc.s.from && d.toks[d.ments[mi].from-1].lower == "to" && d.ments[mi].from > h.end+1
}

// emit adds the relations the cue states: between its subjects and its
// objects, or, for a mutual cue with coordinated subjects and no object,
// among the subjects. A visit for talks with a state, or to a body, is
// also a meeting.
func (sc *cueScan) emit(h *cueHit) {
	d := sc.d
	tense := ""
	if h.future {
		tense = "future"
	}
	conf := 0.7
	if len(h.c.words) > 1 {
		conf = 0.75
	}
	if len(h.objs) == 0 && h.c.mutual && len(h.subjs) >= 2 {
		for a := 0; a < len(h.subjs); a++ {
			for b := 0; b < len(h.subjs); b++ {
				if a != b && (!h.typ.Symmetric() || a < b) {
					d.addRel(rel{typ: h.typ, subj: h.subjs[a], obj: h.subjs[b], sent: sc.si, tense: tense, confidence: conf - 0.1, cue: h.i + 1})
				}
			}
		}
		return
	}
	for _, sj := range h.subjs {
		for _, oj := range h.objs {
			d.addRel(rel{typ: h.typ, subj: sj, obj: oj, sent: sc.si, tense: tense, confidence: conf, cue: h.i + 1})
			if h.typ == schema.Visits && d.ents[oj].typ == schema.Country && d.talksFollow(sc.s, h.end) {
				// "travel to Iran for talks": visits and meets it.
				d.addRel(rel{typ: schema.Meets, subj: sj, obj: oj, sent: sc.si, tense: tense, confidence: conf - 0.1, cue: h.i + 1})
			}
			if h.typ == schema.Visits && d.ents[oj].typ != schema.Location && d.ents[oj].typ != schema.Country {
				// travelling to an organization is meeting it too
				d.addRel(rel{typ: schema.Meets, subj: sj, obj: oj, sent: sc.si, tense: tense, confidence: conf - 0.1, cue: h.i + 1})
			}
		}
	}
}

// relatePending gives each objectless criticism or warning the objects a
// hostile cue of the same subject took in the sentence, held in sentObjs
// by subject.
func (sc *cueScan) relatePending(sentObjs map[int][]int) {
	for _, p := range sc.pending {
		for _, o := range sentObjs[p.subj] {
			p.obj = o
			sc.d.addRel(p)
		}
	}
}

// talksBetween adds MEETS among a sentence's coordinated subjects when the
// sentence speaks of talks they held: "A and B agreed ... after two days of
// talks".
func (d *doc) talksBetween(si int, s sentence, heads []int) {
	has := false
	for k := s.from; k < s.to; k++ {
		switch d.toks[k].lower {
		case "talks", "negotiations", "consultations":
			if !d.negated(s, k) && !d.reported(s, k) {
				has = true
			}
		}
	}
	if !has || len(heads) < 2 {
		return
	}
	// the first coordinated list of actors in the sentence
	for a := 0; a+1 < len(heads); a++ {
		m1, m2 := d.ments[heads[a]], d.ments[heads[a+1]]
		gap := d.toks[m1.to:m2.from]
		if len(gap) == 1 && gap[0].lower == "and" && actorOK(d.ents[m1.ent].typ) && actorOK(d.ents[m2.ent].typ) && !m1.poss && !m2.poss {
			d.addRel(rel{typ: schema.Meets, subj: m1.ent, obj: m2.ent, sent: si, confidence: 0.6})
			return
		}
	}
}

// hasAuxBefore reports whether a finite verb or a subject stands right
// before the participle at i ("has accused", "India accused").
func (d *doc) hasAuxBefore(s sentence, i int) bool {
	if i == s.from {
		return false
	}
	p := d.toks[i-1]
	switch p.lower {
	case "has", "have", "had", "also", "again", "repeatedly", "publicly", "previously", "he", "she", "it", "they", "we",
		"was", "were", "is", "are", "been", "be", "being":
		return true
	}
	if d.mentionAt[i-1] >= 0 {
		// "India accused Pakistan of": a subject, unless a list of
		// companies or people is being described.
		return true
	}
	return false
}

// talksFollow reports whether "for talks" or "to meet" follows a visit.
func (d *doc) talksFollow(s sentence, cEnd int) bool {
	for k := cEnd; k+1 < s.to && k < cEnd+8; k++ {
		w, n := d.toks[k].lower, d.toks[k+1].lower
		if w == "for" && (n == "talks" || n == "a" && k+2 < s.to && d.toks[k+2].lower == "meeting") || w == "to" && n == "meet" {
			return true
		}
		if d.toks[k].text == "," || d.toks[k].text == ";" {
			return false
		}
	}
	return false
}

// coordinatedVerb reports whether the cue at i opens a verb phrase
// coordinated with an earlier one: "..., but warned", "and urged".
func (d *doc) coordinatedVerb(s sentence, i int) bool {
	k := i - 1
	for k > s.from && (d.toks[k].lower == "also" || strings.HasSuffix(d.toks[k].lower, "ly")) {
		k--
	}
	if k <= s.from {
		return false
	}
	w := d.toks[k].lower
	if w != "but" && w != "and" {
		return false
	}
	// "thanked the bloc and called on it": the name before "and" is the
	// object of the first verb, not a second subject.
	if mi := d.mentionAt[k-1]; mi >= 0 {
		return d.objMention[mi]
	}
	return true
}

// verbContext reports whether the word at i, which may be a noun, stands
// as a verb: after a name, a pronoun, an auxiliary, "to" or an adverb that
// follows one.
func (d *doc) verbContext(s sentence, i int) bool {
	for k := i - 1; k >= s.from && k >= i-2; k-- {
		if d.mentionAt[k] >= 0 {
			return k == i-1 || d.toks[k+1].kind == tkWord && strings.HasSuffix(d.toks[k+1].lower, "ly")
		}
		switch d.toks[k].lower {
		case "to", "will", "would", "must", "should", "could", "may", "might", "not", "n't", "did",
			"does", "do", "can", "they", "we", "i", "you", "he", "she", "it", "also", "both", "jointly":
			return true
		}
		if !strings.HasSuffix(d.toks[k].lower, "ly") {
			return false
		}
	}
	return false
}

// denialFollows reports whether the verb "deny" at cEnd denies a claim:
// "denied the accusation", "denied that ...", "denied supporting", "denied
// it", or nothing more ("Rwanda denies.").
func (d *doc) denialFollows(s sentence, cEnd int) bool {
	for k := cEnd; k < s.to && k < cEnd+4; k++ {
		w := d.toks[k].lower
		if accusationNouns[w] || w == "that" || w == "it" || w == "any" || w == "involvement" || w == "responsibility" || strings.HasSuffix(w, "ing") {
			return true
		}
		if d.toks[k].kind == tkPunct {
			return k == cEnd
		}
	}
	return cEnd >= s.to
}

// claimant returns who made the claim that a denial at cEnd rejects, when
// the sentence says it: "denied Kyiv's claims", "rejected accusations by
// the West".
func (d *doc) claimant(s sentence, cEnd int) []int {
	for k := cEnd; k < s.to && k < cEnd+10; k++ {
		if mi := d.mentionAt[k]; mi >= 0 {
			m := d.ments[mi]
			if m.poss || k > cEnd && (d.toks[k-1].lower == "by" || d.toks[k-1].lower == "from" || d.toks[k-1].lower == "in") {
				if actorOK(d.ents[m.ent].typ) {
					return []int{m.ent}
				}
			}
			return nil
		}
		if d.toks[k].text == "," || d.toks[k].lower == "that" {
			return nil
		}
	}
	return nil
}

// reported reports whether the cue at i stands inside what someone else
// claims or denies, or in a hypothetical: "accused Kenya of backing the
// RSF", "denied reports that officials had met", "a bill that would
// authorize strikes". Those are not facts of the text.
func (d *doc) reported(s sentence, i int) bool {
	toks := d.toks
	sawOf, sawThat := false, false
	for k := i - 1; k >= s.from && k >= i-14; k-- {
		w := toks[k].lower
		switch {
		case w == ";" || w == "," || isOpenQuote(toks[k].text):
			return false
		case w == "of":
			sawOf = true
		case w == "that" || w == "reports" || w == "claims" || w == "allegations":
			sawThat = true
		case w == "would" && k+1 < i && hypothetical[toks[k+1].lower]:
			return true
		case sawOf && (strings.HasPrefix(w, "accus") || strings.HasPrefix(w, "alleg") || strings.HasPrefix(w, "blam") || strings.HasPrefix(w, "suspect")):
			return true
		case sawThat && (w == "denied" || w == "denies" || w == "deny" || w == "denying" || w == "dismissed" || w == "rejected"):
			return true
		case embedders[w]:
			return true
		}
		// "urged the Council to impose sanctions": the requested act is
		// not a fact.
		if c, ok := d.cues.match(toks, k, i); ok && c.typ == schema.Requests && k+len(c.words) <= i {
			return true
		}
	}
	return false
}

// embedders introduce acts that are opposed, threatened or hoped for,
// not done: "opposed any sanctions on", "stopped short of criticizing".
var embedders = map[string]bool{
	"opposed": true, "opposes": true, "oppose": true, "opposing": true, "threatened": true,
	"threatening": true, "short": true, "wants": true, "seeks": true, "sought": true, "hopes": true,
	"hoped": true, "aims": true, "refrain": true, "avoid": true, "avoided": true,
}

var hypothetical = map[string]bool{
	"authorize": true, "authorise": true, "allow": true, "permit": true, "let": true, "enable": true,
}

// negated reports whether the cue at i is negated or hedged.
func (d *doc) negated(s sentence, i int) bool {
	toks := d.toks
	for k := i - 1; k >= s.from && k >= i-4; k-- {
		w := toks[k].lower
		if negators[w] || w == "refused" || w == "declined" || w == "denied" || w == "denies" || w == "deny" || w == "denying" || w == "out" && k > s.from && toks[k-1].lower == "ruled" {
			return true
		}
		if toks[k].text == "," || d.mentionAt[k] >= 0 {
			break
		}
	}
	return false
}

func (d *doc) isFuture(s sentence, i int) bool {
	toks := d.toks
	// "will travel to Washington next week to meet": the purpose of a
	// planned act is planned too.
	if i-1 > s.from && toks[i-1].lower == "to" {
		for k := i - 2; k >= s.from && k >= i-12; k-- {
			if toks[k].text == "," || speechVerbs[toks[k].lower] {
				break
			}
			if futureMarkers[toks[k].lower] {
				return true
			}
		}
	}
	for k := i - 1; k >= s.from && k >= i-4; k-- {
		w := toks[k].lower
		if futureMarkers[w] {
			return true
		}
		if w == "to" && k-1 >= s.from && toFuture[toks[k-1].lower] {
			return true
		}
		if toks[k].text == "," {
			break
		}
	}
	return false
}

func (d *doc) isPassive(s sentence, i int, c cue) bool {
	if c.noun || i == s.from {
		return false
	}
	switch d.toks[i-1].lower {
	case "was", "were", "been", "be", "is", "are", "being":
	default:
		return false
	}
	for k := i + len(c.words); k < s.to && k < i+len(c.words)+8; k++ {
		if d.toks[k].lower == "by" {
			return true
		}
	}
	return false
}

// skipTime skips a time phrase at k: "on Monday", "last week".
func (d *doc) skipTime(s sentence, k int) int {
	if k+1 < s.to && d.toks[k].lower == "on" {
		if _, ok := weekdays[d.toks[k+1].lower]; ok {
			return k + 2
		}
	}
	if k < s.to {
		if _, ok := weekdays[d.toks[k].lower]; ok {
			return k + 1
		}
	}
	return k
}

var requestNouns = map[string]bool{
	"call": true, "calls": true, "appeal": true, "appeals": true, "demand": true, "demands": true,
	"request": true, "requests": true, "ultimatum": true,
}

// nounAfter reports whether one of nouns follows the cue within four words.
func (d *doc) nounAfter(s sentence, cEnd int, nouns map[string]bool) bool {
	for k := cEnd; k < s.to && k < cEnd+4; k++ {
		if nouns[d.toks[k].lower] {
			return true
		}
	}
	return false
}

// publishForms are the forms of the verbs that put a draft forward
// ("published", "submitted", "tabled").
var publishForms = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range []string{"publish", "present", "submit/submitted/submitted", "unveil", "table", "circulate"} {
		for _, f := range verbForms(l) {
			m[f] = true
		}
	}
	m["submitting"] = true
	return m
}()

// addresseePreps introduce whom a draft is addressed to.
var addresseePreps = map[string]bool{"to": true, "from": true, "with": true, "for": true}

// nounAfterN reports whether one of nouns follows the cue within n words.
func (d *doc) nounAfterN(s sentence, cEnd int, nouns map[string]bool, n int) bool {
	for k := cEnd; k < s.to && k < cEnd+n; k++ {
		if nouns[d.toks[k].lower] {
			return true
		}
	}
	return false
}

// readyVerbs after "ready to" make an offer: "ready to host".
var readyVerbs = map[string]bool{
	"host": true, "continue": true, "attend": true, "mediate": true, "resume": true, "hold": true,
	"join": true, "talk": true, "negotiate": true,
}

// dealVerbs after "agreed to" make a deal with their object.
var dealVerbs = map[string]bool{
	"buy": true, "acquire": true, "sell": true, "merge": true, "purchase": true, "supply": true,
	"transfer": true, "swap": true, "partner": true, "invest": true,
}

var dealNouns = map[string]bool{
	"deal": true, "agreement": true, "accord": true, "pact": true, "truce": true, "ceasefire": true,
	"exchange": true, "swap": true, "rapprochement": true, "treaty": true,
}

// dealParties returns the parties of the latest agreement the article
// reported, when the cue at cEnd praises or criticizes "the deal".
func (d *doc) dealParties(s sentence, cEnd int, subjs []int) []int {
	found := false
	for k := cEnd; k < s.to && k < cEnd+4; k++ {
		if dealNouns[d.toks[k].lower] {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	return d.lastDeal(subjs)
}

// lastDeal returns the parties of the latest agreement reported, leaving
// out subjs.
func (d *doc) lastDeal(subjs []int) []int {
	for k := len(d.rels) - 1; k >= 0; k-- {
		r := d.rels[k]
		if r.typ != schema.Agrees {
			continue
		}
		var out []int
		for _, e := range []int{r.subj, r.obj} {
			skip := false
			for _, sj := range subjs {
				if sj == e {
					skip = true
				}
			}
			if !skip {
				out = append(out, e)
			}
		}
		return out
	}
	return nil
}

// personPronounBefore reports whether "he" or "she" stands in the clause
// of sentence s before the cue at i.
func (d *doc) personPronounBefore(s sentence, i int) bool {
	for x := i - 1; x >= s.from && x >= i-12; x-- {
		if clauseBreak(d.toks[x]) {
			return false
		}
		if l := d.toks[x].lower; l == "he" || l == "she" {
			return true
		}
	}
	return false
}

// anyPerson reports whether one of es is a person.
func (d *doc) anyPerson(es []int) bool {
	for _, e := range es {
		if d.ents[e].typ == schema.Person {
			return true
		}
	}
	return false
}
