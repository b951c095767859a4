package extract

import (
	"strings"
	"unicode"

	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// mKind says how a mention names its entity.
type mKind uint8

const (
	mkName    mKind = iota // a name or alias
	mkMetonym              // a capital or seat standing for a state
	mkDemonym              // "the Russian side"
	mkPronoun              // he, she, it, they
	mkDesc                 // "the minister", "the group"
)

// mention is one reference to a document entity: tokens [from, to).
type mention struct {
	ent      int
	from, to int
	sent     int
	kind     mKind
	// mod marks a modifier inside a larger noun phrase (the possessor in
	// "Peru's General Audit Service", the owner of a title): it
	// names an entity but is neither subject nor object of a verb.
	mod bool
	// poss marks a possessor ("Russia's preparations"): a modifier that
	// may still be the object of a cue before it.
	poss bool
	// title is the role title attached to a person mention, and owner the
	// entity that qualifies the title (-1 when none).
	title  string
	tclass string
	owner  int
}

// docEnt is one entity of the article.
type docEnt struct {
	name    string
	typ     schema.EntityType
	aliases []string
	gaz     int // gazetteer entry, -1 when none
	partOf  int // document entity this one is part of, -1 when none
	place   bool
	count   int
}

// particles join the parts of a personal name.
var particles = map[string]bool{
	"bin": true, "ibn": true, "al": true, "el": true, "de": true, "da": true, "di": true, "du": true,
	"van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "del": true,
	"dos": true, "das": true, "abu": true, "ben": true, "bint": true, "y": true, "zu": true,
}

// stopCaps are capitalized words that never start a name: sentence-initial
// function words and calendar words.
var stopCaps = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "after": true, "before": true,
	"but": true, "and": true, "or": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"i": true, "this": true, "that": true, "these": true, "those": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "your": true, "there": true, "when": true,
	"while": true, "as": true, "meanwhile": true, "separately": true, "earlier": true, "later": true,
	"last": true, "since": true, "however": true, "for": true, "from": true, "with": true, "by": true,
	"if": true, "of": true, "to": true, "under": true, "recently": true, "also": true, "both": true,
	"according": true, "speaking": true, "asked": true, "despite": true, "during": true, "what": true,
	"who": true, "which": true, "where": true, "why": true, "how": true, "yet": true, "still": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan.": true, "feb.": true, "aug.": true, "sept.": true,
	"oct.": true, "nov.": true, "dec.": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "mr.": true, "mrs.": true, "ms.": true, "mr": true, "mrs": true, "ms": true,
	"some": true, "many": true, "several": true, "all": true, "no": true, "not": true, "one": true,
	"two": true, "three": true, "such": true, "other": true, "another": true, "each": true,
	"instead": true, "then": true, "now": true, "today": true, "tomorrow": true, "yesterday": true,
	"although": true, "though": true, "because": true, "so": true, "thus": true, "once": true,
	"until": true, "without": true, "against": true, "over": true, "between": true, "among": true,
	"into": true, "upon": true, "near": true, "outside": true, "inside": true, "across": true,
	"along": true, "around": true, "beyond": true, "behind": true, "below": true, "above": true,
	"toward": true, "towards": true, "throughout": true, "within": true, "beside": true, "via": true, "about": true, "more": true, "most": true, "less": true, "we're": true,
	"dear": true, "only": true, "even": true, "just": true, "further": true, "first": true,
	"following": true, "amid": true, "ahead": true, "here": true, "every": true, "any": true,
	"former": true, "new": false,
}

// orgNouns are lower-case heads that make "<Demonym> <noun>" an
// organization: "the Chilean embassy", "the Israeli military".
var orgNouns = map[string]bool{
	"embassy": true, "military": true, "army": true, "navy": true,
	"parliament": true, "police": true, "coast guard": true, "foreign ministry": true,
	"defence ministry": true, "defense ministry": true, "interior ministry": true,
	"finance ministry": true, "health ministry": true, "justice ministry": true, "cabinet": true,
	"air force": true, "armed forces": true, "presidency": true, "consulate": true, "mission": true,
	"central bank": true, "security service": true, "intelligence service": true,
	"foreign office": true, "trade ministry": true, "economy ministry": true, "ministry": true,
	"legislature": true, "senate": true,
}

// countryNouns after a demonym make the phrase stand for the state: "the
// Somali government", "the Russian side".
var countryNouns = map[string]bool{
	"side": true, "government": true, "authorities": true, "leadership": true, "presidency": true,
	"administration": true, "regime": true, "junta": true, "state": true,
}

// orgDescriptors are lower-case nouns that, just before a capitalized name,
// say it names an organization: "port operator Suryavanshi", "watchdog CADE".
var orgDescriptors = map[string]bool{
	"company": true, "firm": true, "operator": true, "group": true, "app": true, "giant": true,
	"maker": true, "carrier": true, "watchdog": true, "regulator": true, "agency": true,
	"party": true, "newspaper": true, "broadcaster": true, "bank": true, "lender": true,
	"insurer": true, "miner": true, "producer": true, "manufacturer": true, "retailer": true,
	"startup": true, "conglomerate": true, "militia": true, "movement": true, "outlet": true,
	"daily": true, "network": true, "platform": true, "airline": true, "automaker": true,
	"chipmaker": true, "developer": true, "supplier": true, "shipbuilder": true, "rebels": true,
	"organisation": true, "organization": true, "alliance": true, "coalition": true, "union": true,
	"federation": true, "channel": true, "tabloid": true, "service": true, "authority": true,
	"exchange": true, "fund": true, "court": true, "body": true, "parliament": true,
	"rival": true, "competitor": true, "suitor": true, "subsidiary": true, "unit": true, "arm": true,
	"distributor": true, "contractor": true, "consultancy": true, "refiner": true, "shipper": true,
	"broker": true, "wholesaler": true, "utility": true, "charity": true, "publisher": true,
	"affiliate": true, "exporter": true, "importer": true, "trader": true, "shareholder": true,
	"holding": true, "insurer,": false, "university": true, "institute": true, "think": false,
}

// modifierSuffixes end hyphenated modifiers: "Pakistan-based".
var modifierSuffixes = map[string]bool{
	"based": true, "led": true, "backed": true, "owned": true, "controlled": true, "administered": true,
	"drafted": true, "held": true, "run": true, "born": true, "made": true, "style": true, "era": true,
	"brokered": true, "aligned": true, "allied": true, "occupied": true, "annexed": true, "funded": true,
	"sponsored": true, "linked": true, "affiliated": true, "friendly": true, "bound": true, "registered": true,
	"flagged": true, "built": true, "headquartered": true,
}

// placeTitles are held over a town or a province: "Tarvin mayor",
// "Arvale governor".
var placeTitles = map[string]bool{
	"mayor": true, "governor": true, "mayor-elect": true, "governor-elect": true, "deputy mayor": true,
	"deputy governor": true, "lord mayor": true, "regional governor": true, "provincial governor": true,
}

// officeHolders head an office named after them ("Prosecutor's Office"),
// in the singular.
var officeHolders = map[string]bool{
	"prosecutor": true, "president": true, "ombudsman": true, "attorney": true, "auditor": true,
	"comptroller": true, "governor": true, "mayor": true, "registrar": true, "solicitor": true,
	"director": true, "chancellor": true,
}

// officeWords name an office after its holder: "Prosecutor's Office".
var officeWords = map[string]bool{"office": true, "bureau": true, "department": true, "chambers": true}

// ownerPreps join a title to the body it belongs to: "head of", "a
// spokesman for", "an analyst at", "a reporter with".
var ownerPreps = map[string]bool{"of": true, "for": true, "at": true, "with": true}

// descNouns after "the" refer to the organization named last.
var descNouns = map[string]bool{
	"group": true, "militia": true, "movement": true, "company": true, "firm": true,
	"organisation": true, "organization": true, "rebels": true, "militants": true,
}

// personDescs after "the" refer to the person named last with that title.
var personDescs = map[string]bool{
	"minister": true, "president": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"ambassador": true, "premier": true, "chancellor": true, "envoy": true, "general": true,
	"secretary": true, "senator": true, "governor": true, "mayor": true, "chairman": true,
	"chairwoman": true, "prosecutor": true, "commander": true,
}

// lastTitled is the person most recently mentioned before x whose title
// holds the word w.
func (d *doc) lastTitled(x int, w string) int {
	for k := len(d.ments) - 1; k >= 0 && k >= len(d.ments)-maxScan; k-- {
		m := d.ments[k]
		if m.to <= x && d.ents[m.ent].typ == schema.Person && m.title != "" && strings.Contains(strings.ToLower(m.title), w) {
			return m.ent
		}
	}
	return -1
}

// bodyNouns after "the" refer to the last organization with that word in
// its name: "the council", "the commission".
var bodyNouns = map[string]bool{
	"council": true, "commission": true, "assembly": true, "committee": true, "court": true,
	"tribunal": true, "parliament": true, "agency": true, "ministry": true, "bank": true,
}

// lastOrgNamed is the organization most recently mentioned before x whose
// name holds the word w.
func (d *doc) lastOrgNamed(x int, w string) int {
	for k := len(d.ments) - 1; k >= 0 && k >= len(d.ments)-maxScan; k-- {
		m := d.ments[k]
		if m.to <= x && d.ents[m.ent].typ == schema.Organization && strings.Contains(strings.ToLower(d.ents[m.ent].name), w) {
			return m.ent
		}
	}
	return -1
}

// lastTopOrg is the gazetteer organization with no parent (a bloc, an
// alliance, a union) mentioned most recently before x, or -1.
func (d *doc) lastTopOrg(x int) int {
	for k := len(d.ments) - 1; k >= 0 && k >= len(d.ments)-maxScan; k-- {
		m := d.ments[k]
		en := d.ents[m.ent]
		if m.to <= x && en.typ == schema.Organization && en.gaz >= 0 && d.lx.partOf[en.gaz] < 0 && len(d.lx.children[en.gaz]) > 0 {
			return m.ent
		}
	}
	return -1
}

// lastOrg is the organization most recently mentioned before token x.
func (d *doc) lastOrg(x int) int {
	for k := len(d.ments) - 1; k >= 0 && k >= len(d.ments)-maxScan; k-- {
		m := d.ments[k]
		if m.to <= x && d.ents[m.ent].typ == schema.Organization {
			return m.ent
		}
	}
	return -1
}

// collectiveOwners may stand before "'s" inside an organization's name:
// "Republican People's Party", "Workers' Party".
var collectiveOwners = map[string]bool{
	"people": true, "workers": true, "women": true, "citizens": true, "nation": true, "farmers": true,
	"peoples": true, "children": true, "veterans": true,
}

// geoWords head or end names of places: "Gulf of Tarsk", "Black Sea".
var geoWords = map[string]bool{
	"gulf": true, "sea": true, "bay": true, "strait": true, "straits": true, "lake": true, "river": true,
	"island": true, "islands": true, "mountains": true, "mount": true, "valley": true, "peninsula": true,
	"ocean": true, "desert": true, "coast": true, "province": true, "region": true, "canal": true,
	"basin": true, "plateau": true, "heights": true, "strip": true, "plain": true, "plains": true, "palace": true, "square": true,
	"airport": true, "stadium": true, "hotel": true, "nile": true,
}

// ofName reports whether tokens [i, j) are a name of the form "X of Y"
// ("Voice of America", "Gulf of Tarsk"), which names an organization or
// a place rather than a person.
func (d *doc) ofName(i, j int) bool {
	if j-i < 3 {
		return false
	}
	for k := i + 1; k < j-1; k++ {
		if l := d.toks[k].lower; l == "of" || l == "for" {
			return true
		}
	}
	return false
}

// locPreps precede a place used as a place.
var locPreps = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "near": true, "into": true, "outside": true,
	"via": true, "toward": true, "towards": true, "across": true, "around": true, "inside": true,
	"throughout": true, "off": true, "within": true,
}

// nameConnectors may stand inside a capitalized organization name.
var nameConnectors = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true, "&": true, "de": true}

func (d *doc) newEnt(name string, t schema.EntityType, gaz int) int {
	d.ents = append(d.ents, &docEnt{name: name, typ: t, gaz: gaz, partOf: -1})
	e := len(d.ents) - 1
	d.indexName(e)
	return e
}

// indexName lists entity e under each word of its name, so that look-ups
// by a word of a name (orgByPrefix, orgBySuffix) read a few entities, not
// all of them: an article of very many names stays linear.
func (d *doc) indexName(e int) {
	if d.byWord == nil {
		d.byWord = map[string][]int{}
	}
	for _, w := range strings.Split(d.ents[e].name, " ") {
		if l := d.byWord[w]; len(l) == 0 || l[len(l)-1] != e {
			d.byWord[w] = append(l, e)
		}
	}
}

// withWord returns the entities whose name holds word w, in the order they
// were found; an entity renamed since may be listed twice.
func (d *doc) withWord(w string) []int { return d.byWord[w] }

// gazEnt returns the document entity of gazetteer entry g, creating it.
func (d *doc) gazEnt(g int) int {
	if e, ok := d.byGaz[g]; ok {
		return e
	}
	e := d.newEnt(d.lx.entries[g].Name, d.lx.types[g], g)
	d.byGaz[g] = e
	if p := d.lx.partOf[g]; p >= 0 && p != g {
		d.ents[e].partOf = -2 - p // resolved lazily: only if the parent is mentioned
	}
	return e
}

// entByName returns the document entity of type t named name, creating it.
func (d *doc) entByName(name string, t schema.EntityType) int {
	k := string(t) + "\x00" + schema.NormalizeName(name)
	if e, ok := d.byName[k]; ok {
		return e
	}
	// A name first taken for a person and later shown to be an
	// organization ("food delivery app Kessa Go") is one entity.
	if t == schema.Organization || t == schema.Person {
		other := schema.Person
		if t == schema.Person {
			other = schema.Organization
		}
		if e, ok := d.byName[string(other)+"\x00"+schema.NormalizeName(name)]; ok {
			if t == schema.Organization {
				d.retype(e, schema.Organization)
			}
			d.byName[k] = e
			return e
		}
	}
	if g, ok := d.lx.byName[schema.NormalizeName(name)]; ok && d.lx.types[g] == t {
		e := d.gazEnt(g)
		d.byName[k] = e
		return e
	}
	e := d.newEnt(name, t, -1)
	d.byName[k] = e
	return e
}

func (d *doc) addMention(m mention) int {
	if d.pendPart.at > 0 && m.from >= d.pendPart.at {
		// "Iceland's central bank, the Reykvault Authority": the
		// name the description was waiting for.
		if p := d.pendPart; m.from == p.at && d.ents[m.ent].typ == schema.Organization {
			d.setPartOf(m.ent, p.owner)
			d.ents[m.ent].addAlias(p.desc)
		}
		d.pendPart = pendingPart{}
	}
	d.ments = append(d.ments, m)
	return len(d.ments) - 1
}

// bodyNounWithin returns the first of up to four lower-case words from
// k that names a kind of body ("foreign intelligence service", "national
// weather service"), or -1.
func (d *doc) bodyNounWithin(k, end int) int {
	for x := k; x < end && x < k+4; x++ {
		t := d.toks[x]
		if t.kind != tkWord || t.cap || isVerbish(t.lower) {
			return -1
		}
		if subunitNouns[t.lower] || orgDescriptors[t.lower] {
			return x
		}
	}
	return -1
}

// pendingPart is a body described by its owner ("Iceland's central
// bank, the ...") whose name starts at token at.
type pendingPart struct {
	at, owner int
	desc      string
}

// namedAfterDescription reports whether the owner's description of a
// body [i, k) ("Iceland's central bank", "Belarus's foreign
// intelligence service") is followed by the body's name in apposition
// (", the Reykvault Authority,"), and if so leaves the name to take the
// owner (see addMention) and the description as an alias.
func (d *doc) namedAfterDescription(i, k, end, owner int) bool {
	toks := d.toks
	a := k
	for n := 0; n < 3 && a < end && toks[a].kind == tkWord && !toks[a].cap && !isVerbish(toks[a].lower); n++ {
		a++
	}
	if a+2 >= end || toks[a].text != "," {
		return false
	}
	at := a + 1
	if toks[at].lower == "the" {
		at++
	}
	if at >= end || !d.isCapWord(at) || toks[at].upper && at+1 < end && toks[at+1].text != "," {
		return false
	}
	if gp, ok := d.lx.matchGaz(toks, at, end); ok && d.lx.types[gp.entry] != schema.Organization {
		return false
	}
	d.pendPart = pendingPart{at: at, owner: owner, desc: d.span(i, a)}
	d.lastEnd = a
	return true
}

// span returns the text of tokens [from, to): the article's text, or in
// an all-caps sentence the words as trueCase re-cased them.
func (d *doc) span(from, to int) string {
	if d.caseless != nil && d.caseless[d.tokSent[from]] {
		var b strings.Builder
		for k := from; k < to; k++ {
			b.WriteString(d.toks[k].text)
			if k+1 < to {
				b.WriteString(d.text[d.toks[k].end:d.toks[k+1].start])
			}
		}
		return b.String()
	}
	return d.text[d.toks[from].start:d.toks[to-1].end]
}

// isCapWord reports whether token i can be part of a capitalized name.
func (d *doc) isCapWord(i int) bool {
	t := d.toks[i]
	if t.kind != tkWord {
		return false
	}
	// "Pakistan-based", "Indian-administered": a modifier, not a name.
	if k := strings.LastIndexByte(t.text, '-'); k > 0 && k+1 < len(t.text) {
		if modifierSuffixes[t.text[k+1:]] {
			return false
		}
	}
	if t.cap {
		return true
	}
	// "el-Sherbiny", "al-Thani": a particle joined to a capitalized name.
	for _, p := range []string{"al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "ar-", "an-"} {
		if strings.HasPrefix(t.text, p) && len(t.text) > len(p) && unicode.IsUpper([]rune(t.text[len(p):])[0]) {
			return true
		}
	}
	return false
}

// capRun returns the end of the run of capitalized words (with inner
// particles and, when connectors, connectors) starting at i, not past
// end; a title inside the run ends it.
func (d *doc) capRun(i, end int, connectors bool) int {
	j := i
	for j < end {
		if d.isCapWord(j) {
			if j > i && d.runStopsAt(j, end, connectors) {
				break
			}
			j++
			continue
		}
		n := d.runJoins(i, j, end, connectors)
		if n == 0 {
			break
		}
		j += n
	}
	// Trailing connectors belong to the text, not the name.
	for j > i && !d.isCapWord(j-1) {
		j--
	}
	return j
}

// runStopsAt reports whether the capitalized word at j, inside a run,
// starts no part of it: a stop word, or a title before a name
// ("Commission President Ursula": a title inside a run starts a new
// phrase).
func (d *doc) runStopsAt(j, end int, connectors bool) bool {
	t := d.toks[j]
	if stopCaps[t.lower] && !(connectors && t.lower == "the") {
		return true
	}
	tp, ok := d.lx.matchTitle(d.toks, j, end)
	return ok && d.lx.title[tp.entry].Class != "honorific" && j+len(tp.words) < end && d.isCapWord(j+len(tp.words))
}

// runJoins returns how many tokens from j, which is no capitalized word,
// join a run started at i to the capitalized word after them: particles
// ("bin", "al"), connectors ("of", "and", "of the", "'s" after a
// collective owner) and a hyphen; 0 when they do not.
func (d *doc) runJoins(i, j, end int, connectors bool) int {
	toks := d.toks
	t := toks[j]
	if j == i {
		return 0
	}
	if n := d.particleJoins(i, j, end, connectors); n > 0 {
		return n
	}
	if connectors {
		if n, ok := d.ofTheJoins(i, j, end); ok {
			return n
		}
		if d.ownerJoins(j, end) || d.portfolioJoins(i, j, end) || d.missionJoins(j, end) || d.officeJoins(j, end) {
			return 1
		}
	}
	if t.text == "-" && j+1 < end && d.isCapWord(j+1) && t.start == toks[j-1].end {
		return 1
	}
	return 0
}

// particleJoins returns how many tokens from j join a run started at i to
// the capitalized word after them as particles ("bin", "al", "bin al")
// or, with connectors, as a word that joins names ("of", "and"); 0 when
// they do not.
func (d *doc) particleJoins(i, j, end int, connectors bool) int {
	toks := d.toks
	t := toks[j]
	if t.kind == tkWord && particles[t.lower] && j+2 < end && particles[toks[j+1].lower] && d.isCapWord(j+2) {
		return 2
	}
	if t.kind == tkWord && j+1 < end && d.isCapWord(j+1) {
		if particles[t.lower] {
			return 1
		}
		if connectors && nameConnectors[t.lower] && !d.andSplits(i, j) {
			return 1
		}
	}
	return 0
}

// andSplits reports whether "and" at j, inside a run started at i, ends
// one name and starts another: "the Lumen Sea and Gulf of Kessa" are two
// places, "Kavra Electronics and Velt Motor Systems" two firms, but
// "Tarvin Ports and Logistics" one.
func (d *doc) andSplits(i, j int) bool {
	toks := d.toks
	return toks[j].lower == "and" && (geoWords[toks[j-1].lower] || d.lx.orgTail[toks[j-1].lower] && j-i >= 2 && !d.lx.common[toks[j+1].lower])
}

// ofTheJoins decides whether "of the" or "for the" at j joins a run
// started at i to the capitalized word after them: "Armed Forces of the
// Philippines", "Bureau for the Defence" join (2), but a title is held
// for a body, not named by it ("Secretary for the Treasury": 0). It
// reports false when no "of the" or "for the" before a capitalized word
// stands at j.
func (d *doc) ofTheJoins(i, j, end int) (int, bool) {
	toks := d.toks
	t := toks[j]
	if (t.lower == "of" || t.lower == "for") && j+2 < end && toks[j+1].lower == "the" && d.isCapWord(j+2) {
		if t.lower == "for" {
			if tp, ok := d.lx.matchTitle(toks, i, end); ok && i+len(tp.words) == j {
				return 0, true
			}
		}
		return 2, true
	}
	return 0, false
}

// ownerJoins reports whether "'s" at j joins a collective owner to the
// capitalized word after it.
func (d *doc) ownerJoins(j, end int) bool {
	toks := d.toks
	t := toks[j]
	return (t.text == "'s" || t.text == "’s") && j+1 < end && d.isCapWord(j+1) && collectiveOwners[toks[j-1].lower]
}

// portfolioJoins reports whether the comma at j joins the portfolios of a
// ministry or department started at i: "the Ministry of Mines, Water and
// Forests", a ministry of several portfolios.
func (d *doc) portfolioJoins(i, j, end int) bool {
	toks := d.toks
	t := toks[j]
	return t.text == "," && j+2 < end && d.isCapWord(j+1) && (toks[j+2].text == "," || toks[j+2].lower == "and") &&
		j-i >= 3 && (toks[i].lower == "ministry" || toks[i].lower == "department") && toks[i+1].lower == "of"
}

// missionJoins reports whether "in" at j joins a mission or office to the
// country it serves in: "the U.N. Observer Mission in Peru".
func (d *doc) missionJoins(j, end int) bool {
	toks := d.toks
	t := toks[j]
	if t.lower == "in" && j+1 < end && d.isCapWord(j+1) && (toks[j-1].lower == "mission" || toks[j-1].lower == "office") {
		if gp, ok := d.lx.matchGaz(toks, j+1, end); ok && gp.kind == refName && d.lx.types[gp.entry] == schema.Country {
			return true
		}
	}
	return false
}

// officeJoins reports whether "'s" or "'" at j joins the official who
// heads an office to the office: "the Regional Prosecutor's Office", "the
// District Prosecutors' Office".
func (d *doc) officeJoins(j, end int) bool {
	toks := d.toks
	t := toks[j]
	return (t.text == "'s" || t.text == "’s" || t.text == "'" || t.text == "’") && j+1 < end && d.isCapWord(j+1) &&
		officeWords[toks[j+1].lower] && officeHolders[strings.TrimSuffix(toks[j-1].lower, "s")] && toks[j-1].cap
}

// orgNameFrom reports whether the capitalized run at i, which starts with
// a title ending at j, goes on past it to an organization's name
// ("General Audit Service").
func (d *doc) orgNameFrom(i, j, end int) bool {
	if !d.toks[i].cap {
		return false
	}
	k := d.capRun(i, end, true)
	return k > j && d.hasOrgWord(i, k)
}

// orgWordUpTo reports whether the run [i, k), or a run from i that ends
// inside it, names an organization by its words: "Support Office in
// Haiti".
func (d *doc) orgWordUpTo(i, k int) bool {
	for x := k; x > i; x-- {
		if d.hasOrgWord(i, x) {
			return true
		}
	}
	return false
}

// hasOrgWord reports whether tokens [i, j) name an organization by their
// words: a tail word at the end or a head word at the start.
func (d *doc) hasOrgWord(i, j int) bool {
	if j <= i {
		return false
	}
	if d.lx.orgTail[d.toks[j-1].lower] || d.lx.orgHead[d.toks[i].lower] || compoundTail(d.toks[j-1].lower) {
		return true
	}
	// "El Instituto de Salud", "La Banque de France": an article of
	// another language before the head word.
	if j-i >= 2 && foreignArticles[d.toks[i].lower] && d.lx.orgHead[d.toks[i+1].lower] {
		return true
	}
	for k := i; k < j; k++ {
		if d.lx.orgHead[d.toks[k].lower] && k+1 < j && (d.toks[k+1].lower == "of" || ofWords[d.toks[k+1].lower]) {
			return true
		}
		if d.lx.orgTail[d.toks[k].lower] && k+1 < j && (d.toks[k+1].lower == "of" || d.toks[k+1].lower == "for" || d.toks[k+1].lower == "and") {
			return true
		}
	}
	return false
}

// compoundTails end firms' names written as one word: "Kordasystems",
// "Veltronics", "Aerologistics".
var compoundTails = []string{"systems", "dynamics", "technologies", "logistics", "aerospace", "electronics",
	"tronics", "industries", "holdings", "networks", "software", "pharma", "telecom", "shipping", "motors",
	"airways", "airlines", "semiconductors", "chemicals", "solutions", "robotics", "petroleum"}

// compoundTail reports whether the lower-case word w is a firm's name
// made of some stem and a word that ends firms' names.
func compoundTail(w string) bool {
	for _, t := range compoundTails {
		if len(w) >= len(t)+3 && strings.HasSuffix(w, t) {
			return true
		}
	}
	return false
}

// foreignArticles open names in other languages: "El Colegio", "La Banque".
var foreignArticles = map[string]bool{"el": true, "la": true, "le": true, "les": true, "il": true, "los": true, "las": true, "der": true, "die": true, "das": true}

// ofWords are "of" in other languages: "Banco de Chile".
var ofWords = map[string]bool{"de": true, "del": true, "des": true, "di": true, "du": true, "da": true, "do": true}

// matchOrgNoun returns the length of the lower-case organization noun at i.
func (d *doc) matchOrgNoun(i, end int) int {
	if i+1 < end && orgNouns[d.toks[i].lower+" "+d.toks[i+1].lower] {
		return 2
	}
	// "oil ministry", "agriculture ministry": a portfolio and "ministry".
	if i+1 < end && d.toks[i+1].lower == "ministry" && d.toks[i].kind == tkWord && !d.toks[i].cap && !strings.Contains(d.toks[i].text, "-") && !notPortfolios[d.toks[i].lower] {
		if p := d.syn[i].POS; p == syntax.NOUN || p == syntax.ADJ {
			return 2
		}
	}
	if i < end && orgNouns[d.toks[i].lower] {
		return 1
	}
	return 0
}

// notPortfolios are adjectives before "ministry" that name no portfolio.
var notPortfolios = map[string]bool{
	"new": true, "old": true, "former": true, "same": true, "other": true, "whole": true, "entire": true,
	"relevant": true, "responsible": true, "competent": true, "powerful": true, "key": true,
}

// findMentions runs entity recognition over every sentence.
func (d *doc) findMentions() {
	d.trueCase()
	d.collectHints()
	d.sentEnd = make([]int, len(d.sents))
	for si, s := range d.sents {
		if !d.stopped() {
			d.findInSentence(si, s)
		}
		d.sentEnd[si] = len(d.ments)
	}
}

// findInSentence finds the mentions of sentence si, token by token (see
// mentionScan.next).
func (d *doc) findInSentence(si int, s sentence) {
	ms := mentionScan{d: d, si: si, s: s, end: s.to}
	ms.clearTitle()
	i := s.from
	if i < d.bodyStart {
		i = d.bodyStart
	}
	for i < ms.end && !d.stop() {
		i = ms.next(i)
	}
}

// mentionScan is the state of entity recognition over one sentence.
type mentionScan struct {
	d   *doc
	si  int
	s   sentence
	end int // the end of the sentence
	// pend is the title read last, waiting for the name it belongs to.
	pend pendingTitle
}

// pendingTitle is a title read before the name it belongs to ("Foreign
// Minister" before "Dara Venn"): its text, the token the name must
// start at (-1 when no title waits) and its owner (-1 when none).
type pendingTitle struct {
	title string
	end   int
	owner int
}

// clearTitle forgets the pending title.
func (ms *mentionScan) clearTitle() {
	ms.pend = pendingTitle{end: -1, owner: -1}
}

// next reads what starts at token i and returns the token to read on
// from. The rules go from the most to the least specific: descriptions
// ("the minister"), titles, hyphenated modifiers, "X of Y" names, the
// article's acronyms, gazetteer names, and then capitalized runs.
func (ms *mentionScan) next(i int) int {
	if ms.d.toks[i].kind != tkWord {
		return i + 1
	}
	if k, ok := ms.description(i); ok {
		return k
	}
	if k, ok := ms.title(i); ok {
		return k
	}
	if k, ok := ms.stanceModifier(i); ok {
		return k
	}
	if k, ok := ms.hyphenModifier(i); ok {
		return k
	}
	gp, isGaz := ms.d.lx.matchGaz(ms.d.toks, i, ms.end)
	if isGaz {
		if k, ok := ms.longerOfName(i, gp); ok {
			return k
		}
	}
	if k, ok := ms.definedAcronym(i); ok {
		return k
	}
	if isGaz {
		return ms.gazetteer(i, gp)
	}
	if ms.notName(i) {
		return i + 1
	}
	return ms.capitalized(i)
}

// description reads "the" and a noun that refers back: "attended the
// summit" (the bloc that holds it), "told the council" (the council named
// last), "the minister" (the person named last with that title), "the
// group" (the organization named last).
func (ms *mentionScan) description(i int) (int, bool) {
	d, toks, end, si := ms.d, ms.d.toks, ms.end, ms.si
	if toks[i].lower != "the" || i+1 >= end {
		return 0, false
	}
	if k, ok := ms.discourseDescription(i); ok {
		return k, true
	}
	w := toks[i+1].lower
	if w == "summit" {
		if e := d.lastTopOrg(i); e >= 0 {
			d.addMention(mention{ent: e, from: i, to: i + 2, sent: si, kind: mkDesc, owner: -1})
			return i + 2, true
		}
	}
	// "the Tribunal of the Northern League": a capitalized
	// body noun that an "of" phrase goes on from is a name.
	if toks[i+1].cap && i+3 < end && (toks[i+2].lower == "of" || toks[i+2].lower == "for") &&
		(d.isCapWord(i+3) || toks[i+3].lower == "the" && i+4 < end && d.isCapWord(i+4)) {
		return 0, false
	}
	if bodyNouns[w] && (i+2 >= end || !toks[i+2].cap) {
		if e := d.lastOrgNamed(i, w); e >= 0 {
			d.addMention(mention{ent: e, from: i, to: i + 2, sent: si, kind: mkDesc, owner: -1})
		}
		return i + 2, true
	}
	if personDescs[w] && (i+2 >= end || !d.isCapWord(i+2)) {
		if e := d.lastTitled(i, w); e >= 0 {
			d.addMention(mention{ent: e, from: i, to: i + 2, sent: si, kind: mkDesc, owner: -1})
			return i + 2, true
		}
	}
	if descNouns[w] && (i+2 >= end || !toks[i+2].cap) {
		if e := d.lastOrg(i); e >= 0 {
			d.addMention(mention{ent: e, from: i, to: i + 2, sent: si, kind: mkDesc, owner: -1})
		}
		return i + 2, true
	}
	return 0, false
}

// title reads a title: "Foreign Minister", "spokesman", "Secretary
// General" — but "Andean Council President" is a body and its title.
// The title waits for its name (ms.pend) with its owner: the body after
// "of" or "to", the one "its" refers to, or the owner pending before it.
func (ms *mentionScan) title(i int) (int, bool) {
	d, toks, end, si := ms.d, ms.d.toks, ms.end, ms.si
	tp, ok := d.lx.matchTitle(toks, i, end)
	if !ok || d.bodyHeadsTitle(i, end, len(tp.words)) {
		return 0, false
	}
	j := i + len(tp.words)
	title := d.span(i, j)
	if d.pendOwnerAt == i {
		ms.pend = pendingTitle{title: d.pendPortfolio, end: i, owner: d.pendOwnerNext}
	}
	// "General Audit Service": a capitalized title word that
	// starts an organization name is not a title.
	if d.orgNameFrom(i, j, end) {
		if k := d.capRun(i, end, true); k > j {
			e := d.entByName(d.span(i, k), schema.Organization)
			d.addMention(mention{ent: e, from: i, to: k, sent: si, owner: -1})
			return k, true
		}
	}
	owner, j := ms.titleOwner(i, j)
	if ms.pend.end == i && ms.pend.title != "" {
		title = ms.pend.title + " " + title
	}
	d.pendClass = d.lx.title[tp.entry].Class
	ms.pend = pendingTitle{title: title, end: j, owner: owner}
	// Skip an acronym and a comma before the name: "the head of the
	// Andean Water Agency (AWA), Rosa Quispe,".
	if j+2 < end && toks[j].text == "(" && toks[j+1].upper && toks[j+2].text == ")" {
		if owner >= 0 {
			d.ents[owner].addAlias(toks[j+1].text)
			d.acronyms[toks[j+1].text] = owner
		}
		j += 3
		ms.pend.end = j
	}
	if j < end && toks[j].text == "," && j+1 < end && d.isCapWord(j+1) {
		ms.pend.end = j + 1
		j++
	}
	// "The Czech president praised Poland": no name follows, so the
	// state that owns the title acts.
	if owner >= 0 && (j >= end || !d.isCapWord(j)) {
		for k := len(d.ments) - 1; k >= 0 && d.ments[k].sent == si; k-- {
			if d.ments[k].ent == owner && d.ments[k].to <= i {
				d.ments[k].mod, d.ments[k].poss = false, false
				break
			}
		}
	}
	return j, true
}

// titleOwner returns the owner of the title [i, j) and the token after
// what it read: the body after "of" or "to" ("the foreign minister of
// Kazakhstan"), the one "its" or "whose" refers to, or the owner pending
// before the title.
func (ms *mentionScan) titleOwner(i, j int) (int, int) {
	d, toks, si := ms.d, ms.d.toks, ms.si
	owner, j := ms.ownerAfterTitle(j)
	if owner < 0 {
		j = ms.envoyTo(j)
	}
	// "Its spokesman, Lena Sorvik": the body spoken of before.
	if owner < 0 && ms.pend.end != i && i > ms.s.from && (toks[i-1].lower == "its" || toks[i-1].lower == "their") {
		owner = d.lastTopic(si, i-1)
	}
	// "Peru, which ... and whose finance minister, X,": the name the
	// relative clause describes.
	if owner < 0 && ms.pend.end != i && i > ms.s.from && toks[i-1].lower == "whose" {
		owner = d.relativeAntecedent(ms.s.from, i-1)
	}
	if owner < 0 && ms.pend.end == i {
		owner = ms.pend.owner
	} else if po := ms.pend.owner; owner >= 0 && ms.pend.end == i && po >= 0 && po != owner && d.ents[po].typ == schema.Country && d.ents[owner].typ == schema.Organization && d.ents[owner].gaz < 0 && stateBodyName(d.ents[owner].name) {
		// "Zambia's Permanent Secretary for the Mines Directorate":
		// the body is the state's.
		d.setPartOf(owner, po)
	}
	return owner, j
}

// ownerAfterTitle reads the owner after a title ending at j, behind "of",
// "for", "at" or "with": an organization's name ("an analyst at Eurasia
// Group": the longer name wins), else a gazetteer name. It returns the
// owner (-1 when none) and the token after it.
func (ms *mentionScan) ownerAfterTitle(j int) (owner, next int) {
	d, toks, end, si := ms.d, ms.d.toks, ms.end, ms.si
	if j+1 >= end || !ownerPreps[toks[j].lower] {
		return -1, j
	}
	// "the head of the Water Resources Authority of Peru": the
	// article is not part of the name.
	k0 := j + 1
	if toks[k0].lower == "the" && k0+1 < end {
		k0++
	}
	if k := d.capRun(k0, end, true); toks[k0].cap && k > k0 && d.hasOrgWord(k0, k) && !d.gazExact(k0, k) {
		owner = d.entByName(d.span(k0, k), schema.Organization)
		if gp, ok := d.lx.matchGaz(toks, k0, k); ok && d.lx.types[gp.entry] == schema.Country {
			// "the Chilean Defence Forces": part of Estonia.
			d.setPartOf(owner, d.gazEnt(gp.entry))
		}
		d.addMention(mention{ent: owner, from: k0, to: k, sent: si, mod: true, owner: -1})
		return owner, k
	}
	if gp, ok := d.lx.matchGaz(toks, k0, end); ok && gp.kind != refDemonym {
		if o, k := d.possessedOwner(si, k0, k0+len(gp.words), end, gp.entry); o >= 0 {
			return o, k
		}
		owner = d.gazEnt(gp.entry)
		d.partOfByName(owner, gp)
		d.addMention(mention{ent: owner, from: k0, to: k0 + len(gp.words), sent: si, mod: true, owner: -1})
		return owner, k0 + len(gp.words)
	}
	return -1, j
}

// possessedOwner reads "Chile's Water Agency" after a title and "for"
// ("a spokesman for Chile's Water Agency"): the state of gazetteer
// entry g named at [i, j) and the body it possesses, which owns the
// title. It records both as modifiers and returns the body and the token
// after it, or -1 when no body follows "'s".
func (d *doc) possessedOwner(si, i, j, end, g int) (int, int) {
	toks := d.toks
	if d.lx.types[g] != schema.Country || j+1 >= end || toks[j].text != "'s" && toks[j].text != "’s" {
		return -1, j
	}
	k0 := j + 1
	o, k := -1, k0
	if gp, ok := d.lx.matchGaz(toks, k0, end); ok && gp.kind == refName && d.lx.types[gp.entry] == schema.Organization && d.lx.partOf[gp.entry] == g {
		o, k = d.gazEnt(gp.entry), k0+len(gp.words)
		d.ents[o].addAlias(d.span(i, k))
	} else if kr := d.capRun(k0, end, true); toks[k0].cap && kr > k0 && d.hasOrgWord(k0, kr) {
		o, k = d.entByName(d.span(i, kr), schema.Organization), kr
		d.ents[o].addAlias(d.span(k0, kr))
	} else if n := d.matchOrgNoun(k0, end); n > 0 && !toks[k0].cap {
		k = k0 + n
		if o = d.bodyOf(g, d.span(k0, k)); o < 0 {
			o = d.entByName(d.span(i, k), schema.Organization)
		} else {
			d.ents[o].addAlias(d.span(i, k))
		}
	}
	if o < 0 {
		return -1, j
	}
	state := d.gazEnt(g)
	d.setPartOf(o, state)
	d.addMention(mention{ent: state, from: i, to: j, sent: si, mod: true, owner: -1})
	d.addMention(mention{ent: o, from: i, to: k, sent: si, mod: true, owner: -1})
	return o, k
}

// envoyTo reads "Peru's ambassador to the UN, Luis Campos":
// the body a title ending at j is accredited to, which does not own it. It
// returns the token after the body, or j.
func (ms *mentionScan) envoyTo(j int) int {
	d, toks, end := ms.d, ms.d.toks, ms.end
	if j+1 >= end || toks[j].lower != "to" {
		return j
	}
	k := j + 1
	if toks[k].lower == "the" && k+1 < end {
		k++
	}
	if gp, ok := d.lx.matchGaz(toks, k, end); ok && gp.kind == refName && k+len(gp.words) < end && toks[k+len(gp.words)].text == "," {
		d.addMention(mention{ent: d.gazEnt(gp.entry), from: k, to: k + len(gp.words), sent: ms.si, mod: true, owner: -1})
		return k + len(gp.words)
	}
	return j
}

// stanceModifier reads "pro-Kremlin", "anti-NATO": the body or state a
// stance is for or against, a modifier that names it.
func (ms *mentionScan) stanceModifier(i int) (int, bool) {
	d, t := ms.d, ms.d.toks[i]
	rest, ok := stanceRest(t.text)
	if !ok {
		return 0, false
	}
	pre := []token{mkToken(rest, 0, len(rest), false)}
	gp, ok := d.lx.matchGaz(pre, 0, 1)
	if !ok || len(gp.words) != 1 || gp.kind == refDemonym || d.lx.types[gp.entry] == schema.Location {
		return 0, false
	}
	d.addMention(mention{ent: d.gazEnt(gp.entry), from: i, to: i + 1, sent: ms.si, kind: mkDemonym, mod: true, owner: -1})
	return i + 1, true
}

// stanceRest returns the name in "pro-Kremlin" or "anti-NATO".
func stanceRest(w string) (string, bool) {
	for _, p := range []string{"pro-", "anti-", "Pro-", "Anti-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" && unicode.IsUpper([]rune(rest)[0]) {
			return rest, true
		}
	}
	return "", false
}

// hyphenModifier reads "Egyptian-drafted plan", "Pakistan-based": the
// state in a hyphenated modifier.
func (ms *mentionScan) hyphenModifier(i int) (int, bool) {
	d, t := ms.d, ms.d.toks[i]
	k := strings.LastIndexByte(t.text, '-')
	if k <= 0 || !modifierSuffixes[t.text[k+1:]] {
		return 0, false
	}
	pre := []token{mkToken(t.text, 0, k, false)}
	gp, ok := d.lx.matchGaz(pre, 0, 1)
	if ok && len(gp.words) != 1 {
		return i + 1, true
	}
	// "a Hong Kong-based firm": the modifier ends a name of two words.
	afterCap := i > ms.s.from && d.isCapWord(i-1) && !stopCaps[d.toks[i-1].lower]
	if afterCap {
		pre2 := []token{d.toks[i-1], mkToken(t.text, 0, k, false)}
		if gp2, ok2 := d.lx.matchGaz(pre2, 0, 2); ok2 && len(gp2.words) == 2 && placeSuffixes[t.text[k+1:]] {
			d.placeModifier(ms.si, i-1, i+1, gp2)
			return i + 1, true
		}
	}
	// "a Tokyo-based firm", "a Lagos-registered ship": the city where
	// something is, a place. The mention has no span of its own: the
	// token is no name.
	if placeSuffixes[t.text[k+1:]] && (ok || !afterCap && d.placeWord(t.text[:k])) {
		d.placeModifier(ms.si, i, i+1, gp)
		return i + 1, true
	}
	if ok && d.lx.types[gp.entry] != schema.Location {
		d.addMention(mention{ent: d.gazEnt(gp.entry), from: i, to: i + 1, sent: ms.si, kind: mkDemonym, mod: true, poss: true, owner: -1})
	}
	return i + 1, true
}

// placeModifier records the place in a hyphenated modifier at [i, j) that
// says where something is ("a Tokyo-based firm", "a Hong Kong-based
// firm"): gazetteer phrase gp when it names a city or a place (no words
// when the gazetteer has none), else the state it names. The mention has
// no span of its own: its last token is no name.
func (d *doc) placeModifier(si, i, j int, gp phrase) {
	if len(gp.words) > 0 && gp.kind != refMetonym && d.lx.types[gp.entry] != schema.Location {
		d.addMention(mention{ent: d.gazEnt(gp.entry), from: i, to: j, sent: si, kind: mkDemonym, mod: true, poss: true, owner: -1})
		return
	}
	name := d.toks[j-1].text
	name = name[:strings.LastIndexByte(name, '-')]
	if j-i > 1 {
		name = d.span(i, j-1) + " " + name
	}
	e := d.entByName(name, schema.Location)
	d.ents[e].place = true
	d.addMention(mention{ent: e, from: i, to: j, sent: si, kind: mkDemonym, mod: true, owner: -1})
}

// placeSuffixes end hyphenated modifiers that say where something is:
// "Tokyo-based".
var placeSuffixes = map[string]bool{"based": true, "headquartered": true, "registered": true, "flagged": true}

// placeWord reports whether w, the first part of a hyphenated modifier,
// reads as a place name: one capitalized word, not an acronym, that the
// article does not use as an organization's name.
func (d *doc) placeWord(w string) bool {
	r := []rune(w)
	if len(r) < 3 || !unicode.IsUpper(r[0]) || strings.ContainsAny(w, " -.") {
		return false
	}
	for _, c := range r[1:] {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return !d.knownOrg(w)
}

// longerOfName reads "the Gulf of Tarsk": a longer "X of Y" name wins
// over the gazetteer match gp inside it; but "robbed Portugal of Marwin":
// a state's name starts no such name.
func (ms *mentionScan) longerOfName(i int, gp phrase) (int, bool) {
	d, toks, end := ms.d, ms.d.toks, ms.end
	k := i
	if !toks[k].cap && k+1 < end {
		k++
	}
	jo := d.capRun(k, end, true)
	if jo > i+len(gp.words) && d.ofName(k, jo) && !(gp.kind == refName && d.lx.types[gp.entry] == schema.Country && len(gp.words) == jo-k-2) {
		d.nameMention(ms.si, k, jo, end, ms.pend.title, ms.pend.end, ms.pend.owner)
		ms.clearTitle()
		return jo, true
	}
	return 0, false
}

// definedAcronym reads an acronym the article defined, which wins over
// the gazetteer's.
func (ms *mentionScan) definedAcronym(i int) (int, bool) {
	t := ms.d.toks[i]
	if e, ok := ms.d.acronyms[t.text]; ok && t.upper {
		ms.d.orgMention(ms.si, i, i+1, ms.end, e)
		return i + 1, true
	}
	return 0, false
}

// gazetteer reads the gazetteer name, alias, demonym or capital gp at i
// (see gazMention), unless a longer name after "the" follows, or a city's
// name that names a team, a firm or a person.
func (ms *mentionScan) gazetteer(i int, gp phrase) int {
	d, toks, end, si := ms.d, ms.d.toks, ms.end, ms.si
	// "the Sahel Farmers Union": a name after the article that
	// reaches further wins over "the Sahel".
	if t := toks[i]; t.lower == "the" {
		if gp2, ok := d.lx.matchGaz(toks, i+1, end); ok && 1+len(gp2.words) > len(gp.words) {
			return i + 1
		}
	}
	// "U.S. Treasury Secretary": the title takes the last word of
	// a longer gazetteer name; the state before it stays.
	if n := len(gp.words); n > 1 {
		if tp, ok := d.lx.matchTitle(toks, i+n-1, end); ok && len(tp.words) > 1 {
			if gp2, ok := d.lx.matchGaz(toks, i, i+n-1); ok && len(gp2.words) == n-1 {
				gp = gp2
			}
		}
	}
	j := i + len(gp.words)
	// "West Kalimora", "South Velmora": a compass word that starts a
	// place's name is not "the West".
	if len(gp.words) == 1 && compass[toks[i].lower] && j < end && d.isCapWord(j) {
		if gp2, ok := d.lx.matchGaz(toks, j, end); !ok || gp2.kind != refDemonym {
			k := d.capRun(i, end, true)
			if k > j {
				d.nameMention(si, i, k, end, ms.pend.title, ms.pend.end, ms.pend.owner)
				ms.clearTitle()
				return k
			}
		}
	}
	if k := d.cityNamed(si, i, j, end, gp); k > 0 {
		// "Tarvin Comets", "Tarvin 2": a team or a firm named
		// after its city.
		return k
	} else if k < 0 {
		// "Sofia Marlow": a person.
		j := d.capRun(i, end, false)
		d.nameMention(si, i, j, end, ms.pend.title, ms.pend.end, ms.pend.owner)
		ms.clearTitle()
		return j
	}
	d.gazMention(si, i, j, end, gp, &ms.pend)
	return d.lastEnd
}

// notName reports whether the word at i starts no name: a lower-case or
// stop word, a sentence-initial common word, or a capitalized common noun
// before a person's name.
func (ms *mentionScan) notName(i int) bool {
	d, toks, end, s := ms.d, ms.d.toks, ms.end, ms.s
	t := toks[i]
	if !t.cap || (stopCaps[t.lower] && !(i+1 < end && d.isCapWord(i+1) && t.lower != "the" && !stopCaps[toks[i+1].lower] && i != s.from)) {
		return true
	}
	// "Shares of ...", "State-owned ...": a sentence-initial word the
	// article also writes in lower case is a common word.
	if (i == s.from || i == d.bodyStart) && d.lowerWords[t.lower] {
		return true
	}
	// "Near Velka", "Officials said": a common word capitalized only
	// because it opens the sentence.
	if (i == s.from || i == d.bodyStart || i == s.from+1 && toks[s.from].kind == tkPunct) && d.notNameInitial(i) {
		return true
	}
	// "Defender Ivo Marsh", "Centre Jan Holt": a common noun
	// capitalized before a person's name is no part of it.
	return d.lx.common[t.lower] && !d.givenAt(i) && i+2 < end && d.givenAt(i+1) && d.isCapWord(i+2) &&
		!placeHeads[t.lower] && !d.lx.orgHead[t.lower] && !d.lx.orgTail[t.lower] && !geoWords[t.lower]
}

// capitalized reads a capitalized run at i: a person, an organization or
// a place (see nameMention), or the words heading a title (see
// titleHead).
func (ms *mentionScan) capitalized(i int) int {
	d, toks, end, si := ms.d, ms.d.toks, ms.end, ms.si
	j := d.capRun(i, end, false)
	jo := d.capRun(i, end, true)
	if jo > j && (d.hasOrgWord(i, jo) || d.ofName(i, jo)) && !d.titledNameOf(i, j, end, ms.pend.end) {
		j = jo
		// "Dorvik Circuit Trading and Kessa Makine": two names.
		for a := i + 1; a < j-1; a++ {
			if toks[a].lower == "and" && d.hasOrgWord(i, a) && j-a > 2 {
				j = a
				break
			}
		}
	}
	if j <= i {
		return i + 1
	}
	if k, ok := ms.titleHead(i, j); ok {
		return k
	}
	titled := d.titledNameOf(i, j, end, ms.pend.end)
	d.nameMention(si, i, j, end, ms.pend.title, ms.pend.end, ms.pend.owner)
	ms.clearTitle()
	if titled {
		// "Foreign Minister Ilse Varen of Portugal".
		j = d.ownerAfterOf(si, i, j, end)
	}
	return j
}

// titleHead reads "External Affairs Minister Ravi Menon":
// capitalized words [i, j) heading a title and a name belong to the
// title; "Government spokeswoman" names the state spoken of, and a
// one-word name before a title owns it ("Velta chief Paul Ode"), unless
// the title is one over a place ("Tarvin mayor Eda Lusk").
func (ms *mentionScan) titleHead(i, j int) (int, bool) {
	d, toks, end := ms.d, ms.d.toks, ms.end
	tp, ok := d.lx.matchTitle(toks, j, end)
	if !ok || d.hasOrgWord(i, j) || j+len(tp.words) >= end || !d.isCapWord(j+len(tp.words)) || d.knownOrg(d.span(i, j)) {
		return 0, false
	}
	if _, isGaz := d.lx.matchGaz(toks, i, j); isGaz {
		return 0, false
	}
	k := j + len(tp.words)
	// "Government spokeswoman", "Presidential spokesman": the
	// state spoken of.
	if j == i+1 && (toks[i].lower == "government" || toks[i].lower == "presidential") {
		ms.pend.owner = d.recentCountry(i)
		ms.pend.title, ms.pend.end = d.span(j, k), k
		d.pendClass = d.lx.title[tp.entry].Class
		return k, true
	}
	if j == i+1 && !d.lx.common[toks[i].lower] && !d.givenAt(i) && !toks[i].upper && !isDemonymShape(toks[i].text) {
		// "Velta chief Paul Ode", "Tarvin coach Ian Hale": a
		// one-word name before a title owns it; "Tarvin mayor
		// Eda Lusk": a town.
		typ := schema.Organization
		if d.hints[toks[i].text] == schema.Country {
			typ = schema.Country
		}
		if placeTitles[d.lx.title[tp.entry].Text] {
			typ = schema.Location
		}
		e := d.entByName(d.span(i, j), typ)
		d.addMention(mention{ent: e, from: i, to: j, sent: ms.si, mod: true, owner: -1})
		if typ != schema.Location {
			ms.pend.owner = e
		}
		ms.pend.title, ms.pend.end = d.span(j, k), k
		d.pendClass = d.lx.title[tp.entry].Class
		return k, true
	}
	ms.pend.title, ms.pend.end = d.span(i, k), k
	d.pendClass = d.lx.title[tp.entry].Class
	return k, true
}

// gazMention records a gazetteer match [i, j) and what it starts (see
// demonymMention, stateHeadedOrg, possessive), and sets d.lastEnd to the
// token after what it read. A title after the name waits in pend with the
// name's entity as its owner.
func (d *doc) gazMention(si, i, j, end int, gp phrase, pend *pendingTitle) {
	toks := d.toks
	d.lastEnd = j
	g := gp.entry
	if gp.kind == refDemonym {
		d.demonymMention(si, i, j, end, g, pend)
		return
	}
	e := -1
	// "the Foreign Office said" after "Pakistan's Foreign Office": the
	// body the article already named, not the gazetteer's namesake.
	if d.lx.types[g] == schema.Organization {
		if p := d.lx.partOf[g]; p >= 0 {
			if _, named := d.byGaz[p]; !named {
				e = d.orgBySuffix(d.span(i, j), -1)
			}
		}
	}
	if e >= 0 {
		d.addMention(mention{ent: e, from: i, to: j, sent: si, owner: -1})
		return
	}
	// "the bloc", "the alliance": the body of that kind named last.
	if len(gp.words) == 2 && strings.EqualFold(gp.words[0], "the") && gp.words[1] == strings.ToLower(gp.words[1]) && d.lx.types[g] == schema.Organization {
		if o := d.lastBloc(i, strings.ToLower(gp.words[1])); o >= 0 {
			d.addMention(mention{ent: o, from: i, to: j, sent: si, kind: mkDesc, owner: -1})
			return
		}
	}
	e = d.gazEnt(g)
	d.partOfByName(e, gp)
	kind := mkName
	if gp.kind == refMetonym {
		kind = mkMetonym
	}
	if d.stateHeadedOrg(si, i, j, end, g, e) {
		return
	}
	mi := d.addMention(mention{ent: e, from: i, to: j, sent: si, kind: kind, owner: -1})
	if j+1 < end && toks[j].text == "'s" || j+1 < end && toks[j].text == "’s" {
		d.possessive(si, i, j, end, g, mi, pend)
		return
	}
	// "Andean Council Secretary General Ana Brel", "Kremlin spokesman Dmitry
	// Peskov": an organization or state owns the title after it.
	if j < end {
		if t, ok := d.titleAfterOwner(j, end); ok {
			d.ments[mi].mod = true
			*pend = pendingTitle{title: d.portfolio(j, t), end: t, owner: e}
		}
	}
}

// titleCovers reports whether a title starts at i and runs to k or
// beyond: "Energy Minister" over the run "Energy".
func (d *doc) titleCovers(i, k, end int) bool {
	tp, ok := d.lx.matchTitle(d.toks, i, end)
	return ok && i+len(tp.words) >= k
}

// demonymMention records the demonym [i, j) of the state of gazetteer
// entry g and what it heads: an organization's name ("Russian Foreign
// Ministry"), a body ("the Chilean embassy"), the state's side ("the
// Russian side"), a title it owns ("Egyptian Foreign Minister"), or else
// a modifier that may still name an object ("expelled a Russian
// diplomat").
func (d *doc) demonymMention(si, i, j, end, g int, pend *pendingTitle) {
	toks := d.toks
	country := d.gazEnt(g)
	if j < end && d.isCapWord(j) {
		// "Ghanaian Energy Minister Kofi Mensah": the words are a title's.
		if k := d.capRun(j, end, true); k > j && d.hasOrgWord(j, k) && !d.titleCovers(j, k, end) {
			e := d.entByName(d.span(i, k), schema.Organization)
			d.setPartOf(e, country)
			d.orgMention(si, i, k, end, e)
			d.lastEnd = k
			return
		}
	}
	if n := d.matchOrgNoun(j, end); n > 0 && (j+n >= end || !(toks[j+n].kind == tkWord && !toks[j+n].cap && !isVerbish(toks[j+n].lower))) {
		e := d.bodyOf(g, d.span(j, j+n))
		if e < 0 {
			e = d.entByName(d.span(i, j+n), schema.Organization)
		}
		d.setPartOf(e, country)
		d.orgMention(si, i, j+n, end, e)
		d.lastEnd = j + n
		return
	}
	if j < end && countryNouns[toks[j].lower] {
		d.addMention(mention{ent: country, from: i, to: j + 1, sent: si, kind: mkDemonym, owner: -1})
		d.lastEnd = j + 1
		return
	}
	if t, ok := d.titleAfterOwner(j, end); ok {
		d.addMention(mention{ent: country, from: i, to: j, sent: si, kind: mkDemonym, mod: true, owner: -1})
		*pend = pendingTitle{title: d.portfolio(j, t), end: t, owner: country}
		return
	}
	d.addMention(mention{ent: country, from: i, to: j, sent: si, kind: mkDemonym, mod: true, poss: true, owner: -1})
}

// stateHeadedOrg reads "Peru Coast Guard", "Israel Defense Forces": the
// name [i, j) of a state or place (entity e, gazetteer entry g) heading
// an organization's name, which it records. It reports whether it did.
func (d *doc) stateHeadedOrg(si, i, j, end, g, e int) bool {
	toks := d.toks
	if j >= end || !d.isCapWord(j) {
		return false
	}
	// "the U.N. Observer Mission": a body of a body.
	if d.lx.types[g] == schema.Organization {
		k := d.capRun(j, end, true)
		if k <= j || !d.orgWordUpTo(j, k) || d.titleCovers(j, k, end) || !d.toks[i].upper && !strings.Contains(d.toks[i].text, ".") {
			return false
		}
		if _, isGaz := d.lx.matchGaz(d.toks, j, end); isGaz {
			return false
		}
		o := d.entByName(d.span(i, k), schema.Organization)
		d.setPartOf(o, e)
		d.orgMention(si, i, k, end, o)
		d.lastEnd = k
		return true
	}
	if d.lx.types[g] != schema.Country && d.lx.types[g] != schema.Location {
		return false
	}
	if _, isGaz := d.lx.matchGaz(toks, j, end); isGaz {
		return false
	}
	// "Peru Justice Movement" is a body, "Peru Justice Minister" a title.
	k := d.capRun(j, end, true)
	if k <= j || !d.hasOrgWord(j, k) && !d.bodyNounAfter(k, end) || d.titleCovers(j, k, end) {
		return false
	}
	// "the Sahel Liberation Front": the article is no part of the name.
	i0 := i
	if !toks[i0].cap && toks[i0].lower == "the" {
		i0++
	}
	o := d.entByName(d.span(i0, k), schema.Organization)
	if d.lx.types[g] == schema.Country {
		d.setPartOf(o, e)
	}
	d.orgMention(si, i0, k, end, o)
	d.lastEnd = k
	return true
}

// possessive reads what the gazetteer name of mention mi (entry g, ending
// at the "'s" at j) possesses: "Peru's General Audit Service",
// "Peru's President Luis Vega", "Hamas's political bureau" (see
// possessedName), "Chad's army" (see possessedBody), or a title or a thing
// ("Russia's preparations"), which the possessor modifies.
func (d *doc) possessive(si, i, j, end, g, mi int, pend *pendingTitle) {
	k0 := j + 1
	if d.toks[k0].cap && d.possessedName(si, i, k0, end, g, mi, pend) {
		return
	}
	// "Lebanon's new President Ana Vell": a word of standing between the
	// owner and its title.
	if k1 := skipStanding(d.toks, k0, end); k1 > k0 && d.toks[k1].cap && d.possessedName(si, i, k1, end, g, mi, pend) {
		return
	}
	// "Somalia's semi-autonomous Jubba Regional Administration": an adjective
	// before the body's name.
	if k1 := k0 + 1; k1 < end && d.toks[k1].cap && d.toks[k0].kind == tkWord && !d.toks[k0].cap && (d.syn[k0].POS == syntax.ADJ || strings.Contains(d.toks[k0].text, "-")) && !unownedWords[d.toks[k0].lower] && d.possessedName(si, i, k1, end, g, mi, pend) {
		return
	}
	if d.lx.types[g] == schema.Country && d.possessedBody(si, i, k0, end, g, mi) {
		return
	}
	// "Belarus's foreign intelligence service, the Vostok Directorate,"
	if k := d.bodyNounWithin(k0, end); k > 0 && d.lx.types[g] == schema.Country && d.namedAfterDescription(i, k+1, end, d.ments[mi].ent) {
		d.ments[mi].mod = true
		return
	}
	// "Egypt's ... lower-case title", "Russia's preparations": the
	// possessor modifies what follows.
	if _, ok := d.lx.matchTitle(d.toks, k0, end); ok {
		*pend = pendingTitle{title: "", end: k0, owner: d.ments[mi].ent}
	}
	d.ments[mi].mod = true
	d.ments[mi].poss = pend.end != k0
	d.lastEnd = j + 1
}

// possessedName reads the capitalized words at k0 after "'s" of mention
// mi: a title it owns, an organization of the gazetteer ("Russia's FSB";
// but "Sweden's NATO bid" makes NATO no part of Sweden), or an
// organization's name ("Peru's Foreign Ministry", the body's name as
// written). It reports whether it read one.
func (d *doc) possessedName(si, i, k0, end, g, mi int, pend *pendingTitle) bool {
	toks := d.toks
	e := d.ments[mi].ent
	// "Peru's Foreign Minister" — but "Peru's General Audit Service"
	// is a body whose name starts with a title word.
	if tp, ok := d.lx.matchTitle(toks, k0, end); ok && !d.orgNameFrom(k0, k0+len(tp.words), end) {
		d.ments[mi].mod = true
		*pend = pendingTitle{title: "", end: k0, owner: e}
		d.lastEnd = k0
		return true
	}
	if gp2, ok := d.lx.matchGaz(toks, k0, end); ok && d.lx.types[gp2.entry] == schema.Organization && (d.lx.partOf[gp2.entry] < 0 || d.lx.partOf[gp2.entry] == g) {
		o := d.gazEnt(gp2.entry)
		if d.lx.partOf[gp2.entry] == g {
			d.setPartOf(o, e)
			// "Peru's Ministry of Mines": the body's name as
			// written.
			d.ents[o].addAlias(d.span(i, k0+len(gp2.words)))
		}
		d.ments[mi].mod = true
		d.bracketAcronym(k0+len(gp2.words), end, o)
		return true
	}
	k := d.capRun(k0, end, true)
	if k <= k0 || !d.hasOrgWord(k0, k) {
		return false
	}
	o := d.entByName(d.span(i, k), schema.Organization)
	// "Chile's National Water Board" is also called by its own
	// words.
	d.ents[o].addAlias(d.span(k0, k))
	d.setPartOf(o, e)
	d.ments[mi].mod = true
	d.orgMention(si, i, k, end, o)
	d.lastEnd = k
	d.bracketAcronym(k, end, o)
	return true
}

// bracketAcronym records an acronym in brackets at k ("(FSB)") as a name
// of entity e.
func (d *doc) bracketAcronym(k, end, e int) {
	toks := d.toks
	if k+2 < end && toks[k].text == "(" && toks[k+1].upper && toks[k+2].text == ")" {
		d.ents[e].addAlias(toks[k+1].text)
		d.acronyms[toks[k+1].text] = e
	}
}

// possessedBody reads the lower-case words at k0 after "'s" of state mention
// mi: "Chile's government", "Chad's army-aligned government" are the
// state itself; "Chad's army" is a body of it. It reports whether it
// read one.
func (d *doc) possessedBody(si, i, k0, end, g, mi int) bool {
	toks := d.toks
	for k := k0; k < end && k < k0+2; k++ {
		if countryNouns[toks[k].lower] {
			d.ments[mi].to = k + 1
			d.lastEnd = k + 1
			return true
		}
		if n := d.matchOrgNoun(k, end); n > 0 && k == k0 {
			if d.namedAfterDescription(i, k+n, end, d.ments[mi].ent) {
				d.ments[mi].mod = true
				return true
			}
			o := d.bodyOf(g, d.span(k, k+n))
			if o < 0 {
				o = d.entByName(d.span(i, k+n), schema.Organization)
			} else {
				d.ents[o].addAlias(d.span(i, k+n))
			}
			d.setPartOf(o, d.ments[mi].ent)
			d.ments[mi].mod = true
			d.addMention(mention{ent: o, from: i, to: k + n, sent: si, owner: -1})
			d.lastEnd = k + n
			return true
		}
		if toks[k].kind != tkWord || toks[k].cap {
			break
		}
	}
	return false
}

// isVerbish reports whether a lower-case word is likely a verb or function
// word, so the noun phrase before it has ended.
func isVerbish(w string) bool {
	switch w {
	case "said", "says", "has", "have", "had", "was", "is", "were", "are", "will", "would", "also",
		"and", "or", "which", "who", "that", "to", "in", "on", "of", "for", "with", "at", "by", "as",
		"spokesman", "spokeswoman", "spokesperson", "could", "can", "may", "might", "should", "did",
		"does", "do", "must":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// nameMention classifies the capitalized run [i, j): a place by its
// words, an organization by its words or its acronym, the person a
// pending title (title, ending at titleEnd, owned by owner) names, or
// else by what the article says around it (see nameByContext,
// multiWordName, oneWordName).
func (d *doc) nameMention(si, i, j, end int, title string, titleEnd, owner int) {
	toks := d.toks
	name := d.span(i, j)
	// Acronym in brackets after a name: "General Audit Service (GIS)".
	acr := ""
	if j+2 < end && toks[j].text == "(" && toks[j+1].upper && toks[j+2].text == ")" && !d.placeName(j+1) {
		acr = toks[j+1].text
	}
	if j-i == 1 && loneOrgWords[toks[i].lower] && !toks[i].upper {
		return
	}
	if geoWords[toks[i].lower] && d.ofName(i, j) || geoWords[toks[j-1].lower] && !d.hasOrgWord(i, j) ||
		j-i >= 2 && placeHeads[toks[i].lower] && !d.hasOrgWord(i, j) {
		e := d.entByName(name, schema.Location)
		d.addMention(mention{ent: e, from: i, to: j, sent: si, owner: -1})
		return
	}
	switch {
	case d.hasOrgWord(i, j) || d.ofName(i, j) && !(titleEnd == i) || acr != "" && j-i >= 2 && titleEnd != i:
		d.orgName(si, i, j, end, name, acr, titleEnd == i, owner)
		return
	case titleEnd == i && title != "" || titleEnd == i && owner >= 0 && j-i >= 1:
		e := d.personFor(i, j)
		d.addMention(mention{ent: e, from: i, to: j, sent: si, title: title, owner: owner, tclass: d.pendClass})
		return
	}
	if d.nameByContext(si, i, j, end, name, acr) {
		return
	}
	if j-i >= 2 {
		d.multiWordName(si, i, j, end, name)
		return
	}
	d.oneWordName(si, i, j, end, name)
}

// orgName records the organization name [i, j), with its acronym acr
// ("" when none): the body a longer name of the article already names
// ("Foreign Ministry" after "Chilean Foreign Ministry"), part of owner
// when titled (the run follows the title owner owns); a title after it is
// the body's.
func (d *doc) orgName(si, i, j, end int, name, acr string, titled bool, owner int) {
	e := d.entByName(name, schema.Organization)
	if full := d.orgBySuffix(name, e); full >= 0 {
		e = full
		d.ents[e].addAlias(name)
	}
	mi := d.addMention(mention{ent: e, from: i, to: j, sent: si, owner: -1})
	d.addAcronym(e, acr)
	if owner >= 0 && titled {
		d.setPartOf(e, owner)
	}
	if t, ok := d.titleAfterOwner(j, end); ok {
		d.ments[mi].mod = true
		d.pendOwnerNext, d.pendOwnerAt, d.pendPortfolio = e, t, d.portfolio(j, t)
	}
}

// addAcronym records acronym acr, when not empty, as a name of entity e.
func (d *doc) addAcronym(e int, acr string) {
	if acr != "" {
		d.ents[e].addAlias(acr)
		d.acronyms[acr] = e
	}
}

// nameByContext types the name [i, j) by what the article says of it: an
// acronym it defined, a hint (see collectHints), the short form of an
// organization named before, a descriptor before it, a state after it
// ("Dunvale, Canada"), the shape of an acronym, or an apposition after
// it. It reports whether it recorded the name or decided it is none.
func (d *doc) nameByContext(si, i, j, end int, name, acr string) bool {
	toks := d.toks
	if e, ok := d.acronyms[name]; ok {
		d.orgMention(si, i, j, end, e)
		return true
	}
	if j-i == 1 && d.hintedName(si, i, end) {
		return true
	}
	// "Tarvin, based in Lisbon,": a firm.
	if j+2 < end && toks[j].text == "," && (toks[j+1].lower == "based" || toks[j+1].lower == "headquartered") && toks[j+2].lower == "in" {
		d.orgMention(si, i, j, end, d.entByName(name, schema.Organization))
		return true
	}
	// "talks with Vesna Renewal" after "the Vesna Renewal party": a body
	// the article has named already.
	if e, ok := d.byName[string(schema.Organization)+"\x00"+schema.NormalizeName(name)]; ok && j-i >= 2 {
		d.orgMention(si, i, j, end, e)
		return true
	}
	// "Körfez CEO", "Al Noor's chairman": the short form of an
	// organization named before.
	// But "travel to Tarvo" after "the Tarvo Valley Development
	// Company" names the place.
	if e := d.orgByPrefix(name); e >= 0 && !(j-i == 1 && j < end && toks[j].text != "'s" && toks[j].text != "’s" && i > d.sents[si].from && locPreps[toks[i-1].lower]) {
		d.ents[e].addAlias(name)
		d.orgMention(si, i, j, end, e)
		return true
	}
	if (i > d.sents[si].from && orgDescriptors[toks[i-1].lower] && !toks[i-1].cap ||
		i > d.sents[si].from+1 && toks[i-1].text == "," && orgDescriptors[toks[i-2].lower] && !toks[i-2].cap) && !d.placeNounAfter(j, end) {
		// "food delivery app Kessa Go", "port workers' union, Liman-İş,"
		e := d.entByName(name, schema.Organization)
		d.addMention(mention{ent: e, from: i, to: j, sent: si, owner: -1})
		d.addAcronym(e, acr)
		return true
	}
	if j-i == 1 && d.placeOfState(i, end) {
		// "Dunvale, Canada", "DUNVALE, Canada".
		d.addMention(mention{ent: d.entByName(name, schema.Location), from: i, to: j, sent: si, owner: -1})
		return true
	}
	if j-i == 1 && toks[i].upper && len(toks[i].text) <= 6 {
		if d.indefinite(si, i) || notNames[toks[i].lower] || d.lx.common[toks[i].lower] && !d.caseless[si] {
			// "an IED", "a UAV": a thing, not a body; "EST", "CAPS":
			// no name.
			return true
		}
		d.orgMention(si, i, j, end, d.entByName(name, schema.Organization))
		return true
	}
	if j-i >= 2 && d.describedAsOrg(j, end) {
		// "Anadolu Makine Dış Ticaret, a machinery exporter": the
		// apposition says what the name is.
		d.orgMention(si, i, j, end, d.entByName(name, schema.Organization))
		return true
	}
	return false
}

// multiWordName records the name [i, j) of two words or more as the type
// its words and context give it (see multiWordType).
func (d *doc) multiWordName(si, i, j, end int, name string) {
	switch d.multiWordType(si, i, j, end) {
	case schema.Person:
		// "Jonas Varga, a spokesman for ...": the title follows.
		e := d.personFor(i, j)
		d.addMention(mention{ent: e, from: i, to: j, sent: si, owner: -1})
	case schema.Location:
		d.addMention(mention{ent: d.entByName(name, schema.Location), from: i, to: j, sent: si, owner: -1})
	case schema.Organization:
		d.orgMention(si, i, j, end, d.entByName(name, schema.Organization))
	}
}

// oneWordName records the one capitalized word [i, j): a known person's
// surname or given name, a team in a results line, a scorer, a place
// after a preposition, or an organization that acts ("Nvidia said").
func (d *doc) oneWordName(si, i, j, end int, name string) {
	toks := d.toks
	if d.knownPersonWord(si, i, j) {
		return
	}
	switch toks[i].lower {
	case "north", "south", "east", "west":
		return
	}
	if d.resultsSlot(si, i, j, end) {
		// "Tarvin 2 Olbury 1", "Wade 2 Olbury 3": a team.
		d.orgMention(si, i, j, end, d.entByName(name, schema.Organization))
		return
	}
	if d.scorer(si, i, j, end) {
		// "Tarvin 2 (Hale 34, Mott 71)": scorers.
		d.addMention(mention{ent: d.personFor(i, j), from: i, to: j, sent: si, owner: -1})
		return
	}
	if d.firmByContext(si, i, j, end) || d.bodyNamed(si, i, j, end) {
		d.orgMention(si, i, j, end, d.entByName(name, schema.Organization))
		return
	}
	if d.placeNamed(i, j, end) {
		d.addMention(mention{ent: d.entByName(name, schema.Location), from: i, to: j, sent: si, owner: -1})
		return
	}
	if d.ownedDescription(j, end) && !d.lx.common[toks[i].lower] && !d.givenAt(i) {
		// "Brontal, the European Union's border agency,"
		d.orgMention(si, i, j, end, d.entByName(name, schema.Organization))
		return
	}
	if d.placeByContext(si, i, j, end) {
		e := d.entByName(name, schema.Location)
		d.addMention(mention{ent: e, from: i, to: j, sent: si, owner: -1})
		return
	}
	if d.actsAsOrg(i, j, end) {
		d.orgMention(si, i, j, end, d.entByName(name, schema.Organization))
	}
}

// knownPersonWord records the one word [i, j) as a person of the article
// when it is a known person's surname, or the name a person's name leads
// with and that is used alone ("Kenji" for Kenji Arata, "Lee" for Lee
// Jae-myung), and reports whether it did.
func (d *doc) knownPersonWord(si, i, j int) bool {
	toks := d.toks
	if e := d.personBySurname(toks[i].text); e >= 0 {
		d.addMention(mention{ent: e, from: i, to: j, sent: si, owner: -1})
		return true
	}
	for k := len(d.people) - 1; k >= 0 && k >= len(d.people)-maxScan; k-- {
		if strings.HasPrefix(d.ents[d.people[k]].name, toks[i].text+" ") {
			d.addMention(mention{ent: d.people[k], from: i, to: j, sent: si, owner: -1})
			return true
		}
	}
	return false
}

// firmByContext reports whether the words around the one word [i, j) say
// it is a firm: "Velcor, which makes chips", "owned by Velcor", "shares
// in Velcor".
func (d *doc) firmByContext(si, i, j, end int) bool {
	toks := d.toks
	return (j+1 < end && toks[j].text == "," && toks[j+1].lower == "which" && !(i > d.sents[si].from && locPreps[toks[i-1].lower]) ||
		i >= d.sents[si].from+2 && (toks[i-1].lower == "by" && ownedVerbs[toks[i-2].lower] || toks[i-1].lower == "in" && stakeNouns[toks[i-2].lower])) &&
		!d.lowerWords[toks[i].lower] && !d.lx.common[toks[i].lower] && !adjectiveShape(toks[i].lower)
}

// bodyNamed reports whether the one word [i, j) names a body by the noun
// after it: "the Tarvin party".
func (d *doc) bodyNamed(si, i, j, end int) bool {
	toks := d.toks
	return d.bodyNounAfter(j, end) && i > d.sents[si].from && toks[i-1].kind == tkWord && (!toks[i-1].cap || toks[i-1].lower == "the") &&
		!adjectiveShape(toks[i].lower) && !d.lx.common[toks[i].lower] && !d.givenAt(i)
}

// placeNamed reports whether the one word [i, j) names a place by the
// noun after it: "the Valdora region", "the Karsak and Belun fields".
func (d *doc) placeNamed(i, j, end int) bool {
	toks := d.toks
	return d.placeNounAfter(j, end) && !adjectiveShape(toks[i].lower) && !d.lx.common[toks[i].lower] &&
		!(toks[j].lower == "state" && isDemonymShape(toks[i].text))
}

// placeByContext reports whether the one word [i, j), not the first of
// sentence si, stands where a place does: after a preposition of place or
// in a list of places.
func (d *doc) placeByContext(si, i, j, end int) bool {
	toks := d.toks
	return (i > d.sents[si].from && locPreps[toks[i-1].lower] || d.placeListAt(d.sents[si].from, i, j, end)) && i != d.sents[si].from && !adjectiveShape(toks[i].lower)
}

// actsAsOrg reports whether the one word [i, j) is an organization by
// what it does: a one-word name acting ("Nvidia said", "ExxonMobil has"),
// with no person of that name in the article.
func (d *doc) actsAsOrg(i, j, end int) bool {
	toks := d.toks
	return j < end && actingWord(toks[j]) && !d.lowerWords[toks[i].lower] &&
		!(d.lx.common[toks[i].lower] && d.syn[i].POS != syntax.PROPN) && !d.lx.orgTail[toks[i].lower] && !d.lx.orgHead[toks[i].lower]
}

// stakeNouns before "in" and a name say it is a firm: "shares in Velcor".
var stakeNouns = map[string]bool{"shares": true, "stake": true, "stakes": true, "holding": true, "holdings": true, "investment": true}

// ownedVerbs before "by" and a name say a firm owns or buys something:
// "owned by Velcor".
var ownedVerbs = map[string]bool{"owned": true, "acquired": true, "bought": true, "controlled": true}

// actingWord reports whether t, after a name, says the name acts: "said",
// "has", "will", "'s".
func actingWord(t token) bool {
	switch t.lower {
	case "said", "says", "has", "had", "will", "would", "declined", "denied", "announced", "confirmed":
		return true
	}
	return t.text == "'s" || t.text == "’s"
}

// armedWords name a state's armed forces in the gazetteer.
var bodyWords = map[string][]string{
	"army":     {"Armed Forces", "Army", "Defence Forces", "Defense Forces"},
	"military": {"Armed Forces", "Army", "Defence Forces", "Defense Forces", "Military"},
	"navy":     {"Navy"},
	"police":   {"Police"},
}

// bodyOf returns the document entity of the gazetteer body of state g that
// a common noun names ("Chad's army": the Chadian Armed Forces), or -1.
func (d *doc) bodyOf(g int, noun string) int {
	words := bodyWords[strings.ToLower(noun)]
	if len(words) == 0 {
		return -1
	}
	for _, w := range words {
		for _, c := range d.lx.children[g] {
			if strings.Contains(d.lx.entries[c].Name, w) {
				return d.gazEnt(c)
			}
		}
	}
	return -1
}

// bodyHeadsTitle reports whether a gazetteer organization or state starts
// at i and is shorter than the title matched there.
func (d *doc) bodyHeadsTitle(i, end, n int) bool {
	// "Commission President" after "European Commission".
	for k := i + 1; k < i+n; k++ {
		if d.toks[i].cap && d.knownOrg(d.span(i, k)) {
			return true
		}
	}
	gp, ok := d.lx.matchGaz(d.toks, i, end)
	if !ok || len(gp.words) >= n || gp.kind == refDemonym {
		return false
	}
	t := d.lx.types[gp.entry]
	return t == schema.Organization || t == schema.Country
}

// orgMention records an organization mention [i, j) and makes it the
// owner of a title that follows, directly or after "'s": "CADE President
// Gustavo Tavares Lima", "Anadolu Makine's general manager, Serkan Öztürk".
func (d *doc) orgMention(si, i, j, end, e int) {
	mi := d.addMention(mention{ent: e, from: i, to: j, sent: si, owner: -1})
	k := j
	if k < end && (d.toks[k].text == "'s" || d.toks[k].text == "’s") {
		k++
		// "accused Körfez's board": a possessor may still be an object.
		d.ments[mi].mod, d.ments[mi].poss = true, true
	}
	if t, ok := d.titleAfterOwner(k, end); ok {
		d.ments[mi].mod, d.ments[mi].poss = true, false
		d.pendOwnerNext, d.pendOwnerAt, d.pendPortfolio = e, t, d.portfolio(k, t)
	}
}

// titleAfterOwner returns where a title starts after an owner's name
// ending at k: at k ("Commission President"), or after up to three words
// of a portfolio ("EU Fisheries Commissioner Jonas Varga", "EU farm
// commissioner Nils Brandt"), nouns and adjectives that name nothing the
// gazetteer knows, when a name follows the title.
func (d *doc) titleAfterOwner(k, end int) (int, bool) {
	if _, ok := d.lx.matchTitle(d.toks, k, end); ok {
		return k, true
	}
	for t := k; t < k+3 && t < end; t++ {
		tk := d.toks[t]
		if tk.kind != tkWord || t >= len(d.syn) {
			return 0, false
		}
		switch d.syn[t].POS {
		case syntax.NOUN, syntax.ADJ, syntax.PROPN:
		default:
			return 0, false
		}
		if _, ok := d.lx.matchGaz(d.toks, t, end); ok {
			return 0, false
		}
		tp, ok := d.lx.matchTitle(d.toks, t+1, end)
		if !ok {
			continue
		}
		if n := t + 1 + len(tp.words); n < end && d.isCapWord(n) {
			return t + 1, true
		}
		return 0, false
	}
	return 0, false
}

// portfolio returns the words [from, to) between an owner and its title,
// "" when none.
func (d *doc) portfolio(from, to int) string {
	if to <= from {
		return ""
	}
	return d.span(from, to)
}

// knownOrg reports whether name already names an organization of the
// article: its name, an acronym, or the start of its name.
func (d *doc) knownOrg(name string) bool {
	if _, ok := d.acronyms[name]; ok {
		return true
	}
	if d.orgBySuffix(name, -1) >= 0 {
		return true
	}
	if _, ok := d.byName[string(schema.Organization)+"\x00"+schema.NormalizeName(name)]; ok {
		return true
	}
	return d.orgByPrefix(name) >= 0
}

// orgByPrefix returns an organization whose name starts with the words of
// name ("Al Noor" for "Al Noor Maritime"), or -1.
func (d *doc) orgByPrefix(name string) int {
	first, _, _ := strings.Cut(name, " ")
	prefix := name + " "
	for _, k := range d.withWord(first) {
		if en := d.ents[k]; en.typ == schema.Organization && len(en.name) > len(name) && strings.HasPrefix(en.name, prefix) {
			return k
		}
	}
	// One word of a longer company name: "Tianjing" for "Shenzhen
	// Tianjing Semiconductor".
	lower := strings.ToLower(name)
	if !strings.Contains(name, " ") && !d.lowerWords[lower] && !d.lx.titleWords[lower] && !d.lx.orgTail[lower] && !d.lx.orgHead[lower] {
		for _, k := range d.withWord(name) {
			if en := d.ents[k]; en.typ == schema.Organization && strings.Contains(" "+en.name+" ", " "+name+" ") {
				return k
			}
		}
	}
	return -1
}

// gazExact reports whether tokens [i, j) are exactly one gazetteer phrase.
func (d *doc) gazExact(i, j int) bool {
	gp, ok := d.lx.matchGaz(d.toks, i, j)
	return ok && i+len(gp.words) == j
}

// lastTopic is the organization or state that the sentence before si
// opened with: what "its" refers to at the start of a sentence.
func (d *doc) lastTopic(si, x int) int {
	if si > 0 {
		prev := d.sents[si-1]
		for _, m := range d.ments {
			if m.from >= prev.from && m.to <= prev.to && !m.mod {
				t := d.ents[m.ent].typ
				if t == schema.Organization || t == schema.Country {
					return m.ent
				}
			}
		}
	}
	return d.lastActor(x)
}

// relativeAntecedent returns the state or organization a relative clause
// at token x describes: the name just before the comma that opens the
// clause (", which ... and whose", ", whose"), or -1.
func (d *doc) relativeAntecedent(from, x int) int {
	for k := x - 1; k > from; k-- {
		if d.toks[k].text != "," || !relativeWords[d.toks[k+1].lower] {
			continue
		}
		for mi := len(d.ments) - 1; mi >= 0; mi-- {
			m := d.ments[mi]
			if m.to == k {
				if t := d.ents[m.ent].typ; t == schema.Country || t == schema.Organization {
					return m.ent
				}
				return -1
			}
			if m.to < k {
				break
			}
		}
		return -1
	}
	return -1
}

// describedAsOrg reports whether ", a machinery exporter" or ", a food
// delivery app" follows token j: an apposition whose head noun names a
// kind of organization.
func (d *doc) describedAsOrg(j, end int) bool {
	if j+2 >= end || d.toks[j].text != "," {
		return false
	}
	switch d.toks[j+1].lower {
	case "a", "an", "the":
	default:
		return false
	}
	for x := j + 2; x < end && x < j+7; x++ {
		w := d.toks[x].lower
		if d.toks[x].kind != tkWord || w == "of" || w == "for" || w == "with" || w == "who" || w == "at" {
			return false
		}
		if d.toks[x].cap {
			// "Lars Ebb, the European Union's commissioner": a name
			// inside the apposition says nothing of what it describes.
			continue
		}
		if _, ok := d.lx.matchTitle(d.toks, x, end); ok {
			return false
		}
		if orgDescriptors[w] {
			return true
		}
	}
	return false
}

// ownedDescription reports whether an apposition that follows token j
// describes an organization as someone's: ", the European Union's border
// agency,", ", Denmark's cyber security agency,".
func (d *doc) ownedDescription(j, end int) bool {
	at := j + 1
	if at < end && d.toks[at].lower == "the" {
		at++
	}
	if j >= end || d.toks[j].text != "," || at >= end || !d.isCapWord(at) {
		return false
	}
	for x := at + 1; x < end && x < at+5; x++ {
		if d.toks[x].text != "'s" && d.toks[x].text != "’s" {
			continue
		}
		for y := x + 1; y < end && y < x+5; y++ {
			w := d.toks[y].lower
			if d.toks[y].kind != tkWord || d.toks[y].cap {
				return false
			}
			if orgDescriptors[w] || subunitNouns[w] {
				return true
			}
		}
		return false
	}
	return false
}

// personFor returns the person named by tokens [i, j): a known person whose
// name ends with the same surname, or a new one.
func (d *doc) personFor(i, j int) int {
	name := d.span(i, j)
	last := d.toks[j-1].text
	if j-i == 1 {
		if e := d.personBySurname(last); e >= 0 {
			return e
		}
		// "Prince Faisal" after "Prince Faisal bin Farhan": a given name
		// after a title.
		for k := len(d.people) - 1; k >= 0 && k >= len(d.people)-maxScan; k-- {
			if strings.HasPrefix(d.ents[d.people[k]].name, last+" ") {
				return d.people[k]
			}
		}
	} else if e := d.personBySurname(last); e >= 0 {
		// Same surname, compatible given names: "Tarek Abdel-Fattah" and
		// "Abdel-Fattah"; a longer form becomes the name.
		en := d.ents[e]
		if strings.HasSuffix(name, en.name) || strings.HasSuffix(en.name, name) {
			if len(name) > len(en.name) {
				en.addAlias(en.name)
				en.name = name
				d.indexName(e)
			} else {
				en.addAlias(name)
			}
			return e
		}
	}
	e := d.entByName(name, schema.Person)
	d.people = append(d.people, e)
	return e
}

// personBySurname returns the most recent person whose name ends with the
// word w, or -1.
func (d *doc) personBySurname(w string) int {
	space, hyphen := " "+w, "-"+w
	for k := len(d.people) - 1; k >= 0 && k >= len(d.people)-maxScan; k-- {
		e := d.people[k]
		n := d.ents[e].name
		if n == w || strings.HasSuffix(n, space) || strings.HasSuffix(n, hyphen) {
			return e
		}
	}
	return -1
}

// orgBySuffix returns an earlier organization whose name ends with name
// ("Chilean Foreign Ministry" for "Foreign Ministry"), or -1.
func (d *doc) orgBySuffix(name string, self int) int {
	last := name[strings.LastIndexByte(name, ' ')+1:]
	suffix := " " + name
	for _, k := range d.withWord(last) {
		en := d.ents[k]
		if k == self || en.typ != schema.Organization || len(en.name) <= len(name) {
			continue
		}
		if strings.HasSuffix(en.name, suffix) {
			return k
		}
	}
	return -1
}

// partOfByName makes e part of its gazetteer parent when the phrase that
// named it names the parent too: "Chilean Foreign Ministry".
func (d *doc) partOfByName(e int, gp phrase) {
	if p := d.lx.partOf[gp.entry]; p >= 0 && d.namesEntry(gp.words[0], p) {
		d.setPartOf(e, d.gazEnt(p))
	}
}

// namesEntry reports whether word w is the name, an alias or a demonym of
// gazetteer entry g.
func (d *doc) namesEntry(w string, g int) bool {
	en := d.lx.entries[g]
	for _, list := range [][]string{{en.Name}, en.Aliases, en.Demonyms} {
		for _, s := range list {
			if s == w {
				return true
			}
		}
	}
	return false
}

func (d *doc) setPartOf(e, parent int) {
	if e != parent && d.ents[e].partOf < 0 {
		d.ents[e].partOf = parent
	}
}

func (en *docEnt) addAlias(a string) {
	if a == en.name {
		return
	}
	for _, x := range en.aliases {
		if x == a {
			return
		}
	}
	en.aliases = append(en.aliases, a)
}

// unownedWords before a body's name say the owner does not run it:
// "Georgia's state-owned Kartli Broadcasting Company".
var unownedWords = map[string]bool{
	"state-owned": true, "state-run": true, "independent": true, "private": true, "privately-owned": true,
	"largest": true, "biggest": true, "main": true, "leading": true, "former": true, "ex": true,
}

// standingWords stand between an owner and a current title: "Chad's new
// Prime Minister", "Peru's acting President". ("Former" is no current
// title.)
var standingWords = map[string]bool{
	"new": true, "acting": true, "interim": true, "incoming": true, "current": true,
	"newly": true, "elected": true, "newly-elected": true, "newly-appointed": true, "appointed": true,
}

// skipStanding returns the first token from k on, before end, that is no
// standing word.
func skipStanding(toks []token, k, end int) int {
	for k < end-1 && standingWords[toks[k].lower] {
		k++
	}
	return k
}
