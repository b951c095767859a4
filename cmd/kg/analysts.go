package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/names"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/graph/query"
	"github.com/kgraph/kg/schema"
)

// This file holds what the analysts' commands (entity, between,
// neighbors, path, timeline, export) share: flags, the resolution of the
// names typed, and JSON output. The answers are graph/query's; the
// tables are table.go's.

// analystFormats are the output formats of the analysts' commands.
var analystFormats = []string{"table", "json"}

func formatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: table or json"}
}

func checkFormat(f string) error {
	if !slices.Contains(analystFormats, f) {
		return usagef("--format %q: want table or json", f)
	}
	return nil
}

// nameArg returns the words of the arguments as one name: kg entity
// Dmitry Peskov needs no quotes.
func nameArg(c *cli.Context, cmd string) (string, error) {
	if err := flagsFirst(c, cmd); err != nil {
		return "", err
	}
	name := strings.TrimSpace(strings.Join(c.Args().Slice(), " "))
	if name == "" {
		return "", usagef("%s: give an entity NAME (a name, an alias or an ID)", cmd)
	}
	return name, nil
}

// flagsFirst reports a usage error when an argument looks like a flag:
// flags go before the names (kg entity --format json NAME), and a flag
// after them would otherwise be taken for a word of a name.
func flagsFirst(c *cli.Context, cmd string) error {
	for _, a := range c.Args().Slice() {
		if len(a) > 1 && a[0] == '-' && (a[1] == '-' || unicode.IsLetter(rune(a[1]))) {
			return usagef("%s: flag %s after the names: give flags first (kg %s [flags] ...)", cmd, a, cmd)
		}
	}
	return nil
}

// concat joins lists of flags.
func concat(lists ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// filterFlags are the flags of graph.Filter; dates only when dates is set.
func filterFlags(dates bool) []cli.Flag {
	const cat = "Filters"
	fs := []cli.Flag{
		&cli.StringSliceFlag{Name: "types", Aliases: []string{"t"}, Category: cat, Usage: "keep relations of the types `T,...` only (repeatable)"},
		&cli.Float64Flag{Name: "min-confidence", Category: cat, Usage: "keep relations of confidence `X` (0 to 1) or more"},
	}
	if dates {
		fs = append(fs,
			&cli.StringFlag{Name: "since", Category: cat, Usage: "keep relations dated on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)"},
			&cli.StringFlag{Name: "until", Category: cat, Usage: "keep relations dated on or before `DATE`"},
			&cli.StringFlag{Name: "tense", Category: cat,
				Usage: "`past` leaves out planned events (tense future), future keeps only them (default: both)"})
	}
	return fs
}

// viaRolesFlag is the flag of query.Options.ViaRoles.
func viaRolesFlag() cli.Flag {
	return &cli.BoolFlag{Name: "via-roles", Aliases: []string{"r"}, Category: "Filters",
		Usage: "count the relations of the entity's officials (HOLDS_ROLE) and bodies (PART_OF) too, marked with who acted"}
}

// filterFrom reads the filter flags, and reports usage errors in them.
func filterFrom(c *cli.Context) (graph.Filter, error) {
	types, err := parseTypes(c.StringSlice("types"))
	if err != nil {
		return graph.Filter{}, err
	}
	f := graph.Filter{Types: types, Since: c.String("since"), Until: c.String("until"), MinConfidence: c.Float64("min-confidence"),
		Tense: c.String("tense")}
	return f, checkFilter(f)
}

// checkFilter reports the usage errors of a filter.
func checkFilter(f graph.Filter) error {
	if err := f.Validate(); err != nil {
		return usageError{err}
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return usagef("--min-confidence %v: want a number from 0 to 1", f.MinConfidence)
	}
	return nil
}

// parseTypes reads --types values: comma-separated relation types, in any
// case, "-" standing for "_".
func parseTypes(vals []string) ([]schema.RelationType, error) {
	var out []schema.RelationType
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			t := schema.RelationType(strings.ToUpper(strings.ReplaceAll(s, "-", "_")))
			if !t.Valid() {
				return nil, usagef("--types: unknown relation type %q (want one of %s)", s, relationTypeList())
			}
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out, nil
}

func relationTypeList() string {
	var names []string
	for _, t := range schema.RelationTypes() {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

// openEntities checks the output format and the source, opens the source
// and resolves each name to one entity (an ambiguous or unknown name is an
// error). The caller closes the source.
func (o sourceOptions) openEntities(ctx context.Context, format string, names []string, stderr io.Writer) (port.Reader, []schema.Entity, error) {
	if err := checkFormat(format); err != nil {
		return nil, nil, err
	}
	if err := o.check(); err != nil {
		return nil, nil, err
	}
	r, err := o.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	var ents []schema.Entity
	for _, n := range names {
		e, err := resolve(ctx, r, n, stderr)
		if err != nil {
			r.Close()
			return nil, nil, err
		}
		ents = append(ents, e)
	}
	return r, ents, nil
}

// lookup is how the analysts' commands read names: the countries and the
// known words of the embedded gazetteer.
func lookup() query.Lookup {
	known := knownWords()
	return query.Lookup{Countries: countries(), Known: func(w string) bool { return known[w] }}
}

// resolve returns the one entity name designates (see
// query.Lookup.Resolve). When name is ambiguous its candidates are listed
// on stderr, and when it only matches close spellings of a word that
// names something else, those; when it is taken for an entity it does
// not name exactly (a country's other name or code, another spelling, a
// part of a name, a misspelling), stderr says which entity and why.
func resolve(ctx context.Context, r port.Reader, name string, stderr io.Writer) (schema.Entity, error) {
	res, err := lookup().Resolve(ctx, r, name)
	var amb *query.AmbiguousError
	var unc *query.UncertainError
	switch {
	case errors.As(err, &amb):
		printCandidates(stderr, amb.Name, amb.Candidates, "matches")
	case errors.As(err, &unc):
		printCandidates(stderr, unc.Name, unc.Candidates, "is a known name (not taken for a misspelling); close spellings of it in the graph:")
	}
	if err != nil {
		return schema.Entity{}, err
	}
	e := res.Entity
	why := ""
	switch {
	case res.Country:
		why = "a name or code of the country"
	case res.Match == names.Variant:
		why = "another spelling of its name"
	case res.Match == names.Words:
		why = "the only partial match"
	case res.Match == names.Close:
		why = "the only close spelling"
	}
	if why != "" {
		fmt.Fprintf(stderr, "kg: %q taken to be %s (%s %s): %s\n", name, oneLine(e.Name), e.Type, e.ID, why)
	}
	return e, nil
}

// answer writes v as JSON when format is json, else as render writes it.
func answer(w io.Writer, format string, v any, render func(*table)) error {
	if format == "json" {
		return writeJSONValue(w, v)
	}
	var t table
	render(&t)
	return t.flush(w)
}

// writeJSONValue writes v as indented JSON, HTML characters unescaped
// and invisible characters escaped (schema.EscapeInvisibleJSON).
func writeJSONValue(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(schema.EscapeInvisibleJSON(buf.Bytes()))
	return err
}
