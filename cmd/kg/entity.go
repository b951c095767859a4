package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// This file holds kg entity and what the analysts' commands (entity,
// between, neighbors, path, timeline) share: the --format flag, the JSON
// shapes of entities and relations, aligned tables.

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

type entityOptions struct {
	Name   string
	Format string
	Source sourceOptions
}

func entityCommand() *cli.Command {
	return &cli.Command{
		Name:      "entity",
		Usage:     "show an entity: type, aliases, roles, mentions and relations by type",
		ArgsUsage: "NAME",
		Description: `Shows the entity NAME designates: its type, ID, aliases and mention count, the roles it
holds (HOLDS_ROLE, with the title and where), and its relations grouped by type,
direction (-> it is the subject, <- the object) and counterparty, with counts.

NAME is a name or an alias, matched ignoring case and accents (a partial or misspelt
name is taken when it designates one entity only), or an entity ID; the words of
NAME need no quotes. A name that several entities share lists them (name, type, ID,
mentions) and fails: give one of their IDs instead.

Reads Neo4j when NEO4J_URI or --neo4j-uri is set, else the local graph file
(--graph FILE, default ` + defaultOut + `).

Example:
  kg entity Dmitry Peskov
  kg entity --format json peskov`,
		Flags: append([]cli.Flag{formatFlag()}, sourceFlags()...),
		Action: func(c *cli.Context) error {
			name, err := nameArg(c, "entity")
			if err != nil {
				return err
			}
			opts := entityOptions{Name: name, Format: c.String("format"), Source: sourceOptionsFrom(c)}
			return runEntity(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runEntity(ctx context.Context, opts entityOptions, stdout, stderr io.Writer) error {
	src, done, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.Name}, stderr)
	if err != nil {
		return err
	}
	defer done()
	e := ents[0]
	star, err := src.Star(ctx, e.ID, graph.Filter{})
	if err != nil {
		return err
	}
	r := newRefs(star)
	out := entityReport{Entity: entityJSON(e), RelationCounts: map[string]int{}, Roles: []roleJSON{}, Relations: []groupJSON{}}
	groups := make(map[[3]string]*groupJSON)
	for _, rel := range star.Relations {
		out.RelationCounts[string(rel.Type)]++
		if rel.Type == schema.HoldsRole && rel.Subject == e.ID {
			out.Roles = append(out.Roles, roleJSON{Role: rel.Role, At: r.entity(rel.Object), Date: rel.Date,
				Evidence: rel.Evidence, Article: r.article(rel.Article), Confidence: rel.Confidence})
		}
		dir, other := "->", rel.Object
		if rel.Subject != e.ID {
			dir, other = "<-", rel.Subject
		}
		k := [3]string{string(rel.Type), dir, other}
		if groups[k] == nil {
			groups[k] = &groupJSON{Type: string(rel.Type), Direction: dir, Counterparty: r.entity(other)}
		}
		groups[k].Count++
	}
	for _, g := range groups {
		out.Relations = append(out.Relations, *g)
	}
	slices.SortFunc(out.Relations, func(a, b groupJSON) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Direction, b.Direction), cmp.Compare(b.Count, a.Count),
			cmp.Compare(a.Counterparty.Name, b.Counterparty.Name), cmp.Compare(a.Counterparty.ID, b.Counterparty.ID))
	})
	slices.SortFunc(out.Roles, func(a, b roleJSON) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.At.Name, b.At.Name), cmp.Compare(a.Date, b.Date), cmp.Compare(a.Article.ID, b.Article.ID))
	})
	if opts.Format == "json" {
		return writeJSONValue(stdout, out)
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n", oneLine(e.Name))
	aliases := "-"
	if len(e.Aliases) > 0 {
		aliases = oneLine(strings.Join(e.Aliases, "; "))
	}
	rows := [][]string{
		{"type", string(e.Type)},
		{"id", e.ID},
		{"aliases", aliases},
		{"mentions", strconv.Itoa(e.Count)},
		{"relations", strconv.Itoa(len(star.Relations))},
	}
	writeRows(&b, "  ", nil, rows)
	if len(out.Roles) > 0 {
		// One row per role and place, with the articles that state it.
		fmt.Fprintf(&b, "\nroles held:\n")
		rows = rows[:0]
		index := make(map[[2]string]int)
		for _, ro := range out.Roles {
			role := ro.Role
			if role == "" {
				role = "(untitled)"
			}
			k := [2]string{strings.ToLower(role), ro.At.ID}
			i, ok := index[k]
			if !ok {
				i = len(rows)
				index[k] = i
				rows = append(rows, []string{role, ro.At.Name, "0", ""})
			}
			n, _ := strconv.Atoi(rows[i][2])
			rows[i][2] = strconv.Itoa(n + 1)
			if !slices.Contains(strings.Split(rows[i][3], ", "), ro.Article.Ref) {
				rows[i][3] = strings.TrimPrefix(rows[i][3]+", "+ro.Article.Ref, ", ")
			}
		}
		writeRows(&b, "  ", []string{"ROLE", "AT", "TIMES", "ARTICLES"}, rows)
	}
	if len(out.Relations) > 0 {
		var types []string
		for t := range out.RelationCounts {
			types = append(types, t)
		}
		slices.Sort(types)
		for i, t := range types {
			types[i] = fmt.Sprintf("%s %d", t, out.RelationCounts[t])
		}
		fmt.Fprintf(&b, "\nrelations by type (%s):\n", strings.Join(types, ", "))
		rows = rows[:0]
		for _, g := range out.Relations {
			rows = append(rows, []string{g.Type, g.Direction, g.Counterparty.Name, g.Counterparty.Type, strconv.Itoa(g.Count)})
		}
		writeRows(&b, "  ", []string{"TYPE", "DIR", "COUNTERPARTY", "ITS TYPE", "COUNT"}, rows)
		b.WriteString("  (-> " + oneLine(e.Name) + " is the subject, <- the object)\n")
	}
	_, err = stdout.Write(b.Bytes())
	return err
}

// entityReport is kg entity's JSON.
type entityReport struct {
	Entity entityOut `json:"entity"`
	// RelationCounts counts the entity's relations by type.
	RelationCounts map[string]int `json:"relation_counts"`
	Roles          []roleJSON     `json:"roles"`
	Relations      []groupJSON    `json:"relations"`
}

// entityOut is an entity in the JSON of the analysts' commands.
type entityOut struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
}

func entityJSON(e schema.Entity) entityOut {
	as := e.Aliases
	if as == nil {
		as = []string{}
	}
	return entityOut{ID: e.ID, Name: e.Name, Type: string(e.Type), Aliases: as, Mentions: e.Count}
}

// entityRef names an entity in a relation.
type entityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// articleRef is the article a relation cites: its provenance.
type articleRef struct {
	ID        string `json:"id"`
	Ref       string `json:"ref,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

type roleJSON struct {
	Role       string     `json:"role"`
	At         entityRef  `json:"at"`
	Date       string     `json:"date,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   string     `json:"evidence"`
	Article    articleRef `json:"article"`
}

type groupJSON struct {
	Type         string    `json:"type"`
	Direction    string    `json:"direction"` // "->": the entity is the subject; "<-": the object
	Counterparty entityRef `json:"counterparty"`
	Count        int       `json:"count"`
}

// relationOut is a relation with its provenance in the JSON of the
// analysts' commands.
type relationOut struct {
	Key     string    `json:"key"`
	Type    string    `json:"type"`
	Subject entityRef `json:"subject"`
	Object  entityRef `json:"object"`
	// Date is the event's date, when the text gives it; When is Date, or
	// else the article's publication date.
	Date       string     `json:"date,omitempty"`
	When       string     `json:"when,omitempty"`
	Tense      string     `json:"tense,omitempty"`
	Role       string     `json:"role,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   string     `json:"evidence"`
	Article    articleRef `json:"article"`
	Sentence   int        `json:"sentence"`
	Start      int        `json:"start"`
	End        int        `json:"end"`
}

// refs looks up the entities and articles of a graph for output.
type refs struct {
	entities map[string]schema.Entity
	articles map[string]schema.Article
}

func newRefs(g *graph.Graph) refs {
	r := refs{entities: make(map[string]schema.Entity), articles: make(map[string]schema.Article)}
	for _, e := range g.Entities {
		r.entities[e.ID] = e
	}
	for _, a := range g.Articles {
		r.articles[a.ID] = a
	}
	return r
}

func (r refs) entity(id string) entityRef {
	e, ok := r.entities[id]
	if !ok {
		return entityRef{ID: id, Name: id}
	}
	return entityRef{ID: id, Name: e.Name, Type: string(e.Type)}
}

// article returns the article with the given ID; Ref is the reference the
// input gave, else the ID, so that tables always have something to show.
func (r refs) article(id string) articleRef {
	a, ok := r.articles[id]
	if !ok {
		return articleRef{ID: id, Ref: id}
	}
	ref := a.Ref
	if ref == "" {
		ref = a.ID
	}
	return articleRef{ID: a.ID, Ref: ref, Title: a.Title, Source: a.Source, Published: a.Published, URL: a.URL}
}

func (r refs) relation(rel schema.Relation) relationOut {
	a := r.article(rel.Article)
	when := rel.Date
	if when == "" {
		when = a.Published
	}
	return relationOut{
		Key: rel.Key, Type: string(rel.Type), Subject: r.entity(rel.Subject), Object: r.entity(rel.Object),
		Date: rel.Date, When: when, Tense: rel.Tense, Role: rel.Role, Confidence: rel.Confidence,
		Evidence: rel.Evidence, Article: a, Sentence: rel.Sentence, Start: rel.Start, End: rel.End,
	}
}

// byDate sorts relations in date order (When), undated last; relations
// of the same date by article and in text order, then by key.
func byDate(rs []relationOut) {
	slices.SortFunc(rs, func(a, b relationOut) int {
		if (a.When == "") != (b.When == "") {
			if a.When == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.When, b.When), cmp.Compare(a.Article.ID, b.Article.ID),
			cmp.Compare(a.Start, b.Start), cmp.Compare(a.Key, b.Key))
	})
}

// relationRows are the table rows of relations: when, subject, type,
// object, confidence, article, evidence. A date that is the article's
// publication date, the relation having none, is marked with a "*".
func relationRows(rs []relationOut) (cols []string, rows [][]string, starred bool) {
	cols = []string{"DATE", "SUBJECT", "TYPE", "OBJECT", "CONF", "ARTICLE", "EVIDENCE"}
	for _, r := range rs {
		when := r.When
		if r.Date == "" && when != "" {
			when += "*"
			starred = true
		}
		typ := r.Type
		if r.Role != "" {
			typ += " (" + r.Role + ")"
		}
		if r.Tense == "future" {
			typ += " [future]"
		}
		rows = append(rows, []string{when, r.Subject.Name, typ, r.Object.Name,
			strconv.FormatFloat(r.Confidence, 'f', 2, 64), r.Article.Ref, r.Evidence})
	}
	return cols, rows, starred
}

// writeRelations writes relations as an aligned table, with a note on
// starred dates.
func writeRelations(b *bytes.Buffer, indent string, rs []relationOut) {
	cols, rows, starred := relationRows(rs)
	writeRows(b, indent, cols, rows)
	if starred {
		b.WriteString(indent + "(* the article's publication date: the text gives no date)\n")
	}
}

// writeRows writes an aligned table: the header (when cols is not nil)
// and a rule, then the rows, each line after indent. Line breaks and tabs
// in cells are shown as spaces; the last column is not padded, so long
// evidence sentences go last.
func writeRows(b *bytes.Buffer, indent string, cols []string, rows [][]string) {
	all := rows
	if cols != nil {
		all = append([][]string{cols}, rows...)
	}
	var widths []int
	for _, row := range all {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], len([]rune(oneLine(c))))
		}
	}
	line := func(row []string) {
		b.WriteString(indent)
		for i, c := range row {
			c = oneLine(c)
			if i == len(row)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(c))+2))
		}
		b.WriteByte('\n')
	}
	if cols != nil {
		line(cols)
		rule := make([]string, len(cols))
		for i := range cols {
			rule[i] = strings.Repeat("-", max(widths[i], 1))
		}
		line(rule)
	}
	for _, row := range rows {
		line(row)
	}
}

// writeJSONValue writes v as indented JSON, HTML characters unescaped.
func writeJSONValue(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
