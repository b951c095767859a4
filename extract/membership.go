package extract

import (
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// chairNouns name a bloc's rotating chair: "the presidency of the EU",
// "ASEAN chair Malaysia".
var chairNouns = map[string]bool{
	"chair": true, "chairmanship": true, "chairship": true, "presidency": true, "chairman": true,
}

// chairVerbs take a chair noun as object: "holds the presidency of",
// "took over the chairmanship of", "assumed the presidency".
var chairVerbs = map[string]bool{"hold": true, "take": true, "assume": true, "hand": true}

// stateMemberships reads the membership that chairing a bloc or acceding
// to it states in clause c: "Malaysia, which chairs ASEAN", "Hungary holds
// the rotating presidency of the EU", "African Union chair Angola",
// "Sweden's accession to NATO was completed". Only a state is taken as a
// member: a person who chairs a body holds a role in it.
func (d *doc) stateMemberships(c *clause) {
	g := c.g
	for w := range g.words {
		var states, bodies []int
		switch lemma := g.words[w].Lemma; {
		case g.words[w].POS == syntax.VERB && lemma == "chair":
			if md, _ := d.moodOf(c, w); md != moodAssert {
				continue
			}
			states = d.subjectsOf(c, w)
			if o := g.depBase(w, syntax.Obj); o >= 0 {
				bodies = d.orgsOf(c, o)
			}
		case g.words[w].POS == syntax.NOUN && chairNouns[lemma]:
			states, bodies = d.chairOf(c, w)
		case g.words[w].POS == syntax.NOUN && lemma == "accession":
			states, bodies = d.accessionOf(c, w)
		default:
			continue
		}
		for _, b := range bodies {
			for _, s := range states {
				if d.ents[s].typ == schema.Country && d.ents[b].typ == schema.Organization && !d.belongsTo(s, b) {
					d.addRel(rel{typ: schema.MemberOf, subj: s, obj: b, sent: c.si, confidence: 0.6, grammar: true})
				}
			}
		}
	}
}

// chairOf reads the chair noun w: its bloc (a compound or "of" phrase) and
// the state that holds it, by apposition ("African Union chair Angola") or
// as the subject of a verb of holding ("Hungary holds the presidency").
func (d *doc) chairOf(c *clause, w int) (states, bodies []int) {
	g := c.g
	bodies = d.nounOwners(c, w)
	if len(bodies) == 0 {
		return nil, nil
	}
	for _, k := range g.deps(w) {
		if r := g.words[k].Rel; r == syntax.Appos || r == syntax.Flat {
			states = appendNew(states, d.argEntities(c, k)...)
		}
	}
	if h := g.words[w].Head; h >= 0 && g.words[w].Rel.Base() == syntax.Obj && chairVerbs[g.words[h].Lemma] {
		if md, _ := d.moodOf(c, h); md == moodAssert {
			states = appendNew(states, d.subjectsOf(c, h)...)
			// "took over the presidency from Belgium"
			for _, k := range g.deps(h) {
				if g.words[k].Rel.Base() == syntax.Obl && g.caseOf(k) == "from" {
					states = appendNew(states, d.argEntities(c, k)...)
				}
			}
		}
	}
	return states, bodies
}

// accessionOf reads "Sweden's accession to NATO" when the accession is
// stated as done: the subject of "was completed" or "took effect".
func (d *doc) accessionOf(c *clause, w int) (states, bodies []int) {
	g := c.g
	h := g.words[w].Head
	if h < 0 || !subjectRel(g.words[w].Rel) {
		return nil, nil
	}
	switch g.words[h].Lemma {
	case "complete", "finalize", "finalise", "conclude", "take":
	default:
		return nil, nil
	}
	if md, _ := d.moodOf(c, h); md != moodAssert {
		return nil, nil
	}
	for _, k := range g.deps(w) {
		switch {
		case g.words[k].Rel == syntax.NmodPoss:
			states = d.argEntities(c, k)
		case g.words[k].Rel.Base() == syntax.Nmod && g.caseOf(k) == "to":
			bodies = d.orgsOf(c, k)
		}
	}
	return states, bodies
}
