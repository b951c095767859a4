package extract

import "testing"

func TestAgeWord(t *testing.T) {
	for w, want := range map[string]string{
		"58-year-old": "58", "7-year-old": "7", "year-old": "", "x-year-old": "", "58": "",
		"fifty-year-old": "", "58-year-olds": "",
	} {
		if got := ageWord(w); got != want {
			t.Errorf("ageWord(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestTitleHead(t *testing.T) {
	for title, want := range map[string]string{
		"head of the chancellery of the president": "head",
		"kenya's foreign minister ":                "kenya's foreign minister ",
		"an analyst at the bank":                   "an analyst",
		"envoy to the talks":                       "envoy",
		"":                                         "",
	} {
		if got := titleHead(title); got != want {
			t.Errorf("titleHead(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestHyphenModifier(t *testing.T) {
	for w, want := range map[string]bool{
		"moscow-backed": true, "state-run": true, "backed": false, "-backed": false, "well-known": false,
	} {
		if got := hyphenModifier(w); got != want {
			t.Errorf("hyphenModifier(%q) = %v, want %v", w, got, want)
		}
	}
}
