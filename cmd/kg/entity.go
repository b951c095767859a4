package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph/query"
)

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
	r, ents, err := opts.Source.openEntities(ctx, opts.Format, []string{opts.Name}, stderr)
	if err != nil {
		return err
	}
	defer r.Close()
	rep, err := query.EntityInfo(ctx, r, ents[0], query.Options{})
	if err != nil {
		return err
	}
	return answer(stdout, opts.Format, rep, func(t *table) { renderEntity(t, rep) })
}

// renderEntity draws kg entity's answer: the entity, the roles it holds
// (one row per role and place, with the articles that state it), its
// relations by type, direction and counterparty.
func renderEntity(t *table, rep *query.EntityReport) {
	e := rep.Entity
	t.printf("%s\n", oneLine(e.Name))
	aliases := "-"
	if len(e.Aliases) > 0 {
		aliases = strings.Join(e.Aliases, "; ")
	}
	t.rows("  ", nil, [][]string{
		{"type", e.Type},
		{"id", e.ID},
		{"aliases", aliases},
		{"mentions", strconv.Itoa(e.Mentions)},
		{"relations", strconv.Itoa(rep.Total())},
	})
	if len(rep.Roles) > 0 {
		t.printf("\nroles held:\n")
		var rows [][]string
		index := make(map[[2]string]int)
		for _, ro := range rep.Roles {
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
		t.rows("  ", []string{"ROLE", "AT", "TIMES", "ARTICLES"}, rows)
	}
	marks := 0
	if len(rep.Relations) > 0 {
		var types []string
		for ty := range rep.RelationCounts {
			types = append(types, ty)
		}
		slices.Sort(types)
		for i, ty := range types {
			types[i] = fmt.Sprintf("%s %d", ty, rep.RelationCounts[ty])
		}
		t.printf("\nrelations by type (%s):\n", strings.Join(types, ", "))
		var rows [][]string
		for _, g := range rep.Relations {
			first, m1 := dateText(g.First)
			last, m2 := dateText(g.Last)
			marks |= m1 | m2
			count := strconv.Itoa(g.Count)
			if g.Future > 0 {
				count += fmt.Sprintf(" (%d [future])", g.Future)
				marks |= markFuture
			}
			rows = append(rows, []string{g.Type, g.Direction, g.Counterparty.Name, g.Counterparty.Type, count, first, last})
		}
		t.rows("  ", []string{"TYPE", "DIR", "COUNTERPARTY", "ITS TYPE", "COUNT", "FIRST", "LAST"}, rows)
		t.printf("  (-> %s is the subject, <- the object)\n", oneLine(e.Name))
	}
	t.notes("  ", marks)
}
