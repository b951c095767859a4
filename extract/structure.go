package extract

import (
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// subunitNouns name a body that is part of another: "the bloc's executive
// arm", "UN agency", "a unit of", "its subsidiary".
var subunitNouns = map[string]bool{
	"agency": true, "arm": true, "body": true, "unit": true, "branch": true, "wing": true,
	"division": true, "department": true, "ministry": true, "court": true, "mission": true,
	"force": true, "army": true, "navy": true, "police": true, "council": true, "committee": true,
	"commission": true, "office": true, "secretariat": true, "organ": true, "service": true,
	"authority": true, "bureau": true, "directorate": true, "subsidiary": true, "regulator": true,
	"watchdog": true, "tribunal": true, "parliament": true, "legislature": true, "cabinet": true,
	"programme": true, "program": true, "fund": true, "operation": true, "guard": true,
}

// stateBodyWords in an organization's own name make it a state body that
// its possessor owns: "Russia's Defence Ministry", "Sudan's Armed Forces".
var stateBodyWords = map[string]bool{
	"ministry": true, "army": true, "forces": true, "navy": true, "police": true, "guard": true,
	"council": true, "court": true, "agency": true, "service": true, "parliament": true,
	"senate": true, "assembly": true, "commission": true, "committee": true, "office": true,
	"department": true, "authority": true, "bank": false, "cabinet": true, "presidency": true,
	"embassy": true, "mission": true, "directorate": true, "bureau": true, "tribunal": true,
}

// memberNouns name the members of a body: "ASEAN members Indonesia and
// Malaysia", "member states of the bloc".
var memberNouns = map[string]bool{
	"member": true, "signatory": true, "producer": true, "exporter": true, "economy": true,
	"state": true, "country": true, "nation": true, "ally": true, "partner": true,
}

// blocNouns name a body made of its members: "the Mercosur bloc of
// Brazil, Argentina, Paraguay and Uruguay".
var blocNouns = map[string]bool{
	"bloc": true, "alliance": true, "grouping": true, "group": true, "union": true, "club": true,
	"coalition": true, "organisation": true, "organization": true, "community": true,
	"partnership": true, "league": true, "federation": true, "consortium": true, "cartel": true,
	"confederation": true, "association": true,
}

// formingVerbs make a bloc of its members: "the confederation formed by
// Mali, Burkina Faso and Niger".
var formingVerbs = map[string]bool{
	"form": true, "found": true, "create": true, "establish": true, "compose": true, "make": true,
}

// includeVerbs say what a body is made of: "ASEAN, which includes Laos".
var includeVerbs = map[string]bool{
	"include": true, "comprise": true, "group": true, "bring": false, "unite": true, "count": true,
}

// structure reads PART_OF and MEMBER_OF that the parse of sentence c
// gives by apposition and modification: "WFP, the UN's food agency",
// "Russia's Defence Ministry", "ASEAN members Indonesia and Malaysia".
func (d *doc) structure(c *clause) {
	g := c.g
	for w := range g.words {
		mi := d.mentionAt[g.tok(w)]
		if mi < 0 || d.ments[mi].kind != mkName || !d.mentionHead(c, w) {
			continue
		}
		e := d.ments[mi].ent
		var nouns []int
		for _, k := range g.deps(w) {
			switch g.words[k].Rel {
			case syntax.Appos, syntax.Compound, syntax.NmodDesc:
				if d.mentionAt[g.tok(k)] != mi && g.words[k].POS == syntax.NOUN {
					nouns = append(nouns, k)
				}
			case syntax.NmodPoss:
				// "Russia's Defence Ministry": a state body by its name
				if d.ents[e].typ == schema.Organization && d.stateBody(mi) {
					for _, o := range d.wordEntities(c, k) {
						if d.ownerType(o) && o != e {
							d.setPartOf(e, o)
						}
					}
				}
			}
		}
		if h := g.words[w].Head; h >= 0 && g.words[w].Rel == syntax.Appos && g.words[h].POS == syntax.NOUN && d.mentionAt[g.tok(h)] < 0 {
			nouns = append(nouns, h)
		}
		for _, n := range nouns {
			lemma := g.words[n].Lemma
			switch {
			case memberNouns[lemma]:
				for _, o := range d.nounOwners(c, n) {
					if d.ents[o].typ == schema.Organization && o != e && (d.ents[e].typ == schema.Country || d.ents[e].typ == schema.Organization) {
						for _, m := range d.withConjuncts(c, w, []int{e}) {
							d.addRel(rel{typ: schema.MemberOf, subj: m, obj: o, sent: c.si, confidence: 0.65, grammar: true})
						}
					}
				}
			case subunitNouns[lemma] && d.ents[e].typ == schema.Organization && !g.hasDepLemma(n, syntax.Compound, "news", "press", "media"):
				for _, o := range d.nounOwners(c, n) {
					if o != e {
						d.setPartOf(e, o)
						break
					}
				}
			}
		}
	}
}

// members reads membership that a noun phrase or a verb of inclusion
// states: "the Mercosur bloc of Brazil and Argentina", "Brazil and Chile,
// both members of Mercosur", "members such as Chile", "ASEAN, which
// includes Laos".
func (d *doc) members(c *clause) {
	g := c.g
	for w := range g.words {
		lemma := g.words[w].Lemma
		var bodies, ms []int
		switch {
		case g.words[w].POS == syntax.NOUN && blocNouns[lemma]:
			for _, k := range g.deps(w) {
				switch g.words[k].Rel {
				case syntax.Compound, syntax.Appos, syntax.NmodDesc:
					bodies = appendNew(bodies, d.orgsOf(c, k)...)
				case syntax.Nmod:
					if g.caseOf(k) == "of" {
						ms = d.argEntities(c, k)
					}
				case syntax.Acl:
					// "the confederation formed by Mali and Niger"
					if formingVerbs[g.words[k].Lemma] {
						if a := agent(g, k); a >= 0 {
							ms = appendNew(ms, d.argEntities(c, a)...)
						}
					}
				}
			}
			if h := g.words[w].Head; h >= 0 && g.words[w].Rel == syntax.Appos {
				bodies = appendNew(bodies, d.orgsOf(c, h)...)
			}
		case g.words[w].POS == syntax.NOUN && memberNouns[lemma]:
			bodies = d.nounOwners(c, w)
			for _, k := range g.deps(w) {
				switch g.words[k].Rel {
				case syntax.Appos, syntax.Flat:
					ms = appendNew(ms, d.argEntities(c, k)...)
				case syntax.Nmod:
					if cs := g.caseOf(k); cs == "like" || cs == "as" || cs == "such" || cs == "including" {
						ms = appendNew(ms, d.argEntities(c, k)...)
					}
				}
			}
			// "Brazil and Chile, both members of Mercosur"
			if h := g.words[w].Head; h >= 0 && g.words[w].Rel == syntax.Appos {
				ms = appendNew(ms, d.argEntities(c, h)...)
			}
			pb, pm := d.predicateMember(c, w)
			bodies, ms = appendNew(bodies, pb...), appendNew(ms, pm...)
		case g.words[w].POS == syntax.VERB && includeVerbs[lemma]:
			if md, _ := d.moodOf(c, w); md != moodAssert {
				continue
			}
			for _, s := range d.subjectsOf(c, w) {
				if d.ents[s].typ == schema.Organization {
					bodies = append(bodies, s)
				}
			}
			if o := g.depBase(w, syntax.Obj); o >= 0 {
				ms = d.argEntities(c, o)
			}
		default:
			continue
		}
		for _, b := range bodies {
			if d.ents[b].typ != schema.Organization {
				continue
			}
			for _, m := range ms {
				if t := d.ents[m].typ; m != b && (t == schema.Country || t == schema.Organization) && !d.belongsTo(m, b) {
					d.addRel(rel{typ: schema.MemberOf, subj: m, obj: b, sent: c.si, confidence: 0.6, grammar: true})
				}
			}
		}
	}
}

// orgsOf returns the organizations word w names.
func (d *doc) orgsOf(c *clause, w int) []int {
	var out []int
	for _, e := range d.argEntities(c, w) {
		if d.ents[e].typ == schema.Organization {
			out = append(out, e)
		}
	}
	return out
}

// partOfByEmbeddedName makes a body part of the body or state its own
// name starts with or ends in: "U.N. Verification Mission in Colombia",
// "EU Border Agency", "Court of Justice of the European Union", "Council
// of the EU". A name found whole in the gazetteer keeps the gazetteer's
// parent.
func (d *doc) partOfByEmbeddedName() {
	for _, m := range d.ments {
		e := m.ent
		if m.kind != mkName || d.ents[e].typ != schema.Organization || d.ents[e].gaz >= 0 || d.ents[e].partOf != -1 || m.to-m.from < 3 {
			continue
		}
		// the head: "U.N. ...", "EU ..."
		if gp, ok := d.lx.matchGaz(d.toks, m.from, m.to); ok && m.from+len(gp.words) < m.to {
			if t := d.lx.types[gp.entry]; t == schema.Organization {
				if p := d.gazEnt(gp.entry); p != e {
					d.setPartOf(e, p)
				}
				continue
			}
		}
		// the tail: "... of the European Union"
		for k := m.to - 2; k > m.from; k-- {
			if d.toks[k].lower != "of" {
				continue
			}
			at := k + 1
			if d.toks[at].lower == "the" {
				at++
			}
			// a body of a body only: "the Bank of China" or "the
			// University of Tarsk" is no state body
			if gp, ok := d.lx.matchGaz(d.toks, at, m.to); ok && at+len(gp.words) == m.to {
				if t := d.lx.types[gp.entry]; t == schema.Organization {
					if p := d.gazEnt(gp.entry); p != e {
						d.setPartOf(e, p)
					}
				}
			}
			break
		}
	}
}

// nounOwners returns the bodies or states a noun is said to belong to: its
// possessor, its "of" phrase, a name or demonym before it.
func (d *doc) nounOwners(c *clause, n int) []int {
	g := c.g
	var out []int
	for _, k := range g.deps(n) {
		switch g.words[k].Rel {
		case syntax.NmodPoss, syntax.Compound, syntax.Amod:
		case syntax.Nmod:
			if g.caseOf(k) != "of" {
				continue
			}
		default:
			continue
		}
		for _, o := range d.wordEntities(c, k) {
			if d.ownerType(o) {
				out = appendNew(out, o)
			}
		}
	}
	return out
}

// stateBody reports whether mention mi names a state body by a word of its
// own name ("Defence Ministry", "Armed Forces").
func (d *doc) stateBody(mi int) bool {
	m := d.ments[mi]
	for k := m.from; k < m.to; k++ {
		if stateBodyWords[d.toks[k].lower] {
			return true
		}
	}
	return false
}

// predicateMember reads the member noun w as a predicate: "Sweden became
// NATO's 32nd member", "Peru is a member of the bloc" (the subjects are
// members), or as an apposition to an object, whose body is the clause's
// subject: "the African Union suspended Mali, a member state". It returns
// the bodies and the members; none when the clause is negated or not
// asserted.
func (d *doc) predicateMember(c *clause, w int) (bodies, ms []int) {
	g := c.g
	head := w
	// "a member state": the noun the member word modifies.
	if g.words[w].Rel == syntax.Compound && g.words[w].Head >= 0 {
		head = g.words[w].Head
	}
	if md, _ := d.moodOf(c, head); md != moodAssert {
		return nil, nil
	}
	if g.dep(head, syntax.Cop) >= 0 {
		return nil, d.subjectsOf(c, head)
	}
	h := g.words[head].Head
	if h < 0 {
		return nil, nil
	}
	switch {
	case g.words[head].Rel == syntax.Xcomp && (g.words[h].Lemma == "become" || g.words[h].Lemma == "remain"):
		return nil, d.subjectsOf(c, h)
	case g.words[head].Rel == syntax.Appos && g.words[h].Rel == syntax.Obj && g.words[h].Head >= 0 && head != w:
		for _, s := range d.subjectsOf(c, g.words[h].Head) {
			if d.ents[s].typ == schema.Organization {
				bodies = append(bodies, s)
			}
		}
		if len(bodies) > 0 {
			ms = d.argEntities(c, h)
		}
	}
	return bodies, ms
}
