package graph_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
)

func TestVariantKeySame(t *testing.T) {
	groups := []struct {
		name  string
		names []string
	}{
		{"-y, -yy, -iy endings", []string{"Aleksei Navalny", "Alexey Navalnyy", "Alexei Navalniy", "Aleksey Navalnyj"}},
		{"-iy, -ij, -y", []string{"Dmitriy Medvedev", "Dmitrij Medvedev", "Dmitry Medvedev", "Dmitri Medvedev"}},
		{"-ey, -ei", []string{"Sergey Shoigu", "Sergei Shoygu"}},
		{"initial j, i, y; ou", []string{"Yuri Ushakov", "Iouri Ushakov", "Juri Ushakov", "Yuriy Ushakov"}},
		{"ye, e; -iy", []string{"Yevgeny Prigozhin", "Evgeny Prigozhin", "Yevgeniy Prigozhin"}},
		{"iya, ia", []string{"Mariya Zakharova", "Maria Zakharova", "Maria Zaharova"}},
		{"kh, h", []string{"Mikhail Mishustin", "Mihail Mishustin"}},
		{"diacritics", []string{"Recai Güneş", "Recai Gunes", "RECAI GÜNEŞ"}},
		{"letters without decomposition", []string{"Łukasz Błaszczyk", "Lukasz Blaszczyk"}},
		{"hyphens and spaces", []string{"Abdel-Karim Nasser", "Abdel Karim Nasser", "Abdelkarim Nasser", "Abd al-Karim Nasser", "Abdul Karim Nasser"}},
		{"Korean name parts", []string{"Park Geun-hye", "Park Geun Hye", "Park Geunhye"}},
		{"Arabic name words", []string{"Muammar Gaddafi", "Moammar Qaddafi", "Muammar Kadhafi", "Moamar Gadhafi"}},
		{"Mohammed", []string{"Mohammed bin Salman", "Muhammad bin Salman", "Mohamed ibn Salman", "Mohammad bin Salman"}},
		{"al, el", []string{"Omar el-Bashir", "Umar al-Bashir", "Omar al Bashir"}},
		{"ph, f; c, k", []string{"Christophe Koulibaly", "Christofe Coulibaly"}},
		{"case and the", []string{"the Example Foundation", "EXAMPLE FOUNDATION"}},
	}
	for _, g := range groups {
		want := graph.VariantKey(g.names[0])
		for _, n := range g.names[1:] {
			if got := graph.VariantKey(n); got != want {
				t.Errorf("%s: VariantKey(%q) = %q, VariantKey(%q) = %q, want equal", g.name, n, got, g.names[0], want)
			}
		}
	}
}

// Near misses: names one letter apart that are other people.
func TestVariantKeyDifferent(t *testing.T) {
	pairs := [][2]string{
		{"Ivanov", "Ivanova"},
		{"Sergei Petrov", "Sergei Petrova"},
		{"John Smith", "John Smyth"},
		{"Jon Smith", "John Smith"},
		{"Kim Jong Il", "Kim Il Sung"},
		{"Kim Jong Il", "Kim Jong Nam"},
		{"Sergei Lopez", "Sergio Lopez"},
		{"Alexander Novak", "Alexandra Novak"},
		{"Daniel Ortiz", "Daniela Ortiz"},
		{"Maria Silva", "Mario Silva"},
		{"Mohammed bin Salman", "Mohammed bin Zayed"},
		{"Tymoshenko", "Timoshenko"}, // a real variant pair, but the rules do not touch inner y between consonants
		{"Karen Holt", "Karin Holt"},
	}
	for _, p := range pairs {
		if a, b := graph.VariantKey(p[0]), graph.VariantKey(p[1]); a == b {
			t.Errorf("VariantKey(%q) = VariantKey(%q) = %q, want different", p[0], p[1], a)
		}
	}
}

func TestInitialsKey(t *testing.T) {
	tests := []struct {
		name, key string
		ok        bool
	}{
		{"John Smith", "j smith", true},
		{"J. Smith", "j smith", true},
		{"J Smith", "j smith", true},
		{"John Ronald Smith", "j r smith", true},
		{"J. R. Smith", "j r smith", true},
		{"J.R. Smith", "j r smith", true},
		{"John Smith Jr.", "j smith", true},
		{"Yuliya Tymoshenko", "y timoshenko", false}, // the surname as VariantKey writes it; set below
		{"Smith", "", false},
		{"", "", false},
	}
	tests[7].key, tests[7].ok = "y "+graph.VariantKey("Tymoshenko"), true
	for _, tt := range tests {
		key, ok := graph.InitialsKey(tt.name)
		if key != tt.key || ok != tt.ok {
			t.Errorf("InitialsKey(%q) = %q, %v, want %q, %v", tt.name, key, ok, tt.key, tt.ok)
		}
	}
	// One initial does not stand for another given name.
	a, _ := graph.InitialsKey("J. Smith")
	b, _ := graph.InitialsKey("Mary Smith")
	if a == b {
		t.Errorf("InitialsKey(J. Smith) = InitialsKey(Mary Smith) = %q", a)
	}
}

func TestHasInitials(t *testing.T) {
	for name, want := range map[string]bool{
		"J. Smith": true, "J Smith": true, "J.R. Smith": true, "J. R. Smith": true,
		"John Smith": false, "Smith": false, "J.": false, "John R. Smith": false, "": false,
	} {
		if got := graph.HasInitials(name); got != want {
			t.Errorf("HasInitials(%q) = %v, want %v", name, got, want)
		}
	}
}

// countries is the table of the embedded gazetteer's countries.
func countries() *graph.Countries {
	var cs []graph.CountryNames
	for _, e := range extract.DefaultGazetteer() {
		if e.Type == "Country" {
			cs = append(cs, graph.CountryNames{Name: e.Name, Forms: e.Aliases})
		}
	}
	return graph.NewCountries(cs)
}

func TestCountriesGazetteer(t *testing.T) {
	c := countries()
	tests := map[string]string{
		"USA": "United States", "U.S.": "United States", "US": "United States", "U.S.A.": "United States",
		"U.S": "United States", "the United States": "United States", "United States of America": "United States",
		"America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
		"DPRK": "North Korea", "ROK": "South Korea", "PRC": "China", "UAE": "United Arab Emirates",
		"U.A.E.": "United Arab Emirates", "KSA": "Saudi Arabia", "Holland": "Netherlands", "Burma": "Myanmar",
		"Czechia": "Czech Republic", "Türkiye": "Turkey", "Turkiye": "Turkey", "DRC": "Democratic Republic of the Congo",
	}
	for form, want := range tests {
		if got := c.Lookup(form); !slices.Equal(got, []string{want}) {
			t.Errorf("Lookup(%q) = %q, want [%q]", form, got, want)
		}
	}
	// Longer names holding a country's form are not forms of it.
	for _, s := range []string{"Voice of America", "Latin America", "South America", "Bank of America", "Americas", "usa today", "United"} {
		if got := c.Lookup(s); len(got) != 0 {
			t.Errorf("Lookup(%q) = %q, want none", s, got)
		}
	}
}

func TestCountriesAmbiguous(t *testing.T) {
	c := graph.NewCountries([]graph.CountryNames{
		{Name: "North Korea", Forms: []string{"DPRK", "Korea"}},
		{Name: "South Korea", Forms: []string{"ROK", "Korea"}},
	})
	if got := c.Lookup("Korea"); !slices.Equal(got, []string{"North Korea", "South Korea"}) {
		t.Errorf("Lookup(Korea) = %q, want both Koreas", got)
	}
	if got := c.Lookup("dprk"); !slices.Equal(got, []string{"North Korea"}) {
		t.Errorf("Lookup(dprk) = %q, want [North Korea]", got)
	}
	var zero *graph.Countries
	if got := zero.Lookup("USA"); got != nil {
		t.Errorf("nil Countries: Lookup(USA) = %q", got)
	}
}

func ExampleVariantKey() {
	fmt.Println(graph.VariantKey("Alexey Navalnyy") == graph.VariantKey("Aleksei Navalny"))
	fmt.Println(graph.VariantKey("Ivanov") == graph.VariantKey("Ivanova"))
	// Output:
	// true
	// false
}

func ExampleCountries_Lookup() {
	c := graph.NewCountries([]graph.CountryNames{
		{Name: "United States", Forms: []string{"U.S.", "USA", "America"}},
	})
	fmt.Println(c.Lookup("usa"), c.Lookup("America"), c.Lookup("Voice of America"))
	// Output: [United States] [United States] []
}
