package graph

import (
	"reflect"
	"slices"
	"testing"

	"github.com/kgraph/kg/schema"
)

func ent(t schema.EntityType, name string, aliases ...string) schema.Entity {
	return schema.Entity{ID: schema.EntityID(t, name), Name: name, Type: t, Aliases: aliases, Count: 1}
}

func rel(article string, sentence int, s schema.Entity, t schema.RelationType, o schema.Entity) schema.Relation {
	return schema.Relation{
		Key:     schema.RelationKey(article, sentence, s.ID, t, o.ID),
		Type:    t,
		Subject: s.ID, Object: o.ID, Article: article, Sentence: sentence,
		Evidence: "evidence", Confidence: 0.8,
	}
}

func doc(id string, ents []schema.Entity, rels ...schema.Relation) schema.Extraction {
	return schema.Extraction{Article: schema.Article{ID: id}, Entities: ents, Relations: rels}
}

var (
	lloyd  = ent(schema.Person, "Lloyd Austin")
	austin = ent(schema.Person, "Austin")
	sarah  = ent(schema.Person, "Sarah Austin")
	nato   = ent(schema.Organization, "North Atlantic Treaty Organization", "NATO")
	natoS  = ent(schema.Organization, "NATO")
	cityA  = ent(schema.Location, "Austin")
	china  = ent(schema.Country, "China")
	putin  = ent(schema.Person, "Vladimir Putin")
	putinS = ent(schema.Person, "Putin")
)

// ids returns the entity IDs of x in order.
func ids(x schema.Extraction) []string {
	var out []string
	for _, e := range x.Entities {
		out = append(out, e.ID)
	}
	return out
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		prior []schema.Extraction // resolved first, in order
		in    schema.Extraction
		want  []string // entity IDs of the result
	}{
		{"surname after full name in corpus", []schema.Extraction{doc("a1", []schema.Entity{lloyd})},
			doc("a2", []schema.Entity{austin}), []string{lloyd.ID}},
		{"surname before full name stays apart", nil,
			doc("a2", []schema.Entity{austin}), []string{austin.ID}},
		{"surname with full name in same document", nil,
			doc("a1", []schema.Entity{austin, lloyd}), []string{lloyd.ID}},
		{"two known people share the surname", []schema.Extraction{doc("a1", []schema.Entity{lloyd}), doc("a2", []schema.Entity{sarah})},
			doc("a3", []schema.Entity{austin}), []string{austin.ID}},
		{"two people in the document share the surname", nil,
			doc("a1", []schema.Entity{lloyd, sarah, austin}), []string{lloyd.ID, sarah.ID, austin.ID}},
		{"document evidence beats an ambiguous corpus", []schema.Extraction{doc("a1", []schema.Entity{lloyd}), doc("a2", []schema.Entity{sarah})},
			doc("a3", []schema.Entity{sarah, austin}), []string{sarah.ID}},
		{"other type never merges", []schema.Extraction{doc("a1", []schema.Entity{lloyd})},
			doc("a2", []schema.Entity{cityA}), []string{cityA.ID}},
		{"alias of one known entity", []schema.Extraction{doc("a1", []schema.Entity{nato})},
			doc("a2", []schema.Entity{natoS}), []string{nato.ID}},
		{"single-word entity without match", []schema.Extraction{doc("a1", []schema.Entity{lloyd})},
			doc("a2", []schema.Entity{china}), []string{china.ID}},
		{"full name is not a surname key of another", []schema.Extraction{doc("a1", []schema.Entity{lloyd})},
			doc("a2", []schema.Entity{sarah}), []string{sarah.ID}},
		{"accents and case fold", []schema.Extraction{doc("a1", []schema.Entity{ent(schema.Person, "Recep Tayyip Erdoğan")})},
			doc("a2", []schema.Entity{ent(schema.Person, "ERDOGAN")}), []string{schema.EntityID(schema.Person, "Recep Tayyip Erdoğan")}},
		{"generational suffix skipped", []schema.Extraction{doc("a1", []schema.Entity{ent(schema.Person, "Martin Luther King Jr.")})},
			doc("a2", []schema.Entity{ent(schema.Person, "King")}), []string{schema.EntityID(schema.Person, "Martin Luther King Jr.")}},
		{"full name alias of one known entity", []schema.Extraction{doc("a1", []schema.Entity{ent(schema.Person, "Lloyd James Austin III", "Lloyd Austin")})},
			doc("a2", []schema.Entity{lloyd}), []string{schema.EntityID(schema.Person, "Lloyd James Austin III")}},
		{"acronym alias of an organization", []schema.Extraction{doc("a1", []schema.Entity{ent(schema.Organization, "Jalisco New Generation Cartel", "CJNG")})},
			doc("a2", []schema.Entity{ent(schema.Organization, "CJNG")}), []string{schema.EntityID(schema.Organization, "Jalisco New Generation Cartel")}},
		{"phrase alias of an organization stays in its document", []schema.Extraction{doc("a1", []schema.Entity{ent(schema.Organization, "Russian Foreign Ministry", "Foreign Ministry")})},
			doc("a2", []schema.Entity{ent(schema.Organization, "Foreign Ministry")}), []string{schema.EntityID(schema.Organization, "Foreign Ministry")}},
		{"word alias of an organization in the same document", nil,
			doc("a1", []schema.Entity{ent(schema.Organization, "Argentina's Senate", "Senate"), ent(schema.Organization, "Senate")}),
			[]string{schema.EntityID(schema.Organization, "Argentina's Senate")}},
		// Fixed bugs.
		{"empty document", []schema.Extraction{doc("a1", []schema.Entity{lloyd})},
			doc("a2", nil), nil},
		// Argentina's Senate (alias Senate) took the Polish Senate of a
		// later article, and only when that article came later.
		{"word alias of an organization stays in its document", []schema.Extraction{doc("a1", []schema.Entity{ent(schema.Organization, "Argentina's Senate", "Senate")})},
			doc("a2", []schema.Entity{ent(schema.Organization, "Senate")}), []string{schema.EntityID(schema.Organization, "Senate")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewResolver()
			for _, p := range tt.prior {
				r.Resolve(p)
			}
			got := ids(r.Resolve(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Resolve(%v) = %v, want %v", ids(tt.in), got, tt.want)
			}
		})
	}
}

func TestResolveOrderDependence(t *testing.T) {
	r := NewResolver()
	r.Resolve(doc("a1", []schema.Entity{lloyd}))
	if got := r.Resolve(doc("a2", []schema.Entity{austin})).Entities[0].ID; got != lloyd.ID {
		t.Fatalf("Resolve(Austin) = %s, want %s (Lloyd Austin)", got, lloyd.ID)
	}
	r.Resolve(doc("a3", []schema.Entity{sarah}))
	if got := r.Resolve(doc("a4", []schema.Entity{austin})).Entities[0].ID; got != austin.ID {
		t.Errorf("Resolve(Austin) after Sarah Austin = %s, want %s (apart)", got, austin.ID)
	}
}

func TestResolveRewritesEntitiesAndRelations(t *testing.T) {
	r := NewResolver()
	r.Resolve(doc("a1", []schema.Entity{lloyd, putin}))

	in := doc("a2",
		[]schema.Entity{
			{ID: austin.ID, Name: "Austin", Type: schema.Person, Aliases: []string{"Secretary Austin"}, Mentions: []schema.Span{{Start: 0, End: 6}}},
			{ID: putinS.ID, Name: "Putin", Type: schema.Person, Mentions: []schema.Span{{Start: 20, End: 25}, {Start: 40, End: 45}}},
			china,
		},
		rel("a2", 0, austin, schema.Meets, putinS),
		rel("a2", 1, china, schema.Supports, putinS),
		rel("a2", 2, lloyd, schema.Meets, china), // already canonical: key kept
	)
	orig := doc("a2", append([]schema.Entity(nil), in.Entities...), append([]schema.Relation(nil), in.Relations...)...)
	got := r.Resolve(in)

	if !reflect.DeepEqual(in, orig) {
		t.Errorf("Resolve modified its input")
	}
	wantEnt := []schema.Entity{
		{ID: lloyd.ID, Name: "Lloyd Austin", Type: schema.Person, Aliases: []string{"Austin", "Secretary Austin"}, Mentions: []schema.Span{{Start: 0, End: 6}}},
		{ID: putin.ID, Name: "Vladimir Putin", Type: schema.Person, Aliases: []string{"Putin"}, Mentions: []schema.Span{{Start: 20, End: 25}, {Start: 40, End: 45}}},
		china,
	}
	if !reflect.DeepEqual(got.Entities, wantEnt) {
		t.Errorf("entities = %+v, want %+v", got.Entities, wantEnt)
	}
	wantRel := []schema.Relation{
		rel("a2", 0, lloyd, schema.Meets, putin),
		rel("a2", 1, china, schema.Supports, putin),
		rel("a2", 2, lloyd, schema.Meets, china),
	}
	if !reflect.DeepEqual(got.Relations, wantRel) {
		t.Errorf("relations = %+v, want %+v", got.Relations, wantRel)
	}
	if err := Validate(got); err != nil {
		t.Errorf("Validate(resolved) = %v", err)
	}

	// The learned alias "Secretary Austin" now resolves too.
	sec := ent(schema.Person, "Secretary Austin")
	if got := r.Resolve(doc("a3", []schema.Entity{sec})).Entities[0].ID; got != lloyd.ID {
		t.Errorf("Resolve(Secretary Austin) = %s, want %s", got, lloyd.ID)
	}
}

func TestResolveMergesWithinDocument(t *testing.T) {
	r := NewResolver()
	l := lloyd
	l.Count = 2
	a := austin
	a.Count = 3
	in := doc("a1", []schema.Entity{l, a, china},
		rel("a1", 0, l, schema.Meets, china),
		rel("a1", 0, a, schema.Meets, china), // same key once resolved
		rel("a1", 1, a, schema.Meets, l),     // self-relation once resolved
	)
	in.Relations[1].Confidence = 0.9
	got := r.Resolve(in)
	if len(got.Entities) != 2 {
		t.Fatalf("entities = %+v, want Lloyd Austin and China", got.Entities)
	}
	if e := got.Entities[0]; e.ID != lloyd.ID || e.Count != 5 || !reflect.DeepEqual(e.Aliases, []string{"Austin"}) {
		t.Errorf("merged entity = %+v, want Lloyd Austin, count 5, aliases [Austin]", e)
	}
	if len(got.Relations) != 1 {
		t.Fatalf("relations = %+v, want one", got.Relations)
	}
	if r := got.Relations[0]; r.Confidence != 0.9 || r.Key != rel("a1", 0, lloyd, schema.Meets, china).Key {
		t.Errorf("relation = %+v, want the most confident MEETS Lloyd Austin -> China", r)
	}
}

func TestIsAcronym(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"NATO", true}, {"U.S.", true}, {"G7", true}, {"AT&T", true}, {"UN-Habitat", false},
		{"Senate", false}, {"E", false}, {"", false}, {"E-7", true}, {"A.", false}, {"NATO allies", false}, {"7", false},
	}
	for _, tt := range tests {
		if got := isAcronym(tt.in); got != tt.want {
			t.Errorf("isAcronym(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLearn(t *testing.T) {
	r := NewResolver()
	r.Learn(lloyd)
	r.Learn(austin) // a single word: not indexed
	r.Learn(ent(schema.Organization, "Argentina's Senate", "Senate"))
	for _, tt := range []struct {
		in   schema.Entity
		want string
	}{
		{austin, lloyd.ID},
		{ent(schema.Organization, "Senate"), schema.EntityID(schema.Organization, "Senate")},
	} {
		if got := r.Resolve(doc("a1", []schema.Entity{tt.in})).Entities[0].ID; got != tt.want {
			t.Errorf("Resolve(%s) after Learn = %s, want %s", tt.in.Name, got, tt.want)
		}
	}
}

func TestValidate(t *testing.T) {
	good := doc("a1", []schema.Entity{lloyd, china}, rel("a1", 0, lloyd, schema.Meets, china))
	tests := []struct {
		name   string
		change func(x *schema.Extraction)
		ok     bool
	}{
		{"valid", func(*schema.Extraction) {}, true},
		{"no article id", func(x *schema.Extraction) { x.Article.ID = "" }, false},
		{"entity without id", func(x *schema.Extraction) { x.Entities[0].ID = "" }, false},
		{"unknown entity type", func(x *schema.Extraction) { x.Entities[0].Type = "Thing" }, false},
		{"relation without key", func(x *schema.Extraction) { x.Relations[0].Key = "" }, false},
		{"unknown relation type", func(x *schema.Extraction) { x.Relations[0].Type = "LIKES" }, false},
		{"relation of another article", func(x *schema.Extraction) { x.Relations[0].Article = "a2" }, false},
		{"dangling subject", func(x *schema.Extraction) { x.Relations[0].Subject = "nobody" }, false},
		{"dangling object", func(x *schema.Extraction) { x.Relations[0].Object = "nobody" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := good
			x.Entities = append([]schema.Entity(nil), good.Entities...)
			x.Relations = append([]schema.Relation(nil), good.Relations...)
			tt.change(&x)
			err := Validate(x)
			if (err == nil) != tt.ok {
				t.Errorf("Validate = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

// TestResolveKeepsFirstName: one ID spelled two ways ("Erdogan" and
// "Erdoğan" fold to the same name) keeps the first name seen or learned,
// whichever article a sink stores first; the other spelling becomes an
// alias.
func TestResolveKeepsFirstName(t *testing.T) {
	plain := ent(schema.Person, "Recep Tayyip Erdogan")
	accented := ent(schema.Person, "Recep Tayyip Erdoğan")
	if plain.ID != accented.ID {
		t.Fatalf("the two spellings have different IDs: %s, %s", plain.ID, accented.ID)
	}
	r := NewResolver()
	first := r.Resolve(doc("a1", []schema.Entity{plain})).Entities[0]
	second := r.Resolve(doc("a2", []schema.Entity{accented})).Entities[0]
	if first.Name != plain.Name || second.Name != plain.Name {
		t.Errorf("names = %q, %q, want %q twice", first.Name, second.Name, plain.Name)
	}
	if !slices.Contains(second.Aliases, accented.Name) {
		t.Errorf("aliases of the second = %q, want %q among them", second.Aliases, accented.Name)
	}

	learned := NewResolver()
	learned.Learn(accented)
	if got := learned.Resolve(doc("a1", []schema.Entity{plain})).Entities[0].Name; got != accented.Name {
		t.Errorf("after Learn(%q): name %q, want the learned one", accented.Name, got)
	}
}

// TestResolveSpellings joins spellings of one name, names written with
// initials and the other names and codes of countries, only when one
// entity of the type has the key.
func TestResolveSpellings(t *testing.T) {
	ivana := ent(schema.Person, "Ivana Kovalenkiy")
	marko := ent(schema.Person, "Marko Kovalenkiy")
	countries := NewCountries([]CountryNames{
		{Name: "Freedonia", Forms: []string{"FDN", "Republic of Freedonia", "F.R."}},
		{Name: "North Sylvania", Forms: []string{"Sylvania", "NSY"}},
		{Name: "South Sylvania", Forms: []string{"Sylvania", "SSY"}},
	})
	id := func(t schema.EntityType, name string) string { return schema.EntityID(t, name) }
	tests := []struct {
		name  string
		prior []schema.Extraction
		in    schema.Extraction
		want  []string
	}{
		{"transliteration", []schema.Extraction{doc("a1", []schema.Entity{ivana})},
			doc("a2", []schema.Entity{ent(schema.Person, "Ivana Kovalenkij")}), []string{ivana.ID}},
		{"diacritics and doubled letters", []schema.Extraction{doc("a1", []schema.Entity{ivana})},
			doc("a2", []schema.Entity{ent(schema.Person, "Ivanna Kovalenkíy")}), []string{ivana.ID}},
		{"surname spelled otherwise", []schema.Extraction{doc("a1", []schema.Entity{ivana})},
			doc("a2", []schema.Entity{ent(schema.Person, "Kovalenky")}), []string{ivana.ID}},
		{"surname spelled otherwise, two people", []schema.Extraction{doc("a1", []schema.Entity{ivana}), doc("a2", []schema.Entity{marko})},
			doc("a3", []schema.Entity{ent(schema.Person, "Kovalenky")}), []string{id(schema.Person, "Kovalenky")}},
		{"in the document", nil,
			doc("a1", []schema.Entity{ivana, ent(schema.Person, "Kovalenky")}), []string{ivana.ID}},
		{"another name stays apart", []schema.Extraction{doc("a1", []schema.Entity{ivana})},
			doc("a2", []schema.Entity{ent(schema.Person, "Ivana Kovalenko")}), []string{id(schema.Person, "Ivana Kovalenko")}},
		{"other type never", []schema.Extraction{doc("a1", []schema.Entity{ivana})},
			doc("a2", []schema.Entity{ent(schema.Location, "Kovalenky")}), []string{id(schema.Location, "Kovalenky")}},
		{"initials", []schema.Extraction{doc("a1", []schema.Entity{ivana})},
			doc("a2", []schema.Entity{ent(schema.Person, "I. Kovalenkiy")}), []string{ivana.ID}},
		{"initials of two people", []schema.Extraction{doc("a1", []schema.Entity{ivana}), doc("a2", []schema.Entity{ent(schema.Person, "Igor Kovalenkiy")})},
			doc("a3", []schema.Entity{ent(schema.Person, "I. Kovalenkiy")}), []string{id(schema.Person, "I. Kovalenkiy")}},
		{"initials not a given name", []schema.Extraction{doc("a1", []schema.Entity{ivana})},
			doc("a2", []schema.Entity{ent(schema.Person, "M. Kovalenkiy")}), []string{id(schema.Person, "M. Kovalenkiy")}},
		{"country code", nil,
			doc("a1", []schema.Entity{ent(schema.Country, "FDN")}), []string{id(schema.Country, "Freedonia")}},
		{"country's dotted code", nil,
			doc("a1", []schema.Entity{ent(schema.Country, "F.R.")}), []string{id(schema.Country, "Freedonia")}},
		{"country's long name, corpus spelling kept", []schema.Extraction{doc("a1", []schema.Entity{ent(schema.Country, "FREEDONIA")})},
			doc("a2", []schema.Entity{ent(schema.Country, "Republic of Freedonia")}), []string{id(schema.Country, "Freedonia")}},
		{"a form of two countries stays", nil,
			doc("a1", []schema.Entity{ent(schema.Country, "Sylvania")}), []string{id(schema.Country, "Sylvania")}},
		{"a country's code is not an organization's", nil,
			doc("a1", []schema.Entity{ent(schema.Organization, "FDN")}), []string{id(schema.Organization, "FDN")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewResolver().UseCountries(countries)
			for _, p := range tt.prior {
				r.Resolve(p)
			}
			out := r.Resolve(tt.in)
			if got := ids(out); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Resolve(%v) = %v, want %v", tt.in.Entities, out.Entities, tt.want)
			}
		})
	}
	// The spelling joins the aliases; the first name stays.
	r := NewResolver()
	r.Resolve(doc("a1", []schema.Entity{ivana}))
	e := r.Resolve(doc("a2", []schema.Entity{ent(schema.Person, "Ivana Kovalenkij")})).Entities[0]
	if e.Name != ivana.Name || !slices.Contains(e.Aliases, "Ivana Kovalenkij") {
		t.Errorf("joined spelling: %+v, want the first name with the spelling among the aliases", e)
	}
}
