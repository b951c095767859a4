package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

type cyElements struct {
	Data       struct{} `json:"data"`
	Directed   bool     `json:"directed"`
	Multigraph bool     `json:"multigraph"`
	Elements   struct {
		Nodes []cyNode `json:"nodes"`
		Edges []cyEdge `json:"edges"`
	} `json:"elements"`
}

type cyNode struct {
	Data cyNodeData `json:"data"`
}

type cyNodeData struct {
	ID       string   `json:"id"`
	Value    string   `json:"value"` // the ID again: networkx's node key
	Label    string   `json:"label"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
}

type cyEdge struct {
	Data cyEdgeData `json:"data"`
}

type cyEdgeData struct {
	ID            string  `json:"id"`
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	Label         string  `json:"label"`
	Type          string  `json:"type"`
	Key           string  `json:"key"`
	Article       string  `json:"article"`
	ArticleTitle  string  `json:"article_title"`
	ArticleURL    string  `json:"article_url"`
	Published     string  `json:"published"`
	Evidence      string  `json:"evidence"`
	Sentence      int     `json:"sentence"`
	Start         int     `json:"start"`
	End           int     `json:"end"`
	Date          string  `json:"date"`
	DateSource    string  `json:"date_source"`
	DatePrecision string  `json:"date_precision"`
	Tense         string  `json:"tense"`
	Confidence    float64 `json:"confidence"`
	Role          string  `json:"role"`
	CAMEO         string  `json:"cameo"`
	Support       int     `json:"support"`
}

// JSON writes g as Cytoscape.js elements, indented, one trailing newline:
//
//	{"data": {}, "directed": true, "multigraph": true, "elements": {
//	  "nodes": [{"data": {"id", "value", "label", "name", "type", "aliases", "mentions"}}],
//	  "edges": [{"data": {"id", "source", "target", "label", "type", "key",
//	             "article", "article_title", "article_url", "published",
//	             "evidence", "sentence", "start", "end", "date", "date_source",
//	             "date_precision", "tense", "confidence", "role", "cameo",
//	             "support"}}]}}
//
// Node ids are entity IDs, edge ids relation keys; a node's label is the
// entity's name and an edge's its relation type. Every field is present
// (empty when unknown), and aliases is a list, never null. The output can
// be given as is to cy.json() or cytoscape({elements: data.elements}), and
// read by networkx.cytoscape_graph (hence "data", "directed",
// "multigraph" - two entities may have several relations - and a node's
// "value", its ID again). Invisible characters (schema.Invisible:
// zero-width ones, bidirectional controls), which encoding/json writes
// as they are, are written as JSON escapes (\u202e): the values read
// back are the graph's, and the file shows no text reordered.
func JSON(w io.Writer, g *graph.Graph) error {
	v, err := newView(g)
	if err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	var out cyElements
	out.Directed, out.Multigraph = true, true
	out.Elements.Nodes = make([]cyNode, 0, len(v.entities))
	out.Elements.Edges = make([]cyEdge, 0, len(v.relations))
	for _, e := range v.entities {
		out.Elements.Nodes = append(out.Elements.Nodes, cyNode{cyNodeData{
			ID: e.ID, Value: e.ID, Label: e.Name, Name: e.Name, Type: string(e.Type), Aliases: e.Aliases, Mentions: e.Count,
		}})
	}
	for _, r := range v.relations {
		a := v.articleOf(r)
		out.Elements.Edges = append(out.Elements.Edges, cyEdge{cyEdgeData{
			ID: r.Key, Source: r.Subject, Target: r.Object, Label: string(r.Type), Type: string(r.Type), Key: r.Key,
			Article: r.Article, ArticleTitle: a.Title, ArticleURL: a.URL, Published: a.Published,
			Evidence: r.Evidence, Sentence: r.Sentence, Start: r.Start, End: r.End,
			Date: r.Date, DateSource: r.DateSource, DatePrecision: r.DatePrecision, Tense: r.Tense,
			Confidence: r.Confidence, Role: r.Role, CAMEO: r.CAMEO, Support: r.Supported(),
		}})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	if _, err := w.Write(schema.EscapeInvisibleJSON(buf.Bytes())); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	return nil
}
