// Package extract turns a news article into a schema.Extraction: the actors
// it names (people, organizations, states, places, blocs) and what they do to
// each other, each relation with its evidence sentence, offsets, date and
// confidence. It is pure and deterministic, does no I/O, and carries its data
// (gazetteer, titles, cue lexicons) embedded.
package extract

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/eventlex"
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// Options configure an Extractor. The zero value uses the embedded data.
type Options struct {
	// Gazetteer adds entries to the embedded gazetteer (see ParseGazetteer);
	// an entry with the name of an embedded one replaces it.
	Gazetteer []GazEntry
}

// Extractor extracts entities and relations from articles. It is safe for
// concurrent use: its data is read-only once built.
type Extractor struct {
	lx     *lexicon
	cues   cueIndex
	events *eventlex.Lexicon
	parser *syntax.Parser
	// roleNoun holds the head words of titles ("minister", "chief").
	roleNoun map[string]bool
}

// New builds an Extractor from the embedded data and opts.
func New(opts Options) (*Extractor, error) {
	entries := DefaultGazetteer()
	if len(opts.Gazetteer) > 0 {
		entries = append(append([]GazEntry(nil), entries...), opts.Gazetteer...)
		if err := CheckGazetteer(entries); err != nil {
			return nil, err
		}
	}
	return &Extractor{
		lx:       compileLexicon(entries, DefaultTitles(), DefaultOrgWords()),
		cues:     buildCues(),
		events:   eventlex.Default(),
		parser:   syntax.Default(),
		roleNoun: roleHeads(DefaultTitles()),
	}, nil
}

// doc is the working state of one extraction.
type doc struct {
	// ctx ends the extraction early (see stop); done is set once it has.
	ctx       context.Context
	done      bool
	steps     int
	lx        *lexicon
	cues      cueIndex
	events    *eventlex.Lexicon
	parser    *syntax.Parser
	roleNoun  map[string]bool
	fold      folded
	text      string // the folded text
	toks      []token
	sents     []sentence
	bodyStart int // first token after the dateline
	ents      []*docEnt
	ments     []mention
	mentionAt []int
	appos     []bool
	// objMention marks mentions taken as objects of a cue.
	objMention map[int]bool
	// lastPair is the last pair of actors named together as subjects or
	// objects: what "both sides" refers to.
	lastPair []int
	// lastMeet holds the sides of the last meeting, in sentence meetSent.
	lastMeet []int
	meetSent int
	// meet is what the article has said so far of its meetings.
	meet     meetState
	byGaz    map[int]int
	byName   map[string]int
	acronyms map[string]int
	people   []int
	lastEnd  int
	// tokSent maps a token to its sentence; sentEnd holds, per sentence,
	// the index after its last mention.
	tokSent []int
	sentEnd []int
	// firstSentOf, ownerOf and roleOf index entities once mentions are
	// final: first sentence, owner of their title, first role held.
	firstSentOf map[int]int
	ownerOf     map[int]int
	roleOf      map[int]int
	// lowerWords holds the words the article writes in lower case.
	lowerWords map[string]bool
	// pendOwnerNext is an organization whose name precedes a title at
	// token pendOwnerAt ("Commission President ...").
	pendOwnerNext, pendOwnerAt int
	// pendPortfolio is the text between that name and the title ("Fisheries"
	// in "EU Fisheries Commissioner"), part of the role.
	pendPortfolio string
	pendClass     string
	// homeGaz is the state of the dateline's place, -1 when unknown.
	homeGaz int
	rels    []rel

	accusations []rel
	// caseless marks the all-caps sentences, whose words trueCase
	// re-cased.
	caseless []bool
	// capMid holds the words the article capitalizes inside a sentence
	// (built on first use by capInside).
	capMid map[string]bool
	// hints types one-word names by what the whole article says of them,
	// and demonyms maps a demonym of such a state to its name (see
	// collectHints).
	hints    map[string]schema.EntityType
	demonyms map[string]string
	// syn holds the parse of every token's word (see parseAll).
	syn []syntax.Word
	// byWord lists the entities under each word of their names (see
	// indexName).
	byWord map[string][]int
	// acts holds who did the acts read so far, by the nouns that name
	// them ("ruling": the panel that ruled).
	acts map[string][]int
	// depth bounds the recursion of wordEntities.
	depth int
	// denied holds the acts their doers denied (see denial).
	denied []denial
	// vetoes are events the grammar pass read as not stated.
	vetoes []veto
	// topics holds, per sentence read, the subject of its main clause;
	// peopleTopic marks the sentences whose subject is people that are
	// no entity ("Farmers blocked the roads").
	topics       [][]int
	peopleTopic  map[int]bool
	lastProposer map[int]int
	// pendPart is a body described by its owner whose name follows.
	pendPart pendingPart
	// claims holds what was said of whom (see noteClaims); deed is the
	// last sentence's main act (see noteDeed).
	claims []claim
	deed   deed
}

// Extract returns what the extractor finds in article a, or ctx's error
// when ctx is done before it starts or while it runs: it checks ctx inside
// its loops over sentences and tokens, so that it stops within a second
// (the extraction is then incomplete and not returned). It identifies the
// article first (schema.Identify: invalid UTF-8 in the text replaced by
// U+FFFD, ID and SHA256 filled when empty), and fills its dateline metadata
// (place, source, date) when the text has a dateline and the fields are
// empty. A panic is returned as an error naming the article.
func (x *Extractor) Extract(ctx context.Context, a schema.Article) (_ schema.Extraction, err error) {
	if err := ctx.Err(); err != nil {
		return schema.Extraction{}, err
	}
	defer func() {
		if r := recover(); r != nil {
			ref := a.Ref
			if ref == "" {
				ref = a.ID
			}
			err = fmt.Errorf("extract article %q: panic: %v", ref, r)
		}
	}()
	// Offsets are into valid UTF-8: invalid bytes become U+FFFD first.
	a = schema.Identify(a)
	d, a := x.newDoc(ctx, a)
	d.run()
	if d.stopped() {
		return schema.Extraction{}, d.ctx.Err()
	}
	return d.output(a), nil
}

// newDoc prepares the extraction of article a: the text without its
// invisible characters, tokens, dateline, sentences. It fills a's dateline
// metadata.
func (x *Extractor) newDoc(ctx context.Context, a schema.Article) (*doc, schema.Article) {
	d := &doc{
		ctx: ctx,
		lx:  x.lx, cues: x.cues, events: x.events, parser: x.parser, roleNoun: x.roleNoun, fold: foldInvisible(a.Text),
		byGaz: map[int]int{}, byName: map[string]int{}, acronyms: map[string]int{},
		pendOwnerNext: -1, pendOwnerAt: -1, homeGaz: -1, roleOf: map[int]int{},
		lastProposer: map[int]int{}, meet: meetState{body: -1, bodySent: -1},
	}
	// Invisible characters (zero-width, bidirectional controls) are
	// removed before anything reads the text; offsets map back.
	d.text = d.fold.text
	d.toks = tokenize(d.text)
	bodyByte := 0
	if dl, ok := parseDateline(d.text); ok {
		if a.Place == "" {
			a.Place = dl.place
		}
		if a.Source == "" {
			a.Source = dl.source
		}
		if a.Published == "" && len(dl.date) == 10 && dl.date[0] != '-' {
			a.Published = dl.date
		}
		bodyByte = dl.end
		d.homeGaz = -1
		for _, w := range []string{dl.place, strings.Fields(dl.place + " x")[0]} {
			if gp, ok := x.lx.matchGaz(tokenize(w), 0, len(tokenize(w))); ok && len(gp.words) == len(tokenize(w)) && x.lx.types[gp.entry] == schema.Country {
				d.homeGaz = gp.entry
				break
			}
		}
	}
	for d.bodyStart < len(d.toks) && d.toks[d.bodyStart].start < bodyByte {
		d.bodyStart++
	}
	d.sents = splitSentences(d.toks)
	d.tokSent = make([]int, len(d.toks)+1)
	for si, s := range d.sents {
		for k := s.from; k < s.to; k++ {
			d.tokSent[k] = si
		}
	}
	if n := len(d.sents); n > 0 {
		d.tokSent[len(d.toks)] = n - 1
	}
	d.lowerWords = make(map[string]bool, len(d.toks)/2)
	for _, t := range d.toks {
		if t.kind == tkWord && !t.cap {
			d.lowerWords[t.text] = true
		}
	}
	return d, a
}

// run applies the passes: parse, mentions, places, relations.
func (d *doc) run() {
	d.tagAll()
	d.findMentions()
	d.decidePlaces()
	d.decideGroupPlaces()
	d.indexMentionTokens()
	d.parseAll()
	d.findRelations()
}

// stop counts one step of work and reports whether the extraction's
// context is done; it looks at the context every 256 steps, so a loop can
// call it on every item.
func (d *doc) stop() bool {
	if d.done {
		return true
	}
	d.steps++
	if d.steps&255 == 0 && d.ctx.Err() != nil {
		d.done = true
	}
	return d.done
}

// stopped reports whether the context is done, looking at it now.
func (d *doc) stopped() bool {
	if !d.done && d.ctx.Err() != nil {
		d.done = true
	}
	return d.done
}

// decidePlaces settles, per article, whether each capital is a place or
// stands for its state: it stands for its state when it is used as an
// actor at least as often as it names a place ("talks in Geneva"); uses
// that say neither ("the line from Mombasa to Nairobi", "its Lima office")
// do not count, and a capital used only so is a place.
func (d *doc) decidePlaces() {
	actor := map[int]int{}
	place := map[int]int{}
	var order []int
	for _, m := range d.ments {
		if m.kind != mkMetonym {
			continue
		}
		if _, ok := actor[m.ent]; !ok {
			order = append(order, m.ent)
			actor[m.ent] = 0
		}
		switch d.placeUse(m) {
		case usePlace:
			place[m.ent]++
		case useActor:
			actor[m.ent]++
		}
	}
	for _, e := range order {
		if actor[e] > 0 && actor[e] >= place[e] {
			continue
		}
		// A place: its own Location entity named as in the text.
		var loc = -1
		for mi := range d.ments {
			m := &d.ments[mi]
			if m.ent == e && m.kind == mkMetonym {
				if loc < 0 {
					loc = d.entByName(d.span(m.from, m.to), schema.Location)
					d.ents[loc].place = true
				}
				m.ent = loc
				m.kind = mkName
			}
		}
	}
}

// decideGroupPlaces makes a group of states named only as a place ("air
// storms swept across the Gulf states") a Location: a group acts, a region
// does not.
func (d *doc) decideGroupPlaces() {
	place := map[int]bool{}
	for _, m := range d.ments {
		if d.ents[m.ent].typ != schema.Group {
			continue
		}
		k := m.from - 1
		if k >= 0 && d.toks[k].lower == "the" {
			k--
		}
		isPlace := k >= 0 && m.kind == mkName && !m.mod && groupPlacePreps[d.toks[k].lower]
		if v, seen := place[m.ent]; !seen || v {
			place[m.ent] = isPlace
		}
	}
	for e, p := range place {
		if p {
			d.ents[e].typ = schema.Location
		}
	}
}

// groupPlacePreps before a group of states make it a region.
var groupPlacePreps = map[string]bool{
	"in": true, "over": true, "across": true, "throughout": true, "around": true, "near": true, "into": true,
}

// A capitalUse is what a capital's mention does in its sentence.
type capitalUse int

const (
	useActor   capitalUse = iota // "Moscow said", "urged Kyiv"
	usePlace                     // "talks in Geneva", "travel to Doha"
	useNeither                   // "from Mombasa to Nairobi", "its Lima office"
)

// nounDeterminers open a noun phrase in which a capital before a noun only
// qualifies it ("its Lima office").
var nounDeterminers = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "'s": true, "’s": true}

// cityParts name a part of a city before its name: "central Lisbon".
var cityParts = map[string]bool{
	"central": true, "downtown": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"suburban": true, "greater": true, "north": true, "south": true, "east": true, "west": true,
}

// placeOfNouns before "of" and a capital make it a place: "the people of
// Lisbon".
var placeOfNouns = map[string]bool{
	"people": true, "residents": true, "inhabitants": true, "streets": true, "outskirts": true,
	"centre": true, "center": true, "suburbs": true, "heart": true, "port": true, "city": true,
	"capital": true, "mayor": true, "governor": true, "neighbourhoods": true, "neighborhoods": true,
}

// placeUse tells whether a capital's mention names a place ("talks in
// Geneva", "travel to Doha"), an actor, or neither: a place or a thing
// running to it ("the road to Kampala") or a noun it modifies ("the Lima
// office").
func (d *doc) placeUse(m mention) capitalUse {
	if m.from == 0 || m.mod {
		return useActor
	}
	if m.to < len(d.toks) && d.toks[m.to].kind == tkWord && !d.toks[m.to].cap && d.syn[m.to].POS == syntax.NOUN && nounDeterminers[d.toks[m.from-1].lower] {
		return useNeither
	}
	k := m.from - 1
	// "through central Lisbon": a part of the city.
	if cityParts[d.toks[k].lower] && k > 0 {
		k--
	}
	// "the people of Lisbon", "the streets of Lisbon".
	if d.toks[k].lower == "of" && k > 0 && placeOfNouns[d.toks[k-1].lower] {
		return usePlace
	}
	switch d.toks[k].lower {
	case "in", "at", "near", "inside", "outside", "around", "across", "throughout", "within", "via", "into",
		"through", "toward", "towards", "over":
		return usePlace
	case "to", "from":
		if m.from >= 2 {
			switch d.toks[m.from-2].lower {
			case "travel", "travels", "traveled", "travelled", "traveling", "travelling", "trip", "visit",
				"flew", "fly", "flies", "return", "returned", "returning", "back", "arrived", "came", "come",
				"went", "go", "moved", "delegation", "delegations", "journey", "way":
				return usePlace
			}
			if p := d.syn[m.from-2].POS; d.toks[m.from-1].lower == "to" && (p == syntax.NOUN || p == syntax.PROPN) {
				return useNeither
			}
		}
	}
	return useActor
}

// demonymNames reports whether demonym mention m writes its entity's name
// in a hyphenated modifier ("Pakistan-based", "Tokyo-based") rather than
// an adjective ("Russian", "Pakistani-led").
func (d *doc) demonymNames(m mention) bool {
	s := d.span(m.from, m.to)
	if _, ok := stanceRest(s); ok {
		return true // "pro-Kremlin"
	}
	k := strings.LastIndexByte(s, '-')
	if k <= 0 {
		return false
	}
	pre := s[:k]
	if schema.NormalizeName(pre) == schema.NormalizeName(d.ents[m.ent].name) {
		return true
	}
	toks := tokenize(pre)
	gp, ok := d.lx.matchGaz(toks, 0, len(toks))
	return ok && len(gp.words) == len(toks) && gp.kind != refDemonym
}

// output builds the Extraction: entities with canonical names, aliases and
// mention spans; relations with keys, evidence, dates.
func (d *doc) output(a schema.Article) schema.Extraction {
	x := schema.Extraction{Article: a, Entities: []schema.Entity{}, Relations: []schema.Relation{}}
	used := make([]bool, len(d.ents))
	aliases := make([]map[string]bool, len(d.ents))
	spans := make([][]schema.Span, len(d.ents))
	counts := make([]int, len(d.ents))
	for _, m := range d.ments {
		// "Russian gas", "West African ministers": an adjective alone makes
		// no entity; it may still be a relation's end (below).
		if m.kind != mkDemonym || !m.mod || d.demonymNames(m) {
			used[m.ent] = true
		}
		if aliases[m.ent] == nil {
			aliases[m.ent] = map[string]bool{}
		}
		counts[m.ent]++
		if m.kind != mkDemonym && m.kind != mkDesc {
			from, to := m.from, m.to
			if m.kind == mkName || m.kind == mkMetonym {
				from, to = d.nameSpan(m)
			}
			aliases[m.ent][d.span(from, to)] = true
		}
		// Mentions are the entity's names as written: a demonym ("the
		// Russian side"), a pronoun or a description ("the minister")
		// refers to it without naming it, so it counts but has no span.
		if m.kind == mkName || m.kind == mkMetonym {
			from, to := d.nameSpan(m)
			spans[m.ent] = append(spans[m.ent], schema.Span{Start: d.fold.start(d.toks[from].start), End: d.fold.end(d.toks[to-1].end)})
		}
	}
	for _, r := range d.rels {
		used[r.subj], used[r.obj] = true, true
	}
	if a.Source != "" {
		src := schema.NormalizeName(a.Source)
		for e, en := range d.ents {
			if schema.NormalizeName(en.name) == src {
				used[e] = false
			}
		}
	}
	d.dropSentenceThe()
	ids := make([]string, len(d.ents))
	for e, en := range d.ents {
		ids[e] = schema.EntityID(en.typ, en.name)
	}
	for e, en := range d.ents {
		if !used[e] {
			continue
		}
		al := map[string]bool{}
		for _, s := range en.aliases {
			al[s] = true
		}
		for s := range aliases[e] {
			al[s] = true
		}
		delete(al, en.name)
		list := make([]string, 0, len(al))
		for s := range al {
			list = append(list, s)
		}
		sort.Strings(list)
		sp := spans[e]
		sort.Slice(sp, func(i, j int) bool { return sp[i].Start < sp[j].Start })
		x.Entities = append(x.Entities, schema.Entity{
			ID: ids[e], Name: en.name, Type: en.typ, Aliases: list, Mentions: sp, Count: counts[e],
		})
	}
	// merge entities that ended with the same ID (same type and name)
	x.Entities = mergeByID(x.Entities)
	pub, havePub := parseDay(a.Published)
	seen := map[string]bool{}
	for _, r := range d.rels {
		if !used[r.subj] || !used[r.obj] {
			continue
		}
		s := d.sents[r.sent]
		start, end := d.fold.start(s.start), d.fold.end(s.end)
		key := schema.RelationKey(a.ID, r.sent, ids[r.subj], r.typ, ids[r.obj])
		if seen[key] {
			continue
		}
		seen[key] = true
		spec, _ := r.typ.Spec()
		rel := schema.Relation{
			Key: key, Type: r.typ, Subject: ids[r.subj], Object: ids[r.obj], Article: a.ID,
			Sentence: r.sent, Evidence: strings.TrimSpace(a.Text[start:end]), Start: start, End: end,
			Tense: r.tense, Confidence: r.confidence, CAMEO: spec.CAMEO, Role: r.role,
		}
		// The event's date when the sentence names it (a relative one
		// only when the article has a date), else the article's, marked
		// as such; a membership is dated by the article that states it.
		if !spec.Structural {
			anchor := -1
			if r.cue > 0 {
				anchor = r.cue - 1 - s.from
			}
			if dt, ok := eventDate(d.toks[s.from:s.to], anchor, pub, havePub, r.tense == schema.TenseFuture); ok {
				rel.Date, rel.DateSource, rel.DatePrecision = dt.date, schema.DateEvent, dt.prec.String()
				// "talks next Tuesday": a date after the article's is a
				// planned event
				if havePub && dt.after(pub) {
					rel.Tense = schema.TenseFuture
				}
			}
		}
		if rel.Date == "" && havePub {
			rel.Date, rel.DateSource, rel.DatePrecision = a.Published, schema.DateArticle, precDay.String()
		}
		x.Relations = append(x.Relations, rel)
	}
	return x
}

func mergeByID(es []schema.Entity) []schema.Entity {
	idx := map[string]int{}
	out := es[:0]
	for _, e := range es {
		if k, ok := idx[e.ID]; ok {
			m := &out[k]
			set := map[string]bool{}
			for _, a := range append(m.Aliases, e.Aliases...) {
				if a != m.Name {
					set[a] = true
				}
			}
			m.Aliases = m.Aliases[:0]
			for a := range set {
				m.Aliases = append(m.Aliases, a)
			}
			sort.Strings(m.Aliases)
			m.Mentions = append(m.Mentions, e.Mentions...)
			sort.Slice(m.Mentions, func(i, j int) bool { return m.Mentions[i].Start < m.Mentions[j].Start })
			m.Count += e.Count
			continue
		}
		idx[e.ID] = len(out)
		out = append(out, e)
	}
	return out
}

// dropSentenceThe takes the article off the name of a body named first at
// the start of a sentence ("The Sahel Rights Network, a coalition ...")
// unless the article writes "The" within a sentence too ("members of The
// Resistance Front"): a sentence's first word is capitalized whatever it
// is.
func (d *doc) dropSentenceThe() {
	inner := make([]bool, len(d.ents))
	for _, m := range d.ments {
		if d.toks[m.from].text == "The" && m.from != d.sents[m.sent].from {
			inner[m.ent] = true
		}
	}
	for e := range d.ents {
		en := d.ents[e]
		if name := en.name; strings.HasPrefix(name, "The ") && len(name) > 6 && !inner[e] && en.typ != schema.Country {
			en.name = name[4:]
			en.addAlias(name)
		}
	}
}
