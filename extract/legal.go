package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/eventlex"
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// Legal and formal steps (ONTOLOGY.md "Legal and formal steps" and
// "SANCTIONS"): a court or a regulator finding a wrongdoing accuses the
// wrongdoer; whoever brings a case or a complaint accuses the other side
// and asks the body it goes to; appealing or challenging a decision asks
// the court and rejects whoever decided; a step taken at someone's request
// is that someone's request; being placed under sanctions is being
// sanctioned; naming someone as a threat accuses them.

// rulingVerbs state what a court or a regulator found.
var rulingVerbs = map[string]bool{"rule": true, "find": true, "conclude": true, "determine": true, "judge": true, "declare": true}

// wrongVerbs name a wrongdoing a ruling finds.
var wrongVerbs = map[string]bool{
	"breach": true, "violate": true, "break": true, "infringe": true, "contravene": true,
	"flout": true, "abuse": true, "discriminate": true, "misuse": true, "defraud": true,
	"mislead": true, "manipulate": true, "overcharge": true, "collude": true,
}

// guiltWords are found of someone: "found X guilty", "found X liable".
var guiltWords = map[string]bool{"guilty": true, "liable": true, "culpable": true}

// caseNouns name a legal case or complaint someone brings.
var caseNouns = map[string]bool{
	"case": true, "complaint": true, "lawsuit": true, "suit": true, "petition": true,
	"claim": true, "challenge": true, "dispute": true, "appeal": true, "arbitration": true,
}

// filingVerbs bring a case: "brought a case against X before Y".
var filingVerbs = map[string]bool{
	"bring": true, "file": true, "lodge": true, "launch": true, "submit": true, "initiate": true, "open": true,
}

// appealVerbs turn against a decision: "appealed the ruling", "will
// challenge the ban before the court".
var appealVerbs = map[string]bool{"appeal": true, "challenge": true, "contest": true}

// decisionNouns name what is appealed or challenged.
var decisionNouns = map[string]bool{
	"decision": true, "ruling": true, "verdict": true, "judgment": true, "judgement": true,
	"award": true, "ban": true, "order": true, "fine": true, "sentence": true, "sanction": true,
	"sanctions": true, "designation": true, "listing": true, "penalty": true, "conviction": true,
	"exclusion": true, "disqualification": true, "suspension": true, "finding": true, "findings": true,
	"decree": true, "blacklisting": true, "expulsion": true,
}

// judicialNouns name what only a court or a tribunal hands down.
var judicialNouns = map[string]bool{
	"ruling": true, "verdict": true, "judgment": true, "judgement": true, "award": true,
	"conviction": true, "sentence": true,
}

// courtWords make a body's name a court's.
var courtWords = []string{"court", "tribunal", "arbitration", "arbitral", "judiciary", "justice"}

// namingVerbs name someone as something: "named X as a threat".
var namingVerbs = map[string]bool{
	"name": true, "identify": true, "list": true, "cite": true, "describe": true, "label": true,
	"brand": true, "single": true, "rank": true,
}

// threatNouns make a naming an accusation: "named X as the main threat".
var threatNouns = map[string]bool{
	"threat": true, "danger": true, "menace": true, "aggressor": true, "adversary": true,
	"enemy": true, "sponsor": true, "perpetrator": true, "culprit": true, "risk": true,
}

// sanctionNouns name sanctions one is under: "placed under sanctions".
var sanctionNouns = map[string]bool{"sanction": true, "sanctions": true, "embargo": true}

// placeVerbs put someone under sanctions.
var placeVerbs = map[string]bool{"place": true, "put": true, "bring": true, "keep": true}

// hitVerbs say what sanctions do to their target: "hit by sanctions".
var hitVerbs = map[string]bool{
	"hit": true, "target": true, "affect": true, "cripple": true, "squeeze": true,
	"batter": true, "punish": true, "hurt": true, "choke": true,
}

// punishVerbs punish or prosecute their object, by the type of what they
// do to it.
var punishVerbs = map[string]schema.RelationType{
	"bar": schema.Sanctions, "ban": schema.Sanctions, "sanction": schema.Sanctions,
	"blacklist": schema.Sanctions, "designate": schema.Sanctions, "fine": schema.Sanctions,
	"suspend": schema.Sanctions, "expel": schema.Sanctions, "exclude": schema.Sanctions,
	"prohibit": schema.Sanctions, "disqualify": schema.Sanctions,
	"arrest": schema.Accuses, "detain": schema.Accuses, "charge": schema.Accuses,
	"indict": schema.Accuses, "convict": schema.Accuses,
}

// verbSteps are the readers of legal steps that hang on a verb's lemma
// alone.
var verbSteps = map[string][]func(*doc, *clause, int){
	"declare":   {(*doc).personaNonGrata},
	"fine":      {(*doc).finedAmount},
	"take":      {(*doc).takenToCourt},
	"haul":      {(*doc).takenToCourt},
	"drag":      {(*doc).takenToCourt},
	"recognise": {(*doc).notRecognised},
	"recognize": {(*doc).notRecognised},
	"face":      {(*doc).facedStep},
	"hold":      {(*doc).heldResponsible},
	"deem":      {(*doc).heldResponsible},
	"find":      {(*doc).heldResponsible},
	"target":    {(*doc).sanctionsTargeting},
	"sue":       {(*doc).suedBefore},
	"order":     {(*doc).orderedAct},
}

// orderedAct reads an order whose object is an act ("ordered the arrest
// of X", "ordered the expulsion of the envoys"): the act is the event,
// and the token rules' reading of the order as a request to whoever it
// befalls is vetoed.
func (d *doc) orderedAct(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 || g.words[o].POS != syntax.NOUN {
		return
	}
	for _, e := range d.events.Noun(g.words[o].Lemma) {
		if !e.Curated() || e.Type == "" || e.Type == schema.Requests {
			continue
		}
		for _, s := range d.subjectsOf(c, p) {
			d.vetoes = append(d.vetoes, veto{sent: c.si, subj: s, typ: e.Type, cue: g.tok(p) + 1})
		}
		return
	}
}

// suedBefore reads the court a suit goes to (verb p): "sued Russia at the
// International Court of Justice" REQUESTS the court (the suit itself is
// ACCUSES in the event lexicon).
func (d *doc) suedBefore(c *clause, p int) {
	var courts []int
	for _, e := range d.bodies(d.prepObjects(c, p, []string{"at", "before", "in", "with"})) {
		if d.courtLike(e) {
			courts = append(courts, e)
		}
	}
	if len(courts) == 0 {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	d.relate(c, p, schema.Requests, subjs, without(courts, subjs, d), tense)
}

// legalSteps reads the legal and formal steps that word p of the
// sentence takes part in (see the list at the top of this file).
func (d *doc) legalSteps(c *clause, p int) {
	w := c.g.words[p]
	switch w.POS {
	case syntax.VERB:
		switch {
		case rulingVerbs[w.Lemma]:
			d.ruling(c, p)
		case appealVerbs[w.Lemma]:
			d.appealed(c, p)
		case namingVerbs[w.Lemma]:
			d.namedThreat(c, p)
		}
		if filingVerbs[w.Lemma] {
			d.filing(c, p)
		}
		if typ, ok := punishVerbs[w.Lemma]; ok {
			d.reportedPunishment(c, p, typ)
			d.amongPunished(c, p, typ)
			d.punishedIncluding(c, p, typ)
			if typ == schema.Accuses {
				d.arrestedOn(c, p)
			} else {
				d.suspendedFrom(c, p)
			}
		}
		for _, step := range verbSteps[w.Lemma] {
			step(d, c, p)
		}
	case syntax.NOUN:
		switch {
		case appealVerbs[w.Lemma] && c.g.depBase(p, syntax.NSubj) >= 0:
			// "it would appeal to the court", the verb tagged a noun
			d.appealed(c, p)
		case w.Lemma == "request" || w.Lemma == "behest":
			d.atRequest(c, p)
		case sanctionNouns[w.Lemma]:
			d.underSanctions(c, p)
		}
		d.cancelledNoun(c, p)
	}
}

// nounBeforeNoun are words a tagger reads as verbs in a compound noun
// ("a travel ban on X", "an asset freeze", "an arrest warrant against
// X"): after a noun that follows a
// determiner, and before a preposition, they are nouns.
var nounBeforeNoun = map[string]bool{
	"ban": true, "bans": true, "freeze": true, "freezes": true, "curb": true, "curbs": true,
	"cap": true, "caps": true, "warrant": true, "warrants": true,
}

// fixLegalTags mends the tags of compound nouns of punishment in the
// tokens [from, to) (see nounBeforeNoun).
func (d *doc) fixLegalTags(from, to int) {
	syn, toks := d.syn, d.toks
	for k := from + 2; k+1 < to; k++ {
		if syn[k].POS != syntax.VERB || !nounBeforeNoun[toks[k].lower] || syn[k-1].POS != syntax.NOUN || syn[k+1].POS != syntax.ADP {
			continue
		}
		switch syn[k-2].POS {
		case syntax.DET, syntax.ADJ, syntax.NUM, syntax.PRON:
			syn[k].POS = syntax.NOUN
			syn[k].Lemma = strings.TrimSuffix(toks[k].lower, "s")
		}
	}
}

// stated reports whether predicate p states its event, and its tense.
func (d *doc) stated(c *clause, p int) (string, bool) {
	md, tense := d.moodOf(c, p)
	return tense, md == moodAssert || md == moodFuture
}

// relate adds a relation of type typ from each subject to each object.
func (d *doc) relate(c *clause, p int, typ schema.RelationType, subjs, objs []int, tense string) {
	for _, s := range subjs {
		for _, o := range without(append([]int(nil), objs...), []int{s}, d) {
			d.addRel(rel{typ: typ, subj: s, obj: o, sent: c.si, tense: tense, confidence: 0.6, grammar: true, cue: c.g.tok(p) + 1})
		}
	}
}

// bodies keeps the organizations among es.
func (d *doc) bodies(es []int) []int {
	var out []int
	for _, e := range es {
		if d.ents[e].typ == schema.Organization {
			out = append(out, e)
		}
	}
	return out
}

// courtLike reports whether entity e is named as a court or tribunal.
func (d *doc) courtLike(e int) bool {
	name := strings.ToLower(d.ents[e].name)
	for _, w := range courtWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// ruling reads a body's finding of a wrongdoing: "the court ruled that X
// had breached the treaty", "the panel found X guilty of fraud". The body
// ACCUSES the wrongdoer; whoever brought the case in the same sentence
// ACCUSES the wrongdoer too and REQUESTS the body.
func (d *doc) ruling(c *clause, p int) {
	g := c.g
	tense, ok := d.stated(c, p)
	if !ok && !inCaseClause(g, p) {
		return
	}
	judges := d.bodies(d.subjectsOf(c, p))
	if len(judges) == 0 {
		return
	}
	var accused []int
	for _, k := range g.deps(p) {
		switch g.words[k].Rel.Base() {
		case syntax.Ccomp:
			accused = appendNew(accused, d.wrongdoers(c, k)...)
		case syntax.Obj, syntax.Xcomp:
			// "found X guilty of", parsed with the name on "guilty"
			accused = appendNew(accused, d.foundGuilty(c, p, k)...)
		case syntax.Obl:
			// "ruled against Poland"
			if g.caseOf(k) == "against" && g.words[p].Lemma == "rule" {
				accused = appendNew(accused, d.argEntities(c, k)...)
			}
		}
	}
	if len(accused) == 0 {
		accused = d.wrongdoersAfter(c, p)
	}
	accused = without(accused, judges, d)
	if len(accused) == 0 {
		return
	}
	d.relate(c, p, schema.Accuses, judges, accused, tense)
	d.orderedToo(c, p, judges, accused, tense)
	for _, b := range d.caseBringers(c) {
		if hasEnt(judges, b) || hasEnt(accused, b) {
			continue
		}
		d.relate(c, p, schema.Accuses, []int{b}, accused, tense)
		d.relate(c, p, schema.Requests, []int{b}, judges, tense)
	}
}

// inCaseClause reports whether ruling p hangs on the participle of a
// fronted "In a case brought by X," phrase, which the parse read as the
// main clause: the ruling is stated.
func inCaseClause(g *grammar, p int) bool {
	h := g.words[p].Head
	if h < 0 || g.words[p].Rel.Base() != syntax.Ccomp || g.words[h].POS != syntax.VERB || !filingVerbs[g.words[h].Lemma] || h > p {
		return false
	}
	for _, k := range g.deps(h) {
		if g.words[k].Rel.Base() == syntax.Obl && caseNouns[g.words[k].Lemma] && g.caseOf(k) == "in" {
			return true
		}
	}
	return false
}

// wrongdoers returns who did the wrong that clause k (and the clauses
// coordinated with it) names: its subject, or who did what its subject
// names ("Indonesia's ban breaches the rules").
func (d *doc) wrongdoers(c *clause, k int) []int {
	g := c.g
	var out []int
	for _, v := range g.conjuncts(k, nil) {
		if !wrongVerbs[g.words[v].Lemma] || negated(g, v) {
			continue
		}
		es := d.subjectsOf(c, v)
		if s := g.depBase(v, syntax.NSubj); len(es) == 0 && s >= 0 {
			es = d.nounAgents(c, s)
		}
		out = appendNew(out, es...)
	}
	return out
}

// orderedToo reads an order coordinated with a ruling's finding that the
// parse hung on the finding's clause ("found that X had violated the
// treaty and ordered it to pay"): the judges REQUESTS whom it orders (a
// pronoun: the wrongdoer).
func (d *doc) orderedToo(c *clause, p int, judges, accused []int, tense string) {
	g := c.g
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() != syntax.Ccomp {
			continue
		}
		for _, v := range g.conjuncts(k, nil)[1:] {
			if g.words[v].Lemma != "order" || g.words[v].POS != syntax.VERB || g.depBase(v, syntax.NSubj) >= 0 {
				continue
			}
			o := g.depBase(v, syntax.Obj)
			if o < 0 {
				continue
			}
			ordered := accused
			if g.words[o].POS != syntax.PRON {
				ordered = d.argEntities(c, o)
			}
			d.relate(c, v, schema.Requests, judges, ordered, tense)
		}
	}
}

// wrongdoersAfter reads a ruling's "that" clause from the tokens when the
// parse lost it ("ruled that X's ban breaches the rules", with "breaches"
// read as a noun): the first actor named between "that" and a word of
// wrongdoing in the same clause.
func (d *doc) wrongdoersAfter(c *clause, p int) []int {
	from, to := c.g.tok(p)+1, c.s.to
	that := -1
	for k := from; k < to && k < from+10; k++ {
		if d.toks[k].text == "," {
			return nil
		}
		if d.toks[k].lower == "that" {
			that = k
			break
		}
	}
	if that < 0 {
		return nil
	}
	actor := -1
	for k := that + 1; k < to && k < that+20; k++ {
		switch l := d.toks[k].lower; {
		case l == "," || l == ";" || l == "and" || l == "but":
			return nil
		case wrongForm(l):
			if actor < 0 {
				return nil
			}
			return []int{actor}
		}
		if mi := d.mentionAt[k]; actor < 0 && mi >= 0 && actorOK(d.ents[d.ments[mi].ent].typ) {
			actor = d.ments[mi].ent
		}
	}
	return nil
}

// wrongForm reports whether word l is a finite form of a verb of
// wrongdoing ("breaches", "violated", "broke").
func wrongForm(l string) bool {
	if l == "broke" {
		return true
	}
	for v := range wrongVerbs {
		if l == v+"s" || l == v+"es" || l == v+"d" || l == v+"ed" || l == strings.TrimSuffix(v, "e")+"ed" {
			return true
		}
	}
	return false
}

// foundGuilty returns who a finding p declares guilty through its
// complement k: "found X guilty", parsed with X as object and "guilty" as
// its complement, or with X hung on "guilty".
func (d *doc) foundGuilty(c *clause, p, k int) []int {
	g := c.g
	if guiltWords[g.words[k].Lemma] {
		var out []int
		for _, m := range g.deps(k) {
			switch g.words[m].Rel.Base() {
			case syntax.Compound, syntax.NSubj, syntax.Flat, syntax.Obj:
				out = appendNew(out, d.argEntities(c, m)...)
			}
		}
		if len(out) == 0 && g.words[k].Rel.Base() == syntax.Xcomp {
			if o := g.depBase(p, syntax.Obj); o >= 0 {
				out = d.argEntities(c, o)
			}
		}
		return out
	}
	if g.words[k].Rel.Base() == syntax.Obj {
		for _, m := range g.deps(p) {
			if g.words[m].Rel.Base() == syntax.Xcomp && guiltWords[g.words[m].Lemma] {
				return d.argEntities(c, k)
			}
			// "found X in breach of the treaty"
			if g.words[m].Rel.Base() == syntax.Obl && g.caseOf(m) == "in" && breachNouns[g.words[m].Lemma] {
				return d.argEntities(c, k)
			}
		}
	}
	return nil
}

// takenToCourt reads "took X to court", "took X to the WTO" (verb p):
// the subject ACCUSES X and REQUESTS the body it goes to.
func (d *doc) takenToCourt(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 {
		return
	}
	accused := d.argEntities(c, o)
	if len(accused) == 0 {
		return
	}
	court, bodies := false, []int(nil)
	for _, w := range []int{p, o} {
		for _, k := range g.deps(w) {
			if b := g.words[k].Rel.Base(); (b != syntax.Obl && b != syntax.Nmod) || g.caseOf(k) != "to" {
				continue
			}
			switch g.words[k].Lemma {
			case "court", "tribunal", "arbitration":
				court = true
			}
			bodies = appendNew(bodies, d.bodies(d.argEntities(c, k))...)
		}
	}
	// a body that is no court hears disputes brought "over" something
	// ("took China to the WTO over its tariffs")
	over := false
	for _, k := range g.deps(p) {
		over = over || g.caseOf(k) == "over"
		// "to court" read as an infinitive
		court = court || g.lower[k] == "court" && hasMark(g, k, "to")
	}
	for _, e := range bodies {
		court = court || d.courtLike(e)
	}
	if !court && (len(bodies) == 0 || !over) {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	d.relate(c, p, schema.Accuses, subjs, without(accused, subjs, d), tense)
	d.relate(c, p, schema.Requests, subjs, without(bodies, subjs, d), tense)
}

// authorityNouns name what a court's or a body's rule rests on.
var authorityNouns = map[string]bool{
	"jurisdiction": true, "authority": true, "legitimacy": true, "competence": true,
	"ruling": true, "decision": true, "verdict": true, "award": true, "judgment": true, "judgement": true,
}

// notRecognised reads a refusal to recognise a body's jurisdiction or
// ruling (verb p, negated): "does not recognise the court's jurisdiction"
// REJECTS the court. A negated verb asserts nothing elsewhere; here the
// refusal itself is what is stated.
func (d *doc) notRecognised(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 || !authorityNouns[g.words[o].Lemma] || !negated(g, p) {
		return
	}
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() != syntax.Aux {
			continue
		}
		switch g.lower[k] {
		case "would", "could", "might", "may", "should", "must", "will", "wo":
			return
		}
	}
	if conditional(g, p) {
		return
	}
	if h := g.words[p].Head; h >= 0 {
		if _, ok := d.stated(c, h); !ok {
			return
		}
	}
	subjs := d.subjectsOf(c, p)
	authors := d.nounAgents(c, o)
	if len(authors) == 0 {
		authors = d.actAuthor(c, o, subjs)
	}
	d.relate(c, p, schema.Rejects, subjs, without(authors, subjs, d), "")
}

// facedSteps are legal steps or punishments one faces, by their type:
// "faces charges brought by X".
var facedSteps = map[string]schema.RelationType{
	"charge": schema.Accuses, "charges": schema.Accuses, "lawsuit": schema.Accuses, "suit": schema.Accuses,
	"indictment": schema.Accuses, "prosecution": schema.Accuses, "investigation": schema.Accuses,
	"probe": schema.Accuses, "sanction": schema.Sanctions, "sanctions": schema.Sanctions,
	"ban": schema.Sanctions, "fine": schema.Sanctions, "penalty": schema.Sanctions,
}

// facedStep reads a step someone faces (verb p) whose author is named
// by a participle on it: "X faces fraud charges brought by Y", "faces
// sanctions imposed by Y". (Authors after "from" are read as reactions.)
func (d *doc) facedStep(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 {
		return
	}
	typ, ok := facedSteps[g.words[o].Lemma]
	if !ok {
		return
	}
	// the participle with its agent, on the noun or (as parsed) on the
	// verb right after it
	var authors []int
	for k := o + 1; k < len(g.words) && k <= o+2 && len(authors) == 0; k++ {
		if g.words[k].POS == syntax.VERB && (g.words[k].Head == o || g.words[k].Head == p) {
			if a := agent(g, k); a >= 0 {
				authors = d.argEntities(c, a)
			}
		}
	}
	if len(authors) == 0 {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	faced := d.subjectsOf(c, p)
	for _, k := range g.deps(p) {
		// "The singer X faces ...", parsed with two subjects
		if g.words[k].Rel.Base() == syntax.NSubj && len(faced) == 0 {
			faced = d.argEntities(c, k)
		}
	}
	d.relate(c, p, typ, authors, without(faced, authors, d), tense)
}

// breachNouns are what a ruling finds someone in: "in breach of".
var breachNouns = map[string]bool{"breach": true, "violation": true, "contempt": true, "default": true}

// blameWords complete a blaming: "held X responsible".
var blameWords = map[string]bool{"responsible": true, "accountable": true, "liable": true, "culpable": true}

// heldResponsible reads "held X responsible for the attack" (verb p):
// the subject ACCUSES X.
func (d *doc) heldResponsible(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 {
		return
	}
	blamed := false
	for _, w := range []int{p, o} {
		for _, k := range g.deps(w) {
			switch g.words[k].Rel.Base() {
			case syntax.Xcomp, syntax.Amod:
				blamed = blamed || blameWords[g.words[k].Lemma]
			}
		}
	}
	if !blamed {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	d.relate(c, p, schema.Accuses, subjs, without(d.argEntities(c, o), subjs, d), tense)
}

// sanctionsTargeting reads sanctions aimed at someone by a participle
// (verb p): "announced new sanctions targeting X", "sanctions targeting
// X took effect". Who imposes them is named on the noun or is the subject
// of the verb that carries it.
func (d *doc) sanctionsTargeting(c *clause, p int) {
	g := c.g
	if !strings.HasSuffix(g.lower[p], "ing") {
		return
	}
	o := g.depBase(p, syntax.Obj)
	h := g.words[p].Head
	if o < 0 || h < 0 {
		return
	}
	// the sanctions: the noun the participle hangs on, or the object of
	// the verb it was hung on
	n, v := -1, -1
	switch {
	case g.words[h].POS == syntax.NOUN && sanctionNouns[g.words[h].Lemma]:
		n = h
		if hv := g.words[h].Head; hv >= 0 && g.words[hv].POS == syntax.VERB {
			v = hv
		}
	case g.words[h].POS == syntax.VERB:
		if k := g.depBase(h, syntax.Obj); k >= 0 && sanctionNouns[g.words[k].Lemma] {
			n, v = k, h
		}
	}
	if n < 0 {
		return
	}
	pred := n
	if v >= 0 {
		pred = v
	}
	tense, ok := d.stated(c, pred)
	if !ok || negated(g, n) {
		return
	}
	imposers := d.sanctionImposers(c, n)
	if len(imposers) == 0 && v >= 0 && lightVerbs[g.words[v].Lemma] {
		imposers = d.subjectsOf(c, v)
	}
	d.relate(c, p, schema.Sanctions, imposers, without(d.argEntities(c, o), imposers, d), tense)
}

// caseBringers returns who brought the cases named in the sentence: "a
// case brought by X", "X, which brought the case", "a complaint by X".
func (d *doc) caseBringers(c *clause) []int {
	g := c.g
	var out []int
	for n := range g.words {
		if g.words[n].POS != syntax.NOUN || !caseNouns[g.words[n].Lemma] {
			continue
		}
		// the verb that brings it: its head ("X brought the case", "in a
		// case brought by X", parsed with the case on the verb) or a
		// participle on it ("a case brought by X")
		if h := g.words[n].Head; h >= 0 && g.words[h].POS == syntax.VERB && filingVerbs[g.words[h].Lemma] {
			es := d.subjectsOf(c, h)
			if s := g.depBase(h, syntax.NSubj); len(es) == 0 && s >= 0 {
				es = d.relAntecedent(c, s)
			}
			if a := agent(g, h); len(es) == 0 && a >= 0 {
				es = d.argEntities(c, a)
			}
			out = appendNew(out, es...)
		}
		out = appendNew(out, d.nearBringers(c, n)...)
		for _, k := range g.deps(n) {
			switch {
			case g.words[k].Rel.Base() == syntax.Acl && filingVerbs[g.words[k].Lemma]:
				if a := agent(g, k); a >= 0 {
					out = appendNew(out, d.argEntities(c, a)...)
				}
			case g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "by":
				out = appendNew(out, d.argEntities(c, k)...)
			}
		}
	}
	return out
}

// nearBringers reads who brought case noun n from the words around it
// when the parse hung them elsewhere: a participle right after it with
// its agent ("a case brought by X"), or a verb just before it whose
// subject is a relative pronoun ("X, which brought the case").
func (d *doc) nearBringers(c *clause, n int) []int {
	g := c.g
	if v := n + 1; v < len(g.words) && g.words[v].POS == syntax.VERB && filingVerbs[g.words[v].Lemma] {
		if a := agent(g, v); a >= 0 {
			return d.argEntities(c, a)
		}
	}
	for v := n - 1; v >= 0 && v >= n-3; v-- {
		if g.words[v].POS != syntax.VERB {
			continue
		}
		if !filingVerbs[g.words[v].Lemma] || v == 0 {
			return nil
		}
		if es := d.subjectsOf(c, v); len(es) > 0 {
			return es
		}
		return d.relAntecedent(c, v-1)
	}
	return nil
}

// legalCases reads, once the sentence's predicates are read, the cases
// brought before a body that acts on them: "the court, which is hearing a
// case brought by X, ordered Y to ...". Who brought the case REQUESTS the
// body and ACCUSES whoever the body orders or accuses in the sentence.
func (d *doc) legalCases(c *clause) {
	g := c.g
	bringers := d.caseBringers(c)
	if len(bringers) == 0 {
		return
	}
	var courts []int
	for n := range g.words {
		if g.words[n].POS != syntax.NOUN || !caseNouns[g.words[n].Lemma] || g.words[n].Rel.Base() != syntax.Obj {
			continue
		}
		if v := g.words[n].Head; v >= 0 && hearVerbs[g.words[v].Lemma] {
			if _, ok := d.stated(c, v); ok {
				courts = appendNew(courts, d.bodies(d.clauseSubjects(c, v))...)
			}
		}
	}
	if len(courts) == 0 {
		return
	}
	var targets []int
	for _, r := range d.rels {
		if r.sent == c.si && hasEnt(courts, r.subj) && (r.typ == schema.Requests || r.typ == schema.Accuses) {
			targets = appendNew(targets, r.obj)
		}
	}
	for _, b := range bringers {
		if hasEnt(courts, b) {
			continue
		}
		d.relate(c, 0, schema.Requests, []int{b}, courts, "")
		d.relate(c, 0, schema.Accuses, []int{b}, without(append([]int(nil), targets...), courts, d), "")
	}
}

// hearVerbs take up a case: "the court is hearing a case brought by X".
var hearVerbs = map[string]bool{"hear": true, "consider": true, "examine": true, "review": true, "handle": true, "try": true}

// filing reads a case, a complaint or a lawsuit brought by the subject of
// verb p: against X it ACCUSES X, with or before a body it REQUESTS the
// body ("lodged a complaint against Norway with the EFTA Court").
func (d *doc) filing(c *clause, p int) {
	g := c.g
	fr := d.frameOf(c, p)
	if fr.Object == nil || !caseNouns[fr.Object.Lemma] {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	if len(subjs) == 0 {
		return
	}
	accused := d.prepObjects(c, p, []string{"against"})
	if len(accused) == 0 {
		accused = d.prepObjects(c, fr.Object.Ref, []string{"against"})
	}
	d.relate(c, p, schema.Accuses, subjs, accused, tense)
	var courts []int
	for _, e := range d.bodies(d.prepObjects(c, p, []string{"with", "before", "to", "at", "in"})) {
		if !hasEnt(accused, e) {
			courts = append(courts, e)
		}
	}
	if g.words[p].Lemma != "open" {
		d.relate(c, p, schema.Requests, subjs, courts, tense)
	}
}

// appealed reads an appeal or a challenge (verb p): the court it goes to
// is asked (REQUESTS), and whoever made the decision is rejected
// (REJECTS): the author named with the decision, the author of the act
// the decision noun names, or whoever last acted against the appellant.
func (d *doc) appealed(c *clause, p int) {
	g := c.g
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	if k := g.depBase(p, syntax.NSubj); len(subjs) == 0 && k >= 0 {
		subjs = d.argEntities(c, k)
	}
	if len(subjs) == 0 {
		return
	}
	courts, toCourt := d.appealCourts(c, p)
	dec := appealedDecision(g, p)
	if dec < 0 && (g.words[p].Lemma != "appeal" || !toCourt || g.depBase(p, syntax.Obj) >= 0) {
		return
	}
	// the court is asked only when a decision or a court is named
	d.relate(c, p, schema.Requests, subjs, courts, tense)
	authors := d.decisionAuthors(c, dec, subjs)
	authors = without(authors, append(append([]int(nil), subjs...), courts...), d)
	d.relate(c, p, schema.Rejects, subjs, authors, tense)
}

// appealCourts returns the courts appeal p goes to, and whether it goes to
// a court at all ("would appeal to a federal court", unnamed).
func (d *doc) appealCourts(c *clause, p int) ([]int, bool) {
	g := c.g
	var courts []int
	for _, e := range d.bodies(d.prepObjects(c, p, []string{"before", "to", "at", "in", "with"})) {
		if d.courtLike(e) {
			courts = append(courts, e)
		}
	}
	// "contest the ban before the Supreme Court", the phrase hung
	// elsewhere by the parse: a court named right after "before"
	for k := g.tok(p) + 1; len(courts) == 0 && k+1 < c.s.to; k++ {
		if d.toks[k].lower != "before" {
			continue
		}
		for m := k + 1; m < c.s.to && m <= k+3; m++ {
			if mi := d.mentionAt[m]; mi >= 0 {
				if e := d.ments[mi].ent; d.ents[e].typ == schema.Organization && d.courtLike(e) {
					courts = append(courts, e)
				}
				break
			}
		}
	}
	toCourt := len(courts) > 0
	for _, k := range g.deps(p) {
		if b := g.words[k].Rel.Base(); (b == syntax.Obl || b == syntax.Nmod) && g.caseOf(k) == "to" && (g.words[k].Lemma == "court" || g.words[k].Lemma == "tribunal") {
			toCourt = true
		}
	}
	return courts, toCourt
}

// appealedDecision returns the decision appeal p turns against: its
// object or its "against" phrase ("appealed against the ruling"), or -1.
func appealedDecision(g *grammar, p int) int {
	if o := g.depBase(p, syntax.Obj); o >= 0 && decisionNouns[g.words[o].Lemma] {
		return o
	}
	for _, k := range g.deps(p) {
		if b := g.words[k].Rel.Base(); (b == syntax.Obl || b == syntax.Nmod) && g.caseOf(k) == "against" && decisionNouns[g.words[k].Lemma] {
			return k
		}
	}
	return -1
}

// decisionAuthors returns who made decision dec (-1: none named) that
// subjs appeal: named with it, the author of the act it names, or whoever
// last acted against them (a court, for a ruling or an award).
func (d *doc) decisionAuthors(c *clause, dec int, subjs []int) []int {
	g := c.g
	var authors []int
	if dec >= 0 {
		authors = d.nounAgents(c, dec)
		for _, k := range g.deps(dec) {
			if len(authors) == 0 && g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "of" {
				authors = d.bodies(d.argEntities(c, k))
			}
		}
		if len(authors) == 0 {
			authors = d.actAuthor(c, dec, subjs)
		}
	}
	if len(authors) == 0 {
		authors = d.lastActorAgainst(c, subjs)
		// a ruling or an award is a court's: whoever else acted
		// against the appellant did not make it
		if len(authors) > 0 && dec >= 0 && judicialNouns[g.words[dec].Lemma] && !d.courtLike(authors[0]) {
			authors = nil
		}
	}
	return authors
}

// lastActorAgainst returns who last sanctioned, accused or ordered one of
// subjs, up to sentence c.
func (d *doc) lastActorAgainst(c *clause, subjs []int) []int {
	best, sent := -1, -1
	for _, r := range d.rels {
		if r.sent > c.si || r.sent < sent || !hasEnt(subjs, r.obj) {
			continue
		}
		switch r.typ {
		case schema.Sanctions, schema.Accuses, schema.Requests:
		default:
			continue
		}
		if t := d.ents[r.subj].typ; t != schema.Organization && t != schema.Country {
			continue
		}
		best, sent = r.subj, r.sent
	}
	if best < 0 {
		return nil
	}
	return []int{best}
}

// reportedPunishment reads a punishment in the passive without its agent
// that a body reports ("the ministry said X would be barred from ..."):
// the body is the one who punishes.
func (d *doc) reportedPunishment(c *clause, p int, typ schema.RelationType) {
	g := c.g
	h := g.words[p].Head
	if !passive(g, p) || agent(g, p) >= 0 || h < 0 || g.words[p].Rel.Base() != syntax.Ccomp ||
		g.words[h].POS != syntax.VERB || !reportVerbs[g.words[h].Lemma] {
		return
	}
	s := g.dep(p, syntax.NSubjPass)
	if s < 0 {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	var bodies []int
	for _, e := range d.subjectsOf(c, h) {
		if t := d.ents[e].typ; t == schema.Organization || t == schema.Country {
			bodies = append(bodies, e)
		}
	}
	d.relate(c, p, typ, bodies, without(d.argEntities(c, s), bodies, d), tense)
}

// finedAmount reads "fined X 90 million lira" (verb p) when the parse
// hung the name on the amount: the first actor named after the verb,
// before the amount, is fined; a reason given as an act accuses it.
func (d *doc) finedAmount(c *clause, p int) {
	g := c.g
	if o := g.depBase(p, syntax.Obj); o < 0 || len(d.argEntities(c, o)) > 0 || passive(g, p) {
		return
	}
	fined := -1
	for k := g.tok(p) + 1; k < c.s.to && k <= g.tok(p)+8 && fined < 0; k++ {
		if d.syn[k].POS == syntax.NUM || d.syn[k].POS == syntax.PUNCT || d.syn[k].POS == syntax.ADP {
			break
		}
		if mi := d.mentionAt[k]; mi >= 0 && actorOK(d.ents[d.ments[mi].ent].typ) {
			fined = d.ments[mi].ent
		}
	}
	if fined < 0 {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	d.relate(c, p, schema.Sanctions, subjs, without([]int{fined}, subjs, d), tense)
	if punishedFor(g, p) {
		d.relate(c, p, schema.Accuses, subjs, without([]int{fined}, subjs, d), tense)
	}
}

// punishedIncluding reads a punishment of a group whose named members
// follow it: "sanctioned five companies, including X", "arrested three
// men, among them X".
func (d *doc) punishedIncluding(c *clause, p int, typ schema.RelationType) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if o < 0 || len(d.argEntities(c, o)) > 0 {
		return
	}
	var named []int
	for _, w := range []int{p, o} {
		for _, k := range g.deps(w) {
			switch cs := g.caseOf(k); {
			case k < o:
			case cs == "including", cs == "such", cs == "among":
				named = appendNew(named, d.argEntities(c, k)...)
			}
		}
	}
	if len(named) == 0 {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	d.relate(c, p, typ, subjs, without(named, subjs, d), tense)
}

// amongPunished reads "X was among the firms sanctioned by Y" (the
// participle p on the noun after "among"): Y punishes X.
func (d *doc) amongPunished(c *clause, p int, typ schema.RelationType) {
	g := c.g
	n := g.words[p].Head
	if n < 0 || g.words[p].Rel.Base() != syntax.Acl || g.caseOf(n) != "among" || agent(g, p) < 0 {
		return
	}
	s := g.depBase(n, syntax.NSubj)
	if s < 0 {
		return
	}
	tense, ok := d.stated(c, n)
	if !ok {
		return
	}
	subjs := d.argEntities(c, agent(g, p))
	d.relate(c, p, typ, subjs, without(d.argEntities(c, s), subjs, d), tense)
}

// suspendedFrom reads a member put out of a body in the passive without
// its agent: "X was suspended from the African Union" is the body's act
// (not X's), and the token rules' reading the other way round is vetoed.
func (d *doc) suspendedFrom(c *clause, p int) {
	g := c.g
	s := g.dep(p, syntax.NSubjPass)
	if s < 0 || agent(g, p) >= 0 {
		return
	}
	members := d.argEntities(c, s)
	if len(members) == 0 {
		return
	}
	for _, m := range members {
		d.vetoes = append(d.vetoes, veto{sent: c.si, subj: m, typ: schema.Sanctions})
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	d.relate(c, p, schema.Sanctions, d.bodies(d.prepObjects(c, p, []string{"from"})), members, tense)
}

// personaNonGrata reads "declared X persona non grata" (verb p), however
// the parse hung X: the declaring state SANCTIONS X (or X's state).
func (d *doc) personaNonGrata(c *clause, p int) {
	g := c.g
	png := -1
	for k := p + 1; k+2 < len(g.words); k++ {
		if g.lower[k] == "persona" && g.lower[k+1] == "non" && g.lower[k+2] == "grata" {
			png = k
			break
		}
	}
	if png < 0 {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	var named []int
	if o := g.depBase(p, syntax.Obj); o >= 0 && o != png {
		named = d.argEntities(c, o)
	}
	for _, k := range g.deps(png) {
		if k < png && len(named) == 0 {
			named = d.argEntities(c, k)
		}
	}
	for i, e := range named {
		named[i] = d.missionState(e)
	}
	subjs := d.subjectsOf(c, p)
	d.relate(c, p, schema.Sanctions, subjs, without(named, subjs, d), tense)
}

// missionState returns the state an embassy, consulate or mission e
// belongs to (a member of its staff sent home sanctions the state), or e.
func (d *doc) missionState(e int) int {
	en := d.ents[e]
	name := strings.ToLower(en.name)
	if en.typ != schema.Organization || !strings.Contains(name, "embassy") && !strings.Contains(name, "consulate") && !strings.Contains(name, "mission") {
		return e
	}
	switch {
	case en.partOf >= 0:
		return en.partOf
	case en.partOf <= -2:
		if p, ok := d.byGaz[-2-en.partOf]; ok {
			return p
		}
	}
	return e
}

// arrestedOn reads an arrest (verb p) on someone else's notice or
// warrant ("arrested X on an Interpol notice"): its issuer ACCUSES X.
func (d *doc) arrestedOn(c *clause, p int) {
	g := c.g
	var held []int
	if o := g.depBase(p, syntax.Obj); o >= 0 {
		held = d.argEntities(c, o)
	} else if s := g.dep(p, syntax.NSubjPass); s >= 0 {
		held = d.argEntities(c, s)
	}
	if len(held) == 0 {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	// the phrase may hang anywhere after the verb ("arrested X, the
	// founder of Y, on an Interpol notice")
	for k := p + 1; k < len(g.words); k++ {
		if g.caseOf(k) != "on" && g.caseOf(k) != "under" {
			continue
		}
		switch g.words[k].Lemma {
		case "notice", "warrant":
			d.relate(c, p, schema.Accuses, d.nounSubjects(c, k), held, tense)
		}
	}
}

// atRequest reads a step taken "at the request of" someone (noun p): the
// one who asked REQUESTS the one who took it ("a notice issued by Interpol
// at the request of Norway").
func (d *doc) atRequest(c *clause, p int) {
	g := c.g
	if g.caseOf(p) != "at" {
		return
	}
	askers := d.nounAgents(c, p)
	for _, k := range g.deps(p) {
		if len(askers) == 0 && g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "of" {
			askers = d.argEntities(c, k)
		}
	}
	if len(askers) == 0 {
		return
	}
	// the step: the verb the phrase hangs on, or the noun (and then its
	// verb) it hangs on
	h := g.words[p].Head
	var doers []int
	for steps := 0; h >= 0 && len(doers) == 0 && steps < 3; steps++ {
		switch g.words[h].POS {
		case syntax.VERB:
			if _, ok := d.stated(c, h); !ok {
				return
			}
			doers = d.subjectsOf(c, h)
			if n := g.words[h].Head; len(doers) == 0 || g.words[h].Rel.Base() == syntax.Acl && n >= 0 {
				if n >= 0 && g.words[h].Rel.Base() == syntax.Acl {
					if es := d.nounSubjects(c, n); len(es) > 0 {
						doers = es
					}
				}
			}
		case syntax.NOUN:
			doers = d.nounSubjects(c, h)
		}
		h = g.words[h].Head
	}
	d.relate(c, p, schema.Requests, askers, without(doers, askers, d), "")
}

// underSanctions reads sanctions someone is under (noun p): "placed X
// under sanctions", "X was placed under U.S. sanctions", "X, which is
// under EU sanctions", "X has been hit by sanctions imposed by the West".
// Who imposes them is named on the noun, or is the one who placed X
// under them.
func (d *doc) underSanctions(c *clause, p int) {
	g := c.g
	cs := g.caseOf(p)
	if cs != "under" && cs != "by" {
		return
	}
	imposers := d.sanctionImposers(c, p)
	targets, placer, pred := d.sanctioned(c, p, cs)
	if pred < 0 {
		return
	}
	if len(imposers) == 0 {
		imposers = placer
	}
	tense, ok := d.stated(c, pred)
	if !ok || negated(g, p) {
		return
	}
	targets = without(targets, imposers, d)
	d.relate(c, p, schema.Sanctions, imposers, targets, tense)
	if len(targets) > 0 {
		// the parse read whom these sanctions are on: the token rules'
		// guess at it goes
		for _, e := range imposers {
			d.vetoes = append(d.vetoes, veto{sent: c.si, subj: e, typ: schema.Sanctions})
		}
	}
	if punishedFor(g, pred) {
		// "under sanctions since 2023 for trying to ...": the reason
		// alleges a wrongdoing
		d.relate(c, p, schema.Accuses, imposers, targets, tense)
	}
}

// sanctioned returns who is under or hit by sanctions noun p (case word
// cs), who placed them under it (an active "placed X under sanctions"),
// and the predicate whose mood decides it (-1: no such reading).
func (d *doc) sanctioned(c *clause, p int, cs string) (targets, placer []int, pred int) {
	g := c.g
	h := g.words[p].Head
	// "placed X under sanctions", parsed with the phrase on X
	if h >= 0 && g.words[h].POS != syntax.VERB && g.words[h].Rel.Base() == syntax.Obj {
		if v := g.words[h].Head; v >= 0 && placeVerbs[g.words[v].Lemma] {
			h = v
		}
	}
	verb := h >= 0 && g.words[h].POS == syntax.VERB
	switch {
	case cs == "by":
		// "hit by sanctions": the sanctions are the agent of the blow
		if !verb || !hitVerbs[g.words[h].Lemma] || !passive(g, h) {
			return nil, nil, -1
		}
		if s := g.dep(h, syntax.NSubjPass); s >= 0 {
			targets = d.sufferers(c, s)
		}
		return targets, nil, h
	case g.dep(p, syntax.Cop) >= 0:
		// "X, which has been under EU sanctions": the noun heads the
		// clause
		if s := g.depBase(p, syntax.NSubj); s >= 0 {
			if targets = d.argEntities(c, s); len(targets) == 0 {
				targets = d.relAntecedent(c, s)
			}
		}
		return targets, nil, p
	case verb && placeVerbs[g.words[h].Lemma]:
		if passive(g, h) {
			if s := g.dep(h, syntax.NSubjPass); s >= 0 {
				targets = d.argEntities(c, s)
			}
			return targets, nil, h
		}
		if o := g.depBase(h, syntax.Obj); o >= 0 {
			targets = d.argEntities(c, o)
		}
		return targets, d.subjectsOf(c, h), h
	case verb && g.depBase(h, syntax.Obj) < 0:
		// "came under sanctions", "remains under an embargo"
		return d.subjectsOf(c, h), nil, h
	}
	return nil, nil, -1
}

// relAntecedent returns what relative pronoun w stands for when the parse
// did not hang its clause on a noun: the name just before the comma
// before it ("Velmora, which has been under sanctions since 2020").
func (d *doc) relAntecedent(c *clause, w int) []int {
	t := c.g.tok(w)
	switch d.toks[t].lower {
	case "which", "who":
	default:
		return nil
	}
	if t-2 < c.s.from || d.toks[t-1].text != "," {
		return nil
	}
	k := t - 2
	// "the Velmora Tribunal (VT), which"
	if d.toks[k].text == ")" {
		for k > c.s.from && d.toks[k].text != "(" {
			k--
		}
		k--
	}
	if k < c.s.from {
		return nil
	}
	if mi := d.mentionAt[k]; mi >= 0 && actorOK(d.ents[d.ments[mi].ent].typ) {
		return []int{d.ments[mi].ent}
	}
	return nil
}

// clauseSubjects returns who acts in verb v, or what the relative pronoun
// that is its subject stands for when the parse lost the noun it hangs on
// ("X (Y), which is hearing the case").
func (d *doc) clauseSubjects(c *clause, v int) []int {
	if es := d.subjectsOf(c, v); len(es) > 0 {
		return es
	}
	k := c.g.depBase(v, syntax.NSubj)
	if k < 0 {
		k = c.g.dep(v, syntax.NSubjPass)
	}
	if k < 0 {
		return nil
	}
	if es := d.argEntities(c, k); len(es) > 0 {
		return es
	}
	return d.relAntecedent(c, k)
}

// sanctionImposers returns who imposes sanctions noun p names: its
// possessor or modifier ("U.S. sanctions"), its "by" phrase, or the agent
// of a participle on it ("sanctions imposed by the West").
func (d *doc) sanctionImposers(c *clause, p int) []int {
	g := c.g
	if es := d.nounSubjects(c, p); len(es) > 0 {
		return es
	}
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() == syntax.Acl {
			if a := agent(g, k); a >= 0 {
				return d.argEntities(c, a)
			}
		}
	}
	// the participle right after the noun, hung elsewhere ("hit by
	// sanctions and price caps imposed by the West")
	for k := p + 1; k < len(g.words) && k <= p+4; k++ {
		switch g.words[k].POS {
		case syntax.VERB:
			if a := agent(g, k); a >= 0 && strings.HasSuffix(g.lower[k], "ed") {
				return d.argEntities(c, a)
			}
			return nil
		case syntax.PUNCT:
			return nil
		}
	}
	return nil
}

// sufferers returns who word s stands for, or whose it is ("whose oil
// exports", "Iran's economy").
func (d *doc) sufferers(c *clause, s int) []int {
	g := c.g
	if es := d.argEntities(c, s); len(es) > 0 {
		return es
	}
	for _, k := range g.deps(s) {
		if g.words[k].Rel == syntax.NmodPoss {
			return d.wordEntities(c, k)
		}
	}
	return nil
}

// namedThreat reads a naming (verb p) of someone as a threat: "named Iran
// in its report as one of the biggest threats" ACCUSES Iran.
func (d *doc) namedThreat(c *clause, p int) {
	g := c.g
	threat := false
	var named []int
	for _, k := range g.deps(p) {
		switch r := g.words[k].Rel; {
		case r == syntax.NSubjPass, r.Base() == syntax.Obj, r.Base() == syntax.Xcomp:
			if es := d.argEntities(c, k); len(es) > 0 && len(named) == 0 {
				named = es
				continue
			}
		}
		if asOrAmong(g.caseOf(k)) && threatPhrase(g, k) {
			threat = true
			named = appendNew(named, d.alongside(c, k)...)
		}
		// "named X in its report as one of the threats": the phrase
		// may hang on the report
		for _, m := range g.deps(k) {
			if b := g.words[k].Rel.Base(); (b == syntax.Obl || b == syntax.Nmod) && asOrAmong(g.caseOf(m)) && threatPhrase(g, m) {
				threat = true
				named = appendNew(named, d.alongside(c, m)...)
			}
		}
	}
	if !threat || len(named) == 0 {
		return
	}
	tense, ok := d.stated(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	if len(subjs) == 0 && passive(g, p) {
		// "was named as a threat in a report by X"
		for _, k := range g.deps(p) {
			for _, m := range g.deps(k) {
				if len(subjs) == 0 && g.words[m].Rel.Base() == syntax.Nmod && g.caseOf(m) == "by" {
					subjs = d.argEntities(c, m)
				}
			}
		}
	}
	d.relate(c, p, schema.Accuses, subjs, named, tense)
}

// alongside returns the actors named "alongside" inside phrase k ("as
// one of the threats to the country, alongside Russia and Iran").
func (d *doc) alongside(c *clause, k int) []int {
	g := c.g
	lo, hi := g.span(k)
	var out []int
	for m := lo; m <= hi; m++ {
		if b := g.words[m].Rel.Base(); (b == syntax.Nmod || b == syntax.Obl) && g.caseOf(m) == "alongside" {
			out = appendNew(out, d.argEntities(c, m)...)
		}
	}
	return out
}

// threatPhrase reports whether phrase k names a threat: "as a threat", "as
// one of the biggest threats".
func threatPhrase(g *grammar, k int) bool {
	if threatNouns[g.words[k].Lemma] {
		return true
	}
	for _, m := range g.deps(k) {
		if g.words[m].Rel.Base() == syntax.Nmod && threatNouns[g.words[m].Lemma] {
			return true
		}
	}
	return false
}

// cancelledNoun vetoes, for the token rules, the event noun p whose
// governing verb calls it off or leaves it unstated ("lifted the
// sanctions on X"): the subject of that verb does not do it.
func (d *doc) cancelledNoun(c *clause, p int) {
	g := c.g
	h := g.words[p].Head
	if h < 0 || g.words[h].POS != syntax.VERB || g.words[p].Rel.Base() != syntax.Obj {
		return
	}
	if md, _ := d.moodOf(c, p); md == moodAssert || md == moodFuture {
		return
	}
	subjs := d.subjectsOf(c, h)
	for _, e := range d.events.Noun(g.words[p].Lemma) {
		if e.Source == eventlex.FromSynonym || e.Type == "" {
			continue
		}
		for _, s := range subjs {
			d.vetoes = append(d.vetoes, veto{sent: c.si, subj: s, typ: e.Type})
		}
	}
}

// hasEnt reports whether e is in es.
func hasEnt(es []int, e int) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// punishmentReasons adds the accusation a punishment's reason makes
// ("fined X for abusing its position") to the token rules' sanctions
// whose cue verb gives its reason as an act: the parse read the reason
// but may have missed whom the verb punishes.
func (d *doc) punishmentReasons() {
	var g grammar
	for i, n := 0, len(d.rels); i < n; i++ {
		r := d.rels[i]
		if r.grammar || r.typ != schema.Sanctions || r.cue <= 0 {
			continue
		}
		s := d.sents[r.sent]
		if s.to-s.from > maxSentence {
			continue
		}
		p := r.cue - 1 - s.from
		if p < 0 || p >= s.to-s.from || d.syn[r.cue-1].POS != syntax.VERB {
			continue
		}
		if _, ok := punishVerbs[d.syn[r.cue-1].Lemma]; !ok {
			continue
		}
		g.load(d, s)
		if !punishedFor(&g, p) {
			continue
		}
		d.addRel(rel{typ: schema.Accuses, subj: r.subj, obj: r.obj, sent: r.sent, tense: r.tense, confidence: 0.5, grammar: true, cue: r.cue})
	}
}

// asOrAmong reports whether case word cs puts someone in a class: "named
// X as a threat", "listed X among the threats".
func asOrAmong(cs string) bool { return cs == "as" || cs == "among" }
