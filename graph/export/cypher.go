package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Cypher writes a script that recreates g in Neo4j, in kg's model, through
// cypher-shell (cypher-shell -f FILE, or < FILE): first the schema
// (schema.DDL), then one MERGE statement per entity, article, MENTIONS and
// relation, each on one line ending with ";".
//
//   - (:Entity:<Type> {id, name, type, aliases, folded, mentions}), merged
//     on id; folded holds the normalized name and aliases that kg's
//     full-text look-ups use, mentions the entity's mention count;
//   - (:Article {id, ref, title, source, published, url, place, sha256});
//   - (:Article)-[:MENTIONS {count}]->(:Entity), for the articles and
//     entities of g;
//   - (:Entity)-[:<TYPE> {key, article, sentence, evidence, start, end,
//     date, date_source, date_precision, tense, confidence, cameo, role,
//     support (when copies support it)}]->(:Entity), merged on key.
//
// Properties are set whole (SET x = {...}), so running the script twice,
// or over a database kg loaded the same graph into, changes nothing.
// Empty strings are left out, as kg's loader does.
//
// Nothing from the data reaches the script but as a string literal: each
// is single-quoted with backslash, quotes, ";", control characters and
// line breaks escaped, so no name, alias or sentence can end a literal, a
// statement or a line. Labels and relationship types come only from
// schema.Label and schema.RelType, backquoted; a type outside the
// ontology is an error.
func Cypher(w io.Writer, g *graph.Graph) error {
	v, err := newView(g)
	if err != nil {
		return fmt.Errorf("export cypher: %w", err)
	}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "// kg export: %d entities, %d articles, %d mentions, %d relations.\n",
		len(v.entities), len(v.articles), len(v.mentions), len(v.relations))
	b.WriteString("// Run with: cypher-shell -f FILE\n")
	for _, s := range schema.DDL() {
		b.WriteString(s + ";\n")
	}
	for _, e := range v.entities {
		label, err := schema.Label(e.Type)
		if err != nil {
			return fmt.Errorf("export cypher: entity %s: %w", e.ID, err)
		}
		folded := []string{schema.NormalizeName(e.Name)}
		for _, a := range e.Aliases {
			if f := schema.NormalizeName(a); f != "" {
				folded = append(folded, f)
			}
		}
		var p props
		p.str("id", e.ID)
		p.str("name", e.Name)
		p.str("type", string(e.Type))
		p.list("aliases", e.Aliases)
		p.list("folded", sortedSet(folded))
		p.int("mentions", e.Count)
		fmt.Fprintf(b, "MERGE (e:Entity {id: %s}) SET e = %s, e:%s;\n", cypherString(e.ID), p, backquote(label))
	}
	for _, a := range v.articles {
		var p props
		p.str("id", a.ID)
		p.str("ref", a.Ref)
		p.str("title", a.Title)
		p.str("source", a.Source)
		p.str("published", a.Published)
		p.str("url", a.URL)
		p.str("place", a.Place)
		p.str("sha256", a.SHA256)
		fmt.Fprintf(b, "MERGE (a:Article {id: %s}) SET a = %s;\n", cypherString(a.ID), p)
	}
	for _, m := range v.mentions {
		if v.article[m.Article] == nil || v.entity[m.Entity] == nil {
			continue
		}
		fmt.Fprintf(b, "MATCH (a:Article {id: %s}) MATCH (e:Entity {id: %s}) MERGE (a)-[m:MENTIONS]->(e) SET m.count = %d;\n",
			cypherString(m.Article), cypherString(m.Entity), m.Count)
	}
	for _, r := range v.relations {
		rt, err := schema.RelType(r.Type)
		if err != nil {
			return fmt.Errorf("export cypher: relation %s: %w", r.Key, err)
		}
		if math.IsNaN(r.Confidence) || math.IsInf(r.Confidence, 0) {
			return fmt.Errorf("export cypher: relation %s: confidence %v", r.Key, r.Confidence)
		}
		var p props
		p.str("key", r.Key)
		p.str("article", r.Article)
		p.int("sentence", r.Sentence)
		p.str("evidence", r.Evidence)
		p.int("start", r.Start)
		p.int("end", r.End)
		p.str("date", r.Date)
		p.str("date_source", r.DateSource)
		p.str("date_precision", r.DatePrecision)
		p.str("tense", r.Tense)
		p.raw("confidence", cypherFloat(r.Confidence))
		p.str("cameo", r.CAMEO)
		p.str("role", r.Role)
		if r.Support > 1 {
			p.int("support", r.Support)
		}
		fmt.Fprintf(b, "MATCH (s:Entity {id: %s}) MATCH (o:Entity {id: %s}) MERGE (s)-[r:%s {key: %s}]->(o) SET r = %s;\n",
			cypherString(r.Subject), cypherString(r.Object), backquote(rt), cypherString(r.Key), p)
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("export cypher: %w", err)
	}
	return nil
}

// props builds a Cypher map literal; keys are the constants of this file.
type props struct{ items []string }

func (p *props) raw(k, v string) { p.items = append(p.items, k+": "+v) }
func (p *props) int(k string, n int) {
	p.raw(k, strconv.Itoa(n))
}

// str adds a string property, unless s is empty.
func (p *props) str(k, s string) {
	if s != "" {
		p.raw(k, cypherString(s))
	}
}

// list adds a list of strings, empty or not.
func (p *props) list(k string, ss []string) {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = cypherString(s)
	}
	p.raw(k, "["+strings.Join(q, ", ")+"]")
}

func (p props) String() string { return "{" + strings.Join(p.items, ", ") + "}" }

// cypherString returns s as a single-quoted Cypher string literal. Besides
// the backslash and quotes, ";" and every control or line-breaking
// character are escaped (\n, \uXXXX), so the literal sits on one line and
// holds nothing a statement splitter could take for the end of a
// statement; so are invisible characters (schema.Invisible: zero-width
// ones, bidirectional controls; \uXXXX, a UTF-16 surrogate pair above
// U+FFFF, as Cypher has no \U), which Neo4j reads back as the same
// characters, so that the script shows no text reordered.
func cypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case ';', '\u2028', '\u2029', '\u0085':
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			switch {
			case r < 0x20 || r == 0x7f || schema.Invisible(r) && r <= 0xFFFF:
				fmt.Fprintf(&b, `\u%04X`, r)
			case schema.Invisible(r):
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(&b, `\u%04X\u%04X`, r1, r2)
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// cypherFloat formats f as a Cypher float literal: always with a decimal
// point, so that 1 stays a float and does not become an integer.
func cypherFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// backquote quotes a Cypher name; a backquote inside is doubled. Names
// come from schema.Label and schema.RelType and never hold one.
func backquote(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// sortedSet returns ss sorted, without duplicates.
func sortedSet(ss []string) []string {
	out := append([]string(nil), ss...)
	slices.Sort(out)
	return slices.Compact(out)
}
