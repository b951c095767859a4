package extract

import (
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
}

// governorMood is what a verb does to the event of the clause it governs
// ("refused to meet", "cancelled a visit", "plans to travel").
type governorMood struct {
	mood   mood
	future bool
}

// governors lists verbs and adjectives that change the event they govern.
// A governor not listed passes the event on as stated.
var governors = map[string]governorMood{
	// refusals reject what the event offered
	"refuse": {mood: moodRejects}, "decline": {mood: moodRejects},
	// threats warn whom the event would hit
	"threaten": {mood: moodWarns},
	// the event did not happen
	"cancel": {mood: moodDrop}, "postpone": {mood: moodDrop}, "scrap": {mood: moodDrop},
	"abandon": {mood: moodDrop}, "delay": {mood: moodDrop}, "suspend": {mood: moodDrop},
	"deny": {mood: moodDrop}, "fail": {mood: moodDrop}, "avoid": {mood: moodDrop},
	"stop": {mood: moodDrop}, "halt": {mood: moodDrop}, "prevent": {mood: moodDrop},
	"block": {mood: moodDrop}, "forbid": {mood: moodDrop}, "oppose": {mood: moodDrop},
	"reject": {mood: moodDrop}, "rule": {mood: moodDrop}, "doubt": {mood: moodDrop},
	"question": {mood: moodDrop}, "consider": {mood: moodDrop}, "weigh": {mood: moodDrop},
	"hope": {mood: moodDrop}, "want": {mood: moodDrop}, "wish": {mood: moodDrop},
	"try": {mood: moodDrop}, "seek": {mood: moodDrop}, "attempt": {mood: moodDrop},
	"urge": {mood: moodDrop}, "ask": {mood: moodDrop}, "call": {mood: moodDrop},
	"demand": {mood: moodDrop}, "request": {mood: moodDrop}, "press": {mood: moodDrop},
	"encourage": {mood: moodDrop}, "invite": {mood: moodDrop}, "propose": {mood: moodDrop},
	"suggest": {mood: moodDrop}, "offer": {mood: moodDrop}, "allow": {mood: moodDrop},
	"permit": {mood: moodDrop}, "fear": {mood: moodDrop}, "accuse": {mood: moodDrop},
	"allege": {mood: moodDrop}, "claim": {mood: moodDrop}, "need": {mood: moodDrop},
	"able": {mood: moodDrop}, "unable": {mood: moodDrop}, "likely": {mood: moodDrop},
	"unlikely": {mood: moodDrop}, "possible": {mood: moodDrop}, "ready": {mood: moodDrop},
	"willing": {mood: moodDrop}, "prepared": {mood: moodDrop}, "eager": {mood: moodDrop},
	"reluctant": {mood: moodDrop}, "vow": {mood: moodDrop}, "promise": {mood: moodDrop},
	"pledge": {mood: moodDrop}, "warn": {mood: moodDrop}, "debate": {mood: moodDrop},
	"discuss": {mood: moodDrop}, "aim": {mood: moodDrop}, "push": {mood: moodDrop},
	// planned events happen later
	"plan": {future: true}, "intend": {future: true}, "expect": {future: true},
	"schedule": {future: true}, "set": {future: true}, "due": {future: true},
	"prepare": {future: true}, "agree": {future: true}, "decide": {future: true},
	"go": {future: true}, "arrange": {future: true}, "slate": {future: true},
	"poise": {future: true}, "expected": {future: true}, "scheduled": {future: true},
}

// moodOf decides whether predicate p states its event, and its tense. It
// walks from p up through the clauses that govern it: negation, a
// condition, a question, a modal, a refusal or a threat on the way change
// what p states.
func (d *doc) moodOf(c *clause, p int) (mood, string) {
	g := c.g
	future := false
	cur := p
	viaConj := false
	for steps := 0; steps < 8; steps++ {
		w := g.words[cur]
		if !viaConj && negated(g, cur) {
			return moodDrop, ""
		}
		for _, k := range g.deps(cur) {
			if g.words[k].Rel.Base() != syntax.Aux {
				continue
			}
			switch g.lower[k] {
			case "will", "shall", "'ll", "’ll":
				future = true
			case "would", "could", "might", "may", "should", "must", "can", "ca", "wo":
				if g.lower[k] == "would" && reportedClause(g, cur) {
					future = true
					continue
				}
				if g.lower[k] == "can" || g.lower[k] == "ca" {
					continue
				}
				if g.lower[k] == "wo" {
					future = true
					continue
				}
				return moodDrop, ""
			}
		}
		// "if Japan attacks", "unless", "whether"
		for _, k := range g.deps(cur) {
			if g.words[k].Rel.Base() == syntax.Mark {
				switch g.lower[k] {
				case "if", "unless", "whether", "lest":
					return moodDrop, ""
				}
			}
		}
		h := w.Head
		if h < 0 {
			if c.ask {
				return moodDrop, ""
			}
			break
		}
		switch w.Rel.Base() {
		case syntax.Xcomp, syntax.Ccomp, syntax.Csubj, syntax.Advcl, syntax.Acl:
			// "to meet X" as a purpose is not stated
			if w.Rel.Base() == syntax.Advcl && hasMark(g, cur, "to") {
				return moodDrop, ""
			}
			gm, ok := governors[g.words[h].Lemma]
			if ok {
				switch gm.mood {
				case moodDrop:
					return moodDrop, ""
				case moodRejects, moodWarns:
					if negated(g, h) {
						return moodDrop, ""
					}
					return gm.mood, tense(future)
				}
				if gm.future {
					future = true
				}
			}
			// an adjective not listed ("is keen to meet") states nothing
			if w.Rel.Base() == syntax.Xcomp && g.words[h].POS == syntax.ADJ && !ok {
				return moodDrop, ""
			}
			// a clause on a noun ("the decision to impose") is no event
			if w.Rel.Base() == syntax.Acl && g.words[h].POS == syntax.NOUN && !ok {
				return moodAssert, tense(future)
			}
			viaConj = false
		case syntax.Conj:
			viaConj = true
		case syntax.Obj, syntax.NSubjPass, syntax.NSubj:
			// an event noun carried by a verb takes that verb's mood:
			// "did not impose sanctions", "cancelled a planned visit"
			if w.POS != syntax.NOUN {
				return moodAssert, tense(future)
			}
			if gm, ok := governors[g.words[h].Lemma]; ok {
				switch gm.mood {
				case moodDrop:
					return moodDrop, ""
				case moodRejects, moodWarns:
					return gm.mood, tense(future)
				}
				if gm.future {
					future = true
				}
			}
			viaConj = false
		default:
			return moodAssert, tense(future)
		}
		cur = h
	}
	return moodAssert, tense(future)
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
	h := g.words[w].Head
	return h >= 0 && g.words[w].Rel.Base() == syntax.Ccomp && reportVerbs[g.words[h].Lemma]
}

// accusationNouns and proposalNouns tell a denial from a rejection by what
// is dismissed.
var claimNouns = map[string]bool{
	"accusation": true, "charge": true, "claim": true, "allegation": true, "report": true,
	"criticism": true, "assertion": true, "suggestion": true, "statement": true, "assessment": true,
	"finding": true, "rumor": true, "rumour": true, "speculation": true,
}

var offerNouns = map[string]bool{
	"plan": true, "proposal": true, "offer": true, "demand": true, "request": true, "call": true,
	"deal": true, "bill": true, "draft": true, "initiative": true, "idea": true, "ultimatum": true,
	"package": true, "resolution": true, "invitation": true, "appeal": true, "bid": true,
	"proposition": true, "condition": true, "terms": true, "peace": true, "ceasefire": true, "truce": true,
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
