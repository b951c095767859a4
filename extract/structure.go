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
var memberNouns = map[string]bool{"member": true, "signatory": true}

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
