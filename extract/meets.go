package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// Meetings the text implies: a host, chair or mediator meets each party
// of the talks it holds, attending or addressing a body's meeting meets
// that body, and talks named by a noun under another verb ("spoke after
// talks with X") meet those they are with. The parties of "the talks"
// and the body of "the summit" may be named in an earlier sentence.

// meetState is what the article has said so far of its meetings.
type meetState struct {
	// body is the organization whose meeting was named last, in
	// sentence bodySent (-1: none).
	body, bodySent int
}

// meetingNouns name a meeting.
var meetingNouns = map[string]bool{
	"talk": true, "talks": true, "meeting": true, "summit": true, "negotiation": true,
	"negotiations": true, "consultation": true, "consultations": true, "conference": true,
	"session": true, "round": true, "dialogue": true, "gathering": true, "ministerial": true,
	"call": true, "videoconference": true,
}

// bodyMeetingNouns name the meeting of a body: "the Forum's summit".
var bodyMeetingNouns = map[string]bool{
	"meeting": true, "summit": true, "session": true, "conference": true, "gathering": true,
	"ministerial": true, "assembly": true, "congress": true, "plenary": true,
}

// hostVerbs hold talks for others: the host meets each party.
var hostVerbs = map[string]bool{
	"host": true, "chair": true, "mediate": true, "moderate": true, "facilitate": true,
	"convene": true, "organize": true, "organise": true,
}

// legislatorNouns are members of a legislature: telling them is meeting it.
var legislatorNouns = map[string]bool{
	"lawmaker": true, "legislator": true, "mp": true, "parliamentarian": true, "senator": true,
	"deputy": true, "congressman": true, "congresswoman": true, "parliament": true,
	"legislature": true,
}

// legislatureWords end or begin the names of legislatures.
var legislatureWords = []string{"parliament", "assembly", "congress", "senate", "duma", "knesset", "bundestag", "majlis", "diet", "sejm", "rada", "chamber"}

// meetingsOf reads the implied meetings around word p of sentence c (see
// the file comment); grammarRelations calls it for every word.
func (d *doc) meetingsOf(c *clause, p int) {
	g := c.g
	w := g.words[p]
	switch {
	case w.POS == syntax.VERB && hostVerbs[w.Lemma]:
		d.hosting(c, p)
		d.brokeredEarlier(c, p)
		if w.Lemma == "convene" {
			// "leaders of the Forum convened in Suva"
			d.bodyMet(c, p)
		}
	case w.POS == syntax.VERB && w.Lemma == "broker":
		d.brokeredEarlier(c, p)
	case w.POS == syntax.VERB && (w.Lemma == "attend" || w.Lemma == "join"):
		d.attending(c, p)
	case w.POS == syntax.VERB && addressVerbs[w.Lemma]:
		d.toldLegislators(c, p)
	case w.POS == syntax.NOUN && bodyMeetingNouns[w.Lemma] && !meetingNouns[w.Lemma]:
		d.noteBody(c, p)
	case w.POS == syntax.NOUN && meetingNouns[w.Lemma] && !d.notAMeeting(c, p):
		d.noteBody(c, p)
		d.talksUnder(c, p)
		d.listedParties(c, p)
		d.andWith(c, p)
		d.notTheSpeaker(c, p)
	case w.POS == syntax.VERB && (w.Lemma == "meet" || w.Lemma == "gather"):
		d.bodyMet(c, p)
		d.metPair(c, p)
	}
	if w.POS == syntax.VERB && w.Rel == syntax.AclRelcl {
		d.counterpartsMet(c, p)
	}
	if w.POS == syntax.VERB && lightVerbs[w.Lemma] {
		d.pairMet(c, p)
	}
	if w.POS == syntax.NOUN && (meetingNouns[w.Lemma] || w.Lemma == "contact") {
		d.inTalks(c, p)
	}
}

// asserted reports whether predicate p states its event, and its tense.
func (d *doc) asserted(c *clause, p int) (bool, string) {
	md, tense := d.moodOf(c, p)
	return md == moodAssert, tense
}

// hosting reads host verb p: "X, who hosted the talks", "talks hosted by
// X", "the summit, chaired by X", "X mediated talks between A and B". The
// host meets each party of the meeting the verb takes.
func (d *doc) hosting(c *clause, p int) {
	g := c.g
	var hosts []int
	n := -1
	switch {
	case passive(g, p):
		if a := agent(g, p); a >= 0 {
			hosts = d.argEntities(c, a)
		}
		if k := g.depBase(p, syntax.NSubjPass); k >= 0 {
			n = k
		} else if h := g.words[p].Head; h >= 0 && g.words[p].Rel.Base() == syntax.Acl {
			n = h
		}
	default:
		hosts = d.subjectsOf(c, p)
		n = g.depBase(p, syntax.Obj)
		if n < 0 {
			// "presided over the meeting"
			for _, k := range g.deps(p) {
				if g.words[k].Rel.Base() == syntax.Obl && g.caseOf(k) == "over" {
					n = k
				}
			}
		}
	}
	if n < 0 || len(hosts) == 0 {
		return
	}
	if !meetingNouns[g.words[n].Lemma] && !bodyMeetingNouns[g.words[n].Lemma] {
		// "hosted both delegations", "hosted Chile's president"
		if g.words[p].Lemma != "host" || passive(g, p) {
			return
		}
		guests := d.pairRef(c, n)
		if len(guests) == 0 && (d.mentionAt[g.tok(n)] >= 0 || actorNouns[g.words[n].Lemma]) {
			// a guest named or an envoy, not a thing of theirs ("hosts
			// a US base")
			guests = d.argEntities(c, n)
		}
		if ok, tense := d.asserted(c, p); ok {
			d.meetEach(c, p, hosts, guests, tense)
		}
		return
	}
	// "five rounds of talks between A and B"
	for _, k := range g.deps(n) {
		if g.words[n].Lemma == "round" && g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "of" && meetingNouns[g.words[k].Lemma] {
			n = k
		}
	}
	ok, tense := d.asserted(c, p)
	if !ok {
		return
	}
	parties := d.meetingParties(c, n)
	d.meetEach(c, p, hosts, parties, tense)
}

// meetingParties returns who takes part in meeting noun n: those it is
// "between" or "with", the body whose meeting it is, the subjects of the
// clause it is the purpose or setting of ("met for talks hosted by X"),
// else, for "the talks" said before, the parties or the body of the last
// meeting the article stated.
func (d *doc) meetingParties(c *clause, n int) []int {
	g := c.g
	if out := d.prepObjects(c, n, []string{"between", "with"}); len(out) > 0 {
		return out
	}
	if out := d.nounBodies(c, n); len(out) > 0 {
		return out
	}
	// "hosted a meeting at which A and B signed a charter"
	for _, k := range g.deps(n) {
		if g.words[k].Rel != syntax.AclRelcl || g.words[k].POS != syntax.VERB {
			continue
		}
		for _, m := range g.deps(k) {
			if g.words[m].Rel.Base() == syntax.Obl && g.lower[m] == "which" {
				if out := d.subjectsOf(c, k); len(out) > 0 {
					return out
				}
			}
		}
	}
	if h := g.words[n].Head; h >= 0 && g.words[n].Rel.Base() == syntax.Obl && g.words[h].POS == syntax.VERB && !hostVerbs[g.words[h].Lemma] {
		if out := d.subjectsOf(c, h); len(out) > 0 {
			return out
		}
	}
	// "between the two sides"
	for _, k := range g.deps(n) {
		if b := g.words[k].Rel.Base(); (b == syntax.Nmod || b == syntax.Obl) && g.caseOf(k) == "between" {
			if out := d.pairRef(c, k); len(out) > 0 {
				return out
			}
		}
	}
	if !definiteMeeting(g, n) {
		return nil
	}
	if bodyMeetingNouns[g.words[n].Lemma] {
		if b := d.recentBody(c.si); b >= 0 {
			return []int{b}
		}
	}
	return d.earlierParties(c.si)
}

// recentBody returns the organization whose meeting the article spoke of
// lately: the one named with a meeting noun last (in the last twelve
// sentences), else the one organization met in the last sentence that met
// one (in the last eight); -1 when none.
func (d *doc) recentBody(si int) int {
	if d.meet.bodySent >= 0 && d.meet.bodySent >= si-12 {
		return d.meet.body
	}
	found, sent := -1, -1
	for i := len(d.rels) - 1; i >= 0; i-- {
		r := d.rels[i]
		if r.sent < si-8 || sent >= 0 && r.sent != sent {
			break
		}
		if r.typ != schema.Meets || r.sent >= si {
			continue
		}
		for _, e := range []int{r.subj, r.obj} {
			if d.ents[e].typ != schema.Organization {
				continue
			}
			if found >= 0 && found != e {
				return -1
			}
			found, sent = e, r.sent
		}
	}
	return found
}

// pairRef returns the pair that word w ("both sides", "the two
// negotiators") stands for: the pair named together last, else the two
// states or bodies named last; nil when w is no such word.
func (d *doc) pairRef(c *clause, w int) []int {
	g := c.g
	if !pairNouns[g.lower[w]] && !pairPeople[g.lower[w]] {
		return nil
	}
	both := false
	for _, k := range g.deps(w) {
		if l := g.lower[k]; l == "both" || l == "two" {
			both = true
		}
	}
	if !both {
		return nil
	}
	subjs := d.meetingSubjects(c, w)
	// a pair named in the sentence itself ("met both negotiators and
	// urged A and B to ..."), the sides of the last meeting, the pair
	// named together last
	for _, pair := range [][]int{d.sentencePair(c, subjs), d.lastMeet, d.lastPair} {
		if len(pair) == 2 && pair[0] != pair[1] && d.ents[pair[0]].typ != schema.Person && d.ents[pair[1]].typ != schema.Person &&
			len(without(append([]int(nil), pair...), subjs, d)) == 2 && !d.rolesIn(subjs, pair) {
			return append([]int(nil), pair...)
		}
	}
	return d.lastTwo(g.tok(w), subjs...)
}

// sentencePair returns the two states or bodies coordinated in sentence c
// ("A and B"), none of them in not, or nil.
func (d *doc) sentencePair(c *clause, not []int) []int {
	g := c.g
	for w := range g.words {
		cj := g.conjuncts(w, nil)
		if len(cj) != 2 || g.words[w].Rel == syntax.Conj {
			continue
		}
		var out []int
		for _, k := range cj {
			if mi := d.mentionAt[g.tok(k)]; mi >= 0 {
				if e := d.ments[mi].ent; d.ents[e].typ == schema.Country || d.ents[e].typ == schema.Organization {
					out = append(out, e)
				}
			}
		}
		if len(out) == 2 && len(without(append([]int(nil), out...), not, d)) == 2 {
			return out
		}
	}
	return nil
}

// meetingSubjects returns the subjects of the clause word w stands in.
func (d *doc) meetingSubjects(c *clause, w int) []int {
	g := c.g
	for h, steps := g.words[w].Head, 0; h >= 0 && steps < 4; h, steps = g.words[h].Head, steps+1 {
		if g.words[h].POS == syntax.VERB {
			return d.subjectsOf(c, h)
		}
	}
	return nil
}

// rolesIn reports whether one of the persons in subjs holds a role in one
// of es.
func (d *doc) rolesIn(subjs, es []int) bool {
	for _, s := range subjs {
		if o, ok := d.roleOf[s]; ok {
			for _, e := range es {
				if o == e {
					return true
				}
			}
		}
	}
	return false
}

// pairPeople are the envoys of a pair of sides: "met both negotiators".
var pairPeople = map[string]bool{"negotiators": true, "delegations": true, "leaders": true, "envoys": true}

// definiteMeeting reports whether meeting noun n refers back: "the
// talks", "these negotiations", "its summit", "the next round".
func definiteMeeting(g *grammar, n int) bool {
	for _, k := range g.deps(n) {
		switch g.words[k].Rel {
		case syntax.Det:
			switch g.lower[k] {
			case "the", "these", "this", "those":
				return true
			}
		case syntax.NmodPoss:
			if g.words[k].POS == syntax.PRON {
				return true
			}
		}
	}
	return false
}

// earlierParties returns the parties of the meetings the article stated
// last, in one of the six sentences before sentence si.
func (d *doc) earlierParties(si int) []int {
	last := -1
	var out []int
	for i := len(d.rels) - 1; i >= 0; i-- {
		r := d.rels[i]
		if r.sent >= si || r.typ != schema.Meets {
			continue
		}
		if last >= 0 && r.sent != last {
			break
		}
		if r.sent < si-6 {
			break
		}
		last = r.sent
		out = appendNew(out, r.subj, r.obj)
	}
	return out
}

// nounBodies returns the organizations whose meeting noun n is: "the
// Forum summit", "the Forum's summit", "a meeting of the Forum".
func (d *doc) nounBodies(c *clause, n int) []int {
	g := c.g
	var out []int
	for _, k := range g.deps(n) {
		switch g.words[k].Rel {
		case syntax.Compound, syntax.NmodPoss, syntax.Amod:
			if g.words[k].POS == syntax.PRON {
				continue
			}
		case syntax.Nmod:
			if g.caseOf(k) != "of" {
				continue
			}
		default:
			continue
		}
		for _, e := range d.argEntities(c, k) {
			if d.ents[e].typ == schema.Organization {
				out = appendNew(out, e)
			}
		}
	}
	return out
}

// meetEach adds MEETS from each of subjs to each of objs.
func (d *doc) meetEach(c *clause, p int, subjs, objs []int, tense string) {
	for _, s := range subjs {
		for _, o := range without(append([]int(nil), objs...), subjs, d) {
			d.addRel(rel{typ: schema.Meets, subj: s, obj: o, sent: c.si, tense: tense, confidence: 0.6, grammar: true, cue: c.g.tok(p) + 1})
		}
	}
}

// noteBody remembers the organization whose meeting noun p names ("the
// Forum summit", "a meeting of the Forum", "the Forum opened its
// summit"), for a later "the summit" or "attended".
func (d *doc) noteBody(c *clause, p int) {
	g := c.g
	if !bodyMeetingNouns[g.words[p].Lemma] {
		return
	}
	bodies := d.nounBodies(c, p)
	if len(bodies) == 0 {
		// "the Forum opened its summit", "leaders of the Forum gathered
		// for their summit"
		if k := g.dep(p, syntax.NmodPoss); k >= 0 && g.words[k].POS == syntax.PRON {
			if h := g.words[p].Head; h >= 0 && g.words[h].POS == syntax.VERB {
				bodies = d.subjectsOf(c, h)
			}
		}
	}
	d.setBody(c, bodies)
}

// setBody remembers the one organization among es as the body that
// meets.
func (d *doc) setBody(c *clause, es []int) {
	var orgs []int
	for _, e := range es {
		if d.ents[e].typ == schema.Organization {
			orgs = append(orgs, e)
		}
	}
	if len(orgs) == 1 {
		d.meet.body, d.meet.bodySent = orgs[0], c.si
	}
}

// bodyMet remembers a body whose members met: "leaders of the Forum met
// in Suva".
func (d *doc) bodyMet(c *clause, p int) {
	g := c.g
	if g.depBase(p, syntax.Obj) >= 0 || len(d.prepObjects(c, p, []string{"with"})) > 0 {
		return
	}
	d.setBody(c, d.subjectsOf(c, p))
}

// attending reads "attended the summit", "attended its first summit
// since ...", "also attended": the body of the meeting named before.
// "Attended the Forum summit" (a named body) is read by addressing.
func (d *doc) attending(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	if g.words[p].Lemma == "join" && (o < 0 || !meetingNouns[g.words[o].Lemma] && !bodyMeetingNouns[g.words[o].Lemma]) {
		// "joined the meeting by video link"; joining a body or a
		// cause is no meeting
		return
	}
	if o >= 0 && !meetingNouns[g.words[o].Lemma] && !bodyMeetingNouns[g.words[o].Lemma] {
		// "attended the foreign ministers' meeting", the meeting
		// parsed as hung on the ministers
		for _, k := range g.deps(o) {
			if r := g.words[k].Rel; (r == syntax.Appos || r == syntax.Compound) && bodyMeetingNouns[g.words[k].Lemma] {
				o = k
			}
		}
	}
	var objs []int
	switch {
	case o >= 0 && signingNouns[g.words[o].Lemma] && !d.namesActor(c, o) && !otherCeremony(g, o):
		// "attended the signing ceremony": the sides that signed,
		// named before
		for _, e := range d.earlierAgreement(c.si, 12) {
			if sd := d.sideOf(e); d.ents[sd].typ != schema.Person {
				objs = appendNew(objs, sd)
			}
		}
	case o < 0:
		if b := d.recentBody(c.si); b >= 0 && (d.meet.bodySent < 0 || d.meet.bodySent < c.si) {
			objs = []int{b}
		}
	case (meetingNouns[g.words[o].Lemma] || bodyMeetingNouns[g.words[o].Lemma]) && !d.namesActor(c, o):
		objs = d.meetingParties(c, o)
		if b := d.recentBody(c.si); len(objs) == 0 && bodyMeetingNouns[g.words[o].Lemma] && b >= 0 {
			// "attended the bloc's summit for the first time"
			objs = []int{b}
		}
	}
	if len(objs) == 0 {
		return
	}
	ok, tense := d.asserted(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	d.meetEach(c, p, subjs, objs, tense)
	// the parse knows whose meeting it was: the token rules' guess at
	// an object the text leaves out is dropped
	for _, s := range subjs {
		d.vetoes = append(d.vetoes, veto{sent: c.si, subj: s, typ: schema.Meets})
	}
}

// toldLegislators reads "told lawmakers", "briefed legislators",
// "addressed parliament": the legislature the article names.
func (d *doc) toldLegislators(c *clause, p int) {
	g := c.g
	o := -1
	for _, k := range g.deps(p) {
		if b := g.words[k].Rel.Base(); (b == syntax.Obj || b == syntax.IObj) && legislatorNouns[g.words[k].Lemma] {
			o = k
		}
	}
	// "told lawmakers that the plan would ...": the parser may take the
	// addressee for the subject of the clause told
	if k := p + 1; o < 0 && k < len(g.words) && g.words[k].POS == syntax.NOUN && legislatorNouns[g.words[k].Lemma] {
		o = k
	}
	if o < 0 {
		o = d.gatheringAddressed(c, p)
	}
	if o < 0 || len(d.argEntities(c, o)) > 0 {
		return
	}
	leg := -1
	if legislatorNouns[g.words[o].Lemma] {
		// "told lawmakers", "told parliament"; "told his deputy" is
		// no session of a legislature
		if l := g.words[o].Lemma; l != "parliament" && l != "legislature" && (g.lower[o] == l || g.dep(o, syntax.NmodPoss) >= 0) {
			return
		}
		leg = d.legislature()
	} else {
		leg = d.recentBody(c.si)
	}
	if leg < 0 {
		return
	}
	ok, tense := d.asserted(c, p)
	if !ok {
		return
	}
	subjs := d.subjectsOf(c, p)
	if len(subjs) == 0 {
		// "Trade Commissioner X told": a title the parser took for a
		// subject of its own
		for _, k := range g.deps(p) {
			if g.words[k].Rel.Base() == syntax.NSubj {
				subjs = appendNew(subjs, d.argEntities(c, k)...)
			}
		}
	}
	d.meetEach(c, p, subjs, []int{leg}, tense)
}

// gatheringNouns are those gathered at a body's meeting: "told fellow
// leaders", "told the summit".
var gatheringNouns = map[string]bool{
	"leader": true, "delegate": true, "counterpart": true, "participant": true, "summit": true,
	"meeting": true, "gathering": true, "conference": true, "session": true, "assembly": true,
}

// gatheringAddressed returns the word for a meeting or its members that
// speech verb p addresses ("told fellow leaders", "addressed the summit"),
// or -1.
func (d *doc) gatheringAddressed(c *clause, p int) int {
	g := c.g
	for _, k := range g.deps(p) {
		if b := g.words[k].Rel.Base(); (b == syntax.Obj || b == syntax.IObj) && gatheringNouns[g.words[k].Lemma] && !d.notAMeeting(c, k) {
			if g.words[k].Lemma == "counterpart" || g.words[k].Lemma == "leader" {
				// "told his counterpart", "told leaders of X": only
				// a plural with no owner named is the gathering
				if g.lower[k] == g.words[k].Lemma || len(d.argEntities(c, k)) > 0 || g.dep(k, syntax.NmodPoss) >= 0 {
					continue
				}
			}
			return k
		}
	}
	return -1
}

// legislature returns the one legislature the article names, or -1.
func (d *doc) legislature() int {
	found := -1
	for e, en := range d.ents {
		if en.typ != schema.Organization || !d.mentioned(e) {
			continue
		}
		words := strings.Fields(strings.ToLower(en.name))
		if len(words) == 0 {
			continue
		}
		last, first := words[len(words)-1], words[0]
		for _, lw := range legislatureWords {
			if last == lw || first == lw {
				if found >= 0 && found != e {
					return -1
				}
				found = e
			}
		}
	}
	return found
}

// mentioned reports whether entity e has a mention in the text.
func (d *doc) mentioned(e int) bool {
	for _, m := range d.ments {
		if m.ent == e {
			return true
		}
	}
	return false
}

// talksUnder reads a meeting noun under a verb that is not its light verb:
// "spoke after talks with X", "signed the deal after negotiations", "spoke
// at a meeting of the Forum": the verb's subjects meet those the talks
// are with, or each other, or the body that meets.
func (d *doc) talksUnder(c *clause, n int) {
	g := c.g
	at := n // the phrase under the verb
	// "after three weeks of negotiations"
	if h := g.words[n].Head; h >= 0 && g.words[n].Rel.Base() == syntax.Nmod && g.caseOf(n) == "of" && (spanNouns[g.words[h].Lemma] || sidelineNouns[g.words[h].Lemma]) {
		at = h
	}
	h := g.words[at].Head
	if h < 0 || g.words[h].POS != syntax.VERB || g.words[at].Rel.Base() != syntax.Obl {
		return
	}
	switch g.caseOf(at) {
	case "after", "following", "during", "at", "in", "on":
	default:
		return
	}
	if ok, _ := d.asserted(c, h); !ok {
		return
	}
	if ok, _ := d.asserted(c, n); !ok {
		return
	}
	subjs := d.subjectsOf(c, h)
	if len(subjs) == 0 && g.caseOf(at) != "after" && g.caseOf(at) != "following" {
		// "urged allies to spend more at the meeting": the one who
		// acts in the sentence was there
		subjs = d.upperSubjects(c, h)
	}
	if len(subjs) == 0 {
		return
	}
	if with := d.prepObjects(c, n, []string{"with"}); len(with) > 0 {
		d.meetEach(c, n, subjs, with, "")
		return
	}
	// "spoke at a meeting of the Forum", "told reporters on the
	// sidelines of the summit": attending it
	if g.caseOf(at) != "after" && g.caseOf(at) != "following" {
		bodies := d.nounBodies(c, n)
		if b := d.recentBody(c.si); len(bodies) == 0 && b >= 0 && bodyMeetingNouns[g.words[n].Lemma] && definiteMeeting(g, n) {
			bodies = []int{b}
		}
		if len(bodies) > 0 {
			d.meetEach(c, n, subjs, bodies, "")
			return
		}
	}
	if g.caseOf(at) == "on" {
		return
	}
	if len(d.prepObjects(c, n, []string{"between"})) > 0 || separateActs(g, n) || len(subjs) < 2 || g.caseOf(at) == "at" || g.caseOf(at) == "in" {
		return
	}
	// "A and B signed a truce after weeks of negotiations"
	d.pairwise(c, n, schema.Meets, subjs, "")
}

// listedParties keeps the token rules from pairing the parties listed
// after "talks with" ("talks with A, B and C"): each meets the subject,
// not the others. A meeting between parties that the parse reads as not
// stated ("could host talks between A and B") is not stated by the token
// rules either.
func (d *doc) listedParties(c *clause, n int) {
	var parties []int
	with := d.prepObjects(c, n, []string{"with"})
	if len(with) > 1 {
		parties = with
	}
	if between := d.prepObjects(c, n, []string{"between"}); len(between) > 1 {
		if ok, _ := d.asserted(c, n); !ok {
			parties = append(parties, between...)
		}
	}
	for _, e := range parties {
		d.vetoes = append(d.vetoes, veto{sent: c.si, subj: e, typ: schema.Meets})
	}
}

// signingNouns name a signing one travels for or attends: the host signs
// with the visitor ("travelled to Quito for the signing"), and those who
// sign meet those who attend.
var signingNouns = map[string]bool{"signing": true, "signature": true, "ceremony": true}

// purposeVerbs, in a purpose clause of a trip, say that the traveller
// deals with whom the clause names after "with": "travel to Rabat to seek
// an agreement with Morocco".
var purposeVerbs = map[string]bool{
	"seek": true, "sign": true, "negotiate": true, "discuss": true, "hold": true, "conclude": true,
	"finalize": true, "finalise": true, "reach": true, "clinch": true, "secure": true, "hammer": true,
}

// tripMeets adds the meetings of trip p by sj to oj: a trip for talks or
// for a signing meets the host (the state of a city visited, when the
// article names it), and a trip "to seek an agreement with X" meets X.
func (d *doc) tripMeets(c *clause, p, sj, oj int, tense string) {
	g := c.g
	host := oj
	if d.ents[oj].typ == schema.Location {
		host = d.placeState(oj)
	}
	if host >= 0 && host != sj && (forTalks(g, p) || forSigning(g, p)) {
		d.addRel(rel{typ: schema.Meets, subj: sj, obj: host, sent: c.si, tense: tense, confidence: 0.6, grammar: true, cue: g.tok(p) + 1})
	}
	for _, k := range g.deps(p) {
		if b := g.words[k].Rel.Base(); b != syntax.Advcl && b != syntax.Xcomp || !purposeVerbs[g.words[k].Lemma] || !hasMark(g, k, "to") {
			continue
		}
		for _, o := range d.prepObjects(c, k, []string{"with"}) {
			if o != sj && !d.belongsTo(sj, o) {
				d.addRel(rel{typ: schema.Meets, subj: sj, obj: o, sent: c.si, tense: tense, confidence: 0.6, grammar: true, cue: g.tok(k) + 1})
			}
		}
	}
}

// forSigning reports whether trip p is for a signing: "for the signing".
func forSigning(g *grammar, p int) bool {
	for _, k := range g.deps(p) {
		if g.words[k].Rel.Base() == syntax.Obl && g.caseOf(k) == "for" && signingNouns[g.words[k].Lemma] {
			return true
		}
	}
	return false
}

// placeState returns the entity of the state that place e lies in (a
// city of the gazetteer, a capital named as a place), when the article
// names that state, or -1.
func (d *doc) placeState(e int) int {
	st := -1
	if gz := d.ents[e].gaz; gz >= 0 {
		st = d.lx.partOf[gz]
	} else if toks := tokenize(d.ents[e].name); len(toks) > 0 {
		if gp, ok := d.lx.matchGaz(toks, 0, len(toks)); ok && gp.kind == refMetonym && len(gp.words) == len(toks) {
			st = gp.entry
		}
	}
	if st < 0 || d.lx.types[st] != schema.Country {
		return -1
	}
	if s, ok := d.byGaz[st]; ok && d.mentioned(s) {
		return s
	}
	return -1
}

// andWith reads a second "with" phrase of meeting noun n that the parser
// hung on the conjunction ("held separate talks with A and with B"), or
// "with" phrases hung on "the sidelines" ("talks on the sidelines with
// A"): the subjects of the talks meet them too.
func (d *doc) andWith(c *clause, n int) {
	g := c.g
	var more []int
	phrases := g.deps(n)
	if h := g.words[n].Head; h >= 0 && g.words[h].POS == syntax.VERB && lightVerbs[g.words[h].Lemma] {
		phrases = append(append([]int(nil), phrases...), g.deps(h)...)
	}
	for _, k := range phrases {
		if b := g.words[k].Rel.Base(); (b == syntax.Nmod || b == syntax.Obl) && sidelineNouns[g.words[k].Lemma] {
			// "held talks on the sidelines with A and with B"
			more = appendNew(more, d.prepObjects(c, k, []string{"with"})...)
		}
		if g.words[k].Rel.Base() != syntax.Obl && g.words[k].Rel.Base() != syntax.Nmod || g.caseOf(k) != "with" {
			continue
		}
		for _, cc := range g.deps(k) {
			if g.words[cc].Rel != syntax.CC {
				continue
			}
			for _, m := range g.deps(cc) {
				if b := g.words[m].Rel.Base(); (b == syntax.Obl || b == syntax.Nmod) && g.caseOf(m) == "with" {
					more = appendNew(more, d.argEntities(c, m)...)
				}
			}
		}
	}
	if len(more) == 0 {
		return
	}
	ok, tense := d.asserted(c, n)
	if !ok {
		return
	}
	d.meetEach(c, n, d.subjectsOf(c, n), more, tense)
}

// metPair reads "met both negotiators", "met the two sides": the
// subject meets each of the pair named before.
func (d *doc) metPair(c *clause, p int) {
	d.pairMet(c, p)
	o := c.g.depBase(p, syntax.Obj)
	if o < 0 || len(d.argEntities(c, o)) > 0 {
		return
	}
	pair := d.pairRef(c, o)
	if len(pair) == 0 {
		return
	}
	ok, tense := d.asserted(c, p)
	if !ok {
		return
	}
	d.meetEach(c, p, d.subjectsOf(c, p), pair, tense)
}

// inTalks reads a meeting noun said of its subject: "Kenya is in talks
// with the Fund", "Peru was in touch with both governments".
func (d *doc) inTalks(c *clause, n int) {
	g := c.g
	sj := g.depBase(n, syntax.NSubj)
	if sj < 0 || g.caseOf(n) != "in" || g.dep(n, syntax.Cop) < 0 {
		return
	}
	with := d.prepObjects(c, n, []string{"with"})
	if len(with) == 0 {
		return
	}
	ok, tense := d.asserted(c, n)
	if !ok {
		return
	}
	d.meetEach(c, n, d.argEntities(c, sj), with, tense)
}

// brokeredEarlier reads "X, which brokered the deal, ..." where the deal
// was stated before: the mediator meets each party of the last agreement
// the article stated, in one of the six sentences before.
func (d *doc) brokeredEarlier(c *clause, p int) {
	g := c.g
	o := g.depBase(p, syntax.Obj)
	mediators := d.subjectsOf(c, p)
	if a := agent(g, p); passive(g, p) && a >= 0 {
		// "a deal brokered in Ankara by X"
		o = g.depBase(p, syntax.NSubjPass)
		if h := g.words[p].Head; o < 0 && h >= 0 && g.words[p].Rel.Base() == syntax.Acl {
			o = h
		}
		mediators = d.argEntities(c, a)
	} else if o >= 0 && !definiteMeeting(g, o) {
		return
	}
	if o < 0 || !dealNouns[g.words[o].Lemma] || len(d.prepObjects(c, o, []string{"between", "with"})) > 0 {
		return
	}
	ok, tense := d.asserted(c, p)
	if !ok {
		return
	}
	d.meetEach(c, p, mediators, d.earlierAgreement(c.si, 6), tense)
}

// earlierAgreement returns the parties of the last agreement the article
// stated, in one of the n sentences before sentence si.
func (d *doc) earlierAgreement(si, n int) []int {
	var parties []int
	last := -1
	for i := len(d.rels) - 1; i >= 0; i-- {
		r := d.rels[i]
		if r.sent >= si || r.typ != schema.Agrees {
			continue
		}
		if last >= 0 && r.sent != last || r.sent < si-n {
			break
		}
		last = r.sent
		parties = appendNew(parties, r.subj, r.obj)
	}
	return parties
}

// spanNouns measure the time talks took: "after three weeks of talks".
var spanNouns = map[string]bool{
	"week": true, "day": true, "month": true, "year": true, "hour": true, "round": true,
}

// notTheSpeaker keeps the token rules from giving the talks of meeting
// noun n to the one who reports them ("X said the bloc would deepen talks
// with Y"): when the parse finds who holds the talks, the speaker of the
// clause above holds none of them.
func (d *doc) notTheSpeaker(c *clause, n int) {
	g := c.g
	if len(d.prepObjects(c, n, []string{"with"})) == 0 {
		return
	}
	subjs := d.subjectsOf(c, n)
	if len(subjs) == 0 {
		return
	}
	for cur, steps := n, 0; g.words[cur].Head >= 0 && steps < 8; cur, steps = g.words[cur].Head, steps+1 {
		h := g.words[cur].Head
		if g.words[cur].Rel.Base() != syntax.Ccomp || g.words[h].POS != syntax.VERB || !reportVerbs[g.words[h].Lemma] {
			continue
		}
		for _, sp := range d.subjectsOf(c, h) {
			if len(without([]int{sp}, subjs, d)) == 1 && !d.rolesIn([]int{sp}, subjs) {
				d.vetoes = append(d.vetoes, veto{sent: c.si, subj: sp, typ: schema.Meets})
			}
		}
		return
	}
}

// sidelineNouns place an act at a meeting: "on the sidelines of the
// summit".
var sidelineNouns = map[string]bool{"sidelines": true, "sideline": true, "margins": true, "margin": true}

// namesActor reports whether word w names an actor (addressing reads
// those).
func (d *doc) namesActor(c *clause, w int) bool {
	return len(d.argEntities(c, w)) > 0
}

// counterpartsMet mends "A and his Russian counterpart B held talks",
// which a parser reads as a relative clause on "counterpart" with B its
// subject: when verb p holds a meeting (or is "met") and its subject is
// a name right after the noun the clause hangs on, the whole
// coordination meets, B standing for that noun.
func (d *doc) counterpartsMet(c *clause, p int) {
	g := c.g
	h, k := g.words[p].Head, g.depBase(p, syntax.NSubj)
	if h < 0 || k < 0 || g.words[h].POS != syntax.NOUN || g.words[h].Rel != syntax.Conj {
		return
	}
	if lo, _ := g.span(k); lo != h+1 || d.mentionAt[g.tok(k)] < 0 {
		return
	}
	meeting := g.words[p].Lemma == "meet" && g.depBase(p, syntax.Obj) < 0
	if o := g.depBase(p, syntax.Obj); o >= 0 && lightVerbs[g.words[p].Lemma] && meetingNouns[g.words[o].Lemma] && len(d.prepObjects(c, o, []string{"with", "between"})) == 0 && !separateActs(g, p) {
		meeting = true
	}
	if !meeting {
		return
	}
	ok, tense := d.asserted(c, p)
	if !ok {
		return
	}
	r := h
	for g.words[r].Rel == syntax.Conj && g.words[r].Head >= 0 {
		r = g.words[r].Head
	}
	var parties []int
	for _, w := range g.conjuncts(r, nil) {
		if w == h {
			parties = appendNew(parties, d.wordEntities(c, k)...)
			continue
		}
		parties = appendNew(parties, d.wordEntities(c, w)...)
	}
	d.pairwise(c, p, schema.Meets, parties, tense)
}

// upperSubjects returns the subjects of the first clause above verb h
// (through complements, adverbial clauses and coordination) that has
// any.
func (d *doc) upperSubjects(c *clause, h int) []int {
	g := c.g
	for v, steps := h, 0; g.words[v].Head >= 0 && steps < 4; steps++ {
		switch g.words[v].Rel.Base() {
		case syntax.Xcomp, syntax.Ccomp, syntax.Advcl, syntax.Conj:
		default:
			return nil
		}
		v = g.words[v].Head
		if g.words[v].POS != syntax.VERB {
			return nil
		}
		if out := d.subjectsOf(c, v); len(out) > 0 {
			return out
		}
	}
	return nil
}

// meetingVerbs state a meeting or take part in one.
var meetingVerbs = map[string]bool{
	"meet": true, "talk": true, "negotiate": true, "consult": true, "confer": true, "host": true,
	"attend": true, "receive": true, "address": true, "brief": true, "speak": true,
	"join": true, "chair": true, "mediate": true, "visit": true, "call": true, "welcome": true,
	"travel": true, "fly": true, "sit": true, "convene": true, "gather": true, "discuss": true,
}

// bareMeetings keeps the token rules from reading a meeting in sentence c
// when the parse finds one only as a bare noun, without anyone it is
// with, anyone holding or attending it, and no verb of meeting ("said
// the meeting showed that ...", "shuttled between meeting rooms").
func (d *doc) bareMeetings(c *clause) {
	g := c.g
	bare := false
	for w := range g.words {
		switch {
		case g.words[w].POS == syntax.VERB && meetingVerbs[g.words[w].Lemma]:
			return
		case g.words[w].POS == syntax.NOUN && (meetingNouns[g.words[w].Lemma] || bodyMeetingNouns[g.words[w].Lemma]):
			if !d.bareMeeting(c, w) {
				return
			}
			bare = true
		}
	}
	for _, r := range d.rels {
		if r.sent == c.si && r.typ == schema.Meets {
			return
		}
	}
	if bare {
		d.vetoes = append(d.vetoes, veto{sent: c.si, subj: -1, typ: schema.Meets})
	}
}

// bareMeeting reports whether meeting noun n names no one it is with or
// of, and is neither held, attended nor the setting of an act.
func (d *doc) bareMeeting(c *clause, n int) bool {
	g := c.g
	for _, k := range g.deps(n) {
		switch g.words[k].Rel.Base() {
		case syntax.Nmod, syntax.Compound, syntax.Amod:
			if len(d.argEntities(c, k)) > 0 {
				return false
			}
		case syntax.Acl:
			// "talks hosted by X", not "took the meeting as a chance to"
			if !hasMark(g, k, "to") {
				return false
			}
		}
	}
	if h := g.words[n].Head; h >= 0 {
		switch g.words[n].Rel.Base() {
		case syntax.Obl, syntax.Conj, syntax.Appos:
			return false
		case syntax.Obj:
			if lightVerbs[g.words[h].Lemma] {
				return false
			}
		}
	}
	return true
}

// meetable reports whether word w (or a word coordinated with it) can be
// whom one meets: a name, a pronoun, an envoy or a body, a noun a name
// qualifies ("the Forward alliance"), not a thing that stands for its
// owner ("received evidence from X", "received a letter from X").
func (d *doc) meetable(c *clause, w int) bool {
	g := c.g
	for _, k := range g.conjuncts(w, nil) {
		if d.mentionAt[g.tok(k)] >= 0 || g.words[k].POS == syntax.PRON || g.words[k].POS == syntax.PROPN ||
			actorNouns[g.words[k].Lemma] || pairNouns[g.lower[k]] || pairPeople[g.lower[k]] || peopleNoun(g.words[k].Lemma) {
			return true
		}
		for _, m := range g.deps(k) {
			switch g.words[m].Rel {
			case syntax.Compound, syntax.Amod, syntax.NmodPoss:
				if d.mentionAt[g.tok(m)] >= 0 {
					return true
				}
			}
		}
	}
	return false
}

// pairMet reads "the two leaders met", "both sides held talks": the pair
// named before meets, when the meeting names no one else.
func (d *doc) pairMet(c *clause, p int) {
	g := c.g
	k := g.depBase(p, syntax.NSubj)
	if k < 0 || g.depBase(p, syntax.Obj) >= 0 && g.words[p].Lemma == "meet" || len(d.prepObjects(c, p, []string{"with"})) > 0 {
		return
	}
	if o := g.depBase(p, syntax.Obj); g.words[p].Lemma != "meet" && (o < 0 || !meetingNouns[g.words[o].Lemma] || len(d.prepObjects(c, o, []string{"with", "between"})) > 0) {
		return
	}
	pair := d.pairRef(c, k)
	if len(pair) != 2 || separateActs(g, p) {
		return
	}
	ok, tense := d.asserted(c, p)
	if !ok {
		return
	}
	d.pairwise(c, p, schema.Meets, pair, tense)
}

// pressWords make a meeting noun an event for the press: "a news
// conference", "a press briefing".
var pressWords = map[string]bool{"news": true, "press": true, "media": true}

// notAMeeting reports whether meeting noun n names no meeting between
// actors: a news conference, or a round of something else ("a new round
// of missile tests").
func (d *doc) notAMeeting(c *clause, n int) bool {
	g := c.g
	for _, k := range g.deps(n) {
		switch g.words[k].Rel {
		case syntax.Compound, syntax.Amod:
			if pressWords[g.words[k].Lemma] {
				return true
			}
		}
	}
	if g.words[n].Lemma != "round" {
		return false
	}
	for _, k := range g.deps(n) {
		if g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "of" {
			return !meetingNouns[g.words[k].Lemma]
		}
	}
	return false
}

// otherCeremony reports whether ceremony noun n is one of another kind
// than a signing: "the inauguration ceremony", "a memorial ceremony".
func otherCeremony(g *grammar, n int) bool {
	for _, k := range g.deps(n) {
		switch g.words[k].Rel {
		case syntax.Compound, syntax.Amod:
			if g.words[k].Lemma != "signing" && g.words[k].POS != syntax.PROPN {
				return true
			}
		}
	}
	return false
}
