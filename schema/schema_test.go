package schema

import (
	"strings"
	"testing"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"United States", "united states"},
		{"the United States", "united states"},
		{"U.S.", "us"},
		{"Donetsk People’s Republic", "donetsk peoples republic"},
		{"  Özgür   Özel ", "ozgur ozel"},
		{"Abdel-Fattah", "abdel fattah"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeName(tt.in); got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIDs(t *testing.T) {
	if EntityID(Country, "the United States") != EntityID(Country, "United States") {
		t.Errorf("EntityID differs for names that normalize alike")
	}
	if EntityID(Country, "Georgia") == EntityID(Location, "Georgia") {
		t.Errorf("EntityID ignores the type")
	}
	if ArticleID("a", "x") != ArticleID("a", "y") || ArticleID("", "x") == ArticleID("", "y") {
		t.Errorf("ArticleID: ref must decide, else the text")
	}
	k := RelationKey("a", 1, "s", Meets, "o")
	if k != RelationKey("a", 1, "s", Meets, "o") || k == RelationKey("a", 2, "s", Meets, "o") || k == RelationKey("a", 1, "o", Meets, "s") {
		t.Errorf("RelationKey is not a function of all its parts")
	}
}

func TestOntology(t *testing.T) {
	if len(Relations) != 16 || len(EntityTypes) != 5 {
		t.Fatalf("ontology has %d relation and %d entity types, want 16 and 5", len(Relations), len(EntityTypes))
	}
	if !Meets.Symmetric() || !Fights.Symmetric() || Accuses.Symmetric() {
		t.Errorf("symmetric flags wrong")
	}
	if !HoldsRole.Allows(Person, Country) || HoldsRole.Allows(Country, Person) || !Visits.Allows(Person, Location) || Meets.Allows(Person, Location) {
		t.Errorf("Allows disagrees with the ontology (docs/ontology.md)")
	}
	ddl := strings.Join(DDL(), "\n")
	for _, r := range Relations {
		if !strings.Contains(ddl, "[r:"+string(r.Type)+"]") {
			t.Errorf("DDL lacks the key constraint of %s", r.Type)
		}
	}
	if _, err := Label("Person`) DETACH DELETE n //"); err == nil {
		t.Errorf("Label accepted a type outside the ontology")
	}
	if _, err := RelType("MEETS]->() DELETE"); err == nil {
		t.Errorf("RelType accepted a type outside the ontology")
	}
}

func TestTraits(t *testing.T) {
	// want lists, per trait, the types that have it; every other type
	// must not.
	want := map[string][]RelationType{
		"Hostile":    {Requests, Rejects, Denies, Accuses, Criticizes, Warns, Sanctions, Fights},
		"Judging":    {Rejects, Denies, Accuses, Criticizes, Warns, Supports},
		"Appraising": {Criticizes, Supports},
		"ActObject":  {Criticizes, Warns},
		"Mutual":     {Meets, Agrees, Fights},
	}
	traits := map[string]func(RelationSpec) bool{
		"Hostile":    func(s RelationSpec) bool { return s.Hostile },
		"Judging":    func(s RelationSpec) bool { return s.Judging },
		"Appraising": func(s RelationSpec) bool { return s.Appraising },
		"ActObject":  func(s RelationSpec) bool { return s.ActObject },
		"Mutual":     func(s RelationSpec) bool { return s.Mutual },
	}
	for name, has := range traits {
		set := map[RelationType]bool{}
		for _, rt := range want[name] {
			set[rt] = true
		}
		for _, s := range Relations {
			if got := has(s); got != set[s.Type] {
				t.Errorf("%s.%s = %v, want %v", s.Type, name, got, set[s.Type])
			}
			if has(s) && s.Structural {
				t.Errorf("%s is structural and %s: traits are for interactions", s.Type, name)
			}
		}
	}
}
