package extract

import (
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// priceNouns are what a threatened side will pay or face: "pay a heavy
// price", "face consequences".
var priceNouns = map[string]bool{
	"price": true, "consequence": true, "consequences": true, "retaliation": true, "reprisal": true,
	"reprisals": true, "response": true, "punishment": true, "wrath": true,
}

// hostileActs are acts a threat is about: "any attack by X would be met
// with force", "the provocation by X will not go unanswered".
var hostileActs = map[string]bool{
	"attack": true, "provocation": true, "incursion": true, "aggression": true, "move": true,
	"violation": true, "strike": true, "invasion": true, "intrusion": true, "escalation": true,
}

// threats reads warnings in words other than "warn" in clause c: "Kenya
// said Uganda would pay a heavy price", "told Togo to reopen the crossing
// or face consequences", "said any attack by Azerbaijan would be met with
// force", "the provocation by X would not go unanswered", "X would
// regret it", "vowed a firm response to any Israeli incursion". The one
// who says or vows it WARNS the one threatened. A statement of fact
// ("Iran faces new sanctions", "Peru had paid a heavy price") is none:
// the threatened consequence must be future or conditional.
func (d *doc) threats(c *clause) {
	g := c.g
	for v := range g.words {
		var targets []int
		switch lemma := g.words[v].Lemma; {
		case g.words[v].POS != syntax.VERB && g.words[v].POS != syntax.NOUN:
			continue
		case lemma == "pay" || lemma == "face":
			if o := g.depBase(v, syntax.Obj); o >= 0 && priceNouns[g.words[o].Lemma] {
				targets = d.threatened(c, v)
			}
		case lemma == "regret":
			targets = d.threatened(c, v)
		case lemma == "meet" && passive(g, v) && g.hasDepLemma(v, syntax.Obl, "force", "response", "retaliation"):
			targets = d.actAgents(c, v, syntax.NSubj)
		case lemma == "go" && g.hasDepLemma(v, syntax.Xcomp, "unanswered", "unpunished") || lemma == "unanswered" || lemma == "unpunished":
			targets = d.actAgents(c, v, syntax.NSubj)
		case g.words[v].POS == syntax.NOUN && (lemma == "response" || lemma == "retaliation") && g.words[v].Rel.Base() == syntax.Obj:
			targets = d.vowedAgainst(c, v)
		default:
			continue
		}
		if len(targets) == 0 || !d.promised(c, v) {
			continue
		}
		for _, s := range d.threateners(c, v) {
			for _, t := range targets {
				if actorOK(d.ents[t].typ) && d.sideOf(s) != d.sideOf(t) {
					d.addRel(rel{typ: schema.Warns, subj: s, obj: t, sent: c.si, confidence: 0.6, grammar: true})
				}
			}
		}
	}
}

// threatened returns who is to pay, face or regret at verb v: its
// subject, or, for "told Togo to reopen the crossing or face
// consequences", the one told.
func (d *doc) threatened(c *clause, v int) []int {
	g := c.g
	if k := g.depBase(v, syntax.NSubj); k >= 0 {
		return d.argEntities(c, k)
	}
	// "to reopen ... or face consequences": the conjunct's head is the
	// complement of "told"
	x := v
	if g.words[x].Rel == syntax.Conj && g.words[x].Head >= 0 {
		x = g.words[x].Head
	}
	if h := g.words[x].Head; h >= 0 && g.words[x].Rel.Base() == syntax.Xcomp {
		if o := g.depBase(h, syntax.Obj); o >= 0 {
			return d.argEntities(c, o)
		}
	}
	return nil
}

// actAgents returns who did the hostile act that is verb v's subject (of
// relation r): "any attack by Azerbaijan would be met with force".
func (d *doc) actAgents(c *clause, v int, r syntax.Rel) []int {
	g := c.g
	k := g.depBase(v, r)
	if k < 0 || !hostileActs[g.words[k].Lemma] {
		return nil
	}
	return d.nounAgents(c, k)
}

// vowedAgainst reads "vowed a firm response to any Israeli incursion":
// whoever does the act the response answers.
func (d *doc) vowedAgainst(c *clause, n int) []int {
	g := c.g
	h := g.words[n].Head
	if h < 0 {
		return nil
	}
	switch g.words[h].Lemma {
	case "vow", "promise", "pledge", "threaten":
	default:
		return nil
	}
	for _, k := range g.deps(n) {
		if g.words[k].Rel.Base() == syntax.Nmod && (g.caseOf(k) == "to" || g.caseOf(k) == "against") && hostileActs[g.words[k].Lemma] {
			return d.nounAgents(c, k)
		}
	}
	return nil
}

// promised reports whether the consequence at word v is promised, not
// stated as a fact: future or conditional ("would pay", "will face"),
// a complement of "told", "warned" or "vowed", or a vowed noun.
func (d *doc) promised(c *clause, v int) bool {
	g := c.g
	if g.words[v].POS == syntax.NOUN {
		return true
	}
	if g.hasDepLemma(v, syntax.Aux, "will", "would", "shall", "'ll") {
		return true
	}
	x := v
	if g.words[x].Rel == syntax.Conj && g.words[x].Head >= 0 {
		x = g.words[x].Head
	}
	if h := g.words[x].Head; h >= 0 && g.words[x].Rel.Base() == syntax.Xcomp {
		switch g.words[h].Lemma {
		case "tell", "warn", "vow", "urge", "order":
			return true
		}
	}
	return false
}

// threateners returns who makes the threat at word v: the subject of the
// verb of saying or vowing that governs it.
func (d *doc) threateners(c *clause, v int) []int {
	g := c.g
	for h, steps := v, 0; h >= 0 && steps < 6; h, steps = g.words[h].Head, steps+1 {
		p := g.words[h].Head
		if p < 0 {
			break
		}
		switch g.words[p].Lemma {
		case "say", "tell", "warn", "vow", "add", "declare", "insist", "promise", "threaten", "pledge", "state":
			if k := g.depBase(p, syntax.NSubj); k >= 0 && g.words[k].POS != syntax.PRON {
				return d.argEntities(c, k)
			}
			return nil
		}
	}
	return nil
}
