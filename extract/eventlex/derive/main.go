// Command derive builds kg's event lexicon (extract/eventlex/events.tsv and
// forms.tsv) from the CAMEO verb dictionary of PETRARCH2, the code table
// extract/eventlex/cameo.tsv and the curated entries in curated.tsv beside
// this file. The output is sorted: the same inputs give byte-identical
// files.
//
// Usage, from the repository root:
//
//	go run ./extract/eventlex/derive -petrarch /path/to/petrarch2 -out extract/eventlex
//	go run ./extract/eventlex/derive -petrarch /path/to/petrarch2 -out extract/eventlex -check
//
// -petrarch is a checkout of github.com/openeventdata/petrarch2 (or any
// directory holding CAMEO.2.0.txt); -dict names the dictionary file
// directly. -check compares instead of writing and fails when the files
// differ. Counts per relation type and what was left out go to stderr.
package main

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/eventlex"
	"github.com/kgraph/kg/schema"
)

//go:embed curated.tsv
var curatedTSV []byte

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "derive:", err)
		os.Exit(1)
	}
}

type options struct {
	petrarch, dict, out, cameo string
	check, table               bool
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("derive", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.petrarch, "petrarch", "", "a petrarch2 checkout, or a directory holding CAMEO.2.0.txt")
	fs.StringVar(&o.dict, "dict", "", "the verb dictionary file (instead of -petrarch)")
	fs.StringVar(&o.out, "out", "", "directory to write events.tsv and forms.tsv to (empty: events.tsv to stdout)")
	fs.StringVar(&o.cameo, "cameo", "", "code table (default: the embedded extract/eventlex/cameo.tsv)")
	fs.BoolVar(&o.check, "check", false, "compare with the files in -out instead of writing them")
	fs.BoolVar(&o.table, "table", false, "print the code table as Markdown (for SOURCES.md) and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if o.table {
		tab := eventlex.DefaultCAMEO()
		if o.cameo != "" {
			f, err := os.Open(o.cameo)
			if err != nil {
				return err
			}
			defer f.Close()
			if tab, err = eventlex.ParseCAMEO(f); err != nil {
				return fmt.Errorf("%s: %w", o.cameo, err)
			}
		}
		_, err := io.WriteString(stdout, markdownTable(tab))
		return err
	}
	path, err := dictPath(o)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	tab := eventlex.DefaultCAMEO()
	if o.cameo != "" {
		f, err := os.Open(o.cameo)
		if err != nil {
			return err
		}
		tab, err = eventlex.ParseCAMEO(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", o.cameo, err)
		}
	}
	res, err := derive(raw, filepath.Base(path), tab, curatedTSV, eventlex.ModalityTSV())
	if err != nil {
		return err
	}
	res.report(stderr)
	if o.out == "" {
		if o.check {
			return errors.New("-check needs -out")
		}
		_, err := stdout.Write(res.events)
		return err
	}
	files := map[string][]byte{"events.tsv": res.events, "forms.tsv": res.forms}
	names := []string{"events.tsv", "forms.tsv"}
	if o.check {
		var stale []string
		for _, n := range names {
			old, err := os.ReadFile(filepath.Join(o.out, n))
			if err != nil || !bytes.Equal(old, files[n]) {
				stale = append(stale, n)
			}
		}
		if len(stale) > 0 {
			return fmt.Errorf("%s differ from a fresh derivation: run without -check", strings.Join(stale, ", "))
		}
		fmt.Fprintln(stderr, "derive: events.tsv and forms.tsv are up to date")
		return nil
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(o.out, n), files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func dictPath(o options) (string, error) {
	if o.dict != "" {
		return o.dict, nil
	}
	if o.petrarch == "" {
		return "", errors.New("give -petrarch DIR or -dict FILE")
	}
	for _, p := range []string{
		"petrarch2/data/dictionaries/CAMEO.2.0.txt",
		"data/dictionaries/CAMEO.2.0.txt",
		"CAMEO.2.0.txt",
	} {
		full := filepath.Join(o.petrarch, p)
		if _, err := os.Stat(full); err == nil {
			return full, nil
		}
	}
	return "", fmt.Errorf("no CAMEO.2.0.txt under %s", o.petrarch)
}

// result is a derivation: the two files and what to report.
type result struct {
	events, forms []byte
	entries       []eventlex.Entry
	skip          skips
	unmapped      map[string]int
	curatedDup    int
	formConflicts []string
	addedForms    int // verbs given English regular forms
}

// derive builds the lexicon from the dictionary text raw (named name in the
// header), the code table and the curated entries.
func derive(raw []byte, name string, tab *eventlex.CAMEOTable, curated, modality []byte) (*result, error) {
	d, err := readDict(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dv := newDeriver(d, tab)
	derived := dv.entries()
	cur, err := eventlex.Parse(bytes.NewReader(curated))
	if err != nil {
		return nil, fmt.Errorf("curated.tsv: %w", err)
	}
	for _, e := range cur.Entries() {
		if !e.Curated() {
			return nil, fmt.Errorf("curated.tsv: entry %s %s has source %s", e.Lemma, e.Type, e.Source)
		}
	}
	res := &result{skip: dv.skip, unmapped: dv.unmapped}
	res.entries, res.curatedDup = dedupe(append(derived, cur.Entries()...))

	syn := dv.synsetMap()
	used := map[string]bool{}
	for _, e := range res.entries {
		for _, f := range strings.Fields(e.Pattern.String()) {
			for _, w := range strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune("=|~:", r) }) {
				if strings.HasPrefix(w, "&") {
					used[w] = true
				}
			}
		}
	}
	var names []string
	for n := range used {
		names = append(names, n)
	}
	sort.Strings(names)

	sum := sha256.Sum256(raw)
	header := []string{
		"kg event lexicon. Fields (tab-separated): lemma, V|N, pattern, type, slot, fwd|rev, CAMEO code, cameo|synonym|curated, block.",
		"Lines &name<TAB>words define the synonym sets that patterns name. See extract/eventlex/SOURCES.md.",
		"Derived by extract/eventlex/derive from " + name + " (sha256 " + hex.EncodeToString(sum[:]) + ")",
		"of github.com/openeventdata/petrarch2, with the code table extract/eventlex/cameo.tsv and the curated",
		"entries extract/eventlex/derive/curated.tsv. The dictionary: The MIT License (MIT), Copyright (c) 2014",
		"Open Event Data, Copyright (c) 2015 Open Event Data Alliance; SOURCES.md has the full notice.",
		"Do not edit: change the table or the curated entries and derive again.",
	}
	var ev bytes.Buffer
	if err := eventlex.Write(&ev, header, syn, names, res.entries); err != nil {
		return nil, err
	}
	// The file must read back as written.
	back, err := eventlex.Parse(bytes.NewReader(ev.Bytes()))
	if err != nil {
		return nil, fmt.Errorf("derived events.tsv does not parse: %w", err)
	}
	if len(back.Entries()) != len(res.entries) {
		return nil, fmt.Errorf("derived events.tsv reads back %d entries, wrote %d", len(back.Entries()), len(res.entries))
	}
	res.events = ev.Bytes()

	forms, conflicts := dv.formTable()
	res.formConflicts = conflicts
	// Verbs the dictionary lacks (curated entries, modality cues) get
	// English regular forms, so that Lemma knows every verb the lexicon
	// names.
	extra := map[string]bool{}
	for _, e := range res.entries {
		if !e.Noun {
			extra[e.Lemma] = true
		}
	}
	ms, err := eventlex.ParseModality(bytes.NewReader(modality))
	if err != nil {
		return nil, fmt.Errorf("modality.tsv: %w", err)
	}
	for _, m := range ms {
		if m.Pos == "V" {
			extra[m.Lemma] = true
		}
	}
	for lem := range extra {
		if dv.lemmas[lem] {
			continue
		}
		res.addedForms++
		for _, f := range append([]string{lem}, englishForms(lem)...) {
			if _, taken := forms[f]; !taken {
				forms[f] = lem
			}
		}
	}
	var fb bytes.Buffer
	if err := eventlex.WriteForms(&fb, []string{
		"kg verb forms: surface form<TAB>lemma, from the verb forms of " + name + " (sha256 " + hex.EncodeToString(sum[:]) + ").",
		"Derived by extract/eventlex/derive; see extract/eventlex/SOURCES.md. Do not edit.",
	}, forms); err != nil {
		return nil, err
	}
	res.forms = fb.Bytes()
	return res, nil
}

// dedupe keeps one entry per (lemma, pos, pattern, type, slot, direction):
// the dictionary's own over a synonym's over a curated one, then the lowest
// code and block. It returns the entries and how many curated entries the
// dictionary already had.
func dedupe(es []eventlex.Entry) ([]eventlex.Entry, int) {
	best := map[string]int{}
	var out []eventlex.Entry
	curatedDup := 0
	for _, e := range es {
		f := e.Fields()
		key := strings.Join(f[:6], "\t")
		i, ok := best[key]
		if !ok {
			best[key] = len(out)
			out = append(out, e)
			continue
		}
		if e.Curated() || out[i].Curated() {
			curatedDup++
		}
		if better(&e, &out[i]) {
			out[i] = e
		}
	}
	return out, curatedDup
}

func better(a, b *eventlex.Entry) bool {
	if a.Source != b.Source {
		return a.Source < b.Source
	}
	if a.CAMEO != b.CAMEO {
		return a.CAMEO < b.CAMEO
	}
	return a.Block < b.Block
}

// formTable maps every verb form of the dictionary to its lemma. A form
// that is itself a lemma stays its own; a form of several lemmas goes to
// the first in order and is reported.
func (dv *deriver) formTable() (map[string]string, []string) {
	out := map[string]string{}
	var conflicts []string
	for f, ls := range dv.forms {
		if err := eventlex.CheckWord(f); err != nil {
			continue
		}
		lem := dv.lemmaOf(f)
		if eventlex.CheckWord(lem) != nil {
			continue
		}
		if len(ls) > 1 && !dv.lemmas[f] {
			var all []string
			for l := range ls {
				all = append(all, l)
			}
			sort.Strings(all)
			conflicts = append(conflicts, f+" -> "+strings.Join(all, "|"))
		}
		out[f] = lem
	}
	sort.Strings(conflicts)
	return out, conflicts
}

// report writes counts per relation type and what derive left out.
// Columns: verb lemmas; verb lemmas with a bare reading (pattern "-");
// verb entries with a pattern; of those, the dictionary's own (cameo) and
// inherited from a synonym (synonym); curated verb entries; noun lemmas.
func (r *result) report(w io.Writer) {
	type count struct {
		verbs, bare, nouns                    map[string]bool
		patterns, cameo, synonym, curatedVerb int
	}
	byType := map[schema.RelationType]*count{}
	bySource := map[eventlex.Source]int{}
	for _, e := range r.entries {
		c := byType[e.Type]
		if c == nil {
			c = &count{verbs: map[string]bool{}, bare: map[string]bool{}, nouns: map[string]bool{}}
			byType[e.Type] = c
		}
		bySource[e.Source]++
		if e.Noun {
			c.nouns[e.Lemma] = true
			continue
		}
		c.verbs[e.Lemma] = true
		if e.Curated() {
			c.curatedVerb++
		}
		if e.Pattern.Specificity() == 0 {
			c.bare[e.Lemma] = true
			continue
		}
		c.patterns++
		switch e.Source {
		case eventlex.FromCAMEO:
			c.cameo++
		case eventlex.FromSynonym:
			c.synonym++
		}
	}
	fmt.Fprintf(w, "derive: %d entries (cameo %d, synonym %d, curated %d; %d curated entries duplicated derived ones)\n",
		len(r.entries), bySource[eventlex.FromCAMEO], bySource[eventlex.FromSynonym], bySource[eventlex.FromCurated], r.curatedDup)
	fmt.Fprintf(w, "%-11s %6s %6s %8s %6s %7s %7s %6s\n", "type", "verbs", "bare", "patterns", "cameo", "synonym", "curated", "nouns")
	for _, s := range schema.Relations {
		if s.Structural {
			continue
		}
		c := byType[s.Type]
		if c == nil {
			c = &count{}
		}
		fmt.Fprintf(w, "%-11s %6d %6d %8d %6d %7d %7d %6d\n", s.Type, len(c.verbs), len(c.bare), c.patterns,
			c.cameo, c.synonym, c.curatedVerb, len(c.nouns))
	}
	var reasons []string
	for k := range r.skip {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		fmt.Fprintf(w, "derive: left out %d: %s\n", r.skip[k], k)
	}
	var codes []string
	for c := range r.unmapped {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		fmt.Fprintf(w, "derive: code %s not in the table (%d uses)\n", c, r.unmapped[c])
	}
	fmt.Fprintf(w, "derive: %d verb forms belong to several lemmas\n", len(r.formConflicts))
	fmt.Fprintf(w, "derive: %d verbs not in the dictionary got English regular forms\n", r.addedForms)
}

// markdownTable renders the code table for SOURCES.md: one row per key in
// file order, then the default slots and the rewrites.
func markdownTable(tab *eventlex.CAMEOTable) string {
	var b strings.Builder
	b.WriteString("| key | kg relation | decision |\n|---|---|---|\n")
	for _, k := range tab.Keys() {
		var ms []string
		for _, m := range tab.Mappings(k) {
			s := string(m.Type)
			if m.Reverse {
				s += " (reversed)"
			}
			ms = append(ms, s)
		}
		rel := "none"
		if len(ms) > 0 {
			rel = strings.Join(ms, ", ")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", k, rel, strings.ReplaceAll(tab.Note(k), "|", "\\|"))
	}
	b.WriteString("\n| relation | free object slot | fixed object slot |\n|---|---|---|\n")
	for _, s := range schema.Relations {
		if s.Structural {
			continue
		}
		fmt.Fprintf(&b, "| %s | `%s` | `%s` |\n", s.Type, tab.FreeSlot[s.Type], tab.FixedSlot[s.Type])
	}
	b.WriteString("\n| rewrite | when the fixed object is one of | decision |\n|---|---|---|\n")
	for _, r := range tab.Rewrites {
		to := string(r.To)
		if to == "" {
			to = "none"
		}
		fmt.Fprintf(&b, "| %s -> %s | %s | %s |\n", r.From, to, strings.Join(r.Objects, ", "), r.Note)
	}
	return b.String()
}
