package names

import (
	"slices"
	"testing"

	"github.com/kgraph/kg/schema"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		typed, name string
		want        Match
	}{
		{"Sergeï LAVROV", "sergei lavrov", Exact},
		{"the United States", "United States", Exact},
		{"lavrov", "Sergei Lavrov", Words},
		{"lavrov sergei", "Sergei Lavrov", Words},
		{"lavorv", "Sergei Lavrov", Close},  // transposition
		{"lavrv", "Sergei Lavrov", Close},   // deletion
		{"lavrovs", "Sergei Lavrov", Close}, // insertion
		{"lavrovv", "Sergei Lavrov", Words}, // doubled letters: another spelling
		{"zelenskiy", "Volodymyr Zelensky", Words},
		{"Volodymyr Zelenskiy", "Volodymyr Zelensky", Variant},
		{"Abdelkarim", "Abdel Karim", Variant},
		{"stoltenbrg", "Jens Stoltenberg", Close},
		{"stoltnbrg", "Jens Stoltenberg", Close}, // two edits, ten letters
		{"stltnbrg", "Jens Stoltenberg", None},   // three
		{"lvrv", "Sergei Lavrov", None},          // two edits, four letters
		{"usa", "us", None},                      // short words are exact
		{"lavrov x", "Sergei Lavrov", None},      // every word must match
		{"", "x", None},
		{"x", "", None},
		{"ab", "a`b", None},
		{"a`b", "a b", Exact},
		{"x'})-[:R]->() DETACH DELETE n //", "X R DETACH DELETE N", Exact},
		{"Erdogan", "Recep Tayyip Erdoğan", Words},
	}
	for _, tt := range tests {
		if got := Compare(tt.typed, tt.name); got != tt.want {
			t.Errorf("Compare(%q, %q) = %v, want %v", tt.typed, tt.name, got, tt.want)
		}
	}
	if Exact.Or(None) != Exact || None.Or(Close) != Close || Close.Or(Words) != Words {
		t.Errorf("Match.Or does not keep the better match")
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // over the limit: limit+1
		{"ab", "ba", 2, 1},
		{"ca", "abc", 3, 3}, // optimal string alignment, not Damerau
		{"", "abc", 5, 3},
		{"éa", "aé", 2, 1}, // runes, not bytes
		{"same", "same", 0, 0},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestBestPrefersExact(t *testing.T) {
	es := []schema.Entity{
		{ID: "r", Type: schema.Country, Name: "Russia", Count: 1},
		{ID: "rt", Type: schema.Organization, Name: "Russia Today", Count: 9},
		{ID: "ru", Type: schema.Country, Name: "Rusia Unida", Count: 9},
	}
	tests := []struct {
		name string
		want []string
	}{
		{"RUSSIA", []string{"r"}},            // exact, not the words of Russia Today
		{"today", []string{"rt"}},            // words
		{"rusia", []string{"r"}},             // another spelling of Russia beats a word of Rusia Unida
		{"unida", []string{"ru"}},            // a word of Rusia Unida
		{"unidas", []string{"ru"}},           // close to it
		{"russa", []string{"ru", "rt", "r"}}, // close to all: most mentioned, then by name
	}
	for _, tt := range tests {
		var got []string
		found, _ := Best(tt.name, es, nil)
		for _, e := range found {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Best(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestBest looks names up among a few entities: every tier, aliases,
// accents, case, a leading "the", and names that match nothing.
func TestBest(t *testing.T) {
	es := []schema.Entity{
		{ID: "A", Type: schema.Person, Name: "Sergeï Lavrov", Count: 10, Aliases: []string{"Lavrov"}},
		{ID: "B", Type: schema.Person, Name: "Antony Blinken", Count: 7, Aliases: []string{"Blinken"}},
		{ID: "C", Type: schema.Country, Name: "Ukraine", Count: 5},
		{ID: "D", Type: schema.Country, Name: "Russia", Count: 4, Aliases: []string{"the Russian Federation"}},
		{ID: "O", Type: schema.Organization, Name: "Ministry of Foreign Affairs", Count: 1},
		{ID: "H", Type: schema.Organization, Name: "Hub", Count: 1},
		{ID: "L", Type: schema.Location, Name: "Lavrov", Count: 2},
		{ID: "A", Type: schema.Person, Name: "Sergeï Lavrov", Count: 10, Aliases: []string{"Lavrov"}}, // listed twice
	}
	tests := []struct {
		name  string
		want  []string
		match Match
	}{
		{"Sergeï Lavrov", []string{"A"}, Exact},
		{"SERGEI LAVROV", []string{"A"}, Exact},
		{"sergei  lavrov", []string{"A"}, Exact},
		{"lavrov", []string{"A", "L"}, Exact}, // alias of A, name of L; most mentioned first
		{"Russian Federation", []string{"D"}, Exact},
		{"the russia", []string{"D"}, Exact},
		{"Sergei", []string{"A"}, Words},           // a word of the name
		{"foreign MINISTRY", []string{"O"}, Words}, // words in any order
		{"Blinkin", []string{"B"}, Close},          // one edit
		{"Antnoy Blinken", []string{"B"}, Close},   // a transposition
		{"Lavrof", []string{"A", "L"}, Close},      // close to both
		{"Ukriane Russia", nil, None},              // words of different entities
		{"Lavr", nil, None},                        // a prefix is not a word
		{"Serge", []string{"A"}, Close},            // one letter short
		{"Hube", []string{"H"}, Close},             // one edit, four letters
		{"Hubb", []string{"H"}, Words},             // doubled letters: another spelling of the word
		{"ext", nil, None},                         // short words must be exact
		{"federation", []string{"D"}, Words},       // a word of an alias
		{"", nil, None},
		{"  ...  ", nil, None},
	}
	for _, tt := range tests {
		found, m := Best(tt.name, es, nil)
		var got []string
		for _, e := range found {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tt.want) || m != tt.match {
			t.Errorf("Best(%q) = %q, %v; want %q, %v", tt.name, got, m, tt.want, tt.match)
		}
	}
	if m := Entity("lavrov", es[0]); m != Exact {
		t.Errorf("Entity(lavrov, %s) = %v, want exact (an alias)", es[0].Name, m)
	}
}

// TestBestStaysInItsWords checks that partial and close matches do not
// cross into other names: a word after "of" in a body's name, a word the
// store knows taken for another, spelling variants joining.
func TestBestStaysInItsWords(t *testing.T) {
	es := []schema.Entity{
		{ID: "V", Type: schema.Organization, Name: "Radio of Freedonia", Count: 3},
		{ID: "S", Type: schema.Organization, Name: "League of Freedonian States", Count: 2},
		{ID: "Z", Type: schema.Person, Name: "Oleksandr Kovalenkiy", Count: 2},
		{ID: "B", Type: schema.Organization, Name: "Bank of Sylvania", Count: 1},
		{ID: "M", Type: schema.Person, Name: "Maria da Costa", Count: 1},
		{ID: "P", Type: schema.Person, Name: "Dmitri Pesko", Count: 1},
	}
	known := Vocabulary(es)
	tests := []struct {
		name  string
		want  []string
		match Match
	}{
		{"Freedonia", nil, None},        // only after "of": no partial match, and no close one (a known word)
		{"Radio", []string{"V"}, Words}, // the head
		{"Sylvania", nil, None},         // the bank is not the country
		{"Oleksandr Kovalenky", []string{"Z"}, Variant},
		{"Kovalenki", []string{"Z"}, Words}, // another spelling of a word
		{"Costa", []string{"M"}, Words},     // a person's name has no such words
		{"Peskov", []string{"P"}, Close},    // unknown: a misspelling
		{"Pesko", []string{"P"}, Words},
	}
	for _, tt := range tests {
		found, m := Best(tt.name, es, func(w string) bool { return known[w] })
		var got []string
		for _, e := range found {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tt.want) || m != tt.match {
			t.Errorf("Best(%q) = %q, %v; want %q, %v", tt.name, got, m, tt.want, tt.match)
		}
	}
	// A word the caller knows is no misspelling either.
	if found, _ := Best("Pesko", es[:5], func(w string) bool { return w == "pesko" || known[w] }); found != nil {
		t.Errorf("Best(Pesko) among others = %v, want nothing", found)
	}
	if found, m := Best("Peskov", es, func(w string) bool { return w == "peskov" || known[w] }); found != nil {
		t.Errorf("Best(Peskov) with peskov known = %v, %v; want nothing", found, m)
	}
}
