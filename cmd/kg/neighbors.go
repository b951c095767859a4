package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/query"
)

type neighborsOptions struct {
	Name     string
	Filter   graph.Filter
	ViaRoles bool
	Format   string
	Source   sourceOptions
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

With --via-roles, the relations of the entity's officials (HOLDS_ROLE) and bodies
(PART_OF) count too: the VIA column names who acted.

NAME is a name or an alias (matched ignoring case and accents; no quotes needed) or an
entity ID. A name that several entities share lists them and fails.

Reads Neo4j when NEO4J_URI or --neo4j-uri is set, else the local graph file
(--graph FILE, default ` + defaultOut + `).

Example:
  kg neighbors Russia
  kg neighbors --types ACCUSES,DENIES,WARNS --since 2024 --min-confidence 0.7 Russia`,
		Flags: concat([]cli.Flag{formatFlag(), viaRolesFlag()}, filterFlags(true), sourceFlags()),
		Action: func(c *cli.Context) error {
			name, err := nameArg(c, "neighbors")
			if err != nil {
				return err
			}
			f, err := filterFrom(c)
			if err != nil {
				return err
			}
			opts := neighborsOptions{Name: name, Filter: f, ViaRoles: c.Bool("via-roles"), Format: c.String("format"), Source: sourceOptionsFrom(c)}
			return runNeighbors(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runNeighbors(ctx context.Context, opts neighborsOptions, stdout, stderr io.Writer) error {
	r, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.Name}, stderr)
	if err != nil {
		return err
	}
	defer r.Close()
	e := ents[0]
	rep, err := query.Neighbors(ctx, r, e, query.Options{Filter: opts.Filter, ViaRoles: opts.ViaRoles})
	if err != nil {
		return err
	}
	return answer(stdout, opts.Format, rep, func(t *table) {
		t.printf("%s (%s): %d %s\n", oneLine(e.Name), e.Type, len(rep.Neighbors), plural(len(rep.Neighbors), "neighbour", "neighbours"))
		if len(rep.Neighbors) == 0 {
			return
		}
		var rows [][]string
		via, marks := false, 0
		for _, n := range rep.Neighbors {
			first, last := n.FirstRelation(), n.LastRelation()
			fc, m1 := dateCell(first)
			lc, m2 := dateCell(last)
			marks |= m1 | m2
			row := []string{n.Entity.Name, n.Entity.Type, strconv.Itoa(n.Count), fc, lc, typesOf(e.ID, n.Relations)}
			if w := viaOf(n.Relations); w != "" {
				via = true
				row = append(row, w)
			}
			rows = append(rows, row)
		}
		cols := []string{"NEIGHBOUR", "TYPE", "RELATIONS", "FIRST", "LAST", "RELATION TYPES"}
		if via {
			cols = append(cols, "VIA")
		}
		t.printf("\n")
		t.rows("", cols, rows)
		t.printf("(-> %s is the subject, <- the object)\n", oneLine(e.Name))
		t.notes("", marks)
	})
}

// viaOf names who acted in those of rs that count through an official or
// a body: "Vassily Nebenzia (Ambassador) x2".
func viaOf(rs []query.Relation) string {
	counts := make(map[string]int)
	for _, r := range rs {
		for _, v := range r.Via {
			who := v.Member.Name
			if v.Role != "" {
				who += " (" + v.Role + ")"
			}
			counts[who]++
		}
	}
	var out []string
	for _, who := range slices.Sorted(maps.Keys(counts)) {
		if n := counts[who]; n > 1 {
			who = fmt.Sprintf("%s x%d", who, n)
		}
		out = append(out, who)
	}
	return strings.Join(out, ", ")
}

// typesOf summarizes the types and directions of an entity's relations:
// "ACCUSES <- x2, MEETS ->". A relation counted through an official or a
// body has the direction of that end.
func typesOf(id string, rs []query.Relation) string {
	counts := make(map[string]int)
	for _, r := range rs {
		dir := "->"
		if r.Subject.ID != id && !(len(r.Via) > 0 && r.Via[0].Member.ID == r.Subject.ID) {
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
