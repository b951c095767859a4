package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// colours are the fills of the nodes of each entity type in DOT, SVG and
// HTML pictures; other types are grey.
var colours = map[schema.EntityType]string{
	schema.Person:       "#a6cee3",
	schema.Organization: "#b2df8a",
	schema.Country:      "#fdbf6f",
	schema.Location:     "#cab2d6",
	schema.Group:        "#fb9a99",
}

const otherColour = "#dddddd"

// DOT writes g as a Graphviz digraph: one box per entity, labelled with
// its name and type and filled with a colour by type; one arrow per
// relation, labelled with its type (and date, when it has one), with a
// tooltip giving its date, confidence, article and evidence sentence.
// Node ids are entity IDs and edge ids relation keys. Each arrow also
// carries its provenance as attributes for programs that read DOT:
// article, article_title, date, confidence and evidence (Graphviz ignores
// them when drawing). Strings are escaped for DOT's quoted strings, and "&" for
// Graphviz's entity references, so every name is shown as it is; invisible
// characters (schema.Invisible: zero-width ones, bidirectional controls)
// are shown as Go escapes (\u202e), as kg's tables show them.
func DOT(w io.Writer, g *graph.Graph) error {
	v, err := newView(g)
	if err != nil {
		return fmt.Errorf("export dot: %w", err)
	}
	b := bufio.NewWriter(w)
	b.WriteString("digraph kg {\n")
	b.WriteString("  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.4, ranksep=0.9];\n")
	b.WriteString("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n")
	b.WriteString("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\"];\n")
	for _, e := range v.entities {
		colour, ok := colours[e.Type]
		if !ok {
			colour = otherColour
		}
		fmt.Fprintf(b, "  %s [label=%s, fillcolor=%s, tooltip=%s];\n",
			dotString(e.ID), dotString(e.Name+"\n"+string(e.Type)), dotString(colour), dotString(e.Name))
	}
	for _, r := range v.relations {
		label := string(r.Type)
		if r.Date != "" {
			label += "\n" + r.Date
		}
		a := v.articleOf(r)
		fmt.Fprintf(b, "  %s -> %s [id=%s, label=%s, tooltip=%s, article=%s, article_title=%s, date=%s, confidence=%s, evidence=%s];\n",
			dotString(r.Subject), dotString(r.Object), dotString(r.Key), dotString(label), dotString(tooltip(v, r, a)),
			dotString(r.Article), dotString(a.Title), dotString(r.Date), dotString(float(r.Confidence)), dotString(r.Evidence))
	}
	b.WriteString("}\n")
	if err := b.Flush(); err != nil {
		return fmt.Errorf("export dot: %w", err)
	}
	return nil
}

// tooltip is the text shown over a relation's arrow: the relation, its
// date, confidence and article, and the evidence sentence.
func tooltip(v *view, r schema.Relation, a schema.Article) string {
	var b strings.Builder
	b.WriteString(v.name(r.Subject) + " " + string(r.Type) + " " + v.name(r.Object) + " (")
	if d := dateNote(r); d != "" {
		b.WriteString(d + "; ")
	}
	b.WriteString("confidence " + float(r.Confidence) + "; article ")
	if a.Title != "" {
		b.WriteString(a.Title + ", ")
	}
	if a.Published != "" {
		b.WriteString(a.Published + ", ")
	}
	b.WriteString(a.ID + "): " + r.Evidence)
	return b.String()
}

// dotString returns s as a DOT double-quoted string: backslashes and
// quotes escaped, line breaks as Graphviz's centred \n, other control
// characters as spaces, "&" as "&amp;" (Graphviz reads entity
// references in strings), and invisible characters as the text of their
// Go escape (\\u202e in DOT, which Graphviz shows as \u202e).
func dotString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		case schema.Invisible(r):
			b.WriteString(`\` + schema.RuneEscape(r))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// renderMu serializes renderings: a Graphviz context is not safe for
// concurrent use, and one is kept for the process because creating it
// instantiates Graphviz's WebAssembly module.
var (
	renderMu sync.Mutex
	renderGV *graphviz.Graphviz
)

// SVG writes g as an SVG picture: the DOT of g laid out and drawn by
// Graphviz (the dot layout) through github.com/goccy/go-graphviz, which
// runs Graphviz compiled to WebAssembly, so no Graphviz installation is
// needed. Renderings are serialized within a process.
func SVG(w io.Writer, g *graph.Graph) error {
	var buf bytes.Buffer
	if err := svg(&buf, g); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("export svg: %w", err)
	}
	return nil
}

func svg(w io.Writer, g *graph.Graph) (err error) {
	var dot bytes.Buffer
	if err := DOT(&dot, g); err != nil {
		return err
	}
	ctx := context.Background()
	renderMu.Lock()
	defer renderMu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("export svg: graphviz: %v", p)
		}
	}()
	if renderGV == nil {
		gv, err := graphviz.New(ctx)
		if err != nil {
			return fmt.Errorf("export svg: start graphviz: %w", err)
		}
		renderGV = gv
	}
	parsed, err := graphviz.ParseBytes(dot.Bytes())
	if err != nil {
		return fmt.Errorf("export svg: parse dot: %w", err)
	}
	defer parsed.Close()
	if err := renderGV.Render(ctx, parsed, graphviz.SVG, w); err != nil {
		return fmt.Errorf("export svg: render: %w", err)
	}
	return nil
}
