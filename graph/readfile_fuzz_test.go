package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/filestore"
)

// FuzzReadGraphFile reads graph files through kg's reader of the graph
// file (filestore.ReadFile, what port.OpenReader and every command that
// reads the file use), seeded with valid files and their damaged
// variants, mutated: it never panics; it accepts a file exactly when it
// decodes to a graph the naive oracle finds consistent, and refuses the
// others with an error wrapping graph.ErrInconsistent (or a JSON error);
// every question asked of a file it accepts is answered without a
// panic; and the writer opens what the reader accepts.
func FuzzReadGraphFile(f *testing.F) {
	seed := func(g *graph.Graph) {
		data, err := filestore.Encode(g)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	seed(consistentFixture())
	seed(&graph.Graph{})
	for _, damage := range []func(g *graph.Graph){
		func(g *graph.Graph) { g.Entities[0].ID = g.Entities[1].ID },
		func(g *graph.Graph) { g.Relations[0].Object = "ghost" },
		func(g *graph.Graph) { g.Entities[3].Type = "BOGUS" },
		func(g *graph.Graph) { g.Relations[0].Confidence = -5 },
		func(g *graph.Graph) { g.Mentions[0].Count = 0 },
		func(g *graph.Graph) { g.Relations[1].Type = "VISITS" },
	} {
		g := consistentFixture()
		damage(g)
		seed(g)
	}
	dir := f.TempDir()
	path := filepath.Join(dir, "graph.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 { // the oracle is quadratic
			return
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := filestore.ReadFile(path)
		var g graph.Graph
		if json.Unmarshal(data, &g) != nil {
			if err == nil {
				t.Fatalf("ReadFile accepted a file that is not JSON of a graph: %q", data)
			}
			return
		}
		want := consistent(&g)
		if (err == nil) != want {
			t.Fatalf("ReadFile = %v, oracle says consistent = %v, for %s", err, want, data)
		}
		if err != nil {
			if !errors.Is(err, graph.ErrInconsistent) {
				t.Fatalf("ReadFile = %v, does not wrap ErrInconsistent", err)
			}
			return
		}
		ask(t, m, &g)
		s, err := filestore.Open(path)
		if err != nil {
			t.Fatalf("the reader accepts the file, filestore.Open refuses it: %v", err)
		}
		if err := s.Abort(errors.New("fuzz")); err != nil {
			t.Fatal(err)
		}
	})
}

// ask asks m every question of the read port about the entities of g.
func ask(t *testing.T, m *filestore.Memory, g *graph.Graph) {
	ctx := context.Background()
	var f graph.Filter
	var ids []string
	for i, e := range g.Entities {
		if i == 4 {
			break
		}
		ids = append(ids, e.ID)
		if _, err := m.Entity(ctx, e.ID); err != nil {
			t.Fatalf("Entity(%s) = %v", e.ID, err)
		}
		if _, err := m.FindEntities(ctx, e.Name); err != nil {
			t.Fatalf("FindEntities(%q) = %v", e.Name, err)
		}
	}
	if _, err := m.Subgraph(ctx, ids, 2, f); err != nil {
		t.Fatalf("Subgraph = %v", err)
	}
	if _, err := m.Star(ctx, ids, f); err != nil {
		t.Fatalf("Star = %v", err)
	}
	if _, err := m.Timeline(ctx, ids, f, 3); err != nil {
		t.Fatalf("Timeline = %v", err)
	}
	if len(ids) > 1 {
		if _, err := m.ShortestPaths(ctx, ids[0], ids[len(ids)-1], 4, f, 0); err != nil {
			t.Fatalf("ShortestPaths = %v", err)
		}
	}
}
