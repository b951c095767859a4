package extract

import "testing"

func TestWordLists(t *testing.T) {
	given, surname, common := wordLists()
	for _, c := range []struct {
		m    map[string]bool
		list string
		w    string
		want bool
	}{
		{given, "given", "maria", true},
		{given, "given", "Maria", false}, // keys are lower case
		{given, "given", "group", false},
		{surname, "surname", "king", true},
		{surname, "surname", "community", false},
		{common, "common", "group", true},
		{common, "common", "festival", true},
		{common, "common", "portugal", false},
	} {
		if c.m[c.w] != c.want {
			t.Errorf("%s[%q] = %v, want %v", c.list, c.w, c.m[c.w], c.want)
		}
	}
	if len(given) < 5000 || len(surname) < 2000 || len(common) < 60000 {
		t.Errorf("word lists too short: %d given, %d surnames, %d common", len(given), len(surname), len(common))
	}
}

func TestReadWordList(t *testing.T) {
	m := readWordList("# comment\n\nalpha\n beta \n#gamma\ndelta")
	if len(m) != 3 || !m["alpha"] || !m["beta"] || !m["delta"] {
		t.Errorf("readWordList = %v, want alpha, beta, delta", m)
	}
}

func TestDemonymOf(t *testing.T) {
	for _, c := range []struct {
		name, dem string
		want      bool
	}{
		{"Velmora", "Velmoran", true},
		{"Tarsia", "Tarsian", true},
		{"Korvland", "Korvlandish", true},
		{"Dalmir", "Dalmiri", true},
		{"Suna", "Sunese", true},
		{"Campo", "Campese", true}, // the shape alone; collectHints asks for an adjective's use
		{"Velmora", "Velmora", false},
		{"Velmora", "Tarsian", false},
	} {
		if got := demonymOf(c.name, c.dem); got != c.want {
			t.Errorf("demonymOf(%q, %q) = %v, want %v", c.name, c.dem, got, c.want)
		}
	}
}

func TestAcronymShape(t *testing.T) {
	for w, want := range map[string]bool{"NHL": true, "WTO": true, "FBI": true, "UN": true, "HAWKS": true, "TARVIN": false, "OLBURY": false, "A": false, "U.S.": false} {
		if got := acronymShape(w); got != want {
			t.Errorf("acronymShape(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsCaselessSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"FRANCE BEAT SPAIN IN FINAL":          true,
		"France beat Spain in the final":      false,
		"NATO":                                true,
		"UN":                                  false, // too few letters to tell
		"OSLO, Norway 1996-05-01":             false,
		"TARVIN HAWKS 10 13 5 91 81 25":       true,
		"The WTO and the IMF met on Tuesday.": false,
	} {
		toks := tokenize(s)
		if got := isCaselessSentence(toks, 0, len(toks)); got != want {
			t.Errorf("isCaselessSentence(%q) = %v, want %v", s, got, want)
		}
	}
}
