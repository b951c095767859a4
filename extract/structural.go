package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

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
	if first == "who" || first == "which" || first == "and" || first == "or" || first == "but" {
		// "X, and Malawi's trade minister": a conjunct, not an
		// apposition
		return
	}
	article := first == "a" || first == "an" || first == "the"
	// "Kessa Go, a food delivery app,": the apposition says what the
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
// the Andean Policy Institute"), else the first body, else -1.
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
	d.partyOfPerson()
	d.memberships()
	for e, en := range d.ents {
		if en.partOf >= 0 && en.typ == schema.Organization {
			pt := d.ents[en.partOf].typ
			// a state's own bodies only: a party, union, charity or
			// firm whose name holds the state's name or demonym is not
			// part of the state
			if pt == schema.Country && en.gaz < 0 && !stateBodyName(en.name) {
				continue
			}
			if pt == schema.Country || pt == schema.Organization {
				d.addRel(rel{typ: schema.PartOf, subj: e, obj: en.partOf, sent: d.firstSent(e), confidence: 0.8})
			}
		}
	}
}

// stateBodyName reports whether an organization's name names a body of a
// state: a ministry, the armed forces, the police, an embassy, a court, an
// agency ("Chilean Foreign Ministry", "Israel Defense Forces").
func stateBodyName(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' || r == '\'' || r == '’' }) {
		if stateBodyWords[w] || stateBodyExtra[w] {
			return true
		}
	}
	return false
}

// stateBodyExtra are more words of a state body's name.
var stateBodyExtra = map[string]bool{
	"military": true, "government": true, "intelligence": true, "coastguard": true, "gendarmerie": true,
	"ministries": true, "administration": true, "prosecutor": true, "prosecutors": true, "regulator": true,
	"secretariat": true, "legislature": true, "consulate": true, "treasury": true, "staff": true,
	"chiefs": true, "command": true, "troops": true, "embassies": true,
}

// partyOfPerson reads a person's party ("President Luis Arce's Movement
// for Socialism"): the person holds a role in it.
func (d *doc) partyOfPerson() {
	for k := 0; k+1 < len(d.ments); k++ {
		p, o := d.ments[k], d.ments[k+1]
		if d.ents[p.ent].typ != schema.Person || d.ents[o.ent].typ != schema.Organization || o.sent != p.sent {
			continue
		}
		if o.from != p.to+1 || (d.toks[p.to].text != "'s" && d.toks[p.to].text != "’s") || !partyName(d.ents[o.ent].name) {
			continue
		}
		d.addRel(rel{typ: schema.HoldsRole, subj: p.ent, obj: o.ent, sent: p.sent, role: "member", confidence: 0.6})
	}
}

// partyName reports whether an organization's name is a political
// party's or movement's.
func partyName(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "party", "movement", "front", "congress", "alliance", "league":
			return true
		}
	}
	return false
}

// titleRole gives the person of mention m a role by its title: in the
// title's owner ("Velmoran Foreign Minister Dara Venn"); else, when the
// person holds no role yet (owned), in the body the title names ("Army
// spokesman") or, for a title of a state, in the state spoken of (see
// titleState).
func (d *doc) titleRole(m mention, owned map[int]bool) {
	if d.ents[m.ent].typ != schema.Person {
		return
	}
	// a past title of a state gives no role; a body named after the
	// name may still be the person's own ("former governor X of the Y
	// party")
	if d.formerTitle(m) && (m.owner < 0 || d.ents[m.owner].typ == schema.Country) {
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
// text names none with it ("Foreign Minister Ana Brel"): the dateline's
// state, else the state that is the subject of a clause of the same
// sentence (see subjectState) or of the sentence before, else the state
// the text speaks of just before; for a state's own service
// ("Government spokeswoman X said Slovakia ...") a state that is a
// clause's subject in the sentence comes first, but not a state named
// otherwise ("... would travel to Hungary"). It returns -1 when there is
// none.
func (d *doc) titleState(m mention) int {
	// the dateline's state: a minister named without a state in an
	// article from the state's capital is the state's
	c, ok := d.byGaz[d.homeGaz]
	if !ok || d.homeGaz < 0 {
		c = d.subjectState(m)
	}
	if c < 0 {
		c = d.lastSubjectState(m.sent - 1)
	}
	if c < 0 {
		c = d.recentCountry(m.from)
	}
	if stateTitle(m.title) {
		if sc := d.subjectState(m); sc >= 0 {
			c = sc
		}
	}
	return c
}

// leaderRoles reads "The Chadian Armed Forces (CAF), led by General Abdel
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
		member, joined, denied := false, false, false
		for k := m.to + 1; k < end; k++ {
			switch d.toks[k].lower {
			case "member", "members":
				member = true
			case "joined":
				joined = k == m.to+2 && d.toks[m.to+1].lower == "which"
			}
			denied = denied || notMemberWords[d.toks[k].lower]
		}
		if !member && !joined || denied {
			continue
		}
		if t == schema.Organization && d.membersListed(m, end) {
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
// spokesman" the armed forces named last, "Navy spokesman Commander X"
// the navy, "foreign ministry spokesman X" the foreign ministry named
// last, "Chief Executive" the company named last.
func (d *doc) titleBody(m mention) int {
	start, stop := d.scanRange(m.from)
	first := strings.ToLower(strings.Fields(m.title + " x")[0])
	hint, portfolio := d.bodyHint(m)
	if hint != "" {
		first = hint
	}
	words := bodyWords[first]
	if first == "ministry" {
		words = []string{portfolio + " ministry", "ministry of " + portfolio}
		if portfolio == "foreign" {
			words = append(words, "foreign affairs", "foreign office")
		}
	}
	if len(words) > 0 {
		for k := start; k >= stop; k-- {
			o := d.ments[k]
			if o.to > m.from || d.ents[o.ent].typ != schema.Organization {
				continue
			}
			name := strings.ToLower(d.ents[o.ent].name)
			for _, w := range words {
				if strings.Contains(name, strings.ToLower(w)) {
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

// bodyHint reads the words just before the title of mention m that name
// the kind of body it serves: "Navy spokesman Commander X" (navy),
// "foreign ministry spokesman X" (ministry, foreign). It returns "" when
// there are none.
func (d *doc) bodyHint(m mention) (hint, portfolio string) {
	from := d.sents[m.sent].from
	for x := m.from - 1; x >= from && x >= m.from-6; x-- {
		t := d.toks[x]
		if t.kind != tkWord || d.mentionAt[x] >= 0 {
			return "", ""
		}
		if len(bodyWords[t.lower]) > 0 {
			return t.lower, ""
		}
		if t.lower == "ministry" && x > from && d.toks[x-1].kind == tkWord {
			return "ministry", d.toks[x-1].lower
		}
	}
	return "", ""
}

// nationalTitle lists the title classes that belong to a state.
var nationalTitle = map[string]bool{"head": true, "minister": true}

// subjectState returns the state that acts as the subject of a clause in
// the sentence of mention m, a person with a title but no state: the
// nearest one before the person ("Kenya will send troops to Somalia,
// Defence Minister Ana Vell said": Kenya, not Somalia), or, when the person
// reports ("Defence Minister Ana Vell said Kenya would ..."), the first
// one after. It returns -1 when there is none, or two different ones
// before the person.
func (d *doc) subjectState(m mention) int {
	before, after, states := -1, -1, 0
	for k := range d.ments {
		o := d.ments[k]
		if o.sent != m.sent || d.ents[o.ent].typ != schema.Country || !subjectRel(d.headRel(o)) {
			continue
		}
		switch {
		case o.to <= m.from:
			if before >= 0 && before != o.ent {
				states++
			}
			before = o.ent
		case o.from >= m.to && after < 0:
			after = o.ent
		}
	}
	if states > 0 {
		return -1
	}
	if before >= 0 {
		return before
	}
	if after >= 0 && subjectRel(d.headRel(m)) && d.reports(m) {
		return after
	}
	return -1
}

// lastSubjectState returns the last state that is a clause's subject in
// sentence si, or -1.
func (d *doc) lastSubjectState(si int) int {
	last := -1
	for _, o := range d.ments {
		if o.sent == si && d.ents[o.ent].typ == schema.Country && subjectRel(d.headRel(o)) {
			last = o.ent
		}
	}
	return last
}

// subjectRel reports whether a word's relation to its head makes it a
// clause's subject.
func subjectRel(r syntax.Rel) bool {
	return r == syntax.NSubj || r == syntax.NSubjPass
}

// headRel returns the relation of the head word of mention m to the word
// outside it that it depends on, seen through an apposition or a
// title it names ("Trade Minister Henk Dorval said": a subject).
func (d *doc) headRel(m mention) syntax.Rel {
	r, _ := d.headLink(m)
	return r
}

// headLink returns the relation and the token of the word that mention
// m's head depends on (see headRel); the token is -1 at the root.
func (d *doc) headLink(m mention) (syntax.Rel, int) {
	s := d.sents[m.sent]
	for k := m.from; k < m.to && k < len(d.syn); k++ {
		h := s.from + d.syn[k].Head
		if d.syn[k].Rel != syntax.Root && h >= m.from && h < m.to {
			continue
		}
		r := d.syn[k].Rel
		for n := 0; n < 2 && (r == syntax.Appos || r == syntax.Flat || r == syntax.Compound) && h >= s.from && h < s.to && h < m.from; n++ {
			k, r = h, d.syn[h].Rel
			h = s.from + d.syn[k].Head
		}
		if r == syntax.Root {
			return r, -1
		}
		return r, h
	}
	return syntax.Dep, -1
}

// reports reports whether mention m is the subject of a verb of speech.
func (d *doc) reports(m mention) bool {
	_, h := d.headLink(m)
	return h >= 0 && h < len(d.syn) && reportVerbs[d.syn[h].Lemma]
}

// formerTitle reports whether the title before the name of mention m is
// a past one: "Lebanon's former President Ana Vell", "ex-Interior
// Minister Ivo Brel", "the late King".
func (d *doc) formerTitle(m mention) bool {
	return d.formerBefore(m.from)
}

// formerBefore reports whether "former", "ex" or "late" leads the title
// words that end just before token x, within the sentence.
func (d *doc) formerBefore(x int) bool {
	from := d.sents[d.sentOf(x)].from
	for k := x - 1; k >= from && k >= x-6; k-- {
		t := d.toks[k]
		switch {
		case t.lower == "former" || t.lower == "ex" || t.lower == "late" || strings.HasPrefix(t.lower, "ex-") || strings.HasPrefix(t.lower, "former-"):
			return true
		case t.kind != tkWord || t.text == "'s" || t.text == "’s":
			return false
		case !t.cap && !standingWords[t.lower] && !d.roleNoun[t.lower] && (k >= len(d.syn) || d.syn[k].POS != syntax.ADJ && d.syn[k].POS != syntax.NOUN):
			return false
		}
	}
	return false
}

// notMemberWords in an apposition deny or qualify membership: "which is
// not a member of", "a non-member of", "which has never joined", "an
// observer", "a candidate for membership".
var notMemberWords = map[string]bool{
	"not": true, "never": true, "non-member": true, "nonmember": true, "no": true, "former": true,
	"observer": true, "candidate": true, "aspiring": true, "applicant": true, "would-be": true,
	"left": true, "quit": true, "withdrew": true, "expelled": true, "outside": true,
}

// membersListed reads a relative clause after the body of mention m that
// lists its members, up to token end: "the Southern Cone Council, whose members
// include Peru and Bolivia,", "the Forum, which counts Fiji and Samoa among
// its members,". It adds each member's MEMBER_OF and reports whether the
// clause was one.
func (d *doc) membersListed(m mention, end int) bool {
	toks := d.toks
	k := m.to + 1
	whose := k+2 < end && toks[k].lower == "whose" && (toks[k+1].lower == "members" || toks[k+1].lower == "member") && strings.HasPrefix(toks[k+2].lower, "include")
	among := false
	for x := k; x+2 < end; x++ {
		if toks[x].lower == "among" && (toks[x+1].lower == "its" || toks[x+1].lower == "their") && toks[x+2].lower == "members" {
			among = toks[k].lower == "which"
		}
	}
	if !whose && !among {
		return false
	}
	for x := k; x < end; x++ {
		if mi := d.mentionAt[x]; mi >= 0 {
			if e := d.ments[mi].ent; e != m.ent && (d.ents[e].typ == schema.Country || d.ents[e].typ == schema.Organization) {
				d.addRel(rel{typ: schema.MemberOf, subj: e, obj: m.ent, sent: m.sent, confidence: 0.7})
			}
		}
	}
	return true
}
