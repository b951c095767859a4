package eventlex

import (
	"bufio"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

func TestDefaultParses(t *testing.T) {
	l := Default()
	if n := len(l.Entries()); n < 1000 {
		t.Fatalf("Default() has %d entries, want a broad lexicon", n)
	}
	if len(l.forms) == 0 {
		t.Error("Default() has no verb forms")
	}
	if len(l.modality) == 0 {
		t.Error("Default() has no modality cues")
	}
}

// TestEveryInteractionType checks that each interaction type of the
// ontology has verb entries from the dictionary, curated verb entries or
// not, and event nouns.
func TestEveryInteractionType(t *testing.T) {
	type count struct{ derived, verbs, nouns int }
	counts := map[schema.RelationType]*count{}
	for _, e := range Default().Entries() {
		c := counts[e.Type]
		if c == nil {
			c = &count{}
			counts[e.Type] = c
		}
		switch {
		case e.Noun:
			c.nouns++
		default:
			c.verbs++
			if !e.Curated() {
				c.derived++
			}
		}
	}
	for _, s := range schema.Relations {
		c := counts[s.Type]
		if s.Structural {
			if c != nil {
				t.Errorf("structural type %s has %d entries", s.Type, c.verbs+c.nouns)
			}
			continue
		}
		if c == nil || c.derived == 0 || c.verbs == 0 || c.nouns == 0 {
			t.Errorf("%s: entries %+v, want derived verbs, verbs and nouns", s.Type, c)
		}
	}
}

// TestDerivedAgreeWithTable checks the embedded events.tsv against the
// embedded code table: every derived entry's type is one its code, block
// and lemma map to, or a rewrite of one. A table edited without deriving
// again fails here.
func TestDerivedAgreeWithTable(t *testing.T) {
	tab := DefaultCAMEO()
	bad := 0
	for _, e := range Default().Entries() {
		if e.Curated() {
			continue
		}
		ms, key, ok := tab.Map(e.CAMEO, e.Block, e.Lemma)
		if !ok {
			t.Errorf("%s %s: code %s not in the table", e.Lemma, e.Pattern, e.CAMEO)
			bad++
			continue
		}
		found := false
		for _, m := range ms {
			if m.Type == e.Type {
				found = true
			}
			if e.Pattern.Object != nil && tab.Rewrite(m.Type, e.Pattern.Object.Heads) == e.Type {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %s %s: code %s (key %s) maps to %v", e.Lemma, e.Pattern, e.Type, e.CAMEO, key, ms)
			bad++
		}
		if bad > 10 {
			t.Fatal("too many mismatches: derive again")
		}
	}
}

// TestWriteReproducesFile parses the embedded events.tsv and writes it
// back: the bytes must be identical (sorting and grouping are stable).
func TestWriteReproducesFile(t *testing.T) {
	var header []string
	sc := bufio.NewScanner(bytes.NewReader(eventsTSV))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "# ") {
			break
		}
		header = append(header, strings.TrimPrefix(line, "# "))
	}
	l, err := Parse(bytes.NewReader(eventsTSV))
	if err != nil {
		t.Fatal(err)
	}
	syn, names := l.Synsets()
	es := append([]Entry(nil), l.Entries()...)
	var b bytes.Buffer
	if err := Write(&b, header, syn, names, es); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), eventsTSV) {
		got, want := strings.Split(b.String(), "\n"), strings.Split(string(eventsTSV), "\n")
		for i := range want {
			if i >= len(got) || got[i] != want[i] {
				g := "(end)"
				if i < len(got) {
					g = got[i]
				}
				t.Fatalf("line %d differs:\n got %s\nwant %s", i+1, g, want[i])
			}
		}
		t.Fatalf("written file has %d lines, want %d", len(got), len(want))
	}
}

func TestParseErrors(t *testing.T) {
	const good = "meet\tV\t-\tMEETS\tobj,prep:with\tfwd\t040\tcameo\tMEET_PEOPLE"
	tests := []struct {
		name, in, want string
	}{
		{"fields", "meet\tV\t-\tMEETS", "line 1: 4 fields, want 9"},
		{"pos", strings.Replace(good, "\tV\t", "\tX\t", 1), `line 1: pos "X": want V or N`},
		{"type", strings.Replace(good, "MEETS", "HOLDS_ROLE", 1), `type "HOLDS_ROLE": not an interaction type`},
		{"unknown type", strings.Replace(good, "MEETS", "HUGS", 1), `type "HUGS"`},
		{"slot", strings.Replace(good, "obj,prep:with", "obj,with", 1), `argument "with": want obj, iobj, poss or prep:CASE`},
		{"dir", strings.Replace(good, "fwd", "back", 1), `direction "back": want fwd or rev`},
		{"code", strings.Replace(good, "040", "4a", 1), `CAMEO code "4a"`},
		{"no code", strings.Replace(good, "040", "-", 1), "CAMEO code missing on a cameo entry"},
		{"source", strings.Replace(good, "cameo", "wiki", 1), `source "wiki"`},
		{"no block", strings.Replace(good, "MEET_PEOPLE", "-", 1), "block missing on a cameo entry"},
		{"curated block", "talks\tN\t-\tMEETS\tprep:with\tfwd\t-\tcurated\tX", `block "X" on a curated entry`},
		{"derived noun", "talks\tN\t-\tMEETS\tprep:with\tfwd\t046\tcameo\tX", "only curated entries are nouns"},
		{"lemma", strings.Replace(good, "meet", "Meet", 1), `lemma: word "Meet": character 'M' not allowed`},
		{"lemma list", strings.Replace(good, "meet", "meet|Greet", 1), `lemma: word "Greet"`},
		{"pattern key", strings.Replace(good, "\t-\t", "\tverb=x\t", 1), `unknown test "verb"`},
		{"pattern form", strings.Replace(good, "\t-\t", "\tobj\t", 1), `test "obj": want key=value`},
		{"pattern empty", strings.Replace(good, "\t-\t", "\t\t", 1), "empty (write - for none)"},
		{"two objects", strings.Replace(good, "\t-\t", "\tobj=a obj=b\t", 1), "two obj tests"},
		{"pp", strings.Replace(good, "\t-\t", "\tpp=on\t", 1), `pp "on": want case:NP`},
		{"synset", strings.Replace(good, "\t-\t", "\tobj=&arms\t", 1), "unknown synonym set &arms"},
		{"bad synset", "&Arms\tgun", `synonym set name "&Arms"`},
		{"synset twice", "&arms\tgun\n&arms\trifle", "line 2: synonym set &arms defined twice"},
		{"duplicate", good + "\n# a comment\n\n" + good, "line 4: entry meet - MEETS duplicates line 1"},
		{"duplicate in list", strings.Replace(good, "meet", "meet|meet", 1), "duplicates line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("Parse(%q) = nil error, want %q", tt.in, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestParseLines(t *testing.T) {
	in := "# header\n" +
		"&arms\tgun|guns|rifle\n" +
		"supply|ship\tV\tobj=&arms~small\tSUPPORTS\tprep:to,iobj\tfwd\t072\tsynonym\tGRANT\n" +
		"host\tV\t-\tVISITS\tobj\trev\t043\tcameo\tHOST\n" +
		"talks\tN\t-\tMEETS\tprep:with,prep:between\tfwd\t-\tcurated\t-\n"
	l, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(l.Entries()); n != 4 {
		t.Fatalf("%d entries, want 4 (a lemma list is one entry per lemma)", n)
	}
	ship := l.Verb("ship")
	if len(ship) != 1 {
		t.Fatalf("Verb(ship) = %v, want one entry", ship)
	}
	want := Pattern{Object: &NP{Heads: []string{"gun", "guns", "rifle"}, Mods: [][]string{{"small"}}, text: "&arms~small"}}
	if !reflect.DeepEqual(ship[0].Pattern, want) {
		t.Errorf("ship pattern = %+v, want %+v", ship[0].Pattern, want)
	}
	if got := ship[0].Pattern.String(); got != "obj=&arms~small" {
		t.Errorf("pattern String() = %q, want the synonym set name kept", got)
	}
	if got := ship[0].Slot.String(); got != "prep:to,iobj" {
		t.Errorf("slot = %q", got)
	}
	h := l.Verb("host")
	if len(h) != 1 || !h[0].Reverse || h[0].Type != schema.Visits || h[0].Source != FromCAMEO {
		t.Errorf("Verb(host) = %+v", h)
	}
	n := l.Noun("talks")
	if len(n) != 1 || !n[0].Curated() || n[0].CAMEO != "" || n[0].Block != "" {
		t.Errorf("Noun(talks) = %+v", n)
	}
	if l.Verb("talks") != nil || l.Noun("host") != nil {
		t.Error("verbs and nouns are looked up apart")
	}
}

func TestLookup(t *testing.T) {
	l := Default()
	has := func(es []Entry, typ schema.RelationType, pattern string) bool {
		for _, e := range es {
			if e.Type == typ && e.Pattern.String() == pattern {
				return true
			}
		}
		return false
	}
	verbs := []struct {
		lemma   string
		typ     schema.RelationType
		pattern string
	}{
		{"accuse", schema.Accuses, "-"},
		{"meet", schema.Meets, "-"},
		{"visit", schema.Visits, "-"},
		{"host", schema.Visits, "-"},
		{"propose", schema.Proposes, "-"},
		{"urge", schema.Requests, "-"},
		{"call", schema.Requests, "pp=on:*"},
		{"agree", schema.Agrees, "-"},
		{"reject", schema.Rejects, "-"},
		{"turn", schema.Rejects, "prt=down"},
		{"deny", schema.Denies, "-"},
		{"condemn", schema.Criticizes, "-"},
		{"warn", schema.Warns, "-"},
		{"support", schema.Supports, "-"},
		{"impose", schema.Sanctions, "obj=sanctions|sanction"},
		{"attack", schema.Fights, "-"},
	}
	for _, v := range verbs {
		if !has(l.Verb(v.lemma), v.typ, v.pattern) {
			t.Errorf("Verb(%q) has no %s entry with pattern %s", v.lemma, v.typ, v.pattern)
		}
	}
	nouns := map[string]schema.RelationType{
		"talks": schema.Meets, "visit": schema.Visits, "proposal": schema.Proposes, "appeal": schema.Requests,
		"agreement": schema.Agrees, "rejection": schema.Rejects, "denial": schema.Denies,
		"accusation": schema.Accuses, "condemnation": schema.Criticizes, "warning": schema.Warns,
		"aid": schema.Supports, "sanctions": schema.Sanctions, "invasion": schema.Fights,
	}
	for n, typ := range nouns {
		if !has(l.Noun(n), typ, "-") {
			t.Errorf("Noun(%q) has no %s entry", n, typ)
		}
	}
	// A host's visitor VISITS the host: the entry runs from target to subject.
	for _, e := range l.Verb("host") {
		if e.Type == schema.Visits && e.Pattern.Specificity() == 0 && !e.Reverse {
			t.Errorf("host VISITS entry %v is not reversed", e.Fields())
		}
	}
	// Entries come most specific first.
	es := l.Verb("impose")
	for i := 1; i < len(es); i++ {
		if es[i].Pattern.Specificity() > es[i-1].Pattern.Specificity() {
			t.Fatalf("Verb(impose)[%d] is more specific than [%d]", i, i-1)
		}
	}
	if l.Verb("xyzzy") != nil || l.Noun("xyzzy") != nil {
		t.Error("unknown lemma has entries")
	}
}

func TestLemma(t *testing.T) {
	l := Default()
	tests := []struct {
		form, want string
		ok         bool
	}{
		{"accused", "accuse", true},
		{"Accuses", "accuse", true},
		{"said", "say", true},
		{"met", "meet", true},
		{"struck", "strike", true},
		{"meet", "meet", true},
		{"sanction", "sanction", true}, // a curated verb lemma is its own lemma
		{"xyzzied", "", false},
	}
	for _, tt := range tests {
		got, ok := l.Lemma(tt.form)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Lemma(%q) = %q, %v, want %q, %v", tt.form, got, ok, tt.want, tt.ok)
		}
	}
}

func TestVerbLemma(t *testing.T) {
	l := Default()
	tests := map[string]string{
		"telephon":  "telephone", // "telephoned" cut one letter short
		"riote":     "riot",      // "rioted" cut one letter long
		"shel":      "shell",     // "shelled" with its double consonant undone
		"boycot":    "boycott",
		"defeate":   "defeat", // "defeating"
		"swore":     "swear",  // an irregular form left as it was
		"meet":      "meet",   // a known lemma stays
		"threaten":  "threaten",
		"xyzzy":     "xyzzy", // unknown stays
		"rap":       "rap",   // too short to repair ("raped")
		"telephone": "telephone",
	}
	for in, want := range tests {
		if got := l.VerbLemma(in); got != want {
			t.Errorf("VerbLemma(%q) = %q, want %q", in, got, want)
		}
	}
	if len(l.Verb("telephon")) == 0 || len(l.Verb("telephon")) != len(l.Verb("telephone")) {
		t.Errorf("Verb(telephon) does not read as Verb(telephone)")
	}
	if _, ok := l.ModalityFor("boycot", "", Object); !ok {
		t.Errorf("ModalityFor(boycot) does not read as boycott")
	}
	// a stem two lemmas share is no repair: "grafte" cuts "grafted" and
	// "graftes" alike
	lx, err := Load(strings.NewReader("attack\tV\t-\tFIGHTS\tobj\tfwd\t190\tcameo\tX\n"),
		strings.NewReader("grafted\tgraft\ngraftes\tgraftx\nshunned\tshun\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"grafte": "grafte", "shunn": "shun", "shunne": "shun"} {
		if got := lx.VerbLemma(in); got != want {
			t.Errorf("VerbLemma(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestModality(t *testing.T) {
	l := Default()
	tests := []struct {
		lemma  string
		effect Effect
		comp   Complement
	}{
		{"refuse", Rejects, ToInf},
		{"threaten", Warns, ToInf},
		{"plan", Future, ToInf},
		{"will", Future, Bare},
		{"try", Unasserted, ToInf},
		{"fail", Negated, ToInf},
		{"cancel", Cancelled, Object},
		{"offer", Proposes, ToInf},
		{"manage", Asserted, ToInf},
	}
	for _, tt := range tests {
		m, ok := l.Modality(tt.lemma)
		if !ok || m.Effect != tt.effect || m.Complement != tt.comp {
			t.Errorf("Modality(%q) = %+v, %v, want effect %s, complement %s", tt.lemma, m, ok, tt.effect, tt.comp)
		}
	}
	if m, ok := l.ModalityFor("call", "off", Object); !ok || m.Effect != Cancelled {
		t.Errorf("ModalityFor(call, off, obj) = %+v, %v, want cancelled", m, ok)
	}
	if m, ok := l.Modality("call"); !ok || m.Particle != "" {
		t.Errorf("Modality(call) = %+v, %v, want the entry without a particle", m, ok)
	}
	if m, ok := l.ModalityFor("deny", "", That); !ok || m.Effect != Negated {
		t.Errorf("ModalityFor(deny, that) = %+v, %v", m, ok)
	}
	if _, ok := l.Modality("meet"); ok {
		t.Error("Modality(meet) found a cue")
	}
}

func TestParseModalityErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"refuse\tV\t-\tto\trejects", "5 fields, want 6"},
		{"refuse\tX\t-\tto\trejects\tn", `pos "X"`},
		{"refuse\tV\t-\tinf\trejects\tn", `complement "inf"`},
		{"refuse\tV\t-\tto\tmaybe\tn", `effect "maybe"`},
		{"refuse\tV\t-\tto\trejects\t ", "no note"},
		{"Refuse\tV\t-\tto\trejects\tn", "lemma"},
		{"refuse\tV\t-\tto\trejects\tn\nrefuse\tV\t-\tto\tnegated\tn", "line 2: refuse - to given twice (line 1)"},
	}
	for _, tt := range tests {
		_, err := ParseModality(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseModality(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParseFormsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"met", "1 fields, want 2"},
		{"met\tmeet\nmet\tmete", `line 2: form "met" has lemma "meet" and "mete"`},
		{"met\tmeet\nmet\tmeet", `form "met" given twice`},
		{"Met\tmeet", `word "Met"`},
	}
	for _, tt := range tests {
		_, err := ParseForms(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseForms(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	ev := strings.NewReader("meet\tV\t-\tMEETS\tobj\tfwd\t040\tcameo\tMEET\n")
	_, err := Load(ev, strings.NewReader("met"), nil)
	if err == nil || !strings.Contains(err.Error(), "forms: line 1") {
		t.Errorf("Load with a bad forms file: %v", err)
	}
}

// TestDefaultConcurrent uses the lexicon from several goroutines (run with
// -race).
func TestDefaultConcurrent(t *testing.T) {
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go func() {
			n := 0
			l := Default()
			for _, lem := range []string{"meet", "attack", "reject", "impose"} {
				for _, e := range l.Verb(lem) {
					if _, ok := e.Match(&Frame{Lemma: lem, Object: &Word{Lemma: "x"}}); ok {
						n++
					}
				}
			}
			done <- n
		}()
	}
	first := <-done
	for i := 1; i < 4; i++ {
		if n := <-done; n != first {
			t.Errorf("goroutines matched %d and %d entries", first, n)
		}
	}
}
