package extract_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

// The construction suite: short made-up texts, one per construction and
// relation type, each with the relations a careful annotator following
// ONTOLOGY.md would and would not draw. The format of the case files is
// documented at the top of testdata/constructions/01-verbs.txt.
//
// TestConstructions is a ratchet: it fails only when a case listed in
// passing.txt fails. With -update it rewrites passing.txt from the cases
// that pass now. It logs (-v) the pass rate of each split, of each
// construction group and of each relation type, both for whole cases and
// for their relation checks alone ("rel": expect and absent, types aside).
// A panic in the extractor fails its case and is logged.
// KG_CONSTRUCTIONS_VERBOSE=1 (with -v) lists the failing dev cases with
// what the extractor found; KG_CONSTRUCTIONS_VERBOSE=all lists the failing
// held-out cases too.

var updateConstructions = flag.Bool("update", false, "rewrite testdata/constructions/passing.txt from the construction cases that pass")

const (
	consDir       = "testdata/constructions"
	consPassing   = "passing.txt"
	consPublished = "2025-03-10"
	consSplitDev  = "dev"
	consSplitHeld = "heldout"
	// consHeldEvery is the split rule: within a construction group, in file
	// order (files sorted by name), every consHeldEvery-th case is held out.
	consHeldEvery  = 4
	consVerboseEnv = "KG_CONSTRUCTIONS_VERBOSE"
)

// consCase is one construction case.
type consCase struct {
	file string
	line int // line of the "== id:" header

	id           string
	construction string
	typ          schema.RelationType // the relation type of the cell
	split        string
	text         string
	expect       []consRel
	absent       []consRel
	types        []consType
}

// consRel is an expected or absent relation. Subject and object are lists
// of alternatives, folded; "*" is any entity.
type consRel struct {
	line     int
	raw      string
	subj     []string
	typ      schema.RelationType
	obj      []string
	tense    string // "", "future" or "none"
	date     string
	subjName []string // as written, for messages and type checks
	objName  []string
}

// consType says an entity named name (or one of its alternatives, folded)
// exists and has type typ; typ "" means no entity may have such a name.
type consType struct {
	line   int
	name   string
	folded []string
	typ    schema.EntityType
}

// consFold is the form in which names are compared, the one kg eval uses:
// NFC, lower case, punctuation and symbols dropped, dashes and runs of
// whitespace folded to one space.
func consFold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || unicode.Is(unicode.Pd, r):
			space = true
		}
	}
	return b.String()
}

// parseConsCases parses one case file. It reports every error it finds,
// each as "file:line: message".
func parseConsCases(file string, data []byte) ([]consCase, error) {
	p := &consParser{file: file}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "=="); ok {
			p.finish()
			p.header(ln, line, rest)
			continue
		}
		key, val, found := strings.Cut(line, ":")
		if !found {
			p.errorf(ln, "want \"key: value\", got %q", line)
			continue
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if p.cur == nil {
			p.errorf(ln, "%s before the first \"== id:\" header", key)
			continue
		}
		if val == "" {
			p.errorf(ln, "empty %s", key)
			continue
		}
		p.field(ln, key, val)
	}
	if err := sc.Err(); err != nil {
		p.errorf(ln, "%v", err)
	}
	p.finish()
	return p.cases, errors.Join(p.errs...)
}

// consParser is the state of parseConsCases: the cases read, the errors
// found, and the case being read.
type consParser struct {
	file  string
	cases []consCase
	errs  []error
	cur   *consCase
}

func (p *consParser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s:%d: %s", p.file, line, fmt.Sprintf(format, args...)))
}

// header starts the case of the header line "== id: NAME" at line ln
// (rest is what follows "==").
func (p *consParser) header(ln int, line, rest string) {
	key, val, found := strings.Cut(strings.TrimSpace(rest), ":")
	id := strings.TrimSpace(val)
	if !found || strings.TrimSpace(key) != "id" || id == "" {
		p.errorf(ln, "case header must be \"== id: NAME\", got %q", line)
		p.cur = &consCase{file: p.file, line: ln, id: "?"}
		return
	}
	if strings.ContainsAny(id, " \t#") {
		p.errorf(ln, "case id %q has a space or '#'", id)
	}
	p.cur = &consCase{file: p.file, line: ln, id: id}
}

// finish checks the case being read and keeps it when it is complete and
// consistent (see consCheckCase).
func (p *consParser) finish() {
	if p.cur == nil {
		return
	}
	c := p.cur
	p.cur = nil
	ok := true
	for _, f := range []struct{ name, val string }{
		{"construction", c.construction}, {"type", string(c.typ)}, {"split", c.split}, {"text", c.text},
	} {
		if f.val == "" {
			p.errorf(c.line, "case %s has no %s", c.id, f.name)
			ok = false
		}
	}
	if len(c.expect) == 0 && len(c.absent) == 0 {
		p.errorf(c.line, "case %s has neither expect nor absent", c.id)
		ok = false
	}
	if !ok {
		return
	}
	if !consCheckCase(c, p.errorf) {
		return
	}
	p.cases = append(p.cases, *c)
}

// field reads the line "key: val" (line ln) into the case being read.
func (p *consParser) field(ln int, key, val string) {
	cur := p.cur
	switch key {
	case "construction":
		if cur.construction != "" {
			p.errorf(ln, "second construction in case %s", cur.id)
		}
		cur.construction = val
	case "type":
		t := schema.RelationType(val)
		if !t.Valid() {
			p.errorf(ln, "unknown relation type %q", val)
			return
		}
		if cur.typ != "" {
			p.errorf(ln, "second type in case %s", cur.id)
		}
		cur.typ = t
	case "split":
		if val != consSplitDev && val != consSplitHeld {
			p.errorf(ln, "split must be %s or %s, got %q", consSplitDev, consSplitHeld, val)
			return
		}
		if cur.split != "" {
			p.errorf(ln, "second split in case %s", cur.id)
		}
		cur.split = val
	case "text":
		if cur.text != "" {
			cur.text += " "
		}
		cur.text += val
	case "expect", "absent":
		r, err := parseConsRel(val, key == "absent")
		if err != nil {
			p.errorf(ln, "%s: %v", key, err)
			return
		}
		r.line = ln
		if key == "expect" {
			cur.expect = append(cur.expect, r)
		} else {
			cur.absent = append(cur.absent, r)
		}
	case "types":
		p.types(ln, val)
	case "note":
	default:
		p.errorf(ln, "unknown key %q", key)
	}
}

// types reads the "types:" line val, "NAME=TYPE; ...", into the case
// being read; TYPE "none" says no entity has the name.
func (p *consParser) types(ln int, val string) {
	for _, item := range strings.Split(val, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, typ, found := strings.Cut(item, "=")
		name, typ = strings.TrimSpace(name), strings.TrimSpace(typ)
		if !found || name == "" || typ == "" {
			p.errorf(ln, "types entry %q is not NAME=TYPE", item)
			continue
		}
		et := schema.EntityType(typ)
		if typ == "none" {
			et = ""
		} else if !et.Valid() {
			p.errorf(ln, "types entry %q: unknown entity type %q", item, typ)
			continue
		}
		_, folded, err := parseConsNames(name)
		if err != nil || folded[0] == "*" {
			p.errorf(ln, "types entry %q: bad name", item)
			continue
		}
		p.cur.types = append(p.cur.types, consType{line: ln, name: name, folded: folded, typ: et})
	}
}

// parseConsRel parses "SUBJECT TYPE OBJECT [| key=value ...]".
func parseConsRel(s string, absent bool) (consRel, error) {
	r := consRel{raw: s}
	// The modifier bar is the first "|" outside brackets ("[A|B]").
	body, mods, depth := s, "", 0
	for i, ch := range s {
		if ch == '[' {
			depth++
		} else if ch == ']' {
			depth--
		} else if ch == '|' && depth == 0 {
			body, mods = s[:i], s[i+1:]
			break
		}
	}
	fields := strings.Fields(body)
	at := -1
	for i, f := range fields {
		if schema.RelationType(f).Valid() {
			if at >= 0 {
				return r, fmt.Errorf("%q names two relation types", s)
			}
			at = i
		}
	}
	if at < 0 {
		return r, fmt.Errorf("%q names no relation type (one of %v)", s, schema.RelationTypes())
	}
	r.typ = schema.RelationType(fields[at])
	var err error
	if r.subjName, r.subj, err = parseConsNames(strings.Join(fields[:at], " ")); err != nil {
		return r, fmt.Errorf("subject of %q: %v", s, err)
	}
	if r.objName, r.obj, err = parseConsNames(strings.Join(fields[at+1:], " ")); err != nil {
		return r, fmt.Errorf("object of %q: %v", s, err)
	}
	if !absent && (r.subj[0] == "*" || r.obj[0] == "*") {
		return r, fmt.Errorf("%q: \"*\" is for absent only", s)
	}
	for _, m := range strings.Fields(mods) {
		k, v, _ := strings.Cut(m, "=")
		switch {
		case absent:
			return r, fmt.Errorf("%q: absent takes no %q", s, m)
		case k == "tense" && (v == "future" || v == "none"):
			r.tense = v
		case k == "date" && (len(v) == 10 || len(v) == 7) && v[4] == '-':
			r.date = v
		default:
			return r, fmt.Errorf("%q: unknown check %q (want tense=future, tense=none or date=YYYY-MM[-DD])", s, m)
		}
	}
	return r, nil
}

// parseConsNames parses "Name", "[A|B]" or "*".
func parseConsNames(s string) (names, folded []string, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil, errors.New("missing")
	}
	if s == "*" {
		return []string{"*"}, []string{"*"}, nil
	}
	if strings.HasPrefix(s, "[") {
		if !strings.HasSuffix(s, "]") {
			return nil, nil, fmt.Errorf("%q: unclosed [", s)
		}
		names = strings.Split(s[1:len(s)-1], "|")
	} else {
		names = []string{s}
	}
	for i, n := range names {
		n = strings.TrimSpace(n)
		f := consFold(n)
		if f == "" || f == "*" {
			return nil, nil, fmt.Errorf("%q: empty alternative", s)
		}
		names[i] = n
		folded = append(folded, f)
	}
	return names, folded, nil
}

// consCheckCase checks what a case says against itself and the ontology:
// every name in types and, for each end of a relation, one of its
// alternatives occurs in the text; each end of an expected relation has a
// typed alternative; and the types are allowed by the relation type.
func consCheckCase(c *consCase, errorf func(int, string, ...any)) bool {
	ok := true
	text := " " + consFold(c.text) + " "
	typeOf := map[string]schema.EntityType{}
	for _, t := range c.types {
		in := false
		for _, f := range t.folded {
			in = in || strings.Contains(text, " "+f)
			if _, dup := typeOf[f]; dup {
				errorf(t.line, "case %s: %q typed twice", c.id, f)
				ok = false
			}
			typeOf[f] = t.typ
		}
		if !in {
			errorf(t.line, "case %s: types names %q, which its text does not contain", c.id, t.name)
			ok = false
		}
	}
	inText := func(n string) bool { return n == "*" || strings.Contains(text, " "+consFold(n)) }
	for _, group := range [][]consRel{c.expect, c.absent} {
		for _, r := range group {
			for _, ends := range [][]string{r.subjName, r.objName} {
				// A metonym's entity may be named by a form the text lacks
				// ("[Japan|Tokyo]"): one alternative in the text is enough.
				found := false
				for _, n := range ends {
					found = found || inText(n)
				}
				if !found {
					errorf(r.line, "case %s: none of %q is in its text", c.id, ends)
					ok = false
				}
			}
		}
	}
	for _, r := range c.expect {
		var ends [2][]schema.EntityType
		for k, names := range [2][]string{r.subj, r.obj} {
			for _, n := range names {
				if t := typeOf[n]; t != "" {
					ends[k] = append(ends[k], t)
				}
			}
		}
		for k, names := range [2][]string{r.subjName, r.objName} {
			if len(ends[k]) == 0 {
				errorf(r.line, "case %s: expect %q: give an entity type in types for one of %q", c.id, r.raw, names)
				ok = false
			}
		}
		for _, st := range ends[0] {
			for _, ot := range ends[1] {
				if !r.typ.Allows(st, ot) {
					errorf(r.line, "case %s: expect %q: %s does not allow %s -> %s", c.id, r.raw, r.typ, st, ot)
					ok = false
				}
			}
		}
	}
	return ok
}

// loadConsCases reads every case file of dir. Beyond each file's own
// checks it requires unique ids and the split rule: the consHeldEvery-th,
// 2*consHeldEvery-th, ... case of each construction group, in file order,
// is held out and no other.
func loadConsCases(dir string) ([]consCase, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var (
		all  []consCase
		errs []error
	)
	for _, f := range files {
		if filepath.Base(f) == consPassing {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cs, err := parseConsCases(f, data)
		if err != nil {
			errs = append(errs, err)
		}
		all = append(all, cs...)
	}
	seen := map[string]consCase{}
	inGroup := map[string]int{}
	for _, c := range all {
		if p, dup := seen[c.id]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: case id %s already used at %s:%d", c.file, c.line, c.id, p.file, p.line))
		}
		seen[c.id] = c
		inGroup[c.construction]++
		want := consSplitDev
		if inGroup[c.construction]%consHeldEvery == 0 {
			want = consSplitHeld
		}
		if c.split != want {
			errs = append(errs, fmt.Errorf("%s:%d: case %s is case %d of construction %q: its split should be %s, not %s (every %dth case of a group is held out; add new cases at the end of their group)",
				c.file, c.line, c.id, inGroup[c.construction], c.construction, want, c.split, consHeldEvery))
		}
	}
	if len(all) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: no case files", dir))
	}
	return all, errors.Join(errs...)
}

// consOutcome is the result of checking one case.
type consOutcome struct {
	missing    []string // expected relations not found
	violations []string // absent relations found
	typeErrs   []string // entity type checks that failed
	panicked   string   // the extractor's panic, if it panicked
	nExpect    int
	nAbsent    int
	nTypes     int
}

func (o consOutcome) pass() bool {
	return o.relPass() && len(o.typeErrs) == 0
}

// relPass reports whether the relation checks (expect and absent) pass,
// whatever the entity types.
func (o consOutcome) relPass() bool {
	return o.panicked == "" && len(o.missing) == 0 && len(o.violations) == 0
}

// checkConsCase checks extraction x against case c.
func checkConsCase(c consCase, x schema.Extraction) consOutcome {
	keys := make(map[string]map[string]bool, len(x.Entities))
	for _, e := range x.Entities {
		k := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if f := consFold(n); f != "" {
				k[f] = true
			}
		}
		keys[e.ID] = k
	}
	is := func(id string, names []string) bool {
		for _, n := range names {
			if n == "*" || keys[id][n] {
				return true
			}
		}
		return false
	}
	matches := func(want consRel, r schema.Relation) bool {
		if r.Type != want.typ {
			return false
		}
		if is(r.Subject, want.subj) && is(r.Object, want.obj) {
			return true
		}
		return want.typ.Symmetric() && is(r.Subject, want.obj) && is(r.Object, want.subj)
	}
	o := consOutcome{nExpect: len(c.expect), nAbsent: len(c.absent), nTypes: len(c.types)}
	for _, want := range c.expect {
		found, near := false, ""
		for _, r := range x.Relations {
			if !matches(want, r) {
				continue
			}
			switch {
			case want.tense == "future" && r.Tense != "future":
				near = fmt.Sprintf(" (found with tense %q)", r.Tense)
			case want.tense == "none" && r.Tense != "":
				near = fmt.Sprintf(" (found with tense %q)", r.Tense)
			case want.date != "" && r.Date != want.date:
				near = fmt.Sprintf(" (found with date %q)", r.Date)
			default:
				found = true
			}
			if found {
				break
			}
		}
		if !found {
			o.missing = append(o.missing, want.raw+near)
		}
	}
	for _, no := range c.absent {
		for _, r := range x.Relations {
			if matches(no, r) {
				o.violations = append(o.violations, fmt.Sprintf("%s (found %s)", no.raw, consRelString(x, r)))
				break
			}
		}
	}
	for _, t := range c.types {
		var got []string
		for _, e := range x.Entities {
			if is(e.ID, t.folded) {
				got = append(got, string(e.Type))
			}
		}
		switch {
		case t.typ == "" && len(got) > 0:
			o.typeErrs = append(o.typeErrs, fmt.Sprintf("%s is no entity, found %s", t.name, strings.Join(got, ", ")))
		case t.typ == "":
		case len(got) == 0:
			o.typeErrs = append(o.typeErrs, fmt.Sprintf("%s=%s: no entity of that name", t.name, t.typ))
		default:
			for _, g := range got {
				if g != string(t.typ) {
					o.typeErrs = append(o.typeErrs, fmt.Sprintf("%s=%s: found %s", t.name, t.typ, strings.Join(got, ", ")))
					break
				}
			}
		}
	}
	return o
}

func consEntName(x schema.Extraction, id string) string {
	if e, ok := x.Entity(id); ok {
		return e.Name
	}
	return id
}

func consRelString(x schema.Extraction, r schema.Relation) string {
	s := fmt.Sprintf("%s %s %s", consEntName(x, r.Subject), r.Type, consEntName(x, r.Object))
	var mods []string
	if r.Tense != "" {
		mods = append(mods, "tense="+r.Tense)
	}
	if r.Date != "" {
		mods = append(mods, "date="+r.Date)
	}
	if len(mods) > 0 {
		s += " | " + strings.Join(mods, " ")
	}
	return s
}

// consExtract runs the extractor on the text of c. A panic, which the
// extractor returns as an error, is returned as its message, so that one
// crash fails one case and not the whole suite.
func consExtract(x *extract.Extractor, c consCase) (got schema.Extraction, panicked string) {
	got, err := x.Extract(context.Background(), schema.Article{Ref: c.id, Published: consPublished, Text: c.text})
	if err != nil {
		return schema.Extraction{}, err.Error()
	}
	return got, ""
}

// consReport writes what a failing case missed and what was found instead.
func consReport(c consCase, o consOutcome, x schema.Extraction) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: %s [%s, %s, %s]\n  text: %s\n", c.file, c.line, c.id, c.construction, c.typ, c.split, c.text)
	if o.panicked != "" {
		fmt.Fprintf(&b, "  panic:     %s\n", o.panicked)
	}
	for _, m := range o.missing {
		fmt.Fprintf(&b, "  missing:   %s\n", m)
	}
	for _, v := range o.violations {
		fmt.Fprintf(&b, "  violates:  absent %s\n", v)
	}
	for _, e := range o.typeErrs {
		fmt.Fprintf(&b, "  type:      %s\n", e)
	}
	var ents []string
	for _, e := range x.Entities {
		s := e.Name + "=" + string(e.Type)
		if len(e.Aliases) > 0 {
			s += " (" + strings.Join(e.Aliases, ", ") + ")"
		}
		ents = append(ents, s)
	}
	fmt.Fprintf(&b, "  entities:  %s\n", strings.Join(ents, "; "))
	if len(x.Relations) == 0 {
		b.WriteString("  relations: none\n")
	}
	for _, r := range x.Relations {
		fmt.Fprintf(&b, "  relation:  %s\n", consRelString(x, r))
	}
	return b.String()
}

// readConsPassing reads the ids listed in passing.txt.
func readConsPassing(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, " \t") {
			return nil, fmt.Errorf("%s:%d: want one case id a line, got %q", path, i+1, line)
		}
		ids[line] = true
	}
	return ids, nil
}

func writeConsPassing(path string, ids []string) error {
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString("# Construction cases that pass: TestConstructions fails when one of them\n")
	b.WriteString("# fails. Rewritten by: go test ./extract -run TestConstructions -update\n")
	for _, id := range ids {
		b.WriteString(id)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// consTally counts passing cases and satisfied checks.
type consTally struct {
	cases, pass, relPass int
	expect, expectOK     int
	absent, absentOK     int
	types, typesOK       int
}

func (t *consTally) add(o consOutcome) {
	t.cases++
	if o.pass() {
		t.pass++
	}
	if o.relPass() {
		t.relPass++
	}
	t.expect += o.nExpect
	t.expectOK += o.nExpect - len(o.missing)
	t.absent += o.nAbsent
	t.absentOK += o.nAbsent - len(o.violations)
	t.types += o.nTypes
	t.typesOK += o.nTypes - len(o.typeErrs)
}

func consPct(n, d int) string {
	if d == 0 {
		return "     -"
	}
	return fmt.Sprintf("%5.1f%%", 100*float64(n)/float64(d))
}

func (t consTally) String() string {
	return fmt.Sprintf("%3d/%3d %s  rel %3d %s", t.pass, t.cases, consPct(t.pass, t.cases), t.relPass, consPct(t.relPass, t.cases))
}

func TestConstructions(t *testing.T) {
	cases, err := loadConsCases(consDir)
	if err != nil {
		t.Fatal(err)
	}
	passingPath := filepath.Join(consDir, consPassing)
	listed, err := readConsPassing(passingPath)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, c := range cases {
		known[c.id] = true
	}
	if !*updateConstructions {
		for id := range listed {
			if !known[id] {
				t.Errorf("%s lists %s, which is no case (run with -update)", passingPath, id)
			}
		}
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	verbose := os.Getenv(consVerboseEnv)

	splits := map[string]*consTally{consSplitDev: {}, consSplitHeld: {}}
	type groupTally struct{ dev, held consTally }
	byCons := map[string]*groupTally{}
	byType := map[schema.RelationType]*groupTally{}
	var consOrder []string
	var passing, newly, regressed, panics []string
	for _, c := range cases {
		got, panicked := consExtract(x, c)
		o := checkConsCase(c, got)
		o.panicked = panicked
		if panicked != "" {
			panics = append(panics, c.id)
		}
		splits[c.split].add(o)
		if byCons[c.construction] == nil {
			byCons[c.construction] = &groupTally{}
			consOrder = append(consOrder, c.construction)
		}
		if byType[c.typ] == nil {
			byType[c.typ] = &groupTally{}
		}
		for _, g := range []*groupTally{byCons[c.construction], byType[c.typ]} {
			if c.split == consSplitHeld {
				g.held.add(o)
			} else {
				g.dev.add(o)
			}
		}
		switch {
		case o.pass():
			passing = append(passing, c.id)
			if !listed[c.id] {
				newly = append(newly, c.id)
			}
		case listed[c.id]:
			regressed = append(regressed, c.id)
		}
		// The subtest only reports, so that -run on one case still counts
		// every case for the totals and for -update.
		show := verbose == "all" || (verbose != "" && verbose != "0" && c.split == consSplitDev)
		t.Run(c.id, func(t *testing.T) {
			switch {
			case o.pass():
			case listed[c.id] && *updateConstructions:
				t.Logf("%s:%d: regressed, dropped from %s", c.file, c.line, consPassing)
			case listed[c.id] && c.split == consSplitHeld && verbose != "all":
				t.Errorf("%s:%d: held-out case %s is listed in %s and fails (details with %s=all)", c.file, c.line, c.id, consPassing, consVerboseEnv)
			case listed[c.id]:
				t.Errorf("regression, listed in %s:\n%s", consPassing, consReport(c, o, got))
			case show:
				t.Logf("\n%s", consReport(c, o, got))
			}
		})
	}

	for _, s := range []string{consSplitDev, consSplitHeld} {
		st := splits[s]
		t.Logf("split %-7s cases %s; checks: expect %d/%d %s, absent %d/%d %s, types %d/%d %s", s, st,
			st.expectOK, st.expect, consPct(st.expectOK, st.expect),
			st.absentOK, st.absent, consPct(st.absentOK, st.absent),
			st.typesOK, st.types, consPct(st.typesOK, st.types))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "cases passing (all checks; \"rel\": expect and absent only), dev | heldout\n")
	fmt.Fprintf(&b, "by construction:\n")
	for _, k := range consOrder {
		g := byCons[k]
		fmt.Fprintf(&b, "  %-40s %s | %s\n", k, g.dev, g.held)
	}
	fmt.Fprintf(&b, "by relation type of the case:\n")
	for _, rt := range schema.Relations {
		if g := byType[rt.Type]; g != nil {
			fmt.Fprintf(&b, "  %-40s %s | %s\n", rt.Type, g.dev, g.held)
		}
	}
	t.Log(b.String())
	if len(panics) > 0 {
		t.Logf("the extractor panicked on %d cases: %s", len(panics), strings.Join(panics, " "))
	}
	if len(newly) > 0 && !*updateConstructions {
		t.Logf("%d newly passing (run with -update to add them to %s): %s", len(newly), consPassing, strings.Join(newly, " "))
	}
	if *updateConstructions {
		if err := writeConsPassing(passingPath, passing); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d passing, %d newly, %d dropped", passingPath, len(passing), len(newly), len(regressed))
	}
}

func TestParseConsCasesErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // substrings of the error, in any order
	}{
		{"key before header", "text: x\n", []string{"f.txt:1: text before the first"}},
		{"bad header", "== name: x\n", []string{"f.txt:1: case header must be"}},
		{"missing fields", "== id: a\ntext: Japan met France.\n", []string{"f.txt:1: case a has no construction", "f.txt:1: case a has no type", "f.txt:1: case a has no split"}},
		{"no checks", "== id: a\nconstruction: c\ntype: MEETS\nsplit: dev\ntext: Japan met France.\n", []string{"f.txt:1: case a has neither expect nor absent"}},
		{"unknown key", "== id: a\nfoo: bar\n", []string{"f.txt:2: unknown key \"foo\""}},
		{"unknown relation type", "== id: a\ntype: HUGS\n", []string{"f.txt:2: unknown relation type \"HUGS\""}},
		{"bad split", "== id: a\nsplit: test\n", []string{"f.txt:2: split must be"}},
		{"no relation type in expect", "== id: a\nexpect: Japan meets France\n", []string{"f.txt:2: expect: \"Japan meets France\" names no relation type"}},
		{"wildcard in expect", "== id: a\nexpect: Japan MEETS *\n", []string{"f.txt:2: expect: \"Japan MEETS *\": \"*\" is for absent only"}},
		{"bad check", "== id: a\nexpect: Japan MEETS France | tense=past\n", []string{"f.txt:2: expect: \"Japan MEETS France | tense=past\": unknown check"}},
		{"bad entity type", "== id: a\ntypes: Japan=State\n", []string{"f.txt:2: types entry \"Japan=State\": unknown entity type"}},
		{"name not in text", "== id: a\nconstruction: c\ntype: MEETS\nsplit: dev\ntext: Japan met France.\nexpect: Japan MEETS Chile\ntypes: Japan=Country; Chile=Country\n",
			[]string{"f.txt:7: case a: types names \"Chile\"", "f.txt:6: case a: none of [\"Chile\"] is in its text"}},
		{"untyped end", "== id: a\nconstruction: c\ntype: MEETS\nsplit: dev\ntext: Japan met France.\nexpect: Japan MEETS France\ntypes: Japan=Country\n",
			[]string{"f.txt:6: case a: expect \"Japan MEETS France\": give an entity type in types for one of [\"France\"]"}},
		{"type not allowed", "== id: a\nconstruction: c\ntype: HOLDS_ROLE\nsplit: dev\ntext: Japan and France.\nexpect: Japan HOLDS_ROLE France\ntypes: Japan=Country; France=Country\n",
			[]string{"f.txt:6: case a: expect \"Japan HOLDS_ROLE France\": HOLDS_ROLE does not allow Country -> Country"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConsCases("f.txt", []byte(tt.in))
			if err == nil {
				t.Fatalf("parseConsCases(%q) = nil error, want %q", tt.in, tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("parseConsCases(%q) error:\n%v\nwant it to contain %q", tt.in, err, w)
				}
			}
		})
	}
}

func TestCheckConsCase(t *testing.T) {
	const file = `== id: a
construction: c
type: MEETS
split: dev
text: Foreign Minister Ana Brel of Ruritania met Japan's envoy Kei Oda; Ruritania will sign a deal with France on Friday.
expect: [Ana Brel|Ruritania] MEETS Kei Oda
expect: Ruritania AGREES France | tense=future date=2025-03-14
absent: * FIGHTS *
absent: Japan MEETS *
types: Ana Brel=Person; Ruritania=Country; Kei Oda=Person; France=Country; Friday=none
`
	cases, err := parseConsCases("f.txt", []byte(file))
	if err != nil || len(cases) != 1 {
		t.Fatalf("parseConsCases = %d cases, %v", len(cases), err)
	}
	c := cases[0]
	ents := []schema.Entity{
		{ID: "e1", Name: "Ana Brel", Type: schema.Person, Aliases: []string{"Brel"}},
		{ID: "e2", Name: "Kei Oda", Type: schema.Person},
		{ID: "e3", Name: "Ruritania", Type: schema.Country},
		{ID: "e4", Name: "France", Type: schema.Country},
		{ID: "e5", Name: "Japan", Type: schema.Country},
	}
	rel := func(s string, typ schema.RelationType, o, tense, date string) schema.Relation {
		return schema.Relation{Subject: s, Type: typ, Object: o, Tense: tense, Date: date}
	}
	tests := []struct {
		name    string
		ents    []schema.Entity
		rels    []schema.Relation
		pass    bool
		missing int
		viol    int
		typeErr int
	}{
		{"all", ents, []schema.Relation{rel("e2", schema.Meets, "e1", "", ""), rel("e3", schema.Agrees, "e4", "future", "2025-03-14")}, true, 0, 0, 0},
		{"second alternative", ents, []schema.Relation{rel("e3", schema.Meets, "e2", "", ""), rel("e3", schema.Agrees, "e4", "future", "2025-03-14")}, true, 0, 0, 0},
		{"nothing", ents, nil, false, 2, 0, 0},
		{"wrong direction of a directed type", ents, []schema.Relation{rel("e1", schema.Meets, "e2", "", ""), rel("e4", schema.Agrees, "e3", "future", "2025-03-14")}, false, 1, 0, 0},
		{"tense missing", ents, []schema.Relation{rel("e1", schema.Meets, "e2", "", ""), rel("e3", schema.Agrees, "e4", "", "2025-03-14")}, false, 1, 0, 0},
		{"wrong date", ents, []schema.Relation{rel("e1", schema.Meets, "e2", "", ""), rel("e3", schema.Agrees, "e4", "future", "2025-03-07")}, false, 1, 0, 0},
		{"absent wildcard", ents, []schema.Relation{rel("e1", schema.Meets, "e2", "", ""), rel("e3", schema.Agrees, "e4", "future", "2025-03-14"), rel("e4", schema.Fights, "e5", "", "")}, false, 0, 1, 0},
		{"absent symmetric", ents, []schema.Relation{rel("e1", schema.Meets, "e2", "", ""), rel("e3", schema.Agrees, "e4", "future", "2025-03-14"), rel("e2", schema.Meets, "e5", "", "")}, false, 0, 1, 0},
		{"wrong type and a non-entity", []schema.Entity{ents[0], ents[1], {ID: "e3", Name: "Ruritania", Type: schema.Location}, ents[3], {ID: "e6", Name: "Friday", Type: schema.Person}},
			[]schema.Relation{rel("e1", schema.Meets, "e2", "", ""), rel("e3", schema.Agrees, "e4", "future", "2025-03-14")}, false, 0, 0, 2},
		{"missing entity", ents[1:], []schema.Relation{rel("e3", schema.Meets, "e2", "", ""), rel("e3", schema.Agrees, "e4", "future", "2025-03-14")}, false, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := checkConsCase(c, schema.Extraction{Entities: tt.ents, Relations: tt.rels})
			if o.relPass() != (tt.missing == 0 && tt.viol == 0) {
				t.Errorf("checkConsCase: relPass %v with missing %q and violations %q", o.relPass(), o.missing, o.violations)
			}
			if o.pass() != tt.pass || len(o.missing) != tt.missing || len(o.violations) != tt.viol || len(o.typeErrs) != tt.typeErr {
				t.Errorf("checkConsCase: pass %v, missing %q, violations %q, type errors %q; want pass %v, %d missing, %d violations, %d type errors",
					o.pass(), o.missing, o.violations, o.typeErrs, tt.pass, tt.missing, tt.viol, tt.typeErr)
			}
		})
	}
}

func TestConsSplitRule(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 5; i++ {
		split := consSplitDev
		if i == 3 {
			split = consSplitHeld // the rule says the 4th
		}
		fmt.Fprintf(&b, "== id: c%d\nconstruction: g\ntype: MEETS\nsplit: %s\ntext: Japan met France.\nabsent: Japan FIGHTS France\n", i, split)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := loadConsCases(dir)
	if err == nil {
		t.Fatal("loadConsCases: nil error, want split errors for c3 and c4")
	}
	for _, w := range []string{"case c3 is case 3 of construction \"g\": its split should be dev, not heldout", "case c4 is case 4 of construction \"g\": its split should be heldout, not dev"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("loadConsCases error:\n%v\nwant it to contain %q", err, w)
		}
	}
	if strings.Contains(err.Error(), "c5") {
		t.Errorf("loadConsCases error names c5, whose split is right:\n%v", err)
	}
}
