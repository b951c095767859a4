package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kgraph/kg/schema"
)

// Filter selects the relations a subgraph walks and keeps. The zero value
// keeps every relation.
//
// A relation passes when its type is one of Types (any type when Types is
// empty), its confidence is at least MinConfidence, its date lies within
// [Since, Until] (either bound may be empty), and its article's source is
// one of Sources (any source when Sources is empty; compared ignoring
// case, so "reuters" keeps Reuters' articles; a relation whose article has
// no source, or is not in the graph, passes only when Sources is empty).
//
// Dates are compared as strings on their common prefix, so a relation
// dated "2024-03" (month precision) passes Since "2024-03-15": its month
// overlaps the range. A relation with no date of its own takes its
// article's published date; a relation with neither passes only when Since
// and Until are both empty: when the analyst asks for a date range, an
// undated relation cannot be shown to fall in it.
//
// Tense TensePast leaves out planned events (relations whose Tense is
// schema.TenseFuture), TenseFuture keeps only them; empty keeps both.
type Filter struct {
	Types         []schema.RelationType
	Since, Until  string // YYYY, YYYY-MM or YYYY-MM-DD
	MinConfidence float64
	Tense         string   // "", TensePast or TenseFuture
	Sources       []string // article sources, such as Reuters or AFP
}

// Values of Filter.Tense.
const (
	// TensePast keeps what happened: relations that are not planned
	// events.
	TensePast = "past"
	// TenseFuture keeps planned events only.
	TenseFuture = schema.TenseFuture
)

// Validate reports whether f's types are ontology types, its dates have
// the form YYYY, YYYY-MM or YYYY-MM-DD, with Since not after Until, and
// its sources are not empty strings.
func (f Filter) Validate() error {
	for _, t := range f.Types {
		if !t.Valid() {
			return fmt.Errorf("unknown relation type %q", string(t))
		}
	}
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v != "" && !validDate(d.v) {
			return fmt.Errorf("%s date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.Since != "" && f.Until != "" && !datesOrdered(f.Since, f.Until) {
		return fmt.Errorf("since date %s is after until date %s", f.Since, f.Until)
	}
	if f.Tense != "" && f.Tense != TensePast && f.Tense != TenseFuture {
		return fmt.Errorf("tense %q: want %s or %s", f.Tense, TensePast, TenseFuture)
	}
	if slices.Contains(f.Sources, "") {
		return errors.New("empty source name")
	}
	return nil
}

// validDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD (digits and
// dashes in place; month and day ranges are not checked beyond 01-12 and
// 01-31).
func validDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch i {
		case 4, 7:
			if s[i] != '-' {
				return false
			}
		default:
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
	}
	if len(s) >= 7 && (s[5:7] < "01" || s[5:7] > "12") {
		return false
	}
	if len(s) == 10 && (s[8:10] < "01" || s[8:10] > "31") {
		return false
	}
	return true
}

// datesOrdered reports whether a is not after b, compared on their common
// prefix.
func datesOrdered(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] <= b[:n]
}

// Pass reports whether r passes f; published and source are the
// publication date of r's article, which an undated relation takes as its
// own, and its source.
func (f Filter) Pass(r schema.Relation, published, source string) bool {
	if len(f.Types) > 0 && !slices.Contains(f.Types, r.Type) {
		return false
	}
	if r.Confidence < f.MinConfidence {
		return false
	}
	if future := r.Tense == schema.TenseFuture; f.Tense == TensePast && future || f.Tense == TenseFuture && !future {
		return false
	}
	if len(f.Sources) > 0 && (source == "" || !slices.ContainsFunc(f.Sources, func(s string) bool { return strings.EqualFold(s, source) })) {
		return false
	}
	if f.Since == "" && f.Until == "" {
		return true
	}
	d := r.Date
	if d == "" {
		d = published
	}
	if len(d) > 10 {
		d = d[:10] // the YYYY-MM-DD prefix of a timestamp
	}
	if d == "" {
		return false
	}
	if f.Since != "" && !datesOrdered(f.Since, d) {
		return false
	}
	if f.Until != "" && !datesOrdered(d, f.Until) {
		return false
	}
	return true
}
