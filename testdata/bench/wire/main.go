// Command wire scores kg's extractor on wire sentences with gold events coded
// by country: the PLOVER gold standard records (the example sentences of the
// CAMEO manual) or a PETRARCH validation file. Each sentence is extracted as
// an article of its own; kg's interaction relations are mapped to the gold's
// coding (entities to country codes, relation types to CAMEO roots) and
// compared with the gold events.
//
// Usage:
//
//	go run ./testdata/bench/wire -data FILE [-all] [-v]
//
// See testdata/bench/README.md for the data, the mapping and the scores.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

// wireCategories are the PETRARCH validation categories that hold sentences
// from news wires (AFP sentences of the GigaWord sample, the GOLD and TEST
// records); the others (DEMO, ACTOR, VERB, PASSIVE, OTHER, ...) test the
// coder's dictionaries and grammar on constructed sentences, most with
// made-up actors.
var wireCategories = map[string]bool{"AFP": true, "GOLD": true, "TEST": true}

// constructed lists the records of those categories that are nonetheless
// made-up test sentences, not wire copy ("... fired anti-aircraft batteries
// at Russia", "... meet in Zurich to discuss their music tastes").
var constructed = map[string]bool{"TEST_2": true, "TEST_3": true, "TEST_09": true, "TEST_11": true}

func main() {
	var (
		data = flag.String("data", "", "gold file: PLOVER_GSR_CAMEO.txt or a PETRARCH validation XML file")
		all  = flag.Bool("all", false, "score every PETRARCH record with events, not only the wire ones")
		verb = flag.Bool("v", false, "list the missed gold events and the unmatched kg relations")
	)
	flag.Parse()
	if *data == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: wire -data FILE [-all] [-v]")
		os.Exit(2)
	}
	if err := run(os.Stdout, *data, *all, *verb); err != nil {
		fmt.Fprintln(os.Stderr, "wire:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, path string, all, verbose bool) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	recs, err := readGold(raw)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sel, note := selectRecords(recs, all)
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	s, err := score(x, newCoder(), sel)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s\n%s\n", path, note)
	s.report(w)
	if verbose {
		s.listing(w)
	}
	return nil
}

// selectRecords keeps the records to score and says how they were chosen.
// PLOVER records are all wire sentences; PETRARCH records are kept when
// their category is a wire one and they are not constructed (or all of them
// with all). Records without a scorable event are dropped; a text filed
// twice is one sentence with the events of both.
func selectRecords(recs []record, all bool) ([]record, string) {
	var out []record
	seen := map[string]int{}
	var notWire, noEvents, dup, skipped int
	for _, r := range recs {
		petrarch := !strings.HasPrefix(r.ID, "PLOVER-")
		if petrarch && !all && (!wireCategories[r.Category] || constructed[r.ID]) {
			notWire++
			continue
		}
		skipped += r.Skipped
		if len(r.Events) == 0 {
			noEvents++
			continue
		}
		if i, ok := seen[r.Text]; ok {
			// The same sentence filed under two event categories: one
			// sentence with both events.
			for _, e := range r.Events {
				if !slices.ContainsFunc(out[i].Events, func(o event) bool {
					return o.Src == e.Src && o.Tgt == e.Tgt && o.Code == e.Code
				}) {
					out[i].Events = append(out[i].Events, e)
				}
			}
			out[i].Category += "+" + r.Category
			dup++
			continue
		}
		seen[r.Text] = len(out)
		out = append(out, r)
	}
	note := fmt.Sprintf("records: %d read, %d kept; dropped: %d not wire copy, %d without a dyadic event with country-coded actors, %d repeated texts (their events merged into the first); %d gold events dropped for an actor without country or IGO code or no target",
		len(recs), len(out), notWire, noEvents, dup, skipped)
	return out, note
}

type outcome int

const (
	hitTyped outcome = iota
	wrongType
	wrongActors
	noRelation
)

var outcomeName = map[outcome]string{hitTyped: "typed match", wrongType: "wrong type", wrongActors: "wrong actors", noRelation: "no relation"}

type goldResult struct {
	rec      *record
	ev       event
	out      outcome
	srcFound bool // some kg entity of the sentence has the source code
	tgtFound bool
	// why says, for a wrong-actors miss, what the nearest relation did:
	// joined the two actors the wrong way round, had an end with no code,
	// or joined other actors.
	why string
}

type sentResult struct {
	rec   *record
	preds []*pred
	gold  []goldResult
	ents  []string // "name (Type: codes)"
}

type scores struct {
	sents []sentResult
}

func score(x *extract.Extractor, c *coder, recs []record) (*scores, error) {
	s := &scores{}
	for i := range recs {
		r := &recs[i]
		ex, err := x.Extract(context.Background(), schema.Article{Ref: r.ID, Text: r.Text})
		if err != nil {
			return nil, err
		}
		codes := c.entityCodes(ex)
		names := map[string]string{}
		sr := sentResult{rec: r}
		for _, e := range ex.Entities {
			names[e.ID] = e.Name
			sr.ents = append(sr.ents, fmt.Sprintf("%s (%s: %s)", e.Name, e.Type, strings.Join(codes[e.ID], ",")))
		}
		seen := map[string]bool{}
		for _, rel := range ex.Relations {
			if !interaction[rel.Type] {
				continue
			}
			k := rel.Subject + "|" + string(rel.Type) + "|" + rel.Object
			if seen[k] {
				continue
			}
			seen[k] = true
			sr.preds = append(sr.preds, &pred{rel: rel, subj: names[rel.Subject], obj: names[rel.Object],
				subjCs: codes[rel.Subject], objCs: codes[rel.Object]})
		}
		allCodes := map[string]bool{}
		for _, cs := range codes {
			for _, code := range cs {
				allCodes[code] = true
			}
		}
		for _, e := range r.Events {
			g := goldResult{rec: r, ev: e, out: noRelation, srcFound: allCodes[e.Src], tgtFound: allCodes[e.Tgt]}
			if len(sr.preds) > 0 {
				g.out = wrongActors
			}
			for _, p := range sr.preds {
				if !matchActors(p, e) {
					continue
				}
				p.matched = true
				if matchType(p, e) {
					p.matchTy = true
					g.out = hitTyped
				} else if g.out != hitTyped {
					g.out = wrongType
				}
			}
			if g.out == wrongActors {
				g.why = "other actors"
				for _, p := range sr.preds {
					if len(p.subjCs) == 0 || len(p.objCs) == 0 {
						g.why = "an end with no code"
					}
				}
				for _, p := range sr.preds {
					if has(p.subjCs, e.Tgt) && has(p.objCs, e.Src) {
						g.why = "reversed"
					}
				}
			}
			sr.gold = append(sr.gold, g)
		}
		s.sents = append(s.sents, sr)
	}
	return s, nil
}

func pct(a, b int) string {
	if b == 0 {
		return "  n/a"
	}
	return fmt.Sprintf("%5.1f%%", 100*float64(a)/float64(b))
}

func (s *scores) report(w io.Writer) {
	var nGold, untyped, typed, nPred, pU, pT, unmapped, noType int
	byOut := map[outcome]int{}
	bothOut := map[outcome]int{} // misses whose two actors kg did find
	why := map[string]int{}
	var srcF, tgtF, bothF int
	type rootStat struct{ n, u, t int }
	byRoot := map[string]*rootStat{}
	for _, sr := range s.sents {
		for _, g := range sr.gold {
			nGold++
			byOut[g.out]++
			if g.srcFound && g.tgtFound {
				bothOut[g.out]++
			}
			if g.why != "" {
				why[g.why]++
			}
			if g.out == hitTyped || g.out == wrongType {
				untyped++
			}
			if g.out == hitTyped {
				typed++
			}
			if len(typesFor(g.ev.Code)) == 0 {
				noType++
			}
			if g.srcFound {
				srcF++
			}
			if g.tgtFound {
				tgtF++
			}
			if g.srcFound && g.tgtFound {
				bothF++
			}
			root := g.ev.Code[:2]
			rs := byRoot[root]
			if rs == nil {
				rs = &rootStat{}
				byRoot[root] = rs
			}
			rs.n++
			if g.out == hitTyped || g.out == wrongType {
				rs.u++
			}
			if g.out == hitTyped {
				rs.t++
			}
		}
		for _, p := range sr.preds {
			nPred++
			if p.matched {
				pU++
			}
			if p.matchTy {
				pT++
			}
			if len(p.subjCs) == 0 || len(p.objCs) == 0 {
				unmapped++
			}
		}
	}
	fmt.Fprintf(w, "sentences %d, gold events %d, kg interaction relations %d\n", len(s.sents), nGold, nPred)
	fmt.Fprintf(w, "event recall   untyped %s (%d/%d)   typed %s (%d/%d)\n", pct(untyped, nGold), untyped, nGold, pct(typed, nGold), typed, nGold)
	fmt.Fprintf(w, "precision      untyped %s (%d/%d)   typed %s (%d/%d)\n", pct(pU, nPred), pU, nPred, pct(pT, nPred), pT, nPred)
	fmt.Fprintf(w, "relations with an end mapped to no code (counted unmatched): %d/%d\n", unmapped, nPred)
	fmt.Fprintf(w, "gold events whose CAMEO code has no kg type (never typed): %d\n", noType)
	fmt.Fprintf(w, "misses: no relation %d, wrong actors %d, wrong type %d (of which both gold actors are among kg's entities: %d, %d, %d)\n",
		byOut[noRelation], byOut[wrongActors], byOut[wrongType], bothOut[noRelation], bothOut[wrongActors], bothOut[wrongType])
	fmt.Fprintf(w, "wrong actors: reversed %d, a relation with an end mapped to no code %d, other actors %d\n",
		why["reversed"], why["an end with no code"], why["other actors"])
	fmt.Fprintf(w, "gold actors present among kg's entities (by code): source %d, target %d, both %d of %d\n", srcF, tgtF, bothF, nGold)
	roots := make([]string, 0, len(byRoot))
	for r := range byRoot {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	fmt.Fprintf(w, "by CAMEO root: root, events, untyped, typed, kg types of the root and its sub-codes\n")
	for _, r := range roots {
		rs := byRoot[r]
		var ts []string
		for _, t := range typesFor(r) {
			ts = append(ts, string(t))
		}
		fmt.Fprintf(w, "  %s %4d %4d %4d  %s\n", r, rs.n, rs.u, rs.t, strings.Join(ts, " "))
	}
}

func (s *scores) listing(w io.Writer) {
	fmt.Fprintln(w, "\n== misses and unmatched relations")
	for _, sr := range s.sents {
		bad := false
		for _, g := range sr.gold {
			bad = bad || g.out != hitTyped
		}
		for _, p := range sr.preds {
			bad = bad || !p.matchTy
		}
		if !bad {
			continue
		}
		fmt.Fprintf(w, "\n%s [%s] %s\n", sr.rec.ID, sr.rec.Category, sr.rec.Text)
		for _, g := range sr.gold {
			what := outcomeName[g.out]
			if g.why != "" {
				what += ": " + g.why
			}
			fmt.Fprintf(w, "  gold %s -%s-> %s: %s (source %s, target %s)\n", g.ev.RawSrc, g.ev.Label, g.ev.RawTgt,
				what, found(g.srcFound), found(g.tgtFound))
		}
		for _, p := range sr.preds {
			st := "unmatched"
			switch {
			case p.matchTy:
				st = "typed match"
			case p.matched:
				st = "actors match, type does not"
			}
			fmt.Fprintf(w, "  kg   %s [%s] -%s-> %s [%s]: %s\n", p.subj, strings.Join(p.subjCs, ","), p.rel.Type,
				p.obj, strings.Join(p.objCs, ","), st)
		}
		fmt.Fprintf(w, "  entities: %s\n", strings.Join(sr.ents, "; "))
	}
}

func found(b bool) string {
	if b {
		return "found"
	}
	return "not found"
}
