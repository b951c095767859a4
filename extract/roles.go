package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// roleHeads returns the head words of the titles (the last word of each:
// "minister", "chief", "spokesman") with the few general role nouns that
// name an office holder in an apposition.
func roleHeads(titles []Title) map[string]bool {
	heads := map[string]bool{
		"head": true, "chief": true, "leader": true, "chair": true, "chairman": true,
		"chairwoman": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
		"envoy": true, "ambassador": true, "commander": true, "director": true, "official": true,
		"member": true, "deputy": true, "representative": true, "negotiator": true,
		"candidate": true, "nominee": true, "founder": true, "analyst": true, "researcher": true,
		"economist": true, "professor": true, "lawmaker": true, "legislator": true, "activist": true,
	}
	for _, t := range titles {
		f := strings.Fields(strings.ToLower(t.Text))
		if len(f) > 0 {
			w := f[len(f)-1]
			if _, ok := heads[w]; !ok {
				heads[w] = true
			}
		}
	}
	return heads
}

// ownerCases are the prepositions that join a role to the body it is held
// in: "head of", "spokesman for", "an analyst at", "a reporter with".
var ownerCases = map[string]bool{"of": true, "for": true, "at": true, "with": true}

// roles reads the offices that sentence c's parse gives people: a role
// noun in apposition to a person's name ("Kofi Maren, spokesman for the
// ministry"; "Egypt's foreign minister, Samir Fahd"), before it ("Ceda
// chief Paul Ode"), or after a copula ("Ode is the bank's envoy"), held in
// the body or state its possessor, its "of/for/at" phrase, a demonym or a
// name before it names.
func (d *doc) roles(c *clause) {
	g := c.g
	for w := range g.words {
		p := d.personAt(c, w)
		if p < 0 || !d.mentionHead(c, w) {
			continue
		}
		var cands []int
		for _, k := range g.deps(w) {
			switch g.words[k].Rel {
			case syntax.Appos, syntax.Compound, syntax.NmodDesc:
				cands = append(cands, k)
			}
		}
		if h := g.words[w].Head; h >= 0 {
			switch g.words[w].Rel {
			case syntax.Appos:
				cands = append(cands, h)
			case syntax.NSubj:
				if g.dep(h, syntax.Cop) >= 0 {
					cands = append(cands, h)
				}
			}
		}
		cands = append(cands, d.clauseRoles(c, w)...)
		for _, r := range cands {
			d.roleOfWord(c, p, r)
		}
		d.headsBody(c, w, p)
		// "Julio Pizarro of the People's Front", "Lavrov of Russia"
		for _, k := range g.deps(w) {
			if g.words[k].Rel == syntax.Nmod && g.caseOf(k) == "of" && d.mentionAt[g.tok(k)] != d.mentionAt[g.tok(w)] {
				for _, o := range d.argEntities(c, k) {
					if d.ownerType(o) {
						d.addRel(rel{typ: schema.HoldsRole, subj: p, obj: o, sent: c.si, confidence: 0.6, grammar: true})
					}
				}
			}
		}
	}
}

// roleOfWord adds person p's HOLDS_ROLE for role noun r, when r is one and
// names its owner.
func (d *doc) roleOfWord(c *clause, p, r int) {
	g := c.g
	lemma := g.words[r].Lemma
	if i := strings.LastIndexByte(lemma, '-'); i >= 0 {
		lemma = lemma[i+1:] // "co-chairman", "vice-president"
	}
	if !d.roleNoun[lemma] && !d.roleNoun[g.lower[r]] {
		return
	}
	if d.personAt(c, r) >= 0 && d.personAt(c, r) != p {
		return
	}
	var owners []int
	var words []int
	for _, k := range g.deps(r) {
		switch g.words[k].Rel {
		case syntax.Amod, syntax.Compound, syntax.NmodDesc:
			if g.lower[k] == "former" || g.lower[k] == "ex" || g.lower[k] == "late" {
				return // a former post gives nothing
			}
			if es := d.wordEntities(c, k); len(es) > 0 && d.ownerType(es[0]) {
				owners = append(owners, es[0])
				continue
			}
			if g.words[k].POS != syntax.PROPN || d.mentionAt[g.tok(k)] < 0 {
				words = append(words, k)
			}
		case syntax.NmodPoss:
			if es := d.wordEntities(c, k); len(es) > 0 && d.ownerType(es[0]) {
				owners = append(owners, es[0])
			}
		case syntax.Nmod:
			if ownerCases[g.caseOf(k)] {
				for _, e := range d.argEntities(c, k) {
					if d.ownerType(e) {
						owners = append(owners, e)
					}
				}
			}
		}
	}
	if len(owners) == 0 || d.ents[owners[0]].typ == schema.Country && d.formerBefore(g.tok(r)) {
		return
	}
	words = append(words, r)
	role := d.roleText(c, words)
	// a national title in a state body ("Kenya's central bank governor")
	// is held in the state; a spokesperson speaks for the body itself
	if !spokesNouns[g.words[r].Lemma] {
		if st := d.stateOf(owners[0]); st >= 0 {
			owners[0] = st
		}
	}
	for _, o := range owners[:1] {
		d.addRel(rel{typ: schema.HoldsRole, subj: p, obj: o, sent: c.si, role: role, confidence: 0.7, grammar: true})
	}
}

// ownerType reports whether entity e can hold an office: a body or a state.
func (d *doc) ownerType(e int) bool {
	t := d.ents[e].typ
	return t == schema.Organization || t == schema.Country
}

// roleText writes the role's words in sentence order, lower case: "deputy
// head", "foreign minister".
func (d *doc) roleText(c *clause, words []int) string {
	for i := 1; i < len(words); i++ {
		for j := i; j > 0 && words[j] < words[j-1]; j-- {
			words[j], words[j-1] = words[j-1], words[j]
		}
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.g.lower[w])
	}
	return b.String()
}

// personAt returns the person entity word w is part of, or -1.
func (d *doc) personAt(c *clause, w int) int {
	mi := d.mentionAt[c.g.tok(w)]
	if mi < 0 || d.ments[mi].kind != mkName {
		return -1
	}
	if e := d.ments[mi].ent; d.ents[e].typ == schema.Person {
		return e
	}
	return -1
}

// mentionHead reports whether word w heads its mention: its head word lies
// outside the mention.
func (d *doc) mentionHead(c *clause, w int) bool {
	g := c.g
	mi := d.mentionAt[g.tok(w)]
	h := g.words[w].Head
	return h < 0 || d.mentionAt[g.tok(h)] != mi
}

// personsFromRoles retypes as a person a name the mention rules took for a
// body or place when the parse gives it a personal role: "Lars Ebb, the
// bloc's competition commissioner", "chairman Lars Ebb". Names from the
// gazetteer keep their type.
func (d *doc) personsFromRoles() {
	var g grammar
	for _, s := range d.sents {
		if s.to-s.from > maxSentence || d.stopped() {
			continue
		}
		g.load(d, s)
		for w := range g.words {
			mi := d.mentionAt[g.tok(w)]
			if mi < 0 || d.ments[mi].kind != mkName {
				continue
			}
			e := d.ments[mi].ent
			// a place named after a preposition ("In Washington, ...")
			// or a capital taken as a place is no person
			if t := d.ents[e].typ; t == schema.Person || d.ents[e].gaz >= 0 || t == schema.Country || d.ents[e].place {
				continue
			}
			if m := d.ments[mi]; m.from > s.from && d.syn[m.from-1].POS == syntax.ADP {
				continue
			}
			// a name with an organization's word ("X People's Party")
			// names a body, whatever role word stands beside it
			if m := d.ments[mi]; d.hasOrgWord(m.from, m.to) {
				continue
			}
			h := g.words[w].Head
			if h < 0 || d.mentionAt[g.tok(h)] == mi {
				continue
			}
			for _, k := range g.deps(w) {
				if d.mentionAt[g.tok(k)] == mi {
					continue
				}
				switch g.words[k].Rel {
				case syntax.Appos, syntax.NmodDesc:
					if d.roleNoun[g.words[k].Lemma] && g.words[k].POS == syntax.NOUN {
						d.retype(e, schema.Person)
						d.people = append(d.people, e)
					}
				}
			}
		}
	}
}

// spokesNouns name those who speak for a body: their role is in the body.
var spokesNouns = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "official": true,
	"representative": true, "analyst": true, "researcher": true, "economist": true,
}

// stateOf returns the state a state body is part of, or -1.
func (d *doc) stateOf(e int) int {
	for step := 0; step < 3 && e >= 0; step++ {
		en := d.ents[e]
		var next int
		switch {
		case en.partOf >= 0:
			next = en.partOf
		case en.partOf <= -2:
			p, ok := d.byGaz[-2-en.partOf]
			if !ok {
				return -1
			}
			next = p
		default:
			return -1
		}
		if d.ents[next].typ == schema.Country {
			return next
		}
		e = next
	}
	return -1
}

// clauseRoles returns the role nouns a person at word w takes by a verb
// of becoming, in the main clause or a relative one on the name: "Ana
// Vell, who became Chile's president in 2022,", "Vell was named Chile's
// envoy".
func (d *doc) clauseRoles(c *clause, w int) []int {
	g := c.g
	var out []int
	for _, v := range personVerbs(g, w) {
		if g.words[v].POS != syntax.VERB || !becomeVerbs[g.words[v].Lemma] {
			continue
		}
		if md, _ := d.moodOf(c, v); md != moodAssert {
			continue
		}
		for _, k := range g.deps(v) {
			if r := g.words[k].Rel; (r == syntax.Xcomp || r == syntax.Obj) && g.words[k].POS == syntax.NOUN {
				out = append(out, k)
			}
		}
	}
	return out
}

// becomeVerbs make their subject what their complement names.
var becomeVerbs = map[string]bool{"become": true, "remain": true}

// headVerbs say a person leads a body: "Ivo Brel, who heads Kenya's
// central bank,".
var headVerbs = map[string]string{"head": "head", "lead": "leader", "chair": "chair", "run": "head", "direct": "director", "command": "commander"}

// headsBody adds HOLDS_ROLE for person p at word w who heads, leads or
// chairs a body in the present: as the subject of such a verb or by a
// relative clause on the name. A past one ("led the party until 2019")
// is no current role.
func (d *doc) headsBody(c *clause, w, p int) {
	g := c.g
	for _, v := range personVerbs(g, w) {
		role, ok := headVerbs[g.words[v].Lemma]
		if !ok || g.words[v].POS != syntax.VERB || !strings.HasSuffix(g.lower[v], "s") {
			continue
		}
		if md, _ := d.moodOf(c, v); md != moodAssert {
			continue
		}
		o := g.depBase(v, syntax.Obj)
		if o < 0 {
			continue
		}
		for _, b := range d.argEntities(c, o) {
			if d.ownerType(b) {
				d.addRel(rel{typ: schema.HoldsRole, subj: p, obj: b, sent: c.si, role: role, confidence: 0.6, grammar: true})
			}
		}
	}
}

// personVerbs returns the verbs whose subject the name at word w is: the
// verb of its main clause, and the verb of a relative clause on it ("Ana
// Vell, who became ...").
func personVerbs(g *grammar, w int) []int {
	var verbs []int
	if h := g.words[w].Head; h >= 0 && g.words[w].Rel == syntax.NSubj {
		verbs = append(verbs, h)
	}
	for _, k := range g.deps(w) {
		if g.words[k].Rel == syntax.AclRelcl {
			verbs = append(verbs, k)
		}
	}
	return verbs
}
