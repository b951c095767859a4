package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// gmlKey is a GraphML attribute declaration.
type gmlKey struct {
	id, domain, name, typ string // typ: string, int or double
}

var (
	gmlNodeKeys = []gmlKey{
		{"v_label", "node", "label", "string"},
		{"v_name", "node", "name", "string"},
		{"v_type", "node", "type", "string"},
		{"v_aliases", "node", "aliases", "string"},
		{"v_mentions", "node", "mentions", "int"},
	}
	gmlEdgeKeys = []gmlKey{
		{"e_label", "edge", "label", "string"},
		{"e_type", "edge", "type", "string"},
		{"e_key", "edge", "key", "string"},
		{"e_article", "edge", "article", "string"},
		{"e_article_title", "edge", "article_title", "string"},
		{"e_article_url", "edge", "article_url", "string"},
		{"e_published", "edge", "published", "string"},
		{"e_evidence", "edge", "evidence", "string"},
		{"e_sentence", "edge", "sentence", "int"},
		{"e_start", "edge", "start", "int"},
		{"e_end", "edge", "end", "int"},
		{"e_date", "edge", "date", "string"},
		{"e_date_source", "edge", "date_source", "string"},
		{"e_date_precision", "edge", "date_precision", "string"},
		{"e_tense", "edge", "tense", "string"},
		{"e_confidence", "edge", "confidence", "double"},
		{"e_role", "edge", "role", "string"},
		{"e_cameo", "edge", "cameo", "string"},
		{"e_support", "edge", "support", "int"},
	}
)

// GraphML writes g as a GraphML document (the standard namespace, one
// directed graph) that Gephi, yEd, Cytoscape and networkx read. Node ids
// are entity IDs and edge ids relation keys. Every attribute is declared
// with a <key> of type string, int or double:
//
//   - nodes: label (the name), name, type, aliases (joined with "; ",
//     a ";" inside an alias written as ","), mentions;
//   - edges: label (the relation type), type, key, article,
//     article_title, article_url, published, evidence, sentence, start,
//     end, date, date_source, date_precision, tense, confidence, role,
//     cameo, support.
//
// String attributes that are empty are left out; numbers are always
// written. Text is escaped for XML; characters XML 1.0 cannot hold
// (most control characters) become U+FFFD, and invisible characters
// (schema.Invisible: zero-width ones, bidirectional controls) are written
// as the text of their Go escape (\u202e), as kg's tables show them, so
// that Gephi and yEd show no label reordered. Gephi takes the label
// attributes as labels; in yEd, map them to labels with the Properties
// Mapper.
func GraphML(w io.Writer, g *graph.Graph) error {
	v, err := newView(g)
	if err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	b := bufio.NewWriter(w)
	b.WriteString(xml.Header)
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range append(gmlNodeKeys[:len(gmlNodeKeys):len(gmlNodeKeys)], gmlEdgeKeys...) {
		fmt.Fprintf(b, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.domain, k.name, k.typ)
	}
	b.WriteString(`  <graph id="kg" edgedefault="directed">` + "\n")
	for _, e := range v.entities {
		fmt.Fprintf(b, "    <node id=\"%s\">\n", xmlAttr(e.ID))
		gmlData(b, "v_label", e.Name)
		gmlData(b, "v_name", e.Name)
		gmlData(b, "v_type", string(e.Type))
		as := make([]string, len(e.Aliases))
		for i, a := range e.Aliases {
			as[i] = strings.ReplaceAll(a, ";", ",")
		}
		gmlData(b, "v_aliases", strings.Join(as, "; "))
		gmlData(b, "v_mentions", strconv.Itoa(e.Count))
		b.WriteString("    </node>\n")
	}
	for _, r := range v.relations {
		a := v.articleOf(r)
		fmt.Fprintf(b, "    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", xmlAttr(r.Key), xmlAttr(r.Subject), xmlAttr(r.Object))
		gmlData(b, "e_label", string(r.Type))
		gmlData(b, "e_type", string(r.Type))
		gmlData(b, "e_key", r.Key)
		gmlData(b, "e_article", r.Article)
		gmlData(b, "e_article_title", a.Title)
		gmlData(b, "e_article_url", a.URL)
		gmlData(b, "e_published", a.Published)
		gmlData(b, "e_evidence", r.Evidence)
		gmlData(b, "e_sentence", strconv.Itoa(r.Sentence))
		gmlData(b, "e_start", strconv.Itoa(r.Start))
		gmlData(b, "e_end", strconv.Itoa(r.End))
		gmlData(b, "e_date", r.Date)
		gmlData(b, "e_date_source", r.DateSource)
		gmlData(b, "e_date_precision", r.DatePrecision)
		gmlData(b, "e_tense", r.Tense)
		gmlData(b, "e_confidence", float(r.Confidence))
		gmlData(b, "e_role", r.Role)
		gmlData(b, "e_cameo", r.CAMEO)
		gmlData(b, "e_support", strconv.Itoa(r.Supported()))
		b.WriteString("    </edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	if err := b.Flush(); err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	return nil
}

// gmlData writes a <data> element, unless s is empty.
func gmlData(b *bufio.Writer, key, s string) {
	if s == "" {
		return
	}
	fmt.Fprintf(b, "      <data key=\"%s\">", key)
	xml.EscapeText(b, []byte(schema.EscapeInvisible(s)))
	b.WriteString("</data>\n")
}

// xmlAttr escapes s for an attribute value in double quotes.
func xmlAttr(s string) string {
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(schema.EscapeInvisible(s)))
	return sb.String()
}
