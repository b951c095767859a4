package extract

import (
	"strings"

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

var accusationNouns = map[string]bool{
	"accusation": true, "accusations": true, "charge": true, "charges": true, "claim": true,
	"claims": true, "allegation": true, "allegations": true, "report": true, "reports": true,
	"criticism": true, "assertion": true, "assertions": true, "statement": true, "suggestion": true,
	"suggestions": true, "accusation,": true,
}

var proposalNouns = map[string]bool{
	"plan": true, "proposal": true, "proposals": true, "offer": true, "demand": true, "demands": true,
	"request": true, "call": true, "calls": true, "deal": true, "bill": true, "draft": true,
	"initiative": true, "idea": true, "ultimatum": true, "package": true, "resolution": true,
}

var negators = map[string]bool{
	"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true,
	"without": true, "could": true, "might": true, "may": true, "if": true, "unless": true,
	"whether": true, "instead": true, "rather": true,
}

var futureMarkers = map[string]bool{"will": true, "would": true, "shall": true, "'ll": true}

var toFuture = map[string]bool{
	"expected": true, "due": true, "set": true, "scheduled": true, "plans": true, "plan": true,
	"planned": true, "planning": true, "intends": true, "intend": true, "going": true, "slated": true,
	"poised": true, "preparing": true, "prepared": true,
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
}

// markAppositions marks the mentions that rename or describe the mention
// before them, which are then neither subject nor object of a verb: a
// name in brackets or after "known as", and the mentions inside ", a
// reporter with X," after a person. It records the role such an
// apposition states (see personApposition).
func (d *doc) markAppositions() {
	d.appos = make([]bool, len(d.ments))
	// Mentions in brackets and after "known as" rename what precedes them.
	for mi, m := range d.ments {
		if d.afterKnownAs(m) || m.from >= 1 && d.toks[m.from-1].text == "(" {
			d.appos[mi] = true
		}
	}
	for mi, m := range d.ments {
		if d.ents[m.ent].typ != schema.Person || m.mod {
			continue
		}
		d.personApposition(mi, m)
	}
}

// afterKnownAs reports whether m follows "known as", "dubbed as" or "known
// as the".
func (d *doc) afterKnownAs(m mention) bool {
	toks := d.toks
	return m.from >= 2 && toks[m.from-1].lower == "as" && (toks[m.from-2].lower == "known" || toks[m.from-2].lower == "dubbed") ||
		m.from >= 3 && toks[m.from-1].lower == "the" && toks[m.from-2].lower == "as" && toks[m.from-3].lower == "known"
}

// personApposition reads the apposition after person mention mi, if it
// has one: ", a spokesman for the ministry,". An untitled name described
// as an organization becomes one; a title there with a body to own it
// gives the person a role in the body, unless the role is a former one.
// The mentions inside the apposition are marked.
func (d *doc) personApposition(mi int, m mention) {
	j := m.to
	s := d.sents[m.sent]
	if j+1 >= s.to || d.toks[j].text != "," {
		return
	}
	k := d.appositionEnd(s, j+1)
	first := d.toks[j+1].lower
	if first == "who" || first == "which" {
		return
	}
	article := first == "a" || first == "an" || first == "the"
	// "Sabor Já, a food delivery app,": the apposition says what the
	// name is; an untitled "person" named so is an organization.
	if article && m.title == "" && m.owner < 0 {
		d.retypeDescribed(m.ent, j, k)
		if d.ents[m.ent].typ != schema.Person {
			return
		}
	}
	tp, tStart, hasTitle := d.appositionTitle(j, k)
	if !hasTitle && !article {
		return
	}
	former := false
	for x := j + 1; x < k; x++ {
		if d.toks[x].lower == "former" || d.toks[x].lower == "ex" || d.toks[x].lower == "late" {
			former = true
		}
	}
	owner := d.appositionOwner(mi, j, k)
	if hasTitle && owner >= 0 && !former {
		role := d.span(tStart, tStart+len(tp.words))
		d.addRel(rel{typ: schema.HoldsRole, subj: m.ent, obj: owner, sent: m.sent, role: role, confidence: 0.8})
	}
}

// appositionEnd returns where an apposition starting at token k ends: at
// the next comma, semicolon, full stop or dash outside brackets, or at the
// end of sentence s.
func (d *doc) appositionEnd(s sentence, k int) int {
	depth := 0
	for k < s.to {
		t := d.toks[k].text
		if t == "(" {
			depth++
		} else if t == ")" {
			depth--
		} else if depth == 0 && (t == "," || t == ";" || t == "." || t == "—") {
			break
		}
		k++
	}
	return k
}

// retypeDescribed makes entity e an organization when the apposition
// between the comma at j and token k describes it as one before any name
// or preposition: "a food delivery app", "a firm based in".
func (d *doc) retypeDescribed(e, j, k int) {
	toks := d.toks
	for x := j + 2; x < k && x < j+7; x++ {
		w := toks[x].lower
		if d.mentionAt[x] >= 0 || w == "of" || w == "for" || w == "with" || w == "who" {
			return
		}
		if orgDescriptors[w] && (x+1 == k || toks[x+1].lower == "that" || toks[x+1].lower == "which" || toks[x+1].lower == "of" || toks[x+1].lower == "in" || toks[x+1].lower == "based") {
			d.retype(e, schema.Organization)
			return
		}
	}
}

// appositionTitle returns the first title in the first words of the
// apposition between the comma at j and token k, and where it starts.
func (d *doc) appositionTitle(j, k int) (tp phrase, start int, ok bool) {
	for x := j + 1; x < k && x < j+8; x++ {
		if p, ok := d.lx.matchTitle(d.toks, x, k); ok {
			return p, x, true
		}
	}
	return phrase{}, -1, false
}

// appositionOwner marks the mentions of the apposition of mention mi
// (between the comma at j and token k) and returns the body that owns its
// title: the body after "at", "for", "with" or "of" ("an Iran analyst at
// the International Crisis Group"), else the first body, else -1.
func (d *doc) appositionOwner(mi, j, k int) int {
	owner, prepOwner := -1, -1
	for x := j + 1; x < k; x++ {
		o := d.mentionAt[x]
		if o < 0 || o == mi {
			continue
		}
		d.appos[o] = true
		oe := d.ments[o].ent
		if d.ments[o].kind == mkDemonym && d.ments[o].mod || d.ents[oe].typ != schema.Organization && d.ents[oe].typ != schema.Country {
			continue
		}
		if owner < 0 {
			owner = oe
		}
		if prepOwner < 0 && d.ments[o].from == x {
			p := x - 1
			if d.toks[p].lower == "the" {
				p--
			}
			if ownerPreps[d.toks[p].lower] {
				prepOwner = oe
			}
		}
	}
	if prepOwner >= 0 {
		return prepOwner
	}
	return owner
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

// agentOf finds the "by X" agent of a passive cue.
func (d *doc) agentOf(s sentence, heads []int, cEnd int) []int {
	for k := cEnd; k < s.to && k < cEnd+8; k++ {
		if d.toks[k].lower != "by" {
			continue
		}
		for _, mi := range heads {
			m := d.ments[mi]
			if m.from > k && m.from <= k+6 && actorOK(d.ents[m.ent].typ) && !m.poss {
				return []int{m.ent}
			}
		}
		return nil
	}
	return nil
}

// retype changes the type of entity e, unless a title made it a person.
func (d *doc) retype(e int, t schema.EntityType) {
	for _, m := range d.ments {
		if m.ent == e && (m.title != "" || m.owner >= 0) {
			return
		}
	}
	d.ents[e].typ = t
	for k, p := range d.people {
		if p == e {
			d.people = append(d.people[:k], d.people[k+1:]...)
			break
		}
	}
}

// structural emits HOLDS_ROLE from titles (see titleRole) and from "led
// by", MEMBER_OF from appositions (see memberships), and PART_OF from
// names.
func (d *doc) structural() {
	owned := map[int]bool{}
	for _, m := range d.ments {
		if m.owner >= 0 {
			owned[m.ent] = true
		}
	}
	for _, r := range d.rels {
		if r.typ == schema.HoldsRole {
			owned[r.subj] = true
		}
	}
	for _, m := range d.ments {
		d.titleRole(m, owned)
	}
	d.leaderRoles()
	d.memberships()
	for e, en := range d.ents {
		if en.partOf >= 0 && en.typ == schema.Organization {
			pt := d.ents[en.partOf].typ
			if pt == schema.Country || pt == schema.Organization {
				d.addRel(rel{typ: schema.PartOf, subj: e, obj: en.partOf, sent: d.firstSent(e), confidence: 0.8})
			}
		}
	}
}

// titleRole gives the person of mention m a role by its title: in the
// title's owner ("Russian Foreign Minister Sergei Lavrov"); else, when the
// person holds no role yet (owned), in the body the title names ("Army
// spokesman") or, for a title of a state, in the state spoken of (see
// titleState).
func (d *doc) titleRole(m mention, owned map[int]bool) {
	if d.ents[m.ent].typ != schema.Person {
		return
	}
	if m.owner >= 0 {
		ot := d.ents[m.owner].typ
		if ot == schema.Organization || ot == schema.Country {
			d.addRel(rel{typ: schema.HoldsRole, subj: m.ent, obj: m.owner, sent: m.sent, role: m.title, confidence: 0.85})
		}
		return
	}
	if m.title == "" || owned[m.ent] {
		return
	}
	if o := d.titleBody(m); o >= 0 {
		d.addRel(rel{typ: schema.HoldsRole, subj: m.ent, obj: o, sent: m.sent, role: m.title, confidence: 0.6})
		owned[m.ent] = true
		return
	}
	if !nationalTitle[m.tclass] && !stateTitle(m.title) {
		return
	}
	if c := d.titleState(m); c >= 0 {
		d.addRel(rel{typ: schema.HoldsRole, subj: m.ent, obj: c, sent: m.sent, role: m.title, confidence: 0.6})
	}
}

// titleState returns the state a title of mention m belongs to when the
// text names none with it ("Foreign Minister Margus Tsahkna"): the state
// the text speaks of just before, else the dateline's; for a state's own
// service ("Government spokeswoman X said Slovakia ...") the state the
// sentence names. It returns -1 when there is none.
func (d *doc) titleState(m mention) int {
	c := d.recentCountry(m.from)
	if h, ok := d.byGaz[d.homeGaz]; ok && d.homeGaz >= 0 && (c < 0 || d.lastMentionSent(c, m.from) < m.sent-1) {
		c = h
	}
	if stateTitle(m.title) {
		if sc := d.sentenceCountry(m.sent); sc >= 0 {
			c = sc
		}
	}
	return c
}

// leaderRoles reads "The Sudanese Armed Forces (SAF), led by General Abdel
// Fattah al-Burhan,": the leader holds a role in the body.
func (d *doc) leaderRoles() {
	for k := 0; k+2 < len(d.toks); k++ {
		if d.toks[k+1].lower != "by" {
			continue
		}
		switch d.toks[k].lower {
		case "led", "headed", "commanded", "chaired", "run":
		default:
			continue
		}
		var body, leader = -1, -1
		for x := k - 1; x >= 0 && x >= k-6; x-- {
			if mi := d.mentionAt[x]; mi >= 0 && d.ents[d.ments[mi].ent].typ == schema.Organization {
				body = d.ments[mi].ent
				break
			}
		}
		for x := k + 2; x < len(d.toks) && x <= k+5; x++ {
			if mi := d.mentionAt[x]; mi >= 0 {
				if d.ents[d.ments[mi].ent].typ == schema.Person {
					leader = d.ments[mi].ent
				}
				break
			}
		}
		if body >= 0 && leader >= 0 {
			d.addRel(rel{typ: schema.HoldsRole, subj: leader, obj: body, sent: d.sentOf(k), role: "leader", confidence: 0.7})
		}
	}
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

// stateTitle reports whether a title names the state's own service:
// "Government spokeswoman", "Presidential spokesman".
func stateTitle(t string) bool {
	t = strings.ToLower(t)
	return strings.HasPrefix(t, "government ") || strings.HasPrefix(t, "presidential ") || strings.HasPrefix(t, "state ")
}

// memberships finds MEMBER_OF stated by appositions and "joined": "Turkey,
// a NATO member,", "Denmark, a non-permanent member of the council,",
// "Hungary, which joined the EU in 2004,".
func (d *doc) memberships() {
	for _, m := range d.ments {
		t := d.ents[m.ent].typ
		if (t != schema.Country && t != schema.Organization) || m.to+3 >= len(d.toks) || d.toks[m.to].text != "," {
			continue
		}
		s := d.sents[m.sent]
		end := m.to + 1
		for end < s.to && d.toks[end].text != "," && end < m.to+14 {
			end++
		}
		member, joined := false, false
		for k := m.to + 1; k < end; k++ {
			switch d.toks[k].lower {
			case "member", "members":
				member = true
			case "joined":
				joined = k == m.to+2 && d.toks[m.to+1].lower == "which"
			}
		}
		if !member && !joined {
			continue
		}
		for k := m.to + 1; k < end; k++ {
			if mi := d.mentionAt[k]; mi >= 0 {
				o := d.ments[mi].ent
				if d.ents[o].typ == schema.Organization && (member || d.ents[o].gaz >= 0 && len(d.lx.children[d.ents[o].gaz]) > 0) {
					d.addRel(rel{typ: schema.MemberOf, subj: m.ent, obj: o, sent: m.sent, confidence: 0.7})
					break
				}
			}
		}
	}
}

// titleBody finds the body a title with no owner belongs to: "Army
// spokesman" the armed forces named last, "Chief Executive" the company
// named last.
func (d *doc) titleBody(m mention) int {
	start, stop := d.scanRange(m.from)
	first := strings.ToLower(strings.Fields(m.title + " x")[0])
	if words := bodyWords[first]; len(words) > 0 {
		for k := start; k >= stop; k-- {
			o := d.ments[k]
			if o.to > m.from || d.ents[o.ent].typ != schema.Organization {
				continue
			}
			for _, w := range words {
				if strings.Contains(d.ents[o.ent].name, w) {
					return o.ent
				}
			}
		}
		return -1
	}
	if m.tclass == "business" {
		for k := start; k >= stop; k-- {
			o := d.ments[k]
			if o.to <= m.from && d.ents[o.ent].typ == schema.Organization && d.ents[o.ent].gaz < 0 {
				return o.ent
			}
		}
	}
	return -1
}

// nationalTitle lists the title classes that belong to a state.
var nationalTitle = map[string]bool{"head": true, "minister": true}

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

// maxSentence is the longest sentence, in tokens, that the relation rules
// read; a longer run of text is no sentence of news and is left alone.
const maxSentence = 400

// sentenceRelations applies the token rules to sentence si: it reads every
// cue of the sentence with its subjects and objects (see cueScan.read),
// then the talks its coordinated actors held, then the objectless
// criticisms and warnings.
func (d *doc) sentenceRelations(si int, s sentence) {
	if s.to-s.from > maxSentence {
		return
	}
	sc := cueScan{d: d, si: si, s: s, heads: d.heads(s)}
	sc.lastSubj = d.openingSubject(s, sc.heads)
	// sentObjs holds, by subject, the objects of the subject's hostile
	// cues, which objectless criticisms and warnings take (see pending).
	// It stays out of cueScan so that it stays on the stack.
	sentObjs := map[int][]int{}
	for i := s.from; i < s.to && !d.stop(); i++ {
		if d.mentionAt[i] >= 0 {
			continue
		}
		c, ok := d.cues.match(d.toks, i, s.to)
		if !ok {
			continue
		}
		h := cueHit{c: c, i: i, end: i + len(c.words), typ: c.typ}
		if sc.read(&h) == cueDone {
			i = h.end - 1
		}
		if h.lends {
			for _, sj := range h.subjs {
				sentObjs[sj] = h.objs
			}
		}
	}
	d.talksBetween(si, s, sc.heads)
	sc.relatePending(sentObjs)
}

// cueScan is the state of the token rules over one sentence.
type cueScan struct {
	d     *doc
	si    int
	s     sentence
	heads []int // the sentence's head mentions (see heads)
	// lastSubj starts as the subject of the sentence's first clause, for
	// verbs coordinated with a verb that is not a cue ("said ..., but
	// warned"); then it is the subject the last cue took.
	lastSubj []int
	// pending are cues without an object ("condemned the violation"); they
	// take the object a hostile cue of the same subject names in the
	// sentence ("... and warned Moscow").
	pending []rel
}

// cueHit is a cue at tokens [i, end) of the sentence and what the rules
// read of it: its type (which a rule may change), tense, voice, subjects
// and objects.
type cueHit struct {
	c       cue
	i, end  int
	typ     schema.RelationType
	future  bool
	passive bool
	subjs   []int
	objs    []int
	// lends marks a hostile cue with objects, which it lends to the
	// pending cues of its subjects.
	lends bool
}

// verdict is what a rule makes of a cue.
type verdict uint8

const (
	cueGo   verdict = iota // the rule has no say: read on
	cueNone                // the word is no cue here: go on from the next token
	cueDone                // the cue is read: go on after its last token
)

// read reads cue h: the rules that settle it before its ends, its subjects
// and objects, the rules of particular cue words, the objects implied
// elsewhere, and then the relations it states.
func (sc *cueScan) read(h *cueHit) verdict {
	if v := sc.guard(h); v != cueGo {
		return v
	}
	h.future = sc.d.isFuture(sc.s, h.i)
	h.passive = sc.d.isPassive(sc.s, h.i, h.c)
	sc.findSubjects(h)
	sc.findObjects(h)
	if v := sc.wordRules(h); v != cueGo {
		return v
	}
	sc.impliedObjects(h)
	sc.remember(h)
	sc.emit(h)
	return cueDone
}

// guard applies the rules that settle a cue before its ends are read: a
// form that is no verb here, reduced passives, an accuser named by a
// pronoun, a noun cue after "and", negation and reported speech. It also
// retypes a rejection or a denial by what is rejected.
func (sc *cueScan) guard(h *cueHit) verdict {
	d, s, toks := sc.d, sc.s, sc.d.toks
	if h.c.nounLike && !d.verbContext(s, h.i) {
		return cueNone
	}
	if sc.toInfinitive(h) {
		return cueDone
	}
	if sc.reducedAccusation(h) {
		return cueNone
	}
	if sc.accusedBeforePronoun(h) {
		return cueDone
	}
	if sc.reducedPassive(h) {
		return cueNone
	}
	sc.retypeRejection(h)
	if h.c.noun && h.i > s.from && (toks[h.i-1].lower == "and" || h.i-2 >= s.from && toks[h.i-2].lower == "and") {
		return cueDone
	}
	if h.typ == schema.Denies && len(h.c.words) == 1 && !d.denialFollows(s, h.end) {
		return cueDone
	}
	if d.negated(s, h.i) || d.reported(s, h.i) {
		return cueDone
	}
	return cueGo
}

// toInfinitive reports a noun cue ending in a preposition that a verb
// follows: "a proposal to fund ..." relates nobody.
func (sc *cueScan) toInfinitive(h *cueHit) bool {
	toks := sc.d.toks
	if !h.c.noun || h.c.words[len(h.c.words)-1] != "to" || h.end >= sc.s.to || toks[h.end].kind != tkWord || toks[h.end].cap || sc.d.mentionAt[h.end] >= 0 {
		return false
	}
	switch toks[h.end].lower {
	case "the", "a", "an", "its", "their", "his", "her", "both", "all":
		return false
	}
	return true
}

// reducedAccusation reports a reduced passive, which names no accuser:
// "31 companies accused of helping Moscow".
func (sc *cueScan) reducedAccusation(h *cueHit) bool {
	toks := sc.d.toks
	return h.typ == schema.Accuses && h.end < sc.s.to && toks[h.end].lower == "of" && strings.HasSuffix(toks[h.i].lower, "ed")
}

// accusedBeforePronoun reads "Rwandan officers it accuses of commanding the
// rebels": the accused stand before the pronoun that accuses them. It
// reports whether the cue is such an accusation.
func (sc *cueScan) accusedBeforePronoun(h *cueHit) bool {
	d, s, toks, i := sc.d, sc.s, sc.d.toks, h.i
	if h.typ != schema.Accuses || h.end >= s.to || toks[h.end].lower != "of" || i-1 <= s.from {
		return false
	}
	p := toks[i-1].lower
	if p != "it" && p != "they" && p != "he" && p != "she" {
		return false
	}
	var sj int
	if p == "he" || p == "she" {
		sj = d.lastPerson(i - 1)
	} else {
		sj = d.mainSubject(s, sc.heads, i-1)
	}
	for k := len(sc.heads) - 1; k >= 0 && sj >= 0; k-- {
		m := d.ments[sc.heads[k]]
		if m.to <= i-1 && m.ent != sj {
			if !d.negated(s, i) {
				d.addRel(rel{typ: h.typ, subj: sj, obj: m.ent, sent: sc.si, confidence: 0.6})
			}
			break
		}
	}
	return true
}

// reducedPassive reports a reduced passive inside a noun phrase, which
// relates nobody named: "a bill proposed by U.S. lawmakers".
func (sc *cueScan) reducedPassive(h *cueHit) bool {
	d, s, toks, i := sc.d, sc.s, sc.d.toks, h.i
	return len(h.c.words) == 1 && strings.HasSuffix(toks[i].lower, "ed") && h.end < s.to && toks[h.end].lower == "by" && !d.hasAuxBefore(s, i) && (i == s.from || d.mentionAt[i-1] < 0)
}

// retypeRejection retypes a rejection or a denial by what follows it:
// "rejected the charge" is a denial; "dismissed the plan" a rejection.
func (sc *cueScan) retypeRejection(h *cueHit) {
	if h.typ != schema.Rejects && h.typ != schema.Denies {
		return
	}
	toks := sc.d.toks
	for k := h.end; k < sc.s.to && k < h.end+7 && toks[k].text != ","; k++ {
		if accusationNouns[toks[k].lower] {
			h.typ = schema.Denies
			return
		}
		if proposalNouns[toks[k].lower] {
			h.typ = schema.Rejects
			return
		}
	}
}

// findSubjects finds the cue's subjects: a passive's agent, the subject of
// the verb it is coordinated with, else the subject before it; failing
// all, the subject of the last cue.
func (sc *cueScan) findSubjects(h *cueHit) {
	d, s := sc.d, sc.s
	switch {
	case h.passive:
		h.subjs = d.agentOf(s, sc.heads, h.end)
	case d.coordinatedVerb(s, h.i) && len(sc.lastSubj) > 0:
		// "said Iran had no intention ..., but warned the E3": the
		// second verb shares the first one's subject.
		h.subjs = sc.lastSubj
	default:
		h.subjs = d.subjectOf(s, sc.heads, h.i)
	}
	if len(h.subjs) == 0 && !h.passive {
		h.subjs = sc.lastSubj
	} else {
		sc.lastSubj = h.subjs
	}
}

// findObjects finds the cue's objects: a passive's subject, who made the
// claim denied, the controlling body, the other party of a deal, or the
// actors after the cue.
func (sc *cueScan) findObjects(h *cueHit) {
	d, s := sc.d, sc.s
	switch {
	case h.passive:
		h.objs = d.passiveObject(s, sc.heads, h.i)
	case h.typ == schema.Denies:
		h.objs = sc.claimants(h)
	case h.typ == schema.PartOf:
		h.objs = sc.controller(h)
	case h.typ == schema.Agrees && sc.agreedTo(h, true):
		h.objs = sc.dealParty(h)
	case h.typ == schema.Agrees && sc.agreedTo(h, false):
		// "A and B agreed to restore ties": mutual, no object.
	default:
		h.objs = d.objectOf(s, sc.heads, h.end, h.typ, h.subjs)
	}
}

// claimants returns who made the claim a denial rejects and records that
// they accused the subjects' side: "denied allegations by Western
// countries".
func (sc *cueScan) claimants(h *cueHit) []int {
	d := sc.d
	objs := d.claimant(sc.s, h.end)
	for _, c := range objs {
		for _, sj := range h.subjs {
			if side := d.sideOf(sj); d.ents[side].typ != schema.Person {
				d.addRel(rel{typ: schema.Accuses, subj: c, obj: side, sent: sc.si, confidence: 0.6})
			}
		}
	}
	return objs
}

// controller returns the body named just after a control cue: "Sabor Já,
// which is controlled by Vermeer Capital".
func (sc *cueScan) controller(h *cueHit) []int {
	d := sc.d
	for _, mi := range sc.heads {
		if m := d.ments[mi]; m.from >= h.end && m.from <= h.end+6 && d.ents[m.ent].typ != schema.Person && !m.poss {
			return []int{m.ent}
		}
	}
	return nil
}

// agreedTo reports whether "to" and a verb follow an agreement, past a
// time phrase: with deal, a verb of a deal ("agreed on Monday to buy");
// without, any lower-case word after "to" or "on" ("agreed to restore
// ties").
func (sc *cueScan) agreedTo(h *cueHit, deal bool) bool {
	toks := sc.d.toks
	k := sc.d.skipTime(sc.s, h.end)
	if k+1 >= sc.s.to {
		return false
	}
	if deal {
		return toks[k].lower == "to" && dealVerbs[toks[k+1].lower]
	}
	return (toks[k].lower == "to" || toks[k].lower == "on") && toks[k+1].kind == tkWord && !toks[k+1].cap
}

// dealParty returns the other party of "A agreed on Monday to buy B": a
// deal between the two, which agree both ways.
func (sc *cueScan) dealParty(h *cueHit) []int {
	d := sc.d
	objs := d.objectOf(sc.s, sc.heads, d.skipTime(sc.s, h.end)+2, h.typ, h.subjs)
	for _, o := range objs {
		for _, sj := range h.subjs {
			d.addRel(rel{typ: schema.Agrees, subj: o, obj: sj, sent: sc.si, confidence: 0.6})
		}
	}
	return objs
}

// wordRules applies the rules of particular cue words, which find the
// objects elsewhere or read the cue as stating nothing.
func (sc *cueScan) wordRules(h *cueHit) verdict {
	if v := sc.standWith(h); v != cueGo {
		return v
	}
	if v := sc.readyTo(h); v != cueGo {
		return v
	}
	if v := sc.publishTo(h); v != cueGo {
		return v
	}
	if v := sc.receivePerson(h); v != cueGo {
		return v
	}
	if v := sc.tellBody(h); v != cueGo {
		return v
	}
	return sc.between(h)
}

// standWith reads "stood \"shoulder to shoulder\" with Estonia", "stood
// firmly behind Kyiv": standing is support only with someone.
func (sc *cueScan) standWith(h *cueHit) verdict {
	switch h.c.words[0] {
	case "stood", "stand", "stands", "standing":
	default:
		return cueGo
	}
	d, s, toks := sc.d, sc.s, sc.d.toks
	h.objs = nil
	for k := h.end; k < s.to && k < h.end+7; k++ {
		if w := toks[k].lower; w == "behind" || w == "with" || w == "by" {
			h.objs = d.objectOf(s, sc.heads, k+1, h.typ, h.subjs)
			break
		}
	}
	if len(h.objs) == 0 {
		return cueDone
	}
	return cueGo
}

// readyTo reads "was ready to host talks between Moscow and Kiev", "ready
// to continue the talks": an offer to the parties, those named after
// "between" or else the pair named last.
func (sc *cueScan) readyTo(h *cueHit) verdict {
	d, s, toks := sc.d, sc.s, sc.d.toks
	if w := toks[h.i].lower; !(w == "ready" || w == "willing" || w == "prepared") || h.end >= s.to || !readyVerbs[toks[h.end].lower] {
		return cueGo
	}
	h.objs = nil
	for k := h.end; k+1 < s.to && k < h.end+10; k++ {
		if toks[k].lower == "between" {
			h.objs = d.objectOf(s, sc.heads, k+1, h.typ, h.subjs)
			break
		}
	}
	if len(h.objs) == 0 {
		for _, e := range d.lastPair {
			keep := true
			for _, sj := range h.subjs {
				if sj == e || d.belongsTo(sj, e) {
					keep = false
				}
			}
			if keep {
				h.objs = append(h.objs, e)
			}
		}
	}
	if len(h.objs) == 0 {
		return cueDone
	}
	return cueGo
}

// publishTo reads "published Russia's two draft agreements ..., which
// Moscow expects from Washington and NATO": putting forward a draft is
// proposing it to those it is addressed to.
func (sc *cueScan) publishTo(h *cueHit) verdict {
	if h.typ != schema.Proposes || len(h.c.words) != 1 || !publishForms[h.c.words[0]] {
		return cueGo
	}
	if !sc.d.nounAfterN(sc.s, h.end, proposalNouns, 6) {
		return cueDone
	}
	h.objs = sc.addressees(h)
	if len(h.objs) == 0 {
		return cueDone
	}
	return cueGo
}

// addressees returns the first actor after the cue, behind one of
// addresseePreps, that is not the subjects' own, with the actors
// coordinated with it ("from Washington and NATO").
func (sc *cueScan) addressees(h *cueHit) []int {
	d, s, toks := sc.d, sc.s, sc.d.toks
	var objs []int
	for k := h.end; k < s.to; k++ {
		mi := d.mentionAt[k]
		if mi < 0 || k == 0 || !addresseePreps[toks[k-1].lower] {
			continue
		}
		o := d.ments[mi].ent
		if !actorOK(d.ents[o].typ) {
			continue
		}
		own := false
		for _, sj := range h.subjs {
			if sj == o || d.belongsTo(sj, o) {
				own = true
			}
		}
		if !own {
			objs = append(objs, o)
			for x := d.ments[mi].to; x+1 < s.to && toks[x].lower == "and" && d.mentionAt[x+1] >= 0; {
				objs = append(objs, d.ments[d.mentionAt[x+1]].ent)
				x = d.ments[d.mentionAt[x+1]].to
			}
			break
		}
	}
	return objs
}

// receivePerson reads "will receive Rubio in Doha": receiving a person is
// meeting him; receiving anything else is not.
func (sc *cueScan) receivePerson(h *cueHit) verdict {
	switch h.c.words[0] {
	case "receive", "received", "receives", "receiving":
	default:
		return cueGo
	}
	d := sc.d
	if h.end >= sc.s.to || d.mentionAt[h.end] < 0 || d.ents[d.ments[d.mentionAt[h.end]].ent].typ != schema.Person {
		return cueDone
	}
	return cueGo
}

// tellBody reads "told the council": speaking to a body's meeting is
// meeting it; telling reporters or a person is not.
func (sc *cueScan) tellBody(h *cueHit) verdict {
	switch h.c.words[0] {
	case "tell", "told", "tells", "telling":
	default:
		return cueGo
	}
	d := sc.d
	var keep []int
	for _, o := range h.objs {
		if d.ents[o].typ == schema.Organization && h.end < sc.s.to && d.mentionAt[h.end] >= 0 && d.ments[d.mentionAt[h.end]].ent == o {
			keep = append(keep, o)
		}
	}
	h.objs = keep
	if len(h.objs) == 0 {
		return cueDone
	}
	return cueGo
}

// between reads "war between the two sides", "talks between A and B": the
// parties relate to each other; talks between them that a subject holds
// are also meetings with it.
func (sc *cueScan) between(h *cueHit) verdict {
	if h.c.words[len(h.c.words)-1] != "between" || len(h.objs) != 2 {
		return cueGo
	}
	sc.d.addRel(rel{typ: h.typ, subj: h.objs[0], obj: h.objs[1], sent: sc.si, confidence: 0.65})
	if h.typ != schema.Meets || len(h.subjs) == 0 {
		return cueDone
	}
	return cueGo
}

// impliedObjects finds the objects of a cue that names none after it: the
// antecedent of a relative clause, the owner "its" refers to, the actor
// a pronoun stands for, the parties of a deal appraised; and for a denial
// or a rejection, who made the accusation, proposal or call rejected.
func (sc *cueScan) impliedObjects(h *cueHit) {
	d, s := sc.d, sc.s
	if !h.passive {
		if len(h.objs) == 0 {
			h.objs = d.relativeObject(s, sc.heads, h.i, h.subjs)
		}
		if len(h.objs) == 0 {
			h.objs = d.itsObject(s, sc.heads, h.end, h.subjs)
		}
		if len(h.objs) == 0 {
			sc.pronounObject(h)
		}
		if len(h.objs) == 0 && specOf(h.typ).Appraising {
			h.objs = d.dealParties(s, h.end, h.subjs)
		}
	}
	if len(h.objs) == 0 {
		switch h.typ {
		case schema.Denies:
			sc.accusersDenied(h)
		case schema.Rejects:
			sc.proposersRejected(h)
		}
	}
}

// pronounObject reads "accused it of", "urged it to": a pronoun object is
// the actor named last that is not the subject.
func (sc *cueScan) pronounObject(h *cueHit) {
	toks := sc.d.toks
	if h.end+1 < sc.s.to && toks[h.end].lower == "it" && (h.typ == schema.Accuses || h.typ == schema.Criticizes || h.typ == schema.Warns || h.typ == schema.Requests && toks[h.end+1].lower == "to") {
		if e := sc.d.lastActorExcept(h.end, h.subjs); e >= 0 {
			h.objs = []int{e}
		}
	}
}

// accusersDenied takes as the objects of a denial the accusers of the
// latest accusation against the subjects or the bodies they speak for.
func (sc *cueScan) accusersDenied(h *cueHit) {
	d := sc.d
	for k := len(d.accusations) - 1; k >= 0 && len(h.objs) == 0; k-- {
		ac := d.accusations[k]
		for _, sj := range h.subjs {
			if d.belongsTo(sj, ac.obj) {
				h.objs = append(h.objs, d.accusersIn(ac.sent, ac.obj)...)
				break
			}
		}
	}
}

// proposersRejected takes as the objects of a rejection who last proposed
// something to the subjects, else, for "rejected the call", who last
// called on them.
func (sc *cueScan) proposersRejected(h *cueHit) {
	d := sc.d
	for _, sj := range h.subjs {
		if a, ok := d.lastProposer[sj]; ok {
			h.objs = append(h.objs, a)
		}
	}
	if len(h.objs) > 0 || !d.nounAfter(sc.s, h.end, requestNouns) {
		return
	}
	for k := len(d.rels) - 1; k >= 0 && len(h.objs) == 0; k-- {
		r := d.rels[k]
		for _, sj := range h.subjs {
			if r.typ == schema.Requests && d.belongsTo(sj, r.obj) {
				h.objs = append(h.objs, r.subj)
				break
			}
		}
	}
}

// remember records what later cues and sentences read of this one: an
// objectless criticism or warning waits for an object (see cueScan), the
// pair of actors named together, and the objects of a hostile act. It
// also retypes an approval of a loan "to" someone as support.
func (sc *cueScan) remember(h *cueHit) {
	d := sc.d
	if len(h.objs) == 0 && specOf(h.typ).ActObject && len(h.subjs) > 0 {
		for _, sj := range h.subjs {
			sc.pending = append(sc.pending, rel{typ: h.typ, subj: sj, sent: sc.si, confidence: 0.6})
		}
	}
	if h.typ == schema.Agrees && len(h.objs) == 1 && !h.passive && sc.givenTo(h) {
		// "approved a loan to Argentina": giving, not agreeing.
		h.typ = schema.Supports
	}
	if len(h.objs) == 2 {
		d.lastPair = append(d.lastPair[:0], h.objs...)
	} else if len(h.subjs) == 2 {
		d.lastPair = append(d.lastPair[:0], h.subjs...)
	}
	h.lends = len(h.objs) > 0 && specOf(h.typ).Hostile
}

// givenTo reports whether the cue's one object is named after "to", a word
// or more past the cue: "approved a loan to Argentina".
func (sc *cueScan) givenTo(h *cueHit) bool {
	d := sc.d
	mi := d.firstMentionOf(h.objs[0], h.end, sc.s.to)
	return mi >= 0 && d.ments[mi].from > sc.s.from && d.toks[d.ments[mi].from-1].lower == "to" && d.ments[mi].from > h.end+1
}

// emit adds the relations the cue states: between its subjects and its
// objects, or, for a mutual cue with coordinated subjects and no object,
// among the subjects. A visit for talks with a state, or to a body, is
// also a meeting.
func (sc *cueScan) emit(h *cueHit) {
	d := sc.d
	tense := ""
	if h.future {
		tense = "future"
	}
	conf := 0.7
	if len(h.c.words) > 1 {
		conf = 0.75
	}
	if len(h.objs) == 0 && h.c.mutual && len(h.subjs) >= 2 {
		for a := 0; a < len(h.subjs); a++ {
			for b := 0; b < len(h.subjs); b++ {
				if a != b && (!h.typ.Symmetric() || a < b) {
					d.addRel(rel{typ: h.typ, subj: h.subjs[a], obj: h.subjs[b], sent: sc.si, tense: tense, confidence: conf - 0.1})
				}
			}
		}
		return
	}
	for _, sj := range h.subjs {
		for _, oj := range h.objs {
			d.addRel(rel{typ: h.typ, subj: sj, obj: oj, sent: sc.si, tense: tense, confidence: conf})
			if h.typ == schema.Visits && d.ents[oj].typ == schema.Country && d.talksFollow(sc.s, h.end) {
				// "travel to Iran for talks": visits and meets it.
				d.addRel(rel{typ: schema.Meets, subj: sj, obj: oj, sent: sc.si, tense: tense, confidence: conf - 0.1})
			}
			if h.typ == schema.Visits && d.ents[oj].typ != schema.Location && d.ents[oj].typ != schema.Country {
				// travelling to an organization is meeting it too
				d.addRel(rel{typ: schema.Meets, subj: sj, obj: oj, sent: sc.si, tense: tense, confidence: conf - 0.1})
			}
		}
	}
}

// relatePending gives each objectless criticism or warning the objects a
// hostile cue of the same subject took in the sentence, held in sentObjs
// by subject.
func (sc *cueScan) relatePending(sentObjs map[int][]int) {
	for _, p := range sc.pending {
		for _, o := range sentObjs[p.subj] {
			p.obj = o
			sc.d.addRel(p)
		}
	}
}

// talksBetween adds MEETS among a sentence's coordinated subjects when the
// sentence speaks of talks they held: "A and B agreed ... after two days of
// talks".
func (d *doc) talksBetween(si int, s sentence, heads []int) {
	has := false
	for k := s.from; k < s.to; k++ {
		switch d.toks[k].lower {
		case "talks", "negotiations", "consultations":
			if !d.negated(s, k) && !d.reported(s, k) {
				has = true
			}
		}
	}
	if !has || len(heads) < 2 {
		return
	}
	// the first coordinated list of actors in the sentence
	for a := 0; a+1 < len(heads); a++ {
		m1, m2 := d.ments[heads[a]], d.ments[heads[a+1]]
		gap := d.toks[m1.to:m2.from]
		if len(gap) == 1 && gap[0].lower == "and" && actorOK(d.ents[m1.ent].typ) && actorOK(d.ents[m2.ent].typ) && !m1.poss && !m2.poss {
			d.addRel(rel{typ: schema.Meets, subj: m1.ent, obj: m2.ent, sent: si, confidence: 0.6})
			return
		}
	}
}

// hasAuxBefore reports whether a finite verb or a subject stands right
// before the participle at i ("has accused", "India accused").
func (d *doc) hasAuxBefore(s sentence, i int) bool {
	if i == s.from {
		return false
	}
	p := d.toks[i-1]
	switch p.lower {
	case "has", "have", "had", "also", "again", "repeatedly", "publicly", "previously", "he", "she", "it", "they", "we",
		"was", "were", "is", "are", "been", "be", "being":
		return true
	}
	if d.mentionAt[i-1] >= 0 {
		// "India accused Pakistan of": a subject, unless a list of
		// companies or people is being described.
		return true
	}
	return false
}

// openingSubject is the subject the sentence opens with: a pronoun
// resolved, or its first actor outside prepositional phrases.
func (d *doc) openingSubject(s sentence, heads []int) []int {
	if s.to-s.from < 2 {
		return nil
	}
	switch d.toks[s.from].lower {
	case "he", "she":
		if e := d.lastPerson(s.from); e >= 0 {
			return []int{e}
		}
		return nil
	}
	if len(heads) > 0 {
		m := d.ments[heads[0]]
		if (m.from == s.from || m.from == s.from+1 && d.toks[s.from].lower == "the") && !m.poss {
			if actorOK(d.ents[m.ent].typ) {
				return []int{m.ent}
			}
		}
	}
	return nil
}

// relativeBefore returns the token range of a relative clause (", who
// ..., ") that ends right before the verb at i, or an empty range.
func (d *doc) relativeBefore(s sentence, i int) (int, int) {
	p := i - 1
	for p > s.from {
		switch d.toks[p].lower {
		case "has", "have", "had", "was", "is", "were", "are", "will", "would", "also", "then", "later", "again", "already", "not":
			p--
			continue
		}
		break
	}
	if p <= s.from || d.toks[p].text != "," {
		return -1, -1
	}
	for k := p - 1; k > s.from; k-- {
		if d.toks[k].text == "," || d.toks[k].text == ";" {
			if k+1 < p {
				switch d.toks[k+1].lower {
				case "who", "which", "whose", "whom":
					return k, p
				}
				// ", led by General Abdel Fattah al-Burhan,"
				if k+2 < p && strings.HasSuffix(d.toks[k+1].lower, "ed") && d.toks[k+2].lower == "by" {
					return k, p
				}
			}
			return -1, -1
		}
	}
	return -1, -1
}

// talksFollow reports whether "for talks" or "to meet" follows a visit.
func (d *doc) talksFollow(s sentence, cEnd int) bool {
	for k := cEnd; k+1 < s.to && k < cEnd+8; k++ {
		w, n := d.toks[k].lower, d.toks[k+1].lower
		if w == "for" && (n == "talks" || n == "a" && k+2 < s.to && d.toks[k+2].lower == "meeting") || w == "to" && n == "meet" {
			return true
		}
		if d.toks[k].text == "," || d.toks[k].text == ";" {
			return false
		}
	}
	return false
}

// coordinatedVerb reports whether the cue at i opens a verb phrase
// coordinated with an earlier one: "..., but warned", "and urged".
func (d *doc) coordinatedVerb(s sentence, i int) bool {
	k := i - 1
	for k > s.from && (d.toks[k].lower == "also" || strings.HasSuffix(d.toks[k].lower, "ly")) {
		k--
	}
	if k <= s.from {
		return false
	}
	w := d.toks[k].lower
	if w != "but" && w != "and" {
		return false
	}
	// "thanked the bloc and called on it": the name before "and" is the
	// object of the first verb, not a second subject.
	if mi := d.mentionAt[k-1]; mi >= 0 {
		return d.objMention[mi]
	}
	return true
}

// verbContext reports whether the word at i, which may be a noun, stands
// as a verb: after a name, a pronoun, an auxiliary, "to" or an adverb that
// follows one.
func (d *doc) verbContext(s sentence, i int) bool {
	for k := i - 1; k >= s.from && k >= i-2; k-- {
		if d.mentionAt[k] >= 0 {
			return k == i-1 || d.toks[k+1].kind == tkWord && strings.HasSuffix(d.toks[k+1].lower, "ly")
		}
		switch d.toks[k].lower {
		case "to", "will", "would", "must", "should", "could", "may", "might", "not", "n't", "did",
			"does", "do", "can", "they", "we", "i", "you", "he", "she", "it", "also", "both", "jointly":
			return true
		}
		if !strings.HasSuffix(d.toks[k].lower, "ly") {
			return false
		}
	}
	return false
}

// denialFollows reports whether the verb "deny" at cEnd denies a claim:
// "denied the accusation", "denied that ...", "denied supporting", "denied
// it", or nothing more ("Rwanda denies.").
func (d *doc) denialFollows(s sentence, cEnd int) bool {
	for k := cEnd; k < s.to && k < cEnd+4; k++ {
		w := d.toks[k].lower
		if accusationNouns[w] || w == "that" || w == "it" || w == "any" || w == "involvement" || w == "responsibility" || strings.HasSuffix(w, "ing") {
			return true
		}
		if d.toks[k].kind == tkPunct {
			return k == cEnd
		}
	}
	return cEnd >= s.to
}

// claimant returns who made the claim that a denial at cEnd rejects, when
// the sentence says it: "denied Kyiv's claims", "rejected accusations by
// the West".
func (d *doc) claimant(s sentence, cEnd int) []int {
	for k := cEnd; k < s.to && k < cEnd+10; k++ {
		if mi := d.mentionAt[k]; mi >= 0 {
			m := d.ments[mi]
			if m.poss || k > cEnd && (d.toks[k-1].lower == "by" || d.toks[k-1].lower == "from" || d.toks[k-1].lower == "in") {
				if actorOK(d.ents[m.ent].typ) {
					return []int{m.ent}
				}
			}
			return nil
		}
		if d.toks[k].text == "," || d.toks[k].lower == "that" {
			return nil
		}
	}
	return nil
}

// reported reports whether the cue at i stands inside what someone else
// claims or denies, or in a hypothetical: "accused Kenya of backing the
// RSF", "denied reports that officials had met", "a bill that would
// authorize strikes". Those are not facts of the text.
func (d *doc) reported(s sentence, i int) bool {
	toks := d.toks
	sawOf, sawThat := false, false
	for k := i - 1; k >= s.from && k >= i-14; k-- {
		w := toks[k].lower
		switch {
		case w == ";" || w == "," || isOpenQuote(toks[k].text):
			return false
		case w == "of":
			sawOf = true
		case w == "that" || w == "reports" || w == "claims" || w == "allegations":
			sawThat = true
		case w == "would" && k+1 < i && hypothetical[toks[k+1].lower]:
			return true
		case sawOf && (strings.HasPrefix(w, "accus") || strings.HasPrefix(w, "alleg") || strings.HasPrefix(w, "blam") || strings.HasPrefix(w, "suspect")):
			return true
		case sawThat && (w == "denied" || w == "denies" || w == "deny" || w == "denying" || w == "dismissed" || w == "rejected"):
			return true
		case embedders[w]:
			return true
		}
		// "urged the Council to impose sanctions": the requested act is
		// not a fact.
		if c, ok := d.cues.match(toks, k, i); ok && c.typ == schema.Requests && k+len(c.words) <= i {
			return true
		}
	}
	return false
}

// embedders introduce acts that are opposed, threatened or hoped for,
// not done: "opposed any sanctions on", "stopped short of criticizing".
var embedders = map[string]bool{
	"opposed": true, "opposes": true, "oppose": true, "opposing": true, "threatened": true,
	"threatening": true, "short": true, "wants": true, "seeks": true, "sought": true, "hopes": true,
	"hoped": true, "aims": true, "refrain": true, "avoid": true, "avoided": true,
}

var hypothetical = map[string]bool{
	"authorize": true, "authorise": true, "allow": true, "permit": true, "let": true, "enable": true,
}

// negated reports whether the cue at i is negated or hedged.
func (d *doc) negated(s sentence, i int) bool {
	toks := d.toks
	for k := i - 1; k >= s.from && k >= i-4; k-- {
		w := toks[k].lower
		if negators[w] || w == "refused" || w == "declined" || w == "denied" || w == "denies" || w == "deny" || w == "denying" || w == "out" && k > s.from && toks[k-1].lower == "ruled" {
			return true
		}
		if toks[k].text == "," || d.mentionAt[k] >= 0 {
			break
		}
	}
	return false
}

func (d *doc) isFuture(s sentence, i int) bool {
	toks := d.toks
	// "will travel to Washington next week to meet": the purpose of a
	// planned act is planned too.
	if i-1 > s.from && toks[i-1].lower == "to" {
		for k := i - 2; k >= s.from && k >= i-12; k-- {
			if toks[k].text == "," || speechVerbs[toks[k].lower] {
				break
			}
			if futureMarkers[toks[k].lower] {
				return true
			}
		}
	}
	for k := i - 1; k >= s.from && k >= i-4; k-- {
		w := toks[k].lower
		if futureMarkers[w] {
			return true
		}
		if w == "to" && k-1 >= s.from && toFuture[toks[k-1].lower] {
			return true
		}
		if toks[k].text == "," {
			break
		}
	}
	return false
}

func (d *doc) isPassive(s sentence, i int, c cue) bool {
	if c.noun || i == s.from {
		return false
	}
	switch d.toks[i-1].lower {
	case "was", "were", "been", "be", "is", "are", "being":
	default:
		return false
	}
	for k := i + len(c.words); k < s.to && k < i+len(c.words)+8; k++ {
		if d.toks[k].lower == "by" {
			return true
		}
	}
	return false
}

// subjectOf finds the subject mentions of the cue at i: the subject of the
// sentence for a participle clause, else the nearest head mention before
// it (see nearestSubject) with the actors coordinated with it, else what
// a pronoun before it stands for.
func (d *doc) subjectOf(s sentence, heads []int, i int) []int {
	toks := d.toks
	// ", accusing them of ...", ", rebuffing U.S. pressure": a participle
	// clause takes the subject of the sentence.
	if i > s.from+1 && toks[i-1].text == "," && strings.HasSuffix(toks[i].lower, "ing") {
		if e := d.mainSubject(s, heads, i); e >= 0 {
			return []int{e}
		}
	}
	best := d.nearestSubject(s, heads, i)
	if best < 0 {
		return d.pronounSubject(s, heads, i)
	}
	out := []int{d.ments[heads[best]].ent}
	// coordinated subjects: "Egypt and Qatar", "the United States and NATO"
	for k := best - 1; k >= 0; k-- {
		prev := d.ments[heads[k]]
		if d.coordinated(heads, k+1, k+2 <= best) && actorOK(d.ents[prev.ent].typ) {
			out = append(out, prev.ent)
			continue
		}
		break
	}
	return out
}

// nearestSubject returns the index in heads of the nearest actor before
// the cue at i in the same clause that is neither inside a relative
// clause before the verb, nor a place, nor a possessor, nor in a
// prepositional phrase; or -1 when a clause break or a pronoun comes
// first.
func (d *doc) nearestSubject(s sentence, heads []int, i int) int {
	toks := d.toks
	relFrom, relTo := d.relativeBefore(s, i)
	for k := len(heads) - 1; k >= 0; k-- {
		m := d.ments[heads[k]]
		if m.to > i {
			continue
		}
		if m.from >= relFrom && m.to <= relTo {
			// inside ", who had threatened ...," before the verb
			continue
		}
		for x := m.to; x < i; x++ {
			if clauseBreak(toks[x]) {
				return -1
			}
		}
		if !actorOK(d.ents[m.ent].typ) || m.kind == mkMetonym && d.ents[m.ent].place || m.poss && m.kind != mkDemonym {
			continue
		}
		if m.from > s.from {
			switch toks[m.from-1].lower {
			case "of", "in", "with", "to", "from", "against", "on", "at", "for", "between", "over", "about", "into", "than", "by":
				continue
			}
		}
		// "according to Xinhua, but it criticized": the pronoun is nearer.
		for x := m.to; x < i; x++ {
			switch toks[x].lower {
			case "he", "she", "it", "they", "sides":
				return -1
			}
		}
		return k
	}
	return -1
}

// pronounSubject resolves a pronoun subject before the cue at i: he, she,
// it, they, "the sides" ("said it would challenge the deal in court and
// accused ...").
func (d *doc) pronounSubject(s sentence, heads []int, i int) []int {
	toks := d.toks
	for x := i - 1; x >= s.from && x >= i-12; x-- {
		if clauseBreak(toks[x]) || d.mentionAt[x] >= 0 && x < i-6 {
			break
		}
		switch toks[x].lower {
		case "he", "she":
			if e := d.lastPerson(x); e >= 0 {
				return []int{e}
			}
			return nil
		case "it", "they", "its", "their":
			if e := d.mainSubject(s, heads, x); e >= 0 {
				return []int{e}
			}
			if e := d.lastTopic(d.sentOf(x), x); e >= 0 {
				return []int{e}
			}
			return nil
		case "sides":
			if len(d.lastMeet) == 2 && d.lastMeet[0] != d.lastMeet[1] && d.sentOf(x) == d.meetSent+1 {
				return append([]int(nil), d.lastMeet...)
			}
			if len(d.lastPair) == 2 && d.lastPair[0] != d.lastPair[1] {
				return append([]int(nil), d.lastPair...)
			}
			return d.lastTwo(x)
		}
	}
	return nil
}

// objectOf finds the object mentions after the cue that ends at cEnd: the
// first head mention that may be its object (see objectTakes) before a
// break in the clause (see objectGap), with the actors coordinated with
// it; failing that, the pair "both sides" stand for.
func (d *doc) objectOf(s sentence, heads []int, cEnd int, typ schema.RelationType, subjs []int) []int {
	first := -1
	for k, mi := range heads {
		m := d.ments[mi]
		if m.from < cEnd {
			continue
		}
		if d.objectGap(s, cEnd, m, typ) {
			break
		}
		if d.objectTakes(s, heads, k, cEnd, typ) {
			first = k
			break
		}
	}
	if first < 0 {
		return d.pairObject(s, cEnd, subjs)
	}
	first = d.namedBodyAfter(heads, first)
	return d.objectList(heads, first)
}

// objectGap reports whether the tokens between the cue's end and mention m
// end the search for the cue's object: a clause break, a comma past the
// first word, another cue, a speech verb, a subordinator or an infinitive.
func (d *doc) objectGap(s sentence, cEnd int, m mention, typ schema.RelationType) bool {
	toks := d.toks
	for x := cEnd; x < m.from; x++ {
		// ", Gilberto Teodoro" after "his Philippine counterpart" names
		// the object.
		if toks[x].text == "," && x == m.from-1 && m.title != "" {
			continue
		}
		if clauseBreak(toks[x]) || toks[x].text == "," && x > cEnd+1 {
			return true
		}
		if _, ok := d.cues.match(toks, x, s.to); ok && d.mentionAt[x] < 0 {
			return true
		}
		if speechVerbs[toks[x].lower] || subordinators[toks[x].lower] {
			return true
		}
		// "presented leaders with a proposal to fund a loan for
		// Ukraine": an infinitive opens another clause; but a visit,
		// and a type whose object may be an act (ActObject), read on.
		if toks[x].lower == "to" && x > cEnd && x+1 < s.to && toks[x+1].kind == tkWord && !toks[x+1].cap && d.mentionAt[x+1] < 0 && typ != schema.Visits && !specOf(typ).ActObject {
			return true
		}
	}
	return false
}

// objectTakes reports whether head mention heads[k] may be the object of
// the cue: a destination of a visit; else an actor (or a metonym, or a
// place attacked) that is not in a place phrase, unless the phrase names
// whom a sanction comes from, the doer of an act judged or the owner of
// an act.
func (d *doc) objectTakes(s sentence, heads []int, k, cEnd int, typ schema.RelationType) bool {
	toks := d.toks
	m := d.ments[heads[k]]
	et := d.ents[m.ent].typ
	prep := ""
	if m.from > s.from {
		prep = toks[m.from-1].lower
	}
	if typ == schema.Visits {
		return et == schema.Location || et == schema.Country || actorOK(et)
	}
	if !actorOK(et) && !(m.kind == mkMetonym) && !(typ == schema.Fights && et == schema.Location) {
		return false
	}
	if m.kind == mkMetonym && d.ents[m.ent].place {
		return false
	}
	switch {
	case prep == "from" && typ == schema.Sanctions:
		return true
	case prep == "by" && specOf(typ).Judging && k > 0 && m.from-2 >= cEnd && toks[m.from-2].kind == tkWord && !toks[m.from-2].cap:
		// "denounced upcoming military drills by Seoul": the
		// doer of what is criticized.
		return true
	case prep == "in" && m.poss && m.kind != mkDemonym:
		// "every step in Ukraine's membership bid"
		return true
	}
	switch prep {
	case "in", "at", "from", "since", "near", "by", "during":
		return false
	}
	return true
}

// namedBodyAfter returns the head mention that stands for the object found
// at heads[first]: "to buy Turkish container terminal group Körfez": the
// named body wins over the adjective before it.
func (d *doc) namedBodyAfter(heads []int, first int) int {
	if first+1 >= len(heads) {
		return first
	}
	m, n := d.ments[heads[first]], d.ments[heads[first+1]]
	if !(m.kind == mkDemonym && m.poss && n.from-m.to <= 4 && actorOK(d.ents[n.ent].typ)) {
		return first
	}
	for x := m.to; x < n.from; x++ {
		if d.toks[x].kind != tkWord || d.toks[x].cap {
			return first
		}
	}
	return first + 1
}

// pairObject reads "urged both countries", "called on the two sides": the
// pair named last, else the two states named last.
func (d *doc) pairObject(s sentence, cEnd int, subjs []int) []int {
	toks := d.toks
	for x := cEnd; x+1 < s.to && x < cEnd+4; x++ {
		if (toks[x].lower == "both" || toks[x].lower == "two") && pairNouns[toks[x+1].lower] {
			if len(d.lastPair) == 2 && d.lastPair[0] != d.lastPair[1] {
				return append([]int(nil), d.lastPair...)
			}
			return d.lastTwo(cEnd, subjs...)
		}
	}
	return nil
}

// objectList returns the object heads[first] and the actors
// coordinated after it ("Egypt, Qatar and Turkey"), and marks their
// mentions as objects.
func (d *doc) objectList(heads []int, first int) []int {
	out := []int{d.ments[heads[first]].ent}
	d.objMention[heads[first]] = true
	for k := first + 1; k < len(heads); k++ {
		if !d.coordinated(heads, k, true) {
			break
		}
		out = append(out, d.ments[heads[k]].ent)
		d.objMention[heads[k]] = true
	}
	return out
}

// coordinated reports whether the tokens between head mentions heads[k-1]
// and heads[k] join them in a list: "A and B", "A, and B", "A and some
// B", or, when commaOK, the comma of "A, B and C" (see listCloses).
func (d *doc) coordinated(heads []int, k int, commaOK bool) bool {
	gap := d.toks[d.ments[heads[k-1]].to:d.ments[heads[k]].from]
	switch len(gap) {
	case 1:
		return gap[0].lower == "and" || gap[0].text == "," && commaOK && d.listCloses(heads, k)
	case 2:
		return gap[0].text == "," && gap[1].lower == "and" || gap[0].lower == "and" && listDeterminers[gap[1].lower]
	}
	return false
}

// skipTime skips a time phrase at k: "on Monday", "last week".
func (d *doc) skipTime(s sentence, k int) int {
	if k+1 < s.to && d.toks[k].lower == "on" {
		if _, ok := weekdays[d.toks[k+1].lower]; ok {
			return k + 2
		}
	}
	if k < s.to {
		if _, ok := weekdays[d.toks[k].lower]; ok {
			return k + 1
		}
	}
	return k
}

var requestNouns = map[string]bool{
	"call": true, "calls": true, "appeal": true, "appeals": true, "demand": true, "demands": true,
	"request": true, "requests": true, "ultimatum": true,
}

// nounAfter reports whether one of nouns follows the cue within four words.
func (d *doc) nounAfter(s sentence, cEnd int, nouns map[string]bool) bool {
	for k := cEnd; k < s.to && k < cEnd+4; k++ {
		if nouns[d.toks[k].lower] {
			return true
		}
	}
	return false
}

// publishForms are the forms of the verbs that put a draft forward
// ("published", "submitted", "tabled").
var publishForms = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range []string{"publish", "present", "submit/submitted/submitted", "unveil", "table", "circulate"} {
		for _, f := range verbForms(l) {
			m[f] = true
		}
	}
	m["submitting"] = true
	return m
}()

// addresseePreps introduce whom a draft is addressed to.
var addresseePreps = map[string]bool{"to": true, "from": true, "with": true, "for": true}

// nounAfterN reports whether one of nouns follows the cue within n words.
func (d *doc) nounAfterN(s sentence, cEnd int, nouns map[string]bool, n int) bool {
	for k := cEnd; k < s.to && k < cEnd+n; k++ {
		if nouns[d.toks[k].lower] {
			return true
		}
	}
	return false
}

// readyVerbs after "ready to" make an offer: "ready to host".
var readyVerbs = map[string]bool{
	"host": true, "continue": true, "attend": true, "mediate": true, "resume": true, "hold": true,
	"join": true, "talk": true, "negotiate": true,
}

// dealVerbs after "agreed to" make a deal with their object.
var dealVerbs = map[string]bool{
	"buy": true, "acquire": true, "sell": true, "merge": true, "purchase": true, "supply": true,
	"transfer": true, "swap": true, "partner": true, "invest": true,
}

var dealNouns = map[string]bool{
	"deal": true, "agreement": true, "accord": true, "pact": true, "truce": true, "ceasefire": true,
	"exchange": true, "swap": true, "rapprochement": true, "treaty": true,
}

// dealParties returns the parties of the latest agreement the article
// reported, when the cue at cEnd praises or criticizes "the deal".
func (d *doc) dealParties(s sentence, cEnd int, subjs []int) []int {
	found := false
	for k := cEnd; k < s.to && k < cEnd+4; k++ {
		if dealNouns[d.toks[k].lower] {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	return d.lastDeal(subjs)
}

// lastDeal returns the parties of the latest agreement reported, leaving
// out subjs.
func (d *doc) lastDeal(subjs []int) []int {
	for k := len(d.rels) - 1; k >= 0; k-- {
		r := d.rels[k]
		if r.typ != schema.Agrees {
			continue
		}
		var out []int
		for _, e := range []int{r.subj, r.obj} {
			skip := false
			for _, sj := range subjs {
				if sj == e {
					skip = true
				}
			}
			if !skip {
				out = append(out, e)
			}
		}
		return out
	}
	return nil
}

// relativeObject finds the object of a cue in a relative clause: "the
// cartels, which Washington designated as terrorist organizations".
func (d *doc) relativeObject(s sentence, heads []int, i int, subjs []int) []int {
	if len(subjs) == 0 {
		return nil
	}
	// the subject mention just before the cue, preceded by "which"/"that"
	for k := len(heads) - 1; k >= 0; k-- {
		m := d.ments[heads[k]]
		if m.to > i || m.ent != subjs[0] {
			continue
		}
		p := m.from - 1
		if p < s.from {
			return nil
		}
		switch d.toks[p].lower {
		case "which", "whom":
		default:
			return nil
		}
		if p-1 >= s.from && d.toks[p-1].text == "," {
			p--
		}
		// the antecedent list ending right before p
		var out []int
		for x := k - 1; x >= 0; x-- {
			a := d.ments[heads[x]]
			if len(out) == 0 && a.to != p && !(a.to+1 == p && d.toks[a.to].text == ")") {
				return nil
			}
			if !actorOK(d.ents[a.ent].typ) {
				break
			}
			out = append(out, a.ent)
			if x > 0 {
				prev := d.ments[heads[x-1]]
				gap := d.toks[prev.to:a.from]
				if len(gap) == 2 && gap[0].lower == "and" && gap[1].lower == "the" || len(gap) == 1 && gap[0].lower == "and" {
					continue
				}
			}
			break
		}
		return out
	}
	return nil
}

// itsObject resolves "struck its nuclear facilities" to the actor the
// sentence opened with, when that is not the subject.
func (d *doc) itsObject(s sentence, heads []int, cEnd int, subjs []int) []int {
	if cEnd >= s.to || d.toks[cEnd].lower != "its" && d.toks[cEnd].lower != "their" {
		return nil
	}
	for _, mi := range heads {
		m := d.ments[mi]
		if m.from >= cEnd {
			break
		}
		if !actorOK(d.ents[m.ent].typ) || m.poss {
			continue
		}
		for _, sj := range subjs {
			if sj == m.ent {
				return nil
			}
		}
		return []int{m.ent}
	}
	return nil
}

// subordinators open a subordinate clause: an object is never beyond them.
var subordinators = map[string]bool{
	"because": true, "although": true, "though": true, "while": true, "whereas": true, "unless": true,
	"if": true,
}

// speechVerbs start reported speech: an object is never beyond them.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "stated": true, "announced": true,
	"insisted": true, "noted": true, "argued": true, "wrote": true, "tweeted": true, "according": true,
}

// pairNouns after "both" or "two" refer to the two parties last named.
var pairNouns = map[string]bool{
	"sides": true, "countries": true, "nations": true, "neighbours": true, "neighbors": true,
	"parties": true, "governments": true, "states": true, "rivals": true,
}

// listDeterminers may open the second member of a coordinated pair: "Ukraine
// and some Western countries".
var listDeterminers = map[string]bool{
	"the": true, "some": true, "other": true, "several": true, "many": true, "its": true, "their": true,
	"fellow": true, "neighbouring": true, "neighboring": true, "allied": true,
}

// listCloses reports whether the head mention k is followed, through
// commas, by "and" and another mention: "A, B and C".
func (d *doc) listCloses(heads []int, k int) bool {
	for ; k+1 < len(heads); k++ {
		gap := d.toks[d.ments[heads[k]].to:d.ments[heads[k+1]].from]
		if len(gap) == 1 && gap[0].lower == "and" || len(gap) == 2 && gap[0].text == "," && gap[1].lower == "and" {
			return true
		}
		if !(len(gap) == 1 && gap[0].text == ",") {
			return false
		}
	}
	return false
}

// passiveObject finds the object of a passive cue: the subject before it.
func (d *doc) passiveObject(s sentence, heads []int, i int) []int {
	for k := len(heads) - 1; k >= 0; k-- {
		m := d.ments[heads[k]]
		if m.to <= i && actorOK(d.ents[m.ent].typ) {
			return []int{m.ent}
		}
	}
	// "The deal ... is backed by X": the parties of the deal.
	for k := s.from; k < i && k < s.from+3; k++ {
		if dealNouns[d.toks[k].lower] {
			return d.lastDeal(nil)
		}
	}
	return nil
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

// mainSubject is the first actor of sentence s before token x that is not
// inside a prepositional phrase, a possessor or an apposition: the subject
// of its main clause.
func (d *doc) mainSubject(s sentence, heads []int, x int) int {
	for _, mi := range heads {
		m := d.ments[mi]
		if m.to > x {
			break
		}
		// skip ", which backed Nawrocki in ...,"
		inRel := false
		for k := m.from - 1; k > s.from; k-- {
			if d.toks[k].text == "," {
				if k+1 < m.from {
					switch d.toks[k+1].lower {
					case "which", "who", "whose", "whom":
						inRel = true
					}
				}
				break
			}
		}
		if inRel {
			continue
		}
		if !actorOK(d.ents[m.ent].typ) || m.poss {
			continue
		}
		if m.from > s.from {
			switch d.toks[m.from-1].lower {
			case "of", "in", "with", "to", "from", "against", "on", "at", "for", "by", "after", "before":
				continue
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

// lastPerson is the most recent person mentioned before token x.
func (d *doc) lastPerson(x int) int {
	for k, stop := d.scanRange(x); k >= stop; k-- {
		m := d.ments[k]
		if m.to <= x && d.ents[m.ent].typ == schema.Person {
			return m.ent
		}
	}
	return -1
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
	for _, v := range d.vetoes {
		vetoed[key{v.sent, v.subj, v.typ}] = true
	}
	out := d.rels[:0]
	for _, r := range d.rels {
		if !r.grammar && !schemaStructural(r.typ) {
			s := d.sents[r.sent]
			if vetoed[key{r.sent, r.subj, r.typ}] || d.toks[s.to-1].text == "?" {
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
