package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

type neighborsOptions struct {
	Name   string
	Filter graph.Filter
	Format string
	Source sourceOptions
}

func neighborsCommand() *cli.Command {
	return &cli.Command{
		Name:      "neighbors",
		Aliases:   []string{"neighbours"},
		Usage:     "list the entities an entity has relations with",
		ArgsUsage: "NAME",
		Description: `Lists the entities one relation away from the entity NAME, in either direction, the
most related first: each with its type, the number of relations, the relation types
and directions (-> NAME is the subject, <- the object), and the first and last dates.
The filters choose the relations that count.

NAME is a name or an alias (matched ignoring case and accents; no quotes needed) or an
entity ID. A name that several entities share lists them and fails.

Reads Neo4j when NEO4J_URI or --neo4j-uri is set, else the local graph file
(--graph FILE, default ` + defaultOut + `).

Example:
  kg neighbors Russia
  kg neighbors --types ACCUSES,DENIES,WARNS --since 2024 --min-confidence 0.7 Russia`,
		Flags: concat([]cli.Flag{formatFlag()}, filterFlags(true), sourceFlags()),
		Action: func(c *cli.Context) error {
			name, err := nameArg(c, "neighbors")
			if err != nil {
				return err
			}
			f, err := filterFrom(c)
			if err != nil {
				return err
			}
			opts := neighborsOptions{Name: name, Filter: f, Format: c.String("format"), Source: sourceOptionsFrom(c)}
			return runNeighbors(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// neighborsReport is kg neighbors' JSON.
type neighborsReport struct {
	Entity    entityOut      `json:"entity"`
	Neighbors []neighborJSON `json:"neighbors"`
}

type neighborJSON struct {
	Entity    entityRef     `json:"entity"`
	Count     int           `json:"count"`
	Relations []relationOut `json:"relations"` // in date order
}

func runNeighbors(ctx context.Context, opts neighborsOptions, stdout, stderr io.Writer) error {
	src, done, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.Name}, stderr)
	if err != nil {
		return err
	}
	defer done()
	e := ents[0]
	star, err := src.Star(ctx, e.ID, opts.Filter)
	if err != nil {
		return err
	}
	r := newRefs(star)
	byID := make(map[string]*neighborJSON)
	for _, rel := range star.Relations {
		other := rel.Object
		if other == e.ID {
			other = rel.Subject
		}
		n := byID[other]
		if n == nil {
			n = &neighborJSON{Entity: r.entity(other)}
			byID[other] = n
		}
		n.Count++
		n.Relations = append(n.Relations, r.relation(rel))
	}
	out := neighborsReport{Entity: entityJSON(e), Neighbors: []neighborJSON{}}
	for _, n := range byID {
		byDate(n.Relations)
		out.Neighbors = append(out.Neighbors, *n)
	}
	slices.SortFunc(out.Neighbors, func(a, b neighborJSON) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Entity.Name, b.Entity.Name), cmp.Compare(a.Entity.ID, b.Entity.ID))
	})
	if opts.Format == "json" {
		return writeJSONValue(stdout, out)
	}

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s (%s): %d %s\n", oneLine(e.Name), e.Type, len(out.Neighbors), plural(len(out.Neighbors), "neighbour", "neighbours"))
	if len(out.Neighbors) > 0 {
		var rows [][]string
		for _, n := range out.Neighbors {
			rows = append(rows, []string{n.Entity.Name, n.Entity.Type, strconv.Itoa(n.Count), first(n.Relations), last(n.Relations), typesOf(e.ID, n.Relations)})
		}
		buf.WriteByte('\n')
		writeRows(&buf, "", []string{"NEIGHBOUR", "TYPE", "RELATIONS", "FIRST", "LAST", "RELATION TYPES"}, rows)
		buf.WriteString("(-> " + oneLine(e.Name) + " is the subject, <- the object)\n")
	}
	_, err = stdout.Write(buf.Bytes())
	return err
}

// first and last return the earliest and latest dates of relations in
// date order.
func first(rs []relationOut) string {
	if len(rs) == 0 {
		return ""
	}
	return rs[0].When
}

func last(rs []relationOut) string {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].When != "" {
			return rs[i].When
		}
	}
	return ""
}

// typesOf summarizes the types and directions of an entity's relations:
// "ACCUSES <- x2, MEETS ->".
func typesOf(id string, rs []relationOut) string {
	counts := make(map[string]int)
	for _, r := range rs {
		dir := "->"
		if r.Subject.ID != id {
			dir = "<-"
		}
		counts[r.Type+" "+dir]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if n := counts[k]; n > 1 {
			keys[i] = fmt.Sprintf("%s x%d", k, n)
		}
	}
	return strings.Join(keys, ", ")
}
