// Package explore serves kg's graph explorer: a web page to search an
// entity, expand its neighbours, filter the relations and read the
// evidence of each, and the JSON API under /api/ that the page (and any
// script) reads. It only reads the graph.
//
// The page and its JavaScript libraries are embedded in the binary
// (package assets); nothing is fetched from the network. Every response
// carries a Content-Security-Policy that allows scripts, styles and
// connections from the server itself only, and requests whose Host or
// Origin header names anything but a loopback address (or a host name
// given in Options.AllowHosts) are refused, so that a web page elsewhere
// cannot reach the server through DNS rebinding.
//
// API (GET, JSON; every entity parameter takes an entity ID or a name,
// resolved as kg entity resolves it; filters are types, since, until,
// min_confidence and sources, as for kg export):
//
//	/api/meta                       relation and entity types, article sources, limits
//	/api/search?q=NAME              the entities a name designates (candidates when several)
//	/api/entity?id=E                kg entity's answer: aliases, roles, relations by type
//	/api/timeline?id=E&limit=N      the entity's relations in date order, with evidence
//	/api/expand?id=E&limit=N        a page of E's neighbours, most related first, and "more"
//	/api/view?seed=E&hops=N         the view of seeds and expansions the page shows
//	/api/relations?a=A&b=B          every relation between A and B, with evidence
//	/api/subgraph?seed=E&format=F   the induced subgraph as kg export writes it (cytoscape, graphml)
//
// docs/explorer.md describes each answer.
package explore

import (
	"context"
	"net/http"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/port"
	"github.com/kgraph/kg/graph/query"
)

// Reader is what the explorer reads: the read port (graph/port's
// Reader), and the questions of graph.Neighbours that an explorer asks
// besides. The graph file (filestore.Memory) and Neo4j
// (*neo4jstore.Store) answer them alike.
type Reader interface {
	port.Reader
	// Neighbours returns a page of an entity's neighbours, the most
	// related first.
	Neighbours(ctx context.Context, id string, f graph.Filter, offset, limit int) (*graph.Neighbours, error)
	// Edges counts the relations among entities by subject, type and
	// object.
	Edges(ctx context.Context, ids, others []string, f graph.Filter) ([]graph.Edge, error)
	// Sources lists the article sources.
	Sources(ctx context.Context) ([]graph.SourceCount, error)
}

// Limits on what one request returns.
const (
	// DefaultLimit is the number of neighbours an expansion adds when the
	// request does not say.
	DefaultLimit = 50
	// MaxLimit bounds the neighbours of one expansion, the relations of
	// one timeline page and the candidates of a search.
	MaxLimit = 1000
	// MaxViewNodes bounds the entities of a view: a view that would hold
	// more stops expanding and says it was truncated.
	MaxViewNodes = 1500
	// MaxSubgraph bounds the entities of /api/subgraph.
	MaxSubgraph = 20000
	// MaxIDs bounds the entity IDs a request may list.
	MaxIDs = 5000
)

// Options configure a Server. The zero value serves on loopback names
// only.
type Options struct {
	// AllowHosts are host names (without port) accepted in the Host and
	// Origin headers besides localhost and loopback addresses: the names
	// under which the server is reached when it listens on another
	// address.
	AllowHosts []string
	// Title names the graph in the page's title: the graph file, or the
	// Neo4j URI (never with a password).
	Title string
	// Lookup reads the names the API is given (an entity, a timeline's,
	// a view's seeds), as kg entity does: with the countries' other names
	// and codes ("USA") and the known words it holds. The zero Lookup
	// reads names as query.Resolve does.
	Lookup query.Lookup
}

// Server is the explorer's HTTP handler: the page, its assets and the
// API, behind the Host and Origin checks. It is safe for concurrent use
// when its Reader is.
type Server struct {
	r    Reader
	opts Options
	mux  *http.ServeMux
}

// New returns a Server that reads r.
func New(r Reader, opts Options) *Server {
	s := &Server{r: r, opts: opts, mux: http.NewServeMux()}
	s.routes()
	return s
}

// ServeHTTP serves the page, the assets and the API; it refuses requests
// from names other than loopback ones, and any method but GET and HEAD.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if msg := s.refuse(r); msg != "" {
		http.Error(w, msg, http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "kg serve is read-only: only GET and HEAD are accepted", http.StatusMethodNotAllowed)
		return
	}
	s.mux.ServeHTTP(w, r)
}
