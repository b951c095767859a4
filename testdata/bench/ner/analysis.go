package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kgraph/kg/extract"
)

// sports are the first words of the headlines of sports reports ("SOCCER -
// ...", "NHL ICE HOCKEY - ...", "SKIING-...").
var sports = map[string]bool{
	"SOCCER": true, "FOOTBALL": true, "CRICKET": true, "RUGBY": true, "NHL": true, "NBA": true,
	"NFL": true, "GOLF": true, "SQUASH": true, "BASKETBALL": true, "BADMINTON": true,
	"TENNIS": true, "SPEED": true, "SKIING": true, "SKI": true, "ATHLETICS": true,
	"CYCLING": true, "BOXING": true, "MOTOR": true, "MOTORCYCLING": true, "HORSE": true,
	"BASEBALL": true, "ICE": true, "ALPINE": true, "FREESTYLE": true, "SWIMMING": true,
	"VOLLEYBALL": true, "HANDBALL": true, "ROWING": true, "SAILING": true, "YACHTING": true,
	"SNOOKER": true, "DARTS": true, "FORMULA": true, "TABLE": true, "JUDO": true,
	"WRESTLING": true, "FENCING": true, "HOCKEY": true,
}

func isSports(d *doc) bool {
	if len(d.Tokens) == 0 {
		return false
	}
	w := strings.Split(d.Tokens[0], "-")[0]
	return sports[w]
}

type analyzer struct {
	demonyms map[string]bool
}

func newAnalyzer() *analyzer {
	a := &analyzer{demonyms: map[string]bool{}}
	for _, g := range extract.DefaultGazetteer() {
		for _, dm := range g.Demonyms {
			a.demonyms[dm] = true
			a.demonyms[strings.ToUpper(dm)] = true
		}
	}
	return a
}

// errItem is one error with where it occurred, for listings.
type errItem struct {
	doc, text, what, sent string
}

type tally struct {
	n     int
	items []errItem
}

func (t *tally) add(e errItem) { t.n++; t.items = append(t.items, e) }

// analyze sorts kg's false negatives and false positives by kind and by
// named category and prints the counts (and the errors with verbose).
func (a *analyzer) analyze(w io.Writer, all []docResult, verbose bool) {
	kinds := map[string]*tally{}
	cats := map[string]*tally{}
	get := func(m map[string]*tally, k string) *tally {
		if m[k] == nil {
			m[k] = &tally{}
		}
		return m[k]
	}
	var nFN, nFP int
	for _, r := range all {
		d := r.d
		sportsDoc := isSports(d)
		goldAt := map[[2]int]string{} // every gold span, MISC included
		for _, g := range d.Gold {
			goldAt[[2]int{g.From, g.To}] = g.Type
		}
		predAt := map[[2]int][]string{}
		for _, p := range r.pred {
			predAt[[2]int{p.From, p.To}] = append(predAt[[2]int{p.From, p.To}], p.Type)
		}
		item := func(s span, what string) errItem {
			si := d.sentOf(s.From)
			sent := d.Text[d.Start[d.Sents[si][0]]:d.End[d.Sents[si][1]-1]]
			return errItem{doc: d.ID, text: d.text(s), what: what, sent: sent}
		}
		// False negatives.
		for _, g := range d.Gold {
			if !isScored(g.Type) || containsSpan(r.pred, g) {
				continue
			}
			nFN++
			caps := allCaps(d, d.sentOf(g.From))
			var kind, what string
			if ts := predAt[[2]int{g.From, g.To}]; len(ts) > 0 {
				kind = fmt.Sprintf("wrong type: gold %s, kg %s", g.Type, strings.Join(ts, "/"))
				what = kind
			} else if ov := overlapping(r.pred, g); ov != nil {
				kind = fmt.Sprintf("wrong boundaries: gold %s, kg %s", g.Type, ov.Type)
				what = fmt.Sprintf("%s %q", kind, d.text(*ov))
			} else {
				kind = "not found: gold " + g.Type
				what = kind
			}
			it := item(g, what)
			get(kinds, "FN "+kind).add(it)
			if caps {
				get(cats, "FN in all-caps sentences (headlines)").add(it)
			}
			if sportsDoc {
				get(cats, "FN in sports reports").add(it)
				if g.Type == "ORG" {
					get(cats, "FN sports teams and clubs (gold ORG in sports reports): "+kind).add(it)
				}
			}
			if g.Type == "PER" && g.To-g.From == 1 && strings.HasPrefix(kind, "not found") {
				get(cats, "FN one-word person names not found (surname alone)").add(it)
			}
			if si := d.sentOf(g.From); si == 1 && looksDateline(d, si) {
				get(cats, "FN dateline places (\"ROME 1996-12-06\")").add(it)
			}
		}
		// False positives.
		for _, p := range r.pred {
			gt, exact := goldAt[[2]int{p.From, p.To}]
			if exact && gt == p.Type {
				continue
			}
			nFP++
			var kind, what, goldSide string
			switch ov := overlapping(d.Gold, p); {
			case exact:
				kind = fmt.Sprintf("wrong type: gold %s, kg %s", gt, p.Type)
				what, goldSide = kind, "gold "+gt+" same span"
			case ov != nil:
				kind = fmt.Sprintf("wrong boundaries: gold %s, kg %s", ov.Type, p.Type)
				what = fmt.Sprintf("%s (gold %q)", kind, d.text(*ov))
				goldSide = "gold " + ov.Type + " other span"
			default:
				kind = "spurious: kg " + p.Type
				what, goldSide = kind, "no gold entity there"
			}
			it := item(p, what)
			get(kinds, "FP "+kind).add(it)
			caps := allCaps(d, d.sentOf(p.From))
			if caps {
				get(cats, "FP in all-caps sentences (headlines)").add(it)
			}
			if sportsDoc {
				get(cats, "FP in sports reports").add(it)
			}
			if p.Type == "LOC" && p.To-p.From == 1 && a.demonyms[d.Tokens[p.From]] {
				get(cats, "FP nationality adjectives as countries (kg LOC on a demonym): "+goldSide).add(it)
			}
			if p.Type == "PER" && p.To-p.From >= 2 {
				get(cats, "FP multi-word names typed Person: "+goldSide).add(it)
			}
		}
		for _, m := range r.misaligned {
			nFP++
			get(kinds, "FP off token boundaries").add(errItem{doc: d.ID, text: m, what: "off token boundaries"})
		}
	}
	fmt.Fprintf(w, "\nkg errors: %d false negatives, %d false positives\n", nFN, nFP)
	fmt.Fprintln(w, "by kind:")
	printTallies(w, kinds, verbose)
	fmt.Fprintln(w, "by category (an error may be in several):")
	printTallies(w, cats, verbose)
}

func printTallies(w io.Writer, m map[string]*tally, verbose bool) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]].n != m[keys[j]].n {
			return m[keys[i]].n > m[keys[j]].n
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		fmt.Fprintf(w, "  %5d  %s\n", m[k].n, k)
		if !verbose {
			continue
		}
		for _, it := range m[k].items {
			fmt.Fprintf(w, "         %s %q  [%s]  | %s\n", it.doc, it.text, it.what, it.sent)
		}
	}
}

// overlapping returns a span of ss that overlaps s without being s.
func overlapping(ss []span, s span) *span {
	for i := range ss {
		x := ss[i]
		if x.From < s.To && s.From < x.To && (x.From != s.From || x.To != s.To) {
			return &ss[i]
		}
	}
	return nil
}

// looksDateline reports whether sentence si is a dateline: short, ending
// with a date token (1996-12-06).
func looksDateline(d *doc, si int) bool {
	s := d.Sents[si]
	if s[1]-s[0] > 8 {
		return false
	}
	last := d.Tokens[s[1]-1]
	return len(last) == 10 && last[4] == '-' && last[7] == '-'
}
