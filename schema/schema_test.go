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
