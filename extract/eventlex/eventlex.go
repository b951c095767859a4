// Package eventlex is kg's event lexicon: the verbs and event nouns that
// signal an interaction between actors (MEETS ... FIGHTS), each with what
// must accompany it for that reading and where its target comes from.
//
// Most entries are derived from the CAMEO verb pattern dictionary of
// PETRARCH2 (Open Event Data Alliance, MIT licence) by the program in
// derive/; the CAMEO code of each entry maps to a kg relation type through
// the table in cameo.tsv. The rest (event nouns, the core cue verbs the
// dictionary leaves without an isolated code) are curated and marked so.
// SOURCES.md gives the derive command, the licence notice and the mapping.
//
// The lexicon has four embedded parts:
//
//   - events.tsv: one line per entry (lemma, V or N, pattern, type, slot,
//     direction, CAMEO code, source, block), read by [Parse];
//   - forms.tsv: inflected verb forms and their lemma, read by [ParseForms];
//   - modality.tsv: verbs that change the status of the event they embed
//     (refuse to, threaten to, plan to, cancel), read by [ParseModality];
//   - cameo.tsv: the CAMEO code to relation type table, read by [ParseCAMEO].
//
// A Pattern is written for a dependency-based matcher: a particle
// (compound:prt), a direct object head, a subject head and prepositional
// dependents by their case word. [Entry.Match] applies an entry to a
// [Frame], the dependency neighbourhood of one verb or noun, and says which
// argument holds the target. [Lexicon.Verb] and [Lexicon.Noun] return the
// most specific pattern first. Entries from a synonym block (FromSynonym)
// are the dictionary's generalisation and less precise than its own
// (FromCAMEO) and curated ones. A modality cue governing the verb ("refused
// to meet", "cancelled the talks") is to be looked up first: it decides
// whether the event is asserted at all.
//
// A Lexicon is built by [Default], [Load] or [Parse] (its zero value holds
// nothing) and is read-only and safe for concurrent use.
package eventlex

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/kgraph/kg/schema"
)

//go:embed events.tsv
var eventsTSV []byte

//go:embed forms.tsv
var formsTSV []byte

//go:embed modality.tsv
var modalityTSV []byte

//go:embed cameo.tsv
var cameoTSV []byte

// ModalityTSV returns the embedded modality file, for tools that rebuild
// the lexicon. The slice must not be modified.
func ModalityTSV() []byte { return modalityTSV }

// Source says where an entry comes from.
type Source uint8

// The sources of an entry.
const (
	// FromCAMEO is an entry of the CAMEO dictionary for this very verb: its
	// isolated code, or a pattern the dictionary records for it.
	FromCAMEO Source = iota
	// FromSynonym is a pattern of the verb's CAMEO synonym block that the
	// dictionary records for another verb of the block; PETRARCH applies
	// it to every verb of the block.
	FromSynonym
	// FromCurated is an entry added by hand (event nouns, core cue verbs).
	FromCurated
)

var sourceNames = [...]string{"cameo", "synonym", "curated"}

// String returns the name of s as written in events.tsv.
func (s Source) String() string {
	if int(s) < len(sourceNames) {
		return sourceNames[s]
	}
	return fmt.Sprintf("Source(%d)", s)
}

func parseSource(s string) (Source, bool) {
	for i, n := range sourceNames {
		if n == s {
			return Source(i), true
		}
	}
	return 0, false
}

// Entry is one lexical entry: a verb or event noun lemma that, with what its
// Pattern requires, signals a relation of Type toward the argument its Slot
// names.
type Entry struct {
	// Lemma is the verb or noun lemma, lower case ("accuse", "call",
	// "sanction"). A phrasal verb keeps its particle in the Pattern.
	Lemma string
	// Noun is true for an event noun ("talks", "invasion"), false for a verb.
	Noun bool
	// Pattern is what must accompany the lemma for this reading.
	Pattern Pattern
	// Type is the relation the entry signals.
	Type schema.RelationType
	// Slot lists, in order of preference, where the target comes from.
	// Empty means the entry names no target (the matcher finds one
	// elsewhere or gives up).
	Slot Slot
	// Reverse is true when the relation runs from the target to the
	// subject ("X hosted Y": Y VISITS X).
	Reverse bool
	// CAMEO is the CAMEO event code the entry comes from ("163"); curated
	// entries carry the code they correspond to, or "".
	CAMEO string
	// Source says where the entry comes from.
	Source Source
	// Block is the CAMEO synonym block of a derived verb entry ("REFUSE"),
	// empty for curated entries.
	Block string
	// looseParticle is set on the entries [Lexicon.Verb] returns when no
	// entry of the verb names a particle (synonym entries aside): "up" and
	// "back" then change none of its readings ("kidnapped up to 16", "beat
	// up") and do not block a pattern that names no particle.
	looseParticle bool
}

// Curated reports whether e was added by hand.
func (e *Entry) Curated() bool { return e.Source == FromCurated }

// NP is a noun phrase test: its head lemma is one of Heads ("*" matches any
// head) and, for each set in Mods, one of the phrase's modifiers is in the
// set. Written head|head~mod|mod~mod, where an alternative may name a
// synonym set of the events file ("&weapon"), expanded when parsed.
type NP struct {
	Heads []string
	Mods  [][]string
	// text is the phrase as written, synonym set names kept.
	text string
}

// PP is a prepositional dependent test: a dependent introduced by one of
// the Case words whose head passes Head (nil: any head). Written
// pp=case|case:NP or pp=case:*.
type PP struct {
	Case []string
	Head *NP
}

// Pattern is what must accompany a lemma for an entry's reading. The zero
// Pattern requires nothing (and no particle).
type Pattern struct {
	// Particle lists the particles (compound:prt) of which the verb must have
	// one; empty means the verb must have none, except a preposition of the
	// Slot that the parser attached as a particle ("call on X").
	Particle []string
	// Object, when set, is the required direct object ("impose SANCTIONS").
	Object *NP
	// Subject, when set, is the required subject head ("TANKS shelled").
	Subject *NP
	// Preps are required prepositional dependents of the verb or of its
	// object ("put X (ON TRIAL)").
	Preps []PP
}

// Specificity counts the tests of p: a matcher that keeps one reading keeps
// the most specific.
func (p *Pattern) Specificity() int {
	n := len(p.Preps)
	if len(p.Particle) > 0 {
		n++
	}
	if p.Object != nil {
		n += 1 + len(p.Object.Mods)
	}
	if p.Subject != nil {
		n += 1 + len(p.Subject.Mods)
	}
	for _, pp := range p.Preps {
		if pp.Head != nil {
			n += 1 + len(pp.Head.Mods)
		}
	}
	return n
}

// ArgKind is a kind of argument that can hold an entry's target.
type ArgKind uint8

// The argument kinds.
const (
	// ArgObject is the direct object (obj).
	ArgObject ArgKind = iota + 1
	// ArgIndirect is the indirect object (iobj).
	ArgIndirect
	// ArgPrep is the head of a prepositional dependent with case word Case,
	// of the verb or noun or, when the pattern fixes the object, of that
	// object ("sanctions ON X").
	ArgPrep
	// ArgPossessor is the possessor of the direct object ("rejected X's
	// proposal").
	ArgPossessor
)

// Arg is one place a target may come from.
type Arg struct {
	Kind ArgKind
	Case string // the case word of an ArgPrep
}

// String returns a as written in events.tsv: obj, iobj, poss, prep:CASE.
func (a Arg) String() string {
	switch a.Kind {
	case ArgObject:
		return "obj"
	case ArgIndirect:
		return "iobj"
	case ArgPossessor:
		return "poss"
	case ArgPrep:
		return "prep:" + a.Case
	}
	return "none"
}

// Slot lists the places a target may come from, in order of preference.
type Slot []Arg

// String returns s as written in events.tsv: comma-separated arguments, or
// "none".
func (s Slot) String() string {
	if len(s) == 0 {
		return "none"
	}
	parts := make([]string, len(s))
	for i, a := range s {
		parts[i] = a.String()
	}
	return strings.Join(parts, ",")
}

// Lexicon holds parsed entries, verb forms and modality cues. It is
// read-only once built and safe for concurrent use.
type Lexicon struct {
	synsets  map[string][]string
	synOrder []string
	entries  []Entry
	verbs    map[string][]Entry
	nouns    map[string][]Entry
	forms    map[string]string
	modality map[string][]Modality
	// stems maps a stem that suffix stripping gives for a known verb form
	// ("telephon" from "telephoned", "shel" from "shelled") to its lemma;
	// see [Lexicon.VerbLemma].
	stems map[string]string
}

// Entries returns every entry in file order. The slice must not be modified.
func (l *Lexicon) Entries() []Entry { return l.entries }

// Synsets returns the synonym sets of the events file by name ("&weapon"),
// and their names in file order. The map must not be modified.
func (l *Lexicon) Synsets() (map[string][]string, []string) { return l.synsets, l.synOrder }

// Verb returns the entries of verb lemma, most specific pattern first. A
// lemma with no entries of its own is read through [Lexicon.VerbLemma].
func (l *Lexicon) Verb(lemma string) []Entry {
	if es, ok := l.verbs[lemma]; ok {
		return es
	}
	return l.verbs[l.VerbLemma(lemma)]
}

// VerbLemma returns the lexicon's lemma for a lemma that a tagger's
// lemmatizer gave a verb: the lemma itself when the lexicon knows it as an
// entry's verb or a modality cue, else the lemma of the surface form it
// equals ("swore" -> "swear", an irregular form left as it was), else the
// lemma of the one known form that suffix stripping cuts to it
// ("telephon" from "telephoned" -> "telephone", "shel" from "shelled" ->
// "shell", "riote" from "rioted" -> "riot"). It returns lemma unchanged when
// none applies.
func (l *Lexicon) VerbLemma(lemma string) string {
	if _, ok := l.verbs[lemma]; ok {
		return lemma
	}
	if _, ok := l.modality[lemma]; ok {
		return lemma
	}
	if lem, ok := l.forms[lemma]; ok {
		return lem
	}
	if lem, ok := l.stems[lemma]; ok {
		return lem
	}
	return lemma
}

// indexStems fills l.stems from the forms: for every inflected form
// (-ed, -d, -ing, -s, -es), the stems that stripping the suffix gives, with
// and without a doubled final consonant. A stem shorter than four letters,
// one that is itself a known lemma or form, or one that two lemmas share,
// is left out.
func (l *Lexicon) indexStems() {
	cand := map[string]string{}
	bad := map[string]bool{}
	add := func(stem, lemma string) {
		// a short stem is too often an English word of its own ("rap"
		// from "raped", "can" from "caned")
		if len(stem) < 4 || stem == lemma {
			return
		}
		if _, ok := l.verbs[stem]; ok {
			return
		}
		if _, ok := l.forms[stem]; ok {
			return
		}
		if _, ok := l.modality[stem]; ok {
			return
		}
		if prev, ok := cand[stem]; ok && prev != lemma {
			bad[stem] = true
			return
		}
		cand[stem] = lemma
	}
	undouble := func(s string) string {
		n := len(s)
		if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiou", rune(s[n-1])) {
			return s[:n-1]
		}
		return ""
	}
	for form, lemma := range l.forms {
		if form == lemma || strings.ContainsAny(form, " _") {
			continue
		}
		var stems []string
		switch {
		case strings.HasSuffix(form, "ed"):
			stems = append(stems, form[:len(form)-2], form[:len(form)-1], undouble(form[:len(form)-2]))
		case strings.HasSuffix(form, "ing"):
			stems = append(stems, form[:len(form)-3], form[:len(form)-3]+"e", undouble(form[:len(form)-3]))
		case strings.HasSuffix(form, "es"):
			stems = append(stems, form[:len(form)-2], form[:len(form)-1])
		case strings.HasSuffix(form, "s"):
			stems = append(stems, form[:len(form)-1])
		}
		for _, st := range stems {
			add(st, lemma)
		}
	}
	l.stems = make(map[string]string, len(cand))
	for st, lem := range cand {
		if !bad[st] {
			l.stems[st] = lem
		}
	}
}

// Noun returns the entries of event noun lemma, most specific pattern first.
func (l *Lexicon) Noun(lemma string) []Entry { return l.nouns[lemma] }

// Lemma returns the lemma of a surface verb form ("accused" -> "accuse"),
// lower-cased first. A form that is itself an entry's verb lemma is its own
// lemma.
func (l *Lexicon) Lemma(form string) (string, bool) {
	f := strings.ToLower(form)
	if lem, ok := l.forms[f]; ok {
		return lem, true
	}
	if _, ok := l.verbs[f]; ok {
		return f, true
	}
	return "", false
}

// Modality returns the first modality cue of lemma that needs no particle
// (file order). ModalityFor selects by particle and complement. Both read
// lemma as ModalityAll does.
func (l *Lexicon) Modality(lemma string) (Modality, bool) {
	for _, m := range l.ModalityAll(lemma) {
		if m.Particle == "" {
			return m, true
		}
	}
	return Modality{}, false
}

// ModalityFor returns the modality cue of lemma with particle ("" for none)
// taking complement c.
func (l *Lexicon) ModalityFor(lemma, particle string, c Complement) (Modality, bool) {
	for _, m := range l.ModalityAll(lemma) {
		if m.Particle == particle && m.Complement == c {
			return m, true
		}
	}
	return Modality{}, false
}

// ModalityAll returns every modality cue of lemma (a lemma can have one per
// complement: "deny" + -ing, "deny" + that). A lemma with no cues of its
// own is read through [Lexicon.VerbLemma] ("boycot" -> "boycott").
func (l *Lexicon) ModalityAll(lemma string) []Modality {
	if ms, ok := l.modality[lemma]; ok {
		return ms
	}
	return l.modality[l.VerbLemma(lemma)]
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// Default returns the embedded lexicon, parsed once. It panics only if an
// embedded file is invalid, which the package tests rule out.
func Default() *Lexicon {
	defaultOnce.Do(func() {
		l, err := Load(bytes.NewReader(eventsTSV), bytes.NewReader(formsTSV), bytes.NewReader(modalityTSV))
		if err != nil {
			panic("eventlex: embedded lexicon: " + err.Error())
		}
		defaultLex = l
	})
	return defaultLex
}

// Load builds a lexicon from an events file, a forms file and a modality
// file; forms and modality may be nil.
func Load(events, forms, modality io.Reader) (*Lexicon, error) {
	l, err := Parse(events)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if forms != nil {
		if l.forms, err = ParseForms(forms); err != nil {
			return nil, fmt.Errorf("forms: %w", err)
		}
	}
	if modality != nil {
		ms, err := ParseModality(modality)
		if err != nil {
			return nil, fmt.Errorf("modality: %w", err)
		}
		l.modality = make(map[string][]Modality, len(ms))
		for _, m := range ms {
			l.modality[m.Lemma] = append(l.modality[m.Lemma], m)
		}
	}
	l.indexStems()
	return l, nil
}

// lines calls fn for each non-blank, non-comment line of r with its number
// and tab-separated fields.
func lines(r io.Reader, fn func(n int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

// Parse reads an events file: one line per entry, nine tab-separated
// fields (lemma, V or N, pattern, type, slot, fwd or rev, CAMEO code or -,
// cameo|synonym|curated, block or -). The lemma field may list several
// lemmas separated by "|": the line stands for the same entry of each (the
// verbs of one dictionary block sharing a pattern). A line
// "&name<TAB>word|word|..." defines a synonym set that later patterns may
// name. Lines starting with # are comments. Errors name the line and the
// reason.
func Parse(r io.Reader) (*Lexicon, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	n := countEntries(data)
	l := &Lexicon{verbs: map[string][]Entry{}, nouns: map[string][]Entry{}, forms: map[string]string{},
		synsets: map[string][]string{}, entries: make([]Entry, 0, n)}
	// seen maps (lemma, the other fields) to the line that gave it.
	seen := make(map[[2]string]int, n)
	err = lines(bytes.NewReader(data), func(n int, f []string) error {
		if strings.HasPrefix(f[0], "&") {
			return l.addSynset(f)
		}
		if len(f) != 9 {
			return fmt.Errorf("%d fields, want 9 (lemma pos pattern type slot dir cameo source block)", len(f))
		}
		lemmas := strings.Split(f[0], "|")
		f[0] = lemmas[0]
		e, err := parseEntry(f, l.synsets)
		if err != nil {
			return err
		}
		rest := strings.Join(f[1:], "\t")
		for _, lem := range lemmas {
			if err := checkWord(lem); err != nil {
				return fmt.Errorf("lemma: %w", err)
			}
			key := [2]string{lem, rest}
			if m, dup := seen[key]; dup {
				return fmt.Errorf("entry %s %s %s duplicates line %d", lem, f[2], f[3], m)
			}
			seen[key] = n
			e.Lemma = lem
			l.entries = append(l.entries, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, e := range l.entries {
		if e.Noun {
			l.nouns[e.Lemma] = append(l.nouns[e.Lemma], e)
		} else {
			l.verbs[e.Lemma] = append(l.verbs[e.Lemma], e)
		}
	}
	for _, es := range l.verbs {
		loose := true
		for _, e := range es {
			// a block's particle pattern is one verb's phrasal verb
			// ("blow up"), not every synonym's
			if len(e.Pattern.Particle) > 0 && e.Source != FromSynonym {
				loose = false
				break
			}
		}
		for i := range es {
			es[i].looseParticle = loose
		}
	}
	for _, m := range []map[string][]Entry{l.verbs, l.nouns} {
		for _, es := range m {
			sort.SliceStable(es, func(i, j int) bool {
				return es[i].Pattern.Specificity() > es[j].Pattern.Specificity()
			})
		}
	}
	return l, nil
}

// countEntries counts the entries of an events file: one per lemma of each
// entry line.
func countEntries(data []byte) int {
	n := 0
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(bytes.TrimSpace(line)) == 0 || line[0] == '#' || line[0] == '&' {
			continue
		}
		if i := bytes.IndexByte(line, '\t'); i >= 0 {
			line = line[:i]
		}
		n += 1 + bytes.Count(line, []byte("|"))
	}
	return n
}

func (l *Lexicon) addSynset(f []string) error {
	if len(f) != 2 {
		return fmt.Errorf("synonym set line has %d fields, want 2 (&name words)", len(f))
	}
	name := f[0]
	if err := checkWord(name[1:]); err != nil || strings.Contains(name[1:], "&") {
		return fmt.Errorf("synonym set name %q: want & and a lower-case word", name)
	}
	if _, dup := l.synsets[name]; dup {
		return fmt.Errorf("synonym set %s defined twice", name)
	}
	words := strings.Split(f[1], "|")
	for _, w := range words {
		if err := checkWord(w); err != nil {
			return fmt.Errorf("synonym set %s: %w", name, err)
		}
	}
	l.synsets[name] = words
	l.synOrder = append(l.synOrder, name)
	return nil
}

func parseEntry(f []string, synsets map[string][]string) (Entry, error) {
	if len(f) != 9 {
		return Entry{}, fmt.Errorf("%d fields, want 9 (lemma pos pattern type slot dir cameo source block)", len(f))
	}
	var e Entry
	if err := checkWord(f[0]); err != nil {
		return e, fmt.Errorf("lemma: %w", err)
	}
	e.Lemma = f[0]
	switch f[1] {
	case "V":
	case "N":
		e.Noun = true
	default:
		return e, fmt.Errorf("pos %q: want V or N", f[1])
	}
	p, err := ParsePattern(f[2], synsets)
	if err != nil {
		return e, fmt.Errorf("pattern %q: %w", f[2], err)
	}
	e.Pattern = p
	t := schema.RelationType(f[3])
	if spec, ok := t.Spec(); !ok || spec.Structural {
		return e, fmt.Errorf("type %q: not an interaction type of the ontology", f[3])
	}
	e.Type = t
	if e.Slot, err = ParseSlot(f[4]); err != nil {
		return e, fmt.Errorf("slot %q: %w", f[4], err)
	}
	switch f[5] {
	case "fwd":
	case "rev":
		e.Reverse = true
	default:
		return e, fmt.Errorf("direction %q: want fwd or rev", f[5])
	}
	src, ok := parseSource(f[7])
	if !ok {
		return e, fmt.Errorf("source %q: want cameo, synonym or curated", f[7])
	}
	e.Source = src
	if f[6] != "-" {
		if !validCode(f[6]) {
			return e, fmt.Errorf("CAMEO code %q: want 2 to 4 digits or -", f[6])
		}
		e.CAMEO = f[6]
	} else if src != FromCurated {
		return e, fmt.Errorf("CAMEO code missing on a %s entry", src)
	}
	if f[8] != "-" {
		if src == FromCurated {
			return e, fmt.Errorf("block %q on a curated entry", f[8])
		}
		e.Block = f[8]
	} else if src != FromCurated {
		return e, fmt.Errorf("block missing on a %s entry", src)
	}
	if e.Noun && src != FromCurated {
		return e, fmt.Errorf("noun entry from %s: only curated entries are nouns", src)
	}
	return e, nil
}

func validCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// CheckWord accepts a lexicon word: lower-case letters, digits, - ' . / and
// non-ASCII letters; no space, tab or pattern syntax (= | ~ : , & *).
func CheckWord(w string) error { return checkWord(w) }

func checkWord(w string) error {
	if w == "" {
		return fmt.Errorf("empty word")
	}
	for _, c := range w {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '\'', c == '.', c == '/':
		case c >= 0x80:
		default:
			return fmt.Errorf("word %q: character %q not allowed", w, c)
		}
	}
	return nil
}

// ParsePattern reads a pattern as written in events.tsv: "-" for none, or
// space-separated tests prt=A|B, obj=NP, subj=NP, pp=CASE|CASE:NP where NP
// is head|head~mod|mod, "*" is any head and "&name" names one of synsets.
func ParsePattern(s string, synsets map[string][]string) (Pattern, error) {
	var p Pattern
	if s == "-" {
		return p, nil
	}
	if s == "" {
		return p, fmt.Errorf("empty (write - for none)")
	}
	for _, t := range strings.Split(s, " ") {
		k, v, ok := strings.Cut(t, "=")
		if !ok || v == "" {
			return p, fmt.Errorf("test %q: want key=value", t)
		}
		switch k {
		case "prt":
			if p.Particle != nil {
				return p, fmt.Errorf("two prt tests")
			}
			alts, err := parseAlts(v)
			if err != nil {
				return p, fmt.Errorf("prt: %w", err)
			}
			p.Particle = alts
		case "obj", "subj":
			np, err := parseNP(v, synsets)
			if err != nil {
				return p, fmt.Errorf("%s: %w", k, err)
			}
			if k == "obj" {
				if p.Object != nil {
					return p, fmt.Errorf("two obj tests")
				}
				p.Object = np
			} else {
				if p.Subject != nil {
					return p, fmt.Errorf("two subj tests")
				}
				p.Subject = np
			}
		case "pp":
			c, h, ok := strings.Cut(v, ":")
			if !ok {
				return p, fmt.Errorf("pp %q: want case:NP", v)
			}
			cases, err := parseAlts(c)
			if err != nil {
				return p, fmt.Errorf("pp case: %w", err)
			}
			pp := PP{Case: cases}
			if h != "*" {
				if pp.Head, err = parseNP(h, synsets); err != nil {
					return p, fmt.Errorf("pp: %w", err)
				}
			}
			p.Preps = append(p.Preps, pp)
		default:
			return p, fmt.Errorf("unknown test %q (want prt, obj, subj or pp)", k)
		}
	}
	return p, nil
}

func parseAlts(s string) ([]string, error) {
	alts := strings.Split(s, "|")
	for _, a := range alts {
		if a == "*" {
			continue
		}
		if err := checkWord(a); err != nil {
			return nil, err
		}
	}
	return alts, nil
}

// expandAlts reads alternatives that may name synonym sets. A lone
// synonym set shares the set's slice.
func expandAlts(s string, synsets map[string][]string) ([]string, error) {
	if ws, ok := synsets[s]; ok {
		return ws, nil
	}
	var out []string
	seen := map[string]bool{}
	for _, a := range strings.Split(s, "|") {
		words := []string{a}
		if strings.HasPrefix(a, "&") {
			ws, ok := synsets[a]
			if !ok {
				return nil, fmt.Errorf("unknown synonym set %s", a)
			}
			words = ws
		} else if a != "*" {
			if err := checkWord(a); err != nil {
				return nil, err
			}
		}
		for _, w := range words {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out, nil
}

func parseNP(s string, synsets map[string][]string) (*NP, error) {
	parts := strings.Split(s, "~")
	heads, err := expandAlts(parts[0], synsets)
	if err != nil {
		return nil, err
	}
	np := &NP{Heads: heads, text: s}
	for _, m := range parts[1:] {
		mods, err := expandAlts(m, synsets)
		if err != nil {
			return nil, err
		}
		np.Mods = append(np.Mods, mods)
	}
	return np, nil
}

// ParseSlot reads a slot: "none" or comma-separated obj, iobj, poss,
// prep:CASE.
func ParseSlot(s string) (Slot, error) {
	if s == "none" {
		return nil, nil
	}
	var out Slot
	for _, a := range strings.Split(s, ",") {
		switch {
		case a == "obj":
			out = append(out, Arg{Kind: ArgObject})
		case a == "iobj":
			out = append(out, Arg{Kind: ArgIndirect})
		case a == "poss":
			out = append(out, Arg{Kind: ArgPossessor})
		case strings.HasPrefix(a, "prep:"):
			c := strings.TrimPrefix(a, "prep:")
			if err := checkWord(c); err != nil {
				return nil, fmt.Errorf("prep: %w", err)
			}
			out = append(out, Arg{Kind: ArgPrep, Case: c})
		default:
			return nil, fmt.Errorf("argument %q: want obj, iobj, poss or prep:CASE", a)
		}
	}
	return out, nil
}

// String returns np as written in events.tsv.
func (np *NP) String() string {
	if np.text != "" {
		return np.text
	}
	var b strings.Builder
	b.WriteString(strings.Join(np.Heads, "|"))
	for _, m := range np.Mods {
		b.WriteByte('~')
		b.WriteString(strings.Join(m, "|"))
	}
	return b.String()
}

// String returns p as written in events.tsv ("-" for the zero Pattern).
func (p Pattern) String() string {
	var parts []string
	if len(p.Particle) > 0 {
		parts = append(parts, "prt="+strings.Join(p.Particle, "|"))
	}
	if p.Object != nil {
		parts = append(parts, "obj="+p.Object.String())
	}
	if p.Subject != nil {
		parts = append(parts, "subj="+p.Subject.String())
	}
	for _, pp := range p.Preps {
		h := "*"
		if pp.Head != nil {
			h = pp.Head.String()
		}
		parts = append(parts, "pp="+strings.Join(pp.Case, "|")+":"+h)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}

// Fields returns e's nine events.tsv fields.
func (e *Entry) Fields() []string {
	pos, dir, code, block := "V", "fwd", e.CAMEO, e.Block
	if e.Noun {
		pos = "N"
	}
	if e.Reverse {
		dir = "rev"
	}
	if code == "" {
		code = "-"
	}
	if block == "" {
		block = "-"
	}
	return []string{e.Lemma, pos, e.Pattern.String(), string(e.Type), e.Slot.String(), dir, code, e.Source.String(), block}
}

// Sort puts entries in events.tsv order: verbs then nouns, by lemma, most
// specific pattern first, then by the text of the remaining fields.
func Sort(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := &es[i], &es[j]
		if a.Noun != b.Noun {
			return !a.Noun
		}
		if a.Lemma != b.Lemma {
			return a.Lemma < b.Lemma
		}
		if sa, sb := a.Pattern.Specificity(), b.Pattern.Specificity(); sa != sb {
			return sa > sb
		}
		fa, fb := a.Fields(), b.Fields()
		for k := 2; k < len(fa); k++ {
			if fa[k] != fb[k] {
				return fa[k] < fb[k]
			}
		}
		return false
	})
}

// Write sorts es and writes them as an events file: the comment lines of
// header, the synonym sets in the order of names, then the entries, one
// line for all lemmas whose entries agree in every other field.
func Write(w io.Writer, header []string, synsets map[string][]string, names []string, es []Entry) error {
	Sort(es)
	type group struct {
		lemmas []string
		rest   []string
	}
	var groups []*group
	byRest := map[string]*group{}
	for i := range es {
		f := es[i].Fields()
		key := strings.Join(f[1:], "\t")
		if g, ok := byRest[key]; ok {
			g.lemmas = append(g.lemmas, f[0])
			continue
		}
		g := &group{lemmas: []string{f[0]}, rest: f[1:]}
		byRest[key] = g
		groups = append(groups, g)
	}
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	for _, n := range names {
		fmt.Fprintf(bw, "%s\t%s\n", n, strings.Join(synsets[n], "|"))
	}
	for _, g := range groups {
		bw.WriteString(strings.Join(g.lemmas, "|"))
		bw.WriteByte('\t')
		bw.WriteString(strings.Join(g.rest, "\t"))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
