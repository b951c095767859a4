// Command ner scores kg's entity mentions as named-entity recognition on a
// CoNLL-2003 style news test set: each document is rebuilt as text (one
// sentence a line), extracted by kg, and its entity mentions are mapped to
// token spans (Person -> PER, Organization -> ORG, Country and Location ->
// LOC; Group left out) and scored with strict spans, micro-averaged, over
// PER, ORG and LOC (gold MISC is not scored; a prediction on it is wrong).
// It then sorts kg's errors into categories and counts them.
//
// Usage:
//
//	go run ./testdata/bench/ner -data eng.testb [-export docs.jsonl] [-spaced] [-v]
//
// -export writes the same documents, tokens and gold spans for
// ner_spacy.py, so that spaCy is scored on exactly the same input.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"unicode"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

func main() {
	var (
		data   = flag.String("data", "", "CoNLL-2003 style file (eng.testb)")
		export = flag.String("export", "", "write the documents as JSON Lines for ner_spacy.py to this file")
		spaced = flag.Bool("spaced", false, "join tokens with single spaces instead of writing them as news copy")
		verb   = flag.Bool("v", false, "list kg's errors by category")
	)
	flag.Parse()
	if *data == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: ner -data FILE [-export FILE] [-spaced] [-v]")
		os.Exit(2)
	}
	if err := run(os.Stdout, *data, *export, *spaced, *verb); err != nil {
		fmt.Fprintln(os.Stderr, "ner:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, path, export string, spaced, verbose bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	docs, err := readCoNLL(f, spaced)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if export != "" {
		if err := writeExport(export, docs); err != nil {
			return err
		}
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	an := newAnalyzer()
	var all []docResult
	for i := range docs {
		r, err := runDoc(x, &docs[i])
		if err != nil {
			return err
		}
		all = append(all, r)
	}
	fmt.Fprintf(w, "%s: %d documents, %d sentences, %d tokens\n", path, len(docs), countSents(docs), countToks(docs))
	report(w, all)
	an.analyze(w, all, verbose)
	return nil
}

func countSents(docs []doc) int {
	n := 0
	for _, d := range docs {
		n += len(d.Sents)
	}
	return n
}

func countToks(docs []doc) int {
	n := 0
	for _, d := range docs {
		n += len(d.Tokens)
	}
	return n
}

// kgLabel maps kg entity types to the CoNLL labels.
var kgLabel = map[schema.EntityType]string{
	schema.Person: "PER", schema.Organization: "ORG", schema.Country: "LOC", schema.Location: "LOC",
}

// scored are the labels scored.
var scored = []string{"PER", "ORG", "LOC"}

type docResult struct {
	d          *doc
	pred       []span
	misaligned []string // kg mentions whose ends fall inside tokens
	kgTypes    map[[2]int]schema.EntityType
}

// runDoc extracts one document and maps kg's mentions to token spans.
func runDoc(x *extract.Extractor, d *doc) (docResult, error) {
	ex, err := x.Extract(context.Background(), schema.Article{Ref: d.ID, Text: d.Text})
	if err != nil {
		return docResult{}, err
	}
	byStart, byEnd := d.tokenIndex()
	r := docResult{d: d, kgTypes: map[[2]int]schema.EntityType{}}
	seen := map[span]bool{}
	for _, e := range ex.Entities {
		lab, ok := kgLabel[e.Type]
		if !ok {
			continue
		}
		for _, m := range e.Mentions {
			i, ok1 := byStart[m.Start]
			j, ok2 := byEnd[m.End]
			if !ok1 || !ok2 || j < i || d.sentOf(i) != d.sentOf(j) {
				r.misaligned = append(r.misaligned, fmt.Sprintf("%q (%s)", d.Text[m.Start:m.End], e.Type))
				continue
			}
			s := span{From: i, To: j + 1, Type: lab}
			if !seen[s] {
				seen[s] = true
				r.pred = append(r.pred, s)
				r.kgTypes[[2]int{s.From, s.To}] = e.Type
			}
		}
	}
	sort.Slice(r.pred, func(a, b int) bool {
		if r.pred[a].From != r.pred[b].From {
			return r.pred[a].From < r.pred[b].From
		}
		return r.pred[a].To < r.pred[b].To
	})
	return r, nil
}

type prf struct{ tp, fp, fn int }

func (c prf) String() string {
	p, r := ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %5.1f  R %5.1f  F1 %5.1f   (tp %d, fp %d, fn %d)", 100*p, 100*r, 100*f, c.tp, c.fp, c.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// count scores one document: strict spans over the scored labels. A
// predicted span is a true positive when a gold span has the same
// boundaries and label; misaligned mentions count as false positives.
func count(r docResult, byType map[string]*prf) {
	gold := map[span]bool{}
	for _, g := range r.d.Gold {
		if isScored(g.Type) {
			gold[g] = true
		}
	}
	for _, p := range r.pred {
		c := byType[p.Type]
		if gold[p] {
			c.tp++
		} else {
			c.fp++
		}
	}
	for g := range gold {
		if !containsSpan(r.pred, g) {
			byType[g.Type].fn++
		}
	}
}

func isScored(t string) bool { return t == "PER" || t == "ORG" || t == "LOC" }

func containsSpan(ss []span, s span) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func report(w io.Writer, all []docResult) {
	fmt.Fprintf(w, "kg, strict spans, micro-averaged over PER ORG LOC:\n")
	byType, mis := score(all, nil)
	tot := total(byType)
	tot.fp += mis // misaligned mentions are wrong predictions of no scored type
	for _, t := range scored {
		fmt.Fprintf(w, "  %-7s %s\n", t, byType[t])
	}
	fmt.Fprintf(w, "  %-7s %s\n", "overall", tot)
	fmt.Fprintf(w, "  (overall fp includes %d kg mentions that do not fall on token boundaries)\n", mis)
	caps, _ := score(all, func(d *doc, si int) bool { return allCaps(d, si) })
	fmt.Fprintf(w, "  %-22s %s\n", "all-caps sentences", total(caps))
	sp, _ := score(all, func(d *doc, _ int) bool { return isSports(d) })
	fmt.Fprintf(w, "  %-22s %s\n", "sports reports", total(sp))
	other, _ := score(all, func(d *doc, _ int) bool { return !isSports(d) })
	fmt.Fprintf(w, "  %-22s %s\n", "other documents", total(other))
}

// score counts over all documents, keeping only the gold and predicted
// spans of the sentences keep accepts (every sentence when keep is nil),
// and returns the per-type counts and the number of misaligned mentions.
func score(all []docResult, keep func(d *doc, si int) bool) (map[string]*prf, int) {
	byType := map[string]*prf{"PER": {}, "ORG": {}, "LOC": {}}
	mis := 0
	for _, r := range all {
		if keep == nil {
			count(r, byType)
			mis += len(r.misaligned)
			continue
		}
		sub := docResult{d: &doc{}}
		*sub.d = *r.d
		sub.d.Gold = nil
		for _, g := range r.d.Gold {
			if keep(r.d, r.d.sentOf(g.From)) {
				sub.d.Gold = append(sub.d.Gold, g)
			}
		}
		for _, p := range r.pred {
			if keep(r.d, r.d.sentOf(p.From)) {
				sub.pred = append(sub.pred, p)
			}
		}
		count(sub, byType)
	}
	return byType, mis
}

func total(byType map[string]*prf) prf {
	var t prf
	for _, k := range scored {
		t.tp += byType[k].tp
		t.fp += byType[k].fp
		t.fn += byType[k].fn
	}
	return t
}

// allCaps reports whether sentence si is written in capitals (a headline):
// at least four cased letters, nine in ten of them upper case.
func allCaps(d *doc, si int) bool {
	if si < 0 {
		return false
	}
	up, low := 0, 0
	for k := d.Sents[si][0]; k < d.Sents[si][1]; k++ {
		for _, r := range d.Tokens[k] {
			switch {
			case unicode.IsUpper(r):
				up++
			case unicode.IsLower(r):
				low++
			}
		}
	}
	return up+low >= 4 && up*10 >= (up+low)*9
}

type exportDoc struct {
	ID     string   `json:"id"`
	Text   string   `json:"text"`
	Tokens [][2]int `json:"tokens"`
	Sents  [][2]int `json:"sents"`
	Gold   []any    `json:"gold"` // [from, to, label] token spans
}

func writeExport(path string, docs []doc) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, d := range docs {
		e := exportDoc{ID: d.ID, Text: d.Text, Sents: d.Sents}
		for i := range d.Tokens {
			e.Tokens = append(e.Tokens, [2]int{d.Start[i], d.End[i]})
		}
		e.Gold = []any{}
		for _, g := range d.Gold {
			e.Gold = append(e.Gold, []any{g.From, g.To, g.Type})
		}
		if err := enc.Encode(e); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
