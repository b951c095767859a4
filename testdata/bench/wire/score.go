package main

import (
	"sort"
	"strings"
	"unicode"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

// coder gives kg entities the country codes of the gold files.
type coder struct {
	gazType   map[string]string // gazetteer entry name -> its type
	gazParent map[string]string // gazetteer entry name -> part_of
	// terms are the words naming a state inside another name: state names,
	// aliases, demonyms and capitals ("Russian", "Kremlin" is not one).
	terms []term
}

type term struct {
	text, code string
}

func newCoder() *coder {
	c := &coder{gazType: map[string]string{}, gazParent: map[string]string{}}
	for _, g := range extract.DefaultGazetteer() {
		c.gazType[g.Name] = g.Type
		c.gazParent[g.Name] = g.PartOf
		if g.Type != string(schema.Country) {
			continue
		}
		code := iso3[g.Name]
		if code == "" {
			continue
		}
		for _, ws := range [][]string{{g.Name}, g.Aliases, g.Demonyms, g.Metonyms} {
			for _, w := range ws {
				c.terms = append(c.terms, term{w, code})
			}
		}
	}
	// Longest first, so that "South Sudan" is tried before "Sudan".
	sort.SliceStable(c.terms, func(i, j int) bool { return len(c.terms[i].text) > len(c.terms[j].text) })
	return c
}

// gazCode follows a gazetteer entry's part_of chain to a state or an IGO.
func (c *coder) gazCode(name string) string {
	for depth := 0; name != "" && depth < 6; depth++ {
		if igo[name] {
			return "IGO"
		}
		if c.gazType[name] == string(schema.Country) {
			return iso3[name]
		}
		if t, ok := territories[name]; ok {
			return t
		}
		name = c.gazParent[name]
	}
	return ""
}

// nameCodes returns the codes of the states named inside name ("Russian
// Foreign Ministry", "Russia's FSB", "US Embassy"), as whole words; a
// matched span is not matched again by a shorter term.
func (c *coder) nameCodes(name string) []string {
	var out []string
	used := make([]bool, len(name))
	for _, t := range c.terms {
		for from := 0; ; {
			i := strings.Index(name[from:], t.text)
			if i < 0 {
				break
			}
			i += from
			j := i + len(t.text)
			from = j
			if !wordEdge(name, i, j) || anyUsed(used[i:j]) {
				continue
			}
			for k := i; k < j; k++ {
				used[k] = true
			}
			out = append(out, t.code)
		}
	}
	return out
}

func anyUsed(u []bool) bool {
	for _, b := range u {
		if b {
			return true
		}
	}
	return false
}

func wordEdge(s string, i, j int) bool {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if i > 0 {
		r := rune(s[i-1])
		if isWord(r) {
			return false
		}
	}
	if j < len(s) {
		r := rune(s[j])
		if isWord(r) {
			return false
		}
	}
	return true
}

// entityCodes maps every entity of an extraction to its country codes: a
// Country to its ISO code; an IGO (or a body of one) to IGO; a Person or
// Organization to the codes of what it HOLDS_ROLE in or is PART_OF in this
// extraction, else of the gazetteer's part_of chain, else of a state named
// in its name; a Location to the state the gazetteer places it in. Groups
// and everything else stay unknown (no code).
func (c *coder) entityCodes(x schema.Extraction) map[string][]string {
	byID := map[string]schema.Entity{}
	for _, e := range x.Entities {
		byID[e.ID] = e
	}
	links := map[string][]string{} // entity -> entities it belongs to
	for _, r := range x.Relations {
		if r.Type == schema.HoldsRole || r.Type == schema.PartOf {
			links[r.Subject] = append(links[r.Subject], r.Object)
		}
	}
	memo := map[string][]string{}
	var codesOf func(id string, depth int) []string
	codesOf = func(id string, depth int) []string {
		if cs, ok := memo[id]; ok {
			return cs
		}
		e, ok := byID[id]
		if !ok || depth > 5 {
			return nil
		}
		memo[id] = nil // cycle guard
		var cs []string
		switch e.Type {
		case schema.Country:
			if code := iso3[e.Name]; code != "" {
				cs = append(cs, code)
			}
		case schema.Location:
			if code := c.gazCode(e.Name); code != "" {
				cs = append(cs, code)
			} else if code, ok := territories[e.Name]; ok {
				cs = append(cs, code)
			} else {
				cs = c.nameCodes(e.Name) // a capital taken as a place ("in Tokyo")
			}
		case schema.Person, schema.Organization:
			if e.Type == schema.Organization {
				if code := c.gazCode(e.Name); code != "" {
					cs = append(cs, code)
				}
			}
			if len(cs) == 0 {
				for _, o := range links[id] {
					cs = append(cs, codesOf(o, depth+1)...)
				}
			}
			if len(cs) == 0 {
				cs = c.nameCodes(e.Name)
			}
		}
		cs = dedupe(cs)
		memo[id] = cs
		return cs
	}
	out := map[string][]string{}
	for _, e := range x.Entities {
		out[e.ID] = codesOf(e.ID, 0)
	}
	return out
}

func dedupe(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, s := range xs {
		if i == 0 || s != xs[i-1] {
			out = append(out, s)
		}
	}
	return out
}

func has(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// pred is one kg interaction relation with the codes of its two ends.
type pred struct {
	rel              schema.Relation
	subj, obj        string // entity names, for listings
	subjCs, objCs    []string
	matched, matchTy bool
}

// matchActors reports whether p joins the gold event's source and target:
// subject to source and object to target, or the other way round for
// symmetric types, and for a hosted visit (043) a VISITS from the visitor.
func matchActors(p *pred, e event) bool {
	if has(p.subjCs, e.Src) && has(p.objCs, e.Tgt) {
		return true
	}
	rev := has(p.subjCs, e.Tgt) && has(p.objCs, e.Src)
	if !rev {
		return false
	}
	return symmetric[p.rel.Type] || (strings.HasPrefix(e.Code, "043") && p.rel.Type == schema.Visits)
}

func matchType(p *pred, e event) bool {
	for _, t := range typesFor(e.Code) {
		if t == p.rel.Type {
			return true
		}
	}
	return false
}
