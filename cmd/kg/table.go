package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/kgraph/kg/graph/query"
	"github.com/kgraph/kg/schema"
)

// table is kg's text output: lines, and tables aligned in columns. It is
// the one place where kg draws tables: the analysts' answers and kg
// query's results. Nothing from an article can move the cursor or
// reorder what is shown: line breaks and tabs in cells are shown as
// spaces, other control characters and invisible ones (zero-width,
// bidirectional controls) escaped (noControls).
type table struct {
	b bytes.Buffer
}

// printf adds text.
func (t *table) printf(format string, args ...any) { fmt.Fprintf(&t.b, format, args...) }

// rows adds an aligned table: the header (when cols is not nil) and a
// rule, then the rows, each line after indent. Cells are folded on one
// line (oneLine); the last column is not padded, so long evidence
// sentences go last.
func (t *table) rows(indent string, cols []string, rows [][]string) {
	fold := func(row []string) []string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = oneLine(c)
		}
		return out
	}
	var folded [][]string
	for _, r := range rows {
		folded = append(folded, fold(r))
	}
	if cols != nil {
		cols = fold(cols)
	}
	align(&t.b, indent, cols, folded)
}

// relations adds relations as an aligned table (relationRows), with
// notes on the marks it uses.
func (t *table) relations(indent string, rs []query.Relation) {
	cols, rows, marks := relationRows(rs)
	t.rows(indent, cols, rows)
	t.notes(indent, marks)
}

// Marks of relationRows, and their notes.
const (
	markArticle = 1 << iota // "*": the article's date
	markWeek                // "wk": a week's Monday
	markFuture              // "[future]": a planned event
	markCopies              // "+N": copies state it too
)

var markNotes = []struct {
	mark int
	note string
}{
	{markArticle, "* the article's publication date: the text gives no date"},
	{markWeek, "wk the week of that Monday"},
	{markFuture, "[future] a planned event"},
	{markCopies, "+N copies of the article state it too"},
}

// notes explains the marks used.
func (t *table) notes(indent string, marks int) {
	var ns []string
	for _, n := range markNotes {
		if marks&n.mark != 0 {
			ns = append(ns, n.note)
		}
	}
	if len(ns) > 0 {
		t.b.WriteString(indent + "(" + strings.Join(ns, "; ") + ")\n")
	}
}

// dateCell is a relation's date for a table: its date, "*" after the
// article's publication date, "wk" after a week's Monday.
func dateCell(r query.Relation) (string, int) {
	return dateText(query.DateOf(r))
}

// dateText is dateCell for a date of the answers (nil: none).
func dateText(d *query.Date) (string, int) {
	switch {
	case d == nil || d.When == "":
		return "", 0
	case d.Source == schema.DateArticle:
		return d.When + "*", markArticle
	case d.Precision == "week":
		return d.When + " wk", markWeek
	}
	return d.When, 0
}

// articleCell is the article of a relation for a table, with "+N" when
// N copies state it too.
func articleCell(r query.Relation) (string, int) {
	if r.Support > 1 {
		return fmt.Sprintf("%s +%d", r.Article.Ref, r.Support-1), markCopies
	}
	return r.Article.Ref, 0
}

// viaCell says who acted for a relation counted through an official or a
// body: "for Russia: Vassily Nebenzia (Ambassador)".
func viaCell(r query.Relation) string {
	var parts []string
	for _, v := range r.Via {
		who := v.Member.Name
		switch {
		case v.Role != "" && v.At.ID != v.For.ID:
			who += " (" + v.Role + ", " + v.At.Name + ")"
		case v.Role != "":
			who += " (" + v.Role + ")"
		default:
			who += " (part of " + v.At.Name + ")"
		}
		parts = append(parts, "for "+v.For.Name+": "+who)
	}
	return strings.Join(parts, "; ")
}

// flush writes what t holds to w.
func (t *table) flush(w io.Writer) error {
	_, err := w.Write(t.b.Bytes())
	return err
}

// align writes cells in aligned columns, each line after indent: the
// header and a rule when cols is not nil, then the rows. Widths count
// runes; the last cell of a line is not padded.
func align(b *bytes.Buffer, indent string, cols []string, rows [][]string) {
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
			widths[i] = max(widths[i], runeWidth(c))
		}
	}
	line := func(row []string) {
		b.WriteString(indent)
		for i, c := range row {
			b.WriteString(c)
			if i == len(row)-1 {
				break
			}
			b.WriteString(strings.Repeat(" ", widths[i]-runeWidth(c)+2))
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

func runeWidth(s string) int { return len([]rune(s)) }

// relationRows are the table rows of relations: when, subject, type,
// object, confidence, article, evidence, and, when a relation is counted
// through an official or a body, who acted (VIA). marks says which marks
// the cells use: a date that is the article's publication date, the text
// giving none, is marked with a "*", a week with "wk", a planned event
// "[future]", a relation that copies of its article state too "+N".
func relationRows(rs []query.Relation) (cols []string, rows [][]string, marks int) {
	cols = []string{"DATE", "SUBJECT", "TYPE", "OBJECT", "CONF", "ARTICLE", "EVIDENCE"}
	via := slices.ContainsFunc(rs, func(r query.Relation) bool { return len(r.Via) > 0 })
	if via {
		cols = slices.Insert(cols, 4, "VIA")
	}
	for _, r := range rs {
		when, m := dateCell(r)
		marks |= m
		typ := r.Type
		if r.Role != "" {
			typ += " (" + r.Role + ")"
		}
		if r.Future() {
			typ += " [future]"
			marks |= markFuture
		}
		art, m := articleCell(r)
		marks |= m
		row := []string{when, r.Subject.Name, typ, r.Object.Name, strconv.FormatFloat(r.Confidence, 'f', 2, 64), art, r.Evidence}
		if via {
			row = slices.Insert(row, 4, viaCell(r))
		}
		rows = append(rows, row)
	}
	return cols, rows, marks
}

// printCandidates lists the entities a name matches, aligned, after a
// line saying what name does ("matches": "NAME matches N entities:").
func printCandidates(w io.Writer, name string, candidates []schema.Entity, what string) {
	var t table
	if what == "matches" {
		t.printf("%q matches %d entities:\n", name, len(candidates))
	} else {
		t.printf("%q %s\n", name, what)
	}
	rows := [][]string{{"NAME", "TYPE", "ID", "MENTIONS"}} // a header without a rule
	for _, e := range candidates {
		rows = append(rows, []string{e.Name, string(e.Type), e.ID, strconv.Itoa(e.Count)})
	}
	t.rows("  ", nil, rows)
	t.flush(w)
}

// oneLine folds the line breaks and tabs of s into spaces, and escapes
// its other control characters and invisible ones (see noControls).
func oneLine(s string) string {
	return noControls(strings.Join(strings.Fields(s), " "))
}

// noControls returns s with its control characters (C0, DEL, C1) and its
// invisible characters (schema.Invisible: zero-width characters,
// bidirectional controls) written as Go escapes, as rejects print them:
// an ESC from an article is shown as \x1b and cannot move the cursor or
// retitle the terminal of whoever reads kg's tables, and a U+202E is
// shown as \u202e and cannot show the rest of its line backwards.
func noControls(s string) string {
	return escapeRunes(s, func(c rune) bool { return unicode.IsControl(c) || schema.Invisible(c) })
}

// safeText escapes s as noControls does, but for its line breaks: for
// messages of several lines, such as errors.
func safeText(s string) string {
	return escapeRunes(s, func(c rune) bool { return c != '\n' && (unicode.IsControl(c) || schema.Invisible(c)) })
}

// escapeRunes returns s with the characters escape reports written as Go
// escapes.
func escapeRunes(s string, escape func(rune) bool) string {
	if strings.IndexFunc(s, escape) < 0 {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		switch {
		case !escape(c):
			b.WriteRune(c)
		case schema.Invisible(c):
			b.WriteString(schema.RuneEscape(c))
		default:
			q := strconv.QuoteRune(c)
			b.WriteString(q[1 : len(q)-1])
		}
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
