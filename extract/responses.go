package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// claim is what someone said of others: "Kenya said Uganda was arming
// rebels" is Kenya's claim about Uganda, which "Uganda dismissed the
// claims" denies.
type claim struct {
	sent    int
	authors []int
	about   []int
}

// claimVerbs state a claim in their content clause.
var claimVerbs = map[string]bool{
	"say": true, "claim": true, "allege": true, "report": true, "state": true, "assert": true,
	"charge": true, "argue": true, "insist": true, "write": true, "tell": true, "add": true,
	"find": true, "conclude": true, "suggest": true, "contend": true, "complain": true,
}

// noteClaims remembers the claims of sentence c: who said what of whom.
func (d *doc) noteClaims(c *clause) {
	g := c.g
	for p := range g.words {
		if g.words[p].POS != syntax.VERB || !claimVerbs[g.words[p].Lemma] {
			continue
		}
		k := g.depBase(p, syntax.Ccomp)
		if k < 0 {
			continue
		}
		if md, _ := d.moodOf(c, p); md != moodAssert {
			continue
		}
		authors := d.subjectsOf(c, p)
		if len(authors) == 0 {
			continue
		}
		// what the clause names: its words' entities ("Chinese firms":
		// China), in the clause and in the words the parser hung on the
		// verb ("say Chinese firms provide ..."), its subject and the
		// clauses coordinated with it left out
		var about []int
		for _, r := range g.deps(p) {
			switch g.words[r].Rel.Base() {
			case syntax.NSubj, syntax.Conj, syntax.Parataxis, syntax.CC, syntax.Punct:
				continue
			}
			lo, hi := g.span(r)
			for w := lo; w <= hi; w++ {
				about = d.namedIn(c, w, about)
			}
		}
		if about = without(about, authors, d); len(about) > 0 {
			d.claims = append(d.claims, claim{sent: c.si, authors: authors, about: about})
		}
	}
}

// claimAuthors returns who made what a denial by subjs dismisses, when
// its claim noun o names no author and refers back ("Uganda dismissed
// the claims", "his remarks", "rejected the criticism"): the latest
// criticism or accusation of the deniers' side in the last seven
// sentences, else the latest claim said of them; "denied reports that
// ..." brings a claim of its own, and gets none.
func (d *doc) claimAuthors(c *clause, o int, subjs []int) []int {
	g := c.g
	if !referringBack(g, o) && g.words[o].Lemma != "wrongdoing" {
		return nil
	}
	// "rejected the criticism": who criticized the denier's side;
	// "dismissed the accusations", "denied wrongdoing": who accused it
	typ := schema.Accuses
	if criticismNouns[g.words[o].Lemma] {
		typ = schema.Criticizes
	}
	if es := d.hostileAuthors(c, typ, subjs); len(es) > 0 {
		return es
	}
	// a claim noun refers further back than a denial of a clause
	return d.claimants(c, subjs, 6)
}

// criticismNouns name a criticism, not an allegation.
var criticismNouns = map[string]bool{"criticism": true, "concern": true, "protest": true, "complaint": true, "condemnation": true}

// hostileAuthors returns the subjects of the latest relations of type
// typ against the side of one of subjs (the denier's state, a body of
// it) in sentence c or the six before it, all from that sentence.
func (d *doc) hostileAuthors(c *clause, typ schema.RelationType, subjs []int) []int {
	for k := len(d.rels) - 1; k >= 0; k-- {
		r := d.rels[k]
		if r.sent < c.si-6 || r.sent > c.si {
			continue
		}
		if r.typ != typ {
			continue
		}
		for _, s := range subjs {
			if !d.sameSide(s, r.obj) {
				continue
			}
			var out []int
			for _, q := range d.rels {
				if q.typ == typ && q.sent == r.sent && d.sameSide(s, q.obj) {
					out = appendNew(out, q.subj)
				}
			}
			return without(out, subjs, d)
		}
	}
	return nil
}

// claimants returns who made the latest claim about one of subjs in
// sentence c or the window before it.
func (d *doc) claimants(c *clause, subjs []int, window int) []int {
next:
	for k := len(d.claims) - 1; k >= 0; k-- {
		cl := d.claims[k]
		if cl.sent < c.si-window {
			break
		}
		// one's own side's statement is no claim to deny
		for _, s := range subjs {
			for _, a := range cl.authors {
				if d.sameSide(s, a) {
					continue next
				}
			}
		}
		for _, s := range subjs {
			for _, a := range cl.about {
				if d.belongsTo(s, a) || d.belongsTo(a, s) {
					return without(append([]int(nil), cl.authors...), subjs, d)
				}
			}
		}
	}
	return nil
}

// denyVerbs dismiss a claim; refuseVerbs turn down an offer or a demand.
var (
	denyVerbs   = map[string]bool{"deny": true, "dismiss": true, "reject": true, "rebuff": true, "refute": true, "rebut": true, "dispute": true, "contest": true}
	refuseVerbs = map[string]bool{"reject": true, "refuse": true, "dismiss": true, "rebuff": true, "veto": true, "block": true, "decline": true, "turn": true, "spurn": true}
	// judgeVerbs pass a judgement on an act: on whoever did it.
	judgeVerbs = map[string]schema.RelationType{
		"condemn": schema.Criticizes, "criticise": schema.Criticizes, "criticize": schema.Criticizes,
		"denounce": schema.Criticizes, "slam": schema.Criticizes, "deplore": schema.Criticizes,
		"blast": schema.Criticizes, "decry": schema.Criticizes, "lambast": schema.Criticizes,
		"protest": schema.Criticizes, "oppose": schema.Criticizes, "regret": schema.Criticizes,
		"welcome": schema.Supports, "praise": schema.Supports, "hail": schema.Supports,
		"back": schema.Supports, "support": schema.Supports, "endorse": schema.Supports,
		"applaud": schema.Supports, "commend": schema.Supports, "salute": schema.Supports,
	}
	// deedNouns name an act by what it is to others.
	deedNouns = map[string]bool{
		"decision": true, "move": true, "step": true, "action": true, "measure": true,
		"restriction": true, "sanction": true, "ban": true, "reform": true, "policy": true,
		"law": true, "ruling": true, "verdict": true, "order": true, "listing": true,
	}
)

// responseType returns the relation a response verb p gives toward the
// author of the act noun n: a claim dismissed is denied, an offer turned
// down rejected, an act condemned or welcomed judged.
func responseType(g *grammar, p, n int) schema.RelationType {
	v, noun := g.words[p].Lemma, g.words[n].Lemma
	switch {
	case claimNouns[noun] && denyVerbs[v]:
		return schema.Denies
	case (offerNouns[noun] || deedNouns[noun]) && refuseVerbs[v]:
		if v == "turn" && particleOf(g, p) != "down" && g.lower[min(p+1, len(g.words)-1)] != "down" {
			return ""
		}
		return schema.Rejects
	case claimNouns[noun]:
		return ""
	}
	return judgeVerbs[v]
}

// appositiveResponses reads a response that names the act of the clause
// before it: "X said Y had ..., a claim Y dismissed", "X asked Y to ...,
// a request Y refused", "X put forward a plan ..., which Y rejected". The
// responder relates to the subject of that clause.
func (d *doc) appositiveResponses(c *clause) {
	g := c.g
	for w := 1; w+2 < len(g.words); w++ {
		if g.lower[w-1] != "," {
			continue
		}
		n, k := -1, w
		switch g.lower[w] {
		case "a", "an", "the":
			k = w + 1
			if g.words[k].POS == syntax.ADJ && k+1 < len(g.words) {
				k++
			}
			if g.words[k].POS != syntax.NOUN {
				continue
			}
			n, k = k, k+1
		case "which":
			k = w + 1
		default:
			continue
		}
		p, judges := d.responderAfter(c, k)
		if p < 0 {
			continue
		}
		head := d.clauseBefore(c, w-1)
		if head < 0 {
			continue
		}
		if n < 0 {
			// "a plan ..., which Y rejected": the act is the object of
			// the clause before
			if n = g.depBase(head, syntax.Obj); n < 0 || g.words[n].POS != syntax.NOUN {
				continue
			}
		}
		typ := responseType(g, p, n)
		if typ == "" {
			continue
		}
		if md, _ := d.moodOf(c, p); md != moodAssert {
			continue
		}
		authors := without(d.subjectsOf(c, head), judges, d)
		for _, j := range judges {
			for _, a := range authors {
				d.addRel(rel{typ: typ, subj: j, obj: a, sent: c.si, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
			}
		}
	}
}

// responderAfter reads "Y (has) dismissed" from word k on: the verb and
// the entities named before it, or -1.
func (d *doc) responderAfter(c *clause, k int) (int, []int) {
	g := c.g
	var judges []int
	for ; k < len(g.words); k++ {
		t := g.tok(k)
		switch {
		case d.mentionAt[t] >= 0:
			if e := d.ments[d.mentionAt[t]].ent; actorOK(d.ents[e].typ) {
				judges = appendNew(judges, e)
			}
		case g.lower[k] == "and" || g.lower[k] == "that" || g.lower[k] == "of" || g.words[k].POS == syntax.DET:
		case g.words[k].POS == syntax.NOUN && actorNouns[g.words[k].Lemma]:
			// "a report the ministry rejected"
			for _, e := range d.wordEntities(c, k) {
				if actorOK(d.ents[e].typ) {
					judges = appendNew(judges, e)
				}
			}
		case g.words[k].POS == syntax.AUX || g.words[k].POS == syntax.ADV:
		case g.words[k].POS == syntax.VERB:
			if len(judges) == 0 {
				return -1, nil
			}
			return k, judges
		default:
			return -1, nil
		}
	}
	return -1, nil
}

// clauseBefore returns the verb of the clause that ends at word end: the
// sentence's root when it comes before, else the last verb with a subject
// before end.
func (d *doc) clauseBefore(c *clause, end int) int {
	g := c.g
	for w := range g.words {
		if g.words[w].Head < 0 && w < end && g.words[w].POS == syntax.VERB {
			return w
		}
	}
	out := -1
	for w := 0; w < end; w++ {
		if g.words[w].POS == syntax.VERB && g.depBase(w, syntax.NSubj) >= 0 {
			out = w
		}
	}
	return out
}

// responses reads the responses and judgements of sentence c that the
// event lexicon's patterns do not reach.
func (d *doc) responses(c *clause) {
	d.appositiveResponses(c)
	g := c.g
	for p := range g.words {
		if g.words[p].POS != syntax.VERB {
			continue
		}
		l := g.words[p].Lemma
		switch {
		case callingVerbs[l]:
			d.calledAct(c, p)
			if l == "call" && naming(g, p) {
				d.dropRels(c, p, schema.Meets)
			}
		case claimVerbs[l]:
			d.judgedInClause(c, p)
		case l == "aim" || l == "direct" || l == "target":
			d.aimedRemark(c, p)
		case retortVerbs[l]:
			d.retort(c, p)
		case l == "vote":
			d.votedAgainst(c, p)
		case l == "deny":
			d.deniedClause(c, p)
		case l == "appeal" || l == "challenge" || l == "contest":
			d.appealedRuling(c, p)
		case l == "come":
			d.underFire(c, p)
		case l == "join":
			d.joinedIn(c, p)
		case l == "refuse" || l == "decline":
			d.refusedRequest(c, p)
		}
		if upsetWords[l] {
			d.upsetBy(c, p)
		}
		d.troopsServing(c, p)
	}
	for n := range g.words {
		if g.words[n].POS == syntax.NOUN && supportNouns[g.words[n].Lemma] {
			d.heldSupport(c, n)
		}
		if g.words[n].POS == syntax.NOUN && jabNouns[g.words[n].Lemma] {
			d.jabAt(c, n)
		}
		if g.words[n].POS == syntax.ADJ && upsetWords[g.words[n].Lemma] {
			d.upsetBy(c, n)
		}
	}
}

// referringBack reports whether noun w refers back to something said
// before: a definite or possessed noun with no phrase or clause of its
// own ("the claims", "these accusations", "his remarks").
func referringBack(g *grammar, w int) bool {
	back := false
	for _, k := range g.deps(w) {
		switch g.words[k].Rel.Base() {
		case syntax.Det:
			switch g.lower[k] {
			case "the", "this", "these", "those", "that", "such":
				back = true
			}
		case syntax.Nmod:
			if g.words[k].Rel == syntax.NmodPoss && g.words[k].POS == syntax.PRON {
				back = true
				continue
			}
			if cs := g.caseOf(k); cs != "as" {
				return false
			}
		case syntax.Acl, syntax.Ccomp:
			return false
		}
	}
	return back
}

// deed is the main act of a sentence: who did it.
type deed struct {
	sent  int
	subjs []int
}

// noteDeed remembers the act of sentence c's main clause, when it is one
// (not a statement) and is stated: what "the decision" or "the move" of
// the next sentence names.
func (d *doc) noteDeed(c *clause) {
	g := c.g
	d.deed = deed{sent: -2}
	for p := range g.words {
		if g.words[p].Head >= 0 || g.words[p].POS != syntax.VERB || responseVerb(g, p) {
			continue
		}
		if md, _ := d.moodOf(c, p); md != moodAssert {
			continue
		}
		if subjs := d.subjectsOf(c, p); len(subjs) > 0 {
			d.deed = deed{sent: c.si, subjs: subjs}
		}
	}
}

// callingVerbs call something by what they judge it: "called the decision
// a crime", "described the move as historic".
var callingVerbs = map[string]bool{"call": true, "describe": true, "term": true, "brand": true, "label": true, "dub": true}

// badWords and goodWords judge an act or an actor when it is called by
// them; tooWords do when "too" goes before them ("too weak").
var (
	badWords = map[string]bool{
		"crime": true, "execution": true, "provocation": true, "violation": true, "aggression": true,
		"unacceptable": true, "outrageous": true, "illegitimate": true, "irresponsible": true,
		"absurd": true, "shameful": true, "disgrace": true, "disgraceful": true, "mistake": true,
		"error": true, "wrong": true, "unjust": true, "unfair": true, "hostile": true, "reckless": true,
		"betrayal": true, "farce": true, "sham": true, "travesty": true, "scandal": true,
		"scandalous": true, "insult": true, "affront": true, "regrettable": true, "deplorable": true,
		"counterproductive": true, "blackmail": true, "interference": true, "hypocritical": true,
		"disaster": true, "catastrophe": true, "failure": true, "setback": true, "unhelpful": true,
		"misguided": true, "flawed": true, "biased": true, "inadequate": true, "insufficient": true,
		"disappointing": true, "dangerous": true, "provocative": true, "arbitrary": true,
		"unjustified": true, "unwarranted": true, "politicized": true, "politicised": true,
		"unlawful": true, "cynical": true, "blow": true, "slap": true, "humiliation": true,
		"puppet": true, "pawn": true, "aggressor": true, "bully": true, "liar": true,
		"occupier": true, "dictator": true, "tyrant": true, "hypocrite": true, "warmonger": true,
		"unfriendly": true, "destabilizing": true, "destabilising": true, "aggressive": true,
		"coercive": true, "illegal": true, "discriminatory": true, "protectionist": true,
		"baseless": true, "groundless": true, "intimidation": true, "bullying": true,
	}
	goodWords = map[string]bool{
		"historic": true, "important": true, "positive": true, "welcome": true, "brave": true,
		"courageous": true, "wise": true, "landmark": true, "milestone": true, "breakthrough": true,
		"success": true, "constructive": true, "encouraging": true, "victory": true, "responsible": true,
	}
	tooWords = map[string]bool{"weak": true, "little": true, "late": true, "slow": true, "vague": true, "timid": true, "lenient": true, "soft": true}
)

// judgement returns the judgement that the words [from, to] pass:
// CRITICIZES for a bad word, SUPPORTS for a good one, else "". A negated
// word ("not a mistake") passes none.
func judgement(g *grammar, from, to int) schema.RelationType {
	for w := from; w <= to && w < len(g.words); w++ {
		l := g.words[w].Lemma
		bad := badWords[l] || tooWords[l] && w > 0 && g.lower[w-1] == "too"
		if !bad && !goodWords[l] {
			continue
		}
		if w > 0 && (g.lower[w-1] == "not" || g.lower[w-1] == "no") || w > 1 && g.lower[w-2] == "not" {
			return ""
		}
		if bad {
			return schema.Criticizes
		}
		return schema.Supports
	}
	return ""
}

// calledAct reads "called the decision a crime" (naming verb p): a
// judgement on whoever did the act, or on the actor so called.
func (d *doc) calledAct(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 || claimNouns[g.words[o].Lemma] || g.words[o].Lemma == "call" {
		return
	}
	// the name given, an apposition to the object or a phrase after it
	_, hi := g.span(p)
	typ := judgement(g, o+1, hi)
	if typ == "" {
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	subjs := d.subjectsOf(c, p)
	var objs []int
	if d.mentionAt[g.tok(o)] >= 0 {
		objs = d.argEntities(c, o)
	} else if g.words[o].POS == syntax.NOUN {
		// the act's author named, or the last sentence's deed (an act
		// remembered from further back may have two sides)
		if objs = d.nounAgents(c, o); len(objs) == 0 {
			objs = d.deedAuthor(c, o, subjs)
		}
	}
	d.respondRel(c, p, typ, subjs, objs)
}

// relate adds typ from each subject to each object (the subjects and what
// they speak for left out of the objects).
func (d *doc) respondRel(c *clause, p int, typ schema.RelationType, subjs, objs []int) {
	for _, s := range subjs {
		for _, o := range without(objs, subjs, d) {
			d.addRel(rel{typ: typ, subj: s, obj: o, sent: c.si, confidence: 0.6, grammar: true, cue: c.g.tok(p) + 1})
		}
	}
}

// responseVerb reports whether verb p answers or judges what others did
// or said, or reports speech ("added that ...", not "added the firms to
// its list"), and so is no deed of its own.
func responseVerb(g *grammar, p int) bool {
	l := g.words[p].Lemma
	if l == "add" {
		// "added 27 firms to its list" is a deed
		return g.depBase(p, syntax.Ccomp) >= 0 || g.depBase(p, syntax.Parataxis) >= 0 || g.depBase(p, syntax.Obj) < 0
	}
	return claimVerbs[l] || reportVerbs[l] || denyVerbs[l] || refuseVerbs[l] || judgeVerbs[l] != "" || callingVerbs[l]
}

// supportNouns name backing given; holdVerbs have it ("has the support
// of X", "won X's backing", "enjoys the solidarity of X").
var (
	supportNouns = map[string]bool{"support": true, "backing": true, "solidarity": true, "endorsement": true, "blessing": true}
	holdVerbs    = map[string]bool{"have": true, "enjoy": true, "receive": true, "win": true, "get": true, "gain": true, "secure": true, "earn": true, "garner": true, "retain": true}
)

// heldSupport reads the support noun n that someone has or won: its
// giver (possessor, "of" or "from" phrase) supports the holder.
func (d *doc) heldSupport(c *clause, n int) {
	g := c.g
	v := -1
	if h := g.words[n].Head; h >= 0 && g.words[n].Rel.Base() == syntax.Obj && holdVerbs[g.words[h].Lemma] {
		v = h
	} else {
		// a parser may hang the noun elsewhere ("X has the support of
		// Y, Z said"): the verb just before its phrase
		for k := n - 1; k >= 0 && k >= n-6; k-- {
			if g.words[k].POS == syntax.VERB || g.words[k].POS == syntax.AUX {
				if holdVerbs[g.words[k].Lemma] && g.words[k].POS == syntax.VERB {
					v = k
				}
				break
			}
		}
	}
	if v < 0 {
		return
	}
	var givers []int
	for _, k := range g.deps(n) {
		switch g.words[k].Rel {
		case syntax.NmodPoss, syntax.Amod, syntax.Compound:
			givers = appendNew(givers, d.wordEntities(c, k)...)
		case syntax.Nmod:
			if cs := g.caseOf(k); cs == "of" || cs == "from" {
				givers = appendNew(givers, d.argEntities(c, k)...)
			}
		}
	}
	if len(givers) == 0 {
		return
	}
	if md, _ := d.moodOf(c, v); md != moodAssert {
		return
	}
	holders := d.subjectsOf(c, v)
	for _, h := range holders {
		// the token rules would read the holder as the one who backs
		d.vetoes = append(d.vetoes, veto{sent: c.si, subj: h, typ: schema.Supports})
	}
	d.respondRel(c, n, schema.Supports, givers, holders)
}

// failVerbs say that someone failed others: said of an actor, they
// criticize it.
var failVerbs = map[string]bool{"fail": true, "ignore": true, "neglect": true, "mishandle": true, "betray": true, "abandon": true}

// judgedInClause reads a judgement reported by claim verb p ("said the
// draft was too weak", "arguing that the force had failed", "said
// Nicaragua's law was unacceptable"): the speaker criticizes (or
// praises) the actor judged, or the author of the act judged; a claim
// judged false is denied.
func (d *doc) judgedInClause(c *clause, p int) {
	g := c.g
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() != syntax.Ccomp {
			continue
		}
		s := g.depBase(k, syntax.NSubj)
		if s < 0 {
			continue
		}
		var typ schema.RelationType
		switch {
		case g.words[k].POS == syntax.VERB && failVerbs[g.words[k].Lemma]:
			typ = schema.Criticizes
		case g.dep(k, syntax.Cop) >= 0:
			typ = judgement(g, k, k)
		}
		if typ == "" {
			continue
		}
		if md, _ := d.moodOf(c, k); md != moodAssert {
			continue
		}
		var objs []int
		switch {
		case d.mentionAt[g.tok(s)] >= 0:
			objs = d.argEntities(c, s)
		case d.definiteBody(c, s) >= 0:
			objs = []int{d.definiteBody(c, s)}
		case g.words[s].POS == syntax.NOUN:
			if claimNouns[g.words[s].Lemma] {
				if typ != schema.Criticizes {
					continue
				}
				typ = schema.Denies
			}
			objs = d.nounAgents(c, s)
		}
		d.respondRel(c, k, typ, d.subjectsOf(c, p), objs)
	}
}

// remarkNouns name something said.
var remarkNouns = map[string]bool{
	"remark": true, "comment": true, "criticism": true, "jibe": true, "swipe": true, "dig": true,
	"barb": true, "statement": true, "speech": true, "rebuke": true, "word": true, "attack": true,
}

// aimedRemark reads a remark aimed at someone ("a comment seen as aimed at
// X", "remarks directed at X"): the speaker criticizes X. Verb p is
// "aim", "direct" or "target".
func (d *doc) aimedRemark(c *clause, p int) {
	g := c.g
	var objs []int
	if g.words[p].Lemma == "target" {
		if o := g.depBase(p, syntax.Obj); o >= 0 {
			objs = d.argEntities(c, o)
		}
	} else {
		objs = d.prepObjects(c, p, []string{"at"})
	}
	if len(objs) == 0 || negated(g, p) {
		return
	}
	remark := -1
	for k := p - 1; k >= 0 && k >= p-6; k-- {
		if g.words[k].POS == syntax.NOUN && remarkNouns[g.words[k].Lemma] {
			remark = k
			break
		}
	}
	if remark < 0 {
		return
	}
	speakers := d.nounAgents(c, remark)
	if len(speakers) == 0 {
		// the remark the sentence reports: its speaker
		for r := range g.words {
			if g.words[r].Head < 0 && g.words[r].POS == syntax.VERB && (reportVerbs[g.words[r].Lemma] || claimVerbs[g.words[r].Lemma]) && r < remark {
				if md, _ := d.moodOf(c, r); md == moodAssert {
					speakers = d.subjectsOf(c, r)
				}
			}
		}
	}
	d.respondRel(c, p, schema.Criticizes, speakers, objs)
}

// retortVerbs with "back" or "out" and "at" hit at someone in words:
// "hit back at X", "lashed out at X", "fired back at X".
var retortVerbs = map[string]bool{"hit": true, "lash": true, "fire": true, "strike": true, "shoot": true}

// retort reads verb p as a retort at someone.
func (d *doc) retort(c *clause, p int) {
	g := c.g
	prt := -1
	for _, k := range g.deps(p) {
		if (g.lower[k] == "back" || g.lower[k] == "out") && k == p+1 {
			prt = k
		}
	}
	if prt < 0 {
		return
	}
	objs := d.prepObjects(c, p, []string{"at"})
	if len(objs) == 0 {
		objs = d.prepObjects(c, prt, []string{"at"})
	}
	if len(objs) == 0 {
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	d.respondRel(c, p, schema.Criticizes, d.subjectsOf(c, p), objs)
}

// votedAgainst reads "voted against X's resolution" (verb p): voting
// down a proposal rejects its author, which the event lexicon reads as
// criticism.
func (d *doc) votedAgainst(c *clause, p int) {
	g := c.g
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() != syntax.Obl || g.caseOf(k) != "against" || !offerNouns[g.words[k].Lemma] && g.words[k].Lemma != "motion" {
			continue
		}
		if md, _ := d.moodOf(c, p); md != moodAssert {
			return
		}
		authors := d.nounAgents(c, k)
		if len(authors) == 0 {
			return
		}
		d.dropRels(c, p, schema.Criticizes)
		subjs := d.subjectsOf(c, p)
		for _, s := range subjs {
			d.vetoes = append(d.vetoes, veto{sent: c.si, subj: s, typ: schema.Criticizes})
		}
		d.respondRel(c, p, schema.Rejects, subjs, authors)
	}
}

// deniedClause reads "X denied that it had ..." or "X denied supplying
// ..." (verb p with a clause and no object): a denial of what others
// claimed of X just before (an accusation, a statement about X), which
// it denies. With no such claim it denies no one.
func (d *doc) deniedClause(c *clause, p int) {
	g := c.g
	if g.depBase(p, syntax.Obj) >= 0 || g.depBase(p, syntax.Ccomp) < 0 && g.depBase(p, syntax.Xcomp) < 0 && g.depBase(p, syntax.Advcl) < 0 {
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	subjs := d.subjectsOf(c, p)
	if len(subjs) == 0 {
		return
	}
	objs := d.recentAccusers(c, subjs)
	if len(objs) == 0 {
		objs = d.claimants(c, subjs, 2)
	}
	d.respondRel(c, p, schema.Denies, subjs, objs)
}

// recentAccusers returns who accused one of subjs in sentence c or the
// two before it, the latest first found.
func (d *doc) recentAccusers(c *clause, subjs []int) []int {
	for k := len(d.accusations) - 1; k >= 0; k-- {
		ac := d.accusations[k]
		if ac.sent < c.si-2 {
			break
		}
		for _, s := range subjs {
			if d.belongsTo(s, ac.obj) || d.belongsTo(ac.obj, s) {
				return without(d.accusersIn(ac.sent, ac.obj), subjs, d)
			}
		}
	}
	return nil
}

// refusedRequest reads "X refused to ..." (verb p with a clause) after
// someone asked X to act: X rejects who asked, in this sentence or the
// one before.
func (d *doc) refusedRequest(c *clause, p int) {
	g := c.g
	if g.depBase(p, syntax.Xcomp) < 0 {
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	subjs := d.subjectsOf(c, p)
	d.respondRel(c, p, schema.Rejects, subjs, d.requesters(c, subjs))
}

// requesters returns who asked one of subjs to act (REQUESTS, or WARNS:
// "unless X paid") in sentence c or the one before, the latest first
// found.
func (d *doc) requesters(c *clause, subjs []int) []int {
	for k := len(d.rels) - 1; k >= 0; k-- {
		r := d.rels[k]
		if r.sent < c.si-1 {
			break
		}
		// a demand, or a threat unless one acts
		if r.typ != schema.Requests && r.typ != schema.Warns {
			continue
		}
		for _, s := range subjs {
			if d.belongsTo(s, r.obj) || d.belongsTo(r.obj, s) {
				var out []int
				for _, q := range d.rels {
					if q.typ == r.typ && q.sent == r.sent && q.obj == r.obj {
						out = appendNew(out, q.subj)
					}
				}
				return without(out, subjs, d)
			}
		}
	}
	return nil
}

// upsetWords are the states of mind that judge what caused them:
// "deeply concerned by X's conduct", "alarmed at the move".
var upsetWords = map[string]bool{
	"concerned": true, "alarmed": true, "worried": true, "troubled": true, "disturbed": true,
	"dismayed": true, "outraged": true, "appalled": true, "shocked": true, "disappointed": true,
	"angered": true, "angry": true, "frustrated": true, "dissatisfied": true, "indignant": true,
	"concern": true, "alarm": true, "worry": true, "trouble": true, "disturb": true,
	"dismay": true, "outrage": true, "appal": true, "appall": true, "shock": true,
	"disappoint": true, "anger": true, "frustrate": true,
}

// upsetBy reads "X was deeply concerned by Y's conduct" (word w, an
// adjective or a passive participle): X criticizes Y, or whoever did
// what upset it.
func (d *doc) upsetBy(c *clause, w int) {
	g := c.g
	if !strings.HasSuffix(g.lower[w], "ed") && g.words[w].POS != syntax.ADJ || g.words[w].POS == syntax.VERB && !passive(g, w) && g.dep(w, syntax.Cop) < 0 {
		return
	}
	var objs []int
	for _, k := range g.deps(w) {
		// a phrase a parser read as a conjunct ("concerned by X's
		// conduct", "conduct" a conjunct of "concerned")
		if b := g.words[k].Rel.Base(); b != syntax.Obl && b != syntax.Nmod && (b != syntax.Conj || g.words[k].POS != syntax.NOUN) {
			continue
		}
		switch phraseCase(g, k) {
		case "by", "about", "over", "at", "with":
		default:
			continue
		}
		if d.mentionAt[g.tok(k)] >= 0 {
			objs = appendNew(objs, d.argEntities(c, k)...)
		} else if g.words[k].POS == syntax.NOUN {
			objs = appendNew(objs, d.nounAgents(c, k)...)
		}
	}
	if len(objs) == 0 {
		return
	}
	if md, _ := d.moodOf(c, w); md != moodAssert {
		return
	}
	var subjs []int
	if k := g.depBase(w, syntax.NSubj); k >= 0 {
		subjs = d.argEntities(c, k)
	} else {
		subjs = d.subjectsOf(c, w)
	}
	d.respondRel(c, w, schema.Criticizes, subjs, objs)
}

// phraseCase returns the preposition of the phrase of w: its case word,
// or the preposition that opens the phrase ("by Iran's conduct", the
// "by" hung on the possessor).
func phraseCase(g *grammar, w int) string {
	if cs := g.caseOf(w); cs != "" {
		return cs
	}
	if lo, _ := g.span(w); g.words[lo].POS == syntax.ADP {
		return g.lower[lo]
	}
	return ""
}

// sameSide reports whether entities a and b speak for the same side: one
// belongs to the other, or both to the state or body a person serves.
func (d *doc) sameSide(a, b int) bool {
	return d.belongsTo(a, b) || d.belongsTo(b, a) || d.belongsTo(b, d.sideOf(a)) || d.belongsTo(a, d.sideOf(b))
}

// namedIn appends to out the actor word w names: a mention (not the
// owner of a title, "U.S. Secretary of State X"), or an actor noun's
// state or body ("Chinese firms").
func (d *doc) namedIn(c *clause, w int, out []int) []int {
	g := c.g
	if mi := d.mentionAt[g.tok(w)]; mi >= 0 {
		if m := d.ments[mi]; actorOK(d.ents[m.ent].typ) && (!m.mod || m.poss) {
			out = appendNew(out, m.ent)
		}
		return out
	}
	if g.words[w].POS == syntax.NOUN {
		for _, e := range d.wordEntities(c, w) {
			if actorOK(d.ents[e].typ) {
				out = appendNew(out, e)
			}
		}
	}
	return out
}

// jabNouns are remarks aimed at someone: "a swipe at X", "took a dig at
// X".
var jabNouns = map[string]bool{"swipe": true, "dig": true, "jab": true, "barb": true, "broadside": true, "potshot": true}

// jabAt reads a jab noun n "at" someone: its author (possessor, the
// subject of the verb that carries it, or the speaker the remark is set
// beside) criticizes them.
func (d *doc) jabAt(c *clause, n int) {
	g := c.g
	objs := d.prepObjects(c, n, []string{"at"})
	if len(objs) == 0 {
		return
	}
	authors := d.nounAgents(c, n)
	h := g.words[n].Head
	if len(authors) == 0 && h >= 0 && g.words[h].POS == syntax.VERB && g.words[n].Rel.Base() == syntax.Obj {
		// "took a swipe at X"
		if md, _ := d.moodOf(c, h); md != moodAssert {
			return
		}
		authors = d.subjectsOf(c, h)
	}
	if len(authors) == 0 {
		// "X said ..., a swipe at Y"
		for r := range g.words {
			if g.words[r].Head < 0 && g.words[r].POS == syntax.VERB && (reportVerbs[g.words[r].Lemma] || claimVerbs[g.words[r].Lemma]) && r < n {
				if md, _ := d.moodOf(c, r); md == moodAssert {
					authors = d.subjectsOf(c, r)
				}
			}
		}
	}
	d.respondRel(c, n, schema.Criticizes, authors, objs)
}

// moneySigns are the currency signs a parser reads as the head of a sum
// ("$4.2 billion in loans"): the lexicon names the currency.
var moneySigns = map[string]string{"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}

// moneyWord returns the currency a sign stands for, or lemma itself.
func moneyWord(lemma string) string {
	if w, ok := moneySigns[lemma]; ok {
		return w
	}
	return lemma
}

// troopNouns are the people a state sends to serve in a force.
var troopNouns = map[string]bool{
	"troop": true, "troops": true, "soldier": true, "personnel": true, "peacekeeper": true, "police": true,
	"officer": true, "force": true, "contingent": true, "battalion": true,
}

// troopsServing reads troops a state contributes to a force or mission:
// "the force has 4,000 personnel from Kenya and Chad" (verb p "have",
// "include"), "Ethiopian troops serve in the mission" (p "serve"). The
// state supports the force.
func (d *doc) troopsServing(c *clause, p int) {
	g := c.g
	var states, forces []int
	switch g.words[p].Lemma {
	case "have", "include", "comprise", "number":
		o := g.depBase(p, syntax.Obj)
		if o < 0 || !troopNouns[g.words[o].Lemma] {
			return
		}
		states = d.prepObjects(c, o, []string{"from"})
		forces = d.subjectsOf(c, p)
	case "serve", "participate", "remain":
		sj := g.depBase(p, syntax.NSubj)
		if h := g.words[p].Head; sj < 0 && h >= 0 && g.words[p].Rel.Base() == syntax.Xcomp {
			// "troops will continue to serve in X"
			sj = g.depBase(h, syntax.NSubj)
		}
		if sj < 0 || !troopNouns[g.words[sj].Lemma] {
			return
		}
		states = d.wordEntities(c, sj)
		forces = d.prepObjects(c, p, []string{"in", "with"})
	default:
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	var bodies []int
	for _, f := range forces {
		if d.ents[f].typ == schema.Organization {
			bodies = append(bodies, f)
		}
	}
	d.respondRel(c, p, schema.Supports, states, bodies)
}

// bodyHeads are the head nouns by which a body named before is referred
// to: "the force" for the X Stabilisation Force.
var bodyHeads = map[string]bool{
	"force": true, "mission": true, "council": true, "commission": true, "committee": true,
	"court": true, "tribunal": true, "panel": true, "agency": true, "body": true, "bank": true,
	"fund": true, "alliance": true, "coalition": true, "union": true, "authority": true,
}

// definiteBody returns the organization that "the" and a head noun (word
// w) refer back to, the last one named with that word, or -1.
func (d *doc) definiteBody(c *clause, w int) int {
	g := c.g
	if g.words[w].POS != syntax.NOUN || !bodyHeads[g.words[w].Lemma] || !bareDefinite(g, w) {
		return -1
	}
	return d.lastOrgNamed(g.tok(w), g.words[w].Lemma)
}

// rulingNouns name a decision one may appeal.
var rulingNouns = map[string]bool{
	"decision": true, "ruling": true, "verdict": true, "award": true, "judgment": true,
	"judgement": true, "order": true, "sentence": true, "finding": true,
}

// appealedRuling reads "X will appeal (challenge, contest) the ruling" (verb
// p): appealing a decision rejects whoever made it, named on the noun or
// remembered from the sentences before; "X will appeal" alone, whoever
// just penalized X.
func (d *doc) appealedRuling(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	bare := o < 0 && g.words[p].Lemma == "appeal" && len(d.prepObjects(c, p, []string{"against"})) == 0
	if !bare && (o < 0 || !rulingNouns[g.words[o].Lemma]) {
		return
	}
	md, tense := d.moodOf(c, p)
	if md != moodAssert {
		return
	}
	subjs := d.subjectsOf(c, p)
	var authors []int
	switch {
	case bare:
		// "said it would appeal (to a higher court)": against the
		// penalty just imposed on it
		authors = d.hostileAuthors(c, schema.Sanctions, subjs)
	default:
		if authors = d.nounAgents(c, o); len(authors) == 0 {
			authors = d.actAuthor(c, o, subjs)
		}
	}
	for _, s := range subjs {
		for _, a := range without(authors, subjs, d) {
			d.addRel(rel{typ: schema.Rejects, subj: s, obj: a, sent: c.si, tense: tense, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
		}
	}
}

// naming reports whether "call" (verb p) names its object something
// ("called Lithuania a criminal regime", "calling it biased") rather than phones it.
func naming(g *grammar, p int) bool {
	o := g.depBase(p, syntax.Obj)
	if o < 0 {
		return false
	}
	if x := g.depBase(p, syntax.Xcomp); x >= 0 && g.words[x].POS != syntax.PROPN {
		return true
	}
	// "called the decision a crime", not "called the minister, X"
	if a := g.depBase(o, syntax.Appos); a >= 0 && g.words[a].POS == syntax.NOUN {
		return true
	}
	_, hi := g.span(o)
	return hi+1 < len(g.words) && (isOpenQuote(g.lower[hi+1]) || g.lower[hi+1] == "\"" || g.words[hi+1].POS == syntax.ADJ)
}

// dropRels removes the relations of type typ that verb p of sentence c
// stated: a reading its context rules out.
func (d *doc) dropRels(c *clause, p int, typ schema.RelationType) {
	cue := c.g.tok(p) + 1
	out := d.rels[:0]
	for _, r := range d.rels {
		if !(r.sent == c.si && r.cue == cue && r.typ == typ) {
			out = append(out, r)
		}
	}
	d.rels = out
}

// underFire reads "X came under fire (criticism, attack) from Y" (verb
// p): Y criticizes X.
func (d *doc) underFire(c *clause, p int) {
	g := c.g
	under := false
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() == syntax.Obl && g.caseOf(k) == "under" {
			switch g.words[k].Lemma {
			case "fire", "criticism", "attack":
				under = true
			}
		}
	}
	if !under {
		return
	}
	critics := d.prepObjects(c, p, []string{"from"})
	if len(critics) == 0 {
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	d.respondRel(c, p, schema.Criticizes, critics, d.subjectsOf(c, p))
}

// joinedIn reads "X joined Y in condemning Z" (verb p): joining
// someone's action supports them.
func (d *doc) joinedIn(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 {
		return
	}
	in := false
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() == syntax.Advcl && hasMark(g, k, "in") && g.words[k].POS == syntax.VERB {
			in = true
		}
	}
	if !in {
		return
	}
	if md, _ := d.moodOf(c, p); md != moodAssert {
		return
	}
	d.respondRel(c, p, schema.Supports, d.subjectsOf(c, p), d.argEntities(c, o))
}

// verbHeldAgent returns the agent of act noun n that a parser hung on the
// active verb p judging it ("condemning the strikes by Russia", "by
// Russia" on "condemning"), or nil.
func (d *doc) verbHeldAgent(c *clause, p, n int) []int {
	g := c.g
	if g.words[p].POS != syntax.VERB || passive(g, p) || g.words[n].POS != syntax.NOUN || g.words[n].Head != p {
		return nil
	}
	for _, k := range g.deps(p) {
		if k > n && g.words[k].Rel.Base() == syntax.Obl && g.caseOf(k) == "by" {
			return d.argEntities(c, k)
		}
	}
	return nil
}
