package graph

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kgraph/kg/schema"
)

// Resolver joins document entities into corpus-wide entities.
//
// Entity IDs are already deterministic (schema.EntityID of type and
// canonical name), so two documents that name "Lloyd Austin" in full agree
// without help. The Resolver handles what IDs cannot: a document that says
// only "Austin", or "NATO" where the corpus knows "North Atlantic Treaty
// Organization" with the alias "NATO". A document entity whose normalized
// name is the key of exactly one other entity of the same type is
// rewritten to that entity: its ID, name and type become the target's,
// and its own name joins its aliases. Relations that refer to it are
// rewritten too, and their keys recomputed with schema.RelationKey.
//
// Evidence from the document itself comes first. Its full-name entities
// (two or more words once normalized) are keys under their names, all
// their aliases and, for people, their surnames; when some match, they
// alone decide (one match: merge; several: leave apart). Otherwise the
// corpus index decides: the full-name entities seen so far (and those
// taught with Learn), keyed more strictly, because a word that one
// document uses for an organization or a place may mean another one
// elsewhere ("Senate", "the Foreign Ministry"): by name; for people also
// by alias and surname; for other types by the aliases that are acronyms
// ("NATO", "CJNG") only.
//
// When a name is no key of any entity, other spellings of it are tried,
// in the document and then in the corpus, under the same rule (one
// candidate of the same type): the key of its spelling variants
// (VariantKey: "Volodymyr Zelenskiy" finds "Volodymyr Zelensky",
// "Zelenskiy" the surname of "Volodymyr Zelensky"), and, for a person
// named with initials ("J. Smith"), the key of the full names with those
// initials and surname (InitialsKey). A Country named by another name or
// a code of one country (Countries: "USA", "U.S.", "DPRK") is that
// country, whatever the corpus holds.
//
// What Resolve guarantees, for every rewrite it makes: the target has the
// same type, and at the time of the call it was the only candidate (in
// the document, else in the corpus seen so far) with that key, or it is
// the country of the Countries table. It never merges entities of
// different types, never merges two entities whose normalized names both
// have two or more words unless one is an alias of the other or their
// spelling variants agree, and gives the same output for the same
// sequence of inputs.
//
// Resolution across documents depends on order in two cases only: a
// surname or an acronym seen before the only full name it could stand for
// stays apart (its own ID), and one resolved while a single candidate was
// known stays resolved after a second candidate appears (later occurrences
// are then left apart). So a corpus loaded in one run, in parts in input
// order, or resumed after an interruption gives one graph (a graph.Builder
// teaches its Resolver the entities its sink holds); parts loaded in
// another order give the same graph unless one of those two cases spans
// the parts.
//
// A Resolver is not safe for concurrent use: a pipeline runs one resolver
// goroutine. Use NewResolver; the zero value is not usable.
type Resolver struct {
	// index maps type+"\x00"+key to the ID of the only full-name entity
	// with that key, or to ambiguous when there are several. Keys of
	// spelling variants and initials are in namespaces of their own
	// (variantNS, initialsNS).
	index map[string]string
	// names holds the first name seen (or learned) of every entity by ID:
	// its canonical name.
	names map[string]string
	// countries resolves the other names and codes of countries.
	countries *Countries
}

// ambiguous marks an index key shared by several entities.
const ambiguous = "\x00ambiguous"

// Namespaces of index keys that are not normalized names.
const (
	variantNS  = "\x01v " // VariantKey of a name
	initialsNS = "\x01i " // InitialsKey of a person's full name
)

// NewResolver returns a Resolver with an empty alias index and no
// countries table.
func NewResolver() *Resolver {
	return &Resolver{index: make(map[string]string), names: make(map[string]string)}
}

// UseCountries makes r resolve a Country named by another name or a code
// of exactly one country of c to that country, and returns r. Call it
// before Resolve.
func (r *Resolver) UseCountries(c *Countries) *Resolver {
	r.countries = c
	return r
}

// Resolve returns x with its entities rewritten to corpus-wide entities and
// adds x's full-name entities to the index. x itself is not modified. An
// entity keeps the first name the Resolver saw or learned for its ID; the
// spelling of the document joins its aliases.
// Document entities that end up with the same ID are merged into one
// (aliases unioned, mentions and counts added); relations whose two ends
// end up the same entity are dropped, and relations whose keys then
// coincide are kept once (the most confident).
func (r *Resolver) Resolve(x schema.Extraction) schema.Extraction {
	// The document's own full-name entities, indexed like the corpus.
	local := make(map[string]string)
	localNames := make(map[string]string)
	for _, e := range x.Entities {
		if isFull(e.Name) {
			for _, k := range keys(e) {
				add(local, e.Type, k, e.ID)
			}
			localNames[e.ID] = e.Name
		}
	}

	out := schema.Extraction{Article: x.Article}
	rename := make(map[string]string) // document ID -> resolved ID
	pos := make(map[string]int)       // resolved ID -> index in out.Entities
	for _, doc := range x.Entities {
		e := cloneEntity(doc)
		if id, name, ok := r.country(e); ok {
			e.Aliases = append(e.Aliases, e.Name)
			e.ID, e.Name = id, name
		} else if id, name, ok := r.target(local, localNames, e); ok {
			e.Aliases = append(e.Aliases, e.Name)
			e.ID, e.Name = id, name
		}
		if name, ok := r.names[e.ID]; ok && name != e.Name {
			// The same ID under another spelling ("Erdogan", "Erdoğan"):
			// the first name seen stays the name, whichever batch a
			// sink happens to store first.
			e.Aliases = append(e.Aliases, e.Name)
			e.Name = name
		}
		e.Aliases = CleanAliases(e.Name, e.Aliases)
		if e.ID != doc.ID {
			rename[doc.ID] = e.ID
		}
		if i, ok := pos[e.ID]; ok {
			out.Entities[i] = mergeEntity(out.Entities[i], e)
			continue
		}
		pos[e.ID] = len(out.Entities)
		out.Entities = append(out.Entities, e)
	}

	// Index the resolved entities: full names, and aliases learned by
	// rewriting into an already indexed entity.
	for _, e := range out.Entities {
		r.Learn(e)
	}

	out.Relations = rewriteRelations(x.Relations, rename)
	if out.Entities == nil {
		out.Entities = []schema.Entity{}
	}
	return out
}

// Learn adds a corpus-wide entity to the alias index without resolving
// anything, as if an extraction holding it had been resolved: a Builder
// learns the entities its sink holds already, so that a load resolves
// new articles against those loaded before. Entities whose names are not
// full names are not indexed, as Resolve does not index them; their names
// are kept as their canonical names all the same.
func (r *Resolver) Learn(e schema.Entity) {
	if _, known := r.names[e.ID]; !known {
		r.names[e.ID] = e.Name
	}
	if !isFull(e.Name) {
		return
	}
	for _, k := range corpusKeys(e) {
		add(r.index, e.Type, k, e.ID)
	}
}

// country returns the country e names, when e is a Country whose name
// is another name or a code of exactly one country of the countries
// table, and not that country's canonical name.
func (r *Resolver) country(e schema.Entity) (id, name string, ok bool) {
	if e.Type != schema.Country || r.countries == nil {
		return "", "", false
	}
	cs := r.countries.Lookup(e.Name)
	if len(cs) != 1 || schema.NormalizeName(cs[0]) == schema.NormalizeName(e.Name) {
		return "", "", false
	}
	id = schema.EntityID(schema.Country, cs[0])
	name = cs[0]
	if n, known := r.names[id]; known {
		name = n
	}
	return id, name, id != e.ID
}

// target returns the entity e resolves to, if it is not e itself: by its
// normalized name, else by the key of its spelling variants, else (for a
// person named with initials) by its initials key; each in the document,
// then in the corpus.
func (r *Resolver) target(local, localNames map[string]string, e schema.Entity) (id, name string, ok bool) {
	name = schema.NormalizeName(e.Name)
	ks := []string{name}
	if v := VariantKey(e.Name); v != "" {
		ks = append(ks, variantNS+v)
	}
	if e.Type == schema.Person && HasInitials(e.Name) {
		if k, ok := InitialsKey(e.Name); ok {
			ks = append(ks, initialsNS+k)
		}
	}
	for _, k := range ks {
		k := indexKey(e.Type, k)
		// A full-name entity finds itself in the document index under
		// its own name; that says nothing, so the corpus decides.
		lid, lfound := local[k]
		if lfound && lid != e.ID {
			if lid == ambiguous {
				return "", "", false
			}
			return lid, localNames[lid], true
		}
		cid, cfound := r.index[k]
		if cfound && cid != ambiguous && cid != e.ID {
			return cid, r.names[cid], true
		}
		if lfound && lid != e.ID || cfound {
			// Known under this key (as itself in the corpus, or
			// ambiguously): a looser key says no more.
			return "", "", false
		}
	}
	return "", "", false
}

// isFull reports whether name has two or more words once normalized.
func isFull(name string) bool {
	return strings.Contains(schema.NormalizeName(name), " ")
}

// suffixes are generational suffixes skipped when taking a surname.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// keys returns the index keys of e: its name, its aliases and, for a
// person with a full name, the surname, normalized; then the variant key
// of each (variantNS), and for a person's full name not written with
// initials its initials key (initialsNS).
func keys(e schema.Entity) []string {
	name := schema.NormalizeName(e.Name)
	ks := []string{name}
	for _, a := range e.Aliases {
		if k := schema.NormalizeName(a); k != "" {
			ks = append(ks, k)
		}
	}
	if e.Type == schema.Person {
		words := strings.Fields(name)
		for len(words) > 2 && suffixes[words[len(words)-1]] {
			words = words[:len(words)-1]
		}
		if len(words) >= 2 {
			ks = append(ks, words[len(words)-1])
		}
	}
	return withVariants(e, ks)
}

// withVariants returns ks, normalized names of e, with their variant keys
// and, for a person whose name is not written with initials, the
// initials key of the name.
func withVariants(e schema.Entity, ks []string) []string {
	out := slices.Clone(ks)
	for _, k := range ks {
		if v := VariantKey(k); v != "" {
			out = append(out, variantNS+v)
		}
	}
	if e.Type == schema.Person && !HasInitials(e.Name) {
		if k, ok := InitialsKey(e.Name); ok {
			out = append(out, initialsNS+k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// corpusKeys returns the keys of e that other documents may use: its
// name, and for a person its aliases and surname, but for other types
// only the aliases that are acronyms. An ordinary word or phrase that one
// document uses for an organization or a place ("Senate", "the Foreign
// Ministry") may mean another one elsewhere; an acronym ("NATO", "CJNG")
// and a person's names are evidence enough.
func corpusKeys(e schema.Entity) []string {
	if e.Type == schema.Person {
		return keys(e)
	}
	ks := []string{schema.NormalizeName(e.Name)}
	for _, a := range e.Aliases {
		if k := schema.NormalizeName(a); k != "" && isAcronym(a) {
			ks = append(ks, k)
		}
	}
	return withVariants(e, ks)
}

// isAcronym reports whether s is written as an acronym: two or more
// letters and digits, at least one letter, letters all upper case, and
// nothing else but dots, hyphens and ampersands ("NATO", "U.S.", "G7",
// "AT&T").
func isAcronym(s string) bool {
	letters, digits := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLower(r) || unicode.IsSpace(r):
			return false
		case unicode.IsLetter(r):
			letters++ // caseless scripts
		case unicode.IsDigit(r):
			digits++
		case r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return letters >= 1 && letters+digits >= 2
}

func indexKey(t schema.EntityType, key string) string {
	return string(t) + "\x00" + key
}

// add records that key names entity id of type t.
func add(index map[string]string, t schema.EntityType, key, id string) {
	k := indexKey(t, key)
	switch old, ok := index[k]; {
	case !ok:
		index[k] = id
	case old != id:
		index[k] = ambiguous
	}
}

func cloneEntity(e schema.Entity) schema.Entity {
	e.Aliases = slices.Clone(e.Aliases)
	e.Mentions = slices.Clone(e.Mentions)
	return e
}

// mergeEntity merges b, a document entity with the same ID, into a.
func mergeEntity(a, b schema.Entity) schema.Entity {
	a.Aliases = CleanAliases(a.Name, append(a.Aliases, append(b.Aliases, b.Name)...))
	a.Count = MentionCount(a) + MentionCount(b)
	a.Mentions = append(a.Mentions, b.Mentions...)
	slices.SortFunc(a.Mentions, func(x, y schema.Span) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return x.End - y.End
	})
	return a
}

// CleanAliases returns aliases sorted, without duplicates, empty strings
// and exact copies of name.
func CleanAliases(name string, aliases []string) []string {
	out := aliases[:0:0]
	for _, a := range aliases {
		if a = strings.TrimSpace(a); a != "" && a != name {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// rewriteRelations points relations at resolved entity IDs, recomputing
// the keys of those that changed, dropping self-relations that resolution
// created and keeping one relation per key (the most confident, the first
// on ties).
func rewriteRelations(rels []schema.Relation, rename map[string]string) []schema.Relation {
	out := make([]schema.Relation, 0, len(rels))
	seen := make(map[string]int, len(rels))
	for _, rel := range rels {
		s, o := rel.Subject, rel.Object
		if id, ok := rename[s]; ok {
			s = id
		}
		if id, ok := rename[o]; ok {
			o = id
		}
		if s != rel.Subject || o != rel.Object {
			if s == o {
				continue
			}
			rel.Subject, rel.Object = s, o
			rel.Key = schema.RelationKey(rel.Article, rel.Sentence, s, rel.Type, o)
		}
		if i, ok := seen[rel.Key]; ok {
			if rel.Confidence > out[i].Confidence {
				out[i] = rel
			}
			continue
		}
		seen[rel.Key] = len(out)
		out = append(out, rel)
	}
	return out
}

// MentionCount is the number of times e is mentioned in its article: Count
// when set, else the number of mention spans, and at least 1 (an entity is
// in an extraction because it was mentioned).
func MentionCount(e schema.Entity) int {
	switch {
	case e.Count > 0:
		return e.Count
	case len(e.Mentions) > 0:
		return len(e.Mentions)
	}
	return 1
}
