package explore

import (
	"bytes"
	"cmp"
	"context"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore/web"
	"github.com/kgraph/kg/graph/export"
	"github.com/kgraph/kg/graph/names"
	"github.com/kgraph/kg/schema"
)

func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("GET /assets/", s.asset)
	api := map[string]func(*http.Request) (any, error){
		"meta":      s.meta,
		"search":    s.search,
		"entity":    s.entityInfo,
		"timeline":  s.timeline,
		"expand":    s.expand,
		"view":      s.view,
		"relations": s.relations,
	}
	for name, h := range api {
		s.mux.HandleFunc("GET /api/"+name, func(w http.ResponseWriter, r *http.Request) {
			v, err := h(r)
			if err != nil {
				writeError(w, err)
				return
			}
			writeJSON(w, http.StatusOK, v)
		})
	}
	s.mux.HandleFunc("GET /api/subgraph", s.subgraph)
	s.mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, &apiError{status: http.StatusNotFound, msg: "no such API: " + r.URL.Path + " (see docs/explorer.md)"})
	})
}

// page serves index.html.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	b, err := fs.ReadFile(web.FS, "index.html")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// asset serves a file of the page under /assets/.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/assets/")
	b, err := fs.ReadFile(web.FS, name)
	if err != nil || name == "index.html" {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	switch {
	case strings.HasSuffix(name, ".js"):
		ct = "text/javascript; charset=utf-8"
	case strings.HasSuffix(name, ".css"):
		ct = "text/css; charset=utf-8"
	case ct == "":
		ct = "text/plain; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

func (s *Server) meta(r *http.Request) (any, error) {
	sources, err := s.r.Sources(r.Context())
	if err != nil {
		return nil, err
	}
	return web.MetaOf(s.opts.Title, sources, web.Limits{Expand: DefaultLimit, MaxExpand: MaxLimit, ViewNodes: MaxViewNodes}), nil
}

// searchAnswer is /api/search's answer.
type searchAnswer struct {
	Query string `json:"query"`
	// Match is how the candidates match: id, exact, words (every word
	// typed is a word of the name), close (within an edit or two) or none.
	Match      string       `json:"match"`
	Total      int          `json:"total"`
	Candidates []web.Entity `json:"candidates"`
}

func (s *Server) search(r *http.Request) (any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	limit, err := intParam(r, "limit", 20, 1, MaxLimit)
	if err != nil {
		return nil, err
	}
	out := searchAnswer{Query: q, Match: "none", Candidates: []web.Entity{}}
	if q == "" {
		return out, nil
	}
	var es []schema.Entity
	if e, ok := s.byID(r.Context(), q); ok {
		es, out.Match = []schema.Entity{e}, "id"
	} else {
		es, err = s.r.FindEntities(r.Context(), q)
		if err != nil {
			return nil, err
		}
		if len(es) > 0 {
			out.Match = names.Entity(q, es[0]).String()
		}
	}
	out.Total = len(es)
	for _, e := range es[:min(len(es), limit)] {
		out.Candidates = append(out.Candidates, web.EntityOf(e))
	}
	return out, nil
}

// byID returns the entity whose ID is q, when q is one.
func (s *Server) byID(ctx context.Context, q string) (schema.Entity, bool) {
	if _, err := uuid.Parse(q); err != nil {
		return schema.Entity{}, false
	}
	e, err := s.r.Entity(ctx, q)
	return e, err == nil
}

// entityAnswer is /api/entity's answer: kg entity's.
type entityAnswer struct {
	Entity web.Entity `json:"entity"`
	// RelationCount counts the entity's relations, RelationCounts by type.
	RelationCount  int            `json:"relation_count"`
	RelationCounts map[string]int `json:"relation_counts"`
	// Roles are the HOLDS_ROLE relations whose subject is the entity.
	Roles []web.Relation `json:"roles"`
	// Relations count the relations by type, direction and
	// counterparty, for the Neighbours most related neighbours.
	Relations  []group `json:"relations"`
	Neighbours int     `json:"neighbours"`
	// More is the number of neighbours left out of Relations.
	More int `json:"more"`
}

type group struct {
	Type string `json:"type"`
	// Direction is "->" when the entity is the subject, "<-" the object.
	Direction    string     `json:"direction"`
	Counterparty web.Entity `json:"counterparty"`
	Count        int        `json:"count"`
}

// entityGroups bounds the neighbours of /api/entity's relations.
const entityGroups = 500

func (s *Server) entityInfo(r *http.Request) (any, error) {
	ctx := r.Context()
	e, err := s.entity(ctx, r, "id")
	if err != nil {
		return nil, err
	}
	n, err := s.r.Neighbours(ctx, e.ID, graph.Filter{}, 0, entityGroups)
	if err != nil {
		return nil, err
	}
	roles, err := s.r.Star(ctx, []string{e.ID}, graph.Filter{Types: []schema.RelationType{schema.HoldsRole}})
	if err != nil {
		return nil, err
	}
	out := entityAnswer{Entity: web.EntityOf(e), RelationCount: n.Relations, RelationCounts: map[string]int{},
		Roles: []web.Relation{}, Relations: []group{}, Neighbours: n.Total, More: n.Total - len(n.List)}
	for t, c := range n.ByType {
		out.RelationCounts[string(t)] = c
	}
	refs := web.NewRefs(roles)
	for _, rel := range roles.Relations {
		if rel.Subject == e.ID {
			out.Roles = append(out.Roles, refs.Relation(rel))
		}
	}
	web.SortByDate(out.Roles)
	for _, nb := range n.List {
		for _, l := range nb.Links {
			dir := "<-"
			if l.Out {
				dir = "->"
			}
			out.Relations = append(out.Relations, group{Type: string(l.Type), Direction: dir, Counterparty: web.EntityOf(nb.Entity), Count: l.Count})
		}
	}
	slices.SortFunc(out.Relations, func(a, b group) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Direction, b.Direction), cmp.Compare(b.Count, a.Count),
			cmp.Compare(a.Counterparty.Name, b.Counterparty.Name), cmp.Compare(a.Counterparty.ID, b.Counterparty.ID))
	})
	return out, nil
}

// pageParams reads a paged request's filter, offset and limit (default
// limit def).
func pageParams(r *http.Request, def int) (f graph.Filter, offset, limit int, err error) {
	if f, err = filter(r); err != nil {
		return f, 0, 0, err
	}
	if offset, err = intParam(r, "offset", 0, 0, 1<<30); err != nil {
		return f, 0, 0, err
	}
	limit, err = intParam(r, "limit", def, 1, MaxLimit)
	return f, offset, limit, err
}

// timelineAnswer is /api/timeline's answer: a page of kg timeline's.
type timelineAnswer struct {
	Entity    web.Entity     `json:"entity"`
	Total     int            `json:"total"`
	Offset    int            `json:"offset"`
	Relations []web.Relation `json:"relations"`
}

func (s *Server) timeline(r *http.Request) (any, error) {
	ctx := r.Context()
	f, offset, limit, err := pageParams(r, 200)
	if err != nil {
		return nil, err
	}
	e, err := s.entity(ctx, r, "id")
	if err != nil {
		return nil, err
	}
	star, err := s.r.Star(ctx, []string{e.ID}, f)
	if err != nil {
		return nil, err
	}
	refs := web.NewRefs(star)
	all := make([]web.Relation, 0, len(star.Relations))
	for _, rel := range star.Relations {
		all = append(all, refs.Relation(rel))
	}
	web.SortByDate(all)
	offset = min(offset, len(all))
	return timelineAnswer{Entity: web.EntityOf(e), Total: len(all), Offset: offset, Relations: all[offset:min(offset+limit, len(all))]}, nil
}

// expandAnswer is /api/expand's answer.
type expandAnswer struct {
	ID     string `json:"id"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
	// Total is the number of the entity's neighbours; Relations the
	// number of its relations; More the neighbours after this page.
	Total     int          `json:"total"`
	Relations int          `json:"relations"`
	More      int          `json:"more"`
	Nodes     []web.Entity `json:"nodes"`
	// Edges are those between the page's entities, and between them and
	// the entity and the visible ones.
	Edges []web.Edge `json:"edges"`
}

func (s *Server) expand(r *http.Request) (any, error) {
	ctx := r.Context()
	f, offset, limit, err := pageParams(r, DefaultLimit)
	if err != nil {
		return nil, err
	}
	visible, err := ids(r, "visible")
	if err != nil {
		return nil, err
	}
	id, err := s.entityID(ctx, r, "id")
	if err != nil {
		return nil, err
	}
	n, err := s.r.Neighbours(ctx, id, f, offset, limit)
	if err != nil {
		return nil, err
	}
	out := expandAnswer{ID: id, Offset: offset, Limit: limit, Total: n.Total, Relations: n.Relations,
		More: max(n.Total-offset-len(n.List), 0), Nodes: []web.Entity{}, Edges: []web.Edge{}}
	page := make([]string, 0, len(n.List))
	for _, nb := range n.List {
		out.Nodes = append(out.Nodes, web.EntityOf(nb.Entity))
		page = append(page, nb.Entity.ID)
	}
	if len(page) > 0 {
		es, err := s.r.Edges(ctx, page, append(visible, id), f)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			out.Edges = append(out.Edges, web.EdgeOf(e))
		}
	}
	return out, nil
}

// relationsAnswer is /api/relations' answer: kg between's.
type relationsAnswer struct {
	A         web.Entity     `json:"a"`
	B         web.Entity     `json:"b"`
	Relations []web.Relation `json:"relations"`
}

func (s *Server) relations(r *http.Request) (any, error) {
	ctx := r.Context()
	f, err := filter(r)
	if err != nil {
		return nil, err
	}
	a, err := s.entity(ctx, r, "a")
	if err != nil {
		return nil, err
	}
	b, err := s.entity(ctx, r, "b")
	if err != nil {
		return nil, err
	}
	sub, err := s.r.Subgraph(ctx, []string{a.ID, b.ID}, 0, f)
	if err != nil {
		return nil, err
	}
	refs := web.NewRefs(sub)
	out := relationsAnswer{A: web.EntityOf(a), B: web.EntityOf(b), Relations: []web.Relation{}}
	for _, rel := range sub.Relations {
		if (rel.Subject == a.ID && rel.Object == b.ID) || (rel.Subject == b.ID && rel.Object == a.ID) {
			out.Relations = append(out.Relations, refs.Relation(rel))
		}
	}
	web.SortByDate(out.Relations)
	return out, nil
}

// subgraphFormats are the formats of /api/subgraph: kg export's writers.
var subgraphFormats = map[string]struct {
	write       func(io.Writer, *graph.Graph) error
	contentType string
	ext         string
}{
	"cytoscape": {export.JSON, "application/json; charset=utf-8", "json"},
	"graphml":   {export.GraphML, "application/graphml+xml; charset=utf-8", "graphml"},
}

// subgraph writes the induced subgraph around the seeds as kg export
// writes it.
func (s *Server) subgraph(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	name := cmp.Or(r.URL.Query().Get("format"), "cytoscape")
	format, ok := subgraphFormats[name]
	if !ok {
		writeError(w, badRequest("format=%q: want cytoscape or graphml", name))
		return
	}
	f, err := filter(r)
	if err != nil {
		writeError(w, err)
		return
	}
	hops, err := intParam(r, "hops", 0, 0, 5)
	if err != nil {
		writeError(w, err)
		return
	}
	seedNames, err := ids(r, "seed")
	if err != nil {
		writeError(w, err)
		return
	}
	if len(seedNames) == 0 {
		writeError(w, badRequest("seed: give at least one entity"))
		return
	}
	seeds := make([]string, 0, len(seedNames))
	for _, n := range seedNames {
		res, err := s.resolve(ctx, n)
		if err != nil {
			writeError(w, err)
			return
		}
		seeds = append(seeds, res.Entity.ID)
	}
	g, err := s.r.Subgraph(ctx, seeds, hops, f)
	if err != nil {
		writeError(w, err)
		return
	}
	if len(g.Entities) > MaxSubgraph {
		writeError(w, &apiError{status: http.StatusRequestEntityTooLarge,
			msg: "the subgraph has " + strconv.Itoa(len(g.Entities)) + " entities, more than " + strconv.Itoa(MaxSubgraph) + ": give fewer hops or narrower filters"})
		return
	}
	var buf bytes.Buffer
	if err := format.write(&buf, g); err != nil {
		writeError(w, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", format.contentType)
	h.Set("Cache-Control", "no-store")
	if r.URL.Query().Get("download") != "" {
		h.Set("Content-Disposition", `attachment; filename="kg-view.`+format.ext+`"`)
	}
	w.Write(buf.Bytes())
}
