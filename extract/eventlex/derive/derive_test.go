package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/eventlex"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func miniTable(t *testing.T) *eventlex.CAMEOTable {
	t.Helper()
	tab, err := eventlex.ParseCAMEO(bytes.NewReader(readTestdata(t, "mini.cameo.tsv")))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func deriveMini(t *testing.T, dict []byte) *result {
	t.Helper()
	res, err := derive(dict, "mini.txt", miniTable(t), readTestdata(t, "mini.curated.tsv"), []byte("balk\tV\t-\ting\trejects\tnote\n"))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestGolden derives the lexicon of testdata/mini.txt and compares it with
// testdata/mini.events.tsv and mini.forms.tsv (go test -update rewrites
// them).
func TestGolden(t *testing.T) {
	res := deriveMini(t, readTestdata(t, "mini.txt"))
	for name, got := range map[string][]byte{"mini.events.tsv": res.events, "mini.forms.tsv": res.forms} {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want := readTestdata(t, name)
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh derivation (go test -update to accept):\n%s", name, got)
		}
	}
}

// lines returns the entry lines of an events file.
func entryLines(events []byte) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(events)), "\n") {
		if !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "&") {
			out = append(out, l)
		}
	}
	return out
}

// TestDecisions checks the rules of derive on the mini dictionary one by
// one, apart from the golden file.
func TestDecisions(t *testing.T) {
	res := deriveMini(t, readTestdata(t, "mini.txt"))
	got := map[string]bool{}
	for _, l := range entryLines(res.events) {
		got[l] = true
	}
	want := []struct{ why, line string }{
		{"a block code gives each verb without its own code an isolated entry",
			"assail|storm\tV\t-\tFIGHTS\tobj,prep:on\tfwd\t190\tcameo\tASSAIL"},
		{"a multi-word verb's preposition is a required phrase and its target",
			"fire\tV\tpp=at:*\tFIGHTS\tprep:at\tfwd\t193\tcameo\tASSAIL"},
		{"a synonym set stays named; the pattern's own (AT) is the target",
			"storm\tV\tobj=&arms pp=at:*\tFIGHTS\tprep:at\tfwd\t193\tcameo\tASSAIL"},
		{"the verb a pattern was found with is cameo, the rest of its block synonym",
			"assail\tV\tobj=&arms pp=at:*\tFIGHTS\tprep:at\tfwd\t193\tsynonym\tASSAIL"},
		{"a verb with its own preposition takes a pattern that fixes no object",
			"fire\tV\tsubj=&arms pp=at:*\tFIGHTS\tprep:at\tfwd\t194\tsynonym\tASSAIL"},
		{"a modifier is a ~ group; a fixed object takes the type's fixed slot",
			"assail\tV\tobj=deal|deals~peace\tAGREES\tprep:with\tfwd\t057\tcameo\tASSAIL"},
		{"a noun before the verb is the subject test",
			"assail\tV\tsubj=&arms\tFIGHTS\tobj,prep:on\tfwd\t194\tcameo\tASSAIL"},
		{"rejecting an accusation is rewritten to DENIES",
			"assail\tV\tobj=accusation|accusations\tDENIES\tposs,prep:by\tfwd\t120\tcameo\tASSAIL"},
		{"a pattern that tests no noun stays with its own verb",
			"storm\tV\tpp=on:*\tFIGHTS\tprep:on\tfwd\t190\tcameo\tASSAIL"},
		{"A:B gives the passive half reversed: host's 042 half and 043 half agree",
			"host\tV\t-\tVISITS\tobj,prep:to\trev\t042\tcameo\tWELCOME_GUEST"},
		{"a verb-qualified key adds MEETS for the host",
			"host\tV\t-\tMEETS\tobj,prep:with\tfwd\t043\tcameo\tWELCOME_GUEST"},
		{"a mutual code A:A keeps the forward half only",
			"host\tV\tobj=talks|talk pp=with:*\tMEETS\tprep:with\tfwd\t046\tcameo\tWELCOME_GUEST"},
		{"the passive half of a visit is a visit again, kept once",
			"receive\tV\tobj=visit|visits\tVISITS\tprep:to\tfwd\t042\tcameo\tWELCOME_GUEST"},
		{"a particle of a multi-word verb",
			"cut\tV\tprt=off\tSANCTIONS\tobj\tfwd\t160\tcameo\tSHUN"},
		{"a particle verb takes its block's patterns with its particle",
			"cut\tV\tprt=off pp=from:meeting|meetings\tREJECTS\tobj\tfwd\t125\tsynonym\tSHUN"},
		{"a bare (FOR) on a judgement is its reason: the entry keeps the free slot",
			"blame\tV\tpp=for:*\tCRITICIZES\tobj\tfwd\t111\tcameo\tBLAME"},
		{"another bare phrase on a judgement is its target",
			"blame\tV\tpp=with:*\tCRITICIZES\tprep:with\tfwd\t111\tcameo\tBLAME"},
		{"curated entries are merged",
			"talks\tN\t-\tMEETS\tprep:with\tfwd\t046\tcurated\t-"},
	}
	for _, w := range want {
		if !got[w.line] {
			t.Errorf("%s: missing line\n%s", w.why, w.line)
		}
	}
	for l := range got {
		for _, bad := range []string{"\t164\t", "&undefined", "obj=visit|visits\tSANCTIONS"} {
			if strings.Contains(l, bad) {
				t.Errorf("line %q should not be there (%s)", l, bad)
			}
		}
		if strings.HasPrefix(l, "assail\tV\tpp=on:*") || strings.Contains(l, "curated\t-") && strings.HasPrefix(l, "host") {
			t.Errorf("line %q should not be there", l)
		}
		if strings.HasPrefix(l, "fire\tV\tobj=") || strings.HasPrefix(l, "assail|fire") {
			t.Errorf("line %q merges a preposition verb with a fixed object", l)
		}
		if strings.Contains(l, "pp=at:* pp=at:*") {
			t.Errorf("line %q repeats a phrase test", l)
		}
	}
	if res.curatedDup != 1 {
		t.Errorf("curated duplicates = %d, want 1 (host VISITS)", res.curatedDup)
	}
	wantSkips := map[string]int{
		"pattern: source marker $":                                    3,
		"pattern: a verb with its own preposition and a fixed object": 5,
		"pattern uses an undefined synonym set":                       2,
		"synonym entry: pattern tests no noun":                        2,
		"rewritten to no relation by its object":                      2,
	}
	for k, n := range wantSkips {
		if res.skip[k] != n {
			t.Errorf("skips[%q] = %d, want %d (all: %v)", k, res.skip[k], n, res.skip)
		}
	}
	forms := string(res.forms)
	for _, f := range []string{"storms\tstorm", "fired\tfire", "hosting\thost", "assails\tassail", "assailed\tassail",
		"balked\tbalk"} {
		if !strings.Contains(forms, "\n"+f+"\n") {
			t.Errorf("forms lack %q", f)
		}
	}
}

// TestDeterministic derives twice, and from the blocks in another order:
// the files must be byte-identical.
func TestDeterministic(t *testing.T) {
	dict := readTestdata(t, "mini.txt")
	a := deriveMini(t, dict)
	b := deriveMini(t, dict)
	if !bytes.Equal(a.events, b.events) || !bytes.Equal(a.forms, b.forms) {
		t.Fatal("two derivations differ")
	}
	s := string(dict)
	i, j, k, end := strings.Index(s, "---  ASSAIL"), strings.Index(s, "---  WELCOME_GUEST"),
		strings.Index(s, "---  SHUN"), strings.Index(s, "######## TRANSFORMATIONS")
	if i < 0 || j < i || k < j || end < k {
		t.Fatal("mini.txt blocks not found in order")
	}
	shuffled := s[:i] + s[k:end] + s[j:k] + s[i:j] + s[end:]
	c := deriveMini(t, []byte(shuffled))
	if !bytes.Equal(entriesOnly(a.events), entriesOnly(c.events)) || !bytes.Equal(a.forms[bytes.IndexByte(a.forms, '\n'):], c.forms[bytes.IndexByte(c.forms, '\n'):]) {
		t.Fatal("the order of blocks changes the output")
	}
}

// entriesOnly drops the header, which names the input's checksum.
func entriesOnly(events []byte) []byte {
	return []byte(strings.Join(entryLines(events), "\n"))
}

func TestRunCheck(t *testing.T) {
	dir := t.TempDir()
	dict := filepath.Join("testdata", "mini.txt")
	args := []string{"-dict", dict, "-cameo", filepath.Join("testdata", "mini.cameo.tsv"), "-out", dir}
	var stderr bytes.Buffer
	if err := run(append(args, "-check"), &bytes.Buffer{}, &stderr); err == nil {
		t.Fatal("-check on an empty directory succeeded")
	}
	if err := run(args, &bytes.Buffer{}, &stderr); err != nil {
		t.Fatal(err)
	}
	if err := run(append(args, "-check"), &bytes.Buffer{}, &stderr); err != nil {
		t.Fatalf("-check right after writing: %v", err)
	}
	if !strings.Contains(stderr.String(), "FIGHTS") {
		t.Errorf("report lacks the counts per type:\n%s", stderr.String())
	}
	os.WriteFile(filepath.Join(dir, "forms.tsv"), []byte("x\ty\n"), 0o644)
	if err := run(append(args, "-check"), &bytes.Buffer{}, &stderr); err == nil || !strings.Contains(err.Error(), "forms.tsv") {
		t.Errorf("-check after a change: %v, want forms.tsv named", err)
	}
	var out bytes.Buffer
	if err := run([]string{"-dict", dict, "-cameo", filepath.Join("testdata", "mini.cameo.tsv")}, &out, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "assail|storm\tV\t-\tFIGHTS") {
		t.Error("without -out, events.tsv goes to stdout")
	}
	if err := run([]string{"-petrarch", t.TempDir()}, &out, &stderr); err == nil || !strings.Contains(err.Error(), "no CAMEO.2.0.txt") {
		t.Errorf("missing dictionary: %v", err)
	}
}

func TestReadDictErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"####### VERB PATTERNS #######\n- * X [010]\n", "line 2: pattern before any block"},
		{"####### VERB PATTERNS #######\n--- BROKEN ---\n", "line 2: block header"},
		{"####### VERB PATTERNS #######\n---  A   [010]  ---\n- * X\n", "line 3: pattern \"* X\": no [code]"},
		{"####### VERB PATTERNS #######\n---  A   [010]  ---\n- X [010]\n", "no * for the verb"},
		{"####### VERB PATTERNS #######\n---  A   [010]  ---\nTWO WORDS\n", "line 3: verb \"TWO WORDS\": want one stem"},
		{"####### SYNONYM SETS #######\n+GUN\n", "line 2: synset member outside a synset"},
		{"####### SYNONYM SETS #######\n&A\n&A\n", "line 3: synset &A defined twice"},
	}
	for _, tt := range tests {
		_, err := readDict(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("readDict(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestRegularForms(t *testing.T) {
	tests := map[string]string{
		"accuse": "accuses accused accusing",
		"press":  "presses pressed pressing",
		"deny":   "denies denyed denying",
		"agree":  "agrees agreed agreeing",
		"meet":   "meets meeted meeting",
	}
	for stem, want := range tests {
		if got := strings.Join(regularForms(stem), " "); got != want {
			t.Errorf("regularForms(%q) = %q, want %q (PETRARCH's rules, irregular forms come from the dictionary)", stem, got, want)
		}
	}
}

func TestNounForms(t *testing.T) {
	tests := map[string]string{
		"sanctions": "sanctions sanction",
		"sanction":  "sanction sanctions",
		"allies":    "allies ally",
		"ally":      "ally allies",
		"crisis":    "crisis crises",
		"embargo":   "embargo embargos",
		"talks":     "talks talk",
		"f-16":      "f-16",
	}
	for w, want := range tests {
		if got := strings.Join(nounForms(w, true), " "); got != want {
			t.Errorf("nounForms(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestEnglishForms(t *testing.T) {
	tests := map[string]string{
		"urge":     "urges urged urging",
		"slap":     "slaps slapped slapping",
		"sanction": "sanctions sanctioned sanctioning",
		"deny":     "denies denied denying",
		"balk":     "balks balked balking",
		"fix":      "fixes fixed fixing",
		"agree":    "agrees agreed agreeing",
		"stay":     "stays stayed staying",
		"vow":      "vows vowed vowing",
	}
	for v, want := range tests {
		if got := strings.Join(englishForms(v), " "); got != want {
			t.Errorf("englishForms(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestSourcesTable checks that SOURCES.md shows the code table as it is
// (go run ./extract/eventlex/derive -table prints it).
func TestSourcesTable(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "SOURCES.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), markdownTable(eventlex.DefaultCAMEO())) {
		t.Error("SOURCES.md lacks the current code table: paste the output of go run ./extract/eventlex/derive -table")
	}
}
