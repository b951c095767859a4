package extract

import (
	"sort"
	"strings"
	"testing"
)

func TestGazetteerParseErrors(t *testing.T) {
	const ok = "Country\tRussia\tRussian Federation\tRussian|Russians\tMoscow\t\n"
	cases := []struct {
		name, in, want string
	}{
		{"too few columns", "Country\tRussia\tRussian Federation\n", "t.tsv:1: want 6 tab-separated columns"},
		{"too many columns", "Country\tRussia\t\t\t\t\t\n", "t.tsv:1: want 6 tab-separated columns"},
		{"unknown type", "# c\nState\tRussia\t\t\t\t\n", "t.tsv:2: unknown type \"State\""},
		{"empty name", "Country\t \t\t\t\t\n", "t.tsv:1: empty name"},
		{"name without letters", "Country\t--\t\t\t\t\n", "has no letters or digits"},
		{"pipe in name", "Country\tA|B\t\t\t\t\n", "contains '|'"},
		{"duplicate", ok + "\nCountry\tRussia\t\t\t\t\n", "t.tsv:3: duplicate name \"Russia\" (first at line 1)"},
		{"duplicate after normalization", ok + "Country\tthe Russia\t\t\t\t\n", "t.tsv:2: duplicate name"},
		{"self part_of", "Organization\tKremlin\t\t\t\tKremlin\n", "t.tsv:1: \"Kremlin\" is part_of itself"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseGazetteer(strings.NewReader(c.in), "t.tsv")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestGazetteerParseOK(t *testing.T) {
	in := "\uFEFF# comment\n\n  # indented comment\r\n" +
		"Country\tRussia\t Russian Federation | | RUS \tRussian|Russians|Russian\tMoscow\t\r\n" +
		"Organization\tKremlin\tthe Kremlin\t\t\tRussia\n" +
		"Group\tthe West\t\tWestern\t\t\n"
	es, err := ParseGazetteer(strings.NewReader(in), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 {
		t.Fatalf("got %d entries, want 3", len(es))
	}
	r := es[0]
	if r.Type != "Country" || r.Name != "Russia" || strings.Join(r.Aliases, ",") != "Russian Federation,RUS" ||
		strings.Join(r.Demonyms, ",") != "Russian,Russians" || strings.Join(r.Metonyms, ",") != "Moscow" || r.PartOf != "" {
		t.Errorf("Russia parsed as %+v", r)
	}
	if es[1].PartOf != "Russia" || es[2].Demonyms[0] != "Western" {
		t.Errorf("parsed %+v", es[1:])
	}
	if err := CheckGazetteer(es); err != nil {
		t.Error(err)
	}
}

func TestGazetteerCheck(t *testing.T) {
	es, err := ParseGazetteer(strings.NewReader(
		"Organization\tKremlin\t\t\t\tRussia\n"+
			"Organization\tA\t\t\t\tB\n"+
			"Organization\tB\t\t\t\tA\n"), "user.tsv")
	if err != nil {
		t.Fatal(err)
	}
	err = CheckGazetteer(es)
	for _, want := range []string{
		"user.tsv:1: part_of \"Russia\" names no entry",
		"user.tsv:2: part_of chain from \"A\" loops",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %q", err, want)
		}
	}
	// A user's entry may point at an embedded one.
	all := append(DefaultGazetteer(), es[0])
	if err := CheckGazetteer(all); err != nil {
		t.Errorf("embedded + user: %v", err)
	}
	// Entries built in code are named by name.
	err = CheckGazetteer([]GazEntry{{Type: "Planet", Name: "Mars"}})
	if err == nil || !strings.Contains(err.Error(), `entry "Mars": unknown type "Planet"`) {
		t.Errorf("err = %v", err)
	}
}

func TestGazetteerEmbedded(t *testing.T) {
	es, err := ParseGazetteer(strings.NewReader(gazetteerTSV), "data/gazetteer.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckGazetteer(es); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	byName := map[string]GazEntry{}
	for _, e := range es {
		count[e.Type]++
		byName[e.Name] = e
	}
	t.Logf("entries per type: %v", count)
	if count["Country"] < 195 {
		t.Errorf("%d Country entries, want >= 195", count["Country"])
	}
	for _, typ := range GazTypes {
		if count[typ] == 0 {
			t.Errorf("no %s entries", typ)
		}
	}
	if n := len(DefaultGazetteer()); n != len(es) {
		t.Errorf("DefaultGazetteer has %d entries, want %d", n, len(es))
	}

	has := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	spot := []struct {
		name, what string
		ok         func(GazEntry) bool
	}{
		{"Russia", "metonym Moscow", func(e GazEntry) bool { return has(e.Metonyms, "Moscow") }},
		{"Russia", "demonym Russians", func(e GazEntry) bool { return has(e.Demonyms, "Russians") }},
		{"Ukraine", "metonyms Kyiv and Kiev", func(e GazEntry) bool { return has(e.Metonyms, "Kyiv") && has(e.Metonyms, "Kiev") }},
		{"United States", "alias U.S. and metonym Washington", func(e GazEntry) bool { return has(e.Aliases, "U.S.") && has(e.Metonyms, "Washington") }},
		{"United Kingdom", "alias Britain and demonym British", func(e GazEntry) bool { return has(e.Aliases, "Britain") && has(e.Demonyms, "British") }},
		// "Brussels" as an actor is the European Union, whose seat it is.
		{"European Union", "metonym Brussels", func(e GazEntry) bool { return has(e.Metonyms, "Brussels") }},
		{"NATO", "alias North Atlantic Treaty Organization", func(e GazEntry) bool { return has(e.Aliases, "North Atlantic Treaty Organization") }},
		{"European Union", "alias EU", func(e GazEntry) bool { return has(e.Aliases, "EU") && e.Type == "Organization" }},
		{"Kremlin", "part_of Russia", func(e GazEntry) bool { return e.PartOf == "Russia" && e.Type == "Organization" }},
		{"White House", "part_of United States", func(e GazEntry) bool { return e.PartOf == "United States" }},
		{"UN Security Council", "part_of United Nations", func(e GazEntry) bool { return e.PartOf == "United Nations" }},
		{"European Commission", "part_of European Union", func(e GazEntry) bool { return e.PartOf == "European Union" }},
		{"the West", "Group with demonym Western", func(e GazEntry) bool { return e.Type == "Group" && has(e.Demonyms, "Western") }},
		{"Europe", "Location without demonyms", func(e GazEntry) bool { return e.Type == "Location" && len(e.Demonyms) == 0 }},
		{"Geneva", "Location part_of Switzerland", func(e GazEntry) bool { return e.Type == "Location" && e.PartOf == "Switzerland" }},
		{"Myanmar", "alias Burma", func(e GazEntry) bool { return has(e.Aliases, "Burma") }},
		{"Donetsk People's Republic", "alias DPR", func(e GazEntry) bool { return e.Type == "Country" && has(e.Aliases, "DPR") }},
	}
	for _, s := range spot {
		e, ok := byName[s.name]
		if !ok {
			t.Errorf("no entry %q", s.name)
			continue
		}
		if !s.ok(e) {
			t.Errorf("%s: want %s, got %+v", s.name, s.what, e)
		}
	}

	// Capitals are metonyms only, never Location lines of their own.
	for _, e := range es {
		for _, m := range e.Metonyms {
			if o, ok := byName[m]; ok && o.Name != e.Name {
				t.Errorf("metonym %q of %q is also an entry of its own (%s)", m, e.Name, o.Type)
			}
		}
	}
}

// TestGazetteerNoCollisions checks that no name, alias, demonym or metonym,
// as written (the matcher is case-sensitive and token-exact), refers to two
// different embedded entries. Canonical names are also unique after
// schema.NormalizeName, which ParseGazetteer enforces.
func TestGazetteerNoCollisions(t *testing.T) {
	es := DefaultGazetteer()
	exact := map[string]map[string]bool{}
	add := func(m map[string]map[string]bool, k, entry string) {
		if k == "" {
			return
		}
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][entry] = true
	}
	for _, e := range es {
		for _, list := range [][]string{{e.Name}, e.Aliases, e.Demonyms, e.Metonyms} {
			for _, s := range list {
				add(exact, s, e.Name)
			}
		}
	}
	report := func(kind string, m map[string]map[string]bool) {
		var bad []string
		for k, owners := range m {
			if len(owners) > 1 {
				var names []string
				for n := range owners {
					names = append(names, n)
				}
				sort.Strings(names)
				bad = append(bad, k+" -> "+strings.Join(names, " | "))
			}
		}
		sort.Strings(bad)
		for _, b := range bad {
			t.Errorf("%s collision: %s", kind, b)
		}
	}
	report("exact", exact)
}

func TestGazetteerTitlesAndOrgWords(t *testing.T) {
	ts := DefaultTitles()
	if len(ts) < 300 {
		t.Errorf("%d titles, want several hundred", len(ts))
	}
	classes := map[string]string{}
	for _, x := range ts {
		classes[x.Text] = x.Class
		if x.Text != strings.ToLower(x.Text) {
			t.Errorf("title %q is not lower case", x.Text)
		}
	}
	for title, class := range map[string]string{
		"foreign minister": "minister", "deputy foreign minister": "minister", "first deputy prime minister": "minister",
		"secretary of state": "minister", "defence secretary": "minister", "president": "head",
		"secretary-general": "official", "high representative": "official", "special envoy": "official",
		"spokesman": "spokesperson", "press secretary": "spokesperson", "ambassador": "diplomat",
		"permanent representative": "diplomat", "chargé d'affaires": "diplomat", "senator": "legislator",
		"lt. gen.": "military", "chairman of the joint chiefs of staff": "military", "chief justice": "judicial",
		"ceo": "business", "correspondent": "media", "opposition leader": "party", "ayatollah": "religious",
		"mr.": "honorific", "sheikh": "honorific", "chief of staff": "official",
	} {
		if classes[title] != class {
			t.Errorf("title %q: class %q, want %q", title, classes[title], class)
		}
	}
	if _, ok := classes["deputy"]; ok {
		t.Error(`bare "deputy" must not be a title`)
	}

	ws := DefaultOrgWords()
	pos := map[string]string{}
	media := 0
	for _, w := range ws {
		if w.Position == "media" {
			media++
			continue
		}
		pos[w.Word] = w.Position
	}
	for word, want := range map[string]string{"Party": "tail", "Ministry": "both", "Bank": "both", "Corp.": "tail", "Council": "both"} {
		if pos[word] != want {
			t.Errorf("org word %q: position %q, want %q", word, pos[word], want)
		}
	}
	if media == 0 {
		t.Error("no media org words")
	}
}

func TestGazetteerTitleOrgWordErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
		orgs           bool
	}{
		{"title columns", "foreign minister\n", "x:1: want 2 tab-separated columns", false},
		{"title class", "foreign minister\tboss\n", "x:1: unknown class \"boss\"", false},
		{"title empty", "\tminister\n", "x:1: empty title", false},
		{"title duplicate", "Foreign Minister\tminister\nforeign  minister\tminister\n", "x:2: duplicate title \"foreign minister\" (first at line 1)", false},
		{"org columns", "Party\ttail\textra\n", "x:1: want 2 tab-separated columns", true},
		{"org position", "Party\tend\n", "x:1: unknown position \"end\"", true},
		{"org empty", " \ttail\n", "x:1: empty word", true},
		{"org space", "Air Force\ttail\n", "contains a space", true},
		{"org duplicate", "Bank\thead\nbank\ttail\n", "x:2: duplicate word \"bank\"", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.orgs {
				_, err = ParseOrgWords(strings.NewReader(c.in), "x")
			} else {
				_, err = ParseTitles(strings.NewReader(c.in), "x")
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
	// The same word may be both an organization word and a media tail.
	if _, err := ParseOrgWords(strings.NewReader("Agency\ttail\nAgency\tmedia\n"), "x"); err != nil {
		t.Error(err)
	}
}
