package extract

import (
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// actorNouns are common nouns that stand for the state or body that
// qualifies them: "Russian forces", "the government of Mali", "Japan's
// envoy".
var actorNouns = map[string]bool{
	"government": true, "authority": true, "official": true, "force": true, "troop": true,
	"army": true, "military": true, "navy": true, "police": true, "delegation": true, "side": true,
	"leadership": true, "administration": true, "regime": true, "ministry": true, "envoy": true,
	"ambassador": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"diplomat": true, "leader": true, "negotiator": true, "representative": true, "embassy": true,
	"mission": true, "soldier": true, "warplane": true, "jet": true, "aircraft": true, "drone": true,
	"tank": true, "artillery": true, "ship": true, "vessel": true, "coastguard": true, "unit": true,
	"militant": true, "fighter": true, "rebel": true, "president": true, "minister": true,
	"cabinet": true, "parliament": true, "lawmaker": true, "legislator": true, "court": true,
	"prosecutor": true, "regulator": true, "agency": true, "state": true, "country": true,
	"team": true, "staff": true, "office": true, "department": true, "camp": true, "coalition": true,
	"counterpart": true, "general": true, "commander": true, "chief": true, "head": true,
	"panel": true, "tribunal": true, "commission": true, "committee": true, "board": true,
	"council": true, "body": true, "observer": true, "monitor": true, "inspector": true,
	"investigator": true, "judge": true,
}

// kindNouns say what kind of body the name before them is: "the Our
// Home bloc", "the Velox company".
var kindNouns = map[string]bool{
	"party": true, "bloc": true, "group": true, "company": true, "firm": true, "movement": true,
	"alliance": true, "coalition": true, "network": true, "exchange": true, "broadcaster": true,
	"outlet": true, "militia": true, "organisation": true, "organization": true, "union": true,
}

// siteNouns are places struck or held, which stand for where they are:
// "fired at targets in Aleppo".
var siteNouns = map[string]bool{
	"target": true, "position": true, "base": true, "site": true, "facility": true, "camp": true,
	"village": true, "town": true, "city": true, "area": true, "outpost": true, "stronghold": true,
	"depot": true, "installation": true, "post": true, "checkpoint": true, "district": true,
	"neighbourhood": true, "neighborhood": true, "port": true, "airport": true, "airfield": true,
	"infrastructure": true, "plant": true, "refinery": true, "bridge": true, "border": true,
}

// stateNounPlaces are nouns whose state modifier says where, not who: "the
// Russian border", "Chinese waters".
var stateNounPlaces = map[string]bool{
	"border": true, "capital": true, "coast": true, "waters": true, "water": true, "airspace": true,
	"soil": true, "side": false, "time": true, "media": true, "language": true, "press": true,
	"newspaper": true, "television": true, "agency": true, "embassy": false,
}

// subjectsOf returns the entities that act in predicate p: its subject, or
// for a passive its "by" agent, or what a clause without a subject takes
// from the clause it hangs on.
func (d *doc) subjectsOf(c *clause, p int) []int {
	g := c.g
	if g.words[p].POS == syntax.NOUN {
		return d.nounSubjects(c, p)
	}
	if passive(g, p) {
		if a := agent(g, p); a >= 0 {
			return d.argEntities(c, a)
		}
		return nil
	}
	if k := g.depBase(p, syntax.NSubj); k >= 0 {
		return d.argEntities(c, k)
	}
	h := g.words[p].Head
	if h < 0 {
		return nil
	}
	switch g.words[p].Rel {
	case syntax.Xcomp:
		// "urged Japan to meet": the object of the verb it completes;
		// "agreed to meet": its subject.
		if o := g.depBase(h, syntax.Obj); o >= 0 && g.words[h].POS == syntax.VERB {
			return d.argEntities(c, o)
		}
		return d.verbSubjects(c, h)
	case syntax.Conj, syntax.Advcl:
		return d.verbSubjects(c, h)
	case syntax.Acl:
		// "countries supporting Japan": the noun the participle modifies.
		return d.argEntities(c, h)
	}
	return nil
}

// verbSubjects is subjectsOf for a word that heads a clause, or nothing
// when it is no verb.
func (d *doc) verbSubjects(c *clause, h int) []int {
	switch c.g.words[h].POS {
	case syntax.VERB, syntax.AUX, syntax.ADJ:
		return d.subjectsOf(c, h)
	}
	return nil
}

// nounSubjects returns who acts in an event noun: its possessor ("Japan's
// sanctions"), a demonym or name before it ("Russian strikes", "US
// sanctions"), a "by" or "from" phrase, or the subject of the light verb
// that carries it ("imposed sanctions").
func (d *doc) nounSubjects(c *clause, p int) []int {
	g := c.g
	for _, k := range g.deps(p) {
		switch g.words[k].Rel {
		case syntax.NmodPoss, syntax.Amod, syntax.Compound:
			if es := d.wordEntities(c, k); len(es) > 0 {
				return d.withConjuncts(c, k, es)
			}
		case syntax.Nmod:
			switch g.caseOf(k) {
			case "by", "from":
				if es := d.argEntities(c, k); len(es) > 0 {
					return es
				}
			}
		}
	}
	h := g.words[p].Head
	if h >= 0 && g.words[h].POS == syntax.VERB && lightVerbs[g.words[h].Lemma] {
		switch g.words[p].Rel {
		case syntax.Obj:
			return d.subjectsOf(c, h)
		case syntax.NSubjPass:
			if a := agent(g, h); a >= 0 {
				return d.argEntities(c, a)
			}
		}
	}
	// "announced 2.5 million dollars in funding for X": an event noun
	// inside the object of a light verb is the light verb's subject's act
	for w, steps := p, 0; steps < 3 && g.words[w].Head >= 0; steps++ {
		switch g.words[w].Rel.Base() {
		case syntax.Nmod, syntax.Obj:
		default:
			return nil
		}
		w = g.words[w].Head
		if g.words[w].POS == syntax.VERB {
			if lightVerbs[g.words[w].Lemma] && w != h {
				return d.subjectsOf(c, w)
			}
			return nil
		}
	}
	return nil
}

// prepObjects returns the entities in the prepositional phrases of p (or
// of the noun a light verb carries, or of the light verb that carries the
// noun p) headed by one of preps.
func (d *doc) prepObjects(c *clause, p int, preps []string) []int {
	g := c.g
	var out []int
	look := func(w int) {
		for _, k := range g.deps(w) {
			switch g.words[k].Rel.Base() {
			case syntax.Obl, syntax.Nmod:
			default:
				continue
			}
			cs := g.caseOf(k)
			for _, pr := range preps {
				if cs == pr {
					out = append(out, d.argEntities(c, k)...)
				}
			}
		}
	}
	look(p)
	if len(out) == 0 {
		if o := g.depBase(p, syntax.Obj); o >= 0 && g.words[p].POS == syntax.VERB {
			look(o)
		}
	}
	if len(out) == 0 && g.words[p].POS == syntax.NOUN {
		if h := g.words[p].Head; h >= 0 && g.words[h].POS == syntax.VERB && lightVerbs[g.words[h].Lemma] {
			look(h)
		}
	}
	return out
}

// passive reports whether verb p is passive: "was accused", "backed by".
func passive(g *grammar, p int) bool {
	for _, k := range g.deps(p) {
		switch g.words[k].Rel {
		case syntax.NSubjPass, syntax.AuxPass:
			return true
		}
	}
	// "the militia, backed by Japan": a participle with a "by" agent.
	return g.words[p].Rel.Base() == syntax.Acl && agent(g, p) >= 0
}

// agent returns the "by" phrase of a passive verb, or -1.
func agent(g *grammar, p int) int {
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() == syntax.Obl && g.caseOf(k) == "by" {
			return k
		}
	}
	return -1
}

// relativeObject reports whether the relative clause p has no subject of
// its own other than a relative pronoun in object position ("the plan
// that Japan rejected").
func relativeObject(g *grammar, p int) bool {
	k := g.depBase(p, syntax.NSubj)
	if k < 0 {
		return false
	}
	switch g.lower[k] {
	case "who", "which", "that":
		return false
	}
	return true
}

// argEntities returns the entities an argument word stands for, with the
// words coordinated with it: "Japan and France" gives both.
func (d *doc) argEntities(c *clause, w int) []int {
	g := c.g
	var out []int
	for _, k := range g.conjuncts(w, nil) {
		out = appendNew(out, d.wordEntities(c, k)...)
	}
	return out
}

// withConjuncts adds to es the entities of the words coordinated with w.
func (d *doc) withConjuncts(c *clause, w int, es []int) []int {
	for _, k := range c.g.conjuncts(w, nil)[1:] {
		es = appendNew(es, d.wordEntities(c, k)...)
	}
	return es
}

func appendNew(out []int, es ...int) []int {
next:
	for _, e := range es {
		for _, o := range out {
			if o == e {
				continue next
			}
		}
		out = append(out, e)
	}
	return out
}

// wordEntities returns the entity word w names: a mention it is part of,
// the referent of a pronoun, or the state or body an actor noun stands
// for.
func (d *doc) wordEntities(c *clause, w int) []int {
	g := c.g
	// the look-ups below go from word to word (a pronoun to its clause's
	// subject, a noun to its owner); a bound stops any cycle
	if d.depth > 6 {
		return nil
	}
	d.depth++
	defer func() { d.depth-- }()
	t := g.tok(w)
	if mi := d.mentionAt[t]; mi >= 0 {
		e := d.ments[mi].ent
		if actorOK(d.ents[e].typ) || d.ents[e].typ == schema.Location {
			return []int{e}
		}
		return nil
	}
	// "The two met", "Both have accused"
	if es := d.numberReference(c, w); es != nil {
		return es
	}
	switch g.words[w].POS {
	case syntax.PRON:
		return d.pronounEntities(c, w)
	case syntax.NOUN, syntax.PROPN:
	default:
		return nil
	}
	// "the two countries", "both neighbours": the set named before
	if es := d.setReference(c, w); es != nil {
		return es
	}
	// "Secretary General Ahmed Saleh" parsed with the title as head and
	// the name hung on it: the name
	for _, k := range g.deps(w) {
		if g.words[k].Rel == syntax.Flat && k > w {
			if mi := d.mentionAt[g.tok(k)]; mi >= 0 && d.ents[d.ments[mi].ent].typ == schema.Person {
				return []int{d.ments[mi].ent}
			}
		}
	}
	// "Paul Ode, the Bank's envoy": an apposition names the noun.
	for _, k := range g.deps(w) {
		if g.words[k].Rel == syntax.Appos {
			if mi := d.mentionAt[g.tok(k)]; mi >= 0 {
				return []int{d.ments[mi].ent}
			}
		}
	}
	if e := d.kindNamed(c, w); e >= 0 {
		return []int{e}
	}
	// "X, the main party of Y, which ...": the noun set beside a name
	// is what the name names
	if h := g.words[w].Head; g.words[w].Rel == syntax.Appos && h >= 0 && h < w {
		if mi := d.mentionAt[g.tok(h)]; mi >= 0 && actorOK(d.ents[d.ments[mi].ent].typ) {
			return []int{d.ments[mi].ent}
		}
	}
	if !actorNouns[g.words[w].Lemma] {
		return d.thingOwners(c, w)
	}
	for _, k := range g.deps(w) {
		switch g.words[k].Rel {
		case syntax.NmodPoss, syntax.Amod, syntax.Compound:
		case syntax.Nmod:
			if !d.actorPhrase(c, k) {
				continue
			}
		default:
			continue
		}
		if mi := d.mentionAt[g.tok(k)]; mi >= 0 {
			if e := d.ments[mi].ent; actorOK(d.ents[e].typ) {
				return d.withConjuncts(c, k, []int{e})
			}
		}
	}
	// "his fighters", "their troops"
	for _, k := range g.deps(w) {
		if g.words[k].Rel == syntax.NmodPoss && g.words[k].POS == syntax.PRON {
			return d.pronounEntities(c, k)
		}
	}
	// "urged the authorities to release him": the state the article is
	// about
	if homeNouns[g.words[w].Lemma] && bareDefinite(g, w) {
		if e := d.homeState(g.tok(w), d.clauseSubjectOf(c, w, false)); e >= 0 {
			return []int{e}
		}
	}
	return nil
}

// kindNamed returns the body a name just before noun w names when w says
// what kind of body it is ("the New Hearth bloc", "the Union for Progress
// party"), or -1.
func (d *doc) kindNamed(c *clause, w int) int {
	g := c.g
	if !kindNouns[g.words[w].Lemma] || w == 0 || g.words[w-1].Rel != syntax.Compound || g.words[w-1].Head != w {
		return -1
	}
	mi := d.mentionAt[g.tok(w-1)]
	if mi < 0 || d.ments[mi].to != g.tok(w) {
		return -1
	}
	if e := d.ments[mi].ent; d.ents[e].typ == schema.Organization || d.ents[e].typ == schema.Group {
		return e
	}
	return -1
}

// actorPhrase reports whether phrase k on an actor noun names whose the
// actor is: "the government of Mali", "counterparts from Jordan",
// "prosecutors at the district office", "police in Kenya" (a state).
func (d *doc) actorPhrase(c *clause, k int) bool {
	switch c.g.caseOf(k) {
	case "of", "from", "at":
		return true
	case "in":
		mi := d.mentionAt[c.g.tok(k)]
		return mi >= 0 && d.ents[d.ments[mi].ent].typ == schema.Country
	}
	return false
}

// bareDefinite reports whether noun w has "the" and no other modifier
// (a preposition or punctuation aside).
func bareDefinite(g *grammar, w int) bool {
	the := false
	for _, k := range g.deps(w) {
		switch g.words[k].Rel {
		case syntax.Det:
			the = g.lower[k] == "the"
		case syntax.Case, syntax.Punct:
		default:
			return false
		}
	}
	return the
}

// homeNouns after "the" alone stand for the state the article is about.
var homeNouns = map[string]bool{"authority": true, "government": true, "regime": true, "junta": true}

// homeState returns the state the article is about at token x: the
// dateline's, else the one state other than not (the subject that speaks
// of it) named in the nearest sentence that names one (see soleState),
// or -1.
func (d *doc) homeState(x, not int) int {
	if h, ok := d.byGaz[d.homeGaz]; ok && d.homeGaz >= 0 && h != not {
		return h
	}
	return d.soleState(x, not)
}

// thingOwners returns the entities a noun that is no actor stands for
// (see wordEntities): a state named before it, or what it belongs to.
func (d *doc) thingOwners(c *clause, w int) []int {
	g := c.g
	// "Palestinian detainees", "Russian territory", "Chinese goods":
	// a state named before a noun stands for it; "the province of
	// Dorn", "the bases of the Front": what the noun belongs to (an
	// event noun's "of" is what the event befalls, not who)
	event := len(d.events.Noun(g.words[w].Lemma)) > 0
	depth := d.depth
	for _, k := range g.deps(w) {
		switch g.words[k].Rel {
		case syntax.NmodPoss, syntax.Amod, syntax.Compound:
			if mi := d.mentionAt[g.tok(k)]; mi >= 0 && !stateNounPlaces[g.words[w].Lemma] {
				if e := d.ments[mi].ent; d.ents[e].typ == schema.Country {
					return d.withConjuncts(c, k, []int{e})
				}
			}
		case syntax.Nmod:
			// "the assets of Kovian banks", "imports from Kovia";
			// "targets in Aleppo", "positions near the border town"
			cs := g.caseOf(k)
			if event || depth > 3 || cs != "of" && cs != "from" && !(siteNouns[g.words[w].Lemma] && (cs == "in" || cs == "near" || cs == "inside")) {
				continue
			}
			if es := d.wordEntities(c, k); len(es) > 0 {
				return d.withConjuncts(c, k, es)
			}
		}
	}
	return nil
}

// pronounEntities resolves a pronoun: a relative pronoun to the noun its
// clause modifies, "he" and "she" to the person spoken of last, "it" and
// "they" to the body or state spoken of last.
func (d *doc) pronounEntities(c *clause, w int) []int {
	g := c.g
	switch g.lower[w] {
	case "who", "which", "that", "whom", "whose":
		// the relative clause hangs on the noun it describes ("UNHCR,
		// whose representative ...": up to the clause, then its noun)
		for h, steps := g.words[w].Head, 0; h >= 0 && steps < 4; h, steps = g.words[h].Head, steps+1 {
			if g.words[h].Rel == syntax.AclRelcl {
				if g.words[h].Head >= 0 {
					return d.argEntities(c, g.words[h].Head)
				}
				return nil
			}
		}
		return nil
	case "its", "their", "his", "her":
		// "Norway suspended its aid": a possessive in a clause refers to
		// the clause's subject when it can
		if e := d.clauseSubjectOf(c, w, g.lower[w] == "his" || g.lower[w] == "her"); e >= 0 {
			return []int{e}
		}
	}
	switch g.lower[w] {
	case "he", "she", "him", "her", "his", "hers":
		// "Kallio said she would travel": the one who said it; else the
		// person the last sentence was about, else the last named
		if e := d.reporterOf(c, w, true); e >= 0 {
			return []int{e}
		}
		// "She urged him to ...": an object is someone else than the
		// clause's subject, the other person named last
		if l := g.lower[w]; l == "him" || l == "her" && g.words[w].Rel.Base() != syntax.NmodPoss {
			if e := d.otherPerson(g.tok(w), d.subjectPerson(c, w)); e >= 0 {
				return []int{e}
			}
		}
		if e := d.topicOf(c.si, true); e >= 0 {
			return []int{e}
		}
		if e := d.personAntecedent(g.tok(w)); e >= 0 {
			return []int{e}
		}
	case "it", "its", "they", "them", "their":
		if es := d.reportersOf(c, w, false); len(es) > 0 {
			// "Finland and Latvia said they would": each of them
			if l := g.lower[w]; l == "it" || l == "its" {
				return es[:1]
			}
			return es
		}
		if l := g.lower[w]; l == "they" || l == "them" || l == "their" {
			if d.peopleTopic[c.si-1] {
				return nil // the people the sentence before spoke of
			}
			if es := d.topicSet(c.si); es != nil {
				return es
			}
		}
		if e := d.topicOf(c.si, false); e >= 0 {
			return []int{e}
		}
		if e := d.actorAntecedent(g.tok(w)); e >= 0 {
			return []int{e}
		}
	case "we", "us", "our", "i", "me", "my":
		// in a quote, the speaker (the subject of the sentence's
		// reporting verb): "I" is the speaker, "we" the side they speak
		// for
		if sp := d.speaker(c); sp >= 0 {
			if l := g.lower[w]; l == "we" || l == "us" || l == "our" {
				return []int{d.sideOf(sp)}
			}
			return []int{sp}
		}
	}
	return nil
}

// subjectPerson returns the person the subject of word w's clause stands
// for, a pronoun resolved ("She urged him"), or -1.
func (d *doc) subjectPerson(c *clause, w int) int {
	g := c.g
	h := g.words[w].Head
	if h < 0 {
		return -1
	}
	k := g.depBase(h, syntax.NSubj)
	if k < 0 || k == w {
		return -1
	}
	for _, e := range d.argEntities(c, k) {
		if d.ents[e].typ == schema.Person {
			return e
		}
	}
	return -1
}

// otherPerson returns the person named last before token x who is not
// not, or -1; only when not is a person (an object pronoun whose subject
// is known).
func (d *doc) otherPerson(x, not int) int {
	if not < 0 {
		return -1
	}
	for k, stop := d.scanRange(x); k >= stop; k-- {
		m := d.ments[k]
		if m.to <= x && m.ent != not && d.ents[m.ent].typ == schema.Person {
			return m.ent
		}
	}
	return -1
}

// topicOf returns the subject of the sentence before si, when it is a
// person (person true) or a body, state or group (person false), or -1.
func (d *doc) topicOf(si int, person bool) int {
	if si == 0 || si-1 >= len(d.topics) {
		return -1
	}
	for _, e := range d.topics[si-1] {
		if (d.ents[e].typ == schema.Person) == person && actorOK(d.ents[e].typ) {
			return e
		}
	}
	return -1
}

// clauseSubjectOf returns the subject of the clause that word w stands in,
// when it is a person (person true) or a body, state or group, else -1.
func (d *doc) clauseSubjectOf(c *clause, w int, person bool) int {
	g := c.g
	for h, steps := g.words[w].Head, 0; h >= 0 && steps < 6; h, steps = g.words[h].Head, steps+1 {
		if g.words[h].POS != syntax.VERB && g.words[h].POS != syntax.AUX {
			continue
		}
		k := g.depBase(h, syntax.NSubj)
		if k < 0 || k == w || g.words[k].POS == syntax.PRON || g.words[w].Head == k {
			return -1
		}
		for _, e := range d.argEntities(c, k) {
			if (d.ents[e].typ == schema.Person) == person && actorOK(d.ents[e].typ) {
				return e
			}
		}
		return -1
	}
	return -1
}

// speaker returns the subject of the reporting verb of sentence c ('"...,"
// Lenz said'), or -1.
func (d *doc) speaker(c *clause) int {
	g := c.g
	for w := range g.words {
		if g.words[w].POS != syntax.VERB || !reportVerbs[g.words[w].Lemma] {
			continue
		}
		k := g.depBase(w, syntax.NSubj)
		if k < 0 || g.words[k].POS == syntax.PRON {
			continue
		}
		if es := d.argEntities(c, k); len(es) == 1 {
			return es[0]
		}
	}
	return -1
}

// reporterOf returns the subject of the speech verb whose reported clause
// word w stands in ("Kallio said she would travel"), when it is a person
// (person true) or a body, state or group, else -1.
func (d *doc) reporterOf(c *clause, w int, person bool) int {
	if es := d.reportersOf(c, w, person); len(es) > 0 {
		return es[0]
	}
	return -1
}

// reportersOf returns the subjects of the speech verb whose reported
// clause word w stands in, each of a coordinated subject ("Finland and
// Latvia said they would"), that are persons (person true) or bodies,
// states or groups.
func (d *doc) reportersOf(c *clause, w int, person bool) []int {
	g := c.g
	for h, steps := g.words[w].Head, 0; h >= 0 && steps < 6; h, steps = g.words[h].Head, steps+1 {
		if g.words[h].Rel.Base() != syntax.Ccomp {
			continue
		}
		v := g.words[h].Head
		if v < 0 || !reportVerbs[g.words[v].Lemma] {
			return nil
		}
		k := g.depBase(v, syntax.NSubj)
		if k < 0 || g.words[k].POS == syntax.PRON {
			return nil
		}
		var out []int
		for _, e := range d.argEntities(c, k) {
			if (d.ents[e].typ == schema.Person) == person && actorOK(d.ents[e].typ) {
				out = append(out, e)
			}
		}
		return out
	}
	return nil
}
