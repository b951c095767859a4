// Package schema holds kg's data contracts and its ontology: entity and
// relation types, the Article, Entity, Relation and Extraction records with
// their JSON encoding, deterministic identifiers, and the Neo4j schema.
//
// It is the only place where Cypher labels and relationship types come from:
// every other package takes them from the values defined here.
package schema

import "sort"

// EntityType is the type label of an actor node.
type EntityType string

// The entity types of the ontology.
const (
	Person       EntityType = "Person"
	Organization EntityType = "Organization"
	Country      EntityType = "Country"
	Location     EntityType = "Location"
	Group        EntityType = "Group"
)

// EntityTypes lists every entity type in a fixed order.
var EntityTypes = []EntityType{Person, Organization, Country, Location, Group}

// Valid reports whether t is one of the ontology's entity types.
func (t EntityType) Valid() bool {
	for _, e := range EntityTypes {
		if e == t {
			return true
		}
	}
	return false
}

// RelationType is the type of a relationship between two entities.
type RelationType string

// The relation types of the ontology.
const (
	Meets      RelationType = "MEETS"
	Visits     RelationType = "VISITS"
	Proposes   RelationType = "PROPOSES"
	Requests   RelationType = "REQUESTS"
	Agrees     RelationType = "AGREES"
	Rejects    RelationType = "REJECTS"
	Denies     RelationType = "DENIES"
	Accuses    RelationType = "ACCUSES"
	Criticizes RelationType = "CRITICIZES"
	Warns      RelationType = "WARNS"
	Supports   RelationType = "SUPPORTS"
	Sanctions  RelationType = "SANCTIONS"
	Fights     RelationType = "FIGHTS"
	HoldsRole  RelationType = "HOLDS_ROLE"
	PartOf     RelationType = "PART_OF"
	MemberOf   RelationType = "MEMBER_OF"
)

// RelationSpec describes one relation type.
type RelationSpec struct {
	Type RelationType
	// Symmetric relations match in either direction when scored.
	Symmetric bool
	// CAMEO is the CAMEO event root code; empty for structural relations.
	CAMEO string
	// Structural relations state membership, not dated events.
	Structural bool
	// Subjects and Objects are the entity types allowed at each end.
	Subjects []EntityType
	Objects  []EntityType
	// Meaning is a one-line description.
	Meaning string

	// The traits below say how an interaction type is stated in text; the
	// extractor reads them to decide where a relation's ends may be. They
	// are false for the structural types.

	// Hostile types act against the object or press it: warnings,
	// criticism, accusations, sanctions, fighting, denials, rejections and
	// demands. A hostile act's object is the likely object of a criticism
	// or warning of the same subject that names none ("denounced the raid
	// and threatened Velmora").
	Hostile bool
	// Judging types pass judgement on what the object did or said:
	// criticism, accusations, warnings, rejections, denials and support.
	// The object may be named as the doer of the act judged ("condemned
	// the drills by Seoul" is about Seoul).
	Judging bool
	// Appraising types approve or disapprove of the object as a whole:
	// support and criticism. Appraising an agreement appraises its
	// parties ("praised the agreement", "criticized the deal").
	Appraising bool
	// ActObject types are often said of an act or a danger rather than of
	// an actor ("denounced the raid", "warned of consequences"): the
	// actor is then named further on, perhaps after an infinitive
	// ("condemned attempts to destabilize Venezuela"), or by another verb
	// of the same subject.
	ActObject bool
	// Mutual types may be stated by coordinated subjects of each other,
	// with no object: "Japan and France met", "agreed", "clashed". Whether
	// a particular verb does ("attacked" does not) is the lexicon's call.
	Mutual bool
}

var actors = []EntityType{Person, Organization, Country, Group}

// Relations lists every relation type of the ontology in a fixed order.
var Relations = []RelationSpec{
	{Type: Meets, Symmetric: true, CAMEO: "04", Subjects: actors, Objects: actors, Mutual: true, Meaning: "meet, hold talks, consultations or negotiations, receive a visitor, speak by phone"},
	{Type: Visits, CAMEO: "042", Subjects: actors, Objects: []EntityType{Person, Organization, Country, Location, Group}, Meaning: "travel to a country, place or organization"},
	{Type: Proposes, CAMEO: "03", Subjects: actors, Objects: actors, Meaning: "put forward a proposal, offer, draft or plan to the object"},
	{Type: Requests, CAMEO: "02", Subjects: actors, Objects: actors, Hostile: true, Meaning: "ask, urge, demand or call on the object to act"},
	{Type: Agrees, CAMEO: "057", Subjects: actors, Objects: actors, Mutual: true, Meaning: "agree with, sign with, accept the object's proposal"},
	{Type: Rejects, CAMEO: "12", Subjects: actors, Objects: actors, Hostile: true, Judging: true, Meaning: "reject or refuse the object's proposal or demand"},
	{Type: Denies, CAMEO: "013", Subjects: actors, Objects: actors, Hostile: true, Judging: true, Meaning: "deny accusations or claims made by the object"},
	{Type: Accuses, CAMEO: "112", Subjects: actors, Objects: actors, Hostile: true, Judging: true, Meaning: "accuse or allege wrongdoing by the object"},
	{Type: Criticizes, CAMEO: "111", Subjects: actors, Objects: actors, Hostile: true, Judging: true, Appraising: true, ActObject: true, Meaning: "criticize, condemn, denounce the object"},
	{Type: Warns, CAMEO: "13", Subjects: actors, Objects: actors, Hostile: true, Judging: true, ActObject: true, Meaning: "warn or threaten the object"},
	{Type: Supports, CAMEO: "05", Subjects: actors, Objects: actors, Judging: true, Appraising: true, Meaning: "support, back, praise, aid or arm the object"},
	{Type: Sanctions, CAMEO: "16", Subjects: actors, Objects: actors, Hostile: true, Meaning: "impose sanctions, expel diplomats, cut ties"},
	{Type: Fights, Symmetric: true, CAMEO: "19", Subjects: actors, Objects: actors, Hostile: true, Mutual: true, Meaning: "armed conflict, attack, strike, invade"},
	{Type: HoldsRole, Structural: true, Subjects: []EntityType{Person}, Objects: []EntityType{Organization, Country}, Meaning: "a person holds a role in an organization or country"},
	{Type: PartOf, Structural: true, Subjects: []EntityType{Organization}, Objects: []EntityType{Organization, Country}, Meaning: "an organization is part of another organization or a country"},
	{Type: MemberOf, Structural: true, Subjects: []EntityType{Country, Organization}, Objects: []EntityType{Organization}, Meaning: "a country or organization is a member of an organization"},
}

var relationIndex = func() map[RelationType]int {
	m := make(map[RelationType]int, len(Relations))
	for i, r := range Relations {
		m[r.Type] = i
	}
	return m
}()

// Spec returns the spec of relation type t.
func (t RelationType) Spec() (RelationSpec, bool) {
	i, ok := relationIndex[t]
	if !ok {
		return RelationSpec{}, false
	}
	return Relations[i], true
}

// Valid reports whether t is one of the ontology's relation types.
func (t RelationType) Valid() bool {
	_, ok := relationIndex[t]
	return ok
}

// Symmetric reports whether t matches in either direction.
func (t RelationType) Symmetric() bool {
	s, _ := t.Spec()
	return s.Symmetric
}

// Allows reports whether a relation of type t may join a subject of type s
// to an object of type o.
func (t RelationType) Allows(s, o EntityType) bool {
	spec, ok := t.Spec()
	if !ok {
		return false
	}
	return contains(spec.Subjects, s) && contains(spec.Objects, o)
}

func contains(ts []EntityType, t EntityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// RelationTypes returns every relation type name, sorted.
func RelationTypes() []RelationType {
	out := make([]RelationType, len(Relations))
	for i, r := range Relations {
		out[i] = r.Type
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
