package explore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore/web"
	"github.com/kgraph/kg/graph/query"
	"github.com/kgraph/kg/schema"
)

// apiError is an error with the HTTP status it is answered with.
type apiError struct {
	status     int
	msg        string
	candidates []web.Entity // of an ambiguous name
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// writeJSON writes v as the JSON answer, with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return // the answer's types all encode: nothing to do
	}
	// Invisible characters go as JSON escapes: the values read back the
	// same, and no character in the answer reorders what a reader sees.
	w.Write(schema.EscapeInvisibleJSON(b.Bytes())) // the client went away: nothing to do
}

// writeError writes err as {"error": "...", "candidates": [...]}: 400 for
// a bad parameter, 404 for an unknown entity, 409 for an ambiguous name
// (with its candidates), 500 for a failure of the store.
func writeError(w http.ResponseWriter, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = &apiError{status: http.StatusInternalServerError, msg: err.Error()}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			ae.status = http.StatusServiceUnavailable
		}
	}
	body := struct {
		Error      string       `json:"error"`
		Candidates []web.Entity `json:"candidates,omitempty"`
	}{ae.msg, ae.candidates}
	writeJSON(w, ae.status, body)
}

// list returns the values of the query parameter name, each split at
// commas, trimmed, without empty ones and duplicates, in order.
func list(r *http.Request, name string) []string {
	var out []string
	for _, v := range r.URL.Query()[name] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// ids returns the entity IDs of the parameter name (see list), at most
// MaxIDs.
func ids(r *http.Request, name string) ([]string, error) {
	out := list(r, name)
	if len(out) > MaxIDs {
		return nil, badRequest("%s: %d entities, more than %d", name, len(out), MaxIDs)
	}
	return out, nil
}

// intParam returns the integer parameter name, def when it is absent.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(r.URL.Query().Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

// filter reads the filter parameters: types (comma-separated relation
// types, in any case), since and until (YYYY, YYYY-MM or YYYY-MM-DD),
// min_confidence (0 to 1) and sources (comma-separated article sources).
func filter(r *http.Request) (graph.Filter, error) {
	var f graph.Filter
	for _, s := range list(r, "types") {
		t := schema.RelationType(strings.ToUpper(strings.ReplaceAll(s, "-", "_")))
		if !t.Valid() {
			return f, badRequest("types: unknown relation type %q", s)
		}
		if !slices.Contains(f.Types, t) {
			f.Types = append(f.Types, t)
		}
	}
	q := r.URL.Query()
	f.Since, f.Until = strings.TrimSpace(q.Get("since")), strings.TrimSpace(q.Get("until"))
	if s := strings.TrimSpace(q.Get("min_confidence")); s != "" {
		c, err := strconv.ParseFloat(s, 64)
		if err != nil || c < 0 || c > 1 {
			return f, badRequest("min_confidence=%q: want a number from 0 to 1", s)
		}
		f.MinConfidence = c
	}
	f.Sources = list(r, "sources")
	if err := f.Validate(); err != nil {
		return f, badRequest("%v", err)
	}
	return f, nil
}

// entity resolves the parameter name, an entity ID or a name, to one
// entity, as kg entity does.
func (s *Server) entity(ctx context.Context, r *http.Request, name string) (schema.Entity, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return schema.Entity{}, badRequest("%s: give an entity ID or name", name)
	}
	res, err := s.resolve(ctx, v)
	return res.Entity, err
}

// resolve returns the one entity that v, an entity ID or a name,
// designates (Options.Lookup's Resolve).
func (s *Server) resolve(ctx context.Context, v string) (query.Resolved, error) {
	res, err := s.opts.Lookup.Resolve(ctx, s.r, v)
	var amb *query.AmbiguousError
	switch {
	case errors.As(err, &amb):
		ae := &apiError{status: http.StatusConflict, msg: amb.Error()}
		for _, c := range amb.Candidates {
			ae.candidates = append(ae.candidates, web.EntityOf(c))
		}
		return res, ae
	case errors.Is(err, query.ErrNoEntity):
		return res, &apiError{status: http.StatusNotFound, msg: err.Error()}
	}
	return res, err
}

// entityID returns the entity ID of the parameter name: the value itself
// when it is an ID (not looked up: an unknown ID has no neighbours), else
// the entity the name designates.
func (s *Server) entityID(ctx context.Context, r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if _, err := uuid.Parse(v); err == nil {
		return v, nil
	}
	e, err := s.entity(ctx, r, name)
	return e.ID, err
}
