package export

import (
	"bytes"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore/web"
)

// HTML writes g as one self-contained HTML page: kg's graph explorer (the
// page of kg serve) over g, showing every entity. See HTMLView.
func HTML(w io.Writer, g *graph.Graph) error {
	return HTMLView(w, g, nil, 0)
}

// HTMLView writes g as one self-contained HTML page: kg's graph explorer
// (the page of kg serve, see package explore) with g in it, opening on the
// view of the seed entities (IDs of g) and hops, the seeds highlighted;
// with no seeds, on every entity. The page searches, expands and
// collapses entities, filters the relations, shows each relation's
// evidence with its article, date and confidence, and exports its view
// (SVG, PNG, GraphML, Cytoscape JSON), all from the data it holds: it
// opens from disk, and its Content-Security-Policy allows no network
// access and no script but its own.
//
// Text from the graph is in a JSON script element, with <, > and &
// escaped, and the page shows it as text, never as markup; it links an
// article URL only when it is http or https.
func HTMLView(w io.Writer, g *graph.Graph, seeds []string, hops int) error {
	v, err := newView(g)
	if err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	title := fmt.Sprintf("kg: %d entities, %d relations", len(v.entities), len(v.relations))
	var out bytes.Buffer
	if err := web.WriteStatic(&out, title, web.StaticOf(g, title, seeds, hops)); err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	return nil
}
