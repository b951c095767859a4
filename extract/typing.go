package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// Typing of capitalized names that neither the gazetteer nor a title nor an
// organization word accounts for. The evidence is general: given names and
// initials for people; common English words, which make up the names of
// events, documents and labels ("Summer Harvest Festival", "Group D") but
// rarely a person's; a definite article, which a person's name never takes;
// a locative preposition; the shape of a results line in sports copy.

// placeHeads start names of places: "Lake Amara", "Mount Elgon", "Port
// Selwyn".
var placeHeads = map[string]bool{
	"lake": true, "mount": true, "mt.": true, "cape": true, "port": true, "fort": true, "isle": true,
	"loch": true, "camp": true,
}

// placePreps, just before a name, make it a place when nothing says it is
// a person: "gathered in Port Selwyn", "clashes near Doran".
var placePreps = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "around": true,
	"across": true, "throughout": true, "towards": true, "toward": true, "nearby": true,
}

// isInitial reports whether w is an initial: "J.", "K".
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// givenAt reports whether token i is a given name or an initial.
func (d *doc) givenAt(i int) bool {
	t := d.toks[i]
	if isInitial(t.text) && strings.HasSuffix(t.text, ".") {
		return true
	}
	return t.kind == tkWord && d.lx.given[t.lower] && !stopCaps[t.lower]
}

// nameWord reports whether token k of a capitalized run could be part of a
// person's name: no common English word, unless it is also a given name or
// a frequent surname ("Rice", "Young").
func (d *doc) nameWord(k int) bool {
	t := d.toks[k]
	if t.kind != tkWord {
		return true
	}
	if isInitial(t.text) {
		return strings.HasSuffix(t.text, ".") // "J." yes, the "D" of "Group D" no
	}
	if particles[t.lower] {
		return true
	}
	if !d.lx.common[t.lower] {
		if k := strings.IndexByte(t.lower, '-'); k > 0 {
			// "Non-Proliferation": every part common.
			all := true
			for _, p := range strings.Split(t.lower, "-") {
				all = all && d.lx.common[p]
			}
			return !all
		}
		return true
	}
	return d.lx.given[t.lower] || d.lx.surname[t.lower]
}

// multiWordType types a capitalized run [i, j) of two or more words that
// nothing else typed: Person, Location, Organization, or "" when it names
// no entity the extractor keeps (an event, a document, a label).
func (d *doc) multiWordType(si, i, j, end int) schema.EntityType {
	toks := d.toks
	s := d.sents[si]
	personish := d.givenAt(i)
	if t, ok := d.contextType(si, i, j, end, personish); ok {
		return t
	}
	// "the Deep Reef programme": the name of a thing, no entity.
	if d.namesThing(i, j, end) {
		return ""
	}
	// "the Vesna Renewal party", "the Free Homeland bloc", "state-owned
	// Velmar Tessa".
	if d.bodyNounAfter(j, end) || i > s.from && ownedModifier(toks[i-1].lower) {
		return schema.Organization
	}
	if i > s.from && toks[i-1].lower == "the" {
		// A person's name takes no article: "the Summer Games".
		return ""
	}
	// "Orvel Dynamics, Kessel Aerosystems and Tamrin Technologies":
	// a name listed with firms is one.
	if !personish && d.listedWithOrg(s.from, i, j, end) {
		return schema.Organization
	}
	if personish || d.titledAfter(j, end) {
		// "Marko Tell, the envoy of Velmora".
		return schema.Person
	}
	return d.nameShapeType(i, j, end)
}

// contextType types the run [i, j) of sentence si by the words around
// it, unless it starts with a given name (personish): a place head
// ("Lake", "Mount"), a team in a results line, a body people work at, a
// place after a preposition, in a list of places or with a place noun,
// or a firm that "which" describes. It reports false when the context
// decides nothing.
func (d *doc) contextType(si, i, j, end int, personish bool) (schema.EntityType, bool) {
	toks := d.toks
	s := d.sents[si]
	if placeHeads[toks[i].lower] && !personish {
		return schema.Location, true
	}
	if d.resultsSlot(si, i, j, end) && !personish {
		// "Tarvin 2 Olbury 1": teams.
		return schema.Organization, true
	}
	// "analysts at Merrow Capital Advisory": people work at a body.
	if i >= s.from+2 && (toks[i-1].lower == "at" || toks[i-1].lower == "with") && workNouns[toks[i-2].lower] && !personish {
		return schema.Organization, true
	}
	if (i > s.from && placePreps[toks[i-1].lower] || d.placeListAt(s.from, i, j, end)) && !personish {
		return schema.Location, true
	}
	// "the province of Dak Lam", "Tho Vinh island".
	if !personish && (i >= s.from+2 && toks[i-1].lower == "of" && placeNouns[toks[i-2].lower] || d.placeNounAfter(j, end)) {
		return schema.Location, true
	}
	// "Holtrup Aluminium, which owns a smelter": no person.
	if !personish && j+1 < end && toks[j].text == "," && toks[j+1].lower == "which" {
		return schema.Organization, true
	}
	return "", false
}

// namesThing reports whether a noun for a thing follows the run [i, j)
// within two lower-case words, and the run has no word of an
// organization: "the Deep Reef programme" names a thing, no entity.
func (d *doc) namesThing(i, j, end int) bool {
	toks := d.toks
	for x := j; x < end && x < j+2 && toks[x].kind == tkWord && !toks[x].cap && !d.hasOrgWord(i, j); x++ {
		if thingNouns[toks[x].lower] {
			return true
		}
	}
	return false
}

// nameShapeType types the run [i, j) that neither its context nor a given
// name typed by the shape of its words: a person's name ends with a
// surname ("Summer Harvest Festival", "Group D" end with words that are
// none, "East African" with a demonym: ""), and a compass word and one
// more name a region or a state ("South Velmora", "West Kalimora").
func (d *doc) nameShapeType(i, j, end int) schema.EntityType {
	toks := d.toks
	if !d.nameWord(j - 1) {
		return ""
	}
	if gp, ok := d.lx.matchGaz(toks, j-1, j); ok && gp.kind == refDemonym || compass[toks[i].lower] && isDemonymShape(toks[j-1].text) && j < end && toks[j].kind == tkWord && !toks[j].cap {
		return ""
	}
	if compass[toks[i].lower] && j-i == 2 {
		return schema.Location
	}
	return schema.Person
}

// notNameInitial reports whether the capitalized word at the start of a
// sentence is an ordinary word capitalized by its position: a common word
// that the tagger does not take for a proper noun and the article never
// capitalizes inside a sentence ("Near Velka", "Officials said").
func (d *doc) notNameInitial(i int) bool {
	t := d.toks[i]
	if !d.lx.common[t.lower] || d.capInside(t.lower) {
		return false
	}
	if i+1 < len(d.toks) && d.toks[i+1].kind == tkNum {
		// "Comets 4 Olbury 3": a name in a results line.
		return false
	}
	switch d.syn[i].POS {
	case syntax.ADP, syntax.SCONJ, syntax.CCONJ, syntax.DET, syntax.PRON, syntax.AUX, syntax.PART, syntax.ADV, syntax.INTJ:
		// "Near Velka", "Will Ana Brel meet ...?"
		return true
	case syntax.NOUN, syntax.ADJ, syntax.VERB, syntax.NUM:
		// "Officials said"; but "Noble Arvo said": a name may start
		// with a word the tagger reads as common.
		return !d.givenAt(i) && (i+1 >= len(d.toks) || !d.isCapWord(i+1))
	}
	return false
}

// capInside reports whether the article writes the word w (lower case)
// capitalized inside a sentence, in a sentence not in capitals.
func (d *doc) capInside(w string) bool {
	if d.capMid == nil {
		d.capMid = map[string]bool{}
		for si, s := range d.sents {
			if d.caseless[si] {
				continue
			}
			for k := s.from + 1; k < s.to; k++ {
				if t := d.toks[k]; t.kind == tkWord && t.cap && d.toks[k-1].kind != tkPunct {
					d.capMid[t.lower] = true
				}
			}
		}
	}
	return d.capMid[w]
}

// resultsSlot reports whether the run [i, j) stands where a results line
// of sports copy puts a team: followed by a score, in a line of names and
// numbers with two sides ("Tarvin 2 Olbury 1", "Alby v Brenford") or a
// row of a standings table ("Tarvin 17 11 3 3 29 20 36").
func (d *doc) resultsSlot(si, i, j, end int) bool {
	s := d.sents[si]
	if j >= end {
		return false
	}
	if d.fixture(si) {
		// "Tarvin at Olbury": a fixture; the name after "at" is where
		// it is played.
		return true
	}
	depth := 0
	for k := s.from; k < i; k++ {
		switch d.toks[k].text {
		case "(":
			depth++
		case ")":
			depth--
		}
	}
	if depth > 0 {
		return false // a scorer, a country in brackets
	}
	// "Alby (4) v Brenford (13)", "Alby (Norway) 9 3 6": a table
	// position or a country in brackets comes between.
	if d.toks[j].text == "(" {
		for k := j + 1; k < end && k < j+5; k++ {
			if d.toks[k].text == ")" {
				j = k + 1
				break
			}
		}
		if j >= end || d.toks[j].text == "(" {
			return false
		}
	}
	next := d.toks[j]
	scored := next.kind == tkNum && isDigits(next.text)
	versus := next.lower == "v" || next.lower == "vs" || next.lower == "vs."
	if !scored && !versus && !(i > s.from && (d.toks[i-1].lower == "v" || d.toks[i-1].lower == "vs")) {
		return false
	}
	return d.resultsLine(s)
}

// resultsLine reports whether sentence s, with the rest of its line, is a
// results line: no lower-case word but a few short ones ("v", "at")
// outside brackets, and two sides with a score each or "v" between them,
// or a row of numbers after a name.
func (d *doc) resultsLine(s sentence) bool {
	// A decimal point ("14 4 .778") may have split the line in two.
	lineEnd := s.to
	for lineEnd < len(d.toks) && d.toks[lineEnd-1].text == "." && !d.toks[lineEnd-1].spaceAfter && d.toks[lineEnd].kind == tkNum && !d.toks[lineEnd].nl {
		lineEnd = d.sents[d.tokSent[lineEnd]].to
	}
	depth, nums, slots := 0, 0, 0
	for k := s.from; k < lineEnd; k++ {
		t := d.toks[k]
		switch {
		case t.text == "(":
			depth++
		case t.text == ")":
			depth--
		case depth > 0:
		case t.kind == tkNum:
			if isDigits(t.text) {
				nums++
			}
		case t.kind == tkWord && !t.cap && len(t.text) > 3:
			return false
		case t.kind == tkWord && t.cap && k+1 < lineEnd && d.toks[k+1].kind == tkNum && isDigits(d.toks[k+1].text):
			if d.sideScore(k+1, lineEnd) {
				slots++
			}
		case t.lower == "v" || t.lower == "vs":
			slots += 2
		}
	}
	return slots >= 2 || nums >= 3 && d.toks[s.from].cap
}

// sideScore reports whether the numbers at x, after a name, are a side's
// score; but "Hale 72 68," is an entry of a list (a player and his
// rounds).
func (d *doc) sideScore(x, lineEnd int) bool {
	for x < lineEnd && d.toks[x].kind == tkNum {
		x++
	}
	return x >= lineEnd || d.toks[x].text != ","
}

// fixture reports whether sentence si is a fixture line, two names and
// "at" or "v" between them and nothing else: "Tarvin at Olbury".
func (d *doc) fixture(si int) bool {
	s := d.sents[si]
	mid := -1
	for k := s.from; k < s.to; k++ {
		t := d.toks[k]
		switch {
		case t.lower == "at" || t.lower == "v" || t.lower == "vs" || t.lower == "vs.":
			if mid >= 0 || k == s.from {
				return false
			}
			mid = k
		case t.kind == tkWord && !t.cap:
			return false
		case t.kind == tkNum:
			return false
		case t.kind == tkPunct && k < s.to-1:
			return false
		}
	}
	return mid > s.from && mid < s.to-1 && d.toks[mid+1].cap
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// placeOfState reports whether the one-word name at i is followed by a
// comma and a state or region, as places are written: "Dunvale, Canada".
func (d *doc) placeOfState(i, end int) bool {
	if i+2 >= end || d.toks[i+1].text != "," {
		return false
	}
	gp, ok := d.lx.matchGaz(d.toks, i+2, end)
	if !ok || gp.kind != refName {
		return false
	}
	t := d.lx.types[gp.entry]
	if t != schema.Country && t != schema.Location {
		return false
	}
	k := i + 2 + len(gp.words)
	// The state ends the phrase: a comma, the end, a date or a full stop.
	return k >= end || d.toks[k].kind != tkWord || !d.toks[k].cap
}

// indefinite reports whether a or an stands before token i: "an IED", "a
// UAV" are things, not named bodies.
func (d *doc) indefinite(si, i int) bool {
	return i > d.sents[si].from && (d.toks[i-1].lower == "a" || d.toks[i-1].lower == "an")
}

// placeName reports whether token k alone names a state or place of the
// gazetteer: "(U.S.)" after a name is where the person is from, not the
// name's acronym.
func (d *doc) placeName(k int) bool {
	gp, ok := d.lx.matchGaz(d.toks, k, k+1)
	if !ok || len(gp.words) != 1 {
		return false
	}
	t := d.lx.types[gp.entry]
	return t == schema.Country || t == schema.Location
}

// stateTitleClasses are the title classes whose holder, named with "of X"
// after the name, serves a state: "President Amani Oduya of Kenya".
var stateTitleClasses = map[string]bool{
	"head": true, "minister": true, "diplomat": true, "military": true, "legislator": true,
}

// titledNameOf reports whether the person's name [i, j) after a title
// (which ends at titleEnd) is followed by "of" and the body or state the
// title belongs to: "Foreign Minister Ilse Varen of Portugal" is a person
// and her state, not one name.
func (d *doc) titledNameOf(i, j, end, titleEnd int) bool {
	return titleEnd == i && j+1 < end && d.toks[j].lower == "of" && !d.hasOrgWord(i, j) && (d.isCapWord(j+1) || d.toks[j+1].lower == "the")
}

// ownerAfterOf reads "of X" after the titled person named at [i, j): X
// owns the title (HOLDS_ROLE) and is a modifier of the person's phrase. It
// returns the end of X, or j when X is no body or state.
func (d *doc) ownerAfterOf(si, i, j, end int) int {
	toks := d.toks
	n := len(d.ments)
	if n == 0 || d.ments[n-1].from != i || d.ents[d.ments[n-1].ent].typ != schema.Person {
		return j
	}
	k0 := j + 1
	if toks[k0].lower == "the" && k0+1 < end {
		k0++
	}
	owner, k := -1, k0
	if gp, ok := d.lx.matchGaz(toks, k0, end); ok && gp.kind != refDemonym {
		switch d.lx.types[gp.entry] {
		case schema.Country, schema.Organization:
			owner, k = d.gazEnt(gp.entry), k0+len(gp.words)
		}
	} else if d.isCapWord(k0) {
		kr := d.capRun(k0, end, true)
		switch {
		case d.hasOrgWord(k0, kr):
			owner, k = d.entByName(d.span(k0, kr), schema.Organization), kr
		case kr == k0+1 && stateTitleClasses[d.pendClass]:
			// "Defence Minister Karel Brisk of Velmora": a state the
			// gazetteer does not know.
			owner, k = d.entByName(d.span(k0, kr), schema.Country), kr
		case kr == k0+1 && d.pendClass == "business":
			owner, k = d.entByName(d.span(k0, kr), schema.Organization), kr
		}
	}
	if owner < 0 {
		return j
	}
	if d.ments[n-1].owner < 0 {
		d.ments[n-1].owner = owner
	}
	d.addMention(mention{ent: owner, from: k0, to: k, sent: si, mod: true, owner: -1})
	return k
}

// stateNouns, after "X's" or before "of X", say that the unknown name X is
// a state: "Velmora's army", "the government of Velmora".
var stateNouns = map[string]bool{
	"government": true, "army": true, "military": true, "navy": true, "parliament": true,
	"capital": true, "border": true, "borders": true, "territory": true, "airspace": true,
	"embassy": true, "ambassador": true, "troops": true, "soldiers": true, "citizens": true,
	"constitution": true, "president": true, "prime minister": true, "king": true, "queen": true,
	"emir": true, "sultan": true, "monarch": true, "armed forces": true, "air force": true,
	"coast guard": true, "defence ministry": true, "defense ministry": true, "foreign ministry": true,
	"interior ministry": true, "central bank": true, "regime": true, "junta": true, "authorities": true,
	"leadership": true, "envoy": true, "people": true, "state media": true, "waters": true,
	"economy": true, "currency": true, "opposition": true, "tanks": true, "warplanes": true,
	"air strikes": true, "airstrikes": true, "border guards": true, "navy ships": true,
}

// placeListAt reports whether the name [i, j) goes on a list of names
// that a place preposition opens: "the airports in Arad, Oradea and
// Sibiu" — but not "the ambassador in Lisbon, Ivo Brandt,".
func (d *doc) placeListAt(from, i, j, end int) bool {
	toks := d.toks
	if i <= from || toks[i-1].lower != "and" && toks[i-1].lower != "or" && !(toks[i-1].text == "," && d.listEndsAhead(j, end)) {
		return false
	}
	x := i - 1
	listed := false
	for x > from && (toks[x].text == "," || toks[x].lower == "and" || toks[x].lower == "or") && d.isCapWord(x-1) {
		x--
		for x > from && d.isCapWord(x-1) {
			x--
		}
		listed = true
		x--
	}
	return listed && x >= from && placePreps[toks[x].lower]
}

// listEndsAhead reports whether a list of names goes on from k to its
// last item after "and" or "or": ", Tamla and Velt".
func (d *doc) listEndsAhead(k, end int) bool {
	toks := d.toks
	for k+1 < end && toks[k].text == "," && d.isCapWord(k+1) {
		k++
		for k < end && d.isCapWord(k) {
			k++
		}
	}
	if k < end && toks[k].text == "," {
		k++
	}
	return k+1 < end && (toks[k].lower == "and" || toks[k].lower == "or") && d.isCapWord(k+1)
}

// listedWithOrg reports whether the name [i, j) is listed next to an
// organization's name: "X, Kessel Aerosystems and Tamrin Technologies".
func (d *doc) listedWithOrg(from, i, j, end int) bool {
	toks := d.toks
	// A list has "and" or "or" before its last item: "X, Y and Z", not
	// the apposition of "the minister, X, and".
	and := func(k int) bool { return toks[k].lower == "and" || toks[k].lower == "or" }
	if j+1 < end && (and(j) || toks[j].text == "," && d.listEndsAhead(j, end)) && d.isCapWord(j+1) {
		if k := d.capRun(j+1, end, true); d.hasOrgWord(j+1, k) {
			return true
		}
	}
	if i-1 > from && (and(i-1) || toks[i-1].text == "," && d.listEndsAhead(j, end)) && d.isCapWord(i-2) {
		a := i - 2
		for a > from && d.isCapWord(a-1) {
			a--
		}
		// "Minister of State for Mining Resources, X,": a title.
		_, title := d.lx.matchTitle(toks, a, i-1)
		if a > from && nameConnectors[toks[a-1].lower] {
			title = true // "Minister of State for Mining Resources"
		}
		if d.hasOrgWord(a, i-1) && !title {
			return true
		}
	}
	return false
}

// workNouns are people who work at a body: "analysts at X".
var workNouns = map[string]bool{
	"analyst": true, "analysts": true, "economist": true, "economists": true, "researcher": true,
	"researchers": true, "strategist": true, "strategists": true, "professor": true, "fellow": true,
	"lawyer": true, "lawyers": true, "engineer": true, "engineers": true, "scientist": true,
	"scientists": true, "employee": true, "employees": true, "staff": true, "workers": true,
	"executives": true, "traders": true, "experts": true, "expert": true,
}

// placeTailNouns after a name say it names a place: "Tho Vinh island",
// "the Valdora region", "the Karsak field".
var placeTailNouns = map[string]bool{
	"island": true, "islands": true, "region": true, "province": true, "district": true, "county": true,
	"valley": true, "basin": true, "peninsula": true, "river": true, "field": true, "fields": true,
	"crossing": true, "checkpoint": true, "prefecture": true, "governorate": true, "oblast": true,
	"municipality": true, "area": true, "camp": true, "port": true, "airport": true, "harbour": true,
	"harbor": true, "city": true, "town": true, "village": true, "state": true,
}

// placeNounAfter reports whether a place noun follows the name that ends
// at j, directly or after other names joined to it: "Tho Vinh island",
// "the Karsak and Belun fields".
func (d *doc) placeNounAfter(j, end int) bool {
	toks := d.toks
	for j < end && (toks[j].lower == "and" || toks[j].text == ",") && j+1 < end && d.isCapWord(j+1) {
		j += 2
		for j < end && d.isCapWord(j) {
			j++
		}
	}
	return j < end && toks[j].kind == tkWord && !toks[j].cap && placeTailNouns[toks[j].lower]
}

// thingNouns after a name say it names a plan or an event, not an actor:
// "the Deep Reef programme".
var thingNouns = map[string]bool{
	"programme": true, "program": true, "project": true, "initiative": true, "scheme": true,
	"operation": true, "plan": true, "pipeline": true, "corridor": true, "format": true, "process": true,
	"doctrine": true, "declaration": true, "accord": true, "accords": true, "agreement": true,
	"deal": true, "treaty": true, "summit": true, "talks": true, "strategy": true, "framework": true,
}

// bodyTailNouns after a name say it names a body: "the Vesna Renewal
// party".
var bodyTailNouns = map[string]bool{
	"party": true, "bloc": true, "alliance": true, "coalition": true, "movement": true, "faction": true,
	"militia": true, "group": true, "gang": true, "cartel": true, "consortium": true, "conglomerate": true,
	"syndicate": true, "newspaper": true, "agency": true, "daily": true, "broadcaster": true,
	"magazine": true, "weekly": true, "website": true, "channel": true, "company": true, "firm": true,
}

// bodyNounAfter reports whether a body noun follows the name that ends at
// j: "the Vesna Renewal party".
func (d *doc) bodyNounAfter(j, end int) bool {
	t := d.toks
	// "the Itar-Tass news agency"
	if j+1 < end && (t[j].lower == "news" || t[j].lower == "state") && t[j+1].kind == tkWord && !t[j+1].cap {
		j++
	}
	if j >= end || t[j].kind != tkWord || t[j].cap || !bodyTailNouns[t[j].lower] {
		return false
	}
	// "Asian Cup group C", "the European group eight clash": a
	// tournament's group.
	if t[j].lower == "group" && j+1 < end && (isDigits(t[j+1].text) || len(t[j+1].text) == 1 && t[j+1].text[0] >= 'A' && t[j+1].text[0] <= 'Z' || numberWords[t[j+1].lower] > 1) {
		return false
	}
	return true
}

// ownedModifier reports whether w says who owns or runs what follows, as
// is said of firms: "state-owned", "family-run", "Paris-listed".
func ownedModifier(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 {
		return false
	}
	switch w[k+1:] {
	case "owned", "run", "listed", "traded", "controlled":
		return true
	}
	return false
}

// placeNouns before "of X" say that X is a place: "the village of Asko".
var placeNouns = map[string]bool{
	"town": true, "city": true, "village": true, "province": true, "region": true, "district": true,
	"port": true, "island": true, "county": true, "suburb": true, "municipality": true, "state": true,
}

// stateNounAt returns the length of a state noun (or a minister's title)
// at token k, or 0.
func (d *doc) stateNounAt(k, end int) int {
	if k+1 < end && stateNouns[d.toks[k].lower+" "+d.toks[k+1].lower] {
		return 2
	}
	if k < end && stateNouns[d.toks[k].lower] {
		return 1
	}
	if tp, ok := d.lx.matchTitle(d.toks, k, end); ok && d.lx.title[tp.entry].Class == "minister" {
		return len(tp.words)
	}
	return 0
}

// unknownWord reports whether token k is a capitalized word standing alone
// (no capitalized word on either side) that neither the gazetteer nor the
// titles know.
func (d *doc) unknownWord(si, k int) bool {
	s := d.sents[si]
	t := d.toks[k]
	if !d.isCapWord(k) || stopCaps[t.lower] || k > s.from && d.isCapWord(k-1) || k+1 < s.to && d.isCapWord(k+1) {
		return false
	}
	if _, ok := d.lx.matchGaz(d.toks, k, k+1); ok {
		return false
	}
	_, ok := d.lx.matchTitle(d.toks, k, s.to)
	return !ok
}

// collectHints reads the whole article for what it says about one-word
// names that nothing else types: "Velmora's army", "the government of
// Velmora" make Velmora a state; "the village of Asko" makes Asko a place;
// "the Velmoran government" makes Velmora a state and Velmoran its
// demonym. The hints hold for every mention of the name in the article.
func (d *doc) collectHints() {
	toks := d.toks
	var words map[string]bool // unknown one-word names of the article
	var demonyms []int        // tokens of demonym-like words before a state noun
	var surnames, firms []string
	for si, s := range d.sents {
		for k := s.from; k < s.to; k++ {
			if toks[k].kind != tkWord || !toks[k].cap {
				continue
			}
			if w, ok := d.surnameAt(s, k); ok {
				surnames = append(surnames, w)
			}
			if w, ok := d.firmFirstWord(s, k); ok {
				firms = append(firms, w)
			}
			if !d.unknownWord(si, k) {
				continue
			}
			if words == nil {
				words = map[string]bool{}
			}
			words[toks[k].text] = true
			d.contextHints(s, k)
			// "the Velmoran government", "a Velmoran journalist": an
			// adjective before a noun or a title.
			if isDemonymShape(toks[k].text) && k+1 < s.to && !toks[k+1].cap && (d.syn[k+1].POS == syntax.NOUN || d.stateNounAt(k+1, s.to) > 0) {
				demonyms = append(demonyms, k)
			}
		}
	}
	// "Velmora and Portugal", "between Portugal and Velmora": a name
	// coordinated with a state is a state (twice, for chains).
	for pass := 0; pass < 2 && len(words) > 0; pass++ {
		d.coordinationHints(words)
	}
	for _, w := range surnames {
		if _, ok := d.hints[w]; !ok {
			d.hint(w, schema.Person)
		}
	}
	for _, k := range demonyms {
		d.demonymHints(toks[k].text, words)
	}
	// "Kestrel Veltronics ... Kestrel's president": the first word of
	// a firm's name is the firm, not a state.
	for _, w := range firms {
		if t, ok := d.hints[w]; ok && t != schema.Organization && !d.writtenAsPlace(w) {
			delete(d.hints, w)
		}
	}
}

// writtenAsPlace reports whether the article writes the word w after a
// preposition of place ("travel to Catatumbo"), as a place's name.
func (d *doc) writtenAsPlace(w string) bool {
	for k := 1; k < len(d.toks); k++ {
		if d.toks[k].text == w && locPreps[d.toks[k-1].lower] {
			return true
		}
	}
	return false
}

// firmFirstWord returns the first word of the organization's name of two
// or more words that starts at the capitalized word k of sentence s.
func (d *doc) firmFirstWord(s sentence, k int) (string, bool) {
	if k > s.from && d.isCapWord(k-1) {
		return "", false
	}
	if r := d.capRun(k, s.to, false); r-k >= 2 && d.hasOrgWord(k, r) {
		return d.toks[k].text, true
	}
	return "", false
}

// hint types the one-word name w as t, unless a hint other than a place
// typed it already.
func (d *doc) hint(w string, t schema.EntityType) {
	if d.hints == nil {
		d.hints = map[string]schema.EntityType{}
	}
	if old, ok := d.hints[w]; !ok || old == schema.Location {
		d.hints[w] = t
	}
}

// surnameAt returns the surname of the person's name that starts at the
// capitalized word k of sentence s after a given name or a title: "Jim
// Harlan" anywhere makes a lone "Harlan" him.
func (d *doc) surnameAt(s sentence, k int) (string, bool) {
	toks := d.toks
	if k+1 >= s.to || !d.isCapWord(k+1) ||
		!(d.givenAt(k) && (k == s.from || !d.isCapWord(k-1)) || d.titleEndsAt(k)) {
		return "", false
	}
	if r := d.capRun(k, s.to, false); r-k >= 2 && r-k <= 4 && !d.hasOrgWord(k, r) && d.nameWord(r-1) {
		return toks[r-1].text, true
	}
	return "", false
}

// contextHints types the unknown one-word name at token k of sentence s
// by the words around it: a state for "Velmora's army", "the government
// of Velmora" and "President Dara Venn of Velmora"; a place for "the
// village of Asko"; an organization for "join Velta", "a member of
// Velta".
func (d *doc) contextHints(s sentence, k int) {
	toks := d.toks
	w := toks[k].text
	// "Velmora's army"
	if k+2 < s.to && (toks[k+1].text == "'s" || toks[k+1].text == "’s") && d.stateNounAt(k+2, s.to) > 0 {
		d.hint(w, schema.Country)
	}
	// "the government of Velmora", "the village of Asko"
	if k >= s.from+2 && toks[k-1].lower == "of" {
		for n := 1; n <= 2 && k-1-n >= s.from; n++ {
			if d.stateNounAt(k-1-n, k-1) == n {
				d.hint(w, schema.Country)
			} else if n == 1 && placeNouns[toks[k-2].lower] {
				d.hint(w, schema.Location)
			}
		}
	}
	// "President Dara Venn of Velmora", "secretary-general of
	// Velta", "the envoy of Velmora"
	if k >= s.from+2 && toks[k-1].lower == "of" {
		if t := d.titleOwnerType(s.from, k-1); t != "" {
			d.hint(w, t)
		}
	}
	// "join Velta", "a member of Velta"
	if k > s.from && joinWords[toks[k-1].lower] || k >= s.from+2 && toks[k-1].lower == "of" && memberWords[toks[k-2].lower] {
		d.hint(w, schema.Organization)
	}
}

// coordinationHints types as states the unknown names of words that are
// coordinated with a state and have no hint yet.
func (d *doc) coordinationHints(words map[string]bool) {
	toks := d.toks
	for si, s := range d.sents {
		for k := s.from; k < s.to; k++ {
			if !words[toks[k].text] || d.hints[toks[k].text] != "" || !d.unknownWord(si, k) {
				continue
			}
			if d.countryAround(si, k) {
				d.hint(toks[k].text, schema.Country)
			}
		}
	}
}

// demonymHints types as a state each unknown name of words whose demonym
// dem is ("Velmoran" of "Velmora"), and records dem as its demonym.
func (d *doc) demonymHints(dem string, words map[string]bool) {
	for w := range words {
		if demonymOf(w, dem) {
			d.hint(w, schema.Country)
			if d.demonyms == nil {
				d.demonyms = map[string]string{}
			}
			d.demonyms[dem] = w
		}
	}
}

// joinWords before a name say it is a body one can join.
var joinWords = map[string]bool{"join": true, "joins": true, "joined": true, "joining": true, "rejoin": true, "rejoined": true}

// memberWords before "of X" say X is a body with members.
var memberWords = map[string]bool{"member": true, "members": true, "membership": true}

// titleOwnerType returns what owns the title that ends at token k (just
// before "of"), perhaps after a person's name ("President Dara Venn of"):
// a state for heads of state, ministers, diplomats and officers, an
// organization for officials, or "" when no title ends there.
func (d *doc) titleOwnerType(from, k int) schema.EntityType {
	// Skip a capitalized name before "of".
	x := k
	for x > from && d.isCapWord(x-1) && !d.titleEndsAt(x) {
		x--
	}
	for n := 1; n <= 3 && x-n >= from; n++ {
		tp, ok := d.lx.matchTitle(d.toks, x-n, x)
		if !ok || len(tp.words) != n {
			continue
		}
		switch d.lx.title[tp.entry].Class {
		case "minister", "military", "diplomat":
			return schema.Country
		case "head":
			if x == k {
				// "the president of Velta" may be a firm's; "President
				// Dara Venn of Velmora" is a state's.
				return ""
			}
			return schema.Country
		case "official", "business":
			return schema.Organization
		}
	}
	return ""
}

// isDemonymShape reports whether w ends as English demonyms do.
func isDemonymShape(w string) bool {
	for _, suf := range []string{"an", "ese", "ish", "i"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// demonymOf reports whether dem is the demonym English regularly forms
// from the name w: Velmora -> Velmoran, Tarsia -> Tarsian, Korvland ->
// Korvlandish, Dalmir -> Dalmiri, Sunese from Suna.
func demonymOf(w, dem string) bool {
	if len(dem) <= len(w) {
		return false
	}
	switch dem {
	case w + "n", w + "an", w + "ian", w + "ese", w + "ish", w + "i":
		return true
	}
	if last := w[len(w)-1]; last == 'a' || last == 'e' || last == 'o' || last == 'y' {
		b := w[:len(w)-1]
		switch dem {
		case b + "an", b + "ian", b + "ese", b + "ish", b + "i":
			return true
		}
	}
	return false
}

// hintedName records the one-word name at i by the article's hints (see
// collectHints): a state, a place, or the demonym of a state ("the
// Velmoran government" stands for Velmora, "the Velmoran army" is a body
// of it). It reports whether it did.
func (d *doc) hintedName(si, i, end int) bool {
	toks := d.toks
	w := toks[i].text
	if st, ok := d.demonyms[w]; ok {
		country := d.entByName(st, schema.Country)
		j := i + 1
		if n := d.matchOrgNoun(j, end); n > 0 && !countryNouns[toks[j].lower] {
			e := d.entByName(d.span(i, j+n), schema.Organization)
			d.setPartOf(e, country)
			d.orgMention(si, i, j+n, end, e)
			d.lastEnd = j + n
			return true
		}
		if j < end && countryNouns[toks[j].lower] {
			d.addMention(mention{ent: country, from: i, to: j + 1, sent: si, kind: mkDemonym, owner: -1})
			return true
		}
		m := d.addMention(mention{ent: country, from: i, to: j, sent: si, kind: mkDemonym, mod: true, poss: true, owner: -1})
		if t, ok := d.titleAfterOwner(j, end); ok {
			// "the Velmoran foreign minister": the state owns the title.
			d.ments[m].poss = false
			d.pendOwnerNext, d.pendOwnerAt, d.pendPortfolio = country, t, d.portfolio(j, t)
		}
		return true
	}
	t, ok := d.hints[w]
	if !ok || d.personBySurname(w) >= 0 {
		// "Harlan's government": the person named before.
		return false
	}
	if t == schema.Person {
		d.addMention(mention{ent: d.personFor(i, i+1), from: i, to: i + 1, sent: si, owner: -1})
		return true
	}
	e := d.entByName(d.span(i, i+1), t)
	if t == schema.Country || t == schema.Organization {
		d.orgMention(si, i, i+1, end, e)
	} else {
		d.addMention(mention{ent: e, from: i, to: i + 1, sent: si, owner: -1})
	}
	return true
}

// notNames are short capitalized or upper-case words that name no entity:
// times, time zones, units.
var notNames = map[string]bool{
	"a.m.": true, "p.m.": true, "am": true, "pm": true, "gmt": true, "utc": true, "est": true,
	"edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true, "pst": true, "pdt": true,
	"cet": true, "cest": true, "bst": true, "ist": true, "jst": true,
	// measures and terms of economics and trade
	"gdp": true, "gnp": true, "cpi": true, "ppi": true, "pmi": true, "vat": true, "ipo": true,
	"bpd": true, "lng": true, "lpg": true, "ev": true, "evs": true, "ai": true, "fdi": true,
}

// adjectiveShape reports whether the capitalized word w ends as adjectives
// and names of languages and creeds do ("Arabic", "Islamic", "Swedish",
// "Buddhism"): after "in" or "to" it is no place.
func adjectiveShape(w string) bool {
	for _, suf := range []string{"ic", "ish", "ese", "ism", "ian"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// cityNamed handles a gazetteer place (a city, or a capital) at [i, j)
// that names a team or a firm: in a results line ("Tarvin 2 Olbury 1"),
// or followed by more capitalized words that make one name with it
// ("Tarvin Comets", "Oslo Re", "Lisbon Newsdesk"). It records the
// organization and returns the end of its name, or 0.
//
// When the city's name is also a given name and what follows makes no team
// ("Sofia Marlow", "Austin Ebb"), it returns -1: the words are a
// person's name.
func (d *doc) cityNamed(si, i, j, end int, gp phrase) int {
	if gp.kind == refDemonym || d.lx.types[gp.entry] != schema.Location && gp.kind != refMetonym {
		return 0
	}
	if !d.toks[i].cap {
		return 0
	}
	if d.resultsSlot(si, i, j, end) {
		d.orgMention(si, i, j, end, d.entByName(d.span(i, j), schema.Organization))
		return j
	}
	if j >= end || !d.isCapWord(j) || d.toks[j].upper && !d.caseless[si] || stopCaps[d.toks[j].lower] || d.givenAt(j) {
		return 0
	}
	if _, ok := d.lx.matchTitle(d.toks, j, end); ok {
		return 0
	}
	if _, ok := d.lx.matchGaz(d.toks, j, end); ok {
		return 0
	}
	k := d.capRun(j, end, false)
	if k <= j || geoWords[d.toks[k-1].lower] || placeTails[d.toks[k-1].lower] || placeHeads[d.toks[j].lower] {
		// "London Bridge", "Kabul Airport": a place.
		return 0
	}
	if last := d.toks[k-1].lower; d.givenAt(i) && !d.resultsSlot(si, i, k, end) && !d.hasOrgWord(i, k) && !(strings.HasSuffix(last, "s") && d.lx.common[last]) {
		// "Sofia Marlow" is a person; "Dallas Comets" a team.
		return -1
	}
	e := d.orgByPrefix(d.span(i, k))
	if e < 0 {
		e = d.entByName(d.span(i, k), schema.Organization)
	}
	d.orgMention(si, i, k, end, e)
	return k
}

// placeTails end names of places and buildings: "London Bridge".
var placeTails = map[string]bool{
	"bridge": true, "tower": true, "towers": true, "wall": true, "gate": true, "street": true,
	"road": true, "avenue": true, "park": true, "station": true, "hall": true, "cathedral": true,
	"castle": true, "ground": true, "arena": true, "harbour": true, "harbor": true, "port": true,
	"district": true, "county": true, "city": false, "centre": false, "quarter": true, "metro": false,
	"north": true, "south": true, "east": true, "west": true, "area": true, "state": false,
}

// scorer reports whether the one-word name [i, j) is a scorer in a results
// line: inside brackets after a team's score, followed by the minute or
// the points ("Tarvin 2 (Hale 34, Mott 71)").
func (d *doc) scorer(si, i, j, end int) bool {
	s := d.sents[si]
	if j >= end || d.toks[j].kind != tkNum {
		return false
	}
	depth := 0
	for k := s.from; k < i; k++ {
		switch d.toks[k].text {
		case "(":
			depth++
		case ")":
			depth--
		}
	}
	if depth <= 0 {
		return false
	}
	// The bracket follows a score: "Tarvin 2 (".
	for k := i - 1; k > s.from; k-- {
		if d.toks[k].text == "(" {
			return d.toks[k-1].kind == tkNum
		}
	}
	return false
}

// nameSpan returns the tokens of mention m that name its entity: without
// an article before the name ("the United Nations", unless the name itself
// starts with "The") and, for a state or place, without what a possessive
// adds after it ("Israel's side").
func (d *doc) nameSpan(m mention) (from, to int) {
	from, to = m.from, m.to
	if to-from > 1 && d.toks[from].lower == "the" && !strings.HasPrefix(d.ents[m.ent].name, "The ") {
		from++
	}
	if t := d.ents[m.ent].typ; t != schema.Country && t != schema.Location {
		// "Velmora's Planning Agency", "Velmora's Foreign Ministry"
		// are the body's name as written.
		return from, to
	}
	for k := from + 1; k < to; k++ {
		if t := d.toks[k].text; t == "'s" || t == "’s" {
			to = k
			break
		}
	}
	return from, to
}

// loneOrgWords are organization words that alone name no body: "Group A",
// "the League", "Women's singles" aside, a lone "Group" or "Party" is a
// common noun capitalized.
var loneOrgWords = map[string]bool{
	"group": true, "league": true, "party": true, "club": true, "community": true, "united": true,
	"association": true, "company": true, "corporation": true, "federation": true, "partners": true,
	"holdings": true, "holding": true, "fund": true, "trust": true, "foundation": true, "institute": true,
	"front": true, "movement": true, "coalition": true, "bloc": true, "service": true, "services": true,
	"network": true, "programme": true, "program": true, "initiative": true, "forum": true,
	"athletic": true, "systems": true, "industries": true, "enterprises": true, "technologies": true,
	"conference": true, "society": true, "unit": true, "center": true, "centre": true, "office": true,
	"department": true, "bureau": true, "board": true, "chamber": true, "mission": true, "delegation": true,
}

// titleEndsAt reports whether a title ends just before token k: "Prime
// Minister Jim Harlan".
func (d *doc) titleEndsAt(k int) bool {
	for n := 1; n <= 3 && k-n >= 0; n++ {
		if tp, ok := d.lx.matchTitle(d.toks, k-n, k); ok && len(tp.words) == n {
			return true
		}
	}
	return false
}

// coordinators join names in a list.
var coordinators = map[string]bool{"and": true, "or": true, ",": true, "nor": true}

// countryAround reports whether the one-word name at k is coordinated
// with a state: a gazetteer state or a name the hints made one.
func (d *doc) countryAround(si, k int) bool {
	s := d.sents[si]
	toks := d.toks
	isState := func(from, to int) bool {
		if from < s.from || to > s.to || from >= to {
			return false
		}
		if to-from == 1 && d.hints[toks[from].text] == schema.Country {
			return true
		}
		gp, ok := d.lx.matchGaz(toks, from, to)
		return ok && from+len(gp.words) == to && gp.kind == refName && d.lx.types[gp.entry] == schema.Country
	}
	if k+2 < s.to && coordinators[toks[k+1].lower] {
		n := 1
		if gp, ok := d.lx.matchGaz(toks, k+2, s.to); ok {
			n = len(gp.words)
		}
		// "Dunvale, Canada" is a place in a state, "Dunvale, Canada and
		// Peru" a list.
		if isState(k+2, k+2+n) && (toks[k+1].lower != "," || d.listGoesOn(k+2+n, s.to)) {
			return true
		}
	}
	if k-2 >= s.from && coordinators[toks[k-1].lower] {
		for n := 1; n <= 4; n++ {
			if isState(k-1-n, k-1) {
				return true
			}
		}
	}
	return false
}

// listGoesOn reports whether a list of names continues at token k: "and",
// "or", or a comma and another name.
func (d *doc) listGoesOn(k, end int) bool {
	if k >= end {
		return false
	}
	switch d.toks[k].lower {
	case "and", "or":
		return true
	case ",":
		return k+1 < end && (d.isCapWord(k+1) || d.toks[k+1].lower == "and" || d.toks[k+1].lower == "or")
	}
	return false
}

// titledAfter reports whether an apposition that gives a person's title
// follows token j: ", the envoy of X", ", a former minister", ", the
// Union's competition commissioner", ", who".
func (d *doc) titledAfter(j, end int) bool {
	if j+1 >= end || d.toks[j].text != "," {
		return false
	}
	if d.toks[j+1].lower == "who" {
		return true
	}
	for k := j + 1; k < end && k < j+8; k++ {
		t := d.toks[k]
		if _, ok := d.lx.matchTitle(d.toks, k, end); ok {
			return true
		}
		switch {
		case t.lower == "the" || t.lower == "a" || t.lower == "an" || t.lower == "its" || t.lower == "former" || t.lower == "deputy":
		case t.text == "'s" || t.text == "’s":
		case t.kind == tkWord && t.cap:
		default:
			return false
		}
	}
	return false
}

// compass words open names of regions and their adjectives: "West
// African", "Central Asian".
var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true,
}
