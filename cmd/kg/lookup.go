package main

import (
	"strings"
	"sync"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// countries is the table of the countries of the embedded gazetteer:
// each by its canonical name and its other names and codes ("United
// States": "U.S.", "USA", "America", ...). The resolver of kg build and
// kg load, and the look-up of the analysts' commands, read it.
var countries = sync.OnceValue(func() *graph.Countries {
	var cs []graph.CountryNames
	for _, e := range extract.DefaultGazetteer() {
		if e.Type == string(schema.Country) {
			cs = append(cs, graph.CountryNames{Name: e.Name, Forms: e.Aliases})
		}
	}
	return graph.NewCountries(cs)
})

// knownWords is the set of the words of the names of the embedded
// gazetteer (names, aliases, demonyms and metonyms of states,
// organizations, places and groups), normalized: a word an analyst types
// that is one of them names something ("Pskov", "America"), and is never
// taken for a misspelling of another word.
var knownWords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, e := range extract.DefaultGazetteer() {
		for _, list := range [][]string{{e.Name}, e.Aliases, e.Demonyms, e.Metonyms} {
			for _, n := range list {
				for _, w := range strings.Fields(schema.NormalizeName(n)) {
					m[w] = true
				}
			}
		}
	}
	return m
})
