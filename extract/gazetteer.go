package extract

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/kgraph/kg/schema"
)

// The embedded data files: general world knowledge, not tuned to any article.
var (
	//go:embed data/gazetteer.tsv
	gazetteerTSV string
	//go:embed data/titles.tsv
	titlesTSV string
	//go:embed data/orgwords.tsv
	orgWordsTSV string
)

// GazTypes are the entry types a gazetteer file may use.
var GazTypes = []string{"Country", "Organization", "Location", "Group"}

// TitleClasses are the classes a titles file may use.
var TitleClasses = []string{"head", "minister", "official", "spokesperson", "diplomat", "legislator",
	"military", "judicial", "business", "media", "party", "religious", "honorific"}

// OrgWordPositions are the positions an organization-words file may use.
var OrgWordPositions = []string{"tail", "head", "both", "media"}

// GazEntry is one gazetteer line: an actor or place and the strings that
// refer to it.
type GazEntry struct {
	Type     string   // Country, Organization, Location or Group, as in the file
	Name     string   // canonical name
	Aliases  []string // other names, matched case-sensitively as whole words
	Demonyms []string // adjectives and demonyms ("Russian", "Russians")
	Metonyms []string // capitals and seats standing for the entry ("Moscow")
	PartOf   string   // canonical name of the parent entry, or ""

	pos string // "source:line" where the entry was read, for messages
}

// Title is a person title ("foreign minister") and its class ("minister").
type Title struct{ Text, Class string }

// OrgWord is a word that makes a capitalized name an organization, and where
// in the name it stands (tail, head, both, or media for news outlets).
type OrgWord struct{ Word, Position string }

// maxDataErrors bounds how many problems one parse reports.
const maxDataErrors = 20

// dataErrList collects "source:line: reason" messages.
type dataErrList struct{ errs []error }

func (l *dataErrList) add(source string, line int, format string, args ...any) {
	if len(l.errs) < maxDataErrors {
		l.errs = append(l.errs, fmt.Errorf("%s:%d: %s", source, line, fmt.Sprintf(format, args...)))
	}
}

func (l *dataErrList) err() error { return errors.Join(l.errs...) }

// dataFileLine is one non-blank, non-comment line of a tab-separated data file.
type dataFileLine struct {
	n    int
	cols []string
}

// readDataLines splits r into data lines, skipping blank lines and lines whose
// first non-space character is '#'.
func readDataLines(r io.Reader, source string) ([]dataFileLine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []dataFileLine
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		out = append(out, dataFileLine{n: n, cols: strings.Split(line, "\t")})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", source, n+1, err)
	}
	return out, nil
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitDataItems splits a '|'-separated column, trimming spaces around items,
// skipping empty items and dropping repeats.
func splitDataItems(col string) []string {
	var out []string
	for _, it := range strings.Split(col, "|") {
		it = strings.TrimSpace(it)
		if it == "" || inList(out, it) {
			continue
		}
		out = append(out, it)
	}
	return out
}

// ParseGazetteer reads a gazetteer file: tab-separated lines of exactly six
// columns, type, name, aliases, demonyms, metonyms and part_of, the middle
// three '|'-separated lists. '#' starts a comment line; blank lines are
// ignored. It rejects a wrong column count, an unknown type, an empty name
// and a name given twice in the file (names compare as schema.NormalizeName
// does); each error names source:line. Whether part_of names an entry is
// checked by CheckGazetteer, over the whole set a file is used with.
func ParseGazetteer(r io.Reader, source string) ([]GazEntry, error) {
	lines, err := readDataLines(r, source)
	if err != nil {
		return nil, err
	}
	var el dataErrList
	var out []GazEntry
	first := map[string]int{}
	for _, l := range lines {
		if len(l.cols) != 6 {
			el.add(source, l.n, "want 6 tab-separated columns (type, name, aliases, demonyms, metonyms, part_of), got %d", len(l.cols))
			continue
		}
		typ := strings.TrimSpace(l.cols[0])
		name := strings.TrimSpace(l.cols[1])
		partOf := strings.TrimSpace(l.cols[5])
		ok := true
		if !inList(GazTypes, typ) {
			el.add(source, l.n, "unknown type %q (want one of %s)", typ, strings.Join(GazTypes, ", "))
			ok = false
		}
		switch {
		case name == "":
			el.add(source, l.n, "empty name")
			ok = false
		case strings.Contains(name, "|"):
			el.add(source, l.n, "name %q contains '|'", name)
			ok = false
		case schema.NormalizeName(name) == "":
			el.add(source, l.n, "name %q has no letters or digits", name)
			ok = false
		}
		if ok {
			key := schema.NormalizeName(name)
			if prev, dup := first[key]; dup {
				el.add(source, l.n, "duplicate name %q (first at line %d)", name, prev)
				ok = false
			} else {
				first[key] = l.n
			}
		}
		if partOf != "" && schema.NormalizeName(partOf) == schema.NormalizeName(name) {
			el.add(source, l.n, "%q is part_of itself", name)
			ok = false
		}
		if !ok {
			continue
		}
		out = append(out, GazEntry{
			Type:     typ,
			Name:     name,
			Aliases:  splitDataItems(l.cols[2]),
			Demonyms: splitDataItems(l.cols[3]),
			Metonyms: splitDataItems(l.cols[4]),
			PartOf:   partOf,
			pos:      fmt.Sprintf("%s:%d", source, l.n),
		})
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// CheckGazetteer checks a whole set of entries, such as the embedded ones
// followed by a user's: every entry has a known type and a name, every
// part_of names an entry of the set, and no chain of part_of links loops.
// A name given again later in the set is allowed: the later entry replaces
// the earlier one, as the extractor does.
func CheckGazetteer(entries []GazEntry) error {
	var errs []error
	report := func(e GazEntry, format string, args ...any) {
		if len(errs) >= maxDataErrors {
			return
		}
		where := e.pos
		if where == "" {
			where = fmt.Sprintf("entry %q", e.Name)
		}
		errs = append(errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
	}
	byName := make(map[string]int, len(entries))
	for i, e := range entries {
		if k := schema.NormalizeName(e.Name); k != "" {
			byName[k] = i
		}
	}
	for i, e := range entries {
		if !inList(GazTypes, e.Type) {
			report(e, "unknown type %q", e.Type)
		}
		if schema.NormalizeName(e.Name) == "" {
			report(e, "empty name")
			continue
		}
		if byName[schema.NormalizeName(e.Name)] != i {
			continue // replaced by a later entry
		}
		if e.PartOf == "" {
			continue
		}
		if _, ok := byName[schema.NormalizeName(e.PartOf)]; !ok {
			report(e, "part_of %q names no entry", e.PartOf)
			continue
		}
		// Follow the chain; a loop comes back to an entry already seen.
		seen := map[int]bool{i: true}
		for j := i; entries[j].PartOf != ""; {
			k, ok := byName[schema.NormalizeName(entries[j].PartOf)]
			if !ok {
				break
			}
			if seen[k] {
				report(e, "part_of chain from %q loops at %q", e.Name, entries[k].Name)
				break
			}
			seen[k] = true
			j = k
		}
	}
	return errors.Join(errs...)
}

// ParseTitles reads a titles file: tab-separated lines "title<TAB>class".
// Titles are lower-cased (they match case-insensitively); an unknown class,
// an empty title and a title given twice are errors naming source:line.
func ParseTitles(r io.Reader, source string) ([]Title, error) {
	lines, err := readDataLines(r, source)
	if err != nil {
		return nil, err
	}
	var el dataErrList
	var out []Title
	first := map[string]int{}
	for _, l := range lines {
		if len(l.cols) != 2 {
			el.add(source, l.n, "want 2 tab-separated columns (title, class), got %d", len(l.cols))
			continue
		}
		text := strings.Join(strings.Fields(strings.ToLower(l.cols[0])), " ")
		class := strings.TrimSpace(l.cols[1])
		if text == "" {
			el.add(source, l.n, "empty title")
			continue
		}
		if !inList(TitleClasses, class) {
			el.add(source, l.n, "unknown class %q (want one of %s)", class, strings.Join(TitleClasses, ", "))
			continue
		}
		if prev, dup := first[text]; dup {
			el.add(source, l.n, "duplicate title %q (first at line %d)", text, prev)
			continue
		}
		first[text] = l.n
		out = append(out, Title{Text: text, Class: class})
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ParseOrgWords reads an organization-words file: tab-separated lines
// "word<TAB>position", position tail, head, both or media. An unknown
// position, an empty word, a word with spaces and a word given twice (once
// among tail/head/both and once among media at most; case-insensitively)
// are errors naming source:line.
func ParseOrgWords(r io.Reader, source string) ([]OrgWord, error) {
	lines, err := readDataLines(r, source)
	if err != nil {
		return nil, err
	}
	var el dataErrList
	var out []OrgWord
	first := map[string]int{}
	for _, l := range lines {
		if len(l.cols) != 2 {
			el.add(source, l.n, "want 2 tab-separated columns (word, position), got %d", len(l.cols))
			continue
		}
		word := strings.TrimSpace(l.cols[0])
		pos := strings.TrimSpace(l.cols[1])
		switch {
		case word == "":
			el.add(source, l.n, "empty word")
			continue
		case strings.ContainsAny(word, " \t"):
			el.add(source, l.n, "word %q contains a space: give one word", word)
			continue
		case !inList(OrgWordPositions, pos):
			el.add(source, l.n, "unknown position %q (want one of %s)", pos, strings.Join(OrgWordPositions, ", "))
			continue
		}
		kind := "org"
		if pos == "media" {
			kind = "media"
		}
		key := kind + "\x00" + strings.ToLower(word)
		if prev, dup := first[key]; dup {
			el.add(source, l.n, "duplicate word %q (first at line %d; use position both for head and tail)", word, prev)
			continue
		}
		first[key] = l.n
		out = append(out, OrgWord{Word: word, Position: pos})
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	return out, nil
}

var (
	defaultGazOnce    sync.Once
	defaultGaz        []GazEntry
	defaultTitlesOnce sync.Once
	defaultTitles     []Title
	defaultOrgOnce    sync.Once
	defaultOrgWords   []OrgWord
)

// DefaultGazetteer returns the embedded gazetteer, parsed once. The slice is
// the caller's; the entries' string slices are shared and must not be
// modified. It panics only if the embedded file is invalid, which a unit test
// rules out.
func DefaultGazetteer() []GazEntry {
	defaultGazOnce.Do(func() {
		es, err := ParseGazetteer(strings.NewReader(gazetteerTSV), "data/gazetteer.tsv")
		if err == nil {
			err = CheckGazetteer(es)
		}
		if err != nil {
			panic("extract: embedded gazetteer: " + err.Error())
		}
		defaultGaz = es
	})
	return append([]GazEntry(nil), defaultGaz...)
}

// DefaultTitles returns the embedded person titles, parsed once.
func DefaultTitles() []Title {
	defaultTitlesOnce.Do(func() {
		ts, err := ParseTitles(strings.NewReader(titlesTSV), "data/titles.tsv")
		if err != nil {
			panic("extract: embedded titles: " + err.Error())
		}
		defaultTitles = ts
	})
	return append([]Title(nil), defaultTitles...)
}

// DefaultOrgWords returns the embedded organization words, parsed once.
func DefaultOrgWords() []OrgWord {
	defaultOrgOnce.Do(func() {
		ws, err := ParseOrgWords(strings.NewReader(orgWordsTSV), "data/orgwords.tsv")
		if err != nil {
			panic("extract: embedded organization words: " + err.Error())
		}
		defaultOrgWords = ws
	})
	return append([]OrgWord(nil), defaultOrgWords...)
}
