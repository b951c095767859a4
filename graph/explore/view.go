package explore

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore/web"
)

// A view is what the page shows, and what its URL says: seed entities,
// the hops walked from them, the entities the analyst expanded (some by
// several pages of neighbours), collapsed or hid, and the filters. The
// page grows a view one expansion at a time (/api/expand); /api/view
// makes the same view at once, from the URL of a shared page.
type viewRequest struct {
	seeds    []string // names or IDs
	hops     int
	expand   []pageRequest // in the order the analyst expanded them
	collapse map[string]bool
	hide     map[string]bool
	limit    int // neighbours a page
	f        graph.Filter
}

// pageRequest asks for the first pages of an entity's neighbours.
type pageRequest struct {
	id    string
	pages int
}

// viewNode is an entity of a view.
type viewNode struct {
	web.Entity
	Seed bool `json:"seed,omitempty"`
	// Pages is the number of pages of neighbours shown (0: not
	// expanded); More the neighbours left to show after them.
	Pages int `json:"pages,omitempty"`
	More  int `json:"more,omitempty"`
}

// viewAnswer is /api/view's answer.
type viewAnswer struct {
	Seeds []string    `json:"seeds"`
	Nodes []*viewNode `json:"nodes"`
	Edges []web.Edge  `json:"edges"`
	// Truncated is true when the view stopped growing at MaxViewNodes.
	Truncated bool `json:"truncated"`
}

// parseView reads /api/view's parameters: seed (entities, repeated or
// comma-separated), hops (0 to 3, default 1), expand (ID or ID:PAGES,
// repeated or comma-separated), collapse and hide (IDs), limit, filters.
func parseView(r *http.Request) (viewRequest, error) {
	var v viewRequest
	var err error
	if v.f, err = filter(r); err != nil {
		return v, err
	}
	if v.hops, err = intParam(r, "hops", 1, 0, 3); err != nil {
		return v, err
	}
	if v.limit, err = intParam(r, "limit", DefaultLimit, 1, MaxLimit); err != nil {
		return v, err
	}
	if v.seeds, err = ids(r, "seed"); err != nil {
		return v, err
	}
	if len(v.seeds) == 0 {
		return v, badRequest("seed: give at least one entity")
	}
	ex, err := ids(r, "expand")
	if err != nil {
		return v, err
	}
	for _, x := range ex {
		id, p, ok := strings.Cut(x, ":")
		pages := 1
		if ok {
			if pages, err = strconv.Atoi(p); err != nil || pages < 1 || pages > 100 {
				return v, badRequest("expand=%q: want ID or ID:PAGES, PAGES from 1 to 100", x)
			}
		}
		v.expand = append(v.expand, pageRequest{id, pages})
	}
	v.collapse, v.hide = map[string]bool{}, map[string]bool{}
	for _, p := range []struct {
		name string
		set  map[string]bool
	}{{"collapse", v.collapse}, {"hide", v.hide}} {
		l, err := ids(r, p.name)
		if err != nil {
			return v, err
		}
		for _, id := range l {
			p.set[id] = true
		}
	}
	return v, nil
}

func (s *Server) view(r *http.Request) (any, error) {
	v, err := parseView(r)
	if err != nil {
		return nil, err
	}
	return s.makeView(r.Context(), v)
}

// makeView makes the view v asks for: the seeds; then, hop by hop, the
// first page of neighbours of each entity reached (more pages when v
// expands it), but not of collapsed ones; then the entities v expands,
// in order, with their pages of neighbours (an entity the analyst
// expanded stays in the view, even when the filters changed since and
// no longer lead to it); hidden entities left out; then the edges among
// them all. Growth stops at MaxViewNodes entities.
func (s *Server) makeView(ctx context.Context, v viewRequest) (*viewAnswer, error) {
	out := &viewAnswer{Seeds: []string{}, Nodes: []*viewNode{}, Edges: []web.Edge{}}
	nodes := make(map[string]*viewNode)
	add := func(n *viewNode) bool {
		if nodes[n.ID] != nil || v.hide[n.ID] {
			return false
		}
		if len(out.Nodes) >= MaxViewNodes {
			out.Truncated = true
			return false
		}
		nodes[n.ID] = n
		out.Nodes = append(out.Nodes, n)
		return true
	}
	wanted := make(map[string]int)
	for _, p := range v.expand {
		wanted[p.id] = max(wanted[p.id], p.pages)
	}
	expand := func(id string, pages int) ([]string, error) {
		n := nodes[id]
		nb, err := s.r.Neighbours(ctx, id, v.f, 0, v.limit*pages)
		if err != nil {
			return nil, err
		}
		n.Pages, n.More = pages, max(nb.Total-len(nb.List), 0)
		var added []string
		for _, x := range nb.List {
			if add(&viewNode{Entity: web.EntityOf(x.Entity)}) {
				added = append(added, x.Entity.ID)
			}
		}
		return added, nil
	}

	var frontier []string
	for _, name := range v.seeds {
		res, err := s.resolve(ctx, name)
		if err != nil {
			return nil, err
		}
		e := res.Entity
		if nodes[e.ID] != nil {
			continue
		}
		n := &viewNode{Entity: web.EntityOf(e), Seed: true}
		nodes[e.ID] = n
		out.Nodes = append(out.Nodes, n)
		out.Seeds = append(out.Seeds, e.ID)
		frontier = append(frontier, e.ID)
	}
	for range v.hops {
		var next []string
		for _, id := range frontier {
			if v.collapse[id] {
				continue
			}
			added, err := expand(id, max(wanted[id], 1))
			if err != nil {
				return nil, err
			}
			next = append(next, added...)
		}
		frontier = next
	}
	for _, p := range v.expand {
		if nodes[p.id] == nil {
			// Expanded by the analyst, it stays in the view when the
			// filters no longer lead to it.
			res, err := s.resolve(ctx, p.id)
			if err != nil {
				return nil, err
			}
			if !add(&viewNode{Entity: web.EntityOf(res.Entity)}) {
				continue
			}
		}
		if nodes[p.id].Pages >= wanted[p.id] {
			continue
		}
		if _, err := expand(p.id, wanted[p.id]); err != nil {
			return nil, err
		}
	}

	ids := make([]string, len(out.Nodes))
	for i, n := range out.Nodes {
		ids[i] = n.ID
	}
	es, err := s.r.Edges(ctx, ids, nil, v.f)
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		out.Edges = append(out.Edges, web.EdgeOf(e))
	}
	return out, nil
}
