package extract

import (
	"github.com/kgraph/kg/schema"
)

// rel is one relation found in the article, between document entities.
type rel struct {
	typ        schema.RelationType
	subj, obj  int
	sent       int
	tense      string
	role       string
	confidence float64
	// grammar marks a relation the grammar pass found.
	grammar bool
	// cue is the token of the word that states the relation, plus one (0:
	// not known); the relation's date is the one nearest it.
	cue int
}

// clauseBreak reports whether token t ends the search for a subject.
func clauseBreak(t token) bool {
	return t.text == ";" || t.text == ":" || isOpenQuote(t.text) || t.text == "”"
}

// specOf returns the ontology's spec of relation type t, whose traits
// (Hostile, Judging, Appraising, ActObject) steer the relation rules.
func specOf(t schema.RelationType) schema.RelationSpec {
	s, _ := t.Spec()
	return s
}

// actorOK reports whether entity type t can take part in an interaction.
func actorOK(t schema.EntityType) bool {
	return t == schema.Person || t == schema.Organization || t == schema.Country || t == schema.Group
}

// The relation passes: the grammar pass reads each sentence's parse, the
// rules pass its tokens.
const (
	passGrammar = 1 << iota
	passRules
)

// passes selects the relation passes that run (tests compare them).
var passes = passGrammar | passRules

// findRelations applies the relation rules to every sentence.
func (d *doc) findRelations() {
	d.mentionAt = make([]int, len(d.toks))
	for i := range d.mentionAt {
		d.mentionAt[i] = -1
	}
	for mi, m := range d.ments {
		for k := m.from; k < m.to; k++ {
			d.mentionAt[k] = mi
		}
	}
	d.objMention = map[int]bool{}
	if passes&passGrammar != 0 {
		d.personsFromRoles()
		d.partOfByEmbeddedName()
	}
	d.markAppositions()
	var g grammar
	for si, s := range d.sents {
		if d.stopped() {
			return
		}
		if passes&passGrammar != 0 && s.to-s.from <= maxSentence {
			g.load(d, s)
			last := d.toks[s.to-1].text
			d.grammarRelations(&clause{si: si, s: s, g: &g, ask: last == "?"})
		}
		if passes&passRules != 0 {
			d.sentenceRelations(si, s)
		}
	}
	d.structural()
	if passes&passGrammar != 0 {
		d.preferGrammarRoles()
		d.applyVetoes()
	}
	if passes == passGrammar|passRules {
		// after the vetoes: the sanctions it reads from stand
		d.punishmentReasons()
	}
	d.dropOwnSide()
}

// ownSideTypes are the relations of cooperation, which an actor does not
// have with its own state or body. (Meeting is left out: the head of a
// body attending its summit meets it.)
var ownSideTypes = map[schema.RelationType]bool{
	schema.Supports: true, schema.Agrees: true, schema.Proposes: true,
}

// dropOwnSide removes a relation of cooperation between an actor and the
// state or body it belongs to: "Fiji's Finance Minister X welcomed the
// loan ... Fiji needed" is no SUPPORTS of Fiji by its minister, nor
// "Ghana's Department of Fisheries thanked Senegal" one of Ghana by its
// department.
func (d *doc) dropOwnSide() {
	out := d.rels[:0]
	for _, r := range d.rels {
		if ownSideTypes[r.typ] && (d.belongsTo(r.subj, r.obj) || d.belongsTo(r.obj, r.subj)) {
			continue
		}
		out = append(out, r)
	}
	d.rels = out
}

// accusersIn returns the subjects of the accusations against obj made in
// sentence si.
func (d *doc) accusersIn(si, obj int) []int {
	var out []int
	for _, a := range d.accusations {
		if a.sent == si && a.obj == obj {
			out = append(out, a.subj)
		}
	}
	return out
}

// belongsTo reports whether entity e is target or speaks for it: a role
// held, an organization part of it, through up to three steps.
func (d *doc) belongsTo(e, target int) bool {
	for step := 0; step < 4 && e >= 0; step++ {
		if e == target {
			return true
		}
		next := -1
		en := d.ents[e]
		switch {
		case en.partOf >= 0:
			next = en.partOf
		case en.partOf <= -2:
			if p, ok := d.byGaz[-2-en.partOf]; ok {
				next = p
			}
		case en.typ == schema.Person:
			d.indexMentions()
			if o, ok := d.ownerOf[e]; ok {
				next = o
			}
		}
		e = next
	}
	return false
}

// lastMentionSent returns the sentence of e's last mention before token x.
func (d *doc) lastMentionSent(e, x int) int {
	for k, stop := d.scanRange(x); k >= stop; k-- {
		if m := d.ments[k]; m.ent == e && m.to <= x {
			return m.sent
		}
	}
	return -1
}

// firstMentionOf returns the first mention of e in tokens [from, to).
func (d *doc) firstMentionOf(e, from, to int) int {
	lo, hi := 0, len(d.ments)
	if si := d.tokSent[from]; si < len(d.sentEnd) {
		hi = d.sentEnd[si]
		if si > 0 {
			lo = d.sentEnd[si-1]
		}
	}
	for mi := lo; mi < hi; mi++ {
		if m := d.ments[mi]; m.ent == e && m.from >= from && m.to <= to {
			return mi
		}
	}
	return -1
}

// sentenceCountry is the first state named in sentence si, or -1.
func (d *doc) sentenceCountry(si int) int {
	lo := 0
	if si > 0 {
		lo = d.sentEnd[si-1]
	}
	for mi := lo; mi < d.sentEnd[si]; mi++ {
		if m := d.ments[mi]; m.sent == si && d.ents[m.ent].typ == schema.Country {
			return m.ent
		}
	}
	return -1
}

// recentCountry returns the state most recently named before token x, by
// its name, a demonym or an organization of its own, or -1.
func (d *doc) recentCountry(x int) int {
	for k, stop := d.scanRange(x); k >= stop; k-- {
		m := d.ments[k]
		if m.to > x {
			continue
		}
		en := d.ents[m.ent]
		if en.typ == schema.Country {
			return m.ent
		}
		if en.typ == schema.Organization && en.partOf >= 0 && d.ents[en.partOf].typ == schema.Country {
			return en.partOf
		}
	}
	return -1
}

func (d *doc) firstSent(e int) int {
	d.indexMentions()
	if si, ok := d.firstSentOf[e]; ok {
		return si
	}
	return 0
}

// indexMentions builds, once mentions are final, each entity's first
// sentence and the owner its titles give it.
func (d *doc) indexMentions() {
	if d.firstSentOf != nil {
		return
	}
	d.firstSentOf = map[int]int{}
	d.ownerOf = map[int]int{}
	for _, m := range d.ments {
		if _, ok := d.firstSentOf[m.ent]; !ok {
			d.firstSentOf[m.ent] = m.sent
		}
		if _, ok := d.ownerOf[m.ent]; !ok && m.owner >= 0 {
			d.ownerOf[m.ent] = m.owner
		}
	}
}

func (d *doc) addRel(r rel) {
	if r.subj == r.obj || r.subj < 0 || r.obj < 0 {
		return
	}
	// "shelled Kharkiv": an attack on a city is an attack on its state.
	if r.typ == schema.Fights && d.ents[r.obj].typ == schema.Location {
		if g := d.ents[r.obj].gaz; g >= 0 && d.lx.partOf[g] >= 0 && d.lx.types[d.lx.partOf[g]] == schema.Country {
			r.obj = d.gazEnt(d.lx.partOf[g])
			if r.subj == r.obj {
				return
			}
		}
	}
	if !r.typ.Allows(d.ents[r.subj].typ, d.ents[r.obj].typ) {
		return
	}
	// Armed conflict is between states and armed bodies, not persons.
	if r.typ == schema.Fights && (d.ents[r.subj].typ == schema.Person || d.ents[r.obj].typ == schema.Person) {
		return
	}
	d.rels = append(d.rels, r)
	if _, ok := d.roleOf[r.subj]; !ok && r.typ == schema.HoldsRole {
		d.roleOf[r.subj] = r.obj
	}
	if r.typ == schema.Meets {
		// "the two sides agreed" after a meeting: its two sides
		d.lastMeet = append(d.lastMeet[:0], d.sideOf(r.subj), d.sideOf(r.obj))
		d.meetSent = r.sent
	}
	if r.typ == schema.Accuses {
		d.accusations = append(d.accusations, r)
	}
	if r.typ == schema.Proposes {
		d.lastProposer[r.obj] = r.subj
	}
}

// heads returns the mentions of sentence si that may be subject or object
// of a verb, in order.
func (d *doc) heads(s sentence) []int {
	var out []int
	lo, hi := 0, len(d.ments)
	if si := d.tokSent[s.from]; si < len(d.sentEnd) {
		hi = d.sentEnd[si]
		if si > 0 {
			lo = d.sentEnd[si-1]
		}
	}
	for mi := lo; mi < hi; mi++ {
		m := d.ments[mi]
		if m.from >= s.from && m.to <= s.to && (!m.mod || m.poss) && !d.appos[mi] {
			out = append(out, mi)
		}
	}
	return out
}

// maxScan bounds how far back the look-ups of recent mentions go, so that
// extraction stays linear on articles with very many names.
const maxScan = 2000

// scanRange returns the mention indexes to scan back from for token x:
// from the last mention of x's sentence (mentions are stored sentence by
// sentence) down to at most maxScan before it.
func (d *doc) scanRange(x int) (start, stop int) {
	start = len(d.ments) - 1
	if x < len(d.tokSent) && d.tokSent[x] < len(d.sentEnd) {
		start = d.sentEnd[d.tokSent[x]] - 1
	}
	stop = start - maxScan
	if stop < 0 {
		stop = 0
	}
	return start, stop
}

// sideOf is the state or body a person speaks for, else the entity.
func (d *doc) sideOf(e int) int {
	if d.ents[e].typ != schema.Person {
		return e
	}
	d.indexMentions()
	if o, ok := d.ownerOf[e]; ok {
		return o
	}
	if o, ok := d.roleOf[e]; ok {
		return o
	}
	return e
}

// lastActorExcept is the most recent non-person actor head before x that
// is not one of skip.
func (d *doc) lastActorExcept(x int, skip []int) int {
next:
	for k, stop := d.scanRange(x); k >= stop; k-- {
		m := d.ments[k]
		if m.to > x || m.mod {
			continue
		}
		t := d.ents[m.ent].typ
		if t != schema.Organization && t != schema.Country && t != schema.Group {
			continue
		}
		for _, e := range skip {
			if e == m.ent || d.belongsTo(e, m.ent) {
				continue next
			}
		}
		return m.ent
	}
	return -1
}

// sentOf returns the index of the sentence holding token x.
func (d *doc) sentOf(x int) int {
	if x < len(d.tokSent) {
		return d.tokSent[x]
	}
	return 0
}

// lastActor is the most recent non-person actor mentioned as a head before x.
func (d *doc) lastActor(x int) int {
	for k, stop := d.scanRange(x); k >= stop; k-- {
		m := d.ments[k]
		if m.to <= x && !m.mod {
			t := d.ents[m.ent].typ
			if t == schema.Organization || t == schema.Country || t == schema.Group {
				return m.ent
			}
		}
	}
	return -1
}

// lastTwo returns the two most recent distinct states (else organizations
// or groups) named as heads before x, leaving out the entities in skip.
func (d *doc) lastTwo(x int, skip ...int) []int {
	for _, types := range [][]schema.EntityType{{schema.Country}, {schema.Country, schema.Organization, schema.Group}} {
		var out []int
	next:
		for k, stop := d.scanRange(x); k >= stop && len(out) < 2; k-- {
			m := d.ments[k]
			if m.to > x || m.mod {
				continue
			}
			for _, e := range skip {
				if e == m.ent || d.belongsTo(e, m.ent) {
					continue next
				}
			}
			for _, t := range types {
				if d.ents[m.ent].typ == t && (len(out) == 0 || out[0] != m.ent) {
					out = append(out, m.ent)
					break
				}
			}
		}
		if len(out) == 2 {
			return out
		}
	}
	return nil
}

// preferGrammarRoles drops the roles the token rules gave a person in a
// sentence where the parse gave the person a role in another body.
func (d *doc) preferGrammarRoles() {
	type key struct{ subj, sent int }
	parsed := map[key]int{}
	for _, r := range d.rels {
		if r.grammar && r.typ == schema.HoldsRole {
			parsed[key{r.subj, r.sent}] = r.obj
		}
	}
	if len(parsed) == 0 {
		return
	}
	out := d.rels[:0]
	for _, r := range d.rels {
		// the token rules' role stays where the parse's body is part of
		// it ("Kenya's central bank governor": Kenya and its bank)
		if o, ok := parsed[key{r.subj, r.sent}]; ok && !r.grammar && r.typ == schema.HoldsRole && r.obj != o && !d.belongsTo(o, r.obj) {
			continue
		}
		out = append(out, r)
	}
	d.rels = out
}

// applyVetoes drops the relations of the token rules that the grammar pass
// read as not stated, and every relation they found in a question.
func (d *doc) applyVetoes() {
	type key struct {
		sent, subj int
		typ        schema.RelationType
	}
	vetoed := map[key]bool{}
	readAs := map[[3]int]schema.RelationType{} // sentence, subject, cue: the parse's reading
	for _, v := range d.vetoes {
		if v.cue > 0 {
			readAs[[3]int{v.sent, v.subj, v.cue}] = v.typ
			continue
		}
		vetoed[key{v.sent, v.subj, v.typ}] = true
	}
	denied := map[denial]bool{}
	for _, dn := range d.denied {
		denied[dn] = true
	}
	out := d.rels[:0]
	for _, r := range d.rels {
		if denied[denial{subj: d.sideOf(r.subj), typ: r.typ, obj: d.sideOf(r.obj)}] || denied[denial{subj: r.subj, typ: r.typ, obj: r.obj}] {
			continue
		}
		if !r.grammar && !schemaStructural(r.typ) {
			s := d.sents[r.sent]
			// a veto with no subject holds for the whole sentence
			if vetoed[key{r.sent, r.subj, r.typ}] || vetoed[key{r.sent, -1, r.typ}] || d.toks[s.to-1].text == "?" {
				continue
			}
			if t, ok := readAs[[3]int{r.sent, r.subj, r.cue}]; ok && r.cue > 0 && t != r.typ {
				continue
			}
		}
		out = append(out, r)
	}
	d.rels = out
}

func schemaStructural(t schema.RelationType) bool {
	spec, _ := t.Spec()
	return spec.Structural
}
