package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// seedArgs cut the whole graph of the seed article: its relations form
// two components, around Russia and around Carla Babb. README.md shows
// the picture docs/seed.svg made with them.
var seedArgs = []string{"--seed", "Russia", "--seed", "Carla Babb", "--hops", "3"}

// cyGraph is the part of the json export the tests read.
type cyGraph struct {
	Elements struct {
		Nodes []struct {
			Data map[string]any `json:"data"`
		} `json:"nodes"`
		Edges []struct {
			Data map[string]any `json:"data"`
		} `json:"edges"`
	} `json:"elements"`
}

func readCy(t *testing.T, path string) cyGraph {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g cyGraph
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

func (g cyGraph) ids(which string) []string {
	var out []string
	items := g.Elements.Nodes
	if which == "edges" {
		items = g.Elements.Edges
	}
	for _, it := range items {
		out = append(out, it.Data["id"].(string))
	}
	slices.Sort(out)
	return out
}

// TestExportFileNoNeo4j exports the seed article's graph from the local
// graph file in every format, with no Neo4j configured.
func TestExportFileNoNeo4j(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := t.TempDir()
	abs, _ := filepath.Abs(seed)
	t.Chdir(dir)
	if code, _, stderr := kg(t, "", "build", "-q", abs); code != 0 { // writes kg-out/graph.json
		t.Fatalf("kg build = %d, stderr:\n%s", code, stderr)
	}
	for _, format := range exportFormats {
		out := "seed." + format
		args := append([]string{"export", "--format", format, "-o", out}, seedArgs...)
		code, stdout, stderr := kg(t, "", args...)
		if code != 0 || !strings.Contains(stdout, "wrote ") {
			t.Fatalf("kg %s = %d, stdout %q, stderr:\n%s", strings.Join(args, " "), code, stdout, stderr)
		}
		if format == "csv" {
			for _, f := range []string{"nodes.csv", "relationships.csv"} {
				if b, err := os.ReadFile(filepath.Join(out, f)); err != nil || len(b) == 0 {
					t.Errorf("csv export: %s: %v", f, err)
				}
			}
			continue
		}
		b, err := os.ReadFile(out)
		if err != nil || len(b) == 0 {
			t.Fatalf("%s export: %v", format, err)
		}
		switch format {
		case "json":
			cy := readCy(t, out)
			var names []string
			for _, n := range cy.Elements.Nodes {
				names = append(names, n.Data["name"].(string))
			}
			for _, want := range []string{"Russia", "Dmitry Peskov", "NATO", "Lloyd Austin", "Carla Babb"} {
				if !slices.Contains(names, want) {
					t.Errorf("json export of the seed graph lacks %s: %q", want, names)
				}
			}
			if len(cy.Elements.Edges) < 10 {
				t.Errorf("json export of the seed graph: %d edges", len(cy.Elements.Edges))
			}
		case "svg", "graphml":
			if err := wellFormed(b); err != nil {
				t.Errorf("%s export is not well-formed XML: %v", format, err)
			}
			if !bytes.Contains(b, []byte("Dmitry Peskov")) {
				t.Errorf("%s export lacks Dmitry Peskov", format)
			}
		}
	}
	// To standard output.
	code, stdout, stderr := kg(t, "", "export", "--format", "dot", "--seed", "Peskov")
	if code != 0 || !strings.HasPrefix(stdout, "digraph kg {") {
		t.Errorf("kg export --format dot = %d, stdout %.100q, stderr %s", code, stdout, stderr)
	}
	if t.Failed() {
		return
	}
	networkx(t, "seed.graphml", "seed.json")
}

// TestSeedPicture checks the picture README.md shows: docs/seed.svg, made
// by kg export --format svg from the seed article.
func TestSeedPicture(t *testing.T) {
	b, err := os.ReadFile("../../docs/seed.svg")
	if err != nil {
		t.Fatal(err)
	}
	if err := wellFormed(b); err != nil {
		t.Errorf("docs/seed.svg is not well-formed: %v", err)
	}
	for _, want := range []string{"<svg", "Dmitry Peskov", "Russia", "DENIES", "NATO"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("docs/seed.svg lacks %q", want)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, []byte("![seed graph](docs/seed.svg)")) ||
		!bytes.Contains(readme, []byte(`go run ./cmd/kg build --out kg-out/seed.json testdata/seed.txt`)) ||
		!bytes.Contains(readme, []byte(`kg export --graph kg-out/seed.json --format svg -o docs/seed.svg --seed Russia --seed "Carla Babb" --hops 3`)) {
		t.Errorf("README.md does not show docs/seed.svg with the command that made it")
	}
}

func wellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// networkxScript reads a GraphML file with networkx.read_graphml and a
// json export with networkx.cytoscape_graph, and prints what it found.
const networkxScript = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
with open(sys.argv[2]) as f:
    c = nx.cytoscape_graph(json.load(f))
edges = list(g.edges(data=True))
print(json.dumps({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "cy_nodes": c.number_of_nodes(),
    "cy_edges": c.number_of_edges(),
    "node_ids": sorted(g.nodes()),
    "edge_keys": sorted(d["key"] for _, _, d in edges),
    "provenance": all(d.get("article") and d.get("evidence") and isinstance(d.get("confidence"), float) for _, _, d in edges),
    "dated": sorted(d["key"] + " " + d["date"] for _, _, d in edges if d.get("date")),
    "labels": all(d.get("label") and d.get("type") for _, d in g.nodes(data=True)),
}))
`

// networkx reads the GraphML export with Python's networkx, an
// independent reader, and checks it against the json export of the same
// subgraph: the same nodes and edges, and every edge with its provenance.
// Without python3 and networkx the check is skipped, unless Neo4j tests
// are required (KG_REQUIRE_NEO4J=1 or CI=true), as in testdata/run-tests,
// which installs networkx.
func networkx(t *testing.T, graphml, cyJSON string) {
	t.Helper()
	if err := exec.Command("python3", "-c", "import networkx").Run(); err != nil {
		if neo4jtest.Required() {
			t.Fatalf("python3 with networkx is required here (KG_REQUIRE_NEO4J=1 or CI=true): %v (python3 -m pip install networkx)", err)
		}
		t.Skipf("python3 with networkx is not available (%v): GraphML not read back; python3 -m pip install networkx", err)
	}
	out, err := exec.Command("python3", "-c", networkxScript, graphml, cyJSON).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("networkx: %v\n%s", err, stderr)
	}
	var got struct {
		Nodes      int      `json:"nodes"`
		Edges      int      `json:"edges"`
		CyNodes    int      `json:"cy_nodes"`
		CyEdges    int      `json:"cy_edges"`
		NodeIDs    []string `json:"node_ids"`
		EdgeKeys   []string `json:"edge_keys"`
		Dated      []string `json:"dated"` // "key date" of the edges with a date
		Provenance bool     `json:"provenance"`
		Labels     bool     `json:"labels"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("networkx output %q: %v", out, err)
	}
	cy := readCy(t, cyJSON)
	nodes, edges := cy.ids("nodes"), cy.ids("edges")
	if got.Nodes != len(nodes) || got.Edges != len(edges) || got.CyNodes != len(nodes) || got.CyEdges != len(edges) {
		t.Errorf("networkx read %d nodes, %d edges from GraphML (%d, %d from json); the json export has %d, %d",
			got.Nodes, got.Edges, got.CyNodes, got.CyEdges, len(nodes), len(edges))
	}
	if !slices.Equal(got.NodeIDs, nodes) || !slices.Equal(got.EdgeKeys, edges) {
		t.Errorf("networkx read other node IDs or edge keys from GraphML than the json export has")
	}
	if !got.Provenance || !got.Labels {
		t.Errorf("networkx found edges without article, evidence and confidence, or nodes without labels")
	}
	var dated []string
	for _, e := range cy.Elements.Edges {
		if d, _ := e.Data["date"].(string); d != "" {
			dated = append(dated, e.Data["id"].(string)+" "+d)
		}
	}
	slices.Sort(dated)
	if !slices.Equal(got.Dated, dated) {
		t.Errorf("networkx read the dates of %d edges from GraphML; the json export has %d", len(got.Dated), len(dated))
	}
	if len(edges) == 0 {
		t.Errorf("empty export: the test means to read some edges")
	}
}
