package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
)

// refKind says how a gazetteer phrase refers to its entry.
type refKind uint8

const (
	refName    refKind = iota // the canonical name or an alias
	refDemonym                // an adjective or demonym ("Russian")
	refMetonym                // a capital or seat standing for the entry ("Moscow")
)

// phrase is one gazetteer, title or cue string as a token sequence.
type phrase struct {
	words []string
	entry int // gazetteer entry, or title index
	kind  refKind
}

// lexicon is the compiled form of the gazetteer and the title and
// organization word lists. It is read-only after compile.
type lexicon struct {
	entries []GazEntry
	types   []schema.EntityType
	partOf  []int // entry index of the parent, -1 when none
	// children lists, per entry, the organizations that are part of it.
	children map[int][]int
	byName   map[string]int
	gaz      map[string][]phrase // first word -> phrases, longest first
	titles   map[string][]phrase // first lower word -> title phrases
	title    []Title
	orgTail  map[string]bool
	orgHead  map[string]bool
	// titleWords holds every word of every title.
	titleWords map[string]bool
	// gazFold holds the gazetteer phrases by their lower-case first word,
	// for text whose case says nothing (all-caps headlines).
	gazFold map[string][]phrase
	// given, surname and common are the embedded given names, frequent
	// surnames and common English words, keyed in lower case (shared,
	// read-only).
	given, surname, common map[string]bool
}

var entityTypeOf = map[string]schema.EntityType{
	"Country": schema.Country, "Organization": schema.Organization, "Location": schema.Location,
	"Group": schema.Group, "Person": schema.Person,
}

func words(s string) []string {
	toks := tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

// capFirst upper-cases the first letter of s.
func capFirst(s string) string {
	r, w := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[w:]
}

func compileLexicon(entries []GazEntry, titles []Title, orgWords []OrgWord) *lexicon {
	lx := &lexicon{
		entries: entries,
		byName:  make(map[string]int, len(entries)),
		gaz:     make(map[string][]phrase, len(entries)*4),
		titles:  make(map[string][]phrase, len(titles)),
		title:   titles,
		orgTail: map[string]bool{},
		orgHead: map[string]bool{},
		gazFold: make(map[string][]phrase, len(entries)*4),
	}
	lx.given, lx.surname, lx.common = wordLists()
	for i, e := range entries {
		// A later entry (a user's file) replaces an earlier one of the same name.
		lx.byName[schema.NormalizeName(e.Name)] = i
	}
	lx.types = make([]schema.EntityType, len(entries))
	lx.partOf = make([]int, len(entries))
	add := func(s string, i int, k refKind) {
		w := words(s)
		if len(w) == 0 {
			return
		}
		p := phrase{words: w, entry: i, kind: k}
		lx.gaz[w[0]] = append(lx.gaz[w[0]], p)
		lx.gazFold[strings.ToLower(w[0])] = append(lx.gazFold[strings.ToLower(w[0])], p)
		if c := capFirst(w[0]); c != w[0] {
			p2 := phrase{words: append([]string{c}, w[1:]...), entry: i, kind: k}
			lx.gaz[c] = append(lx.gaz[c], p2)
		}
	}
	for i, e := range entries {
		if lx.byName[schema.NormalizeName(e.Name)] != i {
			continue
		}
		lx.types[i] = entityTypeOf[e.Type]
		lx.partOf[i] = -1
		if e.PartOf != "" {
			if p, ok := lx.byName[schema.NormalizeName(e.PartOf)]; ok {
				lx.partOf[i] = p
			}
		}
		add(e.Name, i, refName)
		for _, a := range e.Aliases {
			add(a, i, refName)
		}
		for _, a := range e.Demonyms {
			add(a, i, refDemonym)
		}
		for _, a := range e.Metonyms {
			add(a, i, refMetonym)
		}
	}
	lx.children = map[int][]int{}
	for i, p := range lx.partOf {
		if p >= 0 && lx.types[i] == schema.Organization {
			lx.children[p] = append(lx.children[p], i)
		}
	}
	for k, ps := range lx.gaz {
		sortPhrases(ps)
		lx.gaz[k] = ps
	}
	for _, ps := range lx.gazFold {
		sortPhrases(ps)
	}
	lx.titleWords = map[string]bool{}
	for i, t := range titles {
		w := words(strings.ToLower(t.Text))
		if len(w) == 0 {
			continue
		}
		for _, x := range w {
			lx.titleWords[x] = true
		}
		lx.titles[w[0]] = append(lx.titles[w[0]], phrase{words: w, entry: i})
	}
	for k, ps := range lx.titles {
		sortPhrases(ps)
		lx.titles[k] = ps
	}
	for _, o := range orgWords {
		w := strings.ToLower(o.Word)
		switch o.Position {
		case "tail", "media":
			lx.orgTail[w] = true
		case "head":
			lx.orgHead[w] = true
		case "both":
			lx.orgTail[w] = true
			lx.orgHead[w] = true
		}
	}
	return lx
}

// sortPhrases orders phrases longest first, then by entry, so that matching
// is deterministic.
func sortPhrases(ps []phrase) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && less(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func less(a, b phrase) bool {
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	if a.kind != b.kind {
		return a.kind < b.kind
	}
	return a.entry < b.entry
}

// matchGaz returns the longest gazetteer phrase starting at toks[i].
func (lx *lexicon) matchGaz(toks []token, i, end int) (phrase, bool) {
	if i >= end {
		return phrase{}, false
	}
	for _, p := range lx.gaz[toks[i].text] {
		if i+len(p.words) > end {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if toks[i+k].text != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return phrase{}, false
}

// matchGazFold returns the longest gazetteer phrase starting at toks[i],
// matched regardless of case: "RUSSIA" and "NEW YORK" in a headline.
func (lx *lexicon) matchGazFold(toks []token, i, end int) (phrase, bool) {
	if i >= end {
		return phrase{}, false
	}
	for _, p := range lx.gazFold[toks[i].lower] {
		if i+len(p.words) > end {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if !strings.EqualFold(toks[i+k].text, p.words[k]) {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return phrase{}, false
}

// matchTitle returns the longest title starting at toks[i], matched case-
// insensitively.
func (lx *lexicon) matchTitle(toks []token, i, end int) (phrase, bool) {
	if i >= end {
		return phrase{}, false
	}
	for _, p := range lx.titles[toks[i].lower] {
		if i+len(p.words) > end {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if toks[i+k].lower != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return phrase{}, false
}
