package extract

import (
	_ "embed"
	"strings"
	"sync"
)

// The embedded word lists (see data/README.md for their sources).
var (
	//go:embed data/givennames.txt
	givenNamesTXT string
	//go:embed data/surnames.txt
	surnamesTXT string
	//go:embed data/words.txt
	commonWordsTXT string
)

var (
	wordListsOnce sync.Once
	givenNames    map[string]bool // given names, lower case: "maria"
	surnames      map[string]bool // frequent surnames, lower case: "king"
	commonWords   map[string]bool // English words, lower case: "group"
)

// wordLists returns the embedded given names, frequent surnames and common
// words, read once, all keyed in lower case. The maps are shared and
// read-only.
func wordLists() (given, surname, common map[string]bool) {
	wordListsOnce.Do(func() {
		givenNames = readWordList(strings.ToLower(givenNamesTXT))
		surnames = readWordList(strings.ToLower(surnamesTXT))
		commonWords = readWordList(commonWordsTXT)
	})
	return givenNames, surnames, commonWords
}

// readWordList reads one word a line; blank lines and lines starting with
// '#' are skipped.
func readWordList(s string) map[string]bool {
	m := make(map[string]bool, strings.Count(s, "\n"))
	for len(s) > 0 {
		line := s
		if k := strings.IndexByte(s, '\n'); k >= 0 {
			line, s = s[:k], s[k+1:]
		} else {
			s = ""
		}
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		m[line] = true
	}
	return m
}
